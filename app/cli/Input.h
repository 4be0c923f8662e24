#pragma once

#include "Error.h"

#include <string>
#include <string_view>

namespace jwtwb::cli {

// The argument itself, or standard input when it is "-" (or empty and stdin is not a terminal).
[[nodiscard]] Result<std::string> readArgumentOrStdin(std::string_view argument, std::string_view what);

} // namespace jwtwb::cli
