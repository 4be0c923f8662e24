#include "Random.h"

#include "encoding/Hex.h"
#include "ossl/OsslError.h"

#include <openssl/rand.h>

#include <algorithm>

namespace jwtwb::crypto {
namespace {

template <class Buffer> Result<Buffer> randomFilled(std::size_t count)
{
    Buffer out(count);
    ossl::clearErrors();
    if (count > 0 && RAND_bytes(out.data(), static_cast<int>(count)) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "the random number generator failed"));
    }
    return out;
}

} // namespace

Result<Bytes> randomBytes(std::size_t count)
{
    return randomFilled<Bytes>(count);
}

Result<SecureBytes> randomSecret(std::size_t count)
{
    return randomFilled<SecureBytes>(count);
}

std::string formatUuidV4(std::array<std::uint8_t, 16> bytes)
{
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80); // variant 10xx
    const std::string hex = encoding::toHex(bytes);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-'
        + hex.substr(20);
}

Result<std::string> randomUuid()
{
    auto bytes = randomBytes(16);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    std::array<std::uint8_t, 16> raw{};
    std::ranges::copy(*bytes, raw.begin());
    return formatUuidV4(raw);
}

} // namespace jwtwb::crypto
