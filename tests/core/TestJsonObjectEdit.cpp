#include "encoding/JsonObjectEdit.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::encoding;

class TestJsonObjectEdit : public QObject
{
    Q_OBJECT

private slots:
    void setMember_data();
    void setMember();
    void removeMember_data();
    void removeMember();
    void refusesWhatItCannotEdit_data();
    void refusesWhatItCannotEdit();
};

void TestJsonObjectEdit::setMember_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("valueJson");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");

    QTest::newRow("replace keeps order and layout") << "{\n  \"typ\": \"JWT\",\n  \"alg\": \"HS256\",\n  \"x\": 1\n}"
                                                    << "alg"
                                                    << "\"ES256\""
                                                    << ""
                                                    << "{\n  \"typ\": \"JWT\",\n  \"alg\": \"ES256\",\n  \"x\": 1\n}";
    QTest::newRow("replace a nested value") << "{\"a\":{\"b\":[1,{\"c\":\"}\"}]},\"z\":0}"
                                            << "a"
                                            << "2"
                                            << ""
                                            << "{\"a\":2,\"z\":0}";
    QTest::newRow("replace the last value") << "{ \"kid\" : \"old\" }"
                                            << "kid"
                                            << "\"new\""
                                            << ""
                                            << "{ \"kid\" : \"new\" }";
    QTest::newRow("replace a literal") << "{\"exp\":null}"
                                       << "exp"
                                       << "1700000000"
                                       << ""
                                       << "{\"exp\":1700000000}";
    QTest::newRow("escaped key matches its name") << "{\"\\u0061lg\":\"none\"}"
                                                  << "alg"
                                                  << "\"HS256\""
                                                  << ""
                                                  << "{\"\\u0061lg\":\"HS256\"}";
    QTest::newRow("insert first, multi-line") << "{\n    \"typ\": \"JWT\"\n}"
                                              << "alg"
                                              << "\"RS256\""
                                              << ""
                                              << "{\n    \"alg\": \"RS256\",\n    \"typ\": \"JWT\"\n}";
    QTest::newRow("insert first, one line") << "{\"typ\":\"JWT\"}"
                                            << "alg"
                                            << "\"RS256\""
                                            << ""
                                            << "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    QTest::newRow("insert first, one member with spaced colon") << "{\"typ\": \"JWT\"}"
                                                                << "alg"
                                                                << "\"RS512\""
                                                                << ""
                                                                << "{\"alg\": \"RS512\", \"typ\": \"JWT\"}";
    QTest::newRow("insert after anchor, multi-line")
        << "{\n  \"alg\": \"RS256\",\n  \"typ\": \"JWT\"\n}"
        << "kid"
        << "\"k1\""
        << "alg"
        << "{\n  \"alg\": \"RS256\",\n  \"kid\": \"k1\",\n  \"typ\": \"JWT\"\n}";
    QTest::newRow("insert after the last member") << "{\n  \"alg\": \"RS256\"\n}"
                                                  << "kid"
                                                  << "\"k1\""
                                                  << "alg"
                                                  << "{\n  \"alg\": \"RS256\",\n  \"kid\": \"k1\"\n}";
    QTest::newRow("insert after a missing anchor goes first") << "{ \"typ\": \"JWT\" }"
                                                              << "kid"
                                                              << "\"k\""
                                                              << "alg"
                                                              << "{ \"kid\": \"k\", \"typ\": \"JWT\" }";
    QTest::newRow("insert into an empty object") << "{ }"
                                                 << "alg"
                                                 << "\"none\""
                                                 << ""
                                                 << "{\"alg\": \"none\"}";
    QTest::newRow("string value is escaped") << "{}"
                                             << "sub"
                                             << "\"a\\\"b\""
                                             << ""
                                             << "{\"sub\": \"a\\\"b\"}";
    QTest::newRow("text around the object is kept") << "\n{\"a\":1}\n"
                                                    << "a"
                                                    << "[2]"
                                                    << ""
                                                    << "\n{\"a\":[2]}\n";
}

void TestJsonObjectEdit::setMember()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, valueJson);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    const auto value = parseJson(valueJson.toStdString());
    QVERIFY(value);
    const auto edited = setObjectMember(text.toStdString(), name.toStdString(), value->value, after.toStdString());
    QVERIFY2(edited, edited ? "" : edited.error().message.c_str());
    QCOMPARE(QString::fromStdString(*edited), expected);
    QVERIFY(parseJson(*edited)); // still JSON
}

void TestJsonObjectEdit::removeMember_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first") << "{\n  \"kid\": \"a\",\n  \"alg\": \"HS256\"\n}"
                           << "kid"
                           << "{\n  \"alg\": \"HS256\"\n}";
    QTest::newRow("middle") << "{\"a\":1, \"kid\":{\"x\":[]}, \"b\":2}"
                            << "kid"
                            << "{\"a\":1, \"b\":2}";
    QTest::newRow("last") << "{\n  \"alg\": \"HS256\",\n  \"kid\": \"a\"\n}"
                          << "kid"
                          << "{\n  \"alg\": \"HS256\"\n}";
    QTest::newRow("only") << "{ \"kid\": \"a\" }"
                          << "kid"
                          << "{}";
    QTest::newRow("absent") << "{ \"alg\": \"HS256\" }"
                            << "kid"
                            << "{ \"alg\": \"HS256\" }";
    QTest::newRow("nested name is not a member") << "{\"x\":{\"kid\":1}}"
                                                 << "kid"
                                                 << "{\"x\":{\"kid\":1}}";
}

void TestJsonObjectEdit::removeMember()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const auto edited = removeObjectMember(text.toStdString(), name.toStdString());
    QVERIFY2(edited, edited ? "" : edited.error().message.c_str());
    QCOMPARE(QString::fromStdString(*edited), expected);
}

void TestJsonObjectEdit::refusesWhatItCannotEdit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::newRow("syntax error") << "{\"alg\": }"
                                  << "ERR_INPUT_JSON";
    QTest::newRow("not an object") << "[\"alg\"]"
                                   << "ERR_INPUT_NOT_AN_OBJECT";
    QTest::newRow("duplicate member") << "{\"alg\":\"a\",\"alg\":\"b\"}"
                                      << "ERR_INPUT_DUPLICATE_MEMBER";
    QTest::newRow("empty") << ""
                           << "ERR_INPUT_JSON";
}

void TestJsonObjectEdit::refusesWhatItCannotEdit()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const auto set = setObjectMember(text.toStdString(), "alg", Json("HS256"));
    QVERIFY(!set);
    QCOMPARE(QString::fromUtf8(errcName(set.error().code)), code);
    const auto removed = removeObjectMember(text.toStdString(), "alg");
    QVERIFY(!removed);
    QCOMPARE(QString::fromUtf8(errcName(removed.error().code)), code);
}

QTEST_GUILESS_MAIN(TestJsonObjectEdit)
#include "TestJsonObjectEdit.moc"
