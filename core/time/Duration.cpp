#include "Duration.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <limits>

namespace jwtwb::time {
namespace {

using std::chrono::seconds;

constexpr std::int64_t kMaxSeconds = std::int64_t(1) << 50; // far beyond any real token lifetime

bool readNumber(std::string_view text, std::size_t& i, std::int64_t& value)
{
    const char* begin = text.data() + i;
    const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
    if (error != std::errc() || end == begin) {
        return false;
    }
    i += static_cast<std::size_t>(end - begin);
    return true;
}

std::int64_t unitSeconds(std::string_view unit)
{
    if (unit == "s" || unit == "sec") {
        return 1;
    }
    if (unit == "m" || unit == "min") {
        return 60;
    }
    if (unit == "h") {
        return 3600;
    }
    if (unit == "d") {
        return 86400;
    }
    if (unit == "w") {
        return 7 * 86400;
    }
    return 0;
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view text, std::size_t at, std::size_t count, unsigned& value)
{
    if (at + count > text.size()) {
        return false;
    }
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return false;
        }
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
}

Result<std::chrono::sys_seconds> parseIso(std::string_view text)
{
    const auto bad = [&] {
        return fail(Errc::InvalidJson,
                    fmt::format("\"{}\" is not a time: use Unix seconds, 2026-11-28T10:00:00Z, or now/+1h/-30m", text));
    };
    unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) || text[7] != '-'
        || !digits(text, 8, 2, day) || month < 1 || month > 12 || day < 1 || day > 31) {
        return bad();
    }
    std::size_t i = 10;
    std::int64_t offset = 0;
    if (i < text.size()) {
        if ((text[i] != 'T' && text[i] != 't' && text[i] != ' ') || !digits(text, i + 1, 2, hour) || text.size() < i + 6
            || text[i + 3] != ':' || !digits(text, i + 4, 2, minute) || hour > 23 || minute > 59) {
            return bad();
        }
        i += 6;
        if (i < text.size() && text[i] == ':') {
            if (!digits(text, i + 1, 2, second) || second > 60) {
                return bad();
            }
            i += 3;
            while (i < text.size() && (text[i] == '.' || std::isdigit(static_cast<unsigned char>(text[i])))) {
                ++i; // fractions of a second are dropped
            }
        }
        if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
            ++i;
        } else if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            unsigned oh = 0, om = 0;
            if (!digits(text, i + 1, 2, oh) || text.size() < i + 6 || text[i + 3] != ':'
                || !digits(text, i + 4, 2, om)) {
                return bad();
            }
            offset = (text[i] == '-' ? -1 : 1) * static_cast<std::int64_t>(oh * 3600 + om * 60);
            i += 6;
        } else {
            return fail(Errc::InvalidJson,
                        fmt::format("\"{}\" has no time zone: end it with Z for UTC or an offset like +01:00", text));
        }
    }
    if (i != text.size()) {
        return bad();
    }
    const std::int64_t days = daysFromCivil(year, month, day);
    return std::chrono::sys_seconds(seconds(days * 86400 + hour * 3600 + minute * 60 + second - offset));
}

} // namespace

Result<seconds> parseDuration(std::string_view text)
{
    if (text.empty()) {
        return fail(Errc::InvalidJson, "empty duration");
    }
    std::size_t i = 0;
    std::int64_t total = 0;
    while (i < text.size()) {
        std::int64_t value = 0;
        if (!readNumber(text, i, value) || value < 0) {
            return fail(Errc::InvalidJson,
                        fmt::format("\"{}\" is not a duration: write e.g. 30s, 15m, 2h30m or 1d", text));
        }
        std::size_t unitEnd = i;
        while (unitEnd < text.size() && std::isalpha(static_cast<unsigned char>(text[unitEnd]))) {
            ++unitEnd;
        }
        const std::string_view unit = text.substr(i, unitEnd - i);
        const std::int64_t factor
            = unit.empty() && unitEnd == text.size() && i == unitEnd && total == 0 ? 1 : unitSeconds(unit);
        if (factor == 0) {
            return fail(Errc::InvalidJson,
                        fmt::format("unknown unit \"{}\" in \"{}\": use s, m, h, d or w", unit, text));
        }
        if (value > kMaxSeconds / factor || total > kMaxSeconds - value * factor) {
            return fail(Errc::InvalidJson, fmt::format("the duration \"{}\" is too long", text));
        }
        total += value * factor;
        i = unitEnd;
    }
    return seconds(total);
}

Result<std::chrono::sys_seconds> parseTime(std::string_view text, std::chrono::sys_seconds now)
{
    if (text == "now") {
        return now;
    }
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        auto duration = parseDuration(text.substr(1));
        if (!duration) {
            return std::unexpected(duration.error());
        }
        return text.front() == '+' ? now + *duration : now - *duration;
    }
    std::int64_t unix = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), unix);
    if (error == std::errc() && end == text.data() + text.size()) {
        return std::chrono::sys_seconds(seconds(unix));
    }
    return parseIso(text);
}

} // namespace jwtwb::time
