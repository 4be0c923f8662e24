#pragma once

#include "encoding/Json.h"
#include "encoding/JsonMembers.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace jwtwb::jose {

// RFC 7519 §2: a NumericDate is a JSON number of seconds since 1970-01-01T00:00:00Z UTC, ignoring
// leap seconds, and may be non-integer. This is the one place that reads one from a claims object
// (exp, nbf, iat, auth_time, …); ClaimChecks and Lifetime only ever see the result.

// The largest magnitude accepted: 2^53 − 1 seconds (about 285 million years), the largest integer
// that a JavaScript issuer writes exactly and that a double holds exactly. Anything beyond it, and
// NaN or infinity (only possible in JSON built by code), is OutOfRange, never a crash.
inline constexpr std::int64_t kMaxNumericDate = 9'007'199'254'740'991;

// A value at or above this many seconds (5138-11-16T09:46:40Z) is far more likely a timestamp in
// milliseconds (Date.now() instead of Date.now() / 1000): read as milliseconds it is any instant
// after 1973-03-03T09:46:40Z. Microsecond timestamps are caught too. Negative values never are.
inline constexpr std::int64_t kMillisecondsThreshold = 100'000'000'000;

enum class NumericDateStatus {
    Absent, // the claim is not there, or the claims are not a JSON object
    Valid, // a number within ±kMaxNumericDate; negative values are instants before 1970
    NotANumber, // a string, boolean, null, array or object
    OutOfRange, // NaN, ±infinity, or more than kMaxNumericDate in magnitude
};

struct NumericDate {
    std::string claim; // "exp", "nbf", …
    NumericDateStatus status = NumericDateStatus::Absent;
    encoding::Json value; // the claim as found (null when Absent)

    // Valid only:
    std::chrono::sys_seconds time{}; // the value rounded down to a whole second
    bool fractional = false; // the value has a fractional part (allowed by RFC 7519)
    bool looksLikeMilliseconds = false; // value ≥ kMillisecondsThreshold
    std::chrono::sys_seconds asMilliseconds{}; // the value read as milliseconds, rounded down

    [[nodiscard]] bool present() const { return status != NumericDateStatus::Absent; }
    [[nodiscard]] bool valid() const { return status == NumericDateStatus::Valid; }
    // Present but unusable as a date (NotANumber or OutOfRange).
    [[nodiscard]] bool invalid() const { return present() && !valid(); }

    // The first whole second at or after the value: `value <= t` and `value > t` for a whole second
    // t are exactly `roundedUp() <= t` and `roundedUp() > t`. Equal to `time` for integer values.
    [[nodiscard]] std::chrono::sys_seconds roundedUp() const;
};

// Reads claims[claim]; never fails: every problem is a status.
[[nodiscard]] NumericDate readNumericDate(const encoding::Json& claims, std::string_view claim);
[[nodiscard]] NumericDate readNumericDate(const encoding::JsonMembers& claims, std::string_view claim);

// Interprets one JSON value as the NumericDate claim `claim`.
[[nodiscard]] NumericDate toNumericDate(std::string claim, const encoding::Json& value);

// RFC 3339 UTC, e.g. "2011-03-22T18:43:00Z"; years after 9999 as "+55840-…", before year 0 as "-0001-…"
// (ISO 8601 expanded years), so that every valid NumericDate can be shown.
[[nodiscard]] std::string formatUtc(std::chrono::sys_seconds time);

// "exp is a string (\"tomorrow\"), not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)";
// empty for a valid or absent date.
[[nodiscard]] std::string describeProblem(const NumericDate& date);

// "exp 1300819380000 looks like milliseconds: as seconds it is +43190-…Z, as milliseconds
// 2011-03-22T18:43:00Z"; empty unless looksLikeMilliseconds.
[[nodiscard]] std::string describeMilliseconds(const NumericDate& date);

} // namespace jwtwb::jose
