#include "UiTestSupport.h"
#include "support/Theme.h"

#include <QApplication>

using namespace jwtwb;
using namespace jwtwb::ui;

// The status colours (valid, invalid, warning) are read on the window's colour (labels) and on the
// base colour (lists, editors): WCAG AA asks for 4.5:1 on both, in light and dark.
class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void statusColoursAreReadable_data();
    void statusColoursAreReadable();
};

void TestTheme::statusColoursAreReadable_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<int>("role");
    for (const auto& [name, scheme] : {std::pair("light", ColorScheme::Light), std::pair("dark", ColorScheme::Dark)}) {
        QTest::addRow("%s, window", name) << static_cast<int>(scheme) << static_cast<int>(QPalette::Window);
        QTest::addRow("%s, base", name) << static_cast<int>(scheme) << static_cast<int>(QPalette::Base);
    }
}

void TestTheme::statusColoursAreReadable()
{
    QFETCH(int, scheme);
    QFETCH(int, role);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    const QPalette palette = QApplication::palette();
    const QColor background = palette.color(static_cast<QPalette::ColorRole>(role));
    const StatusColors colors = statusColors(palette);
    for (const auto& [name, colour] :
         {std::pair("good", colors.good), std::pair("bad", colors.bad), std::pair("warning", colors.warning)}) {
        const double ratio = test::contrast(colour, background);
        QVERIFY2(ratio >= 4.5,
                 qPrintable(QStringLiteral("%1 %2 on %3: %4:1")
                                .arg(QString::fromLatin1(name), colour.name(), background.name())
                                .arg(ratio, 0, 'f', 2)));
    }
}

QTEST_MAIN(TestTheme)
#include "TestTheme.moc"
