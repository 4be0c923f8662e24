#include "TestData.h"
#include "crypto/SecureBytes.h"
#include "dpop/DpopProof.h"
#include "encoding/Base64Url.h"
#include "jose/JwsSigner.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/Thumbprint.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::dpop;
using encoding::Json;
using std::chrono::seconds;
using std::chrono::sys_seconds;

Q_DECLARE_METATYPE(jwtwb::dpop::DpopCheckCode)

// RFC 9449 §4.3 on RFC 9449's own proofs and on proofs made here, one failing row per check.
class TestDpopProof : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rfcProofs_data();
    void rfcProofs();
    void accessTokenHash();
    void createdProofsVerify_data();
    void createdProofsVerify();
    void eachCheckFails_data();
    void eachCheckFails();
    void urlComparison_data();
    void urlComparison();
    void keyBinding();
    void recognised();
    void proofJwkIsThePublicHalf();

private:
    std::optional<keys::Key> m_key;
};

namespace {

Json rfcVector(std::string_view id)
{
    const Json all = test::loadJson(QStringLiteral("vectors/rfc/rfc9449.json"));
    for (const auto& v : all["vectors"]) {
        if (v["id"] == id) {
            return v;
        }
    }
    qFatal("no vector %s", std::string(id).c_str());
}

constexpr std::int64_t kNow = 1800000000;

DpopExpectations expectations()
{
    DpopExpectations expected;
    expected.htm = "POST";
    expected.htu = "https://api.example.com/token";
    expected.now = sys_seconds(seconds(kNow));
    return expected;
}

// A proof made here and changed by hand: header and claims as JSON, signed with `key`.
std::string signedProof(const Json& header, const Json& claims, const keys::Key& key)
{
    auto text = jose::signCompact(encoding::toCompactJson(header), asBytes(encoding::toCompactJson(claims)), &key);
    if (!text) {
        qFatal("signing failed: %s", text.error().message.c_str());
    }
    return *text;
}

Json publicJwk(const keys::Key& key)
{
    keys::Key publicKey = key.publicKey().value();
    publicKey.parameters() = {};
    return *keys::exportJwk(publicKey, false);
}

} // namespace

void TestDpopProof::initTestCase()
{
    m_key = keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256}).value();
}

void TestDpopProof::rfcProofs_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("4.1 token request") << "RFC9449-4.1";
    QTest::newRow("7.1 resource request with ath") << "RFC9449-7.1";
}

void TestDpopProof::rfcProofs()
{
    QFETCH(QString, id);
    const Json v = rfcVector(id.toStdString());
    DpopExpectations expected;
    expected.htm = v["htm"].get<std::string>();
    expected.htu = v["htu"].get<std::string>();
    expected.now = sys_seconds(seconds(v["iat"].get<std::int64_t>() + 2));
    if (v.contains("access_token")) {
        expected.accessToken = v["access_token"].get<std::string>();
    }
    auto report = verifyDpopProof(v["proof"].get<std::string>(), expected);
    QVERIFY2(report.has_value(), report ? "" : report.error().message.c_str());
    for (const auto& check : report->checks) {
        QVERIFY2(check.outcome != CheckOutcome::Failed,
                 qPrintable(QStringLiteral("%1: %2").arg(QString::fromUtf8(dpopCheckName(check.code)),
                                                         QString::fromStdString(check.reason))));
    }
    QVERIFY(report->valid());
    QCOMPARE(report->thumbprint, v["jkt"].get<std::string>());
    QCOMPARE(report->check(DpopCheckCode::Signature).outcome, CheckOutcome::Passed);
    if (v.contains("access_token")) {
        QCOMPARE(report->check(DpopCheckCode::AccessTokenHash).outcome, CheckOutcome::Passed);
        // An opaque access token: only its issuer knows its binding.
        QCOMPARE(report->check(DpopCheckCode::KeyBinding).outcome, CheckOutcome::NotChecked);
    }
    // The same proof at another request, or much later, fails.
    DpopExpectations elsewhere = expected;
    elsewhere.htm = expected.htm == "GET" ? "POST" : "GET";
    QVERIFY(!verifyDpopProof(v["proof"].get<std::string>(), elsewhere)->valid());
    DpopExpectations later = expected;
    later.now += seconds(3600);
    QCOMPARE(verifyDpopProof(v["proof"].get<std::string>(), later)->check(DpopCheckCode::IssuedAt).outcome,
             CheckOutcome::Failed);
}

void TestDpopProof::accessTokenHash()
{
    const Json v = rfcVector("RFC9449-7.1");
    QCOMPARE(dpop::accessTokenHash(v["access_token"].get<std::string>()), v["ath"].get<std::string>());
}

void TestDpopProof::createdProofsVerify_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("curve");
    QTest::newRow("EC P-256") << int(keys::KeyType::Ec) << int(keys::Curve::P256);
    QTest::newRow("EC P-384") << int(keys::KeyType::Ec) << int(keys::Curve::P384);
    QTest::newRow("Ed25519") << int(keys::KeyType::Okp) << int(keys::Curve::Ed25519);
    QTest::newRow("RSA 2048") << int(keys::KeyType::Rsa) << int(keys::Curve::None);
}

void TestDpopProof::createdProofsVerify()
{
    QFETCH(int, type);
    QFETCH(int, curve);
    const auto key = keys::generateKey({keys::KeyType(type), 0, keys::Curve(curve)});
    QVERIFY(key.has_value());
    DpopProofOptions options;
    options.htm = "POST";
    options.htu = "https://api.example.com/token";
    options.iat = sys_seconds(seconds(kNow - 5));
    options.accessToken = "opaque-token";
    options.nonce = "n-0S6_WzA2Mj";
    auto proof = createDpopProof(*key, options);
    QVERIFY2(proof.has_value(), proof ? "" : proof.error().message.c_str());

    DpopExpectations expected = expectations();
    expected.accessToken = "opaque-token";
    expected.nonce = "n-0S6_WzA2Mj";
    auto report = verifyDpopProof(*proof, expected);
    QVERIFY(report.has_value());
    QVERIFY(report->valid());
    QCOMPARE(report->check(DpopCheckCode::Nonce).outcome, CheckOutcome::Passed);
    QVERIFY(!report->key->hasPrivate()); // the header holds the public half only
    QVERIFY(!report->jwt->token().header.value["jwk"].contains("d"));

    // Two proofs never share a jti.
    QVERIFY(createDpopProof(*key, options).value() != *proof);

    // A secret cannot make a proof.
    QCOMPARE(createDpopProof(keys::Key::fromSecret(crypto::SecureBytes(Bytes(32, 1))), options).error().code,
             Errc::KeyMismatch);
}

void TestDpopProof::eachCheckFails_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<DpopCheckCode>("failing");
    QTest::newRow("typ JWT") << "typ" << DpopCheckCode::Type;
    QTest::newRow("private key in jwk") << "private" << DpopCheckCode::EmbeddedKey;
    QTest::newRow("no jwk") << "nojwk" << DpopCheckCode::EmbeddedKey;
    QTest::newRow("signed by another key") << "otherkey" << DpopCheckCode::Signature;
    QTest::newRow("HS256 with a symmetric jwk") << "hmac" << DpopCheckCode::EmbeddedKey;
    QTest::newRow("no jti") << "nojti" << DpopCheckCode::RequiredClaims;
    QTest::newRow("htm lower case") << "htm" << DpopCheckCode::Method;
    QTest::newRow("htu other path") << "htu" << DpopCheckCode::Url;
    QTest::newRow("iat too old") << "old" << DpopCheckCode::IssuedAt;
    QTest::newRow("iat in the future") << "future" << DpopCheckCode::IssuedAt;
    QTest::newRow("nonce missing") << "nonce" << DpopCheckCode::Nonce;
    QTest::newRow("ath of another token") << "ath" << DpopCheckCode::AccessTokenHash;
}

void TestDpopProof::eachCheckFails()
{
    QFETCH(QString, change);
    QFETCH(DpopCheckCode, failing);
    Json header{{"typ", "dpop+jwt"}, {"alg", "ES256"}, {"jwk", publicJwk(*m_key)}};
    Json claims{{"jti", "a1"}, {"htm", "POST"}, {"htu", "https://api.example.com/token"}, {"iat", kNow}};
    keys::Key signer = *m_key;
    DpopExpectations expected = expectations();
    if (change == "typ") {
        header["typ"] = "JWT";
    } else if (change == "private") {
        header["jwk"] = *keys::exportJwk(*m_key, true);
    } else if (change == "nojwk") {
        header.erase("jwk");
    } else if (change == "otherkey") {
        signer = *keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256});
    } else if (change == "hmac") {
        signer = keys::Key::fromSecret(crypto::SecureBytes(Bytes(32, 7)));
        header["alg"] = "HS256";
        header["jwk"] = Json{{"kty", "oct"}, {"k", encoding::base64UrlEncode(Bytes(32, 7))}};
    } else if (change == "nojti") {
        claims.erase("jti");
    } else if (change == "htm") {
        claims["htm"] = "post";
    } else if (change == "htu") {
        claims["htu"] = "https://api.example.com/other";
    } else if (change == "old") {
        claims["iat"] = kNow - 301;
    } else if (change == "future") {
        claims["iat"] = kNow + 301;
    } else if (change == "nonce") {
        expected.nonce = "server-nonce";
    } else if (change == "ath") {
        claims["ath"] = dpop::accessTokenHash("token-a");
        expected.accessToken = "token-b";
    }
    auto report = verifyDpopProof(signedProof(header, claims, signer), expected);
    QVERIFY2(report.has_value(), report ? "" : report.error().message.c_str());
    QVERIFY(!report->valid());
    const DpopCheck& check = report->check(failing);
    QCOMPARE(check.outcome, CheckOutcome::Failed);
    QVERIFY2(check.reason.size() > 10, check.reason.c_str());
}

void TestDpopProof::urlComparison_data()
{
    QTest::addColumn<QString>("htu");
    QTest::addColumn<bool>("same");
    QTest::newRow("identical") << "https://api.example.com/token" << true;
    QTest::newRow("query ignored") << "https://api.example.com/token?x=1" << true;
    QTest::newRow("fragment ignored") << "https://api.example.com/token#f" << true;
    QTest::newRow("host case") << "https://API.Example.com/token" << true;
    QTest::newRow("default port") << "https://api.example.com:443/token" << true;
    QTest::newRow("other port") << "https://api.example.com:8443/token" << false;
    QTest::newRow("http") << "http://api.example.com/token" << false;
    QTest::newRow("path case") << "https://api.example.com/Token" << false;
    QTest::newRow("trailing slash") << "https://api.example.com/token/" << false;
}

void TestDpopProof::urlComparison()
{
    QFETCH(QString, htu);
    QFETCH(bool, same);
    DpopProofOptions options;
    options.htm = "POST";
    options.htu = htu.toStdString();
    options.iat = sys_seconds(seconds(kNow));
    const auto report = verifyDpopProof(*createDpopProof(*m_key, options), expectations());
    QVERIFY(report.has_value());
    QCOMPARE(report->check(DpopCheckCode::Url).outcome == CheckOutcome::Passed, same);
}

void TestDpopProof::keyBinding()
{
    // RFC 9449 §6.1: a JWT access token bound to the proof's key by cnf.jkt.
    const auto issuerKey = keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256});
    const auto accessTokenFor = [&](const keys::Key& holder) {
        const Json claims{{"sub", "someone@example.com"},
                          {"iss", "https://server.example.com"},
                          {"exp", kNow + 600},
                          {"cnf", {{"jkt", encoding::base64UrlEncode(*keys::thumbprint(holder))}}}};
        return signedProof(Json{{"alg", "ES256"}, {"typ", "at+jwt"}}, claims, *issuerKey);
    };
    DpopProofOptions options;
    options.htm = "POST";
    options.htu = "https://api.example.com/token";
    options.iat = sys_seconds(seconds(kNow));
    options.accessToken = accessTokenFor(*m_key);
    DpopExpectations expected = expectations();
    expected.accessToken = options.accessToken;
    auto report = verifyDpopProof(*createDpopProof(*m_key, options), expected);
    QVERIFY(report.has_value());
    QCOMPARE(report->check(DpopCheckCode::KeyBinding).outcome, CheckOutcome::Passed);
    QVERIFY(report->valid());

    // The token was bound to another key: the proof's signature and ath are fine, the binding is not.
    const auto stranger = keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256});
    options.accessToken = accessTokenFor(*stranger);
    expected.accessToken = options.accessToken;
    report = verifyDpopProof(*createDpopProof(*m_key, options), expected);
    QCOMPARE(report->check(DpopCheckCode::AccessTokenHash).outcome, CheckOutcome::Passed);
    QCOMPARE(report->check(DpopCheckCode::KeyBinding).outcome, CheckOutcome::Failed);
    QVERIFY(!report->valid());
}

void TestDpopProof::recognised()
{
    const Json v = rfcVector("RFC9449-4.1");
    const std::string proof = v["proof"].get<std::string>();
    const auto header = encoding::parseJson(asText(*encoding::base64UrlDecode(proof.substr(0, proof.find('.')))));
    QVERIFY(looksLikeDpopProof(header->value));
    QVERIFY(!looksLikeDpopProof(Json{{"typ", "JWT"}, {"alg", "ES256"}}));
    QVERIFY(!looksLikeDpopProof(Json{{"typ", "dpop+jwt"}, {"alg", "ES256"}})); // no jwk
}

void TestDpopProof::proofJwkIsThePublicHalf()
{
    keys::Key withKid = *m_key;
    withKid.parameters().kid = "client-key";
    const auto jwk = proofJwk(withKid);
    QVERIFY2(jwk.has_value(), jwk ? "" : jwk.error().message.c_str());
    QVERIFY(*jwk == publicJwk(*m_key)); // no "d", no kid
    QVERIFY(!jwk->contains("d"));
    QVERIFY(!jwk->contains("kid"));

    const auto secret
        = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("0123456789abcdef0123456789abcdef")));
    const auto refused = proofJwk(secret);
    QVERIFY(!refused.has_value());
    QVERIFY2(refused.error().message.find("private RSA, EC or OKP key") != std::string::npos,
             refused.error().message.c_str());
    QVERIFY(!proofJwk(m_key->publicKey().value()).has_value());
}

QTEST_GUILESS_MAIN(TestDpopProof)
#include "TestDpopProof.moc"
