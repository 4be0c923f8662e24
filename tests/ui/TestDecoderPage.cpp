#include "TestData.h"
#include "UiTestSupport.h"
#include "crypto/SecureBytes.h"
#include "jose/JwsSigner.h"
#include "keys/Key.h"
#include "pages/DecoderPage.h"
#include "support/Clock.h"
#include "support/JsonHighlighting.h"
#include "support/Translations.h"
#include "widgets/JsonView.h"
#include "widgets/KeyInput.h"
#include "widgets/SecretSearchPanel.h"
#include "widgets/TokenEdit.h"
#include "widgets/VerificationPanel.h"
#include "widgets/XRayView.h"

#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeView>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

enum Tab { kDecodedTab, kClaimsTab, kVerificationTab, kFindingsTab, kXRayTab, kWeakSecretTab };

// The sample token, its parts apart: header (characters 0–35), payload (37–110), signature.
const QString kSampleHeader = test::kSampleToken.section(QLatin1Char('.'), 0, 0);
const QString kSamplePayload = test::kSampleToken.section(QLatin1Char('.'), 1, 1);
// One character that is not base64url, pasted into the payload at 57.
const QString kBadPayloadCharacter = QString(test::kSampleToken).insert(57, QLatin1Char('*'));

// {"alg":"HS256"} . {"sub":"123456789\xC3(89"} . "sig": byte 17 is 0xC3 followed by '(', so it leads nothing.
// The payload segment starts at character 21; bytes 15–17 are its 6th group, characters 41–44.
const QString kInvalidPayload = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODnDKDg5In0.c2ln");
// {"name":"José 😀"}: two- and four-byte characters, all well-formed.
const QString kMultiBytePayload = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjoiSm9zw6kg8J-YgCJ9.c2ln");
// RFC 7519 §3.1 (HS256 with the RFC's key): the refresh token of the token response below.
const QString kRfc7519 = QStringLiteral(
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNv"
    "bS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

// Token characters the highlighter underlined.
QList<int> underlined(const QPlainTextEdit& edit)
{
    QList<int> positions;
    for (const auto& range : test::formatsOf(edit)) {
        if (range.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
            for (int i = 0; i < range.length; ++i) {
                positions.append(range.start + i);
            }
        }
    }
    return positions;
}

// An HS256 token whose payload holds thousands of roles ("role-0", …), at least `size` bytes long.
QString bigToken(std::size_t size)
{
    std::string claims = R"({"sub":"big","roles":[)";
    for (int i = 0; claims.size() < size; ++i) {
        claims += (i ? ",\"role-" : "\"role-") + std::to_string(i) + "\"";
    }
    claims += "]}";
    const keys::Key key
        = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("a-big-token-secret-of-32-bytes!!")));
    const auto signed_ = jose::signCompact(R"({"alg":"HS256"})",
                                           {reinterpret_cast<const std::uint8_t*>(claims.data()), claims.size()}, &key);
    return signed_ ? QString::fromStdString(*signed_) : QString();
}

} // namespace

class TestDecoderPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void typingDecodesLive();
    void highlightsJson();
    void coloursTokenParts();
    void choosesAmongSeveralTokens();
    void pasteFromClipboard_data();
    void pasteFromClipboard();
    void rfc7515Examples();
    void malformedInputShowsMessage_data();
    void malformedInputShowsMessage();
    void nonJsonPayloads();
    void jweShowsHeaderOnly();
    void notesForNonCanonicalTokens();
    void loadsFiles();
    void readableInLightAndDark_data();
    void readableInLightAndDark();
    void verificationAndXRayFollowTheToken();
    void claimsAndFindingsFollowTheToken();
    void remembersLayoutNotSecrets();
    void screenshots_data();
    void screenshots();
    void marksInvalidPayloadBytes();
    void validMultiByteIsNotMarked_data();
    void validMultiByteIsNotMarked();
    void invalidUtf8Screenshots_data();
    void invalidUtf8Screenshots();
    void showsWhatDecodes_data();
    void showsWhatDecodes();
    void signatureLineFollowsVerification();
    void foundSecretUsedForVerification_data();
    void foundSecretUsedForVerification();
    void partialTokenScreenshots_data();
    void partialTokenScreenshots();
    void emptyStatePointsAtTheEditor();
    void pasteWithLineBreakKeepsTheStartInView();
    void bigTokenDecodesInTheBackground_data();
    void bigTokenDecodesInTheBackground();
    void longTextIsShownInPart_data();
    void longTextIsShownInPart();

private:
    QTemporaryDir m_config;
    DecoderPage* m_page = nullptr;
    TokenEdit* m_edit = nullptr;
    JsonView* m_header = nullptr;
    JsonView* m_payload = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_notes = nullptr;

    [[nodiscard]] QString titleText(int row) const; // the label above a pane: 0 header, 1 payload, 2 signature
    [[nodiscard]] QStringList findingCodes() const;
};

QString TestDecoderPage::titleText(int row) const
{
    // The titles are the labels that start with the part's name.
    static const QStringList kNames{QStringLiteral("Header"), QStringLiteral("Payload"), QStringLiteral("Signature")};
    for (const QLabel* label : m_page->findChildren<QLabel*>()) {
        if (label->text().startsWith(kNames[row] + QStringLiteral(" · "))) {
            return label->text();
        }
    }
    return {};
}

QStringList TestDecoderPage::findingCodes() const
{
    const auto* findings = m_page->findChild<QAbstractItemView*>(QStringLiteral("findingsView"));
    QStringList out;
    for (int row = 0; row < findings->model()->rowCount(); ++row) {
        out << findings->model()->index(row, 0).data(Qt::UserRole + 1).toString();
    }
    return out;
}

void TestDecoderPage::initTestCase()
{
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path());
    QVERIFY(Translations::install(QStringLiteral("en"))); // "32 bytes", as the program says it
}

void TestDecoderPage::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    m_page = new DecoderPage;
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_edit = m_page->findChild<TokenEdit*>(QStringLiteral("tokenEdit"));
    m_header = m_page->findChild<JsonView*>(QStringLiteral("headerView"));
    m_payload = m_page->findChild<JsonView*>(QStringLiteral("payloadView"));
    m_error = m_page->findChild<QLabel*>(QStringLiteral("errorLabel"));
    m_notes = m_page->findChild<QLabel*>(QStringLiteral("notesLabel"));
    QVERIFY(m_edit && m_header && m_payload && m_error && m_notes);
    // These tests verify jwt.io's sample with its 19-byte secret; TestVerificationPanel covers the
    // refusal of such a key, which this opt-out turns into a warning.
    m_page->verificationPanel()->setAcceptWeakKeys(true);
}

void TestDecoderPage::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestDecoderPage::typingDecodesLive()
{
    m_edit->setFocus();
    QTest::keyClicks(m_edit, test::kSampleToken);
    QCOMPARE(m_edit->toPlainText(), test::kSampleToken);
    QCOMPARE(m_header->toPlainText(), QStringLiteral("{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}"));
    QCOMPARE(m_payload->toPlainText(),
             QStringLiteral("{\n  \"sub\": \"1234567890\",\n  \"name\": \"John Doe\",\n  \"iat\": 1516239022\n}"));
    QVERIFY(m_error->isHidden() || !m_error->isVisibleTo(m_page));

    // A character outside base64url in the header: the header is marked broken, says why, and
    // still shows what its other characters decode to.
    QTest::keyClick(m_edit, Qt::Key_Home, Qt::ControlModifier);
    for (int i = 0; i < 10; ++i) {
        QTest::keyClick(m_edit, Qt::Key_Right);
    }
    QTest::keyClicks(m_edit, QStringLiteral("!"));
    QVERIFY(!m_error->isVisibleTo(m_page));
    QCOMPARE(titleText(0), QStringLiteral("Header · broken"));
    const QString why = m_page->findChild<QLabel*>(QStringLiteral("signatureLabel"))->text() + m_notes->text();
    QVERIFY2(why.contains("header (part 1) is not valid base64url: '!' at position 10"), qPrintable(why));
    QVERIFY(m_header->toPlainText().contains("\"alg\": \"HS256\""));
    QTest::keyClick(m_edit, Qt::Key_Backspace);
    QCOMPARE(titleText(0), QStringLiteral("Header · algorithm and token type"));
    QVERIFY(m_payload->toPlainText().contains("John Doe"));
}

void TestDecoderPage::highlightsJson()
{
    m_page->setTokenText(test::kSampleToken);
    const QString text = m_payload->toPlainText();
    const int key = static_cast<int>(text.indexOf("\"sub\""));
    const int value = static_cast<int>(text.indexOf("\"1234567890\""));
    const int number = static_cast<int>(text.indexOf("1516239022"));
    QVERIFY(key > 0 && value > 0 && number > 0);
    const QColor keyColor = test::colorAt(*m_payload, key + 1);
    const QColor valueColor = test::colorAt(*m_payload, value + 1);
    const QColor numberColor = test::colorAt(*m_payload, number);
    QVERIFY2(keyColor.isValid() && valueColor.isValid() && numberColor.isValid(),
             qPrintable(JsonHighlighting::backendName()));
    QVERIFY(keyColor != valueColor || numberColor != valueColor);
    QVERIFY(!test::formatsOf(*m_header).isEmpty());
    qInfo("JSON highlighting backend: %s", qPrintable(JsonHighlighting::backendName()));
}

void TestDecoderPage::coloursTokenParts()
{
    const QString pasted = "Authorization: Bearer " + test::kSampleToken;
    m_page->setTokenText(pasted);
    const int start = static_cast<int>(pasted.indexOf("eyJ"));
    const int payload = static_cast<int>(pasted.indexOf('.', start)) + 1;
    const int signature = static_cast<int>(pasted.lastIndexOf('.')) + 1;
    const TokenColors colors = tokenColors(QApplication::palette());
    QCOMPARE(test::colorAt(*m_edit, start), colors.header);
    QCOMPARE(test::colorAt(*m_edit, payload + 3), colors.payload);
    QCOMPARE(test::colorAt(*m_edit, signature + 3), colors.signature);
    QVERIFY(!test::colorAt(*m_edit, 3).isValid()); // "Authorization" is not part of the token
    QVERIFY(!test::colorAt(*m_edit, payload - 1).isValid()); // the dot keeps the text colour
    auto* source = m_page->findChild<QLabel*>(QStringLiteral("sourceLabel"));
    QVERIFY(source->text().contains("Authorization header"));
}

void TestDecoderPage::choosesAmongSeveralTokens()
{
    const QString response = "{\n  \"access_token\": \"ya29.a0AfB_byC3x9kQm2LwT7Yq\",\n  \"expires_in\": 3599,\n"
                             "  \"refresh_token\": \""
        + kRfc7519 + "\",\n  \"id_token\": \"" + test::kSampleToken + "\"\n}";
    auto* source = m_page->findChild<QLabel*>(QStringLiteral("sourceLabel"));
    auto* chooser = m_page->findChild<QComboBox*>(QStringLiteral("memberCombo"));
    QVERIFY(source && chooser);
    m_page->setTokenText(test::kSampleToken);
    QVERIFY(chooser->isHidden());

    // The ID token is shown: it decodes and is no refresh token.
    m_page->setTokenText(response);
    QVERIFY(chooser->isVisible());
    QCOMPARE(chooser->count(), 3);
    QCOMPARE(chooser->itemText(0), QStringLiteral("access_token"));
    QCOMPARE(chooser->itemText(1), QStringLiteral("refresh_token"));
    QCOMPARE(chooser->itemText(2), QStringLiteral("id_token"));
    QCOMPARE(chooser->currentText(), QStringLiteral("id_token"));
    QCOMPARE(source->text(), QStringLiteral("Showing id_token (3 tokens in the input)"));
    QVERIFY(m_payload->toPlainText().contains("\"name\": \"John Doe\""));
    const int idStart = static_cast<int>(response.indexOf(test::kSampleToken));
    const int refreshStart = static_cast<int>(response.indexOf(kRfc7519));
    const TokenColors colors = tokenColors(QApplication::palette());
    QCOMPARE(test::colorAt(*m_edit, idStart), colors.header);
    QVERIFY(!test::colorAt(*m_edit, refreshStart).isValid());
    QCOMPARE(m_edit->textCursor().position(), idStart);
    VerificationPanel* panel = m_page->verificationPanel();
    panel->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"), keys::SecretEncoding::Utf8);
    QCOMPARE(panel->state(), VerificationState::Valid);
    test::saveShot(*m_page, QStringLiteral("decoder-several-tokens"));

    // Choosing another token shows that one, everywhere.
    chooser->setFocus();
    QTest::keyClick(chooser, Qt::Key_Up);
    QCOMPARE(chooser->currentText(), QStringLiteral("refresh_token"));
    QCOMPARE(source->text(), QStringLiteral("Showing refresh_token (3 tokens in the input)"));
    QVERIFY(m_payload->toPlainText().contains("\"iss\": \"joe\""));
    QCOMPARE(test::colorAt(*m_edit, refreshStart), colors.header);
    QVERIFY(!test::colorAt(*m_edit, idStart).isValid());
    QCOMPARE(m_edit->textCursor().position(), refreshStart); // scrolled to it
    QCOMPARE(panel->state(), VerificationState::Invalid); // signed with another key
    QCOMPARE(m_page->shownToken(), kRfc7519); // what Copy Token, the timeline and the fixtures take

    // The choice stays while the text is edited; the opaque access token can be chosen too.
    m_page->setTokenText(QString(response).replace("3599", "3600"));
    QCOMPARE(chooser->currentText(), QStringLiteral("refresh_token"));
    QVERIFY(m_payload->toPlainText().contains("\"iss\": \"joe\""));
    QTest::keyClick(chooser, Qt::Key_Up);
    QCOMPARE(source->text(), QStringLiteral("Showing access_token (3 tokens in the input)"));
    QVERIFY2(m_error->text().contains("This is not a valid token."), qPrintable(m_error->text()));

    // One token: no chooser.
    m_page->setTokenText("{\"id_token\":\"" + test::kSampleToken + "\"}");
    QVERIFY(chooser->isHidden());
    QCOMPARE(source->text(), QStringLiteral("Token taken from the JSON member."));
}

void TestDecoderPage::pasteFromClipboard_data()
{
    QTest::addColumn<QString>("clipboard");
    QTest::newRow("bearer") << "Bearer " + test::kSampleToken;
    QTest::newRow("json") << "{\"id_token\":\"" + test::kSampleToken + "\"}";
    QTest::newRow("url") << "https://x.example/cb#access_token=" + test::kSampleToken + "&state=1";
}

void TestDecoderPage::pasteFromClipboard()
{
    QFETCH(QString, clipboard);
    QGuiApplication::clipboard()->setText(clipboard);
    m_edit->setFocus();
    QTest::keySequence(m_edit, QKeySequence::Paste);
    QCOMPARE(m_edit->toPlainText(), clipboard);
    QVERIFY(m_payload->toPlainText().contains("\"name\": \"John Doe\""));
}

void TestDecoderPage::rfc7515Examples()
{
    for (const auto& vector : test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json"))) {
        m_page->setTokenText(QString::fromStdString(vector["compact"].get<std::string>()));
        QVERIFY(
            m_header->toPlainText().contains(QString::fromStdString("\"alg\": \"" + vector["alg"].get<std::string>())));
        const auto payload = QString::fromStdString(vector["payload"].get<std::string>());
        if (payload.startsWith('{')) {
            QVERIFY(m_payload->toPlainText().contains("\"iss\": \"joe\""));
        } else {
            QCOMPARE(m_payload->toPlainText(), payload);
        }
        QVERIFY(!m_error->isVisibleTo(m_page));
    }
}

void TestDecoderPage::malformedInputShowsMessage_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("errorPosition"); // -1: no character marked
    // Nothing decodes to JSON: neither the header nor the payload is shown.
    QTest::newRow("header and payload not JSON, after Bearer") << "Bearer bm90IGpzb24.bm90."
                                                               << "header (part 1) is not valid JSON" << 7;
    QTest::newRow("one part, not JSON") << "bm90IGpzb24"
                                        << "it has no '.'" << -1;
    QTest::newRow("empty") << "  \n "
                           << "Paste a token" << -1;
}

void TestDecoderPage::malformedInputShowsMessage()
{
    QFETCH(QString, token);
    QFETCH(QString, message);
    QFETCH(int, errorPosition);
    m_page->setTokenText(token);
    QVERIFY(m_error->isVisibleTo(m_page));
    QVERIFY2(m_error->text().contains(message), qPrintable(m_error->text()));
    const auto formats = test::formatsOf(*m_edit);
    const bool underlined = std::any_of(formats.begin(), formats.end(), [&](const QTextLayout::FormatRange& r) {
        return r.format.underlineStyle() == QTextCharFormat::WaveUnderline && r.start == errorPosition;
    });
    QCOMPARE(underlined, errorPosition >= 0);
}

void TestDecoderPage::nonJsonPayloads()
{
    m_page->setTokenText("eyJhbGciOiJIUzI1NiJ9.SGVsbG8sIHdvcmxk.c2ln");
    QCOMPARE(m_payload->toPlainText(), QStringLiteral("Hello, world"));
    QVERIFY(test::formatsOf(*m_payload).isEmpty()); // plain text is not highlighted as JSON
    m_page->setTokenText("eyJhbGciOiJIUzI1NiJ9._wD-AQ.c2ln");
    QVERIFY2(m_payload->toPlainText().startsWith("00000000  ff 00 fe 01"), qPrintable(m_payload->toPlainText()));
    m_page->setTokenText("eyJhbGciOiJIUzI1NiJ9..c2ln");
    QVERIFY(m_payload->toPlainText().contains("detached"));
}

void TestDecoderPage::jweShowsHeaderOnly()
{
    const encoding::Json file = test::loadJson(QStringLiteral("vectors/rfc/rfc7516.json"));
    const auto& vectors = file["vectors"];
    const auto it
        = std::find_if(vectors.begin(), vectors.end(), [](const auto& v) { return v["type"] == "jwe-compact"; });
    QVERIFY(it != vectors.end());
    m_page->setTokenText(QString::fromStdString((*it)["compact"].get<std::string>()));
    QVERIFY(m_header->toPlainText().contains("\"enc\""));
    QVERIFY(m_payload->toPlainText().contains("This is a JWE"));
}

void TestDecoderPage::notesForNonCanonicalTokens()
{
    m_page->setTokenText(test::kSampleToken);
    QVERIFY(!m_notes->isVisibleTo(m_page));
    // Padding on the payload and a repeated "alg" in the header.
    m_page->setTokenText("eyJhbGciOiJIUzI1NiIsImFsZyI6Im5vbmUifQ.eyJhIjoiPz8_In0=.c2ln");
    QVERIFY(m_notes->isVisibleTo(m_page));
    QVERIFY2(m_notes->text().contains("padding"), qPrintable(m_notes->text()));
    QVERIFY2(m_notes->text().contains("member \"alg\" appears more than once"), qPrintable(m_notes->text()));
}

void TestDecoderPage::loadsFiles()
{
    QTemporaryDir dir;
    QFile token(dir.filePath("token.jwt"));
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write(test::kSampleToken.toUtf8() + "\n");
    token.close();
    QString error;
    QVERIFY(m_page->loadFile(token.fileName(), &error));
    QVERIFY(m_payload->toPlainText().contains("John Doe"));

    QFile binary(dir.filePath("key.der"));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("\x30\x82\xff\xfe", 4));
    binary.close();
    QVERIFY(!m_page->loadFile(binary.fileName(), &error));
    QVERIFY2(error.contains("not a text file"), qPrintable(error));
    QCOMPARE(m_page->tokenText().trimmed(), test::kSampleToken); // unchanged

    QVERIFY(!m_page->loadFile(dir.filePath("missing.jwt"), &error));
    QVERIFY2(error.contains("missing.jwt"), qPrintable(error));

    QFile huge(dir.filePath("huge.txt"));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(TokenEdit::kMaxFileSize + 1));
    huge.close();
    QVERIFY(!m_page->loadFile(huge.fileName(), &error));
    QVERIFY2(error.contains("larger than"), qPrintable(error));
}

void TestDecoderPage::readableInLightAndDark_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ColorScheme::Light);
    QTest::newRow("dark") << int(ColorScheme::Dark);
}

void TestDecoderPage::readableInLightAndDark()
{
    QFETCH(int, scheme);
    m_page->setTokenText(test::kSampleToken);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    QApplication::processEvents();
    const bool dark = scheme == int(ColorScheme::Dark);
    for (JsonView* view : {m_header, m_payload}) {
        const QColor base = view->palette().color(QPalette::Base);
        QCOMPARE(isDark(view->palette()), dark);
        QVERIFY(test::contrast(view->palette().color(QPalette::Text), base) >= 4.5);
        for (const auto& range : test::formatsOf(*view)) {
            if (range.format.hasProperty(QTextFormat::ForegroundBrush)) {
                const double ratio = test::contrast(range.format.foreground().color(), base);
                QVERIFY2(ratio >= 4.5,
                         qPrintable(QStringLiteral("contrast %1 for %2 on %3")
                                        .arg(ratio)
                                        .arg(range.format.foreground().color().name(), base.name())));
            }
        }
    }
    for (const auto& range : test::formatsOf(*m_edit)) {
        QVERIFY(test::contrast(range.format.foreground().color(), m_edit->palette().color(QPalette::Base)) >= 3.0);
    }
    test::saveShot(*m_page, QStringLiteral("decoder-page-%1").arg(dark ? "dark" : "light"));
}

void TestDecoderPage::verificationAndXRayFollowTheToken()
{
    Clock::setFixed(test::at(1516239022 + 600));
    VerificationPanel* panel = m_page->verificationPanel();
    auto* tabs = m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    QVERIFY(tabs);
    m_page->setTokenText("Authorization: Bearer " + test::kSampleToken);
    QCOMPARE(panel->state(), VerificationState::NotVerified);
    QCOMPARE(tabs->tabText(kVerificationTab), QStringLiteral("Verification"));
    panel->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"), keys::SecretEncoding::Utf8);
    QCOMPARE(panel->state(), VerificationState::Valid);
    QCOMPARE(tabs->tabText(kVerificationTab), QStringLiteral("Verification · valid"));
    QVERIFY2(m_page->xray()->stepsText().contains("Equal to the token's signature"),
             qPrintable(m_page->xray()->stepsText()));

    // Editing the token re-verifies at once: one character of the payload changed.
    QString edited = test::kSampleToken;
    edited[40] = edited[40] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    m_page->setTokenText(edited);
    QCOMPARE(panel->state(), VerificationState::Invalid);
    QCOMPARE(tabs->tabText(kVerificationTab), QStringLiteral("Verification · invalid"));
    QVERIFY(m_page->xray()->stepsText().contains("Differs from the token's signature"));

    m_page->setTokenText(QStringLiteral("not a token"));
    QCOMPARE(panel->state(), VerificationState::NotVerified);
    QVERIFY(m_page->xray()->stepsText().isEmpty());
}

void TestDecoderPage::claimsAndFindingsFollowTheToken()
{
    Clock::setFixed(test::at(1516239022 + 600));
    auto* tabs = m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    auto* claims = m_page->findChild<QAbstractItemView*>(QStringLiteral("claimsView"));
    auto* findings = m_page->findChild<QAbstractItemView*>(QStringLiteral("findingsView"));
    QVERIFY(claims && findings);
    QCOMPARE(tabs->widget(kClaimsTab), claims);
    QCOMPARE(tabs->widget(kFindingsTab), findings);

    m_page->setTokenText(test::kSampleToken);
    QCOMPARE(claims->model()->rowCount(), 3);
    QCOMPARE(claims->model()->index(2, 0).data().toString(), QStringLiteral("iat"));
    QCOMPARE(claims->model()->index(2, 2).data().toString(), QStringLiteral("10 min ago"));
    const auto codes = [findings] {
        QStringList out;
        for (int row = 0; row < findings->model()->rowCount(); ++row) {
            out << findings->model()->index(row, 0).data(Qt::UserRole + 1).toString();
        }
        return out;
    };
    QVERIFY2(codes().contains("LINT_MISSING_EXP"), qPrintable(codes().join(", ")));
    QVERIFY(tabs->tabText(kFindingsTab).startsWith("Findings"));

    // The HS256 secret given for verification is also checked for its length.
    QVERIFY(!codes().contains("LINT_WEAK_HMAC_SECRET"));
    m_page->verificationPanel()->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"),
                                                       keys::SecretEncoding::Utf8);
    QVERIFY2(codes().contains("LINT_WEAK_HMAC_SECRET"), qPrintable(codes().join(", ")));

    // Time moves on: relative times follow the clock by themselves.
    Clock::setFixed(test::at(1516239022 + 7200));
    QTRY_COMPARE(claims->model()->index(2, 2).data().toString(), QStringLiteral("2 h ago"));

    // One verification time for the window: a what-if time moves the claims and the findings too.
    m_page->setTokenText(kRfc7519); // exp 1300819380
    Clock::setFixed(test::at(1300819380 - 60));
    QTRY_VERIFY(!codes().contains("LINT_EXPIRED"));
    m_page->verificationPanel()->setVerifyTime(test::at(1300819380 + 3600));
    QVERIFY2(codes().contains("LINT_EXPIRED"), qPrintable(codes().join(", ")));
    QCOMPARE(claims->model()->index(1, 0).data().toString(), QStringLiteral("exp"));
    QCOMPARE(claims->model()->index(1, 2).data().toString(), QStringLiteral("1 h ago"));
    m_page->verificationPanel()->setVerifyTime(std::nullopt);
    QVERIFY(!codes().contains("LINT_EXPIRED"));
    QCOMPARE(claims->model()->index(1, 2).data().toString(), QStringLiteral("in 1 min"));

    m_page->setTokenText(QStringLiteral("not a token"));
    QCOMPARE(claims->model()->rowCount(), 0);
    QCOMPARE(findings->model()->rowCount(), 0);
}

void TestDecoderPage::remembersLayoutNotSecrets()
{
    m_page->setTokenText(test::kSampleToken);
    m_page->verificationPanel()->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"),
                                                       keys::SecretEncoding::Utf8);
    auto* splitter = m_page->findChild<QSplitter*>(QStringLiteral("decoderSplitter"));
    QVERIFY(splitter);
    splitter->setSizes({220, 400});
    const QList<int> sizes = splitter->sizes();
    emit splitter->splitterMoved(220, 1); // what dragging the handle does
    cleanup();
    init();
    QCOMPARE(m_page->findChild<QSplitter*>(QStringLiteral("decoderSplitter"))->sizes(), sizes);
    QSettings settings;
    QCOMPARE(settings.allKeys(), QStringList{QStringLiteral("decoder/splitter")});
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(!stored.contains("your-256-bit-secret"));
    QVERIFY(!stored.contains(test::kSampleToken.left(20).toLatin1()));
    QVERIFY(m_page->verificationPanel()->keyInput()->isEmpty());
    settings.clear(); // the screenshots that follow show the default layout
}

void TestDecoderPage::screenshots_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("tab");
    for (const auto& [scheme, schemeName] : {std::pair{ColorScheme::Light, "light"}, {ColorScheme::Dark, "dark"}}) {
        for (const QSize size : {QSize(1280, 800), QSize(1024, 640)}) {
            for (const auto& [tab, tabName] : {std::pair{kDecodedTab, "decoded"},
                                               {kClaimsTab, "claims"},
                                               {kVerificationTab, "verification"},
                                               {kFindingsTab, "findings"},
                                               {kXRayTab, "xray"}}) {
                QTest::addRow("%s-%s-%dx%d", tabName, schemeName, size.width(), size.height())
                    << int(scheme) << size << int(tab);
            }
        }
    }
}

void TestDecoderPage::screenshots()
{
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    QFETCH(int, tab);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    Clock::setFixed(test::at(1516239022 + 600));
    m_page->resize(size);
    m_page->setTokenText(test::kSampleToken);
    m_page->verificationPanel()->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"),
                                                       keys::SecretEncoding::Utf8);
    m_page->xray()->selectTokenCharacters(40, 41);
    auto* findings = m_page->findChild<QTreeView*>(QStringLiteral("findingsView"));
    findings->expand(findings->model()->index(0, 0));
    m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"))->setCurrentIndex(tab);
    QApplication::processEvents();
    test::saveShot(*m_page, QStringLiteral("decoder-%1").arg(QTest::currentDataTag()));
}

void TestDecoderPage::marksInvalidPayloadBytes()
{
    m_page->setTokenText(QStringLiteral("Authorization: Bearer ") + kInvalidPayload);
    QVERIFY2(m_notes->text().contains(
                 QStringLiteral("payload: invalid UTF-8 at byte 17 (0xC3 0x28: a lead byte without its continuation)")),
             qPrintable(m_notes->text()));
    QVERIFY(!m_notes->isHidden());

    // Exactly byte 17 in the hex dump: row 1, column 1.
    const auto selections = m_payload->extraSelections();
    QCOMPARE(selections.size(), 1);
    const QTextCursor& cursor = selections.front().cursor;
    QCOMPARE(cursor.selectedText(), QStringLiteral("c3"));
    const QTextBlock block = m_payload->document()->findBlock(cursor.selectionStart());
    QCOMPARE(block.blockNumber(), 1);
    QVERIFY(block.text().startsWith(QStringLiteral("00000010  39 c3 28")));
    QCOMPARE(cursor.selectionStart() - block.position(), 13);
    QCOMPARE(selections.front().format.background().color().rgb(), tokenColors(QApplication::palette()).error.rgb());

    // The base64url group that encodes it, after "Authorization: Bearer " (22 characters).
    QList<int> expected;
    for (int i = 22 + 41; i < 22 + 45; ++i) {
        expected.append(i);
    }
    QCOMPARE(underlined(*m_edit), expected);

    // A valid token afterwards clears every mark.
    m_page->setTokenText(kMultiBytePayload);
    QVERIFY(m_payload->extraSelections().isEmpty());
    QVERIFY(underlined(*m_edit).isEmpty());
}

void TestDecoderPage::validMultiByteIsNotMarked_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("JSON") << kMultiBytePayload;
    // "héllo 😀" as text, not JSON
    QTest::newRow("text") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.aMOpbGxvIPCfmIA.c2ln");
}

void TestDecoderPage::validMultiByteIsNotMarked()
{
    QFETCH(QString, token);
    m_page->setTokenText(token);
    QVERIFY(!m_notes->text().contains(QStringLiteral("UTF-8")));
    QVERIFY(m_payload->extraSelections().isEmpty());
    QVERIFY(underlined(*m_edit).isEmpty());
    QVERIFY(m_payload->toPlainText().contains(QStringLiteral("😀")));
}

void TestDecoderPage::invalidUtf8Screenshots_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ColorScheme::Light);
    QTest::newRow("dark") << int(ColorScheme::Dark);
}

void TestDecoderPage::invalidUtf8Screenshots()
{
    QFETCH(int, scheme);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    m_page->resize(1024, 640);
    m_page->setTokenText(kInvalidPayload);
    QApplication::processEvents();
    QVERIFY(!m_payload->extraSelections().isEmpty());
    test::saveShot(*m_page, QStringLiteral("decoder-invalid-utf8-%1").arg(QTest::currentDataTag()));
}

void TestDecoderPage::showsWhatDecodes_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QStringList>("titles"); // header, payload, signature
    QTest::addColumn<QString>("problem"); // among the notes, and why Verification cannot run
    QTest::addColumn<int>("errorPosition"); // the character underlined; -1: none

    QTest::newRow("no signature") << kSampleHeader + "." + kSamplePayload
                                  << QStringList{"Header · OK", "Payload · OK", "Signature · missing"}
                                  << "the token has no signature part" << -1;
    QTest::newRow("empty signature") << kSampleHeader + "." + kSamplePayload + "."
                                     << QStringList{"Header · OK", "Payload · OK", "Signature · missing"}
                                     << "the signature (part 3) is empty" << -1;
    QTest::newRow("bad payload character")
        << kBadPayloadCharacter << QStringList{"Header · OK", "Payload · broken", "Signature · OK"}
        << "the payload (part 2) is not valid base64url: '*' at position 57 is not a base64url character" << 57;
    QTest::newRow("extra part") << test::kSampleToken + ".c2ln"
                                << QStringList{"Header · OK", "Payload · OK", "Signature · OK"}
                                << "part 4 is one too many" << int(test::kSampleToken.size());
}

void TestDecoderPage::showsWhatDecodes()
{
    QFETCH(QString, token);
    QFETCH(QStringList, titles);
    QFETCH(QString, problem);
    QFETCH(int, errorPosition);
    Clock::setFixed(test::at(1516239022 + 600));
    m_page->setTokenText(token);

    // The panes, not the error page: the header and payload as JSON, each part marked.
    QVERIFY(!m_error->isVisibleTo(m_page));
    QCOMPARE(m_header->toPlainText(), QStringLiteral("{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}"));
    QCOMPARE(m_payload->toPlainText(),
             QStringLiteral("{\n  \"sub\": \"1234567890\",\n  \"name\": \"John Doe\",\n  \"iat\": 1516239022\n}"));
    QCOMPARE((QStringList{titleText(0), titleText(1), titleText(2)}), titles);
    // Why, once: on the signature line as the reason Verification cannot run, or below it.
    const auto* signatureLine = m_page->findChild<QLabel*>(QStringLiteral("signatureLabel"));
    const QString shown = signatureLine->text() + QLatin1Char('\n') + m_notes->text();
    QVERIFY2(shown.contains(problem, Qt::CaseInsensitive), qPrintable(shown));
    QCOMPARE(shown.count(problem, Qt::CaseInsensitive), 1);
    QCOMPARE(underlined(*m_edit).value(0, -1), errorPosition);

    // The claims as far as they decode.
    auto* claims = m_page->findChild<QAbstractItemView*>(QStringLiteral("claimsView"));
    QCOMPARE(claims->model()->rowCount(), 3);
    QCOMPARE(claims->model()->index(1, 1).data().toString(), QStringLiteral("John Doe"));

    // Verification says why it cannot run, even with the right key, and the Decoded tab says the same.
    VerificationPanel* panel = m_page->verificationPanel();
    panel->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"), keys::SecretEncoding::Utf8);
    QCOMPARE(panel->state(), VerificationState::NotVerified);
    QVERIFY2(panel->reasonText().startsWith(QStringLiteral("This token cannot be verified: "))
                 && panel->reasonText().contains(problem, Qt::CaseInsensitive),
             qPrintable(panel->reasonText()));
    QVERIFY2(signatureLine->text().endsWith(panel->summaryText()), qPrintable(signatureLine->text()));
    QVERIFY(signatureLine->text().contains(QStringLiteral("Not verified")));

    // The whole token again: the usual titles, no problem left.
    m_page->setTokenText(test::kSampleToken);
    QCOMPARE(titleText(1), QStringLiteral("Payload · claims"));
    QVERIFY(!m_notes->isVisibleTo(m_page));
    QCOMPARE(panel->state(), VerificationState::Valid);
}

void TestDecoderPage::signatureLineFollowsVerification()
{
    Clock::setFixed(test::at(1516239022 + 600));
    VerificationPanel* panel = m_page->verificationPanel();
    auto* tabs = m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    const auto* line = m_page->findChild<QLabel*>(QStringLiteral("signatureLabel"));
    m_page->setTokenText(test::kSampleToken);
    const auto shows = [&](const QString& verdict) {
        return line->text().startsWith(QStringLiteral("32 bytes · ") + verdict)
            && line->text().endsWith(panel->summaryText());
    };
    QVERIFY2(shows(QStringLiteral("Not verified — No key given yet")), qPrintable(line->text()));

    panel->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"), keys::SecretEncoding::Utf8);
    QCOMPARE(tabs->tabText(kVerificationTab), QStringLiteral("Verification · valid"));
    QVERIFY2(shows(QStringLiteral("Valid — The signature is valid (HS256)")), qPrintable(line->text()));
    QCOMPARE(line->palette().color(QPalette::WindowText), statusColors(QApplication::palette()).good);

    // Another invalid verdict with another reason follows too, not only a change of state.
    panel->keyInput()->setSecret(QStringLiteral("not-the-secret"), keys::SecretEncoding::Utf8);
    QCOMPARE(tabs->tabText(kVerificationTab), QStringLiteral("Verification · invalid"));
    QVERIFY2(shows(QStringLiteral("Invalid — ")), qPrintable(line->text()));
    const QString wrongSecret = line->text();
    panel->setExpectedIssuer(QStringLiteral("joe"));
    panel->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"), keys::SecretEncoding::Utf8);
    QCOMPARE(panel->state(), VerificationState::Invalid);
    QVERIFY2(shows(QStringLiteral("Invalid: the claims do not hold — "))
                 && line->text().contains(QStringLiteral("iss")),
             qPrintable(line->text()));
    QVERIFY(line->text() != wrongSecret);
    QCOMPARE(line->palette().color(QPalette::WindowText), statusColors(QApplication::palette()).bad);

    panel->keyInput()->clear();
    QVERIFY2(shows(QStringLiteral("Not verified")), qPrintable(line->text()));
}

void TestDecoderPage::foundSecretUsedForVerification_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("encoding"); // as the Verification tab's secret field names it
    QTest::newRow("UTF-8 text") << QByteArray("your-256-bit-secret") << "UTF-8 text";
    QTest::newRow("not UTF-8") << QByteArray("caf\xE9 secret") << "hex";
}

void TestDecoderPage::foundSecretUsedForVerification()
{
    QFETCH(QByteArray, secret);
    QFETCH(QString, encoding);
    Clock::setFixed(test::at(1516239022 + 600));
    const std::string_view bytes(secret.constData(), std::size_t(secret.size()));
    const auto key = keys::Key::fromSecret(crypto::SecureBytes(bytes));
    const std::string claims = R"({"sub":"1234567890","iat":1516239022})";
    jose::SignOptions weak; // the secrets a search finds are weak by nature
    weak.weakKeys = jose::WeakKeys::Accept;
    const auto token = jose::signCompact(R"({"alg":"HS256","typ":"JWT"})", toBytes(claims), &key, weak);
    QVERIFY(token);

    // A list of our own, so that the test does not depend on the bundled one.
    QTemporaryDir dir;
    QFile list(dir.filePath(QStringLiteral("secrets.list")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("password\nchangeme\n" + secret + "\nsecret\n");
    list.close();
    SecretSearchPanel* search = m_page->secretSearch();
    search->setWordlistPath(list.fileName());
    m_page->setTokenText(QString::fromStdString(*token));
    auto* use = search->findChild<QPushButton*>(QStringLiteral("useForVerification"));
    QVERIFY(use);
    QVERIFY(!use->isEnabled());
    QVERIFY(!findingCodes().contains(QStringLiteral("LINT_KNOWN_SECRET")));

    QSignalSpy finished(search, &SecretSearchPanel::finished);
    search->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(use->isEnabled());

    // The find is an error in the Findings tab at once.
    QVERIFY2(findingCodes().contains(QStringLiteral("LINT_KNOWN_SECRET")), qPrintable(findingCodes().join(", ")));
    auto* tabs = m_page->findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    QVERIFY2(tabs->tabText(kFindingsTab).contains(QStringLiteral("error")), qPrintable(tabs->tabText(kFindingsTab)));
    const auto* findings = m_page->findChild<QAbstractItemView*>(QStringLiteral("findingsView"));
    QCOMPARE(findings->model()->index(0, 0).data(Qt::UserRole + 1).toString(), QStringLiteral("LINT_KNOWN_SECRET"));
    QVERIFY(findings->model()->index(0, 0).data().toString().contains(QStringLiteral("publicly known secret")));
    QVERIFY(findings->model()
                ->index(0, 0, findings->model()->index(0, 0))
                .data()
                .toString()
                .contains(QStringLiteral("RFC 8725 §3.5")));

    // One click: the secret, byte for byte, in the Verification tab, which is now shown and says valid.
    tabs->setCurrentIndex(kWeakSecretTab);
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(tabs->currentIndex(), int(kVerificationTab));
    VerificationPanel* panel = m_page->verificationPanel();
    QCOMPARE(panel->state(), VerificationState::Valid);
    QCOMPARE(panel->keyInput()->keys().size(), std::size_t(1));
    QVERIFY(panel->keyInput()->keys().front().secret().equals(key.secret().span()));
    auto* field = panel->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    QCOMPARE(field->echoMode(), QLineEdit::Password); // still masked
    QCOMPARE(panel->findChild<QComboBox*>(QStringLiteral("secretEncoding"))->currentText(), encoding);
    test::saveShot(*m_page, QStringLiteral("decoder-secret-used-%1").arg(QTest::currentDataTag()).replace(' ', '-'));
    tabs->setCurrentIndex(kFindingsTab);
    auto* findingsTree = m_page->findChild<QTreeView*>(QStringLiteral("findingsView"));
    findingsTree->expand(findingsTree->model()->index(0, 0));
    QApplication::processEvents();
    test::saveShot(*m_page, QStringLiteral("decoder-secret-finding-%1").arg(QTest::currentDataTag()).replace(' ', '-'));

    // Never saved: the settings hold the layout only.
    QSettings settings;
    for (const QString& name : settings.allKeys()) {
        QVERIFY2(!settings.value(name).toByteArray().contains(secret), qPrintable(name));
    }

    // Another token: the find and its finding are gone.
    m_page->setTokenText(test::kSampleToken);
    QVERIFY(!use->isEnabled());
    QVERIFY(!findingCodes().contains(QStringLiteral("LINT_KNOWN_SECRET")));
}

void TestDecoderPage::partialTokenScreenshots_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("token");
    for (const auto& [scheme, schemeName] : {std::pair{ColorScheme::Light, "light"}, {ColorScheme::Dark, "dark"}}) {
        for (const QSize size : {QSize(1280, 800), QSize(900, 600)}) {
            QTest::addRow("no-signature-%s-%dx%d", schemeName, size.width(), size.height())
                << int(scheme) << size << kSampleHeader + "." + kSamplePayload;
            QTest::addRow("bad-payload-character-%s-%dx%d", schemeName, size.width(), size.height())
                << int(scheme) << size << kBadPayloadCharacter;
        }
    }
}

void TestDecoderPage::partialTokenScreenshots()
{
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    QFETCH(QString, token);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    Clock::setFixed(test::at(1516239022 + 600));
    m_page->resize(size);
    m_page->setTokenText(token);
    QApplication::processEvents();
    QVERIFY(!m_error->isVisibleTo(m_page));
    test::saveShot(*m_page, QStringLiteral("decoder-partial-%1").arg(QTest::currentDataTag()));
}

// The empty state tells where the editor is, and it is there.
void TestDecoderPage::emptyStatePointsAtTheEditor()
{
    m_page->setTokenText(QString());
    QVERIFY(m_error->isVisible());
    QVERIFY2(m_error->text().contains(QStringLiteral("above")), qPrintable(m_error->text()));
    QVERIFY(m_edit->mapToGlobal(QPoint(0, m_edit->height())).y() <= m_error->mapToGlobal(QPoint(0, 0)).y());
}

// A token copied with its line break: pasted into a short editor, its first line stays in view
// (the caret after the break scrolled it away), and the break is dropped.
void TestDecoderPage::pasteWithLineBreakKeepsTheStartInView()
{
    m_page->resize(700, 500);
    m_page->setTokenText(QString());
    QGuiApplication::clipboard()->setText(test::kSampleToken + QStringLiteral("\n"));
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 2 + 2 * m_edit->frameWidth());
    QCoreApplication::processEvents();
    m_edit->setFocus();
    m_edit->paste();
    QCoreApplication::processEvents();
    QVERIFY(!m_edit->toPlainText().endsWith(QLatin1Char('\n')));
    QVERIFY(m_edit->verticalScrollBar()->maximum() > 0); // it does not fit: the test means something
    QCOMPARE(m_edit->verticalScrollBar()->value(), 0);
    QVERIFY(m_edit->cursorRect(QTextCursor(m_edit->document())).top() >= 0);
    m_edit->setMinimumHeight(0);
    m_edit->setMaximumHeight(QWIDGETSIZE_MAX);
    QGuiApplication::clipboard()->clear();
}

void TestDecoderPage::bigTokenDecodesInTheBackground_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ColorScheme::Light);
    QTest::newRow("dark") << int(ColorScheme::Dark);
}

// From DecoderPage::kSyncDecodeLimit on, the panes keep the last token and say "Decoding…" until
// the new one is decoded off the GUI thread; a result for a text since replaced is dropped.
void TestDecoderPage::bigTokenDecodesInTheBackground()
{
    QFETCH(int, scheme);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    const QString big = bigToken(80 * 1024);
    QVERIFY(big.size() >= DecoderPage::kSyncDecodeLimit);
    auto* source = m_page->findChild<QLabel*>(QStringLiteral("sourceLabel"));

    m_page->setTokenText(test::kSampleToken);
    QVERIFY(!m_page->isDecodePending());
    m_page->setTokenText(big);
    QVERIFY(m_page->isDecodePending());
    QCOMPARE(source->text(), QStringLiteral("Decoding…"));
    QVERIFY(m_payload->toPlainText().contains("John Doe")); // the last token, until then
    QApplication::processEvents(); // the colour scheme
    QVERIFY(m_page->isDecodePending());
    test::saveShot(*m_page, QStringLiteral("decoder-decoding-%1").arg(QTest::currentDataTag()));
    QTRY_VERIFY(!m_page->isDecodePending());
    QCOMPARE(m_page->shownToken(), big);
    QVERIFY(source->text().isEmpty());
    QVERIFY(m_payload->toPlainText().contains("\"role-1000\""));
    QCOMPARE(titleText(1), QStringLiteral("Payload · claims"));

    // Typed at the end, then replaced by a small token before the big one is decoded.
    m_edit->setFocus();
    m_edit->moveCursor(QTextCursor::End);
    QTest::keyClick(m_edit, Qt::Key_A);
    QVERIFY(m_page->isDecodePending());
    m_page->setTokenText(test::kSampleToken);
    QVERIFY(!m_page->isDecodePending());
    QTest::qWait(500);
    QCOMPARE(m_page->shownToken(), test::kSampleToken);
    QVERIFY(m_payload->toPlainText().contains("John Doe"));

    // A caller that needs the big token at once (a screenshot, Compare at start) decodes it now.
    m_page->setTokenText(big);
    QVERIFY(m_page->isDecodePending());
    QCOMPARE(m_page->shownToken(), test::kSampleToken);
    m_page->finishDecoding();
    QVERIFY(!m_page->isDecodePending());
    QCOMPARE(m_page->shownToken(), big);
    QVERIFY(source->text().isEmpty());
    QVERIFY(m_payload->toPlainText().contains("\"role-1000\""));
    QTest::qWait(300); // a background result on its way would be dropped
    QCOMPARE(m_page->shownToken(), big);
    QVERIFY(!m_page->isDecodePending());
    applyColorScheme(*qApp, ColorScheme::Light);
}

void TestDecoderPage::longTextIsShownInPart_data()
{
    bigTokenDecodesInTheBackground_data();
}

// From TokenEdit::kEditLimit on, the editor shows the text's start, read-only, with a note; the
// decoder reads all of it, a copy of everything is all of it, and a paste or "clear it" replaces it.
void TestDecoderPage::longTextIsShownInPart()
{
    QFETCH(int, scheme);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    const QString huge = bigToken(1024 * 1024);
    QVERIFY(huge.size() > TokenEdit::kEditLimit);
    auto* note = m_edit->findChild<QLabel*>(QStringLiteral("shownInPartNote"));
    QVERIFY(note);

    m_page->setTokenText(huge);
    QVERIFY(m_edit->isShownInPart());
    QVERIFY(m_edit->isReadOnly());
    QCOMPARE(m_edit->toPlainText(), huge.left(TokenEdit::kShownLength));
    QCOMPARE(m_edit->text(), huge);
    QCOMPARE(m_page->tokenText(), huge);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(QStringLiteral("Showing the first 16 KiB of 1.")), qPrintable(note->text()));
    QTRY_VERIFY(!m_page->isDecodePending());
    QCOMPARE(m_page->shownToken(), huge);
    QVERIFY(m_payload->toPlainText().contains("\"role-40000\""));
    // The note sits under the text, not over it.
    QVERIFY(note->geometry().top() >= m_edit->viewport()->geometry().bottom());
    test::saveShot(*m_page, QStringLiteral("decoder-long-text-%1").arg(QTest::currentDataTag()));

    m_edit->setFocus();
    m_edit->selectAll();
    m_edit->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), huge);

    // Typing does nothing; a paste replaces the whole text.
    QTest::keyClick(m_edit, Qt::Key_X);
    QCOMPARE(m_edit->text(), huge);
    QGuiApplication::clipboard()->setText(test::kSampleToken);
    QTest::keySequence(m_edit, QKeySequence::Paste);
    QVERIFY(!m_edit->isShownInPart());
    QVERIFY(!m_edit->isReadOnly());
    QVERIFY(!note->isVisible());
    QCOMPARE(m_page->shownToken(), test::kSampleToken);

    // A paste that makes the text long, into an editable one.
    m_edit->selectAll();
    QGuiApplication::clipboard()->setText(huge + QLatin1Char('\n'));
    QTest::keySequence(m_edit, QKeySequence::Paste);
    QVERIFY(m_edit->isShownInPart());
    QCOMPARE(m_edit->text(), huge);
    QTRY_VERIFY(!m_page->isDecodePending());
    QCOMPARE(m_page->shownToken(), huge);

    emit note->linkActivated(QStringLiteral("clear"));
    QVERIFY(!m_edit->isShownInPart());
    QVERIFY(m_edit->text().isEmpty());
    QVERIFY(!m_edit->isReadOnly());
    QVERIFY(m_page->shownToken().isEmpty());
    QGuiApplication::clipboard()->clear();
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestDecoderPage)
#include "TestDecoderPage.moc"
