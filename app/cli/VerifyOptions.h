#pragma once

#include "Error.h"
#include "jose/JwtVerification.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace jwtwb::cli {

// How a JWT is checked: allowed algorithms, expected claims, the time, understood "crit" members
// and weak keys. verify takes them for its token, decrypt for a nested token and for an encrypted
// claims set.
struct VerifyOptionArguments {
    // The option itself is the command's: verify's --alg, decrypt's --verify-alg (for messages).
    std::vector<std::string> algorithms;
    std::string algorithmOption = "--alg";
    std::vector<std::string> issuers;
    std::vector<std::string> audiences;
    std::string subject;
    std::string type;
    std::vector<std::string> required;
    std::string maxAge;
    std::string leeway = "0";
    std::string now;
    std::vector<std::string> critical;
    bool allowWeakKeys = false;
    std::string revokedFile;
};

// --iss, --aud, --sub, --typ, --require, --max-age, --leeway, --now, --crit, --allow-weak-keys and
// --revoked.
void addVerifyOptions(CLI::App& command, VerifyOptionArguments& arguments);

// The options, with --now read against the clock; errors name the option.
[[nodiscard]] Result<jose::JwtVerifyOptions> buildVerifyOptions(const VerifyOptionArguments& arguments);

} // namespace jwtwb::cli
