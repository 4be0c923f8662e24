#include "TestData.h"
#include "UiTestSupport.h"
#include "encoding/Base64Url.h"
#include "pages/TimelinePage.h"
#include "sdjwt/SdJwtIssuer.h"
#include "support/Clock.h"
#include "support/Convert.h"
#include "support/Theme.h"
#include "support/VerificationTime.h"
#include "widgets/TimelineWidget.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTimeZone>
#include <QToolButton>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
constexpr qint64 kMinute = 60;
constexpr qint64 kDay = 86400;

QDateTime utc(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, QTimeZone::utc());
}

// A JWS with these claims; the signature is never checked here.
QString tokenWith(const std::string& claims)
{
    return QString::fromStdString(encoding::base64UrlEncode(std::string_view(R"({"alg":"HS256","typ":"JWT"})")) + "."
                                  + encoding::base64UrlEncode(std::string_view(claims)) + ".c2lnbmF0dXJl");
}

QString rfcVector(const char* id)
{
    const encoding::Json file = test::loadJson(QStringLiteral("vectors/rfc/rfc7519.json"));
    for (const auto& vector : file["vectors"]) {
        if (vector["id"] == id) {
            return QString::fromStdString(vector["jwt"].get<std::string>());
        }
    }
    qFatal("no vector %s", id);
}

} // namespace

class TestTimelinePage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addTokensThroughTheForm();
    void setTokenSlot();
    void unreadableTokens_data();
    void unreadableTokens();
    void sliderIsAWhatIf();
    void datePickerIsAWhatIf();
    void nowButtonFollowsTheClockAgain();
    void sharedVerificationTime();
    void sampleNextToAFreshHour_data();
    void sampleNextToAFreshHour();
    void zoomKeptWhileTokensChange();
    void leewayAndBound();
    void utcOrLocal();
    void zoomButtons();
    void sliderHandleOverTheLine_data();
    void sliderHandleOverTheLine();
    void inTheMainWindowStyle_data();
    void inTheMainWindowStyle();

private:
    template <class T> T* child(const char* name)
    {
        auto* widget = m_page->findChild<T*>(QLatin1String(name));
        if (!widget) {
            qFatal("no child %s", name);
        }
        return widget;
    }

    TimelinePage* m_page = nullptr;
    TimelineWidget* m_timeline = nullptr;
};

void TestTimelinePage::init()
{
    Clock::setFixed(utc(kNow));
    applyColorScheme(*qApp, ColorScheme::Light);
    m_page = new TimelinePage;
    m_page->resize(1200, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_timeline = m_page->timeline();
}

void TestTimelinePage::cleanup()
{
    delete m_page;
    m_page = nullptr;
    Clock::useSystemTime();
}

void TestTimelinePage::addTokensThroughTheForm()
{
    auto* name = child<QLineEdit>("nameEdit");
    auto* input = child<QPlainTextEdit>("tokenInput");
    auto* add = child<QPushButton>("addButton");
    auto* list = child<QListWidget>("tokenList");

    QTest::keyClicks(name, QStringLiteral("access token"));
    input->setPlainText(QStringLiteral("Authorization: Bearer ")
                        + tokenWith(R"({"sub":"alice","iat":1795859700,"exp":1795860720})"));
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("access token\nvalid for another 12 min"));
    QVERIFY(name->text().isEmpty() && input->toPlainText().isEmpty());

    // Without a name, one is made up; the RFC 7519 example expired in 2011.
    input->setPlainText(rfcVector("RFC7519-3.1"));
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(1)->text(), QStringLiteral("token 2\nexpired 15 years ago"));

    // Remove the selected one.
    list->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>("removeButton"), Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    QCOMPARE(m_timeline->rows().at(0).name, QStringLiteral("token 2"));

    // Nothing pasted: a message, nothing added.
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(child<QLabel>("inputErrorLabel")->isVisible());
    QCOMPARE(list->count(), 1);
}

void TestTimelinePage::setTokenSlot()
{
    QVERIFY(m_page->setToken(QStringLiteral("decoder"), tokenWith(R"({"exp":1795860300})")));
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("valid for another 5 min"));
    // The decoder sends every edit under one name: the row is replaced, not added.
    QVERIFY(m_page->setToken(QStringLiteral("decoder"), tokenWith(R"({"exp":1795859700})")));
    QCOMPARE(m_timeline->rows().size(), std::size_t(1));
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("expired 5 min ago"));
    // A token that no longer decodes takes its stale row away.
    QVERIFY(!m_page->setToken(QStringLiteral("decoder"), QStringLiteral("eyJhbGciOi")));
    QVERIFY(m_timeline->rows().empty());
    m_page->setToken(QStringLiteral("a"), tokenWith("{}"));
    m_page->removeToken(QStringLiteral("a"));
    QVERIFY(m_timeline->rows().empty());

    // An SD-JWT whose exp is selectively disclosed: the row has it, as the holder showed it.
    const keys::Key issuer = keys::Key::fromSecret(crypto::SecureBytes(std::string(32, 'k')));
    sdjwt::IssueOptions options;
    options.disclose = {"exp"};
    const auto sdJwt = sdjwt::issueSdJwt(encoding::Json{{"sub", "alice"}, {"exp", 1795860300}}, issuer, options);
    QVERIFY(sdJwt);
    QVERIFY(!sdJwt->substr(0, sdJwt->find('~')).contains("1795860300")); // not in the issuer-signed part
    QVERIFY(m_page->setToken(QStringLiteral("decoder"), toQString(*sdJwt)));
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("valid for another 5 min"));
}

void TestTimelinePage::unreadableTokens_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a token") << "hello"
                                 << "Cannot show “bad”: This is not a valid token";
    QTest::newRow("JWE") << rfcVector("RFC7519-A.1") << "This is a JWE: its claims are encrypted";
    QTest::newRow("text payload") << QString::fromStdString(
        encoding::base64UrlEncode(std::string_view(R"({"alg":"none"})")) + "."
        + encoding::base64UrlEncode(std::string_view("hi")) + ".")
                                  << "Its payload is not JSON";
}

void TestTimelinePage::unreadableTokens()
{
    QFETCH(QString, token);
    QFETCH(QString, message);
    QVERIFY(!m_page->setToken(QStringLiteral("bad"), token));
    auto* error = child<QLabel>("inputErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(m_timeline->rows().empty());
    // A good one clears the message.
    QVERIFY(m_page->setToken(QStringLiteral("good"), tokenWith("{}")));
    QVERIFY(!error->isVisible());
}

void TestTimelinePage::sliderIsAWhatIf()
{
    m_page->setToken(QStringLiteral("access"), tokenWith(R"({"iat":1795859400,"exp":1795860600})"));
    QSignalSpy changed(m_page, &TimelinePage::verificationTimeChanged);
    auto* slider = child<QSlider>("whatIfSlider");
    // Now (10:00) in the range 09:48–10:12 sits in the middle.
    QCOMPARE(slider->value(), 500);

    slider->setValue(1000); // the end of the visible range: 10:12
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toDateTime(), utc(kNow + 12 * kMinute));
    QCOMPARE(m_page->verificationTime(), utc(kNow + 12 * kMinute));
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("expired 2 min ago"));
    QCOMPARE(child<QDateTimeEdit>("verificationTimeEdit")->dateTime().toSecsSinceEpoch(), kNow + 12 * kMinute);

    slider->setValue(250); // 09:54
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("valid for another 16 min"));
    test::saveShot(*m_page, QStringLiteral("timeline-page-what-if"));
}

void TestTimelinePage::datePickerIsAWhatIf()
{
    m_page->setToken(QStringLiteral("access"), tokenWith(R"({"nbf":1795860000,"exp":1795863600})"));
    QSignalSpy changed(m_page, &TimelinePage::verificationTimeChanged);
    auto* edit = child<QDateTimeEdit>("verificationTimeEdit");
    edit->setDateTime(utc(kNow - 5 * kMinute));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("not valid for another 5 min (nbf)"));
    // Far away: the axis follows, the slider shows where.
    edit->setDateTime(utc(kNow + 40 * kDay));
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("expired 39 days ago"));
    QVERIFY(m_timeline->visibleRange().contains(test::at(kNow + 40 * kDay)));
    auto* slider = child<QSlider>("whatIfSlider");
    QVERIFY(slider->value() > 0 && slider->value() < 1000);
}

void TestTimelinePage::nowButtonFollowsTheClockAgain()
{
    m_page->setToken(QStringLiteral("access"), tokenWith(R"({"exp":1795860600})"));
    auto* now = child<QPushButton>("nowButton");
    QVERIFY(!now->isEnabled());
    m_page->setVerificationTime(utc(kNow + 20 * kMinute));
    QVERIFY(now->isEnabled());
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("expired 10 min ago"));

    QSignalSpy changed(m_page, &TimelinePage::verificationTimeChanged);
    QTest::mouseClick(now, Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!changed.at(0).at(0).toDateTime().isValid()); // "now": verify at the current time
    QVERIFY(!m_page->verificationTime().isValid());
    QVERIFY(!now->isEnabled());
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("valid for another 10 min"));
    // Setting the same again says nothing.
    m_page->setVerificationTime(QDateTime());
    QCOMPARE(changed.count(), 1);
}

// A time shared with other pages: what they set shows here, what is set here reaches them, and
// nothing is echoed back (one change, one signal).
void TestTimelinePage::sharedVerificationTime()
{
    auto& shared = *new VerificationTime(m_page); // as MainWindow's, it outlives the page's use of it
    shared.setWhatIf(test::at(kNow + 20 * kMinute));
    m_page->setToken(QStringLiteral("access"), tokenWith(R"({"exp":1795860600})"));
    m_page->shareVerificationTime(&shared);
    auto* now = child<QPushButton>("nowButton");
    auto* edit = child<QDateTimeEdit>("verificationTimeEdit");
    QCOMPARE(m_page->verificationTime(), utc(kNow + 20 * kMinute));
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("expired 10 min ago"));
    QCOMPARE(edit->dateTime().toSecsSinceEpoch(), kNow + 20 * kMinute);
    QVERIFY(now->isEnabled());

    QSignalSpy sharedChanged(&shared, &VerificationTime::changed);
    QSignalSpy pageChanged(m_page, &TimelinePage::verificationTimeChanged);
    // Set elsewhere: the line, the picker and the states follow.
    shared.setWhatIf(test::at(kNow - 5 * kMinute));
    QCOMPARE(m_timeline->verificationTime(), utc(kNow - 5 * kMinute));
    QCOMPARE(edit->dateTime().toSecsSinceEpoch(), kNow - 5 * kMinute);
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("valid for another 15 min"));
    QCOMPARE(pageChanged.count(), 1);
    // Set here: the shared time changes once.
    edit->setDateTime(utc(kNow + 2 * kMinute));
    QCOMPARE(sharedChanged.count(), 2);
    QCOMPARE(shared.whatIf(), std::optional(test::at(kNow + 2 * kMinute)));
    // "Now" here puts the shared time back on the clock.
    QTest::mouseClick(now, Qt::LeftButton);
    QVERIFY(shared.followsClock());
    QCOMPARE(sharedChanged.count(), 3);
    QVERIFY(m_timeline->followsClock());
    QVERIFY(!now->isEnabled());
    // "Now" elsewhere does the same here.
    shared.setWhatIf(test::at(kNow + 20 * kMinute));
    QVERIFY(now->isEnabled());
    shared.followClock();
    QVERIFY(m_timeline->followsClock());
    QVERIFY(!m_page->verificationTime().isValid());
    QVERIFY(!now->isEnabled());
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("valid for another 10 min"));
}

void TestTimelinePage::sampleNextToAFreshHour_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light 1280x800") << int(ColorScheme::Light) << QSize(1280, 800);
    QTest::newRow("dark 900x600") << int(ColorScheme::Dark) << QSize(900, 600);
}

// The jwt.io sample (a lone iat in 2018, no exp) next to a fresh 1-hour token: the hour keeps most of
// the axis, the sample's iat is pinned to the left edge, and no two labels overlap.
void TestTimelinePage::sampleNextToAFreshHour()
{
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    applyColorScheme(*qApp, ColorScheme(scheme));
    m_page->resize(size);
    QVERIFY(m_page->setToken(QStringLiteral("jwt.io sample"), test::kSampleToken));
    QVERIFY(m_page->setToken(QStringLiteral("access"), tokenWith(R"({"iat":1795860000,"exp":1795863600})")));
    QApplication::processEvents();

    const QRect plot = m_timeline->plotRect();
    const double hour = m_timeline->xForTime(test::at(kNow + 3600)) - m_timeline->xForTime(test::at(kNow));
    QVERIFY2(hour > plot.width() / 2.0, qPrintable(QStringLiteral("%1 of %2 px").arg(hour).arg(plot.width())));
    QStringList sampleLabels;
    for (const auto& label : m_timeline->rowGeometry().at(0).labels) {
        sampleLabels << label.text;
    }
    QVERIFY2(sampleLabels.join('|').startsWith(QStringLiteral("◂ iat 2018-01-18")), qPrintable(sampleLabels.join('|')));
    QVERIFY(m_timeline->stateText(0).startsWith(QStringLiteral("valid, never expires")));

    std::vector<QRect> labels;
    for (const auto& row : m_timeline->rowGeometry()) {
        for (const auto& label : row.labels) {
            QVERIFY(row.rect.contains(label.rect));
            QVERIFY2(label.rect.left() >= plot.left() && label.rect.right() <= plot.right(), qPrintable(label.text));
            labels.push_back(label.rect);
        }
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            QVERIFY(!labels[i].intersects(labels[j]));
        }
    }
    test::saveShot(*m_page,
                   QStringLiteral("timeline-sample-and-hour-%1").arg(QTest::currentDataTag()).replace(' ', '-'));
}

// Tokens that change (the decoder's, as it is typed) refit the axis only until the user zooms or pans;
// a token added with the form, or Fit, shows all tokens again.
void TestTimelinePage::zoomKeptWhileTokensChange()
{
    QVERIFY(m_page->setToken(QStringLiteral("Decoder"), tokenWith(R"({"iat":1795859400,"exp":1795860600})")));
    const auto fitted = m_timeline->visibleRange();
    // Not zoomed yet: new claims refit.
    QVERIFY(m_page->setToken(QStringLiteral("Decoder"), tokenWith(R"({"iat":1795859400,"exp":1795867200})")));
    QVERIFY(m_timeline->visibleRange().contains(test::at(1795867200)));
    QVERIFY(m_timeline->fitsAutomatically());

    QTest::mouseClick(child<QToolButton>("zoomInButton"), Qt::LeftButton);
    QVERIFY(!m_timeline->fitsAutomatically());
    const auto zoomed = m_timeline->visibleRange();
    // Typed on: other claims, a token that does not decode for a moment (its row goes), then back.
    QVERIFY(m_page->setToken(QStringLiteral("Decoder"), tokenWith(R"({"iat":1795859400,"exp":1795860600})")));
    QCOMPARE(m_timeline->visibleRange(), zoomed);
    QVERIFY(!m_page->setToken(QStringLiteral("Decoder"), QStringLiteral("eyJhbGciOi")));
    QCOMPARE(m_timeline->visibleRange(), zoomed);
    QVERIFY(m_page->setToken(QStringLiteral("Decoder"), tokenWith(R"({"iat":1795000000,"exp":1795860600})")));
    QCOMPARE(m_timeline->visibleRange(), zoomed);
    // Panning with the keys keeps it too.
    m_timeline->setFocus();
    QTest::keyClick(m_timeline, Qt::Key_Right);
    const auto panned = m_timeline->visibleRange();
    QVERIFY(panned.start > zoomed.start);
    QVERIFY(m_page->setToken(QStringLiteral("Decoder"), tokenWith(R"({"iat":1795859400,"exp":1795860600})")));
    QCOMPARE(m_timeline->visibleRange(), panned);

    // The user's own token, added with the form: fitted, whatever the zoom.
    child<QLineEdit>("nameEdit")->setText(QStringLiteral("refresh"));
    child<QPlainTextEdit>("tokenInput")->setPlainText(tokenWith(R"({"iat":1795859400,"exp":1795946400})"));
    QTest::mouseClick(child<QPushButton>("addButton"), Qt::LeftButton);
    QVERIFY(m_timeline->visibleRange().contains(test::at(1795946400)));
    QVERIFY(m_timeline->visibleRange().span() > fitted.span());
    QVERIFY(m_timeline->fitsAutomatically());
    // Zoomed again, then Fit: it follows the tokens again.
    QTest::mouseClick(child<QToolButton>("zoomInButton"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>("fitButton"), Qt::LeftButton);
    m_page->removeToken(QStringLiteral("refresh"));
    QCOMPARE(m_timeline->visibleRange(), fitted);
}

void TestTimelinePage::leewayAndBound()
{
    m_page->setToken(QStringLiteral("access"), tokenWith(R"({"iat":1795600000,"exp":1795859990})"));
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("expired 10 s ago"));
    QVERIFY(m_timeline->warningTexts(0).join('\n').contains(QStringLiteral("longer than 1 day")));

    child<QSpinBox>("leewaySpin")->setValue(30);
    QCOMPARE(m_timeline->stateText(0), QStringLiteral("expired 10 s ago, accepted within the 30 s leeway"));
    QCOMPARE(m_page->findChild<QListWidget*>("tokenList")->item(0)->text(),
             QStringLiteral("access\nexpired 10 s ago, accepted within the 30 s leeway"));

    child<QSpinBox>("boundSpin")->setValue(96);
    QVERIFY(m_timeline->warningTexts(0).isEmpty());
    QCOMPARE(m_timeline->lifetimeBound(), std::chrono::seconds(96 * 3600));
}

void TestTimelinePage::utcOrLocal()
{
    auto* zone = child<QComboBox>("zoneCombo");
    auto* edit = child<QDateTimeEdit>("verificationTimeEdit");
    QCOMPARE(zone->currentIndex(), 1); // local time by default
    QVERIFY(!m_timeline->isUtc());
    zone->setCurrentIndex(0);
    QVERIFY(m_timeline->isUtc());
    // Qt 6.4's QDateTimeEdit gives UTC as Qt::UTC, Qt 6.8's as the UTC time zone.
    const QDateTime shown = edit->dateTime();
    QVERIFY(shown.timeSpec() == Qt::UTC || shown.timeZone() == QTimeZone::utc());
    QCOMPARE(edit->dateTime().toSecsSinceEpoch(), kNow);
    QCOMPARE(edit->text(), QStringLiteral("2026-11-28 10:00:00"));
    zone->setCurrentIndex(1);
    QVERIFY(!m_timeline->isUtc());
    QCOMPARE(edit->dateTime().toSecsSinceEpoch(), kNow);
}

void TestTimelinePage::zoomButtons()
{
    m_page->setToken(QStringLiteral("access"), tokenWith(R"({"iat":1795859400,"exp":1795860600})"));
    const auto fitted = m_timeline->visibleRange();
    QTest::mouseClick(child<QToolButton>("zoomInButton"), Qt::LeftButton);
    QVERIFY(m_timeline->visibleRange().span() < fitted.span());
    QTest::mouseClick(child<QToolButton>("zoomOutButton"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>("zoomOutButton"), Qt::LeftButton);
    QVERIFY(m_timeline->visibleRange().span() > fitted.span());
    QTest::mouseClick(child<QToolButton>("fitButton"), Qt::LeftButton);
    QVERIFY(m_timeline->visibleRange() == fitted);
    // The slider keeps pointing at the verification time.
    QCOMPARE(child<QSlider>("whatIfSlider")->value(), 500);
}

void TestTimelinePage::sliderHandleOverTheLine_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1200x700") << QSize(1200, 700);
    QTest::newRow("800x500") << QSize(800, 500);
}

void TestTimelinePage::sliderHandleOverTheLine()
{
    // The slider's ends sit under the ends of the axis: its handle points at the verification line.
    QFETCH(QSize, size);
    m_page->resize(size);
    m_page->setToken(QStringLiteral("access"), tokenWith(R"({"iat":1795859400,"exp":1795860600})"));
    auto* slider = child<QSlider>("whatIfSlider");
    for (int value : {0, 130, 500, 870, 1000}) {
        slider->setValue(value);
        QApplication::processEvents();
        QStyleOptionSlider option;
        option.initFrom(slider);
        option.orientation = Qt::Horizontal;
        option.minimum = slider->minimum();
        option.maximum = slider->maximum();
        option.sliderPosition = slider->value();
        option.sliderValue = slider->value();
        const QRect handle
            = slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider);
        const int handleX = slider->mapToGlobal(handle.center()).x();
        const double lineX = m_timeline->xForTime(jwtwb::ui::toSysSeconds(m_page->verificationTime()));
        const int timelineX = m_timeline->mapToGlobal(QPoint(static_cast<int>(std::lround(lineX)), 0)).x();
        QVERIFY2(qAbs(handleX - timelineX) <= 3,
                 qPrintable(QStringLiteral("%1: %2 vs %3").arg(value).arg(handleX).arg(timelineX)));
    }
}

void TestTimelinePage::inTheMainWindowStyle_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light 1280x800") << int(ColorScheme::Light) << QSize(1280, 800);
    QTest::newRow("dark 1024x640") << int(ColorScheme::Dark) << QSize(1024, 640);
    QTest::newRow("light 1024x640") << int(ColorScheme::Light) << QSize(1024, 640);
    QTest::newRow("dark 1280x800") << int(ColorScheme::Dark) << QSize(1280, 800);
}

void TestTimelinePage::inTheMainWindowStyle()
{
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    applyColorScheme(*qApp, ColorScheme(scheme));
    child<QSpinBox>("leewaySpin")->setValue(120);
    m_page->setToken(QStringLiteral("access token"), tokenWith(R"({"iat":1795857000,"exp":1795860900})"));
    m_page->setToken(QStringLiteral("refresh token"), tokenWith(R"({"iat":1795857000,"exp":1795943400})"));
    m_page->setToken(QStringLiteral("id token"),
                     tokenWith(R"({"auth_time":1795850000,"iat":1795857000,"nbf":1795857000,"exp":1795858800})"));
    m_page->setToken(QStringLiteral("js client"), tokenWith(R"({"iat":1795857000000,"exp":1795864200000})"));
    m_page->resize(size);
    QApplication::processEvents();
    test::saveShot(*m_page,
                   QStringLiteral("timeline-page-%1-%2x%3")
                       .arg(scheme == int(ColorScheme::Dark) ? "dark" : "light")
                       .arg(size.width())
                       .arg(size.height()));
    // Every control is inside the page.
    for (auto* widget : m_page->findChildren<QWidget*>()) {
        const QString name = widget->objectName();
        // The timeline itself scrolls inside its area.
        if (widget->isVisibleTo(m_page) && !name.isEmpty() && !name.startsWith(QLatin1String("qt_"))
            && name != QLatin1String("timeline")) {
            const QRect inPage(widget->mapTo(m_page, QPoint(0, 0)), widget->size());
            QVERIFY2(m_page->rect().contains(inPage), qPrintable(name));
        }
    }
}

QTEST_MAIN(TestTimelinePage)
#include "TestTimelinePage.moc"
