#include "MainWindow.h"
#include "ScriptedKeysPrompter.h"
#include "TestData.h"
#include "UiTestSupport.h"
#include "pages/DecoderPage.h"
#include "pages/KeysPage.h"
#include "pages/LearnPage.h"
#include "pages/RotationPage.h"
#include "pages/TimelinePage.h"
#include "support/Clock.h"
#include "widgets/JsonView.h"
#include "widgets/KeyInput.h"
#include "widgets/TimelineWidget.h"
#include "widgets/VerificationPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTimeEdit>
#include <QLayout>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QToolButton>

#include <algorithm>

using namespace jwtwb;
using namespace jwtwb::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void firstStartShowsSampleToken();
    void tokenNeverInSettings();
    void tokenLeftByOlderBuildRemoved();
    void geometryRestored();
    void noEmptyPlaceholderPages();
    void pagesWorkTogether();
    void oneVerificationTime();
    void typingInTheDecoderKeepsTheZoom();
    void pasteOnFocusIsOptIn();
    void keystoreLockInStatusBar();
    void screenshots_data();
    void screenshots();

private:
    [[nodiscard]] static QString settingsFileText();
    QTemporaryDir m_config;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path());
}

void TestMainWindow::init()
{
    QSettings().clear();
    applyColorScheme(*qApp, ColorScheme::Light);
}

QString TestMainWindow::settingsFileText()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestMainWindow::firstStartShowsSampleToken()
{
    MainWindow window;
    window.restoreState();
    QCOMPARE(window.decoderPage()->tokenText(), test::kSampleToken);
    auto* payload = window.findChild<JsonView*>(QStringLiteral("payloadView"));
    QVERIFY(payload->toPlainText().contains("\"name\": \"John Doe\""));
}

// Tokens are credentials: the settings file never holds one, and no setting offers to keep one
// there (the keystore's encrypted history does that).
void TestMainWindow::tokenNeverInSettings()
{
    const QString mine = QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtZSJ9.");
    {
        MainWindow window;
        window.restoreState();
        for (const QAction* action : window.findChildren<QAction*>()) {
            QVERIFY2(!action->text().contains(QLatin1String("Remember"), Qt::CaseInsensitive),
                     qPrintable(action->text()));
        }
        window.decoderPage()->setTokenText(mine);
        window.show();
        window.close();
    }
    QVERIFY(QSettings().contains("window/geometry")); // the file was written
    QVERIFY(!settingsFileText().contains("eyJzdWIiOiJtZSJ9"));
    MainWindow again;
    again.restoreState();
    QCOMPARE(again.decoderPage()->tokenText(), test::kSampleToken);
}

// Earlier builds' "Remember Last Token" kept the token in plain text: it is removed from the file
// on start, and not shown.
void TestMainWindow::tokenLeftByOlderBuildRemoved()
{
    {
        QSettings settings;
        settings.setValue("decoder/rememberToken", true);
        settings.setValue("decoder/lastToken", QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtZSJ9."));
    }
    QVERIFY(settingsFileText().contains("eyJzdWIiOiJtZSJ9"));
    MainWindow window;
    window.restoreState();
    QCOMPARE(window.decoderPage()->tokenText(), test::kSampleToken);
    QSettings settings;
    QVERIFY(!settings.contains("decoder/lastToken"));
    QVERIFY(!settings.contains("decoder/rememberToken"));
    QVERIFY(!settingsFileText().contains("eyJzdWIiOiJtZSJ9"));
}

void TestMainWindow::geometryRestored()
{
    {
        MainWindow window;
        window.restoreState();
        window.show();
        window.resize(720, 520); // within the offscreen screen (800×600), which Qt 6.8 clamps to
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
    }
    MainWindow window;
    window.restoreState();
    QCOMPARE(window.size(), QSize(720, 520));
}

void TestMainWindow::noEmptyPlaceholderPages()
{
    MainWindow window;
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    QVERIFY(pages);
    for (int i = 0; i < pages->count(); ++i) {
        QVERIFY(pages->widget(i)->layout() && pages->widget(i)->layout()->count() > 0);
    }
    QCOMPARE(pages->tabBar()->isVisibleTo(&window), pages->count() > 1);
    // The names `jwt-workbench --page` takes, in the order of the tabs and of Alt+1…
    QStringList names;
    for (int i = 0; i < pages->count(); ++i) {
        names << pages->tabBar()->tabData(i).toString();
    }
    QCOMPARE(names, (QStringList{"decoder", "signer", "timeline", "keys", "compare", "rotation", "learn"}));
    QCOMPARE(pages->widget(5), static_cast<QWidget*>(window.rotationPage()));
    QCOMPARE(pages->widget(6), static_cast<QWidget*>(window.learnPage()));
}

// The decoder's token is on the timeline, and the timeline's what-if time is the decoder's
// verification time: the jwt.io sample with an exp an hour after iat turns expired when the
// what-if time passes exp, and valid again when the timeline goes back to now.
void TestMainWindow::pagesWorkTogether()
{
    MainWindow window;
    const qint64 iat = 1516239022;
    Clock::setFixed(test::at(iat + 60));
    const QString token = QStringLiteral(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyLCJleHAiOjE1MTY"
        "yNDI2MjJ9.q1vybbS1vEvD9X1WRComWH6mkoVycTxw4EtMQonjy2w");
    window.decoderPage()->setTokenText(token);
    const auto& rows = window.timelinePage()->timeline()->rows();
    const auto hasRow = [&rows](const QString& name) {
        return std::ranges::any_of(rows, [&name](const auto& row) { return row.name == name; });
    };
    QVERIFY(hasRow(QStringLiteral("Decoder")));
    QVERIFY(hasRow(QStringLiteral("Signer"))); // the signer's first token (its sample) is there too

    auto* panel = window.decoderPage()->verificationPanel();
    panel->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"), keys::SecretEncoding::Utf8);
    QTRY_COMPARE(panel->state(), VerificationState::Invalid); // a 19-byte secret: refused
    panel->setAcceptWeakKeys(true);
    QTRY_COMPARE(panel->state(), VerificationState::Valid);
    window.timelinePage()->setVerificationTime(QDateTime::fromSecsSinceEpoch(iat + 7200, QTimeZone::utc()));
    QTRY_COMPARE(panel->state(), VerificationState::Invalid);
    QVERIFY2(panel->reasonText().contains(QStringLiteral("expired")), qPrintable(panel->reasonText()));
    window.timelinePage()->setVerificationTime({});
    QTRY_COMPARE(panel->state(), VerificationState::Valid);
    Clock::useSystemTime();

    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    QVERIFY(pages->indexOf(window.keysPage()) >= 0);
    QVERIFY(window.decoderPage()->secretSearch());
}

// The decoder's "Verify at" and the timeline's what-if time are one time: set in either place it shows
// in the other, and "Now" in either puts both back on the clock.
void TestMainWindow::oneVerificationTime()
{
    constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
    Clock::setFixed(test::at(kNow));
    MainWindow window;
    window.decoderPage()->setTokenText(test::kSampleToken);
    TimelinePage* timeline = window.timelinePage();
    auto* timelineEdit = timeline->findChild<QDateTimeEdit*>(QStringLiteral("verificationTimeEdit"));
    auto* timelineNow = timeline->findChild<QPushButton*>(QStringLiteral("nowButton"));
    auto* decoderNow = window.decoderPage()->findChild<QCheckBox*>(QStringLiteral("verifyNow"));
    auto* decoderAt = window.decoderPage()->findChild<QDateTimeEdit*>(QStringLiteral("verifyAt"));
    QVERIFY(timelineEdit && timelineNow && decoderNow && decoderAt);
    QVERIFY(decoderNow->isChecked() && !timelineNow->isEnabled());
    QSignalSpy timelineChanged(timeline, &TimelinePage::verificationTimeChanged);

    // Timeline → decoder: a what-if time picked on the timeline is the decoder's "Verify at".
    timelineEdit->setDateTime(QDateTime::fromSecsSinceEpoch(kNow + 7200, QTimeZone::utc()));
    QVERIFY(!decoderNow->isChecked());
    QVERIFY(decoderAt->isEnabled());
    QCOMPARE(decoderAt->dateTime().toSecsSinceEpoch(), kNow + 7200);
    QCOMPARE(timelineChanged.count(), 1);

    // "Now" on the timeline: the decoder verifies at the clock again.
    QTest::mouseClick(timelineNow, Qt::LeftButton);
    QVERIFY(decoderNow->isChecked());
    QVERIFY(!decoderAt->isEnabled());
    QCOMPARE(timelineChanged.count(), 2);

    // Decoder → timeline: unticking "Now" starts from the current time, typing another moves the red line.
    decoderNow->click();
    QCOMPARE(timeline->verificationTime(), QDateTime::fromSecsSinceEpoch(kNow, QTimeZone::utc()));
    QVERIFY(!timeline->timeline()->followsClock());
    QVERIFY(timelineNow->isEnabled());
    decoderAt->setFocus();
    decoderAt->setSelectedSection(QDateTimeEdit::HourSection);
    QTest::keyClicks(decoderAt, QStringLiteral("07"));
    QCOMPARE(decoderAt->dateTime().toSecsSinceEpoch(), kNow - 3 * 3600);
    QCOMPARE(timeline->timeline()->verificationTime().toSecsSinceEpoch(), kNow - 3 * 3600);
    QCOMPARE(timelineEdit->dateTime().toSecsSinceEpoch(), kNow - 3 * 3600);
    const int changes = timelineChanged.count();

    // "Now" in the decoder: the timeline follows the clock again, once.
    decoderNow->click();
    QVERIFY(timeline->timeline()->followsClock());
    QVERIFY(!timeline->verificationTime().isValid());
    QVERIFY(!timelineNow->isEnabled());
    QCOMPARE(timelineEdit->dateTime().toSecsSinceEpoch(), kNow);
    QCOMPARE(timelineChanged.count(), changes + 1);
    Clock::useSystemTime();
}

// The timeline fits the decoder's token when it appears, and keeps the user's zoom while it is typed.
void TestMainWindow::typingInTheDecoderKeepsTheZoom()
{
    constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
    Clock::setFixed(test::at(kNow));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.decoderPage()->setTokenText(test::kSampleToken);
    TimelineWidget* timeline = window.timelinePage()->timeline();
    QVERIFY(timeline->fitsAutomatically());
    timeline->zoomIn();
    timeline->zoomIn();
    const auto zoomed = timeline->visibleRange();

    // Retype the token in the decoder, key by key: the claims come and go, the view stays.
    auto* edit = window.decoderPage()->findChild<QPlainTextEdit*>(QStringLiteral("tokenEdit"));
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    const QString token = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjE3OTU4NjAwMDAsImV4cCI6MTc5NTg2MzYwMH0.c2ln");
    QTest::keyClicks(edit, token);
    QCOMPARE(window.decoderPage()->tokenText(), token);
    QVERIFY(
        std::ranges::any_of(timeline->rows(), [](const auto& row) { return row.name == QLatin1String("Decoder"); }));
    QCOMPARE(timeline->visibleRange(), zoomed);
    Clock::useSystemTime();
}

void TestMainWindow::keystoreLockInStatusBar()
{
    MainWindow window;
    window.show();
    QToolButton* button = window.keystoreButton();
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("Keystore locked"));
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    QVERIFY(pages->currentWidget() != window.keysPage());
    QTest::mouseClick(button, Qt::LeftButton); // locked: takes you to the page to unlock it
    QCOMPARE(pages->currentWidget(), window.keysPage());

    if (QFile::exists(MainWindow::keystorePath())) {
        QSKIP("a keystore exists at the application's path; not unlocking it");
    }
    QVERIFY(test::unlockAsUser(*window.keysPage(), QStringLiteral("new keystore")));
    QCOMPARE(button->text(), QStringLiteral("Keystore unlocked"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!window.keysPage()->isUnlocked());
    QCOMPARE(button->text(), QStringLiteral("Keystore locked"));
    QVERIFY(!QFile::exists(MainWindow::keystorePath())); // nothing changed, nothing written
}

void TestMainWindow::pasteOnFocusIsOptIn()
{
    MainWindow window;
    window.restoreState();
    const QString before = window.decoderPage()->tokenText();
    const QString token
        = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjbGlwYm9hcmQifQ.2l7sBfFYmm2nlhUQR84UHLKu4KQlNMmkj6sO-6Cm1hE");
    QGuiApplication::clipboard()->setText(QStringLiteral("Bearer ") + token);
    QVERIFY(!window.pasteOnFocusAction()->isChecked()); // off by default

    QEvent activation(QEvent::ActivationChange);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCoreApplication::sendEvent(&window, &activation);
    QCOMPARE(window.decoderPage()->tokenText(), before);

    window.pasteOnFocusAction()->setChecked(true);
    QCoreApplication::sendEvent(&window, &activation);
    QCOMPARE(window.decoderPage()->tokenText(), QStringLiteral("Bearer ") + token);

    QGuiApplication::clipboard()->setText(QStringLiteral("not a token, e.g. a shopping list"));
    QCoreApplication::sendEvent(&window, &activation);
    QCOMPARE(window.decoderPage()->tokenText(), QStringLiteral("Bearer ") + token);
    QVERIFY(QSettings().value(QStringLiteral("decoder/pasteOnFocus")).toBool());
    window.pasteOnFocusAction()->setChecked(false);
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light-1280x800") << int(ColorScheme::Light) << QSize(1280, 800);
    QTest::newRow("dark-1280x800") << int(ColorScheme::Dark) << QSize(1280, 800);
    QTest::newRow("light-1024x640") << int(ColorScheme::Light) << QSize(1024, 640);
    QTest::newRow("dark-1024x640") << int(ColorScheme::Dark) << QSize(1024, 640);
}

void TestMainWindow::screenshots()
{
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    MainWindow window;
    window.restoreState();
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), size);
    const QString path = test::saveShot(window, QStringLiteral("main-window-%1").arg(QTest::currentDataTag()));
    const QImage image(path);
    QCOMPARE(image.size(), size);
    // The window follows the palette: its background is dark exactly when the scheme is.
    QCOMPARE(image.pixelColor(size.width() / 2, size.height() - 5).lightness() < 128, scheme == int(ColorScheme::Dark));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
