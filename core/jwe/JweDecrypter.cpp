#include "JweDecrypter.h"

#include "encoding/Base64Url.h"
#include "jwe/AesKeyWrap.h"
#include "jwe/ContentCipher.h"
#include "jwe/KeyManagement.h"

#include <fmt/format.h>

namespace jwtwb::jwe {
namespace {

using encoding::Json;

struct Pbes2Input {
    Bytes p2s;
    std::uint64_t p2c = 0;
};

Result<Pbes2Input> readPbes2(const Json& header, const DecryptOptions& options)
{
    const auto salt = header.find("p2s");
    const auto count = header.find("p2c");
    if (salt == header.end() || !salt->is_string()) {
        return fail(Errc::MalformedToken, "the PBES2 header has no \"p2s\" string");
    }
    if (count == header.end() || !count->is_number_unsigned() || count->get<std::uint64_t>() == 0) {
        return fail(Errc::MalformedToken, "the PBES2 header has no positive integer \"p2c\"");
    }
    auto p2s = encoding::base64UrlDecode(salt->get_ref<const std::string&>());
    if (!p2s) {
        return fail(Errc::InvalidBase64Url, fmt::format("\"p2s\" is not base64url: {}", p2s.error().message));
    }
    const auto p2c = count->get<std::uint64_t>();
    if (p2c > options.maxP2c) {
        return fail(Errc::MalformedToken,
                    fmt::format("the PBES2 iteration count {} is more than the {} allowed", p2c, options.maxP2c));
    }
    return Pbes2Input{std::move(*p2s), p2c};
}

Result<crypto::SecureBytes> contentKey(const JweAlgorithms& algorithms, const Json& header,
                                       const JweRecipient& recipient, const keys::Key& key,
                                       const DecryptOptions& options)
{
    const ContentAlgorithmInfo& contentInfo = contentAlgorithmInfo(algorithms.enc);
    if (algorithms.alg == KeyAlgorithm::Dir) {
        if (!recipient.encryptedKey.empty()) {
            return fail(Errc::MalformedToken, "a \"dir\" JWE has an empty encrypted key");
        }
        if (key.type() != keys::KeyType::Oct || key.secret().size() != contentInfo.cekSize) {
            return fail(
                Errc::KeyMismatch,
                fmt::format("dir with {} needs a {}-bit symmetric key", contentInfo.name, contentInfo.cekSize * 8));
        }
        return key.secret().clone();
    }
    Pbes2Input pbes2;
    const bool passphrase = keyAlgorithmInfo(algorithms.alg).pbkdf2Hash.has_value();
    if (passphrase) {
        auto read = readPbes2(header, options);
        if (!read) {
            return std::unexpected(read.error());
        }
        pbes2 = std::move(*read);
    }
    auto kek = keyWrappingKey(algorithms.alg, key, pbes2.p2s, pbes2.p2c);
    if (!kek) {
        return std::unexpected(kek.error());
    }
    auto cek = aesKeyUnwrap(kek->span(), recipient.encryptedKey);
    if (!cek) {
        if (passphrase && cek.error().code == Errc::DecryptionFailed) {
            return std::unexpected(Error{Errc::WrongPassphrase, "wrong passphrase (or the encrypted key was changed)",
                                         cek.error().detail});
        }
        return std::unexpected(cek.error());
    }
    if (cek->size() != contentInfo.cekSize) {
        return fail(Errc::MalformedToken,
                    fmt::format("the content encryption key is {} bytes; {} needs {}", cek->size(), contentInfo.name,
                                contentInfo.cekSize));
    }
    return cek;
}

Result<DecryptedJwe> decryptFor(const JweMessage& message, const JweRecipient& recipient, const keys::Key& key,
                                const DecryptOptions& options)
{
    Json header = joinHeaders(message.protectedHeader, message.sharedHeader, recipient.header);
    auto algorithms = readAlgorithms(header);
    if (!algorithms) {
        return std::unexpected(algorithms.error());
    }
    auto cek = contentKey(*algorithms, header, recipient, key, options);
    if (!cek) {
        return std::unexpected(cek.error());
    }
    const std::string aad = additionalData(message.protectedB64, message.aadB64);
    auto plaintext
        = decryptContent(algorithms->enc, cek->span(), message.iv, asBytes(aad), message.ciphertext, message.tag);
    if (!plaintext) {
        return std::unexpected(plaintext.error());
    }
    return DecryptedJwe{std::move(*plaintext), std::move(header)};
}

} // namespace

Result<DecryptedJwe> decryptJwe(const JweMessage& message, const keys::Key& key, const DecryptOptions& options)
{
    if (message.recipients.empty()) {
        return fail(Errc::MalformedToken, "the JWE has no recipient");
    }
    std::optional<Error> firstError;
    for (const auto& recipient : message.recipients) {
        auto decrypted = decryptFor(message, recipient, key, options);
        if (decrypted) {
            return decrypted;
        }
        if (!firstError) {
            firstError = std::move(decrypted.error());
        }
    }
    return std::unexpected(std::move(*firstError));
}

} // namespace jwtwb::jwe
