#include "EcdsaSignature.h"

#include "Handles.h"
#include "OsslError.h"

#include <algorithm>

namespace jwtwb::ossl {

Result<Bytes> ecdsaDerToRaw(std::span<const std::uint8_t> der, std::size_t componentSize)
{
    const unsigned char* cursor = der.data();
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
    if (!sig) {
        return std::unexpected(cryptoError(Errc::Crypto, "OpenSSL produced an unreadable ECDSA signature"));
    }
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    Bytes raw(componentSize * 2);
    if (BN_bn2binpad(r, raw.data(), static_cast<int>(componentSize)) < 0
        || BN_bn2binpad(s, raw.data() + componentSize, static_cast<int>(componentSize)) < 0) {
        return std::unexpected(cryptoError(Errc::Crypto, "ECDSA signature component larger than the curve"));
    }
    return raw;
}

namespace {

// A DER INTEGER (X.690 §8.3) for an unsigned big-endian number: no leading zero bytes but one,
// and a zero byte in front when the top bit is set, so that it stays positive.
struct DerInteger {
    std::span<const std::uint8_t> digits;
    bool pad = false;

    explicit DerInteger(std::span<const std::uint8_t> number)
    {
        while (number.size() > 1 && number.front() == 0) {
            number = number.subspan(1);
        }
        digits = number;
        pad = (number.front() & 0x80) != 0;
    }
    [[nodiscard]] std::size_t contentSize() const { return digits.size() + (pad ? 1 : 0); }
    [[nodiscard]] std::size_t size() const { return 2 + contentSize(); }
    // Writes the INTEGER at out[at] and moves `at` past it.
    void writeTo(Bytes& out, std::size_t& at) const
    {
        out[at++] = 0x02;
        out[at++] = static_cast<std::uint8_t>(contentSize());
        if (pad) {
            out[at++] = 0x00;
        }
        std::ranges::copy(digits, out.begin() + static_cast<std::ptrdiff_t>(at));
        at += digits.size();
    }
};

} // namespace

// By hand rather than through ECDSA_SIG and two BIGNUMs: this runs for every ES256/384/512
// verification, and their five allocations would cost more than a P-256 verification's margin.
Result<Bytes> ecdsaRawToDer(std::span<const std::uint8_t> raw)
{
    const std::size_t half = raw.size() / 2;
    // Up to 124 bytes each, the SEQUENCE's length fits one byte (P-521 needs 66).
    if (raw.empty() || raw.size() % 2 != 0 || half > 124) {
        return fail(Errc::Crypto, "an ECDSA signature is two numbers of the same size (R‖S)");
    }
    const DerInteger r(raw.first(half));
    const DerInteger s(raw.subspan(half));
    const std::size_t content = r.size() + s.size();
    // Sized once and written by index: GCC 14 at -O3 warns falsely about push_back after reserve.
    Bytes out(2 + (content >= 0x80 ? 1 : 0) + content);
    std::size_t at = 0;
    out[at++] = 0x30; // SEQUENCE
    if (content >= 0x80) {
        out[at++] = 0x81; // long form with one length byte
    }
    out[at++] = static_cast<std::uint8_t>(content);
    r.writeTo(out, at);
    s.writeTo(out, at);
    return out;
}

bool looksLikeDerEcdsa(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() < 8 || bytes[0] != 0x30) {
        return false;
    }
    const unsigned char* cursor = bytes.data();
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(bytes.size())));
    clearErrors();
    return sig && cursor == bytes.data() + bytes.size();
}

} // namespace jwtwb::ossl
