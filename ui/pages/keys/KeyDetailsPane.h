#pragma once

#include "keys/KeystoreEntry.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace jwtwb::ui {

class JsonView;

// One stored key: its type, thumbprint and algorithms, its label, tags and notes to edit, and its
// public JWK and PEM.
class KeyDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit KeyDetailsPane(QWidget* parent = nullptr);

    // nullptr: nothing selected (the editors are cleared and disabled).
    void showEntry(const keys::KeystoreEntry* entry);

signals:
    // "Save Details" for the key `kid`; tags as typed (comma-separated).
    void detailsSubmitted(const QString& kid, const QString& label, const QString& tags, const QString& notes);

private:
    QString m_kid;
    QLabel* m_facts;
    QLineEdit* m_labelEdit;
    QLineEdit* m_tagsEdit;
    QPlainTextEdit* m_notesEdit;
    QPushButton* m_save;
    QTabWidget* m_publicForms;
    JsonView* m_publicJwk;
    QPlainTextEdit* m_publicPem;
};

} // namespace jwtwb::ui
