#include "Input.h"

#include <fmt/format.h>
#include <iostream>
#include <iterator>
#include <unistd.h>

namespace jwtwb::cli {

Result<std::string> readArgumentOrStdin(std::string_view argument, std::string_view what)
{
    if (argument != "-" && !argument.empty()) {
        return std::string(argument);
    }
    if (argument.empty() && isatty(STDIN_FILENO)) {
        return fail(Errc::EmptyInput, fmt::format("no {} given: pass it as an argument or '-' to read standard input", what));
    }
    std::string text;
    char buffer[64 * 1024];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
        if (text.size() > 64 * 1024 * 1024) {
            return fail(Errc::InputTooLarge, fmt::format("the {} on standard input is larger than 64 MiB", what));
        }
    }
    return text;
}

} // namespace jwtwb::cli
