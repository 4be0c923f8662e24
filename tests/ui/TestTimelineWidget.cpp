#include "TestData.h"
#include "UiTestSupport.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/Theme.h"
#include "support/TimeText.h"
#include "widgets/TimelineWidget.h"

#include <QImage>
#include <QLocale>
#include <QSignalSpy>
#include <QTimeZone>

#include <ctime>

using namespace jwtwb;
using namespace jwtwb::ui;
using std::chrono::seconds;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;

QDateTime utc(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, QTimeZone::utc());
}

encoding::Json claims(std::initializer_list<std::pair<const char*, qint64>> members)
{
    encoding::Json json = encoding::Json::object();
    for (const auto& [name, value] : members) {
        json[name] = value;
    }
    return json;
}

qint64 count(std::chrono::sys_seconds time)
{
    return time.time_since_epoch().count();
}

} // namespace

class TestTimelineWidget : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void stateText_data();
    void stateText();
    void millisecondsShownAsSeconds();
    void severalTokensOnOneAxis();
    void replacingAndRemoving();
    void whatIfTimeChangesTheState();
    void whatIfTimeFarAwayComesIntoView();
    void followsTheClock();
    void zoomButtonsAndKeys();
    void wheelZoomsAroundTheCursor();
    void dragPans();
    void labelsNeverOverlap();
    void localTimeOrUtc();
    void coloursReadable_data();
    void coloursReadable();
    void paints_data();
    void paints();
    void reactsToPaletteChange();

private:
    TimelineWidget* m_widget = nullptr;
};

void TestTimelineWidget::init()
{
    QLocale::setDefault(QLocale::c()); // dates in ISO 8601's order, whatever the system's locale
    Clock::setFixed(utc(kNow));
    applyColorScheme(*qApp, ColorScheme::Light);
    m_widget = new TimelineWidget;
    m_widget->setUtc(true);
    m_widget->resize(1000, 500);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget));
}

void TestTimelineWidget::cleanup()
{
    delete m_widget;
    m_widget = nullptr;
    Clock::useSystemTime();
}

void TestTimelineWidget::stateText_data()
{
    QTest::addColumn<QString>("claims");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<QString>("state");

    QTest::newRow("valid") << R"({"iat":1795859400,"exp":1795860720})" << 0 << "valid for another 12 min";
    QTest::newRow("expired") << R"({"iat":1795500000,"exp":1795600800})" << 0 << "expired 3 days ago";
    QTest::newRow("not yet valid") << R"({"nbf":1795860300,"exp":1795863600})" << 0
                                   << "not valid for another 5 min (nbf)";
    QTest::newRow("expired, within the leeway")
        << R"({"exp":1795859980})" << 30 << "expired 20 s ago, accepted within the 30 s leeway";
    QTest::newRow("not yet valid, within the leeway")
        << R"({"nbf":1795860010})" << 30 << "not valid for another 10 s (nbf), accepted within the 30 s leeway";
    QTest::newRow("no exp") << R"({"iat":1795859400})" << 0 << "valid, never expires (no exp)";
    QTest::newRow("milliseconds") << R"({"exp":1795863600000})" << 0
                                  << "valid for another 56889 years; exp looks like milliseconds "
                                     "(2026-11-28T11:00:00Z if read as milliseconds)";
    QTest::newRow("payload not an object")
        << "[1]" << 0 << "cannot be checked: the payload is an array, not a JSON object, so it has no time claims";
}

void TestTimelineWidget::stateText()
{
    QFETCH(QString, claims);
    QFETCH(int, leeway);
    QFETCH(QString, state);
    m_widget->setLeeway(seconds(leeway));
    m_widget->setToken(QStringLiteral("token"), test::parseJsonOrDie(claims));
    QCOMPARE(m_widget->stateText(0), state);
}

void TestTimelineWidget::millisecondsShownAsSeconds()
{
    QSignalSpy rowsChanged(m_widget, &TimelineWidget::rowsChanged);
    m_widget->setToken(QStringLiteral("js client"),
                       test::parseJsonOrDie(QStringLiteral(R"({"iat":1795860000000,"exp":1795863600000})")));
    const QRect toggle = m_widget->rowGeometry().at(0).millisecondsToggle;
    QVERIFY(!toggle.isEmpty());
    QVERIFY(m_widget->rect().contains(toggle));
    QVERIFY(m_widget->warningTexts(0).join('\n').contains(QStringLiteral("looks like milliseconds")));

    // The offer is a link in the row: clicking it reads them as seconds…
    QTest::mouseClick(m_widget, Qt::LeftButton, {}, toggle.center());
    QVERIFY(m_widget->rows().at(0).millisecondsAsSeconds);
    QCOMPARE(m_widget->stateText(0), QStringLiteral("valid for another 1 h"));
    QVERIFY(m_widget->warningTexts(0).isEmpty());
    // …and the markers are back on an axis around now: 09:00 to 11:00 with margins.
    QVERIFY(m_widget->visibleRange().contains(test::at(kNow)));
    QVERIFY(m_widget->visibleRange().contains(test::at(kNow + kHour)));
    QVERIFY(m_widget->visibleRange().span() < seconds(2 * kHour));

    // The row still offers the way back.
    const QRect back = m_widget->rowGeometry().at(0).millisecondsToggle;
    QVERIFY(!back.isEmpty());
    QTest::mouseClick(m_widget, Qt::LeftButton, {}, back.center());
    QVERIFY(!m_widget->rows().at(0).millisecondsAsSeconds);
    QVERIFY(m_widget->stateText(0).startsWith(QStringLiteral("valid for another 56889 years")));
    QVERIFY(rowsChanged.count() >= 3);
    test::saveShot(*m_widget, QStringLiteral("timeline-milliseconds"));
}

void TestTimelineWidget::severalTokensOnOneAxis()
{
    m_widget->setToken(QStringLiteral("access token"),
                       claims({{"iat", kNow - 5 * kMinute}, {"exp", kNow + 10 * kMinute}}));
    m_widget->setToken(QStringLiteral("refresh token"),
                       claims({{"iat", kNow - 5 * kMinute}, {"nbf", kNow - 5 * kMinute}, {"exp", kNow + kDay}}));
    m_widget->setToken(QStringLiteral("id token"),
                       claims({{"auth_time", kNow - kHour}, {"iat", kNow - 5 * kMinute}, {"exp", kNow - kMinute}}));
    QCOMPARE(m_widget->rows().size(), std::size_t(3));
    QCOMPARE(m_widget->rows().at(1).name, QStringLiteral("refresh token"));
    QCOMPARE(m_widget->stateText(0), QStringLiteral("valid for another 10 min"));
    QCOMPARE(m_widget->stateText(1), QStringLiteral("valid for another 1 day"));
    QCOMPARE(m_widget->stateText(2), QStringLiteral("expired 1 min ago"));

    // One axis shows every marker of every token, and now.
    const auto range = m_widget->visibleRange();
    for (qint64 t : {kNow - kHour, kNow - 5 * kMinute, kNow + 10 * kMinute, kNow + kDay, kNow}) {
        QVERIFY2(range.contains(test::at(t)), qPrintable(QString::number(t)));
    }
    // Same axis for all: an instant has one x, and later is further right.
    const QRect plot = m_widget->plotRect();
    const double xNow = m_widget->xForTime(test::at(kNow));
    QVERIFY(xNow > plot.left() && xNow < plot.right());
    QVERIFY(m_widget->xForTime(test::at(kNow + 10 * kMinute)) < m_widget->xForTime(test::at(kNow + kDay)));
    QCOMPARE(count(m_widget->timeAtX(xNow)), kNow);

    // Rows stack without overlapping, inside the plot.
    const auto& geometry = m_widget->rowGeometry();
    QCOMPARE(geometry.size(), std::size_t(3));
    for (std::size_t i = 1; i < geometry.size(); ++i) {
        QVERIFY(geometry[i].rect.top() >= geometry[i - 1].rect.bottom());
    }
    QVERIFY(geometry.back().rect.bottom() <= plot.bottom());
    QCOMPARE(m_widget->rowAt(geometry[1].bar.center()), 1);
    QCOMPARE(m_widget->rowAt(QPoint(5, 2)), -1);
    test::saveShot(*m_widget, QStringLiteral("timeline-three-tokens"));
}

void TestTimelineWidget::replacingAndRemoving()
{
    QSignalSpy rowsChanged(m_widget, &TimelineWidget::rowsChanged);
    m_widget->setToken(QStringLiteral("a"), claims({{"exp", kNow + kMinute}}));
    m_widget->setToken(QStringLiteral("b"), claims({{"exp", kNow + 2 * kMinute}}));
    m_widget->setToken(QStringLiteral("a"), claims({{"exp", kNow - kMinute}}));
    QCOMPARE(m_widget->rows().size(), std::size_t(2));
    QCOMPARE(m_widget->rowIndex(QStringLiteral("a")), 0); // replaced in place
    QCOMPARE(m_widget->stateText(0), QStringLiteral("expired 1 min ago"));
    QVERIFY(!m_widget->removeToken(QStringLiteral("c")));
    QVERIFY(m_widget->removeToken(QStringLiteral("a")));
    QCOMPARE(m_widget->rowIndex(QStringLiteral("b")), 0);
    m_widget->clearTokens();
    QVERIFY(m_widget->rows().empty());
    QVERIFY(m_widget->rowGeometry().empty());
    QCOMPARE(rowsChanged.count(), 5);
}

void TestTimelineWidget::whatIfTimeChangesTheState()
{
    m_widget->setLeeway(seconds(60));
    m_widget->setToken(QStringLiteral("access"), claims({{"nbf", kNow}, {"exp", kNow + 15 * kMinute}}));
    QVERIFY(m_widget->followsClock());
    QCOMPARE(m_widget->stateText(0), QStringLiteral("valid for another 15 min"));

    m_widget->setVerificationTime(utc(kNow + 20 * kMinute));
    QVERIFY(!m_widget->followsClock());
    QCOMPARE(m_widget->verificationTime(), utc(kNow + 20 * kMinute));
    QCOMPARE(m_widget->stateText(0), QStringLiteral("expired 5 min ago"));
    m_widget->setVerificationTime(utc(kNow + 15 * kMinute + 30));
    QCOMPARE(m_widget->stateText(0), QStringLiteral("expired 30 s ago, accepted within the 1 min leeway"));
    m_widget->setVerificationTime(utc(kNow - 2 * kMinute));
    QCOMPARE(m_widget->stateText(0), QStringLiteral("not valid for another 2 min (nbf)"));
    test::saveShot(*m_widget, QStringLiteral("timeline-what-if"));

    m_widget->setVerificationTime(QDateTime());
    QVERIFY(m_widget->followsClock());
    QCOMPARE(m_widget->verificationTime(), utc(kNow));
    QCOMPARE(m_widget->stateText(0), QStringLiteral("valid for another 15 min"));
}

void TestTimelineWidget::whatIfTimeFarAwayComesIntoView()
{
    m_widget->setToken(QStringLiteral("access"), claims({{"iat", kNow}, {"exp", kNow + 15 * kMinute}}));
    const auto before = m_widget->visibleRange();
    m_widget->setVerificationTime(utc(kNow + 30 * kDay));
    const auto after = m_widget->visibleRange();
    QVERIFY(after.contains(test::at(kNow + 30 * kDay)));
    QCOMPARE(after.span(), before.span()); // panned, not zoomed
    QCOMPARE(m_widget->stateText(0), QStringLiteral("expired 29 days ago"));
}

void TestTimelineWidget::followsTheClock()
{
    m_widget->setToken(QStringLiteral("access"), claims({{"exp", kNow + 15 * kMinute}}));
    Clock::setFixed(utc(kNow + 5 * kMinute));
    m_widget->updateClock();
    QCOMPARE(m_widget->stateText(0), QStringLiteral("valid for another 10 min"));

    // With a what-if time the clock moves on, the state does not.
    m_widget->setVerificationTime(utc(kNow));
    Clock::setFixed(utc(kNow + 10 * kMinute));
    m_widget->updateClock();
    QCOMPARE(m_widget->stateText(0), QStringLiteral("valid for another 15 min"));
}

void TestTimelineWidget::zoomButtonsAndKeys()
{
    m_widget->setToken(QStringLiteral("access"), claims({{"iat", kNow - kHour}, {"exp", kNow + kHour}}));
    QSignalSpy changed(m_widget, &TimelineWidget::visibleRangeChanged);
    const auto fitted = m_widget->visibleRange();
    const double fittedSpan = static_cast<double>(fitted.span().count());

    m_widget->zoomIn();
    const auto in = m_widget->visibleRange();
    QVERIFY(qAbs(static_cast<double>(in.span().count()) - fittedSpan / TimelineWidget::kZoomStep) <= 2);
    // Around the middle of the plot: the instant there stays there.
    const QRect plot = m_widget->plotRect();
    const qint64 pixel = in.span().count() / plot.width() + 1;
    QVERIFY(qAbs(count(m_widget->timeAtX(plot.center().x())) - count(fitted.start) - fitted.span().count() / 2)
            <= 2 * pixel);

    m_widget->zoomOut();
    QVERIFY(qAbs(static_cast<double>(m_widget->visibleRange().span().count()) - fittedSpan) <= 3);

    QTest::keyClick(m_widget, Qt::Key_Plus);
    QVERIFY(m_widget->visibleRange().span() < fitted.span());
    QTest::keyClick(m_widget, Qt::Key_0);
    QCOMPARE(m_widget->visibleRange(), fitted);
    QTest::keyClick(m_widget, Qt::Key_Right);
    const auto right = m_widget->visibleRange();
    QCOMPARE(right.span(), fitted.span());
    QVERIFY(right.start > fitted.start);
    QTest::keyClick(m_widget, Qt::Key_Left);
    QCOMPARE(m_widget->visibleRange(), fitted);
    QTest::keyClick(m_widget, Qt::Key_Minus);
    QVERIFY(m_widget->visibleRange().span() > fitted.span());
    QVERIFY(changed.count() >= 7);
}

void TestTimelineWidget::wheelZoomsAroundTheCursor()
{
    m_widget->setToken(QStringLiteral("access"), claims({{"iat", kNow - kHour}, {"exp", kNow + kHour}}));
    const auto before = m_widget->visibleRange();
    const QRect plot = m_widget->plotRect();
    const QPoint at(plot.left() + plot.width() / 4, plot.top() + 20);
    const qint64 under = count(m_widget->timeAtX(at.x()));

    QWheelEvent up(at, m_widget->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                   Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_widget, &up);
    const auto after = m_widget->visibleRange();
    QVERIFY(after.span() < before.span());
    QVERIFY(qAbs(count(m_widget->timeAtX(at.x())) - under) <= 2); // the instant under the cursor stays there

    QWheelEvent down(at, m_widget->mapToGlobal(at), QPoint(), QPoint(0, -240), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_widget, &down);
    QVERIFY(m_widget->visibleRange().span() > before.span());
    QVERIFY(qAbs(count(m_widget->timeAtX(at.x())) - under) <= 2);
}

void TestTimelineWidget::dragPans()
{
    m_widget->setToken(QStringLiteral("access"), claims({{"iat", kNow - kHour}, {"exp", kNow + kHour}}));
    const auto before = m_widget->visibleRange();
    const QRect plot = m_widget->plotRect();
    const QPoint from(plot.center().x(), plot.top() + 10);
    const QPoint to = from + QPoint(plot.width() / 4, 0);
    const qint64 grabbed = count(m_widget->timeAtX(from.x()));

    QTest::mousePress(m_widget, Qt::LeftButton, {}, from);
    QTest::mouseMove(m_widget, to);
    QTest::mouseRelease(m_widget, Qt::LeftButton, {}, to);
    const auto after = m_widget->visibleRange();
    QCOMPARE(after.span(), before.span());
    // Dragging right shows earlier times, as many seconds as the pixels moved stand for; the grabbed
    // instant follows the mouse.
    const qint64 shift = std::llround(double(to.x() - from.x()) / plot.width() * double(before.span().count()));
    QCOMPARE(count(before.start) - count(after.start), shift);
    QVERIFY(qAbs(count(m_widget->timeAtX(to.x())) - grabbed) <= 2);
}

void TestTimelineWidget::labelsNeverOverlap()
{
    // iat, nbf and auth_time a second apart, exp soon after: at a wide zoom their labels collide.
    m_widget->setToken(QStringLiteral("crowded"),
                       claims({{"auth_time", kNow - 2}, {"iat", kNow - 1}, {"nbf", kNow}, {"exp", kNow + 30}}));
    m_widget->setToken(QStringLiteral("long"), claims({{"iat", kNow - kDay}, {"exp", kNow + 400 * kDay}}));
    for (int zoom = 0; zoom < 4; ++zoom) {
        for (const auto& row : m_widget->rowGeometry()) {
            for (std::size_t i = 0; i < row.labels.size(); ++i) {
                QVERIFY(m_widget->rect().contains(row.labels[i].rect));
                QVERIFY(row.rect.contains(row.labels[i].rect));
                for (std::size_t j = i + 1; j < row.labels.size(); ++j) {
                    QVERIFY2(!row.labels[i].rect.intersects(row.labels[j].rect),
                             qPrintable(row.labels[i].text + " / " + row.labels[j].text));
                }
            }
        }
        m_widget->zoomOut();
        m_widget->zoomOut();
    }
    // Markers out of view are pinned to the edge with an arrow.
    m_widget->fitToTokens();
    for (int i = 0; i < 12; ++i) {
        m_widget->zoomIn();
    }
    QStringList texts;
    for (const auto& label : m_widget->rowGeometry().at(1).labels) {
        texts << label.text;
    }
    QVERIFY2(texts.join('|').contains(QStringLiteral("◂ iat")), qPrintable(texts.join('|')));
    QVERIFY2(texts.join('|').contains(QStringLiteral("exp")) && texts.join('|').contains(QStringLiteral("▸")),
             qPrintable(texts.join('|')));
}

void TestTimelineWidget::localTimeOrUtc()
{
    // Berlin is UTC+1 in November: the same instant reads an hour later, and the tags say so.
    const QByteArray savedZone = qgetenv("TZ");
    qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3"); // a POSIX rule: no tzdata needed
    tzset();
    m_widget->setToken(QStringLiteral("access"), claims({{"iat", kNow}, {"exp", kNow + 15 * kMinute}}));
    m_widget->setUtc(false);
    QCOMPARE(formatDateTime(test::at(kNow), false), QStringLiteral("2026-11-28 11:00:00 CET"));
    QStringList labels;
    for (const auto& label : m_widget->rowGeometry().at(0).labels) {
        labels << label.text;
    }
    QCOMPARE(labels.join('|'), QStringLiteral("iat 11:00:00|exp 11:15:00"));
    test::saveShot(*m_widget, QStringLiteral("timeline-local-time"));

    m_widget->setUtc(true);
    labels.clear();
    for (const auto& label : m_widget->rowGeometry().at(0).labels) {
        labels << label.text;
    }
    QCOMPARE(labels.join('|'), QStringLiteral("iat 10:00:00|exp 10:15:00"));
    QCOMPARE(formatDateTime(test::at(kNow), true), QStringLiteral("2026-11-28 10:00:00 UTC"));
    qputenv("TZ", savedZone);
    tzset();
}

void TestTimelineWidget::coloursReadable_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ColorScheme::Light);
    QTest::newRow("dark") << int(ColorScheme::Dark);
}

void TestTimelineWidget::coloursReadable()
{
    QFETCH(int, scheme);
    applyColorScheme(*qApp, ColorScheme(scheme));
    const QPalette palette = QApplication::palette();
    const QColor base = palette.color(QPalette::Base);
    const TimelineColors colors = timelineColors(palette);
    QColor tinted = colors.warning;
    const double alpha = kTimelineTintAlpha / 255.0;
    tinted.setRgbF(base.redF() * (1 - alpha) + colors.warning.redF() * alpha,
                   base.greenF() * (1 - alpha) + colors.warning.greenF() * alpha,
                   base.blueF() * (1 - alpha) + colors.warning.blueF() * alpha);
    const QList<QPair<const char*, QColor>> all{{"valid", colors.valid},
                                                {"expired", colors.expired},
                                                {"pending", colors.pending},
                                                {"leeway", colors.leeway},
                                                {"warning", colors.warning},
                                                {"verification", colors.verification},
                                                {"clock", colors.clock},
                                                {"authTime", colors.authTime},
                                                {"text", palette.color(QPalette::Text)},
                                                {"link", palette.color(QPalette::Link)}};
    for (const auto& [name, color] : all) {
        QVERIFY2(test::contrast(color, base) >= 4.5, name);
        QVERIFY2(test::contrast(color, tinted) >= 4.5, name);
    }
    // The tags' text is Base on the verification colour.
    QVERIFY(test::contrast(base, colors.verification) >= 4.5);
}

void TestTimelineWidget::paints_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light 1280x800") << int(ColorScheme::Light) << QSize(1280, 800);
    QTest::newRow("light 1024x640") << int(ColorScheme::Light) << QSize(1024, 640);
    QTest::newRow("dark 1280x800") << int(ColorScheme::Dark) << QSize(1280, 800);
    QTest::newRow("dark 1024x640") << int(ColorScheme::Dark) << QSize(1024, 640);
}

void TestTimelineWidget::paints()
{
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    applyColorScheme(*qApp, ColorScheme(scheme));
    m_widget->setLeeway(seconds(5 * kMinute));
    m_widget->setToken(
        QStringLiteral("access token"),
        claims({{"iat", kNow - 50 * kMinute}, {"nbf", kNow - 50 * kMinute}, {"exp", kNow + 10 * kMinute}}));
    m_widget->setToken(
        QStringLiteral("id token"),
        claims({{"auth_time", kNow - 2 * kHour}, {"iat", kNow - 50 * kMinute}, {"exp", kNow - 5 * kMinute}}));
    m_widget->setToken(QStringLiteral("refresh token"),
                       claims({{"iat", kNow - 50 * kMinute}, {"nbf", kNow + 20 * kMinute}, {"exp", kNow + 3 * kDay}}));
    m_widget->setToken(QStringLiteral("broken"), claims({{"iat", kNow - kHour}, {"exp", kNow - 2 * kHour}}));
    m_widget->setVerificationTime(utc(kNow + kMinute));
    m_widget->resize(size);
    QApplication::processEvents();

    const QString name = QStringLiteral("timeline-%1-%2x%3")
                             .arg(scheme == int(ColorScheme::Dark) ? "dark" : "light")
                             .arg(size.width())
                             .arg(size.height());
    const QString path = test::saveShot(*m_widget, name);
    const QImage image(path);
    QCOMPARE(image.size(), size * m_widget->devicePixelRatioF());
    const QPalette palette = QApplication::palette();
    const TimelineColors colors = timelineColors(palette);
    // The background is the palette's base; the what-if line is drawn at its time.
    QCOMPARE(image.pixelColor(size.width() - 3, m_widget->plotRect().bottom() - 2).rgb(),
             palette.color(QPalette::Base).rgb());
    const int x = static_cast<int>(std::lround(m_widget->xForTime(test::at(kNow + kMinute))));
    const auto& lastRow = m_widget->rowGeometry().back().rect;
    bool found = false;
    for (int dx = -1; dx <= 1 && !found; ++dx) {
        found = image.pixelColor(x + dx, lastRow.bottom() + 2).rgb() == colors.verification.rgb();
    }
    QVERIFY(found);
    // Everything fits: the last row ends above the legend.
    QVERIFY(lastRow.bottom() < m_widget->height() - m_widget->metrics().bottom);
}

void TestTimelineWidget::reactsToPaletteChange()
{
    m_widget->setToken(QStringLiteral("access"), claims({{"exp", kNow + kHour}}));
    const QPoint corner(m_widget->width() - 3, m_widget->plotRect().bottom() - 2);
    QCOMPARE(m_widget->grab().toImage().pixelColor(corner).rgb(), QColor(Qt::white).rgb());
    applyColorScheme(*qApp, ColorScheme::Dark);
    QApplication::processEvents();
    QCOMPARE(m_widget->grab().toImage().pixelColor(corner).rgb(), QApplication::palette().color(QPalette::Base).rgb());
    QVERIFY(isDark(m_widget->palette()));
}

QTEST_MAIN(TestTimelineWidget)
#include "TestTimelineWidget.moc"
