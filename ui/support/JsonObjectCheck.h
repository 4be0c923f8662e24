#pragma once

#include "encoding/Json.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace jwtwb::ui {

// JSON text that must be an object, as an editor shows it: the value, or a sentence saying what is
// wrong and where (line and column), with the character to mark. Repeated members are refused.
struct JsonObjectCheck {
    std::optional<encoding::Json> value;
    QString problem;
    int errorPosition = -1; // UTF-16 position in the text, -1 for none

    // `what` names the text in messages: "header", "payload".
    [[nodiscard]] static JsonObjectCheck of(const QString& text, const QString& what);

    Q_DECLARE_TR_FUNCTIONS(JsonObjectCheck)
};

} // namespace jwtwb::ui
