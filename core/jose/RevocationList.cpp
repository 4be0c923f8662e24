#include "RevocationList.h"

#include "encoding/Lines.h"
#include "encoding/Utf8.h"

#include <fmt/format.h>

namespace jwtwb::jose {

Result<RevocationList> RevocationList::parse(std::string_view text)
{
    RevocationList list;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const std::string_view line = encoding::takeTrimmedLine(text);
        ++lineNumber;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (encoding::findInvalidUtf8(line)) {
            return fail(Errc::InvalidUtf8, fmt::format("line {} of the deny-list is not valid UTF-8", lineNumber));
        }
        list.m_ids.emplace(line);
    }
    return list;
}

bool RevocationList::contains(std::string_view jti) const
{
    return m_ids.find(jti) != m_ids.end();
}

} // namespace jwtwb::jose
