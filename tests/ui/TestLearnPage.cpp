#include "MainWindow.h"
#include "UiTestSupport.h"
#include "pages/DecoderPage.h"
#include "pages/LearnPage.h"
#include "pages/TimelinePage.h"
#include "pages/learn/LessonCatalog.h"
#include "support/Clock.h"
#include "widgets/KeyInput.h"
#include "widgets/SecretSearchPanel.h"
#include "widgets/TimelineWidget.h"
#include "widgets/VerificationPanel.h"
#include "widgets/XRayView.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

using namespace jwtwb;
using namespace jwtwb::ui;

class TestLearnPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void catalog();
    void walk_data();
    void walk();
    void byHandInTheDecoder();
    void byHandOnTheTimeline();
    void progressRemembered();
    void settingsHoldNoTokenKeyOrSecret();

private:
    std::unique_ptr<MainWindow> newWindow();
    int lessonIndex(const QString& id) const;
    QTemporaryDir m_config;
    std::unique_ptr<MainWindow> m_window;
};

void TestLearnPage::initTestCase()
{
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path());
    Clock::setFixed(QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc()));
}

void TestLearnPage::init()
{
    QSettings().clear();
    m_window = newWindow();
}

void TestLearnPage::cleanup()
{
    m_window.reset();
}

std::unique_ptr<MainWindow> TestLearnPage::newWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->decoderPage()->secretSearch()->setWordlistPath(QStringLiteral(JWTWB_WORDLIST_DIR "/jwt.secrets.list"));
    window->show();
    return window;
}

int TestLearnPage::lessonIndex(const QString& id) const
{
    const auto& lessons = m_window->learnPage()->lessons();
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        if (lessons[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

void TestLearnPage::catalog()
{
    const auto& lessons = m_window->learnPage()->lessons();
    QVERIFY(lessons.size() >= 10);
    QSet<QString> ids;
    for (const Lesson& lesson : lessons) {
        QVERIFY(!lesson.title.isEmpty() && !lesson.text.isEmpty() && !lesson.task.isEmpty());
        QVERIFY(lesson.start && lesson.check && lesson.showMe);
        ids.insert(lesson.id);
    }
    QCOMPARE(ids.size(), static_cast<qsizetype>(lessons.size()));
    auto* list = m_window->findChild<QListWidget*>(QStringLiteral("lessonList"));
    QVERIFY(list);
    QCOMPARE(list->count(), static_cast<int>(lessons.size()));
    for (const auto* name : {"parts.jwt", "claims.jwt", "jwe.jwt", "asymmetric.jwt", "alg-none.jwt", "confusion.jwt",
                             "weak-secret.jwt", "kid-jku.jwt", "leeway.jwt", "revocation.jwt", "rotation.jwt",
                             "issuer-public.pem", "server-public.pem", "rotation-jwks.json"}) {
        QVERIFY2(!LessonCatalog::sample(QLatin1String(name)).isEmpty(), name);
    }
}

// Each lesson: Start, not done yet; Show me, the page in the state the lesson promises; Check, done
// and ticked.
void TestLearnPage::walk_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("page"); // the page Show me goes to
    QTest::addColumn<QString>("promise");
    QTest::addColumn<QString>("argument");

    QTest::newRow("parts") << "parts"
                           << "decoder"
                           << "xray-signature"
                           << "";
    QTest::newRow("claims") << "claims"
                            << "decoder"
                            << "finding"
                            << "LINT_MILLISECONDS_TIMESTAMP";
    QTest::newRow("jwe") << "jwe"
                         << "decoder"
                         << "decrypted"
                         << "";
    QTest::newRow("asymmetric") << "asymmetric"
                                << "decoder"
                                << "valid"
                                << "";
    QTest::newRow("alg-none") << "alg-none"
                              << "decoder"
                              << "finding"
                              << "LINT_ALG_NONE";
    QTest::newRow("confusion") << "confusion"
                               << "decoder"
                               << "invalid"
                               << "";
    QTest::newRow("weak-secret") << "weak-secret"
                                 << "decoder"
                                 << "secret-found"
                                 << "";
    QTest::newRow("kid-jku") << "kid-jku"
                             << "decoder"
                             << "finding"
                             << "LINT_KEY_URL_HEADER";
    QTest::newRow("leeway") << "leeway"
                            << "timeline"
                            << "what-if"
                            << "";
    QTest::newRow("revocation") << "revocation"
                                << "decoder"
                                << "revoked"
                                << "learn-7f3a9c";
    QTest::newRow("rotation") << "rotation"
                              << "decoder"
                              << "key-set"
                              << "learn-2026-02";
}

void TestLearnPage::walk()
{
    QFETCH(QString, id);
    QFETCH(QString, page);
    QFETCH(QString, promise);
    QFETCH(QString, argument);

    LearnPage* learn = m_window->learnPage();
    const int index = lessonIndex(id);
    QVERIFY(index >= 0);
    learn->setCurrentLesson(index);
    auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("pages"));
    auto* start = learn->findChild<QPushButton*>(QStringLiteral("startLesson"));
    auto* check = learn->findChild<QPushButton*>(QStringLiteral("checkLesson"));
    auto* showMe = learn->findChild<QPushButton*>(QStringLiteral("showMeLesson"));

    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(tabs->currentWidget() != learn);
    QTRY_VERIFY(!m_window->decoderPage()->verificationPanel()->isDecrypting());
    QVERIFY(!learn->checkLesson());
    QVERIFY2(learn->resultText().startsWith(QLatin1String("Not yet: ")), qPrintable(learn->resultText()));
    QVERIFY(!learn->isDone(id));

    tabs->setCurrentWidget(learn);
    QTest::mouseClick(showMe, Qt::LeftButton);
    QCOMPARE(tabs->tabBar()->tabData(tabs->currentIndex()).toString(), page);
    DecoderPage* decoder = m_window->decoderPage();
    VerificationPanel* verification = decoder->verificationPanel();
    if (promise == QLatin1String("xray-signature")) {
        QCOMPARE(decoder->currentTabName(), QStringLiteral("x-ray"));
        QCOMPARE(decoder->xray()->highlightedDecoded().part, 2);
        QVERIFY(decoder->findingCodes().contains(QStringLiteral("LINT_NON_CANONICAL_ENCODING")));
    } else if (promise == QLatin1String("finding")) {
        QCOMPARE(decoder->currentTabName(), QStringLiteral("findings"));
        QCOMPARE(decoder->openFindingCode(), argument);
    } else if (promise == QLatin1String("decrypted")) {
        QTRY_VERIFY(decoder->decryptedClaims().has_value());
        QCOMPARE(decoder->decryptedClaims()->at("sub").get<std::string>(), std::string("learner"));
    } else if (promise == QLatin1String("valid")) {
        QCOMPARE(verification->state(), VerificationState::Valid);
        QVERIFY(!verification->keyInput()->keys().front().hasPrivate());
    } else if (promise == QLatin1String("invalid")) {
        QCOMPARE(verification->state(), VerificationState::Invalid);
        QCOMPARE(verification->keyInput()->keys().front().type(), keys::KeyType::Rsa);
    } else if (promise == QLatin1String("secret-found")) {
        QCOMPARE(decoder->currentTabName(), QStringLiteral("weak-secret"));
        QTRY_VERIFY_WITH_TIMEOUT(decoder->secretSearch()->foundSecret() != nullptr, 30000);
    } else if (promise == QLatin1String("what-if")) {
        const QDateTime at = m_window->timelinePage()->verificationTime();
        QCOMPARE(at, QDateTime::fromSecsSinceEpoch(1767225630, QTimeZone::utc()));
        QCOMPARE(m_window->timelinePage()->timeline()->leeway(), std::chrono::seconds(60));
        // One verification time: the decoder verifies at the slider's instant too.
        QCOMPARE(verification->verificationTime().time_since_epoch().count(), 1767225630);
    } else if (promise == QLatin1String("revoked")) {
        QCOMPARE(verification->revokedIds(), argument);
        QCOMPARE(verification->state(), VerificationState::Invalid);
    } else if (promise == QLatin1String("key-set")) {
        QVERIFY(verification->keyInput()->isKeySet());
        QCOMPARE(verification->state(), VerificationState::Valid);
        QVERIFY2(verification->keySelectionText().contains(argument), qPrintable(verification->keySelectionText()));
    } else {
        QFAIL("unknown promise");
    }
    test::saveShot(*m_window, QStringLiteral("learn-") + id);

    tabs->setCurrentWidget(learn);
    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY2(learn->resultText().startsWith(QStringLiteral("Done — ")), qPrintable(learn->resultText()));
    QVERIFY(learn->isDone(id));
    auto* list = learn->findChild<QListWidget*>(QStringLiteral("lessonList"));
    QCOMPARE(list->item(index)->toolTip(), QStringLiteral("Done"));
    QCOMPARE(list->item((index + 1) % list->count())->toolTip(), QStringLiteral("Not done yet"));
    QCOMPARE(QSettings().value(QStringLiteral("learn/completed")).toStringList(), QStringList{id});
}

// The task done by hand: a '=' typed at the end of the token in the decoder.
void TestLearnPage::byHandInTheDecoder()
{
    LearnPage* learn = m_window->learnPage();
    learn->setCurrentLesson(lessonIndex(QStringLiteral("parts")));
    learn->startLesson();
    auto* edit = m_window->decoderPage()->findChild<QPlainTextEdit*>(QStringLiteral("tokenEdit"));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(!learn->checkLesson());
    QTest::keyClicks(edit, QStringLiteral("="));
    QVERIFY2(learn->checkLesson(), qPrintable(learn->resultText()));

    // Changing the payload instead is another token, not the lesson's.
    learn->startLesson();
    QTest::keyClick(edit, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClicks(edit, QStringLiteral("x"));
    QVERIFY(!learn->checkLesson());
}

// The what-if time typed on the timeline: Check follows it past exp, into the leeway and beyond.
void TestLearnPage::byHandOnTheTimeline()
{
    LearnPage* learn = m_window->learnPage();
    learn->setCurrentLesson(lessonIndex(QStringLiteral("leeway")));
    learn->startLesson();
    TimelinePage* timeline = m_window->timelinePage();
    QCOMPARE(timeline->timeline()->leeway(), std::chrono::seconds(60));
    QVERIFY(!learn->checkLesson()); // following the clock
    timeline->setVerificationTime(QDateTime::fromSecsSinceEpoch(1767225600 - 10, QTimeZone::utc()));
    QVERIFY(!learn->checkLesson());
    QVERIFY(learn->resultText().contains(QLatin1String("before exp")));
    timeline->setVerificationTime(QDateTime::fromSecsSinceEpoch(1767225600 + 120, QTimeZone::utc()));
    QVERIFY(!learn->checkLesson());
    QVERIFY(learn->resultText().contains(QLatin1String("more than the leeway")));
    auto* leeway = timeline->findChild<QSpinBox*>(QStringLiteral("leewaySpin"));
    QVERIFY(leeway);
    leeway->selectAll();
    QTest::keyClicks(leeway, QStringLiteral("300"));
    QCOMPARE(timeline->timeline()->leeway(), std::chrono::seconds(300));
    QVERIFY2(learn->checkLesson(), qPrintable(learn->resultText()));
}

void TestLearnPage::progressRemembered()
{
    LearnPage* learn = m_window->learnPage();
    for (const auto* id : {"claims", "alg-none"}) {
        learn->setCurrentLesson(lessonIndex(QLatin1String(id)));
        learn->startLesson();
        learn->showMe();
        QVERIFY(learn->checkLesson());
    }
    m_window = newWindow();
    learn = m_window->learnPage();
    QVERIFY(learn->isDone(QStringLiteral("claims")));
    QVERIFY(learn->isDone(QStringLiteral("alg-none")));
    QVERIFY(!learn->isDone(QStringLiteral("parts")));
    auto* progress = learn->findChild<QLabel*>(QStringLiteral("lessonProgress"));
    QCOMPARE(progress->text(), QStringLiteral("2 of %1 lessons done").arg(learn->lessons().size()));

    QTest::mouseClick(learn->findChild<QPushButton*>(QStringLiteral("resetProgress")), Qt::LeftButton);
    QVERIFY(!learn->isDone(QStringLiteral("claims")));
    QVERIFY(!QSettings().contains(QStringLiteral("learn/completed")));
    m_window = newWindow();
    QVERIFY(!m_window->learnPage()->isDone(QStringLiteral("claims")));
}

// After every lesson is done, the settings file names the lessons but holds none of their tokens,
// keys or secrets.
void TestLearnPage::settingsHoldNoTokenKeyOrSecret()
{
    LearnPage* learn = m_window->learnPage();
    for (int i = 0; i < static_cast<int>(learn->lessons().size()); ++i) {
        learn->setCurrentLesson(i);
        learn->startLesson();
        learn->showMe();
        QTRY_VERIFY_WITH_TIMEOUT(learn->checkLesson(), 30000);
    }
    m_window->close(); // saves the window's state
    QSettings().sync();
    QFile file(QSettings().fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString settings = QString::fromUtf8(file.readAll());
    QVERIFY2(settings.contains(QLatin1String("rotation")), qPrintable(settings));
    QStringList forbidden{QStringLiteral("learn-jwe-key-16"), QStringLiteral("learn-revocation-lesson-secret"),
                          QStringLiteral("changeme"), QStringLiteral("eyJ")};
    for (const auto* name : {"parts.jwt", "claims.jwt", "jwe.jwt", "asymmetric.jwt", "alg-none.jwt", "confusion.jwt",
                             "weak-secret.jwt", "kid-jku.jwt", "leeway.jwt", "revocation.jwt", "rotation.jwt"}) {
        forbidden << LessonCatalog::sample(QLatin1String(name)).section(QLatin1Char('.'), -1); // the signature
    }
    for (const auto* name : {"issuer-public.pem", "server-public.pem"}) {
        forbidden << LessonCatalog::sample(QLatin1String(name)).split(QLatin1Char('\n')).at(1);
    }
    forbidden << QStringLiteral("pOaV_wAIvfIQcsPFFUOyCKUQCpyve_D4") << QStringLiteral("BEGIN");
    for (const QString& text : std::as_const(forbidden)) {
        if (!text.isEmpty()) {
            QVERIFY2(!settings.contains(text), qPrintable(text));
        }
    }
}

QTEST_MAIN(TestLearnPage)
#include "TestLearnPage.moc"
