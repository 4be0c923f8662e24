#pragma once

#include "Error.h"
#include "crypto/Digest.h"
#include "encoding/Json.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::sdjwt {

// What makes an SD-JWT's disclosures unusable (RFC 9901 §7.1). Stable codes: sdProblemName().
enum class SdProblem {
    DisclosureBase64Url, // a disclosure is not base64url
    DisclosureMalformed, // not a JSON array of 2 or 3 elements (or not JSON, or with a repeated member)
    DisclosureSalt, // the salt is not a string
    DisclosureName, // the claim name is not a string
    ForbiddenName, // the claim name is "_sd" or "..."
    NameExists, // the disclosed name is already a claim at that level
    DuplicateDigest, // a digest appears twice (in the payload or across disclosures)
    UnreferencedDisclosure, // a disclosure whose digest is nowhere in the payload
    WrongPlace, // a property's disclosure referenced from an array, or an element's from "_sd"
    MalformedDigests, // "_sd" is not an array of strings, or a "..." element holds no string
    UnsupportedHashAlgorithm, // "_sd_alg" names a hash this program does not compute
};

[[nodiscard]] std::string_view sdProblemName(SdProblem problem); // "ERR_SDJWT_…"

struct SdFinding {
    SdProblem code;
    std::string reason;
    std::size_t position; // byte offset in the input of the part it is about
};

// One disclosure as it appears in the SD-JWT: [salt, name, value] for an object property,
// [salt, value] for an array element.
struct Disclosure {
    std::string text; // base64url, as it appears (digests are computed over this)
    std::size_t offset = 0; // in the input
    std::string digest; // base64url(hash_{_sd_alg}(text)); empty when the hash is not supported
    bool wellFormed = false;
    std::string salt;
    std::optional<std::string> name; // absent for an array element
    encoding::Json value;
    std::string placedAt; // JSON Pointer of the object or array holding its digest; empty when nowhere
    std::string path; // JSON Pointer of what it discloses, array elements by their index as issued
};

struct SdJwt {
    std::string issuerJwt; // at offset 0
    std::vector<Disclosure> disclosures;
    std::optional<std::string> keyBindingJwt;
    std::size_t keyBindingOffset = 0;
    std::string presented; // the input up to and including the last '~' (what sd_hash covers)

    encoding::Json header; // of the issuer-signed JWT
    encoding::Json payload; // its claims, as signed
    std::string hashName = "sha-256"; // "_sd_alg", or the default
    std::optional<crypto::HashAlg> hash; // empty when hashName is not supported

    encoding::Json processed; // RFC 9901 §7.1: disclosed claims in place, "_sd", "_sd_alg" and "..." gone
    std::size_t undisclosed = 0; // digests no disclosure matched (decoys included)
    std::vector<SdFinding> findings; // every one makes the SD-JWT invalid

    [[nodiscard]] bool ok() const { return findings.empty(); }
};

// The hash "_sd_alg" names (IANA Named Information Hash Algorithm names): sha-256, sha-384, sha-512.
[[nodiscard]] std::optional<crypto::HashAlg> hashFromName(std::string_view name);
[[nodiscard]] std::string_view hashNameOf(crypto::HashAlg hash); // "sha-256"; SHA-1 is not one

// base64url(hash(text)), the digest of a disclosure (RFC 9901 §4.2.3) or of a presentation (sd_hash).
[[nodiscard]] std::string digestOf(crypto::HashAlg hash, std::string_view text);

// Splits `<issuer-signed JWT>~<disclosure>~…~[<KB-JWT>]`, decodes each disclosure and processes the
// payload (RFC 9901 §7.1), without checking any signature. Problems with disclosures are findings;
// an error only for text that is not an SD-JWT at all (no '~', or an issuer part that is not a JWS
// with a JSON object payload).
[[nodiscard]] Result<SdJwt> parseSdJwt(std::string_view text);

} // namespace jwtwb::sdjwt
