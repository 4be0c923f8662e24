#include "JsonMembers.h"

#include "encoding/JsonLexing.h"

#include <algorithm>

namespace jwtwb::encoding {

const JsonMember* JsonMembers::find(std::string_view name) const
{
    const auto it
        = std::ranges::find_if(m_members, [&](const JsonMember& m) { return lexing::sameName(m.name, name); });
    return it != m_members.end() ? &*it : nullptr;
}

void JsonMembers::clearWith(void (*wipeJson)(Json&), void (*wipeString)(std::string&))
{
    for (auto& member : m_members) {
        wipeJson(member.value);
    }
    for (auto& text : m_unescaped) {
        wipeString(text);
    }
    if (m_notObject) {
        wipeJson(*m_notObject);
    }
    m_members.clear();
    m_unescaped.clear();
    m_notObject.reset();
}

} // namespace jwtwb::encoding
