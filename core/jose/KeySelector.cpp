#include "KeySelector.h"

#include "jose/Algorithm.h"
#include "jose/KeyAlgorithmCheck.h"

#include <fmt/format.h>

#include <algorithm>

namespace jwtwb::jose {

std::string describeKeyInSet(const keys::Key& key, std::size_t index)
{
    if (key.parameters().kid.empty()) {
        return fmt::format("key {} ({})", index + 1, key.describe());
    }
    return fmt::format("key {} (kid \"{}\", {})", index + 1, key.parameters().kid, key.describe());
}

std::string KeySelection::explain(std::span<const keys::Key> keys) const
{
    if (keys.empty()) {
        return "the key set is empty";
    }
    std::string out = "no key in the set fits this token";
    for (const auto& rejection : rejected) {
        out += fmt::format("; {}: {}", describeKeyInSet(keys[rejection.index], rejection.index), rejection.reason);
    }
    return out;
}

std::string describeAmbiguousKeySet(std::span<const keys::Key> keys)
{
    // RFC 7517 §4.5 lets keys of different types share a kid (equivalent alternatives); the
    // token's algorithm then picks one type, and so one key.
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::string& kid = keys[i].parameters().kid;
        for (std::size_t j = i + 1; j < keys.size() && !kid.empty(); ++j) {
            if (keys[j].parameters().kid == kid && keys[j].type() == keys[i].type()) {
                return fmt::format("the key set has two keys with the kid \"{}\" (keys {} and {}), so which one "
                                   "verifies depends on their order in the set; give each key its own kid",
                                   kid, i + 1, j + 1);
            }
        }
    }
    const auto isSecret = [](const keys::Key& key) { return key.type() == keys::KeyType::Oct; };
    const auto secret = std::ranges::find_if(keys, isSecret);
    const auto other = std::ranges::find_if_not(keys, isSecret);
    if (secret != keys.end() && other != keys.end()) {
        return fmt::format("the key set mixes shared secrets ({}) with public-key keys ({}): a token could then "
                           "choose HMAC and be checked with a secret where a signature was meant (RFC 8725 §2.1); keep "
                           "secrets and public keys in separate sets",
                           describeKeyInSet(*secret, static_cast<std::size_t>(secret - keys.begin())),
                           describeKeyInSet(*other, static_cast<std::size_t>(other - keys.begin())));
    }
    return {};
}

KeySelection selectKeys(const encoding::Json& header, std::span<const keys::Key> keys)
{
    KeySelection selection;
    const auto kidIt = header.find("kid");
    const std::string* kid
        = kidIt != header.end() && kidIt->is_string() ? &kidIt->get_ref<const std::string&>() : nullptr;
    const auto algIt = header.find("alg");
    const auto alg
        = algIt != header.end() && algIt->is_string() ? parseAlgorithm(algIt->get<std::string>()) : std::nullopt;

    for (std::size_t i = 0; i < keys.size(); ++i) {
        const keys::Key& key = keys[i];
        if (kid && key.parameters().kid != *kid) {
            selection.rejected.push_back(
                {i,
                 key.parameters().kid.empty()
                     ? fmt::format("it has no kid, the token asks for \"{}\"", *kid)
                     : fmt::format("its kid \"{}\" is not the token's \"{}\"", key.parameters().kid, *kid)});
            continue;
        }
        if (!alg) {
            selection.rejected.push_back({i, "the token names no algorithm this program knows"});
            continue;
        }
        // Fit only: a weak key is refused when it is used, with a reason that says whether it matched.
        if (auto usable = checkKeyForAlgorithm(key, *alg, KeyPurpose::Verify, WeakKeys::Accept); !usable) {
            selection.rejected.push_back({i, usable.error().message});
            continue;
        }
        selection.matches.push_back(i);
    }
    return selection;
}

} // namespace jwtwb::jose
