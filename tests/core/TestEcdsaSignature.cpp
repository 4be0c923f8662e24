// ECDSA signatures between JWS's R‖S and DER (X.690): our encoder against hand-made DER for each
// INTEGER rule, and round trips through OpenSSL's DER parser.
#include "encoding/Hex.h"
#include "ossl/EcdsaSignature.h"

#include <QTest>

using namespace jwtwb;

namespace {

Bytes hex(const QString& text)
{
    auto bytes = encoding::fromHex(QString(text).remove(QLatin1Char(' ')).toStdString());
    if (!bytes) {
        qFatal("bad hex in test: %s", qPrintable(text));
    }
    return *bytes;
}

} // namespace

class TestEcdsaSignature : public QObject
{
    Q_OBJECT

private slots:
    void rawToDer_data();
    void rawToDer();
    void rawToDerRefusesOddSizes();
};

void TestEcdsaSignature::rawToDer_data()
{
    QTest::addColumn<QString>("r");
    QTest::addColumn<QString>("s");
    QTest::addColumn<QString>("der"); // expected, without the components' own bytes where they are copied as is

    const QString small = QStringLiteral("11").repeated(32);
    const QString high = QStringLiteral("81") + QStringLiteral("22").repeated(31);
    QTest::newRow("both positive as they are") << small << small << "3044" + ("0220" + small) + ("0220" + small);
    QTest::newRow("top bit set: a zero byte in front")
        << high << small << "3045" + ("022100" + high) + ("0220" + small);
    QTest::newRow("leading zeros dropped") << ("0000" + QStringLiteral("7f").repeated(30)) << small
                                           << "3042" + ("021e" + QStringLiteral("7f").repeated(30)) + ("0220" + small);
    QTest::newRow("leading zero then top bit")
        << ("00" + QStringLiteral("90").repeated(31)) << small
        << "3044" + ("022000" + QStringLiteral("90").repeated(31)) + ("0220" + small);
    QTest::newRow("zero") << QStringLiteral("00").repeated(32) << small
                          << "3025" + QStringLiteral("020100") + ("0220" + small);
    QTest::newRow("0x80 alone") << (QStringLiteral("00").repeated(31) + "80") << small
                                << "3026" + QStringLiteral("02020080") + ("0220" + small);
    const QString p521 = QStringLiteral("01") + QStringLiteral("ab").repeated(65);
    QTest::newRow("P-521: long-form length") << p521 << p521 << "308188" + ("0242" + p521) + ("0242" + p521);
}

void TestEcdsaSignature::rawToDer()
{
    QFETCH(QString, r);
    QFETCH(QString, s);
    QFETCH(QString, der);

    const Bytes raw = hex(r + s);
    const auto encoded = ossl::ecdsaRawToDer(raw);
    QVERIFY2(encoded, encoded ? "" : encoded.error().message.c_str());
    QCOMPARE(QString::fromStdString(encoding::toHex(*encoded)), der.toLower());
    QVERIFY(ossl::looksLikeDerEcdsa(*encoded));
    const auto back = ossl::ecdsaDerToRaw(*encoded, raw.size() / 2); // OpenSSL's parser
    QVERIFY2(back, back ? "" : back.error().message.c_str());
    QVERIFY(*back == raw);
}

void TestEcdsaSignature::rawToDerRefusesOddSizes()
{
    QVERIFY(!ossl::ecdsaRawToDer(Bytes()));
    QVERIFY(!ossl::ecdsaRawToDer(Bytes(63, 1)));
    QVERIFY(!ossl::ecdsaRawToDer(Bytes(2 * 125, 1)));
}

QTEST_GUILESS_MAIN(TestEcdsaSignature)
#include "TestEcdsaSignature.moc"
