#include "SigningSteps.h"

#include "crypto/Digest.h"
#include "encoding/Hex.h"
#include "jose/Algorithm.h"
#include "jose/KeySelector.h"
#include "jose/SignatureEngine.h"
#include "support/Convert.h"
#include "support/Theme.h"

#include <QCoreApplication>

namespace jwtwb::ui {
namespace {

// The translation context of these texts: no class here has one.
struct SigningSteps {
    Q_DECLARE_TR_FUNCTIONS(SigningSteps)
};

// Hex in groups of 8 bytes, so that long signatures wrap.
QString groupedHex(std::span<const std::uint8_t> bytes)
{
    QStringList groups;
    for (std::size_t i = 0; i < bytes.size(); i += 8) {
        groups << toQString(encoding::toHex(bytes.subspan(i, std::min<std::size_t>(8, bytes.size() - i))));
    }
    return QStringLiteral("<code>%1</code>").arg(groups.join(QLatin1Char(' ')));
}

QString operation(const jose::AlgorithmInfo& info)
{
    const QString hash = toQString(crypto::hashName(info.hash));
    switch (info.family) {
    case jose::AlgorithmFamily::Hmac:
        return SigningSteps::tr(
                   "HMAC-%1 mixes the shared secret into the %1 hash of the signing input; the %2-byte result is "
                   "the signature, and anyone who knows the secret can make it.")
            .arg(hash)
            .arg(info.signatureSize);
    case jose::AlgorithmFamily::RsaPkcs1:
        return SigningSteps::tr(
                   "RSASSA-PKCS1-v1_5: the %1 digest is wrapped in a DigestInfo, padded to the key size and raised "
                   "to the private exponent; the public key undoes it to check.")
            .arg(hash);
    case jose::AlgorithmFamily::RsaPss:
        return SigningSteps::tr(
                   "RSASSA-PSS: the %1 digest is mixed with a random salt as long as the hash (MGF1 with %1) and "
                   "signed with the private key, so each signature differs; the public key checks it.")
            .arg(hash);
    case jose::AlgorithmFamily::Ecdsa:
        return SigningSteps::tr(
                   "ECDSA on %1: the %2 digest is signed with the private key and a fresh random number; the "
                   "signature is R ‖ S, %3 bytes each, and the public key checks it.")
            .arg(toQString(keys::curveName(info.curve)), hash)
            .arg(info.signatureSize / 2);
    case jose::AlgorithmFamily::EdDsa:
        return SigningSteps::tr(
            "EdDSA signs the signing input itself (it hashes internally): Ed25519 gives 64 bytes, Ed448 "
            "114; the same key and input always give the same signature.");
    case jose::AlgorithmFamily::Unsecured: break;
    }
    return SigningSteps::tr("alg \"none\": there is no signature at all, so anyone could have made this token.");
}

QString compareWithKey(const jose::CompactToken& token, const jose::AlgorithmInfo& info,
                       std::span<const keys::Key> keys, bool isKeySet, const StatusColors& colors)
{
    if (keys.empty()) {
        return SigningSteps::tr("Give a key on the Verification tab to recompute or check the signature here.");
    }
    std::size_t index = 0;
    if (isKeySet) {
        const auto selection = jose::selectKeys(token.header.value, keys);
        if (selection.matches.empty()) {
            return toQString(selection.explain(keys)).toHtmlEscaped();
        }
        index = selection.matches.front();
    }
    const keys::Key& key = keys[index];
    const auto input = asBytes(token.signingInput());
    const auto& signature = token.signature();
    const auto colored = [](const QColor& color, const QString& text) {
        return QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>").arg(color.name(), text.toHtmlEscaped());
    };
    if (info.family == jose::AlgorithmFamily::Hmac) {
        // The mechanics, whatever the key's strength: the verification panel gives the verdict.
        const auto mac = jose::createSignature(info.alg, key, input, jose::WeakKeys::Accept);
        if (!mac) {
            return colored(colors.bad, toQString(mac.error().message));
        }
        QString out = SigningSteps::tr("HMAC recomputed with your key:<br>%1<br>").arg(groupedHex(*mac));
        std::size_t differs = 0;
        while (differs < mac->size() && differs < signature.size() && (*mac)[differs] == signature[differs]) {
            ++differs;
        }
        if (differs == mac->size() && mac->size() == signature.size()) {
            return out
                + colored(colors.good, SigningSteps::tr("Equal to the token's signature, byte for byte: valid."));
        }
        return out
            + colored(colors.bad,
                      SigningSteps::tr("Differs from the token's signature from byte %1 on: the header or payload "
                                       "was changed, or the secret is not the one that signed it.")
                          .arg(differs + 1));
    }
    const auto check = jose::verifySignature(info.alg, key, input, signature, jose::WeakKeys::Accept);
    const QString reason = toQString(check.reason);
    return SigningSteps::tr("Checked with %1: ").arg(toQString(key.describe()).toHtmlEscaped())
        + colored(check.valid() ? colors.good : colors.bad, reason);
}

} // namespace

QString signingStepsHtml(const jose::CompactToken& token, std::span<const keys::Key> keys, bool isKeySet,
                         const QPalette& palette)
{
    const TokenColors parts = tokenColors(palette);
    const std::string_view input = token.signingInput();
    QString html;
    const auto step = [&html](int number, const QString& title, const QString& body) {
        html += QStringLiteral("<p><b>%1. %2</b><br>%3</p>").arg(number).arg(title, body);
    };
    const QString shownInput = input.size() <= 120
        ? toQString(input)
        : toQString(input.substr(0, 60)) + QStringLiteral(" … ") + toQString(input.substr(input.size() - 40));
    step(1, SigningSteps::tr("Signing input"),
         SigningSteps::tr(
             "ASCII(<span style=\"color:%1\">BASE64URL(header)</span> ‖ '.' ‖ <span style=\"color:%2\">"
             "BASE64URL(payload)</span>): %3 characters, exactly as they stand in the token.<br><code>%4</code>")
             .arg(parts.header.name(), parts.payload.name())
             .arg(input.size())
             .arg(shownInput.toHtmlEscaped()));

    const auto algValue = token.header.value.find("alg");
    const auto alg = algValue != token.header.value.end() && algValue->is_string()
        ? jose::parseAlgorithm(algValue->get<std::string>())
        : std::nullopt;
    if (!alg) {
        step(
            2, SigningSteps::tr("Algorithm"),
            SigningSteps::tr("The header names no algorithm this program knows, so there is no signature to explain."));
        return html;
    }
    const auto& info = jose::algorithmInfo(*alg);
    int number = 2;
    if (info.family != jose::AlgorithmFamily::EdDsa && info.family != jose::AlgorithmFamily::Unsecured) {
        step(number++, SigningSteps::tr("%1 of the signing input").arg(toQString(crypto::hashName(info.hash))),
             groupedHex(crypto::digest(info.hash, asBytes(input))));
    }
    step(number++, SigningSteps::tr("%1: %2").arg(toQString(info.name), toQString(info.description)), operation(info));
    const auto& signature = token.signature();
    step(number++,
         SigningSteps::tr("The token's <span style=\"color:%1\">signature</span> (%2 bytes)")
             .arg(parts.signature.name())
             .arg(signature.size()),
         signature.empty() ? SigningSteps::tr("empty") : groupedHex(signature));
    if (info.family != jose::AlgorithmFamily::Unsecured) {
        step(number, SigningSteps::tr("With your key"),
             compareWithKey(token, info, keys, isKeySet, statusColors(palette)));
    }
    return html;
}

} // namespace jwtwb::ui
