#include "JweSerialization.h"

#include "encoding/Base64Url.h"
#include "jose/CompactToken.h"
#include "jose/JoseHeader.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::jwe {
namespace {

using encoding::Json;

Result<Bytes> decodeMember(const Json& object, std::string_view name, bool required)
{
    const auto it = object.find(name);
    if (it == object.end()) {
        if (required) {
            return fail(Errc::MalformedToken, fmt::format("the JWE has no \"{}\" member", name));
        }
        return Bytes{};
    }
    if (!it->is_string()) {
        return fail(Errc::MalformedToken, fmt::format("the JWE member \"{}\" is not a string", name));
    }
    auto bytes = encoding::base64UrlDecode(it->get_ref<const std::string&>());
    if (!bytes) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("the JWE member \"{}\" is not base64url: {}", name, bytes.error().message));
    }
    return bytes;
}

Result<Json> headerMember(const Json& object, std::string_view name, std::string_view where)
{
    const auto it = object.find(name);
    if (it == object.end()) {
        return Json::object();
    }
    if (!it->is_object()) {
        return fail(Errc::MalformedToken, fmt::format("the JWE member \"{}\"{} is not a JSON object", name, where));
    }
    return *it;
}

Result<Json> parseProtectedHeader(std::string_view protectedB64)
{
    if (protectedB64.empty()) {
        return Json::object();
    }
    auto bytes = encoding::base64UrlDecode(protectedB64);
    if (!bytes) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("the JWE protected header is not base64url: {}", bytes.error().message));
    }
    auto header = encoding::parseJsonNoDuplicates(asText(*bytes), "JWE protected header");
    if (!header) {
        return std::unexpected(header.error());
    }
    if (!header->is_object()) {
        return fail(Errc::NotAJsonObject, "the JWE protected header is not a JSON object");
    }
    return header;
}

Result<JweRecipient> parseRecipient(const Json& object, std::string_view where)
{
    auto header = headerMember(object, "header", where);
    if (!header) {
        return std::unexpected(header.error());
    }
    auto encryptedKey = decodeMember(object, "encrypted_key", false);
    if (!encryptedKey) {
        return std::unexpected(encryptedKey.error());
    }
    return JweRecipient{std::move(*header), std::move(*encryptedKey)};
}

Result<void> checkDisjoint(const JweMessage& message)
{
    auto shared = jose::sharedHeaderParameter(message.protectedHeader, message.sharedHeader);
    for (const auto& recipient : message.recipients) {
        if (!shared.empty()) {
            break;
        }
        shared = jose::sharedHeaderParameter(message.protectedHeader, recipient.header);
        if (shared.empty()) {
            shared = jose::sharedHeaderParameter(message.sharedHeader, recipient.header);
        }
    }
    if (!shared.empty()) {
        return fail(
            Errc::MalformedToken,
            fmt::format("the JWE header parameter \"{}\" appears in more than one header (RFC 7516 §7.2.1)", shared));
    }
    return {};
}

Result<void> readRecipients(const Json& root, JweMessage& message)
{
    const auto recipients = root.find("recipients");
    if (recipients == root.end()) {
        auto recipient = parseRecipient(root, "");
        if (!recipient) {
            return std::unexpected(recipient.error());
        }
        message.recipients.push_back(std::move(*recipient));
        return {};
    }
    if (root.contains("header") || root.contains("encrypted_key")) {
        return fail(Errc::MalformedToken,
                    "the JWE has both \"recipients\" and a flattened \"header\" or \"encrypted_key\"");
    }
    if (!recipients->is_array() || recipients->empty()) {
        return fail(Errc::MalformedToken, "the JWE member \"recipients\" is not a non-empty array");
    }
    for (std::size_t i = 0; i < recipients->size(); ++i) {
        const Json& entry = (*recipients)[i];
        const std::string where = fmt::format(" of recipients[{}]", i);
        if (!entry.is_object()) {
            return fail(Errc::MalformedToken, fmt::format("the JWE recipients[{}] is not a JSON object", i));
        }
        auto recipient = parseRecipient(entry, where);
        if (!recipient) {
            return std::unexpected(recipient.error());
        }
        message.recipients.push_back(std::move(*recipient));
    }
    return {};
}

} // namespace

Result<JweMessage> parseJweCompact(std::string_view text)
{
    if (const auto parts = std::ranges::count(text, '.') + 1; parts != 5) {
        return fail(Errc::MalformedToken,
                    fmt::format("a compact JWE has 5 parts (header.encrypted key.IV.ciphertext.tag), and this has {}{}",
                                parts, parts == 3 ? ": it is a JWS, a signed token, not an encrypted one" : ""));
    }
    auto token = jose::decodeCompact(text, jose::Base64Mode::Strict);
    if (!token) {
        return std::unexpected(token.error());
    }
    if (token->kind != jose::TokenKind::Jwe) {
        return fail(Errc::MalformedToken, "this is a JWS (three parts), not a JWE (five parts)");
    }
    if (!token->header.duplicates.empty()) {
        return fail(
            Errc::DuplicateMember,
            fmt::format("the JWE protected header repeats the member \"{}\"", token->header.duplicates.front().key));
    }
    const jose::Segment& header = token->segment(jose::SegmentRole::Header);
    JweMessage message;
    message.protectedB64 = token->text.substr(header.offset, header.length);
    message.protectedHeader = std::move(token->header.value);
    message.recipients.push_back({Json::object(), token->segment(jose::SegmentRole::EncryptedKey).bytes});
    message.iv = token->segment(jose::SegmentRole::InitializationVector).bytes;
    message.ciphertext = token->segment(jose::SegmentRole::Ciphertext).bytes;
    message.tag = token->segment(jose::SegmentRole::AuthenticationTag).bytes;
    return message;
}

Result<JweMessage> parseJweJson(std::string_view text)
{
    auto parsed = encoding::parseJsonNoDuplicates(text, "JWE");
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    const Json& root = *parsed;
    if (!root.is_object()) {
        return fail(Errc::NotAJsonObject, "the JWE is not a JSON object");
    }
    JweMessage message;
    if (const auto it = root.find("protected"); it != root.end()) {
        if (!it->is_string()) {
            return fail(Errc::MalformedToken, "the JWE member \"protected\" is not a string");
        }
        message.protectedB64 = it->get<std::string>();
    }
    auto protectedHeader = parseProtectedHeader(message.protectedB64);
    if (!protectedHeader) {
        return std::unexpected(protectedHeader.error());
    }
    message.protectedHeader = std::move(*protectedHeader);
    auto shared = headerMember(root, "unprotected", "");
    if (!shared) {
        return std::unexpected(shared.error());
    }
    message.sharedHeader = std::move(*shared);
    if (auto recipients = readRecipients(root, message); !recipients) {
        return std::unexpected(recipients.error());
    }
    if (const auto it = root.find("aad"); it != root.end()) {
        if (auto aad = decodeMember(root, "aad", true); !aad) {
            return std::unexpected(aad.error());
        }
        message.aadB64 = it->get<std::string>();
    }
    auto iv = decodeMember(root, "iv", true);
    auto ciphertext = decodeMember(root, "ciphertext", true);
    auto tag = decodeMember(root, "tag", true);
    for (const auto* part : {&iv, &ciphertext, &tag}) {
        if (!*part) {
            return std::unexpected(part->error());
        }
    }
    message.iv = std::move(*iv);
    message.ciphertext = std::move(*ciphertext);
    message.tag = std::move(*tag);
    if (auto disjoint = checkDisjoint(message); !disjoint) {
        return std::unexpected(disjoint.error());
    }
    return message;
}

Result<std::string> toJweCompact(const JweMessage& message)
{
    if (message.recipients.size() != 1 || !message.recipients.front().header.empty() || !message.sharedHeader.empty()
        || message.aadB64) {
        return fail(Errc::MalformedToken,
                    "the compact serialization holds one recipient and no unprotected header or aad");
    }
    using encoding::base64UrlEncode;
    return fmt::format("{}.{}.{}.{}.{}", message.protectedB64, base64UrlEncode(message.recipients.front().encryptedKey),
                       base64UrlEncode(message.iv), base64UrlEncode(message.ciphertext), base64UrlEncode(message.tag));
}

Result<Json> toJweJson(const JweMessage& message, JsonSyntax syntax)
{
    if (message.recipients.empty() || (syntax == JsonSyntax::Flattened && message.recipients.size() != 1)) {
        return fail(Errc::MalformedToken, "the flattened JSON serialization holds exactly one recipient");
    }
    using encoding::base64UrlEncode;
    Json out = Json::object();
    if (!message.protectedB64.empty()) {
        out["protected"] = message.protectedB64;
    }
    if (!message.sharedHeader.empty()) {
        out["unprotected"] = message.sharedHeader;
    }
    const auto recipientJson = [](const JweRecipient& recipient) {
        Json entry = Json::object();
        if (!recipient.header.empty()) {
            entry["header"] = recipient.header;
        }
        if (!recipient.encryptedKey.empty()) {
            entry["encrypted_key"] = base64UrlEncode(recipient.encryptedKey);
        }
        return entry;
    };
    if (syntax == JsonSyntax::Flattened) {
        out.update(recipientJson(message.recipients.front()));
    } else {
        Json recipients = Json::array();
        for (const auto& recipient : message.recipients) {
            recipients.push_back(recipientJson(recipient));
        }
        out["recipients"] = std::move(recipients);
    }
    if (message.aadB64) {
        out["aad"] = *message.aadB64;
    }
    out["iv"] = base64UrlEncode(message.iv);
    out["ciphertext"] = base64UrlEncode(message.ciphertext);
    out["tag"] = base64UrlEncode(message.tag);
    return out;
}

} // namespace jwtwb::jwe
