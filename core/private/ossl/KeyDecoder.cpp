#include "KeyDecoder.h"

#include "OsslError.h"

#include <openssl/decoder.h>

#include <cstring>

namespace jwtwb::ossl {
namespace {

using DecoderCtxPtr = std::unique_ptr<OSSL_DECODER_CTX, Free<OSSL_DECODER_CTX_free>>;

struct PassphraseSource {
    std::string_view passphrase;
    bool asked = false;
};

// OSSL_PASSPHRASE_CALLBACK: hands over the caller's passphrase and records that one was needed.
// Returning 0 without a passphrase makes the decoder fail instead of prompting anyone.
int providePassphrase(char* pass, std::size_t passSize, std::size_t* passLength, const OSSL_PARAM* /*params*/,
                      void* arg)
{
    auto* source = static_cast<PassphraseSource*>(arg);
    source->asked = true;
    if (source->passphrase.empty() || source->passphrase.size() > passSize) {
        return 0;
    }
    std::memcpy(pass, source->passphrase.data(), source->passphrase.size());
    *passLength = source->passphrase.size();
    return 1;
}

} // namespace

DecodedPkey decodePkey(std::span<const std::uint8_t> input, const char* inputType, const char* keyType,
                       const char* structure, std::string_view passphrase)
{
    DecodedPkey result;
    clearErrors();
    EVP_PKEY* pkey = nullptr;
    DecoderCtxPtr ctx(OSSL_DECODER_CTX_new_for_pkey(&pkey, inputType, structure, keyType, 0, nullptr, nullptr));
    if (!ctx) {
        result.errors = drainErrors();
        return result;
    }
    PassphraseSource source{passphrase};
    OSSL_DECODER_CTX_set_passphrase_cb(ctx.get(), providePassphrase, &source);
    const unsigned char* data = input.data();
    std::size_t length = input.size();
    const int ok = OSSL_DECODER_from_data(ctx.get(), &data, &length);
    result.passphraseAsked = source.asked;
    if (ok != 1 || pkey == nullptr) {
        EVP_PKEY_free(pkey);
        result.errors = drainErrors();
        return result;
    }
    result.pkey.reset(pkey);
    result.unread = length;
    clearErrors(); // decoders that were tried and did not match leave entries behind
    return result;
}

} // namespace jwtwb::ossl
