#include "SecretSearch.h"

#include "crack/MacGuesser.h"
#include "crack/WordRules.h"
#include "crack/WordlistReader.h"
#include "jose/SignatureEngine.h"
#include "keys/Key.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

namespace jwtwb::crack {
namespace {

using Clock = std::chrono::steady_clock;
using Chunk = std::shared_ptr<const std::vector<char>>;

constexpr std::size_t kBatch = 16; // guesses per MacGuesser::test call
constexpr std::uint64_t kMaskUnit = 1 << 15; // mask candidates per work unit: a few milliseconds
constexpr std::size_t kSliceBytes = 64 * 1024; // wordlist bytes per work unit…
constexpr std::size_t kSliceBytesWithRules = 2 * 1024; // …and with up to 132 guesses per word
constexpr std::uint64_t kPublishEvery = 1024; // guesses between updates of the shared counters

struct Shared {
    Shared(const MacGuesser& macGuesser, std::span<const std::uint8_t> input, std::span<const std::uint8_t> mac,
           const std::atomic<bool>* cancelFlag)
        : guesser(macGuesser)
        , signingInput(input)
        , signature(mac)
        , cancel(cancelFlag)
    { }

    const MacGuesser& guesser;
    std::span<const std::uint8_t> signingInput;
    std::span<const std::uint8_t> signature;
    const std::atomic<bool>* cancel;

    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> tried{0};
    std::atomic<std::uint64_t> wordlistTried{0};
    std::atomic<std::uint64_t> wordlistBytesDone{0};
    std::atomic<std::uint64_t> rejected{0};
    std::atomic<std::size_t> source{0};

    std::mutex mutex; // guards the members below
    std::optional<crypto::SecureBytes> found;
    std::size_t foundIn = 0;
    std::optional<Error> error;

    [[nodiscard]] bool stopping() const
    {
        return stop.load(std::memory_order_relaxed) || (cancel != nullptr && cancel->load(std::memory_order_relaxed));
    }
    void failWith(Error e)
    {
        const std::lock_guard lock(mutex);
        if (!error) {
            error = std::move(e);
        }
        stop = true;
    }
};

struct Unit {
    std::size_t source = 0;
    bool isMask = false;
    Chunk chunk; // keeps `lines` alive
    std::span<const char> lines;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

// Hands out work in order: slices of each wordlist's chunks (cut at line ends), then mask ranges.
class WorkQueue
{
public:
    WorkQueue(std::vector<std::unique_ptr<WordlistReader>>& readers, const std::optional<Mask>& mask, bool rules)
        : m_readers(readers)
        , m_mask(mask)
        , m_sliceBytes(rules ? kSliceBytesWithRules : kSliceBytes)
    { }

    bool next(Unit& unit, Shared& shared)
    {
        const std::lock_guard lock(m_mutex);
        while (m_source < m_readers.size()) {
            if (!m_chunk || m_offset == m_chunk->size()) {
                auto buffer = std::make_shared<std::vector<char>>();
                auto lines = m_readers[m_source]->next(*buffer);
                if (!lines) {
                    shared.failWith(lines.error());
                    return false;
                }
                if (lines->empty()) {
                    m_chunk.reset();
                    ++m_source;
                    continue;
                }
                // Move the lines to the front so the slices can be plain offsets.
                std::memmove(buffer->data(), lines->data(), lines->size());
                buffer->resize(lines->size());
                m_chunk = std::move(buffer);
                m_offset = 0;
            }
            std::size_t end = std::min(m_offset + m_sliceBytes, m_chunk->size());
            const auto* newline
                = static_cast<const char*>(std::memchr(m_chunk->data() + end - 1, '\n', m_chunk->size() - (end - 1)));
            end = newline == nullptr ? m_chunk->size() : static_cast<std::size_t>(newline - m_chunk->data()) + 1;
            unit.source = m_source;
            unit.isMask = false;
            unit.chunk = m_chunk;
            unit.lines = std::span<const char>(m_chunk->data() + m_offset, end - m_offset);
            m_offset = end;
            return true;
        }
        if (m_mask && m_maskNext < m_mask->count()) {
            unit.source = m_readers.size();
            unit.isMask = true;
            unit.chunk.reset();
            unit.begin = m_maskNext;
            unit.end = std::min(m_mask->count(), m_maskNext + kMaskUnit);
            m_maskNext = unit.end;
            return true;
        }
        return false;
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<WordlistReader>>& m_readers;
    const std::optional<Mask>& m_mask;
    std::size_t m_sliceBytes;
    std::size_t m_source = 0;
    std::shared_ptr<std::vector<char>> m_chunk;
    std::size_t m_offset = 0;
    std::uint64_t m_maskNext = 0;
};

// One thread's loop: candidates into batches, batches through the MacGuesser, prefilter matches
// through the ordinary verifier.
class Worker
{
public:
    Worker(Shared& shared, WorkQueue& queue, const SearchOptions& options)
        : m_shared(shared)
        , m_queue(queue)
        , m_options(options)
    { }

    // Feeds candidates into the batch; false once the search should stop.
    auto add()
    {
        return [this](std::string_view candidate) { return push(candidate); };
    }

    void run()
    {
        Unit unit;
        while (!m_shared.stopping() && m_queue.next(unit, m_shared)) {
            m_shared.source.store(unit.source, std::memory_order_relaxed);
            m_source = unit.source;
            m_inWordlist = !unit.isMask;
            const bool go
                = unit.isMask ? m_options.mask->forEach(unit.begin, unit.end, add()) : searchLines(unit.lines);
            if (!go || !flush()) {
                break;
            }
            publish();
            if (!unit.isMask) {
                m_shared.wordlistBytesDone.fetch_add(unit.lines.size(), std::memory_order_relaxed);
            }
        }
        publish();
        for (std::string& slot : m_storage) { // one of them may hold the secret
            crypto::wipe(slot);
        }
        for (std::string& form : m_scratch.forms) {
            crypto::wipe(form);
        }
        crypto::wipe(m_scratch.candidate);
    }

private:
    bool searchLines(std::span<const char> lines)
    {
        const char* p = lines.data();
        const char* const end = p + lines.size();
        while (p < end) {
            const auto* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            const char* lineEnd = newline == nullptr ? end : newline;
            std::string_view word(p, static_cast<std::size_t>(lineEnd - p));
            if (!word.empty() && word.back() == '\r') {
                word.remove_suffix(1);
            }
            p = lineEnd + 1;
            if (!(m_options.rules ? WordRules::forEach(word, m_scratch, add()) : push(word))) {
                return false;
            }
        }
        return true;
    }

    bool push(std::string_view candidate)
    {
        std::string& slot = m_storage[m_count];
        slot.assign(candidate);
        m_guesses[m_count] = Guess{reinterpret_cast<const std::uint8_t*>(slot.data()), slot.size()};
        return ++m_count < kBatch || flush();
    }

    bool flush()
    {
        if (m_count > 0) {
            std::uint32_t hits = m_shared.guesser.test(std::span(m_guesses.data(), m_count));
            while (hits != 0) {
                confirm(m_guesses[static_cast<std::size_t>(std::countr_zero(hits))]);
                hits &= hits - 1;
            }
            m_unpublished += m_count;
            m_count = 0;
            if (m_unpublished >= kPublishEvery) {
                publish();
            }
        }
        return !m_shared.stopping();
    }

    void publish()
    {
        m_shared.tried.fetch_add(m_unpublished, std::memory_order_relaxed);
        if (m_inWordlist) {
            m_shared.wordlistTried.fetch_add(m_unpublished, std::memory_order_relaxed);
        }
        m_unpublished = 0;
    }

    // A prefilter match is only a candidate: the secret is what the ordinary verifier accepts.
    void confirm(const Guess& guess)
    {
        crypto::SecureBytes secret(std::span(guess.data, guess.size));
        // Found secrets are weak by nature: the question here is only whether the signature matches.
        const auto check = jose::verifySignature(m_shared.guesser.alg(), keys::Key::fromSecret(secret.clone()),
                                                 m_shared.signingInput, m_shared.signature, jose::WeakKeys::Accept);
        if (!check.valid()) {
            m_shared.rejected.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        const std::lock_guard lock(m_shared.mutex);
        if (!m_shared.found) {
            m_shared.found = std::move(secret);
            m_shared.foundIn = m_source;
        }
        m_shared.stop = true;
    }

    Shared& m_shared;
    WorkQueue& m_queue;
    const SearchOptions& m_options;
    std::array<std::string, kBatch> m_storage;
    std::array<Guess, kBatch> m_guesses{};
    std::size_t m_count = 0;
    std::uint64_t m_unpublished = 0;
    std::size_t m_source = 0;
    bool m_inWordlist = false;
    WordRules::Scratch m_scratch;
};

Result<jose::JwsAlgorithm> hmacAlgorithm(const jose::CompactToken& token)
{
    if (token.kind != jose::TokenKind::Jws) {
        return fail(Errc::UnsupportedAlgorithm,
                    "this is an encrypted token (JWE): it has no HMAC secret to search for");
    }
    const auto& header = token.header.value;
    const auto alg = header.find("alg");
    if (alg == header.end() || !alg->is_string()) {
        return fail(Errc::UnsupportedAlgorithm, "the token's header has no \"alg\" string");
    }
    const auto name = alg->get<std::string>();
    const auto parsed = jose::parseAlgorithm(name);
    if (!parsed || jose::algorithmInfo(*parsed).family != jose::AlgorithmFamily::Hmac) {
        return fail(Errc::UnsupportedAlgorithm,
                    fmt::format("the token is signed with \"{}\": only HS256, HS384 and HS512 tokens have a secret "
                                "to search for",
                                name));
    }
    return *parsed;
}

struct Totals {
    std::uint64_t wordlistBytes = 0;
    std::uint64_t maskCount = 0;
    bool hasWordlists = false;
};

SearchProgress progressOf(const Shared& shared, const Totals& totals, const std::vector<std::string>& names,
                          Clock::time_point start)
{
    SearchProgress progress;
    progress.tried = shared.tried.load(std::memory_order_relaxed);
    const std::uint64_t wordTried = shared.wordlistTried.load(std::memory_order_relaxed);
    const std::uint64_t bytesDone = shared.wordlistBytesDone.load(std::memory_order_relaxed);
    std::uint64_t wordTotal = 0;
    if (bytesDone >= totals.wordlistBytes) {
        wordTotal = wordTried;
    } else if (bytesDone > 0) {
        wordTotal
            = static_cast<std::uint64_t>(static_cast<double>(wordTried) * static_cast<double>(totals.wordlistBytes)
                                         / static_cast<double>(bytesDone));
        progress.totalIsEstimate = true;
    }
    if (wordTotal > 0 || !totals.hasWordlists) {
        progress.total = std::max(progress.tried, wordTotal + totals.maskCount);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    progress.rate = seconds > 0 ? static_cast<double>(progress.tried) / seconds : 0;
    if (progress.total > 0 && progress.rate > 0) {
        progress.etaSeconds = static_cast<double>(progress.total - progress.tried) / progress.rate;
    }
    progress.source = names[std::min(shared.source.load(std::memory_order_relaxed), names.size() - 1)];
    return progress;
}

// 1234567 → "1.2M"
std::string shortCount(double value)
{
    if (value >= 1e9) {
        return fmt::format("{:.1f}G", value / 1e9);
    }
    if (value >= 1e6) {
        return fmt::format("{:.1f}M", value / 1e6);
    }
    if (value >= 1e4) {
        return fmt::format("{:.0f}k", value / 1e3);
    }
    return fmt::format("{:.0f}", value);
}

std::string shortDuration(double seconds)
{
    if (seconds < 60) {
        return fmt::format("{:.0f}s", std::ceil(seconds));
    }
    if (seconds < 3600) {
        return fmt::format("{:.0f}m{:02.0f}s", std::floor(seconds / 60), std::floor(std::fmod(seconds, 60)));
    }
    if (seconds < 86400 * 3) {
        return fmt::format("{:.0f}h{:02.0f}m", std::floor(seconds / 3600), std::floor(std::fmod(seconds, 3600) / 60));
    }
    if (seconds < 86400 * 365 * 3) {
        return fmt::format("{:.0f} days", seconds / 86400);
    }
    return fmt::format("{:.0f} years", seconds / (86400 * 365.25));
}

} // namespace

std::string describeRate(double guessesPerSecond)
{
    return shortCount(guessesPerSecond) + " guesses/s";
}

std::string describeProgress(const SearchProgress& progress)
{
    std::string line = fmt::format("{}: {} guesses", progress.source, shortCount(static_cast<double>(progress.tried)));
    if (progress.total > 0) {
        line += fmt::format(" of {}{} ({:.1f}%)", progress.totalIsEstimate ? "~" : "",
                            shortCount(static_cast<double>(progress.total)),
                            100.0 * static_cast<double>(progress.tried) / static_cast<double>(progress.total));
    }
    line += ", " + describeRate(progress.rate);
    if (progress.etaSeconds) {
        line += ", ETA " + shortDuration(*progress.etaSeconds);
    }
    return line;
}

Result<SearchOutcome> searchSecret(const jose::CompactToken& token, const SearchOptions& options)
{
    auto alg = hmacAlgorithm(token);
    if (!alg) {
        return std::unexpected(alg.error());
    }
    if (options.wordlists.empty() && !options.mask) {
        return fail(Errc::EmptyInput, "nothing to search: give a wordlist, the bundled list or a mask");
    }
    const auto signingInput = asBytes(token.signingInput());
    auto guesser = MacGuesser::create(*alg, signingInput, token.signature(), options.kernel, options.prefilterBits);
    if (!guesser) {
        return std::unexpected(guesser.error());
    }
    std::vector<std::unique_ptr<WordlistReader>> readers;
    std::vector<std::string> names;
    Totals totals;
    for (const WordlistSource& source : options.wordlists) {
        auto reader = WordlistReader::open(source.path);
        if (!reader) {
            return std::unexpected(reader.error());
        }
        totals.wordlistBytes += (*reader)->size();
        totals.hasWordlists = true;
        readers.push_back(std::move(*reader));
        names.push_back(options.rules ? source.name + " with rules" : source.name);
    }
    if (options.mask) {
        totals.maskCount = options.mask->count();
        names.push_back("mask " + options.mask->text());
    }

    Shared shared(*guesser, signingInput, token.signature(), options.cancel);
    WorkQueue queue(readers, options.mask, options.rules);
    const unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
    const auto start = Clock::now();

    std::mutex doneMutex;
    std::condition_variable done;
    unsigned running = 0;
    std::vector<std::thread> threads;
    try {
        for (unsigned i = 0; i < jobs; ++i) {
            {
                const std::lock_guard lock(doneMutex);
                ++running;
            }
            threads.emplace_back([&] {
                Worker(shared, queue, options).run();
                const std::lock_guard lock(doneMutex);
                --running;
                done.notify_all();
            });
        }
    } catch (const std::system_error& e) {
        const std::lock_guard lock(doneMutex);
        --running; // the thread that did not start
        shared.failWith(Error{Errc::Io, "cannot start the search threads", e.what()});
    }
    // Wake often enough to notice cancellation promptly even without progress reports.
    const auto tick = std::min<std::chrono::milliseconds>(options.progressInterval, std::chrono::milliseconds(20));
    auto nextReport = start + options.progressInterval;
    for (;;) {
        std::unique_lock lock(doneMutex);
        if (done.wait_for(lock, tick, [&] { return running == 0; })) {
            break;
        }
        lock.unlock();
        if (options.cancel != nullptr && options.cancel->load()) {
            shared.stop = true;
        }
        if (options.onProgress && Clock::now() >= nextReport) {
            options.onProgress(progressOf(shared, totals, names, start));
            nextReport = Clock::now() + options.progressInterval;
        }
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    if (shared.error) {
        return std::unexpected(*shared.error);
    }
    if (options.onProgress) {
        options.onProgress(progressOf(shared, totals, names, start));
    }
    SearchOutcome outcome;
    outcome.tried = shared.tried.load();
    outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    outcome.rejectedByVerifier = shared.rejected.load();
    for (const auto& reader : readers) {
        outcome.skippedLines += reader->skippedLines();
    }
    if (shared.found) {
        outcome.secret = std::move(shared.found);
        outcome.foundIn = names[shared.foundIn];
    } else {
        outcome.cancelled = options.cancel != nullptr && options.cancel->load();
    }
    return outcome;
}

std::filesystem::path bundledWordlist(const std::filesystem::path& programDir)
{
    return programDir / ".." / "share" / "jwt-workbench" / "wordlists" / "jwt.secrets.list";
}

} // namespace jwtwb::crack
