// scanFlatObject: what it accepts and declines, and that whatever it accepts, parseJson reads
// the same way (the same top-level members, in order, of the same kinds, with the same values).
#include "TestData.h"

#include "encoding/FlatJson.h"

#include <QTest>

#include <limits>

using namespace jwtwb;
using encoding::FlatKind;

namespace {

FlatKind kindOf(const encoding::Json& value)
{
    switch (value.type()) {
    case encoding::Json::value_t::string: return FlatKind::String;
    case encoding::Json::value_t::boolean: return value.get<bool>() ? FlatKind::True : FlatKind::False;
    case encoding::Json::value_t::null: return FlatKind::Null;
    case encoding::Json::value_t::array: return FlatKind::Array;
    case encoding::Json::value_t::object: return FlatKind::Object;
    default: return FlatKind::Number;
    }
}

} // namespace

class TestFlatJson : public QObject
{
    Q_OBJECT

private slots:
    void scan_data();
    void scan();
    void nestedObjectsRefused();
    void tooManyMembers();
    void deepNesting();
    void plainStringArrays();
};

void TestFlatJson::scan_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("names"); // comma-separated, when accepted

    const auto row = [](const char* name, const QByteArray& text, bool accepted, const QString& names = {}) {
        QTest::newRow(name) << text << accepted << names;
    };
    row("empty object", "{}", true, "");
    row("claims", R"({"iss":"joe","exp":1300819380,"admin":true,"x":null,"f":false})", true, "iss,exp,admin,x,f");
    row("whitespace", " \t{\r\n \"a\" : 1 ,\n\"b\":[ ]\t}\n ", true, "a,b");
    row("whitespace everywhere", "{ \"a\" :\t[ 1 ,\n{ \"b\" : [ ] , \"c\" : \"d\" } , \"e\" ] , \"f\" : { } }", true,
        "a,f");
    // Strings that end in the text's last sixteen bytes, after a first block of sixteen.
    row("escape near the end", R"({"aaaaaaaaaaaaaaaa":"b\"c"})", true, "aaaaaaaaaaaaaaaa");
    row("quote in the last block", R"({"aaaaaaaaaaaaaaaa":"bc","d":"e"})", true, "aaaaaaaaaaaaaaaa,d");
    row("nested", R"({"a":{"b":{"c":[1,{"d":"e"}]}},"z":0})", true, "a,z");
    row("numbers", R"({"a":0,"b":-0,"c":-12.5,"d":18446744073709551616,"e":9223372036854775807})", true, "a,b,c,d,e");
    // Integers of up to 18 digits are read while scanning, longer ones afterwards.
    row("integers around 18 digits",
        R"({"a":999999999999999999,"b":-999999999999999999,"c":1000000000000000000,"d":-9223372036854775808,)"
        R"("e":9223372036854775808,"f":1516239022,"g":0.5,"h":100.25,"i":7})",
        true, "a,b,c,d,e,f,g,h,i");
    row("integer at the end of the text", R"({"a":12})", true, "a");
    row("simple escapes", R"({"a":"\"\\\/\b\f\n\r\t"})", true, "a");
    row("non-ASCII", "{\"name\":\"Jos\xC3\xA9 \xE6\x9D\xB1\xF0\x9F\x98\x80\"}", true, "name");
    row("empty name", R"({"":1,"b":2})", true, ",b");
    row("same length and ends, different names", R"({"axb":1,"ayb":2,"a":3,"b":4})", true, "axb,ayb,a,b");
    row("nested repeated names are the nested object's business", R"({"a":{"x":1,"x":2}})", true, "a");

    row("empty text", "", false);
    row("not an object", "[1,2]", false);
    row("a string", R"("a")", false);
    row("trailing comma", R"({"a":1,})", false);
    row("trailing comma in array", R"({"a":[1,]})", false);
    row("missing colon", R"({"a" 1})", false);
    row("missing value", R"({"a":})", false);
    row("single quotes", "{'a':1}", false);
    row("unquoted name", "{a:1}", false);
    row("leading zero", R"({"a":01})", false);
    row("bare minus", R"({"a":-})", false);
    row("point without digits", R"({"a":1.})", false);
    row("plus sign", R"({"a":+1})", false);
    row("exponent (parseJson's)", R"({"a":1e3})", false);
    row("overlong number (parseJson's)", "{\"a\":1" + QByteArray(300, '0') + "}", false);
    row("unterminated string", R"({"a":"b})", false);
    row("control character", "{\"a\":\"b\nc\"}", false);
    row("control character near the end", "{\"aaaaaaaaaaaaaaaa\":\"b\x01c\"}", false);
    row("unterminated near the end", R"({"aaaaaaaaaaaaaaaa":"bc})", false);
    row("whitespace inside a name's quotes is the name's", R"({"a ":1,"a":2})", true, "a ,a");
    row("invalid escape", R"({"a":"\x"})", false);
    row("unicode escape (parseJson's)", R"({"a":"\u0041"})", false);
    row("escape in a name", R"({"\u0061":1})", false);
    row("simple escape in a name", R"({"a\/b":1})", false);
    row("repeated name", R"({"a":1,"a":2})", false);
    row("repeated name after others", R"({"sub":"a","iss":"b","aud":"c","exp":1,"iat":2,"sub":"d"})", false);
    row("repeated empty name", R"({"":1,"b":2,"":3})", false);
    row("truncated", R"({"a":1)", false);
    row("text after", R"({"a":1} x)", false);
    row("two objects", "{}{}", false);
    row("byte order mark", "\xEF\xBB\xBF{}", false);
    row("invalid UTF-8", "{\"a\":\"\xC3\x28\"}", false);
    row("overlong UTF-8", "{\"a\":\"\xC0\xAF\"}", false);
    row("misspelt literal", R"({"a":tru})", false);
    row("literal prefix", R"({"a":nulll})", false);
}

void TestFlatJson::scan()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, accepted);
    QFETCH(QString, names);

    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    encoding::FlatObject object;
    QCOMPARE(encoding::scanFlatObject(view, object), accepted);
    if (!accepted) {
        return;
    }
    QStringList scanned;
    for (const auto& member : object.members()) {
        scanned << QString::fromStdString(std::string(member.name));
    }
    QCOMPARE(scanned, names.isEmpty() ? QStringList() : names.split(QLatin1Char(',')));

    const auto parsed = encoding::parseJson(view);
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    QVERIFY(parsed->value.is_object());
    QCOMPARE(parsed->value.size(), object.members().size());
    std::size_t i = 0;
    for (const auto& [name, value] : parsed->value.items()) {
        const auto& member = object.members()[i++];
        QCOMPARE(std::string(member.name), name);
        QVERIFY(member.kind == kindOf(value));
        QVERIFY(object.find(name) == &member);
        if (const auto plain = member.plainString()) {
            QCOMPARE(std::string(*plain), value.get<std::string>());
        }
        // integer() has a value exactly for the integers that fit 64 bits signed.
        const bool fitsInt64 = value.is_number_integer()
            && (!value.is_number_unsigned()
                || value.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<std::int64_t>::max()));
        QCOMPARE(member.integer().has_value(), fitsInt64);
        if (fitsInt64) {
            QCOMPARE(*member.integer(), value.get<std::int64_t>());
        }
        // The value's text is the whole value: parsing it alone gives the same value.
        const auto alone = encoding::parseJson(member.value);
        QVERIFY(alone && alone->value == value);
    }
}

void TestFlatJson::nestedObjectsRefused()
{
    encoding::FlatObject object;
    const encoding::FlatScanOptions flat{.nestedObjects = false};
    QVERIFY(encoding::scanFlatObject(R"({"alg":"HS256","x5c":["a","b"]})", object, flat));
    QVERIFY(!encoding::scanFlatObject(R"({"alg":"HS256","jwk":{"kty":"oct"}})", object, flat));
    QVERIFY(!encoding::scanFlatObject(R"({"a":[{"b":1}]})", object, flat));
}

void TestFlatJson::tooManyMembers()
{
    std::string text = "{";
    for (std::size_t i = 0; i <= encoding::FlatObject::kMaxMembers; ++i) {
        text += (i == 0 ? "\"m" : ",\"m") + std::to_string(i) + "\":" + std::to_string(i);
        if (i + 1 == encoding::FlatObject::kMaxMembers) {
            encoding::FlatObject object;
            QVERIFY(encoding::scanFlatObject(text + "}", object));
            QCOMPARE(object.members().size(), encoding::FlatObject::kMaxMembers);
        }
    }
    encoding::FlatObject object;
    QVERIFY(!encoding::scanFlatObject(text + "}", object));
    QVERIFY(encoding::parseJson(text + "}")); // valid, only beyond what the scanner keeps
}

void TestFlatJson::deepNesting()
{
    // Exactly as deep as parseJson allows, and one level deeper.
    const auto nested
        = [](std::size_t depth) { return "{\"a\":" + std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}"; };
    encoding::FlatObject object;
    QVERIFY(encoding::parseJson(nested(encoding::kMaxJsonDepth)));
    QVERIFY(encoding::scanFlatObject(nested(encoding::kMaxJsonDepth), object));
    QVERIFY(!encoding::parseJson(nested(encoding::kMaxJsonDepth + 1)));
    QVERIFY(!encoding::scanFlatObject(nested(encoding::kMaxJsonDepth + 1), object));
}

void TestFlatJson::plainStringArrays()
{
    encoding::FlatObject object;
    QVERIFY(encoding::scanFlatObject(R"({"a":["x", "y z",""],"b":["x",1],"c":["\n"],"d":[]})", object));
    QStringList values;
    encoding::forEachPlainString(*object.find("a"),
                                 [&](std::string_view value) { values << QString::fromStdString(std::string(value)); });
    QCOMPARE(values, QStringList({"x", "y z", ""}));
    QVERIFY(object.find("a")->plainStrings);
    QVERIFY(!object.find("b")->plainStrings);
    QVERIFY(!object.find("c")->plainStrings);
    QVERIFY(object.find("d")->plainStrings);
    QVERIFY(!object.find("e"));
}

QTEST_GUILESS_MAIN(TestFlatJson)
#include "TestFlatJson.moc"
