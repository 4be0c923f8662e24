#include "VerifyCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "VerifyOptions.h"
#include "VerifyReport.h"
#include "encoding/Json.h"
#include "jose/JwtVerifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

namespace jwtwb::cli {
namespace {

struct VerifyArguments {
    std::string token;
    std::string member;
    KeyArguments key;
    VerifyOptionArguments verify;
    std::string detachedFile;
    bool json = false;
    bool signatureOnly = false;
    std::string batch;
    unsigned jobs = 0;
};

Result<jose::JwtVerifyOptions> buildOptions(const VerifyArguments& arguments)
{
    auto options = buildVerifyOptions(arguments.verify);
    if (!options || arguments.detachedFile.empty()) {
        return options;
    }
    auto payload = readFileOrStdin(arguments.detachedFile, "detached payload");
    if (!payload) {
        return std::unexpected(payload.error());
    }
    options->jws.detachedPayload = toBytes(*payload);
    return options;
}

ReportOptions reportOptions(const VerifyArguments& arguments)
{
    return {arguments.json, arguments.signatureOnly, arguments.member};
}

int runSingle(const VerifyArguments& arguments, const jose::KeySource& keys, const jose::JwtVerifyOptions& options)
{
    auto input = readArgumentOrStdin(arguments.token, "token");
    if (!input) {
        std::cerr << "jwtwb: " << input.error().message << "\n";
        return 2;
    }
    const VerifyOutcome outcome = verifyOne(*input, keys, options, reportOptions(arguments));
    if (outcome.error && (outcome.error->code == Errc::TokenNotFound || outcome.error->code == Errc::ExtraText)) {
        std::cerr << "jwtwb: " << (outcome.error->code == Errc::TokenNotFound ? "--member: " : "")
                  << outcome.error->message << "\n";
        return 2; // a usage error, like an unknown option
    }
    if (arguments.json) {
        const auto parsed = encoding::parseJson(outcome.report); // written by us: always JSON
        std::cout << (parsed ? encoding::toPrettyJson(parsed->value) : outcome.report) << "\n";
    } else if (outcome.error) {
        std::cerr << "jwtwb: " << outcome.error->message << "\n";
    } else {
        std::cout << outcome.report << "\n";
    }
    return outcome.valid ? 0 : 1;
}

int runBatch(const VerifyArguments& arguments, const jose::KeySource& keys, const jose::JwtVerifyOptions& options)
{
    std::ifstream file;
    if (arguments.batch != "-") {
        file.open(arguments.batch);
        if (!file) {
            std::cerr << "jwtwb: cannot open batch file " << arguments.batch << "\n";
            return 2;
        }
    }
    std::istream& in = arguments.batch == "-" ? std::cin : file;
    const unsigned jobs = arguments.jobs > 0 ? arguments.jobs : std::max(1u, std::thread::hardware_concurrency());
    return verifyLines(in, std::cout, keys, options, reportOptions(arguments), jobs) ? 0 : 1;
}

int run(const VerifyArguments& arguments)
{
    auto options = buildOptions(arguments);
    if (!options) {
        std::cerr << "jwtwb: " << options.error().message << "\n";
        return 2;
    }
    auto keys = loadKeys(arguments.key);
    if (!keys) {
        std::cerr << "jwtwb: " << keys.error().message << "\n";
        return 2;
    }
    if (keys->keys.empty()) {
        std::cerr << "jwtwb: no key: give --key, --jwks, --secret or --secret-file\n";
        return 2;
    }
    const jose::KeySource source{keys->keys, keys->isSet};
    return arguments.batch.empty() ? runSingle(arguments, source, *options) : runBatch(arguments, source, *options);
}

} // namespace

void addVerifyCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<VerifyArguments>();
    auto* command = app.add_subcommand("verify", "Verify a token's signature and claims; exit 0 only when valid");
    command->add_option("token", arguments->token,
                        "The token (or text holding it); '-' or nothing reads standard input");
    command->add_option("--member", arguments->member, kMemberOptionHelp)->option_text("NAME");
    addKeyOptions(*command, arguments->key);
    command->add_option("--alg", arguments->verify.algorithms,
                        "Allowed algorithm (repeatable); default: any the key supports");
    addVerifyOptions(*command, arguments->verify);
    command->add_option("--detached", arguments->detachedFile, "File with the detached payload (RFC 7515 Appendix F)");
    command->add_flag("--jws", arguments->signatureOnly,
                      "Check the signature only: the payload may be any bytes, not a JWT claims set");
    command->add_flag("--json", arguments->json, "Print a JSON report (one object per line with --batch)");
    command->add_option("--batch", arguments->batch,
                        "Verify one token per line of FILE ('-' for stdin), one result line each");
    command->add_option("--jobs", arguments->jobs, "Threads for --batch (default: all cores)");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
