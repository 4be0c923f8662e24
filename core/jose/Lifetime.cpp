#include "Lifetime.h"

#include "ClaimText.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fmt/format.h>

namespace jwtwb::jose {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

constexpr std::uint64_t kMinute = 60;
constexpr std::uint64_t kHour = 60 * kMinute;
constexpr std::uint64_t kDay = 24 * kHour;
constexpr std::uint64_t kYear = 365 * kDay;

std::string count(std::uint64_t n, std::string_view singular, std::string_view plural)
{
    return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

// "; exp looks like milliseconds (2011-03-22T18:43:00Z if read as milliseconds)", or nothing.
std::string millisecondsNote(const NumericDate& date)
{
    if (!date.valid() || !date.looksLikeMilliseconds) {
        return {};
    }
    return fmt::format("; {} looks like milliseconds ({} if read as milliseconds)", date.claim,
                       formatUtc(date.asMilliseconds));
}

const NumericDate& edgeDate(const LifetimeSummary& summary)
{
    return summary.edge == LifetimeEdge::NotBefore ? summary.nbf : summary.exp;
}

} // namespace

bool LifetimeSummary::hasWarning(LifetimeWarningKind kind) const
{
    return std::ranges::any_of(warnings, [kind](const LifetimeWarning& w) { return w.kind == kind; });
}

std::string humanDuration(seconds duration)
{
    const std::int64_t signedCount = duration.count();
    // Magnitude without overflow, even for the most negative value.
    const std::uint64_t total = signedCount < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(signedCount)
                                                : static_cast<std::uint64_t>(signedCount);
    if (total < kMinute) {
        return fmt::format("{} s", total);
    }
    if (total < kHour) {
        return fmt::format("{} min", total / kMinute);
    }
    if (total < kDay) {
        const std::uint64_t minutes = total % kHour / kMinute;
        return minutes == 0 ? fmt::format("{} h", total / kHour) : fmt::format("{} h {} min", total / kHour, minutes);
    }
    if (total < 2 * kDay) {
        const std::uint64_t hours = total % kDay / kHour;
        return hours == 0 ? std::string("1 day") : fmt::format("1 day {} h", hours);
    }
    if (total < kYear) {
        return count(total / kDay, "day", "days");
    }
    if (total < 2 * kYear) {
        const std::uint64_t days = total % kYear / kDay;
        return days == 0 ? std::string("1 year") : fmt::format("1 year {}", count(days, "day", "days"));
    }
    return count(total / kYear, "year", "years");
}

std::string describeInstants(const NumericDate& date, sys_seconds now, seconds leeway)
{
    std::string text = fmt::format("{} {}; now {}", date.claim, formatUtc(date.time), formatUtc(now));
    if (leeway > seconds(0)) {
        text += fmt::format(", leeway {}", humanDuration(leeway));
    }
    return text;
}

namespace {

// The time claims of a claims set, whichever way it was read.
template <class Claims>
LifetimeSummary readDates(const Claims& claims, sys_seconds now, seconds leeway, seconds longLifetimeBound)
{
    LifetimeSummary s;
    s.iat = readNumericDate(claims, "iat");
    s.nbf = readNumericDate(claims, "nbf");
    s.exp = readNumericDate(claims, "exp");
    s.authTime = readNumericDate(claims, "auth_time");
    s.now = now;
    s.leeway = clampLeeway(leeway);
    s.longLifetimeBound = longLifetimeBound;
    return s;
}

void notAnObject(LifetimeSummary& s, const encoding::Json& payload)
{
    s.state = LifetimeState::Invalid;
    s.warnings.push_back(
        {LifetimeWarningKind::ClaimsNotObject,
         {},
         fmt::format("the payload is {}, not a JSON object, so it has no time claims", jsonKindName(payload))});
}

// The edges, the state and the warnings of the dates read.
void summarize(LifetimeSummary& s)
{
    const sys_seconds now = s.now;
    const seconds longLifetimeBound = s.longLifetimeBound;

    const std::array<const NumericDate*, 4> dates{&s.iat, &s.nbf, &s.exp, &s.authTime};
    for (const NumericDate* date : dates) {
        if (date->invalid()) {
            s.warnings.push_back({LifetimeWarningKind::InvalidTime, date->claim, describeProblem(*date)});
        }
    }
    for (const NumericDate* date : dates) {
        if (date->valid() && date->looksLikeMilliseconds) {
            s.warnings.push_back(
                {LifetimeWarningKind::MillisecondsTimestamp, date->claim, describeMilliseconds(*date)});
        }
    }

    const seconds zero(0);
    if (s.iat.valid() && isIssuedInFuture(s.iat.roundedUp(), now, s.leeway)) {
        s.warnings.push_back(
            {LifetimeWarningKind::IssuedInFuture, "iat",
             fmt::format("the token was issued {} in the future ({})", humanDuration(s.iat.roundedUp() - now),
                         describeInstants(s.iat, now, s.leeway))});
    }
    if (s.exp.valid() && s.iat.valid() && s.exp.time <= s.iat.time) {
        s.warnings.push_back({LifetimeWarningKind::ExpiresBeforeIssued, "exp",
                              fmt::format("exp {} is not after iat {}: the token was never valid",
                                          formatUtc(s.exp.time), formatUtc(s.iat.time))});
    }
    if (s.exp.valid() && s.nbf.valid() && s.nbf.time >= s.exp.time) {
        s.warnings.push_back({LifetimeWarningKind::NotBeforeAfterExpiry, "nbf",
                              fmt::format("nbf {} is not before exp {}: the token is never valid",
                                          formatUtc(s.nbf.time), formatUtc(s.exp.time))});
    }

    if (s.exp.valid() && (s.nbf.valid() || s.iat.valid())) {
        const bool fromNbf = s.nbf.valid() && (!s.iat.valid() || s.nbf.time >= s.iat.time);
        const NumericDate& start = fromNbf ? s.nbf : s.iat;
        s.lifetime = s.exp.time - start.time;
        if (*s.lifetime > longLifetimeBound) {
            s.warnings.push_back(
                {LifetimeWarningKind::LongLifetime, "exp",
                 fmt::format("the token is valid for {} (from {} to exp), longer than {}", humanDuration(*s.lifetime),
                             start.claim, humanDuration(longLifetimeBound))});
        }
    }

    // RFC 7519 §4.1.4: reject when exp <= now (less the leeway); §4.1.5: reject when nbf > now (plus it).
    const auto expiredWithin = [&](seconds slack) { return s.exp.valid() && isExpired(s.exp.roundedUp(), now, slack); };
    const auto notYetWithin
        = [&](seconds slack) { return s.nbf.valid() && isNotYetValid(s.nbf.roundedUp(), now, slack); };
    s.expired = expiredWithin(s.leeway);
    s.notYetValid = notYetWithin(s.leeway);

    if (s.exp.invalid() || s.nbf.invalid()) {
        s.state = LifetimeState::Invalid;
    } else if (s.expired) {
        s.state = LifetimeState::Expired;
        s.edge = LifetimeEdge::Expiry;
    } else if (s.notYetValid) {
        s.state = LifetimeState::NotYetValid;
        s.edge = LifetimeEdge::NotBefore;
    } else if (expiredWithin(zero)) {
        s.state = LifetimeState::ValidWithinLeeway;
        s.edge = LifetimeEdge::Expiry;
    } else if (notYetWithin(zero)) {
        s.state = LifetimeState::ValidWithinLeeway;
        s.edge = LifetimeEdge::NotBefore;
    } else if (s.exp.valid()) {
        s.state = LifetimeState::Valid;
        s.edge = LifetimeEdge::Expiry;
    } else {
        s.state = LifetimeState::NoExpiry;
    }
    if (s.edge != LifetimeEdge::None) {
        s.edgeDistance = edgeDate(s).roundedUp() - now;
    }
}

// A claims set read either way; `notObject` is the payload when it is not a JSON object.
template <class Claims>
LifetimeSummary summarizeRead(const Claims& claims, const encoding::Json* notObject, sys_seconds now, seconds leeway,
                              seconds longLifetimeBound)
{
    LifetimeSummary s = readDates(claims, now, leeway, longLifetimeBound);
    if (notObject) {
        notAnObject(s, *notObject);
    } else {
        summarize(s);
    }
    return s;
}

} // namespace

LifetimeSummary summarizeLifetime(const encoding::Json& claims, sys_seconds now, seconds leeway,
                                  seconds longLifetimeBound)
{
    return summarizeRead(claims, claims.is_object() ? nullptr : &claims, now, leeway, longLifetimeBound);
}

LifetimeSummary summarizeLifetime(const encoding::JsonMembers& claims, sys_seconds now, seconds leeway,
                                  seconds longLifetimeBound)
{
    return summarizeRead(claims, claims.notObject(), now, leeway, longLifetimeBound);
}

std::string describeState(const LifetimeSummary& summary)
{
    const std::string distance = humanDuration(summary.edgeDistance);
    const std::string note = summary.edge == LifetimeEdge::None ? std::string() : millisecondsNote(edgeDate(summary));
    switch (summary.state) {
    case LifetimeState::Valid: return fmt::format("valid for another {}{}", distance, note);
    case LifetimeState::Expired: return fmt::format("expired {} ago{}", distance, note);
    case LifetimeState::NotYetValid: return fmt::format("not valid for another {} (nbf){}", distance, note);
    case LifetimeState::ValidWithinLeeway:
        if (summary.edge == LifetimeEdge::NotBefore) {
            return fmt::format("not valid for another {} (nbf), accepted within the {} leeway{}", distance,
                               humanDuration(summary.leeway), note);
        }
        return fmt::format("expired {} ago, accepted within the {} leeway{}", distance, humanDuration(summary.leeway),
                           note);
    case LifetimeState::NoExpiry: return "valid, never expires (no exp)";
    case LifetimeState::Invalid: {
        const auto it = std::ranges::find_if(summary.warnings, [](const LifetimeWarning& w) {
            return w.kind == LifetimeWarningKind::ClaimsNotObject
                || (w.kind == LifetimeWarningKind::InvalidTime && (w.claim == "exp" || w.claim == "nbf"));
        });
        return it != summary.warnings.end() ? fmt::format("cannot be checked: {}", it->message)
                                            : std::string("cannot be checked");
    }
    }
    return {};
}

} // namespace jwtwb::jose
