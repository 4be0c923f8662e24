#include "KeyExport.h"

#include "encoding/Base64Url.h"
#include "ossl/BigNum.h"
#include "ossl/Curves.h"
#include "ossl/Handles.h"
#include "ossl/KeyEncoder.h"
#include "ossl/OsslError.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jwtwb::keys {
namespace {

using encoding::Json;

constexpr std::array<std::string_view, 6> kParameterMembers{"kty", "kid", "use", "key_ops", "alg", "x5c"};
constexpr std::array<std::string_view, 13> kMaterialMembers{"n",  "e",   "d",   "p", "q", "dp", "dq",
                                                            "qi", "oth", "crv", "x", "y", "k"};

// base64url of a key component; the intermediate text is wiped (the copy in the JSON is not).
void put(Json& jwk, const char* name, const crypto::SecureBytes& bytes)
{
    std::string text = encoding::base64UrlEncode(bytes.span());
    jwk[name] = text;
    crypto::wipe(text);
}

Result<void> putBn(Json& jwk, const Key& key, const char* name, const char* param, std::size_t width = 0)
{
    const ossl::BnPtr bn = ossl::pkeyBnParam(key.pkey(), param);
    if (!bn) {
        return std::unexpected(
            ossl::cryptoError(Errc::Crypto, fmt::format("cannot read the \"{}\" component of the key", name)));
    }
    const crypto::SecureBytes bytes = ossl::bnToBytes(bn.get(), width);
    if (bytes.empty()) {
        return fail(Errc::InvalidKey,
                    fmt::format("the \"{}\" component of the key does not fit in {} octets", name, width));
    }
    put(jwk, name, bytes);
    return {};
}

Result<void> rsaMembers(Json& jwk, const Key& key, bool includePrivate)
{
    for (const auto& [name, param] : {std::pair{"n", OSSL_PKEY_PARAM_RSA_N}, std::pair{"e", OSSL_PKEY_PARAM_RSA_E}}) {
        if (auto ok = putBn(jwk, key, name, param); !ok) {
            return ok;
        }
    }
    if (!includePrivate) {
        return {};
    }
    if (auto ok = putBn(jwk, key, "d", OSSL_PKEY_PARAM_RSA_D); !ok) {
        return ok;
    }
    // A key imported from a JWK with d alone has no factors; RFC 7518 §6.3.2 allows that.
    if (!ossl::pkeyBnParam(key.pkey(), OSSL_PKEY_PARAM_RSA_FACTOR1)) {
        ossl::clearErrors();
        return {};
    }
    constexpr std::array<std::pair<const char*, const char*>, 5> kCrt{{
        {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
        {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},
        {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
        {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2},
        {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1},
    }};
    for (const auto& [name, param] : kCrt) {
        if (auto ok = putBn(jwk, key, name, param); !ok) {
            return ok;
        }
    }
    return {};
}

Result<void> ecMembers(Json& jwk, const Key& key, bool includePrivate)
{
    const auto* curve = ossl::curveInfo(key.curve());
    if (curve == nullptr) {
        return fail(Errc::UnsupportedKey, "the key's curve has no JWK name");
    }
    jwk["crv"] = curve->jwkName;
    if (auto ok = putBn(jwk, key, "x", OSSL_PKEY_PARAM_EC_PUB_X, curve->size); !ok) {
        return ok;
    }
    if (auto ok = putBn(jwk, key, "y", OSSL_PKEY_PARAM_EC_PUB_Y, curve->size); !ok) {
        return ok;
    }
    if (includePrivate) {
        return putBn(jwk, key, "d", OSSL_PKEY_PARAM_PRIV_KEY, curve->size);
    }
    return {};
}

Result<void> okpMembers(Json& jwk, const Key& key, bool includePrivate)
{
    const auto* curve = ossl::curveInfo(key.curve());
    if (curve == nullptr) {
        return fail(Errc::UnsupportedKey, "the key's curve has no JWK name");
    }
    jwk["crv"] = curve->jwkName;
    crypto::SecureBytes bytes(curve->size);
    std::size_t length = bytes.size();
    if (EVP_PKEY_get_raw_public_key(key.pkey(), bytes.data(), &length) != 1 || length != curve->size) {
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot read the public key"));
    }
    put(jwk, "x", bytes);
    if (includePrivate) {
        length = bytes.size();
        if (EVP_PKEY_get_raw_private_key(key.pkey(), bytes.data(), &length) != 1 || length != curve->size) {
            return std::unexpected(ossl::cryptoError(Errc::Crypto, "cannot read the private key"));
        }
        put(jwk, "d", bytes);
    }
    return {};
}

Result<void> parameterMembers(Json& jwk, const Key& key)
{
    const KeyParameters& parameters = key.parameters();
    if (!parameters.kid.empty()) {
        jwk["kid"] = parameters.kid;
    }
    if (!parameters.use.empty()) {
        jwk["use"] = parameters.use;
    }
    if (!parameters.keyOps.empty()) {
        jwk["key_ops"] = parameters.keyOps;
    }
    if (!parameters.alg.empty()) {
        jwk["alg"] = parameters.alg;
    }
    if (!parameters.x5c.empty()) {
        jwk["x5c"] = parameters.x5c;
    }
    if (!parameters.extra.is_object()) {
        return fail(Errc::InvalidKey, "the key's extra parameters are not a JSON object");
    }
    for (auto it = parameters.extra.begin(); it != parameters.extra.end(); ++it) {
        const std::string& name = it.key();
        const bool reserved
            = std::find(kParameterMembers.begin(), kParameterMembers.end(), name) != kParameterMembers.end()
            || std::find(kMaterialMembers.begin(), kMaterialMembers.end(), name) != kMaterialMembers.end();
        if (reserved) {
            return fail(Errc::InvalidKey,
                        fmt::format("the extra parameter \"{}\" would repeat or contradict a member written from "
                                    "the key",
                                    name));
        }
        jwk[name] = *it;
    }
    return {};
}

Result<void> requirePkey(const Key& key, std::string_view what)
{
    if (key.type() == KeyType::Oct) {
        return fail(Errc::InvalidKey, fmt::format("a secret has no {} form: export it as a JWK", what));
    }
    return {};
}

Result<void> requirePrivate(const Key& key)
{
    if (!key.hasPrivate()) {
        return fail(Errc::InvalidKey, fmt::format("there is no private key to export: this is an {}", key.describe()));
    }
    return {};
}

} // namespace

Result<encoding::Json> exportJwk(const Key& key, bool includePrivate)
{
    if (key.type() == KeyType::Oct && !includePrivate) {
        return fail(Errc::InvalidKey, "a secret has no public form: export it with its private material");
    }
    if (includePrivate) {
        if (auto ok = requirePrivate(key); !ok) {
            return std::unexpected(ok.error());
        }
    }
    Json jwk = Json::object();
    jwk["kty"] = ktyName(key.type());
    Result<void> members;
    switch (key.type()) {
    case KeyType::Rsa: members = rsaMembers(jwk, key, includePrivate); break;
    case KeyType::Ec: members = ecMembers(jwk, key, includePrivate); break;
    case KeyType::Okp: members = okpMembers(jwk, key, includePrivate); break;
    case KeyType::Oct: put(jwk, "k", key.secret()); break;
    }
    if (!members) {
        return std::unexpected(members.error());
    }
    if (auto ok = parameterMembers(jwk, key); !ok) {
        return std::unexpected(ok.error());
    }
    return jwk;
}

Result<encoding::Json> exportJwks(std::span<const Key> keys, bool includePrivate)
{
    Json array = Json::array();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        auto jwk = exportJwk(keys[i], includePrivate);
        if (!jwk) {
            const std::string kid = keys[i].parameters().kid;
            return fail(jwk.error().code,
                        fmt::format("keys[{}]{}: {}", i, kid.empty() ? "" : fmt::format(" (kid \"{}\")", kid),
                                    jwk.error().message));
        }
        array.push_back(std::move(*jwk));
    }
    Json set = Json::object();
    set["keys"] = std::move(array);
    return set;
}

Result<std::string> exportPublicPem(const Key& key)
{
    if (auto ok = requirePkey(key, "PEM"); !ok) {
        return std::unexpected(ok.error());
    }
    auto pem = ossl::encodePkey(key.pkey(), EVP_PKEY_PUBLIC_KEY, "PEM", "SubjectPublicKeyInfo");
    if (!pem) {
        return std::unexpected(pem.error());
    }
    return std::string(pem->view());
}

Result<Bytes> exportPublicDer(const Key& key)
{
    if (auto ok = requirePkey(key, "DER"); !ok) {
        return std::unexpected(ok.error());
    }
    auto der = ossl::encodePkey(key.pkey(), EVP_PKEY_PUBLIC_KEY, "DER", "SubjectPublicKeyInfo");
    if (!der) {
        return std::unexpected(der.error());
    }
    return Bytes(der->span().begin(), der->span().end());
}

Result<std::string> exportPrivatePem(const Key& key, std::string_view passphrase)
{
    if (auto ok = requirePkey(key, "PEM"); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = requirePrivate(key); !ok) {
        return std::unexpected(ok.error());
    }
    auto pem = ossl::encodePkey(key.pkey(), EVP_PKEY_KEYPAIR, "PEM", "PrivateKeyInfo", passphrase);
    if (!pem) {
        return std::unexpected(pem.error());
    }
    return std::string(pem->view());
}

Result<crypto::SecureBytes> exportPrivateDer(const Key& key, std::string_view passphrase)
{
    if (auto ok = requirePkey(key, "DER"); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = requirePrivate(key); !ok) {
        return std::unexpected(ok.error());
    }
    return ossl::encodePkey(key.pkey(), EVP_PKEY_KEYPAIR, "DER", "PrivateKeyInfo", passphrase);
}

} // namespace jwtwb::keys
