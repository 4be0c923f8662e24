#include "Input.h"

#include "crypto/SecureBytes.h"
#include "inspect/TokenExtractor.h"
#include "time/Duration.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace jwtwb::cli {
namespace {

Result<std::string> readStream(std::istream& in, std::string_view what, std::string_view source)
{
    std::string text;
    char buffer[64 * 1024];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxInputSize) {
            return fail(Errc::InputTooLarge,
                        fmt::format("the {} in {} is larger than {} MiB", what, source, kMaxInputSize >> 20));
        }
    }
    return text;
}

} // namespace

Result<std::string> readArgumentOrStdin(std::string_view argument, std::string_view what)
{
    if (argument != "-" && !argument.empty()) {
        return std::string(argument);
    }
    if (argument.empty() && isatty(STDIN_FILENO)) {
        return fail(Errc::EmptyInput,
                    fmt::format("no {} given: pass it as an argument or '-' to read standard input", what));
    }
    return readStream(std::cin, what, "standard input");
}

Result<std::string> readFileOrStdin(const std::string& path, std::string_view what)
{
    if (path == "-") {
        return readStream(std::cin, what, "standard input");
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        return fail(Errc::Io, fmt::format("cannot open {} file {}: {}", what, path, std::strerror(errno)));
    }
    return readStream(file, what, path);
}

Result<std::string> readFirstLine(const std::string& path, std::string_view what)
{
    auto text = readFileOrStdin(path, what);
    if (!text) {
        return text;
    }
    const auto end = text->find_first_of("\r\n");
    std::string line = text->substr(0, end);
    crypto::wipe(*text);
    return line;
}

Result<jose::CompactToken> readToken(std::string_view argument, const std::string& member, std::string_view what)
{
    const auto input = readArgumentOrStdin(argument, what);
    if (!input) {
        return std::unexpected(input.error());
    }
    const auto extracted = inspect::extractToken(*input, member);
    if (!extracted) {
        return std::unexpected(
            Error{extracted.error().code,
                  (extracted.error().code == Errc::TokenNotFound ? "--member: " : "") + extracted.error().message});
    }
    return jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient);
}

Result<std::chrono::sys_seconds> nowOr(std::string_view option)
{
    const auto clock = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (option.empty()) {
        return clock;
    }
    auto time = time::parseTime(option, clock);
    if (!time) {
        return fail(time.error().code, "--now: " + time.error().message);
    }
    return time;
}

} // namespace jwtwb::cli
