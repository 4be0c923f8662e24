#include "crypto/Random.h"
#include "encoding/Hex.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace jwtwb;

class TestRandom : public QObject
{
    Q_OBJECT

private slots:
    void uuidFormat_data();
    void uuidFormat();
    void randomUuids();
    void randomBytes();
};

void TestRandom::uuidFormat_data()
{
    QTest::addColumn<QString>("bytesHex");
    QTest::addColumn<QString>("expected");
    // RFC 9562 Appendix A.4 example UUIDv4: its version and variant bits are already set.
    QTest::newRow("RFC 9562 A.4") << "919108f752d143209bacf847db4148a8"
                                  << "919108f7-52d1-4320-9bac-f847db4148a8";
    QTest::newRow("zeros get version and variant") << "00000000000000000000000000000000"
                                                   << "00000000-0000-4000-8000-000000000000";
    QTest::newRow("ones lose the other bits") << "ffffffffffffffffffffffffffffffff"
                                              << "ffffffff-ffff-4fff-bfff-ffffffffffff";
    QTest::newRow("counting") << "000102030405060708090a0b0c0d0e0f"
                              << "00010203-0405-4607-8809-0a0b0c0d0e0f";
}

void TestRandom::uuidFormat()
{
    QFETCH(QString, bytesHex);
    QFETCH(QString, expected);
    const auto bytes = encoding::fromHex(bytesHex.toStdString());
    QVERIFY(bytes && bytes->size() == 16);
    std::array<std::uint8_t, 16> raw{};
    std::ranges::copy(*bytes, raw.begin());
    QCOMPARE(QString::fromStdString(crypto::formatUuidV4(raw)), expected);
}

void TestRandom::randomUuids()
{
    const QRegularExpression shape(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QString> seen;
    QSet<QChar> variants;
    for (int i = 0; i < 1000; ++i) {
        const auto uuid = crypto::randomUuid();
        QVERIFY(uuid);
        const QString text = QString::fromStdString(*uuid);
        QVERIFY2(shape.match(text).hasMatch(), qPrintable(text));
        seen.insert(text);
        variants.insert(text.at(19));
    }
    QCOMPARE(seen.size(), 1000);
    QCOMPARE(variants.size(), 4); // 8, 9, a, b all turn up in 1000 draws (missing one: p < 4 × 0.75^1000)
}

void TestRandom::randomBytes()
{
    const auto none = crypto::randomBytes(0);
    QVERIFY(none && none->empty());
    const auto a = crypto::randomBytes(32);
    const auto b = crypto::randomBytes(32);
    QVERIFY(a && b);
    QCOMPARE(a->size(), std::size_t{32});
    QVERIFY(*a != *b);
}

QTEST_GUILESS_MAIN(TestRandom)
#include "TestRandom.moc"
