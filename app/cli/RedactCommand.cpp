#include "RedactCommand.h"

#include "Input.h"
#include "inspect/Redaction.h"
#include "inspect/TokenExtractor.h"
#include "jose/CompactToken.h"

#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

struct RedactArguments {
    std::string token;
    std::string member;
    inspect::RedactOptions options;
};

int run(const RedactArguments& arguments)
{
    const auto input = readArgumentOrStdin(arguments.token, "token");
    if (!input) {
        std::cerr << "jwtwb: " << input.error().message << "\n";
        return 2;
    }
    const auto extracted = inspect::extractToken(*input, arguments.member);
    if (!extracted) {
        std::cerr << "jwtwb: " << (extracted.error().code == Errc::TokenNotFound ? "--member: " : "")
                  << extracted.error().message << "\n";
        return 2;
    }
    const auto token = jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient);
    if (!token) {
        std::cerr << "jwtwb: " << token.error().message << "\n";
        return 2;
    }
    std::cout << inspect::redactToken(*token, arguments.options).text;
    return 0;
}

} // namespace

void addRedactCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<RedactArguments>();
    auto* command = app.add_subcommand(
        "redact", "Print a copy of a token that is safe to share: no signature, personal and unknown values masked");
    command->add_option("token", arguments->token,
                        "The token (or text holding it); '-' or nothing reads standard input");
    command->add_option("--member", arguments->member, kMemberOptionHelp)->option_text("NAME");
    command->add_option("--keep", arguments->options.keep, "Show this claim's value too (repeatable)");
    command->add_option("--mask", arguments->options.mask,
                        "Mask this claim's value even when it is shown by default, e.g. iss (repeatable)");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
