#include "Digest.h"

#include "ossl/Handles.h"
#include "ossl/OsslDigest.h"

namespace jwtwb::crypto {

std::string_view hashName(HashAlg hash)
{
    switch (hash) {
    case HashAlg::Sha1: return "SHA-1";
    case HashAlg::Sha256: return "SHA-256";
    case HashAlg::Sha384: return "SHA-384";
    case HashAlg::Sha512: return "SHA-512";
    }
    return "SHA-256";
}

std::size_t hashSize(HashAlg hash)
{
    switch (hash) {
    case HashAlg::Sha1: return 20;
    case HashAlg::Sha256: return 32;
    case HashAlg::Sha384: return 48;
    case HashAlg::Sha512: return 64;
    }
    return 32;
}

Bytes digest(HashAlg hash, std::span<const std::uint8_t> data)
{
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    // EVP_Digest cannot fail for these fetched-once digests short of memory exhaustion.
    EVP_Digest(data.data(), data.size(), out.data(), &size, ossl::evpMd(hash), nullptr);
    out.resize(size);
    return out;
}

} // namespace jwtwb::crypto
