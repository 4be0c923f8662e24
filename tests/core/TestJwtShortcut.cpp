// verifyJwt's shortcut (verifyCleanJwt) against the full path (verifyJwtInFull): the shortcut
// answers exactly for the tokens that the full path finds valid with nothing to report, and the
// two agree on everything they both say. Tokens are signed here with the RFC 7519 §3.1 key so that
// each row controls the exact header and claims bytes.
#include "TestData.h"

#include "encoding/Base64Url.h"
#include "jose/JwtShortcut.h"
#include "jose/JwtVerifier.h"
#include "jose/SignatureEngine.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace jwtwb;

namespace {

constexpr qint64 kNow = 1300819000; // 380 s before the RFC 7519 example expires

std::string sign(std::string_view header, std::string_view payload, const keys::Key& key, jose::JwsAlgorithm alg)
{
    std::string input = encoding::base64UrlEncode(header) + "." + encoding::base64UrlEncode(payload);
    auto signature = jose::createSignature(alg, key, asBytes(input));
    if (!signature) {
        qFatal("cannot sign: %s", signature.error().message.c_str());
    }
    return input + "." + encoding::base64UrlEncode(*signature);
}

std::vector<std::string> split(const QString& list)
{
    std::vector<std::string> values;
    for (const QString& value : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        values.push_back(value.toStdString());
    }
    return values;
}

} // namespace

class TestJwtShortcut : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfcExample();
    void agreesWithFullPath_data();
    void agreesWithFullPath();
    void shortHmacSecretIsExplained();
    void keySetTakesFullPath();
    void extraPartsTakeFullPath_data();
    void extraPartsTakeFullPath();
    void asymmetricAlgorithms_data();
    void asymmetricAlgorithms();
    void oneKeyOnManyThreads();

private:
    // Both paths on one token; the shortcut's answer, after checking that the paths agree.
    bool checkAgreement(const std::string& token, const jose::KeySource& keys, const jose::JwtVerifyOptions& options);

    std::optional<keys::Key> m_key;
    encoding::Json m_vector;
};

void TestJwtShortcut::initTestCase()
{
    const encoding::Json file = test::loadJson(QStringLiteral("vectors/rfc/rfc7519.json"));
    m_vector = file["vectors"][0];
    QCOMPARE(m_vector["id"].get<std::string>(), std::string("RFC7519-3.1"));
    auto key = keys::importJwk(m_vector["key"]);
    QVERIFY2(key, key ? "" : key.error().message.c_str());
    m_key = std::move(*key);
}

bool TestJwtShortcut::checkAgreement(const std::string& token, const jose::KeySource& keys,
                                     const jose::JwtVerifyOptions& options)
{
    const auto full = jose::verifyJwtInFull(token, keys, options);
    const auto shortcut = jose::verifyCleanJwt(token, keys, options);
    const auto combined = jose::verifyJwt(token, keys, options);
    if (!full) {
        [&] { QVERIFY2(!shortcut && !combined, "the shortcut accepted what the full path cannot read"); }();
        return false;
    }
    [&] {
        QVERIFY(combined);
        QCOMPARE(combined->valid(), full->valid());
        QCOMPARE(combined->claims.findings.size(), full->claims.findings.size());
        QCOMPARE(combined->signature.reason, full->signature.reason);
        if (shortcut) {
            QVERIFY2(full->valid(), full->signature.reason.c_str());
            QVERIFY(full->claims.findings.empty());
            QVERIFY(full->signature.warnings.empty());
            QVERIFY(shortcut->claims.findings.empty());
            QVERIFY(shortcut->signature.alg == full->signature.alg);
            QCOMPARE(shortcut->signature.keyId, full->signature.keyId);
            QVERIFY(shortcut->decoded == full->decoded);
            QCOMPARE(shortcut->headerSize, full->headerSize);
        }
    }();
    return shortcut.has_value();
}

void TestJwtShortcut::rfcExample()
{
    const std::string token = m_vector["jwt"].get<std::string>();
    jose::JwtVerifyOptions options;
    options.jws.algorithms = {jose::JwsAlgorithm::HS256};
    options.claims.issuers = {"joe"};
    options.claims.type = "JWT";
    options.claims.now = test::at(kNow);
    const auto source = jose::KeySource::single(*m_key);
    QVERIFY(checkAgreement(token, source, options));
    const auto result = jose::verifyJwt(token, source, options);
    QVERIFY(result && result->valid());
    QCOMPARE(std::string(asText(result->payload())), m_vector["claims"].get<std::string>());
    QCOMPARE(std::string(asText(result->header())), m_vector["jose_header"].get<std::string>());

    options.claims.now = test::at(1300819380); // the instant exp names: expired (RFC 7519 §4.1.4)
    QVERIFY(!checkAgreement(token, source, options));
    QVERIFY(!jose::verifyJwt(token, source, options)->valid());
}

void TestJwtShortcut::agreesWithFullPath_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("issuers");
    QTest::addColumn<QString>("audiences");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("required");
    QTest::addColumn<int>("maxAge"); // seconds; -1: none
    QTest::addColumn<int>("leeway");
    QTest::addColumn<bool>("shortcut");
    QTest::addColumn<bool>("valid");

    const QString hs256 = QStringLiteral(R"({"alg":"HS256","typ":"JWT"})");
    const auto at = [](qint64 offset) { return QString::number(kNow + offset); };
    const auto row = [&](const char* name, const QString& header, const QString& payload, bool shortcut, bool valid,
                         const QString& issuers = {}, const QString& audiences = {}, const QString& subject = {},
                         const QString& type = {}, const QString& required = {}, int maxAge = -1, int leeway = 0) {
        QTest::newRow(name) << header << payload << issuers << audiences << subject << type << required << maxAge
                            << leeway << shortcut << valid;
    };

    row("clean", hs256, QStringLiteral(R"({"iss":"joe","exp":%1})").arg(at(380)), true, true, "joe");
    row("exp is now: expired", hs256, QStringLiteral(R"({"exp":%1})").arg(at(0)), false, false);
    row("exp one second ahead", hs256, QStringLiteral(R"({"exp":%1})").arg(at(1)), true, true);
    row("expired within leeway", hs256, QStringLiteral(R"({"exp":%1})").arg(at(-10)), true, true, {}, {}, {}, {}, {},
        -1, 30);
    row("expired beyond leeway", hs256, QStringLiteral(R"({"exp":%1})").arg(at(-30)), false, false, {}, {}, {}, {}, {},
        -1, 30);
    row("negative leeway counts as none", hs256, QStringLiteral(R"({"exp":%1})").arg(at(1)), true, true, {}, {}, {}, {},
        {}, -1, -100);
    row("nbf ahead", hs256, QStringLiteral(R"({"nbf":%1})").arg(at(100)), false, false);
    row("nbf within leeway", hs256, QStringLiteral(R"({"nbf":%1})").arg(at(10)), true, true, {}, {}, {}, {}, {}, -1,
        30);
    row("nbf is now", hs256, QStringLiteral(R"({"nbf":%1})").arg(at(0)), true, true);
    row("iat in the future: a warning", hs256, QStringLiteral(R"({"iat":%1})").arg(at(100)), false, true);
    row("exp in milliseconds: a warning", hs256, QStringLiteral(R"({"exp":1300819380000})"), false, true);
    row("auth_time in milliseconds", hs256, QStringLiteral(R"({"auth_time":1300819380000})"), false, true);
    row("fractional exp", hs256, QStringLiteral(R"({"exp":%1.5})").arg(at(100)), false, true);
    row("exp as a string", hs256, QStringLiteral(R"({"exp":"tomorrow"})"), false, false);
    row("exp beyond 2^53", hs256, QStringLiteral(R"({"exp":9007199254740992})"), false, false);
    row("negative iat", hs256, QStringLiteral(R"({"iat":-5})"), true, true);
    row("aud string expected", hs256, QStringLiteral(R"({"aud":"api"})"), true, true, {}, "api");
    row("aud array holds it", hs256, QStringLiteral(R"({"aud":["web", "api"]})"), true, true, {}, "api");
    row("aud array lacks it", hs256, QStringLiteral(R"({"aud":["web","app"]})"), false, false, {}, "api");
    row("empty aud array", hs256, QStringLiteral(R"({"aud":[]})"), true, true);
    row("aud with a number: a warning", hs256, QStringLiteral(R"({"aud":["api",1]})"), false, true, {}, "api");
    row("aud object: a warning", hs256, QStringLiteral(R"({"aud":{"a":1}})"), false, true);
    row("aud missing but expected", hs256, QStringLiteral(R"({"sub":"x"})"), false, false, {}, "api");
    row("one of two audiences", hs256, QStringLiteral(R"({"aud":"app"})"), true, true, {}, "api,app");
    row("iss mismatch", hs256, QStringLiteral(R"({"iss":"eve"})"), false, false, "joe");
    row("iss not a string", hs256, QStringLiteral(R"({"iss":7})"), false, false, "joe");
    row("iss with an escaped slash", hs256, QStringLiteral(R"({"iss":"https:\/\/joe"})"), false, true, "https://joe");
    row("sub matches", hs256, QStringLiteral(R"({"sub":"42"})"), true, true, {}, {}, "42");
    // Other three-letter names after the checked ones, with values that would fail as those claims.
    row("other three-letter names are not the checked claims", hs256,
        QStringLiteral(R"({"iss":"joe","sub":"42","azp":7,"exq":"x","idp":"x","jti":7,"oid":"x","sid":"43"})"), true,
        true, "joe", {}, "42");
    row("sub mismatch", hs256, QStringLiteral(R"({"sub":"43"})"), false, false, {}, {}, "42");
    row("typ ignoring case and application/", QStringLiteral(R"({"alg":"HS256","typ":"application/JWT"})"),
        QStringLiteral("{}"), true, true, {}, {}, {}, "jwt");
    row("typ missing but expected", QStringLiteral(R"({"alg":"HS256"})"), QStringLiteral("{}"), false, false, {}, {},
        {}, "JWT");
    row("typ mismatch", hs256, QStringLiteral("{}"), false, false, {}, {}, {}, "at+jwt");
    row("required claims present", hs256, QStringLiteral(R"({"jti":"1","scope":null})"), true, true, {}, {}, {}, {},
        "jti,scope");
    row("required claim missing", hs256, QStringLiteral(R"({"jti":"1"})"), false, false, {}, {}, {}, {}, "jti,scope");
    row("max age kept", hs256, QStringLiteral(R"({"iat":%1})").arg(at(-100)), true, true, {}, {}, {}, {}, {}, 300);
    row("max age exceeded", hs256, QStringLiteral(R"({"iat":%1})").arg(at(-400)), false, false, {}, {}, {}, {}, {},
        300);
    row("max age at the edge", hs256, QStringLiteral(R"({"iat":%1})").arg(at(-300)), true, true, {}, {}, {}, {}, {},
        300);
    row("max age without iat", hs256, QStringLiteral("{}"), false, false, {}, {}, {}, {}, {}, 300);
    row("unknown crit", QStringLiteral(R"({"alg":"HS256","crit":["x"],"x":1})"), QStringLiteral("{}"), false, false);
    row("b64 false", QStringLiteral(R"({"alg":"HS256","b64":false,"crit":["b64"]})"), QStringLiteral("{}"), false,
        false);
    row("alg none", QStringLiteral(R"({"alg":"none"})"), QStringLiteral("{}"), false, false);
    row("alg unknown", QStringLiteral(R"({"alg":"HS999"})"), QStringLiteral("{}"), false, false);
    row("alg with an escape", QStringLiteral(R"({"alg":"HS\u0032\u0035\u0036"})"), QStringLiteral("{}"), false, true);
    row("alg twice", QStringLiteral(R"({"alg":"HS256","alg":"HS256"})"), QStringLiteral("{}"), false, false);
    row("object in the header", QStringLiteral(R"({"alg":"HS256","jwk":{"kty":"oct"}})"), QStringLiteral("{}"), false,
        true);
    row("repeated object member in the header", QStringLiteral(R"({"alg":"HS256","x":[{"a":1,"a":2}]})"),
        QStringLiteral("{}"), false, false);
    row("header not an object", QStringLiteral(R"(["HS256"])"), QStringLiteral("{}"), false, false);
    row("claim twice", hs256, QStringLiteral(R"({"exp":%1,"exp":%2})").arg(at(-100), at(100)), false, true);
    row("nested claims", hs256, QStringLiteral(R"({"realm":{"roles":["a","b"],"n":{"m":[1,2.5,true,null]}}})"), true,
        true);
    row("non-ASCII claim", hs256, QStringLiteral(R"({"name":"José 東京"})"), true, true);
    row("\\u escape in a claim", hs256, QStringLiteral(R"({"name":"Jos\u00e9"})"), false, true);
    row("exponent in a claim", hs256, QStringLiteral(R"({"n":1e3})"), false, true);
    row("leading zero", hs256, QStringLiteral(R"({"n":01})"), false, false);
    row("trailing comma", hs256, QStringLiteral(R"({"n":1,})"), false, false);
    row("whitespace around", QStringLiteral(" {\"alg\" : \"HS256\"}\r\n"),
        QStringLiteral("\t{ \"exp\" :\n%1 }\n").arg(at(60)), true, true);
    row("claims an array", hs256, QStringLiteral("[1,2]"), false, false);
    row("claims a string", hs256, QStringLiteral(R"("text")"), false, false);
    row("claims not JSON", hs256, QStringLiteral("hello"), false, false);
    row("empty claims", hs256, QString(), false, false);
    row("byte order mark", hs256, QStringLiteral("\uFEFF{}"), false, true);
}

void TestJwtShortcut::agreesWithFullPath()
{
    QFETCH(QString, header);
    QFETCH(QString, payload);
    QFETCH(QString, issuers);
    QFETCH(QString, audiences);
    QFETCH(QString, subject);
    QFETCH(QString, type);
    QFETCH(QString, required);
    QFETCH(int, maxAge);
    QFETCH(int, leeway);
    QFETCH(bool, shortcut);
    QFETCH(bool, valid);

    jose::JwtVerifyOptions options;
    options.claims.issuers = split(issuers);
    options.claims.audiences = split(audiences);
    if (!subject.isEmpty()) {
        options.claims.subject = subject.toStdString();
    }
    if (!type.isEmpty()) {
        options.claims.type = type.toStdString();
    }
    options.claims.requiredClaims = split(required);
    if (maxAge >= 0) {
        options.claims.maxTokenAge = std::chrono::seconds(maxAge);
    }
    options.claims.leeway = std::chrono::seconds(leeway);
    options.claims.now = test::at(kNow);

    const std::string token = sign(header.toStdString(), payload.toStdString(), *m_key, jose::JwsAlgorithm::HS256);
    const auto source = jose::KeySource::single(*m_key);
    QCOMPARE(checkAgreement(token, source, options), shortcut);
    const auto result = jose::verifyJwt(token, source, options);
    QCOMPARE(result.has_value() && result->valid(), valid);

    // Signed with another secret: never the shortcut, always invalid.
    const auto other = keys::Key::fromSecret(crypto::SecureBytes(std::string(64, 'x')));
    const std::string forged = sign(header.toStdString(), payload.toStdString(), other, jose::JwsAlgorithm::HS256);
    QVERIFY(!checkAgreement(forged, source, options));
    const auto rejected = jose::verifyJwt(forged, source, options);
    QVERIFY(!rejected || !rejected->valid());
}

void TestJwtShortcut::shortHmacSecretIsExplained()
{
    // RFC 7518 §3.2: a secret shorter than the hash is verified, with a warning the shortcut cannot give.
    const auto weak = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("secret")));
    const std::string token = sign(R"({"alg":"HS256"})", "{}", weak, jose::JwsAlgorithm::HS256);
    jose::JwtVerifyOptions options;
    options.claims.now = test::at(kNow);
    QVERIFY(!checkAgreement(token, jose::KeySource::single(weak), options));
    const auto result = jose::verifyJwt(token, jose::KeySource::single(weak), options);
    QVERIFY(result && result->valid());
    QVERIFY(!result->signature.warnings.empty());
}

void TestJwtShortcut::keySetTakesFullPath()
{
    const std::string token = m_vector["jwt"].get<std::string>();
    jose::JwtVerifyOptions options;
    options.claims.now = test::at(kNow);
    const std::vector<keys::Key> set{*m_key};
    QVERIFY(!jose::verifyCleanJwt(token, jose::KeySource::set(set), options));
    const auto result = jose::verifyJwt(token, jose::KeySource::set(set), options);
    QVERIFY(result && result->valid());
}

void TestJwtShortcut::extraPartsTakeFullPath_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("a fourth part") << ".e30";
    QTest::newRow("a trailing dot") << ".";
    QTest::newRow("five parts (JWE-shaped)") << ".e30.e30";
}

// A valid token with more parts after it: the shortcut leaves it to the full path (which refuses it).
void TestJwtShortcut::extraPartsTakeFullPath()
{
    QFETCH(QString, suffix);
    const std::string payload = R"({"sub":"1","exp":)" + std::to_string(kNow + 60) + "}";
    const std::string token = sign(R"({"alg":"HS256"})", payload, *m_key, jose::JwsAlgorithm::HS256);
    jose::JwtVerifyOptions options;
    options.claims.now = test::at(kNow);
    const auto source = jose::KeySource::single(*m_key);
    QVERIFY(checkAgreement(token, source, options));
    const std::string longer = token + suffix.toStdString();
    QVERIFY(!checkAgreement(longer, source, options));
    const auto result = jose::verifyJwt(longer, source, options);
    QVERIFY(!result || !result->valid());
}

void TestJwtShortcut::asymmetricAlgorithms_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("curve");
    QTest::addColumn<QString>("alg");

    QTest::newRow("RS256") << int(keys::KeyType::Rsa) << 2048 << int(keys::Curve::P256) << "RS256";
    QTest::newRow("PS384") << int(keys::KeyType::Rsa) << 2048 << int(keys::Curve::P256) << "PS384";
    QTest::newRow("ES256") << int(keys::KeyType::Ec) << 0 << int(keys::Curve::P256) << "ES256";
    QTest::newRow("ES512") << int(keys::KeyType::Ec) << 0 << int(keys::Curve::P521) << "ES512";
    QTest::newRow("ES256K") << int(keys::KeyType::Ec) << 0 << int(keys::Curve::Secp256k1) << "ES256K";
    QTest::newRow("Ed25519") << int(keys::KeyType::Okp) << 0 << int(keys::Curve::Ed25519) << "EdDSA";
    QTest::newRow("Ed448") << int(keys::KeyType::Okp) << 0 << int(keys::Curve::Ed448) << "EdDSA";
}

void TestJwtShortcut::asymmetricAlgorithms()
{
    QFETCH(int, type);
    QFETCH(int, bits);
    QFETCH(int, curve);
    QFETCH(QString, alg);

    auto key = keys::generateKey({static_cast<keys::KeyType>(type), bits, static_cast<keys::Curve>(curve)});
    QVERIFY2(key, key ? "" : key.error().message.c_str());
    const auto publicKey = key->publicKey();
    QVERIFY(publicKey);
    const auto algorithm = *jose::parseAlgorithm(alg.toStdString());
    const std::string header = R"({"alg":")" + alg.toStdString() + R"("})";
    const std::string payload = R"({"sub":"1","exp":)" + std::to_string(kNow + 60) + "}";
    const std::string token = sign(header, payload, *key, algorithm);

    jose::JwtVerifyOptions options;
    options.jws.algorithms = {algorithm};
    options.claims.now = test::at(kNow);
    const auto source = jose::KeySource::single(*publicKey);
    QVERIFY(checkAgreement(token, source, options));

    std::string tampered = token;
    tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
    QVERIFY(!checkAgreement(tampered, source, options));
    QVERIFY(!jose::verifyJwt(tampered, source, options)->valid());
}

// The key's pooled contexts are shared: threads verifying with one key at once, with two algorithms
// that need differently prepared contexts (PKCS#1 and PSS), each get a context of their own kind.
void TestJwtShortcut::oneKeyOnManyThreads()
{
    auto key = keys::generateKey({keys::KeyType::Rsa, 2048});
    QVERIFY(key);
    const auto publicKey = key->publicKey();
    QVERIFY(publicKey);
    const std::string payload = R"({"sub":"1","exp":)" + std::to_string(kNow + 60) + "}";
    const std::string rs256 = sign(R"({"alg":"RS256"})", payload, *key, jose::JwsAlgorithm::RS256);
    const std::string ps256 = sign(R"({"alg":"PS256"})", payload, *key, jose::JwsAlgorithm::PS256);
    std::string tampered = rs256;
    tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
    jose::JwtVerifyOptions options;
    options.claims.now = test::at(kNow);
    const auto source = jose::KeySource::single(*publicKey);

    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 100; ++i) {
                const int kind = (t + i) % 3;
                const std::string& token = kind == 0 ? rs256 : kind == 1 ? ps256 : tampered;
                const auto result = jose::verifyJwt(token, source, options);
                if (!result || result->valid() != (kind != 2)) {
                    ++wrong;
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(TestJwtShortcut)
#include "TestJwtShortcut.moc"
