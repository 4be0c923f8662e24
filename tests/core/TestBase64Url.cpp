#include "encoding/Base64Url.h"

#include <QTest>

#include <openssl/evp.h>

#include <algorithm>

using namespace jwtwb;
using namespace jwtwb::encoding;

class TestBase64Url : public QObject
{
    Q_OBJECT

private slots:
    void rfc4648Vectors_data();
    void rfc4648Vectors();
    void urlAlphabet();
    void strictErrors_data();
    void strictErrors();
    void lenientNotes_data();
    void lenientNotes();
    void lenientStillRefusesGarbage();
    void standardBase64();
    void allByteValuesRoundTrip();
    void decodesWhatOpenSslEncodes();
    void everyPositionIsChecked();
};

// RFC 4648 §10, without padding as base64url (RFC 7515 §2) requires.
void TestBase64Url::rfc4648Vectors_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
}

void TestBase64Url::rfc4648Vectors()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, encoded);
    QCOMPARE(QByteArray::fromStdString(base64UrlEncode(plain.toStdString())), encoded);
    const auto decoded = base64UrlDecode(encoded.toStdString());
    QVERIFY(decoded.has_value());
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(decoded->data()), static_cast<qsizetype>(decoded->size())),
             plain);
}

void TestBase64Url::urlAlphabet()
{
    // 0xFB 0xFF uses the two characters where the alphabets differ: "+/8=" in standard base64.
    const Bytes bytes{0xFB, 0xFF};
    QCOMPARE(base64UrlEncode(bytes), std::string("-_8"));
    QCOMPARE(base64Encode(bytes), std::string("+/8="));
    QCOMPARE(base64UrlDecode("-_8").value(), bytes);
}

void TestBase64Url::strictErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("padding") << "Zg==" << 2 << "must not be padded";
    QTest::newRow("standard plus") << "+_8" << 0 << "other base64 alphabet";
    QTest::newRow("standard slash") << "-/8" << 1 << "other base64 alphabet";
    QTest::newRow("space inside") << "Zm 9v" << 2 << "whitespace";
    QTest::newRow("newline at end") << "Zm9v\n" << 4 << "whitespace";
    QTest::newRow("bad character") << "Zm9!" << 3 << "'!' at position 3";
    QTest::newRow("non-ascii byte") << "Zm\xc3\xa9v" << 2 << "byte 0xC3";
    QTest::newRow("length 1 mod 4") << "Zm9vY" << 5 << "truncated";
    QTest::newRow("trailing bits") << "Zh" << 1 << "non-zero unused bits";
    QTest::newRow("trailing bits 3 chars") << "Zm9" << 2 << "non-zero unused bits";
    QTest::newRow("padding in middle") << "Zg=g" << 2 << "'=' padding in the middle";
}

void TestBase64Url::strictErrors()
{
    QFETCH(QString, input);
    QFETCH(int, position);
    QFETCH(QString, messagePart);
    const auto result = base64UrlDecode(input.toStdString());
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, Errc::InvalidBase64Url);
    QVERIFY(result.error().position.has_value());
    QCOMPARE(static_cast<int>(*result.error().position), position);
    QVERIFY2(QString::fromStdString(result.error().message).contains(messagePart), result.error().message.c_str());
}

void TestBase64Url::lenientNotes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("position");
    QTest::newRow("padding") << "Zm8=" << QByteArray("fo") << int(Base64Deviation::Padding) << 3;
    QTest::newRow("standard alphabet") << "+/8" << QByteArray("\xfb\xff") << int(Base64Deviation::StandardAlphabet)
                                       << 0;
    QTest::newRow("whitespace") << "  Zm9v\n" << QByteArray("foo") << int(Base64Deviation::SurroundingWhitespace) << 0;
    QTest::newRow("trailing bits") << "Zh" << QByteArray("f") << int(Base64Deviation::NonZeroTrailingBits) << 1;
}

void TestBase64Url::lenientNotes()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QFETCH(int, kind);
    QFETCH(int, position);
    const auto result = base64UrlDecodeLenient(input.toStdString());
    QVERIFY(result.has_value());
    QCOMPARE(
        QByteArray(reinterpret_cast<const char*>(result->bytes.data()), static_cast<qsizetype>(result->bytes.size())),
        expected);
    QCOMPARE(result->notes.size(), std::size_t(1));
    QCOMPARE(int(result->notes.front().kind), kind);
    QCOMPARE(int(result->notes.front().position), position);
    // Strict decoding refuses each of these.
    QVERIFY(!base64UrlDecode(input.toStdString()).has_value());
}

void TestBase64Url::lenientStillRefusesGarbage()
{
    QVERIFY(!base64UrlDecodeLenient("Zm9!").has_value());
    QVERIFY(!base64UrlDecodeLenient("Zm 9v").has_value()); // whitespace inside, not around
    QVERIFY(!base64UrlDecodeLenient("Z").has_value());
    const auto canonical = base64UrlDecodeLenient("Zm9v");
    QVERIFY(canonical.has_value());
    QVERIFY(canonical->notes.empty());
}

void TestBase64Url::standardBase64()
{
    QCOMPARE(base64Decode("Zm9vYg==").value(), toBytes("foob"));
    QCOMPARE(base64Decode("+/8=").value(), (Bytes{0xFB, 0xFF}));
    QVERIFY(!base64Decode("Zm9vYg").has_value()); // padding is part of standard base64
    QVERIFY(!base64Decode("-_8=").has_value()); // URL alphabet
}

void TestBase64Url::allByteValuesRoundTrip()
{
    Bytes all;
    for (int i = 0; i < 256; ++i) {
        all.push_back(static_cast<std::uint8_t>(i));
    }
    for (std::size_t length = 0; length <= all.size(); length += 37) {
        const Bytes slice(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(length));
        const std::string encoded = base64UrlEncode(slice);
        QVERIFY(encoded.find_first_of("+/=") == std::string::npos);
        QCOMPARE(base64UrlDecode(encoded).value(), slice);
    }
}

// Every length up to 300 bytes (the long ones go through the 16-character blocks), encoded by
// OpenSSL's standard base64 and turned into base64url by hand: an encoder that is not ours.
void TestBase64Url::decodesWhatOpenSslEncodes()
{
    Bytes bytes;
    std::uint32_t state = 12345;
    for (std::size_t length = 0; length <= 300; ++length) {
        std::vector<unsigned char> encoded(4 * ((length + 2) / 3) + 1);
        const int size = EVP_EncodeBlock(encoded.data(), bytes.data(), static_cast<int>(bytes.size()));
        std::string text(reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(size));
        text.erase(text.find_last_not_of('=') + 1);
        std::ranges::replace(text, '+', '-');
        std::ranges::replace(text, '/', '_');
        const auto decoded = base64UrlDecode(text);
        QVERIFY2(decoded, qPrintable(QStringLiteral("length %1").arg(length)));
        QVERIFY(*decoded == bytes);
        Bytes into(base64UrlDecodedSize(text.size()));
        QVERIFY(base64UrlDecodeInto(text, into));
        QVERIFY(into == bytes);
        if (text.size() % 4 != 0) {
            // The same text with an unused low bit of its last character set is not canonical.
            std::string loose = text;
            loose.back() = loose.back() == 'A' ? 'B' : loose.back() == 'Q' ? 'R' : loose.back() == 'g' ? 'h' : 'x';
            QVERIFY2(!base64UrlDecodeInto(loose, into), qPrintable(QString::fromStdString(loose)));
        }
        state = state * 1103515245 + 12345;
        bytes.push_back(static_cast<std::uint8_t>(state >> 16));
    }
}

// A character outside the alphabet is refused wherever it stands, also inside a 16-character block.
void TestBase64Url::everyPositionIsChecked()
{
    const std::string valid
        = base64UrlEncode(std::string_view("The quick brown fox jumps over the lazy dog, twice over."));
    QVERIFY(valid.size() > 64);
    for (const char bad : {'+', '/', '=', '.', ' ', '\0', '\x80', '\xff', '@', '[', '`', '{', ':'}) {
        for (std::size_t i = 0; i < valid.size(); ++i) {
            std::string text = valid;
            text[i] = bad;
            const auto decoded = base64UrlDecode(text);
            QVERIFY2(!decoded,
                     qPrintable(QStringLiteral("0x%1 at %2").arg(static_cast<unsigned char>(bad), 0, 16).arg(i)));
            QCOMPARE(decoded.error().position.value_or(0), i);
            Bytes into(base64UrlDecodedSize(text.size()));
            QVERIFY(!base64UrlDecodeInto(text, into));
        }
    }
}

QTEST_GUILESS_MAIN(TestBase64Url)
#include "TestBase64Url.moc"
