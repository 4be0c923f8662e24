#include "ClaimChecks.h"

#include "ClaimText.h"
#include "Lifetime.h"
#include "NumericDate.h"
#include "encoding/Text.h"

#include <algorithm>
#include <fmt/format.h>

namespace jwtwb::jose {
namespace {

using encoding::JsonMember;
using encoding::JsonMembers;
using std::chrono::seconds;

constexpr std::size_t kMaxListedAudienceProblems = 5;

void add(ClaimReport& report, ClaimCode code, std::string claim, ClaimSeverity severity, std::string message)
{
    report.findings.push_back({code, std::move(claim), severity, std::move(message)});
}

void addError(ClaimReport& report, ClaimCode code, std::string claim, std::string message)
{
    add(report, code, std::move(claim), ClaimSeverity::Error, std::move(message));
}

// "\"a\"", "\"a\", \"b\"" for the sentences.
std::string quoteList(const std::vector<std::string>& values)
{
    std::string text;
    for (const auto& value : values) {
        if (!text.empty()) {
            text += ", ";
        }
        text += quoteString(value);
    }
    return text;
}

// "the expected issuer \"joe\"" or "one of the expected issuers \"a\", \"b\"".
std::string expected(std::string_view noun, const std::vector<std::string>& values)
{
    if (values.size() == 1) {
        return fmt::format("the expected {} {}", noun, quoteString(values.front()));
    }
    return fmt::format("one of the expected {}s {}", noun, quoteList(values));
}

bool contains(const std::vector<std::string>& values, std::string_view value)
{
    return std::ranges::find(values, value) != values.end();
}

void checkType(ClaimReport& report, const JsonMembers& header, const std::string& type)
{
    const JsonMember* typ = header.find("typ");
    if (!typ) {
        addError(report, ClaimCode::UnexpectedType, "typ",
                 fmt::format("the header has no typ parameter, but the type must be {}", quoteString(type)));
    } else if (!typ->isString) {
        addError(report, ClaimCode::UnexpectedType, "typ",
                 fmt::format("the header typ is {}, not a string, so it cannot be {}", describeJsonValue(typ->value),
                             quoteString(type)));
    } else if (!typeMatches(typ->string, type)) {
        addError(report, ClaimCode::UnexpectedType, "typ",
                 fmt::format("the header typ {} does not match the expected type {}", quoteString(typ->string),
                             quoteString(type)));
    }
}

void checkPresence(ClaimReport& report, const JsonMembers& claims, const ClaimOptions& options)
{
    std::vector<std::string_view> reported; // each missing claim once, even when two options need it
    const auto require = [&](std::string_view claim, std::string_view reason) {
        if (claims.contains(claim) || std::ranges::find(reported, claim) != reported.end()) {
            return;
        }
        reported.push_back(claim);
        addError(report, ClaimCode::MissingClaim, std::string(claim),
                 reason.empty() ? fmt::format("the required claim {} is missing", quoteString(claim))
                                : fmt::format("the {} claim is missing ({})", quoteString(claim), reason));
    };
    for (const auto& claim : options.requiredClaims) {
        require(claim, {});
    }
    if (!options.issuers.empty()) {
        require("iss", "needed to check the issuer");
    }
    if (options.subject) {
        require("sub", "needed to check the subject");
    }
    if (!options.audiences.empty()) {
        require("aud", "needed to check the audience");
    }
    if (options.maxTokenAge) {
        require("iat", "needed to check the maximum token age");
    }
}

// iss and sub: one string that must be one of the expected ones.
void checkStringClaim(ClaimReport& report, const JsonMembers& claims, std::string_view claim, std::string_view noun,
                      ClaimCode code, const std::vector<std::string>& values)
{
    const JsonMember* member = claims.find(claim);
    if (values.empty() || !member) {
        return; // a missing claim is reported by checkPresence
    }
    if (!member->isString) {
        addError(report, code, std::string(claim),
                 fmt::format("{} is {}, not a string, so it cannot be {}", claim, describeJsonValue(member->value),
                             expected(noun, values)));
    } else if (!contains(values, member->string)) {
        addError(report, code, std::string(claim),
                 fmt::format("the {} {} is not {}", noun, quoteString(member->string), expected(noun, values)));
    }
}

void checkAudience(ClaimReport& report, const JsonMembers& claims, const std::vector<std::string>& audiences)
{
    const JsonMember* member = claims.find("aud");
    if (!member) {
        return;
    }
    if (member->isString) {
        if (audiences.empty() || contains(audiences, member->string)) {
            return;
        }
        addError(
            report, ClaimCode::UnexpectedAudience, "aud",
            fmt::format("the audience {} is not {}", quoteString(member->string), expected("audience", audiences)));
        return;
    }
    const encoding::Json& aud = member->value;
    std::vector<std::string> values;
    if (aud.is_array()) {
        std::vector<std::string> problems;
        for (std::size_t i = 0; i < aud.size(); ++i) {
            if (aud[i].is_string()) {
                values.push_back(aud[i].get<std::string>());
            } else {
                problems.push_back(fmt::format("aud[{}] is {}", i, describeJsonValue(aud[i])));
            }
        }
        if (!problems.empty()) {
            const std::size_t more
                = problems.size() > kMaxListedAudienceProblems ? problems.size() - kMaxListedAudienceProblems : 0;
            problems.resize(problems.size() - more);
            std::string list;
            for (const auto& problem : problems) {
                list += list.empty() ? problem : ", " + problem;
            }
            if (more > 0) {
                list += fmt::format(" and {} more", more);
            }
            add(report, ClaimCode::InvalidAudience, "aud", ClaimSeverity::Warning,
                fmt::format("aud must hold only strings (RFC 7519 §4.1.3), but {}", list));
        }
    } else {
        add(report, ClaimCode::InvalidAudience, "aud", ClaimSeverity::Warning,
            fmt::format("aud is {}, not a string or an array of strings", describeJsonValue(aud)));
    }

    if (audiences.empty() || std::ranges::any_of(values, [&](const auto& v) { return contains(audiences, v); })) {
        return;
    }
    std::string message;
    if (values.empty()) {
        message = fmt::format("aud holds no audience string, so it cannot contain {}", expected("audience", audiences));
    } else {
        message = fmt::format("none of the audiences {} is {}", quoteList(values), expected("audience", audiences));
    }
    addError(report, ClaimCode::UnexpectedAudience, "aud", std::move(message));
}

void checkTimes(ClaimReport& report, const JsonMembers& claims, const ClaimOptions& options)
{
    const LifetimeSummary lifetime = summarizeLifetime(claims, options.now, options.leeway);
    const auto now = lifetime.now;
    const auto leeway = lifetime.leeway;

    for (const auto& warning : lifetime.warnings) {
        if (warning.kind == LifetimeWarningKind::InvalidTime) {
            addError(report, ClaimCode::InvalidTimeClaim, warning.claim, warning.message);
        } else if (warning.kind == LifetimeWarningKind::MillisecondsTimestamp) {
            add(report, ClaimCode::MillisecondsTimestamp, warning.claim, ClaimSeverity::Warning, warning.message);
        }
    }
    if (lifetime.notYetValid) {
        addError(report, ClaimCode::NotYetValid, "nbf",
                 fmt::format("the token is not valid for another {} ({})",
                             humanDuration(lifetime.nbf.roundedUp() - now),
                             describeInstants(lifetime.nbf, now, leeway)));
    }
    if (lifetime.expired) {
        addError(report, ClaimCode::Expired, "exp",
                 fmt::format("the token expired {} ago ({})", humanDuration(now - lifetime.exp.roundedUp()),
                             describeInstants(lifetime.exp, now, leeway)));
    }
    for (const auto& warning : lifetime.warnings) {
        if (warning.kind == LifetimeWarningKind::IssuedInFuture) {
            // panva/jose rejects a future iat only when it checks the token's age.
            add(report, ClaimCode::IssuedInFuture, warning.claim,
                options.maxTokenAge ? ClaimSeverity::Error : ClaimSeverity::Warning, warning.message);
        }
    }
    if (options.maxTokenAge && lifetime.iat.valid()) {
        const seconds age = now - lifetime.iat.time;
        if (isTooOld(lifetime.iat.time, now, leeway, *options.maxTokenAge)) {
            addError(report, ClaimCode::TokenTooOld, "iat",
                     fmt::format("the token was issued {} ago, more than the maximum token age of {} ({})",
                                 humanDuration(age), humanDuration(*options.maxTokenAge),
                                 describeInstants(lifetime.iat, now, leeway)));
        }
    }
}

// RFC 7519 §4.1.7: jti is a case-sensitive string, so a jti of another type matches no listed one.
void checkRevocation(ClaimReport& report, const JsonMembers& claims, const RevocationList& revoked)
{
    const JsonMember* jti = claims.find("jti");
    if (!jti) {
        add(report, ClaimCode::NoTokenId, "jti", ClaimSeverity::Warning,
            "the token has no jti, so the deny-list cannot revoke it");
    } else if (!jti->isString) {
        add(report, ClaimCode::NoTokenId, "jti", ClaimSeverity::Warning,
            fmt::format("the jti is {}, not a string, so the deny-list cannot revoke the token",
                        describeJsonValue(jti->value)));
    } else if (revoked.contains(jti->string)) {
        addError(report, ClaimCode::Revoked, "jti",
                 fmt::format("the jti {} is on the deny-list: the token is revoked", quoteString(jti->string)));
    }
}

std::string_view withoutApplicationPrefix(std::string_view type)
{
    constexpr std::string_view kApplication = "application/";
    return encoding::startsWithIgnoringAsciiCase(type, kApplication) ? type.substr(kApplication.size()) : type;
}

} // namespace

bool typeMatches(std::string_view typ, std::string_view expected)
{
    return encoding::equalsIgnoringAsciiCase(withoutApplicationPrefix(typ), withoutApplicationPrefix(expected));
}

std::string_view claimCodeName(ClaimCode code)
{
    switch (code) {
    case ClaimCode::ClaimsNotObject: return "ERR_JWT_CLAIMS_NOT_OBJECT";
    case ClaimCode::UnexpectedType: return "ERR_JWT_UNEXPECTED_TYPE";
    case ClaimCode::MissingClaim: return "ERR_JWT_CLAIM_MISSING";
    case ClaimCode::UnexpectedIssuer: return "ERR_JWT_UNEXPECTED_ISSUER";
    case ClaimCode::UnexpectedSubject: return "ERR_JWT_UNEXPECTED_SUBJECT";
    case ClaimCode::UnexpectedAudience: return "ERR_JWT_UNEXPECTED_AUDIENCE";
    case ClaimCode::InvalidAudience: return "ERR_JWT_INVALID_AUDIENCE";
    case ClaimCode::InvalidTimeClaim: return "ERR_JWT_INVALID_TIME_CLAIM";
    case ClaimCode::MillisecondsTimestamp: return "ERR_JWT_MILLISECONDS_TIMESTAMP";
    case ClaimCode::Expired: return "ERR_JWT_EXPIRED";
    case ClaimCode::NotYetValid: return "ERR_JWT_NOT_YET_VALID";
    case ClaimCode::IssuedInFuture: return "ERR_JWT_ISSUED_IN_FUTURE";
    case ClaimCode::TokenTooOld: return "ERR_JWT_TOO_OLD";
    case ClaimCode::Revoked: return "ERR_JWT_REVOKED";
    case ClaimCode::NoTokenId: return "ERR_JWT_NO_TOKEN_ID";
    }
    return "ERR_JWT_CLAIM_UNKNOWN";
}

bool ClaimReport::ok() const
{
    return std::ranges::none_of(findings, [](const ClaimFinding& f) { return f.severity == ClaimSeverity::Error; });
}

bool ClaimReport::has(ClaimCode code) const
{
    return find(code) != nullptr;
}

const ClaimFinding* ClaimReport::find(ClaimCode code) const
{
    const auto it = std::ranges::find(findings, code, &ClaimFinding::code);
    return it != findings.end() ? &*it : nullptr;
}

ClaimReport checkClaims(const JsonMembers& header, const JsonMembers& claims, const ClaimOptions& options)
{
    ClaimReport report;
    if (options.type) {
        checkType(report, header, *options.type);
    }
    if (!claims.isObject()) {
        addError(report, ClaimCode::ClaimsNotObject, {},
                 fmt::format("the payload is {}, not a JSON object, so it is not a JWT claims set (RFC 7519 §7.2)",
                             jsonKindName(*claims.notObject())));
        return report;
    }
    checkPresence(report, claims, options);
    checkStringClaim(report, claims, "iss", "issuer", ClaimCode::UnexpectedIssuer, options.issuers);
    if (options.subject) {
        checkStringClaim(report, claims, "sub", "subject", ClaimCode::UnexpectedSubject, {*options.subject});
    }
    checkAudience(report, claims, options.audiences);
    checkTimes(report, claims, options);
    if (options.revoked) {
        checkRevocation(report, claims, *options.revoked);
    }
    return report;
}

} // namespace jwtwb::jose
