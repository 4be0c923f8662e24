#pragma once

#include <QColor>
#include <QPalette>

class QApplication;

namespace jwtwb::ui {

enum class ColorScheme { System, Light, Dark };

// Colours for the token's parts (jwt.io's red / purple / blue family), chosen for the palette.
struct TokenColors {
    QColor header;
    QColor payload;
    QColor signature;
    QColor extra; // JWE encrypted key and IV
    QColor error;
    QColor warning;
};

// Colours for outcomes: a valid signature, an invalid one or an error finding, and a warning.
struct StatusColors {
    QColor good;
    QColor bad;
    QColor warning;
};

[[nodiscard]] bool isDark(const QPalette& palette);
[[nodiscard]] TokenColors tokenColors(const QPalette& palette);
[[nodiscard]] StatusColors statusColors(const QPalette& palette);

// Light or dark Fusion palette for --color-scheme and tests; System keeps the platform's.
void applyColorScheme(QApplication& app, ColorScheme scheme);

} // namespace jwtwb::ui
