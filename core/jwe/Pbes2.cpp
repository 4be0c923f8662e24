#include "Pbes2.h"

#include "ossl/Handles.h"
#include "ossl/OsslError.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include <fmt/format.h>

namespace jwtwb::jwe {

Result<crypto::SecureBytes> pbes2DeriveKey(KeyAlgorithm alg, std::span<const std::uint8_t> password,
                                           std::span<const std::uint8_t> p2s, std::uint64_t p2c)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(alg);
    if (!info.usesPassphrase()) {
        return fail(Errc::UnsupportedAlgorithm, fmt::format("{} is not a PBES2 algorithm", info.name));
    }
    if (p2c == 0 || p2c > kMaxP2c) {
        return fail(Errc::MalformedToken,
                    fmt::format("the PBES2 iteration count (p2c) must be between 1 and {}, not {}", kMaxP2c, p2c));
    }
    Bytes salt(info.name.begin(), info.name.end());
    salt.push_back(0);
    salt.insert(salt.end(), p2s.begin(), p2s.end());

    std::string digest(crypto::hashName(*info.hash)); // "SHA-512": a name OpenSSL knows
    auto iterations = p2c;
    // 1: without SP 800-132's lower bounds (p2c >= 1000, 128-bit salt), which files from other tools
    // need not meet; the bounds we want are checked above and by the callers.
    int pkcs5Mode = 1;
    // OpenSSL's parameters are not const-correct; the password and salt are only read.
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, const_cast<std::uint8_t*>(password.data()),
                                          password.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.data(), salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_ITER, &iterations),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0),
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_PKCS5, &pkcs5Mode),
        OSSL_PARAM_construct_end(),
    };
    ossl::clearErrors();
    const ossl::KdfPtr kdf(EVP_KDF_fetch(nullptr, "PBKDF2", nullptr));
    const ossl::KdfCtxPtr ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    crypto::SecureBytes key(info.kekSize);
    if (!ctx || EVP_KDF_derive(ctx.get(), key.data(), key.size(), params) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "PBKDF2 failed"));
    }
    return key;
}

} // namespace jwtwb::jwe
