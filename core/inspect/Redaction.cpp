#include "Redaction.h"

#include "encoding/Json.h"
#include "inspect/ClaimCatalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jwtwb::inspect {
namespace {

using encoding::Json;

constexpr std::array kKeptByDefault{"iss", "aud", "exp", "nbf", "iat", "auth_time"};

bool listed(const std::vector<std::string>& names, std::string_view name)
{
    return std::ranges::find(names, name) != names.end();
}

bool kept(std::string_view name, const RedactOptions& options)
{
    if (listed(options.mask, name)) {
        return false;
    }
    if (listed(options.keep, name) || std::ranges::find(kKeptByDefault, name) != kKeptByDefault.end()) {
        return true;
    }
    // A claim the catalogue knows says what it holds; one it does not know could hold anything.
    const ClaimInfo* known = findClaim(name);
    return known != nullptr && !known->personalData;
}

// What stands for a masked value: its JSON type and size, never its content.
std::string placeholder(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::string: return "<masked string>";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "<masked number>";
    case Json::value_t::boolean: return "<masked boolean>";
    case Json::value_t::array: return fmt::format("<masked array of {}>", value.size());
    case Json::value_t::object: return fmt::format("<masked object with {} members>", value.size());
    default: return "<masked>";
    }
}

} // namespace

Redaction redactToken(const jose::CompactToken& token, const RedactOptions& options)
{
    Redaction out;
    out.text = fmt::format("{} with its signature removed: a copy to share, not a token; it cannot be verified or "
                           "replayed.\n\nheader:\n{}\n",
                           token.kind == jose::TokenKind::Jwe ? "An encrypted token (JWE)" : "A JWT",
                           encoding::toPrettyJson(token.header.value));
    if (token.kind == jose::TokenKind::Jwe) {
        out.text += "\nclaims: encrypted (not shown)\n";
        return out;
    }
    if (!token.payloadJson || !token.payloadJson->value.is_object()) {
        out.text += fmt::format("\npayload: <masked, {} bytes, not a JSON object>\n", token.payload().size());
        out.masked.emplace_back("payload");
        return out;
    }
    Json claims = Json::object();
    for (auto it = token.payloadJson->value.begin(); it != token.payloadJson->value.end(); ++it) {
        if (kept(it.key(), options) || it->is_null()) {
            claims[it.key()] = *it;
        } else {
            claims[it.key()] = placeholder(*it);
            out.masked.push_back(it.key());
        }
    }
    out.text += fmt::format("\nclaims ({} masked):\n{}\n", out.masked.size(), encoding::toPrettyJson(claims));
    return out;
}

} // namespace jwtwb::inspect
