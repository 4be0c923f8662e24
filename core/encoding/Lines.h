#pragma once

#include "encoding/Text.h"

#include <string_view>

namespace jwtwb::encoding {

// Takes the next line off the front of `rest` and returns it without its '\n' and without ASCII
// whitespace at either end (so a CRLF file reads as an LF one). The last line needs no '\n'.
[[nodiscard]] constexpr std::string_view takeTrimmedLine(std::string_view& rest)
{
    const std::size_t end = rest.find('\n');
    const std::string_view line = trimAsciiSpace(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
}

} // namespace jwtwb::encoding
