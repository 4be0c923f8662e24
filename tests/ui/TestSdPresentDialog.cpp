#include "MainWindow.h"
#include "TestData.h"
#include "UiTestSupport.h"
#include "dialogs/SdPresentDialog.h"
#include "jose/CompactToken.h"
#include "keys/KeyImport.h"
#include "pages/DecoderPage.h"
#include "sdjwt/SdJwt.h"
#include "sdjwt/SdJwtIssuer.h"
#include "sdjwt/SdJwtVerifier.h"
#include "support/Clock.h"
#include "support/Translations.h"
#include "widgets/KeyInput.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <set>

using namespace jwtwb;
using namespace jwtwb::ui;
using encoding::Json;

namespace {

constexpr qint64 kKbIat = 1718298766; // the RFC example's KB-JWT
const QString kAud = QStringLiteral("https://verifier.example.org");
const QString kNonce = QStringLiteral("1234567890");

QString rfcFile(const QString& name)
{
    return QString::fromStdString(test::readDataFile(QStringLiteral("sdjwt/") + name)).trimmed();
}

keys::Key loadKey(const QString& name)
{
    auto key = keys::importJwk(rfcFile(name).toStdString());
    if (!key) {
        qFatal("cannot read %s", qPrintable(name));
    }
    return std::move(*key);
}

std::set<std::string> disclosureTexts(const QString& text)
{
    const auto parsed = sdjwt::parseSdJwt(text.toStdString());
    std::set<std::string> texts;
    if (parsed) {
        for (const auto& disclosure : parsed->disclosures) {
            texts.insert(disclosure.text);
        }
    }
    return texts;
}

Result<sdjwt::SdJwtVerification> verify(const QString& presentation, bool keyBindingRequired)
{
    static const keys::Key issuer = loadKey(QStringLiteral("issuer-key.jwk"));
    jose::JwtVerifyOptions options;
    options.jws.algorithms.push_back(jose::JwsAlgorithm::ES256);
    options.claims.now = test::at(kKbIat);
    sdjwt::KeyBindingExpectations expected;
    expected.required = keyBindingRequired;
    expected.audience = kAud.toStdString();
    expected.nonce = kNonce.toStdString();
    expected.now = test::at(kKbIat);
    return sdjwt::verifySdJwt(presentation.toStdString(), jose::KeySource::single(issuer), options, expected);
}

bool sameClaims(const Json& actual, const Json& expected)
{
    const bool same = nlohmann::json::parse(actual.dump()) == nlohmann::json::parse(expected.dump());
    if (!same) {
        qWarning("claims %s\nexpected %s", actual.dump().c_str(), expected.dump().c_str());
    }
    return same;
}

// An SD-JWT with a recursive disclosure: address is disclosable, and so is its street_address.
QString recursiveSdJwt()
{
    static const keys::Key issuer = loadKey(QStringLiteral("issuer-private-key.jwk"));
    sdjwt::IssueOptions options;
    options.disclose = {"address", "address/street_address", "address/locality", "email"};
    const Json payload = test::parseJsonOrDie(rfcFile(QStringLiteral("claims-issuance.json")));
    const auto issued = sdjwt::issueSdJwt(payload, issuer, options);
    if (!issued) {
        qFatal("%s", issued.error().message.c_str());
    }
    return QString::fromStdString(*issued);
}

} // namespace

// Tools → Present SD-JWT…: on RFC 9901 §5's issuance, ticking §5.2's disclosures gives §5.2's
// presentation (with a KB-JWT that verifies, aud, nonce, iat and sd_hash), none without a holder key;
// a recursive disclosure brings its parent; broken input shows an error and no output.
class TestSdPresentDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void startsUnticked();
    void presentsRfcSelection();
    void withoutHolderKey();
    void holderKeyNotCnf();
    void childBringsParent();
    void brokenInput_data();
    void brokenInput();
    void openInDecoderSignal();
    void menuOpensPrefilled();
    void screenshot_data();
    void screenshot();

private:
    void tick(const QString& path, bool on = true);
    void presentRfc(bool withKey);

    QTemporaryDir m_config;
    SdPresentDialog* m_dialog = nullptr;
};

void TestSdPresentDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    QStandardPaths::setTestModeEnabled(true);
    test::isolateSettings(m_config.path());
    QVERIFY(Translations::install(QStringLiteral("en"))); // "10 disclosures", as the program says it
}

void TestSdPresentDialog::cleanupTestCase()
{
    Clock::useSystemTime();
}

void TestSdPresentDialog::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::setFixed(test::at(kKbIat + 3600));
    m_dialog = new SdPresentDialog;
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
}

void TestSdPresentDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
}

void TestSdPresentDialog::tick(const QString& path, bool on)
{
    QTreeWidgetItem* item = m_dialog->itemForPath(path);
    QVERIFY2(item, qPrintable(path));
    item->setCheckState(0, on ? Qt::Checked : Qt::Unchecked);
}

void TestSdPresentDialog::presentRfc(bool withKey)
{
    m_dialog->setSdJwt(QStringLiteral("\n  ") + rfcFile(QStringLiteral("issuance.txt")) + QStringLiteral("\n"));
    for (const char* path : {"family_name", "address", "given_name", "nationalities/0"}) {
        tick(QString::fromLatin1(path));
    }
    if (withKey) {
        m_dialog->holderKeyInput()->setKeyText(rfcFile(QStringLiteral("holder-private-key.jwk")));
    }
    m_dialog->audienceEdit()->setText(kAud);
    m_dialog->nonceEdit()->setText(kNonce);
    m_dialog->setIssuedAt(test::at(kKbIat));
}

void TestSdPresentDialog::startsUnticked()
{
    m_dialog->setSdJwt(rfcFile(QStringLiteral("issuance.txt")));
    QTreeWidget* list = m_dialog->disclosureList();
    int items = 0;
    for (QTreeWidgetItemIterator it(list); *it; ++it, ++items) {
        QCOMPARE((*it)->checkState(0), Qt::Unchecked);
    }
    QCOMPARE(items, 10);
    QCOMPARE(m_dialog->itemForPath(QStringLiteral("nationalities/1"))->text(0), QStringLiteral("nationalities/1"));
    QCOMPARE(m_dialog->itemForPath(QStringLiteral("email"))->text(1), QStringLiteral("\"johndoe@example.com\""));
    // Nothing revealed: the issuer-signed JWT alone.
    QCOMPARE(m_dialog->presentation(), rfcFile(QStringLiteral("issuance.txt")).section(u'~', 0, 0) + u'~');
    QVERIFY(m_dialog->findChild<QLabel*>(QStringLiteral("sdJwtStatus"))
                ->text()
                .contains(QStringLiteral("with 10 disclosures,")));
    // The holder's key is the one in cnf.jwk: no new one is offered.
    auto* generate = m_dialog->holderKeyInput()->findChild<QPushButton*>(QStringLiteral("generateButton"));
    QVERIFY(generate);
    QVERIFY(generate->isHidden());
}

void TestSdPresentDialog::presentsRfcSelection()
{
    presentRfc(true);
    const QString presentation = m_dialog->presentation();
    QVERIFY2(!presentation.isEmpty(), qPrintable(m_dialog->errorText()));
    QVERIFY(m_dialog->holderWarning().isEmpty());
    QCOMPARE(disclosureTexts(presentation), disclosureTexts(rfcFile(QStringLiteral("presentation.txt"))));
    QCOMPARE(disclosureTexts(presentation).size(), std::size_t{4});

    const auto parsed = sdjwt::parseSdJwt(presentation.toStdString());
    QVERIFY(parsed && parsed->keyBindingJwt);
    const auto kb = jose::decodeCompact(*parsed->keyBindingJwt);
    QVERIFY(kb && kb->payloadJson);
    QVERIFY(kb->header.value.at("typ") == Json("kb+jwt"));
    const Json& claims = kb->payloadJson->value;
    QVERIFY(claims.at("aud") == Json(kAud.toStdString()));
    QVERIFY(claims.at("nonce") == Json(kNonce.toStdString()));
    QVERIFY(claims.at("iat") == Json(kKbIat));
    QVERIFY(claims.at("sd_hash") == Json(sdjwt::digestOf(crypto::HashAlg::Sha256, parsed->presented)));

    const auto report = verify(presentation, true);
    QVERIFY(report);
    QVERIFY(report->valid());
    QVERIFY(report->keyBindingValid());
    for (const auto code : {sdjwt::KbCheckCode::Signature, sdjwt::KbCheckCode::SdHash, sdjwt::KbCheckCode::Audience,
                            sdjwt::KbCheckCode::Nonce, sdjwt::KbCheckCode::IssuedAt}) {
        QCOMPARE(report->check(code).outcome, jose::CheckOutcome::Passed);
    }
    QVERIFY(
        sameClaims(report->sdJwt.processed, test::parseJsonOrDie(rfcFile(QStringLiteral("claims-presentation.json")))));
}

void TestSdPresentDialog::withoutHolderKey()
{
    presentRfc(false);
    const QString presentation = m_dialog->presentation();
    QVERIFY(presentation.endsWith(u'~'));
    QCOMPARE(disclosureTexts(presentation), disclosureTexts(rfcFile(QStringLiteral("presentation.txt"))));
    QVERIFY(!sdjwt::parseSdJwt(presentation.toStdString())->keyBindingJwt);
    // The SD-JWT names a holder key: say that a verifier requiring key binding refuses this.
    QVERIFY(m_dialog->holderWarning().contains(QStringLiteral("cnf.jwk")));
    const auto report = verify(presentation, true);
    QVERIFY(report && !report->valid());
    QVERIFY(verify(presentation, false)->valid());
}

void TestSdPresentDialog::holderKeyNotCnf()
{
    presentRfc(false);
    m_dialog->holderKeyInput()->setKeyText(rfcFile(QStringLiteral("issuer-private-key.jwk")));
    QVERIFY(!m_dialog->presentation().isEmpty()); // made, as asked
    QVERIFY2(m_dialog->holderWarning().contains(QStringLiteral("not the SD-JWT's cnf.jwk")),
             qPrintable(m_dialog->holderWarning()));
    QVERIFY(!verify(m_dialog->presentation(), true)->valid());
}

void TestSdPresentDialog::childBringsParent()
{
    m_dialog->setSdJwt(recursiveSdJwt());
    QTreeWidgetItem* address = m_dialog->itemForPath(QStringLiteral("address"));
    QTreeWidgetItem* street = m_dialog->itemForPath(QStringLiteral("address/street_address"));
    QTreeWidgetItem* locality = m_dialog->itemForPath(QStringLiteral("address/locality"));
    QVERIFY(address && street && locality);
    QCOMPARE(street->parent(), address);

    tick(QStringLiteral("address/street_address"));
    QCOMPARE(address->checkState(0), Qt::Checked);
    QCOMPARE(locality->checkState(0), Qt::Unchecked);
    auto revealed = sdjwt::parseSdJwt(m_dialog->presentation().toStdString());
    QVERIFY(revealed && revealed->ok());
    QCOMPARE(revealed->disclosures.size(), std::size_t{2});
    QVERIFY(revealed->processed.at("address").at("street_address") == Json("123 Main St"));
    QVERIFY(!revealed->processed.at("address").contains("locality"));

    // Unticking the parent takes its children back; ticking it brings them all.
    tick(QStringLiteral("address"), false);
    QCOMPARE(street->checkState(0), Qt::Unchecked);
    QCOMPARE(disclosureTexts(m_dialog->presentation()).size(), std::size_t{0});
    tick(QStringLiteral("address"));
    QCOMPARE(street->checkState(0), Qt::Checked);
    QCOMPARE(locality->checkState(0), Qt::Checked);
    QVERIFY(!(street->flags() & Qt::ItemIsEnabled)); // comes with its parent
    QCOMPARE(disclosureTexts(m_dialog->presentation()).size(), std::size_t{3});
}

void TestSdPresentDialog::brokenInput_data()
{
    QTest::addColumn<QString>("input");
    const QString issuance = rfcFile(QStringLiteral("issuance.txt"));
    QTest::newRow("no tilde") << issuance.section(u'~', 0, 0);
    QTest::newRow("not a JWS before the tilde") << QStringLiteral("hello~world~");
    QTest::newRow("a disclosure that is not base64url") << issuance + QStringLiteral("!!!~");
    QTest::newRow("a disclosure nowhere in the payload")
        << issuance + QStringLiteral("WyJzYWx0IiwgIm5pY2tuYW1lIiwgIkpvaG5ueSJd~");
}

void TestSdPresentDialog::brokenInput()
{
    QFETCH(QString, input);
    m_dialog->setSdJwt(rfcFile(QStringLiteral("issuance.txt")));
    QVERIFY(!m_dialog->presentation().isEmpty());
    m_dialog->setSdJwt(input);
    QVERIFY(m_dialog->presentation().isEmpty());
    QVERIFY(!m_dialog->errorText().isEmpty());
    QVERIFY(m_dialog->findChild<QLabel*>(QStringLiteral("presentationError"))->isVisible());
    QVERIFY(!m_dialog->findChild<QPushButton*>(QStringLiteral("copyButton"))->isEnabled());
    QVERIFY(!m_dialog->findChild<QLabel*>(QStringLiteral("sdJwtStatus"))->text().isEmpty());
}

void TestSdPresentDialog::openInDecoderSignal()
{
    presentRfc(false);
    QString opened;
    connect(m_dialog, &SdPresentDialog::openInDecoder, this, [&opened](const QString& token) { opened = token; });
    QTest::mouseClick(m_dialog->findChild<QPushButton*>(QStringLiteral("openInDecoderButton")), Qt::LeftButton);
    QCOMPARE(opened, m_dialog->presentation());
}

void TestSdPresentDialog::menuOpensPrefilled()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    const QString issuance = rfcFile(QStringLiteral("issuance.txt"));
    window.decoderPage()->setTokenText(issuance);
    auto* action = window.findChild<QAction*>(QStringLiteral("presentSdJwtAction"));
    QVERIFY(action);
    action->trigger();
    auto* dialog = window.findChild<SdPresentDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->sdJwtText(), issuance);
    QCOMPARE(dialog->disclosureList()->topLevelItemCount(), 10);

    // Open in Decoder: the presentation goes to the decoder page.
    dialog->itemForPath(QStringLiteral("email"))->setCheckState(0, Qt::Checked);
    const QString presentation = dialog->presentation();
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("openInDecoderButton")), Qt::LeftButton);
    QCOMPARE(window.decoderPage()->tokenText(), presentation);
    QCOMPARE(window.findChild<QTabWidget*>(QStringLiteral("pages"))->currentWidget(), window.decoderPage());
    dialog->close();
}

void TestSdPresentDialog::screenshot_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestSdPresentDialog::screenshot()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    delete m_dialog;
    m_dialog = new SdPresentDialog;
    m_dialog->resize(1200, 760);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
    QCOMPARE(m_dialog->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    presentRfc(true);
    QVERIFY(!m_dialog->presentation().isEmpty());
    QVERIFY(m_dialog->findChild<QWidget*>(QStringLiteral("presentationOutput"))->isVisible());
    QCOMPARE(m_dialog->itemForPath(QStringLiteral("given_name"))->checkState(0), Qt::Checked);
    QCOMPARE(m_dialog->itemForPath(QStringLiteral("email"))->checkState(0), Qt::Unchecked);
    const QPalette palette = QApplication::palette();
    QVERIFY(test::contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= 4.5);
    const QString path
        = test::saveShot(*m_dialog, dark ? QStringLiteral("sd-present-dark") : QStringLiteral("sd-present-light"));
    QVERIFY(QFile::exists(path));
}

QTEST_MAIN(TestSdPresentDialog)
#include "TestSdPresentDialog.moc"
