#include "PassphraseStrength.h"

#include "crypto/SecureBytes.h"

#include <zxcvbn.h>

#include <algorithm>

namespace jwtwb::keys {

PassphraseStrength estimatePassphraseStrength(std::span<const std::uint8_t> passphrase)
{
    // zxcvbn reads a C string: a copy that ends in a zero byte, wiped afterwards. A zero byte inside
    // the passphrase ends the estimate early, which can only underestimate.
    crypto::SecureBytes text(std::min(passphrase.size(), kMaxEstimatedBytes) + 1);
    std::copy_n(passphrase.begin(), text.size() - 1, text.data());
    ZxcMatch_t* matches = nullptr;
    const double bits = ZxcvbnMatch(reinterpret_cast<const char*>(text.data()), nullptr, &matches);
    ZxcvbnFreeInfo(matches);

    PassphraseStrength strength;
    strength.bits = std::max(bits, 0.0);
    strength.quality = strength.bits < 40     ? PassphraseQuality::Poor
        : strength.bits < kGoodPassphraseBits ? PassphraseQuality::Weak
        : strength.bits < 100                 ? PassphraseQuality::Good
                                              : PassphraseQuality::Excellent;
    return strength;
}

std::string_view passphraseQualityName(PassphraseQuality quality)
{
    switch (quality) {
    case PassphraseQuality::Poor: return "poor";
    case PassphraseQuality::Weak: return "weak";
    case PassphraseQuality::Good: return "good";
    case PassphraseQuality::Excellent: return "excellent";
    }
    return "unknown";
}

} // namespace jwtwb::keys
