#include "JweEncrypter.h"

#include "crypto/Random.h"
#include "encoding/Base64Url.h"
#include "jose/JoseHeader.h"
#include "jwe/AesKeyWrap.h"
#include "jwe/ContentCipher.h"
#include "jwe/KeyManagement.h"

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
    auto algorithms = readAlgorithms(joinHeaders(options.protectedHeader, options.sharedHeader, Json::object()));
    if (!algorithms) {
        return std::unexpected(algorithms.error());
    }
    const KeyAlgorithmInfo& keyInfo = keyAlgorithmInfo(algorithms->alg);
    const ContentAlgorithmInfo& contentInfo = contentAlgorithmInfo(algorithms->enc);

    Bytes p2s;
    std::uint64_t p2c = 0;
    if (keyInfo.pbkdf2Hash) {
        if (auto prepared = preparePbes2(options, p2s, p2c); !prepared) {
            return std::unexpected(prepared.error());
        }
    }

    crypto::SecureBytes cek;
    Bytes encryptedKey;
    if (algorithms->alg == KeyAlgorithm::Dir) {
        if (key.type() != keys::KeyType::Oct || key.secret().size() != contentInfo.cekSize) {
            return fail(
                Errc::KeyMismatch,
                fmt::format("dir with {} needs a {}-bit symmetric key", contentInfo.name, contentInfo.cekSize * 8));
        }
        cek = key.secret().clone();
    } else {
        auto kek = keyWrappingKey(algorithms->alg, key, p2s, p2c);
        if (!kek) {
            return std::unexpected(kek.error());
        }
        if (options.cek) {
            cek = std::move(*options.cek);
        } else {
            auto random = crypto::randomSecret(contentInfo.cekSize);
            if (!random) {
                return std::unexpected(random.error());
            }
            cek = std::move(*random);
        }
        auto wrapped = aesKeyWrap(kek->span(), cek.span());
        if (!wrapped) {
            return std::unexpected(wrapped.error());
        }
        encryptedKey = std::move(*wrapped);
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
    message.recipients.push_back({Json::object(), std::move(encryptedKey)});

    const std::string aad = additionalData(message.protectedB64, message.aadB64);
    auto sealed = encryptContent(algorithms->enc, cek.span(), message.iv, asBytes(aad), plaintext);
    if (!sealed) {
        return std::unexpected(sealed.error());
    }
    message.ciphertext = std::move(sealed->ciphertext);
    message.tag = std::move(sealed->tag);
    return message;
}

} // namespace jwtwb::jwe
