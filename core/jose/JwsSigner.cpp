#include "JwsSigner.h"

#include "encoding/Base64Url.h"
#include "jose/Algorithm.h"
#include "jose/JoseHeader.h"
#include "jose/SignatureEngine.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::jose {
namespace {

using encoding::Json;

struct PreparedSignature {
    JwsAlgorithm alg;
    bool unencoded;
};

// Checks one signature's headers and key before anything is signed.
Result<PreparedSignature> prepare(const Json& protectedHeader, const Json& unprotectedHeader, const keys::Key* key,
                                  const SignOptions& options)
{
    if (!protectedHeader.is_object() || !unprotectedHeader.is_object()) {
        return fail(Errc::NotAJsonObject, "a JWS header must be a JSON object");
    }
    if (const auto shared = sharedHeaderParameter(protectedHeader, unprotectedHeader); !shared.empty()) {
        return fail(Errc::MalformedToken,
                    fmt::format("\"{}\" is in both the protected and the unprotected header", shared));
    }
    const Json* algValue = findHeaderParameter(protectedHeader, unprotectedHeader, "alg");
    if (!algValue || !algValue->is_string()) {
        return fail(Errc::UnsupportedAlgorithm, "the header needs an \"alg\" string");
    }
    const auto alg = parseAlgorithm(algValue->get<std::string>());
    if (!alg) {
        return fail(Errc::UnsupportedAlgorithm,
                    fmt::format("\"{}\" is not a JWS algorithm this program supports", algValue->get<std::string>()));
    }
    if (*alg == JwsAlgorithm::None) {
        if (!options.allowUnsecured) {
            return fail(Errc::AlgorithmNotAllowed,
                        "alg \"none\" makes an unsecured token that anyone can forge; it must be asked for explicitly");
        }
        if (key) {
            return fail(Errc::KeyMismatch, "alg \"none\" takes no key");
        }
    } else if (!key) {
        return fail(Errc::InvalidKey, fmt::format("{} needs a key", algorithmName(*alg)));
    }
    bool unencoded = false;
    if (const auto b64 = protectedHeader.find("b64"); b64 != protectedHeader.end()) {
        if (!b64->is_boolean()) {
            return fail(Errc::MalformedToken, "\"b64\" must be true or false");
        }
        const auto crit = protectedHeader.find("crit");
        const bool listed
            = crit != protectedHeader.end() && crit->is_array() && std::ranges::find(*crit, Json("b64")) != crit->end();
        if (!listed) {
            return fail(Errc::MalformedToken,
                        "\"b64\" must be listed in \"crit\" (RFC 7797 §6): add \"crit\": [\"b64\"]");
        }
        unencoded = !b64->get<bool>();
    }
    if (unprotectedHeader.contains("b64") || unprotectedHeader.contains("crit")) {
        return fail(Errc::MalformedToken, "\"b64\" and \"crit\" belong in the protected header");
    }
    return PreparedSignature{*alg, unencoded};
}

Result<std::string> signatureB64(const PreparedSignature& prepared, const keys::Key* key, std::string_view signingInput,
                                 WeakKeys weak)
{
    if (prepared.alg == JwsAlgorithm::None) {
        return std::string();
    }
    auto signature = createSignature(prepared.alg, *key, asBytes(signingInput), weak);
    if (!signature) {
        return std::unexpected(signature.error());
    }
    return encoding::base64UrlEncode(*signature);
}

std::string payloadPart(std::span<const std::uint8_t> payload, bool unencoded)
{
    return unencoded ? std::string(asText(payload)) : encoding::base64UrlEncode(payload);
}

} // namespace

Result<std::string> compactJsonText(std::string_view jsonText, std::string_view what)
{
    auto parsed = encoding::parseJsonNoDuplicates(jsonText, what);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    return encoding::toCompactJson(*parsed);
}

Result<std::string> signCompact(std::string_view headerJson, std::span<const std::uint8_t> payload,
                                const keys::Key* key, const SignOptions& options)
{
    auto header = encoding::parseJsonNoDuplicates(headerJson, "header");
    if (!header) {
        return std::unexpected(header.error());
    }
    auto prepared = prepare(*header, Json::object(), key, options);
    if (!prepared) {
        return std::unexpected(prepared.error());
    }
    const std::string payloadText = payloadPart(payload, prepared->unencoded);
    if (prepared->unencoded && !options.detachedPayload && payloadText.find('.') != std::string::npos) {
        return fail(Errc::MalformedToken,
                    "an unencoded payload (\"b64\": false) containing '.' cannot be sent in compact form: detach it "
                    "(RFC 7797 §5.2)");
    }
    std::string token
        = encoding::base64UrlEncode(options.exactHeader ? std::string(headerJson) : encoding::toCompactJson(*header));
    token += '.';
    token += payloadText;
    auto signature = signatureB64(*prepared, key, token, options.weakKeys);
    if (!signature) {
        return std::unexpected(signature.error());
    }
    if (options.detachedPayload) {
        token.erase(token.find('.') + 1);
    }
    token += '.';
    token += *signature;
    return token;
}

Result<Json> signJson(std::span<const SignatureSpec> signatures, std::span<const std::uint8_t> payload,
                      JsonSerialization form, const SignOptions& options)
{
    if (signatures.empty()) {
        return fail(Errc::InvalidKey, "a JWS needs at least one signature");
    }
    if (form == JsonSerialization::Flattened && signatures.size() != 1) {
        return fail(Errc::MalformedToken, "the flattened serialization holds exactly one signature");
    }
    std::optional<bool> unencoded;
    Json entries = Json::array();
    for (const auto& spec : signatures) {
        auto prepared = prepare(spec.protectedHeader, spec.unprotectedHeader, spec.key, options);
        if (!prepared) {
            return std::unexpected(prepared.error());
        }
        if (unencoded && *unencoded != prepared->unencoded) {
            return fail(Errc::MalformedToken, "all signatures must agree on \"b64\" (RFC 7797 §3)");
        }
        unencoded = prepared->unencoded;
        const std::string protectedB64 = spec.protectedHeader.empty()
            ? std::string()
            : encoding::base64UrlEncode(encoding::toCompactJson(spec.protectedHeader));
        auto signature = signatureB64(*prepared, spec.key,
                                      protectedB64 + "." + payloadPart(payload, prepared->unencoded), options.weakKeys);
        if (!signature) {
            return std::unexpected(signature.error());
        }
        Json entry = Json::object();
        if (!protectedB64.empty()) {
            entry["protected"] = protectedB64;
        }
        if (!spec.unprotectedHeader.empty()) {
            entry["header"] = spec.unprotectedHeader;
        }
        entry["signature"] = *signature;
        entries.push_back(std::move(entry));
    }
    Json out = Json::object();
    if (!options.detachedPayload) {
        out["payload"] = payloadPart(payload, *unencoded);
    }
    if (form == JsonSerialization::General) {
        out["signatures"] = std::move(entries);
    } else {
        for (auto& [name, value] : entries.front().items()) {
            out[name] = value;
        }
    }
    return out;
}

} // namespace jwtwb::jose
