#include "EcdsaSignature.h"

#include "Handles.h"
#include "OsslError.h"

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

Result<Bytes> ecdsaRawToDer(std::span<const std::uint8_t> raw)
{
    const std::size_t half = raw.size() / 2;
    BnPtr r(BN_bin2bn(raw.data(), static_cast<int>(half), nullptr));
    BnPtr s(BN_bin2bn(raw.data() + half, static_cast<int>(half), nullptr));
    EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
        return std::unexpected(cryptoError(Errc::Crypto, "cannot build the ECDSA signature"));
    }
    r.release(); // owned by sig now
    s.release();
    unsigned char* der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0) {
        return std::unexpected(cryptoError(Errc::Crypto, "cannot encode the ECDSA signature"));
    }
    Bytes out(der, der + length);
    OPENSSL_free(der);
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
