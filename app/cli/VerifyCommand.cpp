#include "VerifyCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "VerifyReport.h"
#include "encoding/Json.h"
#include "jose/JwtVerifier.h"
#include "time/Duration.h"

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
    std::vector<std::string> algorithms;
    std::vector<std::string> issuers;
    std::vector<std::string> audiences;
    std::string subject;
    std::string type;
    std::vector<std::string> required;
    std::string maxAge;
    std::string leeway = "0";
    std::string now;
    std::string detachedFile;
    std::vector<std::string> critical;
    bool json = false;
    bool signatureOnly = false;
    bool allowWeakKeys = false;
    std::string batch;
    unsigned jobs = 0;
};

Result<jose::JwtVerifyOptions> buildOptions(const VerifyArguments& arguments)
{
    jose::JwtVerifyOptions options;
    for (const auto& name : arguments.algorithms) {
        const auto alg = jose::parseAlgorithm(name);
        if (!alg || *alg == jose::JwsAlgorithm::None) {
            return fail(Errc::UnsupportedAlgorithm,
                        fmt::format("--alg {}: not a JWS algorithm that can be verified", name));
        }
        options.jws.algorithms.push_back(*alg);
    }
    options.jws.criticalHeaders = arguments.critical;
    options.jws.weakKeys = arguments.allowWeakKeys ? jose::WeakKeys::Accept : jose::WeakKeys::Refuse;
    const auto now = nowOr(arguments.now);
    if (!now) {
        return std::unexpected(now.error());
    }
    auto leeway = time::parseDuration(arguments.leeway);
    if (!leeway) {
        return fail(leeway.error().code, "--leeway: " + leeway.error().message);
    }
    options.claims.now = *now;
    options.claims.leeway = *leeway;
    options.claims.issuers = arguments.issuers;
    options.claims.audiences = arguments.audiences;
    options.claims.requiredClaims = arguments.required;
    if (!arguments.subject.empty()) {
        options.claims.subject = arguments.subject;
    }
    if (!arguments.type.empty()) {
        options.claims.type = arguments.type;
    }
    if (!arguments.maxAge.empty()) {
        auto maxAge = time::parseDuration(arguments.maxAge);
        if (!maxAge) {
            return fail(maxAge.error().code, "--max-age: " + maxAge.error().message);
        }
        options.claims.maxTokenAge = *maxAge;
    }
    if (!arguments.detachedFile.empty()) {
        auto payload = readFileOrStdin(arguments.detachedFile, "detached payload");
        if (!payload) {
            return std::unexpected(payload.error());
        }
        options.jws.detachedPayload = toBytes(*payload);
    }
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
    command->add_option("--alg", arguments->algorithms,
                        "Allowed algorithm (repeatable); default: any the key supports");
    command->add_option("--iss", arguments->issuers, "Expected issuer (repeatable: any of them)");
    command->add_option("--aud", arguments->audiences, "Expected audience (repeatable: any of them)");
    command->add_option("--sub", arguments->subject, "Expected subject");
    command->add_option("--typ", arguments->type, "Expected header typ (e.g. JWT, at+jwt)");
    command->add_option("--require", arguments->required, "Claim that must be present (repeatable)");
    command->add_option("--max-age", arguments->maxAge, "Maximum age since iat, e.g. 1h");
    command->add_option("--leeway", arguments->leeway, "Clock tolerance for exp/nbf/iat, e.g. 30s (default 0)");
    command->add_option("--now", arguments->now,
                        "Verify as of this time: Unix seconds, 2026-11-28T10:00:00Z, or +1h/-30m");
    command->add_option("--detached", arguments->detachedFile, "File with the detached payload (RFC 7515 Appendix F)");
    command->add_option("--crit", arguments->critical,
                        "Header parameter this caller understands in \"crit\" (repeatable)");
    command->add_flag("--allow-weak-keys", arguments->allowWeakKeys, kAllowWeakKeysHelp);
    command->add_flag("--jws", arguments->signatureOnly,
                      "Check the signature only: the payload may be any bytes, not a JWT claims set");
    command->add_flag("--json", arguments->json, "Print a JSON report (one object per line with --batch)");
    command->add_option("--batch", arguments->batch,
                        "Verify one token per line of FILE ('-' for stdin), one result line each");
    command->add_option("--jobs", arguments->jobs, "Threads for --batch (default: all cores)");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
