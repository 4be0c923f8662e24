#include "DpopCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "dpop/DpopProof.h"
#include "encoding/Json.h"
#include "encoding/Text.h"
#include "inspect/TokenExtractor.h"
#include "jose/Algorithm.h"
#include "time/Duration.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct DpopArguments {
    std::string proof;
    KeyArguments key;
    std::string htm;
    std::string htu;
    std::string accessToken;
    std::string nonce;
    std::string now;
    std::string window = "5m";
    std::string jti;
    std::string alg;
    bool json = false;
};

std::optional<std::string> optional(const std::string& value)
{
    return value.empty() ? std::nullopt : std::optional(value);
}

int create(const DpopArguments& arguments)
{
    const auto now = nowOr(arguments.now);
    if (!now) {
        std::cerr << "jwtwb: " << now.error().message << "\n";
        return 2;
    }
    const auto keys = loadKeys(arguments.key);
    if (!keys) {
        std::cerr << "jwtwb: " << keys.error().message << "\n";
        return 2;
    }
    if (keys->keys.size() != 1) {
        std::cerr << "jwtwb: a DPoP proof is signed with exactly one private key: give --key FILE\n";
        return 2;
    }
    dpop::DpopProofOptions options;
    options.htm = arguments.htm;
    options.htu = arguments.htu;
    options.accessToken = optional(arguments.accessToken);
    options.nonce = optional(arguments.nonce);
    options.iat = *now;
    options.jti = arguments.jti;
    if (!arguments.alg.empty()) {
        options.alg = jose::parseAlgorithm(arguments.alg);
        if (!options.alg) {
            std::cerr << "jwtwb: --alg: unknown algorithm " << arguments.alg << "\n";
            return 2;
        }
    }
    const auto proof = dpop::createDpopProof(keys->keys.front(), options);
    if (!proof) {
        std::cerr << "jwtwb: " << proof.error().message << "\n";
        return 1;
    }
    std::cout << *proof << "\n";
    return 0;
}

int verify(const DpopArguments& arguments)
{
    const auto now = nowOr(arguments.now);
    if (!now) {
        std::cerr << "jwtwb: " << now.error().message << "\n";
        return 2;
    }
    const auto window = time::parseDuration(arguments.window);
    if (!window) {
        std::cerr << "jwtwb: --iat-window: " << window.error().message << "\n";
        return 2;
    }
    const auto input = readArgumentOrStdin(arguments.proof, "proof");
    if (!input) {
        std::cerr << "jwtwb: " << input.error().message << "\n";
        return 2;
    }
    // The proof as an HTTP request carries it: bare, or a whole "DPoP: …" header line.
    std::string_view text = encoding::trimAsciiSpace(*input);
    if (text.size() > 5 && (text.starts_with("DPoP:") || text.starts_with("dpop:"))) {
        text = encoding::trimAsciiSpace(text.substr(5));
    }
    dpop::DpopExpectations expected;
    expected.htm = arguments.htm;
    expected.htu = arguments.htu;
    expected.accessToken = optional(arguments.accessToken);
    expected.nonce = optional(arguments.nonce);
    expected.now = *now;
    expected.iatWindow = *window;
    const auto report = dpop::verifyDpopProof(text, expected);
    if (!report) {
        std::cerr << "jwtwb: " << report.error().message << "\n";
        return 2;
    }
    if (arguments.json) {
        Json checks = Json::array();
        for (const auto& check : report->checks) {
            checks.push_back({{"check", dpop::dpopCheckName(check.code)},
                              {"outcome", jose::checkOutcomeName(check.outcome)},
                              {"reason", check.reason}});
        }
        std::cout << encoding::toPrettyJson(
            Json{{"valid", report->valid()}, {"jkt", report->thumbprint}, {"checks", std::move(checks)}})
                  << "\n";
    } else {
        for (const auto& check : report->checks) {
            std::cout << fmt::format("{:<12} {:<10} {}\n", jose::checkOutcomeName(check.outcome),
                                     dpop::dpopCheckName(check.code), check.reason);
        }
        std::cout << (report->valid() ? "valid DPoP proof" : "invalid DPoP proof")
                  << (report->thumbprint.empty() ? "" : fmt::format(" (jkt {})", report->thumbprint)) << "\n";
    }
    return report->valid() ? 0 : 1;
}

void addRequestOptions(CLI::App& command, DpopArguments& arguments)
{
    command.add_option("--htm", arguments.htm, "The HTTP method of the request, e.g. POST")->required();
    command.add_option("--htu", arguments.htu, "The URL of the request (query and fragment are ignored)")->required();
    command.add_option("--access-token", arguments.accessToken,
                       "The access token sent with the proof: \"ath\" is its SHA-256 (and its cnf.jkt is checked)");
    command.add_option("--nonce", arguments.nonce, "The nonce the server handed out (DPoP-Nonce)");
    command.add_option("--now", arguments.now, "Use this time instead of the clock: Unix seconds, ISO 8601 or +1h");
}

} // namespace

void addDpopCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<DpopArguments>();
    auto* command = app.add_subcommand("dpop", "Create or verify a DPoP proof (RFC 9449)");
    command->require_subcommand(1);

    auto* createCommand = command->add_subcommand("create", "Print a DPoP proof signed with a private key");
    addKeyOptions(*createCommand, arguments->key);
    addRequestOptions(*createCommand, *arguments);
    createCommand->add_option("--jti", arguments->jti, "The proof's jti (default: 16 random bytes, base64url)");
    createCommand->add_option("--alg", arguments->alg, "Signature algorithm (default: the first the key fits)");
    createCommand->callback([arguments, &exitCode] { exitCode = create(*arguments); });

    auto* verifyCommand
        = command->add_subcommand("verify", "Check a DPoP proof against a request; exit 0 only when every check holds");
    verifyCommand->add_option("proof", arguments->proof,
                              "The proof, or a \"DPoP: …\" header line; '-' or nothing reads standard input");
    addRequestOptions(*verifyCommand, *arguments);
    verifyCommand->add_option("--iat-window", arguments->window,
                              "How far iat may be from now, either way (default 5m)");
    verifyCommand->add_flag("--json", arguments->json, "Print JSON: valid, jkt and each check with its reason");
    verifyCommand->callback([arguments, &exitCode] { exitCode = verify(*arguments); });
}

} // namespace jwtwb::cli
