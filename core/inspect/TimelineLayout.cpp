#include "TimelineLayout.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace jwtwb::inspect {

using namespace jose; // inspect explains what jose defines
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;
using namespace std::chrono_literals;

constexpr seconds kMondayOffset = std::chrono::days(4); // 1970-01-01 was a Thursday; 1970-01-05 a Monday

// The first multiple of `step` (> 0) at or after `value`, negative values included.
constexpr std::int64_t roundUpToMultiple(std::int64_t value, std::int64_t step)
{
    const std::int64_t remainder = value % step; // has the sign of value
    return remainder <= 0 ? value - remainder : value - remainder + step;
}

static_assert(roundUpToMultiple(-7, 5) == -5 && roundUpToMultiple(7, 5) == 10 && roundUpToMultiple(-5, 5) == -5);

sys_seconds clampToLimits(sys_seconds time)
{
    return std::clamp(time, sys_seconds(seconds(-kTimelineLimit)), sys_seconds(seconds(kTimelineLimit)));
}

bool onAxis(sys_seconds time)
{
    return clampToLimits(time) == time;
}

// A span within [kMinTimelineSpan, kMaxTimelineSpan], shifted (not shrunk) back within the limits.
TimeRange withinLimits(sys_seconds start, seconds span)
{
    span = std::clamp(span, kMinTimelineSpan, kMaxTimelineSpan);
    start = std::clamp(start, sys_seconds(seconds(-kTimelineLimit)), sys_seconds(seconds(kTimelineLimit)) - span);
    return {start, start + span};
}

enum class StepKind { Fixed, Week, Months, Years };

struct TickStep {
    StepKind kind;
    std::int64_t count; // seconds for Fixed and Week, months or years
    TickUnit unit;

    [[nodiscard]] seconds approximateSize() const
    {
        switch (kind) {
        case StepKind::Fixed:
        case StepKind::Week: return seconds(count);
        case StepKind::Months: return std::chrono::months(count); // an average month, as chrono defines it
        case StepKind::Years: return std::chrono::years(count);
        }
        return seconds(count);
    }
};

constexpr TickStep fixed(seconds size, TickUnit unit)
{
    return {StepKind::Fixed, size.count(), unit};
}

constexpr TickStep calendar(StepKind kind, std::int64_t count, TickUnit unit)
{
    return {kind, count, unit};
}

constexpr std::array kTickSteps{
    fixed(1s, TickUnit::Second),
    fixed(2s, TickUnit::Second),
    fixed(5s, TickUnit::Second),
    fixed(10s, TickUnit::Second),
    fixed(15s, TickUnit::Second),
    fixed(30s, TickUnit::Second),
    fixed(1min, TickUnit::Minute),
    fixed(2min, TickUnit::Minute),
    fixed(5min, TickUnit::Minute),
    fixed(10min, TickUnit::Minute),
    fixed(15min, TickUnit::Minute),
    fixed(30min, TickUnit::Minute),
    fixed(1h, TickUnit::Hour),
    fixed(2h, TickUnit::Hour),
    fixed(3h, TickUnit::Hour),
    fixed(6h, TickUnit::Hour),
    fixed(12h, TickUnit::Hour),
    fixed(std::chrono::days(1), TickUnit::Day),
    fixed(std::chrono::days(2), TickUnit::Day),
    calendar(StepKind::Week, std::chrono::seconds(std::chrono::weeks(1)).count(), TickUnit::Day),
    calendar(StepKind::Months, 1, TickUnit::Month),
    calendar(StepKind::Months, 3, TickUnit::Month),
    calendar(StepKind::Months, 6, TickUnit::Month),
    calendar(StepKind::Years, 1, TickUnit::Year),
    calendar(StepKind::Years, 2, TickUnit::Year),
    calendar(StepKind::Years, 5, TickUnit::Year),
    calendar(StepKind::Years, 10, TickUnit::Year),
    calendar(StepKind::Years, 20, TickUnit::Year),
    calendar(StepKind::Years, 50, TickUnit::Year),
    calendar(StepKind::Years, 100, TickUnit::Year),
    calendar(StepKind::Years, 200, TickUnit::Year),
    calendar(StepKind::Years, 500, TickUnit::Year),
    calendar(StepKind::Years, 1000, TickUnit::Year),
    calendar(StepKind::Years, 2000, TickUnit::Year),
    calendar(StepKind::Years, 5000, TickUnit::Year),
    calendar(StepKind::Years, 10000, TickUnit::Year),
};

// Wall-clock seconds (UTC plus the offset) of the first day of a month, as a count.
std::int64_t monthStart(std::chrono::year_month month)
{
    return sys_seconds(std::chrono::sys_days(month / std::chrono::day(1))).time_since_epoch().count();
}

std::chrono::year_month monthOf(std::int64_t localSeconds)
{
    const std::chrono::year_month_day date{std::chrono::floor<std::chrono::days>(sys_seconds(seconds(localSeconds)))};
    return date.year() / date.month();
}

std::int64_t monthIndex(std::chrono::year_month month)
{
    return static_cast<std::int64_t>(static_cast<int>(month.year())) * 12
        + static_cast<std::int64_t>(static_cast<unsigned>(month.month())) - 1;
}

} // namespace

TimelineRow layoutTimelineRow(const LifetimeSummary& summary)
{
    TimelineRow row;
    for (const NumericDate* date : {&summary.iat, &summary.nbf, &summary.exp, &summary.authTime}) {
        if (date->valid()) {
            row.markers.push_back({date->claim, date->time, date->looksLikeMilliseconds, !onAxis(date->time)});
        }
    }
    if (summary.nbf.valid()) {
        row.validFrom = summary.nbf.roundedUp();
    } else if (summary.iat.valid()) {
        row.validFrom = summary.iat.roundedUp();
    }
    if (summary.exp.valid()) {
        row.validUntil = summary.exp.roundedUp();
    }
    row.neverValid = row.validFrom && row.validUntil && *row.validUntil <= *row.validFrom;
    if (summary.leeway > seconds(0) && !row.neverValid) {
        if (summary.nbf.valid()) {
            row.leewayBeforeStart = TimeRange{summary.nbf.roundedUp() - summary.leeway, summary.nbf.roundedUp()};
        }
        if (summary.exp.valid()) {
            row.leewayAfterEnd = TimeRange{summary.exp.roundedUp(), summary.exp.roundedUp() + summary.leeway};
        }
    }
    row.suspicious = !summary.warnings.empty();
    return row;
}

TimeRange fitTimeRange(std::span<const LifetimeSummary> summaries, std::span<const sys_seconds> extra)
{
    // Always in view: the summaries' now, the extras, and the whole extent of every token that spans
    // time (two or more instants apart: its interval, the markers around it and their leeway bands).
    std::vector<sys_seconds> core(extra.begin(), extra.end());
    // In view when they fit: the instants of tokens that are one instant (a lone iat, an exp without
    // anything else), which can lie years away from the rest.
    std::vector<sys_seconds> lone;
    std::optional<seconds> shortest; // the shortest extent of a token that spans time
    for (const LifetimeSummary& summary : summaries) {
        core.push_back(clampToLimits(summary.now));
        const TimelineRow row = layoutTimelineRow(summary);
        std::vector<sys_seconds> own; // the markers first, then the far sides of the leeway bands
        for (const TimelineMarker& marker : row.markers) {
            if (!marker.looksLikeMilliseconds && !marker.offAxis) {
                own.push_back(marker.time);
            }
        }
        const bool spansTime = std::ranges::any_of(own, [&](sys_seconds time) { return time != own.front(); });
        // A band is shown when its edge is: include its far side.
        if (row.leewayBeforeStart && !summary.nbf.looksLikeMilliseconds && onAxis(summary.nbf.time)) {
            own.push_back(row.leewayBeforeStart->start);
        }
        if (row.leewayAfterEnd && !summary.exp.looksLikeMilliseconds && onAxis(summary.exp.time)) {
            own.push_back(row.leewayAfterEnd->end);
        }
        if (own.empty()) {
            continue;
        }
        for (sys_seconds& instant : own) {
            instant = clampToLimits(instant);
        }
        const auto [first, last] = std::ranges::minmax(own);
        if (spansTime) {
            core.insert(core.end(), {first, last});
            shortest = std::min(shortest.value_or(last - first), last - first);
        } else {
            lone.insert(lone.end(), own.begin(), own.end());
        }
    }
    if (core.empty()) {
        core.push_back(sys_seconds(seconds(0)));
    }
    const auto bounds = std::ranges::minmax(core);
    sys_seconds lowest = bounds.min;
    sys_seconds highest = bounds.max;

    // The lone instants join nearest first while the range stays short enough for the shortest
    // token to keep its share of the axis; the others are pinned to the edge by the widget.
    const seconds budget
        = shortest ? std::max(highest - lowest, *shortest * kReadableShare) : seconds(kMaxTimelineSpan);
    const auto distance = [&](sys_seconds t) {
        return t < lowest ? lowest - t : t > highest ? t - highest : seconds(0);
    };
    std::ranges::sort(lone, {}, distance);
    for (const sys_seconds instant : lone) {
        const sys_seconds low = std::min(lowest, instant);
        const sys_seconds high = std::max(highest, instant);
        if (high - low <= budget) {
            lowest = low;
            highest = high;
        }
    }

    const seconds span = highest - lowest;
    if (span == seconds(0)) {
        return withinLimits(lowest - 30min, 1h);
    }
    const seconds margin = std::max(span / 10, seconds(5));
    const sys_seconds start = clampToLimits(lowest - margin);
    return withinLimits(start, clampToLimits(highest + margin) - start);
}

TimeRange zoomTimeRange(TimeRange range, double factor, double anchor)
{
    if (!std::isfinite(factor) || factor <= 0 || !std::isfinite(anchor)) {
        return withinLimits(range.start, range.span());
    }
    anchor = std::clamp(anchor, 0.0, 1.0);
    const auto span = static_cast<double>(range.span().count());
    const double newSpan = std::clamp(span * factor, static_cast<double>(kMinTimelineSpan.count()),
                                      static_cast<double>(kMaxTimelineSpan.count()));
    const double anchorTime = static_cast<double>(range.start.time_since_epoch().count()) + anchor * span;
    const double newStart = std::clamp(anchorTime - anchor * newSpan, static_cast<double>(-kTimelineLimit),
                                       static_cast<double>(kTimelineLimit));
    return withinLimits(sys_seconds(seconds(std::llround(newStart))), seconds(std::llround(newSpan)));
}

TimeRange panTimeRange(TimeRange range, seconds delta)
{
    const TimeRange bounded = withinLimits(range.start, range.span());
    const seconds latest = sys_seconds(seconds(kTimelineLimit)) - bounded.end;
    const seconds earliest = sys_seconds(seconds(-kTimelineLimit)) - bounded.start;
    const seconds shift = std::clamp(delta, earliest, latest);
    return {bounded.start + shift, bounded.end + shift};
}

double timeFraction(TimeRange range, sys_seconds time)
{
    const seconds span = range.span();
    if (span <= seconds(0)) {
        return 0.0;
    }
    return static_cast<double>((time - range.start).count()) / static_cast<double>(span.count());
}

sys_seconds timeAtFraction(TimeRange range, double fraction)
{
    if (!std::isfinite(fraction)) {
        return range.start;
    }
    const double time = static_cast<double>(range.start.time_since_epoch().count())
        + fraction * static_cast<double>(range.span().count());
    const double bounded = std::clamp(time, static_cast<double>(-kTimelineLimit), static_cast<double>(kTimelineLimit));
    return sys_seconds(seconds(std::llround(bounded)));
}

std::vector<TimelineTick> timelineTicks(TimeRange range, int maxTicks, seconds utcOffset)
{
    range = withinLimits(range.start, range.span());
    maxTicks = std::max(maxTicks, 1);
    const std::int64_t span = range.span().count();
    const auto fits = [&](const TickStep& step) { return span / step.approximateSize().count() < maxTicks; };
    const auto found = std::ranges::find_if(kTickSteps, fits);
    const TickStep step = found != kTickSteps.end() ? *found : kTickSteps.back();

    // Wall-clock seconds: ticks are round there, and shifted back to UTC when stored.
    const std::int64_t offset = std::clamp<seconds>(utcOffset, -std::chrono::days(1), std::chrono::days(1)).count();
    const std::int64_t first = range.start.time_since_epoch().count() + offset;
    const std::int64_t last = range.end.time_since_epoch().count() + offset;
    const std::size_t cap = 2 * static_cast<std::size_t>(maxTicks) + 4; // never runaway
    std::vector<TimelineTick> ticks;
    const auto add = [&](std::int64_t local) { ticks.push_back({sys_seconds(seconds(local - offset)), step.unit}); };

    if (step.kind == StepKind::Fixed || step.kind == StepKind::Week) {
        const std::int64_t size = step.count;
        const std::int64_t shift = step.kind == StepKind::Week ? kMondayOffset.count() : 0;
        for (std::int64_t local = roundUpToMultiple(first - shift, size) + shift; local <= last && ticks.size() < cap;
             local += size) {
            add(local);
        }
        return ticks;
    }

    const std::int64_t months = step.kind == StepKind::Years ? 12 * step.count : step.count;
    const std::chrono::year_month firstMonth = monthOf(first);
    const std::int64_t firstIndex
        = monthIndex(firstMonth) + (monthStart(firstMonth) < first ? 1 : 0); // the first month starting in range
    for (std::int64_t index = roundUpToMultiple(firstIndex, months); ticks.size() < cap; index += months) {
        const std::int64_t year = roundUpToMultiple(index - 11, 12) / 12; // rounded down
        if (year > static_cast<int>(std::chrono::year::max())) {
            break;
        }
        const std::int64_t local = monthStart(std::chrono::year(static_cast<int>(year))
                                              / std::chrono::month(static_cast<unsigned>(index - 12 * year + 1)));
        if (local > last) {
            break;
        }
        add(local);
    }
    return ticks;
}

encoding::Json millisecondsAsSeconds(const encoding::Json& claims, const LifetimeSummary& summary)
{
    encoding::Json result = claims;
    if (!result.is_object()) {
        return result;
    }
    for (const NumericDate* date : {&summary.iat, &summary.nbf, &summary.exp, &summary.authTime}) {
        const auto it = result.find(date->claim);
        if (!date->valid() || !date->looksLikeMilliseconds || it == result.end()) {
            continue;
        }
        if (it->is_number_integer() && it->get<std::int64_t>() % 1000 == 0) {
            *it = it->get<std::int64_t>() / 1000;
        } else {
            *it = it->get<double>() / 1000.0;
        }
    }
    return result;
}

} // namespace jwtwb::inspect
