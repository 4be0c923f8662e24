#include "FlatJson.h"

#include "Json.h"
#include "JsonLexing.h"
#include "Text.h"
#include "Utf8.h"

#include <charconv>
#include <cstring>
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

std::optional<std::int64_t> FlatMember::longInteger() const
{
    if (kind != FlatKind::Number) {
        return std::nullopt;
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

    // Everything but nested arrays and objects is inlined here, so that the position and the
    // member count live in registers: kept in memory, every step would wait on the store before it.
    JWTWB_ALWAYS_INLINE bool scan(FlatObject& out)
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
        std::size_t count = 0;
        const bool read = readMembers([&](std::string_view name, bool nameEscaped) JWTWB_ALWAYS_INLINE {
            const std::uint64_t bit = nameBit(name);
            if (nameEscaped || count == FlatObject::kMaxMembers
                || ((seen & bit) != 0 && isRepeated(out, count, name))) {
                return false;
            }
            seen |= bit;
            skipWhitespace();
            const std::size_t valueStart = m_pos;
            Value value;
            if (!readValue(1, value)) {
                return false;
            }
            // Built in its slot in one go: a temporary copied in would stall on store forwarding.
            std::construct_at(&out.m_slots.members[count], name, slice(valueStart, m_pos), value.kind, value.escaped,
                              value.plainStrings, value.shortInteger, value.shortIntegerValue);
            ++count;
            return true;
        });
        out.m_count = count;
        skipWhitespace();
        return read && m_pos == m_text.size();
    }

private:
    // Out of line, and given the count: scan() keeps it in a register, not in `out`.
    [[gnu::noinline]] static bool isRepeated(FlatObject& out, std::size_t count, std::string_view name)
    {
        out.m_count = count;
        return out.find(name) != nullptr;
    }

    // m_text[from, to), which the caller knows to be inside: substr's range check is a call that
    // would take m_text's address, and with it put the whole scanner in memory.
    [[nodiscard]] JWTWB_ALWAYS_INLINE std::string_view slice(std::size_t from, std::size_t to) const
    {
        return {m_text.data() + from, to - from};
    }

    static std::uint64_t nameBit(std::string_view name)
    {
        const std::size_t mix = name.empty()
            ? 0
            : name.size() * 7 + static_cast<unsigned char>(name.front()) * 3 + static_cast<unsigned char>(name.back());
        return std::uint64_t{1} << (mix % 64);
    }

    // The elements of the array or object at m_pos, up to and including its closing bracket:
    // `readItem` reads each, the commas and whitespace between them are read here.
    // Whitespace is skipped only where the expected byte is not found (consume), or before an item.
    template <class ReadItem> JWTWB_ALWAYS_INLINE bool readList(char close, ReadItem&& readItem)
    {
        ++m_pos;
        if (consume(close)) {
            return true;
        }
        for (;;) {
            if (!readItem()) {
                return false;
            }
            if (consume(close)) {
                return true;
            }
            if (!consume(',')) {
                return false;
            }
        }
    }

    // An object's members: `readMember` gets each name (as written) and reads the value.
    template <class ReadMember> JWTWB_ALWAYS_INLINE bool readMembers(ReadMember&& readMember)
    {
        return readList('}', [&]() JWTWB_ALWAYS_INLINE {
            bool escaped = false;
            if (peek() != '"') {
                skipWhitespace();
            }
            const std::size_t nameStart = m_pos + 1;
            if (peek() != '"' || !readString(escaped)) {
                return false;
            }
            const std::string_view name = slice(nameStart, m_pos - 1);
            return consume(':') && readMember(name, escaped);
        });
    }

    // What readValue learns about a value besides where it ends.
    struct Value {
        FlatKind kind = FlatKind::Null;
        bool escaped = false;
        bool plainStrings = false;
        bool shortInteger = false;
        std::int64_t shortIntegerValue = 0;
    };

    // A value at `depth` (the number of arrays and objects around it), whitespace before it skipped.
    JWTWB_ALWAYS_INLINE bool readValue(std::size_t depth, Value& value)
    {
        switch (peek()) {
        case '"': value.kind = FlatKind::String; return readString(value.escaped);
        case '{':
            value.kind = FlatKind::Object;
            return m_options.nestedObjects && depth < kMaxJsonDepth && skipNested(depth + 1, value);
        case '[': value.kind = FlatKind::Array; return depth < kMaxJsonDepth && skipNested(depth + 1, value);
        case 't': value.kind = FlatKind::True; return readLiteral("true");
        case 'f': value.kind = FlatKind::False; return readLiteral("false");
        case 'n': value.kind = FlatKind::Null; return readLiteral("null");
        default: value.kind = FlatKind::Number; return readNumber(value);
        }
    }

    // An array or object, by a scanner of its own and out of line: passing `this` to a call would
    // put m_pos in memory for the whole of scan().
    JWTWB_ALWAYS_INLINE bool skipNested(std::size_t depth, Value& value)
    {
        const auto [end, plainStrings] = skipNestedAt(m_text, m_pos, m_options, depth, value.kind);
        m_pos = end;
        value.plainStrings = plainStrings;
        return end != std::string_view::npos;
    }

    // Where the array or object at `start` ends (npos when it is not read), and whether it is an
    // array of plain strings.
    [[gnu::noinline]] static std::pair<std::size_t, bool>
    skipNestedAt(std::string_view text, std::size_t start, FlatScanOptions options, std::size_t depth, FlatKind kind)
    {
        FlatScanner nested(text, options);
        nested.m_pos = start;
        Value value;
        const bool read = kind == FlatKind::Object ? nested.skipObject(depth) : nested.skipArray(depth, value);
        return {read ? nested.m_pos : std::string_view::npos, value.plainStrings};
    }

    bool skipObject(std::size_t depth)
    {
        return readMembers([&](std::string_view, bool) {
            Value ignored;
            skipWhitespace();
            return readValue(depth, ignored);
        });
    }

    bool skipArray(std::size_t depth, Value& array)
    {
        array.plainStrings = true;
        return readList(']', [&] {
            Value element;
            skipWhitespace();
            if (!readValue(depth, element)) {
                return false;
            }
            array.plainStrings = array.plainStrings && element.kind == FlatKind::String && !element.escaped;
            return true;
        });
    }

    // The string at m_pos (its opening quote). The text is valid UTF-8 already.
    JWTWB_ALWAYS_INLINE bool readString(bool& escaped)
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

    JWTWB_ALWAYS_INLINE bool readLiteral(std::string_view literal)
    {
        if (m_text.size() - m_pos < literal.size()
            || std::memcmp(m_text.data() + m_pos, literal.data(), literal.size()) != 0) {
            return false;
        }
        m_pos += literal.size();
        return true;
    }

    // RFC 8259 §6 without an exponent. An integer's value is read on the way, as long as it cannot
    // overflow.
    JWTWB_ALWAYS_INLINE bool readNumber(Value& value)
    {
        constexpr std::size_t kMaxShortDigits = 18;
        const std::size_t start = m_pos;
        const bool negative = peek() == '-';
        if (negative) {
            ++m_pos;
        }
        const std::size_t digitsStart = m_pos;
        std::uint64_t number = 0; // wraps harmlessly beyond kMaxShortDigits, where it is not used
        if (peek() == '0') {
            ++m_pos;
        } else if (isDigit(peek())) {
            do {
                number = number * 10 + static_cast<std::uint64_t>(m_text[m_pos] - '0');
                ++m_pos;
            } while (m_pos < m_text.size() && isDigit(m_text[m_pos]));
        } else {
            return false;
        }
        value.shortInteger = m_pos - digitsStart <= kMaxShortDigits;
        if (peek() == '.') {
            ++m_pos;
            if (!isDigit(peek())) {
                return false;
            }
            skipDigits();
            value.shortInteger = false;
        }
        // Negated as unsigned: beyond kMaxShortDigits the wrapped value may be any, and only
        // unsigned arithmetic is defined for all of them.
        value.shortIntegerValue = static_cast<std::int64_t>(negative ? 0 - number : number);
        return peek() != 'e' && peek() != 'E' && !isDigit(peek()) && m_pos - start <= kMaxNumberLength;
    }

    FlatScanOptions m_options;
};

bool scanFlatObject(std::string_view text, FlatObject& out, FlatScanOptions options)
{
    return FlatScanner(text, options).scan(out);
}

} // namespace jwtwb::encoding
