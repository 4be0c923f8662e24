#include "TokenExtractor.h"

#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "encoding/JsonMembers.h"
#include "encoding/Text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <map>
#include <numeric>
#include <set>

namespace jwtwb::inspect {

using namespace jose; // inspect explains what jose defines
namespace {

constexpr auto npos = std::string_view::npos;

// The characters of a token in any base64 spelling, with its dots: a table, since every character
// of every pasted line is looked up.
constexpr std::array<bool, 256> kTokenChars = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const char ch = static_cast<char>(c);
        table[static_cast<std::size_t>(c)]
            = encoding::isAsciiAlnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '=' || ch == '+' || ch == '/';
    }
    return table;
}();

bool isTokenChar(char c)
{
    return kTokenChars[static_cast<unsigned char>(c)];
}

bool isBase64UrlChar(char c)
{
    return encoding::isAsciiAlnum(c) || c == '-' || c == '_';
}

// A parameter or key name as it appears before '=' or ':'.
bool isNameChar(char c)
{
    return encoding::isAsciiAlnum(c) || c == '-' || c == '_';
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return encoding::startsWithIgnoringAsciiCase(text, prefix);
}

bool endsWithNoCase(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size()
        && encoding::equalsIgnoringAsciiCase(text.substr(text.size() - suffix.size()), suffix);
}

bool containsNoCase(std::string_view text, std::string_view needle)
{
    for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
        if (startsWithNoCase(text.substr(i), needle)) {
            return true;
        }
    }
    return false;
}

// access_token, id_token, refresh_token, accessToken, token, jwt — but not token_type.
bool namesToken(std::string_view name)
{
    return endsWithNoCase(name, "token") || endsWithNoCase(name, "jwt");
}

// Whether a token's first part is a JSON object in base64url (leniently: also padding and the
// standard alphabet). Most headers are short and strict: those are decoded on the stack, so that a
// batch of tokens costs no allocation here.
bool headerIsObject(std::string_view part)
{
    std::array<std::uint8_t, 768> buffer;
    const std::size_t size = encoding::base64UrlDecodedSize(part.size());
    if (size <= buffer.size() && encoding::base64UrlDecodeInto(part, std::span(buffer.data(), size))) {
        const auto json = encoding::readJsonMembers(asText(std::span(buffer.data(), size)));
        return json && json->isObject();
    }
    const auto header = encoding::base64UrlDecodeLenient(part);
    if (!header) {
        return false;
    }
    const auto json = encoding::readJsonMembers(asText(header->bytes));
    return json && json->isObject();
}

// A compact JWS or JWE by its shape, for a run of token characters: three or five parts, the first
// a JSON object. Only the header is decoded: whether the rest decodes is for the decoder to
// explain, and a batch of tokens need not be decoded twice.
std::optional<TokenKind> kindOfRun(std::string_view run)
{
    std::size_t dots = 0; // find() is memchr: a token is hundreds of characters and two or four dots
    for (auto dot = run.find('.'); dot != std::string_view::npos && dots <= 4; dot = run.find('.', dot + 1)) {
        ++dots;
    }
    if ((dots != 2 && dots != 4) || !headerIsObject(run.substr(0, run.find('.')))) {
        return std::nullopt;
    }
    return dots == 2 ? TokenKind::Jws : TokenKind::Jwe;
}

std::optional<TokenKind> kindOf(std::string_view token)
{
    return std::ranges::all_of(token, isTokenChar) ? kindOfRun(token) : std::nullopt;
}

// Where an SD-JWT (RFC 9901) ends whose issuer-signed JWT ends at `jwsEnd`: its '~' parts run on
// in token characters (a KB-JWT's dots; padding or '+' in a broken disclosure, for the decoder to
// explain). `jwsEnd` itself when no '~' follows.
std::size_t sdJwtEnd(std::string_view text, std::size_t jwsEnd)
{
    if (jwsEnd >= text.size() || text[jwsEnd] != '~') {
        return jwsEnd;
    }
    std::size_t end = jwsEnd;
    while (end < text.size() && (text[end] == '~' || isTokenChar(text[end]))) {
        ++end;
    }
    return end;
}

std::size_t tokenEnd(std::string_view text, std::size_t offset)
{
    while (offset < text.size() && isTokenChar(text[offset])) {
        ++offset;
    }
    return offset;
}

std::size_t skipSpace(std::string_view text, std::size_t i)
{
    while (i < text.size() && encoding::isAsciiSpace(text[i])) {
        ++i;
    }
    return i;
}

class Collector
{
public:
    explicit Collector(std::string_view text)
        : m_text(text)
    { }

    // A value found under a name: kept when it decodes or its name says it is a token.
    void addNamed(std::string_view value, std::size_t offset, TokenSource source, std::string name,
                  std::string_view key)
    {
        if (auto kind = judge(value, key)) {
            add({std::string(value), offset, source, std::move(name), *kind});
        }
    }

    // Empty when `value` is no candidate; else its kind (empty itself when it does not decode).
    [[nodiscard]] static std::optional<std::optional<TokenKind>> judge(std::string_view value, std::string_view key)
    {
        if (value.empty() || !std::ranges::all_of(value, isTokenChar)) {
            return std::nullopt;
        }
        auto kind = kindOf(value);
        if (kind || namesToken(key)) {
            return kind;
        }
        return std::nullopt;
    }

    void add(ExtractedToken candidate)
    {
        if (candidate.token.empty()) {
            return;
        }
        // A JWS followed by '~' parts is an SD-JWT: found whole, so that its KB-JWT is no candidate.
        if (candidate.kind == TokenKind::Jws && !candidate.isSdJwt()
            && m_text.compare(candidate.offset, candidate.token.size(), candidate.token) == 0) {
            const std::size_t jwsEnd = candidate.offset + candidate.token.size();
            if (const std::size_t end = sdJwtEnd(m_text, jwsEnd); end > jwsEnd) {
                candidate.sdJwt = std::string(m_text.substr(candidate.offset, end - candidate.offset));
            }
        }
        // The same text found twice (as a parameter and as a JWT in the text) counts once.
        const std::size_t end = candidate.offset + candidate.length();
        const auto next = m_ranges.lower_bound(candidate.offset);
        if ((next != m_ranges.end() && next->first < end)
            || (next != m_ranges.begin() && std::prev(next)->second > candidate.offset)) {
            return;
        }
        m_ranges.emplace(candidate.offset, end);
        m_found.push_back(std::move(candidate));
    }

    [[nodiscard]] bool empty() const { return m_found.empty(); }
    [[nodiscard]] std::vector<ExtractedToken> take() { return std::move(m_found); }

    // "Authorization: Bearer <token>" or "Bearer <token>" at `begin`.
    void authorization(std::size_t begin)
    {
        std::size_t i = begin;
        TokenSource source = TokenSource::BearerScheme;
        if (startsWithNoCase(m_text.substr(i), "authorization:")) {
            i = skipSpace(m_text, i + std::string_view("authorization:").size());
            source = TokenSource::AuthorizationHeader;
        }
        if (!startsWithNoCase(m_text.substr(i), "bearer") || i + 6 >= m_text.size()
            || !encoding::isAsciiSpace(m_text[i + 6])) {
            return;
        }
        const std::size_t start = skipSpace(m_text, i + 6);
        const std::string_view token = m_text.substr(start, tokenEnd(m_text, start) - start);
        add({std::string(token), start, source, "Authorization", kindOf(token)});
    }

    // name=value pairs that start the text or follow '?', '#' or '&': a URL's query and fragment,
    // or a form body.
    void parameters(std::size_t begin)
    {
        const std::size_t url = m_text.find_first_of("?#", begin);
        for (std::size_t i = begin; i < m_text.size(); ++i) {
            const bool starts = i == begin || m_text[i - 1] == '?' || m_text[i - 1] == '#' || m_text[i - 1] == '&';
            if (!starts) {
                continue;
            }
            std::size_t equals = i;
            while (equals < m_text.size() && isNameChar(m_text[equals])) {
                ++equals;
            }
            if (equals == i || equals >= m_text.size() || m_text[equals] != '=') {
                continue;
            }
            const std::string_view name = m_text.substr(i, equals - i);
            const std::size_t value = equals + 1;
            const TokenSource source = url < i ? TokenSource::UrlParameter : TokenSource::FormField;
            addNamed(m_text.substr(value, tokenEnd(m_text, value) - value), value, source, std::string(name), name);
        }
    }

    // Every string in a JSON document that starts at `begin`.
    void json(const encoding::Json& document, std::size_t begin)
    {
        m_jsonBegin = begin;
        std::size_t searchFrom = begin;
        jsonValue(document, "", "", searchFrom);
    }

    // `key` is the nearest member name (for array elements too).
    void jsonValue(const encoding::Json& value, const std::string& path, std::string_view key, std::size_t& searchFrom)
    {
        if (value.is_object()) {
            for (const auto& [member, child] : value.items()) {
                jsonValue(child, path.empty() ? member : path + "." + member, member, searchFrom);
            }
        } else if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                jsonValue(value[i], fmt::format("{}[{}]", path, i), key, searchFrom);
            }
        } else if (value.is_string()) {
            const auto& string = value.get_ref<const std::string&>();
            if (sdJwtMember(string, path, searchFrom)) {
                return;
            }
            const auto kind = judge(string, key);
            if (!kind && string.find("eyJ") == npos) {
                return;
            }
            // Strings come in the order of the text; one with escapes is not found as it is.
            const std::size_t quoted = m_text.find('"' + string + '"', searchFrom);
            if (quoted != npos) {
                searchFrom = quoted + string.size() + 2;
            }
            if (kind) {
                m_found.push_back(
                    {string, quoted == npos ? m_jsonBegin : quoted + 1, TokenSource::JsonMember, path, *kind});
            } else if (quoted != npos) {
                // "Bearer eyJ…" or a URL with a token in it, as in a saved request.
                embedded(quoted + 1, quoted + 1 + string.size(), TokenSource::JsonMember, path);
            }
        }
    }

    // A member whose value is an SD-JWT, `<JWS>~<disclosure>~…`: a token, whatever its name.
    bool sdJwtMember(const std::string& string, const std::string& path, std::size_t& searchFrom)
    {
        const std::size_t tilde = string.find('~');
        if (tilde == npos || sdJwtEnd(string, tilde) != string.size()
            || kindOf(std::string_view(string).substr(0, tilde)) != TokenKind::Jws) {
            return false;
        }
        const std::size_t quoted = m_text.find('"' + string + '"', searchFrom);
        if (quoted != npos) {
            searchFrom = quoted + string.size() + 2;
        }
        m_found.push_back({string.substr(0, tilde), quoted == npos ? m_jsonBegin : quoted + 1, TokenSource::JsonMember,
                           path, TokenKind::Jws, string});
        return true;
    }

    // JWTs inside other text: a JOSE header is a JSON object, so its base64url starts with "eyJ".
    void embedded(std::size_t begin, std::size_t end, TokenSource source, const std::string& name)
    {
        const std::string_view text = m_text.substr(0, end);
        std::size_t at = begin;
        while ((at = text.find("eyJ", at)) != npos) {
            if (at == begin || !isBase64UrlChar(text[at - 1])) {
                std::string_view token = text.substr(at, tokenEnd(text, at) - at);
                // A full stop after a token ends the sentence, unless the token needs it (alg none).
                if (token.ends_with('.') && !kindOf(token)) {
                    token.remove_suffix(1);
                }
                if (std::ranges::count(token, '.') >= 2) {
                    const auto kind = kindOf(token);
                    add({std::string(token), at, source, name.empty() ? nameBefore(begin, at) : name, kind});
                    at = kind == TokenKind::Jws ? sdJwtEnd(text, at + token.size()) : at + token.size();
                    continue;
                }
            }
            at += 3;
        }
    }

private:
    // What names a token in free text: "id_token=eyJ…", "jwt: eyJ…", "Bearer eyJ…".
    [[nodiscard]] std::string nameBefore(std::size_t begin, std::size_t at) const
    {
        std::size_t i = at;
        const auto skipQuotesAndSpace = [&] {
            while (i > begin
                   && (encoding::isAsciiSpace(m_text[i - 1]) || m_text[i - 1] == '"' || m_text[i - 1] == '\'')) {
                --i;
            }
        };
        skipQuotesAndSpace();
        if (i > begin && (m_text[i - 1] == '=' || m_text[i - 1] == ':')) {
            --i;
            skipQuotesAndSpace();
            const std::size_t end = i;
            while (i > begin && isNameChar(m_text[i - 1])) {
                --i;
            }
            if (i < end) {
                return std::string(m_text.substr(i, end - i));
            }
        } else if (endsWithNoCase(m_text.substr(begin, i - begin), "bearer")) {
            return "Authorization";
        }
        return "token";
    }

    std::string_view m_text;
    std::vector<ExtractedToken> m_found;
    std::map<std::size_t, std::size_t> m_ranges; // [offset, end) of what add() took
    std::size_t m_jsonBegin = 0;
};

// A name found more than once becomes name#1, name#2, … so that every candidate can be picked;
// a number is skipped when another candidate has that name already (a JSON member "a#1").
void numberRepeatedNames(std::vector<ExtractedToken>& candidates)
{
    std::map<std::string, int> counts;
    for (const auto& candidate : candidates) {
        ++counts[candidate.name];
    }
    std::set<std::string> taken;
    for (const auto& [name, count] : counts) {
        if (count == 1) {
            taken.insert(name);
        }
    }
    std::map<std::string, int> seen;
    for (auto& candidate : candidates) {
        if (counts[candidate.name] > 1) {
            std::string numbered;
            do {
                numbered = fmt::format("{}#{}", candidate.name, ++seen[candidate.name]);
            } while (taken.contains(numbered));
            taken.insert(numbered);
            candidate.name = std::move(numbered);
        }
    }
}

std::size_t choose(const std::vector<ExtractedToken>& candidates)
{
    // 0: decodes; 1: a refresh token that decodes; 2: does not decode.
    const auto rank = [](const ExtractedToken& candidate) {
        return !candidate.kind ? 2 : containsNoCase(candidate.name, "refresh") ? 1 : 0;
    };
    const auto best = std::ranges::min_element(candidates, {}, rank); // the first of the best rank
    return static_cast<std::size_t>(best - candidates.begin());
}

// In the order of the text; candidates at one offset keep the order they were found in. (Not
// std::stable_sort: libstdc++ 12 builds it with std::get_temporary_buffer, which C++23 deprecates.)
void sortByOffset(std::vector<ExtractedToken>& candidates)
{
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::ranges::sort(order, [&](std::size_t a, std::size_t b) {
        return std::pair(candidates[a].offset, a) < std::pair(candidates[b].offset, b);
    });
    std::vector<ExtractedToken> sorted;
    sorted.reserve(candidates.size());
    for (const std::size_t index : order) {
        sorted.push_back(std::move(candidates[index]));
    }
    candidates = std::move(sorted);
}

} // namespace

std::string_view describe(TokenSource source)
{
    switch (source) {
    case TokenSource::Bare: return "token";
    case TokenSource::BearerScheme: return "Bearer value";
    case TokenSource::AuthorizationHeader: return "Authorization header";
    case TokenSource::UrlParameter: return "URL parameter";
    case TokenSource::FormField: return "form field";
    case TokenSource::JsonMember: return "JSON member";
    case TokenSource::Embedded: return "token found in the text";
    }
    return "token";
}

const ExtractedToken* TokenCandidates::find(std::string_view name) const
{
    const auto it = std::ranges::find(candidates, name, &ExtractedToken::name);
    return it == candidates.end() ? nullptr : &*it;
}

Result<ExtractedToken> TokenCandidates::pick(std::string_view name) const
{
    if (name.empty()) {
        return token();
    }
    if (const auto* candidate = find(name)) {
        return *candidate;
    }
    return fail(Errc::TokenNotFound,
                fmt::format("the input has no token named \"{}\"; {}: {}", name,
                            candidates.size() == 1 ? "its one token is" : "its tokens are", names()));
}

std::string TokenCandidates::names() const
{
    constexpr std::size_t kMaxNames = 20; // a log file can hold thousands
    std::string out;
    for (std::size_t i = 0; i < candidates.size() && i < kMaxNames; ++i) {
        out += (i == 0 ? "" : ", ") + candidates[i].name;
    }
    if (candidates.size() > kMaxNames) {
        out += fmt::format(" and {} more", candidates.size() - kMaxNames);
    }
    return out;
}

Result<TokenCandidates> extractTokens(std::string_view pasted)
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
    const std::size_t runEnd = tokenEnd(text, begin);
    const bool oneRun = runEnd == end;
    // Every character up to `runEnd` is a token character already.
    const auto bare = [&](std::size_t until) {
        const std::string_view token = text.substr(begin, until - begin);
        return ExtractedToken{std::string(token), begin, TokenSource::Bare, "token",
                              until <= runEnd ? kindOfRun(token) : kindOf(token)};
    };

    TokenCandidates result;
    if (!oneRun && text[runEnd] == '~' && sdJwtEnd(text, runEnd) == end) {
        // An SD-JWT on its own.
        if (auto token = bare(runEnd); token.kind == TokenKind::Jws) {
            token.sdJwt = std::string(text.substr(begin, end - begin));
            result.candidates.push_back(std::move(token));
            return result;
        }
    }
    if (oneRun) {
        // A token on its own, unless it is a single parameter such as "access_token=…".
        auto token = bare(end);
        if (!token.kind) {
            Collector collector(text);
            collector.parameters(begin);
            result.candidates = collector.take();
        }
        if (result.candidates.empty()) {
            result.candidates.push_back(std::move(token));
        }
        result.chosen = choose(result.candidates);
        return result;
    }

    Collector collector(text);
    if (text[begin] == '{' || text[begin] == '[') {
        if (auto parsed = encoding::parseJson(text.substr(begin))) {
            collector.json(parsed->value, begin);
        }
    }
    if (collector.empty()) {
        collector.authorization(begin);
        collector.parameters(begin);
        collector.embedded(begin, end, TokenSource::Embedded, "");
    }
    result.candidates = collector.take();
    if (result.candidates.empty()) {
        result.candidates.push_back(bare(end));
    }
    sortByOffset(result.candidates);
    numberRepeatedNames(result.candidates);
    result.chosen = choose(result.candidates);
    return result;
}

Result<ExtractedToken> extractToken(std::string_view pasted)
{
    auto found = extractTokens(pasted);
    if (!found) {
        return std::unexpected(found.error());
    }
    return std::move(found->candidates[found->chosen]);
}

Result<ExtractedToken> extractToken(std::string_view pasted, std::string_view name)
{
    if (name.empty()) {
        return extractToken(pasted); // the chosen candidate, moved rather than copied
    }
    auto found = extractTokens(pasted);
    if (!found) {
        return std::unexpected(found.error());
    }
    return found->pick(name);
}

namespace {

// "\"?\"", "\"; rm -rf\"…" — at most 12 characters, for a message.
std::string quoteExtra(std::string_view text)
{
    constexpr std::size_t kShown = 12;
    std::string out = "\"" + std::string(text.substr(0, kShown)) + "\"";
    if (text.size() > kShown) {
        out += "…";
    }
    return out;
}

} // namespace

Result<ExtractedToken> extractOneToken(std::string_view pasted, std::string_view name)
{
    auto found = extractToken(pasted, name);
    if (!found) {
        return found;
    }
    if (found->isSdJwt()) {
        const auto parts = std::ranges::count(found->sdJwt, '~');
        return fail(Errc::ExtraText,
                    fmt::format("the token is an SD-JWT (selective disclosure, RFC 9901): {} '~' part{} follow its "
                                "issuer-signed JWT (position {}), and that signature does not cover them; verify it "
                                "with `jwtwb sd verify`",
                                parts, parts == 1 ? "" : "s", found->offset + found->token.size()),
                    found->offset + found->token.size());
    }
    const std::string_view trimmed = encoding::trimAsciiSpace(pasted);
    const std::size_t lead = trimmed.empty() ? 0 : static_cast<std::size_t>(trimmed.data() - pasted.data());
    const std::size_t end = found->offset + found->token.size();
    std::string_view before = pasted.substr(lead, found->offset - std::min(found->offset, lead));
    std::string_view after
        = pasted.substr(std::min(end, pasted.size()), lead + trimmed.size() - std::min(end, lead + trimmed.size()));
    // Quotes around the token, as copied from code or a log, are a wrapper too.
    while (!before.empty() && !after.empty() && before.back() == after.front()
           && std::string_view("\"'`").find(after.front()) != std::string_view::npos) {
        before.remove_suffix(1);
        after.remove_prefix(1);
    }
    const auto extra = [&](std::string_view where, std::string_view text, std::size_t position) {
        return fail(Errc::ExtraText,
                    fmt::format("the token is {} {} (position {}): give exactly one token, bare or as a Bearer value, "
                                "an Authorization header, a URL parameter or token-response JSON",
                                where, quoteExtra(text), position),
                    position);
    };
    switch (found->source) {
    case TokenSource::Bare:
    case TokenSource::BearerScheme:
    case TokenSource::AuthorizationHeader:
        // The wrapper, if any, is before the token; after it only the end of the text.
        if (!after.empty()) {
            return extra("followed by", after, end);
        }
        return found;
    case TokenSource::UrlParameter:
    case TokenSource::FormField:
    case TokenSource::JsonMember: return found; // the wrapper's own syntax surrounds the token
    case TokenSource::Embedded: break;
    }
    if (!before.empty()) {
        return extra("preceded by", before.substr(before.size() > 12 ? before.size() - 12 : 0), lead);
    }
    return extra("followed by", after, end);
}

} // namespace jwtwb::inspect
