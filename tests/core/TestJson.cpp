#include "encoding/Json.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::encoding;

class TestJson : public QObject
{
    Q_OBJECT

private slots:
    void keepsMemberOrder();
    void prettyKeepsOrder();
    void duplicateMembers_data();
    void duplicateMembers();
    void lastDuplicateWins();
    void invalidUtf8_data();
    void invalidUtf8();
    void syntaxErrors_data();
    void syntaxErrors();
    void nestingLimit();
    void describesPositions();
};

void TestJson::keepsMemberOrder()
{
    const std::string text = R"({"z":1,"a":{"y":true,"b":null},"m":[3,2,1],"é":"ü"})";
    const auto parsed = parseJson(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(toCompactJson(parsed->value), text);
    QVERIFY(parsed->duplicates.empty());
}

void TestJson::prettyKeepsOrder()
{
    const auto parsed = parseJson(R"({"sub":"1","iat":2,"a":[1]})");
    QVERIFY(parsed.has_value());
    QCOMPARE(toPrettyJson(parsed->value),
             std::string("{\n  \"sub\": \"1\",\n  \"iat\": 2,\n  \"a\": [\n    1\n  ]\n}"));
}

void TestJson::duplicateMembers_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("offset");
    QTest::newRow("top level") << R"({"alg":"HS256","alg":"none"})"
                               << ""
                               << "alg" << 15;
    QTest::newRow("nested object") << R"({"a":{"x":1,"x":2}})"
                                   << "/a"
                                   << "x" << 12;
    QTest::newRow("inside array") << R"({"l":[{},{"k":1, "k":2}]})"
                                  << "/l/1"
                                  << "k" << 17;
    QTest::newRow("escaped key") << R"({"a\"b":1,"a\"b":2})"
                                 << ""
                                 << "a\"b" << 10;
    QTest::newRow("pointer escaping") << R"({"a/b~":{"q":1,"q":2}})"
                                      << "/a~1b~0"
                                      << "q" << 15;
}

void TestJson::duplicateMembers()
{
    QFETCH(QString, json);
    QFETCH(QString, path);
    QFETCH(QString, key);
    QFETCH(int, offset);
    const std::string text = json.toStdString();
    const auto parsed = parseJson(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->duplicates.size(), std::size_t(1));
    const auto& duplicate = parsed->duplicates.front();
    QCOMPARE(QString::fromStdString(duplicate.path), path);
    QCOMPARE(QString::fromStdString(duplicate.key), key);
    QCOMPARE(int(duplicate.offset), offset);
    QCOMPARE(text.at(duplicate.offset), '"');
}

void TestJson::lastDuplicateWins()
{
    const auto parsed = parseJson(R"({"alg":"HS256","typ":"JWT","alg":"none"})");
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->value["alg"].get<std::string>(), std::string("none"));
    QCOMPARE(parsed->value.size(), std::size_t(2));
}

void TestJson::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::newRow("lone continuation") << QByteArray("{\"a\":\"\x80\"}") << 6;
    QTest::newRow("truncated sequence") << QByteArray("{\"a\":\"\xc3\"}") << 6;
    QTest::newRow("overlong slash") << QByteArray("{\"a\":\"\xc0\xaf\"}") << 6;
    QTest::newRow("surrogate") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << 6;
    QTest::newRow("above U+10FFFF") << QByteArray("{\"a\":\"\xf4\x90\x80\x80\"}") << 6;
    QTest::newRow("latin-1 key") << QByteArray("{\"\xe9\":1}") << 2;
}

void TestJson::invalidUtf8()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    const auto parsed = parseJson(json.toStdString());
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, Errc::InvalidUtf8);
    QCOMPARE(int(parsed.error().position.value()), offset);
}

void TestJson::syntaxErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("where");
    QTest::newRow("empty") << ""
                           << "line 1, column 1";
    QTest::newRow("trailing comma") << R"({"a":1,})"
                                    << "line 1, column 8";
    QTest::newRow("single quotes") << "{'a':1}"
                                   << "line 1, column 2";
    QTest::newRow("second line") << "{\n  \"a\": tru }"
                                 << "line 2";
    QTest::newRow("trailing text") << R"({"a":1} x)"
                                   << "line 1, column 9";
    QTest::newRow("unterminated") << R"({"a":"b)"
                                  << "line 1";
}

void TestJson::syntaxErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, where);
    const auto parsed = parseJson(json.toStdString());
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, Errc::InvalidJson);
    const QString message = QString::fromStdString(parsed.error().message);
    QVERIFY2(message.contains(where), qPrintable(message));
    QVERIFY2(!message.contains("json.exception"), qPrintable(message));
}

void TestJson::nestingLimit()
{
    const std::string ok(kMaxJsonDepth, '[');
    QVERIFY(parseJson(ok + std::string(kMaxJsonDepth, ']')).has_value());
    const std::string deep(1'000'000, '[');
    const auto parsed = parseJson(deep);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, Errc::NestingTooDeep);
    QCOMPARE(int(parsed.error().position.value()), int(kMaxJsonDepth));
}

void TestJson::describesPositions()
{
    QCOMPARE(describePosition("ab\ncé\nx", 6), std::string("line 2, column 3"));
    QCOMPARE(describePosition("", 0), std::string("line 1, column 1"));
}

QTEST_GUILESS_MAIN(TestJson)
#include "TestJson.moc"
