#pragma once

#include "TestOutput.h"
#include "support/Theme.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QWidget>

namespace jwtwb::test {

inline const QString kSampleToken = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
// Its secret, 19 bytes: the signature matches, and a conforming verifier refuses the key.
inline const QString kSampleSecret = QStringLiteral("your-256-bit-secret");
// jwt.io's sample since 2025, the signer's first token, and its 38-byte secret.
inline const QString kCurrentSampleToken = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6"
    "MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30");
inline const QString kCurrentSampleSecret = QStringLiteral("a-string-secret-at-least-256-bits-long");

// Saves a PNG of the widget into the build folder's tests/output, for people to look at.
// Settings of this test only: an INI file in `folder` (a QTemporaryDir), never the user's.
inline void isolateSettings(const QString& folder, const QString& application = QStringLiteral("jwt-workbench-test"))
{
    QApplication::setOrganizationName(QStringLiteral("jwt-workbench-test"));
    QApplication::setApplicationName(application);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

inline QString saveShot(QWidget& widget, const QString& name)
{
    QDir().mkpath(outputDir());
    const QString path = outputDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    // As the user sees it: a layout change goes up one level of widgets per round of events.
    for (int round = 0; round < 8; ++round) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull() || !pixmap.save(path)) {
        qFatal("cannot save %s", qPrintable(path));
    }
    return path;
}

// All formatting ranges the highlighter put on the editor's text.
inline QList<QTextLayout::FormatRange> formatsOf(const QPlainTextEdit& editor)
{
    QList<QTextLayout::FormatRange> all;
    for (QTextBlock block = editor.document()->firstBlock(); block.isValid(); block = block.next()) {
        for (auto range : block.layout()->formats()) {
            range.start += block.position();
            all.append(range);
        }
    }
    return all;
}

// Foreground colour the highlighter gave to the character at `position`, or invalid.
inline QColor colorAt(const QPlainTextEdit& editor, int position)
{
    QColor color;
    for (const auto& range : formatsOf(editor)) {
        if (position >= range.start && position < range.start + range.length
            && range.format.hasProperty(QTextFormat::ForegroundBrush)) {
            color = range.format.foreground().color();
        }
    }
    return color;
}

// Contrast ratio (WCAG 2) between two colours: 1 (none) to 21.
inline double contrast(const QColor& a, const QColor& b)
{
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace jwtwb::test
