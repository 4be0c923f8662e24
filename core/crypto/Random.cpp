#include "Random.h"

#include "ossl/OsslError.h"

#include <openssl/rand.h>

namespace jwtwb::crypto {
namespace {

bool fill(std::uint8_t* data, std::size_t size)
{
    ossl::clearErrors();
    return size == 0 || RAND_bytes(data, static_cast<int>(size)) == 1;
}

} // namespace

Result<Bytes> randomBytes(std::size_t size)
{
    Bytes out(size);
    if (!fill(out.data(), out.size())) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "the random number generator failed"));
    }
    return out;
}

Result<SecureBytes> randomSecret(std::size_t size)
{
    SecureBytes out(size);
    if (!fill(out.data(), out.size())) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "the random number generator failed"));
    }
    return out;
}

} // namespace jwtwb::crypto
