#include "JweDecrypter.h"

#include "encoding/Base64Url.h"
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

constexpr std::size_t kMaxListedAttempts = 5;

// A base64url header member ("p2s", "iv", "tag").
Result<Bytes> binaryMember(const Json& header, const char* name, std::string_view algorithm)
{
    const auto it = header.find(name);
    if (it == header.end() || !it->is_string()) {
        return fail(Errc::MalformedToken, fmt::format("the {} header has no \"{}\" string", algorithm, name));
    }
    auto decoded = encoding::base64UrlDecode(it->get_ref<const std::string&>());
    if (!decoded) {
        return fail(Errc::InvalidBase64Url, fmt::format("\"{}\" is not base64url: {}", name, decoded.error().message));
    }
    return decoded;
}

struct Pbes2Input {
    Bytes p2s;
    std::uint64_t p2c = 0;
};

Result<Pbes2Input> readPbes2(const Json& header, const DecryptOptions& options)
{
    const auto count = header.find("p2c");
    if (count == header.end() || !count->is_number_unsigned() || count->get<std::uint64_t>() == 0) {
        return fail(Errc::MalformedToken, "the PBES2 header has no positive integer \"p2c\"");
    }
    const auto p2c = count->get<std::uint64_t>();
    if (p2c > options.maxP2c) {
        return fail(Errc::LimitExceeded,
                    fmt::format("the PBES2 iteration count p2c = {} is more than the {} allowed; it was refused "
                                "before any work was done",
                                p2c, options.maxP2c));
    }
    auto p2s = binaryMember(header, "p2s", "PBES2");
    if (!p2s) {
        return std::unexpected(p2s.error());
    }
    return Pbes2Input{std::move(*p2s), p2c};
}

Result<crypto::SecureBytes> unwrap(const KeyAlgorithmInfo& info, std::span<const std::uint8_t> kek,
                                   const JweRecipient& recipient, const Json& header)
{
    if (info.mode != KeyManagement::AesGcmKeyWrap) {
        return aesKeyUnwrap(kek, recipient.encryptedKey);
    }
    auto iv = binaryMember(header, "iv", info.name);
    if (!iv) {
        return std::unexpected(iv.error());
    }
    auto tag = binaryMember(header, "tag", info.name);
    if (!tag) {
        return std::unexpected(tag.error());
    }
    auto cek = decryptContent(gcmKeyWrapCipher(info), kek, *iv, {}, recipient.encryptedKey, *tag);
    if (!cek && cek.error().code == Errc::DecryptionFailed) {
        return fail(Errc::DecryptionFailed,
                    fmt::format("the encrypted key does not decrypt ({} tag mismatch): a wrong key, or the data was "
                                "changed",
                                info.name));
    }
    return cek;
}

Result<crypto::SecureBytes> contentKey(const JweAlgorithms& algorithms, const Json& header,
                                       const JweRecipient& recipient, const keys::Key& key,
                                       const DecryptOptions& options)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(algorithms.alg);
    const ContentAlgorithmInfo& contentInfo = contentAlgorithmInfo(algorithms.enc);
    const bool direct = info.mode == KeyManagement::Direct || info.mode == KeyManagement::KeyAgreement;
    if (direct && !recipient.encryptedKey.empty()) {
        return fail(Errc::MalformedToken, fmt::format("a {} JWE has an empty encrypted key", info.name));
    }
    Result<crypto::SecureBytes> cek = fail(Errc::Crypto, "no content key");
    switch (info.mode) {
    case KeyManagement::Direct:
        if (key.type() != keys::KeyType::Oct || key.secret().size() != contentInfo.cekSize) {
            return fail(
                Errc::KeyMismatch,
                fmt::format("dir with {} needs a {}-bit symmetric key", contentInfo.name, contentInfo.cekSize * 8));
        }
        cek = key.secret().clone();
        break;
    case KeyManagement::RsaEncryption:
        cek = rsaDecryptKey(info.alg, key, recipient.encryptedKey, contentInfo.cekSize, options.acceptWeakKeys);
        break;
    case KeyManagement::KeyAgreement: cek = agreeAsRecipient(info.alg, algorithms.enc, key, header); break;
    case KeyManagement::KeyAgreementWithKeyWrap: {
        auto kek = agreeAsRecipient(info.alg, algorithms.enc, key, header);
        if (!kek) {
            return std::unexpected(kek.error());
        }
        cek = aesKeyUnwrap(kek->span(), recipient.encryptedKey);
        break;
    }
    case KeyManagement::AesKeyWrap:
    case KeyManagement::AesGcmKeyWrap:
    case KeyManagement::Pbes2: {
        Pbes2Input pbes2;
        if (info.usesPassphrase()) {
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
        cek = unwrap(info, kek->span(), recipient, header);
        if (!cek && info.usesPassphrase() && cek.error().code == Errc::DecryptionFailed) {
            return std::unexpected(Error{Errc::WrongPassphrase, "wrong passphrase (or the encrypted key was changed)",
                                         cek.error().detail});
        }
        break;
    }
    }
    if (cek && cek->size() != contentInfo.cekSize) {
        return fail(Errc::MalformedToken,
                    fmt::format("the content encryption key is {} bytes; {} needs {}", cek->size(), contentInfo.name,
                                contentInfo.cekSize));
    }
    return cek;
}

Result<DecryptedJwe> decryptFor(const JweMessage& message, const Json& header, const JweAlgorithms& algorithms,
                                const JweRecipient& recipient, const keys::Key& key, const DecryptOptions& options)
{
    auto cek = contentKey(algorithms, header, recipient, key, options);
    if (!cek) {
        return std::unexpected(cek.error());
    }
    const std::string aad = additionalData(message.protectedB64, message.aadB64);
    auto plaintext
        = decryptContent(algorithms.enc, cek->span(), message.iv, asBytes(aad), message.ciphertext, message.tag);
    if (!plaintext) {
        return std::unexpected(plaintext.error());
    }
    if (algorithms.compressed) {
        plaintext = inflateRaw(plaintext->span(), options.maxInflatedSize);
        if (!plaintext) {
            return std::unexpected(plaintext.error());
        }
    }
    DecryptedJwe out;
    out.plaintext = std::move(*plaintext);
    out.header = header;
    out.alg = algorithms.alg;
    out.enc = algorithms.enc;
    out.compressed = algorithms.compressed;
    return out;
}

// The keys to try for one recipient: those with its "kid", or all when none has it.
std::vector<std::size_t> candidates(const Json& header, std::span<const keys::Key> keys)
{
    std::vector<std::size_t> all;
    std::vector<std::size_t> byKid;
    const auto kid = header.find("kid");
    for (std::size_t i = 0; i < keys.size(); ++i) {
        all.push_back(i);
        if (kid != header.end() && kid->is_string() && keys[i].parameters().kid == kid->get_ref<const std::string&>()) {
            byKid.push_back(i);
        }
    }
    return byKid.empty() ? all : byKid;
}

std::string describeAttempt(std::size_t recipient, std::size_t recipients, const keys::Key& key, std::size_t index,
                            std::size_t keyCount)
{
    std::string text;
    if (recipients > 1) {
        text = fmt::format("recipient {}", recipient + 1);
    }
    if (keyCount > 1) {
        text += fmt::format("{}key {}", text.empty() ? "" : ", ", index + 1);
        if (!key.parameters().kid.empty()) {
            text += fmt::format(" (kid \"{}\")", key.parameters().kid);
        }
    }
    return text;
}

} // namespace

Result<DecryptedJwe> decryptJwe(const JweMessage& message, std::span<const keys::Key> keys,
                                const DecryptOptions& options)
{
    if (message.recipients.empty()) {
        return fail(Errc::MalformedToken, "the JWE has no recipient");
    }
    if (keys.empty()) {
        return fail(Errc::KeyNotFound, "no key was given to decrypt the JWE");
    }
    std::vector<std::pair<std::string, Error>> attempts;
    for (std::size_t r = 0; r < message.recipients.size(); ++r) {
        const JweRecipient& recipient = message.recipients[r];
        const Json header = joinHeaders(message.protectedHeader, message.sharedHeader, recipient.header);
        auto algorithms = readAlgorithms(header);
        if (algorithms) {
            if (auto critical = checkCritical(message.protectedHeader, header, options.criticalHeaders); !critical) {
                algorithms = std::unexpected(critical.error());
            }
        }
        if (!algorithms) {
            attempts.emplace_back(describeAttempt(r, message.recipients.size(), keys[0], 0, 1), algorithms.error());
            continue;
        }
        for (const std::size_t k : candidates(header, keys)) {
            auto decrypted = decryptFor(message, header, *algorithms, recipient, keys[k], options);
            if (decrypted) {
                decrypted->recipient = r;
                decrypted->key = k;
                return decrypted;
            }
            attempts.emplace_back(describeAttempt(r, message.recipients.size(), keys[k], k, keys.size()),
                                  std::move(decrypted.error()));
        }
    }
    if (attempts.size() == 1) {
        return std::unexpected(std::move(attempts.front().second));
    }
    std::string summary;
    for (std::size_t i = 0; i < attempts.size() && i < kMaxListedAttempts; ++i) {
        summary += fmt::format("{}{}: {}", i == 0 ? "" : "; ", attempts[i].first, attempts[i].second.message);
    }
    if (attempts.size() > kMaxListedAttempts) {
        summary += fmt::format("; and {} more", attempts.size() - kMaxListedAttempts);
    }
    return fail(attempts.front().second.code, "nothing decrypts the JWE: " + summary);
}

} // namespace jwtwb::jwe
