#include "KeyTestSupport.h"
#include "TestData.h"
#include "crypto/Digest.h"
#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "jose/CompactToken.h"
#include "jose/JwsSigner.h"
#include "jose/JwsVerifier.h"
#include "jose/JwtVerifier.h"
#include "jose/KeyAlgorithmCheck.h"
#include "jose/KeySelector.h"
#include "jose/SignatureEngine.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"

#include <QTest>

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

using namespace jwtwb;
using namespace jwtwb::jose;

namespace {

constexpr std::string_view kPayload = R"({"sub":"1234567890","name":"John Doe","iat":1516239022})";

struct AlgCase {
    const char* alg;
    keys::KeySpec spec;
};

const AlgCase kCases[] = {
    {"HS256", {keys::KeyType::Oct, 256}},
    {"HS384", {keys::KeyType::Oct, 384}},
    {"HS512", {keys::KeyType::Oct, 512}},
    {"RS256", {keys::KeyType::Rsa, 2048}},
    {"RS384", {keys::KeyType::Rsa, 2048}},
    {"RS512", {keys::KeyType::Rsa, 2048}},
    {"PS256", {keys::KeyType::Rsa, 2048}},
    {"PS384", {keys::KeyType::Rsa, 2048}},
    {"PS512", {keys::KeyType::Rsa, 2048}},
    {"ES256", {keys::KeyType::Ec, 0, keys::Curve::P256}},
    {"ES384", {keys::KeyType::Ec, 0, keys::Curve::P384}},
    {"ES512", {keys::KeyType::Ec, 0, keys::Curve::P521}},
    {"ES256K", {keys::KeyType::Ec, 0, keys::Curve::Secp256k1}},
    {"EdDSA", {keys::KeyType::Okp, 0, keys::Curve::Ed25519}},
    {"EdDSA-Ed448", {keys::KeyType::Okp, 0, keys::Curve::Ed448}},
};

std::string algOf(const char* name)
{
    const std::string_view n(name);
    return std::string(n.substr(0, n.find('-')));
}

std::string header(const std::string& alg, const std::string& extra = {})
{
    return R"({"alg":")" + alg + R"(","typ":"JWT")" + extra + "}";
}

SignatureCheck verifyText(const std::string& token, const keys::Key& key, const JwsVerifyOptions& options = {})
{
    const auto decoded = decodeCompact(token);
    if (!decoded) {
        SignatureCheck check;
        check.verdict = Verdict::Invalid;
        check.problem = SignatureProblem::MalformedHeader;
        check.reason = decoded.error().message;
        return check;
    }
    return verifyCompact(*decoded, KeySource::single(key), options).signatures.front();
}

// Replaces the signature part.
std::string withSignature(const std::string& token, const Bytes& signature)
{
    return token.substr(0, token.rfind('.') + 1) + encoding::base64UrlEncode(signature);
}

// RSA's private operation on `encoded` as it is, with no padding added: a signature that opens to
// exactly these bytes.
Bytes rawRsaSignature(const keys::Key& key, const Bytes& encoded)
{
    const std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr), EVP_PKEY_CTX_free);
    Bytes signature(encoded.size());
    std::size_t size = signature.size();
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1
        || EVP_PKEY_sign(ctx.get(), signature.data(), &size, encoded.data(), encoded.size()) != 1) {
        return {};
    }
    return signature;
}

} // namespace

class TestJwsVerification : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void flippedBitInEachSegment_data();
    void flippedBitInEachSegment();
    void truncatedSignature_data();
    void truncatedSignature();
    void wrongKey_data();
    void wrongKey();
    void derEcdsaSignatureRejected();
    void psychicSignatureRejected();
    void pkcs1EncodingMustBeExact_data();
    void pkcs1EncodingMustBeExact();
    void algorithmConfusion_data();
    void algorithmConfusion();
    void publicKeyTextAsSecret_data();
    void publicKeyTextAsSecret();
    void hmacTokenWithAsymmetricKeyDoesNotFit_data();
    void hmacTokenWithAsymmetricKeyDoesNotFit();
    void keyTypeMismatch();
    void unsecuredNeverVerifies();
    void unknownCriticalHeader();
    void b64WithoutCrit();
    void algorithmsAllowList();
    void duplicateHeaderMembers();
    void verifyJwtReadsWithoutDocuments();
    void keySetSelection();
    void noKeyMeansNotChecked();
    void weakKeys_data();
    void weakKeys();
    void rocaFingerprint_data();
    void rocaFingerprint();
    void ambiguousKeySets_data();
    void ambiguousKeySets();

private:
    std::map<std::string, keys::Key> m_keys;
    std::map<std::string, keys::Key> m_otherKeys;
};

void TestJwsVerification::initTestCase()
{
    for (const auto& c : kCases) {
        auto key = keys::generateKey(c.spec);
        auto other = keys::generateKey(c.spec);
        QVERIFY2(key && other, c.alg);
        m_keys.emplace(c.alg, std::move(*key));
        m_otherKeys.emplace(c.alg, std::move(*other));
    }
}

void TestJwsVerification::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    for (const auto& c : kCases) {
        QTest::newRow(c.alg) << QString::fromLatin1(c.alg);
    }
}

void TestJwsVerification::roundTrip()
{
    QFETCH(QString, name);
    const keys::Key& key = m_keys.at(name.toStdString());
    const std::string alg = algOf(name.toLatin1().constData());
    const auto token = signCompact(header(alg), asBytes(kPayload), &key);
    QVERIFY2(token.has_value(), token ? "" : token.error().message.c_str());
    const auto check = verifyText(*token, key);
    QVERIFY2(check.valid(), check.reason.c_str());
    QCOMPARE(std::string(algorithmName(*check.alg)), alg);
    // The public half verifies too.
    if (key.type() != keys::KeyType::Oct) {
        QVERIFY(verifyText(*token, key.publicKey().value()).valid());
    }
}

void TestJwsVerification::flippedBitInEachSegment_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("segment");
    for (const auto& c : kCases) {
        for (int segment = 0; segment < 3; ++segment) {
            QTest::addRow("%s-part%d", c.alg, segment + 1) << QString::fromLatin1(c.alg) << segment;
        }
    }
}

void TestJwsVerification::flippedBitInEachSegment()
{
    QFETCH(QString, name);
    QFETCH(int, segment);
    const keys::Key& key = m_keys.at(name.toStdString());
    const std::string token = signCompact(header(algOf(name.toLatin1().constData())), asBytes(kPayload), &key).value();
    const auto decoded = decodeCompact(token).value();
    // Flip one bit of a decoded byte in the middle of the chosen part and re-encode it.
    std::vector<std::string> parts;
    for (const auto& s : decoded.segments) {
        Bytes bytes = s.bytes;
        if (&s == &decoded.segments[static_cast<std::size_t>(segment)]) {
            bytes[bytes.size() / 2] ^= 0x04;
        }
        parts.push_back(encoding::base64UrlEncode(bytes));
    }
    const std::string tampered = parts[0] + "." + parts[1] + "." + parts[2];
    QVERIFY(tampered != token);
    const auto check = verifyText(tampered, key);
    QVERIFY2(!check.valid(), check.reason.c_str());
}

void TestJwsVerification::truncatedSignature_data()
{
    roundTrip_data();
}

void TestJwsVerification::truncatedSignature()
{
    QFETCH(QString, name);
    const keys::Key& key = m_keys.at(name.toStdString());
    const std::string token = signCompact(header(algOf(name.toLatin1().constData())), asBytes(kPayload), &key).value();
    Bytes signature = decodeCompact(token)->signature();
    signature.pop_back();
    const auto check = verifyText(withSignature(token, signature), key);
    QVERIFY(!check.valid());
    QCOMPARE(check.problem, SignatureProblem::MalformedSignature);
    QVERIFY2(QString::fromStdString(check.reason).contains("bytes"), check.reason.c_str());
}

void TestJwsVerification::wrongKey_data()
{
    roundTrip_data();
}

void TestJwsVerification::wrongKey()
{
    QFETCH(QString, name);
    const std::string token
        = signCompact(header(algOf(name.toLatin1().constData())), asBytes(kPayload), &m_keys.at(name.toStdString()))
              .value();
    const auto check = verifyText(token, m_otherKeys.at(name.toStdString()));
    QVERIFY(!check.valid());
    QCOMPARE(check.problem, SignatureProblem::SignatureMismatch);
}

void TestJwsVerification::derEcdsaSignatureRejected()
{
    const keys::Key& key = m_keys.at("ES256");
    const std::string token = signCompact(header("ES256"), asBytes(kPayload), &key).value();
    const Bytes raw = decodeCompact(token)->signature();
    // The same signature in DER form (SEQUENCE of two INTEGERs), as OpenSSL's default output.
    Bytes der{0x30, 0x00};
    for (int half = 0; half < 2; ++half) {
        Bytes component(raw.begin() + half * 32, raw.begin() + (half + 1) * 32);
        while (component.size() > 1 && component.front() == 0 && component[1] < 0x80) {
            component.erase(component.begin());
        }
        if (component.front() & 0x80) {
            component.insert(component.begin(), 0x00);
        }
        der.push_back(0x02);
        der.push_back(static_cast<std::uint8_t>(component.size()));
        der.insert(der.end(), component.begin(), component.end());
    }
    der[1] = static_cast<std::uint8_t>(der.size() - 2);
    const auto check = verifyText(withSignature(token, der), key);
    QCOMPARE(check.problem, SignatureProblem::DerEcdsaSignature);
    QVERIFY(QString::fromStdString(check.reason).contains("DER"));
}

void TestJwsVerification::psychicSignatureRejected()
{
    // CVE-2022-21449: r = s = 0 must never verify.
    for (const char* alg : {"ES256", "ES384", "ES512"}) {
        const keys::Key& key = m_keys.at(alg);
        const std::string token = signCompact(header(alg), asBytes(kPayload), &key).value();
        const Bytes zeros(decodeCompact(token)->signature().size(), 0);
        const auto check = verifyText(withSignature(token, zeros), key);
        QVERIFY2(!check.valid(), alg);
    }
}

void TestJwsVerification::pkcs1EncodingMustBeExact_data()
{
    // What the signature opens to: 00 01 FF…FF 00, the DigestInfo prefix (RFC 8017 §9.2, note 1),
    // the hash. Only the exact encoding of the token's own hash verifies.
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("separator");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("valid");
    const auto row = [](const char* name, const char* alg, const char* hash, const char* start, const char* separator,
                        const char* prefix, bool valid) {
        QTest::newRow(name) << QString(alg) << QString(hash) << QString(start) << QString(separator) << QString(prefix)
                            << valid;
    };
    const char* sha256 = "3031300d060960864801650304020105000420";
    const char* sha384 = "3041300d060960864801650304020205000430";
    const char* sha512 = "3051300d060960864801650304020305000440";
    row("RS256", "RS256", "SHA-256", "0001", "00", sha256, true);
    row("RS384", "RS384", "SHA-384", "0001", "00", sha384, true);
    row("RS512", "RS512", "SHA-512", "0001", "00", sha512, true);
    row("block type 2", "RS256", "SHA-256", "0002", "00", sha256, false);
    row("leading 01", "RS256", "SHA-256", "0101", "00", sha256, false);
    row("no separator", "RS256", "SHA-256", "0001", "ff", sha256, false);
    row("DigestInfo without NULL", "RS256", "SHA-256", "0001", "00", "302f300b06096086480165030402010420", false);
    row("SHA-512 hash under RS256", "RS256", "SHA-512", "0001", "00", sha512, false);
    row("SHA-256 prefix under RS512", "RS512", "SHA-512", "0001", "00", sha256, false);
}

void TestJwsVerification::pkcs1EncodingMustBeExact()
{
    QFETCH(QString, alg);
    QFETCH(QString, hash);
    QFETCH(QString, start);
    QFETCH(QString, separator);
    QFETCH(QString, prefix);
    QFETCH(bool, valid);
    const keys::Key& key = m_keys.at(alg.toStdString());
    const std::string token = signCompact(header(alg.toStdString()), asBytes(kPayload), &key).value();
    const std::string signingInput = token.substr(0, token.rfind('.'));
    const crypto::HashAlg hashAlg = hash == "SHA-256" ? crypto::HashAlg::Sha256
        : hash == "SHA-384"                           ? crypto::HashAlg::Sha384
                                                      : crypto::HashAlg::Sha512;
    const Bytes digest = crypto::digest(hashAlg, asBytes(signingInput));
    const Bytes head = encoding::fromHex(start.toStdString()).value();
    const Bytes tail = encoding::fromHex(separator.toStdString() + prefix.toStdString()).value();
    const std::size_t modulusSize = static_cast<std::size_t>(key.bits() / 8);
    Bytes encoded = head;
    encoded.resize(modulusSize - tail.size() - digest.size(), 0xff);
    encoded.insert(encoded.end(), tail.begin(), tail.end());
    encoded.insert(encoded.end(), digest.begin(), digest.end());
    QCOMPARE(encoded.size(), modulusSize);

    const Bytes signature = rawRsaSignature(key, encoded);
    QCOMPARE(signature.size(), modulusSize);
    const auto check = verifyText(withSignature(token, signature), key.publicKey().value());
    QCOMPARE(check.valid(), valid);
    if (!valid) {
        QCOMPARE(check.problem, SignatureProblem::SignatureMismatch);
    }
}

void TestJwsVerification::algorithmConfusion_data()
{
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<QString>("form");
    QTest::addColumn<bool>("verifyWithPrivate");
    for (const char* name : {"RS256", "ES256", "EdDSA"}) {
        for (const char* form : {"PEM", "PEM without final line break", "DER"}) {
            QTest::addRow("%s %s", name, form) << name << form << false;
        }
        QTest::addRow("%s PEM, verifier holds the private key", name) << name << "PEM" << true;
    }
}

void TestJwsVerification::algorithmConfusion()
{
    // The attacker signs HS256 with the server's public key (its PEM text or DER) as the HMAC secret;
    // the server holds that public key (or its key pair) and the token's alg says HS256.
    QFETCH(QString, keyName);
    QFETCH(QString, form);
    QFETCH(bool, verifyWithPrivate);
    const keys::Key& pair = m_keys.at(keyName.toStdString());
    const keys::Key publicKey = pair.publicKey().value();
    std::string secret = keys::exportPublicPem(publicKey).value();
    QVERIFY(secret.ends_with('\n'));
    if (form == "PEM without final line break") {
        secret.pop_back();
    } else if (form == "DER") {
        secret = std::string(asText(keys::exportPublicDer(publicKey).value()));
    }
    const keys::Key forged = keys::Key::fromSecret(crypto::SecureBytes(secret));
    const std::string token = signCompact(header("HS256"), asBytes(kPayload), &forged).value();
    const auto check = verifyText(token, verifyWithPrivate ? pair : publicKey);
    QVERIFY(!check.valid());
    QCOMPARE(check.problem, SignatureProblem::AlgorithmConfusion);
    QCOMPARE(problemName(check.problem), std::string_view("ERR_JWS_ALGORITHM_CONFUSION"));
    const QString reason = QString::fromStdString(check.reason);
    QVERIFY2(reason.contains("algorithm-confusion attack"), qPrintable(reason));
    QVERIFY2(reason.contains(form == "DER" ? "DER bytes" : "PEM text"), qPrintable(reason));
    QVERIFY2(reason.contains(QString::fromStdString(keyPhrase(publicKey))), qPrintable(reason));
}

void TestJwsVerification::publicKeyTextAsSecret_data()
{
    QTest::addColumn<QString>("secretForm");
    QTest::addColumn<bool>("confusion");
    QTest::newRow("public PEM") << "public PEM" << true;
    QTest::newRow("public JWK") << "public JWK" << true;
    QTest::newRow("public DER") << "public DER" << true;
    QTest::newRow("private PEM") << "private PEM" << false; // no attacker has it: an odd secret, no more
    QTest::newRow("plain secret") << "plain" << false;
}

void TestJwsVerification::publicKeyTextAsSecret()
{
    // The verifier is given a public key's text as the HMAC secret: it is set up for the attack, and
    // says so whether or not this token was made with it.
    QFETCH(QString, secretForm);
    QFETCH(bool, confusion);
    const keys::Key publicKey = m_keys.at("RS256").publicKey().value();
    std::string secret = "a perfectly ordinary secret of 32+ bytes";
    if (secretForm == "public PEM") {
        secret = keys::exportPublicPem(publicKey).value();
    } else if (secretForm == "public JWK") {
        secret = keys::exportJwk(publicKey, false).value().dump();
    } else if (secretForm == "public DER") {
        secret = std::string(asText(keys::exportPublicDer(publicKey).value()));
    } else if (secretForm == "private PEM") {
        secret = keys::exportPrivatePem(m_keys.at("RS256")).value();
    }
    const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(secret));
    const std::string made = signCompact(header("HS256"), asBytes(kPayload), &key).value();
    const std::string other = signCompact(header("HS256"), asBytes(kPayload), &m_keys.at("HS256")).value();
    for (const bool madeWithIt : {true, false}) {
        const auto check = verifyText(madeWithIt ? made : other, key);
        if (confusion) {
            QCOMPARE(check.problem, SignatureProblem::AlgorithmConfusion);
            QVERIFY(!check.valid());
            QVERIFY2(QString::fromStdString(check.reason).contains("the HMAC secret is the"), check.reason.c_str());
            QVERIFY2(QString::fromStdString(check.reason).contains("RSA 2048-bit public key"), check.reason.c_str());
        } else {
            QCOMPARE(check.valid(), madeWithIt);
        }
    }
}

void TestJwsVerification::hmacTokenWithAsymmetricKeyDoesNotFit_data()
{
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<bool>("privateKey");
    QTest::addColumn<QString>("phrase");
    QTest::newRow("EC private key") << "ES256" << true
                                    << "this is an EC P-256 private key; HS256 needs a shared secret";
    QTest::newRow("RSA public key") << "RS256" << false
                                    << "this is an RSA 2048-bit public key; HS256 needs a shared secret";
    QTest::newRow("Ed25519 public key") << "EdDSA" << false
                                        << "this is an Ed25519 public key; HS256 needs a shared secret";
}

void TestJwsVerification::hmacTokenWithAsymmetricKeyDoesNotFit()
{
    // An HS256 token made with an ordinary secret, checked with a key left over from another token:
    // the key does not fit, and nothing was under attack.
    QFETCH(QString, keyName);
    QFETCH(bool, privateKey);
    QFETCH(QString, phrase);
    const keys::Key& pair = m_keys.at(keyName.toStdString());
    const keys::Key key = privateKey ? pair : pair.publicKey().value();
    const std::string token = signCompact(header("HS256"), asBytes(kPayload), &m_keys.at("HS256")).value();
    const auto check = verifyText(token, key);
    QCOMPARE(check.problem, SignatureProblem::KeyMismatch);
    QCOMPARE(QString::fromStdString(check.reason), phrase);
    QVERIFY(!QString::fromStdString(check.reason).contains("confusion"));
}

void TestJwsVerification::keyTypeMismatch()
{
    const std::string token = signCompact(header("ES256"), asBytes(kPayload), &m_keys.at("ES256")).value();
    const auto wrongCurve = verifyText(token, m_keys.at("ES384"));
    QCOMPARE(wrongCurve.problem, SignatureProblem::KeyMismatch);
    QVERIFY2(QString::fromStdString(wrongCurve.reason).contains("P-256"), wrongCurve.reason.c_str());
    const auto rsa = verifyText(token, m_keys.at("RS256"));
    QCOMPARE(rsa.problem, SignatureProblem::KeyMismatch);
    // Signing is refused the same way, before anything is computed.
    QVERIFY(!signCompact(header("RS256"), asBytes(kPayload), &m_keys.at("ES256")).has_value());
    const keys::Key publicOnly = m_keys.at("RS256").publicKey().value();
    QVERIFY(!signCompact(header("RS256"), asBytes(kPayload), &publicOnly).has_value());
}

void TestJwsVerification::unsecuredNeverVerifies()
{
    for (const char* alg : {"none", "None", "NONE"}) {
        const std::string token
            = encoding::base64UrlEncode(header(alg)) + "." + encoding::base64UrlEncode(kPayload) + ".";
        const auto check = verifyText(token, m_keys.at("HS256"));
        QVERIFY2(!check.valid(), alg);
    }
    const std::string token
        = encoding::base64UrlEncode(header("none")) + "." + encoding::base64UrlEncode(kPayload) + ".";
    QCOMPARE(verifyText(token, m_keys.at("HS256")).problem, SignatureProblem::Unsecured);
    QCOMPARE(verifyText(token + "c2ln", m_keys.at("HS256")).problem, SignatureProblem::Unsecured);
    QVERIFY(!signCompact(header("none"), asBytes(kPayload), nullptr).has_value());
}

void TestJwsVerification::unknownCriticalHeader()
{
    const keys::Key& key = m_keys.at("HS256");
    const std::string token
        = signCompact(header("HS256", R"(,"exp-policy":1,"crit":["exp-policy"])"), asBytes(kPayload), &key).value();
    const auto check = verifyText(token, key);
    QCOMPARE(check.problem, SignatureProblem::UnknownCriticalHeader);
    QVERIFY(QString::fromStdString(check.reason).contains("exp-policy"));
    JwsVerifyOptions options;
    options.criticalHeaders = {"exp-policy"};
    QVERIFY(verifyText(token, key, options).valid());
    // "crit" naming a registered parameter, or one that is absent, is malformed.
    const std::string registered = signCompact(header("HS256", R"(,"crit":["alg"])"), asBytes(kPayload), &key).value();
    QCOMPARE(verifyText(registered, key).problem, SignatureProblem::MalformedHeader);
    const std::string absent = signCompact(header("HS256", R"(,"crit":["x"])"), asBytes(kPayload), &key).value();
    QCOMPARE(verifyText(absent, key).problem, SignatureProblem::MalformedHeader);
}

void TestJwsVerification::b64WithoutCrit()
{
    const keys::Key& key = m_keys.at("HS256");
    QVERIFY(!signCompact(R"({"alg":"HS256","b64":false})", asBytes("payload"), &key).has_value());
    const auto token = signCompact(R"({"alg":"HS256","b64":false,"crit":["b64"]})", asBytes("payload"), &key);
    QVERIFY(token.has_value());
    QCOMPARE(token->substr(token->find('.') + 1, 7), std::string("payload"));
    QVERIFY(verifyText(*token, key).valid());
    QVERIFY(!signCompact(R"({"alg":"HS256","b64":false,"crit":["b64"]})", asBytes("a.b"), &key).has_value());
}

void TestJwsVerification::algorithmsAllowList()
{
    const std::string token = signCompact(header("HS256"), asBytes(kPayload), &m_keys.at("HS256")).value();
    JwsVerifyOptions options;
    options.algorithms.push_back(JwsAlgorithm::RS256);
    options.algorithms.push_back(JwsAlgorithm::ES256);
    const auto check = verifyText(token, m_keys.at("HS256"), options);
    QCOMPARE(check.problem, SignatureProblem::AlgorithmNotAllowed);
    QVERIFY2(QString::fromStdString(check.reason).contains("only RS256, ES256"), check.reason.c_str());
    options.algorithms.push_back(JwsAlgorithm::HS256);
    QVERIFY(verifyText(token, m_keys.at("HS256"), options).valid());
}

void TestJwsVerification::duplicateHeaderMembers()
{
    const keys::Key& key = m_keys.at("HS256");
    QVERIFY(!signCompact(R"({"alg":"HS256","alg":"HS256"})", asBytes(kPayload), &key).has_value());
    // Built by hand: a valid MAC over a header with "alg" twice is still refused.
    const std::string input = encoding::base64UrlEncode(std::string_view(R"({"alg":"none","alg":"HS256"})")) + "."
        + encoding::base64UrlEncode(kPayload);
    const std::string good = signCompact(header("HS256"), asBytes(kPayload), &key).value();
    const std::string token = input + good.substr(good.rfind('.'));
    QCOMPARE(verifyText(token, key).problem, SignatureProblem::MalformedHeader);
}

// verifyJwt reads the header and the claims as members; the documents come from token() alone.
void TestJwsVerification::verifyJwtReadsWithoutDocuments()
{
    const keys::Key& key = m_keys.at("HS256");
    JwtVerifyOptions options;
    options.claims.now = test::at(1516239022);
    options.claims.subject = "1234567890";
    const std::string token = signCompact(header("HS256", R"(,"kid":"k\u0031")"), asBytes(kPayload), &key).value();
    const auto result = verifyJwt(token, KeySource::single(key), options);
    QVERIFY(result.has_value());
    QVERIFY2(result->valid(), result->signature.reason.c_str());
    QVERIFY(result->payloadIsJson);
    QCOMPARE(asText(result->payload()), kPayload);
    const CompactToken decoded = result->token();
    QCOMPARE(decoded.text, token);
    QVERIFY(decoded.payloadJson && decoded.payloadJson->value == encoding::parseJson(kPayload)->value);
    QCOMPARE(decoded.header.value.at("kid").get<std::string>(), std::string("k1"));

    // The claims rules read the members: a subject that differs is found.
    options.claims.subject = "someone else";
    QVERIFY(verifyJwt(token, KeySource::single(key), options)->claims.has(ClaimCode::UnexpectedSubject));

    // A repeated header member, read from the members, is refused before anything else.
    const std::string input = encoding::base64UrlEncode(std::string_view(R"({"alg":"HS256","kid":"a","kid":"b"})"))
        + "." + encoding::base64UrlEncode(kPayload);
    const std::string repeated
        = input + "." + encoding::base64UrlEncode(createSignature(JwsAlgorithm::HS256, key, asBytes(input)).value());
    QCOMPARE(verifyJwt(repeated, KeySource::single(key), {})->signature.problem, SignatureProblem::MalformedHeader);

    // A payload that is not JSON: no claims, and token() says why, as the finding does.
    const std::string text = signCompact(header("HS256"), asBytes("not JSON"), &key).value();
    const auto notJson = verifyJwt(text, KeySource::single(key), {});
    QVERIFY(notJson.has_value() && notJson->signature.valid() && !notJson->payloadIsJson);
    const ClaimFinding* finding = notJson->claims.find(ClaimCode::ClaimsNotObject);
    QVERIFY(finding && notJson->token().payloadNotJson);
    QVERIFY2(finding->message.find(notJson->token().payloadNotJson->message) != std::string::npos,
             finding->message.c_str());

    // A key set: the key is chosen by the kid read from the members.
    std::vector<keys::Key> set{m_otherKeys.at("HS256"), key};
    set[0].parameters().kid = "k0";
    set[1].parameters().kid = "k1";
    const auto chosen = verifyJwt(token, KeySource::set(set), {});
    QVERIFY2(chosen->signature.valid(), chosen->signature.reason.c_str());
    QCOMPARE(chosen->signature.keyIndex, std::optional<std::size_t>(1));
}

void TestJwsVerification::keySetSelection()
{
    std::vector<keys::Key> set{m_keys.at("RS256"), m_keys.at("ES256"), m_otherKeys.at("ES256")};
    set[0].parameters().kid = "rsa-1";
    set[1].parameters().kid = "ec-1";
    set[2].parameters().kid = "ec-2";
    const std::string token = signCompact(header("ES256", R"(,"kid":"ec-2")"), asBytes(kPayload), &set[2]).value();
    const auto decoded = decodeCompact(token).value();
    const auto result = verifyCompact(decoded, KeySource::set(set));
    QVERIFY2(result.anyValid(), result.signatures.front().reason.c_str());
    QCOMPARE(result.signatures.front().keyId, std::string("ec-2"));

    const std::string unknownKid = signCompact(header("ES256", R"(,"kid":"ec-9")"), asBytes(kPayload), &set[2]).value();
    const auto none = verifyCompact(decodeCompact(unknownKid).value(), KeySource::set(set));
    QCOMPARE(none.signatures.front().problem, SignatureProblem::NoMatchingKey);
    const QString why = QString::fromStdString(none.signatures.front().reason);
    QVERIFY2(why.contains("kid \"rsa-1\"") && why.contains("\"ec-9\""), qPrintable(why));

    // Without a kid, every key that fits the algorithm is tried.
    const std::string noKid = signCompact(header("ES256"), asBytes(kPayload), &set[2]).value();
    QVERIFY(verifyCompact(decodeCompact(noKid).value(), KeySource::set(set)).anyValid());
}

void TestJwsVerification::noKeyMeansNotChecked()
{
    const std::string token = signCompact(header("HS256"), asBytes(kPayload), &m_keys.at("HS256")).value();
    const auto result = verifyCompact(decodeCompact(token).value(), KeySource{});
    QCOMPARE(result.signatures.front().verdict, Verdict::NotChecked);
    QCOMPARE(result.signatures.front().problem, SignatureProblem::NoKey);
}

void TestJwsVerification::weakKeys_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("signingKey"); // "secret:TEXT", "rsa:BITS" (generated) or a PEM file in tests/data
    QTest::addColumn<QString>("weakness"); // empty: a strong key
    QTest::newRow("HS256, jwt.io's 19-byte secret")
        << "HS256"
        << "secret:your-256-bit-secret"
        << "the secret is 19 bytes; RFC 7518 §3.2 requires at least 32 bytes for HS256";
    QTest::newRow("HS256, 31 bytes") << "HS256"
                                     << "secret:" + QString(31, 'k') << "the secret is 31 bytes";
    QTest::newRow("HS256, 32 bytes") << "HS256"
                                     << "secret:" + QString(32, 'k') << QString();
    QTest::newRow("HS384, 32 bytes") << "HS384"
                                     << "secret:" + QString(32, 'k') << "requires at least 48 bytes for HS384";
    QTest::newRow("HS512, 64 bytes") << "HS512"
                                     << "secret:" + QString(64, 'k') << QString();
    QTest::newRow("RS256, 1024 bits") << "RS256"
                                      << "rsa:1024"
                                      << "the RSA key has only 1024 bits; RFC 7518 §3.3 requires 2048 or more";
    QTest::newRow("PS256, 2048 bits") << "PS256"
                                      << "keys/rsa-2048-pkcs8.pem" << QString();
    QTest::newRow("RS256, ROCA") << "RS256"
                                 << "keys/roca/positive-private.pem"
                                 << "the RSA key's modulus has the ROCA fingerprint (CVE-2017-15361)";
    QTest::newRow("PS512, ROCA") << "PS512"
                                 << "keys/roca/positive-private.pem"
                                 << "ROCA fingerprint";
}

void TestJwsVerification::weakKeys()
{
    QFETCH(QString, alg);
    QFETCH(QString, signingKey);
    QFETCH(QString, weakness);
    const auto key = [&]() -> Result<keys::Key> {
        if (signingKey.startsWith("secret:")) {
            return keys::Key::fromSecret(crypto::SecureBytes(signingKey.mid(7).toStdString()));
        }
        if (signingKey.startsWith("rsa:")) {
            return keys::generateKey({keys::KeyType::Rsa, signingKey.mid(4).toInt()});
        }
        return keys::importPem(test::readDataFile(signingKey));
    }();
    JWTWB_VERIFY_OK(key);
    const keys::Key verifier = key->type() == keys::KeyType::Oct ? *key : key->publicKey().value();
    const std::string headerText = header(alg.toStdString());
    SignOptions accepting;
    accepting.weakKeys = WeakKeys::Accept;
    const auto token = signCompact(headerText, asBytes(kPayload), &*key, accepting);
    JWTWB_VERIFY_OK(token);
    const auto refused = signCompact(headerText, asBytes(kPayload), &*key);
    const auto check = verifyText(*token, verifier);
    JwsVerifyOptions optOut;
    optOut.weakKeys = WeakKeys::Accept;
    const auto accepted = verifyText(*token, verifier, optOut);
    if (weakness.isEmpty()) {
        JWTWB_VERIFY_OK(refused);
        QVERIFY2(check.valid() && check.warnings.empty(), check.reason.c_str());
        QVERIFY(accepted.valid() && accepted.warnings.empty());
        QVERIFY(jose::describeWeakKey(verifier, *parseAlgorithm(alg.toStdString())).empty());
        return;
    }
    // Signing and verifying refuse alike, in the words of the one rule.
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Errc::WeakKey);
    QVERIFY2(QString::fromStdString(refused.error().message).contains(weakness), refused.error().message.c_str());
    QVERIFY(!check.valid());
    QCOMPARE(check.problem, SignatureProblem::WeakKey);
    const QString reason = QString::fromStdString(check.reason);
    QVERIFY2(reason.startsWith("the signature matches this ")
                 && reason.contains(", but a conforming verifier refuses the ") && reason.contains(weakness),
             qPrintable(reason));
    // The opt-out: valid, the weakness a warning.
    QVERIFY2(accepted.valid(), accepted.reason.c_str());
    QCOMPARE(accepted.warnings.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(accepted.warnings.front()).contains(weakness));
    // A token of another key: refused too, and the reason says that it does not match either.
    const auto original = decodeCompact(*token);
    QVERIFY(original);
    const std::string tampered = withSignature(*token, Bytes(original->signature().size(), 0x5a));
    const auto wrong = verifyText(tampered, verifier);
    QCOMPARE(wrong.problem, SignatureProblem::WeakKey);
    QVERIFY2(QString::fromStdString(wrong.reason).contains("does not match this"), wrong.reason.c_str());
}

void TestJwsVerification::rocaFingerprint_data()
{
    // Keys from the ROCA authors' own tests (tests/data/keys/roca/README.md), both 2048 bits or more.
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("fingerprint");
    QTest::newRow("positive, private") << "keys/roca/positive-private.pem" << true;
    QTest::newRow("positive, public half") << "keys/roca/positive-public.pem" << true;
    QTest::newRow("negative") << "keys/roca/negative-public.pem" << false;
    QTest::newRow("our RSA 2048 test key") << "keys/rsa-2048-spki.pem" << false;
}

void TestJwsVerification::rocaFingerprint()
{
    QFETCH(QString, file);
    QFETCH(bool, fingerprint);
    const auto key = keys::importPem(test::readDataFile(file));
    JWTWB_VERIFY_OK(key);
    QVERIFY(key->bits() >= 2048);
    QCOMPARE(key->hasRocaFingerprint(), fingerprint);
    QCOMPARE(!jose::describeWeakKey(*key, JwsAlgorithm::RS256).empty(), fingerprint);
}

void TestJwsVerification::ambiguousKeySets_data()
{
    QTest::addColumn<QStringList>("kinds"); // per key: "oct", "rsa" or "ec", with ":kid" when it has one
    QTest::addColumn<QString>("problem"); // empty: the set is fine
    QTest::newRow("distinct kids") << QStringList{"rsa:a", "rsa:b", "ec:c"} << QString();
    QTest::newRow("no kids") << QStringList{"rsa", "rsa"} << QString();
    QTest::newRow("one kid, two types (RFC 7517 §4.5)") << QStringList{"rsa:a", "ec:a"} << QString();
    QTest::newRow("one kid, two RSA keys")
        << QStringList{"rsa:a", "ec:b", "rsa:a"} << "two keys with the kid \"a\" (keys 1 and 3)";
    QTest::newRow("secret beside an RSA key") << QStringList{"oct:a", "rsa:b"} << "mixes shared secrets";
    QTest::newRow("secrets only") << QStringList{"oct:a", "oct:b"} << QString();
}

void TestJwsVerification::ambiguousKeySets()
{
    QFETCH(QStringList, kinds);
    QFETCH(QString, problem);
    std::vector<keys::Key> set;
    for (const QString& kind : kinds) {
        const QString type = kind.section(':', 0, 0);
        keys::Key key = type == "oct" ? m_keys.at("HS256") : type == "rsa" ? m_keys.at("RS256") : m_keys.at("ES256");
        key.parameters().kid = kind.section(':', 1).toStdString();
        set.push_back(key.type() == keys::KeyType::Oct ? key : key.publicKey().value());
    }
    const std::string alg = kinds.front().startsWith("oct") ? "HS256"
        : kinds.front().startsWith("rsa")                   ? "RS256"
                                                            : "ES256";
    const keys::Key& signer = m_keys.at(alg);
    const std::string kid = kinds.front().section(':', 1).toStdString();
    const auto token = signCompact(header(alg, kid.empty() ? std::string() : R"(,"kid":")" + kid + "\""),
                                   asBytes(kPayload), &signer);
    JWTWB_VERIFY_OK(token);
    const auto decoded = decodeCompact(*token);
    QVERIFY(decoded);
    for (const auto weak : {WeakKeys::Refuse, WeakKeys::Accept}) {
        JwsVerifyOptions options;
        options.weakKeys = weak; // the opt-out is for weak keys only
        const auto check = checkCompactSignature(*decoded, KeySource::set(set), options);
        if (problem.isEmpty()) {
            QVERIFY2(check.valid(), check.reason.c_str());
        } else {
            QCOMPARE(check.problem, SignatureProblem::AmbiguousKeySet);
            QVERIFY2(QString::fromStdString(check.reason).contains(problem), check.reason.c_str());
        }
    }
    QCOMPARE(jose::describeAmbiguousKeySet(set).empty(), problem.isEmpty());
}

QTEST_GUILESS_MAIN(TestJwsVerification)
#include "TestJwsVerification.moc"
