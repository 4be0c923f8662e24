#include "UiTestSupport.h"
#include "support/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QMenu>
#include <QRadioButton>

using namespace jwtwb;
using namespace jwtwb::ui;

// The status colours (valid, invalid, warning) are read on the window's colour (labels) and on the
// base colour (lists, editors): WCAG AA asks for 4.5:1 on both, in light and dark. An unchecked
// check box or radio button shows its frame: 3:1 against what is behind it (WCAG 1.4.11).
class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void statusColoursAreReadable_data();
    void statusColoursAreReadable();
    void uncheckedIndicatorsShow_data();
    void uncheckedIndicatorsShow();
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

void TestTheme::uncheckedIndicatorsShow_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QString>("control");
    for (const auto& [name, scheme] : {std::pair("light", ColorScheme::Light), std::pair("dark", ColorScheme::Dark)}) {
        for (const char* control : {"menu item", "check box", "radio button"}) {
            QTest::addRow("%s, %s", name, control) << static_cast<int>(scheme) << QString::fromLatin1(control);
        }
    }
}

// The controls have no text: the indicator is all they draw on the background around it.
void TestTheme::uncheckedIndicatorsShow()
{
    QFETCH(int, scheme);
    QFETCH(QString, control);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    QImage image;
    QRect area;
    if (control == QLatin1String("menu item")) {
        QMenu menu;
        QAction* action = menu.addAction(QString());
        action->setCheckable(true);
        menu.resize(menu.sizeHint());
        area = menu.actionGeometry(action);
        image = menu.grab().toImage();
    } else {
        QWidget window;
        QAbstractButton* button = nullptr;
        if (control == QLatin1String("check box")) {
            button = new QCheckBox(&window);
        } else {
            button = new QRadioButton(&window);
        }
        button->setGeometry(QRect(QPoint(8, 8), button->sizeHint()));
        window.resize(button->width() + 16, button->height() + 16);
        area = window.rect();
        image = window.grab().toImage();
    }
    QVERIFY(!image.isNull() && area.isValid());
    const QColor background = image.pixelColor(area.right() - 1, area.bottom() - 1);
    double best = 1;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            best = std::max(best, test::contrast(image.pixelColor(x, y), background));
        }
    }
    QVERIFY2(
        best >= 3.0,
        qPrintable(QStringLiteral("the strongest edge is %1:1 on %2").arg(best, 0, 'f', 2).arg(background.name())));
}

QTEST_MAIN(TestTheme)
#include "TestTheme.moc"
