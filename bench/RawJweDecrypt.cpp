#include "RawJweDecrypt.h"

#include "crypto/Digest.h"
#include "crypto/SecureBytes.h"
#include "jwe/JweAlgorithm.h"
#include "keys/KeyImport.h"
#include "ossl/Handles.h"
#include "ossl/OsslError.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <optional>

namespace jwtwb::bench {
namespace {

using jwe::KeyManagement;

const char* gcmName(std::size_t keySize)
{
    return keySize == 16 ? "AES-128-GCM" : keySize == 24 ? "AES-192-GCM" : "AES-256-GCM";
}

const char* wrapName(std::size_t keySize)
{
    return keySize == 16 ? "AES-128-WRAP" : keySize == 24 ? "AES-192-WRAP" : "AES-256-WRAP";
}

void appendLengthPrefixed(Bytes& out, std::span<const std::uint8_t> data)
{
    const auto size = static_cast<std::uint32_t>(data.size());
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(size >> shift));
    }
    out.insert(out.end(), data.begin(), data.end());
}

// RFC 7518 §4.6.2 OtherInfo without PartyUInfo and PartyVInfo (the bench's tokens have no apu or apv),
// written here rather than taken from core: the yardstick shares no code with what it measures.
Bytes otherInfo(std::string_view algorithmId, std::size_t keySize)
{
    Bytes out;
    appendLengthPrefixed(out, asBytes(algorithmId));
    appendLengthPrefixed(out, {});
    appendLengthPrefixed(out, {});
    const auto bits = static_cast<std::uint32_t>(keySize * 8);
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(bits >> shift));
    }
    return out;
}

Error cannot(const char* what)
{
    return ossl::cryptoError(Errc::Crypto, std::string("cannot prepare ") + what);
}

class RawJwe final : public RawOperation
{
public:
    Result<void> prepare(const jwe::JweMessage& message, const keys::Key& key);

    bool run() override
    {
        unsigned char cek[512]; // RSA decrypts into a buffer of the modulus' size
        std::size_t cekSize = sizeof cek;
        bool ok = true;
        switch (m_mode) {
        case KeyManagement::Direct:
            cekSize = m_directKey.size();
            std::ranges::copy(m_directKey.span(), cek);
            break;
        case KeyManagement::RsaEncryption:
            ok = EVP_PKEY_decrypt(m_rsa.get(), cek, &cekSize, m_encryptedKey.data(), m_encryptedKey.size()) == 1;
            break;
        default: ok = agree(cek, cekSize); break;
        }
        ok = ok && decryptContent(std::span(cek, cekSize));
        OPENSSL_cleanse(cek, sizeof cek);
        return ok;
    }

private:
    Result<void> prepareRsa(const jwe::KeyAlgorithmInfo& info, const keys::Key& key);
    Result<void> prepareEcdh(const jwe::KeyAlgorithmInfo& info, const jwe::ContentAlgorithmInfo& content,
                             const keys::Key& key, const encoding::Json& header);
    bool agree(unsigned char* cek, std::size_t& cekSize);
    ossl::PKeyPtr peerKey();
    bool decryptContent(std::span<const unsigned char> cek);

    KeyManagement m_mode = KeyManagement::Direct;
    ossl::PKeyCtxPtr m_rsa; // EVP_PKEY_decrypt with OAEP set up
    // The ephemeral public key as the token carries it (the point, or the OKP key's bytes): like any
    // recipient, the raw side makes a key of it for each message, with the bare OpenSSL calls.
    Bytes m_peerPoint;
    std::string m_peerGroup; // the EC group name; empty for X25519 and X448
    std::string m_peerType; // "EC", "X25519", "X448"
    ossl::PKeyCtxPtr m_peerBuilder; // EVP_PKEY_fromdata, initialised (EC only)
    ossl::PKeyCtxPtr m_ecdh; // EVP_PKEY_derive on our key; the peer is set per message
    ossl::KdfCtxPtr m_kdf; // SSKDF with SHA-256 and the OtherInfo set
    std::size_t m_agreedSize = 0; // the CEK (ECDH-ES) or the key wrapping key (ECDH-ES+A*KW)
    ossl::CipherPtr m_wrap; // null for ECDH-ES
    ossl::CipherCtxPtr m_wrapCtx;
    ossl::CipherPtr m_gcm;
    ossl::CipherCtxPtr m_gcmCtx;
    crypto::SecureBytes m_directKey;
    Bytes m_encryptedKey;
    Bytes m_iv;
    std::string m_aad;
    Bytes m_ciphertext;
    Bytes m_tag;
    Bytes m_plaintext;
};

ossl::PKeyPtr RawJwe::peerKey()
{
    if (m_peerGroup.empty()) {
        return ossl::PKeyPtr(EVP_PKEY_new_raw_public_key_ex(nullptr, m_peerType.c_str(), nullptr, m_peerPoint.data(),
                                                            m_peerPoint.size()));
    }
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, m_peerGroup.data(), 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, m_peerPoint.data(), m_peerPoint.size()),
        OSSL_PARAM_construct_end(),
    };
    EVP_PKEY* peer = nullptr;
    EVP_PKEY_fromdata(m_peerBuilder.get(), &peer, EVP_PKEY_PUBLIC_KEY, params);
    return ossl::PKeyPtr(peer);
}

bool RawJwe::agree(unsigned char* cek, std::size_t& cekSize)
{
    unsigned char z[80];
    std::size_t zSize = sizeof z;
    unsigned char agreed[32];
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, z, 0),
        OSSL_PARAM_construct_end(),
    };
    const ossl::PKeyPtr peer = peerKey();
    bool ok = peer && EVP_PKEY_derive_set_peer_ex(m_ecdh.get(), peer.get(), 0) == 1
        && EVP_PKEY_derive(m_ecdh.get(), z, &zSize) == 1;
    params[0].data_size = zSize;
    ok = ok && EVP_KDF_derive(m_kdf.get(), agreed, m_agreedSize, params) == 1;
    if (ok && !m_wrap) {
        std::copy(agreed, agreed + m_agreedSize, cek);
        cekSize = m_agreedSize;
    } else if (ok) {
        int written = 0;
        int finalWritten = 0;
        ok = EVP_CipherInit_ex2(m_wrapCtx.get(), m_wrap.get(), agreed, nullptr, 0, nullptr) == 1
            && EVP_CipherUpdate(m_wrapCtx.get(), cek, &written, m_encryptedKey.data(),
                                static_cast<int>(m_encryptedKey.size()))
                == 1
            && EVP_CipherFinal_ex(m_wrapCtx.get(), cek + written, &finalWritten) == 1;
        cekSize = static_cast<std::size_t>(written + finalWritten);
    }
    OPENSSL_cleanse(z, sizeof z);
    OPENSSL_cleanse(agreed, sizeof agreed);
    return ok;
}

bool RawJwe::decryptContent(std::span<const unsigned char> cek)
{
    EVP_CIPHER_CTX* ctx = m_gcmCtx.get();
    int written = 0;
    int ignored = 0;
    int finalWritten = 0;
    return EVP_CipherInit_ex2(ctx, m_gcm.get(), cek.data(), m_iv.data(), 0, nullptr) == 1
        && EVP_CipherUpdate(ctx, nullptr, &ignored, reinterpret_cast<const unsigned char*>(m_aad.data()),
                            static_cast<int>(m_aad.size()))
        == 1
        && EVP_CipherUpdate(ctx, m_plaintext.data(), &written, m_ciphertext.data(),
                            static_cast<int>(m_ciphertext.size()))
        == 1
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(m_tag.size()), m_tag.data()) == 1
        && EVP_CipherFinal_ex(ctx, m_plaintext.data() + written, &finalWritten) == 1;
}

Result<void> RawJwe::prepareRsa(const jwe::KeyAlgorithmInfo& info, const keys::Key& key)
{
    const std::string digest(crypto::hashName(info.hash.value_or(crypto::HashAlg::Sha1)));
    m_rsa.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr));
    if (!m_rsa || EVP_PKEY_decrypt_init(m_rsa.get()) != 1
        || EVP_PKEY_CTX_set_rsa_padding(m_rsa.get(), RSA_PKCS1_OAEP_PADDING) != 1
        || EVP_PKEY_CTX_set_rsa_oaep_md_name(m_rsa.get(), digest.c_str(), nullptr) != 1
        || EVP_PKEY_CTX_set_rsa_mgf1_md_name(m_rsa.get(), digest.c_str(), nullptr) != 1) {
        return std::unexpected(cannot("RSA-OAEP"));
    }
    return {};
}

Result<void> RawJwe::prepareEcdh(const jwe::KeyAlgorithmInfo& info, const jwe::ContentAlgorithmInfo& content,
                                 const keys::Key& key, const encoding::Json& header)
{
    const auto epk = header.find("epk");
    if (epk == header.end()) {
        return fail(Errc::MalformedToken, "no \"epk\"");
    }
    auto peer = keys::importJwk(*epk);
    if (!peer) {
        return std::unexpected(peer.error());
    }
    unsigned char* point = nullptr;
    const std::size_t pointSize = EVP_PKEY_get1_encoded_public_key(peer->pkey(), &point);
    m_peerPoint.assign(point, point + pointSize);
    OPENSSL_free(point);
    m_peerType = peer->type() == keys::KeyType::Ec ? "EC" : std::string(keys::curveName(peer->curve()));
    if (peer->type() == keys::KeyType::Ec) {
        char group[64] = {};
        std::size_t length = 0;
        EVP_PKEY_get_utf8_string_param(peer->pkey(), OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length);
        m_peerGroup = group;
        m_peerBuilder.reset(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
        if (!m_peerBuilder || EVP_PKEY_fromdata_init(m_peerBuilder.get()) != 1) {
            return std::unexpected(cannot("EC keys"));
        }
    }
    m_ecdh.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr));
    if (!m_ecdh || EVP_PKEY_derive_init(m_ecdh.get()) != 1 || !peerKey()) {
        return std::unexpected(cannot("ECDH"));
    }
    const bool direct = info.mode == KeyManagement::KeyAgreement;
    m_agreedSize = direct ? content.cekSize : info.kekSize;
    const Bytes kdfInfo = otherInfo(direct ? content.name : info.name, m_agreedSize);
    const ossl::KdfPtr kdf(EVP_KDF_fetch(nullptr, "SSKDF", nullptr));
    m_kdf.reset(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<std::uint8_t*>(kdfInfo.data()),
                                          kdfInfo.size()),
        OSSL_PARAM_construct_end(),
    };
    if (!m_kdf || EVP_KDF_CTX_set_params(m_kdf.get(), params) != 1) {
        return std::unexpected(cannot("SSKDF"));
    }
    if (!direct) {
        m_wrap.reset(EVP_CIPHER_fetch(nullptr, wrapName(info.kekSize), nullptr));
        m_wrapCtx.reset(EVP_CIPHER_CTX_new());
        if (!m_wrap || !m_wrapCtx) {
            return std::unexpected(cannot("AES key wrap"));
        }
        EVP_CIPHER_CTX_set_flags(m_wrapCtx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    }
    return {};
}

Result<void> RawJwe::prepare(const jwe::JweMessage& message, const keys::Key& key)
{
    const encoding::Json& header = message.protectedHeader;
    const auto alg = jwe::parseKeyAlgorithm(header.value("alg", ""));
    const auto enc = jwe::parseContentAlgorithm(header.value("enc", ""));
    if (!alg || !enc || message.recipients.size() != 1) {
        return fail(Errc::UnsupportedAlgorithm, "the raw JWE decrypt needs one recipient with a known alg and enc");
    }
    const jwe::KeyAlgorithmInfo& info = jwe::keyAlgorithmInfo(*alg);
    const jwe::ContentAlgorithmInfo& content = jwe::contentAlgorithmInfo(*enc);
    if (!content.gcm) {
        return fail(Errc::UnsupportedAlgorithm, "the raw JWE decrypt does AES-GCM content only");
    }
    ossl::clearErrors();
    m_mode = info.mode;
    Result<void> prepared;
    switch (info.mode) {
    case KeyManagement::Direct: m_directKey = key.secret().clone(); break;
    case KeyManagement::RsaEncryption:
        prepared
            = info.decryptOnly ? fail(Errc::UnsupportedAlgorithm, "RSA1_5 is not benchmarked") : prepareRsa(info, key);
        break;
    case KeyManagement::KeyAgreement:
    case KeyManagement::KeyAgreementWithKeyWrap: prepared = prepareEcdh(info, content, key, header); break;
    default: prepared = fail(Errc::UnsupportedAlgorithm, "the raw JWE decrypt does dir, RSA-OAEP* and ECDH-ES*");
    }
    if (!prepared) {
        return prepared;
    }
    m_gcm.reset(EVP_CIPHER_fetch(nullptr, gcmName(content.cekSize), nullptr));
    m_gcmCtx.reset(EVP_CIPHER_CTX_new());
    if (!m_gcm || !m_gcmCtx) {
        return std::unexpected(cannot("AES-GCM"));
    }
    m_encryptedKey = message.recipients.front().encryptedKey;
    m_iv = message.iv;
    m_aad = message.protectedB64;
    m_ciphertext = message.ciphertext;
    m_tag = message.tag;
    m_plaintext.resize(message.ciphertext.size() + 16);
    return {};
}

} // namespace

Result<std::unique_ptr<RawOperation>> rawJweDecrypt(const jwe::JweMessage& message, const keys::Key& key)
{
    auto raw = std::make_unique<RawJwe>();
    if (auto prepared = raw->prepare(message, key); !prepared) {
        return std::unexpected(prepared.error());
    }
    return raw;
}

} // namespace jwtwb::bench
