#include "Json.h"

#include "Utf8.h"

#include <fmt/format.h>
#include <iterator>
#include <set>

namespace jwtwb::encoding {
namespace {

// Lets the SAX handler know how far the parser has read, so that a repeated key can be located.
class TrackingIterator
{
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    TrackingIterator(const char* position, const char** furthest)
        : m_position(position)
        , m_furthest(furthest)
    { }

    reference operator*() const { return *m_position; }
    TrackingIterator& operator++()
    {
        ++m_position;
        *m_furthest = m_position;
        return *this;
    }
    TrackingIterator operator++(int)
    {
        auto copy = *this;
        ++*this;
        return copy;
    }
    bool operator==(const TrackingIterator& other) const { return m_position == other.m_position; }

private:
    const char* m_position;
    const char** m_furthest;
};

std::string escapePointerToken(std::string_view token)
{
    std::string out;
    for (char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

// Offset of the opening quote of the string that ends just before `end`.
std::size_t openingQuoteBefore(std::string_view text, std::size_t end)
{
    std::size_t i = end >= 2 ? end - 2 : 0;
    while (i > 0) {
        if (text[i] == '"') {
            std::size_t backslashes = 0;
            while (i > backslashes && text[i - 1 - backslashes] == '\\') {
                ++backslashes;
            }
            if (backslashes % 2 == 0) {
                return i;
            }
        }
        --i;
    }
    return i;
}

class DuplicateTrackingSax
{
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    DuplicateTrackingSax(std::string_view text, const char** furthest, Json& result)
        : m_text(text)
        , m_furthest(furthest)
        , m_dom(result, false)
    { }

    bool null() { return value() && m_dom.null(); }
    bool boolean(bool v) { return value() && m_dom.boolean(v); }
    bool number_integer(number_integer_t v) { return value() && m_dom.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) { return value() && m_dom.number_unsigned(v); }
    bool number_float(number_float_t v, const string_t& s) { return value() && m_dom.number_float(v, s); }
    bool string(string_t& v) { return value() && m_dom.string(v); }
    bool binary(binary_t& v) { return value() && m_dom.binary(v); }

    bool start_object(std::size_t length) { return open(true) && m_dom.start_object(length); }
    bool start_array(std::size_t length) { return open(false) && m_dom.start_array(length); }
    bool end_object()
    {
        m_frames.pop_back();
        return m_dom.end_object();
    }
    bool end_array()
    {
        m_frames.pop_back();
        return m_dom.end_array();
    }

    bool key(string_t& name)
    {
        Frame& frame = m_frames.back();
        if (!frame.keys.insert(name).second) {
            const auto end = static_cast<std::size_t>(*m_furthest - m_text.data());
            m_duplicates.push_back({frame.path, name, openingQuoteBefore(m_text, end)});
        }
        frame.currentKey = name;
        return m_dom.key(name);
    }

    bool parse_error(std::size_t position, const std::string& /*lastToken*/, const nlohmann::detail::exception& ex)
    {
        std::string_view what = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while ..."
        if (const auto colon = what.find(": ", what.find("column")); colon != std::string_view::npos) {
            what.remove_prefix(colon + 2);
        }
        const std::size_t offset = position > 0 ? position - 1 : 0;
        m_error = Error{Errc::InvalidJson,
                        fmt::format("invalid JSON at {}: {}", describePosition(m_text, offset), what),
                        {},
                        offset};
        return false;
    }

    std::optional<Error> takeError() { return std::move(m_error); }
    std::vector<DuplicateMember> takeDuplicates() { return std::move(m_duplicates); }

private:
    struct Frame {
        bool isObject;
        std::string path;
        std::set<std::string> keys = {};
        std::string currentKey = {};
        std::size_t nextIndex = 0;
    };

    // JSON Pointer of the container being opened.
    std::string childPath()
    {
        if (m_frames.empty()) {
            return {};
        }
        Frame& parent = m_frames.back();
        if (parent.isObject) {
            return parent.path + "/" + escapePointerToken(parent.currentKey);
        }
        return parent.path + "/" + std::to_string(parent.nextIndex++);
    }

    bool value()
    {
        if (!m_frames.empty() && !m_frames.back().isObject) {
            ++m_frames.back().nextIndex;
        }
        return true;
    }

    bool open(bool isObject)
    {
        if (m_frames.size() >= kMaxJsonDepth) {
            const auto offset = static_cast<std::size_t>(*m_furthest - m_text.data()) - 1;
            m_error = Error{
                Errc::NestingTooDeep,
                fmt::format("JSON nested deeper than {} levels at {}", kMaxJsonDepth, describePosition(m_text, offset)),
                {},
                offset};
            return false;
        }
        auto path = childPath();
        m_frames.push_back({isObject, std::move(path)});
        return true;
    }

    std::string_view m_text;
    const char** m_furthest;
    nlohmann::detail::json_sax_dom_parser<Json> m_dom;
    std::vector<Frame> m_frames;
    std::vector<DuplicateMember> m_duplicates;
    std::optional<Error> m_error;
};

} // namespace

Result<ParsedJson> parseJson(std::string_view text)
{
    if (const auto bad = findInvalidUtf8(text)) {
        return fail(
            Errc::InvalidUtf8,
            fmt::format("invalid UTF-8 at byte {} ({}): JSON text must be UTF-8", *bad, describePosition(text, *bad)),
            *bad);
    }
    ParsedJson parsed;
    const char* furthest = text.data();
    DuplicateTrackingSax sax(text, &furthest, parsed.value);
    const bool ok = Json::sax_parse(TrackingIterator(text.data(), &furthest),
                                    TrackingIterator(text.data() + text.size(), &furthest), &sax);
    if (auto error = sax.takeError()) {
        return std::unexpected(std::move(*error));
    }
    if (!ok) {
        return fail(Errc::InvalidJson, "invalid JSON");
    }
    parsed.duplicates = sax.takeDuplicates();
    return parsed;
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
