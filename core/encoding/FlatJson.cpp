#include "FlatJson.h"

#include "Json.h"
#include "JsonLexing.h"
#include "Text.h"
#include "Utf8.h"

#include <charconv>
#include <memory>

namespace jwtwb::encoding {

using namespace lexing;

namespace {

// Beyond this a number may overflow a double, which parseJson() refuses; let it decide.
constexpr std::size_t kMaxNumberLength = 300;

} // namespace

std::optional<std::string_view> FlatMember::plainString() const
{
    if (kind != FlatKind::String || escaped) {
        return std::nullopt;
    }
    return value.substr(1, value.size() - 2);
}

std::optional<std::int64_t> FlatMember::integer() const
{
    if (kind != FlatKind::Number) {
        return std::nullopt;
    }
    // Up to 18 digits fit without overflow checks; longer ones through from_chars.
    const bool negative = value.front() == '-';
    const std::string_view digits = value.substr(negative ? 1 : 0);
    if (digits.size() <= 18) {
        std::int64_t number = 0;
        for (const char c : digits) {
            if (!isDigit(c)) {
                return std::nullopt; // a fraction
            }
            number = number * 10 + (c - '0');
        }
        return negative ? -number : number;
    }
    std::int64_t number = 0;
    const char* last = value.data() + value.size();
    const auto [end, error] = std::from_chars(value.data(), last, number);
    if (error != std::errc{} || end != last) {
        return std::nullopt; // a fraction, or beyond 64 bits
    }
    return number;
}

const FlatMember* FlatObject::find(std::string_view name) const
{
    for (const FlatMember& member : members()) {
        if (equalsWithQuickReject(member.name, name)) {
            return &member;
        }
    }
    return nullptr;
}

class FlatScanner : private Cursor
{
public:
    FlatScanner(std::string_view text, FlatScanOptions options)
        : Cursor(text)
        , m_options(options)
    { }

    bool scan(FlatObject& out)
    {
        out.m_count = 0;
        if (!isAscii(m_text) && findInvalidUtf8(m_text)) {
            return false;
        }
        skipWhitespace();
        if (peek() != '{') {
            return false; // also a byte order mark
        }
        // One bit per name (of its length and first and last bytes): a repeated name finds its
        // bit set, so only names whose bit is taken are looked for among the earlier members.
        std::uint64_t seen = 0;
        const bool read = readMembers([&](std::string_view name, bool nameEscaped) {
            const std::uint64_t bit = nameBit(name);
            if (nameEscaped || ((seen & bit) != 0 && out.find(name) != nullptr)
                || out.m_count == FlatObject::kMaxMembers) {
                return false;
            }
            seen |= bit;
            const std::size_t valueStart = m_pos;
            Value value;
            if (!readValue(1, value)) {
                return false;
            }
            // Built in its slot in one go: a temporary copied in would stall on store forwarding.
            std::construct_at(&out.m_slots.members[out.m_count], name, m_text.substr(valueStart, m_pos - valueStart),
                              value.kind, value.escaped, value.plainStrings);
            ++out.m_count;
            return true;
        });
        skipWhitespace();
        return read && m_pos == m_text.size();
    }

private:
    static std::uint64_t nameBit(std::string_view name)
    {
        const std::size_t mix = name.empty()
            ? 0
            : name.size() * 7 + static_cast<unsigned char>(name.front()) * 3 + static_cast<unsigned char>(name.back());
        return std::uint64_t{1} << (mix % 64);
    }

    // The elements of the array or object at m_pos, up to and including its closing bracket:
    // `readItem` reads each, the commas and whitespace between them are read here.
    template <class ReadItem> bool readList(char close, ReadItem&& readItem)
    {
        ++m_pos;
        skipWhitespace();
        if (peek() == close) {
            ++m_pos;
            return true;
        }
        for (;;) {
            if (!readItem()) {
                return false;
            }
            skipWhitespace();
            if (peek() == close) {
                ++m_pos;
                return true;
            }
            if (peek() != ',') {
                return false;
            }
            ++m_pos;
            skipWhitespace();
        }
    }

    // An object's members: `readMember` gets each name (as written) and reads the value.
    template <class ReadMember> bool readMembers(ReadMember&& readMember)
    {
        return readList('}', [&] {
            bool escaped = false;
            const std::size_t nameStart = m_pos + 1;
            if (peek() != '"' || !readString(escaped)) {
                return false;
            }
            const std::string_view name = m_text.substr(nameStart, m_pos - 1 - nameStart);
            skipWhitespace();
            if (peek() != ':') {
                return false;
            }
            ++m_pos;
            skipWhitespace();
            return readMember(name, escaped);
        });
    }

    // What readValue learns about a value besides where it ends.
    struct Value {
        FlatKind kind = FlatKind::Null;
        bool escaped = false;
        bool plainStrings = false;
    };

    // A value at `depth` (the number of arrays and objects around it).
    bool readValue(std::size_t depth, Value& value)
    {
        switch (peek()) {
        case '"': value.kind = FlatKind::String; return readString(value.escaped);
        case '{':
            value.kind = FlatKind::Object;
            return m_options.nestedObjects && depth < kMaxJsonDepth && skipObject(depth + 1);
        case '[': value.kind = FlatKind::Array; return depth < kMaxJsonDepth && skipArray(depth + 1, value);
        case 't': value.kind = FlatKind::True; return readLiteral("true");
        case 'f': value.kind = FlatKind::False; return readLiteral("false");
        case 'n': value.kind = FlatKind::Null; return readLiteral("null");
        default: value.kind = FlatKind::Number; return readNumber();
        }
    }

    bool skipObject(std::size_t depth)
    {
        return readMembers([&](std::string_view, bool) {
            Value ignored;
            return readValue(depth, ignored);
        });
    }

    bool skipArray(std::size_t depth, Value& array)
    {
        array.plainStrings = true;
        return readList(']', [&] {
            Value element;
            if (!readValue(depth, element)) {
                return false;
            }
            array.plainStrings = array.plainStrings && element.kind == FlatKind::String && !element.escaped;
            return true;
        });
    }

    // The string at m_pos (its opening quote). The text is valid UTF-8 already.
    bool readString(bool& escaped)
    {
        std::size_t i = m_pos + 1;
        for (;;) {
            i = findStringStop(m_text, i);
            if (i == m_text.size()) {
                return false;
            }
            if (m_text[i] == '"') {
                m_pos = i + 1;
                return true;
            }
            if (m_text[i] != '\\' || i + 1 == m_text.size()) {
                return false; // a control character, or the text ends
            }
            switch (m_text[i + 1]) {
            case '"':
            case '\\':
            case '/':
            case 'b':
            case 'f':
            case 'n':
            case 'r':
            case 't': break;
            default: return false; // \u (surrogate rules are parseJson's) or an invalid escape
            }
            escaped = true;
            i += 2;
        }
    }

    bool readLiteral(std::string_view literal)
    {
        if (m_text.substr(m_pos, literal.size()) != literal) {
            return false;
        }
        m_pos += literal.size();
        return true;
    }

    // RFC 8259 §6 without an exponent.
    bool readNumber()
    {
        const std::size_t start = m_pos;
        if (peek() == '-') {
            ++m_pos;
        }
        if (peek() == '0') {
            ++m_pos;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            return false;
        }
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit(peek())) {
                return false;
            }
            skipDigits();
        }
        return peek() != 'e' && peek() != 'E' && !isDigit(peek()) && m_pos - start <= kMaxNumberLength;
    }

    FlatScanOptions m_options;
};

bool scanFlatObject(std::string_view text, FlatObject& out, FlatScanOptions options)
{
    return FlatScanner(text, options).scan(out);
}

} // namespace jwtwb::encoding
