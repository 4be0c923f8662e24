#include "AtomicFile.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace jwtwb::cli {

Result<void> writeFileAtomically(const std::filesystem::path& path, std::string_view content)
{
    std::string temporary = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temporary.data());
    if (fd < 0) {
        return fail(Errc::Io,
                    fmt::format("cannot create a file in {}: {}", path.parent_path().string(), std::strerror(errno)));
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            std::remove(temporary.c_str());
            return fail(Errc::Io, fmt::format("cannot write {}: {}", path.string(), std::strerror(error)));
        }
        written += static_cast<std::size_t>(n);
    }
    int error = ::fsync(fd) == 0 ? 0 : errno;
    if (::close(fd) != 0 && error == 0) {
        error = errno;
    }
    if (error == 0 && std::rename(temporary.c_str(), path.c_str()) != 0) {
        error = errno;
    }
    if (error != 0) {
        std::remove(temporary.c_str());
        return fail(Errc::Io, fmt::format("cannot write {}: {}", path.string(), std::strerror(error)));
    }
    return {};
}

} // namespace jwtwb::cli
