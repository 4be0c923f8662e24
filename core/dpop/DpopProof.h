#pragma once

#include "Error.h"
#include "jose/Algorithm.h"
#include "jose/JwtVerification.h"
#include "jose/ProofChecks.h"
#include "keys/Key.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::dpop {

// RFC 9449 §4.2: a DPoP proof says "typ": "dpop+jwt" and carries its public key in "jwk".
[[nodiscard]] bool looksLikeDpopProof(const encoding::Json& header);

// RFC 9449 §4.2: "ath" is BASE64URL(SHA-256(ASCII(access token))).
[[nodiscard]] std::string accessTokenHash(std::string_view accessToken);

// What the HTTP request that carried the proof says, and how strict to be.
struct DpopExpectations {
    std::string htm; // the request's method, e.g. "POST"
    std::string htu; // the request's URL; query and fragment are ignored (RFC 9449 §4.3)
    std::optional<std::string> accessToken; // presented with the proof: "ath" must match, and cnf.jkt
    std::optional<std::string> nonce; // one the server handed out
    std::chrono::sys_seconds now{};
    std::chrono::seconds iatWindow{300}; // how far iat may be from now, either way
};

enum class DpopCheckCode {
    Type, // typ dpop+jwt
    EmbeddedKey, // jwk: a public key, never a private one
    Signature, // with an asymmetric algorithm, by the embedded key
    RequiredClaims, // jti, htm, htu, iat (and ath with an access token)
    Method, // htm
    Url, // htu
    IssuedAt, // iat within the window
    Nonce,
    AccessTokenHash, // ath
    KeyBinding, // the access token's cnf.jkt is the proof key's thumbprint
};

using CheckOutcome = jose::CheckOutcome;

struct DpopCheck {
    DpopCheckCode code;
    CheckOutcome outcome = CheckOutcome::NotChecked;
    std::string reason; // a sentence for people, also when it passed
};

[[nodiscard]] std::string_view dpopCheckName(DpopCheckCode code); // "typ", "jwk", "signature", …

struct DpopVerification {
    std::vector<DpopCheck> checks; // one per DpopCheckCode, in its order
    std::optional<keys::Key> key; // the embedded public key, when it is one
    std::string thumbprint; // its RFC 7638 SHA-256 thumbprint, base64url
    std::optional<jose::JwtVerification> jwt; // the proof as the one verifier saw it

    // Every check passed, or was not needed (no nonce expected, no access token given).
    [[nodiscard]] bool valid() const;
    [[nodiscard]] const DpopCheck& check(DpopCheckCode code) const;
};

// RFC 9449 §4.3 on one proof. The signature and the claims go through jose::verifyJwt with the
// embedded key; a failed check is in the report, an error only for text that is not a JWS at all.
[[nodiscard]] Result<DpopVerification> verifyDpopProof(std::string_view proof, const DpopExpectations& expected);

struct DpopProofOptions {
    std::string htm;
    std::string htu;
    std::optional<std::string> accessToken; // adds "ath"
    std::optional<std::string> nonce;
    std::chrono::sys_seconds iat{};
    std::string jti; // empty: a fresh random one
    std::optional<jose::JwsAlgorithm> alg; // empty: the first the key fits (ES256 for P-256, …)
};

// The public half of `key` as a proof's "jwk": no private members and no kid, use or alg. An error
// for a secret or a key without its private half, which cannot sign a proof.
[[nodiscard]] Result<encoding::Json> proofJwk(const keys::Key& key);

// A proof's claims in RFC 9449 §4.2's order: jti (a fresh random one when empty), htm, htu, iat,
// then ath and nonce when given.
[[nodiscard]] Result<encoding::Json> proofClaims(const DpopProofOptions& options);

// A proof signed with `key` (a private RSA, EC or OKP key; never a secret), its public half as "jwk".
[[nodiscard]] Result<std::string> createDpopProof(const keys::Key& key, const DpopProofOptions& options);

} // namespace jwtwb::dpop
