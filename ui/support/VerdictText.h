#pragma once

#include "Error.h"
#include "encoding/Json.h"
#include "jose/JwtVerification.h"
#include "jwe/EncryptedJwt.h"
#include "keys/Key.h"

#include <QString>
#include <QStringList>

#include <span>

namespace jwtwb::ui {

enum class VerificationState { NotVerified, Valid, Invalid };

// A verdict as the verification panel shows it: the state, its headline ("Invalid: the key does not
// fit"), the reasons, one per line, and the short form shown elsewhere (the first reason unless set).
struct Verdict {
    VerificationState state = VerificationState::NotVerified;
    QString headline;
    QStringList reasons;
    QString summary;
};

// A verified JWT (its signature, then its claims) in plain words.
[[nodiscard]] Verdict jwtVerdict(const jose::JwtVerification& result);

// For a key set: the key that fits a token with this header, and why each other one was skipped.
[[nodiscard]] QStringList keySelectionLines(const encoding::Json& header, std::span<const keys::Key> keys);

// Why a JWE does not decrypt: a headline naming the kind of failure (wrong key or changed data,
// wrong passphrase, unsupported algorithm, a limit, a key that does not fit) and core's sentence.
[[nodiscard]] Verdict decryptionFailureVerdict(const Error& error);

// "Decrypted with RSA-OAEP / A128GCM, key kid=…", naming the key of a set and the recipient of several.
[[nodiscard]] QString decryptedText(const jwe::DecryptedJwe& decrypted, std::span<const keys::Key> keys);

// A decrypted JWE, layer by layer: the decryption, then the nested JWT's signature and claims (not
// verified while `signatureKeyGiven` is false), or the claims of an encrypted claims set.
[[nodiscard]] Verdict encryptedJwtVerdict(const jwe::EncryptedJwtReport& report,
                                          std::span<const keys::Key> decryptionKeys, bool signatureKeyGiven);

} // namespace jwtwb::ui
