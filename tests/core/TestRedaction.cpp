#include "encoding/Base64Url.h"
#include "inspect/Redaction.h"
#include "inspect/TokenExtractor.h"
#include "jose/JwsSigner.h"
#include "jose/JwtVerifier.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::inspect;
using encoding::Json;

// A copy that is safe to share: what stays, what is masked, and that it is never a token again.
class TestRedaction : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaults_data();
    void defaults();
    void noMaskedValueAnywhere();
    void neverATokenAgain();
    void keepAndMask();
    void encryptedToken();

private:
    std::string m_token;
    keys::Key m_key = keys::Key::fromSecret(crypto::SecureBytes(Bytes(32, 0x5a)));
};

namespace {

const Json kClaims = Json::parse(R"({
    "iss": "https://auth.example.com",
    "sub": "user-4821-secret",
    "aud": ["api", "web"],
    "exp": 1800003600,
    "iat": 1800000000,
    "email": "frodo@shire.example",
    "name": "Frodo Baggins",
    "upn": "frodo@corp.example",
    "scope": "read write",
    "roles": ["admin"],
    "tenant_secret_note": "xyzzy-4711",
    "flags": {"beta": true},
    "verified": true,
    "count": 4242
})");

// Every string, number and boolean inside a value, and every member name under it, as text.
std::vector<std::string> leaves(const Json& value)
{
    std::vector<std::string> out;
    if (value.is_string()) {
        out.push_back(value.get<std::string>());
    } else if (value.is_array()) {
        for (const auto& element : value) {
            std::ranges::move(leaves(element), std::back_inserter(out));
        }
    } else if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            out.push_back(it.key());
            std::ranges::move(leaves(*it), std::back_inserter(out));
        }
    } else {
        out.push_back(value.dump());
    }
    return out;
}

} // namespace

void TestRedaction::initTestCase()
{
    m_token = *jose::signCompact(R"({"alg":"HS256","typ":"JWT","kid":"k-2024"})", asBytes(kClaims.dump()), &m_key);
}

void TestRedaction::defaults_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<bool>("kept");
    for (const char* claim : {"iss", "aud", "exp", "iat", "scope", "roles"}) {
        QTest::newRow(claim) << claim << true;
    }
    for (const char* claim : {"sub", "email", "name", "upn", "tenant_secret_note", "flags", "verified", "count"}) {
        QTest::newRow(claim) << claim << false;
    }
}

void TestRedaction::defaults()
{
    QFETCH(QString, claim);
    QFETCH(bool, kept);
    const auto redaction = redactToken(*jose::decodeCompact(m_token));
    const bool masked = std::ranges::find(redaction.masked, claim.toStdString()) != redaction.masked.end();
    QCOMPARE(masked, !kept);
    // The name is always there, with its value or its type.
    QVERIFY(redaction.text.find("\"" + claim.toStdString() + "\"") != std::string::npos);
    for (const auto& leaf : leaves(kClaims[claim.toStdString()])) {
        QCOMPARE(redaction.text.find(leaf) != std::string::npos, kept);
    }
}

void TestRedaction::noMaskedValueAnywhere()
{
    const auto redaction = redactToken(*jose::decodeCompact(m_token));
    for (const auto& claim : redaction.masked) {
        for (const auto& leaf : leaves(kClaims[claim])) {
            QVERIFY2(redaction.text.find(leaf) == std::string::npos, leaf.c_str());
        }
    }
    QCOMPARE(redaction.masked.size(), std::size_t(8));
    QVERIFY(redaction.text.find("<masked string>") != std::string::npos);
    QVERIFY(redaction.text.find("<masked array of 1>") == std::string::npos); // roles is kept
    QVERIFY(redaction.text.find("<masked object with 1 members>") != std::string::npos);
    QVERIFY(redaction.text.find("\"kid\": \"k-2024\"") != std::string::npos); // the header stays whole
    // Nor the signature, nor any part of the token.
    const std::string signature = m_token.substr(m_token.rfind('.') + 1);
    QVERIFY(redaction.text.find(signature) == std::string::npos);
    QVERIFY(redaction.text.find(m_token.substr(0, m_token.find('.'))) == std::string::npos);
}

void TestRedaction::neverATokenAgain()
{
    const auto redaction = redactToken(*jose::decodeCompact(m_token));
    // Nothing in the text decodes as a token, so nothing can verify it, with any key.
    const auto candidates = extractTokens(redaction.text);
    QVERIFY(candidates.has_value());
    for (const auto& candidate : candidates->candidates) {
        QVERIFY2(!candidate.kind.has_value(), candidate.token.c_str());
        QVERIFY(!jose::verifyJwt(candidate.token, jose::KeySource::single(m_key), {}).has_value());
    }
    QVERIFY(!jose::verifyJwt(redaction.text, jose::KeySource::single(m_key), {}).has_value());
}

void TestRedaction::keepAndMask()
{
    RedactOptions options;
    options.keep = {"sub"};
    options.mask = {"iss"};
    const auto redaction = redactToken(*jose::decodeCompact(m_token), options);
    QVERIFY(redaction.text.find("user-4821-secret") != std::string::npos);
    QVERIFY(redaction.text.find("https://auth.example.com") == std::string::npos);
    QVERIFY(std::ranges::find(redaction.masked, "iss") != redaction.masked.end());
}

void TestRedaction::encryptedToken()
{
    const std::string jwe = encoding::base64UrlEncode(std::string_view(R"({"alg":"dir","enc":"A256GCM"})"))
        + "..aXZpdml2aXZpdml2.Y2lwaGVydGV4dA.dGFndGFndGFndGFndGFnMQ";
    const auto redaction = redactToken(*jose::decodeCompact(jwe));
    QVERIFY(redaction.text.find("A256GCM") != std::string::npos);
    QVERIFY(redaction.text.find("Y2lwaGVydGV4dA") == std::string::npos);
    QVERIFY(redaction.text.find("encrypted (not shown)") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "TestRedaction.moc"
