#include "Json.h"

#include "JsonMembers.h"
#include "Utf8.h"
#include "encoding/JsonLexing.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <optional>
#include <unordered_map>
#include <utility>

namespace jwtwb::encoding {
namespace {

using namespace lexing;

// Members found by a linear scan; past this an object gets a hash index, so that parsing stays linear.
constexpr std::size_t kLinearLookup = 16;

// Room for a typical JOSE header or claims set in one allocation (at most 7 x 48 bytes unused).
constexpr std::size_t kFirstMembers = 8;

constexpr std::uint64_t kInt64MinMagnitude = std::uint64_t{1} << 63;

void appendPointerToken(std::string& path, std::string_view token)
{
    for (char c : token) {
        if (c == '~') {
            path += "~0";
        } else if (c == '/') {
            path += "~1";
        } else {
            path += c;
        }
    }
}

void appendUtf8(std::string& out, std::uint32_t codePoint)
{
    if (codePoint < 0x80) {
        out += static_cast<char>(codePoint);
    } else if (codePoint < 0x800) {
        out += static_cast<char>(0xC0 | (codePoint >> 6));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codePoint >> 12));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codePoint >> 18));
        out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codePoint & 0x3F));
    }
}

// std::from_chars reports overflow and underflow alike. Tell them apart by the power of ten of the
// leading significant digit, which is hundreds away from zero whenever from_chars gives up.
bool overflowsDouble(std::string_view number)
{
    const std::string_view mantissa = number.substr(0, number.find_first_of("eE"));
    const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
    const std::size_t lead = mantissa.find_first_of("123456789");
    if (lead == std::string_view::npos) {
        return false;
    }
    long long power = lead < point ? static_cast<long long>(point - lead - 1) : -static_cast<long long>(lead - point);
    if (mantissa.size() < number.size()) {
        std::string_view exponent = number.substr(mantissa.size() + 1);
        const bool negative = exponent.front() == '-';
        if (exponent.front() == '-' || exponent.front() == '+') {
            exponent.remove_prefix(1);
        }
        long long magnitude = 0;
        for (char c : exponent) {
            magnitude = std::min(magnitude * 10 + (c - '0'), 1'000'000'000LL);
        }
        power += negative ? -magnitude : magnitude;
    }
    return power > 0;
}

// An open object or array, linked to the one holding it: enough to spell out its JSON Pointer
// when, and only when, a duplicate member turns up inside it.
struct Scope {
    const Scope* parent;
    bool object = false;
    std::string_view key = {}; // objects: name of the member being parsed
    std::size_t index = 0; // arrays: index of the element being parsed
};

std::string pointerTo(const Scope& scope)
{
    if (scope.parent == nullptr) {
        return {};
    }
    const Scope& parent = *scope.parent;
    std::string path = pointerTo(parent);
    path += '/';
    if (parent.object) {
        appendPointerToken(path, parent.key);
    } else {
        path += std::to_string(parent.index);
    }
    return path;
}

// std::vector copies rather than moves its elements when it grows unless their move cannot throw,
// and ordered_map's pair<const std::string, Json> can: it would deep-copy every member already
// parsed. Grow by hand instead, copying only the names.
Json& appendMember(Json::object_t& members, std::string_view name)
{
    if (members.size() == members.capacity()) {
        Json::object_t grown;
        grown.reserve(members.empty() ? kFirstMembers : 2 * members.capacity());
        for (auto& [existing, value] : members) {
            grown.emplace_back(existing, std::move(value));
        }
        members.swap(grown);
    }
    return members.emplace_back(name, nullptr).second;
}

// ordered_map's operator[] looks members up by name.
template <class Members> auto& memberAt(Members& members, std::size_t i)
{
    return members.begin()[static_cast<std::ptrdiff_t>(i)];
}

std::string_view memberName(const Json::object_t& members, std::size_t i)
{
    return memberAt(members, i).first;
}

std::string_view memberName(const std::vector<JsonMember>& members, std::size_t i)
{
    return members[i].name;
}

// Finds an object's member by name: in a document's object, or among readJsonMembers' members.
template <class Members> class MemberIndex
{
public:
    explicit MemberIndex(const Members& members)
        : m_members(members)
    { }

    [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const
    {
        if (!m_byHash.empty()) {
            const auto [first, last] = m_byHash.equal_range(hash(name));
            for (auto candidate = first; candidate != last; ++candidate) {
                if (memberName(m_members, candidate->second) == name) {
                    return candidate->second;
                }
            }
            return std::nullopt;
        }
        for (std::size_t i = 0; i < m_members.size(); ++i) {
            if (sameName(memberName(m_members, i), name)) {
                return i;
            }
        }
        return std::nullopt;
    }

    // After a member was appended.
    void added()
    {
        if (!m_byHash.empty()) {
            index(m_members.size() - 1);
        } else if (m_members.size() > kLinearLookup) {
            m_byHash.reserve(4 * kLinearLookup);
            for (std::size_t i = 0; i < m_members.size(); ++i) {
                index(i);
            }
        }
    }

private:
    static std::size_t hash(std::string_view name) { return std::hash<std::string_view>{}(name); }
    void index(std::size_t i) { m_byHash.emplace(hash(memberName(m_members, i)), i); }

    const Members& m_members;
    std::unordered_multimap<std::size_t, std::size_t> m_byHash; // hash of a name -> member position
};

// Recursive descent, at most kMaxJsonDepth levels deep.
class Parser : private Cursor
{
public:
    explicit Parser(std::string_view text)
        : Cursor(text)
    { }

    Result<ParsedJson> parse()
    {
        ParsedJson parsed;
        if (!parseDocument([&] { return parseValue(parsed.value, nullptr, 0); })) {
            return std::unexpected(std::move(*m_error));
        }
        parsed.duplicates = std::move(m_duplicates);
        return parsed;
    }

    // readJsonMembers: an object's members are built as parse() builds them, except that strings
    // stay views (of the text, or of `unescaped` when they had escapes); any other value is built whole.
    bool parseMembers(std::vector<JsonMember>& members, std::forward_list<std::string>& unescaped,
                      std::optional<Json>& notObject, std::vector<DuplicateMember>& duplicates)
    {
        const bool ok = parseDocument([&] {
            if (peek() == '{') {
                TopMembers sink(members, unescaped);
                return parseObjectInto(sink, nullptr, 1);
            }
            return parseValue(notObject.emplace(), nullptr, 0);
        });
        duplicates = std::move(m_duplicates);
        return ok;
    }

    [[nodiscard]] Error takeError() { return std::move(*m_error); }

private:
    // One value and nothing but whitespace around it.
    template <class ParseRoot> bool parseDocument(ParseRoot&& parseRoot)
    {
        if (m_text.starts_with("\xEF\xBB\xBF")) {
            m_pos = 3; // RFC 8259 §8.1 lets parsers ignore a byte order mark, as nlohmann does
        }
        skipWhitespace();
        if (!parseRoot()) {
            return false;
        }
        skipWhitespace();
        return m_pos == m_text.size() || expected("the end of the text after the value");
    }

    // A view that outlives the next string parsed: one of m_unescaped is copied into `kept`.
    std::string_view keep(std::string_view text, std::forward_list<std::string>& kept) const
    {
        if (text.data() != m_unescaped.data()) {
            return text;
        }
        return kept.emplace_front(text);
    }

    // depth: how many arrays and objects enclose the value.
    bool parseValue(Json& out, const Scope* parent, std::size_t depth)
    {
        switch (peek()) {
        case '{':
        case '[':
            if (depth == kMaxJsonDepth) {
                m_error = Error{Errc::NestingTooDeep,
                                fmt::format("JSON nested deeper than {} levels at {}", kMaxJsonDepth,
                                            describePosition(m_text, m_pos)),
                                {},
                                m_pos};
                return false;
            }
            return peek() == '{' ? parseObject(out, parent, depth + 1) : parseArray(out, parent, depth + 1);
        case '"': {
            std::string_view text;
            if (!parseString(text)) {
                return false;
            }
            if (text.data() == m_unescaped.data()) {
                out = std::move(m_unescaped); // may be megabytes: move, don't copy
            } else {
                out = text;
            }
            return true;
        }
        case 't': return parseLiteral("true", true, out);
        case 'f': return parseLiteral("false", false, out);
        case 'n': return parseLiteral("null", nullptr, out);
        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9': return parseNumber(out);
        default: return expected("a value (object, array, string, number, true, false or null)");
        }
    }

    // Where parseObjectInto puts an object's members: a document's object.
    class DocumentObject
    {
    public:
        explicit DocumentObject(Json& out)
            : m_members((out = Json::object()).get_ref<Json::object_t&>())
            , m_index(m_members)
        { }

        [[nodiscard]] bool empty() const { return m_members.empty(); }

        // The member `name`, found or added; its stored name, which the value's scope refers to.
        std::string_view member(const Parser& /*parser*/, std::string_view name, bool& repeated)
        {
            if (const auto existing = m_index.find(name)) {
                repeated = true;
                auto& member = memberAt(m_members, *existing);
                m_value = &member.second;
                return member.first;
            }
            m_value = &appendMember(m_members, name);
            m_index.added();
            return m_members.back().first;
        }

        bool parseValue(Parser& parser, const Scope& scope, std::size_t depth)
        {
            return parser.parseValue(*m_value, &scope, depth);
        }

    private:
        Json::object_t& m_members;
        MemberIndex<Json::object_t> m_index;
        Json* m_value = nullptr;
    };

    // Where parseObjectInto puts the top level's members for readJsonMembers: strings as views.
    class TopMembers
    {
    public:
        TopMembers(std::vector<JsonMember>& members, std::forward_list<std::string>& unescaped)
            : m_members(members)
            , m_unescaped(unescaped)
            , m_index(members)
        {
            m_members.reserve(kFirstMembers);
        }

        [[nodiscard]] bool empty() const { return m_members.empty(); }

        std::string_view member(const Parser& parser, std::string_view name, bool& repeated)
        {
            if (const auto existing = m_index.find(name)) {
                repeated = true;
                m_member = &m_members[*existing];
                return m_member->name;
            }
            // Every field given: a value-initialised member would be cleared byte by byte first.
            m_member = &m_members.emplace_back(parser.keep(name, m_unescaped), false, std::string_view(), Json());
            m_index.added();
            return m_member->name;
        }

        bool parseValue(Parser& parser, const Scope& scope, std::size_t depth)
        {
            JsonMember& member = *m_member;
            if (parser.peek() != '"') {
                member.isString = false;
                member.string = {};
                return parser.parseValue(member.value, &scope, depth);
            }
            std::string_view text;
            if (!parser.parseString(text)) {
                return false;
            }
            member.isString = true;
            member.string = parser.keep(text, m_unescaped);
            if (!member.value.is_null()) {
                member.value = nullptr; // a repeated member's earlier value
            }
            return true;
        }

    private:
        std::vector<JsonMember>& m_members;
        std::forward_list<std::string>& m_unescaped;
        MemberIndex<std::vector<JsonMember>> m_index;
        JsonMember* m_member = nullptr;
    };

    bool parseObject(Json& out, const Scope* parent, std::size_t depth)
    {
        DocumentObject sink(out);
        return parseObjectInto(sink, parent, depth);
    }

    // The object at m_pos, its members put into `sink`: one loop for documents and for
    // readJsonMembers, so that both read names, values and repeated members alike.
    template <class Sink> bool parseObjectInto(Sink& sink, const Scope* parent, std::size_t depth)
    {
        Scope scope{parent};
        ++m_pos;
        skipWhitespace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            if (peek() != '"') {
                return expected(sink.empty() ? "'\"' to start a member name, or '}'" : "'\"' to start a member name");
            }
            const std::size_t nameOffset = m_pos;
            std::string_view name;
            if (!parseString(name)) {
                return false;
            }
            skipWhitespace();
            if (peek() != ':') {
                return expected("':' after the member name");
            }
            ++m_pos;
            skipWhitespace();
            // Like ordered_json's operator[]: the last value wins, the first position stays.
            bool repeated = false;
            const std::string_view stored = sink.member(*this, name, repeated);
            if (repeated) {
                m_duplicates.push_back({pointerTo(scope), std::string(stored), nameOffset});
            }
            scope.object = true;
            scope.key = stored;
            if (!sink.parseValue(*this, scope, depth)) {
                return false;
            }
            skipWhitespace();
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            if (peek() != ',') {
                return expected("',' or '}' after an object member");
            }
            ++m_pos;
            skipWhitespace();
        }
    }

    bool parseArray(Json& out, const Scope* parent, std::size_t depth)
    {
        out = Json::array();
        auto& elements = out.get_ref<Json::array_t&>();
        Scope scope{parent};
        ++m_pos;
        skipWhitespace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            scope.index = elements.size();
            if (!parseValue(elements.emplace_back(), &scope, depth)) {
                return false;
            }
            skipWhitespace();
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            if (peek() != ',') {
                return expected("',' or ']' after an array element");
            }
            ++m_pos;
            skipWhitespace();
        }
    }

    // The string at m_pos: a view of the input when it has no escapes (nearly always), else of
    // m_unescaped.
    bool parseString(std::string_view& text)
    {
        const std::size_t quote = m_pos;
        std::size_t chunk = m_pos + 1;
        std::size_t i = findStringStop(m_text, chunk);
        if (i < m_text.size() && m_text[i] == '"') {
            text = m_text.substr(chunk, i - chunk);
            m_pos = i + 1;
            return true;
        }
        m_unescaped.clear();
        for (;;) {
            if (i == m_text.size()) {
                return fail(i, fmt::format("unterminated string (it starts at {})", describePosition(m_text, quote)));
            }
            if (m_text[i] != '"' && m_text[i] != '\\') {
                return fail(i,
                            fmt::format("control character U+{:04X} must be escaped in a string",
                                        static_cast<unsigned char>(m_text[i])));
            }
            m_unescaped.append(m_text, chunk, i - chunk);
            if (m_text[i] == '"') {
                text = m_unescaped;
                m_pos = i + 1;
                return true;
            }
            m_pos = i;
            if (!parseEscape(m_unescaped)) {
                return false;
            }
            chunk = m_pos;
            i = findStringStop(m_text, chunk);
        }
    }

    // The escape sequence at m_pos.
    bool parseEscape(std::string& out)
    {
        const std::size_t backslash = m_pos;
        m_pos = backslash + 1;
        switch (peek()) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            std::uint32_t codePoint = 0;
            if (!parseHex4(codePoint)) {
                return false;
            }
            if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) {
                return fail(backslash,
                            fmt::format("\\u{:04X} is a low surrogate without a high surrogate before it", codePoint));
            }
            if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
                const std::size_t second = m_pos;
                const auto lone = fmt::format(
                    "\\u{:04X} is a high surrogate and must be followed by a low surrogate \\uDC00 to \\uDFFF",
                    codePoint);
                if (m_text.substr(second, 2) != "\\u") {
                    return fail(second, lone);
                }
                m_pos = second + 1;
                std::uint32_t low = 0;
                if (!parseHex4(low)) {
                    return false;
                }
                if (low < 0xDC00 || low > 0xDFFF) {
                    return fail(second, fmt::format("{}, not \\u{:04X}", lone, low));
                }
                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(out, codePoint);
            return true;
        }
        default: return expected("an escape after '\\' (one of \" \\ / b f n r t u)");
        }
        ++m_pos;
        return true;
    }

    // The four hex digits after the 'u' at m_pos.
    bool parseHex4(std::uint32_t& value)
    {
        for (int k = 0; k < 4; ++k) {
            ++m_pos;
            const char c = peek();
            value <<= 4;
            if (isDigit(c)) {
                value |= static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                value |= static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                value |= static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                return expected("four hex digits after '\\u'");
            }
        }
        ++m_pos;
        return true;
    }

    bool parseNumber(Json& out)
    {
        const std::size_t start = m_pos;
        const bool negative = peek() == '-';
        if (negative) {
            ++m_pos;
        }
        const std::size_t integerStart = m_pos;
        std::uint64_t magnitude = 0;
        if (peek() == '0') {
            ++m_pos;
            if (isDigit(peek())) {
                return fail(m_pos, "a number cannot have a leading zero");
            }
        } else if (isDigit(peek())) {
            for (; isDigit(peek()); ++m_pos) {
                magnitude = magnitude * 10 + static_cast<std::uint64_t>(peek() - '0');
            }
        } else {
            return expected("a digit after '-'");
        }
        const std::size_t integerDigits = m_pos - integerStart;
        bool integer = true;
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit(peek())) {
                return expected("a digit after the decimal point");
            }
            skipDigits();
            integer = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-') {
                ++m_pos;
            }
            if (!isDigit(peek())) {
                return expected("a digit in the exponent");
            }
            skipDigits();
            integer = false;
        }
        const char* const first = m_text.data() + start;
        const char* const last = m_text.data() + m_pos;
        // magnitude is exact up to 19 digits; a 20-digit integer may still fit uint64, but never int64.
        if (integer && !negative) {
            std::uint64_t value = magnitude;
            if (integerDigits <= 19 || std::from_chars(first, last, value).ec == std::errc{}) {
                out = value;
                return true;
            }
        } else if (integer && integerDigits <= 19 && magnitude <= kInt64MinMagnitude) {
            out = static_cast<std::int64_t>(0 - magnitude);
            return true;
        }
        // Fractions, exponents and integers too large for 64 bits, as in nlohmann.
        double value = 0;
        if (std::from_chars(first, last, value).ec == std::errc::result_out_of_range) {
            const std::string_view number(first, last);
            if (overflowsDouble(number)) {
                // Infinity would be dumped as null: refuse it, as nlohmann does.
                return fail(start,
                            fmt::format("the number {}{} is too large for a double", number.substr(0, 40),
                                        number.size() > 40 ? "…" : ""));
            }
            value = negative ? -0.0 : 0.0;
        }
        out = value;
        return true;
    }

    bool parseLiteral(std::string_view literal, Json value, Json& out)
    {
        for (char c : literal) {
            if (peek() != c) {
                return expected(fmt::format("'{}'", literal));
            }
            ++m_pos;
        }
        out = std::move(value);
        return true;
    }

    // What stands at offset, for messages.
    [[nodiscard]] std::string found(std::size_t offset) const
    {
        if (offset >= m_text.size()) {
            return "the end of the text";
        }
        const auto byte = static_cast<unsigned char>(m_text[offset]);
        if (byte == '\'') {
            return "\"'\"";
        }
        if (byte >= 0x20 && byte < 0x7F) {
            return fmt::format("'{}'", static_cast<char>(byte));
        }
        // Control characters and anything beyond ASCII by code point: a stray U+00A0 or U+200B
        // is invisible when quoted. The text is valid UTF-8 by now.
        std::uint32_t codePoint = byte;
        if (byte >= 0x80) {
            const std::size_t length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
            codePoint &= 0x7Fu >> length;
            for (std::size_t k = 1; k < length; ++k) {
                codePoint = (codePoint << 6) | (static_cast<unsigned char>(m_text[offset + k]) & 0x3Fu);
            }
        }
        return fmt::format("U+{:04X}", codePoint);
    }

    bool expected(std::string_view what)
    {
        return fail(m_pos, fmt::format("expected {}, found {}", what, found(m_pos)));
    }

    bool fail(std::size_t offset, std::string_view what)
    {
        m_error = Error{Errc::InvalidJson,
                        fmt::format("invalid JSON at {}: {}", describePosition(m_text, offset), what),
                        {},
                        offset};
        return false;
    }

    std::string m_unescaped;
    std::vector<DuplicateMember> m_duplicates;
    std::optional<Error> m_error;
};

} // namespace

namespace {

std::optional<Error> checkUtf8(std::string_view text)
{
    if (isAscii(text)) {
        return std::nullopt;
    }
    const auto bad = findInvalidUtf8(text);
    if (!bad) {
        return std::nullopt;
    }
    return Error{
        Errc::InvalidUtf8,
        fmt::format("invalid UTF-8 at byte {} ({}): JSON text must be UTF-8", *bad, describePosition(text, *bad)),
        {},
        *bad};
}

} // namespace

Result<ParsedJson> parseJson(std::string_view text)
{
    if (auto error = checkUtf8(text)) {
        return std::unexpected(std::move(*error));
    }
    return Parser(text).parse();
}

Result<JsonMembers> readJsonMembers(std::string_view text)
{
    if (auto error = checkUtf8(text)) {
        return std::unexpected(std::move(*error));
    }
    JsonMembers members;
    Parser parser(text);
    if (!parser.parseMembers(members.m_members, members.m_unescaped, members.m_notObject, members.m_duplicates)) {
        return std::unexpected(parser.takeError());
    }
    return members;
}

Result<Json> parseJsonNoDuplicates(std::string_view text, std::string_view what)
{
    auto parsed = parseJson(text);
    if (!parsed) {
        Error error = parsed.error();
        error.message = fmt::format("the {} is not valid JSON: {}", what, error.message);
        return std::unexpected(std::move(error));
    }
    if (!parsed->duplicates.empty()) {
        const auto& duplicate = parsed->duplicates.front();
        return fail(Errc::DuplicateMember,
                    fmt::format("the {} has the member \"{}\" twice ({})", what, duplicate.key,
                                describePosition(text, duplicate.offset)),
                    duplicate.offset);
    }
    return std::move(parsed->value);
}

std::string toPrettyJson(const Json& value, int indent)
{
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string toCompactJson(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string describePosition(std::string_view text, std::size_t offset)
{
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column;
        }
    }
    return fmt::format("line {}, column {}", line, column);
}

} // namespace jwtwb::encoding
