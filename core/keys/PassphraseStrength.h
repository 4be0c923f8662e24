#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace jwtwb::keys {

// How hard a passphrase is to guess, as zxcvbn estimates it, on KeePassXC's scale.
enum class PassphraseQuality {
    Poor, // under 40 bits
    Weak, // under 75 bits
    Good, // under 100 bits
    Excellent,
};

// Below this a new keystore passphrase gets a warning (KeePassXC warns below Good as well). The
// user may go on: the warning informs, it does not refuse.
inline constexpr double kGoodPassphraseBits = 75;

struct PassphraseStrength {
    double bits = 0; // zxcvbn's estimate of the guessing entropy
    PassphraseQuality quality = PassphraseQuality::Poor;

    [[nodiscard]] bool weak() const { return bits < kGoodPassphraseBits; }
};

// zxcvbn's estimate (dictionary words, keyboard patterns, dates, repeats, leet spelling). Only the
// first kMaxEstimatedBytes count: a longer passphrase is at least as strong as its beginning.
inline constexpr std::size_t kMaxEstimatedBytes = 128;
[[nodiscard]] PassphraseStrength estimatePassphraseStrength(std::span<const std::uint8_t> passphrase);

[[nodiscard]] std::string_view passphraseQualityName(PassphraseQuality quality); // "poor", "weak", …

} // namespace jwtwb::keys
