#include "ProofChecks.h"

namespace jwtwb::jose {

const encoding::Json* findClaim(const encoding::Json& claims, std::string_view name)
{
    if (!claims.is_object()) {
        return nullptr;
    }
    const auto it = claims.find(name);
    return it != claims.end() ? &*it : nullptr;
}

const std::string* findStringClaim(const encoding::Json& claims, std::string_view name)
{
    const encoding::Json* value = findClaim(claims, name);
    return value && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

std::string_view checkOutcomeName(CheckOutcome outcome)
{
    switch (outcome) {
    case CheckOutcome::Passed: return "passed";
    case CheckOutcome::Failed: return "failed";
    case CheckOutcome::NotChecked: return "not checked";
    }
    return "not checked";
}

std::vector<JwsAlgorithm> asymmetricAlgorithms()
{
    std::vector<JwsAlgorithm> out;
    for (const auto& info : allAlgorithms()) {
        if (info.family != AlgorithmFamily::Hmac && info.family != AlgorithmFamily::Unsecured) {
            out.push_back(info.alg);
        }
    }
    return out;
}

} // namespace jwtwb::jose
