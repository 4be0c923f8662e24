#pragma once

#include "Error.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace jwtwb::crack {

// Reads a wordlist of any size in chunks of whole lines, so that threads can share one file and
// memory stays at a few chunks however large the file is. Lines end with LF (a CR before it is
// the caller's to strip); a last line without LF counts. Lines longer than a chunk are skipped and
// counted. Safe to call from several threads.
class WordlistReader
{
public:
    static constexpr std::size_t kChunkSize = std::size_t{1} << 20;

    [[nodiscard]] static Result<std::unique_ptr<WordlistReader>> open(const std::filesystem::path& path);
    ~WordlistReader();
    WordlistReader(const WordlistReader&) = delete;
    WordlistReader& operator=(const WordlistReader&) = delete;

    // The next lines into `buffer` (resized to at most kChunkSize); an empty span at the end.
    [[nodiscard]] Result<std::span<const char>> next(std::vector<char>& buffer);

    [[nodiscard]] std::uint64_t size() const { return m_size; } // bytes, as the file had at open
    [[nodiscard]] std::uint64_t skippedLines() const;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    WordlistReader(std::filesystem::path path, std::FILE* file, std::uint64_t size);

    std::filesystem::path m_path;
    std::FILE* m_file;
    std::uint64_t m_size;
    mutable std::mutex m_mutex;
    std::vector<char> m_carry; // the start of a line the last chunk cut off
    bool m_skipping = false; // inside a line longer than a chunk
    bool m_end = false;
    std::uint64_t m_skippedLines = 0;
};

} // namespace jwtwb::crack
