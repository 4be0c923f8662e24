#include "MainWindow.h"
#include "TestData.h"
#include "UiTestSupport.h"
#include "crypto/SecureBytes.h"
#include "dpop/DpopProof.h"
#include "encoding/Json.h"
#include "inspect/Lint.h"
#include "jose/JwsSigner.h"
#include "keys/KeyGenerator.h"
#include "models/FindingsModel.h"
#include "pages/DecoderPage.h"
#include "support/Clock.h"
#include "widgets/DpopChecksView.h"
#include "widgets/VerificationPanel.h"

#include <QAction>
#include <QClipboard>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>

using namespace jwtwb;
using namespace jwtwb::ui;
using dpop::CheckOutcome;
using dpop::DpopCheckCode;

Q_DECLARE_METATYPE(jwtwb::dpop::DpopCheckCode)
Q_DECLARE_METATYPE(jwtwb::dpop::CheckOutcome)
Q_DECLARE_METATYPE(jwtwb::inspect::Severity)

namespace {

encoding::Json rfcVector(int index)
{
    return test::loadJson(QStringLiteral("vectors/rfc/rfc9449.json"))["vectors"][index];
}

QString text(const encoding::Json& value)
{
    return QString::fromStdString(value.get<std::string>());
}

constexpr qint64 kIat41 = 1562262616; // RFC 9449 §4.1's proof
constexpr qint64 kIat71 = 1562262618; // §7.1's

// A JWT access token bound to the key with thumbprint `jkt` (RFC 9449 §6.1); its own signature is not checked.
QString boundAccessToken(const std::string& jkt)
{
    const auto secret
        = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("0123456789abcdef0123456789abcdef")));
    const encoding::Json claims{{"iss", "https://server.example.com"}, {"cnf", {{"jkt", jkt}}}};
    auto token
        = jose::signCompact(R"({"alg":"HS256","typ":"at+jwt"})", asBytes(encoding::toCompactJson(claims)), &secret);
    if (!token) {
        qFatal("cannot sign: %s", token.error().message.c_str());
    }
    return QString::fromStdString(*token);
}

// A token that carries a key in its header without being a DPoP proof.
QString jwtWithOwnKey()
{
    const keys::Key key = keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256}).value();
    const encoding::Json header{{"alg", "ES256"}, {"typ", "JWT"}, {"jwk", dpop::proofJwk(key).value()}};
    auto token = jose::signCompact(encoding::toCompactJson(header), asBytes(std::string_view(R"({"sub":"a"})")), &key);
    return QString::fromStdString(token.value());
}

} // namespace

// The decoder with a DPoP proof (RFC 9449): verified with the key in its own header against the
// request the user describes, each check with its outcome, the linter's words about the embedded
// key, and Copy for a Bug Report.
class TestDecoderDpop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void recognisesProof();
    void ordinaryTokenKeepsKeyBox();
    void eachCheck_data();
    void eachCheck();
    void verdictFollowsRequest();
    void tabOrder();
    void embeddedKeyFinding_data();
    void embeddedKeyFinding();
    void copyForBugReport_data();
    void copyForBugReport();
    void copyForBugReportRefusesJwe();
    void screenshots_data();
    void screenshots();
    void editMenuAction();

private:
    [[nodiscard]] DpopChecksView* checks() const { return m_page->verificationPanel()->dpopChecks(); }
    void showProof(int vector, qint64 now);

    QTemporaryDir m_config;
    DecoderPage* m_page = nullptr;
};

void TestDecoderDpop::initTestCase()
{
    QVERIFY(m_config.isValid());
    QStandardPaths::setTestModeEnabled(true);
    test::isolateSettings(m_config.path());
}

void TestDecoderDpop::cleanupTestCase()
{
    Clock::useSystemTime();
}

void TestDecoderDpop::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::useSystemTime();
    m_page = new DecoderPage;
    m_page->resize(1100, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void TestDecoderDpop::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestDecoderDpop::showProof(int vector, qint64 now)
{
    Clock::setFixed(test::at(now));
    m_page->setTokenText(text(rfcVector(vector)["proof"]));
}

void TestDecoderDpop::recognisesProof()
{
    showProof(0, kIat41 + 2);
    const VerificationPanel* panel = m_page->verificationPanel();
    QVERIFY(panel->isDpopProof());
    QVERIFY(!m_page->findChild<QGroupBox*>(QStringLiteral("dpopBox"))->isHidden());
    QVERIFY(m_page->findChild<QGroupBox*>(QStringLiteral("keyBox"))->isHidden()); // its key is in its header
    const QString about = m_page->findChild<QLabel*>(QStringLiteral("dpopAbout"))->text();
    QVERIFY2(about.contains(QLatin1String("the one kind of token where a key in the header is right")),
             qPrintable(about));
    // Checked with its own key before any request is given; htm and htu wait for it.
    QCOMPARE(checks()->outcome(DpopCheckCode::Type), CheckOutcome::Passed);
    QCOMPARE(checks()->outcome(DpopCheckCode::EmbeddedKey), CheckOutcome::Passed);
    QCOMPARE(checks()->outcome(DpopCheckCode::Signature), CheckOutcome::Passed);
    QCOMPARE(checks()->outcome(DpopCheckCode::Method), CheckOutcome::NotChecked);
    QVERIFY2(checks()->reason(DpopCheckCode::Method).contains(QLatin1String("the proof says \"POST\"")),
             qPrintable(checks()->reason(DpopCheckCode::Method)));
    QCOMPARE(checks()->outcome(DpopCheckCode::Url), CheckOutcome::NotChecked);
    QCOMPARE(panel->state(), VerificationState::NotVerified);
    QVERIFY2(panel->reasonText().contains(QLatin1String("Give the HTTP method and the URL")),
             qPrintable(panel->reasonText()));
    // The thumbprint the RFC prints for the key.
    QCOMPARE(QString::fromStdString(checks()->verification()->thumbprint), text(rfcVector(0)["jkt"]));
}

void TestDecoderDpop::ordinaryTokenKeepsKeyBox()
{
    showProof(0, kIat41);
    m_page->setTokenText(test::kSampleToken);
    QVERIFY(!m_page->verificationPanel()->isDpopProof());
    QVERIFY(m_page->findChild<QGroupBox*>(QStringLiteral("dpopBox"))->isHidden());
    QVERIFY(!m_page->findChild<QGroupBox*>(QStringLiteral("keyBox"))->isHidden());
    QCOMPARE(m_page->verificationPanel()->verdictText(), QStringLiteral("Not verified"));
}

void TestDecoderDpop::eachCheck_data()
{
    QTest::addColumn<int>("vector");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("htm");
    QTest::addColumn<QString>("htu");
    QTest::addColumn<QString>("accessToken");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<DpopCheckCode>("code");
    QTest::addColumn<CheckOutcome>("outcome");
    QTest::addColumn<QString>("reason"); // a part of the reason shown

    const QString htu41 = text(rfcVector(0)["htu"]);
    const QString htu71 = text(rfcVector(1)["htu"]);
    const QString at = text(rfcVector(1)["access_token"]);
    const std::string jkt = rfcVector(1)["jkt"].get<std::string>();
    const auto row41 = [&](const char* name, qint64 now, const QString& htm, const QString& htu, DpopCheckCode code,
                           CheckOutcome outcome, const QString& reason, const QString& nonce = {}) {
        QTest::newRow(name) << 0 << now << htm << htu << QString() << nonce << code << outcome << reason;
    };
    const auto row71 = [&](const char* name, const QString& accessToken, DpopCheckCode code, CheckOutcome outcome,
                           const QString& reason) {
        QTest::newRow(name) << 1 << kIat71 + 2 << QStringLiteral("GET") << htu71 << accessToken << QString() << code
                            << outcome << reason;
    };
    const QString post = QStringLiteral("POST");
    row41("typ", kIat41, post, htu41, DpopCheckCode::Type, CheckOutcome::Passed, QStringLiteral("typ is dpop+jwt"));
    row41("jwk", kIat41, post, htu41, DpopCheckCode::EmbeddedKey, CheckOutcome::Passed,
          QStringLiteral("only in a DPoP proof, a key in the header is how it is meant to be"));
    row41("signature", kIat41, post, htu41, DpopCheckCode::Signature, CheckOutcome::Passed,
          QStringLiteral("with the key in the proof's own header (ES256)"));
    row41("jti, htm, htu, iat present", kIat41, post, htu41, DpopCheckCode::RequiredClaims, CheckOutcome::Passed,
          QStringLiteral("jti, htm, htu and iat are there"));
    row41("htm POST", kIat41, post, htu41, DpopCheckCode::Method, CheckOutcome::Passed,
          QStringLiteral("htm is \"POST\", the request's method"));
    row41("htm GET", kIat41, QStringLiteral("GET"), htu41, DpopCheckCode::Method, CheckOutcome::Failed,
          QStringLiteral("but the request's method is \"GET\""));
    row41("htm post", kIat41, QStringLiteral("post"), htu41, DpopCheckCode::Method, CheckOutcome::Failed,
          QStringLiteral("case-sensitive"));
    row41("htu", kIat41, post, htu41, DpopCheckCode::Url, CheckOutcome::Passed, QStringLiteral("is the request's URL"));
    row41("htu with query and upper-case host", kIat41, post,
          QStringLiteral("https://SERVER.example.com:443/token?a=1"), DpopCheckCode::Url, CheckOutcome::Passed,
          QStringLiteral("is the request's URL"));
    row41("htu other path", kIat41, post, QStringLiteral("https://server.example.com/authorize"), DpopCheckCode::Url,
          CheckOutcome::Failed, QStringLiteral("is not the request's URL"));
    row41("iat now", kIat41, post, htu41, DpopCheckCode::IssuedAt, CheckOutcome::Passed, QStringLiteral("within"));
    row41("iat 4 min ago", kIat41 + 240, post, htu41, DpopCheckCode::IssuedAt, CheckOutcome::Passed,
          QStringLiteral("4 min ago"));
    row41("iat 10 min ago", kIat41 + 600, post, htu41, DpopCheckCode::IssuedAt, CheckOutcome::Failed,
          QStringLiteral("outside the window of 5 min"));
    row41("iat 10 min ahead", kIat41 - 600, post, htu41, DpopCheckCode::IssuedAt, CheckOutcome::Failed,
          QStringLiteral("in the future"));
    row41("no nonce asked for", kIat41, post, htu41, DpopCheckCode::Nonce, CheckOutcome::NotChecked,
          QStringLiteral("No nonce was asked for"));
    row41("nonce asked for", kIat41, post, htu41, DpopCheckCode::Nonce, CheckOutcome::Failed,
          QStringLiteral("the proof has none"), QStringLiteral("eyJ7S_zG.eyJH0-Z.HX4w-7v"));
    row41("no access token", kIat41, post, htu41, DpopCheckCode::AccessTokenHash, CheckOutcome::NotChecked,
          QStringLiteral("No access token was given"));
    row71("ath of the RFC's token", at, DpopCheckCode::AccessTokenHash, CheckOutcome::Passed,
          QStringLiteral("ath is the SHA-256 of the access token"));
    row71("ath, token as an Authorization header", QStringLiteral("Authorization: DPoP ") + at,
          DpopCheckCode::AccessTokenHash, CheckOutcome::Passed, QStringLiteral("ath is the SHA-256"));
    row71("ath of another token", at + QLatin1Char('x'), DpopCheckCode::AccessTokenHash, CheckOutcome::Failed,
          QStringLiteral("the proof was made for another token"));
    row71("cnf.jkt of an opaque token", at, DpopCheckCode::KeyBinding, CheckOutcome::NotChecked,
          QStringLiteral("not a JWT"));
    row71("cnf.jkt bound to the proof's key", boundAccessToken(jkt), DpopCheckCode::KeyBinding, CheckOutcome::Passed,
          QStringLiteral("is the thumbprint of the proof's key"));
    row71("cnf.jkt bound to another key", boundAccessToken("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"),
          DpopCheckCode::KeyBinding, CheckOutcome::Failed, QStringLiteral("the token was bound to another key"));
}

void TestDecoderDpop::eachCheck()
{
    QFETCH(int, vector);
    QFETCH(qint64, now);
    QFETCH(QString, htm);
    QFETCH(QString, htu);
    QFETCH(QString, accessToken);
    QFETCH(QString, nonce);
    QFETCH(DpopCheckCode, code);
    QFETCH(CheckOutcome, outcome);
    QFETCH(QString, reason);

    showProof(vector, now);
    checks()->setMethod(htm);
    checks()->setUrl(htu);
    checks()->setAccessToken(accessToken);
    checks()->setNonce(nonce);
    const QString shown = checks()->reason(code);
    QVERIFY2(shown.contains(reason), qPrintable(shown)); // claim names keep their case
    QCOMPARE(checks()->outcome(code), outcome);
    // What is shown is what the window tells: the outcome's label in its row.
    const QString name = QString::fromUtf8(dpop::dpopCheckName(code));
    const auto* label = m_page->findChild<QLabel*>(QStringLiteral("dpopCheckOutcome_%1").arg(name));
    QVERIFY(label);
    QCOMPARE(label->text(),
             outcome == CheckOutcome::Passed       ? QStringLiteral("✓ passed")
                 : outcome == CheckOutcome::Failed ? QStringLiteral("✗ failed")
                                                   : QStringLiteral("– not checked"));
    // A failed check makes the proof invalid, and says so in the verdict.
    if (outcome == CheckOutcome::Failed) {
        QCOMPARE(m_page->verificationPanel()->state(), VerificationState::Invalid);
        QVERIFY2(m_page->verificationPanel()->reasonText().contains(name + QStringLiteral(": ")),
                 qPrintable(m_page->verificationPanel()->reasonText()));
    }
}

void TestDecoderDpop::verdictFollowsRequest()
{
    const encoding::Json v = rfcVector(1);
    showProof(1, kIat71 + 2);
    checks()->setMethod(QStringLiteral("GET"));
    checks()->setUrl(text(v["htu"]));
    checks()->setAccessToken(text(v["access_token"]));
    const VerificationPanel* panel = m_page->verificationPanel();
    QCOMPARE(panel->state(), VerificationState::Valid);
    QCOMPARE(panel->verdictText(), QStringLiteral("Valid DPoP proof"));
    QVERIFY2(panel->reasonText().contains(text(v["jkt"])), qPrintable(panel->reasonText()));
    const auto* tabs = m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Verification · valid"));
    QVERIFY2(m_page->findChild<QLabel*>(QStringLiteral("signatureLabel"))->text().contains("Valid DPoP proof"),
             qPrintable(m_page->findChild<QLabel*>(QStringLiteral("signatureLabel"))->text()));

    // Another method: invalid, naming the check.
    QSignalSpy verified(m_page->verificationPanel(), &VerificationPanel::verified);
    checks()->setMethod(QStringLiteral("POST"));
    QCOMPARE(verified.count(), 1);
    QCOMPARE(panel->state(), VerificationState::Invalid);
    QCOMPARE(tabs->tabText(2), QStringLiteral("Verification · invalid"));
    QVERIFY2(panel->reasonText().startsWith(QLatin1String("htm: ")), qPrintable(panel->reasonText()));

    // Back, and the clock moves on past the iat window: the decoder's own clock decides.
    checks()->setMethod(QStringLiteral("GET"));
    QCOMPARE(panel->state(), VerificationState::Valid);
    Clock::setFixed(test::at(kIat71 + 3600));
    QTRY_COMPARE(panel->state(), VerificationState::Invalid); // the panel's tick
    QCOMPARE(checks()->outcome(DpopCheckCode::IssuedAt), CheckOutcome::Failed);
}

// Tab goes from the decoder's tabs through the request's fields to the time to verify at, in one chain.
void TestDecoderDpop::tabOrder()
{
    showProof(0, kIat41);
    m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(2);
    QStringList stops;
    QWidget* widget = m_page->findChild<QWidget*>(QStringLiteral("tokenEdit"));
    for (int i = 0; i < 300 && stops.size() < 6; ++i) {
        widget = widget->nextInFocusChain();
        if (widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)
            && widget->focusProxy() == nullptr) {
            stops << widget->objectName();
        }
    }
    QCOMPARE(stops.join(QLatin1Char(' ')),
             QStringLiteral("qt_tabwidget_tabbar dpopMethod dpopUrl dpopAccessToken "
                            "dpopNonce verifyNow"));
}

void TestDecoderDpop::embeddedKeyFinding_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<jwtwb::inspect::Severity>("severity");
    QTest::addColumn<QString>("says");
    QTest::newRow("RFC 9449 4.1 proof") << text(rfcVector(0)["proof"]) << inspect::Severity::Info
                                        << QStringLiteral("how DPoP works");
    QTest::newRow("RFC 9449 7.1 proof") << text(rfcVector(1)["proof"]) << inspect::Severity::Info
                                        << QStringLiteral("cnf.jkt");
    QTest::newRow("a JWT with its own key")
        << jwtWithOwnKey() << inspect::Severity::Warning << QStringLiteral("CVE-2018-0114");
}

void TestDecoderDpop::embeddedKeyFinding()
{
    QFETCH(QString, token);
    QFETCH(jwtwb::inspect::Severity, severity);
    QFETCH(QString, says);
    Clock::setFixed(test::at(kIat41));
    m_page->setTokenText(token);
    const auto* view = m_page->findChild<QTreeView*>(QStringLiteral("findingsView"));
    QVERIFY(view);
    const auto* model = qobject_cast<const FindingsModel*>(view->model());
    QVERIFY(model);
    const auto& findings = model->findings();
    const auto embedded = std::ranges::find(findings, inspect::FindingCode::EmbeddedKeyHeader, &inspect::Finding::code);
    QVERIFY(embedded != findings.end());
    QCOMPARE(embedded->severity, severity);
    QVERIFY2(QString::fromStdString(embedded->explanation).contains(says), embedded->explanation.c_str());
}

void TestDecoderDpop::copyForBugReport_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QStringList>("hidden"); // values that must not be in the copy
    QTest::addColumn<QStringList>("masked"); // claims the status message names
    QTest::addColumn<QStringList>("kept"); // text that must be in it

    QTest::newRow("jwt.io sample") << test::kSampleToken
                                   << QStringList{QStringLiteral("1234567890"), QStringLiteral("John Doe")}
                                   << QStringList{QStringLiteral("sub"), QStringLiteral("name")}
                                   << QStringList{QStringLiteral("\"iat\": 1516239022"), QStringLiteral("HS256")};
    const encoding::Json v = rfcVector(1);
    QTest::newRow("RFC 9449 proof") << text(v["proof"]) << QStringList{text(v["htu"]), text(v["ath"])}
                                    << QStringList{QStringLiteral("htm"), QStringLiteral("htu"), QStringLiteral("ath")}
                                    << QStringList{QStringLiteral("dpop+jwt"), QStringLiteral("\"iat\": 1562262618")};
    QTest::newRow("in an Authorization header")
        << QStringLiteral("Authorization: Bearer ") + test::kCurrentSampleToken
        << QStringList{QStringLiteral("1234567890"), QStringLiteral("John Doe")}
        << QStringList{QStringLiteral("sub"), QStringLiteral("name"), QStringLiteral("admin")}
        << QStringList{QStringLiteral("\"typ\": \"JWT\"")};
}

void TestDecoderDpop::copyForBugReport()
{
    QFETCH(QString, token);
    QFETCH(QStringList, hidden);
    QFETCH(QStringList, masked);
    QFETCH(QStringList, kept);

    QGuiApplication::clipboard()->clear();
    m_page->setTokenText(token);
    QSignalSpy status(m_page, &DecoderPage::statusMessage);
    QAction* action = m_page->copyForBugReportAction();
    QVERIFY(action->isEnabled());
    QTest::mouseClick(m_page->findChild<QWidget*>(QStringLiteral("copyForBugReportButton")), Qt::LeftButton);

    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY(!copied.isEmpty());
    const QString shown = m_page->shownToken();
    QVERIFY(!copied.contains(shown));
    QVERIFY(!copied.contains(shown.section(QLatin1Char('.'), 2, 2))); // no signature
    QVERIFY(!copied.contains(shown.section(QLatin1Char('.'), 1, 1))); // nor the encoded payload
    for (const QString& value : hidden) {
        QVERIFY2(!copied.contains(value), qPrintable(value));
    }
    for (const QString& value : kept) {
        QVERIFY2(copied.contains(value), qPrintable(value));
    }
    QCOMPARE(status.count(), 1);
    const QString message = status.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("masked: %1").arg(masked.join(QStringLiteral(", ")))),
             qPrintable(message));
}

void TestDecoderDpop::copyForBugReportRefusesJwe()
{
    const auto file = test::loadJson(QStringLiteral("vectors/cookbook/jwe/5_6.direct_encryption_using_aes-gcm.json"));
    m_page->setTokenText(text(file["output"]["compact"]));
    QAction* action = m_page->copyForBugReportAction();
    QVERIFY(!action->isEnabled());
    QVERIFY2(action->statusTip().contains(QLatin1String("its claims are encrypted")), qPrintable(action->statusTip()));
    m_page->setTokenText(test::kSampleToken);
    QVERIFY(action->isEnabled());
    m_page->setTokenText(QStringLiteral("not a token"));
    QVERIFY(!action->isEnabled());
}

void TestDecoderDpop::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// In the whole window, as the README shows it.
void TestDecoderDpop::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    const encoding::Json v = rfcVector(1);
    Clock::setFixed(test::at(kIat71 + 75));
    DecoderPage* page = window.decoderPage();
    page->setTokenText(text(v["proof"]));
    DpopChecksView* view = page->verificationPanel()->dpopChecks();
    view->setMethod(QStringLiteral("GET"));
    view->setUrl(text(v["htu"]));
    view->setAccessToken(text(v["access_token"]));
    page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(2);
    QCOMPARE(page->verificationPanel()->state(), VerificationState::Valid);
    test::saveShot(window, dark ? QStringLiteral("decoder-dpop-dark") : QStringLiteral("decoder-dpop-light"));

    // Readable: each outcome in its colour against the list's base colour, every reason wrapped, not cut.
    const QColor base = QApplication::palette().color(QPalette::Base);
    for (const QString& name : {QStringLiteral("signature"), QStringLiteral("htm"), QStringLiteral("ath")}) {
        const auto* outcome = page->findChild<QLabel*>(QStringLiteral("dpopCheckOutcome_%1").arg(name));
        QCOMPARE(outcome->text(), QStringLiteral("✓ passed"));
        QVERIFY2(test::contrast(outcome->palette().color(QPalette::WindowText), base) >= 4.5, qPrintable(name));
        const auto* reason = page->findChild<QLabel*>(QStringLiteral("dpopCheckReason_%1").arg(name));
        QVERIFY(reason->isVisible());
        QVERIFY2(reason->height() >= reason->heightForWidth(reason->width()), qPrintable(reason->text()));
    }
    const auto* nonce = page->findChild<QLabel*>(QStringLiteral("dpopCheckOutcome_nonce"));
    QCOMPARE(nonce->text(), QStringLiteral("– not checked"));
    QVERIFY(test::contrast(nonce->palette().color(QPalette::WindowText), base) >= 4.5);
    const auto* box = page->findChild<QGroupBox*>(QStringLiteral("dpopBox"));
    QVERIFY(box->isVisible());
    QVERIFY(box->width() >= box->minimumSizeHint().width());
    applyColorScheme(*qApp, ColorScheme::Light);
}

// Edit → Copy for a Bug Report copies the decoder's token from any page.
void TestDecoderDpop::editMenuAction()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.decoderPage()->setTokenText(test::kSampleToken);
    QAction* action = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&Edit")) {
            for (QAction* item : menu->menu()->actions()) {
                action = item->objectName() == QStringLiteral("copyForBugReportAction") ? item : action;
            }
        }
    }
    QVERIFY(action);
    QGuiApplication::clipboard()->clear();
    window.findChild<QTabWidget*>(QStringLiteral("pages"))->setCurrentIndex(1); // the signer
    action->trigger();
    const QString copied = QGuiApplication::clipboard()->text();
    QVERIFY2(copied.contains(QLatin1String("\"sub\": \"<masked string>\"")), qPrintable(copied));
    QVERIFY(!copied.contains(QLatin1String("John Doe")));
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("masked: sub, name")),
             qPrintable(window.statusBar()->currentMessage()));
}

QTEST_MAIN(TestDecoderDpop)
#include "TestDecoderDpop.moc"
