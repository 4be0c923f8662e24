#include "CrackCommand.h"

#include "Input.h"
#include "crack/SecretSearch.h"
#include "encoding/Hex.h"
#include "encoding/Json.h"
#include "encoding/Utf8.h"
#include "inspect/TokenExtractor.h"
#include "jose/CompactToken.h"

#include <fmt/format.h>

#include <array>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct CrackArguments {
    std::string token;
    std::string member;
    std::vector<std::string> wordlists;
    bool builtin = false;
    bool rules = false;
    std::string mask;
    std::size_t minLength = 0;
    std::size_t maxLength = 0;
    std::array<std::string, 4> customSets;
    unsigned jobs = 0;
    bool json = false;
};

int badInput(const Error& error)
{
    std::cerr << "jwtwb: " << error.message << "\n";
    return 2;
}

void printProgress(const crack::SearchProgress& progress)
{
    std::cerr << "\r\033[K" << crack::describeProgress(progress) << std::flush;
}

// The secret as text when it is printable UTF-8, else nothing (the hex form is always given).
std::optional<std::string_view> printable(const crypto::SecureBytes& secret)
{
    const std::string_view text = secret.view();
    if (encoding::findInvalidUtf8(text)) {
        return std::nullopt;
    }
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return std::nullopt;
        }
    }
    return text;
}

Result<crack::SearchOptions> searchOptions(const CrackArguments& arguments)
{
    crack::SearchOptions options;
    for (const std::string& path : arguments.wordlists) {
        options.wordlists.push_back({path, path});
    }
    const bool range = arguments.minLength > 0 || arguments.maxLength > 0;
    if (range && arguments.mask.empty()) {
        return fail(Errc::MalformedToken, "--min-len and --max-len need --mask (the character set to brute-force)");
    }
    if (!arguments.mask.empty()) {
        const std::size_t minLength = arguments.minLength > 0 ? arguments.minLength : 1;
        auto mask = range
            ? crack::Mask::bruteForce(arguments.mask, minLength,
                                      arguments.maxLength > 0 ? arguments.maxLength : minLength, arguments.customSets)
            : crack::Mask::parse(arguments.mask, arguments.customSets);
        if (!mask) {
            return std::unexpected(mask.error());
        }
        options.mask = std::move(*mask);
    }
    if (arguments.builtin || (options.wordlists.empty() && !options.mask)) {
        std::error_code error;
        const auto program = std::filesystem::read_symlink("/proc/self/exe", error);
        const auto path = crack::bundledWordlist(program.parent_path());
        if (error || !std::filesystem::is_regular_file(path, error)) {
            return fail(Errc::Io, fmt::format("the bundled wordlist is not installed (looked for {})", path.string()));
        }
        options.wordlists.insert(options.wordlists.begin(), crack::WordlistSource{path, "bundled list"});
    }
    options.rules = arguments.rules;
    options.jobs = arguments.jobs;
    return options;
}

int run(const CrackArguments& arguments)
{
    auto input = readArgumentOrStdin(arguments.token, "token");
    if (!input) {
        return badInput(input.error());
    }
    auto extracted = inspect::extractToken(*input, arguments.member);
    if (!extracted) {
        return badInput(extracted.error());
    }
    auto token = jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient);
    if (!token) {
        return badInput(token.error());
    }
    auto options = searchOptions(arguments);
    if (!options) {
        return badInput(options.error());
    }
    const bool showProgress = !arguments.json && isatty(STDERR_FILENO) == 1;
    if (showProgress) {
        options->onProgress = printProgress;
    }
    auto outcome = crack::searchSecret(*token, *options);
    if (showProgress) {
        std::cerr << "\r\033[K" << std::flush;
    }
    if (!outcome) {
        return badInput(outcome.error());
    }
    const double rate = outcome->seconds > 0 ? static_cast<double>(outcome->tried) / outcome->seconds : 0;
    if (arguments.json) {
        Json out = {{"found", outcome->found()}};
        if (outcome->secret) {
            if (const auto text = printable(*outcome->secret)) {
                out["secret"] = std::string(*text);
            }
            out["secret_hex"] = encoding::toHex(outcome->secret->span());
            out["source"] = outcome->foundIn;
        }
        out["tried"] = outcome->tried;
        out["seconds"] = outcome->seconds;
        out["guesses_per_second"] = rate;
        std::cout << encoding::toCompactJson(out) << "\n";
    } else if (outcome->secret) {
        std::cerr << fmt::format("jwtwb: found in the {} after {} guesses ({:.2f} s)\n", outcome->foundIn,
                                 outcome->tried, outcome->seconds);
        if (const auto text = printable(*outcome->secret)) {
            std::cout << *text << "\n";
        } else {
            std::cout << "hex:" << encoding::toHex(outcome->secret->span()) << "\n";
        }
    } else {
        std::cerr << fmt::format("jwtwb: no secret found in {} guesses ({:.2f} s, {})\n", outcome->tried,
                                 outcome->seconds, crack::describeRate(rate));
    }
    if (outcome->skippedLines > 0) {
        std::cerr << fmt::format("jwtwb: warning: {} wordlist lines longer than 1 MiB were skipped\n",
                                 outcome->skippedLines);
    }
    return outcome->found() ? 0 : 1;
}

} // namespace

void addCrackCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<CrackArguments>();
    auto* command = app.add_subcommand(
        "crack", "Search for the HMAC secret of an HS256/384/512 token in wordlists, with rules, or by mask");
    command->add_option("token", arguments->token,
                        "The token (or a Bearer value, header, URL or JSON holding it); '-' or nothing reads standard "
                        "input");
    command->add_option("--member", arguments->member, kMemberOptionHelp)->option_text("NAME");
    command->add_option("--wordlist", arguments->wordlists, "A file with one secret per line (any size); repeatable");
    command->add_flag("--builtin", arguments->builtin,
                      "Also search the bundled list of publicly known JWT secrets (the default without other sources)");
    command->add_flag("--rules", arguments->rules,
                      "Also try each word lowercase, Capitalised and UPPERCASE, and with suffixes such as 1, 123, ! "
                      "and years");
    command->add_option("--mask", arguments->mask,
                        "hashcat-style mask, e.g. 'secret?d?d' (?l ?u ?d ?h ?H ?s ?a ?1-?4, ?? for '?'); with "
                        "--min-len/--max-len the character set to brute-force, e.g. '?l?d'");
    command->add_option("--min-len", arguments->minLength, "Brute force: shortest length (default 1)")
        ->check(CLI::Range(1, 64));
    command->add_option("--max-len", arguments->maxLength, "Brute force: longest length (default --min-len)")
        ->check(CLI::Range(1, 64));
    for (std::size_t i = 0; i < arguments->customSets.size(); ++i) {
        command->add_option(fmt::format("--custom-charset{}", i + 1), arguments->customSets[i],
                            fmt::format("The set ?{} stands for, e.g. '?l?d_-'", i + 1));
    }
    command->add_option("--jobs", arguments->jobs, "Threads (default: all cores)")->check(CLI::Range(1, 1024));
    command->add_flag("--json", arguments->json, "Print one JSON object for scripts");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
