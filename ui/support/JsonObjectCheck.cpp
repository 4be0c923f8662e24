#include "JsonObjectCheck.h"

#include "Convert.h"

#include <QCoreApplication>

namespace jwtwb::ui {

JsonObjectCheck JsonObjectCheck::of(const QString& text, const QString& what)
{
    const std::string utf8 = toStdString(text);
    auto parsed = encoding::parseJson(utf8);
    if (!parsed) {
        const auto& error = parsed.error();
        QString message = toQString(error.message);
        if (!message.isEmpty()) {
            message[0] = message[0].toUpper();
        }
        return {std::nullopt, message, error.position ? utf16Offset(utf8, *error.position) : -1};
    }
    if (!parsed->duplicates.empty()) {
        const auto& duplicate = parsed->duplicates.front();
        const QString where = duplicate.path.empty() ? QString() : tr(" in %1").arg(toQString(duplicate.path));
        return {
            std::nullopt,
            tr("Duplicate member \"%1\"%2 at %3: verifiers disagree on which value wins (RFC 7515 §5.2)")
                .arg(toQString(duplicate.key), where, toQString(encoding::describePosition(utf8, duplicate.offset))),
            utf16Offset(utf8, duplicate.offset)};
    }
    if (!parsed->value.is_object()) {
        return {std::nullopt, tr("The %1 must be a JSON object: { … }").arg(what), 0};
    }
    return {std::move(parsed->value), {}, -1};
}

} // namespace jwtwb::ui
