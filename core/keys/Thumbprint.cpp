#include "Thumbprint.h"

#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "keys/KeyExport.h"

#include <fmt/format.h>

#include <array>

namespace jwtwb::keys {
namespace {

// The required members of each key type, already in lexicographic order.
std::span<const char* const> requiredMembers(KeyType type)
{
    static constexpr std::array<const char*, 3> kRsa{"e", "kty", "n"};
    static constexpr std::array<const char*, 4> kEc{"crv", "kty", "x", "y"};
    static constexpr std::array<const char*, 3> kOkp{"crv", "kty", "x"};
    static constexpr std::array<const char*, 2> kOct{"k", "kty"};
    switch (type) {
    case KeyType::Rsa: return kRsa;
    case KeyType::Ec: return kEc;
    case KeyType::Okp: return kOkp;
    case KeyType::Oct: return kOct;
    }
    return {};
}

} // namespace

Result<std::string> thumbprintInput(const Key& key)
{
    // The public JWK (for a secret, the only JWK there is) has every required member; the key's
    // parameters play no part.
    Key bare = key;
    bare.parameters() = KeyParameters();
    auto jwk = exportJwk(bare, key.type() == KeyType::Oct);
    if (!jwk) {
        return std::unexpected(jwk.error());
    }
    std::string input = "{";
    for (const char* name : requiredMembers(key.type())) {
        if (input.size() > 1) {
            input += ',';
        }
        const auto member = jwk->find(name);
        if (member == jwk->end() || !member->is_string()) {
            return fail(Errc::InvalidKey, fmt::format("the key has no \"{}\" member for its thumbprint", name));
        }
        // The values are base64url or registered names: JSON strings without escapes.
        input += fmt::format("\"{}\":\"{}\"", name, member->get_ref<const std::string&>());
    }
    input += '}';
    if (const auto k = jwk->find("k"); k != jwk->end() && k->is_string()) {
        crypto::wipe(k->get_ref<std::string&>());
    }
    return input;
}

Result<Bytes> thumbprint(const Key& key, crypto::HashAlg hash)
{
    auto input = thumbprintInput(key);
    if (!input) {
        return std::unexpected(input.error());
    }
    Bytes out = crypto::digest(hash, asBytes(*input));
    crypto::wipe(*input);
    return out;
}

Result<std::string> thumbprintUri(const Key& key, crypto::HashAlg hash)
{
    std::string_view name;
    switch (hash) {
    case crypto::HashAlg::Sha256: name = "sha-256"; break;
    case crypto::HashAlg::Sha384: name = "sha-384"; break;
    case crypto::HashAlg::Sha512: name = "sha-512"; break;
    case crypto::HashAlg::Sha1:
        return fail(Errc::UnsupportedAlgorithm,
                    "RFC 9278 thumbprint URIs have no SHA-1 form (sha-256, sha-384 and sha-512 are defined)");
    }
    auto bytes = thumbprint(key, hash);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return fmt::format("urn:ietf:params:oauth:jwk-thumbprint:{}:{}", name, encoding::base64UrlEncode(*bytes));
}

} // namespace jwtwb::keys
