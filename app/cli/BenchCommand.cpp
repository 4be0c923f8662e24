#include "BenchCommand.h"

#include "VerifyReport.h"

#include "RawJweDecrypt.h"
#include "RawPrimitives.h"
#include "crack/MacGuesser.h"
#include "crack/SecretSearch.h"
#include "encoding/Json.h"
#include "jose/JwsSigner.h"
#include "jose/JwtVerifier.h"
#include "jwe/EncryptedJwt.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"
#include "keys/KeyGenerator.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <streambuf>
#include <thread>
#include <vector>

namespace jwtwb::cli {
namespace {

using encoding::Json;
using Clock = std::chrono::steady_clock;

struct BenchArguments {
    double seconds = 1.0;
    std::vector<std::string> algorithms;
    bool json = false;
};

// A typical access token: about 150 bytes of claims.
constexpr std::string_view kPayload
    = R"({"sub":"1234567890","name":"John Doe","iat":1795860000,"exp":1795863600,"aud":"https://api.example.com","iss":"https://auth.example.com"})";
constexpr std::int64_t kNow = 1795861000;

struct Subject {
    const char* name;
    jose::JwsAlgorithm alg;
    keys::KeySpec spec;
};

const Subject kSubjects[] = {
    {"HS256", jose::JwsAlgorithm::HS256, {keys::KeyType::Oct, 256}},
    {"RS256", jose::JwsAlgorithm::RS256, {keys::KeyType::Rsa, 2048}},
    {"PS256", jose::JwsAlgorithm::PS256, {keys::KeyType::Rsa, 2048}},
    {"ES256", jose::JwsAlgorithm::ES256, {keys::KeyType::Ec, 0, keys::Curve::P256}},
    {"EdDSA", jose::JwsAlgorithm::EdDSA, {keys::KeyType::Okp, 0, keys::Curve::Ed25519}},
};

// JWE decryption, each with A256GCM content and a 1 KiB plaintext.
struct DecryptSubject {
    const char* name; // the JWE "alg"
    keys::KeySpec spec;
};

const DecryptSubject kDecryptSubjects[] = {
    {"RSA-OAEP-256", {keys::KeyType::Rsa, 2048}},
    {"ECDH-ES+A256KW", {keys::KeyType::Ec, 0, keys::Curve::P256}},
    {"dir", {keys::KeyType::Oct, 256}},
};

constexpr std::string_view kDecryptEnc = "A256GCM";
constexpr std::size_t kDecryptPlaintextSize = 1024;

// Operations per CPU second of `op` (the process's CPU time, so that other load on the machine does
// not count), run in batches until `seconds` of CPU time have passed.
double measure(const std::function<bool()>& op, double seconds, bool& ok)
{
    std::uint64_t count = 0;
    const double start = bench::processCpuSeconds();
    double elapsed = 0;
    std::uint64_t batch = 16;
    while (elapsed < seconds) {
        for (std::uint64_t i = 0; i < batch; ++i) {
            ok = op() && ok;
        }
        count += batch;
        elapsed = bench::processCpuSeconds() - start;
        if (elapsed < seconds / 10) {
            batch *= 2;
        }
    }
    return static_cast<double>(count) / elapsed;
}

constexpr int kRounds = 21;

struct Pair {
    double ours = 0;
    double raw = 0;
    double ratio = 0;
    // The middle half of the rounds' ratios (first to third quartile): how far one round's
    // ratio strays on this machine, so a reader can tell a real difference from noise.
    double ratioLow = 0;
    double ratioHigh = 0;
};

// The value a fraction `q` of the way through the sorted values (nearest rank).
double quantile(const std::vector<double>& sorted, double q)
{
    return sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5)];
}

double median(std::vector<double> values)
{
    std::ranges::sort(values);
    return quantile(values, 0.5);
}

// Ours and the raw primitive in alternating short rounds; the median of each side and of the
// rounds' ratios. A ratio of two runs taken far apart would measure the machine's drift
// (frequency, caches, neighbours) as well; neighbouring rounds share it.
Pair measurePair(const std::function<bool()>& ours, const std::function<bool()>& raw, double seconds, bool& ok)
{
    std::vector<double> oursRates;
    std::vector<double> rawRates;
    std::vector<double> ratios;
    for (int round = 0; round < kRounds; ++round) {
        oursRates.push_back(measure(ours, seconds / kRounds, ok));
        rawRates.push_back(measure(raw, seconds / kRounds, ok));
        ratios.push_back(oursRates.back() / rawRates.back());
    }
    std::ranges::sort(ratios);
    return {median(oursRates), median(rawRates), quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75)};
}

struct Line {
    std::string alg;
    std::string operation;
    Pair rates;
};

constexpr int kOperationWidth = 24;

void printLine(const Line& line, bool json)
{
    if (!json) {
        std::cout << fmt::format("{:<{}}{:>16.0f}{:>18.0f}{:>8.1f}%   {:.1f}% to {:.1f}%\n",
                                 line.alg + " " + line.operation, kOperationWidth, line.rates.ours, line.rates.raw,
                                 100.0 * line.rates.ratio, 100.0 * line.rates.ratioLow, 100.0 * line.rates.ratioHigh)
                  << std::flush;
    }
}

// `jwtwb verify --batch FILE --jobs 1 --json` with its output discarded, next to verifyJwt in the
// same process: what a user's batch loses to reading lines, finding the token and writing reports.
constexpr std::size_t kBatchLines = 256;

class NullBuffer : public std::streambuf
{
protected:
    int_type overflow(int_type c) override { return c; }
    std::streamsize xsputn(const char*, std::streamsize count) override { return count; }
};

struct CrackRates {
    std::size_t signingInputBytes = 0;
    std::size_t compressionsPerGuess = 0;
    double shaBytesPerSecond = 0; // EVP SHA-256, one core
    double limit = 0; // guesses per second one core could do at that SHA-256 speed
    double oneCore = 0; // guesses per CPU second, one thread
    unsigned jobs = 0;
    double allCoresWall = 0; // guesses per wall-clock second on all cores
    double allCoresPerCore = 0; // guesses per CPU second with all cores busy
};

struct SearchRate {
    double perWallSecond = 0;
    double perCpuSecond = 0;
};

// Runs the real secret search (a mask far too large to finish) for `seconds` and cancels it.
Result<SearchRate> measureSearch(const jose::CompactToken& token, unsigned jobs, double seconds)
{
    auto mask = crack::Mask::parse("?a?a?a?a?a?a?a?a");
    if (!mask) {
        return std::unexpected(mask.error());
    }
    std::atomic<bool> cancel{false};
    crack::SearchOptions options;
    options.mask = std::move(*mask);
    options.jobs = jobs;
    options.cancel = &cancel;
    options.progressInterval = std::chrono::milliseconds(20);
    const auto wallStart = Clock::now();
    options.onProgress = [&](const crack::SearchProgress&) {
        if (std::chrono::duration<double>(Clock::now() - wallStart).count() >= seconds) {
            cancel = true;
        }
    };
    const double cpuStart = bench::processCpuSeconds();
    auto outcome = crack::searchSecret(token, options);
    const double cpu = bench::processCpuSeconds() - cpuStart;
    if (!outcome) {
        return std::unexpected(outcome.error());
    }
    const double tried = static_cast<double>(outcome->tried);
    return SearchRate{tried / outcome->seconds, tried / cpu};
}

Result<CrackRates> measureCrack(double seconds)
{
    auto key = keys::generateKey({keys::KeyType::Oct, 256});
    if (!key) {
        return std::unexpected(key.error());
    }
    auto text = jose::signCompact(R"({"alg":"HS256","typ":"JWT"})", asBytes(kPayload), &*key);
    if (!text) {
        return std::unexpected(text.error());
    }
    auto token = jose::decodeCompact(*text);
    if (!token) {
        return std::unexpected(token.error());
    }
    auto guesser
        = crack::MacGuesser::create(jose::JwsAlgorithm::HS256, asBytes(token->signingInput()), token->signature());
    auto sha = bench::sha256BytesPerCpuSecond(seconds);
    if (!guesser || !sha) {
        return std::unexpected(!guesser ? guesser.error() : sha.error());
    }
    CrackRates rates;
    rates.signingInputBytes = token->signingInput().size();
    rates.compressionsPerGuess = guesser->compressionsPerGuess();
    rates.shaBytesPerSecond = *sha;
    rates.limit = *sha / (64.0 * static_cast<double>(rates.compressionsPerGuess));
    auto one = measureSearch(*token, 1, seconds);
    if (!one) {
        return std::unexpected(one.error());
    }
    rates.oneCore = one->perCpuSecond;
    rates.jobs = std::max(1U, std::thread::hardware_concurrency());
    auto all = measureSearch(*token, rates.jobs, seconds);
    if (!all) {
        return std::unexpected(all.error());
    }
    rates.allCoresWall = all->perWallSecond;
    rates.allCoresPerCore = all->perCpuSecond;
    return rates;
}

// `jwe::decryptJwt` on a compact JWE (what `jwtwb decrypt` does) next to rawJweDecrypt on the same token.
Result<Pair> measureDecrypt(const DecryptSubject& subject, double seconds)
{
    auto key = keys::generateKey(subject.spec);
    if (!key) {
        return std::unexpected(key.error());
    }
    auto recipient = key->type() == keys::KeyType::Oct ? Result<keys::Key>(*key) : key->publicKey();
    if (!recipient) {
        return std::unexpected(recipient.error());
    }
    std::string plaintext;
    while (plaintext.size() < kDecryptPlaintextSize) {
        plaintext += "Nothing you paste ever leaves your computer. ";
    }
    plaintext.resize(kDecryptPlaintextSize);
    jwe::EncryptOptions options;
    options.protectedHeader = {{"alg", subject.name}, {"enc", kDecryptEnc}};
    auto message = jwe::encryptJwe(asBytes(plaintext), *recipient, std::move(options));
    auto token = message ? jwe::toJweCompact(*message) : Result<std::string>(std::unexpected(message.error()));
    auto raw = message ? bench::rawJweDecrypt(*message, *key)
                       : Result<std::unique_ptr<bench::RawOperation>>(std::unexpected(message.error()));
    if (!token || !raw) {
        return std::unexpected(!token ? token.error() : raw.error());
    }
    const std::span<const keys::Key> keys(&*key, 1);
    bool ok = true;
    const Pair rates = measurePair(
        [&] {
            const auto report = jwe::decryptJwt(*token, keys, jose::KeySource{});
            return report && report->decrypted.plaintext.size() == kDecryptPlaintextSize;
        },
        [&] { return (*raw)->run(); }, seconds, ok);
    if (!ok) {
        return fail(Errc::Crypto, fmt::format("an operation failed during the {} decrypt benchmark", subject.name));
    }
    return rates;
}

int run(const BenchArguments& arguments)
{
    std::vector<Line> lines;
    const bool onlyCrack = arguments.algorithms.size() == 1 && arguments.algorithms.front() == "crack";
    if (!arguments.json && !onlyCrack) {
        std::cout << fmt::format("JWT Workbench benchmark: one core, {:.1f} s of CPU time per line and side in {} "
                                 "alternating rounds (medians), {}-byte payload\n",
                                 arguments.seconds, kRounds, kPayload.size())
                  << fmt::format("{:<{}}{:>16}{:>18}{:>9}   {}\n", "operation", kOperationWidth, "jwtwb ops/s",
                                 "OpenSSL ops/s", "ratio", "middle half of the rounds' ratios");
    }
    for (const Subject& subject : kSubjects) {
        if (!arguments.algorithms.empty()
            && std::ranges::find(arguments.algorithms, subject.name) == arguments.algorithms.end()) {
            continue;
        }
        auto key = keys::generateKey(subject.spec);
        if (!key) {
            std::cerr << "jwtwb: " << key.error().message << "\n";
            return 1;
        }
        const std::string header = fmt::format(R"({{"alg":"{}","typ":"JWT"}})", subject.name);
        auto token = jose::signCompact(header, asBytes(kPayload), &*key);
        if (!token) {
            std::cerr << "jwtwb: " << token.error().message << "\n";
            return 1;
        }
        const std::string_view signingInput = std::string_view(*token).substr(0, token->rfind('.'));
        const Bytes signature = jose::decodeCompact(*token)->signature();

        const keys::Key verifyKey = key->type() == keys::KeyType::Oct ? *key : key->publicKey().value();
        jose::JwtVerifyOptions options;
        options.jws.algorithms.push_back(subject.alg);
        options.claims.issuers = {"https://auth.example.com"};
        options.claims.audiences = {"https://api.example.com"};
        options.claims.now = std::chrono::sys_seconds(std::chrono::seconds(kNow));
        const auto source = jose::KeySource::single(verifyKey);

        auto rawVerify = bench::rawVerify(subject.alg, verifyKey, signingInput, signature);
        auto rawSign = bench::rawSign(subject.alg, *key, signingInput);
        if (!rawVerify || !rawSign) {
            std::cerr << "jwtwb: " << (!rawVerify ? rawVerify.error() : rawSign.error()).message << "\n";
            return 1;
        }
        bool ok = true;
        std::string batchInput;
        for (std::size_t i = 0; i < kBatchLines; ++i) {
            batchInput += *token + "\n";
        }
        NullBuffer discard;
        std::ostream sink(&discard);
        const ReportOptions json{true, false, {}};
        const auto batch = [&] {
            std::istringstream in(batchInput);
            return verifyLines(in, sink, source, options, json, 1);
        };
        const auto inProcess = [&] {
            bool valid = true;
            for (std::size_t i = 0; i < kBatchLines; ++i) {
                const auto result = jose::verifyJwt(*token, source, options);
                valid = valid && result && result->valid();
            }
            return valid;
        };
        const bool batchLine = subject.alg == jose::JwsAlgorithm::HS256 || subject.alg == jose::JwsAlgorithm::RS256;
        const Pair verify = measurePair(
            [&] {
                const auto result = jose::verifyJwt(*token, source, options);
                return result && result->valid();
            },
            [&] { return (*rawVerify)->run(); }, arguments.seconds, ok);
        const Pair sign = measurePair([&] { return jose::signCompact(header, asBytes(kPayload), &*key).has_value(); },
                                      [&] { return (*rawSign)->run(); }, arguments.seconds, ok);
        std::vector<Line> subjectLines{Line{subject.name, "verify", verify}, Line{subject.name, "sign", sign}};
        if (batchLine) {
            // Both sides verify kBatchLines tokens per call: the rates are scaled to tokens.
            Pair rates = measurePair(batch, inProcess, arguments.seconds, ok);
            rates.ours *= kBatchLines;
            rates.raw *= kBatchLines;
            subjectLines.push_back(Line{subject.name, "batch", rates});
        }
        if (!ok) {
            std::cerr << "jwtwb: an operation failed during the " << subject.name << " benchmark\n";
            return 1;
        }
        for (const Line& line : subjectLines) {
            lines.push_back(line);
            printLine(line, arguments.json);
        }
    }
    if (!arguments.json && std::ranges::any_of(lines, [](const Line& line) { return line.operation == "batch"; })) {
        std::cout << "(batch: `jwtwb verify --batch FILE --jobs 1 --json`, output discarded; its second column is "
                     "jwtwb's own verify in the same process, not OpenSSL)\n";
    }
    for (const DecryptSubject& subject : kDecryptSubjects) {
        if (!arguments.algorithms.empty()
            && std::ranges::find(arguments.algorithms, subject.name) == arguments.algorithms.end()) {
            continue;
        }
        auto rates = measureDecrypt(subject, arguments.seconds);
        if (!rates) {
            std::cerr << "jwtwb: " << rates.error().message << "\n";
            return 1;
        }
        lines.push_back(Line{subject.name, "decrypt", *rates});
        printLine(lines.back(), arguments.json);
    }
    if (!arguments.json && std::ranges::any_of(lines, [](const Line& line) { return line.operation == "decrypt"; })) {
        std::cout << fmt::format("(decrypt: a compact JWE with {} content and a {}-byte plaintext; OpenSSL: the key "
                                 "management and AES-GCM on prepared contexts, the ECDH-ES ephemeral key made from "
                                 "its point for each message)\n",
                                 kDecryptEnc, kDecryptPlaintextSize);
    }
    std::optional<CrackRates> crack;
    if (arguments.algorithms.empty()
        || std::ranges::find(arguments.algorithms, "crack") != arguments.algorithms.end()) {
        auto rates = measureCrack(arguments.seconds);
        if (!rates) {
            std::cerr << "jwtwb: " << rates.error().message << "\n";
            return 1;
        }
        crack = *rates;
        if (!arguments.json) {
            std::cout << fmt::format("{}crack HS256: {}-byte signing input, {} SHA-256 compressions per guess\n",
                                     onlyCrack ? "" : "\n", crack->signingInputBytes, crack->compressionsPerGuess)
                      << fmt::format("  {:<34}{:>10.2f} M guesses/s  (OpenSSL SHA-256 {:.2f} GB/s)\n",
                                     "SHA-256 limit, 1 core", crack->limit / 1e6, crack->shaBytesPerSecond / 1e9)
                      << fmt::format("  {:<34}{:>10.2f} M guesses/s  ({:.0f}% of the limit)\n", "jwtwb crack, 1 core",
                                     crack->oneCore / 1e6, 100.0 * crack->oneCore / crack->limit)
                      << fmt::format(
                             "  {:<34}{:>10.2f} M guesses/s  ({:.2f} M/s per busy core, {:.0f}% of the limit)\n",
                             fmt::format("jwtwb crack, {} cores", crack->jobs), crack->allCoresWall / 1e6,
                             crack->allCoresPerCore / 1e6, 100.0 * crack->allCoresPerCore / crack->limit)
                      << "  (rates per CPU second of this process, so other load on the machine does not skew them;\n"
                         "   the all-cores line is wall-clock guesses per second)\n";
        }
    }
    if (arguments.json) {
        Json out = {{"payload_bytes", kPayload.size()},
                    {"seconds_per_measurement", arguments.seconds},
                    {"rounds", kRounds},
                    {"results", Json::array()}};
        for (const Line& line : lines) {
            Json result = {{"alg", line.alg},
                           {"operation", line.operation},
                           {"jwtwb_ops_per_second", line.rates.ours},
                           {"ratio", line.rates.ratio},
                           {"ratio_quartiles", {line.rates.ratioLow, line.rates.ratioHigh}}};
            if (line.operation == "decrypt") {
                result["enc"] = kDecryptEnc;
                result["plaintext_bytes"] = kDecryptPlaintextSize;
            }
            // A batch is compared with verifyJwt in the same process; the others with bare OpenSSL.
            result[line.operation == "batch" ? "in_process_verify_ops_per_second" : "openssl_ops_per_second"]
                = line.rates.raw;
            out["results"].push_back(std::move(result));
        }
        if (crack) {
            out["crack"] = {{"alg", "HS256"},
                            {"signing_input_bytes", crack->signingInputBytes},
                            {"compressions_per_guess", crack->compressionsPerGuess},
                            {"sha256_bytes_per_second", crack->shaBytesPerSecond},
                            {"limit_guesses_per_second", crack->limit},
                            {"one_core_guesses_per_second", crack->oneCore},
                            {"jobs", crack->jobs},
                            {"all_cores_guesses_per_second", crack->allCoresWall},
                            {"all_cores_guesses_per_cpu_second", crack->allCoresPerCore}};
        }
        std::cout << encoding::toPrettyJson(out) << "\n";
    }
    return 0;
}

} // namespace

void addBenchCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<BenchArguments>();
    auto* command
        = app.add_subcommand("bench", "Measure verify, sign and decrypt speed against bare OpenSSL on this machine");
    command->add_option("--seconds", arguments->seconds, "Duration of each measurement (default 1)")
        ->check(CLI::Range(0.01, 60.0));
    command->add_option("--alg", arguments->algorithms,
                        "Only these: HS256, RS256, PS256, ES256, EdDSA; RSA-OAEP-256, ECDH-ES+A256KW, dir (JWE "
                        "decrypt); crack (the HMAC secret search)");
    command->add_flag("--json", arguments->json, "Print JSON");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
