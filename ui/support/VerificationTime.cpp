#include "VerificationTime.h"

#include "support/Clock.h"

namespace jwtwb::ui {

VerificationTime::VerificationTime(QObject* parent)
    : QObject(parent)
{ }

std::chrono::sys_seconds VerificationTime::at() const
{
    return m_whatIf.value_or(Clock::nowSeconds());
}

void VerificationTime::setWhatIf(std::optional<std::chrono::sys_seconds> time)
{
    if (time == m_whatIf) {
        return;
    }
    m_whatIf = time;
    emit changed();
}

} // namespace jwtwb::ui
