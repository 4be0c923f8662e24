#include "MainWindow.h"
#include "TestData.h"
#include "TestKeys.h"
#include "UiTestSupport.h"
#include "dpop/DpopProof.h"
#include "jose/CompactToken.h"
#include "keys/KeyReader.h"
#include "pages/SignerPage.h"
#include "support/Clock.h"
#include "widgets/ClaimHelpers.h"
#include "widgets/JsonEditor.h"
#include "widgets/KeyInput.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

constexpr qint64 kNow = 1800000000; // 2027-01-15T08:00:00Z
const QString kHtu = QStringLiteral("https://api.example.com/orders");

QString keyFile(const QString& name)
{
    return QString::fromStdString(test::readDataFile(QStringLiteral("keys/") + name));
}

keys::Key readKey(const QString& text, const QString& passphrase = {})
{
    keys::KeyReadOptions options;
    const std::string utf8 = passphrase.toStdString();
    options.passphrase = utf8;
    auto reading = keys::readKeys(text.toStdString(), options);
    if (!reading || reading->keys.size() != 1) {
        qFatal("cannot read the test key");
    }
    return reading->keys.front();
}

encoding::Json headerOf(const QString& token)
{
    const auto decoded = jose::decodeCompact(token.toStdString());
    return decoded ? decoded->header.value : encoding::Json();
}

encoding::Json claimsOf(const QString& token)
{
    const auto decoded = jose::decodeCompact(token.toStdString());
    return decoded && decoded->payloadJson ? decoded->payloadJson->value : encoding::Json();
}

} // namespace

// The signer's "DPoP proof" template: typ dpop+jwt and the signing key's public half as jwk, jti,
// iat, htm, htu and ath; the jwk follows the key; keys that cannot sign a proof are refused; and
// what it signs passes every check of RFC 9449 §4.3 (as `jwtwb dpop verify` runs them).
class TestSignerDpop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void templateMakesVerifiableProof_data();
    void templateMakesVerifiableProof();
    void jwkFollowsKey();
    void refusesKeysThatCannotSign_data();
    void refusesKeysThatCannotSign();
    void secretAfterTemplateBlocksSigning();
    void screenshot();
    void tabOrder();

private:
    void applyDpop(const QString& method, const QString& url, const QString& accessToken);
    [[nodiscard]] QString errorText() const;

    QTemporaryDir m_config;
    SignerPage* m_page = nullptr;
};

void TestSignerDpop::initTestCase()
{
    QVERIFY(m_config.isValid());
    QStandardPaths::setTestModeEnabled(true);
    test::isolateSettings(m_config.path());
}

void TestSignerDpop::cleanupTestCase()
{
    Clock::useSystemTime();
}

void TestSignerDpop::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::setFixed(test::at(kNow));
    m_page = new SignerPage;
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void TestSignerDpop::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestSignerDpop::applyDpop(const QString& method, const QString& url, const QString& accessToken)
{
    m_page->claimHelpers()->setDpopRequest(method, url, accessToken);
    QVERIFY(m_page->findChild<QWidget*>(QStringLiteral("dpopTemplateFields"))->isVisible());
    QTest::mouseClick(m_page->findChild<QPushButton*>(QStringLiteral("applyTemplateButton")), Qt::LeftButton);
}

QString TestSignerDpop::errorText() const
{
    const auto* label = m_page->findChild<QLabel*>(QStringLiteral("claimHelperError"));
    return label->isVisible() ? label->text() : QString();
}

void TestSignerDpop::templateMakesVerifiableProof_data()
{
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("thumbprint");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("accessToken");

    QTest::newRow("EC P-256, POST") << "ec-p256-sec1.pem" << QString() << "ES256" << test::kP256Thumbprint << "POST"
                                    << QString();
    QTest::newRow("EC P-384, GET with an access token")
        << "ec-p384-pkcs8-encrypted.pem" << test::kKeyFilePassphrase << "ES384" << test::kP384Thumbprint << "GET"
        << "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";
    QTest::newRow("Ed25519, DELETE") << "ed25519-pkcs8.pem" << QString() << "EdDSA" << test::kEd25519Thumbprint
                                     << "DELETE"
                                     << "an-opaque-access-token";
    QTest::newRow("RSA 2048, PUT") << "rsa-2048-pkcs8.pem" << QString() << "RS256" << test::kRsaThumbprint << "PUT"
                                   << QString();
}

void TestSignerDpop::templateMakesVerifiableProof()
{
    QFETCH(QString, keyFile);
    QFETCH(QString, passphrase);
    QFETCH(QString, alg);
    QFETCH(QString, thumbprint);
    QFETCH(QString, method);
    QFETCH(QString, accessToken);

    m_page->keyInput()->setKeyText(::keyFile(keyFile), passphrase);
    QTRY_VERIFY(m_page->keyInput()->key() != nullptr);
    applyDpop(method, kHtu, accessToken);
    QCOMPARE(errorText(), QString());
    QTRY_VERIFY(!m_page->token().isEmpty());
    const QString token = m_page->token();

    const encoding::Json header = headerOf(token);
    QCOMPARE(header.value("typ", ""), std::string("dpop+jwt"));
    QCOMPARE(QString::fromStdString(header.value("alg", "")), alg);
    const keys::Key key = readKey(::keyFile(keyFile), passphrase);
    QVERIFY(header["jwk"] == dpop::proofJwk(key).value()); // the public half, nothing private
    const encoding::Json claims = claimsOf(token);
    QCOMPARE(claims.value("iat", 0LL), kNow);
    QCOMPARE(QString::fromStdString(claims.value("htm", "")), method);
    QCOMPARE(QString::fromStdString(claims.value("htu", "")), kHtu);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"))
                .match(QString::fromStdString(claims.value("jti", "")))
                .hasMatch());
    QCOMPARE(claims.contains("ath"), !accessToken.isEmpty());

    // Every check of RFC 9449 §4.3, as `jwtwb dpop verify` runs them.
    dpop::DpopExpectations expected;
    expected.htm = method.toStdString();
    expected.htu = kHtu.toStdString();
    expected.now = test::at(kNow + 30);
    if (!accessToken.isEmpty()) {
        expected.accessToken = accessToken.toStdString();
    }
    const auto report = dpop::verifyDpopProof(token.toStdString(), expected);
    QVERIFY2(report.has_value(), report ? "" : report.error().message.c_str());
    for (const auto& check : report->checks) {
        QVERIFY2(check.outcome != dpop::CheckOutcome::Failed, check.reason.c_str());
    }
    QVERIFY(report->valid());
    QCOMPARE(report->check(dpop::DpopCheckCode::Signature).outcome, dpop::CheckOutcome::Passed);
    QCOMPARE(report->check(dpop::DpopCheckCode::AccessTokenHash).outcome,
             accessToken.isEmpty() ? dpop::CheckOutcome::NotChecked : dpop::CheckOutcome::Passed);
    QCOMPARE(QString::fromStdString(report->thumbprint), thumbprint);
}

void TestSignerDpop::jwkFollowsKey()
{
    m_page->keyInput()->setKeyText(keyFile(QStringLiteral("ec-p256-sec1.pem")));
    QTRY_VERIFY(m_page->keyInput()->key() != nullptr);
    applyDpop(QStringLiteral("POST"), kHtu, {});
    QTRY_VERIFY(!m_page->token().isEmpty());

    m_page->keyInput()->setKeyText(keyFile(QStringLiteral("ed25519-pkcs8.pem")));
    QTRY_COMPARE(headerOf(m_page->token()).value("alg", ""), std::string("EdDSA"));
    const keys::Key ed25519 = readKey(keyFile(QStringLiteral("ed25519-pkcs8.pem")));
    QVERIFY(headerOf(m_page->token())["jwk"] == dpop::proofJwk(ed25519).value());
    QVERIFY(encoding::parseJson(m_page->headerText().toStdString())->value["jwk"] == dpop::proofJwk(ed25519).value());

    dpop::DpopExpectations expected;
    expected.htm = "POST";
    expected.htu = kHtu.toStdString();
    expected.now = test::at(kNow);
    const auto report = dpop::verifyDpopProof(m_page->token().toStdString(), expected);
    QVERIFY(report && report->valid());
    QCOMPARE(QString::fromStdString(report->thumbprint), test::kEd25519Thumbprint);
}

void TestSignerDpop::refusesKeysThatCannotSign_data()
{
    QTest::addColumn<QString>("keyText"); // empty: the demo secret
    QTest::addColumn<bool>("clear");
    QTest::addColumn<QString>("message");
    QTest::newRow("HMAC secret") << QString() << false << QStringLiteral("private RSA, EC or OKP key, not a");
    QTest::newRow("public key") << keyFile(QStringLiteral("ec-p256-spki.pem")) << false
                                << QStringLiteral("it is signed with a private RSA, EC or OKP key.");
    QTest::newRow("no key") << QString() << true << QStringLiteral("and there is none");
}

void TestSignerDpop::refusesKeysThatCannotSign()
{
    QFETCH(QString, keyText);
    QFETCH(bool, clear);
    QFETCH(QString, message);
    if (clear) {
        m_page->keyInput()->clear();
    } else if (!keyText.isEmpty()) {
        m_page->keyInput()->setKeyText(keyText);
    }
    const QString header = m_page->headerText();
    const QString payload = m_page->payloadText();
    applyDpop(QStringLiteral("POST"), kHtu, {});
    QVERIFY2(errorText().startsWith(QLatin1String("No DPoP proof: ")), qPrintable(errorText()));
    QVERIFY2(errorText().contains(message), qPrintable(errorText()));
    QCOMPARE(m_page->headerText(), header); // nothing changed
    QCOMPARE(m_page->payloadText(), payload);
}

void TestSignerDpop::secretAfterTemplateBlocksSigning()
{
    m_page->keyInput()->setKeyText(keyFile(QStringLiteral("ec-p256-sec1.pem")));
    QTRY_VERIFY(m_page->keyInput()->key() != nullptr);
    applyDpop(QStringLiteral("POST"), kHtu, {});
    QTRY_VERIFY(!m_page->token().isEmpty());
    m_page->keyInput()->setSecret(test::kCurrentSampleSecret, keys::SecretEncoding::Utf8);
    QTRY_VERIFY(m_page->token().isEmpty());
    QVERIFY2(m_page->blockedReason().contains(QLatin1String("DPoP proof")), qPrintable(m_page->blockedReason()));
    QVERIFY2(m_page->blockedReason().contains(QLatin1String("private RSA, EC or OKP key")),
             qPrintable(m_page->blockedReason()));
}

// In the whole window, as the README shows it.
void TestSignerDpop::screenshot()
{
    for (const bool dark : {false, true}) {
        applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
        SignerPage* page = window.signerPage();
        window.findChild<QTabWidget*>(QStringLiteral("pages"))->setCurrentWidget(page);
        page->keyInput()->setKeyText(keyFile(QStringLiteral("ec-p256-sec1.pem")));
        QTRY_VERIFY(page->keyInput()->key() != nullptr);
        page->claimHelpers()->setDpopRequest(QStringLiteral("POST"), QStringLiteral("https://server.example.com/token"),
                                             {});
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("applyTemplateButton")), Qt::LeftButton);
        QTRY_VERIFY(!page->token().isEmpty());
        QVERIFY(page->findChild<QWidget*>(QStringLiteral("dpopTemplateFields"))->isVisible());
        QVERIFY(page->headerText().contains(QLatin1String("\"typ\": \"dpop+jwt\"")));
        QVERIFY(page->payloadText().contains(QLatin1String("\"htu\": \"https://server.example.com/token\"")));
        // The app's own proof draws no warning: its jwk and its missing exp are how DPoP works.
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("warningBanner"))->isHidden());
        test::saveShot(window, dark ? QStringLiteral("signer-dpop-dark") : QStringLiteral("signer-dpop-light"));
    }
    applyColorScheme(*qApp, ColorScheme::Light);
}

// Tab goes from Apply Template through the proof's fields to the signing key, in one chain.
void TestSignerDpop::tabOrder()
{
    m_page->claimHelpers()->setDpopRequest(QStringLiteral("GET"), kHtu, {});
    QStringList stops;
    QWidget* widget = m_page->findChild<QWidget*>(QStringLiteral("applyTemplateButton"));
    for (int i = 0; i < 200 && stops.size() < 5; ++i) {
        widget = widget->nextInFocusChain();
        if (widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)
            && widget->focusProxy() == nullptr) {
            stops << widget->objectName();
        }
    }
    QCOMPARE(stops.join(QLatin1Char(' ')),
             QStringLiteral("dpopTemplateMethod dpopTemplateUrl dpopTemplateAccessToken keySource openKeyFile"));
}

QTEST_MAIN(TestSignerDpop)
#include "TestSignerDpop.moc"
