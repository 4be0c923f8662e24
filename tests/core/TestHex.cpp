#include "encoding/Hex.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::encoding;

class TestHex : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const Bytes bytes{0x00, 0x0f, 0xa5, 0xff};
        QCOMPARE(toHex(bytes), std::string("000fa5ff"));
        QCOMPARE(fromHex("000FA5ff").value(), bytes);
        QVERIFY(fromHex("").value().empty());
    }

    void errors()
    {
        const auto odd = fromHex("abc");
        QVERIFY(!odd.has_value());
        QCOMPARE(odd.error().code, Errc::InvalidHex);
        const auto bad = fromHex("abzz");
        QVERIFY(!bad.has_value());
        QCOMPARE(int(bad.error().position.value()), 2);
    }
};

QTEST_GUILESS_MAIN(TestHex)
#include "TestHex.moc"
