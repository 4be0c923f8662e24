#include "KeyAlgorithmCheck.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::jose {
namespace {

// "an RSA …", "an 8-bit secret", "an EC …", "a 256-bit secret".
std::string_view article(const keys::Key& key)
{
    const auto kind = key.describe();
    const bool vowelSound = !kind.empty()
        && (std::string_view("AEIOUaeiou8").find(kind.front()) != std::string_view::npos || kind.starts_with("RSA")
            || kind.starts_with("11") || kind.starts_with("18"));
    return vowelSound ? "an" : "a";
}

std::string_view opName(KeyPurpose purpose)
{
    return purpose == KeyPurpose::Sign ? "sign" : "verify";
}

// "this is an EC P-256 private key; HS256 needs a shared secret": what the key is, then what fits.
Error doesNotFit(const keys::Key& key, std::string_view alg, std::string_view needed)
{
    return Error{Errc::KeyMismatch, fmt::format("this is {}; {} needs {}", keyPhrase(key), alg, needed), {}};
}

} // namespace

std::string keyPhrase(const keys::Key& key)
{
    return fmt::format("{} {}", article(key), key.describe());
}

std::string describeWeakKey(const keys::Key& key, JwsAlgorithm alg)
{
    const AlgorithmInfo& info = algorithmInfo(alg);
    if (info.family == AlgorithmFamily::Hmac) {
        return describeShortHmacSecret(key, alg);
    }
    if (key.type() != keys::KeyType::Rsa) {
        return {};
    }
    if (key.bits() < 2048) {
        return fmt::format("the RSA key has only {} bits; RFC 7518 §3.3 requires 2048 or more", key.bits());
    }
    if (key.hasRocaFingerprint()) {
        return "the RSA key's modulus has the ROCA fingerprint (CVE-2017-15361): it was made by an Infineon chip "
               "whose keys can be factored, so its private half may be known to others";
    }
    return {};
}

Result<std::vector<std::string>> checkKeyForAlgorithm(const keys::Key& key, JwsAlgorithm alg, KeyPurpose purpose,
                                                      WeakKeys weak)
{
    const AlgorithmInfo& info = algorithmInfo(alg);
    std::vector<std::string> warnings;

    if (info.family == AlgorithmFamily::Unsecured) {
        return fail(Errc::AlgorithmNotAllowed,
                    "alg \"none\" takes no key: an unsecured token has no signature to check");
    }

    const auto& parameters = key.parameters();
    if (!parameters.alg.empty() && parameters.alg != info.name) {
        return fail(Errc::KeyMismatch,
                    fmt::format("the key is meant for {} (its \"alg\"), not {}", parameters.alg, info.name));
    }
    if (!parameters.use.empty() && parameters.use != "sig") {
        return fail(Errc::KeyMismatch,
                    fmt::format("the key's \"use\" is \"{}\": it is not meant for signatures", parameters.use));
    }
    if (!parameters.keyOps.empty()) {
        const std::string_view needed = opName(purpose);
        if (std::ranges::find(parameters.keyOps, needed) == parameters.keyOps.end()) {
            return fail(Errc::KeyMismatch, fmt::format("the key's \"key_ops\" do not allow \"{}\"", needed));
        }
    }

    switch (info.family) {
    case AlgorithmFamily::Hmac:
        if (key.type() != keys::KeyType::Oct) {
            // Only a key that does not fit. Whether the token was forged with this key's public text as
            // its secret (the algorithm-confusion attack) is the verifier's to find out: it has the token.
            return std::unexpected(doesNotFit(key, info.name, "a shared secret"));
        }
        break;
    case AlgorithmFamily::RsaPkcs1:
    case AlgorithmFamily::RsaPss:
        if (key.type() != keys::KeyType::Rsa) {
            return std::unexpected(doesNotFit(key, info.name, "an RSA key"));
        }
        break;
    case AlgorithmFamily::Ecdsa:
        if (key.type() != keys::KeyType::Ec) {
            return std::unexpected(
                doesNotFit(key, info.name, fmt::format("an EC key on {}", keys::curveName(info.curve))));
        }
        if (key.curve() != info.curve) {
            return std::unexpected(
                doesNotFit(key, info.name, fmt::format("an EC key on {}", keys::curveName(info.curve))));
        }
        break;
    case AlgorithmFamily::EdDsa:
        if (key.curve() != keys::Curve::Ed25519 && key.curve() != keys::Curve::Ed448) {
            return std::unexpected(doesNotFit(key, "EdDSA", "an Ed25519 or Ed448 key"));
        }
        break;
    case AlgorithmFamily::Unsecured: break;
    }
    if (purpose == KeyPurpose::Sign && !key.hasPrivate()) {
        return fail(Errc::KeyMismatch, fmt::format("signing needs a private key, but the key is {}", keyPhrase(key)));
    }
    if (auto weakness = describeWeakKey(key, alg); !weakness.empty()) {
        if (weak == WeakKeys::Refuse) {
            return fail(Errc::WeakKey, std::move(weakness));
        }
        warnings.push_back(std::move(weakness));
    }
    return warnings;
}

std::string describeShortHmacSecret(const keys::Key& key, JwsAlgorithm alg)
{
    const AlgorithmInfo& info = algorithmInfo(alg);
    if (info.family != AlgorithmFamily::Hmac || key.type() != keys::KeyType::Oct
        || key.secret().size() >= crypto::hashSize(info.hash)) {
        return {};
    }
    return fmt::format("the secret is {} bytes; RFC 7518 §3.2 requires at least {} bytes for {}", key.secret().size(),
                       crypto::hashSize(info.hash), info.name);
}

std::vector<JwsAlgorithm> algorithmsForKey(const keys::Key& key, KeyPurpose purpose)
{
    std::vector<JwsAlgorithm> out;
    for (const auto& info : allAlgorithms()) {
        if (info.family != AlgorithmFamily::Unsecured
            && checkKeyForAlgorithm(key, info.alg, purpose, WeakKeys::Accept)) {
            out.push_back(info.alg);
        }
    }
    return out;
}

} // namespace jwtwb::jose
