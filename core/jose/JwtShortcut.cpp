#include "JwtShortcut.h"

#include "encoding/Base64Url.h"
#include "encoding/FlatJson.h"
#include "jose/CompactToken.h"
#include "jose/Lifetime.h"
#include "jose/NumericDate.h"
#include "jose/SignatureEngine.h"

#include <algorithm>
#include <array>

namespace jwtwb::jose {
namespace {

using encoding::FlatMember;
using encoding::FlatObject;
using std::chrono::seconds;
using std::chrono::sys_seconds;

// The longest signature decoded on the stack: RSA with an 8192-bit key.
constexpr std::size_t kMaxSignatureSize = 1024;

// The claims the checks look at, picked in one pass over the members.
struct ClaimFields {
    const FlatMember* iat = nullptr;
    const FlatMember* nbf = nullptr;
    const FlatMember* exp = nullptr;
    const FlatMember* authTime = nullptr;
    const FlatMember* iss = nullptr;
    const FlatMember* sub = nullptr;
    const FlatMember* aud = nullptr;
};

// A three-character name as one number, for a switch: one comparison tree instead of a chain of
// string comparisons (which mispredicts, member after member).
constexpr std::uint32_t shortName(std::string_view name)
{
    return static_cast<std::uint32_t>(static_cast<unsigned char>(name[0])) << 16
        | static_cast<std::uint32_t>(static_cast<unsigned char>(name[1])) << 8 | static_cast<unsigned char>(name[2]);
}

ClaimFields pickClaims(const FlatObject& claims)
{
    ClaimFields fields;
    for (const FlatMember& member : claims.members()) {
        const std::string_view name = member.name;
        if (name.size() == 3) {
            switch (shortName(name)) {
            case shortName("iat"): fields.iat = &member; break;
            case shortName("nbf"): fields.nbf = &member; break;
            case shortName("exp"): fields.exp = &member; break;
            case shortName("iss"): fields.iss = &member; break;
            case shortName("sub"): fields.sub = &member; break;
            case shortName("aud"): fields.aud = &member; break;
            default: break;
            }
        } else if (name == "auth_time") {
            fields.authTime = &member;
        }
    }
    return fields;
}

// A time claim that is absent, or a whole number of seconds that ClaimChecks takes without a
// finding (in range, not looking like milliseconds). Anything else is for the full path.
bool readTimeClaim(const FlatMember* member, std::optional<sys_seconds>& time)
{
    if (member == nullptr) {
        return true;
    }
    const auto value = member->integer();
    if (!value || *value < -kMaxNumericDate || *value > kMaxNumericDate || *value >= kMillisecondsThreshold) {
        return false;
    }
    time = sys_seconds(seconds(*value));
    return true;
}

bool timesAreClean(const ClaimFields& fields, const ClaimOptions& options)
{
    std::optional<sys_seconds> iat;
    std::optional<sys_seconds> nbf;
    std::optional<sys_seconds> exp;
    std::optional<sys_seconds> authTime;
    if (!readTimeClaim(fields.iat, iat) || !readTimeClaim(fields.nbf, nbf) || !readTimeClaim(fields.exp, exp)
        || !readTimeClaim(fields.authTime, authTime)) {
        return false;
    }
    const seconds leeway = clampLeeway(options.leeway);
    const sys_seconds now = options.now;
    if ((exp && isExpired(*exp, now, leeway)) || (nbf && isNotYetValid(*nbf, now, leeway))
        || (iat && isIssuedInFuture(*iat, now, leeway))) {
        return false;
    }
    return !options.maxTokenAge || (iat && !isTooOld(*iat, now, leeway, *options.maxTokenAge));
}

bool isOneOf(const FlatMember* member, std::span<const std::string> values)
{
    const auto text = member ? member->plainString() : std::nullopt;
    return text && std::ranges::find(values, *text) != values.end();
}

// aud absent, a string or an array of strings (anything else is a warning), and when audiences
// are expected, one of them in it.
bool audienceIsClean(const FlatMember* aud, const std::vector<std::string>& audiences)
{
    if (aud == nullptr) {
        return audiences.empty();
    }
    if (aud->kind == encoding::FlatKind::String) {
        return audiences.empty() || isOneOf(aud, audiences);
    }
    if (aud->kind != encoding::FlatKind::Array || !aud->plainStrings) {
        return false;
    }
    bool found = audiences.empty();
    encoding::forEachPlainString(
        *aud, [&](std::string_view value) { found = found || std::ranges::find(audiences, value) != audiences.end(); });
    return found;
}

bool claimsAreClean(const FlatObject& claims, const ClaimOptions& options)
{
    const ClaimFields fields = pickClaims(claims);
    const bool present = std::ranges::all_of(options.requiredClaims,
                                             [&](const std::string& claim) { return claims.find(claim) != nullptr; });
    return present && (options.issuers.empty() || isOneOf(fields.iss, options.issuers))
        && (!options.subject || isOneOf(fields.sub, std::span(&*options.subject, 1)))
        && audienceIsClean(fields.aud, options.audiences) && timesAreClean(fields, options);
}

// The algorithm of a header that checkCompactSignature accepts without a word, or nullopt.
std::optional<JwsAlgorithm> cleanHeaderAlgorithm(const FlatObject& header, const JwtVerifyOptions& options)
{
    const FlatMember* alg = nullptr;
    const FlatMember* typ = nullptr;
    for (const FlatMember& member : header.members()) {
        if (member.name.size() == 3) {
            switch (shortName(member.name)) {
            case shortName("alg"): alg = &member; break;
            case shortName("typ"): typ = &member; break;
            case shortName("b64"): return std::nullopt; // RFC 7797's rules: the full path's
            default: break;
            }
        } else if (member.name == "crit") {
            return std::nullopt; // RFC 7515 §4.1.11: the full path's
        }
    }
    const auto name = alg ? alg->plainString() : std::nullopt;
    const auto parsed = name ? parseAlgorithm(*name) : std::nullopt;
    if (!parsed || *parsed == JwsAlgorithm::None
        || (!options.jws.algorithms.empty()
            && std::ranges::find(options.jws.algorithms, *parsed) == options.jws.algorithms.end())) {
        return std::nullopt;
    }
    if (options.claims.type) {
        const auto text = typ ? typ->plainString() : std::nullopt;
        if (!text || !typeMatches(*text, *options.claims.type)) {
            return std::nullopt;
        }
    }
    return parsed;
}

} // namespace

std::optional<JwtVerification> verifyCleanJwt(std::string_view token, const KeySource& keys,
                                              const JwtVerifyOptions& options)
{
    if (keys.isSet || keys.keys.size() != 1 || options.jws.detachedPayload || token.size() > kMaxTokenSize) {
        return std::nullopt;
    }
    const std::size_t firstDot = token.find('.');
    const std::size_t secondDot = firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    // A third dot needs no search: it is no base64url character, so the signature's decoding
    // below refuses it.
    if (firstDot == 0 || secondDot == std::string_view::npos) {
        return std::nullopt;
    }
    // Header and payload decoded into the one buffer that the result keeps.
    const std::string_view headerText = token.substr(0, firstDot);
    const std::string_view payloadText = token.substr(firstDot + 1, secondDot - firstDot - 1);
    const std::size_t headerSize = encoding::base64UrlDecodedSize(headerText.size());
    Bytes decoded(headerSize + encoding::base64UrlDecodedSize(payloadText.size()));
    const std::span<std::uint8_t> header = std::span(decoded).first(headerSize);
    const std::span<std::uint8_t> payload = std::span(decoded).subspan(headerSize);
    FlatObject headerFields;
    if (!encoding::base64UrlDecodeInto(headerText, header)
        || !encoding::scanFlatObject(asText(header), headerFields, {.nestedObjects = false})) {
        return std::nullopt;
    }
    const auto alg = cleanHeaderAlgorithm(headerFields, options);
    FlatObject claims;
    if (!alg || !encoding::base64UrlDecodeInto(payloadText, payload)
        || !encoding::scanFlatObject(asText(payload), claims) || !claimsAreClean(claims, options.claims)) {
        return std::nullopt;
    }
    // The signature last: it costs the most, and a token declined above is verified again in full.
    std::array<std::uint8_t, kMaxSignatureSize> buffer;
    const std::string_view signatureText = token.substr(secondDot + 1);
    const std::size_t signatureSize = encoding::base64UrlDecodedSize(signatureText.size());
    const std::span<std::uint8_t> signature(buffer.data(), std::min(signatureSize, buffer.size()));
    if (signatureSize > buffer.size() || !encoding::base64UrlDecodeInto(signatureText, signature)) {
        return std::nullopt;
    }
    SignatureCheck check = verifySignature(*alg, keys.keys.front(), asBytes(token.substr(0, secondDot)), signature);
    if (!check.valid() || !check.warnings.empty()) {
        return std::nullopt;
    }
    // Built in the optional itself: each move of the result copies its short strings again (a
    // call to memcpy each), about 80 cycles per verification.
    return std::optional<JwtVerification>(std::in_place, std::move(check), ClaimReport{}, std::move(decoded),
                                          headerSize);
}

} // namespace jwtwb::jose
