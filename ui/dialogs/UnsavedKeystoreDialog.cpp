#include "UnsavedKeystoreDialog.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace jwtwb::ui {
UnsavedKeystoreDialog::Choice UnsavedKeystoreDialog::ask(QWidget* parent, Situation situation, const QString& path,
                                                         const QString& reason)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("unsavedKeystore"));
    box.setIcon(situation == Situation::SaveFailed ? QMessageBox::Critical : QMessageBox::Warning);
    box.setWindowTitle(situation == Situation::SaveFailed ? tr("Keystore Not Saved") : tr("Unsaved Keystore Changes"));
    QString advice;
    switch (situation) {
    case Situation::SaveFailed:
        box.setText(tr("The keystore could not be saved to %1.").arg(path));
        advice = tr("Your change is kept in memory only. Try again, or save the keystore to another file; "
                    "locking or quitting without saving loses it.");
        break;
    case Situation::BeforeLock:
        box.setText(tr("The keystore has changes that are not saved in %1.").arg(path));
        advice = tr("Locking it now loses them.");
        break;
    case Situation::BeforeQuit:
        box.setText(tr("The keystore has changes that are not saved in %1.").arg(path));
        advice = tr("Quitting now loses them.");
        break;
    }
    box.setInformativeText(reason.isEmpty() ? advice : tr("Reason: %1\n\n%2").arg(reason, advice));
    QPushButton* retry = box.addButton(tr("&Retry"), QMessageBox::AcceptRole);
    QPushButton* saveAs = box.addButton(tr("Save &As…"), QMessageBox::ActionRole);
    QPushButton* discard = situation == Situation::SaveFailed
        ? nullptr
        : box.addButton(situation == Situation::BeforeLock ? tr("&Discard and Lock") : tr("&Discard and Quit"),
                        QMessageBox::DestructiveRole);
    QPushButton* keep = box.addButton(situation == Situation::SaveFailed ? tr("&Keep in Memory") : tr("Cancel"),
                                      QMessageBox::RejectRole);
    box.setDefaultButton(retry);
    box.setEscapeButton(keep);
    box.exec();
    if (box.clickedButton() == retry) {
        return Choice::Retry;
    }
    if (box.clickedButton() == saveAs) {
        return Choice::SaveAs;
    }
    if (discard != nullptr && box.clickedButton() == discard) {
        return Choice::Discard;
    }
    return Choice::Keep;
}

} // namespace jwtwb::ui
