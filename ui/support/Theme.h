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
    QColor extra; // JWE encrypted key
    QColor error;
    QColor warning;
    QColor iv; // JWE initialization vector
};

// The colour of part `index` (from 0) of a token of `partCount` parts: a JWS's header, payload and
// signature; a JWE's protected header, encrypted key, IV, ciphertext (the payload's colour) and
// authentication tag (the signature's), five colours in all.
[[nodiscard]] QColor tokenPartColor(const TokenColors& colors, int partCount, int index);

// SD-JWT (RFC 9901): the colour of disclosure `index` (from 0), a cycle of six that are none of a
// JWS's three, and the key binding JWT's. Each reaches 4.5:1 against the palette's Base.
inline constexpr int kDisclosureColorCount = 6;
[[nodiscard]] QColor disclosureColor(const QPalette& palette, int index);
[[nodiscard]] QColor keyBindingColor(const QPalette& palette);

// Colours of the claim-lifetime timeline. Every one is also used for text, and reaches 4.5:1 against
// the palette's Base, plain or under the suspicious-row tint (`warning` at kTimelineTintAlpha).
struct TimelineColors {
    QColor valid; // the valid bar and "valid for another …"
    QColor expired; // expired, never valid, cannot be checked
    QColor pending; // not yet valid
    QColor leeway; // the leeway bands and "accepted within the leeway"
    QColor warning; // suspicious lifetimes
    QColor verification; // the verification time ("now" or the what-if time)
    QColor clock; // the real clock, when a what-if time is shown
    QColor authTime; // the auth_time marker
};

inline constexpr int kTimelineTintAlpha = 30; // of 255

// Colours for outcomes: a valid signature, an invalid one or an error finding, and a warning.
struct StatusColors {
    QColor good;
    QColor bad;
    QColor warning;
};

[[nodiscard]] bool isDark(const QPalette& palette);
[[nodiscard]] TokenColors tokenColors(const QPalette& palette);
[[nodiscard]] StatusColors statusColors(const QPalette& palette);
[[nodiscard]] TimelineColors timelineColors(const QPalette& palette);

// Light or dark Fusion palette for --color-scheme and tests; System keeps the platform's.
void applyColorScheme(QApplication& app, ColorScheme scheme);

} // namespace jwtwb::ui
