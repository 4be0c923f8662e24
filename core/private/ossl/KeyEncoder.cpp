#include "KeyEncoder.h"

#include "Handles.h"
#include "OsslError.h"

#include <openssl/encoder.h>

#include <fmt/format.h>

namespace jwtwb::ossl {
namespace {

using EncoderCtxPtr = std::unique_ptr<OSSL_ENCODER_CTX, Free<OSSL_ENCODER_CTX_free>>;

} // namespace

Result<crypto::SecureBytes> encodePkey(const EVP_PKEY* pkey, int selection, const char* outputType,
                                       const char* structure, std::string_view passphrase)
{
    clearErrors();
    EncoderCtxPtr ctx(OSSL_ENCODER_CTX_new_for_pkey(pkey, selection, outputType, structure, nullptr));
    if (!ctx || OSSL_ENCODER_CTX_get_num_encoders(ctx.get()) == 0) {
        return std::unexpected(
            cryptoError(Errc::Crypto, fmt::format("OpenSSL cannot write this key as {} {}", outputType, structure)));
    }
    if (!passphrase.empty()) {
        if (OSSL_ENCODER_CTX_set_cipher(ctx.get(), "AES-256-CBC", nullptr) != 1
            || OSSL_ENCODER_CTX_set_passphrase(ctx.get(), reinterpret_cast<const unsigned char*>(passphrase.data()),
                                               passphrase.size())
                != 1) {
            return std::unexpected(cryptoError(Errc::Crypto, "cannot set up the encryption of the private key"));
        }
    }
    // The secure-memory BIO wipes every buffer it grows out of and its last one when freed.
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || OSSL_ENCODER_to_bio(ctx.get(), bio.get()) != 1) {
        return std::unexpected(
            cryptoError(Errc::Crypto, fmt::format("OpenSSL could not write the key as {} {}", outputType, structure)));
    }
    char* data = nullptr;
    const long length = BIO_ctrl(bio.get(), BIO_CTRL_INFO, 0, static_cast<void*>(&data)); // BIO_get_mem_data
    if (length <= 0 || data == nullptr) {
        return std::unexpected(cryptoError(Errc::Crypto, "OpenSSL wrote an empty key"));
    }
    return crypto::SecureBytes(
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(length)));
}

} // namespace jwtwb::ossl
