#pragma once

#include "Error.h"

#include <chrono>
#include <string_view>

namespace jwtwb::time {

// "90", "30s", "15m", "90m", "2h30m", "1d", "1w" (units s, m/min, h, d, w; a bare number is seconds).
[[nodiscard]] Result<std::chrono::seconds> parseDuration(std::string_view text);

// A point in time as people and scripts write it: Unix seconds ("1516239022"), ISO 8601 / RFC 3339
// in UTC or with an offset ("2026-11-28T10:00:00Z", "2026-11-28T11:00:00+01:00", "2026-11-28"),
// or relative to `now` ("now", "+1h", "-30m").
[[nodiscard]] Result<std::chrono::sys_seconds> parseTime(std::string_view text, std::chrono::sys_seconds now);

} // namespace jwtwb::time
