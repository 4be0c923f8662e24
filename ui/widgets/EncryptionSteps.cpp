#include "EncryptionSteps.h"

#include "crypto/Digest.h"
#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "jwe/JweAlgorithm.h"
#include "jwe/KeyManagement.h"
#include "support/Convert.h"
#include "support/Theme.h"

#include <QCoreApplication>

#include <array>
#include <optional>

namespace jwtwb::ui {
namespace {

// The translation context of these texts: no class here has one.
struct EncryptionSteps {
    Q_DECLARE_TR_FUNCTIONS(EncryptionSteps)
};

QString colored(const QColor& color, const QString& text)
{
    return QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>").arg(color.name(), text.toHtmlEscaped());
}

// The size of what base64url text decodes to (padding, which a lenient reading allows, left out).
std::size_t decodedSize(std::string_view text)
{
    while (!text.empty() && text.back() == '=') {
        text.remove_suffix(1);
    }
    return encoding::base64UrlDecodedSize(text.size());
}

QString bytes(std::size_t n)
{
    return EncryptionSteps::tr("%n byte(s)", nullptr, static_cast<int>(n));
}

QString headerString(const encoding::Json& header, const char* name)
{
    const auto it = header.find(name);
    return it != header.end() && it->is_string() ? toQString(it->get<std::string>()) : QString();
}

// The JOSE header of recipient `index`: protected, shared and per-recipient members together.
encoding::Json joinedHeader(const jwe::JweMessage& message, std::size_t index)
{
    return jwe::joinHeaders(message.protectedHeader, message.sharedHeader,
                            index < message.recipients.size() ? message.recipients[index].header
                                                              : encoding::Json::object());
}

std::optional<jwe::KeyAlgorithmInfo> keyAlgorithm(const encoding::Json& header)
{
    const auto alg = jwe::parseKeyAlgorithm(toStdString(headerString(header, "alg")));
    return alg ? std::optional(jwe::keyAlgorithmInfo(*alg)) : std::nullopt;
}

std::optional<jwe::ContentAlgorithmInfo> contentAlgorithm(const encoding::Json& header)
{
    const auto enc = jwe::parseContentAlgorithm(toStdString(headerString(header, "enc")));
    return enc ? std::optional(jwe::contentAlgorithmInfo(*enc)) : std::nullopt;
}

QString partNames(int index)
{
    static const std::array names{
        QT_TRANSLATE_NOOP("EncryptionSteps", "protected header"), QT_TRANSLATE_NOOP("EncryptionSteps", "encrypted key"),
        QT_TRANSLATE_NOOP("EncryptionSteps", "initialization vector"),
        QT_TRANSLATE_NOOP("EncryptionSteps", "ciphertext"), QT_TRANSLATE_NOOP("EncryptionSteps", "authentication tag")};
    return EncryptionSteps::tr(names[static_cast<std::size_t>(index)]);
}

QString part(const TokenColors& colors, int index)
{
    return colored(tokenPartColor(colors, 5, index), partNames(index));
}

// What the encrypted key part holds, in a few words.
QString encryptedKeyNote(const std::optional<jwe::KeyAlgorithmInfo>& info)
{
    if (!info) {
        return EncryptionSteps::tr("the content key, protected by an algorithm this program does not know");
    }
    switch (info->mode) {
    case jwe::KeyManagement::Direct: return EncryptionSteps::tr("empty: with dir the shared key is the content key");
    case jwe::KeyManagement::AesKeyWrap:
        return EncryptionSteps::tr("the content key, wrapped with the shared key (AES key wrap)");
    case jwe::KeyManagement::AesGcmKeyWrap:
        return EncryptionSteps::tr("the content key, encrypted with AES-GCM under the shared key");
    case jwe::KeyManagement::Pbes2:
        return EncryptionSteps::tr("the content key, wrapped with a key derived from the passphrase");
    case jwe::KeyManagement::RsaEncryption:
        return EncryptionSteps::tr("the content key, encrypted with %1 to the recipient's RSA public key")
            .arg(toQString(info->name));
    case jwe::KeyManagement::KeyAgreement: return EncryptionSteps::tr("empty: ECDH-ES agrees the content key itself");
    case jwe::KeyManagement::KeyAgreementWithKeyWrap:
        return EncryptionSteps::tr("the content key, wrapped with a key agreed by ECDH-ES");
    }
    return {};
}

QString keyManagementStep(const encoding::Json& header, const std::optional<jwe::KeyAlgorithmInfo>& info,
                          const std::optional<jwe::ContentAlgorithmInfo>& enc, const TokenColors& colors)
{
    if (!info) {
        return EncryptionSteps::tr(
                   "The header's alg “%1” is no key management algorithm this program knows (RFC 7518 §4), "
                   "so the content key cannot be recovered.")
            .arg(headerString(header, "alg").toHtmlEscaped());
    }
    const QString cekSize = enc ? EncryptionSteps::tr("%1-byte").arg(enc->cekSize) : EncryptionSteps::tr("random");
    const QString encryptedKey = part(colors, 1);
    const QString hash = info->hash ? toQString(crypto::hashName(*info->hash)) : QString();
    switch (info->mode) {
    case jwe::KeyManagement::Direct:
        return EncryptionSteps::tr(
                   "dir: no key is sent. The shared key itself is the %1 content key (CEK), so both sides must already "
                   "have it; the %2 is empty.")
            .arg(cekSize, encryptedKey);
    case jwe::KeyManagement::AesKeyWrap:
        return EncryptionSteps::tr(
                   "%1: the sender makes a %2 random content key (CEK) and wraps it with AES Key Wrap (RFC 3394) under "
                   "the %3-byte shared key; the result, 8 bytes longer, is the %4. Unwrapping checks a built-in "
                   "integrity value, so a wrong key fails here already.")
            .arg(toQString(info->name), cekSize)
            .arg(info->kekSize)
            .arg(encryptedKey);
    case jwe::KeyManagement::AesGcmKeyWrap:
        return EncryptionSteps::tr(
                   "%1: a %2 random content key (CEK) is encrypted with AES-GCM under the %3-byte shared key, with "
                   "the 12-byte “iv” and the 16-byte “tag” that the header carries; the encrypted "
                   "CEK is the %4.")
            .arg(toQString(info->name), cekSize)
            .arg(info->kekSize)
            .arg(encryptedKey);
    case jwe::KeyManagement::Pbes2: {
        const auto p2c = header.find("p2c");
        const QString iterations = p2c != header.end() && p2c->is_number_unsigned()
            ? QString::number(p2c->get<std::uint64_t>())
            : EncryptionSteps::tr("p2c");
        return EncryptionSteps::tr(
                   "%1: PBKDF2 with HMAC-%2 runs %3 times over the passphrase, salted with UTF8(alg) ‖ 0x00 ‖ "
                   "“p2s”, and gives a %4-byte key; that key wraps a %5 random content key (CEK) with AES "
                   "Key Wrap, and the result is the %6. The iteration count makes every guess at the passphrase as "
                   "slow as one decryption.")
            .arg(toQString(info->name), hash, iterations)
            .arg(info->kekSize)
            .arg(cekSize, encryptedKey);
    }
    case jwe::KeyManagement::RsaEncryption:
        if (info->decryptOnly) {
            return EncryptionSteps::tr(
                       "RSA1_5: a %1 random content key (CEK) is encrypted to the recipient's RSA public key with "
                       "PKCS #1 v1.5 padding; the result is the %2. Its padding errors can be turned into a decryption "
                       "oracle (Bleichenbacher), so this program reads it but never writes it (RFC 8725 §3.2).")
                .arg(cekSize, encryptedKey);
        }
        return EncryptionSteps::tr(
                   "%1: a %2 random content key (CEK) is encrypted to the recipient's RSA public key with OAEP "
                   "padding (%3, MGF1 with %3); the result, as long as the modulus, is the %4. Only the private key "
                   "recovers it.")
            .arg(toQString(info->name), cekSize, hash, encryptedKey);
    case jwe::KeyManagement::KeyAgreement:
    case jwe::KeyManagement::KeyAgreementWithKeyWrap: {
        const auto epk = header.find("epk");
        const QString curve
            = epk != header.end() && epk->is_object() && epk->contains("crv") && (*epk)["crv"].is_string()
            ? toQString((*epk)["crv"].get<std::string>())
            : EncryptionSteps::tr("the recipient's curve");
        const QString agreement
            = EncryptionSteps::tr(
                  "The sender makes a fresh key pair on %1 and puts its public half in the header as "
                  "“epk”. ECDH between its private half and the recipient's public key gives a shared "
                  "secret Z, which the recipient gets again from “epk” and the private key. The Concat KDF "
                  "(SHA-256 over Z, the algorithm's name, “apu”, “apv” and the key size) turns Z "
                  "into ")
                  .arg(curve.toHtmlEscaped());
        if (info->mode == jwe::KeyManagement::KeyAgreement) {
            return agreement
                + EncryptionSteps::tr("the %1 content key (CEK) itself, so the %2 is empty.")
                      .arg(cekSize, encryptedKey);
        }
        return agreement
            + EncryptionSteps::tr(
                  "a %1-byte key that wraps a %2 random content key (CEK) with AES Key Wrap; the result is the %3.")
                  .arg(info->kekSize)
                  .arg(cekSize, encryptedKey);
    }
    }
    return {};
}

QString contentStep(const std::optional<jwe::ContentAlgorithmInfo>& enc, bool compressed, const TokenColors& colors)
{
    if (!enc) {
        return EncryptionSteps::tr(
            "The header's “enc” is no content encryption algorithm this program knows (RFC 7518 §5).");
    }
    QString text;
    if (compressed) {
        text += EncryptionSteps::tr("The plaintext was first compressed with DEFLATE (“zip”: “DEF”). ");
    }
    if (enc->gcm) {
        text
            += EncryptionSteps::tr(
                   "%1: AES-GCM with the %2-byte content key and the 12-byte %3 encrypts the plaintext into the %4 (as "
                   "long as the plaintext) and computes the 16-byte %5 over the AAD and the ciphertext.")
                   .arg(toQString(enc->name))
                   .arg(enc->cekSize)
                   .arg(part(colors, 2), part(colors, 3), part(colors, 4));
    } else {
        const std::size_t half = enc->cekSize / 2;
        text += EncryptionSteps::tr(
                    "%1: the %2-byte content key is split in two: the first %3 bytes are the HMAC key, the last %3 the "
                    "AES key. AES-CBC with PKCS #7 padding and the 16-byte %4 encrypts the plaintext into the %5; "
                    "then HMAC-%6 over AAD ‖ IV ‖ ciphertext ‖ AL (the AAD's length in bits, 64-bit big-endian), cut "
                    "to its first %7 bytes, is the %8.")
                    .arg(toQString(enc->name))
                    .arg(enc->cekSize)
                    .arg(half)
                    .arg(part(colors, 2), part(colors, 3), toQString(crypto::hashName(enc->hmacHash)))
                    .arg(enc->tagSize)
                    .arg(part(colors, 4));
    }
    return text;
}

} // namespace

jwe::JweMessage jweMessageOf(const jose::CompactToken& token)
{
    jwe::JweMessage message;
    const auto& header = token.segments[0];
    message.protectedB64 = token.text.substr(header.offset, header.length);
    message.protectedHeader = token.header.value;
    message.recipients.push_back({encoding::Json::object(), token.segments[1].bytes});
    message.iv = token.segments[2].bytes;
    message.ciphertext = token.segments[3].bytes;
    message.tag = token.segments[4].bytes;
    return message;
}

QString jwePartsHtml(const jwe::JweMessage& message, bool compact, const QPalette& palette)
{
    const TokenColors colors = tokenColors(palette);
    const encoding::Json header = joinedHeader(message, 0);
    const auto enc = contentAlgorithm(header);
    const QString encrypted = enc ? EncryptionSteps::tr("the content, encrypted with %1").arg(toQString(enc->name))
                                  : EncryptionSteps::tr("the encrypted content");
    const QString tagNote = EncryptionSteps::tr("proves that header, IV and ciphertext are unchanged");
    const std::size_t protectedSize = decodedSize(message.protectedB64);
    if (compact) {
        const std::array<std::size_t, 5> sizes{protectedSize, message.recipients.front().encryptedKey.size(),
                                               message.iv.size(), message.ciphertext.size(), message.tag.size()};
        const QStringList notes{EncryptionSteps::tr("the JSON above, which is also the additional authenticated data"),
                                encryptedKeyNote(keyAlgorithm(header)),
                                EncryptionSteps::tr("the random starting value of the encryption"), encrypted, tagNote};
        QStringList items;
        for (int i = 0; i < 5; ++i) {
            items << EncryptionSteps::tr("%1. %2, %3: %4")
                         .arg(i + 1)
                         .arg(part(colors, i), bytes(sizes[static_cast<std::size_t>(i)]), notes[i].toHtmlEscaped());
        }
        return EncryptionSteps::tr("<b>Five parts</b> (RFC 7516 §7.1): %1.").arg(items.join(QStringLiteral(" · ")));
    }
    QStringList items;
    items << (message.protectedB64.empty()
                  ? EncryptionSteps::tr("no protected header: nothing of the header is authenticated")
                  : EncryptionSteps::tr("%1, %2: authenticated, not encrypted")
                        .arg(part(colors, 0), bytes(protectedSize)));
    if (!message.sharedHeader.empty()) {
        items << EncryptionSteps::tr("an unprotected header (%1): neither encrypted nor authenticated")
                     .arg(toQString(encoding::toCompactJson(message.sharedHeader)).toHtmlEscaped());
    }
    QStringList recipients;
    for (std::size_t r = 0; r < message.recipients.size(); ++r) {
        const encoding::Json recipientHeader = joinedHeader(message, r);
        recipients << EncryptionSteps::tr("%1 (%2, %3)")
                          .arg(r + 1)
                          .arg(headerString(recipientHeader, "alg").toHtmlEscaped(),
                               bytes(message.recipients[r].encryptedKey.size()));
    }
    items << (message.recipients.size() == 1
                  ? EncryptionSteps::tr("1 recipient, with its %1: %2")
                  : EncryptionSteps::tr("%1 recipients, each with its %2: %3").arg(message.recipients.size()))
                 .arg(part(colors, 1), recipients.join(QStringLiteral(", ")));
    items << EncryptionSteps::tr("%1, %2").arg(part(colors, 2), bytes(message.iv.size()));
    if (message.aadB64) {
        items << EncryptionSteps::tr("%1, %2: authenticated with the header, not encrypted")
                     .arg(colored(colors.warning, EncryptionSteps::tr("aad")), bytes(decodedSize(*message.aadB64)));
    }
    items << EncryptionSteps::tr("%1, %2: %3")
                 .arg(part(colors, 3), bytes(message.ciphertext.size()), encrypted.toHtmlEscaped());
    items << EncryptionSteps::tr("%1, %2: %3").arg(part(colors, 4), bytes(message.tag.size()), tagNote.toHtmlEscaped());
    return EncryptionSteps::tr("<b>JSON serialization</b> (RFC 7516 §7.2): %1.").arg(items.join(QStringLiteral(" · ")));
}

QString encryptionStepsHtml(const jwe::JweMessage& message, bool compact, const QString& outcome,
                            VerificationState outcomeState, const QPalette& palette)
{
    const TokenColors colors = tokenColors(palette);
    const StatusColors status = statusColors(palette);
    const encoding::Json header = joinedHeader(message, 0);
    const auto enc = contentAlgorithm(header);
    QString html;
    int number = 1;
    const auto step = [&html, &number](const QString& title, const QString& body) {
        html += QStringLiteral("<p><b>%1. %2</b><br>%3</p>").arg(number++).arg(title, body);
    };
    if (compact) {
        const std::array<std::size_t, 5> sizes{decodedSize(message.protectedB64),
                                               message.recipients.front().encryptedKey.size(), message.iv.size(),
                                               message.ciphertext.size(), message.tag.size()};
        QStringList parts;
        for (int i = 0; i < 5; ++i) {
            parts << EncryptionSteps::tr("%1 (%2)").arg(part(colors, i), bytes(sizes[static_cast<std::size_t>(i)]));
        }
        step(EncryptionSteps::tr("Five parts"),
             EncryptionSteps::tr(
                 "A compact JWE is %1, each in base64url and separated by dots (RFC 7516 §7.1). Only the header is "
                 "readable without the key.")
                 .arg(parts.join(QStringLiteral(", "))));
    } else {
        step(EncryptionSteps::tr("JSON serialization"),
             EncryptionSteps::tr(
                 "The same parts as JSON members (RFC 7516 §7.2): %1. Several recipients share one ciphertext: each "
                 "has its own header and %2, the same content key wrapped for them.")
                 .arg(jwePartsHtml(message, false, palette)
                          .section(QStringLiteral("</b> (RFC 7516 §7.2): "), 1)
                          .chopped(1),
                      part(colors, 1)));
    }
    for (std::size_t r = 0; r < message.recipients.size(); ++r) {
        const encoding::Json recipientHeader = joinedHeader(message, r);
        const auto info = keyAlgorithm(recipientHeader);
        const QString name = info ? toQString(info->name) : headerString(recipientHeader, "alg").toHtmlEscaped();
        step(message.recipients.size() == 1
                 ? EncryptionSteps::tr("The content key: %1").arg(name)
                 : EncryptionSteps::tr("The content key for recipient %1: %2").arg(r + 1).arg(name),
             keyManagementStep(recipientHeader, info, enc, colors));
    }

    const std::string aad = jwe::additionalData(message.protectedB64, message.aadB64);
    const QString shown = aad.size() <= 80 ? toQString(aad)
                                           : toQString(std::string_view(aad).substr(0, 40)) + QStringLiteral(" … ")
            + toQString(std::string_view(aad).substr(aad.size() - 24));
    QString aadText = EncryptionSteps::tr(
                          "ASCII(BASE64URL(UTF8(%1))): the protected header exactly as it stands in the token, %2 "
                          "characters. It is not encrypted, but the tag covers it, so no header member can be changed.")
                          .arg(part(colors, 0))
                          .arg(message.protectedB64.size());
    aadText += message.aadB64
        ? EncryptionSteps::tr(" This token has an “aad” member, so ‘.’ ‖ BASE64URL(aad) "
                              "follows: %1 characters in all.")
              .arg(aad.size())
        : EncryptionSteps::tr(" (In the JSON serialization an “aad” member, when there is one, follows "
                              "as ‘.’ ‖ BASE64URL(aad).)");
    step(EncryptionSteps::tr("Additional authenticated data (AAD)"),
         aadText + QStringLiteral("<br><code>%1</code>").arg(shown.toHtmlEscaped()));
    step(EncryptionSteps::tr("Content encryption: %1")
             .arg(enc ? toQString(enc->name) : headerString(header, "enc").toHtmlEscaped()),
         contentStep(enc, headerString(header, "zip") == QLatin1String("DEF"), colors));
    step(
        EncryptionSteps::tr("What the tag protects"),
        EncryptionSteps::tr(
            "The %1 authenticates the AAD (the protected header), the %2 and the %3: change one bit of any of them, or "
            "use another key, and decryption stops before any plaintext comes out. The %4 is not covered directly, "
            "but a changed one gives another content key, and the tag fails then too.%5")
            .arg(part(colors, 4), part(colors, 2), part(colors, 3), part(colors, 1),
                 compact ? QString()
                         : EncryptionSteps::tr(
                             " Unprotected headers are not covered at all: what they say is not proven.")));
    if (outcome.isEmpty()) {
        step(EncryptionSteps::tr("With your key"),
             EncryptionSteps::tr("Give the decryption key on the Verification tab to decrypt the token here."));
    } else {
        const QColor color = outcomeState == VerificationState::Valid ? status.good
            : outcomeState == VerificationState::Invalid              ? status.bad
                                                                      : palette.color(QPalette::WindowText);
        step(EncryptionSteps::tr("With your key"), colored(color, outcome));
    }
    return html;
}

} // namespace jwtwb::ui
