#include "WordlistReader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace jwtwb::crack {

WordlistReader::WordlistReader(std::filesystem::path path, std::FILE* file, std::uint64_t size)
    : m_path(std::move(path))
    , m_file(file)
    , m_size(size)
{ }

WordlistReader::~WordlistReader()
{
    std::fclose(m_file);
}

Result<std::unique_ptr<WordlistReader>> WordlistReader::open(const std::filesystem::path& path)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        return fail(Errc::Io, fmt::format("cannot read the wordlist {}: it is a directory", path.string()));
    }
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        return fail(Errc::Io, fmt::format("cannot read the wordlist {}: {}", path.string(), std::strerror(errno)));
    }
    std::setvbuf(file, nullptr, _IONBF, 0); // we read in large chunks ourselves
    const auto size = std::filesystem::file_size(path, error);
    return std::unique_ptr<WordlistReader>(new WordlistReader(path, file, error ? 0 : size));
}

std::uint64_t WordlistReader::skippedLines() const
{
    const std::lock_guard lock(m_mutex);
    return m_skippedLines;
}

Result<std::span<const char>> WordlistReader::next(std::vector<char>& buffer)
{
    const std::lock_guard lock(m_mutex);
    buffer.resize(kChunkSize);
    while (!m_end) {
        std::copy(m_carry.begin(), m_carry.end(), buffer.begin());
        std::size_t filled = m_carry.size();
        m_carry.clear();
        filled += std::fread(buffer.data() + filled, 1, buffer.size() - filled, m_file);
        if (std::ferror(m_file) != 0) {
            return fail(Errc::Io,
                        fmt::format("cannot read the wordlist {}: {}", m_path.string(), std::strerror(errno)));
        }
        m_end = filled < buffer.size() && std::feof(m_file) != 0;
        std::size_t begin = 0;
        if (m_skipping) { // drop the rest of an over-long line
            const auto* newline = static_cast<const char*>(std::memchr(buffer.data(), '\n', filled));
            if (newline == nullptr) {
                continue;
            }
            begin = static_cast<std::size_t>(newline - buffer.data()) + 1;
            m_skipping = false;
        }
        std::size_t end = filled;
        if (!m_end) { // keep the unfinished last line for the next chunk
            const auto last = std::string_view(buffer.data() + begin, filled - begin).rfind('\n');
            if (last == std::string_view::npos) {
                if (begin == 0) { // a whole chunk without a line break
                    ++m_skippedLines;
                    m_skipping = true;
                    continue;
                }
                m_carry.assign(buffer.begin() + static_cast<std::ptrdiff_t>(begin),
                               buffer.begin() + static_cast<std::ptrdiff_t>(filled));
                continue;
            }
            end = begin + last + 1;
            m_carry.assign(buffer.begin() + static_cast<std::ptrdiff_t>(end),
                           buffer.begin() + static_cast<std::ptrdiff_t>(filled));
        }
        if (end > begin) {
            return std::span<const char>(buffer.data() + begin, end - begin);
        }
    }
    return std::span<const char>();
}

} // namespace jwtwb::crack
