#include "Theme.h"

#include "support/IndicatorStyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <array>

namespace jwtwb::ui {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

TokenColors tokenColors(const QPalette& palette)
{
    if (isDark(palette)) {
        return {QColor(0xff, 0x6b, 0x93), QColor(0xd9, 0x8c, 0xff), QColor(0x4f, 0xd1, 0xff), QColor(0x7e, 0xe0, 0x8f),
                QColor(0xff, 0x55, 0x55), QColor(0xf0, 0xb4, 0x5a), QColor(0xff, 0xa6, 0x57)};
    }
    return {QColor(0xd1, 0x00, 0x4d), QColor(0x9b, 0x1f, 0xc9), QColor(0x00, 0x77, 0xa8), QColor(0x1d, 0x7f, 0x35),
            QColor(0xcc, 0x00, 0x00), QColor(0x9a, 0x5b, 0x00), QColor(0xb3, 0x47, 0x00)};
}

QColor tokenPartColor(const TokenColors& colors, int partCount, int index)
{
    if (partCount == 5) {
        const std::array jwe{colors.header, colors.extra, colors.iv, colors.payload, colors.signature};
        return jwe[static_cast<std::size_t>(std::clamp(index, 0, 4))];
    }
    return index == 0 ? colors.header : index == 1 ? colors.payload : colors.signature;
}

QColor disclosureColor(const QPalette& palette, int index)
{
    // Teal, orange, green, olive, indigo, plum: apart from the header's red, the payload's purple
    // and the signature's blue.
    static constexpr std::array<QRgb, kDisclosureColorCount> kLight{0x00796b, 0xb34700, 0x2e7d32,
                                                                    0x6d6a00, 0x3f51b5, 0x8b3a62};
    static constexpr std::array<QRgb, kDisclosureColorCount> kDark{0x4dd0c0, 0xffa657, 0x8fe388,
                                                                   0xe0d060, 0xa0a8ff, 0xff9ec4};
    const auto slot
        = static_cast<std::size_t>(((index % kDisclosureColorCount) + kDisclosureColorCount) % kDisclosureColorCount);
    return QColor::fromRgb(isDark(palette) ? kDark[slot] : kLight[slot]);
}

QColor keyBindingColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xa8, 0xb8, 0xd0) : QColor(0x5a, 0x62, 0x70);
}

TimelineColors timelineColors(const QPalette& palette)
{
    if (isDark(palette)) {
        return {QColor(0x7e, 0xe0, 0x8f), QColor(0xff, 0x70, 0x70), QColor(0x6c, 0xb4, 0xff), QColor(0xe8, 0xc0, 0x60),
                QColor(0xf0, 0xa0, 0x50), QColor(0xff, 0x6b, 0x93), QColor(0xb4, 0xb4, 0xb4), QColor(0xd9, 0x8c, 0xff)};
    }
    return {QColor(0x17, 0x6b, 0x2c), QColor(0xcc, 0x00, 0x00), QColor(0x00, 0x61, 0xa8), QColor(0x8a, 0x5a, 0x00),
            QColor(0xa3, 0x47, 0x00), QColor(0xc2, 0x00, 0x4a), QColor(0x5f, 0x5f, 0x5f), QColor(0x8e, 0x1c, 0xb8)};
}

StatusColors statusColors(const QPalette& palette)
{
    // At least 4.5:1 against both the window and the base colour of the palettes applyColorScheme sets.
    if (isDark(palette)) {
        return {QColor(0x7e, 0xe0, 0x8f), QColor(0xff, 0x6b, 0x6b), QColor(0xf0, 0xb4, 0x5a)};
    }
    return {QColor(0x1a, 0x74, 0x31), QColor(0xcc, 0x00, 0x00), QColor(0x9a, 0x5b, 0x00)};
}

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(120));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}

} // namespace

void applyColorScheme(QApplication& app, ColorScheme scheme)
{
    if (scheme == ColorScheme::System) {
        return;
    }
    QApplication::setStyle(new IndicatorStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    app.setPalette(scheme == ColorScheme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

} // namespace jwtwb::ui
