#pragma once

#include "encoding/Json.h"

#include <chrono>
#include <span>
#include <string>
#include <string_view>

namespace jwtwb::jose {

// Common token shapes for the signer, with placeholder values to replace (iss, sub, aud, scope…).
enum class ClaimTemplate { AccessToken, IdToken, RefreshToken, ServiceToService };

struct TemplateInfo {
    ClaimTemplate kind;
    std::string_view name; // "Access token (RFC 9068)"
    std::string_view typ; // the header "typ" the shape calls for: "at+jwt", "JWT"
    std::chrono::seconds lifetime; // exp − iat
};

[[nodiscard]] std::span<const TemplateInfo> claimTemplates();
[[nodiscard]] const TemplateInfo& templateInfo(ClaimTemplate kind);

// The claims of the shape, in the order the defining spec lists them, with iat = `now`,
// exp = now + lifetime and the given `jti` (refresh and access tokens carry one).
[[nodiscard]] encoding::Json templateClaims(ClaimTemplate kind, std::chrono::sys_seconds now, std::string_view jti);

} // namespace jwtwb::jose
