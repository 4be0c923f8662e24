#include "TokenExtractor.h"
#include "encoding/Text.h"

#include "encoding/Json.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace jwtwb::jose {
namespace {

constexpr std::array kTokenMembers{std::string_view("access_token"), std::string_view("id_token")};

bool isTokenChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '=' || c == '+'
        || c == '/';
}

bool isBase64UrlChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return encoding::startsWithIgnoringAsciiCase(text, prefix);
}

std::size_t findNoCase(std::string_view text, std::string_view needle, std::size_t from = 0)
{
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
        if (startsWithNoCase(text.substr(i), needle)) {
            return i;
        }
    }
    return std::string_view::npos;
}

// The run of token characters starting at `offset`.
ExtractedToken tokenAt(std::string_view text, std::size_t offset, TokenSource source)
{
    std::size_t end = offset;
    while (end < text.size() && isTokenChar(text[end])) {
        ++end;
    }
    return {std::string(text.substr(offset, end - offset)), offset, source};
}

std::size_t skipSpace(std::string_view text, std::size_t i)
{
    while (i < text.size() && encoding::isAsciiSpace(text[i])) {
        ++i;
    }
    return i;
}

std::optional<ExtractedToken> fromJson(std::string_view text, std::size_t begin)
{
    if (begin >= text.size() || text[begin] != '{') {
        return std::nullopt;
    }
    auto parsed = encoding::parseJson(text.substr(begin));
    if (!parsed || !parsed->value.is_object()) {
        return std::nullopt;
    }
    for (const auto member : kTokenMembers) {
        const auto it = parsed->value.find(member);
        if (it == parsed->value.end() || !it->is_string()) {
            continue;
        }
        const auto& token = it->get_ref<const std::string&>();
        const std::size_t at = text.find(token, begin);
        return ExtractedToken{token, at == std::string_view::npos ? begin : at, TokenSource::JsonMember};
    }
    return std::nullopt;
}

std::optional<ExtractedToken> fromAuthorization(std::string_view text, std::size_t begin)
{
    std::size_t i = begin;
    TokenSource source = TokenSource::BearerScheme;
    if (startsWithNoCase(text.substr(i), "authorization:")) {
        i = skipSpace(text, i + std::string_view("authorization:").size());
        source = TokenSource::AuthorizationHeader;
    }
    if (!startsWithNoCase(text.substr(i), "bearer") || i + 6 >= text.size() || !encoding::isAsciiSpace(text[i + 6])) {
        return std::nullopt;
    }
    return tokenAt(text, skipSpace(text, i + 6), source);
}

std::optional<ExtractedToken> fromUrl(std::string_view text)
{
    for (const auto member : kTokenMembers) {
        std::size_t at = 0;
        while ((at = findNoCase(text, member, at)) != std::string_view::npos) {
            const std::size_t value = at + member.size();
            const bool startsParameter = at == 0 || text[at - 1] == '?' || text[at - 1] == '#' || text[at - 1] == '&';
            if (startsParameter && value < text.size() && text[value] == '=') {
                return tokenAt(text, value + 1, TokenSource::UrlParameter);
            }
            at = value;
        }
    }
    return std::nullopt;
}

// A JWT's header is a JSON object, so its base64url starts with "eyJ" ('{"').
std::optional<ExtractedToken> embedded(std::string_view text)
{
    std::size_t at = 0;
    while ((at = text.find("eyJ", at)) != std::string_view::npos) {
        if (at == 0 || !isBase64UrlChar(text[at - 1])) {
            auto candidate = tokenAt(text, at, TokenSource::Embedded);
            if (std::ranges::count(candidate.token, '.') >= 2) {
                return candidate;
            }
        }
        at += 3;
    }
    return std::nullopt;
}

} // namespace

std::string_view describe(TokenSource source)
{
    switch (source) {
    case TokenSource::Bare: return "token";
    case TokenSource::BearerScheme: return "Bearer value";
    case TokenSource::AuthorizationHeader: return "Authorization header";
    case TokenSource::UrlParameter: return "URL parameter";
    case TokenSource::JsonMember: return "JSON member";
    case TokenSource::Embedded: return "token found in the text";
    }
    return "token";
}

Result<ExtractedToken> extractToken(std::string_view pasted)
{
    std::size_t begin = skipSpace(pasted, 0);
    std::size_t end = pasted.size();
    while (end > begin && encoding::isAsciiSpace(pasted[end - 1])) {
        --end;
    }
    // Quotes around the whole text, as copied from code or a log.
    while (end - begin >= 2 && (pasted[begin] == '"' || pasted[begin] == '\'' || pasted[begin] == '`')
           && pasted[end - 1] == pasted[begin]) {
        begin = skipSpace(pasted, begin + 1);
        --end;
        while (end > begin && encoding::isAsciiSpace(pasted[end - 1])) {
            --end;
        }
    }
    if (begin >= end) {
        return fail(Errc::EmptyInput, "nothing to decode: the text is empty");
    }
    const std::string_view text = pasted.substr(0, end);

    if (auto found = fromJson(text, begin)) {
        return *found;
    }
    if (auto found = fromAuthorization(text, begin)) {
        return *found;
    }
    if (auto found = fromUrl(text.substr(begin))) {
        found->offset += begin;
        return *found;
    }
    const auto bare = tokenAt(text, begin, TokenSource::Bare);
    if (begin + bare.token.size() == end) {
        return bare;
    }
    if (auto found = embedded(text.substr(begin))) {
        found->offset += begin;
        return *found;
    }
    return ExtractedToken{std::string(text.substr(begin)), begin, TokenSource::Bare};
}

} // namespace jwtwb::jose
