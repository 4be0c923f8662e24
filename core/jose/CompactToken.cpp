#include "CompactToken.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace jwtwb::jose {
namespace {

constexpr std::array kJwsRoles{SegmentRole::Header, SegmentRole::Payload, SegmentRole::Signature};
constexpr std::array kJweRoles{SegmentRole::Header, SegmentRole::EncryptedKey, SegmentRole::InitializationVector,
                               SegmentRole::Ciphertext, SegmentRole::AuthenticationTag};

std::string partLabel(SegmentRole role, std::size_t index)
{
    return fmt::format("the {} (part {})", segmentName(role), index + 1);
}

Error partCountError(std::size_t parts)
{
    if (parts == 1) {
        return {Errc::MalformedToken,
                "this is not a compact JWT: it has no '.' (a JWS is header.payload.signature, a JWE has five parts)"};
    }
    if (parts == 2) {
        return {Errc::MalformedToken,
                "the token has 2 parts but a JWS has 3 (header.payload.signature): the "
                "signature part is missing (even an unsecured token ends with a '.')"};
    }
    return {Errc::MalformedToken,
            fmt::format("the token has {} parts: a compact JWS has 3 and a compact JWE has 5", parts)};
}

} // namespace

std::string_view segmentName(SegmentRole role)
{
    switch (role) {
    case SegmentRole::Header: return "header";
    case SegmentRole::Payload: return "payload";
    case SegmentRole::Signature: return "signature";
    case SegmentRole::EncryptedKey: return "encrypted key";
    case SegmentRole::InitializationVector: return "initialization vector";
    case SegmentRole::Ciphertext: return "ciphertext";
    case SegmentRole::AuthenticationTag: return "authentication tag";
    }
    return "part";
}

const Segment& CompactToken::segment(SegmentRole role) const
{
    const auto it = std::ranges::find(segments, role, &Segment::role);
    return it != segments.end() ? *it : segments.front();
}

std::string_view CompactToken::signingInput() const
{
    const Segment& payload = segment(SegmentRole::Payload);
    return std::string_view(text).substr(0, payload.offset + payload.length);
}

bool CompactToken::hasEncodingNotes() const
{
    return std::ranges::any_of(segments, [](const Segment& s) { return !s.notes.empty(); });
}

std::vector<std::string> describeNotes(const CompactToken& token)
{
    std::vector<std::string> warnings;
    for (const auto& segment : token.segments) {
        for (const auto& note : segment.notes) {
            warnings.push_back(fmt::format("{}: {}, at position {}", segmentName(segment.role),
                                           encoding::describe(note.kind), note.position));
        }
    }
    const auto addDuplicates = [&](std::string_view part, const encoding::ParsedJson& parsed) {
        for (const auto& duplicate : parsed.duplicates) {
            warnings.push_back(fmt::format("{}: member \"{}\" appears more than once (at {}); the last one is shown",
                                           part, duplicate.key, duplicate.path.empty() ? "top level" : duplicate.path));
        }
    };
    addDuplicates("header", token.header);
    if (token.payloadJson) {
        addDuplicates("payload", *token.payloadJson);
    }
    return warnings;
}

Result<CompactToken> decodeCompact(std::string_view token, Base64Mode mode)
{
    if (token.empty()) {
        return fail(Errc::EmptyInput, "the token is empty");
    }
    if (token.size() > kMaxTokenSize) {
        return fail(Errc::InputTooLarge,
                    fmt::format("the token is {} bytes long; tokens over {} MiB are refused", token.size(),
                                kMaxTokenSize / (1024 * 1024)));
    }

    std::array<std::size_t, 5> starts{};
    std::size_t parts = 1;
    for (std::size_t dot = token.find('.'); dot != std::string_view::npos; dot = token.find('.', dot + 1)) {
        if (parts < starts.size()) {
            starts[parts] = dot + 1;
        }
        ++parts;
    }
    if (parts != 3 && parts != 5) {
        return std::unexpected(partCountError(parts));
    }

    CompactToken result;
    result.kind = parts == 3 ? TokenKind::Jws : TokenKind::Jwe;
    result.text = std::string(token);
    const std::span<const SegmentRole> roles = result.kind == TokenKind::Jws ? std::span<const SegmentRole>(kJwsRoles)
                                                                             : std::span<const SegmentRole>(kJweRoles);

    const auto decodeSegment = [&](std::size_t i) -> Result<Segment> {
        const std::size_t begin = starts[i];
        const std::size_t end = i + 1 < parts ? starts[i + 1] - 1 : token.size();
        const std::string_view text = token.substr(begin, end - begin);
        Segment segment{roles[i], begin, text.size(), {}, {}};
        if (roles[i] == SegmentRole::Payload && result.unencodedPayload) {
            segment.bytes = toBytes(text); // RFC 7797: the payload is not base64url-encoded
            return segment;
        }
        Result<encoding::LenientBase64> decoded = encoding::LenientBase64{};
        if (mode == Base64Mode::Strict) {
            auto bytes = encoding::base64UrlDecode(text);
            decoded = bytes ? Result<encoding::LenientBase64>(encoding::LenientBase64{std::move(*bytes), {}})
                            : std::unexpected(bytes.error());
        } else {
            decoded = encoding::base64UrlDecodeLenient(text);
        }
        if (!decoded) {
            Error error = decoded.error();
            if (error.position) {
                *error.position += begin;
            }
            error.message = fmt::format("{} is not valid base64url: {}", partLabel(roles[i], i), error.message);
            return std::unexpected(std::move(error));
        }
        segment.bytes = std::move(decoded->bytes);
        segment.notes = std::move(decoded->notes);
        for (auto& note : segment.notes) {
            note.position += begin;
        }
        return segment;
    };

    // The header first: it says how to read the rest (RFC 7797 "b64").
    if (starts[1] == 1) {
        return fail(Errc::MalformedToken, "the header (part 1) is empty: every JWS and JWE starts with a header", 0);
    }
    auto header = decodeSegment(0);
    if (!header) {
        return std::unexpected(header.error());
    }
    result.segments.reserve(parts);
    result.segments.push_back(std::move(*header));
    auto parsedHeader = encoding::parseJson(result.headerText());
    if (!parsedHeader) {
        Error error = parsedHeader.error();
        error.message = fmt::format("the header (part 1) is not valid JSON: {}", error.message);
        error.detail = std::string(result.headerText());
        error.position = 0;
        return std::unexpected(std::move(error));
    }
    if (!parsedHeader->value.is_object()) {
        return fail(Errc::NotAJsonObject,
                    fmt::format("the header (part 1) must be a JSON object, but it is {} {}",
                                parsedHeader->value.is_array() ? "an" : "a", parsedHeader->value.type_name()),
                    0);
    }
    result.header = std::move(*parsedHeader);
    const auto b64 = result.header.value.find("b64");
    result.unencodedPayload
        = result.kind == TokenKind::Jws && b64 != result.header.value.end() && b64->is_boolean() && !b64->get<bool>();

    for (std::size_t i = 1; i < parts; ++i) {
        auto segment = decodeSegment(i);
        if (!segment) {
            return std::unexpected(segment.error());
        }
        result.segments.push_back(std::move(*segment));
    }

    if (result.kind == TokenKind::Jws && !result.payload().empty()) {
        auto payload = encoding::parseJson(asText(result.payload()));
        if (payload) {
            result.payloadJson = std::move(*payload);
        } else {
            result.payloadNotJson = payload.error();
        }
    }
    return result;
}

} // namespace jwtwb::jose
