#include "AtomicFile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace jwtwb::io {
namespace {

std::string reason(int error)
{
    return std::strerror(error);
}

std::string folderOf(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Why a write into `folder` failed, in words a user acts on: the usual causes of a failed save are
// named (a full disk, a read-only folder, a folder without write permission), the system's own
// text follows in parentheses.
std::string explain(int error, const std::string& folder)
{
    switch (error) {
    case ENOSPC: return fmt::format("the disk is full ({})", reason(error));
    case EDQUOT: return fmt::format("the disk quota is used up ({})", reason(error));
    case EROFS: return fmt::format("the folder {} is read-only ({})", folder, reason(error));
    case ENOENT: return fmt::format("the folder {} does not exist ({})", folder, reason(error));
    case EACCES:
    case EPERM: return fmt::format("no permission to write in the folder {} ({})", folder, reason(error));
    default: return reason(error);
    }
}

std::string fileNameOf(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

constexpr std::string_view kTemporaryInfix = ".tmp-";
constexpr std::size_t kTemporaryRandomLength = 6; // the XXXXXX of mkostemp

bool isTemporaryName(std::string_view name, std::string_view target)
{
    if (name.size() != target.size() + kTemporaryInfix.size() + kTemporaryRandomLength || !name.starts_with(target)
        || name.substr(target.size(), kTemporaryInfix.size()) != kTemporaryInfix) {
        return false;
    }
    const auto random = name.substr(target.size() + kTemporaryInfix.size());
    return std::ranges::all_of(
        random, [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    { }
    ~FileDescriptor()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

bool writeAll(int fd, std::span<const std::uint8_t> content)
{
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        content = content.subspan(static_cast<std::size_t>(written));
    }
    return true;
}

} // namespace

Result<std::string> readWholeFile(const std::string& path, std::size_t maxSize)
{
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return fail(Errc::Io, fmt::format("cannot open {}: {}", path, reason(errno)));
    }
    std::string content;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail(Errc::Io, fmt::format("cannot read {}: {}", path, reason(errno)));
        }
        if (got == 0) {
            return content;
        }
        if (content.size() + static_cast<std::size_t>(got) > maxSize) {
            return fail(Errc::InputTooLarge, fmt::format("{} is larger than {} bytes", path, maxSize));
        }
        content.append(buffer, static_cast<std::size_t>(got));
    }
}

bool fileExists(const std::string& path)
{
    struct stat info {
    };
    return ::stat(path.c_str(), &info) == 0;
}

Result<void> createParentFolders(const std::string& path, unsigned mode)
{
    const std::string folder = folderOf(path);
    struct stat info {
    };
    if (::stat(folder.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        return {};
    }
    for (auto slash = folder.find('/', 1);; slash = folder.find('/', slash + 1)) {
        const std::string step = slash == std::string::npos ? folder : folder.substr(0, slash);
        if (::mkdir(step.c_str(), static_cast<mode_t>(mode)) == 0) {
            ::chmod(step.c_str(), static_cast<mode_t>(mode)); // mkdir's mode is reduced by the umask
        } else if (const int error = errno; error != EEXIST) {
            return fail(Errc::Io, fmt::format("cannot create the folder {}: {}", step, explain(error, folderOf(step))));
        } else if (::stat(step.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
            return fail(Errc::Io, fmt::format("cannot create the folder {}: a file of that name is in the way", step));
        }
        if (slash == std::string::npos) {
            return {};
        }
    }
}

Result<void> writeFileAtomically(const std::string& path, std::span<const std::uint8_t> content, unsigned mode)
{
    const std::string folder = folderOf(path);
    std::string temporary = path + std::string(kTemporaryInfix) + std::string(kTemporaryRandomLength, 'X');
    FileDescriptor fd(::mkostemp(temporary.data(), O_CLOEXEC));
    if (fd.get() < 0) {
        const int error = errno;
        return std::unexpected(Error{Errc::Io, fmt::format("cannot write {}: {}", path, explain(error, folder)),
                                     fmt::format("creating a temporary file in {}: {}", folder, reason(error))});
    }
    // The message names the target and the cause; the detail the step and the temporary file.
    const auto failWith = [&](std::string_view step) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return std::unexpected(Error{Errc::Io, fmt::format("cannot write {}: {}", path, explain(error, folder)),
                                     fmt::format("{} {}: {}", step, temporary, reason(error))});
    };
    if (::fchmod(fd.get(), static_cast<mode_t>(mode)) != 0) {
        return failWith("fchmod");
    }
    if (!writeAll(fd.get(), content)) {
        return failWith("write");
    }
    if (::fsync(fd.get()) != 0) {
        return failWith("fsync");
    }
    if (::close(fd.release()) != 0) {
        return failWith("close");
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        return failWith("rename");
    }
    // The rename is durable only once the folder is: without this a power cut could bring back the old file.
    const FileDescriptor folderFd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folderFd.get() < 0 || ::fsync(folderFd.get()) != 0) {
        return fail(Errc::Io,
                    fmt::format("{} was written, but its folder could not be flushed: {}", path, reason(errno)));
    }
    return {};
}

std::size_t removeStaleTemporaries(const std::string& path)
{
    const std::string folder = folderOf(path);
    const std::string target = fileNameOf(path);
    struct CloseDir {
        void operator()(DIR* dir) const { ::closedir(dir); }
    };
    const std::unique_ptr<DIR, CloseDir> dir(::opendir(folder.c_str()));
    if (!dir || target.empty()) {
        return 0;
    }
    std::size_t removed = 0;
    while (const dirent* entry = ::readdir(dir.get())) {
        const std::string_view name(entry->d_name);
        if (!isTemporaryName(name, target)) {
            continue;
        }
        const std::string candidate = folder + "/" + std::string(name);
        struct stat info {
        };
        // lstat: a symbolic link is not followed, and is not a regular file.
        if (::lstat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid()
            && ::unlink(candidate.c_str()) == 0) {
            ++removed;
        }
    }
    return removed;
}

} // namespace jwtwb::io
