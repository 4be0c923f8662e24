#include "ContentCipher.h"

#include "ossl/Handles.h"
#include "ossl/OsslError.h"

#include <openssl/crypto.h>

#include <fmt/format.h>

#include <climits>

namespace jwtwb::jwe {
namespace {

using Span = std::span<const std::uint8_t>;

const char* cipherName(const ContentAlgorithmInfo& info)
{
    const std::size_t aesKeySize = info.gcm ? info.cekSize : info.cekSize / 2;
    switch (aesKeySize) {
    case 16: return info.gcm ? "AES-128-GCM" : "AES-128-CBC";
    case 24: return info.gcm ? "AES-192-GCM" : "AES-192-CBC";
    default: return info.gcm ? "AES-256-GCM" : "AES-256-CBC";
    }
}

Error tagMismatch()
{
    ossl::clearErrors();
    return Error{Errc::DecryptionFailed,
                 "the authentication tag does not match: the data was changed, or the key is wrong"};
}

Result<void> checkSizes(const ContentAlgorithmInfo& info, Span cek, Span iv, std::size_t inputSize)
{
    if (cek.size() != info.cekSize) {
        return fail(Errc::InvalidKey,
                    fmt::format("{} needs a {}-byte content encryption key, not {} bytes", info.name, info.cekSize,
                                cek.size()));
    }
    if (iv.size() != info.ivSize) {
        return fail(
            Errc::MalformedToken,
            fmt::format("{} needs a {}-byte initialization vector, not {} bytes", info.name, info.ivSize, iv.size()));
    }
    if (inputSize > INT_MAX - 64) {
        return fail(Errc::InputTooLarge, "the content is too large to encrypt or decrypt");
    }
    return {};
}

// CBC-HMAC's tag: the first half of HMAC(MAC_KEY, A || IV || E || AL), RFC 7518 §5.2.2.1.
Result<Bytes> cbcHmacTag(const ContentAlgorithmInfo& info, Span macKey, Span aad, Span iv, Span ciphertext)
{
    Bytes input;
    input.reserve(aad.size() + iv.size() + ciphertext.size() + 8);
    input.insert(input.end(), aad.begin(), aad.end());
    input.insert(input.end(), iv.begin(), iv.end());
    input.insert(input.end(), ciphertext.begin(), ciphertext.end());
    const std::uint64_t aadBits = static_cast<std::uint64_t>(aad.size()) * 8;
    for (int shift = 56; shift >= 0; shift -= 8) {
        input.push_back(static_cast<std::uint8_t>(aadBits >> shift));
    }
    std::string digest(crypto::hashName(info.hmacHash));
    Bytes mac(crypto::hashSize(info.hmacHash));
    std::size_t macSize = 0;
    ossl::clearErrors();
    if (EVP_Q_mac(nullptr, "HMAC", nullptr, digest.c_str(), nullptr, macKey.data(), macKey.size(), input.data(),
                  input.size(), mac.data(), mac.size(), &macSize)
        == nullptr) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "HMAC failed"));
    }
    mac.resize(info.tagSize);
    return mac;
}

struct CipherRun {
    ossl::CipherPtr cipher;
    ossl::CipherCtxPtr ctx;
};

Result<CipherRun> startCipher(const ContentAlgorithmInfo& info, Span key, Span iv, bool encrypt)
{
    ossl::clearErrors();
    CipherRun run{ossl::CipherPtr(EVP_CIPHER_fetch(nullptr, cipherName(info), nullptr)),
                  ossl::CipherCtxPtr(EVP_CIPHER_CTX_new())};
    if (!run.cipher || !run.ctx
        || EVP_CipherInit_ex2(run.ctx.get(), run.cipher.get(), key.data(), iv.data(), encrypt ? 1 : 0, nullptr) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} is not available", info.name)));
    }
    return run;
}

Result<SealedContent> encryptGcm(const ContentAlgorithmInfo& info, Span cek, Span iv, Span aad, Span plaintext)
{
    auto run = startCipher(info, cek, iv, true);
    if (!run) {
        return std::unexpected(run.error());
    }
    SealedContent out{Bytes(plaintext.size()), Bytes(info.tagSize)};
    int written = 0;
    int ignored = 0;
    int finalWritten = 0;
    EVP_CIPHER_CTX* ctx = run->ctx.get();
    if (EVP_CipherUpdate(ctx, nullptr, &ignored, aad.data(), static_cast<int>(aad.size())) != 1
        || EVP_CipherUpdate(ctx, out.ciphertext.data(), &written, plaintext.data(), static_cast<int>(plaintext.size()))
            != 1
        || EVP_CipherFinal_ex(ctx, out.ciphertext.data() + written, &finalWritten) != 1
        || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, static_cast<int>(info.tagSize), out.tag.data()) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} encryption failed", info.name)));
    }
    out.ciphertext.resize(static_cast<std::size_t>(written + finalWritten));
    return out;
}

Result<crypto::SecureBytes> decryptGcm(const ContentAlgorithmInfo& info, Span cek, Span iv, Span aad, Span ciphertext,
                                       Span tag)
{
    auto run = startCipher(info, cek, iv, false);
    if (!run) {
        return std::unexpected(run.error());
    }
    crypto::SecureBytes plaintext(ciphertext.size() + 16);
    int written = 0;
    int ignored = 0;
    int finalWritten = 0;
    EVP_CIPHER_CTX* ctx = run->ctx.get();
    if (EVP_CipherUpdate(ctx, nullptr, &ignored, aad.data(), static_cast<int>(aad.size())) != 1
        || EVP_CipherUpdate(ctx, plaintext.data(), &written, ciphertext.data(), static_cast<int>(ciphertext.size()))
            != 1
        || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag.size()),
                               const_cast<std::uint8_t*>(tag.data()))
            != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} decryption failed", info.name)));
    }
    if (EVP_CipherFinal_ex(ctx, plaintext.data() + written, &finalWritten) != 1) {
        return std::unexpected(tagMismatch());
    }
    return crypto::SecureBytes(plaintext.span().first(static_cast<std::size_t>(written + finalWritten)));
}

Result<SealedContent> encryptCbcHmac(const ContentAlgorithmInfo& info, Span cek, Span iv, Span aad, Span plaintext)
{
    const std::size_t half = info.cekSize / 2;
    auto run = startCipher(info, cek.subspan(half), iv, true);
    if (!run) {
        return std::unexpected(run.error());
    }
    SealedContent out{Bytes(plaintext.size() + 16), {}};
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(run->ctx.get(), out.ciphertext.data(), &written, plaintext.data(),
                         static_cast<int>(plaintext.size()))
            != 1
        || EVP_CipherFinal_ex(run->ctx.get(), out.ciphertext.data() + written, &finalWritten) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} encryption failed", info.name)));
    }
    out.ciphertext.resize(static_cast<std::size_t>(written + finalWritten));
    auto tag = cbcHmacTag(info, cek.first(half), aad, iv, out.ciphertext);
    if (!tag) {
        return std::unexpected(tag.error());
    }
    out.tag = std::move(*tag);
    return out;
}

Result<crypto::SecureBytes> decryptCbcHmac(const ContentAlgorithmInfo& info, Span cek, Span iv, Span aad,
                                           Span ciphertext, Span tag)
{
    const std::size_t half = info.cekSize / 2;
    auto expected = cbcHmacTag(info, cek.first(half), aad, iv, ciphertext);
    if (!expected) {
        return std::unexpected(expected.error());
    }
    // Authenticate before decrypting: no padding oracle.
    if (tag.size() != expected->size() || CRYPTO_memcmp(tag.data(), expected->data(), tag.size()) != 0) {
        return std::unexpected(tagMismatch());
    }
    auto run = startCipher(info, cek.subspan(half), iv, false);
    if (!run) {
        return std::unexpected(run.error());
    }
    crypto::SecureBytes plaintext(ciphertext.size() + 16);
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(run->ctx.get(), plaintext.data(), &written, ciphertext.data(),
                         static_cast<int>(ciphertext.size()))
            != 1
        || EVP_CipherFinal_ex(run->ctx.get(), plaintext.data() + written, &finalWritten) != 1) {
        return std::unexpected(
            ossl::cryptoError(Errc::DecryptionFailed, "the ciphertext is authentic but its padding is invalid"));
    }
    return crypto::SecureBytes(plaintext.span().first(static_cast<std::size_t>(written + finalWritten)));
}

} // namespace

Result<SealedContent> encryptContent(ContentAlgorithm enc, Span cek, Span iv, Span aad, Span plaintext)
{
    const ContentAlgorithmInfo& info = contentAlgorithmInfo(enc);
    if (auto sizes = checkSizes(info, cek, iv, std::max(plaintext.size(), aad.size())); !sizes) {
        return std::unexpected(sizes.error());
    }
    return info.gcm ? encryptGcm(info, cek, iv, aad, plaintext) : encryptCbcHmac(info, cek, iv, aad, plaintext);
}

Result<crypto::SecureBytes> decryptContent(ContentAlgorithm enc, Span cek, Span iv, Span aad, Span ciphertext, Span tag)
{
    const ContentAlgorithmInfo& info = contentAlgorithmInfo(enc);
    if (auto sizes = checkSizes(info, cek, iv, std::max(ciphertext.size(), aad.size())); !sizes) {
        return std::unexpected(sizes.error());
    }
    if (tag.size() != info.tagSize) {
        return fail(Errc::MalformedToken,
                    fmt::format("a {} authentication tag is {} bytes, not {}", info.name, info.tagSize, tag.size()));
    }
    return info.gcm ? decryptGcm(info, cek, iv, aad, ciphertext, tag)
                    : decryptCbcHmac(info, cek, iv, aad, ciphertext, tag);
}

} // namespace jwtwb::jwe
