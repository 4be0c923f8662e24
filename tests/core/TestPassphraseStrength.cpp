#include "keys/PassphraseStrength.h"

#include <QTest>

#include <string>

using namespace jwtwb;
using namespace jwtwb::keys;

Q_DECLARE_METATYPE(jwtwb::keys::PassphraseQuality)

namespace {

std::span<const std::uint8_t> bytesOf(const std::string& text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

} // namespace

// zxcvbn's estimate on KeePassXC's scale: poor < 40 bits ≤ weak < 75 ≤ good < 100 ≤ excellent.
class TestPassphraseStrength : public QObject
{
    Q_OBJECT

private slots:
    void quality_data()
    {
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<PassphraseQuality>("quality");
        QTest::addColumn<bool>("weak");
        QTest::newRow("empty") << QByteArray() << PassphraseQuality::Poor << true;
        QTest::newRow("abc") << QByteArray("abc") << PassphraseQuality::Poor << true;
        QTest::newRow("the most common password") << QByteArray("password") << PassphraseQuality::Poor << true;
        QTest::newRow("a keyboard walk") << QByteArray("qwertyuiop") << PassphraseQuality::Poor << true;
        QTest::newRow("a word and a year") << QByteArray("summer2026") << PassphraseQuality::Poor << true;
        QTest::newRow("leet spelling") << QByteArray("Tr0ub4dor&3") << PassphraseQuality::Weak << true;
        QTest::newRow("four common words")
            << QByteArray("correct horse battery staple") << PassphraseQuality::Weak << true;
        QTest::newRow("four unrelated words and a year")
            << QByteArray("glacier orbit velvet tundra 1987") << PassphraseQuality::Good << false;
        QTest::newRow("a long sentence") << QByteArray("a-string-secret-at-least-256-bits-long")
                                         << PassphraseQuality::Excellent << false;
    }

    void quality()
    {
        QFETCH(QByteArray, passphrase);
        QFETCH(PassphraseQuality, quality);
        QFETCH(bool, weak);
        const PassphraseStrength strength = estimatePassphraseStrength(bytesOf(passphrase.toStdString()));
        QCOMPARE(strength.quality, quality);
        QCOMPARE(strength.weak(), weak);
        QVERIFY(strength.bits >= 0);
    }

    // More of the same kind of text never makes a passphrase weaker.
    void longerIsNotWeaker()
    {
        const double three = estimatePassphraseStrength(bytesOf("glacier orbit velvet")).bits;
        const double four = estimatePassphraseStrength(bytesOf("glacier orbit velvet tundra")).bits;
        QVERIFY(four > three);
    }

    // A pasted megabyte is estimated from its beginning, at once, and is excellent.
    void hugeInputIsCapped()
    {
        std::string huge;
        for (int i = 0; huge.size() < 1024 * 1024; ++i) {
            huge += std::to_string(i * 7919 % 104729) + "x";
        }
        const PassphraseStrength all = estimatePassphraseStrength(bytesOf(huge));
        const PassphraseStrength prefix = estimatePassphraseStrength(bytesOf(huge.substr(0, kMaxEstimatedBytes)));
        QCOMPARE(all.bits, prefix.bits);
        QCOMPARE(all.quality, PassphraseQuality::Excellent);
    }

    // zxcvbn reads a C string: a zero byte ends the estimate (an underestimate, never more).
    void zeroByteEndsTheEstimate()
    {
        const std::string withZero("abc\0glacier orbit velvet tundra 1987", 36);
        QCOMPARE(estimatePassphraseStrength(bytesOf(withZero)).bits, estimatePassphraseStrength(bytesOf("abc")).bits);
    }

    void names()
    {
        QCOMPARE(passphraseQualityName(PassphraseQuality::Poor), std::string_view("poor"));
        QCOMPARE(passphraseQualityName(PassphraseQuality::Excellent), std::string_view("excellent"));
    }
};

QTEST_GUILESS_MAIN(TestPassphraseStrength)
#include "TestPassphraseStrength.moc"
