#include "SignatureEngine.h"

#include "jose/KeyAlgorithmCheck.h"
#include "ossl/EcdsaSignature.h"
#include "ossl/Handles.h"
#include "ossl/OsslDigest.h"
#include "ossl/OsslError.h"

#include <openssl/crypto.h>
#include <openssl/rsa.h>

#include <fmt/format.h>

namespace jwtwb::jose {
namespace {

EVP_MAC* hmacAlgorithm()
{
    static const ossl::MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    return mac.get();
}

Result<Bytes> hmac(crypto::HashAlg hash, const crypto::SecureBytes& secret, std::span<const std::uint8_t> input)
{
    ossl::clearErrors();
    ossl::MacCtxPtr ctx(EVP_MAC_CTX_new(hmacAlgorithm()));
    const char* digestName = EVP_MD_get0_name(ossl::evpMd(hash));
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digestName), 0),
        OSSL_PARAM_construct_end(),
    };
    // OpenSSL refuses an empty HMAC key pointer; one zero byte is the same key (RFC 2104 pads keys with zeros).
    static const std::uint8_t kZero = 0;
    const std::uint8_t* keyData = secret.empty() ? &kZero : secret.data();
    const std::size_t keySize = secret.empty() ? 1 : secret.size();
    Bytes out(EVP_MAX_MD_SIZE);
    std::size_t size = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), keyData, keySize, params) != 1
        || EVP_MAC_update(ctx.get(), input.data(), input.size()) != 1
        || EVP_MAC_final(ctx.get(), out.data(), &size, out.size()) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "HMAC computation failed"));
    }
    out.resize(size);
    return out;
}

// Sets RSA-PSS padding with salt length = hash length (RFC 7518 §3.5) on a sign or verify context.
bool configurePss(EVP_PKEY_CTX* ctx, crypto::HashAlg hash)
{
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1
        && EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) == 1
        && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, ossl::evpMd(hash)) == 1;
}

const EVP_MD* digestFor(const AlgorithmInfo& info)
{
    return info.family == AlgorithmFamily::EdDsa ? nullptr : ossl::evpMd(info.hash);
}

std::size_t ecdsaComponentSize(const AlgorithmInfo& info)
{
    return info.signatureSize / 2;
}

SignatureCheck invalid(JwsAlgorithm alg, SignatureProblem problem, std::string reason)
{
    SignatureCheck check;
    check.alg = alg;
    check.verdict = Verdict::Invalid;
    check.problem = problem;
    check.reason = std::move(reason);
    return check;
}

SignatureProblem problemFor(Errc code)
{
    switch (code) {
    case Errc::WeakKey: return SignatureProblem::WeakKey;
    case Errc::AlgorithmNotAllowed: return SignatureProblem::AlgorithmNotAllowed;
    default: return SignatureProblem::KeyMismatch;
    }
}

} // namespace

Result<Bytes> createSignature(JwsAlgorithm alg, const keys::Key& key, std::span<const std::uint8_t> signingInput)
{
    const AlgorithmInfo& info = algorithmInfo(alg);
    if (auto usable = checkKeyForAlgorithm(key, alg, KeyPurpose::Sign); !usable) {
        return std::unexpected(usable.error());
    }
    if (info.family == AlgorithmFamily::Hmac) {
        return hmac(info.hash, key.secret(), signingInput);
    }

    ossl::clearErrors();
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, digestFor(info), nullptr, key.pkey()) != 1
        || (info.family == AlgorithmFamily::RsaPss && !configurePss(pctx, info.hash))) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("cannot start {} signing", info.name)));
    }
    std::size_t size = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &size, signingInput.data(), signingInput.size()) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} signing failed", info.name)));
    }
    Bytes signature(size);
    if (EVP_DigestSign(ctx.get(), signature.data(), &size, signingInput.data(), signingInput.size()) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} signing failed", info.name)));
    }
    signature.resize(size);
    if (info.family == AlgorithmFamily::Ecdsa) {
        return ossl::ecdsaDerToRaw(signature, ecdsaComponentSize(info));
    }
    return signature;
}

SignatureCheck verifySignature(JwsAlgorithm alg, const keys::Key& key, std::span<const std::uint8_t> signingInput,
                               std::span<const std::uint8_t> signature)
{
    const AlgorithmInfo& info = algorithmInfo(alg);
    if (info.family == AlgorithmFamily::Unsecured) {
        return invalid(alg, SignatureProblem::Unsecured,
                       "the token is unsecured (alg \"none\"): it has no signature, so anyone could have made it");
    }
    auto usable = checkKeyForAlgorithm(key, alg, KeyPurpose::Verify);
    if (!usable) {
        return invalid(alg, problemFor(usable.error().code), usable.error().message);
    }
    SignatureCheck check;
    check.alg = alg;
    check.warnings = std::move(*usable);
    check.keyId = key.parameters().kid;

    if (info.family == AlgorithmFamily::Hmac) {
        if (signature.size() != info.signatureSize) {
            return invalid(alg, SignatureProblem::MalformedSignature,
                           fmt::format("the signature is {} bytes; an {} signature is {} bytes", signature.size(),
                                       info.name, info.signatureSize));
        }
        auto mac = hmac(info.hash, key.secret(), signingInput);
        if (!mac) {
            return invalid(alg, SignatureProblem::SignatureMismatch, mac.error().message);
        }
        if (CRYPTO_memcmp(mac->data(), signature.data(), signature.size()) != 0) {
            auto result = invalid(alg, SignatureProblem::SignatureMismatch,
                                  "the signature does not match: the token was signed with another secret, or its "
                                  "header or payload was changed");
            result.warnings = std::move(check.warnings);
            return result;
        }
        check.verdict = Verdict::Valid;
        check.reason = fmt::format("valid {} signature", info.name);
        return check;
    }

    Bytes der;
    std::span<const std::uint8_t> toVerify = signature;
    if (info.family == AlgorithmFamily::Ecdsa) {
        if (signature.size() != info.signatureSize) {
            if (ossl::looksLikeDerEcdsa(signature)) {
                return invalid(alg, SignatureProblem::DerEcdsaSignature,
                               fmt::format("the signature is DER-encoded, as OpenSSL and Java produce it; JWS requires "
                                           "the raw {}-byte R‖S form (RFC 7518 §3.4)",
                                           info.signatureSize));
            }
            return invalid(alg, SignatureProblem::MalformedSignature,
                           fmt::format("the signature is {} bytes; an {} signature is exactly {} bytes (R‖S)",
                                       signature.size(), info.name, info.signatureSize));
        }
        auto converted = ossl::ecdsaRawToDer(signature);
        if (!converted) {
            return invalid(alg, SignatureProblem::MalformedSignature, converted.error().message);
        }
        der = std::move(*converted);
        toVerify = der;
    } else if (info.family == AlgorithmFamily::EdDsa) {
        const std::size_t expected = key.curve() == keys::Curve::Ed448 ? 114 : 64;
        if (signature.size() != expected) {
            return invalid(alg, SignatureProblem::MalformedSignature,
                           fmt::format("the signature is {} bytes; an {} signature is {} bytes", signature.size(),
                                       keys::curveName(key.curve()), expected));
        }
    } else {
        const auto modulusBytes = static_cast<std::size_t>((key.bits() + 7) / 8);
        if (signature.size() != modulusBytes) {
            return invalid(alg, SignatureProblem::MalformedSignature,
                           fmt::format("the signature is {} bytes; with this {}-bit RSA key it must be {} bytes",
                                       signature.size(), key.bits(), modulusBytes));
        }
    }

    ossl::clearErrors();
    ossl::MdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, digestFor(info), nullptr, key.pkey()) != 1
        || (info.family == AlgorithmFamily::RsaPss && !configurePss(pctx, info.hash))) {
        const Error error = ossl::cryptoError(Errc::Crypto, fmt::format("cannot start {} verification", info.name));
        return invalid(alg, SignatureProblem::KeyMismatch, error.message + ": " + error.detail);
    }
    const int ok
        = EVP_DigestVerify(ctx.get(), toVerify.data(), toVerify.size(), signingInput.data(), signingInput.size());
    ossl::clearErrors();
    if (ok != 1) {
        auto result = invalid(alg, SignatureProblem::SignatureMismatch,
                              "the signature does not match: the token was signed with another key, or its header or "
                              "payload was changed");
        result.warnings = std::move(check.warnings);
        return result;
    }
    check.verdict = Verdict::Valid;
    check.reason = fmt::format("valid {} signature", info.name);
    return check;
}

std::string_view problemName(SignatureProblem problem)
{
    switch (problem) {
    case SignatureProblem::None: return "OK";
    case SignatureProblem::SignatureMismatch: return "ERR_JWS_SIGNATURE_MISMATCH";
    case SignatureProblem::KeyMismatch: return "ERR_JWS_KEY_MISMATCH";
    case SignatureProblem::WeakKey: return "ERR_JWS_WEAK_KEY";
    case SignatureProblem::AlgorithmNotAllowed: return "ERR_JWS_ALG_NOT_ALLOWED";
    case SignatureProblem::UnsupportedAlgorithm: return "ERR_JWS_UNSUPPORTED_ALG";
    case SignatureProblem::MalformedSignature: return "ERR_JWS_MALFORMED_SIGNATURE";
    case SignatureProblem::DerEcdsaSignature: return "ERR_JWS_DER_ECDSA_SIGNATURE";
    case SignatureProblem::Unsecured: return "ERR_JWS_UNSECURED";
    case SignatureProblem::NoKey: return "ERR_JWS_NO_KEY";
    case SignatureProblem::NoMatchingKey: return "ERR_JWKS_NO_MATCHING_KEY";
    case SignatureProblem::MalformedHeader: return "ERR_JWS_MALFORMED_HEADER";
    case SignatureProblem::UnknownCriticalHeader: return "ERR_JWS_UNKNOWN_CRIT";
    case SignatureProblem::MissingPayload: return "ERR_JWS_MISSING_PAYLOAD";
    }
    return "ERR_UNKNOWN";
}

} // namespace jwtwb::jose
