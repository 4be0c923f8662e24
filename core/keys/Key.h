#pragma once

#include "Bytes.h"
#include "Error.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// OpenSSL's key type, declared without including OpenSSL: only core .cpp files use it.
using EVP_PKEY = struct evp_pkey_st;

namespace jwtwb::ossl {
class ContextPool;
}

namespace jwtwb::keys {

enum class KeyType { Oct, Rsa, Ec, Okp };
enum class Curve { None, P256, P384, P521, Secp256k1, Ed25519, Ed448, X25519, X448 };

[[nodiscard]] std::string_view ktyName(KeyType type); // JWK "kty": "oct", "RSA", "EC", "OKP"
[[nodiscard]] std::string_view curveName(Curve curve); // JWK "crv": "P-256", …, "secp256k1", "Ed25519", …

// Where a key came from when it came with an X.509 certificate (PEM/DER certificate or JWK x5c).
struct CertificateInfo {
    std::string subject; // RFC 2253 form
    std::string issuer;
    std::string serialHex;
    std::int64_t notBefore = 0; // Unix seconds
    std::int64_t notAfter = 0;
    Bytes der;
};

// JWK members that are not key material (RFC 7517 §4), kept as they came.
struct KeyParameters {
    std::string kid;
    std::string alg;
    std::string use;
    std::vector<std::string> keyOps;
    std::vector<std::string> x5c; // base64 (not url) DER certificates, as in the JWK
    encoding::Json extra = encoding::Json::object(); // any other members, in their order
};

// A key of any kind: an HMAC secret, or an RSA / EC / OKP key pair or public key.
// A value type: copies share the immutable key material; parameters are per copy.
class Key
{
public:
    [[nodiscard]] static Key fromSecret(crypto::SecureBytes secret);
    // Takes ownership of `pkey` (also on failure). Refuses key types JOSE has no use for.
    [[nodiscard]] static Result<Key> fromPkey(EVP_PKEY* pkey);

    [[nodiscard]] KeyType type() const;
    [[nodiscard]] Curve curve() const; // Curve::None for oct and RSA
    [[nodiscard]] int bits() const; // RSA modulus, EC field or OKP key size, secret length × 8
    [[nodiscard]] bool hasPrivate() const; // always true for a secret
    // An RSA modulus made by a ROCA-vulnerable chip (keys/RocaFingerprint.h), found once per key.
    [[nodiscard]] bool hasRocaFingerprint() const;
    [[nodiscard]] const crypto::SecureBytes& secret() const; // oct only; empty otherwise
    [[nodiscard]] EVP_PKEY* pkey() const; // RSA / EC / OKP only; nullptr for oct
    // Prepared OpenSSL contexts for this key material (core-internal, see ossl/ContextPool.h).
    [[nodiscard]] ossl::ContextPool& contextPool() const;

    [[nodiscard]] const KeyParameters& parameters() const { return m_parameters; }
    [[nodiscard]] KeyParameters& parameters() { return m_parameters; }
    [[nodiscard]] const std::optional<CertificateInfo>& certificate() const { return m_certificate; }
    void setCertificate(CertificateInfo info) { m_certificate = std::move(info); }

    // The public half (same parameters, no private material); an error for a secret.
    [[nodiscard]] Result<Key> publicKey() const;

    // "RSA 2048-bit private key", "EC P-256 public key", "Ed25519 private key", "256-bit secret".
    [[nodiscard]] std::string describe() const;

private:
    struct Material;
    explicit Key(std::shared_ptr<const Material> material);

    std::shared_ptr<const Material> m_material;
    KeyParameters m_parameters;
    std::optional<CertificateInfo> m_certificate;
};

} // namespace jwtwb::keys
