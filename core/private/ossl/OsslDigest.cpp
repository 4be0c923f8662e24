#include "OsslDigest.h"

#include "Handles.h"

namespace jwtwb::ossl {

const EVP_MD* evpMd(crypto::HashAlg hash)
{
    static const MdPtr sha1(EVP_MD_fetch(nullptr, "SHA1", nullptr));
    static const MdPtr sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
    static const MdPtr sha384(EVP_MD_fetch(nullptr, "SHA384", nullptr));
    static const MdPtr sha512(EVP_MD_fetch(nullptr, "SHA512", nullptr));
    switch (hash) {
    case crypto::HashAlg::Sha1: return sha1.get();
    case crypto::HashAlg::Sha256: return sha256.get();
    case crypto::HashAlg::Sha384: return sha384.get();
    case crypto::HashAlg::Sha512: return sha512.get();
    }
    return sha256.get();
}

} // namespace jwtwb::ossl
