#include "VerdictText.h"

#include "jose/Algorithm.h"
#include "jose/KeySelector.h"
#include "jwe/JweAlgorithm.h"
#include "support/Convert.h"

#include <QCoreApplication>

namespace jwtwb::ui {
namespace {

// The translation context of these texts: no class here has one.
struct VerdictText {
    Q_DECLARE_TR_FUNCTIONS(VerdictText)
};

QString signatureReason(const jose::SignatureCheck& signature)
{
    if (signature.valid()) {
        // Core says "valid signature", and with a key set which key made it.
        constexpr std::string_view kValid = "valid signature";
        const std::string_view which = std::string_view(signature.reason).starts_with(kValid)
            ? std::string_view(signature.reason).substr(kValid.size())
            : std::string_view();
        return VerdictText::tr("The signature is valid (%1)%2.")
            .arg(toQString(signature.alg ? jose::algorithmName(*signature.alg) : "?"), toQString(which));
    }
    if (signature.problem == jose::SignatureProblem::KeyMismatch
        || signature.problem == jose::SignatureProblem::AlgorithmConfusion) {
        return toSentence(signature.reason); // the verdict says it already: not accepted, and why
    }
    return VerdictText::tr("The signature is not accepted: %1").arg(toSentence(signature.reason));
}

// The claims' findings: errors as they are, warnings marked; whether none is an error.
bool claimReasons(const jose::ClaimReport& claims, QStringList& reasons, QString& firstError)
{
    bool ok = true;
    for (const auto& finding : claims.findings) {
        if (finding.code == jose::ClaimCode::ClaimsNotObject) {
            reasons << VerdictText::tr("The payload is not a JWT claims set, so no claims were checked.");
            continue;
        }
        const bool error = finding.severity == jose::ClaimSeverity::Error;
        ok = ok && !error;
        if (error && firstError.isEmpty()) {
            firstError = toSentence(finding.message);
        }
        reasons << (error ? toSentence(finding.message)
                          : VerdictText::tr("Warning: %1").arg(toSentence(finding.message)));
    }
    return ok;
}

QString keyName(const keys::Key& key)
{
    const std::string& kid = key.parameters().kid;
    return kid.empty() ? toQString(key.describe()) : VerdictText::tr("kid=%1").arg(toQString(kid));
}

} // namespace

Verdict jwtVerdict(const jose::JwtVerification& result)
{
    const auto& signature = result.signature;
    Verdict verdict;
    verdict.reasons << signatureReason(signature);
    if (signature.problem == jose::SignatureProblem::WeakKey) {
        // Core's sentence says whether the signature matches, and why the key is refused.
        verdict.reasons.back() = toSentence(signature.reason);
        verdict.reasons << VerdictText::tr("Tick “Accept weak keys” to accept it with a warning, as a lenient verifier "
                                           "would.");
    }
    for (const auto& warning : signature.warnings) {
        verdict.reasons << VerdictText::tr("Warning: %1").arg(toSentence(warning));
    }
    QString firstClaimError; // the short reason when the signature is valid but the claims are not
    const bool claimsOk = claimReasons(result.claims, verdict.reasons, firstClaimError);
    if (signature.valid() && claimsOk) {
        if (result.claims.findings.empty()) {
            verdict.reasons << VerdictText::tr("The claims hold at the time checked.");
        }
        verdict.state = VerificationState::Valid;
        verdict.headline = VerdictText::tr("Valid");
    } else if (signature.problem == jose::SignatureProblem::MissingPayload) {
        verdict.state = VerificationState::NotVerified;
        verdict.headline = VerdictText::tr("Not verified");
    } else {
        // Core tells the attack (a public key's text as the HMAC secret) from a key that does not fit.
        verdict.state = VerificationState::Invalid;
        verdict.headline = signature.valid() ? VerdictText::tr("Invalid: the claims do not hold")
            : signature.problem == jose::SignatureProblem::AlgorithmConfusion
            ? VerdictText::tr("Invalid: algorithm confusion")
            : signature.problem == jose::SignatureProblem::KeyMismatch
            ? VerdictText::tr("Invalid: the key does not fit")
            : signature.problem == jose::SignatureProblem::WeakKey ? VerdictText::tr("Invalid: the key is too weak")
                                                                   : VerdictText::tr("Invalid");
        if (signature.valid()) {
            verdict.summary = firstClaimError;
        }
    }
    return verdict;
}

QStringList keySelectionLines(const encoding::Json& header, std::span<const keys::Key> keys)
{
    const auto selection = jose::selectKeys(header, keys);
    QStringList lines;
    for (const auto index : selection.matches) {
        lines << VerdictText::tr("Fits this token: %1.").arg(toQString(jose::describeKeyInSet(keys[index], index)));
    }
    for (const auto& rejection : selection.rejected) {
        lines << VerdictText::tr("Skipped %1: %2.")
                     .arg(toQString(jose::describeKeyInSet(keys[rejection.index], rejection.index)),
                          toQString(rejection.reason));
    }
    return lines;
}

Verdict decryptionFailureVerdict(const Error& error)
{
    Verdict verdict;
    verdict.state = VerificationState::Invalid;
    switch (error.code) {
    case Errc::DecryptionFailed:
        verdict.headline = VerdictText::tr("Not decrypted: wrong key, or the token was changed");
        break;
    case Errc::WrongPassphrase: verdict.headline = VerdictText::tr("Not decrypted: wrong passphrase"); break;
    case Errc::UnsupportedAlgorithm: verdict.headline = VerdictText::tr("Not decrypted: unsupported algorithm"); break;
    case Errc::LimitExceeded: verdict.headline = VerdictText::tr("Not decrypted: over a safety limit"); break;
    case Errc::KeyMismatch:
    case Errc::InvalidKey:
    case Errc::KeyNotFound: verdict.headline = VerdictText::tr("Not decrypted: the key does not fit"); break;
    case Errc::WeakKey: verdict.headline = VerdictText::tr("Not decrypted: the key is too weak"); break;
    case Errc::PassphraseRequired: verdict.headline = VerdictText::tr("Not decrypted: the passphrase is empty"); break;
    default: verdict.headline = VerdictText::tr("Not decrypted: the token is malformed"); break;
    }
    verdict.reasons << toSentence(error.message);
    if (error.code == Errc::WeakKey) {
        verdict.reasons << VerdictText::tr("Tick “Accept weak keys” to decrypt with it anyway.");
    }
    return verdict;
}

QString decryptedText(const jwe::DecryptedJwe& decrypted, std::span<const keys::Key> keys)
{
    QString text = VerdictText::tr("Decrypted with %1 / %2")
                       .arg(toQString(jwe::keyAlgorithmInfo(decrypted.alg).name),
                            toQString(jwe::contentAlgorithmInfo(decrypted.enc).name));
    if (decrypted.key < keys.size()) {
        const keys::Key& key = keys[decrypted.key];
        text += keys.size() > 1
            ? VerdictText::tr(", key %1 of %2 (%3)").arg(decrypted.key + 1).arg(keys.size()).arg(keyName(key))
            : VerdictText::tr(", key %1").arg(keyName(key));
    }
    if (decrypted.recipient > 0) {
        text += VerdictText::tr(", as recipient %1").arg(decrypted.recipient + 1);
    }
    if (decrypted.compressed) {
        text += VerdictText::tr(", then inflated (zip DEF)");
    }
    return text + QLatin1Char('.');
}

Verdict encryptedJwtVerdict(const jwe::EncryptedJwtReport& report, std::span<const keys::Key> decryptionKeys,
                            bool signatureKeyGiven)
{
    const QString decrypted = decryptedText(report.decrypted, decryptionKeys);
    Verdict verdict;
    switch (report.content) {
    case jwe::JweContent::NestedJwt:
        if (!report.nested) {
            verdict.state = VerificationState::Invalid;
            verdict.headline = VerdictText::tr("Invalid: the nested token is broken");
            verdict.reasons << VerdictText::tr("Layer 1, encryption: %1").arg(decrypted)
                            << toSentence(report.innerError ? report.innerError->message : std::string());
            verdict.summary = verdict.reasons.back();
            return verdict;
        }
        if (!signatureKeyGiven) {
            verdict.state = VerificationState::NotVerified;
            verdict.headline = VerdictText::tr("Decrypted · signature not verified");
            verdict.reasons << VerdictText::tr("Layer 1, encryption: %1").arg(decrypted)
                            << VerdictText::tr("Layer 2, signature: give the signer's key under “Signature key” to "
                                               "verify the nested token. Until then anyone could have signed it.");
            verdict.summary = decrypted;
            return verdict;
        }
        verdict = jwtVerdict(*report.nested);
        // Both layers in the one line shown elsewhere.
        verdict.summary = VerdictText::tr("%1 %2").arg(
            decrypted, verdict.summary.isEmpty() ? verdict.reasons.value(0) : verdict.summary);
        if (!verdict.reasons.isEmpty()) {
            verdict.reasons.front() = VerdictText::tr("Layer 2, signature: %1").arg(verdict.reasons.front());
        }
        verdict.reasons.prepend(VerdictText::tr("Layer 1, encryption: %1").arg(decrypted));
        return verdict;
    case jwe::JweContent::Claims: {
        verdict.reasons << decrypted
                        << VerdictText::tr(
                               "The claims are encrypted, not signed: anyone who can encrypt to this key could "
                               "have written them.");
        QString firstError;
        const bool ok = report.claims && claimReasons(*report.claims, verdict.reasons, firstError);
        verdict.state = ok ? VerificationState::Valid : VerificationState::Invalid;
        verdict.headline
            = ok ? VerdictText::tr("Valid (decrypted)") : VerdictText::tr("Invalid: the claims do not hold");
        verdict.summary = ok ? decrypted : firstError;
        return verdict;
    }
    case jwe::JweContent::Other: break;
    }
    verdict.state = VerificationState::Valid;
    verdict.headline = VerdictText::tr("Valid (decrypted)");
    verdict.reasons << decrypted
                    << VerdictText::tr(
                           "The content is not a JWT (no \"cty\": \"JWT\", and not a JSON object): it is shown on the "
                           "Decoded tab as it is.");
    verdict.summary = decrypted;
    return verdict;
}

} // namespace jwtwb::ui
