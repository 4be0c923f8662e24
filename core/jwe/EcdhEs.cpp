#include "EcdhEs.h"

#include "encoding/Base64Url.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "ossl/Handles.h"
#include "ossl/OsslError.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>

#include <fmt/format.h>

namespace jwtwb::jwe {
namespace {

using encoding::Json;

void appendLengthPrefixed(Bytes& out, std::span<const std::uint8_t> data)
{
    const auto size = static_cast<std::uint32_t>(data.size());
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(size >> shift));
    }
    out.insert(out.end(), data.begin(), data.end());
}

// "apu" or "apv": base64url, or nothing.
Result<Bytes> partyInfo(const Json& header, const char* name)
{
    const auto it = header.find(name);
    if (it == header.end()) {
        return Bytes{};
    }
    if (!it->is_string()) {
        return fail(Errc::MalformedToken, fmt::format("the header \"{}\" is not a string", name));
    }
    auto decoded = encoding::base64UrlDecode(it->get_ref<const std::string&>());
    if (!decoded) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("the header \"{}\" is not base64url: {}", name, decoded.error().message));
    }
    return decoded;
}

// The Concat KDF's AlgorithmID and key size: the "enc" and its CEK for ECDH-ES, the "alg" and its
// key wrapping key for ECDH-ES+A*KW (RFC 7518 §4.6.2).
Result<crypto::SecureBytes> deriveFromHeader(KeyAlgorithm alg, ContentAlgorithm enc, std::span<const std::uint8_t> z,
                                             const Json& header)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(alg);
    const ContentAlgorithmInfo& content = contentAlgorithmInfo(enc);
    auto apu = partyInfo(header, "apu");
    if (!apu) {
        return std::unexpected(apu.error());
    }
    auto apv = partyInfo(header, "apv");
    if (!apv) {
        return std::unexpected(apv.error());
    }
    const bool direct = info.mode == KeyManagement::KeyAgreement;
    return concatKdf(z, direct ? content.name : info.name, *apu, *apv, direct ? content.cekSize : info.kekSize);
}

Result<void> checkCurve(const KeyAlgorithmInfo& info, const keys::Key& key)
{
    if (!isKeyAgreementCurve(key.curve())) {
        return fail(Errc::KeyMismatch,
                    fmt::format("{} needs an EC P-256, P-384 or P-521 key, or an X25519 or X448 key, not an {}",
                                info.name, key.describe()));
    }
    return {};
}

} // namespace

bool isKeyAgreementCurve(keys::Curve curve)
{
    using keys::Curve;
    return curve == Curve::P256 || curve == Curve::P384 || curve == Curve::P521 || curve == Curve::X25519
        || curve == Curve::X448;
}

Result<crypto::SecureBytes> concatKdf(std::span<const std::uint8_t> z, std::string_view algorithmId,
                                      std::span<const std::uint8_t> apu, std::span<const std::uint8_t> apv,
                                      std::size_t keySize)
{
    Bytes otherInfo;
    appendLengthPrefixed(otherInfo, asBytes(algorithmId));
    appendLengthPrefixed(otherInfo, apu);
    appendLengthPrefixed(otherInfo, apv);
    const auto bits = static_cast<std::uint32_t>(keySize * 8);
    for (int shift = 24; shift >= 0; shift -= 8) {
        otherInfo.push_back(static_cast<std::uint8_t>(bits >> shift));
    }
    ossl::clearErrors();
    const ossl::KdfPtr kdf(EVP_KDF_fetch(nullptr, "SSKDF", nullptr));
    const ossl::KdfCtxPtr ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<std::uint8_t*>(z.data()), z.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, otherInfo.data(), otherInfo.size()),
        OSSL_PARAM_construct_end(),
    };
    crypto::SecureBytes out(keySize);
    if (!ctx || EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "the Concat KDF (SSKDF) failed"));
    }
    return out;
}

Result<crypto::SecureBytes> ecdhSharedSecret(const keys::Key& privateKey, const keys::Key& peerKey)
{
    if (privateKey.curve() != peerKey.curve() || !isKeyAgreementCurve(privateKey.curve())) {
        return fail(Errc::KeyMismatch,
                    fmt::format("ECDH needs two keys on one curve, not an {} and an {}", privateKey.describe(),
                                peerKey.describe()));
    }
    ossl::clearErrors();
    const ossl::PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, privateKey.pkey(), nullptr));
    std::size_t size = 0;
    // Without OpenSSL's own check of the peer (validate_peer 0): keys::Key already passed the
    // on-curve check when it was read, and the full check would double the cost of a decryption.
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer_ex(ctx.get(), peerKey.pkey(), 0) != 1
        || EVP_PKEY_derive(ctx.get(), nullptr, &size) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::InvalidKey, "the ephemeral public key cannot be used for ECDH"));
    }
    crypto::SecureBytes z(size);
    if (EVP_PKEY_derive(ctx.get(), z.data(), &size) != 1 || size != z.size()) {
        // X25519 and X448 refuse an all-zero result: the peer sent a point of small order.
        return std::unexpected(ossl::cryptoError(
            Errc::InvalidKey,
            "the key agreement gives no shared secret: the ephemeral public key is a small-order point"));
    }
    return z;
}

Result<KeyAgreement> agreeAsSender(KeyAlgorithm alg, ContentAlgorithm enc, const keys::Key& recipient,
                                   const Json& header, const std::optional<keys::Key>& ephemeral)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(alg);
    if (auto checked = checkCurve(info, recipient); !checked) {
        return std::unexpected(checked.error());
    }
    Result<keys::Key> own = fail(Errc::Crypto, "no ephemeral key");
    if (ephemeral) {
        own = *ephemeral;
    } else {
        own = keys::generateKey({recipient.type(), 0, recipient.curve()});
    }
    if (!own) {
        return std::unexpected(own.error());
    }
    if (!own->hasPrivate() || own->curve() != recipient.curve()) {
        return fail(Errc::KeyMismatch, "the ephemeral key must be a private key on the recipient's curve");
    }
    auto z = ecdhSharedSecret(*own, recipient);
    if (!z) {
        return std::unexpected(z.error());
    }
    auto key = deriveFromHeader(alg, enc, z->span(), header);
    if (!key) {
        return std::unexpected(key.error());
    }
    keys::Key publicOnly = own->publicKey().value();
    publicOnly.parameters() = {};
    auto epk = keys::exportJwk(publicOnly, false);
    if (!epk) {
        return std::unexpected(epk.error());
    }
    return KeyAgreement{std::move(*key), std::move(*epk)};
}

Result<crypto::SecureBytes> agreeAsRecipient(KeyAlgorithm alg, ContentAlgorithm enc, const keys::Key& recipient,
                                             const Json& header)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(alg);
    if (auto checked = checkCurve(info, recipient); !checked) {
        return std::unexpected(checked.error());
    }
    if (!recipient.hasPrivate()) {
        return fail(
            Errc::KeyMismatch,
            fmt::format("{} decrypts with the recipient's private key; this is the public key only", info.name));
    }
    const auto epk = header.find("epk");
    if (epk == header.end() || !epk->is_object()) {
        return fail(Errc::MalformedToken,
                    fmt::format("{} needs the ephemeral public key \"epk\" (a JWK) in the header", info.name));
    }
    if (epk->contains("d")) {
        return fail(Errc::MalformedToken, "the ephemeral key \"epk\" holds a private key (\"d\"); it must be public");
    }
    auto peer = keys::importJwk(*epk);
    if (!peer) {
        return fail(Errc::InvalidKey,
                    fmt::format("the ephemeral public key \"epk\" is refused: {}", peer.error().message));
    }
    if (peer->curve() != recipient.curve()) {
        return fail(Errc::InvalidKey,
                    fmt::format("the ephemeral public key \"epk\" is an {}, but the recipient's key is an {}",
                                peer->describe(), recipient.describe()));
    }
    auto z = ecdhSharedSecret(recipient, *peer);
    if (!z) {
        return std::unexpected(z.error());
    }
    return deriveFromHeader(alg, enc, z->span(), header);
}

} // namespace jwtwb::jwe
