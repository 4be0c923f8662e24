#include "CompactToken.h"

#include "encoding/Text.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <iterator>

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

bool isBase64Character(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '+' || c == '/';
}

// The best guess at the bytes of a part that is not base64url: those of its base64url characters
// (a character pasted into a token, a line break, an ellipsis), without a last character that
// makes no byte by itself (a copy cut short).
Bytes decodeBase64Characters(std::string_view text)
{
    std::string characters;
    std::ranges::copy_if(text, std::back_inserter(characters), isBase64Character);
    if (characters.size() % 4 == 1) {
        characters.pop_back();
    }
    auto decoded = encoding::base64UrlDecodeLenient(characters);
    return decoded ? std::move(decoded->bytes) : Bytes();
}

// Starts like JSON (an object or an array), so that a payload that does not parse is broken
// rather than a payload that is not JSON at all (RFC 7515 allows any bytes).
bool startsLikeJson(std::string_view text)
{
    text = encoding::trimAsciiSpace(text);
    return !text.empty() && (text.front() == '{' || text.front() == '[');
}

void markBroken(SegmentReading& reading, std::string problem, std::size_t position)
{
    if (reading.status == SegmentStatus::Ok) {
        reading.status = SegmentStatus::Broken;
        reading.problem = std::move(problem);
        reading.position = position;
    }
}

// One part: its base64url (leniently), a guess at the bytes when that fails.
SegmentReading readPart(std::string_view token, std::size_t begin, std::size_t end, SegmentRole role, std::size_t index,
                        bool unencoded)
{
    const std::string_view text = token.substr(begin, end - begin);
    SegmentReading reading{role, SegmentStatus::Ok, begin, text.size(), {}, {}, {}, {}, {}};
    if (unencoded) {
        reading.bytes = toBytes(text); // RFC 7797: the payload is not base64url-encoded
        return reading;
    }
    auto decoded = encoding::base64UrlDecodeLenient(text, begin);
    if (decoded) {
        reading.bytes = std::move(decoded->bytes);
        return reading;
    }
    markBroken(reading, fmt::format("{} is not valid base64url: {}", partLabel(role, index), decoded.error().message),
               decoded.error().position.value_or(begin));
    reading.bytes = decodeBase64Characters(text);
    if (!reading.bytes.empty()) {
        reading.guess = std::ranges::all_of(text, isBase64Character)
            ? fmt::format("the {} is shown without its last character", segmentName(role))
            : fmt::format("the {} is shown decoded from its base64url characters, without the others",
                          segmentName(role));
    }
    return reading;
}

SegmentReading missingPart(std::size_t at, SegmentRole role, std::string problem)
{
    return SegmentReading{role, SegmentStatus::Missing, at, 0, {}, {}, std::move(problem), at, {}};
}

} // namespace

std::string_view segmentStatusName(SegmentStatus status)
{
    switch (status) {
    case SegmentStatus::Ok: return "OK";
    case SegmentStatus::Missing: return "missing";
    case SegmentStatus::Broken: return "broken";
    case SegmentStatus::Extra: return "extra";
    }
    return "unknown";
}

const SegmentReading* TokenReading::segment(SegmentRole role) const
{
    const auto it = std::ranges::find(segments, std::optional(role), &SegmentReading::role);
    return it != segments.end() ? &*it : nullptr;
}

const SegmentReading* TokenReading::firstProblem() const
{
    const auto it
        = std::ranges::find_if(segments, [](const SegmentReading& s) { return s.status != SegmentStatus::Ok; });
    return it != segments.end() ? &*it : nullptr;
}

bool TokenReading::lacksSignature() const
{
    const SegmentReading* signature = segment(SegmentRole::Signature);
    return signature != nullptr && signature->status == SegmentStatus::Missing;
}

TokenReading readSegments(std::string_view token)
{
    TokenReading reading;
    if (token.size() > kMaxTokenSize) {
        reading.segments.push_back({SegmentRole::Header,
                                    SegmentStatus::Broken,
                                    0,
                                    token.size(),
                                    {},
                                    {},
                                    fmt::format("the token is {} bytes long; tokens over {} MiB are refused",
                                                token.size(), kMaxTokenSize / (1024 * 1024)),
                                    0,
                                    {}});
        return reading;
    }
    std::vector<std::size_t> starts{0};
    for (std::size_t dot = token.find('.'); dot != std::string_view::npos; dot = token.find('.', dot + 1)) {
        starts.push_back(dot + 1);
    }
    const std::size_t parts = starts.size();
    const auto partEnd = [&](std::size_t i) { return i + 1 < parts ? starts[i + 1] - 1 : token.size(); };

    // The header first: it says what kind of token this is and how to read the payload.
    SegmentReading header = partEnd(0) == 0
        ? missingPart(0, SegmentRole::Header,
                      token.empty() ? "the token is empty"
                                    : "the header (part 1) is empty: every JWS and JWE starts with a header")
        : readPart(token, 0, partEnd(0), SegmentRole::Header, 0, false);
    if (!header.bytes.empty()) {
        auto parsed = encoding::parseJson(asText(header.bytes));
        if (!parsed) {
            markBroken(header, fmt::format("the header (part 1) is not valid JSON: {}", parsed.error().message), 0);
        } else if (!parsed->value.is_object()) {
            markBroken(header,
                       fmt::format("the header (part 1) must be a JSON object, but it is {} {}",
                                   parsed->value.is_array() ? "an" : "a", parsed->value.type_name()),
                       0);
        } else {
            header.json = std::move(*parsed);
        }
    }
    const encoding::Json* headerJson = header.json ? &header.json->value : nullptr;
    const auto parameter = [&](std::string_view name) -> const encoding::Json* {
        if (!headerJson) {
            return nullptr;
        }
        const auto it = headerJson->find(name);
        return it != headerJson->end() ? &*it : nullptr;
    };
    reading.kind = headerJson ? (parameter("enc") ? TokenKind::Jwe : TokenKind::Jws)
                              : (parts == 5 ? TokenKind::Jwe : TokenKind::Jws);
    const encoding::Json* b64 = parameter("b64");
    const bool unencoded = reading.kind == TokenKind::Jws && b64 && b64->is_boolean() && !b64->get<bool>();
    const encoding::Json* alg = parameter("alg");
    const bool unsecured = alg && alg->is_string() && alg->get_ref<const std::string&>() == "none";
    reading.segments.push_back(std::move(header));

    const std::span<const SegmentRole> roles = reading.kind == TokenKind::Jws ? std::span<const SegmentRole>(kJwsRoles)
                                                                              : std::span<const SegmentRole>(kJweRoles);
    for (std::size_t i = 1; i < roles.size(); ++i) {
        const SegmentRole role = roles[i];
        if (i >= parts) {
            reading.segments.push_back(
                missingPart(token.size(), role, fmt::format("the token has no {} part", segmentName(role))));
            continue;
        }
        if (role == SegmentRole::Signature && starts[i] == partEnd(i) && !unsecured) {
            reading.segments.push_back(missingPart(
                starts[i], role, "the signature (part 3) is empty: only an unsecured token (alg \"none\") has none"));
            continue;
        }
        SegmentReading part
            = readPart(token, starts[i], partEnd(i), role, i, role == SegmentRole::Payload && unencoded);
        if (role == SegmentRole::Payload && reading.kind == TokenKind::Jws && !part.bytes.empty()) {
            auto parsed = encoding::parseJson(asText(part.bytes));
            if (parsed) {
                part.json = std::move(*parsed);
            } else if (startsLikeJson(asText(part.bytes))) {
                markBroken(part, fmt::format("the payload (part 2) is not valid JSON: {}", parsed.error().message),
                           starts[i]);
            }
        }
        reading.segments.push_back(std::move(part));
    }
    if (parts > roles.size()) {
        const std::size_t first = starts[roles.size()];
        const std::string_view kind = reading.kind == TokenKind::Jws ? "JWS" : "JWE";
        reading.segments.push_back(
            {std::nullopt,
             SegmentStatus::Extra,
             first,
             token.size() - first,
             {},
             {},
             parts == roles.size() + 1
                 ? fmt::format("the token has {} parts, but a compact {} has {}: part {} is one too many", parts, kind,
                               roles.size(), parts)
                 : fmt::format("the token has {} parts, but a compact {} has {}: parts {} to {} are too many", parts,
                               kind, roles.size(), roles.size() + 1, parts),
             first - 1,
             {}});
    }
    return reading;
}

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

Result<CompactParts> splitCompact(std::string_view token, Base64Mode mode)
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

    CompactParts split;
    CompactToken& result = split.token;
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
        const auto failed = [&](Error error) -> Result<Segment> {
            if (error.position) {
                *error.position += begin;
            }
            error.message = fmt::format("{} is not valid base64url: {}", partLabel(roles[i], i), error.message);
            return std::unexpected(std::move(error));
        };
        if (mode == Base64Mode::Strict) {
            auto bytes = encoding::base64UrlDecode(text);
            if (!bytes) {
                return failed(std::move(bytes.error()));
            }
            segment.bytes = std::move(*bytes);
            return segment;
        }
        auto decoded = encoding::base64UrlDecodeLenient(text);
        if (!decoded) {
            return failed(std::move(decoded.error()));
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
    auto headerSegment = decodeSegment(0);
    if (!headerSegment) {
        return std::unexpected(headerSegment.error());
    }
    result.segments.reserve(parts);
    result.segments.push_back(std::move(*headerSegment));
    auto header = encoding::readJsonMembers(result.headerText());
    if (!header) {
        Error error = header.error();
        error.message = fmt::format("the header (part 1) is not valid JSON: {}", error.message);
        error.detail = std::string(result.headerText());
        error.position = 0;
        return std::unexpected(std::move(error));
    }
    if (const encoding::Json* other = header->notObject()) {
        return fail(Errc::NotAJsonObject,
                    fmt::format("the header (part 1) must be a JSON object, but it is {} {}",
                                other->is_array() ? "an" : "a", other->type_name()),
                    0);
    }
    split.header = std::move(*header);
    const encoding::JsonMember* b64 = split.header.find("b64");
    result.unencodedPayload
        = result.kind == TokenKind::Jws && b64 && b64->value.is_boolean() && !b64->value.get<bool>();

    for (std::size_t i = 1; i < parts; ++i) {
        auto segment = decodeSegment(i);
        if (!segment) {
            return std::unexpected(segment.error());
        }
        result.segments.push_back(std::move(*segment));
    }

    return split;
}

void addDocuments(CompactToken& token)
{
    // The header was read by splitCompact with the same parser: it is a JSON object.
    if (auto header = encoding::parseJson(token.headerText())) {
        token.header = std::move(*header);
    }
    if (token.kind == TokenKind::Jws && !token.payload().empty()) {
        auto payload = encoding::parseJson(asText(token.payload()));
        if (payload) {
            token.payloadJson = std::move(*payload);
        } else {
            token.payloadNotJson = payload.error();
        }
    }
}

Result<CompactToken> decodeCompact(std::string_view token, Base64Mode mode)
{
    auto parts = splitCompact(token, mode);
    if (!parts) {
        return std::unexpected(parts.error());
    }
    addDocuments(parts->token);
    return std::move(parts->token);
}

} // namespace jwtwb::jose
