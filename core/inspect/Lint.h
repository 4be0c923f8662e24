#pragma once

#include "jose/CompactToken.h"
#include "jwe/Pbes2.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::keys {
class Key;
}

namespace jwtwb::inspect {

// Security findings about one token, what the decoder's Findings list and `jwtwb lint` show. Core
// computes them; the UI and the CLI only present them. Every finding explains itself in a paragraph
// and names its reference (RFC 8725 section, RFC 7515/7519 section, OWASP JWT cheat sheet).

enum class Severity { Error, Warning, Info };

enum class FindingCode {
    AlgNone, // alg "none" in any casing (RFC 8725 §2.1, §3.1)
    UnsupportedAlgorithm, // a JWS whose alg is missing, not a string or not a JWS algorithm (RFC 7515 §4.1.1)
    WeakHmacSecret, // the given HMAC secret is shorter than the hash output (RFC 7518 §3.2, RFC 8725 §3.5)
    KnownSecret, // the weak-secret search found the token's HMAC secret (RFC 8725 §3.5)
    MissingExp, // no exp claim
    Expired, // exp <= now − leeway
    NotYetValid, // nbf > now + leeway
    IssuedInFuture, // iat > now + leeway
    LongLifetime, // exp − iat (or nbf) above the bound
    NeverValid, // exp not after iat, or nbf not before exp
    MillisecondsTimestamp, // a time claim that looks like milliseconds
    InvalidTimeClaim, // exp/nbf/iat present but not a usable jose::NumericDate
    KeyUrlHeader, // jku or x5u: the verifier is asked to fetch a key from a URL (RFC 8725 §3.10)
    EmbeddedKeyHeader, // jwk or x5c: the token carries its own key
    SuspiciousKid, // kid that looks like a path, a URL or SQL
    UnknownCrit, // crit names a parameter no verifier here understands, or is malformed (RFC 7515 §4.1.11)
    TypMissing, // no typ (RFC 8725 §3.11 explicit typing)
    TypUnusual, // typ that is neither JWT nor a known explicit type (at+jwt, …)
    DuplicateMember, // a JSON member repeated in header or payload (RFC 7515 §5.2, RFC 7519 §4)
    NonCanonicalEncoding, // padding, '+'/'/', non-zero trailing bits
    InvalidUtf8, // header or payload bytes are not UTF-8
    ZipInJws, // "zip" belongs to JWE only (RFC 7516 §4.1.3)
    NestedToken, // the payload (or a claim) holds another JWT
    PayloadNotJson, // a JWS whose payload is not a JSON object: not a JWT
    JweRsa15, // RSA1_5 key encryption (RFC 8725 §3.2, RFC 7516 §11.5)
    JweCompressed, // "zip" in a JWE: compression before encryption leaks (RFC 8725 §3.6)
    JwePbes2Parameters, // p2c over the cap or under 1000, p2s under 8 bytes (RFC 7518 §4.8)
    JweEphemeralKey, // ECDH-ES "epk" missing, or holding its private half
};

struct Finding {
    FindingCode code;
    Severity severity;
    std::string title; // short, e.g. "Token has no expiry (exp)"
    std::string explanation; // one paragraph: what it is, why it matters, what to do
    std::string reference; // e.g. "RFC 8725 §3.10; OWASP JWT Cheat Sheet"
    std::string location = {}; // where: "header.alg", "payload.exp", "payload" …
};

struct LintOptions {
    std::chrono::sys_seconds now{};
    std::chrono::seconds leeway{0};
    std::chrono::seconds longLifetimeBound = std::chrono::hours(24);
    const keys::Key* key = nullptr; // the verification key, when the user gave one (secret length check)
    std::vector<std::string> criticalHeaders; // "crit" names understood besides "b64", as JwsVerifyOptions
    // Where the weak-secret search (crack::searchSecret) found this token's HMAC secret, e.g.
    // "bundled list"; empty when it found none. A fact the caller learnt: lint never searches.
    std::string secretFoundIn;
    std::uint64_t maxP2c = jwe::kMaxP2c; // a JWE's PBES2 iteration count above this is refused
};

// Stable names for scripts and tests: "LINT_ALG_NONE", "LINT_WEAK_HMAC_SECRET", … (README: codes)
[[nodiscard]] std::string_view findingCodeName(FindingCode code);
[[nodiscard]] std::string_view severityName(Severity severity); // "error", "warning", "info"

// Findings ordered by severity (errors first), then in the order of the token. Works on a token
// decoded leniently (its encoding notes become findings). Never fails.
[[nodiscard]] std::vector<Finding> lint(const jose::CompactToken& token, const LintOptions& options);

} // namespace jwtwb::inspect
