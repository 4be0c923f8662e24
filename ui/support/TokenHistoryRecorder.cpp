#include "TokenHistoryRecorder.h"

#include "jose/CompactToken.h"
#include "jwe/JweSerialization.h"
#include "support/Convert.h"
#include "support/KeystoreSession.h"

#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace jwtwb::ui {
namespace {

constexpr auto kEnabledKey = "history/enabled";
constexpr auto kSizeKey = "history/size";

bool decodes(const QString& token)
{
    const std::string text = toStdString(token);
    return text.starts_with('{') ? jwe::parseJweJson(text).has_value()
                                 : jose::decodeCompact(text, jose::Base64Mode::Lenient).has_value();
}

} // namespace

TokenHistoryRecorder::TokenHistoryRecorder(KeystoreSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_pause(new QTimer(this))
{
    m_pause->setSingleShot(true);
    m_pause->setInterval(kPauseMs);
    connect(m_pause, &QTimer::timeout, this, &TokenHistoryRecorder::record);
}

bool TokenHistoryRecorder::isEnabled()
{
    return QSettings().value(kEnabledKey, false).toBool();
}

void TokenHistoryRecorder::setEnabled(bool enabled)
{
    if (enabled == isEnabled()) {
        return;
    }
    QSettings().setValue(kEnabledKey, enabled);
    if (!enabled) {
        m_pause->stop();
        m_token.clear();
    }
    emit enabledChanged(enabled);
}

int TokenHistoryRecorder::size()
{
    return std::clamp(QSettings().value(kSizeKey, kDefaultSize).toInt(), 1, kMaxSize);
}

bool TokenHistoryRecorder::isPending() const
{
    return m_pause->isActive();
}

void TokenHistoryRecorder::tokenShown(const QString& token)
{
    m_pause->stop();
    m_token.clear();
    if (token.isEmpty() || !isEnabled() || !m_session->isUnlocked()) {
        return;
    }
    m_token = token;
    m_pause->start();
}

void TokenHistoryRecorder::record()
{
    const QString token = std::exchange(m_token, QString());
    if (!isEnabled() || !m_session->isUnlocked() || !decodes(token)) {
        return;
    }
    if (auto recorded = m_session->recordToken(token, size()); !recorded) {
        emit recordFailed(toSentence(recorded.error().message));
    }
}

} // namespace jwtwb::ui
