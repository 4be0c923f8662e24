#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace jwtwb::encoding {

// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs,
// no surrogates, nothing above U+10FFFF), or nullopt when the whole text is valid.
[[nodiscard]] std::optional<std::size_t> findInvalidUtf8(std::string_view text);

} // namespace jwtwb::encoding
