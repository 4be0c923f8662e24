#pragma once

#include <chrono>
#include <optional>

namespace jwtwb::ui {

// The UI's one clock: core takes `now` as an argument; widgets ask this. Tests fix it.
class Clock
{
public:
    [[nodiscard]] std::chrono::sys_seconds now() const
    {
        if (m_fixed) {
            return *m_fixed;
        }
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }
    void setFixed(std::optional<std::chrono::sys_seconds> now) { m_fixed = now; }
    [[nodiscard]] bool isFixed() const { return m_fixed.has_value(); }

private:
    std::optional<std::chrono::sys_seconds> m_fixed;
};

} // namespace jwtwb::ui
