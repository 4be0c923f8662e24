#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace jwtwb::ui {

// The question asked when keystore changes are only in memory: right after a save failed, and before
// locking or quitting with such changes.
class UnsavedKeystoreDialog
{
    Q_DECLARE_TR_FUNCTIONS(UnsavedKeystoreDialog)

public:
    enum class Situation { SaveFailed, BeforeLock, BeforeQuit };
    // Discard is offered only before locking or quitting; Keep leaves the changes in memory (and
    // cancels the lock or the quit).
    enum class Choice { Retry, SaveAs, Discard, Keep };

    // Modal; names the file and why the last save failed.
    [[nodiscard]] static Choice ask(QWidget* parent, Situation situation, const QString& path, const QString& reason);
};

} // namespace jwtwb::ui
