#pragma once

#include "encoding/Json.h"
#include "jose/Lifetime.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace jwtwb::inspect {

// The geometry of the claim-lifetime timeline, in time rather than pixels: which instants to show,
// where the valid interval and the leeway bands lie, the visible range under zoom and pan, and the
// tick marks. The widget maps these to pixels and paints them; nothing here knows about Qt.

// The axis never reaches beyond ±kTimelineLimit seconds from 1970 (about year −26550 to 30489), so
// every tick has a calendar date. A time claim beyond it (a milliseconds timestamp read as seconds)
// is a marker off the axis.
inline constexpr std::int64_t kTimelineLimit = 900'000'000'000;
inline constexpr std::chrono::seconds kMinTimelineSpan{10};
inline constexpr std::chrono::seconds kMaxTimelineSpan{2 * kTimelineLimit};

struct TimeRange {
    std::chrono::sys_seconds start{};
    std::chrono::sys_seconds end{}; // after start

    [[nodiscard]] std::chrono::seconds span() const { return end - start; }
    [[nodiscard]] bool contains(std::chrono::sys_seconds time) const { return time >= start && time <= end; }
    bool operator==(const TimeRange&) const = default;
};

struct TimelineMarker {
    std::string claim; // "iat", "nbf", "exp", "auth_time"
    std::chrono::sys_seconds time{}; // the value rounded down to a whole second
    bool looksLikeMilliseconds = false;
    bool offAxis = false; // beyond ±kTimelineLimit: cannot be placed on any axis
};

struct TimelineRow {
    std::vector<TimelineMarker> markers; // the valid time claims, in the order iat, nbf, exp, auth_time

    // The interval in which the token is accepted without leeway. It starts at nbf, or at iat when
    // there is no nbf (the token's life begins when it is issued); empty when it has neither. It ends
    // at exp; empty when there is none (never expires). Instants are whole seconds, rounded up like
    // the checks round them.
    std::optional<std::chrono::sys_seconds> validFrom;
    std::optional<std::chrono::sys_seconds> validUntil;
    bool neverValid = false; // validUntil is not after validFrom: no bar at all

    // Where the leeway still accepts the token: [nbf − leeway, nbf) and [exp, exp + leeway).
    std::optional<TimeRange> leewayBeforeStart;
    std::optional<TimeRange> leewayAfterEnd;

    bool suspicious = false; // the summary has warnings (exp before iat, nbf after exp, too long, ms, …)
};

[[nodiscard]] TimelineRow layoutTimelineRow(const jose::LifetimeSummary& summary);

// The range a fit shows: every token's own extent (its markers, interval and leeway bands) when it
// has two or more instants, each summary's `now` and the `extra` instants (e.g. the real clock while a
// "what if" time is shown), with a margin on both sides. The instants of a token that is one instant
// (the jwt.io sample's lone iat of 2018) are shown only as far as that leaves the shortest token with
// two instants at least 1/kReadableShare of the range; beyond it they are pinned to the edge, so that
// an old iat does not squeeze a fresh token into a pixel. Markers that look like milliseconds or are
// off the axis are left out. With nothing to show: an hour around now.
inline constexpr int kReadableShare = 20;
[[nodiscard]] TimeRange fitTimeRange(std::span<const jose::LifetimeSummary> summaries,
                                     std::span<const std::chrono::sys_seconds> extra = {});

// Zooms by `factor` (< 1 zooms in) keeping the instant at `anchor` (0 = start, 1 = end) in place;
// the span stays within [kMinTimelineSpan, kMaxTimelineSpan] and the range within the limits.
[[nodiscard]] TimeRange zoomTimeRange(TimeRange range, double factor, double anchor = 0.5);

// Shifts the range by `delta` (positive: later), stopping at the limits.
[[nodiscard]] TimeRange panTimeRange(TimeRange range, std::chrono::seconds delta);

// Where `time` lies in the range: 0 at start, 1 at end, outside [0, 1] beyond them.
[[nodiscard]] double timeFraction(TimeRange range, std::chrono::sys_seconds time);

// The whole second at `fraction` of the range (rounded to the nearest), clamped to the limits.
[[nodiscard]] std::chrono::sys_seconds timeAtFraction(TimeRange range, double fraction);

// The calendar unit a tick's label needs: a tick every 15 min reads "10:15", one every month "Nov 2026".
enum class TickUnit { Second, Minute, Hour, Day, Month, Year };

struct TimelineTick {
    std::chrono::sys_seconds time{};
    TickUnit unit = TickUnit::Second;
};

// Round ticks within the range, at most `maxTicks` of them: the finest step of 1/2/5/10/15/30 s,
// 1/2/5/10/15/30 min, 1/2/3/6/12 h, 1/2 days, a week (Mondays), 1/3/6 months or 1/2/5/10/… years
// that fits. Steps are aligned to the wall clock `utcOffset` ahead of UTC (0 for UTC labels; the
// local offset for local labels), so that they fall on whole local hours, midnights, first days of
// months and new years.
[[nodiscard]] std::vector<TimelineTick> timelineTicks(TimeRange range, int maxTicks,
                                                      std::chrono::seconds utcOffset = std::chrono::seconds(0));

// The claims with every time claim the summary found to look like milliseconds divided by 1000,
// for "show them as seconds". Other members, and their order, are kept.
[[nodiscard]] encoding::Json millisecondsAsSeconds(const encoding::Json& claims, const jose::LifetimeSummary& summary);

} // namespace jwtwb::inspect
