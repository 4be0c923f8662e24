#include "SdJwtIssuer.h"

#include "crypto/Random.h"
#include "encoding/Base64Url.h"
#include "jose/ClaimText.h"
#include "jose/JwsSigner.h"
#include "jose/KeyAlgorithmCheck.h"
#include "keys/KeyExport.h"
#include "sdjwt/SdJwt.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace jwtwb::sdjwt {
namespace {

using encoding::Json;

std::string pointer(std::string_view path)
{
    return path.starts_with('/') ? std::string(path) : "/" + std::string(path);
}

std::string pointerStep(std::string_view name)
{
    std::string out;
    for (const char c : name) {
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return out;
}

// RFC 9901 §9.3: 128 bits of salt from a CSPRNG.
Result<std::string> randomText()
{
    auto bytes = crypto::randomBytes(16);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return encoding::base64UrlEncode(*bytes);
}

class Issuer
{
public:
    explicit Issuer(const IssueOptions& options)
        : m_options(options)
    {
        for (const auto& path : options.disclose) {
            m_wanted.insert(pointer(path));
        }
    }

    Result<Json> run(const Json& payload)
    {
        auto body = transform(payload, "", m_options.decoys);
        if (!body) {
            return body;
        }
        for (const auto& path : m_wanted) {
            if (!m_found.contains(path)) {
                return fail(Errc::PathNotFound,
                            fmt::format("the payload has no claim or element at {}", jose::quoteString(path)));
            }
        }
        return body;
    }

    [[nodiscard]] const std::vector<std::string>& disclosures() const { return m_disclosures; }

private:
    const IssueOptions& m_options;
    std::set<std::string, std::less<>> m_wanted;
    std::set<std::string, std::less<>> m_found;
    std::vector<std::string> m_disclosures;

    Result<std::string> disclose(Json array)
    {
        auto salt = randomText();
        if (!salt) {
            return std::unexpected(salt.error());
        }
        array.insert(array.begin(), *salt);
        std::string text = encoding::base64UrlEncode(encoding::toCompactJson(array));
        std::string digest = digestOf(m_options.hash, text);
        m_disclosures.push_back(std::move(text));
        return digest;
    }

    Result<Json> transform(const Json& node, const std::string& path, std::size_t decoys)
    {
        if (node.is_object()) {
            if (node.contains("_sd") || node.contains("...")) {
                return fail(Errc::NotAJsonObject,
                            fmt::format("the payload already has \"_sd\" or \"...\" at {}", path.empty() ? "/" : path));
            }
            std::vector<std::string> digests;
            Json kept = Json::object();
            for (const auto& [name, value] : node.items()) {
                const std::string childPath = path + "/" + pointerStep(name);
                auto child = transform(value, childPath, 0);
                if (!child) {
                    return child;
                }
                if (!m_wanted.contains(childPath)) {
                    kept[name] = std::move(*child);
                    continue;
                }
                auto digest = disclose(Json::array({name, std::move(*child)}));
                if (!digest) {
                    return std::unexpected(digest.error());
                }
                digests.push_back(std::move(*digest));
                m_found.insert(childPath);
            }
            for (std::size_t i = 0; i < decoys; ++i) {
                auto random = randomText();
                if (!random) {
                    return std::unexpected(random.error());
                }
                digests.push_back(digestOf(m_options.hash, *random));
            }
            if (digests.empty()) {
                return kept;
            }
            // Sorted, so that the order says nothing about the claims (RFC 9901 §4.2.4.1).
            std::ranges::sort(digests);
            Json out{{"_sd", digests}};
            for (auto& [name, value] : kept.items()) {
                out[name] = std::move(value);
            }
            return out;
        }
        if (node.is_array()) {
            Json out = Json::array();
            for (std::size_t i = 0; i < node.size(); ++i) {
                const std::string childPath = path + "/" + std::to_string(i);
                auto child = transform(node[i], childPath, 0);
                if (!child) {
                    return child;
                }
                if (!m_wanted.contains(childPath)) {
                    out.push_back(std::move(*child));
                    continue;
                }
                auto digest = disclose(Json::array({std::move(*child)}));
                if (!digest) {
                    return std::unexpected(digest.error());
                }
                out.push_back(Json{{"...", std::move(*digest)}});
                m_found.insert(childPath);
            }
            return out;
        }
        return node;
    }
};

std::optional<jose::JwsAlgorithm> signingAlgorithm(const keys::Key& key, std::optional<jose::JwsAlgorithm> alg)
{
    if (alg) {
        return alg;
    }
    const auto fitting = jose::algorithmsForKey(key, jose::KeyPurpose::Sign);
    return fitting.empty() ? std::nullopt : std::optional(fitting.front());
}

Result<std::string> sign(Json header, const Json& claims, const keys::Key& key, std::optional<jose::JwsAlgorithm> alg)
{
    const auto chosen = signingAlgorithm(key, alg);
    if (!chosen) {
        return fail(Errc::KeyMismatch, fmt::format("no signature algorithm fits {}", jose::keyPhrase(key)));
    }
    Json full{{"alg", jose::algorithmName(*chosen)}};
    for (auto& [name, value] : header.items()) {
        if (name != "alg") {
            full[name] = std::move(value);
        }
    }
    return jose::signCompact(encoding::toCompactJson(full), asBytes(encoding::toCompactJson(claims)), &key);
}

bool within(std::string_view path, std::string_view ancestor)
{
    return path == ancestor
        || (path.starts_with(ancestor) && path.size() > ancestor.size() && path[ancestor.size()] == '/');
}

} // namespace

Result<std::string> issueSdJwt(const Json& payload, const keys::Key& key, const IssueOptions& options)
{
    if (!payload.is_object()) {
        return fail(Errc::NotAJsonObject, "the payload of an SD-JWT is a JSON object");
    }
    if (options.hash == crypto::HashAlg::Sha1) {
        return fail(Errc::UnsupportedAlgorithm, "_sd_alg is sha-256, sha-384 or sha-512");
    }
    Issuer issuer(options);
    auto body = issuer.run(payload);
    if (!body) {
        return std::unexpected(body.error());
    }
    (*body)["_sd_alg"] = hashNameOf(options.hash);
    if (options.holderKey) {
        if (options.holderKey->type() == keys::KeyType::Oct) {
            return fail(Errc::KeyMismatch, "the holder key is a public key (RSA, EC or OKP), not a secret");
        }
        auto publicKey = options.holderKey->publicKey();
        if (!publicKey) {
            return std::unexpected(publicKey.error());
        }
        publicKey->parameters() = {};
        auto jwk = keys::exportJwk(*publicKey, false);
        if (!jwk) {
            return std::unexpected(jwk.error());
        }
        (*body)["cnf"] = Json{{"jwk", std::move(*jwk)}};
    }
    if (!options.header.is_object()) {
        return fail(Errc::NotAJsonObject, "the header of an SD-JWT is a JSON object");
    }
    auto jwt = sign(options.header, *body, key, options.alg);
    if (!jwt) {
        return std::unexpected(jwt.error());
    }
    std::string out = *jwt + "~";
    for (const auto& disclosure : issuer.disclosures()) {
        out += disclosure + "~";
    }
    return out;
}

Result<std::string> presentSdJwt(std::string_view text, const PresentOptions& options)
{
    auto sdJwt = parseSdJwt(text);
    if (!sdJwt) {
        return std::unexpected(sdJwt.error());
    }
    if (!sdJwt->ok()) {
        return fail(Errc::MalformedToken, "the SD-JWT's disclosures are not sound: " + sdJwt->findings.front().reason,
                    sdJwt->findings.front().position);
    }
    std::vector<std::string> wanted;
    for (const auto& path : options.disclose) {
        wanted.push_back(pointer(path));
        const bool disclosable = std::ranges::any_of(sdJwt->disclosures, [&](const Disclosure& disclosure) {
            return within(disclosure.path, wanted.back()) || within(wanted.back(), disclosure.path);
        });
        if (!disclosable) {
            return fail(Errc::PathNotFound,
                        fmt::format("no disclosure discloses {} or what holds it", jose::quoteString(wanted.back())));
        }
    }
    std::string presented = sdJwt->issuerJwt + "~";
    for (const auto& disclosure : sdJwt->disclosures) {
        const bool chosen = std::ranges::any_of(wanted, [&](const std::string& path) {
            return within(disclosure.path, path) || within(path, disclosure.path);
        });
        if (chosen) {
            presented += disclosure.text + "~";
        }
    }
    if (!options.holderKey) {
        return presented;
    }
    const Json claims{{"nonce", options.nonce},
                      {"aud", options.audience},
                      {"iat", options.iat.time_since_epoch().count()},
                      {"sd_hash", digestOf(*sdJwt->hash, presented)}};
    auto kbJwt = sign(Json{{"typ", "kb+jwt"}}, claims, *options.holderKey, std::nullopt);
    if (!kbJwt) {
        return std::unexpected(kbJwt.error());
    }
    return presented + *kbJwt;
}

} // namespace jwtwb::sdjwt
