#include "Clipboard.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QPointer>

namespace jwtwb::ui {
namespace {

// Klipper and other clipboard managers skip entries that carry this hint.
const QString kPasswordManagerHint = QStringLiteral("x-kde-passwordManagerHint");

// Our copy is recognised by its digest, so this object never holds the secret itself.
QByteArray digestOf(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

Clipboard::Clipboard(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    setClearDelay(kDefaultClearDelay);
    connect(&m_timer, &QTimer::timeout, this, &Clipboard::clearSecret);
}

Clipboard::~Clipboard()
{
    if (!QCoreApplication::closingDown()) {
        clearSecret();
    }
}

Clipboard* Clipboard::instance()
{
    static QPointer<Clipboard> clipboard;
    if (!clipboard) {
        clipboard = new Clipboard(QCoreApplication::instance());
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, clipboard, &Clipboard::clearSecret);
    }
    return clipboard;
}

void Clipboard::copyText(const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
}

void Clipboard::copySecret(const QString& text)
{
    auto* data = new QMimeData;
    data->setText(text);
    data->setData(kPasswordManagerHint, QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(data);
    m_secretDigest = digestOf(text);
    m_timer.start();
}

void Clipboard::setClearDelay(std::chrono::milliseconds delay)
{
    m_timer.setInterval(delay);
}

void Clipboard::clearSecret()
{
    m_timer.stop();
    if (m_secretDigest.isEmpty()) {
        return;
    }
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (clipboard && digestOf(clipboard->text()) == m_secretDigest) {
        clipboard->clear();
    }
    m_secretDigest.clear();
    emit secretCleared();
}

} // namespace jwtwb::ui
