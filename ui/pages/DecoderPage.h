#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace jwtwb::ui {

class JsonView;
class TokenEdit;

// Paste anything that holds a token; see its parts in colour and its header and payload as JSON.
class DecoderPage : public QWidget
{
    Q_OBJECT

public:
    explicit DecoderPage(QWidget* parent = nullptr);

    void setTokenText(const QString& text);
    [[nodiscard]] QString tokenText() const;
    // Reads a token file (at most TokenEdit::kMaxFileSize); false with a message on failure.
    bool loadFile(const QString& path, QString* errorMessage);

signals:
    void tokenTextChanged(const QString& text);
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void decode();
    void updateColors();
    void showError(const QString& message);

    TokenEdit* m_tokenEdit;
    QLabel* m_sourceLabel;
    QStackedWidget* m_stack;
    QLabel* m_headerTitle;
    QLabel* m_payloadTitle;
    QLabel* m_signatureTitle;
    JsonView* m_headerView;
    JsonView* m_payloadView;
    QLabel* m_signatureLabel;
    QLabel* m_notesLabel;
    QLabel* m_errorLabel;
    QString m_decodedText;
};

} // namespace jwtwb::ui
