#pragma once

#include "Error.h"
#include "jose/JwtVerification.h"
#include "jose/ProofChecks.h"
#include "keys/Key.h"
#include "sdjwt/SdJwt.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::sdjwt {

// What the verifier expects of the key binding JWT (RFC 9901 §7.3), and how strict to be.
struct KeyBindingExpectations {
    bool required = false; // a presentation without a KB-JWT is then invalid
    std::optional<std::string> audience; // "aud" must equal it
    std::optional<std::string> nonce; // "nonce" must equal it
    std::chrono::sys_seconds now{}; // core never reads the clock
    std::chrono::seconds maxAge{300}; // how long ago iat may be
    std::chrono::seconds leeway{60}; // clock tolerance, either way
};

enum class KbCheckCode {
    Present, // a KB-JWT is there (when required)
    Type, // typ kb+jwt
    HolderKey, // the issuer-signed JWT's cnf.jwk, a usable public key
    Signature, // the KB-JWT signed by that key, through jose::verifyJwt
    SdHash, // sd_hash over the presentation up to the last '~'
    Audience,
    Nonce,
    IssuedAt, // not in the future, not older than maxAge (both with leeway)
};

[[nodiscard]] std::string_view kbCheckName(KbCheckCode code); // "kb-jwt", "typ", "cnf.jwk", …

struct KbCheck {
    KbCheckCode code;
    jose::CheckOutcome outcome = jose::CheckOutcome::NotChecked;
    std::string reason; // a sentence for people, also when it passed
};

struct SdJwtVerification {
    SdJwt sdJwt; // the parts, the disclosures and the processed claims
    jose::JwtVerification issuer; // the issuer-signed JWT as the one verifier saw it
    std::optional<jose::JwtVerification> keyBinding; // the KB-JWT as it saw it, when there is one to check
    std::vector<KbCheck> checks; // one per KbCheckCode, in its order

    // The issuer signature and claims hold, every disclosure is sound, and every key binding check
    // passed or was not needed (no KB-JWT and none required; no aud or nonce given).
    [[nodiscard]] bool valid() const;
    [[nodiscard]] bool keyBindingValid() const;
    [[nodiscard]] const KbCheck& check(KbCheckCode code) const;
};

// RFC 9901 §7: the issuer-signed JWT through jose::verifyJwt with `keys` and `options` (algorithm
// allow-list, weak keys, claims, now), the disclosures (parseSdJwt), and the KB-JWT when there is
// one, through jose::verifyJwt again with the cnf.jwk key. A failed check is in the report; an
// error only for text that is not an SD-JWT at all.
[[nodiscard]] Result<SdJwtVerification> verifySdJwt(std::string_view text, const jose::KeySource& keys,
                                                    const jose::JwtVerifyOptions& options,
                                                    const KeyBindingExpectations& expected);

} // namespace jwtwb::sdjwt
