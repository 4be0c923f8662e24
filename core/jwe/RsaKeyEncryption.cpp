#include "RsaKeyEncryption.h"

#include "crypto/Random.h"
#include "ossl/Handles.h"
#include "ossl/OsslError.h"

#include <openssl/rsa.h>

#include <fmt/format.h>

namespace jwtwb::jwe {
namespace {

Result<void> checkKey(const KeyAlgorithmInfo& info, const keys::Key& key, bool needPrivate, bool acceptWeakKey)
{
    if (key.type() != keys::KeyType::Rsa) {
        return fail(Errc::KeyMismatch, fmt::format("{} needs an RSA key, not an {}", info.name, key.describe()));
    }
    if (needPrivate && !key.hasPrivate()) {
        return fail(Errc::KeyMismatch,
                    fmt::format("{} decrypts with the RSA private key; this is the public key only", info.name));
    }
    if (key.bits() < kMinRsaEncryptionBits && !acceptWeakKey) {
        return fail(Errc::WeakKey,
                    fmt::format("{} needs an RSA key of at least {} bits (RFC 7518 §4.2), not {} bits", info.name,
                                kMinRsaEncryptionBits, key.bits()));
    }
    return {};
}

// A context ready for EVP_PKEY_encrypt or _decrypt with the algorithm's padding.
Result<ossl::PKeyCtxPtr> startRsa(const KeyAlgorithmInfo& info, const keys::Key& key, bool encrypt)
{
    ossl::clearErrors();
    ossl::PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr));
    bool ok = ctx && (encrypt ? EVP_PKEY_encrypt_init(ctx.get()) : EVP_PKEY_decrypt_init(ctx.get())) == 1;
    if (ok && info.hash) {
        const std::string digest(crypto::hashName(*info.hash));
        ok = EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_oaep_md_name(ctx.get(), digest.c_str(), nullptr) == 1
            && EVP_PKEY_CTX_set_rsa_mgf1_md_name(ctx.get(), digest.c_str(), nullptr) == 1;
    } else if (ok) {
        ok = EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) == 1;
    }
    if (!ok) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} is not available", info.name)));
    }
    return ctx;
}

} // namespace

Result<Bytes> rsaEncryptKey(KeyAlgorithm alg, const keys::Key& key, std::span<const std::uint8_t> cek)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(alg);
    if (info.mode != KeyManagement::RsaEncryption) {
        return fail(Errc::UnsupportedAlgorithm, fmt::format("{} is not an RSA key encryption", info.name));
    }
    if (info.decryptOnly) {
        return fail(Errc::UnsupportedAlgorithm,
                    "RSA1_5 is only decrypted here, never used to encrypt: its padding invites oracle attacks "
                    "(RFC 8725 §3.2); use RSA-OAEP-256");
    }
    if (auto checked = checkKey(info, key, false, false); !checked) {
        return std::unexpected(checked.error());
    }
    auto ctx = startRsa(info, key, true);
    if (!ctx) {
        return std::unexpected(ctx.error());
    }
    std::size_t size = 0;
    if (EVP_PKEY_encrypt(ctx->get(), nullptr, &size, cek.data(), cek.size()) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} encryption failed", info.name)));
    }
    Bytes out(size);
    if (EVP_PKEY_encrypt(ctx->get(), out.data(), &size, cek.data(), cek.size()) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} encryption failed", info.name)));
    }
    out.resize(size);
    return out;
}

Result<crypto::SecureBytes> rsaDecryptKey(KeyAlgorithm alg, const keys::Key& key,
                                          std::span<const std::uint8_t> encryptedKey, std::size_t cekSize,
                                          bool acceptWeakKey)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(alg);
    if (info.mode != KeyManagement::RsaEncryption) {
        return fail(Errc::UnsupportedAlgorithm, fmt::format("{} is not an RSA key encryption", info.name));
    }
    if (auto checked = checkKey(info, key, true, acceptWeakKey); !checked) {
        return std::unexpected(checked.error());
    }
    // Drawn before decrypting, whatever happens next, so that both outcomes take the same path.
    auto substitute = crypto::randomSecret(cekSize);
    if (!substitute) {
        return std::unexpected(substitute.error());
    }
    auto ctx = startRsa(info, key, false);
    if (!ctx) {
        return std::unexpected(ctx.error());
    }
    const std::size_t modulusBytes = static_cast<std::size_t>(EVP_PKEY_get_size(key.pkey()));
    crypto::SecureBytes out(modulusBytes);
    std::size_t size = out.size();
    const bool decrypted
        = EVP_PKEY_decrypt(ctx->get(), out.data(), &size, encryptedKey.data(), encryptedKey.size()) == 1;
    ossl::clearErrors();
    if (info.decryptOnly) {
        return decrypted && size == cekSize ? crypto::SecureBytes(out.span().first(size)) : std::move(*substitute);
    }
    if (!decrypted) {
        return fail(Errc::DecryptionFailed,
                    fmt::format("the encrypted key does not decrypt with this RSA key ({}): a wrong key, or the "
                                "encrypted key was changed",
                                info.name));
    }
    return crypto::SecureBytes(out.span().first(size));
}

} // namespace jwtwb::jwe
