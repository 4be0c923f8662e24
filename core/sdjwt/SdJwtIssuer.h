#pragma once

#include "Error.h"
#include "crypto/Digest.h"
#include "encoding/Json.h"
#include "jose/Algorithm.h"
#include "keys/Key.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace jwtwb::sdjwt {

struct IssueOptions {
    // What becomes selectively disclosable, as paths into the payload: "given_name",
    // "address/street_address", "nationalities/0" (a leading '/' is allowed: JSON Pointers).
    // A path inside another one's value makes a recursive disclosure.
    std::vector<std::string> disclose;
    std::size_t decoys = 0; // random digests added to the top-level "_sd"
    const keys::Key* holderKey = nullptr; // its public half becomes cnf.jwk
    std::optional<jose::JwsAlgorithm> alg; // empty: the first the key fits
    // The header's members besides "alg", in order: "typ" (e.g. "example+sd-jwt"), "kid", …
    // "alg" is the algorithm's, whatever a member here says.
    encoding::Json header = encoding::Json::object();
    crypto::HashAlg hash = crypto::HashAlg::Sha256; // "_sd_alg"
};

// An SD-JWT (RFC 9901 §4): the payload with each named claim or element replaced by the digest of a
// disclosure with a fresh salt (128 bits from OpenSSL's RAND, base64url), "_sd" arrays sorted, signed
// with `key`, its disclosures after it, ending with '~'. A path that names nothing is an error.
[[nodiscard]] Result<std::string> issueSdJwt(const encoding::Json& payload, const keys::Key& key,
                                             const IssueOptions& options);

struct PresentOptions {
    // Paths as in IssueOptions::disclose, of the issued claims; the disclosures of their parents
    // (for a claim inside a disclosed object) and of what they contain come along.
    std::vector<std::string> disclose;
    const keys::Key* holderKey = nullptr; // signs a KB-JWT when given
    std::string audience;
    std::string nonce;
    std::chrono::sys_seconds iat{};
};

// A presentation (RFC 9901 §4.3) of an issued SD-JWT: only the named disclosures, and a KB-JWT
// ("typ": "kb+jwt"; aud, nonce, iat and sd_hash) when a holder key is given. An error for an
// SD-JWT with findings, or a path no disclosure discloses.
[[nodiscard]] Result<std::string> presentSdJwt(std::string_view sdJwt, const PresentOptions& options);

} // namespace jwtwb::sdjwt
