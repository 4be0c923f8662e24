#include "ClaimTemplates.h"

#include <array>

namespace jwtwb::jose {
namespace {

using namespace std::chrono_literals;
using encoding::Json;

constexpr std::array kTemplates{
    // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti required; typ "at+jwt" (§2.1).
    TemplateInfo{ClaimTemplate::AccessToken, "Access token (RFC 9068)", "at+jwt", std::chrono::seconds(15min)},
    // OpenID Connect Core §2: iss, sub, aud, exp, iat required; nonce, auth_time when asked for.
    TemplateInfo{ClaimTemplate::IdToken, "OpenID Connect ID token", "JWT", std::chrono::seconds(1h)},
    TemplateInfo{ClaimTemplate::RefreshToken, "Refresh token", "JWT", std::chrono::seconds(24h * 30)},
    // RFC 7523 §3: a client authenticating as itself (iss = sub = client id) to one audience.
    TemplateInfo{ClaimTemplate::ServiceToService, "Service to service (RFC 7523)", "JWT", std::chrono::seconds(5min)},
};

} // namespace

std::span<const TemplateInfo> claimTemplates()
{
    return kTemplates;
}

const TemplateInfo& templateInfo(ClaimTemplate kind)
{
    return kTemplates.at(static_cast<std::size_t>(kind));
}

Json templateClaims(ClaimTemplate kind, std::chrono::sys_seconds now, std::string_view jti)
{
    const std::int64_t iat = now.time_since_epoch().count();
    const std::int64_t exp = iat + templateInfo(kind).lifetime.count();
    Json claims = Json::object();
    switch (kind) {
    case ClaimTemplate::AccessToken:
        claims["iss"] = "https://issuer.example.com";
        claims["exp"] = exp;
        claims["aud"] = "https://api.example.com";
        claims["sub"] = "user-1234";
        claims["client_id"] = "my-client";
        claims["iat"] = iat;
        claims["jti"] = jti;
        claims["scope"] = "openid profile read:items";
        break;
    case ClaimTemplate::IdToken:
        claims["iss"] = "https://issuer.example.com";
        claims["sub"] = "user-1234";
        claims["aud"] = "my-client";
        claims["exp"] = exp;
        claims["iat"] = iat;
        claims["auth_time"] = iat;
        claims["nonce"] = "n-0S6_WzA2Mj";
        claims["name"] = "Jane Doe";
        claims["email"] = "jane.doe@example.com";
        break;
    case ClaimTemplate::RefreshToken:
        claims["iss"] = "https://issuer.example.com";
        claims["sub"] = "user-1234";
        claims["aud"] = "https://issuer.example.com";
        claims["iat"] = iat;
        claims["exp"] = exp;
        claims["jti"] = jti;
        claims["scope"] = "offline_access";
        break;
    case ClaimTemplate::ServiceToService:
        claims["iss"] = "billing-service";
        claims["sub"] = "billing-service";
        claims["aud"] = "https://inventory.internal.example.com";
        claims["iat"] = iat;
        claims["exp"] = exp;
        claims["jti"] = jti;
        claims["scope"] = "inventory:read";
        break;
    }
    return claims;
}

} // namespace jwtwb::jose
