#include "KeystoreAccess.h"

#include "Input.h"
#include "keys/PassphraseStrength.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace jwtwb::cli {
namespace {

// The same estimate and threshold as the GUI's strength meter; a warning, never a refusal.
void warnIfWeak(const crypto::SecureBytes& passphrase)
{
    const keys::PassphraseStrength strength = keys::estimatePassphraseStrength(passphrase.span());
    if (strength.weak()) {
        std::cerr << fmt::format("jwtwb: warning: the new passphrase is {} (about {:.0f} bits by zxcvbn's estimate; "
                                 "{:.0f} or more is good): anyone with a copy of the keystore file can try guesses "
                                 "offline. A few unrelated words make a strong passphrase.\n",
                                 keys::passphraseQualityName(strength.quality), strength.bits,
                                 keys::kGoodPassphraseBits);
    }
}

// One line from the terminal with echo off; the terminal is restored whatever happens.
Result<crypto::SecureBytes> promptOnTerminal(std::string_view prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        return fail(
            Errc::PassphraseRequired,
            fmt::format("no passphrase: give --passphrase-file, set {}, or run in a terminal", kPassphraseVariable));
    }
    termios saved{};
    const bool isTerminal = ::tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        silent.c_lflag |= ECHONL;
        ::tcsetattr(fd, TCSAFLUSH, &silent);
    }
    const std::string text = fmt::format("{}: ", prompt);
    [[maybe_unused]] const auto shown = ::write(fd, text.data(), text.size());
    std::string line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n') {
        line.push_back(c);
    }
    if (isTerminal) {
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    }
    ::close(fd);
    crypto::SecureBytes passphrase(line);
    crypto::wipe(line);
    return passphrase;
}

} // namespace

std::string defaultKeystorePath()
{
    std::string base;
    if (const char* data = std::getenv("XDG_DATA_HOME"); data != nullptr && data[0] == '/') {
        base = data;
    } else if (const char* home = std::getenv("HOME"); home != nullptr) {
        base = std::string(home) + "/.local/share";
    } else {
        base = ".";
    }
    return base + "/jwt-workbench/jwt-workbench/keystore.jwe";
}

Result<crypto::SecureBytes> readPassphrase(const std::string& file, const char* variable, std::string_view prompt,
                                           bool isNew)
{
    Result<crypto::SecureBytes> passphrase;
    if (!file.empty()) {
        auto line = readFirstLine(file, "passphrase");
        if (!line) {
            return std::unexpected(line.error());
        }
        passphrase = crypto::SecureBytes(*line);
        crypto::wipe(*line);
    } else if (const char* value = std::getenv(variable); value != nullptr) {
        passphrase = crypto::SecureBytes(std::string_view(value));
    } else {
        passphrase = promptOnTerminal(prompt);
        if (passphrase && isNew) {
            auto again = promptOnTerminal("Repeat it");
            if (!again) {
                return again;
            }
            if (!again->equals(passphrase->span())) {
                return fail(Errc::PassphraseRequired, "the two passphrases differ");
            }
        }
    }
    if (passphrase && passphrase->empty()) {
        return fail(Errc::PassphraseRequired, "the passphrase is empty");
    }
    if (passphrase && isNew) {
        warnIfWeak(*passphrase);
    }
    return passphrase;
}

Result<keys::Keystore> openKeystore(const std::string& path, const std::string& passphraseFile)
{
    const std::string file = path.empty() ? defaultKeystorePath() : path;
    auto passphrase
        = readPassphrase(passphraseFile, kPassphraseVariable, fmt::format("Passphrase for {}", file), false);
    if (!passphrase) {
        return std::unexpected(passphrase.error());
    }
    return keys::Keystore::open(file, std::move(*passphrase));
}

} // namespace jwtwb::cli
