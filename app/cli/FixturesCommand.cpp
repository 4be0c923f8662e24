#include "FixturesCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "encoding/Json.h"
#include "encoding/Text.h"
#include "fixtures/FixtureManifest.h"
#include "fixtures/Fixtures.h"
#include "inspect/TokenExtractor.h"
#include "io/AtomicFile.h"
#include "time/Duration.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

namespace jwtwb::cli {
namespace {

namespace fs = std::filesystem;
using encoding::Json;

struct FixturesArguments {
    KeyArguments key;
    std::string token;
    std::string claims;
    std::string alg;
    std::string issuer;
    std::string audience;
    std::string now;
    std::string leeway = "30s";
    std::string out;
    bool force = false;
    bool json = false;
};

Result<fixtures::FixtureOptions> fixtureOptions(const FixturesArguments& arguments)
{
    fixtures::FixtureOptions options;
    auto now = nowOr(arguments.now);
    if (!now) {
        return std::unexpected(now.error());
    }
    options.now = *now;
    auto leeway = time::parseDuration(arguments.leeway);
    if (!leeway) {
        return fail(leeway.error().code, "--leeway: " + leeway.error().message);
    }
    options.leeway = *leeway;
    if (!arguments.alg.empty()) {
        options.algorithm = jose::parseAlgorithm(arguments.alg);
        if (!options.algorithm) {
            return fail(
                Errc::UnsupportedAlgorithm,
                fmt::format("--alg {}: not a JWS algorithm (HS256 … EdDSA, spelled as in RFC 7518)", arguments.alg));
        }
    }
    options.issuer = arguments.issuer;
    options.audience = arguments.audience;
    return options;
}

Result<fixtures::FixtureSet> generate(const FixturesArguments& arguments, const keys::Key& key,
                                      const fixtures::FixtureOptions& options)
{
    if (arguments.token.empty() == arguments.claims.empty()) {
        return fail(Errc::EmptyInput, "give the claims to start from: --token or --claims (one of them)");
    }
    if (!arguments.token.empty()) {
        auto text = readArgumentOrStdin(arguments.token, "token");
        if (!text) {
            return std::unexpected(text.error());
        }
        auto extracted = inspect::extractToken(*text);
        if (!extracted) {
            return std::unexpected(extracted.error());
        }
        return fixtures::generateFixturesFromToken(extracted->token, key, options);
    }
    // JSON given inline starts with '{'; anything else names a file ('-' for standard input).
    const std::string_view claimsText = encoding::trimAsciiSpace(arguments.claims);
    if (claimsText.starts_with('{')) {
        return fixtures::generateFixtures(arguments.claims, key, options);
    }
    auto text = readFileOrStdin(arguments.claims, "claims");
    if (!text) {
        return std::unexpected(text.error());
    }
    return fixtures::generateFixtures(*text, key, options);
}

// The output folder, made if missing. A folder with files in it is only written into with --force,
// and then the fixture files of an earlier run (any kind, NN-name.jwt) and its manifest go first,
// so that no stale token sits next to a manifest that does not list it. Other files stay.
Result<void> prepareDirectory(const fs::path& directory, bool force)
{
    std::error_code error;
    if (fs::exists(directory, error) && !fs::is_directory(directory, error)) {
        return fail(Errc::Io, fmt::format("--out {}: not a folder", directory.string()));
    }
    if (!fs::exists(directory, error)) {
        fs::create_directories(directory, error);
        if (error) {
            return fail(Errc::Io, fmt::format("cannot create {}: {}", directory.string(), error.message()));
        }
        return {};
    }
    const bool empty = fs::is_empty(directory, error);
    if (error) {
        return fail(Errc::Io, fmt::format("cannot read {}: {}", directory.string(), error.message()));
    }
    if (!empty && !force) {
        return fail(Errc::Io,
                    fmt::format("{} is not empty: choose an empty folder, or add --force to write into it (earlier "
                                "fixture files there are replaced)",
                                directory.string()));
    }
    for (const auto& info : fixtures::allFixtureKinds()) {
        fs::remove(directory / fixtures::fixtureFileName(info.kind), error);
    }
    fs::remove(directory / fixtures::kManifestFileName, error);
    return {};
}

Result<void> writeFixtures(const fs::path& directory, const fixtures::FixtureSet& set, const Json& manifest)
{
    for (const auto& fixture : set.fixtures) {
        // No line break after the token: a reader that takes the file as it is gets the token exactly.
        if (auto written = io::writeFileAtomically((directory / fixtures::fixtureFileName(fixture)).string(),
                                                   asBytes(fixture.token));
            !written) {
            return written;
        }
    }
    return io::writeFileAtomically((directory / fixtures::kManifestFileName).string(),
                                   asBytes(encoding::toPrettyJson(manifest) + "\n"));
}

void printSummary(const fs::path& directory, const fixtures::FixtureSet& set)
{
    const auto accepted = std::ranges::count(set.fixtures, fixtures::Expectation::Accept, &fixtures::Fixture::expect);
    std::cout << fmt::format("wrote {} tokens and {} to {}: {} must be accepted, {} rejected by a verifier with\n",
                             set.fixtures.size(), fixtures::kManifestFileName, directory.string(), accepted,
                             static_cast<std::ptrdiff_t>(set.fixtures.size()) - accepted);
    const auto& verifier = set.verifier;
    std::cout << fmt::format(
        "  alg {}, iss {}, aud {}, leeway {} s, now {}, exp and iat required, max age {} s\n",
        jose::algorithmName(verifier.algorithm), verifier.issuer, verifier.audience, verifier.leeway.count(),
        fixtures::verifierOptionsJson(verifier)["nowUtc"].get<std::string>(), verifier.maxTokenAge.count());
    for (const auto& fixture : set.fixtures) {
        std::cout << fmt::format("  {:<44} {}\n", fixtures::fixtureFileName(fixture),
                                 fixtures::expectationName(fixture.expect));
    }
    for (const auto& skipped : set.skipped) {
        std::cout << fmt::format("  skipped {}: {}\n", fixtures::fixtureKindInfo(skipped.kind).name, skipped.reason);
    }
}

int run(const FixturesArguments& arguments)
{
    const auto refuse = [](const std::string& message) {
        std::cerr << "jwtwb: " << message << "\n";
        return 2;
    };
    if (arguments.out.empty()) {
        return refuse("give the output folder: --out DIR");
    }
    auto options = fixtureOptions(arguments);
    if (!options) {
        return refuse(options.error().message);
    }
    auto keys = loadKeys(arguments.key);
    if (!keys) {
        return refuse(keys.error().message);
    }
    if (keys->keys.size() != 1) {
        return refuse(keys->keys.empty() ? "no key: give --key (a private key) or --secret / --secret-file"
                                         : fmt::format("the key file holds {} keys; the fixtures need exactly one",
                                                       keys->keys.size()));
    }
    auto set = generate(arguments, keys->keys.front(), *options);
    if (!set) {
        return refuse(set.error().message);
    }
    const fs::path directory(arguments.out);
    if (auto prepared = prepareDirectory(directory, arguments.force); !prepared) {
        return refuse(prepared.error().message);
    }
    const Json manifest = fixtures::fixtureManifest(*set);
    if (auto written = writeFixtures(directory, *set, manifest); !written) {
        std::cerr << "jwtwb: " << written.error().message << "\n";
        return 1;
    }
    if (arguments.json) {
        Json report = Json::object();
        report["directory"] = directory.string();
        report["manifest"] = (directory / fixtures::kManifestFileName).string();
        report["fixtures"] = manifest;
        report["skipped"] = fixtures::skippedFixturesJson(*set);
        std::cout << encoding::toPrettyJson(report) << "\n";
    } else {
        printSummary(directory, *set);
    }
    return 0;
}

} // namespace

void addFixturesCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<FixturesArguments>();
    auto* command = app.add_subcommand(
        "fixtures", "Write test tokens a correct verifier must accept or reject, with a manifest saying why");
    addKeyOptions(*command, arguments->key);
    command->add_option("--token", arguments->token,
                        "Start from this token's claims (not verified; '-' for stdin); the key re-signs them");
    command->add_option("--claims", arguments->claims, "Start from these claims: a JSON object, or a file with one");
    command->add_option("--alg", arguments->alg, "Algorithm (default: the token's, else the key's first)");
    command->add_option("--iss", arguments->issuer,
                        "Issuer the verifier expects (default: the claims' iss, else https://issuer.example)");
    command->add_option("--aud", arguments->audience,
                        "Audience the verifier expects (default: the claims' aud, else https://api.example)");
    command->add_option("--now", arguments->now, "The verifier's time (default: the clock)");
    command->add_option("--leeway", arguments->leeway, "The verifier's clock tolerance (default 30s)");
    command->add_option("--out", arguments->out, "Folder to write the tokens and manifest.json into");
    command->add_flag("--force", arguments->force, "Write into a folder that is not empty");
    command->add_flag("--json", arguments->json, "Print the manifest and the skipped kinds as JSON");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
