#include "JweEncrypter.h"

#include "crypto/Random.h"
#include "encoding/Base64Url.h"
#include "jose/JoseHeader.h"
#include "jwe/AesKeyWrap.h"
#include "jwe/ContentCipher.h"
#include "jwe/Deflate.h"
#include "jwe/EcdhEs.h"
#include "jwe/KeyManagement.h"
#include "jwe/RsaKeyEncryption.h"

#include <fmt/format.h>

namespace jwtwb::jwe {
namespace {

using encoding::Json;

inline constexpr std::size_t kP2sSize = 16;

// For PBES2: p2s and p2c from the headers, adding fresh ones to the protected header when missing.
Result<void> preparePbes2(EncryptOptions& options, Bytes& p2s, std::uint64_t& p2c)
{
    const Json* salt = jose::findHeaderParameter(options.protectedHeader, options.sharedHeader, "p2s");
    if (salt == nullptr) {
        auto random = crypto::randomBytes(kP2sSize);
        if (!random) {
            return std::unexpected(random.error());
        }
        options.protectedHeader["p2s"] = encoding::base64UrlEncode(*random);
        p2s = std::move(*random);
    } else {
        Result<Bytes> decoded = fail(Errc::MalformedToken, "\"p2s\" is not a string");
        if (salt->is_string()) {
            decoded = encoding::base64UrlDecode(salt->get_ref<const std::string&>());
        }
        if (!decoded || decoded->size() < kMinP2sSize) {
            return fail(Errc::MalformedToken, "\"p2s\" must be base64url of at least 8 bytes");
        }
        p2s = std::move(*decoded);
    }
    const Json* count = jose::findHeaderParameter(options.protectedHeader, options.sharedHeader, "p2c");
    if (count == nullptr) {
        options.protectedHeader["p2c"] = options.p2c;
        p2c = options.p2c;
    } else if (count->is_number_unsigned()) {
        p2c = count->get<std::uint64_t>();
    } else {
        return fail(Errc::MalformedToken, "\"p2c\" must be a positive integer");
    }
    return {};
}

struct ContentKey {
    crypto::SecureBytes cek;
    Bytes encryptedKey; // empty for dir and ECDH-ES
};

Result<crypto::SecureBytes> randomOrGiven(std::optional<crypto::SecureBytes>& given, std::size_t size)
{
    if (given) {
        return std::move(*given);
    }
    return crypto::randomSecret(size);
}

// The CEK and how it reaches the recipient; adds the algorithm's members to the protected header.
Result<ContentKey> contentKeyFor(const JweAlgorithms& algorithms, const keys::Key& key, EncryptOptions& options)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(algorithms.alg);
    const ContentAlgorithmInfo& contentInfo = contentAlgorithmInfo(algorithms.enc);
    ContentKey out;
    switch (info.mode) {
    case KeyManagement::Direct:
        if (key.type() != keys::KeyType::Oct || key.secret().size() != contentInfo.cekSize) {
            return fail(
                Errc::KeyMismatch,
                fmt::format("dir with {} needs a {}-bit symmetric key", contentInfo.name, contentInfo.cekSize * 8));
        }
        out.cek = key.secret().clone();
        return out;
    case KeyManagement::KeyAgreement:
    case KeyManagement::KeyAgreementWithKeyWrap: {
        const Json header = joinHeaders(options.protectedHeader, options.sharedHeader, Json::object());
        auto agreed = agreeAsSender(info.alg, algorithms.enc, key, header, options.ephemeralKey);
        if (!agreed) {
            return std::unexpected(agreed.error());
        }
        options.protectedHeader["epk"] = std::move(agreed->epk);
        if (info.mode == KeyManagement::KeyAgreement) {
            out.cek = std::move(agreed->key);
            return out;
        }
        auto cek = randomOrGiven(options.cek, contentInfo.cekSize);
        if (!cek) {
            return std::unexpected(cek.error());
        }
        auto wrapped = aesKeyWrap(agreed->key.span(), cek->span());
        if (!wrapped) {
            return std::unexpected(wrapped.error());
        }
        return ContentKey{std::move(*cek), std::move(*wrapped)};
    }
    case KeyManagement::RsaEncryption: {
        auto cek = randomOrGiven(options.cek, contentInfo.cekSize);
        if (!cek) {
            return std::unexpected(cek.error());
        }
        auto encrypted = rsaEncryptKey(info.alg, key, cek->span());
        if (!encrypted) {
            return std::unexpected(encrypted.error());
        }
        return ContentKey{std::move(*cek), std::move(*encrypted)};
    }
    case KeyManagement::AesKeyWrap:
    case KeyManagement::AesGcmKeyWrap:
    case KeyManagement::Pbes2: {
        Bytes p2s;
        std::uint64_t p2c = 0;
        if (info.usesPassphrase()) {
            if (auto prepared = preparePbes2(options, p2s, p2c); !prepared) {
                return std::unexpected(prepared.error());
            }
        }
        auto kek = keyWrappingKey(algorithms.alg, key, p2s, p2c);
        if (!kek) {
            return std::unexpected(kek.error());
        }
        auto cek = randomOrGiven(options.cek, contentInfo.cekSize);
        if (!cek) {
            return std::unexpected(cek.error());
        }
        if (info.mode != KeyManagement::AesGcmKeyWrap) {
            auto wrapped = aesKeyWrap(kek->span(), cek->span());
            if (!wrapped) {
                return std::unexpected(wrapped.error());
            }
            return ContentKey{std::move(*cek), std::move(*wrapped)};
        }
        Result<Bytes> iv = options.keyWrapIv ? Result<Bytes>(*options.keyWrapIv) : crypto::randomBytes(12);
        if (!iv) {
            return std::unexpected(iv.error());
        }
        auto sealed = encryptContent(gcmKeyWrapCipher(info), kek->span(), *iv, {}, cek->span());
        if (!sealed) {
            return std::unexpected(sealed.error());
        }
        options.protectedHeader["iv"] = encoding::base64UrlEncode(*iv);
        options.protectedHeader["tag"] = encoding::base64UrlEncode(sealed->tag);
        return ContentKey{std::move(*cek), std::move(sealed->ciphertext)};
    }
    }
    return fail(Errc::UnsupportedAlgorithm, "unknown key management");
}

} // namespace

Result<JweMessage> encryptJwe(std::span<const std::uint8_t> plaintext, const keys::Key& key, EncryptOptions options)
{
    if (!options.protectedHeader.is_object() || !options.sharedHeader.is_object()) {
        return fail(Errc::NotAJsonObject, "JWE headers are JSON objects");
    }
    if (const auto shared = jose::sharedHeaderParameter(options.protectedHeader, options.sharedHeader);
        !shared.empty()) {
        return fail(Errc::MalformedToken, fmt::format("\"{}\" is in both JWE headers", shared));
    }
    if (options.compress && !options.protectedHeader.contains("zip")) {
        options.protectedHeader["zip"] = "DEF";
    }
    auto algorithms = readAlgorithms(joinHeaders(options.protectedHeader, options.sharedHeader, Json::object()));
    if (!algorithms) {
        return std::unexpected(algorithms.error());
    }
    if (algorithms->compressed && !options.protectedHeader.contains("zip")) {
        return fail(Errc::MalformedToken, "\"zip\" must be in the protected header (RFC 7516 §4.1.3)");
    }
    const KeyAlgorithmInfo& keyInfo = keyAlgorithmInfo(algorithms->alg);
    const ContentAlgorithmInfo& contentInfo = contentAlgorithmInfo(algorithms->enc);
    if (keyInfo.decryptOnly) {
        return fail(Errc::UnsupportedAlgorithm,
                    fmt::format("{} is only decrypted here, never used to encrypt: its padding invites oracle "
                                "attacks (RFC 8725 §3.2); use RSA-OAEP-256",
                                keyInfo.name));
    }

    auto cek = contentKeyFor(*algorithms, key, options);
    if (!cek) {
        return std::unexpected(cek.error());
    }

    JweMessage message;
    if (options.iv) {
        message.iv = std::move(*options.iv);
    } else {
        auto random = crypto::randomBytes(contentInfo.ivSize);
        if (!random) {
            return std::unexpected(random.error());
        }
        message.iv = std::move(*random);
    }
    message.protectedHeader = std::move(options.protectedHeader);
    message.protectedB64 = message.protectedHeader.empty()
        ? std::string()
        : encoding::base64UrlEncode(encoding::toCompactJson(message.protectedHeader));
    message.sharedHeader = std::move(options.sharedHeader);
    if (options.aad) {
        message.aadB64 = encoding::base64UrlEncode(*options.aad);
    }
    message.recipients.push_back({Json::object(), std::move(cek->encryptedKey)});

    Result<Bytes> compressed = Bytes{};
    if (algorithms->compressed) {
        compressed = deflateRaw(plaintext);
        if (!compressed) {
            return std::unexpected(compressed.error());
        }
        plaintext = *compressed;
    }
    const std::string aad = additionalData(message.protectedB64, message.aadB64);
    auto sealed = encryptContent(algorithms->enc, cek->cek.span(), message.iv, asBytes(aad), plaintext);
    if (algorithms->compressed) {
        crypto::wipe(*compressed);
    }
    if (!sealed) {
        return std::unexpected(sealed.error());
    }
    message.ciphertext = std::move(sealed->ciphertext);
    message.tag = std::move(sealed->tag);
    return message;
}

} // namespace jwtwb::jwe
