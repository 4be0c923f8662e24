#include "Clock.h"

namespace jwtwb::ui {

std::chrono::sys_seconds Clock::now() const
{
    if (m_fixed) {
        return *m_fixed;
    }
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace jwtwb::ui
