#pragma once

#include <chrono>
#include <optional>

namespace jwtwb::ui {

// The time the UI hands to core (which never reads the clock itself). Tests fix it.
class Clock
{
public:
    [[nodiscard]] std::chrono::sys_seconds now() const;

    void setFixed(std::chrono::sys_seconds time) { m_fixed = time; }
    void useSystemTime() { m_fixed.reset(); }

private:
    std::optional<std::chrono::sys_seconds> m_fixed;
};

} // namespace jwtwb::ui
