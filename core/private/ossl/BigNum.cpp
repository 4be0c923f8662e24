#include "BigNum.h"

namespace jwtwb::ossl {

BnPtr bnFromBytes(std::span<const std::uint8_t> bytes, bool secret)
{
    BnPtr bn(secret ? BN_secure_new() : BN_new());
    if (!bn) {
        return nullptr;
    }
    if (BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), bn.get()) == nullptr) {
        return nullptr;
    }
    return bn;
}

crypto::SecureBytes bnToBytes(const BIGNUM* bn, std::size_t width)
{
    if (bn == nullptr || BN_is_negative(bn)) {
        return {};
    }
    const auto needed = static_cast<std::size_t>(BN_num_bytes(bn));
    if (width == 0) {
        crypto::SecureBytes out(needed == 0 ? 1 : needed);
        if (needed > 0) {
            BN_bn2bin(bn, out.data());
        }
        return out;
    }
    if (needed > width) {
        return {};
    }
    crypto::SecureBytes out(width);
    if (BN_bn2binpad(bn, out.data(), static_cast<int>(width)) < 0) {
        return {};
    }
    return out;
}

BnPtr pkeyBnParam(const EVP_PKEY* pkey, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) {
        BN_clear_free(bn);
        return nullptr;
    }
    return BnPtr(bn);
}

} // namespace jwtwb::ossl
