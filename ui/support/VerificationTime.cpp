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

void VerificationTime::share(QObject* user, VerificationTime*& current, VerificationTime* shared,
                             const std::function<void()>& show)
{
    if (shared == current) {
        return;
    }
    if (current->parent() == user) {
        delete current;
    } else {
        disconnect(current, nullptr, user, nullptr);
    }
    current = shared;
    connect(current, &VerificationTime::changed, user, show);
    show();
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
