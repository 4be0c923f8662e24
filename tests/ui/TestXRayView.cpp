#include "TestData.h"
#include "UiTestSupport.h"
#include "keys/KeyImport.h"
#include "widgets/XRayView.h"

#include <QPlainTextEdit>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

// HS256 over {"name":"Zoë 日本 😀","iat":1516239022} with the secret below, made with Python's hmac
// module. In the payload's bytes ë is 11–12, 日 14–16, 本 17–19 and 😀 21–24 (0-based); the payload
// segment starts at token offset 37.
const QString kToken
    = QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuYW1lIjoiWm_DqyDml6XmnKwg8J-YgCIsImlhdCI6MTUxNjIzOTAyMn0."
                     "AkrXBJAz3lRmtPF2K73ptXALoIOrVG4FCmtW9Vh6QjQ");
constexpr std::string_view kSecret = "a-string-secret-at-least-256-bits-long";
constexpr int kPayload = 37;

jose::CompactToken decode(const QString& text)
{
    auto token = jose::decodeCompact(text.toStdString(), jose::Base64Mode::Lenient);
    if (!token) {
        qFatal("test token does not decode: %s", token.error().message.c_str());
    }
    return std::move(*token);
}

std::vector<keys::Key> secretKey()
{
    auto secret = keys::importSecret(kSecret, keys::SecretEncoding::Utf8);
    std::vector<keys::Key> out;
    out.push_back(std::move(secret->key));
    return out;
}

} // namespace

class TestXRayView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tokenToBytesAndText_data();
    void tokenToBytesAndText();
    void textToToken_data();
    void textToToken();
    void dotClearsHighlight();
    void hoverFollowsMouse();
    void stepsForHmac();
    void stepsForEveryAlgorithm_data();
    void stepsForEveryAlgorithm();
    void noTokenNoCrash();
    void screenshots_data();
    void screenshots();

private:
    XRayView* m_view = nullptr;
};

void TestXRayView::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    m_view = new XRayView;
    m_view->resize(1000, 560);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->setToken(decode(kToken));
}

void TestXRayView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

void TestXRayView::tokenToBytesAndText_data()
{
    QTest::addColumn<int>("position"); // in the token
    QTest::addColumn<int>("groupStart");
    QTest::addColumn<int>("part");
    QTest::addColumn<QString>("text"); // the decoded text lit up, whole characters
    QTest::addColumn<QString>("detail");
    QTest::newRow("header's first character") << 0 << 0 << 0 << "{\"a"
                                              << "Header characters 1–4 “eyJh” → bytes 1–3: 7b2261";
    // Group 4 "qyDm" is bytes 12–14: the end of ë, a space and the first byte of 日.
    QTest::newRow("group splitting ë and 日") << kPayload + 17 << kPayload + 16 << 1 << "ë 日"
                                              << "bytes 13–15: ab20e6 → text “ë 日”";
    // Group 7 "8J-Y" is bytes 21–23, three of the four bytes of 😀.
    QTest::newRow("emoji") << kPayload + 30 << kPayload + 28 << 1 << "😀"
                           << "Payload characters 29–32 “8J-Y” → bytes 22–24: f09f98";
    QTest::newRow("signature") << int(kToken.size() - 1) << int(kToken.size() - 3) << 2 << "42 34"
                               << "Signature characters 41–43 “QjQ” → bytes 31–32: 4234";
}

void TestXRayView::tokenToBytesAndText()
{
    QFETCH(int, position);
    QFETCH(int, groupStart);
    QFETCH(int, part);
    QFETCH(QString, text);
    QFETCH(QString, detail);
    m_view->selectTokenCharacters(position, position + 1);
    QCOMPARE(m_view->highlightedToken().first, groupStart);
    const auto decoded = m_view->highlightedDecoded();
    QCOMPARE(decoded.part, part);
    QCOMPARE(m_view->decodedView(part)->toPlainText().mid(decoded.start, decoded.end - decoded.start), text);
    QVERIFY2(m_view->detailText().contains(detail), qPrintable(m_view->detailText()));
}

void TestXRayView::textToToken_data()
{
    QTest::addColumn<QString>("selected"); // in the payload text
    QTest::addColumn<QString>("characters"); // the token characters lit up
    QTest::addColumn<QString>("text"); // the decoded text lit up: the whole groups
    // 本 is bytes 17–19, in groups 5 and 6: characters 20–27 of the payload segment.
    QTest::newRow("本") << "本"
                        << "l6XmnKwg"
                        << "日本 ";
    QTest::newRow("😀") << "😀"
                       << "8J-YgCIs"
                       << "😀\",";
    QTest::newRow("Zo") << "Zo"
                        << "Wm_D"
                        << "Zoë";
}

void TestXRayView::textToToken()
{
    QFETCH(QString, selected);
    QFETCH(QString, characters);
    QFETCH(QString, text);
    QPlainTextEdit* payload = m_view->decodedView(1);
    const int start = static_cast<int>(payload->toPlainText().indexOf(selected));
    QVERIFY(start > 0);
    // Select it as a user does; the view maps the selection.
    QTextCursor cursor = payload->textCursor();
    cursor.setPosition(start);
    cursor.setPosition(start + static_cast<int>(selected.size()), QTextCursor::KeepAnchor);
    payload->setTextCursor(cursor);
    const auto token = m_view->highlightedToken();
    QCOMPARE(kToken.mid(token.first, token.second - token.first), characters);
    const auto decoded = m_view->highlightedDecoded();
    QCOMPARE(decoded.part, 1);
    QCOMPARE(payload->toPlainText().mid(decoded.start, decoded.end - decoded.start), text);
}

void TestXRayView::dotClearsHighlight()
{
    m_view->selectTokenCharacters(0, 1);
    QVERIFY(m_view->highlightedToken().second > 0);
    m_view->selectTokenCharacters(kPayload - 1, kPayload); // the dot
    QCOMPARE(m_view->highlightedToken(), qMakePair(0, 0));
    QCOMPARE(m_view->highlightedDecoded().part, -1);
}

void TestXRayView::hoverFollowsMouse()
{
    auto* tokenView = m_view->findChild<QPlainTextEdit*>(QStringLiteral("xrayToken"));
    QTextCursor cursor(tokenView->document());
    cursor.setPosition(kPayload + 9);
    const QRect rect = tokenView->cursorRect(cursor);
    QTest::mouseMove(tokenView->viewport(), rect.center() + QPoint(2, 0));
    QTRY_COMPARE(m_view->highlightedToken().first, kPayload + 8);
    QCOMPARE(m_view->highlightedDecoded().part, 1);
}

void TestXRayView::stepsForHmac()
{
    const QString withoutKey = m_view->stepsText();
    QVERIFY2(withoutKey.contains("96 characters"), qPrintable(withoutKey)); // 36 + 1 + 59
    // SHA-256 of the signing input and the signature, from Python's hashlib / hmac.
    QVERIFY2(withoutKey.contains("37ff66e7cb0398e8 1603b34c98d50827"), qPrintable(withoutKey));
    QVERIFY(withoutKey.contains("024ad7049033de54 66b4f1762bbde9b5"));
    QVERIFY(withoutKey.contains("HMAC-SHA-256"));
    QVERIFY(withoutKey.contains("Give a key"));

    m_view->setKeys(secretKey(), false);
    QVERIFY2(m_view->stepsText().contains("Equal to the token's signature"), qPrintable(m_view->stepsText()));

    QString tampered = kToken;
    tampered[kPayload + 20] = QLatin1Char('m'); // "l6Xm" → "m6Xm": 日 becomes other bytes
    m_view->setToken(decode(tampered));
    QVERIFY2(m_view->stepsText().contains("Differs from the token's signature from byte 1 on"),
             qPrintable(m_view->stepsText()));
}

void TestXRayView::stepsForEveryAlgorithm_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("jwk");
    QTest::addColumn<QString>("operation");
    const auto add = [](const encoding::Json& vector, const char* operation) {
        QTest::newRow(vector["id"].get<std::string>().c_str())
            << QString::fromStdString(vector["compact"].get<std::string>())
            << QString::fromStdString(vector["key"].dump()) << QString::fromLatin1(operation);
    };
    for (const auto& vector : test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json"))) {
        if (vector["alg"] != "none") {
            add(vector, vector["alg"] == "HS256" ? "HMAC" : vector["alg"] == "RS256" ? "RSASSA-PKCS1" : "ECDSA");
        }
    }
    add(test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc8037.json")).front(), "EdDSA");
    const encoding::Json pss = test::loadJson(QStringLiteral("vectors/cookbook/jws/4_2.rsa-pss_signature.json"));
    QTest::newRow("cookbook PS384") << QString::fromStdString(pss["output"]["compact"].get<std::string>())
                                    << QString::fromStdString(pss["input"]["key"].dump()) << "RSASSA-PSS";
}

void TestXRayView::stepsForEveryAlgorithm()
{
    QFETCH(QString, token);
    QFETCH(QString, jwk);
    QFETCH(QString, operation);
    m_view->setToken(decode(token));
    auto key = keys::importJwk(jwk.toStdString());
    QVERIFY(key);
    std::vector<keys::Key> keys;
    keys.push_back(std::move(*key));
    m_view->setKeys(std::move(keys), false);
    const QString steps = m_view->stepsText();
    QVERIFY2(steps.contains(operation), qPrintable(steps));
    QVERIFY2(steps.contains("Equal to the token's signature") || steps.contains(": valid signature"),
             qPrintable(steps));
}

void TestXRayView::noTokenNoCrash()
{
    m_view->setToken(std::nullopt);
    m_view->selectTokenCharacters(0, 5);
    m_view->selectDecoded(1, 0, 3);
    QCOMPARE(m_view->highlightedDecoded().part, -1);
    // A JWS with an empty payload and an empty signature.
    m_view->setToken(decode(QStringLiteral("eyJhbGciOiJub25lIn0..")));
    m_view->selectDecoded(1, 0, 1);
    m_view->selectDecoded(2, 0, 1);
    m_view->selectTokenCharacters(0, 100);
    QVERIFY(m_view->stepsText().contains("no signature at all"));
}

void TestXRayView::screenshots_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ColorScheme::Light);
    QTest::newRow("dark") << int(ColorScheme::Dark);
}

void TestXRayView::screenshots()
{
    QFETCH(int, scheme);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    QApplication::processEvents();
    m_view->setKeys(secretKey(), false);
    m_view->selectTokenCharacters(kPayload + 17, kPayload + 18);
    test::saveShot(*m_view, QStringLiteral("xray-%1").arg(QTest::currentDataTag()));
}

QTEST_MAIN(TestXRayView)
#include "TestXRayView.moc"
