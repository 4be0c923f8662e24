#include "JsonObjectEdit.h"

#include <fmt/format.h>

#include <vector>

namespace jwtwb::encoding {
namespace {

struct MemberSpan {
    std::string name;
    std::size_t leading; // start of the whitespace before the key (after '{' or ',')
    std::size_t start; // the key's opening quote
    std::size_t keyEnd; // just after the key's closing quote
    std::size_t valueStart;
    std::size_t valueEnd;
};

struct ObjectSpans {
    std::size_t open;
    std::size_t close;
    std::vector<MemberSpan> members;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The scanner below only ever sees text that parsed as a JSON object, so it can be simple.
class Scanner
{
public:
    explicit Scanner(std::string_view text)
        : m_text(text)
    { }

    ObjectSpans scan()
    {
        if (m_text.starts_with("\xEF\xBB\xBF")) {
            m_pos = 3;
        }
        skipSpace();
        ObjectSpans spans{m_pos, 0, {}};
        ++m_pos; // '{'
        while (true) {
            const std::size_t leading = m_pos;
            skipSpace();
            if (m_text[m_pos] == '}') {
                spans.close = m_pos;
                return spans;
            }
            MemberSpan member{{}, leading, m_pos, 0, 0, 0};
            skipString();
            member.keyEnd = m_pos;
            member.name
                = parseJson(m_text.substr(member.start, member.keyEnd - member.start))->value.get<std::string>();
            skipSpace();
            ++m_pos; // ':'
            skipSpace();
            member.valueStart = m_pos;
            skipValue();
            member.valueEnd = m_pos;
            spans.members.push_back(std::move(member));
            skipSpace();
            if (m_text[m_pos] == ',') {
                ++m_pos;
            }
        }
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos])) {
            ++m_pos;
        }
    }

    void skipString()
    {
        ++m_pos; // opening quote
        while (m_text[m_pos] != '"') {
            m_pos += m_text[m_pos] == '\\' ? 2 : 1;
        }
        ++m_pos;
    }

    void skipValue()
    {
        const char first = m_text[m_pos];
        if (first == '"') {
            skipString();
            return;
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            do {
                const char c = m_text[m_pos];
                if (c == '"') {
                    skipString();
                    continue;
                }
                depth += (c == '{' || c == '[') ? 1 : (c == '}' || c == ']') ? -1 : 0;
                ++m_pos;
            } while (depth > 0);
            return;
        }
        while (m_pos < m_text.size() && !isSpace(m_text[m_pos]) && m_text[m_pos] != ',' && m_text[m_pos] != '}') {
            ++m_pos;
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

Result<ObjectSpans> scanObject(std::string_view text)
{
    auto parsed = parseJsonNoDuplicates(text, "JSON text");
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    if (!parsed->is_object()) {
        return fail(Errc::NotAJsonObject, "the JSON text is not an object ({ … })");
    }
    return Scanner(text).scan();
}

const MemberSpan* findMember(const ObjectSpans& spans, std::string_view name)
{
    for (const auto& member : spans.members) {
        if (member.name == name) {
            return &member;
        }
    }
    return nullptr;
}

std::string_view between(std::string_view text, std::size_t from, std::size_t to)
{
    return text.substr(from, to - from);
}

} // namespace

Result<std::string> setObjectMember(std::string_view objectText, std::string_view name, const Json& value,
                                    std::string_view after)
{
    auto spans = scanObject(objectText);
    if (!spans) {
        return std::unexpected(spans.error());
    }
    const std::string valueText = toCompactJson(value);
    std::string out(objectText);
    if (const MemberSpan* existing = findMember(*spans, name)) {
        out.replace(existing->valueStart, existing->valueEnd - existing->valueStart, valueText);
        return out;
    }
    const std::string key = toCompactJson(Json(std::string(name)));
    const auto& members = spans->members;
    if (members.empty()) {
        out.replace(spans->open + 1, spans->close - spans->open - 1, fmt::format("{}: {}", key, valueText));
        return out;
    }
    const MemberSpan& first = members.front();
    const std::string_view colon = between(objectText, first.keyEnd, first.valueStart);
    const std::string member = fmt::format("{}{}{}", key, colon, valueText);
    // The whitespace that separates members: between the first comma and the second member, or
    // else between '{' and the first member; {"a": 1} gets a space like the one after its colon.
    const MemberSpan& second = members.size() > 1 ? members[1] : first;
    std::string_view gap = between(objectText, second.leading, second.start);
    if (gap.empty() && members.size() == 1 && colon.ends_with(' ')) {
        gap = " ";
    }
    if (const MemberSpan* anchor = after.empty() ? nullptr : findMember(*spans, after)) {
        out.insert(anchor->valueEnd, fmt::format(",{}{}", gap, member));
    } else {
        out.insert(first.start, fmt::format("{},{}", member, gap));
    }
    return out;
}

Result<std::string> removeObjectMember(std::string_view objectText, std::string_view name)
{
    auto spans = scanObject(objectText);
    if (!spans) {
        return std::unexpected(spans.error());
    }
    const auto& members = spans->members;
    std::string out(objectText);
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (members[i].name != name) {
            continue;
        }
        if (i + 1 < members.size()) {
            out.erase(members[i].start, members[i + 1].start - members[i].start);
        } else if (i > 0) {
            out.erase(members[i - 1].valueEnd, members[i].valueEnd - members[i - 1].valueEnd);
        } else {
            out.erase(spans->open + 1, spans->close - spans->open - 1);
        }
        return out;
    }
    return out;
}

} // namespace jwtwb::encoding
