#include "JsonMembersAgreement.h"
#include "crypto/WipeJson.h"
#include "encoding/JsonMembers.h"

#include <QTest>

using namespace jwtwb;

// readJsonMembers is how verification reads a header and a claims set. It must read every text as
// parseJson does: the same verdict, the same error at the same position, the same members and
// values, the same repeated members.
class TestJsonMembers : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithParseJson_data();
    void agreesWithParseJson();
    void lastValueWinsAtFirstPosition();
    void stringsAreViewsOfTheText();
    void escapedNamesAndStringsAreDecoded();
    void notAnObject();
    void wipeEmptiesTheMembers();
};

void TestJsonMembers::agreesWithParseJson_data()
{
    QTest::addColumn<QByteArray>("text");
    const auto row = [](const char* name, QByteArray text) { QTest::newRow(name) << text; };
    // RFC 7519 §3.1's header and claims, CR LF included.
    row("RFC 7519 header", "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}");
    row("RFC 7519 claims", "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}");
    row("empty object", "{}");
    row("whitespace around", " \t\r\n{ \"a\" : 1 }\n ");
    row("byte order mark", "\xEF\xBB\xBF{\"a\":1}");
    row("every kind", R"({"s":"x","n":-1.5e3,"t":true,"f":false,"z":null,"a":[1,"b",{"c":[]}],"o":{"p":{}}})");
    row("integers", R"({"max":18446744073709551615,"min":-9223372036854775808,"big":18446744073709551616,"zero":-0})");
    row("underflow", R"({"tiny":1e-400})");
    row("overflow", R"({"huge":1e400})");
    row("escapes", R"({"n\u00e9":"\ud83d\ude00 \"quoted\" \\ \/ \b\f\n\r\t","k":"plain"})");
    row("duplicate", R"({"a":1,"b":2,"a":"three"})");
    row("duplicate spelled with an escape", R"({"a":1,"\u0061":2})");
    row("nested duplicate", R"({"x":{"a":1,"a":2},"y":[{"b":1,"b":1}]})");
    row("nested name with a tilde and slash", R"({"a/b~c":{"d":1,"d":2}})");
    row("array", "[1,2,3]");
    row("string", "\"text\"");
    row("number", "42");
    row("null", "null");
    row("empty", "");
    row("only whitespace", "  ");
    row("unterminated object", R"({"a":1)");
    row("trailing comma", R"({"a":1,})");
    row("missing colon", R"({"a" 1})");
    row("name not a string", "{a:1}");
    row("text after the object", R"({"a":1} x)");
    row("two objects", R"({}{})");
    row("bad escape", R"({"a":"\x"})");
    row("lone low surrogate", R"({"a":"\udc00"})");
    row("control character", "{\"a\":\"\x01\"}");
    row("invalid UTF-8", "{\"a\":\"\xC3\x28\"}");
    row("leading zero", R"({"a":01})");
    row("nested too deep", QByteArray("{\"a\":") + QByteArray(256, '[') + QByteArray(256, ']') + "}");
    row("nested as deep as allowed", QByteArray("{\"a\":") + QByteArray(255, '[') + QByteArray(255, ']') + "}");
    // Past 16 members parseJson's objects look names up by hash: a duplicate must still be found.
    QByteArray many = "{";
    for (int i = 0; i < 40; ++i) {
        many += "\"m" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
    }
    row("40 members and a duplicate", many + "\"m7\":\"again\"}");
}

void TestJsonMembers::agreesWithParseJson()
{
    QFETCH(QByteArray, text);
    const std::string disagreement = test::membersDisagreement(text.toStdString());
    QVERIFY2(disagreement.empty(), disagreement.c_str());
}

void TestJsonMembers::lastValueWinsAtFirstPosition()
{
    const std::string text = R"({"a":1,"b":2,"a":"three"})";
    const auto members = encoding::readJsonMembers(text);
    QVERIFY(members.has_value());
    QCOMPARE(members->members().size(), std::size_t(2));
    QCOMPARE(members->members()[0].name, std::string_view("a"));
    QVERIFY(members->members()[0].isString);
    QCOMPARE(members->members()[0].string, std::string_view("three"));
    QCOMPARE(members->duplicates().size(), std::size_t(1));
    QCOMPARE(members->duplicates().front().key, std::string("a"));
    QCOMPARE(members->duplicates().front().offset, text.rfind("\"a\""));
}

void TestJsonMembers::stringsAreViewsOfTheText()
{
    const std::string text = R"({"iss":"https://issuer.example","exp":1300819380})";
    const auto members = encoding::readJsonMembers(text);
    QVERIFY(members.has_value());
    const encoding::JsonMember* iss = members->find("iss");
    QVERIFY(iss && iss->isString);
    QCOMPARE(iss->string, std::string_view("https://issuer.example"));
    QVERIFY(iss->string.data() > text.data() && iss->string.data() < text.data() + text.size());
    QVERIFY(iss->name.data() > text.data() && iss->name.data() < text.data() + text.size());
    const encoding::JsonMember* exp = members->find("exp");
    QVERIFY(exp && !exp->isString && exp->string.empty());
    QCOMPARE(exp->value.get<std::uint64_t>(), std::uint64_t(1300819380));
    QVERIFY(members->find("sub") == nullptr);
}

void TestJsonMembers::escapedNamesAndStringsAreDecoded()
{
    std::string text = R"({"n\u00e9":"a\nb","k":"\u0041"})";
    auto members = encoding::readJsonMembers(text);
    QVERIFY(members.has_value());
    // Moved, the decoded copies stay where the views point.
    const encoding::JsonMembers moved = std::move(*members);
    text.assign(text.size(), 'x');
    QCOMPARE(moved.members()[0].name, std::string_view("n\xC3\xA9"));
    QCOMPARE(moved.members()[0].string, std::string_view("a\nb"));
    QCOMPARE(moved.members()[1].string, std::string_view("A"));
}

void TestJsonMembers::notAnObject()
{
    const auto members = encoding::readJsonMembers("[1,2]");
    QVERIFY(members.has_value());
    QVERIFY(!members->isObject());
    QVERIFY(members->notObject() && members->notObject()->is_array());
    QVERIFY(members->members().empty());
    QVERIFY(encoding::readJsonMembers("{}")->isObject());
}

void TestJsonMembers::wipeEmptiesTheMembers()
{
    const std::string text = R"({"secret":"s\u0065cret","nested":{"d":"key"}})";
    auto members = encoding::readJsonMembers(text);
    QVERIFY(members.has_value() && members->members().size() == 2);
    crypto::wipe(*members);
    QVERIFY(members->members().empty());
    QVERIFY(members->find("secret") == nullptr);
}

QTEST_APPLESS_MAIN(TestJsonMembers)
#include "TestJsonMembers.moc"
