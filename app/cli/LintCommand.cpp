#include "LintCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "encoding/Json.h"
#include "inspect/Lint.h"
#include "jose/CompactToken.h"
#include "jose/KeySelector.h"
#include "time/Duration.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct LintArguments {
    std::string token;
    std::string member;
    KeyArguments key;
    std::string now;
    std::string leeway = "0";
    std::string maxLifetime = "24h";
    std::vector<std::string> critical;
    bool json = false;
};

Json toJson(const std::vector<inspect::Finding>& findings)
{
    Json out = Json::array();
    for (const auto& finding : findings) {
        out.push_back({{"code", std::string(inspect::findingCodeName(finding.code))},
                       {"severity", std::string(inspect::severityName(finding.severity))},
                       {"location", finding.location},
                       {"title", finding.title},
                       {"explanation", finding.explanation},
                       {"reference", finding.reference}});
    }
    return out;
}

void printText(const std::vector<inspect::Finding>& findings)
{
    if (findings.empty()) {
        std::cout << "no findings\n";
        return;
    }
    for (const auto& finding : findings) {
        std::cout << fmt::format("{:<7}  {}  {}  {}\n    {}\n    See: {}\n", inspect::severityName(finding.severity),
                                 inspect::findingCodeName(finding.code), finding.location, finding.title,
                                 finding.explanation, finding.reference);
    }
}

// The key the weak-secret rule looks at: the only one given, or the one a key set offers for this token.
const keys::Key* chooseKey(const LoadedKeys& loaded, const jose::CompactToken& token)
{
    if (loaded.keys.empty()) {
        return nullptr;
    }
    if (!loaded.isSet) {
        return &loaded.keys.front();
    }
    const auto selection = jose::selectKeys(token.header.value, loaded.keys);
    return selection.matches.empty() ? nullptr : &loaded.keys[selection.matches.front()];
}

int run(const LintArguments& arguments)
{
    const auto now = nowOr(arguments.now);
    if (!now) {
        std::cerr << "jwtwb: " << now.error().message << "\n";
        return 2;
    }
    const auto leeway = time::parseDuration(arguments.leeway);
    if (!leeway) {
        std::cerr << "jwtwb: --leeway: " << leeway.error().message << "\n";
        return 2;
    }
    const auto maxLifetime = time::parseDuration(arguments.maxLifetime);
    if (!maxLifetime) {
        std::cerr << "jwtwb: --max-lifetime: " << maxLifetime.error().message << "\n";
        return 2;
    }
    const auto keys = loadKeys(arguments.key);
    if (!keys) {
        std::cerr << "jwtwb: " << keys.error().message << "\n";
        return 2;
    }
    const auto token = readToken(arguments.token, arguments.member);
    if (!token) {
        std::cerr << "jwtwb: " << token.error().message << "\n";
        return 2;
    }

    inspect::LintOptions options;
    options.now = *now;
    options.leeway = *leeway;
    options.longLifetimeBound = *maxLifetime;
    options.key = chooseKey(*keys, *token);
    options.criticalHeaders = arguments.critical;
    const auto findings = inspect::lint(*token, options);

    if (arguments.json) {
        std::cout << encoding::toPrettyJson(toJson(findings)) << "\n";
    } else {
        printText(findings);
    }
    const bool anyError = std::ranges::any_of(
        findings, [](const inspect::Finding& finding) { return finding.severity == inspect::Severity::Error; });
    return anyError ? 1 : 0;
}

} // namespace

void addLintCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<LintArguments>();
    auto* command = app.add_subcommand(
        "lint", "List a token's security findings (alg none, no expiry, key URLs in the header, …); exit 1 on errors");
    command->add_option("token", arguments->token,
                        "The token (or text holding it); '-' or nothing reads standard input");
    command->add_option("--member", arguments->member, kMemberOptionHelp)->option_text("NAME");
    addKeyOptions(*command, arguments->key);
    command->add_option("--now", arguments->now,
                        "Judge times as of this time: Unix seconds, 2026-11-28T10:00:00Z, or +1h/-30m");
    command->add_option("--leeway", arguments->leeway, "Clock tolerance for exp/nbf/iat, e.g. 30s (default 0)");
    command->add_option("--max-lifetime", arguments->maxLifetime,
                        "Lifetimes longer than this are reported (default 24h)");
    command->add_option("--crit", arguments->critical,
                        "Header parameter this caller understands in \"crit\" (repeatable)");
    command->add_flag("--json", arguments->json,
                      "Print a JSON array of findings (code, severity, location, title, explanation, reference)");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
