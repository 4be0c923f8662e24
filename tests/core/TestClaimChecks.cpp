#include "TestData.h"
#include "encoding/Json.h"
#include "encoding/JsonMembers.h"
#include "jose/ClaimChecks.h"

#include <QSet>
#include <QStringList>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jose;
using encoding::Json;
using std::chrono::seconds;
using std::chrono::sys_seconds;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
constexpr qint64 kRfcExp = 1300819380; // RFC 7519 §3.1: 2011-03-22T18:43:00Z
constexpr qint64 kDay = 86400;
const QString kHeader = QStringLiteral(R"({"alg":"HS256","typ":"JWT"})");

using test::at;

Json parse(const QString& text)
{
    return test::parseJsonOrDie(text);
}

// A header or claims set as verifyJwt reads it: its members, with the text they are views of.
class Members
{
public:
    explicit Members(std::string text)
        : m_text(std::move(text))
    {
        auto read = encoding::readJsonMembers(m_text);
        if (!read) {
            qFatal("bad JSON in test: %s (%s)", m_text.c_str(), read.error().message.c_str());
        }
        m_members = std::move(*read);
    }
    explicit Members(const QString& text)
        : Members(text.toStdString())
    { }
    Members(const Members&) = delete;
    Members& operator=(const Members&) = delete;

    operator const encoding::JsonMembers&() const { return m_members; }

private:
    std::string m_text;
    encoding::JsonMembers m_members;
};

std::vector<std::string> strings(const Json& options, const char* name)
{
    std::vector<std::string> out;
    for (const auto& value : options.value(name, Json::array())) {
        out.push_back(value.get<std::string>());
    }
    return out;
}

// The options of a table row, written as JSON: {"issuers":[…], "audiences":[…], "subject":…, "type":…,
// "required":[…], "maxAge":seconds, "leeway":seconds, "now":seconds, "revoked":[jti…]}; now defaults
// to kNow.
ClaimOptions optionsFrom(const QString& text)
{
    const Json o = parse(text.isEmpty() ? QStringLiteral("{}") : text);
    ClaimOptions options;
    options.issuers = strings(o, "issuers");
    options.audiences = strings(o, "audiences");
    if (o.contains("subject")) {
        options.subject = o["subject"].get<std::string>();
    }
    if (o.contains("type")) {
        options.type = o["type"].get<std::string>();
    }
    options.requiredClaims = strings(o, "required");
    if (o.contains("maxAge")) {
        options.maxTokenAge = seconds(o["maxAge"].get<std::int64_t>());
    }
    options.leeway = seconds(o.value("leeway", std::int64_t(0)));
    options.now = at(o.value("now", std::int64_t(kNow)));
    if (o.contains("revoked")) {
        std::string list;
        for (const auto& jti : strings(o, "revoked")) {
            list += jti + "\n";
        }
        options.revoked = std::make_shared<const RevocationList>(RevocationList::parse(list).value());
    }
    return options;
}

QStringList summary(const ClaimReport& report)
{
    QStringList list;
    for (const auto& finding : report.findings) {
        list << QStringLiteral("%1:%2:%3")
                    .arg(QString::fromLatin1(claimCodeName(finding.code)), QString::fromStdString(finding.claim),
                         finding.severity == ClaimSeverity::Error ? QStringLiteral("E") : QStringLiteral("W"));
    }
    return list;
}

const Json& rfcVector()
{
    static const Json vector = test::loadJson(QStringLiteral("vectors/rfc/rfc7519.json"))["vectors"][0];
    return vector;
}

} // namespace

class TestClaimChecks : public QObject
{
    Q_OBJECT

private slots:
    void rfc7519Example_data();
    void rfc7519Example();
    void rules_data();
    void rules();
    void messages_data();
    void messages();
    void codeNames();
    void reportQueries();
};

void TestClaimChecks::rfc7519Example_data()
{
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("leeway");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("message");
    const QStringList expired{"ERR_JWT_EXPIRED:exp:E"};
    QTest::newRow("a day before exp") << kRfcExp - kDay << 0 << QStringList() << "";
    QTest::newRow("1 s before exp") << kRfcExp - 1 << 0 << QStringList() << "";
    QTest::newRow("at exp") << kRfcExp << 0 << expired
                            << "the token expired 0 s ago (exp 2011-03-22T18:43:00Z; now 2011-03-22T18:43:00Z)";
    QTest::newRow("at exp, within leeway") << kRfcExp << 30 << QStringList() << "";
    QTest::newRow("exp == now - leeway + 1") << kRfcExp + 29 << 30 << QStringList() << "";
    QTest::newRow("exp == now - leeway") << kRfcExp + 30 << 30 << expired
                                         << "the token expired 30 s ago (exp 2011-03-22T18:43:00Z; now "
                                            "2011-03-22T18:43:30Z, leeway 30 s)";
    QTest::newRow("3 days after exp") << kRfcExp + 3 * kDay << 30 << expired
                                      << "the token expired 3 days ago (exp 2011-03-22T18:43:00Z; now "
                                         "2011-03-25T18:43:00Z, leeway 30 s)";
    QTest::newRow("today") << kNow << 0 << expired
                           << "the token expired 15 years ago (exp 2011-03-22T18:43:00Z; now 2026-11-28T10:00:00Z)";
}

void TestClaimChecks::rfc7519Example()
{
    QFETCH(qint64, now);
    QFETCH(int, leeway);
    QFETCH(QStringList, expected);
    QFETCH(QString, message);

    // The exact octets of RFC 7519 §3.1 (CR LF included), with the checks the example implies.
    const Members header(rfcVector()["jose_header"].get<std::string>());
    const Members claims(rfcVector()["claims"].get<std::string>());
    ClaimOptions options;
    options.issuers = {"joe"};
    options.type = "JWT";
    options.requiredClaims = {"exp", "http://example.com/is_root"};
    options.leeway = seconds(leeway);
    options.now = at(now);

    const ClaimReport report = checkClaims(header, claims, options);
    QCOMPARE(summary(report), expected);
    QCOMPARE(report.ok(), expected.isEmpty());
    if (!message.isEmpty()) {
        QCOMPARE(QString::fromStdString(report.findings.front().message), message);
    }
}

void TestClaimChecks::rules_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("claims");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QStringList>("expected");

    const QString h = kHeader;
    const auto at1 = [](const char* json, qint64 value) { return QString::fromLatin1(json).arg(value); };
    const QString leeway30 = QStringLiteral(R"({"leeway":30})");

    // exp: expired when exp <= now - leeway.
    QTest::newRow("exp == now") << h << at1(R"({"exp":%1})", kNow) << "" << QStringList{"ERR_JWT_EXPIRED:exp:E"};
    QTest::newRow("exp == now + 1") << h << at1(R"({"exp":%1})", kNow + 1) << "" << QStringList();
    QTest::newRow("exp == now - leeway") << h << at1(R"({"exp":%1})", kNow - 30) << leeway30
                                         << QStringList{"ERR_JWT_EXPIRED:exp:E"};
    QTest::newRow("exp == now - leeway + 1") << h << at1(R"({"exp":%1})", kNow - 29) << leeway30 << QStringList();
    QTest::newRow("exp half a second ahead") << h << at1(R"({"exp":%1.5})", kNow) << "" << QStringList();
    QTest::newRow("exp half a second behind")
        << h << at1(R"({"exp":%1.5})", kNow - 1) << "" << QStringList{"ERR_JWT_EXPIRED:exp:E"};
    QTest::newRow("exp negative") << h << R"({"exp":-1})"
                                  << "" << QStringList{"ERR_JWT_EXPIRED:exp:E"};
    // nbf: not yet valid when nbf > now + leeway.
    QTest::newRow("nbf == now") << h << at1(R"({"nbf":%1})", kNow) << "" << QStringList();
    QTest::newRow("nbf == now + 1") << h << at1(R"({"nbf":%1})", kNow + 1) << ""
                                    << QStringList{"ERR_JWT_NOT_YET_VALID:nbf:E"};
    QTest::newRow("nbf == now + leeway") << h << at1(R"({"nbf":%1})", kNow + 30) << leeway30 << QStringList();
    QTest::newRow("nbf == now + leeway + 1")
        << h << at1(R"({"nbf":%1})", kNow + 31) << leeway30 << QStringList{"ERR_JWT_NOT_YET_VALID:nbf:E"};
    QTest::newRow("nbf after exp, both failing")
        << h << QStringLiteral(R"({"nbf":%1,"exp":%2})").arg(kNow + 100).arg(kNow - 100) << ""
        << QStringList{"ERR_JWT_NOT_YET_VALID:nbf:E", "ERR_JWT_EXPIRED:exp:E"};
    // iat: a warning when in the future, an error when the age is checked (as panva does).
    QTest::newRow("iat == now + leeway") << h << at1(R"({"iat":%1})", kNow + 30) << leeway30 << QStringList();
    QTest::newRow("iat == now + leeway + 1")
        << h << at1(R"({"iat":%1})", kNow + 31) << leeway30 << QStringList{"ERR_JWT_ISSUED_IN_FUTURE:iat:W"};
    QTest::newRow("iat in the future with maxTokenAge")
        << h << at1(R"({"iat":%1})", kNow + 31) << R"({"leeway":30,"maxAge":3600})"
        << QStringList{"ERR_JWT_ISSUED_IN_FUTURE:iat:E"};
    // maxTokenAge: fails when now - iat > maxTokenAge + leeway.
    QTest::newRow("age == maxTokenAge") << h << at1(R"({"iat":%1})", kNow - 3600) << R"({"maxAge":3600})"
                                        << QStringList();
    QTest::newRow("age == maxTokenAge + 1")
        << h << at1(R"({"iat":%1})", kNow - 3601) << R"({"maxAge":3600})" << QStringList{"ERR_JWT_TOO_OLD:iat:E"};
    QTest::newRow("age == maxTokenAge + leeway")
        << h << at1(R"({"iat":%1})", kNow - 3630) << R"({"maxAge":3600,"leeway":30})" << QStringList();
    QTest::newRow("age == maxTokenAge + leeway + 1")
        << h << at1(R"({"iat":%1})", kNow - 3631) << R"({"maxAge":3600,"leeway":30})"
        << QStringList{"ERR_JWT_TOO_OLD:iat:E"};
    QTest::newRow("maxTokenAge without iat")
        << h << at1(R"({"exp":%1})", kNow + 60) << R"({"maxAge":3600})" << QStringList{"ERR_JWT_CLAIM_MISSING:iat:E"};
    QTest::newRow("maxTokenAge with an invalid iat")
        << h << R"({"iat":"yesterday"})"
        << R"({"maxAge":3600})" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:iat:E"};
    // Time claims that are not usable NumericDates.
    QTest::newRow("exp a string") << h << R"({"exp":"1795860000"})"
                                  << "" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:exp:E"};
    QTest::newRow("nbf a boolean") << h << R"({"nbf":true})"
                                   << "" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:nbf:E"};
    QTest::newRow("iat null") << h << R"({"iat":null})"
                              << "" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:iat:E"};
    QTest::newRow("exp an array") << h << R"({"exp":[1795860000]})"
                                  << "" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:exp:E"};
    QTest::newRow("exp an object") << h << R"({"exp":{}})"
                                   << "" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:exp:E"};
    QTest::newRow("exp huge") << h << R"({"exp":1e300})"
                              << "" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:exp:E"};
    QTest::newRow("exp huge integer") << h << R"({"exp":18446744073709551615})"
                                      << "" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:exp:E"};
    QTest::newRow("auth_time a string") << h << R"({"auth_time":"x"})"
                                        << "" << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:auth_time:E"};
    QTest::newRow("all four invalid") << h << R"({"exp":"a","nbf":"b","iat":"c","auth_time":"d"})"
                                      << ""
                                      << QStringList{"ERR_JWT_INVALID_TIME_CLAIM:iat:E",
                                                     "ERR_JWT_INVALID_TIME_CLAIM:nbf:E",
                                                     "ERR_JWT_INVALID_TIME_CLAIM:exp:E",
                                                     "ERR_JWT_INVALID_TIME_CLAIM:auth_time:E"};
    QTest::newRow("other claims are not dates") << h << R"({"jti":"x","updated_at":"y"})"
                                                << "" << QStringList();
    // Milliseconds: a warning, and the value is still read as seconds.
    QTest::newRow("exp in milliseconds") << h << at1(R"({"exp":%1})", kNow * 1000) << ""
                                         << QStringList{"ERR_JWT_MILLISECONDS_TIMESTAMP:exp:W"};
    QTest::newRow("nbf in milliseconds") << h << at1(R"({"nbf":%1})", kNow * 1000) << ""
                                         << QStringList{"ERR_JWT_MILLISECONDS_TIMESTAMP:nbf:W",
                                                        "ERR_JWT_NOT_YET_VALID:nbf:E"};
    QTest::newRow("iat in milliseconds") << h << at1(R"({"iat":%1})", kNow * 1000) << ""
                                         << QStringList{"ERR_JWT_MILLISECONDS_TIMESTAMP:iat:W",
                                                        "ERR_JWT_ISSUED_IN_FUTURE:iat:W"};
    QTest::newRow("auth_time in milliseconds") << h << at1(R"({"auth_time":%1})", kNow * 1000) << ""
                                               << QStringList{"ERR_JWT_MILLISECONDS_TIMESTAMP:auth_time:W"};
    QTest::newRow("just below the threshold") << h << R"({"exp":99999999999})"
                                              << "" << QStringList();
    // iss.
    QTest::newRow("iss expected") << h << R"({"iss":"joe"})"
                                  << R"({"issuers":["joe"]})" << QStringList();
    QTest::newRow("iss one of several") << h << R"({"iss":"joe"})"
                                        << R"({"issuers":["alice","joe"]})" << QStringList();
    QTest::newRow("iss unexpected") << h << R"({"iss":"mallory"})"
                                    << R"({"issuers":["joe"]})" << QStringList{"ERR_JWT_UNEXPECTED_ISSUER:iss:E"};
    QTest::newRow("iss is case-sensitive")
        << h << R"({"iss":"Joe"})"
        << R"({"issuers":["joe"]})" << QStringList{"ERR_JWT_UNEXPECTED_ISSUER:iss:E"};
    QTest::newRow("iss a number") << h << R"({"iss":5})"
                                  << R"({"issuers":["joe"]})" << QStringList{"ERR_JWT_UNEXPECTED_ISSUER:iss:E"};
    QTest::newRow("iss missing") << h << R"({"sub":"joe"})"
                                 << R"({"issuers":["joe"]})" << QStringList{"ERR_JWT_CLAIM_MISSING:iss:E"};
    QTest::newRow("iss not checked") << h << R"({"iss":5})"
                                     << "" << QStringList();
    // sub.
    QTest::newRow("sub expected") << h << R"({"sub":"1234567890"})"
                                  << R"({"subject":"1234567890"})" << QStringList();
    QTest::newRow("sub unexpected") << h << R"({"sub":"42"})"
                                    << R"({"subject":"1234567890"})" << QStringList{"ERR_JWT_UNEXPECTED_SUBJECT:sub:E"};
    QTest::newRow("sub null is present but no string")
        << h << R"({"sub":null})"
        << R"({"subject":"1"})" << QStringList{"ERR_JWT_UNEXPECTED_SUBJECT:sub:E"};
    QTest::newRow("sub missing") << h << "{}"
                                 << R"({"subject":"1"})" << QStringList{"ERR_JWT_CLAIM_MISSING:sub:E"};
    // aud: a string or an array of strings that must contain an expected audience.
    const QString api = QStringLiteral(R"({"audiences":["api"]})");
    QTest::newRow("aud string") << h << R"({"aud":"api"})" << api << QStringList();
    QTest::newRow("aud string unexpected")
        << h << R"({"aud":"web"})" << api << QStringList{"ERR_JWT_UNEXPECTED_AUDIENCE:aud:E"};
    QTest::newRow("aud is case-sensitive")
        << h << R"({"aud":"API"})" << api << QStringList{"ERR_JWT_UNEXPECTED_AUDIENCE:aud:E"};
    QTest::newRow("aud array containing it") << h << R"({"aud":["web","api"]})" << api << QStringList();
    QTest::newRow("aud array without it")
        << h << R"({"aud":["web","mobile"]})" << api << QStringList{"ERR_JWT_UNEXPECTED_AUDIENCE:aud:E"};
    QTest::newRow("aud empty array") << h << R"({"aud":[]})" << api << QStringList{"ERR_JWT_UNEXPECTED_AUDIENCE:aud:E"};
    QTest::newRow("one of several audiences") << h << R"({"aud":["b"]})"
                                              << R"({"audiences":["a","b"]})" << QStringList();
    QTest::newRow("aud with a non-string member, matching")
        << h << R"({"aud":["api",5]})" << api << QStringList{"ERR_JWT_INVALID_AUDIENCE:aud:W"};
    QTest::newRow("aud with only non-string members")
        << h << R"({"aud":[5,null]})" << api
        << QStringList{"ERR_JWT_INVALID_AUDIENCE:aud:W", "ERR_JWT_UNEXPECTED_AUDIENCE:aud:E"};
    QTest::newRow("aud a number, not checked") << h << R"({"aud":5})"
                                               << "" << QStringList{"ERR_JWT_INVALID_AUDIENCE:aud:W"};
    QTest::newRow("aud a number, checked")
        << h << R"({"aud":5})" << api
        << QStringList{"ERR_JWT_INVALID_AUDIENCE:aud:W", "ERR_JWT_UNEXPECTED_AUDIENCE:aud:E"};
    QTest::newRow("aud array with an object, not checked") << h << R"({"aud":["x",{}]})"
                                                           << "" << QStringList{"ERR_JWT_INVALID_AUDIENCE:aud:W"};
    QTest::newRow("aud missing") << h << "{}" << api << QStringList{"ERR_JWT_CLAIM_MISSING:aud:E"};
    // typ (RFC 7515 §4.1.9): case-insensitive, "application/" optional.
    const QString jwt = QStringLiteral(R"({"type":"JWT"})");
    QTest::newRow("typ JWT") << h << "{}" << jwt << QStringList();
    QTest::newRow("typ jwt") << R"({"typ":"jwt"})"
                             << "{}" << jwt << QStringList();
    QTest::newRow("typ application/jwt") << R"({"typ":"application/jwt"})"
                                         << "{}" << jwt << QStringList();
    QTest::newRow("typ APPLICATION/JWT") << R"({"typ":"APPLICATION/JWT"})"
                                         << "{}" << jwt << QStringList();
    QTest::newRow("expected application/JWT") << h << "{}"
                                              << R"({"type":"application/JWT"})" << QStringList();
    QTest::newRow("typ application/at+JWT") << R"({"typ":"application/at+JWT"})"
                                            << "{}"
                                            << R"({"type":"at+jwt"})" << QStringList();
    QTest::newRow("typ at+jwt, JWT expected") << R"({"typ":"at+jwt"})"
                                              << "{}" << jwt << QStringList{"ERR_JWT_UNEXPECTED_TYPE:typ:E"};
    QTest::newRow("application/ removed once") << R"({"typ":"application/application/jwt"})"
                                               << "{}" << jwt << QStringList{"ERR_JWT_UNEXPECTED_TYPE:typ:E"};
    QTest::newRow("typ with a prefix other than application/")
        << R"({"typ":"text/jwt"})"
        << "{}" << jwt << QStringList{"ERR_JWT_UNEXPECTED_TYPE:typ:E"};
    QTest::newRow("typ missing") << R"({"alg":"HS256"})"
                                 << "{}" << jwt << QStringList{"ERR_JWT_UNEXPECTED_TYPE:typ:E"};
    QTest::newRow("typ a number") << R"({"typ":1})"
                                  << "{}" << jwt << QStringList{"ERR_JWT_UNEXPECTED_TYPE:typ:E"};
    QTest::newRow("header not an object") << "[]"
                                          << "{}" << jwt << QStringList{"ERR_JWT_UNEXPECTED_TYPE:typ:E"};
    QTest::newRow("typ not checked") << R"({"typ":"something"})"
                                     << "{}"
                                     << "" << QStringList();
    // Required claims: present means present, even null.
    QTest::newRow("required present") << h << R"({"jti":"x","iss":"joe"})"
                                      << R"({"required":["jti","iss"]})" << QStringList();
    QTest::newRow("required null is present") << h << R"({"jti":null})"
                                              << R"({"required":["jti"]})" << QStringList();
    QTest::newRow("required missing") << h << R"({"iss":"joe"})"
                                      << R"({"required":["jti","iss"]})" << QStringList{"ERR_JWT_CLAIM_MISSING:jti:E"};
    QTest::newRow("required missing, in order")
        << h << "{}"
        << R"({"required":["b","a"]})" << QStringList{"ERR_JWT_CLAIM_MISSING:b:E", "ERR_JWT_CLAIM_MISSING:a:E"};
    QTest::newRow("required and implied reported once")
        << h << "{}"
        << R"({"required":["iss"],"issuers":["joe"]})" << QStringList{"ERR_JWT_CLAIM_MISSING:iss:E"};
    QTest::newRow("required exp missing") << h << R"({"iss":"joe"})"
                                          << R"({"required":["exp"]})" << QStringList{"ERR_JWT_CLAIM_MISSING:exp:E"};
    // Claims that are not a JSON object.
    QTest::newRow("claims an array") << h << "[]"
                                     << "" << QStringList{"ERR_JWT_CLAIMS_NOT_OBJECT::E"};
    QTest::newRow("claims a string") << h << R"("text")"
                                     << R"({"issuers":["joe"]})" << QStringList{"ERR_JWT_CLAIMS_NOT_OBJECT::E"};
    QTest::newRow("claims null") << h << "null"
                                 << "" << QStringList{"ERR_JWT_CLAIMS_NOT_OBJECT::E"};
    QTest::newRow("claims a number, typ wrong")
        << R"({"typ":"x"})"
        << "1795860000" << jwt << QStringList{"ERR_JWT_UNEXPECTED_TYPE:typ:E", "ERR_JWT_CLAIMS_NOT_OBJECT::E"};
    // Everything at once, in the documented order.
    QTest::newRow("everything wrong")
        << R"({"typ":"x"})"
        << QStringLiteral(R"({"iss":"m","sub":"s","aud":"w","exp":%1,"nbf":%2,"iat":%3})")
               .arg(kNow - 10)
               .arg(kNow + 10)
               .arg(kNow * 1000)
        << R"({"type":"JWT","required":["jti"],"issuers":["joe"],"subject":"1","audiences":["api"],"maxAge":60})"
        << QStringList{"ERR_JWT_UNEXPECTED_TYPE:typ:E",     "ERR_JWT_CLAIM_MISSING:jti:E",
                       "ERR_JWT_UNEXPECTED_ISSUER:iss:E",   "ERR_JWT_UNEXPECTED_SUBJECT:sub:E",
                       "ERR_JWT_UNEXPECTED_AUDIENCE:aud:E", "ERR_JWT_MILLISECONDS_TIMESTAMP:iat:W",
                       "ERR_JWT_NOT_YET_VALID:nbf:E",       "ERR_JWT_EXPIRED:exp:E",
                       "ERR_JWT_ISSUED_IN_FUTURE:iat:E"};
    // The jti deny-list: a listed jti is revoked; without a string jti nothing can be looked up.
    const QString denyList = QStringLiteral(R"({"revoked":["a-1","b-2"]})");
    QTest::newRow("jti on the deny-list")
        << h << R"({"jti":"b-2"})" << denyList << QStringList{"ERR_JWT_REVOKED:jti:E"};
    QTest::newRow("jti not on the deny-list") << h << R"({"jti":"c-3"})" << denyList << QStringList();
    QTest::newRow("jti differs in case only") << h << R"({"jti":"A-1"})" << denyList << QStringList();
    QTest::newRow("no jti, deny-list in use") << h << "{}" << denyList << QStringList{"ERR_JWT_NO_TOKEN_ID:jti:W"};
    QTest::newRow("numeric jti, deny-list in use")
        << h << R"({"jti":1})" << denyList << QStringList{"ERR_JWT_NO_TOKEN_ID:jti:W"};
    QTest::newRow("no jti, no deny-list") << h << "{}"
                                          << "" << QStringList();
    QTest::newRow("revoked and expired, times first")
        << h << QStringLiteral(R"({"jti":"a-1","exp":%1})").arg(kNow - 10) << denyList
        << QStringList{"ERR_JWT_EXPIRED:exp:E", "ERR_JWT_REVOKED:jti:E"};
    QTest::newRow("everything right")
        << h
        << QStringLiteral(R"({"iss":"joe","sub":"1","aud":["api"],"jti":"j","exp":%1,"nbf":%2,"iat":%2})")
               .arg(kNow + 10)
               .arg(kNow - 10)
        << R"({"type":"JWT","required":["jti"],"issuers":["joe"],"subject":"1","audiences":["api"],"maxAge":60})"
        << QStringList();
}

void TestClaimChecks::rules()
{
    QFETCH(QString, header);
    QFETCH(QString, claims);
    QFETCH(QString, options);
    QFETCH(QStringList, expected);

    const ClaimReport report = checkClaims(Members(header), Members(claims), optionsFrom(options));
    QCOMPARE(summary(report), expected);
    const bool anyError
        = std::any_of(expected.cbegin(), expected.cend(), [](const QString& s) { return s.endsWith(":E"); });
    QCOMPARE(report.ok(), !anyError);
    for (const auto& finding : report.findings) {
        QVERIFY(!finding.message.empty());
        QVERIFY2(finding.message.find('\n') == std::string::npos, finding.message.c_str());
    }
}

void TestClaimChecks::messages_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("claims");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("message"); // of the last finding

    const QString h = kHeader;
    QTest::newRow("expired") << h << QString(R"({"exp":%1})").arg(kNow - 3 * kDay) << R"({"leeway":30})"
                             << "the token expired 3 days ago (exp 2026-11-25T10:00:00Z; now 2026-11-28T10:00:00Z, "
                                "leeway 30 s)";
    QTest::newRow("not yet valid") << h << QString(R"({"nbf":%1})").arg(kNow + 300) << ""
                                   << "the token is not valid for another 5 min (nbf 2026-11-28T10:05:00Z; now "
                                      "2026-11-28T10:00:00Z)";
    QTest::newRow("issued in the future") << h << QString(R"({"iat":%1})").arg(kNow + 7200) << ""
                                          << "the token was issued 2 h in the future (iat 2026-11-28T12:00:00Z; now "
                                             "2026-11-28T10:00:00Z)";
    QTest::newRow("too old") << h << QString(R"({"iat":%1})").arg(kNow - 3 * 3600) << R"({"maxAge":3600,"leeway":30})"
                             << "the token was issued 3 h ago, more than the maximum token age of 1 h (iat "
                                "2026-11-28T07:00:00Z; now 2026-11-28T10:00:00Z, leeway 30 s)";
    QTest::newRow("invalid exp")
        << h << R"({"exp":"tomorrow"})"
        << ""
        << R"(exp is a string ("tomorrow"), not a NumericDate (a number of seconds since 1970-01-01T00:00:00Z))";
    QTest::newRow("milliseconds") << h << R"({"exp":1300819380000})"
                                  << ""
                                  << "exp 1300819380000 looks like milliseconds, not seconds: as seconds it is "
                                     "+43191-04-29T20:40:00Z, as milliseconds 2011-03-22T18:43:00Z";
    QTest::newRow("issuer") << h << R"({"iss":"mallory"})"
                            << R"({"issuers":["joe"]})"
                            << R"(the issuer "mallory" is not the expected issuer "joe")";
    QTest::newRow("issuers") << h << R"({"iss":"mallory"})"
                             << R"({"issuers":["joe","alice"]})"
                             << R"(the issuer "mallory" is not one of the expected issuers "joe", "alice")";
    QTest::newRow("issuer a number")
        << h << R"({"iss":5})"
        << R"({"issuers":["joe"]})"
        << R"(iss is a number (5), not a string, so it cannot be the expected issuer "joe")";
    QTest::newRow("subject") << h << R"({"sub":"42"})"
                             << R"({"subject":"1234567890"})"
                             << R"(the subject "42" is not the expected subject "1234567890")";
    QTest::newRow("audience") << h << R"({"aud":"web"})"
                              << R"({"audiences":["api"]})"
                              << R"(the audience "web" is not the expected audience "api")";
    QTest::newRow("audiences")
        << h << R"({"aud":["web","mobile"]})"
        << R"({"audiences":["api","cli"]})"
        << R"(none of the audiences "web", "mobile" is one of the expected audiences "api", "cli")";
    QTest::newRow("no audience string")
        << h << R"({"aud":[]})"
        << R"({"audiences":["api"]})"
        << R"(aud holds no audience string, so it cannot contain the expected audience "api")";
    QTest::newRow("non-string aud members")
        << h << R"({"aud":["api",5,null]})"
        << ""
        << R"(aud must hold only strings (RFC 7519 §4.1.3), but aud[1] is a number (5), aud[2] is null)";
    QTest::newRow("many non-string aud members")
        << h << R"({"aud":[1,2,3,4,5,6,7]})"
        << ""
        << "aud must hold only strings (RFC 7519 §4.1.3), but aud[0] is a number (1), aud[1] is a number (2), aud[2] "
           "is a number (3), aud[3] is a number (4), aud[4] is a number (5) and 2 more";
    QTest::newRow("aud an object") << h << R"({"aud":{"a":1}})"
                                   << ""
                                   << R"(aud is an object ({"a":1}), not a string or an array of strings)";
    QTest::newRow("typ") << R"({"typ":"at+jwt"})"
                         << "{}"
                         << R"({"type":"JWT"})"
                         << R"(the header typ "at+jwt" does not match the expected type "JWT")";
    QTest::newRow("typ missing") << R"({"alg":"none"})"
                                 << "{}"
                                 << R"({"type":"JWT"})"
                                 << R"(the header has no typ parameter, but the type must be "JWT")";
    QTest::newRow("typ a number") << R"({"typ":1})"
                                  << "{}"
                                  << R"({"type":"JWT"})"
                                  << R"(the header typ is a number (1), not a string, so it cannot be "JWT")";
    QTest::newRow("required") << h << "{}"
                              << R"({"required":["jti"]})"
                              << R"(the required claim "jti" is missing)";
    QTest::newRow("needed for aud") << h << "{}"
                                    << R"({"audiences":["api"]})"
                                    << R"(the "aud" claim is missing (needed to check the audience))";
    QTest::newRow("needed for maxTokenAge") << h << "{}"
                                            << R"({"maxAge":60})"
                                            << R"(the "iat" claim is missing (needed to check the maximum token age))";
    QTest::newRow("revoked") << h << R"({"jti":"a-1"})"
                             << R"({"revoked":["a-1"]})"
                             << R"(the jti "a-1" is on the deny-list: the token is revoked)";
    QTest::newRow("no jti to revoke") << h << "{}"
                                      << R"({"revoked":["a-1"]})"
                                      << "the token has no jti, so the deny-list cannot revoke it";
    QTest::newRow("not an object") << h << "[1]"
                                   << ""
                                   << "the payload is an array, not a JSON object, so it is not a JWT claims set "
                                      "(RFC 7519 §7.2)";
}

void TestClaimChecks::messages()
{
    QFETCH(QString, header);
    QFETCH(QString, claims);
    QFETCH(QString, options);
    QFETCH(QString, message);
    const ClaimReport report = checkClaims(Members(header), Members(claims), optionsFrom(options));
    QVERIFY(!report.findings.empty());
    QCOMPARE(QString::fromStdString(report.findings.back().message), message);
}

void TestClaimChecks::codeNames()
{
    const ClaimCode codes[]
        = {ClaimCode::ClaimsNotObject,  ClaimCode::UnexpectedType,    ClaimCode::MissingClaim,
           ClaimCode::UnexpectedIssuer, ClaimCode::UnexpectedSubject, ClaimCode::UnexpectedAudience,
           ClaimCode::InvalidAudience,  ClaimCode::InvalidTimeClaim,  ClaimCode::MillisecondsTimestamp,
           ClaimCode::Expired,          ClaimCode::NotYetValid,       ClaimCode::IssuedInFuture,
           ClaimCode::TokenTooOld,      ClaimCode::Revoked,           ClaimCode::NoTokenId};
    QSet<QString> names;
    for (const ClaimCode code : codes) {
        const QString name = QString::fromLatin1(claimCodeName(code));
        QVERIFY2(name.startsWith(QStringLiteral("ERR_JWT_")), qPrintable(name));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
    }
    QCOMPARE(claimCodeName(ClaimCode::Expired), std::string_view("ERR_JWT_EXPIRED"));
    QCOMPARE(claimCodeName(ClaimCode::NotYetValid), std::string_view("ERR_JWT_NOT_YET_VALID"));
    QCOMPARE(claimCodeName(ClaimCode::MissingClaim), std::string_view("ERR_JWT_CLAIM_MISSING"));
}

void TestClaimChecks::reportQueries()
{
    ClaimOptions options;
    options.now = at(kNow);
    const ClaimReport warnOnly
        = checkClaims(Members(kHeader), Members(QString(R"({"iat":%1})").arg(kNow + 60)), options);
    QVERIFY(warnOnly.ok());
    QVERIFY(warnOnly.has(ClaimCode::IssuedInFuture));
    QVERIFY(!warnOnly.has(ClaimCode::Expired));
    QVERIFY(warnOnly.find(ClaimCode::Expired) == nullptr);
    const ClaimFinding* finding = warnOnly.find(ClaimCode::IssuedInFuture);
    QVERIFY(finding != nullptr);
    QCOMPARE(finding->claim, std::string("iat"));
    QCOMPARE(finding->severity, ClaimSeverity::Warning);

    const ClaimReport empty = checkClaims(Members(kHeader), Members(QStringLiteral("{}")), options);
    QVERIFY(empty.ok());
    QVERIFY(empty.findings.empty());
}

QTEST_GUILESS_MAIN(TestClaimChecks)
#include "TestClaimChecks.moc"
