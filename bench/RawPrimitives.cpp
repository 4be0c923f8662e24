#include "RawPrimitives.h"

#include "crypto/Digest.h"
#include "ossl/EcdsaSignature.h"
#include "ossl/Handles.h"
#include "ossl/OsslDigest.h"
#include "ossl/OsslError.h"

#include <openssl/crypto.h>
#include <openssl/rsa.h>

#include <ctime>

namespace jwtwb::bench {
namespace {

using jose::AlgorithmFamily;

class RawHmac final : public RawOperation
{
public:
    RawHmac(ossl::MacCtxPtr ctx, std::string_view input, Bytes expected)
        : m_ctx(std::move(ctx))
        , m_input(input)
        , m_expected(std::move(expected))
    { }

    bool run() override
    {
        unsigned char out[EVP_MAX_MD_SIZE];
        std::size_t size = 0;
        // A null key re-initialises with the key already set: the HMAC pads are reused.
        const bool ok = EVP_MAC_init(m_ctx.get(), nullptr, 0, nullptr) == 1
            && EVP_MAC_update(m_ctx.get(), reinterpret_cast<const unsigned char*>(m_input.data()), m_input.size()) == 1
            && EVP_MAC_final(m_ctx.get(), out, &size, sizeof out) == 1;
        return ok && (m_expected.empty() || CRYPTO_memcmp(out, m_expected.data(), m_expected.size()) == 0);
    }

private:
    ossl::MacCtxPtr m_ctx;
    std::string_view m_input;
    Bytes m_expected;
};

// RSA / ECDSA: digest the input, then EVP_PKEY_verify or EVP_PKEY_sign on a ready context.
class RawPkey final : public RawOperation
{
public:
    RawPkey(ossl::PKeyCtxPtr ctx, crypto::HashAlg hash, std::string_view input, Bytes signature, bool sign)
        : m_ctx(std::move(ctx))
        , m_hash(hash)
        , m_input(input)
        , m_signature(std::move(signature))
        , m_sign(sign)
    { }

    bool run() override
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int digestSize = 0;
        if (EVP_Digest(m_input.data(), m_input.size(), digest, &digestSize, ossl::evpMd(m_hash), nullptr) != 1) {
            return false;
        }
        if (m_sign) {
            std::size_t size = m_signature.size();
            return EVP_PKEY_sign(m_ctx.get(), m_signature.data(), &size, digest, digestSize) == 1;
        }
        return EVP_PKEY_verify(m_ctx.get(), m_signature.data(), m_signature.size(), digest, digestSize) == 1;
    }

private:
    ossl::PKeyCtxPtr m_ctx;
    crypto::HashAlg m_hash;
    std::string_view m_input;
    Bytes m_signature; // verify: the DER/PKCS#1 signature; sign: the output buffer
    bool m_sign;
};

class RawEdDsa final : public RawOperation
{
public:
    RawEdDsa(EVP_PKEY* pkey, std::string_view input, Bytes signature, bool sign)
        : m_ctx(EVP_MD_CTX_new())
        , m_pkey(pkey)
        , m_input(input)
        , m_signature(std::move(signature))
        , m_sign(sign)
    { }

    bool run() override
    {
        const auto* data = reinterpret_cast<const unsigned char*>(m_input.data());
        if (m_sign) {
            std::size_t size = m_signature.size();
            return EVP_DigestSignInit(m_ctx.get(), nullptr, nullptr, nullptr, m_pkey) == 1
                && EVP_DigestSign(m_ctx.get(), m_signature.data(), &size, data, m_input.size()) == 1;
        }
        return EVP_DigestVerifyInit(m_ctx.get(), nullptr, nullptr, nullptr, m_pkey) == 1
            && EVP_DigestVerify(m_ctx.get(), m_signature.data(), m_signature.size(), data, m_input.size()) == 1;
    }

private:
    ossl::MdCtxPtr m_ctx;
    EVP_PKEY* m_pkey;
    std::string_view m_input;
    Bytes m_signature;
    bool m_sign;
};

Result<std::unique_ptr<RawOperation>> make(jose::JwsAlgorithm alg, const keys::Key& key, std::string_view input,
                                           std::span<const std::uint8_t> signature, bool sign)
{
    const jose::AlgorithmInfo& info = jose::algorithmInfo(alg);
    ossl::clearErrors();
    if (info.family == AlgorithmFamily::Hmac) {
        ossl::MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
        ossl::MacCtxPtr ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
        const char* digestName = EVP_MD_get0_name(ossl::evpMd(info.hash));
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digestName), 0),
            OSSL_PARAM_construct_end(),
        };
        if (!ctx || EVP_MAC_init(ctx.get(), key.secret().data(), key.secret().size(), params) != 1) {
            return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot prepare HMAC"));
        }
        return std::make_unique<RawHmac>(std::move(ctx), input,
                                         sign ? Bytes() : Bytes(signature.begin(), signature.end()));
    }
    if (info.family == AlgorithmFamily::EdDsa) {
        Bytes buffer
            = sign ? Bytes(key.curve() == keys::Curve::Ed448 ? 114 : 64) : Bytes(signature.begin(), signature.end());
        return std::make_unique<RawEdDsa>(key.pkey(), input, std::move(buffer), sign);
    }
    ossl::PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr));
    if (!ctx || (sign ? EVP_PKEY_sign_init(ctx.get()) : EVP_PKEY_verify_init(ctx.get())) != 1
        || EVP_PKEY_CTX_set_signature_md(ctx.get(), ossl::evpMd(info.hash)) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot prepare the signature context"));
    }
    if (info.family == AlgorithmFamily::RsaPss
        && (EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PSS_PADDING) != 1
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx.get(), RSA_PSS_SALTLEN_DIGEST) != 1)) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot set RSA-PSS padding"));
    }
    Bytes buffer;
    if (sign) {
        buffer.resize(static_cast<std::size_t>(EVP_PKEY_get_size(key.pkey())));
    } else if (info.family == AlgorithmFamily::Ecdsa) {
        auto der = ossl::ecdsaRawToDer(signature);
        if (!der) {
            return std::unexpected(der.error());
        }
        buffer = std::move(*der);
    } else {
        buffer.assign(signature.begin(), signature.end());
    }
    return std::make_unique<RawPkey>(std::move(ctx), info.hash, input, std::move(buffer), sign);
}

} // namespace

Result<std::unique_ptr<RawOperation>> rawVerify(jose::JwsAlgorithm alg, const keys::Key& key,
                                                std::string_view signingInput, std::span<const std::uint8_t> signature)
{
    return make(alg, key, signingInput, signature, false);
}

Result<std::unique_ptr<RawOperation>> rawSign(jose::JwsAlgorithm alg, const keys::Key& key,
                                              std::string_view signingInput)
{
    return make(alg, key, signingInput, {}, true);
}

double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

Result<double> sha256BytesPerCpuSecond(double seconds)
{
    const Bytes buffer(1 << 20, 0x5a);
    unsigned char digest[EVP_MAX_MD_SIZE];
    std::uint64_t bytes = 0;
    const double start = processCpuSeconds();
    double elapsed = 0;
    while (elapsed < seconds) {
        if (EVP_Digest(buffer.data(), buffer.size(), digest, nullptr, EVP_sha256(), nullptr) != 1) {
            return std::unexpected(ossl::cryptoError(Errc::Crypto, "SHA-256 failed"));
        }
        bytes += buffer.size();
        elapsed = processCpuSeconds() - start;
    }
    return static_cast<double>(bytes) / elapsed;
}

} // namespace jwtwb::bench
