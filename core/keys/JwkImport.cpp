// importJwk() and importJwks() of KeyImport.h: RFC 7517, RFC 7518 §6, RFC 8037 §2.

#include "KeyImport.h"

#include "crypto/Digest.h"
#include "crypto/WipeJson.h"
#include "encoding/Base64Url.h"
#include "ossl/BigNum.h"
#include "ossl/Curves.h"
#include "ossl/Handles.h"
#include "ossl/KeyData.h"
#include "ossl/OsslError.h"
#include "ossl/X509Certificate.h"

#include <fmt/format.h>

#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <optional>

namespace jwtwb::keys {
namespace {

using crypto::SecureBytes;
using encoding::Json;

// OpenSSL's OPENSSL_RSA_MAX_MODULUS_BITS: larger keys cannot be used, and checking them costs time.
constexpr int kMaxRsaBits = 16384;

constexpr std::array<std::string_view, 9> kRsaMembers{"n", "e", "d", "p", "q", "dp", "dq", "qi", "oth"};
constexpr std::array<std::string_view, 4> kEcMembers{"crv", "x", "y", "d"};
constexpr std::array<std::string_view, 3> kOkpMembers{"crv", "x", "d"};
constexpr std::array<std::string_view, 1> kOctMembers{"k"};

std::span<const std::string_view> materialMembers(KeyType type)
{
    switch (type) {
    case KeyType::Rsa: return kRsaMembers;
    case KeyType::Ec: return kEcMembers;
    case KeyType::Okp: return kOkpMembers;
    case KeyType::Oct: return kOctMembers;
    }
    return {};
}

std::string_view typeName(const Json& value)
{
    return value.type_name(); // "string", "number", "object", "array", "boolean", "null"
}

std::unexpected<Error> wrongType(std::string_view member, std::string_view expected, const Json& value)
{
    return fail(Errc::InvalidKey,
                fmt::format("JWK member \"{}\" must be {}, not {}", member, expected, typeName(value)));
}

// A base64url member (RFC 7515 §2, strict), decoded into wiped memory. nullopt when absent.
Result<std::optional<SecureBytes>> optionalBytes(const Json& jwk, std::string_view name)
{
    const auto it = jwk.find(name);
    if (it == jwk.end()) {
        return std::optional<SecureBytes>();
    }
    if (!it->is_string()) {
        return wrongType(name, "a base64url string", *it);
    }
    const auto& text = it->get_ref<const std::string&>();
    if (text.empty()) {
        return fail(Errc::InvalidKey, fmt::format("JWK member \"{}\" is empty", name));
    }
    auto decoded = encoding::base64UrlDecode(text);
    if (!decoded) {
        return fail(Errc::InvalidBase64Url,
                    fmt::format("JWK member \"{}\" is not valid base64url: {}", name, decoded.error().message));
    }
    SecureBytes bytes{std::span<const std::uint8_t>(*decoded)};
    crypto::wipe(*decoded);
    return std::optional<SecureBytes>(std::move(bytes));
}

Result<SecureBytes> requiredBytes(const Json& jwk, std::string_view name, std::string_view kty)
{
    auto bytes = optionalBytes(jwk, name);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    if (!*bytes) {
        return fail(Errc::InvalidKey, fmt::format("JWK member \"{}\" is missing (required for kty \"{}\")", name, kty));
    }
    return std::move(**bytes);
}

Result<void> checkLength(const SecureBytes& bytes, std::string_view name, const ossl::CurveInfo& curve)
{
    if (bytes.size() != curve.size) {
        return fail(Errc::InvalidKey,
                    fmt::format("JWK member \"{}\" has {} octets; {} needs exactly {}", name, bytes.size(),
                                curve.jwkName, curve.size));
    }
    return {};
}

// ---- the key material --------------------------------------------------------------------------

// RSA d-only keys cannot go through OpenSSL's pairwise check (it needs p and q): check that d
// inverts e on one value instead, (2^d)^e ≡ 2 (mod n).
bool exponentsMatch(const BIGNUM* n, const BIGNUM* e, BIGNUM* d)
{
    ossl::BnCtxPtr ctx(BN_CTX_secure_new());
    ossl::BnPtr two(BN_new());
    ossl::BnPtr signature(BN_secure_new());
    ossl::BnPtr back(BN_new());
    if (!ctx || !two || !signature || !back || BN_set_word(two.get(), 2) != 1) {
        return false;
    }
    BN_set_flags(d, BN_FLG_CONSTTIME);
    return BN_mod_exp(signature.get(), two.get(), d, n, ctx.get()) == 1
        && BN_mod_exp(back.get(), signature.get(), e, n, ctx.get()) == 1 && BN_cmp(back.get(), two.get()) == 0;
}

Result<Key> rsaFromJwk(const Json& jwk)
{
    if (jwk.contains("oth")) {
        return fail(Errc::UnsupportedKey, "JWK member \"oth\": multi-prime RSA keys are not supported");
    }
    auto n = requiredBytes(jwk, "n", "RSA");
    if (!n) {
        return std::unexpected(n.error());
    }
    auto e = requiredBytes(jwk, "e", "RSA");
    if (!e) {
        return std::unexpected(e.error());
    }
    auto d = optionalBytes(jwk, "d");
    if (!d) {
        return std::unexpected(d.error());
    }
    // RFC 7518 §6.3.2: p, q, dp, dq and qi come all together (and only with d), or not at all.
    constexpr std::array<std::string_view, 5> kCrtNames{"p", "q", "dp", "dq", "qi"};
    std::array<std::optional<SecureBytes>, 5> crt;
    std::optional<std::string_view> present;
    for (std::size_t i = 0; i < kCrtNames.size(); ++i) {
        auto member = optionalBytes(jwk, kCrtNames[i]);
        if (!member) {
            return std::unexpected(member.error());
        }
        crt[i] = std::move(*member);
        if (crt[i] && !present) {
            present = kCrtNames[i];
        }
    }
    if (present) {
        if (!*d) {
            return fail(Errc::InvalidKey,
                        fmt::format("JWK member \"d\" is missing: \"{}\" is present, which makes this a private key",
                                    *present));
        }
        for (std::size_t i = 0; i < kCrtNames.size(); ++i) {
            if (!crt[i]) {
                return fail(Errc::InvalidKey,
                            fmt::format("JWK member \"{}\" is missing: with \"{}\" present, \"p\", \"q\", \"dp\", "
                                        "\"dq\" and \"qi\" are all required (RFC 7518 §6.3.2)",
                                        kCrtNames[i], *present));
            }
        }
    }

    auto bnN = ossl::bnFromBytes(n->span());
    auto bnE = ossl::bnFromBytes(e->span());
    if (!bnN || !bnE) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "out of memory"));
    }
    const int bits = BN_num_bits(bnN.get());
    if (bits > kMaxRsaBits) {
        return fail(Errc::UnsupportedKey,
                    fmt::format("JWK member \"n\": a {}-bit modulus is larger than OpenSSL's RSA limit ({} bits)", bits,
                                kMaxRsaBits));
    }
    if (bits < 512) {
        return fail(Errc::WeakKey,
                    fmt::format("JWK member \"n\": a {}-bit modulus is too small for RSA (at least 512 bits)", bits));
    }
    if (!BN_is_odd(bnN.get())) {
        return fail(Errc::InvalidKey, "JWK member \"n\": an RSA modulus must be odd");
    }
    if (!BN_is_odd(bnE.get()) || BN_num_bits(bnE.get()) < 2 || BN_cmp(bnE.get(), bnN.get()) >= 0) {
        return fail(Errc::InvalidKey,
                    "JWK member \"e\": the public exponent must be odd, at least 3 and smaller than the modulus");
    }

    ossl::ParamBldPtr builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()) != 1) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot build the RSA key"));
    }
    ossl::BnPtr bnD;
    std::array<ossl::BnPtr, 5> bnCrt;
    if (*d) {
        bnD = ossl::bnFromBytes((*d)->span(), true);
        if (!bnD || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_D, bnD.get()) != 1) {
            return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot build the RSA key"));
        }
        if (present) {
            constexpr std::array<const char*, 5> kParams{OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
                                                         OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
                                                         OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
            for (std::size_t i = 0; i < kParams.size(); ++i) {
                bnCrt[i] = ossl::bnFromBytes(crt[i]->span(), true);
                if (!bnCrt[i] || OSSL_PARAM_BLD_push_BN(builder.get(), kParams[i], bnCrt[i].get()) != 1) {
                    return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot build the RSA key"));
                }
            }
        }
    }
    auto built = ossl::pkeyFromData("RSA", *d ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, builder.get());
    if (!built.pkey) {
        return std::unexpected(Error{Errc::InvalidKey, "OpenSSL does not accept this RSA key", built.errors});
    }
    if (present && !ossl::pairwiseCheck(built.pkey.get())) {
        return fail(Errc::InvalidKey,
                    "JWK members \"d\", \"p\", \"q\", \"dp\", \"dq\" and \"qi\" do not form a "
                    "consistent RSA private key with \"n\" and \"e\"");
    }
    if (*d && !present && !exponentsMatch(bnN.get(), bnE.get(), bnD.get())) {
        return fail(Errc::InvalidKey, "JWK member \"d\" does not belong to the public key in \"n\" and \"e\"");
    }
    return Key::fromPkey(built.pkey.release());
}

Result<const ossl::CurveInfo*> curveFromJwk(const Json& jwk, KeyType type)
{
    const std::string_view kty = ktyName(type);
    const auto it = jwk.find("crv");
    if (it == jwk.end()) {
        return fail(Errc::InvalidKey, fmt::format("JWK member \"crv\" is missing (required for kty \"{}\")", kty));
    }
    if (!it->is_string()) {
        return wrongType("crv", "a string", *it);
    }
    const auto& name = it->get_ref<const std::string&>();
    const auto* info = ossl::curveInfoByJwkName(name);
    const char* known = type == KeyType::Ec ? "P-256, P-384, P-521 and secp256k1" : "Ed25519, Ed448, X25519 and X448";
    if (info == nullptr) {
        return fail(
            Errc::UnsupportedKey,
            fmt::format("JWK member \"crv\": unknown curve \"{}\" for kty \"{}\" ({} are known)", name, kty, known));
    }
    if (info->type != type) {
        return fail(
            Errc::UnsupportedKey,
            fmt::format("JWK member \"crv\": \"{}\" keys have kty \"{}\", not \"{}\"", name, ktyName(info->type), kty));
    }
    return info;
}

Result<Key> ecFromJwk(const Json& jwk)
{
    auto curve = curveFromJwk(jwk, KeyType::Ec);
    if (!curve) {
        return std::unexpected(curve.error());
    }
    const ossl::CurveInfo& info = **curve;
    auto x = requiredBytes(jwk, "x", "EC");
    if (!x) {
        return std::unexpected(x.error());
    }
    auto y = requiredBytes(jwk, "y", "EC");
    if (!y) {
        return std::unexpected(y.error());
    }
    auto d = optionalBytes(jwk, "d");
    if (!d) {
        return std::unexpected(d.error());
    }
    for (const auto& [name, bytes] : {std::pair<std::string_view, const SecureBytes*>{"x", &*x}, {"y", &*y}}) {
        if (auto ok = checkLength(*bytes, name, info); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (*d) {
        if (auto ok = checkLength(**d, "d", info); !ok) {
            return std::unexpected(ok.error());
        }
    }

    Bytes point(1 + x->span().size() + y->span().size()); // SEC 1 §2.3.3 uncompressed: 04 || x || y
    point[0] = 0x04;
    std::ranges::copy(x->span(), point.begin() + 1);
    std::ranges::copy(y->span(), point.begin() + 1 + static_cast<std::ptrdiff_t>(x->span().size()));
    ossl::KeyFromData built;
    if (*d) {
        ossl::ParamBldPtr builder(OSSL_PARAM_BLD_new());
        const ossl::BnPtr bnD = ossl::bnFromBytes((*d)->span(), true);
        if (!builder || !bnD
            || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, info.osslName, 0) != 1
            || OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1
            || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, bnD.get()) != 1) {
            return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot build the EC key"));
        }
        built = ossl::pkeyFromData("EC", EVP_PKEY_KEYPAIR, builder.get());
    } else {
        built = ossl::ecPublicKeyFromPoint(info.osslName, point);
    }
    if (!built.pkey) {
        // With the lengths checked, the one thing left that OpenSSL refuses is a point off the curve.
        return std::unexpected(Error{
            Errc::InvalidKey,
            fmt::format("JWK members \"x\" and \"y\": the point is not on the curve {}", info.jwkName), built.errors});
    }
    // A public point was decoded in the curve's group, which refuses coordinates out of range and
    // points off the curve, and the uncompressed form cannot encode the point at infinity: that is
    // the whole public check. A key pair gets OpenSSL's checks of both halves.
    if (*d && !ossl::publicCheck(built.pkey.get())) {
        return fail(Errc::InvalidKey,
                    fmt::format("JWK members \"x\" and \"y\": the point is not a valid {} public key", info.jwkName));
    }
    if (*d && (!ossl::privateCheck(built.pkey.get()) || !ossl::pairwiseCheck(built.pkey.get()))) {
        return fail(Errc::InvalidKey, "JWK member \"d\" does not match the public key in \"x\" and \"y\"");
    }
    return Key::fromPkey(built.pkey.release());
}

Result<Key> okpFromJwk(const Json& jwk)
{
    auto curve = curveFromJwk(jwk, KeyType::Okp);
    if (!curve) {
        return std::unexpected(curve.error());
    }
    const ossl::CurveInfo& info = **curve;
    auto x = requiredBytes(jwk, "x", "OKP");
    if (!x) {
        return std::unexpected(x.error());
    }
    if (auto ok = checkLength(*x, "x", info); !ok) {
        return std::unexpected(ok.error());
    }
    auto d = optionalBytes(jwk, "d");
    if (!d) {
        return std::unexpected(d.error());
    }
    ossl::clearErrors();
    if (!*d) {
        ossl::PKeyPtr pkey(EVP_PKEY_new_raw_public_key_ex(nullptr, info.osslName, nullptr, x->data(), x->size()));
        if (!pkey) {
            return std::unexpected(ossl::cryptoError(Errc::InvalidKey, "OpenSSL does not accept this OKP public key"));
        }
        return Key::fromPkey(pkey.release());
    }
    if (auto ok = checkLength(**d, "d", info); !ok) {
        return std::unexpected(ok.error());
    }
    ossl::PKeyPtr pkey(EVP_PKEY_new_raw_private_key_ex(nullptr, info.osslName, nullptr, (*d)->data(), (*d)->size()));
    if (!pkey) {
        return std::unexpected(ossl::cryptoError(Errc::InvalidKey, "OpenSSL does not accept this OKP private key"));
    }
    Bytes derived(info.size);
    std::size_t length = derived.size();
    if (EVP_PKEY_get_raw_public_key(pkey.get(), derived.data(), &length) != 1 || length != x->size()
        || !x->equals(std::span<const std::uint8_t>(derived.data(), length))) {
        return fail(Errc::InvalidKey, "JWK member \"d\" does not match the public key in \"x\"");
    }
    return Key::fromPkey(pkey.release());
}

Result<Key> octFromJwk(const Json& jwk)
{
    auto k = requiredBytes(jwk, "k", "oct");
    if (!k) {
        return std::unexpected(k.error());
    }
    return Key::fromSecret(std::move(*k));
}

// ---- the other members ---------------------------------------------------------------------------

Result<KeyParameters> readParameters(const Json& jwk, KeyType type)
{
    KeyParameters parameters;
    const auto material = materialMembers(type);
    for (auto it = jwk.begin(); it != jwk.end(); ++it) {
        const std::string& name = it.key();
        if (name == "kty" || std::find(material.begin(), material.end(), name) != material.end()) {
            continue;
        }
        if (name == "kid" || name == "alg" || name == "use") {
            if (!it->is_string()) {
                return wrongType(name, "a string", *it);
            }
            std::string& target = name == "kid" ? parameters.kid : name == "alg" ? parameters.alg : parameters.use;
            target = it->get<std::string>();
        } else if (name == "key_ops") {
            if (!it->is_array()) {
                return wrongType(name, "an array of strings", *it);
            }
            for (const auto& op : *it) {
                if (!op.is_string()) {
                    return fail(Errc::InvalidKey,
                                fmt::format("JWK member \"key_ops\" must hold only strings, not {}", typeName(op)));
                }
                const auto& value = op.get_ref<const std::string&>();
                if (std::find(parameters.keyOps.begin(), parameters.keyOps.end(), value) != parameters.keyOps.end()) {
                    return fail(Errc::InvalidKey,
                                fmt::format("JWK member \"key_ops\" lists \"{}\" twice (RFC 7517 §4.3)", value));
                }
                parameters.keyOps.push_back(value);
            }
        } else if (name == "x5c") {
            if (!it->is_array() || it->empty()) {
                return fail(Errc::InvalidKey,
                            fmt::format("JWK member \"x5c\" must be a non-empty array of base64 strings, not {}",
                                        it->is_array() ? "an empty array" : typeName(*it)));
            }
            for (const auto& cert : *it) {
                if (!cert.is_string()) {
                    return fail(
                        Errc::InvalidKey,
                        fmt::format("JWK member \"x5c\" must hold only base64 strings, not {}", typeName(cert)));
                }
                parameters.x5c.push_back(cert.get<std::string>());
            }
        } else {
            parameters.extra[name] = *it;
        }
    }
    return parameters;
}

// "x5t" (SHA-1) and "x5t#S256" (SHA-256): base64url of the right length, and the thumbprint of the
// first x5c certificate when there is one.
Result<void> checkCertificateThumbprints(const KeyParameters& parameters, const Bytes* firstCertificate)
{
    constexpr std::array<std::pair<std::string_view, crypto::HashAlg>, 2> kThumbprints{
        {{"x5t", crypto::HashAlg::Sha1}, {"x5t#S256", crypto::HashAlg::Sha256}}};
    for (const auto& [name, hash] : kThumbprints) {
        auto value = optionalBytes(parameters.extra, name);
        if (!value) {
            return std::unexpected(value.error());
        }
        if (!*value) {
            continue;
        }
        if ((*value)->size() != crypto::hashSize(hash)) {
            return fail(Errc::InvalidKey,
                        fmt::format("JWK member \"{}\" has {} octets; a {} thumbprint has {}", name, (*value)->size(),
                                    crypto::hashName(hash), crypto::hashSize(hash)));
        }
        if (firstCertificate != nullptr && !(*value)->equals(crypto::digest(hash, *firstCertificate))) {
            return fail(Errc::KeyMismatch,
                        fmt::format("JWK member \"{}\" is not the {} thumbprint of the certificate in \"x5c\"", name,
                                    crypto::hashName(hash)));
        }
    }
    return {};
}

// RFC 7517 §4.7: every x5c entry is a base64 DER certificate, and the first one holds the JWK's key.
Result<void> attachCertificates(Key& key)
{
    const auto& x5c = key.parameters().x5c;
    std::optional<CertificateInfo> first;
    for (std::size_t i = 0; i < x5c.size(); ++i) {
        auto der = encoding::base64Decode(x5c[i]);
        if (!der) {
            return fail(Errc::InvalidKey,
                        fmt::format("JWK member \"x5c\"[{}] is not valid base64: {}", i, der.error().message));
        }
        auto cert = ossl::parseCertificateDer(*der);
        if (!cert) {
            return std::unexpected(
                Error{Errc::InvalidKey,
                      fmt::format("JWK member \"x5c\"[{}] is not an X.509 certificate: {}", i, cert.error().message),
                      cert.error().detail});
        }
        if (i > 0) {
            continue;
        }
        if (key.type() == KeyType::Oct) {
            return fail(Errc::KeyMismatch, "JWK member \"x5c\": a secret (kty \"oct\") cannot be in a certificate");
        }
        EVP_PKEY* certKey = X509_get0_pubkey(cert->get());
        if (certKey == nullptr || EVP_PKEY_eq(certKey, key.pkey()) != 1) {
            ossl::clearErrors();
            return fail(Errc::KeyMismatch,
                        "JWK member \"x5c\": the first certificate holds a different key than the JWK (RFC 7517 §4.7)");
        }
        auto info = ossl::certificateInfo(cert->get());
        if (!info) {
            return std::unexpected(info.error());
        }
        first = std::move(*info);
    }
    if (auto ok = checkCertificateThumbprints(key.parameters(), first ? &first->der : nullptr); !ok) {
        return ok;
    }
    if (first) {
        key.setCertificate(std::move(*first));
    }
    return {};
}

Result<encoding::ParsedJson> parseJwkText(std::string_view text)
{
    auto parsed = encoding::parseJson(text);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    return parsed;
}

std::unexpected<Error> duplicateError(const encoding::DuplicateMember& duplicate)
{
    const std::string where = duplicate.path.empty() ? std::string() : fmt::format(" (in {})", duplicate.path);
    return fail(Errc::DuplicateMember, fmt::format("JWK member \"{}\" appears more than once{}", duplicate.key, where),
                duplicate.offset);
}

std::string kidNote(const Json& jwk)
{
    if (jwk.is_object()) {
        const auto it = jwk.find("kid");
        if (it != jwk.end() && it->is_string()) {
            return fmt::format(" (kid \"{}\")", it->get_ref<const std::string&>());
        }
    }
    return {};
}

} // namespace

Result<Key> importJwk(const encoding::Json& jwk)
{
    if (!jwk.is_object()) {
        return fail(Errc::NotAJsonObject, fmt::format("a JWK must be a JSON object, not {}", typeName(jwk)));
    }
    const auto kty = jwk.find("kty");
    if (kty == jwk.end()) {
        return fail(Errc::InvalidKey, "JWK member \"kty\" is missing");
    }
    if (!kty->is_string()) {
        return wrongType("kty", "a string", *kty);
    }
    const auto& name = kty->get_ref<const std::string&>();
    KeyType type = KeyType::Oct;
    Result<Key> key = fail(Errc::InvalidKey, "no key");
    if (name == "RSA") {
        type = KeyType::Rsa;
        key = rsaFromJwk(jwk);
    } else if (name == "EC") {
        type = KeyType::Ec;
        key = ecFromJwk(jwk);
    } else if (name == "OKP") {
        type = KeyType::Okp;
        key = okpFromJwk(jwk);
    } else if (name == "oct") {
        key = octFromJwk(jwk);
    } else {
        return fail(Errc::UnsupportedKey,
                    fmt::format("JWK member \"kty\": unknown key type \"{}\" (RSA, EC, OKP and oct are known)", name));
    }
    if (!key) {
        return key;
    }
    auto parameters = readParameters(jwk, type);
    if (!parameters) {
        return std::unexpected(parameters.error());
    }
    key->parameters() = std::move(*parameters);
    if (auto ok = attachCertificates(*key); !ok) {
        return std::unexpected(ok.error());
    }
    return key;
}

Result<Key> importJwk(std::string_view text)
{
    auto parsed = parseJwkText(text);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    const crypto::WipeOnExit wiped(parsed->value);
    if (!parsed->duplicates.empty()) {
        return duplicateError(parsed->duplicates.front());
    }
    return importJwk(parsed->value);
}

Result<JwksImport> importJwks(std::string_view text)
{
    auto parsed = parseJwkText(text);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    const crypto::WipeOnExit wiped(parsed->value);
    const Json& set = parsed->value;
    if (!set.is_object()) {
        return fail(Errc::NotAJsonObject,
                    fmt::format("a JWK Set must be a JSON object with a \"keys\" array, not {}", typeName(set)));
    }
    const auto keys = set.find("keys");
    if (keys == set.end()) {
        return fail(Errc::InvalidKey, "the JWK Set has no \"keys\" member");
    }
    if (!keys->is_array()) {
        return fail(Errc::InvalidKey, fmt::format("JWK Set member \"keys\" must be an array, not {}", typeName(*keys)));
    }
    // Duplicates inside a key make that key ambiguous (it is skipped); anywhere else, the whole set.
    constexpr std::string_view kKeysPath = "/keys/";
    std::vector<std::optional<std::string>> keyDuplicates(keys->size());
    for (const auto& duplicate : parsed->duplicates) {
        if (!duplicate.path.starts_with(kKeysPath)) {
            return fail(Errc::DuplicateMember,
                        fmt::format("JWK Set member \"{}\" appears more than once{}", duplicate.key,
                                    duplicate.path.empty() ? "" : fmt::format(" (in {})", duplicate.path)),
                        duplicate.offset);
        }
        const std::string_view rest = std::string_view(duplicate.path).substr(kKeysPath.size());
        std::size_t index = 0;
        std::size_t digits = 0;
        while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
            index = index * 10 + static_cast<std::size_t>(rest[digits] - '0');
            ++digits;
        }
        if (digits > 0 && index < keyDuplicates.size() && !keyDuplicates[index]) {
            keyDuplicates[index] = fmt::format("member \"{}\" appears more than once", duplicate.key);
        }
    }

    JwksImport result;
    for (std::size_t i = 0; i < keys->size(); ++i) {
        const Json& jwk = (*keys)[i];
        if (keyDuplicates[i]) {
            result.skipped.push_back(fmt::format("keys[{}]{}: {}", i, kidNote(jwk), *keyDuplicates[i]));
            continue;
        }
        auto key = importJwk(jwk);
        if (!key) {
            result.skipped.push_back(fmt::format("keys[{}]{}: {}", i, kidNote(jwk), key.error().message));
            continue;
        }
        result.keys.push_back(std::move(*key));
    }
    return result;
}

} // namespace jwtwb::keys
