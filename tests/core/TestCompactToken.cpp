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
    void readsEveryPart_data();
    void readsEveryPart();
    void readingAgreesWithDecoding();
};

namespace {

// jwt.io's sample: {"alg":"HS256","typ":"JWT"} . {"sub":"1234567890","name":"John Doe","iat":1516239022} . MAC
const std::string kHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
const std::string kPayload = "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ";
const std::string kSignature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const std::string kSample = kHeader + "." + kPayload + "." + kSignature;

std::string inserted(std::string text, std::size_t at, std::string_view what)
{
    return text.insert(at, what);
}

} // namespace

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

void TestCompactToken::readsEveryPart_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("statuses"); // segmentStatusName of each part, space-separated
    QTest::addColumn<QString>("problem"); // in the first problem; empty: every part is OK
    QTest::addColumn<int>("position"); // of the first problem in the token; -1: none
    QTest::addColumn<QString>("headerAlg"); // from the header's JSON; empty: no JSON
    QTest::addColumn<QString>("payloadSub"); // from the payload's JSON; empty: no JSON

    const auto row = [](const char* name, const std::string& token) -> QTestData& {
        return QTest::newRow(name) << QByteArray::fromStdString(token);
    };
    const int payloadStart = int(kHeader.size()) + 1; // 37
    const int signatureStart = payloadStart + int(kPayload.size()) + 1;
    row("complete", kSample) << "OK OK OK"
                             << "" << -1 << "HS256"
                             << "1234567890";
    // Missing signature: the copy stopped at the second dot, or before it.
    row("two parts", kHeader + "." + kPayload)
        << "OK OK missing"
        << "the token has no signature part" << int(kSample.size() - kSignature.size() - 1) << "HS256"
        << "1234567890";
    row("empty signature", kHeader + "." + kPayload + ".")
        << "OK OK missing"
        << "the signature (part 3) is empty" << signatureStart << "HS256"
        << "1234567890";
    row("unsecured token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.") << "OK OK OK"
                                                                   << "" << -1 << "none"
                                                                   << "a";
    row("header only", kHeader) << "OK missing missing"
                                << "the token has no payload part" << int(kHeader.size()) << "HS256"
                                << "";
    // Extra segments.
    row("four parts", kSample + ".c2ln") << "OK OK OK extra"
                                         << "the token has 4 parts, but a compact JWS has 3: part 4 is one too many"
                                         << int(kSample.size()) << "HS256"
                                         << "1234567890";
    row("six parts", kSample + ".a.b.c") << "OK OK OK extra"
                                         << "parts 4 to 6 are too many" << int(kSample.size()) << "HS256"
                                         << "1234567890";
    // A bad character: the part is broken, and still shows what its other characters say.
    row("bad character in header", inserted(kSample, 10, "*"))
        << "broken OK OK"
        << "the header (part 1) is not valid base64url: '*' at position 10 is not a base64url" << 10 << "HS256"
        << "1234567890";
    row("bad character in payload", inserted(kSample, 57, "*"))
        << "OK broken OK"
        << "the payload (part 2) is not valid base64url: '*' at position 57 is not a base64url" << 57 << "HS256"
        << "1234567890";
    row("line break in payload", inserted(kSample, 70, "\n")) << "OK broken OK"
                                                              << "whitespace" << 70 << "HS256"
                                                              << "1234567890";
    row("bad character in signature", inserted(kSample, signatureStart + 5, "!"))
        << "OK OK broken"
        << "the signature (part 3) is not valid base64url: '!'" << signatureStart + 5 << "HS256"
        << "1234567890";
    // Invalid JSON: a payload that starts like JSON but does not parse is broken; other text is a payload.
    row("invalid JSON in payload",
        kHeader + "." + encoding::base64UrlEncode(std::string_view(R"({"sub":"1234567890",})")) + "." + kSignature)
        << "OK broken OK"
        << "the payload (part 2) is not valid JSON" << payloadStart << "HS256"
        << "";
    row("text payload", kHeader + ".SGVsbG8." + kSignature) << "OK OK OK"
                                                            << "" << -1 << "HS256"
                                                            << "";
    row("header not JSON", "bm90IGpzb24.e30.c2ln") << "broken OK OK"
                                                   << "the header (part 1) is not valid JSON" << 0 << ""
                                                   << "";
    row("empty header", ".eyJzdWIiOiJhIn0.c2ln") << "missing OK OK"
                                                 << "the header (part 1) is empty" << 0 << ""
                                                 << "a";
    row("empty", "") << "missing missing missing"
                     << "the token is empty" << 0 << ""
                     << "";
    // Truncated copies: cut inside the payload, at a length base64url can and cannot have.
    row("truncated in payload", kSample.substr(0, payloadStart + 40))
        << "OK broken missing"
        << "the payload (part 2) is not valid JSON" << payloadStart << "HS256"
        << "";
    row("truncated to 4n+1", kSample.substr(0, payloadStart + 41))
        << "OK broken missing"
        << "the payload (part 2) is not valid base64url: base64url is truncated" << payloadStart + 41 << "HS256"
        << "";
    // A JWE header ("enc") makes the fourth part its ciphertext and the tag missing.
    row("JWE without its tag",
        encoding::base64UrlEncode(std::string_view(R"({"alg":"dir","enc":"A128GCM"})")) + "..AAAAAAAAAAAAAAAA.AAAA")
        << "OK OK OK OK missing"
        << "the token has no authentication tag part" << int(39 + std::string_view("..AAAAAAAAAAAAAAAA.AAAA").size())
        << "dir"
        << "";
}

void TestCompactToken::readsEveryPart()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, statuses);
    QFETCH(QString, problem);
    QFETCH(int, position);
    QFETCH(QString, headerAlg);
    QFETCH(QString, payloadSub);

    const TokenReading reading = readSegments(token.toStdString());
    QStringList seen;
    for (const auto& segment : reading.segments) {
        seen << QString::fromStdString(std::string(segmentStatusName(segment.status)));
        QCOMPARE(segment.status == SegmentStatus::Ok, segment.problem.empty());
        QCOMPARE(segment.role.has_value(), segment.status != SegmentStatus::Extra);
    }
    QCOMPARE(seen.join(' '), statuses);
    QCOMPARE(reading.complete(), problem.isEmpty());
    QCOMPARE(reading.lacksSignature(), reading.kind == TokenKind::Jws && statuses.endsWith(QStringLiteral("missing")));
    if (!problem.isEmpty()) {
        const SegmentReading* first = reading.firstProblem();
        QVERIFY(first != nullptr);
        QVERIFY2(QString::fromStdString(first->problem).contains(problem), first->problem.c_str());
        QVERIFY(first->position.has_value());
        QCOMPARE(int(*first->position), position);
    }
    const SegmentReading* header = reading.segment(SegmentRole::Header);
    QCOMPARE(header->json.has_value(), !headerAlg.isEmpty());
    if (header->json) {
        QCOMPARE(QString::fromStdString(header->json->value["alg"].get<std::string>()), headerAlg);
    }
    const SegmentReading* payload = reading.segment(SegmentRole::Payload);
    QCOMPARE(payload && payload->json && payload->json->value.contains("sub"), !payloadSub.isEmpty());
    if (!payloadSub.isEmpty()) {
        QCOMPARE(QString::fromStdString(payload->json->value["sub"].get<std::string>()), payloadSub);
    }
}

// Where both decode, the reading and decodeCompact agree byte for byte (RFC 7515 vectors).
void TestCompactToken::readingAgreesWithDecoding()
{
    for (const auto& vector : test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json"))) {
        const std::string text = vector["compact"].get<std::string>();
        const auto token = decodeCompact(text);
        QVERIFY(token.has_value());
        const TokenReading reading = readSegments(text);
        QVERIFY2(reading.complete(), reading.complete() ? "" : reading.firstProblem()->problem.c_str());
        QCOMPARE(reading.segments.size(), token->segments.size());
        for (std::size_t i = 0; i < reading.segments.size(); ++i) {
            QCOMPARE(reading.segments[i].bytes, token->segments[i].bytes);
            QCOMPARE(reading.segments[i].offset, token->segments[i].offset);
            QCOMPARE(reading.segments[i].length, token->segments[i].length);
        }
        QCOMPARE(reading.segment(SegmentRole::Payload)->json.has_value(), token->payloadJson.has_value());
    }
    // The truncated payload keeps the bytes of its whole characters: the claims as far as they go.
    const std::string cut = kSample.substr(0, kHeader.size() + 1 + 41);
    const TokenReading truncated = readSegments(cut);
    const SegmentReading* payload = truncated.segment(SegmentRole::Payload);
    const std::string expected = "{\"sub\":\"1234567890\",\"name\":\"Jo";
    QCOMPARE(std::string(asText(payload->bytes)), expected);
    QCOMPARE(payload->guess, std::string("the payload is shown without its last character"));
}

QTEST_GUILESS_MAIN(TestCompactToken)
#include "TestCompactToken.moc"
