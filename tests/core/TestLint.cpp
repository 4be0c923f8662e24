#include "TestData.h"
#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "inspect/Lint.h"
#include "jose/CompactToken.h"
#include "jose/JwsSigner.h"
#include "keys/Key.h"
#include "keys/KeyImport.h"

#include <QSet>
#include <QStringList>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jose;
using namespace jwtwb::inspect;
using encoding::Json;
using test::toQString;

namespace {

constexpr qint64 kNow = 1795860000; // 2026-11-28T10:00:00Z
constexpr qint64 kDay = 86400;

const char* const kHs256 = R"({"alg":"HS256","typ":"JWT"})";

std::string b64(std::string_view text)
{
    return encoding::base64UrlEncode(text);
}

// A compact token from literal header and payload text; the signature is not checked by lint.
QString token(const std::string& header, const std::string& payload, const std::string& signature = "c2lnbmF0dXJl")
{
    return QString::fromStdString(b64(header) + "." + b64(payload) + "." + signature);
}

std::string claims(const std::string& members)
{
    return "{" + members + (members.empty() ? "" : ",") + "\"exp\":" + std::to_string(kNow + 600) + "}";
}

QString signedToken(const std::string& header, const std::string& payload, const keys::Key& key)
{
    SignOptions options;
    options.weakKeys = WeakKeys::Accept; // lint explains weak secrets: it must be shown tokens made with them
    auto text = signCompact(header, toBytes(payload), &key, options);
    if (!text) {
        qFatal("cannot sign test token: %s", text.error().message.c_str());
    }
    return QString::fromStdString(*text);
}

LintOptions optionsAt(qint64 now)
{
    LintOptions options;
    options.now = test::at(now);
    return options;
}

std::vector<Finding> lintText(const QString& text, const LintOptions& options)
{
    auto decoded = decodeCompact(text.toStdString(), Base64Mode::Lenient);
    if (!decoded) {
        qFatal("test token does not decode: %s", decoded.error().message.c_str());
    }
    return lint(*decoded, options);
}

QStringList codes(const std::vector<Finding>& findings)
{
    QStringList list;
    for (const auto& finding : findings) {
        list << toQString(findingCodeName(finding.code));
    }
    return list;
}

} // namespace

class TestLint : public QObject
{
    Q_OBJECT

private slots:
    void oneFindingPerCode_data();
    void oneFindingPerCode();
    void cleanRfc7515Token();
    void ordinaryKidsAreNotSuspicious_data();
    void ordinaryKidsAreNotSuspicious();
    void explicitTypesAreUsual_data();
    void explicitTypesAreUsual();
    void understoodCritIsAccepted();
    void leewayHoldsBackExpiry();
    void strongSecretIsNotReported();
    void foundSecretIsAnError();
    void dpopProofKeyIsInfo();
    void jweHeaderOnly();
    void detachedPayloadIsNotLinted();
    void orderedBySeverity();
    void everyCodeHasAName();
};

void TestLint::oneFindingPerCode_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("secret"); // given to lint as the verification key, when not empty
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("location");

    const std::string exp = claims("");
    const auto row = [](const char* label, const QString& text, const char* code, const char* severity,
                        const char* location, const QByteArray& secret = {}) {
        QTest::newRow(label) << text << secret << QString::fromLatin1(code) << QString::fromLatin1(severity)
                             << QString::fromLatin1(location);
    };

    row("alg none", token(R"({"alg":"none","typ":"JWT"})", exp, ""), "LINT_ALG_NONE", "error", "header.alg");
    row("alg nOnE", token(R"({"alg":"nOnE","typ":"JWT"})", exp, ""), "LINT_ALG_NONE", "error", "header.alg");
    row("alg NONE", token(R"({"alg":"NONE"})", exp, ""), "LINT_ALG_NONE", "error", "header.alg");
    row("alg unknown", token(R"({"alg":"HS257","typ":"JWT"})", exp), "LINT_UNSUPPORTED_ALG", "error", "header.alg");
    row("alg lowercase", token(R"({"alg":"hs256","typ":"JWT"})", exp), "LINT_UNSUPPORTED_ALG", "error", "header.alg");
    row("alg missing", token(R"({"typ":"JWT"})", exp), "LINT_UNSUPPORTED_ALG", "error", "header.alg");
    row("alg number", token(R"({"alg":256,"typ":"JWT"})", exp), "LINT_UNSUPPORTED_ALG", "error", "header.alg");

    // RFC 7518 §3.2: HS256 needs 32 bytes, HS384 48, HS512 64.
    const auto shortKey = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("secret")));
    row("weak secret HS256", signedToken(kHs256, exp, shortKey), "LINT_WEAK_HMAC_SECRET", "error", "key", "secret");
    const auto key32 = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("0123456789abcdef0123456789abcdef")));
    row("32 bytes for HS384", signedToken(R"({"alg":"HS384","typ":"JWT"})", exp, key32), "LINT_WEAK_HMAC_SECRET",
        "error", "key", "0123456789abcdef0123456789abcdef");

    row("no exp", token(kHs256, R"({"sub":"alice"})"), "LINT_MISSING_EXP", "warning", "payload");
    row("expired", token(kHs256, "{\"exp\":" + std::to_string(kNow - 3600) + "}"), "LINT_EXPIRED", "error",
        "payload.exp");
    row("expired at now", token(kHs256, "{\"exp\":" + std::to_string(kNow) + "}"), "LINT_EXPIRED", "error",
        "payload.exp");
    row("nbf ahead",
        token(kHs256, "{\"nbf\":" + std::to_string(kNow + 3600) + ",\"exp\":" + std::to_string(kNow + 7200) + "}"),
        "LINT_NOT_YET_VALID", "error", "payload.nbf");
    row("iat ahead",
        token(kHs256, "{\"iat\":" + std::to_string(kNow + 600) + ",\"exp\":" + std::to_string(kNow + 1200) + "}"),
        "LINT_IAT_IN_FUTURE", "warning", "payload.iat");
    row("30 days",
        token(kHs256, "{\"iat\":" + std::to_string(kNow - 60) + ",\"exp\":" + std::to_string(kNow + 30 * kDay) + "}"),
        "LINT_LONG_LIFETIME", "warning", "payload.exp");
    row("exp before iat",
        token(kHs256, "{\"iat\":" + std::to_string(kNow - 60) + ",\"exp\":" + std::to_string(kNow - 120) + "}"),
        "LINT_NEVER_VALID", "warning", "payload.exp");
    row("exp in milliseconds", token(kHs256, "{\"exp\":" + std::to_string((kNow + 600) * 1000) + "}"),
        "LINT_MILLISECONDS_TIMESTAMP", "warning", "payload.exp");
    row("exp a string", token(kHs256, R"({"exp":"tomorrow"})"), "LINT_INVALID_TIME_CLAIM", "error", "payload.exp");
    row("iat a boolean", token(kHs256, claims(R"("iat":true)")), "LINT_INVALID_TIME_CLAIM", "error", "payload.iat");

    row("jku", token(R"({"alg":"RS256","typ":"JWT","jku":"https://attacker.example/jwks.json"})", exp),
        "LINT_KEY_URL_HEADER", "warning", "header.jku");
    row("x5u", token(R"({"alg":"RS256","typ":"JWT","x5u":"https://attacker.example/cert.pem"})", exp),
        "LINT_KEY_URL_HEADER", "warning", "header.x5u");
    row("jwk", token(R"({"alg":"RS256","typ":"JWT","jwk":{"kty":"oct","k":"AAAA"}})", exp), "LINT_EMBEDDED_KEY_HEADER",
        "warning", "header.jwk");
    row("x5c", token(R"({"alg":"RS256","typ":"JWT","x5c":["MIIB"]})", exp), "LINT_EMBEDDED_KEY_HEADER", "warning",
        "header.x5c");
    // RFC 9449 §4.2: in a DPoP proof the embedded key is how it works; anywhere else it is a warning.
    const std::string ecJwk = R"("jwk":{"kty":"EC","crv":"P-256","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs",)"
                              R"("y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"})";
    row("jwk in a DPoP proof", token(R"({"typ":"dpop+jwt","alg":"ES256",)" + ecJwk + "}", exp),
        "LINT_EMBEDDED_KEY_HEADER", "info", "header.jwk");
    row("jwk in a DPoP proof, media type", token(R"({"typ":"application/dpop+jwt","alg":"ES256",)" + ecJwk + "}", exp),
        "LINT_EMBEDDED_KEY_HEADER", "info", "header.jwk");
    row("jwk in an access token", token(R"({"typ":"at+jwt","alg":"ES256",)" + ecJwk + "}", exp),
        "LINT_EMBEDDED_KEY_HEADER", "warning", "header.jwk");
    row("no exp in a DPoP proof", token(R"({"typ":"dpop+jwt","alg":"ES256",)" + ecJwk + "}", R"({"jti":"a","iat":1})"),
        "LINT_MISSING_EXP", "info", "payload");
    row("jwk not an object, typ dpop+jwt", token(R"({"typ":"dpop+jwt","alg":"ES256","jwk":"AAAA"})", exp),
        "LINT_EMBEDDED_KEY_HEADER", "warning", "header.jwk");

    row("kid path traversal", token(R"({"alg":"HS256","typ":"JWT","kid":"../../../../dev/null"})", exp),
        "LINT_SUSPICIOUS_KID", "warning", "header.kid");
    row("kid absolute path", token(R"({"alg":"HS256","typ":"JWT","kid":"/etc/passwd"})", exp), "LINT_SUSPICIOUS_KID",
        "warning", "header.kid");
    row("kid windows path", token(R"({"alg":"HS256","typ":"JWT","kid":"C:\\keys\\a.pem"})", exp), "LINT_SUSPICIOUS_KID",
        "warning", "header.kid");
    row("kid URL", token(R"({"alg":"HS256","typ":"JWT","kid":"https://attacker.example/key"})", exp),
        "LINT_SUSPICIOUS_KID", "warning", "header.kid");
    row("kid SQL union", token(R"({"alg":"HS256","typ":"JWT","kid":"x' UNION SELECT 'key"})", exp),
        "LINT_SUSPICIOUS_KID", "warning", "header.kid");
    row("kid SQL comment", token(R"({"alg":"HS256","typ":"JWT","kid":"1;--"})", exp), "LINT_SUSPICIOUS_KID", "warning",
        "header.kid");
    row("kid shell", token(R"({"alg":"HS256","typ":"JWT","kid":"key|rm -rf"})", exp), "LINT_SUSPICIOUS_KID", "warning",
        "header.kid");
    row("kid control character", token(R"({"alg":"HS256","typ":"JWT","kid":"a\nb"})", exp), "LINT_SUSPICIOUS_KID",
        "warning", "header.kid");
    row("kid number", token(R"({"alg":"HS256","typ":"JWT","kid":7})", exp), "LINT_SUSPICIOUS_KID", "warning",
        "header.kid");

    row("crit unknown",
        token(R"({"alg":"HS256","typ":"JWT","crit":["http://example.com/ext"],"http://example.com/ext":1})", exp),
        "LINT_UNKNOWN_CRIT", "error", "header.crit");
    row("crit registered name", token(R"({"alg":"HS256","typ":"JWT","crit":["alg"]})", exp), "LINT_UNKNOWN_CRIT",
        "error", "header.crit");
    row("crit absent name", token(R"({"alg":"HS256","typ":"JWT","crit":["ext"]})", exp), "LINT_UNKNOWN_CRIT", "error",
        "header.crit");
    row("crit empty", token(R"({"alg":"HS256","typ":"JWT","crit":[]})", exp), "LINT_UNKNOWN_CRIT", "error",
        "header.crit");
    row("crit string", token(R"({"alg":"HS256","typ":"JWT","crit":"ext","ext":1})", exp), "LINT_UNKNOWN_CRIT", "error",
        "header.crit");

    row("typ missing", token(R"({"alg":"HS256"})", exp), "LINT_TYP_MISSING", "info", "header");
    row("typ JWS", token(R"({"alg":"HS256","typ":"JWS"})", exp), "LINT_TYP_UNUSUAL", "warning", "header.typ");
    row("typ number", token(R"({"alg":"HS256","typ":1})", exp), "LINT_TYP_UNUSUAL", "warning", "header.typ");

    row("duplicate in header", token(R"({"alg":"HS256","typ":"JWT","typ":"at+jwt"})", exp), "LINT_DUPLICATE_MEMBER",
        "error", "header.typ");
    row("duplicate claim", token(kHs256, claims(R"("sub":"alice","sub":"admin")")), "LINT_DUPLICATE_MEMBER", "warning",
        "payload.sub");
    row("duplicate nested", token(kHs256, claims(R"("address":{"country":"DE","country":"FR"})")),
        "LINT_DUPLICATE_MEMBER", "warning", "payload.address.country");

    // Lenient decoding notes: '=' padding, the standard alphabet, non-zero trailing bits.
    const QString clean = token(kHs256, exp, b64(std::string(32, 'x')));
    row("padded signature", clean + QStringLiteral("="), "LINT_NON_CANONICAL_ENCODING", "warning", "signature");
    const std::string header = R"({"alg":"HS256","typ":"JWT","x":"???>>>"})";
    const Bytes headerBytes = toBytes(header);
    std::string standard = encoding::base64Encode(headerBytes);
    while (standard.ends_with('=')) {
        standard.pop_back();
    }
    if (standard.find_first_of("+/") == std::string::npos) {
        qFatal("the standard-alphabet header has neither '+' nor '/'");
    }
    row("standard alphabet header", QString::fromStdString(standard + "." + b64(exp) + ".c2ln"),
        "LINT_NON_CANONICAL_ENCODING", "warning", "header");
    // "c2lnbmF0dXJl" is "signature" (9 bytes); "c2lnbg" decodes "sign" with zero bits, "c2lnbh" has a bit set.
    row("trailing bits", token(kHs256, exp, "c2lnbh"), "LINT_NON_CANONICAL_ENCODING", "warning", "signature");

    row("payload not UTF-8", token(kHs256, "\xff\xfe{}"), "LINT_INVALID_UTF8", "warning", "payload");
    row("zip in a JWS", token(R"({"alg":"HS256","typ":"JWT","zip":"DEF"})", exp), "LINT_ZIP_IN_JWS", "warning",
        "header.zip");

    const std::string inner = token(kHs256, exp).toStdString();
    row("token in a claim", token(kHs256, claims("\"id_token\":\"" + inner + "\"")), "LINT_NESTED_TOKEN", "warning",
        "payload.id_token");
    row("token in an array", token(kHs256, claims("\"tokens\":[1,\"" + inner + "\"]")), "LINT_NESTED_TOKEN", "warning",
        "payload.tokens[1]");
    row("payload is a token", token(R"({"alg":"HS256","cty":"JWT"})", inner), "LINT_NESTED_TOKEN", "warning",
        "payload");
    row("payload is a JSON string token", token(kHs256, "\"" + inner + "\""), "LINT_NESTED_TOKEN", "warning",
        "payload");

    row("payload text", token(kHs256, "hello, world"), "LINT_PAYLOAD_NOT_JSON", "warning", "payload");
    row("payload array", token(kHs256, "[1,2]"), "LINT_PAYLOAD_NOT_JSON", "warning", "payload");

    // Encrypted tokens: only the header is read.
    const auto jwe = [](const std::string& protectedHeader) {
        return QString::fromStdString(b64(protectedHeader) + ".a2V5.aXY.Y2lwaGVy.dGFn");
    };
    row("JWE RSA1_5", jwe(R"({"alg":"RSA1_5","enc":"A128CBC-HS256"})"), "LINT_JWE_RSA1_5", "warning", "header.alg");
    row("JWE zip", jwe(R"({"alg":"RSA-OAEP","enc":"A256GCM","zip":"DEF"})"), "LINT_JWE_ZIP", "warning", "header.zip");
    row("JWE p2c extreme", jwe(R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"c2FsdHNhbHQ","p2c":2000000000})"),
        "LINT_JWE_PBES2_PARAMETERS", "error", "header.p2c");
    row("JWE p2c low", jwe(R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"c2FsdHNhbHQ","p2c":10})"),
        "LINT_JWE_PBES2_PARAMETERS", "warning", "header.p2c");
    row("JWE p2s short", jwe(R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"c2FsdA","p2c":10000})"),
        "LINT_JWE_PBES2_PARAMETERS", "error", "header.p2s");
    row("JWE epk missing", jwe(R"({"alg":"ECDH-ES","enc":"A128GCM"})"), "LINT_JWE_EPHEMERAL_KEY", "error",
        "header.epk");
    row("JWE epk private",
        jwe(R"({"alg":"ECDH-ES","enc":"A128GCM","epk":{"kty":"OKP","crv":"X25519","x":"AA","d":"AA"}})"),
        "LINT_JWE_EPHEMERAL_KEY", "error", "header.epk.d");
    row("JWE alg unknown", jwe(R"({"alg":"RSA-OAEP-1024","enc":"A128GCM"})"), "LINT_UNSUPPORTED_ALG", "error",
        "header.alg");
    row("JWE enc unknown", jwe(R"({"alg":"dir","enc":"A128CTR"})"), "LINT_UNSUPPORTED_ALG", "error", "header.enc");
}

void TestLint::oneFindingPerCode()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, secret);
    QFETCH(QString, code);
    QFETCH(QString, severity);
    QFETCH(QString, location);

    LintOptions options = optionsAt(kNow);
    std::optional<keys::Key> key;
    if (!secret.isEmpty()) {
        key = keys::Key::fromSecret(crypto::SecureBytes(std::string_view(secret.constData(), size_t(secret.size()))));
        options.key = &*key;
    }
    const auto findings = lintText(token, options);
    const auto it
        = std::ranges::find_if(findings, [&](const Finding& f) { return toQString(findingCodeName(f.code)) == code; });
    QVERIFY2(it != findings.end(), qPrintable(QStringLiteral("no %1 in: %2").arg(code, codes(findings).join(u' '))));
    QCOMPARE(toQString(severityName(it->severity)), severity);
    QCOMPARE(QString::fromStdString(it->location), location);
    QVERIFY(!it->title.empty());
    QVERIFY2(it->explanation.size() > 80, it->explanation.c_str());
    QVERIFY2(it->explanation.ends_with('.'), it->explanation.c_str());
    QVERIFY(it->reference.starts_with("RFC "));
    QCOMPARE(int(std::ranges::count(findings, it->code, &Finding::code)), 1);
}

void TestLint::cleanRfc7515Token()
{
    // RFC 7515 A.1, linted an hour before its exp (2011-03-22T18:43:00Z), with its 64-byte key.
    const Json vectors = test::loadJson(QStringLiteral("vectors/rfc/rfc7515.json"))["vectors"];
    const Json& vector = vectors[0];
    QCOMPARE(QString::fromStdString(vector["id"].get<std::string>()), QStringLiteral("RFC7515-A.1"));
    auto key = keys::importJwk(vector["key"]);
    QVERIFY(key.has_value());

    LintOptions options = optionsAt(1300819380 - 3600);
    options.key = &*key;
    const auto findings = lintText(QString::fromStdString(vector["compact"].get<std::string>()), options);
    QVERIFY2(findings.empty(), qPrintable(codes(findings).join(u' ')));

    // The same token a second after its exp: exactly one finding.
    options.now = test::at(1300819380);
    QCOMPARE(codes(lintText(QString::fromStdString(vector["compact"].get<std::string>()), options)),
             QStringList{QStringLiteral("LINT_EXPIRED")});
}

void TestLint::ordinaryKidsAreNotSuspicious_data()
{
    QTest::addColumn<QString>("kid");
    QTest::newRow("uuid") << QStringLiteral("8f14e45f-ceea-467f-a7b1-9cbf0a4b0e23");
    QTest::newRow("rfc 7515 a.3") << QStringLiteral("2011-04-29");
    QTest::newRow("cognito base64") << QStringLiteral("abcdEFGH1234/ijkl+mnop=");
    QTest::newRow("thumbprint") << QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    QTest::newRow("entra") << QStringLiteral("nOo3ZDrODXEK1jKWhXslHR_KXEg");
    QTest::newRow("name with dots") << QStringLiteral("key.v2.prod");
}

void TestLint::ordinaryKidsAreNotSuspicious()
{
    QFETCH(QString, kid);
    Json header = {{"alg", "HS256"}, {"typ", "JWT"}, {"kid", kid.toStdString()}};
    const auto findings = lintText(token(header.dump(), claims("")), optionsAt(kNow));
    QVERIFY2(findings.empty(), qPrintable(codes(findings).join(u' ')));
}

void TestLint::explicitTypesAreUsual_data()
{
    QTest::addColumn<QString>("typ");
    for (const char* typ : {"JWT", "jwt", "application/jwt", "at+jwt", "application/at+JWT", "logout+jwt", "JOSE"}) {
        QTest::newRow(typ) << QString::fromLatin1(typ);
    }
}

void TestLint::explicitTypesAreUsual()
{
    QFETCH(QString, typ);
    Json header = {{"alg", "HS256"}, {"typ", typ.toStdString()}};
    const auto findings = lintText(token(header.dump(), claims("")), optionsAt(kNow));
    QVERIFY2(findings.empty(), qPrintable(codes(findings).join(u' ')));
}

void TestLint::understoodCritIsAccepted()
{
    const QString text = token(R"({"alg":"HS256","typ":"JWT","crit":["ext"],"ext":1})", claims(""));
    QCOMPARE(codes(lintText(text, optionsAt(kNow))), QStringList{QStringLiteral("LINT_UNKNOWN_CRIT")});
    LintOptions options = optionsAt(kNow);
    options.criticalHeaders.push_back("ext");
    QVERIFY(lintText(text, options).empty());
    // RFC 7797 b64 is always understood.
    QVERIFY(lintText(token(R"({"alg":"HS256","typ":"JWT","b64":true,"crit":["b64"]})", claims("")), optionsAt(kNow))
                .empty());
}

void TestLint::leewayHoldsBackExpiry()
{
    const QString text = token(kHs256, "{\"exp\":" + std::to_string(kNow - 20) + "}");
    QCOMPARE(codes(lintText(text, optionsAt(kNow))), QStringList{QStringLiteral("LINT_EXPIRED")});
    LintOptions options = optionsAt(kNow);
    options.leeway = std::chrono::seconds(30);
    QVERIFY(lintText(text, options).empty());
}

void TestLint::strongSecretIsNotReported()
{
    const auto key = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("0123456789abcdef0123456789abcdef")));
    LintOptions options = optionsAt(kNow);
    options.key = &key;
    QVERIFY(lintText(signedToken(kHs256, claims(""), key), options).empty());
    // An RSA token and a secret: the verifier reports the confusion, not lint's secret rule.
    QVERIFY(lintText(token(R"({"alg":"RS256","typ":"JWT"})", claims("")), options).empty());
}

void TestLint::foundSecretIsAnError()
{
    // Long enough for HS256, but the weak-secret search found it: that alone makes it an error.
    const auto key = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("0123456789abcdef0123456789abcdef")));
    const QString text = signedToken(kHs256, claims(""), key);
    LintOptions options = optionsAt(kNow);
    options.key = &key;
    options.secretFoundIn = "bundled list";
    const auto findings = lintText(text, options);
    QCOMPARE(codes(findings), QStringList{QStringLiteral("LINT_KNOWN_SECRET")});
    const Finding& found = findings.front();
    QCOMPARE(found.severity, Severity::Error);
    QCOMPARE(found.title, std::string("Signed with a publicly known secret"));
    QVERIFY2(found.explanation.find("in the bundled list") != std::string::npos, found.explanation.c_str());
    QVERIFY2(found.reference.starts_with("RFC 8725 §3.5"), found.reference.c_str());
    QCOMPARE(found.location, std::string("signature"));
    // A JWE has no HMAC secret to find.
    const QString jwe
        = QString::fromStdString(b64(R"({"alg":"dir","enc":"A256GCM","typ":"JWT"})") + "..aXY.Y2lwaGVy.dGFn");
    QVERIFY(lintText(jwe, options).empty());
}

void TestLint::dpopProofKeyIsInfo()
{
    // RFC 9449 §4.1's proof, at its iat: its own key is explained, not warned about.
    const Json vector = test::loadJson(QStringLiteral("vectors/rfc/rfc9449.json"))["vectors"][0];
    const auto findings
        = lintText(QString::fromStdString(vector["proof"].get<std::string>()), optionsAt(vector["iat"].get<qint64>()));
    const auto embedded = std::ranges::find(findings, FindingCode::EmbeddedKeyHeader, &Finding::code);
    QVERIFY2(embedded != findings.end(), qPrintable(codes(findings).join(u' ')));
    QCOMPARE(embedded->severity, Severity::Info);
    QVERIFY2(embedded->explanation.find("how DPoP works") != std::string::npos, embedded->explanation.c_str());
    QVERIFY2(embedded->explanation.find("cnf.jkt") != std::string::npos, embedded->explanation.c_str());
    QVERIFY(embedded->reference.starts_with("RFC 9449 §4.2"));
    QCOMPARE(std::ranges::count(findings, FindingCode::EmbeddedKeyHeader, &Finding::code), 1);
    // Nor does it warn that the proof has no exp: RFC 9449 bounds it by iat and jti instead.
    const auto exp = std::ranges::find(findings, FindingCode::MissingExp, &Finding::code);
    QVERIFY(exp != findings.end());
    QCOMPARE(exp->severity, Severity::Info);
    QVERIFY2(std::ranges::none_of(findings, [](const Finding& f) { return f.severity != Severity::Info; }),
             qPrintable(codes(findings).join(u' ')));
}

void TestLint::jweHeaderOnly()
{
    // RSA-OAEP-256 is a JWE algorithm; nothing in the ciphertext is looked at.
    const QString jwe = QString::fromStdString(b64(R"({"alg":"RSA-OAEP-256","enc":"A256GCM","typ":"JWT"})")
                                               + ".a2V5.aXY.Y2lwaGVy.dGFn");
    const auto findings = lintText(jwe, optionsAt(kNow));
    QVERIFY2(findings.empty(), qPrintable(codes(findings).join(u' ')));
    // zip belongs in a JWE: a warning about what it leaks, not LINT_ZIP_IN_JWS.
    const QString zipped = QString::fromStdString(
        b64(R"({"alg":"RSA-OAEP-256","enc":"A256GCM","zip":"DEF","typ":"JWT"})") + ".a2V5.aXY.Y2lwaGVy.dGFn");
    QCOMPARE(codes(lintText(zipped, optionsAt(kNow))), QStringList{QStringLiteral("LINT_JWE_ZIP")});
}

void TestLint::detachedPayloadIsNotLinted()
{
    // RFC 7515 Appendix F: the payload travels elsewhere, so there are no claims to judge.
    const auto findings = lintText(QString::fromStdString(b64(kHs256) + "..c2ln"), optionsAt(kNow));
    QVERIFY2(findings.empty(), qPrintable(codes(findings).join(u' ')));
}

void TestLint::orderedBySeverity()
{
    // Info (typ missing) and a warning (jku) come before the error (alg none) in the token, not in the list.
    const QString text = token(R"({"jku":"https://a.example/k","alg":"none"})", R"({"sub":"a"})", "");
    const auto findings = lintText(text, optionsAt(kNow));
    QCOMPARE(codes(findings),
             (QStringList{QStringLiteral("LINT_ALG_NONE"), QStringLiteral("LINT_KEY_URL_HEADER"),
                          QStringLiteral("LINT_MISSING_EXP"), QStringLiteral("LINT_TYP_MISSING")}));
    QVERIFY(std::ranges::is_sorted(findings, {}, [](const Finding& f) { return int(f.severity); }));
}

void TestLint::everyCodeHasAName()
{
    QSet<QString> names;
    for (int i = 0; i <= int(FindingCode::PayloadNotJson); ++i) {
        const QString codeName = toQString(findingCodeName(FindingCode(i)));
        QVERIFY2(codeName != QStringLiteral("unknown"), qPrintable(QString::number(i)));
        QVERIFY(!names.contains(codeName));
        names.insert(codeName);
    }
    QCOMPARE(toQString(severityName(Severity::Error)), QStringLiteral("error"));
    QCOMPARE(toQString(severityName(Severity::Warning)), QStringLiteral("warning"));
    QCOMPARE(toQString(severityName(Severity::Info)), QStringLiteral("info"));
}

QTEST_GUILESS_MAIN(TestLint)
#include "TestLint.moc"
