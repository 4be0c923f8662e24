#include "encoding/Json.h"

#include <QElapsedTimer>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::encoding;

namespace {

// Checks code, position, the line and column in the message, and the words that say what is wrong.
void verifyError(const std::string& text, Errc code, int offset, const QString& fragment)
{
    const auto parsed = parseJson(text);
    QVERIFY(!parsed.has_value());
    QCOMPARE(int(parsed.error().code), int(code));
    QCOMPARE(int(parsed.error().position.value_or(-1)), offset);
    const QString message = QString::fromStdString(parsed.error().message);
    QVERIFY2(message.contains(QString::fromStdString(describePosition(text, std::size_t(offset)))),
             qPrintable(message));
    QVERIFY2(message.contains(fragment), qPrintable(message));
    QVERIFY2(!message.contains("json.exception"), qPrintable(message));
}

// The same values of the same types: == compares numbers across integer, unsigned and float.
bool sameShape(const Json& a, const Json& b)
{
    if (a.type() != b.type() || a.size() != b.size()) {
        return false;
    }
    if (a.is_object()) {
        for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
            if (i.key() != j.key() || !sameShape(*i, *j)) {
                return false;
            }
        }
    } else if (a.is_array()) {
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!sameShape(a[i], b[i])) {
                return false;
            }
        }
    }
    return a == b;
}

std::string nested(std::size_t depth, std::string_view open, std::string_view inner, std::string_view close)
{
    std::string text;
    for (std::size_t i = 0; i < depth; ++i) {
        text += open;
    }
    text += inner;
    for (std::size_t i = 0; i < depth; ++i) {
        text += close;
    }
    return text;
}

} // namespace

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

    void escapes_data();
    void escapes();
    void badStrings_data();
    void badStrings();
    void controlCharacters_data();
    void controlCharacters();
    void numbers_data();
    void numbers();
    void badNumbers_data();
    void badNumbers();
    void literals_data();
    void literals();
    void badLiterals_data();
    void badLiterals();
    void trailingText_data();
    void trailingText();
    void structureErrors_data();
    void structureErrors();
    void byteOrderMark();
    void nestedDuplicates_data();
    void nestedDuplicates();
    void lastValueKeepsFirstPosition();
    void manyMembers();
    void hugeStrings();
    void nestingAtTheLimit_data();
    void nestingAtTheLimit();
    void sameAsNlohmann_data();
    void sameAsNlohmann();
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
    QTest::newRow("outside a string") << QByteArray("{\"a\":1}\xff") << 7;
    QTest::newRow("after a syntax error") << QByteArray("[1,]\x80") << 4;
    QTest::newRow("in an escaped string") << QByteArray("[\"\\n\xc3\x28\"]") << 4;
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

void TestJson::escapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("short escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")") << QByteArray("\"\\/\b\f\n\r\t");
    QTest::newRow("escape between text") << QByteArray(R"("a\nb")") << QByteArray("a\nb");
    QTest::newRow("escape first and last") << QByteArray(R"("\tx\t")") << QByteArray("\tx\t");
    QTest::newRow("ascii") << QByteArray(R"("\u0041\u0062")") << QByteArray("Ab");
    QTest::newRow("nul") << QByteArray(R"("a\u0000b")") << QByteArray("a\0b", 3);
    QTest::newRow("two bytes") << QByteArray(R"("\u00e9\u00E9")") << QByteArray("\xc3\xa9\xc3\xa9");
    QTest::newRow("three bytes") << QByteArray(R"("\u20ac")") << QByteArray("\xe2\x82\xac");
    QTest::newRow("last before surrogates") << QByteArray(R"("\ud7ff")") << QByteArray("\xed\x9f\xbf");
    QTest::newRow("first after surrogates") << QByteArray(R"("\ue000")") << QByteArray("\xee\x80\x80");
    QTest::newRow("U+FFFF") << QByteArray(R"("\uffff")") << QByteArray("\xef\xbf\xbf");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("surrogate pair upper case") << QByteArray(R"("\uD83D\uDE00")") << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("U+10000") << QByteArray(R"("\ud800\udc00")") << QByteArray("\xf0\x90\x80\x80");
    QTest::newRow("U+10FFFF") << QByteArray(R"("\udbff\udfff")") << QByteArray("\xf4\x8f\xbf\xbf");
    QTest::newRow("raw UTF-8 next to escapes")
        << QByteArray("\"\xc3\xa9\\n\xf0\x9f\x98\x80\"") << QByteArray("\xc3\xa9\n\xf0\x9f\x98\x80");
    QTest::newRow("DEL needs no escape") << QByteArray("\"\x7f\"") << QByteArray("\x7f");
    QTest::newRow("empty") << QByteArray(R"("")") << QByteArray("");
}

void TestJson::escapes()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    const auto parsed = parseJson(json.toStdString());
    QVERIFY(parsed.has_value());
    QVERIFY(parsed->value.is_string());
    QCOMPARE(parsed->value.get<std::string>(), expected.toStdString());

    // The same in a member name.
    const auto object = parseJson("{" + json.toStdString() + ":1}");
    QVERIFY(object.has_value());
    QCOMPARE(object->value.begin().key(), expected.toStdString());
}

void TestJson::badStrings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("unknown escape") << QByteArray(R"("\x")") << 2 << "escape";
    QTest::newRow("escaped single quote") << QByteArray(R"("\'")") << 2 << "escape";
    QTest::newRow("upper case U") << QByteArray(R"("\U0041")") << 2 << "escape";
    QTest::newRow("backslash at the end") << QByteArray(R"("\)") << 2 << "the end of the text";
    QTest::newRow("short \\u") << QByteArray(R"("\u12")") << 5 << "four hex digits";
    QTest::newRow("bad hex") << QByteArray(R"("\u12g4")") << 5 << "four hex digits";
    QTest::newRow("\\u at the end") << QByteArray(R"("\u)") << 3 << "four hex digits";
    QTest::newRow("lone high surrogate") << QByteArray(R"("\ud800")") << 7 << "high surrogate";
    QTest::newRow("high surrogate then text") << QByteArray(R"("\ud83dx")") << 7 << "high surrogate";
    QTest::newRow("high surrogate then escape") << QByteArray(R"("\ud83d\n")") << 7 << "high surrogate";
    QTest::newRow("high surrogate then BMP") << QByteArray(R"("\ud83d\u0041")") << 7 << "not \\u0041";
    QTest::newRow("two high surrogates") << QByteArray(R"("\udbff\udbff")") << 7 << "not \\uDBFF";
    QTest::newRow("high surrogate then bad hex") << QByteArray(R"("\ud83d\ude0z")") << 12 << "four hex digits";
    QTest::newRow("lone low surrogate") << QByteArray(R"("\udc00")") << 1 << "low surrogate";
    QTest::newRow("reversed pair") << QByteArray(R"("\ude00\ud83d")") << 1 << "low surrogate";
    QTest::newRow("low surrogate after text") << QByteArray(R"("ab\udfff")") << 3 << "low surrogate";
    QTest::newRow("unterminated") << QByteArray(R"("abc)") << 4 << "unterminated string";
    QTest::newRow("unterminated after escape") << QByteArray(R"(["a\"])") << 6 << "unterminated string";
    QTest::newRow("unterminated key") << QByteArray(R"({"a)") << 3 << "unterminated string";
}

void TestJson::badStrings()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    QFETCH(QString, fragment);
    verifyError(json.toStdString(), Errc::InvalidJson, offset, fragment);
}

void TestJson::controlCharacters_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("fragment");
    for (int c = 0; c < 0x20; ++c) {
        const QString name = QString("U+%1").arg(c, 4, 16, QChar('0')).toUpper();
        QTest::newRow(qPrintable(name + " in a value")) << (QByteArray("[\"a") + char(c) + "\"]") << 3 << name;
        QTest::newRow(qPrintable(name + " after an escape")) << (QByteArray("{\"\\n") + char(c) + "\":1}") << 4 << name;
    }
}

void TestJson::controlCharacters()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    QFETCH(QString, fragment);
    verifyError(json.toStdString(), Errc::InvalidJson, offset, fragment);
}

void TestJson::numbers_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("dumped");
    const int u = int(Json::value_t::number_unsigned);
    const int i = int(Json::value_t::number_integer);
    const int f = int(Json::value_t::number_float);
    QTest::newRow("zero") << "0" << u << "0";
    QTest::newRow("minus zero") << "-0" << i << "0";
    QTest::newRow("one") << "1" << u << "1";
    QTest::newRow("minus one") << "-1" << i << "-1";
    QTest::newRow("claim") << "1795860000" << u << "1795860000";
    QTest::newRow("int64 max") << "9223372036854775807" << u << "9223372036854775807";
    QTest::newRow("int64 max + 1") << "9223372036854775808" << u << "9223372036854775808";
    QTest::newRow("20 digits") << "12345678901234567890" << u << "12345678901234567890";
    QTest::newRow("uint64 max") << "18446744073709551615" << u << "18446744073709551615";
    QTest::newRow("uint64 max + 1") << "18446744073709551616" << f << "1.8446744073709552e+19";
    QTest::newRow("30 digits") << "123456789012345678901234567890" << f << "1.2345678901234568e+29";
    QTest::newRow("int64 min") << "-9223372036854775808" << i << "-9223372036854775808";
    QTest::newRow("int64 min - 1") << "-9223372036854775809" << f << "-9.223372036854776e+18";
    QTest::newRow("-uint64 max") << "-18446744073709551615" << f << "-1.8446744073709552e+19";
    QTest::newRow("fraction") << "1.5" << f << "1.5";
    QTest::newRow("negative fraction") << "-0.25" << f << "-0.25";
    QTest::newRow("one point zero") << "1.0" << f << "1.0";
    QTest::newRow("zero point zero") << "0.0" << f << "0.0";
    QTest::newRow("minus zero point zero") << "-0.0" << f << "-0.0";
    QTest::newRow("exponent") << "1e3" << f << "1000.0";
    QTest::newRow("upper case exponent") << "1E3" << f << "1000.0";
    QTest::newRow("plus exponent") << "1e+3" << f << "1000.0";
    QTest::newRow("minus exponent") << "1e-3" << f << "0.001";
    QTest::newRow("zero exponent") << "0e0" << f << "0.0";
    QTest::newRow("leading zeros in exponent") << "1e007" << f << "10000000.0";
    QTest::newRow("fraction and exponent") << "-12.5E-1" << f << "-1.25";
    QTest::newRow("0.1") << "0.1" << f << "0.1";
    QTest::newRow("largest double") << "1.7976931348623157e308" << f << "1.7976931348623157e+308";
    QTest::newRow("rounds down to largest") << "1.7976931348623158e308" << f << "1.7976931348623157e+308";
    QTest::newRow("smallest normal") << "2.2250738585072014e-308" << f << "2.2250738585072014e-308";
    QTest::newRow("smallest subnormal") << "5e-324" << f << "5e-324";
    QTest::newRow("underflow to zero") << "1e-400" << f << "0.0";
    QTest::newRow("negative underflow") << "-1e-400" << f << "-0.0";
    QTest::newRow("underflow below subnormals") << "2e-324" << f << "0.0";
    QTest::newRow("long fraction underflows") << "0.0000000000000000000000000000000000000001e-300" << f << "0.0";
    QTest::newRow("zero with huge exponent") << "0e999999999999999999999" << f << "0.0";
    QTest::newRow("many digits, small exponent") << "100000000000000000000000000000e-10" << f << "1e+19";
    QTest::newRow("in an array") << " [ -7 ] " << int(Json::value_t::array) << "[-7]";
}

void TestJson::numbers()
{
    QFETCH(QString, json);
    QFETCH(int, type);
    QFETCH(QString, dumped);
    const auto parsed = parseJson(json.toStdString());
    QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(int(parsed->value.type()), type);
    QCOMPARE(QString::fromStdString(toCompactJson(parsed->value)), dumped);
}

void TestJson::badNumbers_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("leading zero") << "01" << 1 << "leading zero";
    QTest::newRow("negative leading zero") << "-01" << 2 << "leading zero";
    QTest::newRow("double zero") << "[00]" << 2 << "leading zero";
    QTest::newRow("plus") << "+1" << 0 << "expected a value";
    QTest::newRow("no integer part") << ".5" << 0 << "expected a value";
    QTest::newRow("minus only") << "-" << 1 << "digit after '-'";
    QTest::newRow("minus minus") << "--1" << 1 << "digit after '-'";
    QTest::newRow("minus letter") << "[-a]" << 2 << "digit after '-'";
    QTest::newRow("minus dot") << "-.5" << 1 << "digit after '-'";
    QTest::newRow("no fraction digits") << "1." << 2 << "decimal point";
    QTest::newRow("dot then exponent") << "1.e5" << 2 << "decimal point";
    QTest::newRow("two dots") << "1.2.3" << 3 << "end of the text";
    QTest::newRow("no exponent digits") << "1e" << 2 << "exponent";
    QTest::newRow("sign without digits") << "1e+" << 3 << "exponent";
    QTest::newRow("exponent then letter") << "[1E-x]" << 4 << "exponent";
    QTest::newRow("hex") << "0x1" << 1 << "end of the text";
    QTest::newRow("NaN") << "NaN" << 0 << "expected a value";
    QTest::newRow("Infinity") << "Infinity" << 0 << "expected a value";
    QTest::newRow("minus Infinity") << "-Infinity" << 1 << "digit after '-'";
    QTest::newRow("comma decimal") << "[1,5.]" << 5 << "decimal point";
    QTest::newRow("overflow") << "1e400" << 0 << "too large";
    QTest::newRow("negative overflow") << "[1, -1e400]" << 4 << "too large";
    QTest::newRow("just past the largest") << "1.7976931348623159e308" << 0 << "too large";
    QTest::newRow("huge exponent") << "1e99999999999999999999999" << 0 << "too large";
    QTest::newRow("many digits") << QString("1") + QString(400, '0') << 0 << "too large";
    QTest::newRow("huge fraction") << "{\"a\":123.456e400}" << 5 << "too large";
}

void TestJson::badNumbers()
{
    QFETCH(QString, json);
    QFETCH(int, offset);
    QFETCH(QString, fragment);
    verifyError(json.toStdString(), Errc::InvalidJson, offset, fragment);
}

void TestJson::literals_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("dumped");
    QTest::newRow("true") << "true"
                          << "true";
    QTest::newRow("false") << "false"
                           << "false";
    QTest::newRow("null") << "null"
                          << "null";
    QTest::newRow("string") << R"("jwt")"
                            << R"("jwt")";
    QTest::newRow("number") << "42"
                            << "42";
    QTest::newRow("with whitespace") << " \t\r\n true \t\r\n "
                                     << "true";
    QTest::newRow("in an array") << "[true,false,null]"
                                 << "[true,false,null]";
    QTest::newRow("as members") << R"({"t":true,"f":false,"n":null})"
                                << R"({"t":true,"f":false,"n":null})";
    QTest::newRow("empty object") << "{}"
                                  << "{}";
    QTest::newRow("empty array") << "[]"
                                 << "[]";
    QTest::newRow("spaced empty object") << "{ \n }"
                                         << "{}";
    QTest::newRow("spaced empty array") << "[ \t ]"
                                        << "[]";
    QTest::newRow("empties inside") << R"({"a":{},"b":[],"c":[{},[]]})"
                                    << R"({"a":{},"b":[],"c":[{},[]]})";
    QTest::newRow("all whitespace")
        << " \t\r\n[ \t\r\n1 \t\r\n, \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n2 \t\r\n} \t\r\n] \t\r\n"
        << R"([1,{"a":2}])";
}

void TestJson::literals()
{
    QFETCH(QString, json);
    QFETCH(QString, dumped);
    const auto parsed = parseJson(json.toStdString());
    QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(QString::fromStdString(toCompactJson(parsed->value)), dumped);
    QVERIFY(parsed->duplicates.empty());
}

void TestJson::badLiterals_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("tru") << "tru" << 3 << "expected 'true'";
    QTest::newRow("trUe") << "trUe" << 2 << "expected 'true'";
    QTest::newRow("True") << "True" << 0 << "expected a value";
    QTest::newRow("TRUE") << "TRUE" << 0 << "expected a value";
    QTest::newRow("fals") << "[fals]" << 5 << "expected 'false'";
    QTest::newRow("fals e") << "fals e" << 4 << "expected 'false'";
    QTest::newRow("nul") << "nul" << 3 << "expected 'null'";
    QTest::newRow("nil") << "nil" << 1 << "expected 'null'";
    QTest::newRow("None") << "None" << 0 << "expected a value";
    QTest::newRow("undefined") << "undefined" << 0 << "expected a value";
    QTest::newRow("nulll") << "nulll" << 4 << "end of the text";
    QTest::newRow("truex") << "truex" << 4 << "end of the text";
    QTest::newRow("falsey") << R"({"a":falsey})" << 10 << "',' or '}'";
}

void TestJson::badLiterals()
{
    QFETCH(QString, json);
    QFETCH(int, offset);
    QFETCH(QString, fragment);
    verifyError(json.toStdString(), Errc::InvalidJson, offset, fragment);
}

void TestJson::trailingText_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::newRow("two objects") << QByteArray("{} {}") << 3;
    QTest::newRow("extra bracket") << QByteArray("[]]") << 2;
    QTest::newRow("two numbers") << QByteArray("1 2") << 2;
    QTest::newRow("two strings") << QByteArray(R"("a" "b")") << 4;
    QTest::newRow("comma") << QByteArray("null,") << 4;
    QTest::newRow("text") << QByteArray(R"({"a":1}x)") << 7;
    QTest::newRow("after whitespace") << QByteArray("{}\n\n  ;") << 6;
    QTest::newRow("NUL") << QByteArray("{}\0", 3) << 2;
    QTest::newRow("form feed") << QByteArray("{}\f") << 2;
    QTest::newRow("vertical tab") << QByteArray("{}\v") << 2;
    QTest::newRow("no-break space") << QByteArray("{}\xc2\xa0") << 2;
    QTest::newRow("byte order mark after the value") << QByteArray("{}\xef\xbb\xbf") << 2;
}

void TestJson::trailingText()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    verifyError(json.toStdString(), Errc::InvalidJson, offset, "expected the end of the text");
}

void TestJson::structureErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("empty") << QByteArray("") << 0 << "found the end of the text";
    QTest::newRow("only whitespace") << QByteArray(" \n ") << 3 << "found the end of the text";
    QTest::newRow("form feed is not whitespace") << QByteArray("\f1") << 0 << "U+000C";
    QTest::newRow("no-break space is not whitespace") << QByteArray("\xc2\xa0{}") << 0 << "U+00A0";
    QTest::newRow("zero width space") << QByteArray("[1,\xe2\x80\x8b 2]") << 3 << "U+200B";
    QTest::newRow("unclosed object") << QByteArray("{") << 1 << "member name, or '}'";
    QTest::newRow("unclosed array") << QByteArray("[1") << 2 << "',' or ']'";
    QTest::newRow("unclosed nested") << QByteArray(R"({"a":[{)") << 7 << "member name";
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << 5 << "':'";
    QTest::newRow("missing value") << QByteArray(R"({"a":})") << 5 << "expected a value";
    QTest::newRow("missing comma") << QByteArray(R"({"a":1 "b":2})") << 7 << "',' or '}'";
    QTest::newRow("leading comma") << QByteArray("{,}") << 1 << "member name";
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << 1 << "member name";
    QTest::newRow("number key") << QByteArray("{1:1}") << 1 << "member name";
    QTest::newRow("trailing comma in array") << QByteArray("[1,]") << 3 << "expected a value";
    QTest::newRow("double comma") << QByteArray("[1,,2]") << 3 << "expected a value";
    QTest::newRow("leading comma in array") << QByteArray("[,1]") << 1 << "expected a value";
    QTest::newRow("mismatched brackets") << QByteArray("[1}") << 2 << "',' or ']'";
    QTest::newRow("mismatched braces") << QByteArray(R"({"a":1])") << 6 << "',' or '}'";
    QTest::newRow("closing only") << QByteArray("]") << 0 << "expected a value";
    QTest::newRow("comment") << QByteArray("[1 // one\n]") << 3 << "',' or ']'";
    QTest::newRow("single quotes") << QByteArray("['a']") << 1 << "found \"'\"";
}

void TestJson::structureErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    QFETCH(QString, fragment);
    verifyError(json.toStdString(), Errc::InvalidJson, offset, fragment);
}

void TestJson::byteOrderMark()
{
    // RFC 8259 §8.1 lets a parser ignore a leading byte order mark; nlohmann does, and so do we.
    const auto parsed = parseJson("\xef\xbb\xbf{\"a\":1,\"a\":2}");
    QVERIFY(parsed.has_value());
    QCOMPARE(toCompactJson(parsed->value), std::string(R"({"a":2})"));
    QCOMPARE(parsed->duplicates.size(), std::size_t(1));
    QCOMPARE(parsed->duplicates.front().offset, std::size_t(10)); // offsets still count the mark
    verifyError("\xef\xbb\xbf\xef\xbb\xbf{}", Errc::InvalidJson, 3, "U+FEFF");
}

void TestJson::nestedDuplicates_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("expected"); // path|key|offset, in the order of the text
    QTest::addColumn<QString>("dumped");
    QTest::newRow("deep in arrays") << R"({"a":{"b":[0,{"c":1,"c":2}]}})" << QStringList{"/a/b/1|c|20"}
                                    << R"({"a":{"b":[0,{"c":2}]}})";
    QTest::newRow("arrays only") << R"([[{"k":1,"k":2}]])" << QStringList{"/0/0|k|9"} << R"([[{"k":2}]])";
    QTest::newRow("pointer escaping") << R"({"~/":[0,{"x":1,"x":2}],"a~1":{"y":1,"y":2}})"
                                      << QStringList{"/~0~1/1|x|16", "/a~01|y|37"}
                                      << R"({"~/":[0,{"x":2}],"a~1":{"y":2}})";
    QTest::newRow("empty names") << R"({"":{"":1,"":2}})" << QStringList{"/||10"} << R"({"":{"":2}})";
    QTest::newRow("outer, then inside the later value")
        << R"({"a":1,"a":{"b":1,"b":2}})" << QStringList{"|a|7", "/a|b|18"} << R"({"a":{"b":2}})";
    QTest::newRow("inside the earlier value, then outer")
        << R"({"a":{"b":1,"b":2},"a":3})" << QStringList{"/a|b|12", "|a|19"} << R"({"a":3})";
    QTest::newRow("three times") << R"({"t":1,"t":2,"t":3})" << QStringList{"|t|7", "|t|13"} << R"({"t":3})";
    QTest::newRow("escaped spelling") << R"({"a":1,"\u0061":2,"\/":3,"/":4})" << QStringList{"|a|7", "|/|25"}
                                      << R"({"a":2,"/":4})";
    QTest::newRow("name with a NUL") << R"({"a\u0000":1,"a":2,"a\u0000":3})" << QStringList{"|a\\u0000|19"}
                                     << R"({"a\u0000":3,"a":2})";
    QTest::newRow("index after a nested array")
        << R"([[1,2],{"n":[],"n":{}}])" << QStringList{"/1|n|15"} << R"([[1,2],{"n":{}}])";

    // Around the switch from a linear scan to a hash index.
    for (const int size : {15, 16, 17, 18, 40}) {
        QString text = "{";
        for (int i = 0; i < size; ++i) {
            text += QString("\"m%1\":%1,").arg(i);
        }
        const int first = int(text.size());
        text += QString("\"m0\":\"first\",");
        const int last = int(text.size());
        text += QString("\"m%1\":\"last\"}").arg(size - 1);
        QTest::newRow(qPrintable(QString("%1 members").arg(size)))
            << text << QStringList{QString("|m0|%1").arg(first), QString("|m%1|%2").arg(size - 1).arg(last)}
            << QString(); // checked below by value
    }
}

void TestJson::nestedDuplicates()
{
    QFETCH(QString, json);
    QFETCH(QStringList, expected);
    QFETCH(QString, dumped);
    const std::string text = json.toStdString();
    const auto parsed = parseJson(text);
    QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
    QStringList found;
    for (const auto& duplicate : parsed->duplicates) {
        QCOMPARE(text.at(duplicate.offset), '"');
        std::string key = duplicate.key;
        if (const auto nul = key.find('\0'); nul != std::string::npos) {
            key.replace(nul, 1, "\\u0000");
        }
        found << QString("%1|%2|%3")
                     .arg(QString::fromStdString(duplicate.path), QString::fromStdString(key))
                     .arg(duplicate.offset);
    }
    QCOMPARE(found, expected);
    if (!dumped.isEmpty()) {
        QCOMPARE(QString::fromStdString(toCompactJson(parsed->value)), dumped);
    } else {
        QCOMPARE(parsed->value["m0"].get<std::string>(), std::string("first"));
        QCOMPARE(parsed->value.begin().key(), std::string("m0"));
        QCOMPARE(std::prev(parsed->value.end()).value().get<std::string>(), std::string("last"));
    }
}

void TestJson::lastValueKeepsFirstPosition()
{
    const auto parsed = parseJson(R"({"a":{"x":1},"b":2,"a":[1],"c":3,"b":{"y":[4]}})");
    QVERIFY(parsed.has_value());
    QCOMPARE(toCompactJson(parsed->value), std::string(R"({"a":[1],"b":{"y":[4]},"c":3})"));
    QCOMPARE(parsed->duplicates.size(), std::size_t(2));
}

void TestJson::manyMembers()
{
    constexpr int kMembers = 200'000;
    std::string text = "{";
    for (int i = 0; i < kMembers; ++i) {
        text += "\"claim" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    }
    const std::size_t repeated = text.size();
    text += R"("claim123":"again"})";

    QElapsedTimer timer;
    timer.start();
    const auto parsed = parseJson(text);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(parsed.has_value());
    // A linear search per member would take minutes; the sanitizer build is several times slower.
    QVERIFY2(elapsed < 3000, qPrintable(QString("%1 ms").arg(elapsed)));

    QCOMPARE(parsed->value.size(), std::size_t(kMembers));
    QCOMPARE(parsed->duplicates.size(), std::size_t(1));
    QCOMPARE(parsed->duplicates.front().key, std::string("claim123"));
    QCOMPARE(parsed->duplicates.front().path, std::string());
    QCOMPARE(parsed->duplicates.front().offset, repeated);
    const auto member = std::next(parsed->value.begin(), 123);
    QCOMPARE(member.key(), std::string("claim123"));
    QCOMPARE(member.value().get<std::string>(), std::string("again"));
    QCOMPARE(std::prev(parsed->value.end()).key(), std::string("claim199999"));
}

void TestJson::hugeStrings()
{
    constexpr std::size_t kSize = 10'000'000;
    const std::string plain = R"({"data":")" + std::string(kSize, 'x') + R"(","n":1})";
    const auto parsed = parseJson(plain);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->value["data"].get_ref<const std::string&>().size(), kSize);
    QCOMPARE(parsed->value["n"].get<int>(), 1);

    std::string escaped = "[\"";
    std::string expected;
    while (expected.size() < kSize) {
        escaped += R"(abc\n\u00e9\ud83d\ude00)";
        expected += "abc\n\xc3\xa9\xf0\x9f\x98\x80";
    }
    escaped += "\",true]";
    const auto unescaped = parseJson(escaped);
    QVERIFY(unescaped.has_value());
    QVERIFY(unescaped->value[0].get_ref<const std::string&>() == expected);
    QCOMPARE(unescaped->value[1].get<bool>(), true);
}

void TestJson::nestingAtTheLimit_data()
{
    QTest::addColumn<QString>("open");
    QTest::addColumn<QString>("close");
    QTest::newRow("arrays") << "["
                            << "]";
    QTest::newRow("objects") << R"({"a":)"
                             << "}";
    QTest::newRow("mixed") << R"([{"a":)"
                           << "}]";
    QTest::newRow("with whitespace") << R"( [ { "a" : )"
                                     << " } ] ";
}

void TestJson::nestingAtTheLimit()
{
    QFETCH(QString, open);
    QFETCH(QString, close);
    const std::string opener = open.toStdString();
    const std::string closer = close.toStdString();
    const std::size_t levels = opener.find('{') != std::string::npos && opener.find('[') != std::string::npos ? 2 : 1;
    const std::size_t repeats = kMaxJsonDepth / levels;

    const auto ok = parseJson(nested(repeats, opener, "1", closer));
    QVERIFY2(ok.has_value(), ok ? "" : ok.error().message.c_str());

    // One more level: the bracket that exceeds the limit is named.
    const std::string deep = nested(repeats, opener, opener.substr(0, opener.find_first_of("[{") + 1) + "1", closer);
    const std::size_t bracket = repeats * opener.size() + opener.find_first_of("[{");
    verifyError(deep, Errc::NestingTooDeep, int(bracket), QString::number(kMaxJsonDepth));

    // A duplicate at the deepest level gets its full pointer.
    const auto duplicate = parseJson(nested(kMaxJsonDepth - 1, R"({"~":)", R"({"x":1,"x":2})", "}"));
    QVERIFY(duplicate.has_value());
    QCOMPARE(duplicate->duplicates.size(), std::size_t(1));
    std::string path;
    for (std::size_t i = 0; i + 1 < kMaxJsonDepth; ++i) {
        path += "/~0";
    }
    QCOMPARE(duplicate->duplicates.front().path, path);
}

void TestJson::sameAsNlohmann_data()
{
    QTest::addColumn<QString>("json");
    const char* const documents[] = {
        "{}",
        "[]",
        "0",
        "-0",
        R"("x")",
        "true",
        "false",
        "null",
        R"({"alg":"HS256","typ":"JWT"})",
        R"({"sub":"1234567890","name":"John Doe","iat":1795860000,"exp":1795863600,"aud":"https://api.example.com","iss":"https://auth.example.com"})",
        R"({"alg":"RS256","kid":"2024-01","typ":"at+jwt","crit":["exp"],"x5t#S256":"abc"})",
        R"({"a":[1,2,{"b":null}],"c":{"d":[[],{}]}})",
        "[0,1,-1,1.5,-1.5e10,1E-7,123456789012345678,18446744073709551615,18446744073709551616]",
        "[-9223372036854775808,-9223372036854775809,9223372036854775807,9223372036854775808]",
        "[1e308,5e-324,1e-400,-1e-400,0.1,100e-2,2.2250738585072014e-308,1.7976931348623157e308]",
        "[1.0,2.50,0e0,-0.0,0E-0,1e007,12345678901234567890,99999999999999999999]",
        "[0.000001,1000000.0,1e-7,3.141592653589793,2.718281828459045e0,6.02214076e23]",
        R"(["\"\\\/\b\f\n\r\t","\u0000\u001f\u007f","\u00e9\u20ac\ud83d\ude00"])",
        R"({"名前":"値","emoji":"😀","mixed":"aé€😀","ключ":"значение"})",
        " \n\t{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\r\n ",
        R"({"a":1,"b":2,"a":3})",
        R"({"x":{"y":1,"y":[2]},"x":{"z":3},"w":0})",
        R"([[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]])",
        R"({"keys":[{"kty":"RSA","use":"sig","kid":"k1","alg":"RS256","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB"},{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]})",
        R"({"z":1,"y":2,"x":3,"w":4,"v":5})",
        R"({"":""})",
        R"({"a":true,"b":false,"c":null,"d":[true,false,null]})",
        R"("\/")",
        "1e2",
        "-1E+2",
        R"({"a/b":{"c~d":1},"~1":"~0"})",
        "\xef\xbb\xbf{\"bom\":1}",
        R"({"aud":["a","b"],"nbf":1700000000,"cnf":{"jwk":{"kty":"EC","crv":"P-256","x":"WKn-ZIGevcwGIyyrzFoZNBdaq9_TsqzGl96oc0CWuis","y":"y77t-RvAHRKTsSGdIYUfweuOvwrvDD-Q3Hv5J0fSKbE"}}})",
        R"([{"a":1},{"a":2},{"a":3,"a":4}])",
        R"("\u0041\u0062\u0063")",
        R"([" "," \t ","\t"])",
        R"([-1,-12,-123456789,-0.5e-5])",
        "[9007199254740993,9007199254740992.0]",
        R"({"a":[],"b":{},"c":"","d":[[]],"e":[{}]})",
        R"([[],[[]],[[],[]],[[[]]]])",
        R"({"\u0000":1,"a\u0000b":"\u0000"})",
        R"({"a":"\ud800\udc00","b":"\udbff\udfff","c":"\uFFFF"})",
        R"({"html":"<script>alert(1)<\/script>"})",
        R"(["tab\there","line\nbreak","quote\"d"])",
        R"({"n":-0.0,"m":0E-0,"p":1E+0})",
        R"({ "a" : 1 , "b":[ ] ,"c" :{ } } )",
        R"({"iss":"https://issuer.example","sub":"u","aud":"c","exp":2000000000,"iat":1000000000,"nbf":1000000000,"jti":"id-1","nonce":"n-0S6_WzA2Mj","auth_time":1000000000,"acr":"urn:mace:incommon:iap:silver","amr":["pwd","mfa"],"azp":"c","email":"a@b.example","email_verified":true,"name":"Jane","given_name":"Jane","family_name":"Doe","locale":"en-US","zoneinfo":"Europe/Paris","updated_at":1311280970,"address":{"street_address":"1 Main St","locality":"Anytown","country":"US"},"groups":["a","b","c"]})",
        R"([1,[2,[3,[4,[5,{"six":[7,{"eight":8}]}]]]]])",
        "[\"\xc3\xa9\",\"\xe2\x82\xac\",\"\xf0\x9f\x98\x80\",\"\xef\xbf\xbd\"]",
        R"({"long":"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."})",
    };
    int row = 0;
    for (const char* document : documents) {
        const QString text = QString::fromUtf8(document);
        QTest::addRow("%d %s", ++row, qPrintable(text.simplified().left(40))) << text;
    }
}

void TestJson::sameAsNlohmann()
{
    QFETCH(QString, json);
    const std::string text = json.toStdString();
    const auto parsed = parseJson(text);
    QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
    const Json expected = nlohmann::ordered_json::parse(text);
    QVERIFY(parsed->value == expected);
    QVERIFY(sameShape(parsed->value, expected));
    QCOMPARE(toCompactJson(parsed->value), toCompactJson(expected));
}

QTEST_GUILESS_MAIN(TestJson)
#include "TestJson.moc"
