#pragma once

#include "sdjwt/SdJwt.h"

#include <QDialog>
#include <QSet>

#include <chrono>
#include <optional>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace jwtwb::ui {

class KeyInput;
class KeystoreSession;
class TokenEdit;

// Tools → Present SD-JWT…: from an issued SD-JWT (RFC 9901), the presentation that reveals only the
// ticked disclosures, with a key binding JWT (aud, nonce, iat, sd_hash) when a holder key is given.
// A disclosure inside another one needs it (ticked along), and a ticked one brings what it holds
// (shown ticked and greyed), as core's presentSdJwt does. Not modal: the token can go to the decoder.
class SdPresentDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SdPresentDialog(QWidget* parent = nullptr);

    void setSdJwt(const QString& text);
    [[nodiscard]] QString sdJwtText() const;
    // Offers stored keys as holder keys (not owned).
    void setKeystoreSession(KeystoreSession* session);
    void setIssuedAt(std::chrono::sys_seconds iat);

    [[nodiscard]] QTreeWidget* disclosureList() const { return m_list; }
    // The item of the disclosure of this path ("address/street_address", "nationalities/0"), or null.
    [[nodiscard]] QTreeWidgetItem* itemForPath(const QString& path) const;
    [[nodiscard]] KeyInput* holderKeyInput() const { return m_holderKey; }
    [[nodiscard]] QLineEdit* audienceEdit() const { return m_audience; }
    [[nodiscard]] QLineEdit* nonceEdit() const { return m_nonce; }
    [[nodiscard]] QString presentation() const { return m_presentation; }
    [[nodiscard]] QString errorText() const; // why there is no presentation, or ""
    [[nodiscard]] QString holderWarning() const; // the holder key is not cnf.jwk's, or ""

signals:
    void openInDecoder(const QString& presentation);

protected:
    void changeEvent(QEvent* event) override;

private:
    void parse();
    void fillList();
    void itemToggled(QTreeWidgetItem* item, int column);
    void showTicks();
    void present();
    void showError(const QString& text);
    void updateColors();
    [[nodiscard]] QString checkHolderKey() const;

    QPlainTextEdit* m_input;
    QLabel* m_status;
    QTreeWidget* m_list;
    KeyInput* m_holderKey;
    QLineEdit* m_audience;
    QLineEdit* m_nonce;
    QDateTimeEdit* m_iat;
    QLabel* m_warning;
    TokenEdit* m_output;
    QLabel* m_error;
    QPushButton* m_copy;
    QPushButton* m_openInDecoder;

    std::optional<sdjwt::SdJwt> m_sdJwt;
    QSet<QString> m_ticked; // pointers of the disclosures the user ticked
    QString m_presentation;
    bool m_filling = false;
};

} // namespace jwtwb::ui
