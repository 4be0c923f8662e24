#include "jose/RevocationList.h"

#include <QTest>

using namespace jwtwb;
using jwtwb::jose::RevocationList;

class TestRevocationList : public QObject
{
    Q_OBJECT

private slots:
    void lookups_data();
    void lookups();
    void invalidUtf8NamesTheLine();
};

void TestRevocationList::lookups_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("jti");
    QTest::addColumn<bool>("listed");
    QTest::addColumn<int>("size");

    const QByteArray file = "# revoked on 2026-12-06\n"
                            "a-1\r\n"
                            "\n"
                            "   b 2  \n"
                            "c-3"; // no final newline
    QTest::newRow("a plain line") << file << "c-3" << true << 3;
    QTest::newRow("CR trimmed") << file << "a-1" << true << 3;
    QTest::newRow("spaces around trimmed, inside kept") << file << "b 2" << true << 3;
    QTest::newRow("case matters (RFC 7519 §4.1.7)") << file << "A-1" << false << 3;
    QTest::newRow("a comment is not a jti") << file << "# revoked on 2026-12-06" << false << 3;
    QTest::newRow("the empty jti is not listed") << file << "" << false << 3;
    QTest::newRow("an empty file") << QByteArray() << "a-1" << false << 0;
    QTest::newRow("a repeated jti counts once") << QByteArray("x\nx\n") << "x" << true << 1;
    QTest::newRow("UTF-8") << QByteArray("jti-\xc3\xa9\n") << QString::fromUtf8("jti-\xc3\xa9") << true << 1;
}

void TestRevocationList::lookups()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, jti);
    QFETCH(bool, listed);
    QFETCH(int, size);

    const auto list = RevocationList::parse(std::string_view(file.constData(), static_cast<std::size_t>(file.size())));
    QVERIFY(list.has_value());
    QCOMPARE(list->contains(jti.toStdString()), listed);
    QCOMPARE(list->size(), static_cast<std::size_t>(size));
}

void TestRevocationList::invalidUtf8NamesTheLine()
{
    const auto list = RevocationList::parse("ok\n# fine\nbad-\xff\n");
    QVERIFY(!list.has_value());
    QCOMPARE(list.error().code, Errc::InvalidUtf8);
    QCOMPARE(QString::fromStdString(list.error().message),
             QStringLiteral("line 3 of the deny-list is not valid UTF-8"));
}

QTEST_GUILESS_MAIN(TestRevocationList)
#include "TestRevocationList.moc"
