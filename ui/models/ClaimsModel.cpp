#include "ClaimsModel.h"

#include "inspect/ClaimCatalog.h"
#include "jose/ClaimText.h"
#include "jose/NumericDate.h"
#include "sdjwt/SdJwt.h"
#include "support/Convert.h"
#include "support/TimeText.h"

#include <QApplication>
#include <QFontDatabase>
#include <QStyle>

#include <algorithm>
#include <iterator>

namespace jwtwb::ui {
namespace {

constexpr int kMaxShownValue = 200; // characters; the tooltip has it all

// A member name as a JSON Pointer step (RFC 6901): "~" and "/" escaped.
std::string pointerStep(const std::string& name)
{
    std::string step;
    for (const char c : name) {
        step += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return step;
}

} // namespace

ClaimsModel::ClaimsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

ClaimsModel::Row ClaimsModel::makeRow(const std::string& name, const encoding::Json& value, bool registered)
{
    Row row;
    row.name = toQString(name);
    row.fullValue = value.is_string() ? toQString(value.get_ref<const std::string&>())
                                      : toQString(encoding::toCompactJson(value));
    row.value
        = row.fullValue.size() > kMaxShownValue ? row.fullValue.left(kMaxShownValue) + QChar(0x2026) : row.fullValue;
    const inspect::ClaimInfo* info = registered ? inspect::findClaim(name) : nullptr;
    if (info) {
        row.meaning = toQString(info->meaning);
        row.source = toQString(info->source);
    }
    if (info && info->kind == inspect::ClaimValueKind::NumericDate) {
        const jose::NumericDate date = jose::toNumericDate(name, value);
        if (date.valid()) {
            row.isTime = true;
            row.time = date.time;
            row.milliseconds = date.looksLikeMilliseconds;
            row.asMilliseconds = date.asMilliseconds;
            row.problem = toSentence(jose::describeMilliseconds(date));
        } else {
            row.problem = toSentence(jose::describeProblem(date));
        }
    }
    return row;
}

void ClaimsModel::setClaims(const encoding::Json& payload, std::chrono::sys_seconds now)
{
    beginResetModel();
    m_rows.clear();
    m_now = now;
    m_sdJwt = false;
    m_undisclosed = 0;
    if (payload.is_object()) {
        for (const auto& [name, value] : payload.items()) {
            m_rows.push_back(makeRow(name, value, true));
        }
    }
    endResetModel();
}

void ClaimsModel::setSdJwt(const sdjwt::SdJwt& sdJwt, std::chrono::sys_seconds now)
{
    beginResetModel();
    m_rows.clear();
    m_now = now;
    m_sdJwt = true;
    m_undisclosed = sdJwt.undisclosed;
    const auto disclose = [](Row& row, const sdjwt::Disclosure& disclosure) {
        row.disclosed = true;
        row.salt = toQString(disclosure.salt);
        row.digest = toQString(disclosure.digest);
    };
    if (sdJwt.processed.is_object()) {
        for (const auto& [name, value] : sdJwt.processed.items()) {
            Row row = makeRow(name, value, true);
            const std::string pointer = "/" + pointerStep(name);
            // The claim's own disclosure, then those inside it (by path, as they were disclosed).
            std::vector<Row> inside;
            for (const auto& disclosure : sdJwt.disclosures) {
                if (disclosure.path == pointer) {
                    disclose(row, disclosure);
                } else if (disclosure.path.starts_with(pointer + "/")) {
                    Row nested = makeRow(disclosure.path.substr(1), disclosure.value, false);
                    disclose(nested, disclosure);
                    inside.push_back(std::move(nested));
                }
            }
            m_rows.push_back(std::move(row));
            std::ranges::move(inside, std::back_inserter(m_rows));
        }
    }
    endResetModel();
}

void ClaimsModel::setNow(std::chrono::sys_seconds now)
{
    m_now = now;
    if (!m_rows.empty()) {
        emit dataChanged(index(0, Relative), index(rowCount() - 1, Relative), {Qt::DisplayRole});
    }
}

int ClaimsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ClaimsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClaimsModel::relative(const Row& row) const
{
    if (!row.isTime) {
        return {};
    }
    if (row.milliseconds) {
        return tr("%1 if milliseconds").arg(toQString(inspect::relativeTime(row.asMilliseconds, m_now)));
    }
    return toQString(inspect::relativeTime(row.time, m_now));
}

QVariant ClaimsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    // A milliseconds timestamp is shown as the instant it most likely means, and flagged.
    const auto time = row.milliseconds ? row.asMilliseconds : row.time;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return row.name;
        case Value: return row.value;
        case Relative: return relative(row);
        case LocalTime: return row.isTime ? formatDateTime(time, false) : QString();
        case Utc: return row.isTime ? toQString(jose::formatUtc(time)) : QString();
        case Disclosure:
            return !m_sdJwt ? QString() : row.disclosed ? tr("selectively disclosed") : tr("always visible");
        case Salt: return row.salt;
        case Digest: return row.digest;
        case Meaning: return row.meaning;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Value: return row.problem.isEmpty() ? row.fullValue : row.fullValue + QStringLiteral("\n\n") + row.problem;
        case Relative: return row.problem;
        case Meaning:
            return row.meaning.isEmpty() ? tr("Not a registered or well-known claim: its meaning is up to the issuer.")
                                         : row.source;
        case Disclosure:
            return !m_sdJwt ? QString()
                : row.disclosed
                ? tr("Revealed by a disclosure: its digest is in the issuer-signed payload, the salt and value came "
                     "with the SD-JWT")
                : tr("In the issuer-signed payload itself: every holder of the SD-JWT shows it");
        case Digest:
            return row.digest.isEmpty() ? QString() : tr("base64url of the hash of the disclosure's base64url text");
        default: return {};
        }
    }
    if (role == DisclosedRole) {
        return row.disclosed;
    }
    if (role == Qt::FontRole && (index.column() == Salt || index.column() == Digest)) {
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    }
    if (role == Qt::DecorationRole && index.column() == Name && !row.problem.isEmpty()) {
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    return {};
}

QVariant ClaimsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name: return tr("Claim");
    case Value: return tr("Value");
    case Relative: return tr("Relative");
    case LocalTime: return tr("Local time");
    case Utc: return tr("UTC");
    case Disclosure: return tr("Disclosure");
    case Salt: return tr("Salt");
    case Digest: return tr("Digest");
    case Meaning: return tr("Meaning");
    default: return {};
    }
}

} // namespace jwtwb::ui
