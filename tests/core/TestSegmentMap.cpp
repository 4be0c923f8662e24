#include "inspect/SegmentMap.h"

#include <QTest>

using namespace jwtwb;
using inspect::Range;

namespace {

// {"alg":"HS256"} . {"n":"日本"} . a signature. The payload's 14 bytes are
// 7b 22 6e 22 | 3a 22 e6 97 a5 e6 9c ac | 22 7d: 日 is bytes 6–8, 本 bytes 9–11, and its
// 19 characters "eyJu Ijoi 5pel 5pys In0" put 日 exactly in group 2 and 本 in group 3.
constexpr std::string_view kToken = "eyJhbGciOiJIUzI1NiJ9.eyJuIjoi5pel5pysIn0.c2lnbmF0dXJl";
constexpr std::size_t kPayload = 21;

jose::CompactToken decode(std::string_view text)
{
    auto token = jose::decodeCompact(text, jose::Base64Mode::Lenient);
    if (!token) {
        qFatal("test token does not decode: %s", token.error().message.c_str());
    }
    return std::move(*token);
}

} // namespace

Q_DECLARE_METATYPE(Range)

class TestSegmentMap : public QObject
{
    Q_OBJECT

private slots:
    void bytesOfCharacters_data();
    void bytesOfCharacters();
    void charactersOfBytes_data();
    void charactersOfBytes();
    void wholeUtf8Characters_data();
    void wholeUtf8Characters();
    void tokenCharacterToBytes_data();
    void tokenCharacterToBytes();
    void bytesToTokenCharacters_data();
    void bytesToTokenCharacters();
    void paddingBelongsToLastGroup();
    void unencodedPayloadMapsOneToOne();
};

void TestSegmentMap::bytesOfCharacters_data()
{
    QTest::addColumn<Range>("characters");
    QTest::addColumn<int>("charCount");
    QTest::addColumn<int>("byteCount");
    QTest::addColumn<Range>("bytes");
    QTest::newRow("first character") << Range{0, 1} << 8 << 6 << Range{0, 3};
    QTest::newRow("fourth character") << Range{3, 4} << 8 << 6 << Range{0, 3};
    QTest::newRow("across groups") << Range{3, 5} << 8 << 6 << Range{0, 6};
    QTest::newRow("short last group") << Range{5, 6} << 7 << 5 << Range{3, 5};
    QTest::newRow("empty") << Range{2, 2} << 8 << 6 << Range{};
    QTest::newRow("past the end") << Range{9, 12} << 8 << 6 << Range{};
}

void TestSegmentMap::bytesOfCharacters()
{
    QFETCH(Range, characters);
    QFETCH(int, charCount);
    QFETCH(int, byteCount);
    QFETCH(Range, bytes);
    QCOMPARE(inspect::bytesOfCharacters(characters, charCount, byteCount), bytes);
}

void TestSegmentMap::charactersOfBytes_data()
{
    QTest::addColumn<Range>("bytes");
    QTest::addColumn<int>("charCount");
    QTest::addColumn<int>("byteCount");
    QTest::addColumn<Range>("characters");
    QTest::newRow("first byte") << Range{0, 1} << 8 << 6 << Range{0, 4};
    QTest::newRow("third byte") << Range{2, 3} << 8 << 6 << Range{0, 4};
    QTest::newRow("across groups") << Range{2, 4} << 8 << 6 << Range{0, 8};
    QTest::newRow("short last group") << Range{4, 5} << 7 << 5 << Range{4, 7};
    QTest::newRow("empty") << Range{3, 3} << 8 << 6 << Range{};
}

void TestSegmentMap::charactersOfBytes()
{
    QFETCH(Range, bytes);
    QFETCH(int, charCount);
    QFETCH(int, byteCount);
    QFETCH(Range, characters);
    QCOMPARE(inspect::charactersOfBytes(bytes, charCount, byteCount), characters);
}

void TestSegmentMap::wholeUtf8Characters_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Range>("bytes");
    QTest::addColumn<Range>("widened");
    QTest::newRow("ASCII unchanged") << QByteArray("abc") << Range{1, 2} << Range{1, 2};
    QTest::newRow("second byte of é") << QByteArray("a\xc3\xa9") << Range{2, 3} << Range{1, 3};
    QTest::newRow("first byte of é") << QByteArray("a\xc3\xa9z") << Range{0, 2} << Range{0, 3};
    QTest::newRow("middle of 日") << QByteArray("\xe6\x97\xa5") << Range{1, 2} << Range{0, 3};
    QTest::newRow("4-byte emoji") << QByteArray("\xf0\x9f\x98\x80!") << Range{2, 3} << Range{0, 4};
}

void TestSegmentMap::wholeUtf8Characters()
{
    QFETCH(QByteArray, text);
    QFETCH(Range, bytes);
    QFETCH(Range, widened);
    QCOMPARE(inspect::wholeUtf8Characters(std::string_view(text.constData(), text.size()), bytes), widened);
}

void TestSegmentMap::tokenCharacterToBytes_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("segment");
    QTest::addColumn<Range>("characters");
    QTest::addColumn<Range>("bytes");
    QTest::newRow("header start") << 0 << 0 << Range{0, 4} << Range{0, 3};
    QTest::newRow("header end") << 19 << 0 << Range{16, 20} << Range{12, 15};
    QTest::newRow("日, first character") << int(kPayload + 8) << 1 << Range{kPayload + 8, kPayload + 12} << Range{6, 9};
    QTest::newRow("日, last character") << int(kPayload + 11) << 1 << Range{kPayload + 8, kPayload + 12} << Range{6, 9};
    QTest::newRow("本") << int(kPayload + 12) << 1 << Range{kPayload + 12, kPayload + 16} << Range{9, 12};
    QTest::newRow("short last group") << int(kPayload + 18) << 1 << Range{kPayload + 16, kPayload + 19}
                                      << Range{12, 14};
    QTest::newRow("signature") << int(kToken.size() - 1) << 2 << Range{kToken.size() - 4, kToken.size()} << Range{6, 9};
}

void TestSegmentMap::tokenCharacterToBytes()
{
    QFETCH(int, offset);
    QFETCH(int, segment);
    QFETCH(Range, characters);
    QFETCH(Range, bytes);
    const auto token = decode(kToken);
    const auto span = inspect::spanAtCharacter(token, offset);
    QVERIFY(span);
    QCOMPARE(span->segment, std::size_t(segment));
    QCOMPARE(span->characters, characters);
    QCOMPARE(span->bytes, bytes);
    QVERIFY(!inspect::spanAtCharacter(token, 20)); // the first dot
    QVERIFY(!inspect::spanAtCharacter(token, kToken.size()));
}

void TestSegmentMap::bytesToTokenCharacters_data()
{
    QTest::addColumn<Range>("bytes");
    QTest::addColumn<Range>("characters");
    QTest::addColumn<Range>("wholeBytes");
    QTest::newRow("日") << Range{6, 9} << Range{kPayload + 8, kPayload + 12} << Range{6, 9};
    QTest::newRow("middle byte of 日") << Range{7, 8} << Range{kPayload + 8, kPayload + 12} << Range{6, 9};
    QTest::newRow("日本") << Range{6, 12} << Range{kPayload + 8, kPayload + 16} << Range{6, 12};
    QTest::newRow("the opening brace") << Range{0, 1} << Range{kPayload, kPayload + 4} << Range{0, 3};
    QTest::newRow("the closing brace") << Range{13, 14} << Range{kPayload + 16, kPayload + 19} << Range{12, 14};
}

void TestSegmentMap::bytesToTokenCharacters()
{
    QFETCH(Range, bytes);
    QFETCH(Range, characters);
    QFETCH(Range, wholeBytes);
    const auto token = decode(kToken);
    const auto span = inspect::spanOfBytes(token, 1, bytes);
    QCOMPARE(span.segment, std::size_t(1));
    QCOMPARE(span.characters, characters);
    QCOMPARE(span.bytes, wholeBytes);
    // And back: those characters decode to those bytes.
    const auto back = inspect::spanOfCharacters(token, span.characters);
    QVERIFY(back);
    QCOMPARE(back->bytes, wholeBytes);
}

void TestSegmentMap::paddingBelongsToLastGroup()
{
    // "e30=" is "{}" with the padding RFC 7515 forbids; lenient decoding keeps it in the text.
    const auto token = decode("eyJhbGciOiJIUzI1NiJ9.e30=.c2ln");
    const auto span = inspect::spanAtCharacter(token, kPayload + 3);
    QVERIFY(span);
    QCOMPARE(span->characters, (Range{kPayload, kPayload + 4}));
    QCOMPARE(span->bytes, (Range{0, 2}));
    QCOMPARE(inspect::spanOfBytes(token, 1, {1, 2}).characters, (Range{kPayload, kPayload + 4}));
}

void TestSegmentMap::unencodedPayloadMapsOneToOne()
{
    // RFC 7797 §4.2's header {"alg":"HS256","b64":false,"crit":["b64"]} with the payload "$-02" as it is
    // (a compact token cannot hold the RFC's "$.02": it has a dot).
    const auto token = decode(
        "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.$-02.A5dxf2s96_n5FLueVuW1Z_vh161FwXZC4YLPff6dmDY");
    QVERIFY(token.unencodedPayload);
    const std::size_t payload = token.segments[1].offset;
    const auto span = inspect::spanAtCharacter(token, payload + 2);
    QVERIFY(span);
    QCOMPARE(span->characters, (Range{payload + 2, payload + 3}));
    QCOMPARE(span->bytes, (Range{2, 3}));
    QCOMPARE(inspect::spanOfBytes(token, 1, {0, 4}).characters, (Range{payload, payload + 4}));
}

QTEST_GUILESS_MAIN(TestSegmentMap)
#include "TestSegmentMap.moc"
