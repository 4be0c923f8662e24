#include "RedactCommand.h"

#include "Input.h"
#include "inspect/Redaction.h"

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
    const auto token = readToken(arguments.token, arguments.member);
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
