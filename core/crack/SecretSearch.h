#pragma once

#include "Error.h"
#include "crack/Mask.h"
#include "crack/ShaDigest.h"
#include "crypto/SecureBytes.h"
#include "jose/CompactToken.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jwtwb::crack {

struct WordlistSource {
    std::filesystem::path path;
    std::string name; // for progress and reports, e.g. "bundled list" or the file name
};

struct SearchProgress {
    std::uint64_t tried = 0;
    std::uint64_t total = 0; // 0 while unknown
    bool totalIsEstimate = false; // wordlists: extrapolated from the bytes read so far
    double rate = 0; // guesses per second since the start
    std::optional<double> etaSeconds;
    std::string source; // name of the source being searched
};

struct SearchOptions {
    std::vector<WordlistSource> wordlists; // searched in order, then the mask
    bool rules = false; // apply WordRules to every word of the lists
    std::optional<Mask> mask;
    unsigned jobs = 0; // threads; 0: std::thread::hardware_concurrency()

    // Called on the thread that runs searchSecret(), at most every progressInterval and once at the end.
    std::function<void(const SearchProgress&)> onProgress;
    std::chrono::milliseconds progressInterval{250};
    // Set from any thread to stop; the search returns within a few milliseconds.
    const std::atomic<bool>* cancel = nullptr;

    ShaKernel kernel = bestShaKernel();
    // Bits of the MAC compared before a guess goes to the ordinary verifier (1–64). Only tests
    // lower it, to show that prefilter collisions never become a reported secret.
    unsigned prefilterBits = 64;
};

struct SearchOutcome {
    std::optional<crypto::SecureBytes> secret; // verified with jose::verifySignature
    std::string foundIn; // the source name
    std::uint64_t tried = 0;
    double seconds = 0;
    bool cancelled = false;
    std::uint64_t rejectedByVerifier = 0; // prefilter matches the verifier refused
    std::uint64_t skippedLines = 0; // wordlist lines longer than WordlistReader::kChunkSize

    [[nodiscard]] bool found() const { return secret.has_value(); }
};

// Searches for the HMAC secret of an HS256/384/512 token, on `jobs` threads, until the first secret
// the ordinary verifier confirms, the end of the sources, or cancellation. Errors: not an HS token,
// unreadable wordlists, no source at all.
[[nodiscard]] Result<SearchOutcome> searchSecret(const jose::CompactToken& token, const SearchOptions& options);

// "mask ?l?d × 1–6: 1.2M guesses of 2.2G (0.1%), 6.1M/s, ETA 6m02s" (~ before an estimated total).
[[nodiscard]] std::string describeProgress(const SearchProgress& progress);
[[nodiscard]] std::string describeRate(double guessesPerSecond); // "6.1M guesses/s"

// The bundled list of publicly known JWT secrets, relative to the program's folder: installed
// as <prefix>/share/jwt-workbench/wordlists/jwt.secrets.list, and the same in the build tree.
[[nodiscard]] std::filesystem::path bundledWordlist(const std::filesystem::path& programDir);

} // namespace jwtwb::crack
