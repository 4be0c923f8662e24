#include "RotateCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "encoding/Json.h"
#include "encoding/Lines.h"
#include "inspect/ClaimCatalog.h"
#include "jose/KeySelector.h"
#include "rotation/KeyRotation.h"
#include "time/Duration.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct RotateArguments {
    std::vector<std::string> tokens;
    std::string batch;
    std::string oldSet;
    std::string newSet;
    std::string passphraseFile;
    std::string now;
    std::string leeway = "0";
    bool allowWeakKeys = false;
    bool json = false;
};

Result<std::vector<std::string>> readTokens(const RotateArguments& arguments)
{
    if (arguments.batch.empty()) {
        return arguments.tokens;
    }
    auto text = readFileOrStdin(arguments.batch, "batch");
    if (!text) {
        return std::unexpected(text.error());
    }
    std::vector<std::string> tokens;
    std::string_view rest = *text;
    while (!rest.empty()) {
        const std::string_view line = encoding::takeTrimmedLine(rest);
        if (!line.empty()) {
            tokens.emplace_back(line);
        }
    }
    return tokens;
}

// "kid \"2026-11\"" or "key 2" for the table; "—" when no key of the set verifies the token.
std::string keyLabel(const rotation::SetVerdict& verdict, std::span<const keys::Key> set)
{
    if (!verdict.verifies || !verdict.keyIndex) {
        return "—";
    }
    return rotation::keyLabel(set, *verdict.keyIndex);
}

std::string expiry(const rotation::TokenRotation& token, std::chrono::sys_seconds now)
{
    if (!token.expires) {
        return token.error.empty() ? "no exp" : "—";
    }
    return (token.expired ? "expired " : "expires ") + inspect::relativeTime(*token.expires, now);
}

void printText(const rotation::RotationReport& report, std::span<const keys::Key> before,
               std::span<const keys::Key> after)
{
    std::cout << fmt::format("{:<4} {:<24} {:<18} {:<18} {}\n", "#", "fate", "old set", "new set", "lifetime");
    for (std::size_t i = 0; i < report.tokens.size(); ++i) {
        const auto& token = report.tokens[i];
        std::cout << fmt::format("{:<4} {:<24} {:<18} {:<18} {}\n", i + 1, rotation::fateName(token.fate),
                                 keyLabel(token.before, before), keyLabel(token.after, after),
                                 expiry(token, report.now));
        if (!token.error.empty()) {
            std::cout << "     " << token.error << "\n";
        } else if (!token.after.verifies) {
            std::cout << "     new set: " << token.after.reason << "\n";
        }
    }
    std::cout << report.summary() << "\n";
}

Json verdictJson(const rotation::SetVerdict& verdict, std::span<const keys::Key> set)
{
    Json out = {{"verifies", verdict.verifies}};
    if (verdict.keyIndex) {
        out["key"] = *verdict.keyIndex;
        if (const auto& kid = set[*verdict.keyIndex].parameters().kid; !kid.empty()) {
            out["kid"] = kid;
        }
    } else {
        out["reason"] = verdict.reason;
    }
    return out;
}

void printJson(const rotation::RotationReport& report, std::span<const keys::Key> before,
               std::span<const keys::Key> after)
{
    Json tokens = Json::array();
    for (const auto& token : report.tokens) {
        Json entry = {{"fate", rotation::fateName(token.fate)}, {"expired", token.expired}};
        if (!token.error.empty()) {
            entry["error"] = token.error;
        } else {
            entry["old"] = verdictJson(token.before, before);
            entry["new"] = verdictJson(token.after, after);
        }
        entry["exp"] = token.expires ? Json(token.expires->time_since_epoch().count()) : Json(nullptr);
        tokens.push_back(std::move(entry));
    }
    const Json out = {
        {"tokens", std::move(tokens)}, {"breaksLiveTokens", report.breaksLiveTokens()}, {"summary", report.summary()}};
    std::cout << encoding::toPrettyJson(out) << "\n";
}

Result<std::vector<keys::Key>> loadSet(const std::string& path, const std::string& passphraseFile)
{
    auto loaded = loadKeyFile(path, passphraseFile);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    return std::move(loaded->keys);
}

int run(const RotateArguments& arguments)
{
    auto before = loadSet(arguments.oldSet, arguments.passphraseFile);
    auto after = before ? loadSet(arguments.newSet, arguments.passphraseFile) : std::unexpected(before.error());
    auto tokens = readTokens(arguments);
    auto now = nowOr(arguments.now);
    auto leeway = time::parseDuration(arguments.leeway);
    for (const Error* error : {before ? nullptr : &before.error(), after ? nullptr : &after.error(),
                               tokens ? nullptr : &tokens.error(), now ? nullptr : &now.error()}) {
        if (error) {
            std::cerr << "jwtwb: " << error->message << "\n";
            return 2;
        }
    }
    if (!leeway) {
        std::cerr << "jwtwb: --leeway: " << leeway.error().message << "\n";
        return 2;
    }
    if (tokens->empty()) {
        std::cerr << "jwtwb: no token: give tokens as arguments or --batch FILE\n";
        return 2;
    }
    jose::JwtVerifyOptions options;
    options.jws.weakKeys = arguments.allowWeakKeys ? jose::WeakKeys::Accept : jose::WeakKeys::Refuse;
    options.claims.now = *now;
    options.claims.leeway = *leeway;
    const auto report = rotation::rehearseRotation(*tokens, *before, *after, options);
    if (arguments.json) {
        printJson(report, *before, *after);
    } else {
        printText(report, *before, *after);
    }
    return report.breaksLiveTokens() ? 1 : 0;
}

} // namespace

void addRotateCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<RotateArguments>();
    auto* command = app.add_subcommand(
        "rotate", "Rehearse a key rotation: which tokens a new key set breaks; exit 1 when a live token would fail");
    command->add_option("tokens", arguments->tokens, "Tokens to check (or --batch)");
    command->add_option("--batch", arguments->batch, "Read one token per line of FILE ('-' for stdin)");
    command->add_option("--jwks", arguments->oldSet, "The key set verifiers use today (JWKS, JWK or PEM file)")
        ->required();
    command->add_option("--jwks-new", arguments->newSet, "The key set after the rotation")->required();
    command->add_option("--passphrase-file", arguments->passphraseFile, "Passphrase for an encrypted PEM key file");
    command->add_option("--now", arguments->now,
                        "The moment of the rotation: Unix seconds, 2026-11-28T10:00:00Z, or +1h/-30m");
    command->add_option("--leeway", arguments->leeway, "Clock tolerance for exp, e.g. 30s (default 0)");
    command->add_flag("--allow-weak-keys", arguments->allowWeakKeys, kAllowWeakKeysHelp);
    command->add_flag("--json", arguments->json, "Print a JSON report");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
