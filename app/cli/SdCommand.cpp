#include "SdCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "VerifyOptions.h"
#include "VerifyReport.h"
#include "encoding/Json.h"
#include "encoding/Text.h"
#include "jose/Algorithm.h"
#include "jose/ClaimText.h"
#include "sdjwt/SdJwtIssuer.h"
#include "sdjwt/SdJwtVerifier.h"
#include "time/Duration.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct SdArguments {
    std::string token;
    KeyArguments key;
    VerifyOptionArguments verify;
    std::string audience;
    std::string nonce;
    std::string maxAge = "5m";
    bool requireKeyBinding = false;
    bool json = false;
    std::string payload;
    std::vector<std::string> paths; // issue's --sd, present's --disclose
    std::size_t decoys = 0;
    std::string holderKey;
    std::string alg;
    std::string typ;
};

// The one key in --holder-key's file.
Result<std::optional<keys::Key>> loadHolderKey(const SdArguments& arguments)
{
    if (arguments.holderKey.empty()) {
        return std::optional<keys::Key>();
    }
    auto loaded = loadKeyFile(arguments.holderKey, arguments.key.passphraseFile);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    if (loaded->keys.size() != 1) {
        return fail(Errc::KeyMismatch, "--holder-key: give a file with exactly one key");
    }
    return std::optional(std::move(loaded->keys.front()));
}

Json disclosuresJson(const sdjwt::SdJwt& sdJwt)
{
    Json out = Json::array();
    for (const auto& disclosure : sdJwt.disclosures) {
        Json entry{{"offset", disclosure.offset}, {"disclosure", disclosure.text}, {"digest", disclosure.digest}};
        if (disclosure.wellFormed) {
            entry["salt"] = disclosure.salt;
            if (disclosure.name) {
                entry["name"] = *disclosure.name;
            }
            entry["value"] = disclosure.value;
        }
        entry["placed_at"] = disclosure.placedAt.empty() ? Json() : Json(disclosure.placedAt);
        out.push_back(std::move(entry));
    }
    return out;
}

Json findingsJson(const sdjwt::SdJwt& sdJwt)
{
    Json out = Json::array();
    for (const auto& finding : sdJwt.findings) {
        out.push_back(
            {{"code", sdjwt::sdProblemName(finding.code)}, {"reason", finding.reason}, {"position", finding.position}});
    }
    return out;
}

Json decodeJson(const sdjwt::SdJwt& sdJwt)
{
    return Json{
        {"ok", sdJwt.ok()},
        {"sd_alg", sdJwt.hashName},
        {"issuer_jwt", {{"offset", 0}, {"header", sdJwt.header}, {"payload", sdJwt.payload}}},
        {"disclosures", disclosuresJson(sdJwt)},
        {"key_binding_jwt",
         sdJwt.keyBindingJwt ? Json{{"offset", sdJwt.keyBindingOffset}, {"jwt", *sdJwt.keyBindingJwt}} : Json()},
        {"undisclosed_digests", sdJwt.undisclosed},
        {"findings", findingsJson(sdJwt)},
        {"claims", sdJwt.processed}};
}

std::string decodeText(const sdjwt::SdJwt& sdJwt)
{
    std::string out = fmt::format("issuer-signed JWT  at 0, _sd_alg {}\n", sdJwt.hashName);
    for (std::size_t i = 0; i < sdJwt.disclosures.size(); ++i) {
        const auto& disclosure = sdJwt.disclosures[i];
        const std::string what = !disclosure.wellFormed ? std::string("(malformed)")
            : disclosure.name ? fmt::format("{}: {}", *disclosure.name, encoding::toCompactJson(disclosure.value))
                              : fmt::format("array element: {}", encoding::toCompactJson(disclosure.value));
        out += fmt::format("disclosure {:<7} at {}, digest {}, {}{}\n", i + 1, disclosure.offset, disclosure.digest,
                           what, disclosure.placedAt.empty() ? "" : fmt::format(" (in {})", disclosure.placedAt));
    }
    if (sdJwt.keyBindingJwt) {
        out += fmt::format("key binding JWT    at {}\n", sdJwt.keyBindingOffset);
    }
    out += fmt::format("{} undisclosed digest{} (decoys included)\n", sdJwt.undisclosed,
                       sdJwt.undisclosed == 1 ? "" : "s");
    for (const auto& finding : sdJwt.findings) {
        out += fmt::format("{} at {}: {}\n", sdjwt::sdProblemName(finding.code), finding.position, finding.reason);
    }
    out += "claims:\n" + encoding::toPrettyJson(sdJwt.processed) + "\n";
    return out;
}

Result<std::string> readToken(const std::string& argument)
{
    auto input = readArgumentOrStdin(argument, "SD-JWT");
    if (!input) {
        return std::unexpected(input.error());
    }
    return std::string(encoding::trimAsciiSpace(*input));
}

int decode(const SdArguments& arguments)
{
    const auto text = readToken(arguments.token);
    const auto sdJwt = text ? sdjwt::parseSdJwt(*text) : Result<sdjwt::SdJwt>(std::unexpected(text.error()));
    if (!sdJwt) {
        std::cerr << "jwtwb: " << sdJwt.error().message << "\n";
        return 2;
    }
    std::cout << (arguments.json ? encoding::toPrettyJson(decodeJson(*sdJwt)) + "\n" : decodeText(*sdJwt));
    return sdJwt->ok() ? 0 : 1;
}

int verify(const SdArguments& arguments)
{
    const auto options = buildVerifyOptions(arguments.verify);
    if (!options) {
        std::cerr << "jwtwb: " << options.error().message << "\n";
        return 2;
    }
    const auto maxAge = time::parseDuration(arguments.maxAge);
    if (!maxAge) {
        std::cerr << "jwtwb: --kb-max-age: " << maxAge.error().message << "\n";
        return 2;
    }
    const auto keys = loadKeys(arguments.key);
    if (!keys) {
        std::cerr << "jwtwb: " << keys.error().message << "\n";
        return 2;
    }
    if (keys->keys.empty()) {
        std::cerr << "jwtwb: no key: give the issuer's key with --key, --jwks, --secret or --secret-file\n";
        return 2;
    }
    const auto text = readToken(arguments.token);
    if (!text) {
        std::cerr << "jwtwb: " << text.error().message << "\n";
        return 2;
    }
    sdjwt::KeyBindingExpectations expected;
    expected.required = arguments.requireKeyBinding;
    expected.audience = arguments.audience.empty() ? std::nullopt : std::optional(arguments.audience);
    expected.nonce = arguments.nonce.empty() ? std::nullopt : std::optional(arguments.nonce);
    expected.now = options->claims.now;
    expected.leeway = options->claims.leeway;
    expected.maxAge = *maxAge;
    const auto report = sdjwt::verifySdJwt(*text, jose::KeySource{keys->keys, keys->isSet}, *options, expected);
    if (!report) {
        std::cerr << "jwtwb: " << report.error().message << "\n";
        return 2;
    }
    if (arguments.json) {
        Json checks = Json::array();
        for (const auto& check : report->checks) {
            checks.push_back({{"check", sdjwt::kbCheckName(check.code)},
                              {"outcome", jose::checkOutcomeName(check.outcome)},
                              {"reason", check.reason}});
        }
        Json out = decodeJson(report->sdJwt);
        out.erase("ok");
        std::cout << encoding::toPrettyJson(Json{{"valid", report->valid()},
                                                 {"issuer", Json::parse(verificationReport(report->issuer, true))},
                                                 {"disclosures", std::move(out["disclosures"])},
                                                 {"undisclosed_digests", report->sdJwt.undisclosed},
                                                 {"findings", std::move(out["findings"])},
                                                 {"key_binding", std::move(checks)},
                                                 {"claims", report->sdJwt.processed}})
                  << "\n";
    } else {
        std::string issuer = verificationReport(report->issuer, false);
        if (!issuer.ends_with('\n')) {
            issuer += '\n';
        }
        std::cout << "issuer-signed JWT:\n" << issuer;
        std::cout << fmt::format("disclosures: {} of them, {} undisclosed digest{}\n", report->sdJwt.disclosures.size(),
                                 report->sdJwt.undisclosed, report->sdJwt.undisclosed == 1 ? "" : "s");
        for (const auto& disclosure : report->sdJwt.disclosures) {
            if (disclosure.wellFormed) {
                std::cout << fmt::format("  {} {}\n", disclosure.name ? *disclosure.name : "(array element)",
                                         disclosure.placedAt.empty() ? "(nowhere)" : "in " + disclosure.placedAt);
            }
        }
        for (const auto& finding : report->sdJwt.findings) {
            std::cout << fmt::format("  {} at {}: {}\n", sdjwt::sdProblemName(finding.code), finding.position,
                                     finding.reason);
        }
        std::cout << "key binding:\n";
        for (const auto& check : report->checks) {
            std::cout << fmt::format("  {:<12} {:<10} {}\n", jose::checkOutcomeName(check.outcome),
                                     sdjwt::kbCheckName(check.code), check.reason);
        }
        std::cout << (report->valid() ? "valid SD-JWT" : "invalid SD-JWT") << "\n";
    }
    return report->valid() ? 0 : 1;
}

int issue(const SdArguments& arguments)
{
    const auto keys = loadKeys(arguments.key);
    if (!keys) {
        std::cerr << "jwtwb: " << keys.error().message << "\n";
        return 2;
    }
    if (keys->keys.size() != 1) {
        std::cerr << "jwtwb: an SD-JWT is signed with exactly one key: give --key FILE\n";
        return 2;
    }
    const auto payload = encoding::parseJsonNoDuplicates(arguments.payload, "payload");
    const auto holder = loadHolderKey(arguments);
    if (!payload || !holder) {
        std::cerr << "jwtwb: " << (!payload ? payload.error().message : holder.error().message) << "\n";
        return 2;
    }
    sdjwt::IssueOptions options;
    options.disclose = arguments.paths;
    options.decoys = arguments.decoys;
    options.holderKey = *holder ? &**holder : nullptr;
    if (!arguments.typ.empty()) {
        options.header["typ"] = arguments.typ;
    }
    // As `jwtwb sign` does: the key's kid names it to verifiers that hold a key set.
    if (const std::string& kid = keys->keys.front().parameters().kid; !kid.empty()) {
        options.header["kid"] = kid;
    }
    if (!arguments.alg.empty()) {
        options.alg = jose::parseAlgorithm(arguments.alg);
        if (!options.alg) {
            std::cerr << "jwtwb: --alg: unknown algorithm " << arguments.alg << "\n";
            return 2;
        }
    }
    const auto sdJwt = sdjwt::issueSdJwt(*payload, keys->keys.front(), options);
    if (!sdJwt) {
        std::cerr << "jwtwb: " << (sdJwt.error().code == Errc::PathNotFound ? "--sd: " : "") << sdJwt.error().message
                  << "\n";
        return 1;
    }
    std::cout << *sdJwt << "\n";
    return 0;
}

int present(const SdArguments& arguments)
{
    const auto now = nowOr(arguments.verify.now);
    const auto holder = loadHolderKey(arguments);
    const auto text = readToken(arguments.token);
    if (!now || !holder || !text) {
        std::cerr << "jwtwb: "
                  << (!now          ? now.error().message
                          : !holder ? holder.error().message
                                    : text.error().message)
                  << "\n";
        return 2;
    }
    sdjwt::PresentOptions options;
    options.disclose = arguments.paths;
    options.holderKey = *holder ? &**holder : nullptr;
    options.audience = arguments.audience;
    options.nonce = arguments.nonce;
    options.iat = *now;
    const auto presentation = sdjwt::presentSdJwt(*text, options);
    if (!presentation) {
        std::cerr << "jwtwb: " << (presentation.error().code == Errc::PathNotFound ? "--disclose: " : "")
                  << presentation.error().message << "\n";
        return 1;
    }
    std::cout << *presentation << "\n";
    return 0;
}

} // namespace

void addSdCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<SdArguments>();
    auto* command
        = app.add_subcommand("sd", "Decode, verify, issue or present an SD-JWT with selective disclosure (RFC 9901)");
    command->require_subcommand(1);

    auto* decodeCommand = command->add_subcommand(
        "decode", "Show an SD-JWT's parts, disclosures and processed claims; exit 0 when the disclosures are sound");
    decodeCommand->add_option("token", arguments->token, "The SD-JWT; '-' or nothing reads standard input");
    decodeCommand->add_flag("--json", arguments->json, "Print JSON: parts, disclosures, findings with codes, claims");
    decodeCommand->callback([arguments, &exitCode] { exitCode = decode(*arguments); });

    auto* verifyCommand = command->add_subcommand(
        "verify", "Verify an SD-JWT: issuer signature, disclosures, key binding; exit 0 only when all hold");
    verifyCommand->add_option("token", arguments->token, "The SD-JWT; '-' or nothing reads standard input");
    addKeyOptions(*verifyCommand, arguments->key);
    verifyCommand->add_option("--alg", arguments->verify.algorithms,
                              "Allowed issuer algorithm (repeatable); default: any the key supports");
    verifyCommand->add_option("--iss", arguments->verify.issuers, "Expected issuer (repeatable: any of them)");
    verifyCommand->add_option("--aud", arguments->audience, "The audience the KB-JWT must name (the verifier)");
    verifyCommand->add_option("--nonce", arguments->nonce, "The nonce the KB-JWT must carry");
    verifyCommand->add_flag("--require-key-binding", arguments->requireKeyBinding,
                            "Fail when the presentation has no KB-JWT");
    verifyCommand->add_option("--kb-max-age", arguments->maxAge, "How long ago the KB-JWT may be made (default 5m)");
    verifyCommand->add_option("--leeway", arguments->verify.leeway, "Clock tolerance, e.g. 30s (default 0)");
    verifyCommand->add_option("--now", arguments->verify.now,
                              "Use this time instead of the clock: Unix seconds, ISO 8601 or +1h");
    verifyCommand->add_flag("--allow-weak-keys", arguments->verify.allowWeakKeys, kAllowWeakKeysHelp);
    verifyCommand->add_flag("--json", arguments->json, "Print JSON: valid, issuer, disclosures, key binding, claims");
    verifyCommand->callback([arguments, &exitCode] { exitCode = verify(*arguments); });

    auto* issueCommand = command->add_subcommand("issue",
                                                 "Print an SD-JWT: the payload signed, the named claims "
                                                 "selectively disclosable");
    addKeyOptions(*issueCommand, arguments->key);
    issueCommand->add_option("--payload", arguments->payload, "The claims, a JSON object")->required();
    issueCommand->add_option("--sd", arguments->paths,
                             "A claim or array element to make disclosable: given_name, address/street_address, "
                             "nationalities/0 (repeatable; one inside another's value is a recursive disclosure)");
    issueCommand->add_option("--decoys", arguments->decoys, "Decoy digests to add to the top-level _sd (default 0)");
    issueCommand->add_option("--holder-key", arguments->holderKey,
                             "The holder's key file: its public half becomes cnf.jwk");
    issueCommand->add_option("--alg", arguments->alg, "Signature algorithm (default: the first the key fits)");
    issueCommand->add_option("--typ", arguments->typ, "The header's typ, e.g. example+sd-jwt (default: none)");
    issueCommand->callback([arguments, &exitCode] { exitCode = issue(*arguments); });

    auto* presentCommand = command->add_subcommand(
        "present", "Print a presentation of an SD-JWT: chosen disclosures, and a KB-JWT with --holder-key");
    presentCommand->add_option("token", arguments->token, "The issued SD-JWT; '-' or nothing reads standard input");
    presentCommand->add_option("--disclose", arguments->paths,
                               "A claim or array element to disclose, as in issue's --sd (repeatable)");
    presentCommand->add_option("--holder-key", arguments->holderKey,
                               "The holder's private key file: signs a KB-JWT (typ kb+jwt, with sd_hash)");
    presentCommand->add_option("--aud", arguments->audience, "The KB-JWT's aud: the verifier");
    presentCommand->add_option("--nonce", arguments->nonce, "The KB-JWT's nonce, from the verifier");
    presentCommand->add_option("--now", arguments->verify.now,
                               "The KB-JWT's iat instead of the clock: Unix seconds, ISO 8601 or +1h");
    presentCommand->add_option("--passphrase-file", arguments->key.passphraseFile,
                               "File with the passphrase of an encrypted holder key");
    presentCommand->callback([arguments, &exitCode] { exitCode = present(*arguments); });
}

} // namespace jwtwb::cli
