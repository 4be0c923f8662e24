#include "KeyGenerator.h"

#include "ossl/Curves.h"
#include "ossl/Handles.h"
#include "ossl/OsslError.h"

#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <fmt/format.h>

namespace jwtwb::keys {
namespace {

constexpr int kMinRsaBits = 1024;
constexpr int kMaxRsaBits = 16384;
constexpr int kMinSecretBits = 128;
constexpr int kMaxSecretBits = 8192;

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

std::unexpected<Error> cancelledError()
{
    return fail(Errc::Cancelled, "key generation was cancelled");
}

// EVP_PKEY_gen_cb: OpenSSL calls it while it searches for primes; returning 0 stops the search.
int keepGenerating(EVP_PKEY_CTX* ctx)
{
    const auto* cancel = static_cast<const std::atomic<bool>*>(EVP_PKEY_CTX_get_app_data(ctx));
    return cancelled(cancel) ? 0 : 1;
}

Result<Key> generateRsa(int bits, const std::atomic<bool>* cancel)
{
    if (bits == 0) {
        bits = 2048;
    }
    if (bits < kMinRsaBits) {
        return fail(Errc::WeakKey, fmt::format("RSA keys of {} bits are too weak: at least {}", bits, kMinRsaBits));
    }
    if (bits > kMaxRsaBits || bits % 8 != 0) {
        return fail(Errc::InvalidKey,
                    fmt::format("RSA key size {} is not supported: a multiple of 8 from {} to {}", bits, kMinRsaBits,
                                kMaxRsaBits));
    }
    ossl::clearErrors();
    ossl::PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot set up RSA key generation"));
    }
    EVP_PKEY_CTX_set_app_data(ctx.get(), const_cast<void*>(static_cast<const void*>(cancel)));
    EVP_PKEY_CTX_set_cb(ctx.get(), keepGenerating);
    EVP_PKEY* pkey = nullptr;
    if (EVP_PKEY_generate(ctx.get(), &pkey) != 1) {
        EVP_PKEY_free(pkey);
        if (cancelled(cancel)) {
            ossl::clearErrors();
            return cancelledError();
        }
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "RSA key generation failed"));
    }
    return Key::fromPkey(pkey);
}

Result<Key> generateCurve(KeyType type, Curve curve)
{
    const auto* info = ossl::curveInfo(curve);
    if (info == nullptr || info->type != type) {
        return fail(Errc::InvalidKey,
                    fmt::format("{} is not a curve for {} keys", curve == Curve::None ? "no curve" : curveName(curve),
                                ktyName(type)));
    }
    ossl::clearErrors();
    const bool ec = type == KeyType::Ec;
    ossl::PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, ec ? "EC" : info->osslName, nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1
        || (ec && EVP_PKEY_CTX_set_group_name(ctx.get(), info->osslName) != 1)) {
        return std::unexpected(
            ossl::cryptoError(Errc::Crypto, fmt::format("cannot set up {} key generation", info->jwkName)));
    }
    EVP_PKEY* pkey = nullptr;
    if (EVP_PKEY_generate(ctx.get(), &pkey) != 1) {
        EVP_PKEY_free(pkey);
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} key generation failed", info->jwkName)));
    }
    return Key::fromPkey(pkey);
}

Result<Key> generateSecret(int bits)
{
    if (bits == 0) {
        bits = 256;
    }
    if (bits < kMinSecretBits || bits > kMaxSecretBits || bits % 8 != 0) {
        return fail(Errc::InvalidKey,
                    fmt::format("a secret of {} bits is not supported: a multiple of 8 from {} to {}", bits,
                                kMinSecretBits, kMaxSecretBits));
    }
    crypto::SecureBytes secret(static_cast<std::size_t>(bits / 8));
    ossl::clearErrors();
    if (RAND_bytes(secret.data(), static_cast<int>(secret.size())) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "the random generator failed"));
    }
    return Key::fromSecret(std::move(secret));
}

} // namespace

Result<Key> generateKey(const KeySpec& spec, const std::atomic<bool>* cancel)
{
    if (cancelled(cancel)) {
        return cancelledError();
    }
    Result<Key> key = fail(Errc::InvalidKey, "unknown key type");
    switch (spec.type) {
    case KeyType::Rsa: key = generateRsa(spec.bits, cancel); break;
    case KeyType::Ec:
    case KeyType::Okp: key = generateCurve(spec.type, spec.curve); break;
    case KeyType::Oct: key = generateSecret(spec.bits); break;
    }
    if (key && cancelled(cancel)) {
        return cancelledError();
    }
    return key;
}

} // namespace jwtwb::keys
