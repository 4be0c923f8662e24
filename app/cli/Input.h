#pragma once

#include "Error.h"
#include "jose/CompactToken.h"

#include <chrono>
#include <string>
#include <string_view>

namespace jwtwb::cli {

inline constexpr std::size_t kMaxInputSize = 64 * 1024 * 1024;

// The help of --member NAME, which every command that reads a token offers.
inline constexpr const char* kMemberOptionHelp
    = "When the input holds several tokens (a token response, an OpenID Connect redirect, a form body), "
      "use the one with this member or parameter name, e.g. access_token or tokens.id_token, instead of "
      "the first that decodes";

// The argument itself, or standard input when it is "-" (or empty and stdin is not a terminal).
[[nodiscard]] Result<std::string> readArgumentOrStdin(std::string_view argument, std::string_view what);

// A whole file, or standard input for "-"; refuses files over kMaxInputSize.
[[nodiscard]] Result<std::string> readFileOrStdin(const std::string& path, std::string_view what);

// The first line of a file without its line break (passphrase and secret files).
[[nodiscard]] Result<std::string> readFirstLine(const std::string& path, std::string_view what);

// The token an argument (or standard input) holds, found as decode and lint find it (the first
// that decodes, or the one named by --member) and decoded leniently. The error says which part of
// that failed ("--member: …" when no token has the name).
[[nodiscard]] Result<jose::CompactToken> readToken(std::string_view argument, const std::string& member,
                                                   std::string_view what = "token");

// The clock's time, or the time a --now option gives (Unix seconds, ISO 8601, now, +1h, -30m).
// The programs read the clock here, once; core never does.
[[nodiscard]] Result<std::chrono::sys_seconds> nowOr(std::string_view option);

} // namespace jwtwb::cli
