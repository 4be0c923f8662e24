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

} // namespace jwtwb::encoding
