#include "MainWindow.h"
#include "TestData.h"
#include "UiTestSupport.h"
#include "jose/CompactToken.h"
#include "pages/DecoderPage.h"
#include "sdjwt/SdJwt.h"
#include "support/Clock.h"
#include "support/Theme.h"
#include "support/Translations.h"
#include "widgets/KeyInput.h"
#include "widgets/SdJwtChecksView.h"
#include "widgets/VerificationPanel.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace jwtwb;
using namespace jwtwb::ui;
using jose::CheckOutcome;
using sdjwt::KbCheckCode;

Q_DECLARE_METATYPE(jwtwb::ui::VerificationState)
Q_DECLARE_METATYPE(jwtwb::sdjwt::KbCheckCode)
Q_DECLARE_METATYPE(jwtwb::jose::CheckOutcome)

namespace {

// RFC 9901 §5.2's key binding JWT is dated 1718298766 (2024-06-13T17:12:46Z); its default maximum age is 5 min.
constexpr qint64 kPresentedAt = 1718298766;

QString data(const char* name)
{
    return QString::fromStdString(test::readDataFile(QStringLiteral("sdjwt/%1").arg(QLatin1String(name)))).trimmed();
}

QString issuance()
{
    return data("issuance.txt");
}

QString presentation()
{
    return data("presentation.txt");
}

// The issuance with its first disclosure given twice: one digest, two disclosures.
QString duplicated()
{
    const QString text = issuance();
    const int first = static_cast<int>(text.indexOf(QLatin1Char('~')));
    const int second = static_cast<int>(text.indexOf(QLatin1Char('~'), first + 1));
    return text + text.mid(first + 1, second - first);
}

} // namespace

// The decoder's Verification tab with an SD-JWT (RFC 9901): the issuer-signed JWT verified with the
// key box's key, every disclosure, and the key binding JWT against the audience and nonce given,
// with RFC 9901 §5's issuance and presentation.
class TestSdJwtVerification : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void verdicts_data();
    void verdicts();
    void keyBindingChecks_data();
    void keyBindingChecks();
    void disclosureProblemsFail();
    void plainJwtAfterwards();
    void screenshots_data();
    void screenshots();

private:
    QTemporaryDir m_config;
    VerificationPanel* m_panel = nullptr;
};

void TestSdJwtVerification::initTestCase()
{
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path());
    QVERIFY(Translations::install(QStringLiteral("en"))); // "1 check fails", as the program shows it
}

void TestSdJwtVerification::init()
{
    m_panel = new VerificationPanel;
    m_panel->resize(900, 900);
    m_panel->setVerifyTime(test::at(kPresentedAt + 4));
}

void TestSdJwtVerification::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TestSdJwtVerification::verdicts_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("key"); // a file in tests/data/sdjwt, or "" for none
    QTest::addColumn<QString>("audience");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<bool>("requireKeyBinding");
    QTest::addColumn<VerificationState>("state");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("reasonPart");

    const QString aud = QStringLiteral("https://verifier.example.org");
    const QString nonce = QStringLiteral("1234567890");
    QTest::newRow("no key yet") << issuance() << QString() << QString() << QString() << false
                                << VerificationState::NotVerified << "Not verified"
                                << "issuer's key";
    QTest::newRow("issuance with the A.5 key") << issuance() << "issuer-key.jwk" << QString() << QString() << false
                                               << VerificationState::Valid << "Valid SD-JWT"
                                               << "anyone who holds this SD-JWT can present it";
    QTest::newRow("issuance, key binding required") << issuance() << "issuer-key.jwk" << QString() << QString() << true
                                                    << VerificationState::Invalid << "Invalid SD-JWT: 1 check fails"
                                                    << "kb-jwt: Key binding was asked for";
    QTest::newRow("presentation, aud and nonce right")
        << presentation() << "issuer-key.jwk" << aud << nonce << true << VerificationState::Valid << "Valid SD-JWT"
        << "made for this audience and nonce";
    QTest::newRow("presentation, aud and nonce not given")
        << presentation() << "issuer-key.jwk" << QString() << QString() << false << VerificationState::Valid
        << "Valid SD-JWT"
        << "Give the expected audience and nonce";
    QTest::newRow("presentation, another nonce") << presentation() << "issuer-key.jwk" << aud << "0987654321" << false
                                                 << VerificationState::Invalid << "Invalid SD-JWT: 1 check fails"
                                                 << "nonce: ";
    QTest::newRow("presentation, another verifier") << presentation() << "issuer-key.jwk"
                                                    << "https://other.example.org" << nonce << false
                                                    << VerificationState::Invalid << "Invalid SD-JWT: 1 check fails"
                                                    << "aud: ";
    QTest::newRow("the holder's key as the issuer's")
        << presentation() << "holder-private-key.jwk" << aud << nonce << false << VerificationState::Invalid
        << "Invalid SD-JWT: 1 check fails"
        << "issuer signature: ";
}

void TestSdJwtVerification::verdicts()
{
    QFETCH(QString, token);
    QFETCH(QString, key);
    QFETCH(QString, audience);
    QFETCH(QString, nonce);
    QFETCH(bool, requireKeyBinding);
    QFETCH(VerificationState, state);
    QFETCH(QString, verdict);
    QFETCH(QString, reasonPart);

    m_panel->sdJwtChecks()->setExpectedAudience(audience);
    m_panel->sdJwtChecks()->setExpectedNonce(nonce);
    m_panel->sdJwtChecks()->setKeyBindingRequired(requireKeyBinding);
    m_panel->setToken(token);
    QVERIFY(m_panel->isSdJwt());
    QVERIFY(!m_panel->isDpopProof());
    QVERIFY(!m_panel->findChild<QGroupBox*>(QStringLiteral("sdJwtBox"))->isHidden());
    QVERIFY(m_panel->findChild<QGroupBox*>(QStringLiteral("decryptionBox"))->isHidden());
    QCOMPARE(m_panel->findChild<QGroupBox*>(QStringLiteral("keyBox"))->title(), QStringLiteral("Issuer key"));
    if (!key.isEmpty()) {
        m_panel->keyInput()->setKeyText(data(qPrintable(key)));
        QVERIFY2(m_panel->keyInput()->errorText().isEmpty(), qPrintable(m_panel->keyInput()->errorText()));
    }
    QCOMPARE(m_panel->state(), state);
    QCOMPARE(m_panel->verdictText(), verdict);
    QVERIFY2(m_panel->reasonText().contains(reasonPart), qPrintable(m_panel->reasonText()));
}

void TestSdJwtVerification::keyBindingChecks_data()
{
    QTest::addColumn<qint64>("at");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<KbCheckCode>("code");
    QTest::addColumn<CheckOutcome>("outcome");

    for (const auto code : {KbCheckCode::Present, KbCheckCode::Type, KbCheckCode::HolderKey, KbCheckCode::Signature,
                            KbCheckCode::SdHash, KbCheckCode::Audience, KbCheckCode::Nonce, KbCheckCode::IssuedAt}) {
        QTest::addRow("in time, %s", sdjwt::kbCheckName(code).data())
            << kPresentedAt + 4 << "1234567890" << code << CheckOutcome::Passed;
    }
    QTest::newRow("an hour later: iat") << kPresentedAt + 3600 << "1234567890" << KbCheckCode::IssuedAt
                                        << CheckOutcome::Failed;
    QTest::newRow("an hour later: sd_hash still")
        << kPresentedAt + 3600 << "1234567890" << KbCheckCode::SdHash << CheckOutcome::Passed;
    QTest::newRow("no nonce given") << kPresentedAt + 4 << QString() << KbCheckCode::Nonce << CheckOutcome::NotChecked;
}

void TestSdJwtVerification::keyBindingChecks()
{
    QFETCH(qint64, at);
    QFETCH(QString, nonce);
    QFETCH(KbCheckCode, code);
    QFETCH(CheckOutcome, outcome);

    m_panel->setVerifyTime(test::at(at));
    m_panel->sdJwtChecks()->setExpectedAudience(QStringLiteral("https://verifier.example.org"));
    m_panel->sdJwtChecks()->setExpectedNonce(nonce);
    m_panel->setToken(presentation());
    m_panel->keyInput()->setKeyText(data("issuer-key.jwk"));
    QCOMPARE(m_panel->sdJwtChecks()->outcome(code), outcome);
    QVERIFY(!m_panel->sdJwtChecks()->reason(code).isEmpty());
    const auto* label = m_panel->findChild<QLabel*>(
        QStringLiteral("sdCheckOutcome_%1").arg(QString::fromLatin1(sdjwt::kbCheckName(code).data())));
    QVERIFY(label);
    QCOMPARE(label->text(),
             outcome == CheckOutcome::Passed       ? QStringLiteral("✓ passed")
                 : outcome == CheckOutcome::Failed ? QStringLiteral("✗ failed")
                                                   : QStringLiteral("– not checked"));
}

void TestSdJwtVerification::disclosureProblemsFail()
{
    const auto parsed = sdjwt::parseSdJwt(issuance().toStdString());
    QVERIFY(parsed);
    m_panel->setToken(issuance());
    m_panel->keyInput()->setKeyText(data("issuer-key.jwk"));
    const auto* disclosures = m_panel->findChild<QLabel*>(QStringLiteral("sdCheckReason_disclosures"));
    QVERIFY(disclosures->text().contains(QStringLiteral("Each of the %1 disclosures").arg(parsed->disclosures.size())));

    m_panel->setToken(duplicated());
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QCOMPARE(m_panel->findChild<QLabel*>(QStringLiteral("sdCheckOutcome_disclosures"))->text(),
             QStringLiteral("✗ failed"));
    QVERIFY2(disclosures->text().contains(QStringLiteral("ERR_SDJWT_DIGEST_DUPLICATE")),
             qPrintable(disclosures->text()));
    QVERIFY(m_panel->reasonText().startsWith(QStringLiteral("disclosures: 1 problem")));
    // The issuer's signature still holds: only the disclosures are at fault.
    QCOMPARE(m_panel->findChild<QLabel*>(QStringLiteral("sdCheckOutcome_issuer"))->text(), QStringLiteral("✓ passed"));
}

void TestSdJwtVerification::plainJwtAfterwards()
{
    m_panel->setToken(presentation());
    QVERIFY(m_panel->isSdJwt());
    const QString issuerJwt = issuance().section(QLatin1Char('~'), 0, 0);
    m_panel->setToken(issuerJwt);
    QVERIFY(!m_panel->isSdJwt());
    QVERIFY(m_panel->findChild<QGroupBox*>(QStringLiteral("sdJwtBox"))->isHidden());
    QCOMPARE(m_panel->findChild<QGroupBox*>(QStringLiteral("keyBox"))->title(), QStringLiteral("Key"));
    m_panel->keyInput()->setKeyText(data("issuer-key.jwk"));
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    QVERIFY(!m_panel->verdictText().contains(QStringLiteral("SD-JWT")));
}

void TestSdJwtVerification::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// The whole window with RFC 9901 §5.2's presentation verified, as the README shows it: every check
// passed, each outcome readable against the list's base colour, no reason cut.
void TestSdJwtVerification::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    Clock::setFixed(test::at(kPresentedAt + 4));
    {
        MainWindow window;
        window.resize(1280, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DecoderPage* page = window.decoderPage();
        page->setTokenText(presentation());
        VerificationPanel* panel = page->verificationPanel();
        QVERIFY(panel->isSdJwt());
        panel->sdJwtChecks()->setExpectedAudience(QStringLiteral("https://verifier.example.org"));
        panel->sdJwtChecks()->setExpectedNonce(QStringLiteral("1234567890"));
        panel->keyInput()->setKeyText(data("issuer-key.jwk"));
        page->showTab(QStringLiteral("verification"));
        QCOMPARE(panel->state(), VerificationState::Valid);
        QCOMPARE(panel->verdictText(), QStringLiteral("Valid SD-JWT"));
        test::saveShot(window,
                       dark ? QStringLiteral("decoder-sdjwt-verification-dark")
                            : QStringLiteral("decoder-sdjwt-verification-light"));
        const QColor base = QApplication::palette().color(QPalette::Base);
        for (const QString& id : {QStringLiteral("issuer"), QStringLiteral("disclosures"), QStringLiteral("sd_hash"),
                                  QStringLiteral("nonce")}) {
            const auto* outcome = page->findChild<QLabel*>(QStringLiteral("sdCheckOutcome_%1").arg(id));
            QCOMPARE(outcome->text(), QStringLiteral("✓ passed"));
            QVERIFY2(test::contrast(outcome->palette().color(QPalette::WindowText), base) >= 4.5, qPrintable(id));
            const auto* reason = page->findChild<QLabel*>(QStringLiteral("sdCheckReason_%1").arg(id));
            QVERIFY(reason->isVisible());
            QVERIFY2(reason->height() >= reason->heightForWidth(reason->width()), qPrintable(reason->text()));
        }
    }
    Clock::useSystemTime();
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestSdJwtVerification)
#include "TestSdJwtVerification.moc"
