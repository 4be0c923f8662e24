#include "RotationRehearsal.h"

#include "RotationKeyModel.h"
#include "RotationTokenModel.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"
#include "jose/CompactToken.h"
#include "keys/KeyExport.h"
#include "keys/KeyReader.h"
#include "keys/Keystore.h"
#include "support/Convert.h"

#include <QLocale>

namespace jwtwb::ui {
namespace {

Result<std::vector<keys::Key>> readKeyText(const QString& text)
{
    std::string bytes = toStdString(text);
    auto reading = keys::readKeys(bytes);
    crypto::wipe(bytes); // the text may hold private keys
    if (!reading) {
        return std::unexpected(reading.error());
    }
    return std::move(reading->keys);
}

QString subjectOf(const std::string& token)
{
    const auto decoded = jose::decodeCompact(token);
    if (!decoded || !decoded->payloadJson) {
        return {};
    }
    const auto& claims = decoded->payloadJson->value;
    const auto sub = claims.is_object() ? claims.find("sub") : claims.end();
    return sub != claims.end() && sub->is_string() ? toQString(sub->get<std::string>()) : QString();
}

} // namespace

RotationRehearsal::RotationRehearsal(QObject* parent)
    : QObject(parent)
    , m_keys(new RotationKeyModel(this))
    , m_tokens(new RotationTokenModel(this))
{ }

QString RotationRehearsal::setCurrentKeysText(const QString& text)
{
    if (text.trimmed().isEmpty()) {
        m_keys->setCurrentKeys({});
        return {};
    }
    auto keys = readKeyText(text);
    if (!keys) {
        return toSentence(keys.error().message);
    }
    m_keys->setCurrentKeys(std::move(*keys));
    return {};
}

QString RotationRehearsal::addKeysText(const QString& text)
{
    auto keys = readKeyText(text);
    if (!keys) {
        return toSentence(keys.error().message);
    }
    if (m_keys->addKeys(std::move(*keys)) == 0) {
        return tr("The new set already holds these keys.");
    }
    return {};
}

RotationRehearsal::KeystoreSet RotationRehearsal::keystorePublicSet(const keys::Keystore& keystore)
{
    std::vector<keys::Key> keys;
    int secrets = 0;
    for (const auto& entry : keystore.entries()) {
        auto publicKey = entry.key.publicKey();
        if (!publicKey) {
            ++secrets;
            continue;
        }
        keys.push_back(std::move(*publicKey));
    }
    const QString leftOut = secrets == 0
        ? QString()
        : tr("Left out %n HMAC secret(s): they have no public half to publish.", nullptr, secrets);
    if (keys.empty()) {
        return {{}, (tr("The keystore holds no RSA, EC or OKP key.") + QLatin1Char(' ') + leftOut).trimmed()};
    }
    const auto jwks = keys::exportJwks(keys, false);
    if (!jwks) {
        return {{}, toSentence(jwks.error().message)};
    }
    const QString taken
        = tr("Took the public halves of %n key(s) from the keystore.", nullptr, static_cast<int>(keys.size()));
    return {toQString(encoding::toPrettyJson(*jwks)), (taken + QLatin1Char(' ') + leftOut).trimmed()};
}

QString RotationRehearsal::setTokensText(const QString& text)
{
    m_tokenTexts.clear();
    m_subjects.clear();
    int leftOut = 0;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString token = line.trimmed();
        if (token.isEmpty()) {
            continue;
        }
        if (static_cast<int>(m_tokenTexts.size()) == kMaxTokens) {
            ++leftOut;
            continue;
        }
        m_tokenTexts.push_back(toStdString(token));
        m_subjects << subjectOf(m_tokenTexts.back());
    }
    return leftOut == 0 ? QString()
                        : tr("Only the first %1 tokens are rehearsed; %n more left out.", nullptr, leftOut)
                              .arg(QLocale().toString(kMaxTokens));
}

void RotationRehearsal::rehearse(std::chrono::sys_seconds now)
{
    jose::JwtVerifyOptions options;
    options.jws.weakKeys = m_allowWeakKeys ? jose::WeakKeys::Accept : jose::WeakKeys::Refuse;
    options.claims.now = now;
    auto before = m_keys->currentSet();
    auto after = m_keys->newSet();
    std::vector<bool> retired;
    for (std::size_t i = 0; i < after.size(); ++i) {
        retired.push_back(m_keys->isRetiredInNewSet(i));
    }
    auto report = rotation::rehearseRotation(m_tokenTexts, before, after, options);
    m_retiredReport = m_keys->retiredCount() > 0
        ? rotation::rehearseRotation(m_tokenTexts, after, m_keys->newSet(false), options)
        : rotation::RotationReport{};
    m_tokens->setReport(std::move(report), std::move(before), std::move(after), std::move(retired), m_subjects);
}

QString RotationRehearsal::summary() const
{
    return toSentence(m_tokens->report().summary());
}

QString RotationRehearsal::retiredSummary() const
{
    return m_retiredReport.tokens.empty() ? QString() : toSentence(m_retiredReport.summary());
}

int RotationRehearsal::dependsOnRetiredCount() const
{
    int count = 0;
    for (int row = 0; row < m_tokens->rowCount(); ++row) {
        count += m_tokens->dependsOnRetiredKey(row) ? 1 : 0;
    }
    return count;
}

RotationRehearsal::JwksExport RotationRehearsal::exportNewSet() const
{
    std::vector<keys::Key> published;
    int secrets = 0;
    for (const auto& key : m_keys->newSet()) {
        if (key.type() == keys::KeyType::Oct) {
            ++secrets;
        } else {
            published.push_back(key);
        }
    }
    JwksExport out;
    if (secrets > 0) {
        out.note = tr("%n HMAC secret(s) left out: a secret is never published in a JWK Set.", nullptr, secrets);
    }
    if (published.empty()) {
        out.error = tr("The new set has no public key to export.");
        return out;
    }
    const auto jwks = keys::exportJwks(published, false);
    if (!jwks) {
        out.error = toSentence(jwks.error().message);
        return out;
    }
    out.json = toQString(encoding::toPrettyJson(*jwks));
    return out;
}

} // namespace jwtwb::ui
