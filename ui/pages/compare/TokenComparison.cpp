#include "TokenComparison.h"

#include "inspect/TokenExtractor.h"
#include "jose/NumericDate.h"
#include "support/Convert.h"
#include "support/TimeText.h"

#include <QStringList>

#include <array>

namespace jwtwb::ui {
namespace {

using encoding::Json;

constexpr qsizetype kMaxValueLength = 300;
constexpr std::array kTimeClaims{"exp", "nbf", "iat", "auth_time"};

QString headerString(const jose::CompactToken& token, const char* name)
{
    const Json& header = token.header.value;
    const auto it = header.find(name);
    if (it == header.end()) {
        return {};
    }
    return it->is_string() ? toQString(it->get_ref<const std::string&>()) : toQString(encoding::toCompactJson(*it));
}

bool isTimeClaim(const inspect::MemberDiff& member)
{
    return member.part == "payload" && std::ranges::find(kTimeClaims, member.name) != kTimeClaims.end();
}

} // namespace

ComparedToken TokenComparison::read(const QString& text)
{
    ComparedToken side;
    if (text.trimmed().isEmpty()) {
        side.problem = tr("Paste a token here.");
        return side;
    }
    const std::string utf8 = toStdString(text);
    auto extracted = inspect::extractToken(utf8);
    if (!extracted) {
        side.problem = toSentence(extracted.error().message);
        return side;
    }
    side.start = utf16Offset(utf8, extracted->offset);
    side.end = utf16Offset(utf8, extracted->offset + extracted->token.size());
    if (extracted->token.starts_with('{')) {
        side.problem = tr("This is a JWE in the JSON serialization; only compact tokens can be compared.");
        return side;
    }
    auto token = jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient);
    if (!token) {
        side.problem = toSentence(token.error().message);
        return side;
    }
    QStringList notes;
    if (extracted->source != inspect::TokenSource::Bare) {
        notes << tr("Token taken from the %1.").arg(toQString(inspect::describe(extracted->source)));
    }
    if (token->kind == jose::TokenKind::Jwe) {
        notes << tr("An encrypted token (JWE): only its header is compared, the claims are encrypted.");
    }
    side.note = notes.join(QLatin1Char(' '));
    side.token = std::move(*token);
    return side;
}

QString TokenComparison::algorithmLine(const jose::CompactToken& first, const jose::CompactToken& second)
{
    const auto pair = [&](const char* name, const QString& label, bool always) {
        const QString a = headerString(first, name);
        const QString b = headerString(second, name);
        if (a.isEmpty() && b.isEmpty()) {
            return always ? tr("no %1").arg(label) : QString();
        }
        const QString none = tr("(none)");
        const QString shown = a == b ? a : tr("%1 → %2").arg(a.isEmpty() ? none : a, b.isEmpty() ? none : b);
        return label.isEmpty() ? shown : tr("%1 %2").arg(label, shown);
    };
    QStringList parts{pair("alg", QString(), true)};
    if (const QString enc = pair("enc", QStringLiteral("enc"), false); !enc.isEmpty()) {
        parts << enc;
    }
    parts << pair("kid", QStringLiteral("kid"), true);
    if (parts.first().isEmpty()) {
        parts.first() = tr("no alg");
    }
    return parts.join(QStringLiteral(" · "));
}

QString TokenComparison::summary(const inspect::TokenDiff& diff)
{
    const QString what = diff.payloadsComparable ? tr("header and claims") : tr("header");
    if (diff.same()) {
        return tr("Same %1").arg(what);
    }
    QStringList counts;
    const auto count = [&](inspect::MemberChange change, const QString& text) {
        if (const auto n = diff.count(change); n > 0) {
            counts << text.arg(n);
        }
    };
    count(inspect::MemberChange::Changed, tr("%1 changed"));
    count(inspect::MemberChange::Added, tr("%1 added"));
    count(inspect::MemberChange::Removed, tr("%1 removed"));
    QStringList times;
    for (const auto& member : diff.members) {
        if (!member.note.empty()) {
            times << tr("%1 %2").arg(toQString(member.name), toQString(member.note));
        }
    }
    QString line = counts.join(QStringLiteral(", "));
    if (!times.isEmpty()) {
        line += QStringLiteral(" · ") + times.join(QStringLiteral(", "));
    }
    return line;
}

QString TokenComparison::changeText(const inspect::MemberDiff& member)
{
    switch (member.change) {
    case inspect::MemberChange::Added: return tr("added");
    case inspect::MemberChange::Removed: return tr("removed");
    case inspect::MemberChange::Same: return tr("same");
    case inspect::MemberChange::Changed:
        return member.note.empty() ? tr("changed") : tr("changed, %1").arg(toQString(member.note));
    }
    return {};
}

QString TokenComparison::valueText(const inspect::MemberDiff& member, const std::optional<encoding::Json>& value)
{
    if (!value) {
        return QStringLiteral("—");
    }
    QString text = toQString(encoding::toCompactJson(*value));
    if (text.size() > kMaxValueLength) {
        text = text.left(kMaxValueLength) + QStringLiteral("…");
    }
    if (isTimeClaim(member)) {
        if (const jose::NumericDate date = jose::toNumericDate(member.name, *value); date.valid()) {
            text = tr("%1 (%2)").arg(text, formatDateTime(date.time, false));
        }
    }
    return text;
}

} // namespace jwtwb::ui
