#include "KeyManagement.h"

#include "jwe/Pbes2.h"

#include <fmt/format.h>

namespace jwtwb::jwe {

using encoding::Json;

Json joinHeaders(const Json& protectedHeader, const Json& sharedHeader, const Json& recipientHeader)
{
    Json joined = protectedHeader;
    joined.update(sharedHeader);
    joined.update(recipientHeader);
    return joined;
}

Result<JweAlgorithms> readAlgorithms(const Json& header)
{
    const auto alg = header.find("alg");
    const auto enc = header.find("enc");
    if (alg == header.end() || !alg->is_string()) {
        return fail(Errc::MalformedToken, "the JWE header has no \"alg\" string");
    }
    if (enc == header.end() || !enc->is_string()) {
        return fail(Errc::MalformedToken, "the JWE header has no \"enc\" string");
    }
    const auto keyAlgorithm = parseKeyAlgorithm(alg->get_ref<const std::string&>());
    if (!keyAlgorithm) {
        return fail(Errc::UnsupportedAlgorithm,
                    fmt::format("the JWE key management algorithm \"{}\" is not supported",
                                alg->get_ref<const std::string&>()));
    }
    const auto contentAlgorithm = parseContentAlgorithm(enc->get_ref<const std::string&>());
    if (!contentAlgorithm) {
        return fail(
            Errc::UnsupportedAlgorithm,
            fmt::format("the JWE content encryption \"{}\" is not supported", enc->get_ref<const std::string&>()));
    }
    if (header.contains("zip")) {
        return fail(Errc::UnsupportedAlgorithm, "compressed JWE content (\"zip\") is not supported");
    }
    if (header.contains("crit")) {
        return fail(Errc::UnsupportedAlgorithm,
                    "the JWE marks header parameters as critical (\"crit\"), and none is understood here");
    }
    return JweAlgorithms{*keyAlgorithm, *contentAlgorithm};
}

Result<crypto::SecureBytes> keyWrappingKey(KeyAlgorithm alg, const keys::Key& key, std::span<const std::uint8_t> p2s,
                                           std::uint64_t p2c)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(alg);
    if (key.type() != keys::KeyType::Oct) {
        return fail(Errc::KeyMismatch,
                    fmt::format("{} needs a symmetric key or passphrase, not an {}", info.name, key.describe()));
    }
    const crypto::SecureBytes& secret = key.secret();
    if (info.pbkdf2Hash) {
        if (secret.empty()) {
            return fail(Errc::PassphraseRequired, "the passphrase is empty");
        }
        return pbes2DeriveKey(alg, secret.span(), p2s, p2c);
    }
    if (secret.size() != info.kekSize) {
        return fail(
            Errc::KeyMismatch,
            fmt::format("{} needs a {}-bit key, not a {}-bit one", info.name, info.kekSize * 8, secret.size() * 8));
    }
    return secret.clone();
}

std::string additionalData(std::string_view protectedB64, const std::optional<std::string>& aadB64)
{
    std::string out(protectedB64);
    if (aadB64) {
        out += '.';
        out += *aadB64;
    }
    return out;
}

} // namespace jwtwb::jwe
