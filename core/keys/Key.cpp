#include "Key.h"

#include "keys/RocaFingerprint.h"

#include "ossl/BigNum.h"
#include "ossl/ContextPool.h"
#include "ossl/Handles.h"
#include "ossl/OsslError.h"

#include <fmt/format.h>

#include <cstring>

namespace jwtwb::keys {

struct Key::Material {
    KeyType type = KeyType::Oct;
    Curve curve = Curve::None;
    int bits = 0;
    bool hasPrivate = false;
    bool rocaFingerprint = false;
    crypto::SecureBytes secret;
    ossl::PKeyPtr pkey;
    mutable ossl::ContextPool contexts; // declared last: freed first, before the key it was made from
};

namespace {

Curve curveFromGroupName(std::string_view name)
{
    if (name == "prime256v1" || name == "P-256") {
        return Curve::P256;
    }
    if (name == "secp384r1" || name == "P-384") {
        return Curve::P384;
    }
    if (name == "secp521r1" || name == "P-521") {
        return Curve::P521;
    }
    if (name == "secp256k1") {
        return Curve::Secp256k1;
    }
    return Curve::None;
}

// True when the key holds its private half (RSA d, EC private scalar, OKP private key).
bool pkeyHasPrivate(EVP_PKEY* pkey)
{
    if (EVP_PKEY_is_a(pkey, "RSA")) {
        BIGNUM* d = nullptr;
        const bool has = EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_D, &d) == 1 && d != nullptr;
        BN_clear_free(d);
        return has;
    }
    if (EVP_PKEY_is_a(pkey, "EC")) {
        BIGNUM* priv = nullptr;
        const bool has = EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, &priv) == 1 && priv != nullptr;
        BN_clear_free(priv);
        return has;
    }
    std::size_t length = 0;
    return EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY, nullptr, 0, &length) == 1 && length > 0;
}

} // namespace

std::string_view ktyName(KeyType type)
{
    switch (type) {
    case KeyType::Oct: return "oct";
    case KeyType::Rsa: return "RSA";
    case KeyType::Ec: return "EC";
    case KeyType::Okp: return "OKP";
    }
    return "oct";
}

std::string_view curveName(Curve curve)
{
    switch (curve) {
    case Curve::None: return "";
    case Curve::P256: return "P-256";
    case Curve::P384: return "P-384";
    case Curve::P521: return "P-521";
    case Curve::Secp256k1: return "secp256k1";
    case Curve::Ed25519: return "Ed25519";
    case Curve::Ed448: return "Ed448";
    case Curve::X25519: return "X25519";
    case Curve::X448: return "X448";
    }
    return "";
}

Key::Key(std::shared_ptr<const Material> material)
    : m_material(std::move(material))
{ }

Key Key::fromSecret(crypto::SecureBytes secret)
{
    auto material = std::make_shared<Material>();
    material->type = KeyType::Oct;
    material->bits = static_cast<int>(secret.size() * 8);
    material->hasPrivate = true;
    material->secret = std::move(secret);
    return Key(std::move(material));
}

Result<Key> Key::fromPkey(EVP_PKEY* rawPkey)
{
    ossl::PKeyPtr pkey(rawPkey);
    if (!pkey) {
        return fail(Errc::InvalidKey, "no key");
    }
    auto material = std::make_shared<Material>();
    material->bits = EVP_PKEY_get_bits(pkey.get());
    if (EVP_PKEY_is_a(pkey.get(), "RSA") || EVP_PKEY_is_a(pkey.get(), "RSA-PSS")) {
        material->type = KeyType::Rsa;
    } else if (EVP_PKEY_is_a(pkey.get(), "EC")) {
        material->type = KeyType::Ec;
        char group[64] = {};
        std::size_t length = 0;
        if (EVP_PKEY_get_utf8_string_param(pkey.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) != 1) {
            return std::unexpected(ossl::cryptoError(Errc::InvalidKey, "the EC key has no named curve"));
        }
        material->curve = curveFromGroupName(group);
        if (material->curve == Curve::None) {
            return fail(
                Errc::UnsupportedKey,
                fmt::format("the EC curve {} is not used by JOSE (P-256, P-384, P-521 and secp256k1 are)", group));
        }
    } else if (EVP_PKEY_is_a(pkey.get(), "ED25519")) {
        material->type = KeyType::Okp;
        material->curve = Curve::Ed25519;
    } else if (EVP_PKEY_is_a(pkey.get(), "ED448")) {
        material->type = KeyType::Okp;
        material->curve = Curve::Ed448;
    } else if (EVP_PKEY_is_a(pkey.get(), "X25519")) {
        material->type = KeyType::Okp;
        material->curve = Curve::X25519;
    } else if (EVP_PKEY_is_a(pkey.get(), "X448")) {
        material->type = KeyType::Okp;
        material->curve = Curve::X448;
    } else {
        return fail(Errc::UnsupportedKey,
                    fmt::format("{} keys are not used by JOSE (RSA, EC and OKP keys are)",
                                EVP_PKEY_get0_type_name(pkey.get())));
    }
    if (material->type == KeyType::Rsa) {
        // OpenSSL's decoders take any INTEGERs; the JWK reader refuses these too (JwkImport.cpp).
        const auto n = ossl::pkeyBnParam(pkey.get(), OSSL_PKEY_PARAM_RSA_N);
        const auto e = ossl::pkeyBnParam(pkey.get(), OSSL_PKEY_PARAM_RSA_E);
        if (!n || !e || !BN_is_odd(n.get())) {
            return fail(Errc::InvalidKey, "not a usable RSA key: its modulus must be odd");
        }
        if (!BN_is_odd(e.get()) || BN_num_bits(e.get()) < 2 || BN_cmp(e.get(), n.get()) >= 0) {
            return fail(Errc::InvalidKey,
                        "not a usable RSA key: its public exponent must be odd, at least 3 and smaller than the "
                        "modulus");
        }
    }
    material->hasPrivate = pkeyHasPrivate(pkey.get());
    material->rocaFingerprint = material->type == KeyType::Rsa && modulusHasRocaFingerprint(pkey.get());
    material->pkey = std::move(pkey);
    return Key(std::move(material));
}

KeyType Key::type() const
{
    return m_material->type;
}

Curve Key::curve() const
{
    return m_material->curve;
}

int Key::bits() const
{
    return m_material->bits;
}

bool Key::hasPrivate() const
{
    return m_material->hasPrivate;
}

const crypto::SecureBytes& Key::secret() const
{
    return m_material->secret;
}

bool Key::hasRocaFingerprint() const
{
    return m_material->rocaFingerprint;
}

EVP_PKEY* Key::pkey() const
{
    return m_material->pkey.get();
}

ossl::ContextPool& Key::contextPool() const
{
    return m_material->contexts;
}

Result<Key> Key::publicKey() const
{
    if (type() == KeyType::Oct) {
        return fail(Errc::InvalidKey, "a secret has no public half");
    }
    if (!hasPrivate()) {
        return *this;
    }
    // Round-trip through SubjectPublicKeyInfo DER: drops every private component.
    ossl::clearErrors();
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(pkey(), &der);
    if (length <= 0) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot derive the public key"));
    }
    const unsigned char* cursor = der;
    EVP_PKEY* pub = d2i_PUBKEY(nullptr, &cursor, length);
    OPENSSL_free(der);
    auto key = fromPkey(pub);
    if (!key) {
        return key;
    }
    key->m_parameters = m_parameters;
    key->m_certificate = m_certificate;
    return key;
}

std::string Key::describe() const
{
    const char* half = hasPrivate() ? "private key" : "public key";
    switch (type()) {
    case KeyType::Oct: return fmt::format("{}-bit secret", bits());
    case KeyType::Rsa: return fmt::format("RSA {}-bit {}", bits(), half);
    case KeyType::Ec: return fmt::format("EC {} {}", curveName(curve()), half);
    case KeyType::Okp: return fmt::format("{} {}", curveName(curve()), half);
    }
    return {};
}

} // namespace jwtwb::keys
