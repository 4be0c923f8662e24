#include "VerifyCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "encoding/Json.h"
#include "jose/JwtVerifier.h"
#include "jose/NumericDate.h"
#include "jose/TokenExtractor.h"
#include "time/Duration.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

namespace jwtwb::cli {
namespace {

using encoding::Json;

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

std::string_view verdictName(jose::Verdict verdict)
{
    switch (verdict) {
    case jose::Verdict::Valid: return "valid";
    case jose::Verdict::Invalid: return "invalid";
    case jose::Verdict::NotChecked: return "not verified";
    }
    return "invalid";
}

// One token's outcome: valid flag, a JSON report and the human text.
struct Outcome {
    bool valid = false;
    Json report;
    std::string text;
};

Outcome errorOutcome(const Error& error)
{
    Outcome outcome;
    outcome.report = {{"valid", false}, {"error", std::string(errcName(error.code))}, {"message", error.message}};
    outcome.text = "error: " + error.message;
    return outcome;
}

Outcome verifyOne(std::string_view input, const LoadedKeys& keys, const jose::JwtVerifyOptions& options,
                  const VerifyArguments& arguments)
{
    auto extracted = jose::extractOneToken(input, arguments.member);
    if (!extracted) {
        return errorOutcome(extracted.error());
    }
    const jose::KeySource source{keys.keys, keys.isSet};
    auto result = jose::verifyJwt(extracted->token, source, options);
    if (!result) {
        return errorOutcome(result.error());
    }
    Outcome outcome;
    if (arguments.signatureOnly) {
        result->claims.findings.clear();
    }
    outcome.valid = result->valid();
    const auto& signature = result->signature;
    Json sig = {{"verdict", std::string(verdictName(signature.verdict))},
                {"code", std::string(jose::problemName(signature.problem))},
                {"reason", signature.reason}};
    if (signature.alg) {
        sig["alg"] = std::string(jose::algorithmName(*signature.alg));
    }
    if (!signature.keyId.empty()) {
        sig["kid"] = signature.keyId;
    }
    sig["warnings"] = signature.warnings;
    Json claims = Json::array();
    for (const auto& finding : result->claims.findings) {
        claims.push_back({{"code", std::string(jose::claimCodeName(finding.code))},
                          {"claim", finding.claim},
                          {"severity", finding.severity == jose::ClaimSeverity::Error ? "error" : "warning"},
                          {"message", finding.message}});
    }
    outcome.report = {{"valid", outcome.valid}, {"signature", sig}, {"claims", claims}};
    if (auto header = encoding::parseJson(asText(result->header()))) {
        outcome.report["header"] = std::move(header->value);
    }
    if (auto payload = encoding::parseJson(asText(result->payload()))) {
        outcome.report["payload"] = std::move(payload->value);
    }

    outcome.text = signature.valid()
        ? fmt::format("signature: valid ({}{})", jose::algorithmName(*signature.alg),
                      signature.keyId.empty() ? "" : ", kid \"" + signature.keyId + "\"")
        : fmt::format("signature: {} ({})", verdictName(signature.verdict), signature.reason);
    for (const auto& warning : signature.warnings) {
        outcome.text += "\nwarning: " + warning;
    }
    for (const auto& finding : result->claims.findings) {
        outcome.text
            += fmt::format("\n{}: {} [{}]", finding.severity == jose::ClaimSeverity::Error ? "claim" : "warning",
                           finding.message, jose::claimCodeName(finding.code));
    }
    outcome.text += outcome.valid ? "\nresult: VALID" : "\nresult: INVALID";
    return outcome;
}

int runSingle(const VerifyArguments& arguments, const LoadedKeys& keys, const jose::JwtVerifyOptions& options)
{
    auto input = readArgumentOrStdin(arguments.token, "token");
    if (!input) {
        std::cerr << "jwtwb: " << input.error().message << "\n";
        return 2;
    }
    const Outcome outcome = verifyOne(*input, keys, options, arguments);
    const std::string error = outcome.report.value("error", "");
    if (error == errcName(Errc::TokenNotFound) || error == errcName(Errc::ExtraText)) {
        std::cerr << "jwtwb: " << (error == errcName(Errc::TokenNotFound) ? "--member: " : "")
                  << outcome.report["message"].get<std::string>() << "\n";
        return 2; // a usage error, like an unknown option
    }
    if (arguments.json) {
        std::cout << encoding::toPrettyJson(outcome.report) << "\n";
    } else if (outcome.report.contains("error")) {
        std::cerr << "jwtwb: " << outcome.report["message"].get<std::string>() << "\n";
    } else {
        std::cout << outcome.text << "\n";
    }
    return outcome.valid ? 0 : 1;
}

// One result line per input line, in input order; lines are verified in parallel in chunks so
// that a file of any length streams in bounded memory.
int runBatch(const VerifyArguments& arguments, const LoadedKeys& keys, const jose::JwtVerifyOptions& options)
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
    constexpr std::size_t kChunk = 4096;
    bool allValid = true;
    std::size_t lineNumber = 0;
    std::vector<std::string> lines;
    std::vector<Outcome> outcomes;
    while (in) {
        lines.clear();
        std::string line;
        while (lines.size() < kChunk && std::getline(in, line)) {
            lines.push_back(std::move(line));
        }
        if (lines.empty()) {
            break;
        }
        outcomes.assign(lines.size(), Outcome{});
        std::atomic<std::size_t> next{0};
        const auto worker = [&] {
            for (std::size_t i = next++; i < lines.size(); i = next++) {
                outcomes[i] = verifyOne(lines[i], keys, options, arguments);
            }
        };
        std::vector<std::jthread> threads;
        for (unsigned t = 1; t < std::min<std::size_t>(jobs, lines.size()); ++t) {
            threads.emplace_back(worker);
        }
        worker();
        threads.clear(); // joins
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ++lineNumber;
            Outcome& outcome = outcomes[i];
            allValid = allValid && outcome.valid;
            if (arguments.json) {
                outcome.report["line"] = lineNumber;
                std::cout << encoding::toCompactJson(outcome.report) << "\n";
            } else {
                std::string summary = outcome.text.substr(outcome.text.rfind('\n') + 1);
                if (!outcome.valid) {
                    summary = outcome.report.contains("error")
                        ? "INVALID: " + outcome.report["message"].get<std::string>()
                        : "INVALID: " + outcome.text.substr(0, outcome.text.find('\n'));
                } else {
                    summary = "VALID";
                }
                std::cout << lineNumber << "\t" << summary << "\n";
            }
        }
    }
    return allValid ? 0 : 1;
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
    return arguments.batch.empty() ? runSingle(arguments, *keys, *options) : runBatch(arguments, *keys, *options);
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
