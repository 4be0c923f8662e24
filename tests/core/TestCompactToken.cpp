#include "TestData.h"
#include "encoding/Base64Url.h"
#include "jose/CompactToken.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jose;
using encoding::Json;

class TestCompactToken : public QObject
{
    Q_OBJECT

private slots:
    void rfc7515Examples_data();
    void rfc7515Examples();
    void segmentOffsets();
    void malformed_data();
    void malformed();
    void payloadNeedNotBeJson();
    void detachedAndUnsecured();
    void recognisesJwe();
    void lenientModeNotesDeviations();
    void duplicateHeaderMembersReported();
    void refusesHugeInput();
};

void TestCompactToken::rfc7515Examples_data()
{
    QTest::addColumn<QByteArray>("vector");
    for (const auto& vector : test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json"))) {
        QTest::newRow(vector["id"].get<std::string>().c_str()) << QByteArray::fromStdString(vector.dump());
    }
}

void TestCompactToken::rfc7515Examples()
{
    QFETCH(QByteArray, vector);
    const Json v = Json::parse(vector.toStdString());
    const auto token = decodeCompact(v["compact"].get<std::string>());
    QVERIFY2(token.has_value(), token ? "" : token.error().message.c_str());
    QCOMPARE(token->kind, TokenKind::Jws);
    QCOMPARE(token->segments.size(), std::size_t(3));
    QCOMPARE(std::string(token->headerText()), v["protected_header"].get<std::string>());
    QVERIFY(token->header.value["alg"] == v["alg"]);
    QCOMPARE(std::string(asText(token->payload())), v["payload"].get<std::string>());
    QCOMPARE(token->signature(), encoding::base64UrlDecode(v["signature_b64u"].get<std::string>()).value());
    QCOMPARE(std::string(token->signingInput()), v["signing_input"].get<std::string>());
    QVERIFY(!token->hasEncodingNotes());
    // A.1–A.3 and A.5 carry a JWT claims set with CR LF inside (member order is kept); A.4 plain text.
    const bool claims = v["payload"].get<std::string>().starts_with('{');
    QCOMPARE(token->payloadJson.has_value(), claims);
    QCOMPARE(token->payloadNotJson.has_value(), !claims);
    if (claims) {
        QCOMPARE(token->payloadJson->value.begin().key(), std::string("iss"));
    }
}

void TestCompactToken::segmentOffsets()
{
    const std::string text = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
    const auto token = decodeCompact(text);
    QVERIFY(token.has_value());
    const std::size_t expected[3][2] = {{0, 20}, {21, 15}, {37, 4}};
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(token->segments[i].offset, expected[i][0]);
        QCOMPARE(token->segments[i].length, expected[i][1]);
    }
    QCOMPARE(token->segment(SegmentRole::Signature).role, SegmentRole::Signature);
    QCOMPARE(std::string(asText(token->signature())), std::string("sig"));
}

void TestCompactToken::malformed_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("position"); // -1: no position
    QTest::newRow("empty") << "" << int(Errc::EmptyInput) << "empty" << -1;
    QTest::newRow("1 part") << "eyJhbGciOiJub25lIn0" << int(Errc::MalformedToken) << "no '.'" << -1;
    QTest::newRow("2 parts") << "eyJhbGciOiJub25lIn0.e30" << int(Errc::MalformedToken) << "signature part is missing"
                             << -1;
    QTest::newRow("4 parts") << "a.b.c.d" << int(Errc::MalformedToken) << "4 parts" << -1;
    QTest::newRow("6 parts") << "a.b.c.d.e.f" << int(Errc::MalformedToken) << "6 parts" << -1;
    QTest::newRow("bad header base64") << "eyJhbGci!iJub25lIn0.e30." << int(Errc::InvalidBase64Url)
                                       << "the header (part 1) is not valid base64url: '!' at position 8" << 8;
    QTest::newRow("bad payload base64") << "eyJhbGciOiJub25lIn0.e3$0." << int(Errc::InvalidBase64Url)
                                        << "the payload (part 2)" << 22;
    QTest::newRow("bad signature base64")
        << "eyJhbGciOiJub25lIn0.e30.a" << int(Errc::InvalidBase64Url) << "the signature (part 3)" << 25;
    QTest::newRow("padded strictly") << "eyJhbGciOiJub25lIn0=.e30." << int(Errc::InvalidBase64Url) << "padded" << 19;
    QTest::newRow("empty header") << ".e30.c2ln" << int(Errc::MalformedToken) << "header (part 1) is empty" << 0;
    QTest::newRow("header not JSON") << "bm90IGpzb24.e30." << int(Errc::InvalidJson)
                                     << "header (part 1) is not valid JSON" << 0;
    QTest::newRow("header is an array") << "WzFd.e30." << int(Errc::NotAJsonObject)
                                        << "must be a JSON object, but it is an array" << 0;
    QTest::newRow("header is a string") << "ImEi.e30." << int(Errc::NotAJsonObject) << "but it is a string" << 0;
    QTest::newRow("header bad UTF-8") << "eyJhIjoi_yJ9.e30." << int(Errc::InvalidUtf8) << "UTF-8" << 0;
    QTest::newRow("whitespace inside") << "eyJhbGciOiJub25lIn0.e3 0." << int(Errc::InvalidBase64Url) << "whitespace"
                                       << 22;
}

void TestCompactToken::malformed()
{
    QFETCH(QString, token);
    QFETCH(int, code);
    QFETCH(QString, messagePart);
    QFETCH(int, position);
    const auto result = decodeCompact(token.toStdString());
    QVERIFY(!result.has_value());
    QCOMPARE(int(result.error().code), code);
    QVERIFY2(QString::fromStdString(result.error().message).contains(messagePart), result.error().message.c_str());
    if (position >= 0) {
        QVERIFY(result.error().position.has_value());
        QCOMPARE(int(*result.error().position), position);
    }
}

void TestCompactToken::payloadNeedNotBeJson()
{
    // RFC 7515 A.* payloads may be any bytes: "Hello" and a binary blob.
    const std::string text = encoding::base64UrlEncode(std::string_view(R"({"alg":"HS256"})")) + "."
        + encoding::base64UrlEncode(std::string_view("Hello")) + ".c2ln";
    const auto token = decodeCompact(text);
    QVERIFY(token.has_value());
    QVERIFY(!token->payloadJson.has_value());
    QVERIFY(token->payloadNotJson.has_value());
    QCOMPARE(std::string(asText(token->payload())), std::string("Hello"));

    const Bytes binary{0xff, 0x00, 0xfe};
    const auto binaryToken = decodeCompact("eyJhbGciOiJIUzI1NiJ9." + encoding::base64UrlEncode(binary) + ".c2ln");
    QVERIFY(binaryToken.has_value());
    QCOMPARE(binaryToken->payload(), binary);
    QCOMPARE(binaryToken->payloadNotJson->code, Errc::InvalidUtf8);
}

void TestCompactToken::detachedAndUnsecured()
{
    const auto detached = decodeCompact("eyJhbGciOiJIUzI1NiJ9..c2ln");
    QVERIFY(detached.has_value());
    QVERIFY(detached->payload().empty());
    QVERIFY(!detached->payloadNotJson.has_value());

    // RFC 7519 §6.1 unsecured JWT: empty signature.
    const auto unsecured = decodeCompact(
        "eyJhbGciOiJub25lIn0."
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.");
    QVERIFY(unsecured.has_value());
    QVERIFY(unsecured->signature().empty());
    QCOMPARE(unsecured->header.value["alg"].get<std::string>(), std::string("none"));
    QCOMPARE(unsecured->payloadJson->value["iss"].get<std::string>(), std::string("joe"));
}

void TestCompactToken::recognisesJwe()
{
    // RFC 7516 A.3 (A128KW + A128CBC-HS256).
    const Json vectors = test::loadJson(QStringLiteral("vectors/rfc/rfc7516.json"));
    int seen = 0;
    for (const auto& v : vectors["vectors"]) {
        if (v["type"] != "jwe-compact") {
            continue;
        }
        const auto token = decodeCompact(v["compact"].get<std::string>());
        QVERIFY(token.has_value());
        QCOMPARE(token->kind, TokenKind::Jwe);
        QCOMPARE(token->segments.size(), std::size_t(5));
        QCOMPARE(token->segments[1].role, SegmentRole::EncryptedKey);
        QVERIFY(token->header.value["enc"] == v["enc"]);
        QCOMPARE(token->segments[2].bytes, encoding::base64UrlDecode(v["iv_b64u"].get<std::string>()).value());
        ++seen;
    }
    QVERIFY(seen >= 3);
}

void TestCompactToken::lenientModeNotesDeviations()
{
    const std::string text = "eyJhbGciOiJIUzI1NiJ9.eyJhIjoiPz8_In0=.c2ln";
    QVERIFY(!decodeCompact(text).has_value());
    const auto token = decodeCompact(text, Base64Mode::Lenient);
    QVERIFY(token.has_value());
    QVERIFY(token->hasEncodingNotes());
    const auto& notes = token->segments[1].notes;
    QCOMPARE(notes.size(), std::size_t(1));
    QCOMPARE(notes.front().kind, encoding::Base64Deviation::Padding);
    QCOMPARE(notes.front().position, std::size_t(36)); // in the token, not in the segment
    QCOMPARE(token->payloadJson->value["a"].get<std::string>(), std::string("???"));
}

void TestCompactToken::duplicateHeaderMembersReported()
{
    const std::string header = R"({"alg":"HS256","alg":"none"})";
    const auto token = decodeCompact(encoding::base64UrlEncode(std::string_view(header)) + ".e30.");
    QVERIFY(token.has_value());
    QCOMPARE(token->header.duplicates.size(), std::size_t(1));
    QCOMPARE(token->header.duplicates.front().key, std::string("alg"));
}

void TestCompactToken::refusesHugeInput()
{
    const std::string huge(kMaxTokenSize + 1, 'A');
    const auto result = decodeCompact(huge);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, Errc::InputTooLarge);
    // Just under the limit: decodes (or fails) quickly with a specific message, no crash.
    std::string big = "eyJhbGciOiJub25lIn0." + std::string(kMaxTokenSize - 40, 'A') + ".";
    const auto bigResult = decodeCompact(big);
    QVERIFY(!bigResult.has_value() || bigResult->payload().size() > 1000);
}

QTEST_GUILESS_MAIN(TestCompactToken)
#include "TestCompactToken.moc"
