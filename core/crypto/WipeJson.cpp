#include "WipeJson.h"

#include "crypto/SecureBytes.h"

namespace jwtwb::crypto {

void wipe(encoding::Json& value)
{
    if (value.is_string()) {
        wipe(value.get_ref<std::string&>());
    } else if (value.is_structured()) {
        for (auto& child : value) {
            wipe(child);
        }
    }
    value = nullptr;
}

void wipe(encoding::JsonMembers& members)
{
    for (auto& member : members.m_members) {
        wipe(member.value);
    }
    for (auto& text : members.m_unescaped) {
        wipe(text);
    }
    if (members.m_notObject) {
        wipe(*members.m_notObject);
    }
    members.m_members.clear();
    members.m_unescaped.clear();
    members.m_notObject.reset();
}

} // namespace jwtwb::crypto
