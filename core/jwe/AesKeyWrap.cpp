#include "AesKeyWrap.h"

#include "ossl/Handles.h"
#include "ossl/OsslError.h"

#include <fmt/format.h>

namespace jwtwb::jwe {
namespace {

const char* wrapCipherName(std::size_t kekSize)
{
    switch (kekSize) {
    case 16: return "AES-128-WRAP";
    case 24: return "AES-192-WRAP";
    case 32: return "AES-256-WRAP";
    default: return nullptr;
    }
}

// One RFC 3394 operation; `out` has room for the result (input ± 8 bytes).
Result<std::size_t> run(bool encrypt, std::span<const std::uint8_t> kek, std::span<const std::uint8_t> in,
                        std::uint8_t* out)
{
    const char* name = wrapCipherName(kek.size());
    if (name == nullptr) {
        return fail(Errc::InvalidKey, fmt::format("an AES key wrap key is 16, 24 or 32 bytes, not {}", kek.size()));
    }
    ossl::clearErrors();
    const ossl::CipherPtr cipher(EVP_CIPHER_fetch(nullptr, name, nullptr));
    const ossl::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "AES key wrap is not available"));
    }
    EVP_CIPHER_CTX_set_flags(ctx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherInit_ex2(ctx.get(), cipher.get(), kek.data(), nullptr, encrypt ? 1 : 0, nullptr) != 1
        || EVP_CipherUpdate(ctx.get(), out, &written, in.data(), static_cast<int>(in.size())) != 1
        || EVP_CipherFinal_ex(ctx.get(), out + written, &finalWritten) != 1) {
        if (encrypt) {
            return std::unexpected(ossl::cryptoError(Errc::Crypto, "AES key wrap failed"));
        }
        return std::unexpected(ossl::cryptoError(
            Errc::DecryptionFailed, "the encrypted key does not unwrap: a wrong key, or the data was changed"));
    }
    return static_cast<std::size_t>(written + finalWritten);
}

} // namespace

Result<Bytes> aesKeyWrap(std::span<const std::uint8_t> kek, std::span<const std::uint8_t> key)
{
    if (key.size() < 16 || key.size() % 8 != 0) {
        return fail(Errc::InvalidKey,
                    fmt::format("AES key wrap takes a multiple of 8 bytes, at least 16, not {}", key.size()));
    }
    Bytes out(key.size() + 8);
    auto size = run(true, kek, key, out.data());
    if (!size) {
        return std::unexpected(size.error());
    }
    out.resize(*size);
    return out;
}

Result<crypto::SecureBytes> aesKeyUnwrap(std::span<const std::uint8_t> kek, std::span<const std::uint8_t> wrapped)
{
    if (wrapped.size() < 24 || wrapped.size() % 8 != 0) {
        return fail(Errc::MalformedToken,
                    fmt::format("an AES-wrapped key is a multiple of 8 bytes, at least 24, not {}", wrapped.size()));
    }
    crypto::SecureBytes out(wrapped.size());
    auto size = run(false, kek, wrapped, out.data());
    if (!size) {
        return std::unexpected(size.error());
    }
    if (*size != wrapped.size() - 8) {
        return fail(Errc::Crypto, "AES key unwrap returned an unexpected length");
    }
    return crypto::SecureBytes(out.span().first(*size));
}

} // namespace jwtwb::jwe
