#pragma once

#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

namespace jwtwb::ui {

// The time the window verifies tokens at: the clock's now (Clock), or a what-if time the user chose.
// One object is shared by every page that shows it (the decoder's "Verify at", the timeline), so that
// they cannot disagree: each writes its user's choice here and follows changed(), which comes only
// when the time really changes, so that no page hears its own change echoed back.
class VerificationTime : public QObject
{
    Q_OBJECT

public:
    explicit VerificationTime(QObject* parent = nullptr);

    // The what-if time; empty while following the clock.
    [[nodiscard]] std::optional<std::chrono::sys_seconds> whatIf() const { return m_whatIf; }
    [[nodiscard]] bool followsClock() const { return !m_whatIf; }
    // The instant to verify at: the what-if time, or Clock::nowSeconds().
    [[nodiscard]] std::chrono::sys_seconds at() const;

    // For a page that starts with a time of its own and is then given the window's: `current`
    // becomes `shared` (the old one is deleted when `user` made it), and `show` runs now and on
    // every change of `shared`.
    static void share(QObject* user, VerificationTime*& current, VerificationTime* shared,
                      const std::function<void()>& show);

public slots:
    // A what-if time; empty goes back to following the clock ("now").
    void setWhatIf(std::optional<std::chrono::sys_seconds> time);
    void followClock() { setWhatIf(std::nullopt); }

signals:
    void changed();

private:
    std::optional<std::chrono::sys_seconds> m_whatIf;
};

} // namespace jwtwb::ui
