#include "JwsJson.h"

#include "encoding/Base64Url.h"

#include <fmt/format.h>

namespace jwtwb::jose {
namespace {

using encoding::Json;

Result<JwsJsonSignature> parseSignature(const Json& object, std::string_view where)
{
    JwsJsonSignature out;
    if (const auto it = object.find("protected"); it != object.end()) {
        if (!it->is_string()) {
            return fail(Errc::MalformedToken, fmt::format("{}\"protected\" must be a base64url string", where));
        }
        out.protectedB64 = it->get<std::string>();
        auto bytes = encoding::base64UrlDecode(out.protectedB64);
        if (!bytes) {
            return fail(Errc::InvalidBase64Url,
                        fmt::format("{}\"protected\" is not valid base64url: {}", where, bytes.error().message));
        }
        auto header = encoding::parseJsonNoDuplicates(asText(*bytes), "protected header");
        if (!header) {
            Error error = header.error();
            error.message.insert(0, where);
            return std::unexpected(std::move(error));
        }
        if (!header->is_object()) {
            return fail(Errc::NotAJsonObject, fmt::format("{}\"protected\" must hold a JSON object", where));
        }
        out.protectedHeader = std::move(*header);
    }
    if (const auto it = object.find("header"); it != object.end()) {
        if (!it->is_object()) {
            return fail(Errc::MalformedToken, fmt::format("{}\"header\" must be a JSON object", where));
        }
        out.unprotectedHeader = *it;
    }
    if (out.protectedB64.empty() && out.unprotectedHeader.empty()) {
        return fail(Errc::MalformedToken, fmt::format("{}has neither \"protected\" nor \"header\"", where));
    }
    const auto sig = object.find("signature");
    if (sig == object.end() || !sig->is_string()) {
        return fail(Errc::MalformedToken, fmt::format("{}\"signature\" is missing or not a string", where));
    }
    auto signature = encoding::base64UrlDecode(sig->get<std::string>());
    if (!signature) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("{}\"signature\" is not valid base64url: {}", where, signature.error().message));
    }
    out.signature = std::move(*signature);
    return out;
}

} // namespace

Result<JwsJsonDocument> parseJwsJson(std::string_view text)
{
    auto parsed = encoding::parseJsonNoDuplicates(text, "JWS");
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    const Json& root = *parsed;
    if (!root.is_object()) {
        return fail(Errc::NotAJsonObject, "a JWS in JSON serialization is a JSON object");
    }
    JwsJsonDocument document;
    if (const auto payload = root.find("payload"); payload != root.end()) {
        if (!payload->is_string()) {
            return fail(Errc::MalformedToken, "\"payload\" must be a string");
        }
        document.payloadText = payload->get<std::string>();
    }
    if (const auto signatures = root.find("signatures"); signatures != root.end()) {
        if (!signatures->is_array() || signatures->empty()) {
            return fail(Errc::MalformedToken, "\"signatures\" must be a non-empty array");
        }
        if (root.contains("signature") || root.contains("protected") || root.contains("header")) {
            return fail(Errc::MalformedToken,
                        "the JWS mixes the general (\"signatures\") and flattened (\"signature\") forms");
        }
        for (std::size_t i = 0; i < signatures->size(); ++i) {
            const Json& entry = (*signatures)[i];
            const std::string where = fmt::format("signature {}: ", i + 1);
            if (!entry.is_object()) {
                return fail(Errc::MalformedToken, where + "must be a JSON object");
            }
            auto signature = parseSignature(entry, where);
            if (!signature) {
                return std::unexpected(signature.error());
            }
            document.signatures.push_back(std::move(*signature));
        }
        return document;
    }
    if (!root.contains("signature")) {
        return fail(Errc::MalformedToken, "this JSON is not a JWS: it has neither \"signatures\" nor \"signature\"");
    }
    document.flattened = true;
    auto signature = parseSignature(root, "");
    if (!signature) {
        return std::unexpected(signature.error());
    }
    document.signatures.push_back(std::move(*signature));
    return document;
}

} // namespace jwtwb::jose
