#include "TokenHistoryModel.h"

#include "jose/CompactToken.h"
#include "jose/NumericDate.h"
#include "support/Convert.h"
#include "support/KeystoreSession.h"
#include "support/TimeText.h"

#include <QDateTime>

namespace jwtwb::ui {
namespace {

QString claimText(const encoding::Json& claims, const char* name)
{
    const auto it = claims.find(name);
    if (it == claims.end()) {
        return {};
    }
    return it->is_string() ? toQString(it->get_ref<const std::string&>()) : toQString(encoding::toCompactJson(*it));
}

} // namespace

TokenHistoryModel::TokenHistoryModel(KeystoreSession* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(m_session, &KeystoreSession::historyChanged, this, &TokenHistoryModel::reload);
    reload();
}

void TokenHistoryModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (const keys::Keystore* keystore = m_session->keystore()) {
        for (const auto& entry : keystore->history().entries()) {
            Row row;
            const QDateTime seen = QDateTime::fromString(toQString(entry.seen), Qt::ISODate);
            row.seen = seen.isValid() ? formatDateTime(toSysSeconds(seen), false) : toQString(entry.seen);
            const auto token = jose::decodeCompact(entry.token.view(), jose::Base64Mode::Lenient);
            if (!token || token->kind == jose::TokenKind::Jwe) {
                row.issuer = tr("(encrypted)");
            } else if (token->payloadJson && token->payloadJson->value.is_object()) {
                const encoding::Json& claims = token->payloadJson->value;
                row.issuer = claimText(claims, "iss");
                row.subject = claimText(claims, "sub");
                if (const auto exp = claims.find("exp"); exp != claims.end()) {
                    const jose::NumericDate date = jose::toNumericDate("exp", *exp);
                    row.expires = date.valid() ? formatDateTime(date.time, false) : claimText(claims, "exp");
                }
            }
            m_rows.push_back(std::move(row));
        }
    }
    endResetModel();
}

QString TokenHistoryModel::token(int row) const
{
    const keys::Keystore* keystore = m_session->keystore();
    if (!keystore || row < 0 || static_cast<std::size_t>(row) >= keystore->history().size()) {
        return {};
    }
    return toQString(keystore->history().entries()[static_cast<std::size_t>(row)].token.view());
}

int TokenHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TokenHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TokenHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || role != Qt::DisplayRole) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Issuer: return row.issuer;
    case Subject: return row.subject;
    case Expires: return row.expires;
    case Seen: return row.seen;
    default: return {};
    }
}

QVariant TokenHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Issuer: return tr("Issuer (iss)");
    case Subject: return tr("Subject (sub)");
    case Expires: return tr("Expires (exp)");
    case Seen: return tr("Seen");
    default: return {};
    }
}

} // namespace jwtwb::ui
