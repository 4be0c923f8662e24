#include "KeySelector.h"

#include "jose/Algorithm.h"
#include "jose/KeyAlgorithmCheck.h"

#include <fmt/format.h>

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
        if (auto usable = checkKeyForAlgorithm(key, *alg, KeyPurpose::Verify); !usable) {
            selection.rejected.push_back({i, usable.error().message});
            continue;
        }
        selection.matches.push_back(i);
    }
    return selection;
}

} // namespace jwtwb::jose
