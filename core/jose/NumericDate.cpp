#include "NumericDate.h"

#include "ClaimText.h"

#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace jwtwb::jose {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct CivilDate {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

// Howard Hinnant's days_from_civil inverse, in 64 bits so that every valid NumericDate has a date
// (std::chrono::year stops at 32767).
constexpr CivilDate civilFromDays(std::int64_t days)
{
    days += 719468;
    const std::int64_t era = floorDiv(days, 146097);
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097); // [0, 146096]
    const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100); // from March 1
    const unsigned shiftedMonth = (5 * dayOfYear + 2) / 153;
    const unsigned day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    const unsigned month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    const std::int64_t year = static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

static_assert(civilFromDays(0).year == 1970 && civilFromDays(0).month == 1 && civilFromDays(0).day == 1);
static_assert(civilFromDays(-1).year == 1969 && civilFromDays(-1).month == 12 && civilFromDays(-1).day == 31);
static_assert(civilFromDays(11016).year == 2000 && civilFromDays(11016).month == 2 && civilFromDays(11016).day == 29);

std::string formatYear(std::int64_t year)
{
    if (year < 0) {
        return fmt::format("-{:04}", -year);
    }
    if (year > 9999) {
        return fmt::format("+{}", year);
    }
    return fmt::format("{:04}", year);
}

void setSeconds(NumericDate& date, std::int64_t wholeSeconds, bool fractional)
{
    date.status = NumericDateStatus::Valid;
    date.time = sys_seconds(seconds(wholeSeconds));
    date.fractional = fractional;
    date.looksLikeMilliseconds = wholeSeconds >= kMillisecondsThreshold;
    date.asMilliseconds = sys_seconds(seconds(floorDiv(wholeSeconds, 1000)));
}

} // namespace

sys_seconds NumericDate::roundedUp() const
{
    return fractional ? time + seconds(1) : time;
}

NumericDate readNumericDate(const encoding::Json& claims, std::string_view claim)
{
    if (claims.is_object()) {
        const auto it = claims.find(claim);
        if (it != claims.end()) {
            return toNumericDate(std::string(claim), *it);
        }
    }
    NumericDate date;
    date.claim = std::string(claim);
    return date;
}

NumericDate readNumericDate(const encoding::JsonMembers& claims, std::string_view claim)
{
    if (const encoding::JsonMember* member = claims.find(claim)) {
        return toNumericDate(std::string(claim), member->isString ? member->json() : member->value);
    }
    NumericDate date;
    date.claim = std::string(claim);
    return date;
}

NumericDate toNumericDate(std::string claim, const encoding::Json& value)
{
    NumericDate date;
    date.claim = std::move(claim);
    date.value = value;
    date.status = NumericDateStatus::NotANumber;

    switch (value.type()) {
    case encoding::Json::value_t::number_unsigned: {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(kMaxNumericDate)) {
            date.status = NumericDateStatus::OutOfRange;
        } else {
            setSeconds(date, static_cast<std::int64_t>(number), false);
        }
        break;
    }
    case encoding::Json::value_t::number_integer: {
        const auto number = value.get<std::int64_t>();
        if (number < -kMaxNumericDate || number > kMaxNumericDate) {
            date.status = NumericDateStatus::OutOfRange;
        } else {
            setSeconds(date, number, false);
        }
        break;
    }
    case encoding::Json::value_t::number_float: {
        const auto number = value.get<double>();
        // 2^53 − 1 is exact as a double, so this bound is exact too.
        if (!std::isfinite(number) || std::fabs(number) > static_cast<double>(kMaxNumericDate)) {
            date.status = NumericDateStatus::OutOfRange;
        } else {
            const double whole = std::floor(number);
            setSeconds(date, static_cast<std::int64_t>(whole), whole != number);
        }
        break;
    }
    default: break;
    }
    return date;
}

std::string formatUtc(sys_seconds time)
{
    const std::int64_t total = time.time_since_epoch().count();
    const std::int64_t days = floorDiv(total, 86400);
    const std::int64_t secondOfDay = total - days * 86400;
    const CivilDate date = civilFromDays(days);
    return fmt::format("{}-{:02}-{:02}T{:02}:{:02}:{:02}Z", formatYear(date.year), date.month, date.day,
                       secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
}

std::string describeProblem(const NumericDate& date)
{
    switch (date.status) {
    case NumericDateStatus::Absent:
    case NumericDateStatus::Valid: return {};
    case NumericDateStatus::NotANumber:
        return fmt::format("{} is {}, not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)", date.claim,
                           describeJsonValue(date.value));
    case NumericDateStatus::OutOfRange:
        if (date.value.is_number_float() && std::isnan(date.value.get<double>())) {
            return fmt::format("{} is NaN, not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)",
                               date.claim);
        }
        if (date.value.is_number_float() && std::isinf(date.value.get<double>())) {
            return fmt::format("{} is infinite, not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z)",
                               date.claim);
        }
        return fmt::format("{} {} is out of range: a NumericDate must be within {} seconds of 1970-01-01T00:00:00Z",
                           date.claim, quoteJson(date.value), kMaxNumericDate);
    }
    return {};
}

std::string describeMilliseconds(const NumericDate& date)
{
    if (!date.valid() || !date.looksLikeMilliseconds) {
        return {};
    }
    return fmt::format("{} {} looks like milliseconds, not seconds: as seconds it is {}, as milliseconds {}",
                       date.claim, quoteJson(date.value), formatUtc(date.time), formatUtc(date.asMilliseconds));
}

} // namespace jwtwb::jose
