#include "CompareInput.h"

#include "support/Labels.h"
#include "support/Theme.h"
#include "widgets/TokenEdit.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace jwtwb::ui {

CompareInput::CompareInput(const QString& title, const QString& name, QWidget* parent)
    : QWidget(parent)
    , m_edit(new TokenEdit(this))
    , m_status(new QLabel(this))
{
    m_edit->setObjectName(name);
    m_status->setObjectName(name + QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing()); // both inputs keep one height
    m_edit->setPlaceholderText(tr("Paste a token, a Bearer value, an Authorization header or a token response"));
    auto* label = makeTitle(title, this);
    label->setBuddy(m_edit);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_status);
    // textChanged also fires when the highlighter re-formats the text: act on real edits only.
    connect(m_edit, &TokenEdit::textChanged, this, [this] {
        if (const QString text = m_edit->text(); text != m_readText) {
            m_readText = text;
            read();
        }
    });
    read();
}

void CompareInput::setText(const QString& text)
{
    m_edit->setText(text);
}

QString CompareInput::text() const
{
    return m_edit->text();
}

void CompareInput::read()
{
    m_token = TokenComparison::read(m_edit->text());
    m_edit->markToken(m_token.start, m_token.end);
    updateStatus();
    emit tokenChanged();
}

void CompareInput::updateStatus()
{
    const bool empty = m_edit->text().trimmed().isEmpty();
    m_status->setText(m_token.token ? m_token.note : m_token.problem);
    const QColor color = m_token.token || empty ? QApplication::palette().color(QPalette::WindowText)
                                                : statusColors(QApplication::palette()).bad;
    setTextColor(m_status, color);
}

void CompareInput::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange) {
        updateStatus();
    }
}

} // namespace jwtwb::ui
