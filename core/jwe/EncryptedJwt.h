#pragma once

#include "Error.h"
#include "jose/ClaimChecks.h"
#include "jose/JwsVerifier.h"
#include "jose/JwtVerification.h"
#include "jwe/JweDecrypter.h"
#include "jwe/JweMessage.h"
#include "keys/Key.h"

#include <optional>
#include <span>
#include <string_view>

namespace jwtwb::jwe {

// A JWE in any serialization: JSON (flattened or general) when the text starts with '{', compact
// (five parts) otherwise. Surrounding whitespace is ignored.
[[nodiscard]] Result<JweMessage> parseJwe(std::string_view text);

// What a decrypted JWE holds.
enum class JweContent {
    NestedJwt, // "cty": "JWT" (RFC 7519 §5.2): a signed JWT inside
    Claims, // a JSON object: an encrypted JWT's claims set
    Other, // anything else: the plaintext is shown as it is
};

struct EncryptedJwtOptions {
    DecryptOptions decrypt;
    jose::JwtVerifyOptions verify; // the inner JWS of a nested JWT; the claims of either kind
};

struct EncryptedJwtReport {
    DecryptedJwe decrypted;
    JweContent content = JweContent::Other;
    // A nested JWT, verified with the verification keys (none given: the signature is NotChecked
    // with SignatureProblem::NoKey). Empty when the inner token does not decode (see innerError).
    std::optional<jose::JwtVerification> nested;
    std::optional<Error> innerError; // "cty": "JWT" but the plaintext is not a compact JWS
    std::optional<jose::ClaimReport> claims; // JweContent::Claims, checked against verify.claims

    // Decrypted, and for a nested JWT its signature and claims are valid, for claims those are.
    [[nodiscard]] bool valid() const;
};

// One step for an encrypted token: decrypt (RFC 7516 §5.2, with every key source decryptJwe takes),
// then verify a nested JWT through jose::verifyJwt, or check an encrypted claims set with
// jose::checkClaims. Only the decryption is an error; an inner signature that does not match, or an
// expired token, is in the report.
[[nodiscard]] Result<EncryptedJwtReport> decryptJwt(std::string_view token, std::span<const keys::Key> decryptionKeys,
                                                    const jose::KeySource& verificationKeys,
                                                    const EncryptedJwtOptions& options = {});

// The second half of decryptJwt, on a JWE already decrypted: what the plaintext is, a nested JWT
// verified, a claims set checked. For a caller that keeps one decryption and checks it again when
// only the verification keys or options change (the GUI's decoder), so that a slow key management
// (PBES2, RSA) does not run again.
[[nodiscard]] EncryptedJwtReport examineDecrypted(DecryptedJwe decrypted, const jose::KeySource& verificationKeys,
                                                  const jose::JwtVerifyOptions& options = {});

} // namespace jwtwb::jwe
