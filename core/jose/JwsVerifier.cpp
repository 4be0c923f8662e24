#include "JwsVerifier.h"

#include "encoding/Base64Url.h"
#include "jose/JoseHeader.h"
#include "jose/JwsJson.h"
#include "jose/KeySelector.h"
#include "jose/SignatureEngine.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::jose {
namespace {

using encoding::Json;
using encoding::JsonMember;
using encoding::JsonMembers;

SignatureCheck problem(std::optional<JwsAlgorithm> alg, SignatureProblem kind, std::string reason,
                       Verdict verdict = Verdict::Invalid)
{
    SignatureCheck check;
    check.alg = alg;
    check.verdict = verdict;
    check.problem = kind;
    check.reason = std::move(reason);
    return check;
}

// A header parameter from the protected header or the unprotected one, which verifyJwsJson has
// checked to be disjoint (RFC 7515 §7.2.1); the compact serialization has no unprotected header.
const JsonMember* findParameter(const JsonMembers& protectedHeader, const JsonMembers* unprotectedHeader,
                                std::string_view name)
{
    const JsonMember* member = protectedHeader.find(name);
    return member || !unprotectedHeader ? member : unprotectedHeader->find(name);
}

// Returns a problem when the header's "crit" or "b64" is not acceptable.
std::optional<SignatureCheck> checkCritical(const JsonMembers& protectedHeader, const JsonMembers* unprotectedHeader,
                                            std::optional<JwsAlgorithm> alg, const JwsVerifyOptions& options,
                                            bool& unencoded)
{
    unencoded = false;
    if (unprotectedHeader && (unprotectedHeader->contains("crit") || unprotectedHeader->contains("b64"))) {
        return problem(alg, SignatureProblem::MalformedHeader,
                       "\"crit\" and \"b64\" must be in the protected header (RFC 7515 §4.1.11, RFC 7797 §3)");
    }
    std::vector<std::string> critical;
    if (const JsonMember* crit = protectedHeader.find("crit")) {
        if (!crit->value.is_array() || crit->value.empty()) {
            return problem(alg, SignatureProblem::MalformedHeader, "\"crit\" must be a non-empty array of names");
        }
        for (const auto& name : crit->value) {
            if (!name.is_string()) {
                return problem(alg, SignatureProblem::MalformedHeader, "\"crit\" must list header names as strings");
            }
            const auto& text = name.get_ref<const std::string&>();
            if (isRegisteredHeaderParameter(text)) {
                return problem(alg, SignatureProblem::MalformedHeader,
                               fmt::format("\"crit\" lists \"{}\", a header parameter every JWS implementation knows "
                                           "(RFC 7515 §4.1.11 forbids that)",
                                           text));
            }
            if (!protectedHeader.contains(text)) {
                return problem(alg, SignatureProblem::MalformedHeader,
                               fmt::format("\"crit\" lists \"{}\", but the header has no such parameter", text));
            }
            if (text != "b64" && std::ranges::find(options.criticalHeaders, text) == options.criticalHeaders.end()) {
                return problem(alg, SignatureProblem::UnknownCriticalHeader,
                               fmt::format("the header marks \"{}\" as critical, and this verifier does not know it: "
                                           "RFC 7515 §4.1.11 requires rejecting the token",
                                           text));
            }
            critical.push_back(text);
        }
    }
    if (const JsonMember* b64 = protectedHeader.find("b64")) {
        if (!b64->value.is_boolean()) {
            return problem(alg, SignatureProblem::MalformedHeader, "\"b64\" must be true or false (RFC 7797 §3)");
        }
        if (std::ranges::find(critical, "b64") == critical.end()) {
            return problem(alg, SignatureProblem::MalformedHeader,
                           "the header uses \"b64\" without listing it in \"crit\", which RFC 7797 §6 requires");
        }
        unencoded = !b64->value.get<bool>();
    }
    return std::nullopt;
}

// The payload as it enters the signing input: as written in the token, or supplied detached.
struct PayloadInput {
    std::string_view asWritten; // the compact segment or the JSON "payload" member
    const Bytes* detached = nullptr; // when the token carries no payload
};

// One signature: header rules, algorithm policy, key choice, then the cryptographic check.
SignatureCheck checkSignature(const JsonMembers& protectedHeader, std::string_view protectedB64,
                              const JsonMembers* unprotectedHeader, const PayloadInput& payload,
                              std::span<const std::uint8_t> signature, const KeySource& keys,
                              const JwsVerifyOptions& options)
{
    if (!protectedHeader.duplicates().empty()) {
        return problem(
            std::nullopt, SignatureProblem::MalformedHeader,
            fmt::format("the header has the member \"{}\" more than once; RFC 7515 §5.2 lets verifiers "
                        "reject that, and this one does, because implementations disagree on which value wins",
                        protectedHeader.duplicates().front().key));
    }
    const JsonMember* algValue = findParameter(protectedHeader, unprotectedHeader, "alg");
    if (!algValue || !algValue->isString) {
        return problem(std::nullopt, SignatureProblem::MalformedHeader, "the header has no \"alg\" string");
    }
    const std::string_view algName = algValue->string;
    const auto alg = parseAlgorithm(algName);
    if (!alg) {
        return problem(std::nullopt, SignatureProblem::UnsupportedAlgorithm,
                       fmt::format("the algorithm \"{}\" is not a JWS algorithm this program supports", algName));
    }
    if (*alg == JwsAlgorithm::None) {
        return problem(alg, SignatureProblem::Unsecured,
                       "the token is unsecured (alg \"none\"): it has no signature, so anyone could have made it; "
                       "verification never accepts it");
    }
    if (!options.algorithms.empty() && std::ranges::find(options.algorithms, *alg) == options.algorithms.end()) {
        std::string allowed;
        for (const auto a : options.algorithms) {
            allowed += (allowed.empty() ? "" : ", ") + std::string(algorithmName(a));
        }
        return problem(alg, SignatureProblem::AlgorithmNotAllowed,
                       fmt::format("the token says {}, but only {} is allowed", algName, allowed));
    }
    bool unencoded = false;
    if (auto critical = checkCritical(protectedHeader, unprotectedHeader, alg, options, unencoded)) {
        return *critical;
    }
    if (keys.keys.empty()) {
        return problem(alg, SignatureProblem::NoKey, "not verified: no key was given", Verdict::NotChecked);
    }

    // ASCII(BASE64URL(header)) '.' payload: where the token holds them side by side (compact form),
    // that is a view of the token itself.
    std::string built;
    std::string_view signingInput;
    const char* afterHeader = protectedB64.data() + protectedB64.size();
    const bool contiguous = !payload.detached && afterHeader + 1 == payload.asWritten.data() && *afterHeader == '.';
    if (contiguous) {
        signingInput = std::string_view(protectedB64.data(), protectedB64.size() + 1 + payload.asWritten.size());
    } else {
        built.reserve(protectedB64.size() + 1 + payload.asWritten.size());
        built.append(protectedB64);
        built += '.';
        if (!payload.detached) {
            built.append(payload.asWritten);
        } else if (unencoded) {
            built.append(asText(*payload.detached));
        } else {
            built += encoding::base64UrlEncode(*payload.detached);
        }
        signingInput = built;
    }

    if (!keys.isSet) {
        return verifySignature(*alg, keys.keys.front(), asBytes(signingInput), signature, options.weakKeys);
    }
    if (auto ambiguous = describeAmbiguousKeySet(keys.keys); !ambiguous.empty()) {
        return problem(alg, SignatureProblem::AmbiguousKeySet, std::move(ambiguous));
    }
    // The key-set rules read the header as a document: the members' own values, joined.
    Json joint = Json::object();
    for (const JsonMembers* header : {&protectedHeader, unprotectedHeader}) {
        for (const JsonMember& member : header ? header->members() : std::span<const JsonMember>()) {
            joint[std::string(member.name)] = member.json();
        }
    }
    const KeySelection selection = selectKeys(joint, keys.keys);
    if (selection.matches.empty()) {
        return problem(alg, SignatureProblem::NoMatchingKey, selection.explain(keys.keys));
    }
    SignatureCheck last;
    for (const std::size_t index : selection.matches) {
        last = verifySignature(*alg, keys.keys[index], asBytes(signingInput), signature, options.weakKeys);
        if (last.valid()) {
            last.reason += " with " + describeKeyInSet(keys.keys[index], index);
            last.keyIndex = index;
            return last;
        }
    }
    return last;
}

// One signature of the JSON serialization: its headers are documents already (parseJwsJson refused
// repeated members), read again as members for checkSignature's rules.
SignatureCheck checkJsonSignature(const JwsJsonSignature& signature, const PayloadInput& payload, const KeySource& keys,
                                  const JwsVerifyOptions& options)
{
    if (const auto shared = sharedHeaderParameter(signature.protectedHeader, signature.unprotectedHeader);
        !shared.empty()) {
        return problem(
            std::nullopt, SignatureProblem::MalformedHeader,
            fmt::format("\"{}\" is in both the protected and the unprotected header (RFC 7515 §7.2.1)", shared));
    }
    const std::string protectedText = encoding::toCompactJson(signature.protectedHeader);
    const std::string unprotectedText = encoding::toCompactJson(signature.unprotectedHeader);
    auto protectedHeader = encoding::readJsonMembers(protectedText);
    auto unprotectedHeader = encoding::readJsonMembers(unprotectedText);
    if (!protectedHeader || !unprotectedHeader) {
        return problem(std::nullopt, SignatureProblem::MalformedHeader, "the header cannot be read");
    }
    return checkSignature(*protectedHeader, signature.protectedB64, &*unprotectedHeader, payload, signature.signature,
                          keys, options);
}

} // namespace

bool JwsVerification::anyValid() const
{
    return std::ranges::any_of(signatures, &SignatureCheck::valid);
}

bool JwsVerification::allValid() const
{
    return !signatures.empty() && std::ranges::all_of(signatures, &SignatureCheck::valid);
}

SignatureCheck checkCompactSignature(const CompactToken& token, const KeySource& keys, const JwsVerifyOptions& options)
{
    auto header = encoding::readJsonMembers(token.headerText());
    if (!header || !header->isObject()) {
        return problem(std::nullopt, SignatureProblem::MalformedHeader, "the header is not a JSON object",
                       Verdict::NotChecked);
    }
    return checkCompactSignature(token, *header, keys, options);
}

SignatureCheck checkCompactSignature(const CompactToken& token, const encoding::JsonMembers& headerMembers,
                                     const KeySource& keys, const JwsVerifyOptions& options)
{
    if (token.kind != TokenKind::Jws) {
        return problem(std::nullopt, SignatureProblem::MalformedHeader,
                       "this is a JWE (encrypted token), not a signed one", Verdict::NotChecked);
    }
    const Segment& header = token.segment(SegmentRole::Header);
    const Segment& payloadSegment = token.segment(SegmentRole::Payload);
    const std::string_view text = token.text;
    const bool detached = token.payload().empty() && options.detachedPayload.has_value();
    const PayloadInput payload{text.substr(payloadSegment.offset, payloadSegment.length),
                               detached ? &*options.detachedPayload : nullptr};
    auto check = checkSignature(headerMembers, text.substr(header.offset, header.length), nullptr, payload,
                                token.signature(), keys, options);
    if (!check.valid() && check.problem == SignatureProblem::SignatureMismatch && token.payload().empty()
        && !detached) {
        check.reason += "; the payload is empty: if it is detached (RFC 7515 Appendix F), supply it to verify";
        check.problem = SignatureProblem::MissingPayload;
    }
    return check;
}

JwsVerification verifyCompact(const CompactToken& token, const KeySource& keys, const JwsVerifyOptions& options)
{
    JwsVerification result;
    result.signatures.push_back(checkCompactSignature(token, keys, options));
    if (token.kind == TokenKind::Jws) {
        const bool detached = token.payload().empty() && options.detachedPayload.has_value();
        result.payload = detached ? *options.detachedPayload : token.payload();
    }
    return result;
}

Result<JwsVerification> verifyJwsJson(std::string_view json, const KeySource& keys, const JwsVerifyOptions& options)
{
    auto document = parseJwsJson(json);
    if (!document) {
        return std::unexpected(document.error());
    }
    JwsVerification result;
    if (!document->payloadText && !options.detachedPayload) {
        return fail(Errc::MalformedToken, "the JWS has no \"payload\" (detached content) and none was supplied");
    }
    for (const auto& signature : document->signatures) {
        Bytes payload;
        if (document->payloadText) {
            // "b64": false in a signature's protected header means the payload member is the payload itself.
            const auto b64 = signature.protectedHeader.find("b64");
            const bool unencoded = b64 != signature.protectedHeader.end() && b64->is_boolean() && !b64->get<bool>();
            if (unencoded) {
                payload = toBytes(*document->payloadText);
            } else {
                auto decoded = encoding::base64UrlDecode(*document->payloadText);
                if (!decoded) {
                    return fail(Errc::InvalidBase64Url,
                                fmt::format("\"payload\" is not valid base64url: {}", decoded.error().message));
                }
                payload = std::move(*decoded);
            }
        } else {
            payload = *options.detachedPayload;
        }
        const PayloadInput input{document->payloadText ? std::string_view(*document->payloadText) : std::string_view(),
                                 document->payloadText ? nullptr : &*options.detachedPayload};
        result.signatures.push_back(checkJsonSignature(signature, input, keys, options));
        result.payload = std::move(payload);
    }
    return result;
}

} // namespace jwtwb::jose
