#pragma once

#include "Bytes.h"
#include "Error.h"

#include <span>
#include <string>
#include <string_view>

namespace jwtwb::encoding {

[[nodiscard]] std::string toHex(std::span<const std::uint8_t> bytes); // lowercase, no separators
[[nodiscard]] Result<Bytes> fromHex(std::string_view hex); // even length, either case

} // namespace jwtwb::encoding
