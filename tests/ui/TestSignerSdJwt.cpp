#include "TestData.h"
#include "UiTestSupport.h"
#include "dpop/DpopProof.h"
#include "jose/CompactToken.h"
#include "keys/KeyImport.h"
#include "pages/SignerPage.h"
#include "sdjwt/SdJwt.h"
#include "sdjwt/SdJwtVerifier.h"
#include "support/Clock.h"
#include "support/Translations.h"
#include "widgets/EncryptionStep.h"
#include "widgets/KeyInput.h"
#include "widgets/SdDisclosureTree.h"
#include "widgets/SdHolderKeyEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <map>
#include <set>

using namespace jwtwb;
using namespace jwtwb::ui;
using encoding::Json;

namespace {

constexpr qint64 kNow = 1718298766; // between the RFC example's iat and exp
const QString kHeader
    = QStringLiteral("{\n  \"alg\": \"ES256\",\n  \"typ\": \"example+sd-jwt\",\n  \"kid\": \"issuer-2025\"\n}");
const QStringList kRfcPaths{QStringLiteral("given_name"), QStringLiteral("family_name"),
                            QStringLiteral("address/street_address"), QStringLiteral("nationalities/0")};

QString rfcFile(const QString& name)
{
    return QString::fromStdString(test::readDataFile(QStringLiteral("sdjwt/") + name)).trimmed();
}

keys::Key issuerKey()
{
    auto key = keys::importJwk(rfcFile(QStringLiteral("issuer-key.jwk")).toStdString());
    if (!key) {
        qFatal("cannot read the issuer key");
    }
    return std::move(*key);
}

nlohmann::json plain(const Json& json)
{
    return nlohmann::json::parse(json.dump()); // same members, any order
}

bool sameClaims(const Json& actual, const Json& expected)
{
    const bool same = nlohmann::json::parse(actual.dump()) == nlohmann::json::parse(expected.dump());
    if (!same) {
        qWarning("claims %s\nexpected %s", actual.dump().c_str(), expected.dump().c_str());
    }
    return same;
}

std::set<std::string> saltsOf(const sdjwt::SdJwt& sdJwt)
{
    std::set<std::string> salts;
    for (const auto& disclosure : sdJwt.disclosures) {
        salts.insert(disclosure.salt);
    }
    return salts;
}

} // namespace

// The signer's "Selective disclosure (SD-JWT)" option on RFC 9901 §5's claims and keys: what it
// issues parses, processes back to the payload and verifies; decoys, _sd_alg and the holder key end
// up where they belong; it is fresh at each signing but not at each repaint; off, the signer signs a
// plain JWS as before.
class TestSignerSdJwt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void issuesRfcSelection_data();
    void issuesRfcSelection();
    void holderKeyPublicHalf();
    void refusesSecretHolderKey();
    void freshSaltsOnlyWhenInputsChange();
    void offSignsPlainJws();
    void registeredClaimsStayVisible_data();
    void registeredClaimsStayVisible();
    void notOfferedWithEncryptionOrDpop();
    void treeFollowsPayload();
    void screenshot_data();
    void screenshot();

private:
    void setUpRfc();
    void tick(const QStringList& paths);
    [[nodiscard]] sdjwt::SdJwt parsedToken() const;

    QTemporaryDir m_config;
    SignerPage* m_page = nullptr;
};

void TestSignerSdJwt::initTestCase()
{
    QVERIFY(m_config.isValid());
    QStandardPaths::setTestModeEnabled(true);
    test::isolateSettings(m_config.path());
    QVERIFY(Translations::install(QStringLiteral("en"))); // "10 disclosures", as the program says it
}

void TestSignerSdJwt::cleanupTestCase()
{
    Clock::useSystemTime();
}

void TestSignerSdJwt::init()
{
    QSettings().clear();
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::setFixed(test::at(kNow));
    m_page = new SignerPage;
    m_page->resize(1280, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void TestSignerSdJwt::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestSignerSdJwt::setUpRfc()
{
    m_page->keyInput()->setKeyText(rfcFile(QStringLiteral("issuer-private-key.jwk")));
    m_page->setHeaderText(kHeader);
    m_page->setPayloadText(rfcFile(QStringLiteral("claims-issuance.json")));
    QCOMPARE(m_page->algorithm(), QStringLiteral("ES256"));
    QVERIFY(!m_page->sdJwtCheck()->isChecked()); // off by default
    m_page->sdJwtCheck()->setChecked(true);
    QVERIFY(m_page->issuesSdJwt());
    QVERIFY(m_page->findChild<QWidget*>(QStringLiteral("sdJwtSection"))->isVisible());
}

void TestSignerSdJwt::tick(const QStringList& paths)
{
    for (const QString& path : paths) {
        QTreeWidgetItem* item = m_page->sdDisclosureTree()->itemForPath(path);
        QVERIFY2(item, qPrintable(path));
        item->setCheckState(0, Qt::Checked);
    }
}

sdjwt::SdJwt TestSignerSdJwt::parsedToken() const
{
    auto parsed = sdjwt::parseSdJwt(m_page->token().toStdString());
    if (!parsed) {
        qFatal("not an SD-JWT: %s (%s)", parsed.error().message.c_str(), qPrintable(m_page->blockedReason()));
    }
    return std::move(*parsed);
}

void TestSignerSdJwt::issuesRfcSelection_data()
{
    QTest::addColumn<int>("decoys");
    QTest::addColumn<QString>("hash");

    QTest::newRow("sha-256, no decoys") << 0 << "sha-256";
    QTest::newRow("sha-256, 3 decoys") << 3 << "sha-256";
    QTest::newRow("sha-384, 1 decoy") << 1 << "sha-384";
    QTest::newRow("sha-512, 7 decoys") << 7 << "sha-512";
}

void TestSignerSdJwt::issuesRfcSelection()
{
    QFETCH(int, decoys);
    QFETCH(QString, hash);
    setUpRfc();
    tick(kRfcPaths);
    m_page->sdDecoys()->setValue(decoys);
    m_page->sdHashChoice()->setCurrentIndex(m_page->sdHashChoice()->findText(hash));
    QCOMPARE(m_page->sdDisclosureTree()->checkedPaths(),
             QStringList({QStringLiteral("nationalities/0"), QStringLiteral("given_name"),
                          QStringLiteral("family_name"), QStringLiteral("address/street_address")}));

    const QString token = m_page->token();
    QVERIFY2(token.endsWith(u'~'), qPrintable(m_page->blockedReason()));
    const auto sdJwt = parsedToken();
    QVERIFY(sdJwt.ok());
    QCOMPARE(QString::fromStdString(sdJwt.hashName), hash);
    QCOMPARE(sdJwt.header.value("typ", std::string()), std::string("example+sd-jwt"));
    QCOMPARE(sdJwt.header.value("alg", std::string()), std::string("ES256"));
    QCOMPARE(sdJwt.header.value("kid", std::string()), std::string("issuer-2025")); // the header as typed

    // Exactly the ticked ones, with their names and values.
    const std::map<std::string, std::pair<std::optional<std::string>, Json>> expected{
        {"/given_name", {"given_name", "John"}},
        {"/family_name", {"family_name", "Doe"}},
        {"/address/street_address", {"street_address", "123 Main St"}},
        {"/nationalities/0", {std::nullopt, "US"}},
    };
    QCOMPARE(sdJwt.disclosures.size(), expected.size());
    for (const auto& disclosure : sdJwt.disclosures) {
        const auto it = expected.find(disclosure.path);
        QVERIFY2(it != expected.end(), disclosure.path.c_str());
        QCOMPARE(disclosure.name, it->second.first);
        QVERIFY(disclosure.value == it->second.second);
        QCOMPARE(disclosure.salt.size(), std::size_t{22}); // 128 bits, base64url
    }
    QCOMPARE(sdJwt.undisclosed, static_cast<std::size_t>(decoys));
    QVERIFY(sameClaims(sdJwt.processed, test::parseJsonOrDie(rfcFile(QStringLiteral("claims-issuance.json")))));
    // What stays in the clear, stays: registered claims and the untouched ones.
    QVERIFY(sdJwt.payload.at("iss") == Json("https://issuer.example.com"));
    QVERIFY(sdJwt.payload.at("email") == Json("johndoe@example.com"));
    QVERIFY(!sdJwt.payload.contains("given_name"));
    QCOMPARE(sdJwt.payload.at("_sd").size(), static_cast<std::size_t>(2 + decoys));

    jose::JwtVerifyOptions options;
    options.jws.algorithms.push_back(jose::JwsAlgorithm::ES256);
    options.claims.now = test::at(kNow);
    const keys::Key key = issuerKey();
    const auto report = sdjwt::verifySdJwt(token.toStdString(), jose::KeySource::single(key), options, {});
    QVERIFY(report);
    QVERIFY(report->valid());
}

void TestSignerSdJwt::holderKeyPublicHalf()
{
    setUpRfc();
    tick({QStringLiteral("given_name")});
    m_page->setPayloadText(
        QString::fromStdString(test::parseJsonOrDie(rfcFile(QStringLiteral("claims-issuance.json"))).dump(2))
            .replace(QStringLiteral("\"cnf\""), QStringLiteral("\"cnf_before\"")));
    QVERIFY(!parsedToken().payload.contains("cnf"));
    m_page->sdHolderKey()->setKeyText(rfcFile(QStringLiteral("holder-private-key.jwk")));
    QVERIFY(m_page->sdHolderKey()->key());
    QVERIFY(!m_page->sdHolderKey()->key()->hasPrivate());
    QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("sdHolderKeyStatus"))->text().contains(u"public half"));

    const auto sdJwt = parsedToken();
    const Json holder = test::parseJsonOrDie(rfcFile(QStringLiteral("holder-private-key.jwk")));
    const Json expected{{"kty", "EC"}, {"crv", "P-256"}, {"x", holder.at("x")}, {"y", holder.at("y")}};
    QVERIFY(plain(sdJwt.payload.at("cnf").at("jwk")) == plain(expected));
    QVERIFY(!m_page->token().contains(QString::fromStdString(holder.at("d").get<std::string>())));
}

void TestSignerSdJwt::refusesSecretHolderKey()
{
    setUpRfc();
    m_page->sdHolderKey()->setKeyText(QStringLiteral(
        R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"})"));
    QVERIFY(!m_page->sdHolderKey()->key());
    QVERIFY(m_page->token().isEmpty());
    QVERIFY2(m_page->blockedReason().contains(QStringLiteral("holder key")), qPrintable(m_page->blockedReason()));
    m_page->sdHolderKey()->setKeyText(QString());
    QVERIFY(!m_page->token().isEmpty());
}

void TestSignerSdJwt::freshSaltsOnlyWhenInputsChange()
{
    setUpRfc();
    tick(kRfcPaths);
    const QString first = m_page->token();
    QVERIFY(first.contains(u'~'));

    // A repaint, a theme change or the same input again: the same SD-JWT.
    m_page->repaint();
    applyColorScheme(*qApp, ColorScheme::Dark);
    QCoreApplication::processEvents();
    QCOMPARE(m_page->token(), first);
    m_page->setPayloadText(m_page->payloadText());
    QCOMPARE(m_page->token(), first);

    // Any input that changes: new salts for every disclosure.
    m_page->sdDecoys()->setValue(1);
    m_page->sdDecoys()->setValue(0);
    const QString second = m_page->token();
    QVERIFY(second.contains(u'~'));
    QVERIFY(second != first);
    auto firstParsed = sdjwt::parseSdJwt(first.toStdString());
    auto secondParsed = sdjwt::parseSdJwt(second.toStdString());
    QVERIFY(firstParsed && secondParsed);
    QCOMPARE(secondParsed->disclosures.size(), firstParsed->disclosures.size());
    std::set<std::string> both = saltsOf(*firstParsed);
    both.merge(saltsOf(*secondParsed));
    QCOMPARE(both.size(), static_cast<std::size_t>(2 * kRfcPaths.size()));
    QVERIFY(sameClaims(secondParsed->processed, firstParsed->processed));
}

void TestSignerSdJwt::offSignsPlainJws()
{
    m_page->keyInput()->setKeyText(rfcFile(QStringLiteral("issuer-private-key.jwk")));
    m_page->setHeaderText(kHeader);
    m_page->setPayloadText(rfcFile(QStringLiteral("claims-issuance.json")));
    const auto check = [this] {
        const QString token = m_page->token();
        QVERIFY(!token.contains(u'~'));
        QCOMPARE(token.count(u'.'), 2);
        const auto decoded = jose::decodeCompact(token.toStdString());
        QVERIFY(decoded && decoded->payloadJson);
        QVERIFY(sameClaims(decoded->payloadJson->value,
                           test::parseJsonOrDie(rfcFile(QStringLiteral("claims-issuance.json")))));
        QVERIFY(!decoded->payloadJson->value.contains("_sd_alg"));
    };
    check();
    QVERIFY(!m_page->findChild<QWidget*>(QStringLiteral("sdJwtSection"))->isVisible());
    m_page->sdJwtCheck()->setChecked(true);
    tick({QStringLiteral("email")});
    QVERIFY(m_page->token().contains(u'~'));
    m_page->sdJwtCheck()->setChecked(false);
    check();
}

void TestSignerSdJwt::registeredClaimsStayVisible_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("disclosable");

    QTest::newRow("iss") << "iss" << false;
    QTest::newRow("exp") << "exp" << false;
    QTest::newRow("cnf") << "cnf" << false;
    QTest::newRow("cnf's members are not listed") << "cnf/jwk" << false;
    QTest::newRow("iat") << "iat" << true;
    QTest::newRow("sub") << "sub" << true;
    QTest::newRow("a nested member") << "address/region" << true;
    QTest::newRow("an array element") << "nationalities/1" << true;
}

void TestSignerSdJwt::registeredClaimsStayVisible()
{
    QFETCH(QString, path);
    QFETCH(bool, disclosable);
    setUpRfc();
    const QTreeWidgetItem* item = m_page->sdDisclosureTree()->itemForPath(path);
    if (path.contains(u'/') && !disclosable) {
        QVERIFY(!item);
        return;
    }
    QVERIFY(item);
    QCOMPARE(bool(item->flags() & Qt::ItemIsUserCheckable), disclosable);
    QCOMPARE(item->data(0, Qt::CheckStateRole).isValid(), disclosable); // no checkbox at all
    QCOMPARE(item->toolTip(0).contains(QStringLiteral("clear")), !disclosable);
}

void TestSignerSdJwt::notOfferedWithEncryptionOrDpop()
{
    setUpRfc();
    tick({QStringLiteral("email")});
    QVERIFY(m_page->token().contains(u'~'));

    m_page->encryptionStep()->setMode(EncryptionStep::Mode::AfterSigning);
    QVERIFY(!m_page->sdJwtCheck()->isEnabled());
    QVERIFY(m_page->sdJwtUnavailableReason().contains(QStringLiteral("encryption")));
    QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("sdJwtUnavailable"))->isVisible());
    QVERIFY(!m_page->findChild<QWidget*>(QStringLiteral("sdJwtSection"))->isVisible());
    QVERIFY(!m_page->token().contains(u'~'));
    m_page->encryptionStep()->setMode(EncryptionStep::Mode::Off);
    QVERIFY(m_page->sdJwtCheck()->isEnabled());
    QVERIFY(m_page->token().contains(u'~'));

    const auto jwk = dpop::proofJwk(*m_page->keyInput()->key());
    QVERIFY(jwk);
    m_page->setHeaderText(QString::fromStdString(Json{{"alg", "ES256"}, {"typ", "dpop+jwt"}, {"jwk", *jwk}}.dump()));
    QVERIFY(m_page->sdJwtUnavailableReason().contains(QStringLiteral("DPoP")));
    QVERIFY(!m_page->sdJwtCheck()->isEnabled());
    QCOMPARE(m_page->token().count(u'.'), 2);
    QVERIFY(!m_page->token().contains(u'~'));
}

void TestSignerSdJwt::treeFollowsPayload()
{
    setUpRfc();
    tick({QStringLiteral("email")});
    SdDisclosureTree* tree = m_page->sdDisclosureTree();
    QVERIFY(!tree->itemForPath(QStringLiteral("nickname")));
    m_page->setPayloadText(QStringLiteral(R"({"iss": "https://issuer.example.com", "nickname": "Johnny",
                                           "email": "johndoe@example.com", "langs": ["en", ["de", "fr"]]})"));
    QVERIFY(tree->itemForPath(QStringLiteral("nickname")));
    QVERIFY(tree->itemForPath(QStringLiteral("langs/1/0")));
    QVERIFY(!tree->itemForPath(QStringLiteral("given_name")));
    QCOMPARE(tree->checkedPaths(), QStringList{QStringLiteral("email")}); // the tick survived the edit
    // Invalid JSON while typing: an empty tree, and the ticks come back with the claims.
    m_page->setPayloadText(QStringLiteral(R"({"email": )"));
    QCOMPARE(tree->topLevelItemCount(), 0);
    m_page->setPayloadText(QStringLiteral(R"({"email": "x@example.com", "a/b": 1})"));
    QCOMPARE(tree->checkedPaths(), QStringList{QStringLiteral("email")});
    QVERIFY(tree->itemForPath(QStringLiteral("a~1b"))); // JSON Pointer escaping
    QCOMPARE(parsedToken().disclosures.size(), std::size_t{1});
    // The ticks are drafts; the option itself is not.
    QVERIFY(QSettings().value(QStringLiteral("signer/sdJwtPaths")).toStringList().contains(QStringLiteral("email")));
    SignerPage again;
    QVERIFY(!again.sdJwtCheck()->isChecked());
    QCOMPARE(again.sdDisclosureTree()->rememberedPaths(), tree->rememberedPaths());
}

void TestSignerSdJwt::screenshot_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestSignerSdJwt::screenshot()
{
    QFETCH(bool, dark);
    // A page made after the scheme is applied, as at start-up.
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    delete m_page;
    m_page = new SignerPage;
    m_page->resize(1280, 1000);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    QCOMPARE(m_page->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
    setUpRfc();
    tick(kRfcPaths);
    m_page->sdDecoys()->setValue(2);
    // The holder's public key, as a holder would hand it over.
    Json holder = test::parseJsonOrDie(rfcFile(QStringLiteral("holder-private-key.jwk")));
    holder.erase("d");
    m_page->sdHolderKey()->setKeyText(QString::fromStdString(holder.dump()));
    QVERIFY(m_page->token().contains(u'~'));
    QVERIFY(m_page->sdDisclosureTree()->isVisible());
    QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("sdHolderKeyStatus"))->text().contains(u"public key"));
    QVERIFY(m_page->sdDisclosureTree()->itemForPath(QStringLiteral("given_name"))->checkState(0) == Qt::Checked);
    // Room for the output: the key box at three lines.
    m_page->keyInput()->setKeyTextLines(3);
    const QPalette palette = QApplication::palette();
    QVERIFY(test::contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= 4.5);
    const auto* status = m_page->findChild<QLabel*>(QStringLiteral("sdHolderKeyStatus"));
    QVERIFY(status->isVisible());
    const double statusContrast
        = test::contrast(status->palette().color(QPalette::WindowText), palette.color(QPalette::Window));
    QVERIFY2(statusContrast >= 4.5,
             qPrintable(
                 QStringLiteral("%1 on %2: %3")
                     .arg(status->palette().color(QPalette::WindowText).name(), palette.color(QPalette::Window).name())
                     .arg(statusContrast)));
    const QString path
        = test::saveShot(*m_page, dark ? QStringLiteral("signer-sdjwt-dark") : QStringLiteral("signer-sdjwt-light"));
    QVERIFY(QFile::exists(path));
}

QTEST_MAIN(TestSignerSdJwt)
#include "TestSignerSdJwt.moc"
