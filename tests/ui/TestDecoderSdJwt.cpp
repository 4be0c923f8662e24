#include "TestData.h"
#include "UiTestSupport.h"
#include "encoding/Text.h"
#include "models/ClaimsModel.h"
#include "pages/DecoderPage.h"
#include "sdjwt/SdJwt.h"
#include "support/Clock.h"
#include "support/Translations.h"
#include "widgets/ClaimsView.h"
#include "widgets/DisclosureSteps.h"
#include "widgets/TokenEdit.h"
#include "widgets/TokenHighlighter.h"
#include "widgets/XRayView.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

#include <map>

using namespace jwtwb;
using namespace jwtwb::ui;
using Role = TokenHighlighter::Role;

namespace {

// RFC 9901 §5: the issued SD-JWT (ten disclosures, no KB-JWT) and a presentation (four, and a KB-JWT).
std::string sdJwtText(const QString& file)
{
    return std::string(encoding::trimAsciiSpace(test::readDataFile("sdjwt/" + file)));
}

sdjwt::SdJwt parsed(const std::string& text)
{
    auto sdJwt = sdjwt::parseSdJwt(text);
    if (!sdJwt) {
        qFatal("cannot parse the SD-JWT: %s", sdJwt.error().message.c_str());
    }
    return std::move(*sdJwt);
}

// disclosures.txt: the digest RFC 9901 §5.1 lists for each disclosure of the issuance.
std::map<std::string, std::string> listedDigests()
{
    std::map<std::string, std::string> digests;
    const QString listed = QString::fromStdString(test::readDataFile(QStringLiteral("sdjwt/disclosures.txt")));
    for (const QString& line : listed.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList fields = line.trimmed().split(QLatin1Char(' '));
        if (fields.size() == 2) {
            digests[fields[1].toStdString()] = fields[0].toStdString();
        }
    }
    return digests;
}

} // namespace

// The decoder with an SD-JWT (RFC 9901): its parts coloured one by one, the claims it discloses
// marked with their salt and digest, its findings, and the X-ray of how a disclosure hashes.
class TestDecoderSdJwt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void partsAreColoured_data();
    void partsAreColoured();
    void wholeSdJwtIsShown();
    void claimsAreMarked_data();
    void claimsAreMarked();
    void plainTokenHasNoSdColumns();
    void findings_data();
    void findings();
    void xrayExplainsDigest_data();
    void xrayExplainsDigest();
    void bigTextKeepsDisclosures();
    void brokenTextsDoNotCrash_data();
    void brokenTextsDoNotCrash();
    void copyForBugReportIsDisabled();
    void screenshots_data();
    void screenshots();

private:
    [[nodiscard]] TokenEdit* editor() const { return m_page->findChild<TokenEdit*>(QStringLiteral("tokenEdit")); }
    [[nodiscard]] const ClaimsModel* claims() const
    {
        return qobject_cast<const ClaimsModel*>(m_page->findChild<ClaimsView*>(QStringLiteral("claimsView"))->model());
    }
    [[nodiscard]] int claimRow(const QString& name) const;
    [[nodiscard]] QString undisclosedText() const
    {
        return m_page->findChild<QLabel*>(QStringLiteral("undisclosedLabel"))->text();
    }

    QTemporaryDir m_config;
    DecoderPage* m_page = nullptr;
};

void TestDecoderSdJwt::initTestCase()
{
    QVERIFY(m_config.isValid());
    QStandardPaths::setTestModeEnabled(true);
    test::isolateSettings(m_config.path());
    Clock::setFixed(test::at(1718298766)); // the KB-JWT's iat
    QVERIFY(Translations::install(QStringLiteral("en"))); // "4 disclosures", as the program says it
}

void TestDecoderSdJwt::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    m_page = new DecoderPage;
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
}

void TestDecoderSdJwt::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

int TestDecoderSdJwt::claimRow(const QString& name) const
{
    for (int row = 0; row < claims()->rowCount(); ++row) {
        if (claims()->index(row, ClaimsModel::Name).data().toString() == name) {
            return row;
        }
    }
    return -1;
}

void TestDecoderSdJwt::partsAreColoured_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("prefix"); // before the SD-JWT in the pasted text
    QTest::addColumn<int>("disclosures");
    QTest::addColumn<bool>("keyBinding");
    QTest::newRow("issuance") << "issuance.txt" << QString() << 10 << false;
    QTest::newRow("presentation") << "presentation.txt" << QString() << 4 << true;
    QTest::newRow("presentation after Bearer") << "presentation.txt"
                                               << "Authorization: Bearer " << 4 << true;
}

// Each disclosure where core finds it, in its own colour; the KB-JWT in its colour; '~' uncoloured.
void TestDecoderSdJwt::partsAreColoured()
{
    QFETCH(QString, file);
    QFETCH(QString, prefix);
    QFETCH(int, disclosures);
    QFETCH(bool, keyBinding);
    const std::string text = sdJwtText(file);
    const sdjwt::SdJwt core = parsed(text);
    QCOMPARE(core.disclosures.size(), std::size_t(disclosures));
    m_page->setTokenText(prefix + QString::fromStdString(text));
    const auto shift = static_cast<int>(prefix.size());

    const QList<TokenHighlighter::Part> parts = editor()->highlighter()->parts();
    QList<TokenHighlighter::Part> ofDisclosures;
    QList<TokenHighlighter::Part> ofJws;
    QList<TokenHighlighter::Part> ofKeyBinding;
    for (const auto& part : parts) {
        (part.role == Role::Disclosure ? ofDisclosures : part.role == Role::Token ? ofJws : ofKeyBinding) << part;
    }
    QCOMPARE(ofJws.size(), 3);
    QCOMPARE(ofJws.front().start, shift);
    QCOMPARE(ofJws.back().start + ofJws.back().length, shift + static_cast<int>(core.issuerJwt.size()));
    QCOMPARE(ofDisclosures.size(), disclosures);
    for (int i = 0; i < disclosures; ++i) {
        const sdjwt::Disclosure& disclosure = core.disclosures[static_cast<std::size_t>(i)];
        QCOMPARE(ofDisclosures[i].index, i);
        QCOMPARE(ofDisclosures[i].start, shift + static_cast<int>(disclosure.offset));
        QCOMPARE(ofDisclosures[i].length, static_cast<int>(disclosure.text.size()));
        QCOMPARE(test::colorAt(*editor(), ofDisclosures[i].start), disclosureColor(QApplication::palette(), i));
        // The '~' before it keeps the normal text colour.
        QVERIFY(!test::colorAt(*editor(), ofDisclosures[i].start - 1).isValid());
    }
    QCOMPARE(ofKeyBinding.size(), keyBinding ? 3 : 0);
    if (keyBinding) {
        QCOMPARE(ofKeyBinding.front().start, shift + static_cast<int>(core.keyBindingOffset));
        QCOMPARE(test::colorAt(*editor(), ofKeyBinding.front().start), keyBindingColor(QApplication::palette()));
    }
    // Neighbours differ, and none is the colour of a JWS part.
    const TokenColors colors = tokenColors(QApplication::palette());
    for (int i = 0; i < kDisclosureColorCount; ++i) {
        const QColor color = disclosureColor(QApplication::palette(), i);
        QVERIFY(color != disclosureColor(QApplication::palette(), i + 1));
        QVERIFY(color != colors.header && color != colors.payload && color != colors.signature);
    }
    const QString source = m_page->findChild<QLabel*>(QStringLiteral("sourceLabel"))->text();
    QVERIFY2(source.contains(QStringLiteral("SD-JWT"))
                 && source.contains(QStringLiteral("%1 disclosures").arg(disclosures))
                 && source.contains(keyBinding ? QStringLiteral("with a key binding JWT")
                                               : QStringLiteral("no key binding JWT")),
             qPrintable(source));
}

// The panes show the issuer-signed JWT as signed; verification gets the whole SD-JWT.
void TestDecoderSdJwt::wholeSdJwtIsShown()
{
    const std::string text = sdJwtText(QStringLiteral("presentation.txt"));
    m_page->setTokenText(QString::fromStdString(text));
    QCOMPARE(m_page->shownToken(), QString::fromStdString(text));
    QVERIFY(m_page->sdJwt().has_value());
    QCOMPARE(m_page->sdJwt()->disclosures.size(), std::size_t(4));
    const QString shown = m_page->findChild<QPlainTextEdit*>(QStringLiteral("payloadView"))->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("\"_sd\"")) && shown.contains(QStringLiteral("user_42")), qPrintable(shown));
    QVERIFY(!shown.contains(QStringLiteral("family_name"))); // disclosed, so not in the signed payload
}

void TestDecoderSdJwt::claimsAreMarked_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("disclosed"); // row names
    QTest::addColumn<QStringList>("alwaysVisible");
    QTest::newRow("issuance")
        << "issuance.txt"
        << QStringList{"given_name", "family_name", "email",      "phone_number",    "phone_number_verified",
                       "address",    "birthdate",   "updated_at", "nationalities/0", "nationalities/1"}
        << QStringList{"iss", "iat", "exp", "sub", "nationalities", "cnf"};
    QTest::newRow("presentation") << "presentation.txt"
                                  << QStringList{"family_name", "address", "given_name", "nationalities/0"}
                                  << QStringList{"iss", "iat", "exp", "sub", "nationalities", "cnf"};
}

// Disclosed claims with the salt and the digest RFC 9901 lists; the others always visible; the
// count of digests no disclosure matched, as core counts them.
void TestDecoderSdJwt::claimsAreMarked()
{
    QFETCH(QString, file);
    QFETCH(QStringList, disclosed);
    QFETCH(QStringList, alwaysVisible);
    const std::string text = sdJwtText(file);
    const sdjwt::SdJwt core = parsed(text);
    m_page->setTokenText(QString::fromStdString(text));
    QVERIFY(claims()->isSdJwt());
    QCOMPARE(claims()->rowCount(), static_cast<int>(disclosed.size() + alwaysVisible.size()));
    const auto digests = listedDigests();
    QCOMPARE(digests.size(), std::size_t(10));
    for (const auto& disclosure : core.disclosures) {
        const QString name = QString::fromStdString(disclosure.path.substr(1));
        QVERIFY2(disclosed.contains(name), qPrintable(name));
        const int row = claimRow(name);
        QVERIFY2(row >= 0, qPrintable(name));
        QCOMPARE(claims()->index(row, ClaimsModel::Disclosure).data().toString(),
                 QStringLiteral("selectively disclosed"));
        QVERIFY(claims()->index(row, 0).data(ClaimsModel::DisclosedRole).toBool());
        QCOMPARE(claims()->index(row, ClaimsModel::Salt).data().toString(), QString::fromStdString(disclosure.salt));
        QVERIFY(digests.contains(disclosure.text));
        QCOMPARE(claims()->index(row, ClaimsModel::Digest).data().toString(),
                 QString::fromStdString(digests.at(disclosure.text)));
    }
    for (const QString& name : alwaysVisible) {
        const int row = claimRow(name);
        QVERIFY2(row >= 0, qPrintable(name));
        QCOMPARE(claims()->index(row, ClaimsModel::Disclosure).data().toString(), QStringLiteral("always visible"));
        QVERIFY(claims()->index(row, ClaimsModel::Salt).data().toString().isEmpty());
        QVERIFY(claims()->index(row, ClaimsModel::Digest).data().toString().isEmpty());
    }
    // Time claims keep their meaning.
    QCOMPARE(claims()->index(claimRow("exp"), ClaimsModel::Utc).data().toString(),
             QStringLiteral("2029-09-01T23:33:20Z"));
    // Issuance: every digest disclosed; presentation: five properties and one element withheld.
    QCOMPARE(claims()->undisclosed(), core.undisclosed);
    QCOMPARE(core.undisclosed, std::size_t(file == QLatin1String("issuance.txt") ? 0 : 6));
    QVERIFY(!m_page->findChild<QLabel*>(QStringLiteral("undisclosedLabel"))->isHidden());
    if (core.undisclosed == 0) {
        QCOMPARE(undisclosedText(), QStringLiteral("Every digest in the payload is disclosed: no claim is hidden."));
    } else {
        QVERIFY2(undisclosedText().startsWith(
                     QStringLiteral("%1 digests are not disclosed (decoys included)").arg(core.undisclosed)),
                 qPrintable(undisclosedText()));
        QVERIFY(undisclosedText().contains(QStringLiteral("cannot be recovered")));
    }
    auto* view = m_page->findChild<ClaimsView*>(QStringLiteral("claimsView"));
    for (const int column : {ClaimsModel::Disclosure, ClaimsModel::Salt, ClaimsModel::Digest}) {
        QVERIFY(!view->isColumnHidden(column));
    }
}

// A plain JWT: no SD-JWT columns, no count.
void TestDecoderSdJwt::plainTokenHasNoSdColumns()
{
    m_page->setTokenText(QString::fromStdString(sdJwtText(QStringLiteral("issuance.txt"))));
    m_page->setTokenText(test::kSampleToken);
    QVERIFY(!m_page->sdJwt());
    QVERIFY(!claims()->isSdJwt());
    QCOMPARE(claimRow("name") >= 0, true);
    QVERIFY(claims()->index(claimRow("name"), ClaimsModel::Disclosure).data().toString().isEmpty());
    auto* view = m_page->findChild<ClaimsView*>(QStringLiteral("claimsView"));
    QVERIFY(view->isColumnHidden(ClaimsModel::Disclosure));
    QVERIFY(view->isColumnHidden(ClaimsModel::Digest));
    QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("undisclosedLabel"))->isHidden());
    QCOMPARE(m_page->shownToken(), test::kSampleToken);
    QVERIFY(m_page->xray()->disclosureSteps()->isHidden());
}

void TestDecoderSdJwt::findings_data()
{
    QTest::addColumn<QString>("appended"); // after the issuance's last '~'
    QTest::addColumn<int>("disclosure"); // the one the finding is about, from 0
    QTest::addColumn<QString>("code");
    const std::string issuance = sdJwtText(QStringLiteral("issuance.txt"));
    const auto first = issuance.find('~') + 1;
    const QString given = QString::fromStdString(issuance.substr(first, issuance.find('~', first) - first));
    QTest::newRow("a disclosure twice") << given + "~" << 10 << "ERR_SDJWT_DIGEST_DUPLICATE";
    QTest::newRow("not base64url") << "WyJzYWx0IiwgIm5hbWUiLCAi+/8=~" << 10 << "ERR_SDJWT_DISCLOSURE_BASE64URL";
}

// Each SD-JWT finding on the Findings tab with its code, and its disclosure marked in the editor.
void TestDecoderSdJwt::findings()
{
    QFETCH(QString, appended);
    QFETCH(int, disclosure);
    QFETCH(QString, code);
    const QString text = QString::fromStdString(sdJwtText(QStringLiteral("issuance.txt"))) + appended;
    m_page->setTokenText(text);
    QVERIFY(m_page->sdJwt().has_value());
    QCOMPARE(m_page->sdJwt()->disclosures.size(), std::size_t(11));
    QVERIFY2(m_page->findingCodes().contains(code), qPrintable(m_page->findingCodes().join(", ")));
    QCOMPARE(m_page->findingCodes().front(), code); // before lint's
    QVERIFY(m_page->openFinding(code));
    const auto at = static_cast<int>(m_page->sdJwt()->disclosures[static_cast<std::size_t>(disclosure)].offset);
    bool underlined = false;
    for (const auto& range : test::formatsOf(*editor())) {
        underlined = underlined
            || (range.start <= at && at < range.start + range.length
                && range.format.underlineStyle() == QTextCharFormat::WaveUnderline);
    }
    QVERIFY(underlined);
    auto* tabs = m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    QVERIFY2(tabs->tabText(tabs->indexOf(m_page->findChild<QWidget*>(QStringLiteral("findingsView"))))
                 .contains(QStringLiteral("error")),
             "the Findings tab counts the error");
}

void TestDecoderSdJwt::xrayExplainsDigest_data()
{
    QTest::addColumn<int>("disclosure");
    QTest::addColumn<QString>("place");
    QTest::newRow("given_name, in _sd of /") << 0 << "\"_sd\" array of the payload's top level";
    QTest::newRow("address, in _sd of /") << 5 << "\"_sd\" array of the payload's top level";
    QTest::newRow("US, an element of /nationalities") << 8 << "element of the array /nationalities";
}

// The X-ray: the disclosure's text, its JSON, SHA-256 over the text as it is, the digest and where it is.
void TestDecoderSdJwt::xrayExplainsDigest()
{
    QFETCH(int, disclosure);
    QFETCH(QString, place);
    const std::string text = sdJwtText(QStringLiteral("issuance.txt"));
    const sdjwt::SdJwt core = parsed(text);
    m_page->setTokenText(QString::fromStdString(text));
    m_page->showTab(QStringLiteral("x-ray"));
    DisclosureSteps* steps = m_page->xray()->disclosureSteps();
    QVERIFY(steps->isVisible());
    steps->setCurrentDisclosure(disclosure);
    const sdjwt::Disclosure& shown = core.disclosures[static_cast<std::size_t>(disclosure)];
    const QString explained = steps->stepsText();
    const auto digests = listedDigests();
    QVERIFY2(explained.contains(QString::fromStdString(digests.at(shown.text))), qPrintable(explained));
    QVERIFY(explained.contains(QString::fromStdString(shown.text)));
    QVERIFY(explained.contains(QString::fromStdString(shown.salt)));
    QVERIFY(explained.contains(QStringLiteral("SHA-256 runs over the %1 ASCII bytes").arg(shown.text.size())));
    QVERIFY2(explained.contains(place), qPrintable(explained));
    if (disclosure == 8) {
        test::saveShot(*m_page, QStringLiteral("decoder-sdjwt-xray-light"));
    }
}

// A text of 64 KiB or more is prepared off the GUI thread: the SD-JWT in it is shown whole all the same.
void TestDecoderSdJwt::bigTextKeepsDisclosures()
{
    const std::string text = sdJwtText(QStringLiteral("presentation.txt"));
    const QString filler = QString(DecoderPage::kSyncDecodeLimit, QLatin1Char('x')) + QStringLiteral("\nvp_token=");
    m_page->setTokenText(filler + QString::fromStdString(text) + QStringLiteral("\n"));
    QVERIFY(m_page->isDecodePending());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isDecodePending(), 10000);
    QVERIFY(m_page->sdJwt().has_value());
    QCOMPARE(m_page->sdJwt()->disclosures.size(), std::size_t(4));
    QCOMPARE(m_page->shownToken(), QString::fromStdString(text));
    const auto parts = editor()->highlighter()->parts();
    QCOMPARE(std::ranges::count(parts, Role::Disclosure, &TokenHighlighter::Part::role), 4);
}

void TestDecoderSdJwt::brokenTextsDoNotCrash_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("disclosures"); // -1: not read as an SD-JWT
    const QString issuance = QString::fromStdString(sdJwtText(QStringLiteral("issuance.txt")));
    const auto firstTilde = issuance.indexOf(QLatin1Char('~'));
    QTest::newRow("~~~") << "~~~" << -1;
    QTest::newRow("~") << "~" << -1;
    QTest::newRow("eyJ~") << "eyJ~" << -1;
    QTest::newRow("cut in the payload") << issuance.left(firstTilde / 2) + "~" << -1;
    QTest::newRow("cut in the signature") << issuance.left(firstTilde - 5) + "~WyJ" << -1;
    QTest::newRow("cut after the first ~") << issuance.left(firstTilde + 1) << 0;
    QTest::newRow("cut in the first disclosure") << issuance.left(firstTilde + 20) << 0; // a KB-JWT, as core reads it
    qsizetype fourth = firstTilde; // the '~' before the fourth disclosure
    for (int i = 0; i < 3; ++i) {
        fourth = issuance.indexOf(QLatin1Char('~'), fourth + 1);
    }
    QTest::newRow("cut in the fourth disclosure") << issuance.left(fourth + 10) << 3;
    QTest::newRow("~~ in the middle") << issuance.left(firstTilde + 1) + "~~" << 2;
}

void TestDecoderSdJwt::brokenTextsDoNotCrash()
{
    QFETCH(QString, text);
    QFETCH(int, disclosures);
    m_page->setTokenText(text);
    for (const char* tab : {"decoded", "claims", "findings", "x-ray"}) {
        m_page->showTab(QString::fromLatin1(tab));
        QCoreApplication::processEvents();
    }
    if (disclosures < 0) {
        QVERIFY(!m_page->sdJwt());
    } else {
        QVERIFY(m_page->sdJwt().has_value());
        QCOMPARE(m_page->sdJwt()->disclosures.size(), std::size_t(disclosures));
    }
}

void TestDecoderSdJwt::copyForBugReportIsDisabled()
{
    m_page->setTokenText(QString::fromStdString(sdJwtText(QStringLiteral("presentation.txt"))));
    QVERIFY(!m_page->copyForBugReportAction()->isEnabled());
    QVERIFY2(m_page->copyForBugReportAction()->statusTip().startsWith(QStringLiteral("Not for an SD-JWT")),
             qPrintable(m_page->copyForBugReportAction()->statusTip()));
    m_page->setTokenText(test::kSampleToken);
    QVERIFY(m_page->copyForBugReportAction()->isEnabled());
}

void TestDecoderSdJwt::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// The Claims tab of the presentation, in light and dark: the disclosure columns and the count of
// what is withheld are on screen, and every disclosure colour is readable on the editor.
void TestDecoderSdJwt::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    cleanup(); // a page made in the scheme, as the application starts in it
    m_page = new DecoderPage;
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_page->setTokenText(QString::fromStdString(sdJwtText(QStringLiteral("presentation.txt"))));
    m_page->showTab(QStringLiteral("claims"));
    auto* view = m_page->findChild<ClaimsView*>(QStringLiteral("claimsView"));
    const QString path
        = test::saveShot(*m_page, dark ? QStringLiteral("decoder-sdjwt-dark") : QStringLiteral("decoder-sdjwt-light"));
    QVERIFY(QFileInfo::exists(path));
    auto* label = m_page->findChild<QLabel*>(QStringLiteral("undisclosedLabel"));
    QVERIFY(label->isVisible());
    QVERIFY(label->text().startsWith(QStringLiteral("6 digests are not disclosed")));
    QVERIFY(view->isVisible());
    // The disclosed rows' salt and digest columns are within the view, not scrolled off.
    const int row = claimRow("family_name");
    QVERIFY(row >= 0);
    const QRect digest = view->visualRect(claims()->index(row, ClaimsModel::Digest));
    QVERIFY2(view->viewport()->rect().intersects(digest), "the digest column is on screen");
    const QColor base = QApplication::palette().color(QPalette::Base);
    for (int i = 0; i < kDisclosureColorCount; ++i) {
        QVERIFY2(test::contrast(disclosureColor(QApplication::palette(), i), base) >= 4.5,
                 qPrintable(QString::number(i)));
    }
    QVERIFY(test::contrast(keyBindingColor(QApplication::palette()), base) >= 4.5);
    QCOMPARE(test::colorAt(*editor(), static_cast<int>(m_page->sdJwt()->disclosures[1].offset)),
             disclosureColor(QApplication::palette(), 1));
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestDecoderSdJwt)
#include "TestDecoderSdJwt.moc"
