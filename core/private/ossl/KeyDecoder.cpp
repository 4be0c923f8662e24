#include "KeyDecoder.h"

#include "OsslError.h"

#include <openssl/decoder.h>

#include <fmt/format.h>

#include <cstring>
#include <optional>

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

std::uint64_t asUint64(const ASN1_INTEGER* value)
{
    std::uint64_t out = 0;
    if (value == nullptr || ASN1_INTEGER_get_uint64(&out, value) != 1) {
        return UINT64_MAX; // negative or over 64 bits: OpenSSL would not take it either
    }
    return out;
}

std::optional<std::string> iterationsRefused(const ASN1_INTEGER* iterations)
{
    const std::uint64_t count = asUint64(iterations);
    if (count <= kMaxKdfIterations) {
        return std::nullopt;
    }
    return fmt::format("the encrypted private key asks for {} key-derivation iterations, more than the {} allowed; "
                       "it was refused before any work was done (re-encrypt it, e.g. with 'openssl pkcs8 -topk8')",
                       count == UINT64_MAX ? std::string("an out-of-range number of") : std::to_string(count),
                       kMaxKdfIterations);
}

// Why an EncryptedPrivateKeyInfo's key derivation is too costly to run, or nullopt (also for
// input that is no EncryptedPrivateKeyInfo: OpenSSL then says what it is).
std::optional<std::string> kdfRefused(std::span<const std::uint8_t> der)
{
    const unsigned char* data = der.data();
    const std::unique_ptr<X509_SIG, Free<X509_SIG_free>> sig(
        d2i_X509_SIG(nullptr, &data, static_cast<long>(der.size())));
    if (!sig) {
        return std::nullopt;
    }
    const X509_ALGOR* algorithm = nullptr;
    X509_SIG_get0(sig.get(), &algorithm, nullptr);
    const ASN1_TYPE* parameters = algorithm->parameter;
    if (OBJ_obj2nid(algorithm->algorithm) != NID_pbes2) {
        // PBES1 and the PKCS#12 PBEs: salt and iteration count.
        const std::unique_ptr<PBEPARAM, Free<PBEPARAM_free>> pbe(
            static_cast<PBEPARAM*>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBEPARAM), parameters)));
        return pbe ? iterationsRefused(pbe->iter) : std::nullopt;
    }
    const std::unique_ptr<PBE2PARAM, Free<PBE2PARAM_free>> pbes2(
        static_cast<PBE2PARAM*>(ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBE2PARAM), parameters)));
    if (!pbes2 || pbes2->keyfunc == nullptr) {
        return std::nullopt;
    }
    const int kdf = OBJ_obj2nid(pbes2->keyfunc->algorithm);
    if (kdf == NID_id_pbkdf2) {
        const std::unique_ptr<PBKDF2PARAM, Free<PBKDF2PARAM_free>> pbkdf2(static_cast<PBKDF2PARAM*>(
            ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(PBKDF2PARAM), pbes2->keyfunc->parameter)));
        return pbkdf2 ? iterationsRefused(pbkdf2->iter) : std::nullopt;
    }
    if (kdf == NID_id_scrypt) {
        const std::unique_ptr<SCRYPT_PARAMS, Free<SCRYPT_PARAMS_free>> scrypt(static_cast<SCRYPT_PARAMS*>(
            ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(SCRYPT_PARAMS), pbes2->keyfunc->parameter)));
        if (!scrypt) {
            return std::nullopt;
        }
        const std::uint64_t n = asUint64(scrypt->costParameter);
        const std::uint64_t r = asUint64(scrypt->blockSize);
        const std::uint64_t p = asUint64(scrypt->parallelizationParameter);
        const bool tooCostly = n > kMaxScryptWork || r > kMaxScryptWork || p > kMaxScryptWork || n * r > kMaxScryptWork
            || n * r * p > kMaxScryptWork; // no product overflows: each factor < 2^24
        if (!tooCostly) {
            return std::nullopt;
        }
        return fmt::format("the encrypted private key asks for scrypt with N = {}, r = {}, p = {}, more work than "
                           "the N * r * p = {} allowed; it was refused before any work was done (re-encrypt it, e.g. "
                           "with 'openssl pkcs8 -topk8')",
                           n, r, p, kMaxScryptWork);
    }
    return std::nullopt;
}

} // namespace

DecodedPkey decodePkey(std::span<const std::uint8_t> input, const char* inputType, const char* keyType,
                       const char* structure, std::string_view passphrase)
{
    DecodedPkey result;
    if (!passphrase.empty() && std::strcmp(inputType, "DER") == 0) {
        if (auto refused = kdfRefused(input)) {
            result.refused = std::move(*refused);
            return result;
        }
    }
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
