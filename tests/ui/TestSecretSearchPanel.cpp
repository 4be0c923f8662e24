#include "UiTestSupport.h"
#include "crypto/SecureBytes.h"
#include "widgets/SecretSearchPanel.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>

using namespace jwtwb;
using namespace jwtwb::ui;

class TestSecretSearchPanel : public QObject
{
    Q_OBJECT

private:
    SecretSearchPanel* m_panel = nullptr;

    template <class T> T* child(const char* name) { return m_panel->findChild<T*>(QString::fromLatin1(name)); }

private slots:
    void init()
    {
        QLocale::setDefault(QLocale::c()); // counts without group separators, whatever the system's locale
        applyColorScheme(*qApp, ColorScheme::Light);
        m_panel = new SecretSearchPanel;
        m_panel->setWordlistPath(QStringLiteral(JWTWB_WORDLIST_DIR "/jwt.secrets.list"));
        m_panel->resize(640, 300);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }

    void cleanup()
    {
        delete m_panel;
        m_panel = nullptr;
    }

    void findsTheSampleSecretMasked()
    {
        QVERIFY(!child<QPushButton>("start")->isEnabled()); // no token yet
        m_panel->setToken(test::kSampleToken);
        auto* use = child<QPushButton>("useForVerification");
        QVERIFY(!use->isEnabled()); // nothing found yet
        QVERIFY(child<QPushButton>("start")->isEnabled());
        QSignalSpy finished(m_panel, &SecretSearchPanel::finished);
        QTest::mouseClick(child<QPushButton>("start"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().first().toBool(), true);
        auto* secret = child<QLineEdit>("secret");
        QCOMPARE(secret->text(), QStringLiteral("your-256-bit-secret"));
        QCOMPARE(secret->echoMode(), QLineEdit::Password); // masked until revealed
        QVERIFY(child<QLabel>("status")->text().contains(QLatin1String("bundled list")));
        QCOMPARE(child<QProgressBar>("progress")->value(), 1000);
        test::saveShot(*m_panel, QStringLiteral("secret-search-found-masked"));
        QTest::mouseClick(child<QCheckBox>("reveal"), Qt::LeftButton);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        test::saveShot(*m_panel, QStringLiteral("secret-search-found-revealed"));

        // The find can be used, and is kept for this token only.
        QVERIFY(use->isEnabled());
        QCOMPARE(m_panel->foundSecret()->view(), std::string_view("your-256-bit-secret"));
        QCOMPARE(m_panel->foundIn(), QStringLiteral("bundled list"));
        QSignalSpy used(m_panel, &SecretSearchPanel::useForVerificationRequested);
        QTest::mouseClick(use, Qt::LeftButton);
        QCOMPARE(used.count(), 1);
        m_panel->setToken(test::kSampleToken); // the same token again: kept
        QVERIFY(m_panel->foundSecret() != nullptr);
        m_panel->setToken(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.c2ln")); // another: forgotten
        QVERIFY(m_panel->foundSecret() == nullptr);
        QVERIFY(!use->isEnabled());
        QVERIFY(secret->text().isEmpty());
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
    }

    void progressAndCancel()
    {
        m_panel->setToken(test::kSampleToken);
        child<QCheckBox>("useList")->setChecked(false);
        child<QLineEdit>("mask")->setText(QStringLiteral("?a?a?a?a?a?a?a")); // far too many to finish
        QSignalSpy finished(m_panel, &SecretSearchPanel::finished);
        QTest::mouseClick(child<QPushButton>("start"), Qt::LeftButton);
        QVERIFY(m_panel->isRunning());
        QVERIFY(!child<QPushButton>("start")->isEnabled());
        QVERIFY(child<QPushButton>("cancel")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("status")->text().contains(QLatin1String("guesses")), 10000);
        test::saveShot(*m_panel, QStringLiteral("secret-search-running"));
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(child<QPushButton>("cancel"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        qInfo("finished %lld ms after Cancel", static_cast<long long>(clock.elapsed()));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(child<QLabel>("status")->text().startsWith(QLatin1String("Cancelled")));
        QVERIFY(child<QLineEdit>("secret")->text().isEmpty());
        QVERIFY(child<QPushButton>("start")->isEnabled());
    }

    void notFound()
    {
        m_panel->setToken(test::kSampleToken);
        child<QCheckBox>("useList")->setChecked(false);
        child<QLineEdit>("mask")->setText(QStringLiteral("?d?d?d"));
        QSignalSpy finished(m_panel, &SecretSearchPanel::finished);
        m_panel->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(child<QLabel>("status")->text().startsWith(QLatin1String("Not found after 1000 guesses")),
                 qPrintable(child<QLabel>("status")->text()));
    }

    void refusesOtherTokens()
    {
        m_panel->setToken(QStringLiteral("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
        QVERIFY(!child<QPushButton>("start")->isEnabled());
        QVERIFY(child<QLabel>("status")->text().contains(QLatin1String("HS256")));
        m_panel->setToken(QStringLiteral("not a token"));
        QVERIFY(!child<QPushButton>("start")->isEnabled());
        QVERIFY(!child<QLabel>("status")->text().isEmpty());
    }

    // Closing the panel while it searches cancels the search instead of hanging.
    void destroyWhileRunning()
    {
        m_panel->setToken(test::kSampleToken);
        child<QCheckBox>("useList")->setChecked(false);
        child<QLineEdit>("mask")->setText(QStringLiteral("?a?a?a?a?a?a?a"));
        m_panel->start();
        QVERIFY(m_panel->isRunning());
        QElapsedTimer clock;
        clock.start();
        delete m_panel;
        m_panel = nullptr;
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_MAIN(TestSecretSearchPanel)
#include "TestSecretSearchPanel.moc"
