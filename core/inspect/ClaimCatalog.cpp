#include "ClaimCatalog.h"

#include "jose/Lifetime.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace jwtwb::inspect {

using namespace jose; // inspect explains what jose defines
namespace {

using Kind = ClaimValueKind;

constexpr std::string_view kEntra = "Microsoft Entra ID";

// Sorted by name (checked below), so that lookup is a binary search. A name that issuers use
// differently has one meaning that covers them all.
constexpr std::array kClaims{
    ClaimInfo{"acr",
              "Authentication context class reference: how strongly the user was authenticated (e.g. \"0\", "
              "\"urn:mace:incommon:iap:silver\", Keycloak \"1\"/\"2\" for step-up).",
              "OpenID Connect Core §2", Kind::StringOrUri},
    ClaimInfo{"act",
              "Actor: who is acting on behalf of the subject in a delegation (token exchange); may nest further "
              "act claims for a chain of actors.",
              "RFC 8693 §4.1", Kind::Object},
    ClaimInfo{"address", "The user's postal address, as a JSON object (formatted, street_address, locality, …).",
              "OpenID Connect Core §5.1", Kind::Object, true},
    ClaimInfo{"aio", "Opaque internal data that Microsoft Entra ID uses to reuse tokens; not for applications.", kEntra,
              Kind::Any},
    ClaimInfo{"allowed-origins", "Web origins that may use this token in browser (CORS) requests.", "Keycloak",
              Kind::Any},
    ClaimInfo{"amr",
              "Authentication methods references: how the user authenticated, e.g. [\"pwd\", \"otp\"] or "
              "[\"mfa\"] (values registered by RFC 8176).",
              "OpenID Connect Core §2; RFC 8176", Kind::Any},
    ClaimInfo{"appid", "Application (client) ID of the app that requested the token (v1.0 tokens; azp in v2.0).",
              kEntra, Kind::StringOrUri},
    ClaimInfo{"appidacr",
              "How the client authenticated: 0 = public client, 1 = client secret, 2 = certificate (v1.0 tokens).",
              kEntra, Kind::Any},
    ClaimInfo{"at_hash",
              "Access token hash: the left half of the hash of the access token issued with this ID token, in "
              "base64url; binds the two.",
              "OpenID Connect Core §3.1.3.6", Kind::Any},
    ClaimInfo{"aud",
              "Audience: the recipients the token is meant for. A recipient must reject a token whose aud does "
              "not name it.",
              "RFC 7519 §4.1.3", Kind::StringOrArray},
    ClaimInfo{"auth_time", "When the user authenticated (not when the token was issued).", "OpenID Connect Core §2",
              Kind::NumericDate},
    ClaimInfo{"azp",
              "Authorized party: the client the token was issued to (OpenID Connect; Google and Entra v2.0 put the "
              "client ID here).",
              "OpenID Connect Core §2", Kind::StringOrUri},
    ClaimInfo{"azpacr",
              "How the client authenticated: 0 = public client, 1 = client secret, 2 = certificate (v2.0 tokens).",
              kEntra, Kind::Any},
    ClaimInfo{"birthdate", "The user's birthday, as YYYY-MM-DD (or YYYY, or 0000-MM-DD).", "OpenID Connect Core §5.1",
              Kind::Any, true},
    ClaimInfo{"c_hash",
              "Code hash: the left half of the hash of the authorization code issued with this ID token, in "
              "base64url.",
              "OpenID Connect Core §3.3.2.11", Kind::Any},
    ClaimInfo{"client_id", "The OAuth client that requested the token.", "RFC 8693 §4.3; RFC 9068 §2.2",
              Kind::StringOrUri},
    ClaimInfo{"cnf",
              "Confirmation: the key (or certificate thumbprint, x5t#S256) the presenter must prove to hold; makes "
              "the token sender-constrained instead of a bearer token.",
              "RFC 7800 §3.1; RFC 8705 §3.1; RFC 9449 §6", Kind::Object},
    ClaimInfo{"email", "The user's email address.", "OpenID Connect Core §5.1", Kind::Any, true},
    ClaimInfo{"email_verified",
              "Whether the issuer has verified that the user controls the email address (Google sets it too).",
              "OpenID Connect Core §5.1", Kind::Any},
    ClaimInfo{"entitlements", "Entitlements of the subject (SCIM), e.g. licences or resource rights.",
              "RFC 9068 §2.2.3.1; RFC 7643", Kind::Any},
    ClaimInfo{"exp", "Expiration time: the token must not be accepted at or after this instant (seconds since 1970).",
              "RFC 7519 §4.1.4", Kind::NumericDate},
    ClaimInfo{"family_name", "The user's surname or last name.", "OpenID Connect Core §5.1", Kind::Any, true},
    ClaimInfo{"gender", "The user's gender (\"female\", \"male\" or another value).", "OpenID Connect Core §5.1",
              Kind::Any, true},
    ClaimInfo{"given_name", "The user's given or first name.", "OpenID Connect Core §5.1", Kind::Any, true},
    ClaimInfo{"groups",
              "Groups the subject belongs to (SCIM; Entra ID lists group object IDs, Okta and Keycloak group names).",
              "RFC 9068 §2.2.3.1; RFC 7643", Kind::Any},
    ClaimInfo{"gty", "Grant type the token was issued for, e.g. \"client-credentials\" or \"password\".", "Auth0",
              Kind::Any},
    ClaimInfo{"hd", "Hosted domain: the Google Workspace domain of the user's account.", "Google", Kind::Any},
    ClaimInfo{"iat", "Issued at: when the token was issued (seconds since 1970).", "RFC 7519 §4.1.6",
              Kind::NumericDate},
    ClaimInfo{"idp", "Identity provider that authenticated the subject, when not the issuer itself.", kEntra,
              Kind::StringOrUri},
    ClaimInfo{"idtyp", "Whether the token was issued to an app alone (\"app\") or for a user (\"user\").", kEntra,
              Kind::Any},
    ClaimInfo{"ipaddr", "IP address the user authenticated from.", kEntra, Kind::Any, true},
    ClaimInfo{"iss",
              "Issuer: who made and signed the token, usually a URL. A verifier must check it against the issuer "
              "it trusts for this key.",
              "RFC 7519 §4.1.1", Kind::StringOrUri},
    ClaimInfo{"jti", "JWT ID: a unique identifier of this token, used to detect replay and to revoke single tokens.",
              "RFC 7519 §4.1.7; RFC 9068 §2.2", Kind::Any},
    ClaimInfo{"locale", "The user's locale, as a BCP 47 language tag such as en-US.", "OpenID Connect Core §5.1",
              Kind::Any},
    ClaimInfo{"may_act", "Who may act on behalf of the subject in a later token exchange.", "RFC 8693 §4.4",
              Kind::Object},
    ClaimInfo{"middle_name", "The user's middle name(s).", "OpenID Connect Core §5.1", Kind::Any, true},
    ClaimInfo{"name", "The user's full name, for display.", "OpenID Connect Core §5.1", Kind::Any, true},
    ClaimInfo{"nbf", "Not before: the token must not be accepted before this instant (seconds since 1970).",
              "RFC 7519 §4.1.5", Kind::NumericDate},
    ClaimInfo{"nickname", "A casual name of the user.", "OpenID Connect Core §5.1", Kind::Any, true},
    ClaimInfo{"nonce",
              "The value the client sent in its authentication request, echoed to tie this ID token to that "
              "request and stop replay.",
              "OpenID Connect Core §2", Kind::Any},
    ClaimInfo{"oid", "Object ID: the immutable identifier of the user or service principal in the Entra ID tenant.",
              kEntra, Kind::Any, true},
    ClaimInfo{"org_id", "The Auth0 organization the user logged in through.", "Auth0", Kind::Any},
    ClaimInfo{"permissions", "Permissions granted to the token for the API (role-based access control).", "Auth0",
              Kind::Any},
    ClaimInfo{"phone_number", "The user's telephone number, preferably in E.164 form (+1 555 …).",
              "OpenID Connect Core §5.1", Kind::Any, true},
    ClaimInfo{"phone_number_verified", "Whether the issuer has verified the user's telephone number.",
              "OpenID Connect Core §5.1", Kind::Any},
    ClaimInfo{"picture", "URL of the user's profile picture.", "OpenID Connect Core §5.1", Kind::StringOrUri, true},
    ClaimInfo{"preferred_username",
              "The name the user prefers to be called by, e.g. a login name or email (Keycloak's username; Entra "
              "v2.0's UPN). Not unique or stable: never use it as a key.",
              "OpenID Connect Core §5.1", Kind::Any, true},
    ClaimInfo{"profile", "URL of the user's profile page.", "OpenID Connect Core §5.1", Kind::StringOrUri, true},
    ClaimInfo{"realm_access", "Realm roles of the user: {\"roles\": [...]}.", "Keycloak", Kind::Object},
    ClaimInfo{"resource_access", "Client roles of the user, per client: {\"client\": {\"roles\": [...]}}.", "Keycloak",
              Kind::Object},
    ClaimInfo{"rh", "Opaque internal data that Microsoft Entra ID uses to revalidate tokens; not for applications.",
              kEntra, Kind::Any},
    ClaimInfo{"roles",
              "Roles granted to the subject: application roles of the user or app (Entra ID), or SCIM roles (RFC "
              "9068).",
              "RFC 9068 §2.2.3.1; Microsoft Entra ID", Kind::Any},
    ClaimInfo{"s_hash",
              "State hash: the left half of the hash of the state parameter, in base64url (Financial-grade API).",
              "OpenID Financial-grade API 1.0 (Advanced)", Kind::Any},
    ClaimInfo{"scope", "OAuth scopes granted to the token, separated by spaces.", "RFC 8693 §4.2; RFC 9068 §2.2.3",
              Kind::Any},
    ClaimInfo{"scp", "Scopes (delegated permissions) granted to the client, separated by spaces.", kEntra, Kind::Any},
    ClaimInfo{"session_state", "The identifier of the user's login session at the identity provider.", "Keycloak",
              Kind::Any},
    ClaimInfo{"sid",
              "Session ID: identifies the user's login session at the issuer, for logout (front- and "
              "back-channel).",
              "OpenID Connect Front-Channel Logout §3", Kind::Any},
    ClaimInfo{"sub",
              "Subject: whom the token is about, usually a user ID that is unique and never reassigned at the "
              "issuer.",
              "RFC 7519 §4.1.2", Kind::StringOrUri, true},
    ClaimInfo{"tid", "Tenant ID: the Entra ID directory (organization) the user signed in to.", kEntra, Kind::Any},
    ClaimInfo{"typ",
              "Type of token, as the issuer names it (Keycloak: \"Bearer\", \"ID\", \"Refresh\"). Not the JOSE "
              "header's typ, which describes the whole JWT.",
              "Keycloak", Kind::Any},
    ClaimInfo{"unique_name", "A name that identifies the user for display (v1.0 tokens); not a stable ID.", kEntra,
              Kind::Any, true},
    ClaimInfo{"updated_at", "When the user's information was last updated.", "OpenID Connect Core §5.1",
              Kind::NumericDate},
    ClaimInfo{"upn", "User principal name: the user's sign-in name, like an email; can change.", kEntra, Kind::Any,
              true},
    ClaimInfo{"uti", "Token identifier that Microsoft Entra ID uses internally; not for applications.", kEntra,
              Kind::Any},
    ClaimInfo{"ver", "Version of the token format (Entra ID: \"1.0\" or \"2.0\").", kEntra, Kind::Any},
    ClaimInfo{"website", "URL of the user's web page or blog.", "OpenID Connect Core §5.1", Kind::StringOrUri, true},
    ClaimInfo{"wids", "Directory role template IDs of the user's tenant-wide admin roles.", kEntra, Kind::Any},
    ClaimInfo{"xms_cc", "Client capabilities the app declared, e.g. \"cp1\" for continuous access evaluation.", kEntra,
              Kind::Any},
    ClaimInfo{"zoneinfo", "The user's time zone, as a tz database name such as Europe/Paris.",
              "OpenID Connect Core §5.1", Kind::Any},
};

constexpr bool isSorted()
{
    for (std::size_t i = 1; i < kClaims.size(); ++i) {
        if (!(kClaims[i - 1].name < kClaims[i].name)) {
            return false;
        }
    }
    return true;
}
static_assert(isSorted(), "kClaims must be sorted by name, without duplicates");

// Any other xms_ claim: optional claims that Entra ID adds on request.
constexpr ClaimInfo kEntraOptional{
    "xms_*", "An optional claim that Microsoft Entra ID adds when the app registration asks for it.", kEntra,
    Kind::Any};

} // namespace

const ClaimInfo* findClaim(std::string_view name)
{
    const auto it = std::ranges::lower_bound(kClaims, name, {}, &ClaimInfo::name);
    if (it != kClaims.end() && it->name == name) {
        return &*it;
    }
    if (name.starts_with("xms_") && name.size() > 4) {
        return &kEntraOptional;
    }
    return nullptr;
}

std::string relativeTime(std::chrono::sys_seconds when, std::chrono::sys_seconds now)
{
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(when.time_since_epoch().count(), now.time_since_epoch().count(), &difference)) {
        difference = when > now ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
    }
    if (difference == 0) {
        return "now";
    }
    const std::string duration = humanDuration(std::chrono::seconds(difference));
    return difference > 0 ? "in " + duration : duration + " ago";
}

} // namespace jwtwb::inspect
