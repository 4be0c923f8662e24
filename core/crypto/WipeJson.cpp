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
    members.clearWith([](encoding::Json& value) { wipe(value); }, [](std::string& text) { wipe(text); });
}

} // namespace jwtwb::crypto
