#include "KeyManagement.h"

#include "jwe/Pbes2.h"

#include <fmt/format.h>

#include <algorithm>

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
    bool compressed = false;
    if (const auto zip = header.find("zip"); zip != header.end()) {
        if (!zip->is_string() || zip->get_ref<const std::string&>() != "DEF") {
            return fail(Errc::UnsupportedAlgorithm,
                        fmt::format("the JWE compression \"zip\": {} is not supported; only \"DEF\" is registered",
                                    zip->dump()));
        }
        compressed = true;
    }
    return JweAlgorithms{*keyAlgorithm, *contentAlgorithm, compressed};
}

Result<void> checkCritical(const Json& protectedHeader, const Json& header, std::span<const std::string> understood)
{
    const auto crit = header.find("crit");
    if (crit == header.end()) {
        return {};
    }
    if (!protectedHeader.contains("crit")) {
        return fail(Errc::MalformedToken, "\"crit\" must be in the protected header (RFC 7516 §4.1.13)");
    }
    if (!crit->is_array() || crit->empty()) {
        return fail(Errc::MalformedToken, "\"crit\" must be a non-empty array of header parameter names");
    }
    for (const auto& name : *crit) {
        if (!name.is_string()) {
            return fail(Errc::MalformedToken, "\"crit\" must hold only strings");
        }
        const auto& text = name.get_ref<const std::string&>();
        if (!header.contains(text)) {
            return fail(Errc::MalformedToken, fmt::format("\"crit\" names \"{}\", which is not in the header", text));
        }
        if (std::ranges::find(understood, text) == understood.end()) {
            return fail(
                Errc::UnsupportedAlgorithm,
                fmt::format("the JWE marks \"{}\" as critical (\"crit\"), and it is not understood here", text));
        }
    }
    return {};
}

Result<crypto::SecureBytes> keyWrappingKey(KeyAlgorithm alg, const keys::Key& key, std::span<const std::uint8_t> p2s,
                                           std::uint64_t p2c)
{
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(alg);
    if (key.type() != keys::KeyType::Oct) {
        return fail(Errc::KeyMismatch,
                    fmt::format("{} needs a {}, not an {}", info.name,
                                info.usesPassphrase() ? "passphrase" : "symmetric key", key.describe()));
    }
    const crypto::SecureBytes& secret = key.secret();
    if (info.usesPassphrase()) {
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
