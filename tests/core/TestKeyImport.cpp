#include "KeyTestSupport.h"
#include "TestKeys.h"

#include "crypto/Digest.h"
#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/PemBlock.h"
#include "keys/Thumbprint.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::keys;
using encoding::Json;

namespace {

const QString kRfc7515 = QStringLiteral("vectors/rfc/rfc7515.json");
const QString kRfc7517 = QStringLiteral("vectors/rfc/rfc7517.json");
const QString kRfc7518 = QStringLiteral("vectors/rfc/rfc7518.json");
const QString kRfc8037 = QStringLiteral("vectors/rfc/rfc8037.json");
const QString kPassphrase = test::kKeyFilePassphrase;

std::string thumbprintOf(const Key& key)
{
    auto bytes = thumbprint(key);
    return bytes ? encoding::base64UrlEncode(*bytes) : std::string("error: ") + bytes.error().message;
}

std::string fixture(const QString& name)
{
    return test::readDataFile(QStringLiteral("keys/") + name);
}

Json rfc7517B()
{
    return test::jwkAt(kRfc7517, "/vectors/3/jwk");
}

Json rfc7517A2(int index)
{
    return test::jwkAt(kRfc7517, QStringLiteral("/vectors/1/jwks/keys/%1").arg(index));
}

QByteArray withMember(Json jwk, const std::string& name, Json value)
{
    jwk[name] = std::move(value);
    return test::jsonText(jwk);
}

QByteArray withoutMember(Json jwk, const std::string& name)
{
    jwk.erase(name);
    return test::jsonText(jwk);
}

} // namespace

class TestKeyImport : public QObject
{
    Q_OBJECT

private slots:
    void vectorKeys_data();
    void vectorKeys();
    void keyParametersKeepOrder();
    void rsaPrivateWithDOnly();
    void okpPrivateFromRfc8037Hex();
    void x5cCertificate();
    void x5cThumbprints();
    void malformedJwk_data();
    void malformedJwk();
    void duplicateMemberPosition();
    void jwks();
    void jwksSkipsWhatItCannotUse();
    void jwksErrors_data();
    void jwksErrors();
    void pemFixtures_data();
    void pemFixtures();
    void derFixtures_data();
    void derFixtures();
    void passphrases_data();
    void passphrases();
    void certificatePem();
    void certificateFixture();
    void pemTolerance();
    void malformedPem_data();
    void malformedPem();
    void importKeysDetects();
    void importKeysErrors_data();
    void importKeysErrors();
    void secrets_data();
    void secrets();
    void secretErrors_data();
    void secretErrors();
};

// ---- JWK ---------------------------------------------------------------------------------------

void TestKeyImport::vectorKeys_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("bits");
    QTest::addColumn<bool>("isPrivate");
    QTest::addColumn<QString>("kid");

    const auto row = [](const char* name, const QString& file, const char* pointer, KeyType type, Curve curve, int bits,
                        bool isPrivate, const char* kid = "") {
        QTest::newRow(name) << file << QString::fromLatin1(pointer) << int(type) << int(curve) << bits << isPrivate
                            << QString::fromUtf8(kid);
    };
    row("RFC 7517 A.1 EC", kRfc7517, "/vectors/0/jwks/keys/0", KeyType::Ec, Curve::P256, 256, false, "1");
    row("RFC 7517 A.1 RSA", kRfc7517, "/vectors/0/jwks/keys/1", KeyType::Rsa, Curve::None, 2048, false, "2011-04-29");
    row("RFC 7517 A.2 EC", kRfc7517, "/vectors/1/jwks/keys/0", KeyType::Ec, Curve::P256, 256, true, "1");
    row("RFC 7517 A.2 RSA", kRfc7517, "/vectors/1/jwks/keys/1", KeyType::Rsa, Curve::None, 2048, true, "2011-04-29");
    row("RFC 7517 A.3 AES", kRfc7517, "/vectors/2/jwks/keys/0", KeyType::Oct, Curve::None, 128, true);
    row("RFC 7517 A.3 HMAC", kRfc7517, "/vectors/2/jwks/keys/1", KeyType::Oct, Curve::None, 512, true,
        "HMAC key used in JWS spec Appendix A.1 example");
    row("RFC 7517 B x5c", kRfc7517, "/vectors/3/jwk", KeyType::Rsa, Curve::None, 2048, false, "1b94c");
    row("RFC 7515 A.1 HS256", kRfc7515, "/vectors/0/key", KeyType::Oct, Curve::None, 512, true);
    row("RFC 7515 A.2 RS256", kRfc7515, "/vectors/1/key", KeyType::Rsa, Curve::None, 2048, true);
    row("RFC 7515 A.3 ES256", kRfc7515, "/vectors/2/key", KeyType::Ec, Curve::P256, 256, true);
    row("RFC 7515 A.4 ES512", kRfc7515, "/vectors/3/key", KeyType::Ec, Curve::P521, 521, true);
    row("RFC 7518 C Alice", kRfc7518, "/vectors/3/ephemeral_jwk_alice", KeyType::Ec, Curve::P256, 256, true);
    row("RFC 8037 A.1", kRfc8037, "/vectors/0/jwk", KeyType::Okp, Curve::Ed25519, 256, true);
    row("RFC 8037 A.2", kRfc8037, "/vectors/1/jwk", KeyType::Okp, Curve::Ed25519, 256, false);
    row("RFC 8037 A.6 X25519", kRfc8037, "/vectors/5/recipient_public_jwk", KeyType::Okp, Curve::X25519, 253, false,
        "Bob");
    row("RFC 8037 A.7 X448", kRfc8037, "/vectors/6/recipient_public_jwk", KeyType::Okp, Curve::X448, 448, false,
        "Dave");
    const QString cookbook = QStringLiteral("vectors/cookbook/jwk/");
    row("RFC 7520 3.1", cookbook + "3_1.ec_public_key.json", "", KeyType::Ec, Curve::P521, 521, false,
        "bilbo.baggins@hobbiton.example");
    row("RFC 7520 3.2", cookbook + "3_2.ec_private_key.json", "", KeyType::Ec, Curve::P521, 521, true,
        "bilbo.baggins@hobbiton.example");
    row("RFC 7520 3.3", cookbook + "3_3.rsa_public_key.json", "", KeyType::Rsa, Curve::None, 2048, false,
        "bilbo.baggins@hobbiton.example");
    row("RFC 7520 3.4", cookbook + "3_4.rsa_private_key.json", "", KeyType::Rsa, Curve::None, 2048, true,
        "bilbo.baggins@hobbiton.example");
    row("RFC 7520 3.5", cookbook + "3_5.symmetric_key_mac_computation.json", "", KeyType::Oct, Curve::None, 256, true,
        "018c0ae5-4d9b-471b-bfd6-eef314bc7037");
    row("RFC 7520 3.6", cookbook + "3_6.symmetric_key_encryption.json", "", KeyType::Oct, Curve::None, 256, true,
        "1e571774-2e08-40da-8308-e8d68773842d");
}

void TestKeyImport::vectorKeys()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(int, type);
    QFETCH(int, curve);
    QFETCH(int, bits);
    QFETCH(bool, isPrivate);
    QFETCH(QString, kid);

    const Json jwk = test::jwkAt(file, pointer);
    const auto key = importJwk(jwk);
    JWTWB_VERIFY_OK(key);
    QCOMPARE(int(key->type()), type);
    QCOMPARE(int(key->curve()), curve);
    QCOMPARE(key->bits(), bits);
    QCOMPARE(key->hasPrivate(), isPrivate);
    QCOMPARE(QString::fromStdString(key->parameters().kid), kid);
    QCOMPARE(QString::fromStdString(key->parameters().alg), QString::fromStdString(jwk.value("alg", "")));
    QCOMPARE(QString::fromStdString(key->parameters().use), QString::fromStdString(jwk.value("use", "")));
    QVERIFY(key->parameters().extra.empty());
    QCOMPARE(key->certificate().has_value(), jwk.contains("x5c"));

    // The same key from text, and as the only key of importKeys().
    const auto fromText = importJwk(std::string_view(jwk.dump()));
    JWTWB_VERIFY_OK(fromText);
    QCOMPARE(thumbprintOf(*fromText), thumbprintOf(*key));
    const auto pasted = importKeys("\n  " + jwk.dump(2) + "\n");
    JWTWB_VERIFY_OK(pasted);
    QCOMPARE(pasted->size(), std::size_t(1));
    QCOMPARE(thumbprintOf(pasted->front()), thumbprintOf(*key));
}

void TestKeyImport::keyParametersKeepOrder()
{
    const auto key = importJwk(std::string_view(R"({"kty":"oct","x-first":1,"k":"AAECAwQFBgcICQoLDA0ODw","kid":"k1",
        "key_ops":["sign","verify"],"ext":true,"use":"sig","alg":"HS256","x-last":{"a":[1,2]}})"));
    JWTWB_VERIFY_OK(key);
    const KeyParameters& parameters = key->parameters();
    QCOMPARE(parameters.kid, std::string("k1"));
    QCOMPARE(parameters.use, std::string("sig"));
    QCOMPARE(parameters.alg, std::string("HS256"));
    QCOMPARE(parameters.keyOps, (std::vector<std::string>{"sign", "verify"}));
    QCOMPARE(test::memberNames(parameters.extra), (std::vector<std::string>{"x-first", "ext", "x-last"}));
    QVERIFY(parameters.extra["x-last"] == Json::parse(R"({"a":[1,2]})"));
    QCOMPARE(encoding::toHex(key->secret().span()), std::string("000102030405060708090a0b0c0d0e0f"));
}

void TestKeyImport::rsaPrivateWithDOnly()
{
    // RFC 7518 §6.3.2 lets a producer give d without the CRT members; the key still signs.
    Json jwk = rfc7517A2(1);
    for (const char* name : {"p", "q", "dp", "dq", "qi"}) {
        jwk.erase(name);
    }
    const auto key = importJwk(jwk);
    JWTWB_VERIFY_OK(key);
    QVERIFY(key->hasPrivate());
    QCOMPARE(key->bits(), 2048);
    const auto full = importJwk(rfc7517A2(1));
    JWTWB_VERIFY_OK(full);
    QCOMPARE(thumbprintOf(*key), thumbprintOf(*full));
    const auto exported = exportJwk(*key, true);
    JWTWB_VERIFY_OK(exported);
    QCOMPARE(test::memberNames(*exported), (std::vector<std::string>{"kty", "n", "e", "d", "kid", "alg"}));
    QVERIFY((*exported)["d"] == jwk["d"]);
}

void TestKeyImport::okpPrivateFromRfc8037Hex()
{
    // RFC 8037 A.6 gives Bob's X25519 private key in hex: as "d" it must match his public "x".
    const Json vector = test::jwkAt(kRfc8037, "/vectors/5");
    Json jwk = vector["recipient_public_jwk"];
    const auto d = encoding::fromHex(vector["recipient_private_hex"].get<std::string>());
    QVERIFY(d.has_value());
    jwk["d"] = encoding::base64UrlEncode(*d);
    const auto key = importJwk(jwk);
    JWTWB_VERIFY_OK(key);
    QVERIFY(key->hasPrivate());
    QCOMPARE(int(key->curve()), int(Curve::X25519));

    // The ephemeral public key is someone else's: Bob's d does not belong to it.
    jwk["x"] = vector["ephemeral_public_jwk"]["x"];
    JWTWB_VERIFY_ERROR(importJwk(jwk), Errc::InvalidKey, "\"d\" does not match the public key in \"x\"");
}

void TestKeyImport::x5cCertificate()
{
    const Json jwk = rfc7517B();
    const auto key = importJwk(jwk);
    JWTWB_VERIFY_OK(key);
    QVERIFY(key->certificate().has_value());
    const CertificateInfo& info = *key->certificate();
    // Values read with `openssl x509 -nameopt RFC2253 -dateopt iso_8601` from the same DER.
    QCOMPARE(info.subject, std::string("CN=Brian Campbell,O=Ping Identity Corp.,L=Denver,ST=CO,C=US"));
    QCOMPARE(info.issuer, info.subject);
    QCOMPARE(info.serialHex, std::string("013cff16e2e2"));
    QCOMPARE(info.notBefore, std::int64_t(1361489355)); // 2013-02-21T23:29:15Z
    QCOMPARE(info.notAfter, std::int64_t(1534285755)); // 2018-08-14T22:29:15Z
    QCOMPARE(info.der, encoding::base64Decode(jwk["x5c"][0].get<std::string>()).value());
    QCOMPARE(key->parameters().x5c, (std::vector<std::string>{jwk["x5c"][0].get<std::string>()}));

    // RFC 7517 §4.7: the certificate's key must be the JWK's key.
    const Json otherRsa = test::jwkAt(kRfc7517, "/vectors/0/jwks/keys/1");
    JWTWB_VERIFY_ERROR(importJwk(withMember(jwk, "n", otherRsa["n"]).toStdString()), Errc::KeyMismatch,
                       "the first certificate holds a different key than the JWK");
    Json secret = test::jwkAt(kRfc7517, "/vectors/2/jwks/keys/1");
    secret["x5c"] = jwk["x5c"];
    JWTWB_VERIFY_ERROR(importJwk(secret), Errc::KeyMismatch, "a secret (kty \"oct\") cannot be in a certificate");
    // Later chain entries are checked to be certificates too.
    Json chain = jwk;
    chain["x5c"].push_back("AAAA");
    JWTWB_VERIFY_ERROR(importJwk(chain), Errc::InvalidKey, "\"x5c\"[1] is not an X.509 certificate");
}

void TestKeyImport::x5cThumbprints()
{
    // SHA-1 and SHA-256 fingerprints of the RFC 7517 B certificate, from `openssl x509 -fingerprint`.
    const std::string sha1
        = encoding::base64UrlEncode(encoding::fromHex("e2935e9c404bbf42692c876e816c5090eb1970ad").value());
    const std::string sha256 = encoding::base64UrlEncode(
        encoding::fromHex("a499b6041a6407ccbbb42aab58cd17dfb58e9904cef33430f95a7156005bdb52").value());
    Json jwk = rfc7517B();
    jwk["x5t"] = sha1;
    jwk["x5t#S256"] = sha256;
    const auto key = importJwk(jwk);
    JWTWB_VERIFY_OK(key);
    QCOMPARE(test::memberNames(key->parameters().extra), (std::vector<std::string>{"x5t", "x5t#S256"}));

    JWTWB_VERIFY_ERROR(importJwk(withMember(jwk, "x5t", encoding::base64UrlEncode(std::string(20, 'x'))).toStdString()),
                       Errc::KeyMismatch, "\"x5t\" is not the SHA-1 thumbprint of the certificate");
    JWTWB_VERIFY_ERROR(
        importJwk(withMember(jwk, "x5t#S256", encoding::base64UrlEncode(std::string(32, 'x'))).toStdString()),
        Errc::KeyMismatch, "\"x5t#S256\" is not the SHA-256 thumbprint");
    JWTWB_VERIFY_ERROR(importJwk(withMember(jwk, "x5t", "AAAA").toStdString()), Errc::InvalidKey,
                       "\"x5t\" has 3 octets; a SHA-1 thumbprint has 20");
}

void TestKeyImport::malformedJwk_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("fragment");

    const auto row = [](const char* name, const QByteArray& text, Errc code, const char* fragment) {
        QTest::newRow(name) << text << int(code) << QString::fromUtf8(fragment);
    };
    const Json ec = rfc7517A2(0);
    const Json rsa = rfc7517A2(1);
    const Json ed = test::jwkAt(kRfc8037, "/vectors/0/jwk");
    const Json p521 = test::jwkAt(kRfc7515, "/vectors/3/key");

    row("not an object", "[]", Errc::NotAJsonObject, "a JWK must be a JSON object, not array");
    row("string", "\"RSA\"", Errc::NotAJsonObject, "not string");
    row("not JSON", "{\"kty\":", Errc::InvalidJson, "");
    row("no kty", R"({"n":"AQAB"})", Errc::InvalidKey, "JWK member \"kty\" is missing");
    row("kty number", R"({"kty":1})", Errc::InvalidKey, "JWK member \"kty\" must be a string, not number");
    row("unknown kty", R"({"kty":"DSA"})", Errc::UnsupportedKey, "unknown key type \"DSA\"");
    row("kty lower case", R"({"kty":"rsa"})", Errc::UnsupportedKey, "unknown key type \"rsa\"");
    row("duplicate member", R"({"kty":"oct","k":"AAAA","k":"AAAB"})", Errc::DuplicateMember,
        "JWK member \"k\" appears more than once");
    row("oct no k", R"({"kty":"oct"})", Errc::InvalidKey, "JWK member \"k\" is missing (required for kty \"oct\")");
    row("oct empty k", R"({"kty":"oct","k":""})", Errc::InvalidKey, "JWK member \"k\" is empty");
    row("oct k number", R"({"kty":"oct","k":42})", Errc::InvalidKey,
        "JWK member \"k\" must be a base64url string, not number");
    row("oct k padded", R"({"kty":"oct","k":"AAA="})", Errc::InvalidBase64Url,
        "JWK member \"k\" is not valid base64url: base64url must not be padded");
    row("oct k standard alphabet", R"({"kty":"oct","k":"ab+/"})", Errc::InvalidBase64Url,
        "JWK member \"k\" is not valid base64url: '+' at position 2 belongs to the other base64 alphabet");
    row("oct k trailing bits", R"({"kty":"oct","k":"AB"})", Errc::InvalidBase64Url, "non-zero unused bits");
    row("kid number", R"({"kty":"oct","k":"AAAA","kid":7})", Errc::InvalidKey,
        "JWK member \"kid\" must be a string, not number");
    row("use array", R"({"kty":"oct","k":"AAAA","use":["sig"]})", Errc::InvalidKey,
        "JWK member \"use\" must be a string, not array");
    row("key_ops string", R"({"kty":"oct","k":"AAAA","key_ops":"sign"})", Errc::InvalidKey,
        "JWK member \"key_ops\" must be an array of strings, not string");
    row("key_ops number", R"({"kty":"oct","k":"AAAA","key_ops":[1]})", Errc::InvalidKey,
        "JWK member \"key_ops\" must hold only strings, not number");
    row("key_ops twice", R"({"kty":"oct","k":"AAAA","key_ops":["sign","verify","sign"]})", Errc::InvalidKey,
        "JWK member \"key_ops\" lists \"sign\" twice");
    row("x5c empty", R"({"kty":"oct","k":"AAAA","x5c":[]})", Errc::InvalidKey,
        "JWK member \"x5c\" must be a non-empty array of base64 strings, not an empty array");
    row("x5c string", R"({"kty":"oct","k":"AAAA","x5c":"MII"})", Errc::InvalidKey,
        "JWK member \"x5c\" must be a non-empty array of base64 strings, not string");
    row("x5c bad base64", withMember(rfc7517B(), "x5c", Json::array({"MII!"})), Errc::InvalidKey,
        "JWK member \"x5c\"[0] is not valid base64");
    row("x5c base64url", withMember(rfc7517B(), "x5c", Json::array({"MII-"})), Errc::InvalidKey,
        "JWK member \"x5c\"[0] is not valid base64");
    row("x5c not a certificate", withMember(rfc7517B(), "x5c", Json::array({"MIIBCgKCAQEA"})), Errc::InvalidKey,
        "JWK member \"x5c\"[0] is not an X.509 certificate");

    row("EC no crv", withoutMember(ec, "crv"), Errc::InvalidKey,
        "JWK member \"crv\" is missing (required for kty \"EC\")");
    row("EC crv number", withMember(ec, "crv", 256), Errc::InvalidKey,
        "JWK member \"crv\" must be a string, not number");
    row("EC unknown crv", withMember(ec, "crv", "P-192"), Errc::UnsupportedKey,
        "JWK member \"crv\": unknown curve \"P-192\" for kty \"EC\" (P-256, P-384, P-521 and secp256k1 are known)");
    row("EC with OKP crv", withMember(ec, "crv", "Ed25519"), Errc::UnsupportedKey,
        "JWK member \"crv\": \"Ed25519\" keys have kty \"OKP\", not \"EC\"");
    row("EC no x", withoutMember(ec, "x"), Errc::InvalidKey, "JWK member \"x\" is missing");
    row("EC no y", withoutMember(ec, "y"), Errc::InvalidKey, "JWK member \"y\" is missing (required for kty \"EC\")");
    row("EC short x", withMember(ec, "x", encoding::base64UrlEncode(std::string(31, 'x'))), Errc::InvalidKey,
        "JWK member \"x\" has 31 octets; P-256 needs exactly 32");
    row("EC long y", withMember(ec, "y", encoding::base64UrlEncode(std::string(33, 'y'))), Errc::InvalidKey,
        "JWK member \"y\" has 33 octets; P-256 needs exactly 32");
    row("EC P-384 coordinates on P-256", withMember(ec, "crv", "P-384"), Errc::InvalidKey,
        "JWK member \"x\" has 32 octets; P-384 needs exactly 48");
    row("EC short d", withMember(p521, "d", encoding::base64UrlEncode(std::string(65, 'd'))), Errc::InvalidKey,
        "JWK member \"d\" has 65 octets; P-521 needs exactly 66");
    {
        // The last character of y changed: (x, y') is not on P-256.
        Json offCurve = ec;
        offCurve.erase("d");
        std::string y = offCurve["y"].get<std::string>();
        y.back() = y.back() == 'M' ? 'I' : 'M';
        offCurve["y"] = y;
        row("EC point off the curve", test::jsonText(offCurve), Errc::InvalidKey,
            "JWK members \"x\" and \"y\": the point is not on the curve P-256");
    }
    row("EC foreign d", withMember(ec, "d", test::jwkAt(kRfc7515, "/vectors/2/key")["d"]), Errc::InvalidKey,
        "JWK member \"d\" does not match the public key in \"x\" and \"y\"");
    row("EC zero d", withMember(ec, "d", encoding::base64UrlEncode(std::string(32, '\0'))), Errc::InvalidKey,
        "JWK member \"d\" does not match the public key");
    row("EC x bad base64", withMember(ec, "x", "MKBC*"), Errc::InvalidBase64Url,
        "JWK member \"x\" is not valid base64url: '*' at position 4");

    row("RSA no n", withoutMember(rsa, "n"), Errc::InvalidKey,
        "JWK member \"n\" is missing (required for kty \"RSA\")");
    row("RSA no e", withoutMember(rsa, "e"), Errc::InvalidKey,
        "JWK member \"e\" is missing (required for kty \"RSA\")");
    row("RSA e number", withMember(rsa, "e", 65537), Errc::InvalidKey,
        "JWK member \"e\" must be a base64url string, not number");
    row("RSA huge modulus",
        QByteArray::fromStdString(R"({"kty":"RSA","e":"AQAB","n":")"
                                  + encoding::base64UrlEncode(std::string(2050, '\xff')) + "\"}"),
        Errc::UnsupportedKey, "JWK member \"n\": a 16400-bit modulus is larger than OpenSSL's RSA limit (16384 bits)");
    row("RSA tiny modulus", R"({"kty":"RSA","n":"AQAAAAAAAAE","e":"AQAB"})", Errc::WeakKey,
        "JWK member \"n\": a 57-bit modulus is too small for RSA (at least 512 bits)");
    row("RSA even exponent", withMember(test::jwkAt(kRfc7517, "/vectors/0/jwks/keys/1"), "e", "Ag"), Errc::InvalidKey,
        "JWK member \"e\": the public exponent must be odd");
    row("RSA exponent 1", withMember(test::jwkAt(kRfc7517, "/vectors/0/jwks/keys/1"), "e", "AQ"), Errc::InvalidKey,
        "JWK member \"e\": the public exponent must be odd, at least 3");
    {
        Json publicRsa = test::jwkAt(kRfc7517, "/vectors/0/jwks/keys/1");
        std::string n = publicRsa["n"].get<std::string>();
        n.back() = 'g'; // ...qDKgw → ...qDKgg: the modulus becomes even
        row("RSA even modulus", withMember(publicRsa, "n", n), Errc::InvalidKey,
            "JWK member \"n\": an RSA modulus must be odd");
    }
    row("RSA CRT without dq", withoutMember(rsa, "dq"), Errc::InvalidKey,
        "JWK member \"dq\" is missing: with \"p\" present, \"p\", \"q\", \"dp\", \"dq\" and \"qi\" are all required");
    row("RSA CRT without d", withoutMember(rsa, "d"), Errc::InvalidKey,
        "JWK member \"d\" is missing: \"p\" is present");
    {
        Json swapped = rsa;
        swapped["p"] = rsa["q"];
        swapped["q"] = rsa["p"];
        row("RSA p and q swapped", test::jsonText(swapped), Errc::InvalidKey,
            "do not form a consistent RSA private key with \"n\" and \"e\"");
    }
    {
        Json foreignD = rsa;
        for (const char* name : {"p", "q", "dp", "dq", "qi"}) {
            foreignD.erase(name);
        }
        foreignD["d"] = test::jwkAt(kRfc7515, "/vectors/1/key")["d"];
        row("RSA foreign d alone", test::jsonText(foreignD), Errc::InvalidKey,
            "JWK member \"d\" does not belong to the public key in \"n\" and \"e\"");
    }
    row("RSA multi-prime", withMember(rsa, "oth", Json::array()), Errc::UnsupportedKey,
        "JWK member \"oth\": multi-prime RSA keys are not supported");
    row("RSA p empty", withMember(rsa, "p", ""), Errc::InvalidKey, "JWK member \"p\" is empty");

    row("OKP no crv", withoutMember(ed, "crv"), Errc::InvalidKey,
        "JWK member \"crv\" is missing (required for kty \"OKP\")");
    row("OKP unknown crv", withMember(ed, "crv", "Ed25519ph"), Errc::UnsupportedKey,
        "unknown curve \"Ed25519ph\" for kty \"OKP\" (Ed25519, Ed448, X25519 and X448 are known)");
    row("OKP with EC crv", withMember(ed, "crv", "P-256"), Errc::UnsupportedKey,
        "\"P-256\" keys have kty \"EC\", not \"OKP\"");
    row("OKP no x", withoutMember(ed, "x"), Errc::InvalidKey, "JWK member \"x\" is missing (required for kty \"OKP\")");
    row("OKP short x", withMember(ed, "x", encoding::base64UrlEncode(std::string(31, 'x'))), Errc::InvalidKey,
        "JWK member \"x\" has 31 octets; Ed25519 needs exactly 32");
    row("OKP Ed448 with Ed25519 sizes", withMember(ed, "crv", "Ed448"), Errc::InvalidKey,
        "JWK member \"x\" has 32 octets; Ed448 needs exactly 57");
    row("OKP long d", withMember(ed, "d", encoding::base64UrlEncode(std::string(33, 'd'))), Errc::InvalidKey,
        "JWK member \"d\" has 33 octets; Ed25519 needs exactly 32");
    row("OKP foreign d", withMember(ed, "d", encoding::base64UrlEncode(std::string(32, 'd'))), Errc::InvalidKey,
        "JWK member \"d\" does not match the public key in \"x\"");
}

void TestKeyImport::malformedJwk()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(QString, fragment);
    JWTWB_VERIFY_ERROR(importJwk(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))),
                       static_cast<Errc>(code), fragment);
    // importKeys() reports the same error for a single JWK.
    const auto pasted = importKeys(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    QVERIFY(!pasted.has_value());
    if (text.startsWith('{')) {
        JWTWB_VERIFY_ERROR(pasted, static_cast<Errc>(code), fragment);
    }
}

void TestKeyImport::duplicateMemberPosition()
{
    const std::string text = R"({"kty":"oct","k":"AAAA","kid":"a","kid":"b"})";
    const auto key = importJwk(std::string_view(text));
    JWTWB_VERIFY_ERROR(key, Errc::DuplicateMember, "JWK member \"kid\" appears more than once");
    QCOMPARE(key.error().position, std::optional<std::size_t>(text.rfind("\"kid\"")));
    // A Json value cannot hold duplicates: importJwk(Json) sees the last one.
    const auto parsed = importJwk(Json::parse(text));
    JWTWB_VERIFY_OK(parsed);
    QCOMPARE(parsed->parameters().kid, std::string("b"));
}

// ---- JWK Sets ----------------------------------------------------------------------------------

void TestKeyImport::jwks()
{
    const Json file = test::loadJson(kRfc7517);
    const std::vector<std::vector<std::string>> kids{
        {"1", "2011-04-29"}, {"1", "2011-04-29"}, {"", "HMAC key used in JWS spec Appendix A.1 example"}};
    for (int i = 0; i < 3; ++i) {
        const Json& set = file["vectors"][i]["jwks"];
        const auto imported = importJwks(set.dump());
        JWTWB_VERIFY_OK(imported);
        QVERIFY(imported->skipped.empty());
        QCOMPARE(imported->keys.size(), std::size_t(2));
        for (std::size_t k = 0; k < 2; ++k) {
            QCOMPARE(imported->keys[k].parameters().kid, kids[i][k]);
            QCOMPARE(imported->keys[k].hasPrivate(), i > 0);
        }
        const auto pasted = importKeys(set.dump(4));
        JWTWB_VERIFY_OK(pasted);
        QCOMPARE(pasted->size(), std::size_t(2));
    }
    // The A.2 RSA private key is the A.1 public key.
    const auto publicSet = importJwks(file["vectors"][0]["jwks"].dump());
    const auto privateSet = importJwks(file["vectors"][1]["jwks"].dump());
    QCOMPARE(thumbprintOf(privateSet->keys[1]), thumbprintOf(publicSet->keys[1]));
    QCOMPARE(thumbprintOf(privateSet->keys[1]), std::string("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
}

void TestKeyImport::jwksSkipsWhatItCannotUse()
{
    Json set = test::jwkAt(kRfc7517, "/vectors/0/jwks");
    Json& keys = set["keys"];
    keys.push_back(Json::parse(R"({"kty":"XYZ","kid":"future"})"));
    keys.push_back(Json::parse(R"({"kty":"EC","crv":"P-192","x":"AAAA","y":"AAAA"})"));
    keys.push_back(Json::parse(R"({"kty":"oct","kid":"broken","k":"a+b="})"));
    keys.push_back("not a key");
    keys.push_back(Json::parse(R"({"kty":"oct","k":"AAAA"})"));
    std::string text = set.dump();
    // A duplicate member inside a key makes that key ambiguous: skipped too.
    text.insert(text.size() - 2, R"(,{"kty":"oct","kid":"twice","k":"AAAA","k":"AQAB"})");

    const auto imported = importJwks(text);
    JWTWB_VERIFY_OK(imported);
    QCOMPARE(imported->keys.size(), std::size_t(3));
    QCOMPARE(imported->keys[0].parameters().kid, std::string("1"));
    QCOMPARE(imported->keys[1].parameters().kid, std::string("2011-04-29"));
    QCOMPARE(int(imported->keys[2].type()), int(KeyType::Oct));
    const std::vector<std::string> expected{
        "keys[2] (kid \"future\"): JWK member \"kty\": unknown key type \"XYZ\"",
        "keys[3]: JWK member \"crv\": unknown curve \"P-192\"",
        "keys[4] (kid \"broken\"): JWK member \"k\" is not valid base64url",
        "keys[5]: a JWK must be a JSON object, not string",
        "keys[7] (kid \"twice\"): member \"k\" appears more than once",
    };
    QCOMPARE(imported->skipped.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QVERIFY2(imported->skipped[i].starts_with(expected[i]), imported->skipped[i].c_str());
    }
}

void TestKeyImport::jwksErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("array") << QByteArray("[{\"kty\":\"oct\",\"k\":\"AAAA\"}]") << int(Errc::NotAJsonObject)
                           << "a JWK Set must be a JSON object with a \"keys\" array, not array";
    QTest::newRow("no keys") << QByteArray("{\"kty\":\"oct\",\"k\":\"AAAA\"}") << int(Errc::InvalidKey)
                             << "the JWK Set has no \"keys\" member";
    QTest::newRow("keys object") << QByteArray("{\"keys\":{\"kty\":\"oct\"}}") << int(Errc::InvalidKey)
                                 << "JWK Set member \"keys\" must be an array, not object";
    QTest::newRow("keys twice") << QByteArray("{\"keys\":[],\"keys\":[]}") << int(Errc::DuplicateMember)
                                << "JWK Set member \"keys\" appears more than once";
    QTest::newRow("not JSON") << QByteArray("{\"keys\":[") << int(Errc::InvalidJson) << "";
    QTest::newRow("empty") << QByteArray("") << int(Errc::InvalidJson) << "";
}

void TestKeyImport::jwksErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(QString, fragment);
    JWTWB_VERIFY_ERROR(importJwks(text.toStdString()), static_cast<Errc>(code), fragment);
}

// ---- PEM and DER -------------------------------------------------------------------------------

namespace {

// Rows of PEM fixtures; legacy PEM encryption (Proc-Type) has no DER form.
void fixtureRows(bool withLegacyEncryption)
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("bits");
    QTest::addColumn<bool>("isPrivate");
    QTest::addColumn<QString>("thumbprint");

    // Thumbprints computed independently with python3-cryptography (see tests/data/keys/README.md).
    const QString rsa = test::kRsaThumbprint;
    const QString ec = test::kP256Thumbprint;
    const auto row = [](const char* file, const QString& passphrase, KeyType type, Curve curve, int bits,
                        bool isPrivate, const QString& thumbprint) {
        QTest::newRow(file) << QString::fromLatin1(file) << passphrase << int(type) << int(curve) << bits << isPrivate
                            << thumbprint;
    };
    row("rsa-2048-pkcs8.pem", {}, KeyType::Rsa, Curve::None, 2048, true, rsa);
    row("rsa-2048-pkcs1.pem", {}, KeyType::Rsa, Curve::None, 2048, true, rsa);
    if (withLegacyEncryption) {
        row("rsa-2048-pkcs1-encrypted.pem", kPassphrase, KeyType::Rsa, Curve::None, 2048, true, rsa);
    }
    row("rsa-2048-spki.pem", {}, KeyType::Rsa, Curve::None, 2048, false, rsa);
    row("rsa-2048-pkcs1-public.pem", {}, KeyType::Rsa, Curve::None, 2048, false, rsa);
    row("ec-p256-sec1.pem", {}, KeyType::Ec, Curve::P256, 256, true, ec);
    row("ec-p256-sec1-with-parameters.pem", {}, KeyType::Ec, Curve::P256, 256, true, ec);
    row("ec-p256-spki.pem", {}, KeyType::Ec, Curve::P256, 256, false, ec);
    row("ec-p256-certificate.pem", {}, KeyType::Ec, Curve::P256, 256, false, ec);
    row("ec-p384-pkcs8-encrypted.pem", kPassphrase, KeyType::Ec, Curve::P384, 384, true,
        QStringLiteral("B7GDQMvBoba-SA2lfN-h_805Ctccsz69gicMmwyaqwM"));
    row("ed25519-pkcs8.pem", {}, KeyType::Okp, Curve::Ed25519, 256, true,
        QStringLiteral("iCD3WXjDYrD2XxMJCDFMnUewhwhOHYwbh6zqM_aNAco"));
    row("x448-pkcs8.pem", {}, KeyType::Okp, Curve::X448, 448, true,
        QStringLiteral("UDHV44ChZrTjZ-E0qiZoYdaMQnAha6yxVwgVmXr4C70"));
}

} // namespace

void TestKeyImport::pemFixtures_data()
{
    fixtureRows(true);
}

void TestKeyImport::pemFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, passphrase);
    QFETCH(int, type);
    QFETCH(int, curve);
    QFETCH(int, bits);
    QFETCH(bool, isPrivate);
    QFETCH(QString, thumbprint);

    const std::string pem = fixture(file);
    const auto key = importPem(pem, passphrase.toStdString());
    JWTWB_VERIFY_OK(key);
    QCOMPARE(int(key->type()), type);
    QCOMPARE(int(key->curve()), curve);
    QCOMPARE(key->bits(), bits);
    QCOMPARE(key->hasPrivate(), isPrivate);
    QCOMPARE(QString::fromStdString(thumbprintOf(*key)), thumbprint);
    QCOMPARE(key->certificate().has_value(), file.contains(QStringLiteral("certificate")));

    const auto pasted = importKeys(pem, passphrase.toStdString());
    JWTWB_VERIFY_OK(pasted);
    QCOMPARE(pasted->size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(thumbprintOf(pasted->front())), thumbprint);
}

void TestKeyImport::derFixtures_data()
{
    fixtureRows(false);
}

void TestKeyImport::derFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, passphrase);
    QFETCH(int, type);
    QFETCH(bool, isPrivate);
    QFETCH(QString, thumbprint);
    auto blocks = readPemBlocks(fixture(file));
    JWTWB_VERIFY_OK(blocks);
    const PemBlock& block = blocks->back(); // after "EC PARAMETERS" where there is one
    const auto key = importDer(block.der.span(), passphrase.toStdString());
    JWTWB_VERIFY_OK(key);
    QCOMPARE(int(key->type()), type);
    QCOMPARE(key->hasPrivate(), isPrivate);
    QCOMPARE(QString::fromStdString(thumbprintOf(*key)), thumbprint);

    // The same DER as base64, as pasted from a JWK's x5c or a PEM body.
    const auto pasted = importKeys(encoding::base64Encode(block.der.span()), passphrase.toStdString());
    JWTWB_VERIFY_OK(pasted);
    QCOMPARE(QString::fromStdString(thumbprintOf(pasted->front())), thumbprint);

    // Trailing octets are not part of any key.
    Bytes longer(block.der.span().begin(), block.der.span().end());
    longer.push_back(0);
    longer.push_back(0);
    QVERIFY(!importDer(longer, passphrase.toStdString()).has_value());
}

void TestKeyImport::passphrases_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("PKCS#8 EncryptedPrivateKeyInfo") << "ec-p384-pkcs8-encrypted.pem";
    QTest::newRow("legacy Proc-Type PKCS#1") << "rsa-2048-pkcs1-encrypted.pem";
}

void TestKeyImport::passphrases()
{
    QFETCH(QString, file);
    const std::string pem = fixture(file);
    JWTWB_VERIFY_ERROR(importPem(pem), Errc::PassphraseRequired,
                       "the private key is encrypted: a passphrase is needed");
    JWTWB_VERIFY_ERROR(importPem(pem, "correct horse battery stapler"), Errc::WrongPassphrase,
                       "wrong passphrase for the encrypted private key");
    JWTWB_VERIFY_ERROR(importKeys(pem, "Correct horse battery staple"), Errc::WrongPassphrase, "wrong passphrase");
    JWTWB_VERIFY_OK(importPem(pem, kPassphrase.toStdString()));
    if (file.contains(QStringLiteral("pkcs8"))) {
        const auto blocks = readPemBlocks(pem);
        JWTWB_VERIFY_ERROR(importDer(blocks->front().der.span()), Errc::PassphraseRequired, "a passphrase is needed");
        JWTWB_VERIFY_ERROR(importDer(blocks->front().der.span(), "nope"), Errc::WrongPassphrase, "wrong passphrase");
    }
}

void TestKeyImport::certificatePem()
{
    // RFC 7517 B's x5c certificate wrapped into PEM: its key is the JWK's key.
    const Json jwk = rfc7517B();
    const std::string pem = test::pemWrap("CERTIFICATE", jwk["x5c"][0].get<std::string>());
    const auto key = importPem(pem);
    JWTWB_VERIFY_OK(key);
    QCOMPARE(int(key->type()), int(KeyType::Rsa));
    QVERIFY(!key->hasPrivate());
    QCOMPARE(key->bits(), 2048);
    const auto fromJwk = importJwk(jwk);
    JWTWB_VERIFY_OK(fromJwk);
    QCOMPARE(thumbprintOf(*key), thumbprintOf(*fromJwk));
    QVERIFY(key->certificate().has_value());
    QCOMPARE(key->certificate()->subject, std::string("CN=Brian Campbell,O=Ping Identity Corp.,L=Denver,ST=CO,C=US"));
    QCOMPARE(key->certificate()->serialHex, std::string("013cff16e2e2"));
    QCOMPARE(key->certificate()->notBefore, std::int64_t(1361489355));
    QCOMPARE(key->certificate()->notAfter, std::int64_t(1534285755));
    QCOMPARE(key->certificate()->der, fromJwk->certificate()->der);
    QVERIFY(key->parameters().x5c.empty());

    // "X509 CERTIFICATE" is an old label for the same thing.
    JWTWB_VERIFY_OK(importPem(test::pemWrap("X509 CERTIFICATE", jwk["x5c"][0].get<std::string>())));

    // A chain and a key in one paste: every key in order.
    const std::string bundle = fixture(QStringLiteral("ec-p256-certificate.pem")) + "Bag Attributes: ignored text\n"
        + pem + fixture(QStringLiteral("ec-p256-sec1-with-parameters.pem"));
    const auto keys = importKeys(bundle);
    JWTWB_VERIFY_OK(keys);
    QCOMPARE(keys->size(), std::size_t(3));
    QCOMPARE(int((*keys)[0].type()), int(KeyType::Ec));
    QVERIFY((*keys)[0].certificate().has_value());
    QCOMPARE(thumbprintOf((*keys)[1]), thumbprintOf(*fromJwk));
    QVERIFY((*keys)[2].hasPrivate());
    QCOMPARE(thumbprintOf((*keys)[2]), thumbprintOf((*keys)[0]));
}

void TestKeyImport::certificateFixture()
{
    const auto key = importPem(fixture(QStringLiteral("ec-p256-certificate.pem")));
    JWTWB_VERIFY_OK(key);
    QVERIFY(key->certificate().has_value());
    const CertificateInfo& info = *key->certificate();
    // From `openssl x509 -noout -subject -issuer -serial -dates -nameopt RFC2253` (see the README).
    QCOMPARE(info.subject, std::string("CN=test.example,O=JWT Workbench Tests,C=DE"));
    QCOMPARE(info.issuer, info.subject);
    QCOMPARE(info.serialHex, std::string("1234abcd"));
    QCOMPARE(info.notBefore, std::int64_t(1795906603)); // 2026-11-28T22:56:43Z
    QCOMPARE(info.notAfter, std::int64_t(2111266603)); // 2036-11-25T22:56:43Z
    auto blocks = readPemBlocks(fixture(QStringLiteral("ec-p256-certificate.pem")));
    JWTWB_VERIFY_OK(blocks);
    QVERIFY(blocks->front().der.equals(info.der));
    // The certificate's DER works as well.
    const auto fromDer = importDer(info.der);
    JWTWB_VERIFY_OK(fromDer);
    QVERIFY(fromDer->certificate().has_value());
    QCOMPARE(fromDer->certificate()->subject, info.subject);
}

void TestKeyImport::pemTolerance()
{
    // What people paste: CR LF, indentation, one long line, text around the block.
    const std::string pem = fixture(QStringLiteral("ec-p256-spki.pem"));
    auto blocks = readPemBlocks(pem);
    JWTWB_VERIFY_OK(blocks);
    const std::string body = encoding::base64Encode(blocks->front().der.span());
    const std::string expected = thumbprintOf(importPem(pem).value());

    std::string crlf;
    for (const char c : pem) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    const std::vector<std::string> variants{
        crlf,
        "-----BEGIN PUBLIC KEY-----" + body + "-----END PUBLIC KEY-----",
        "key for staging:\n   -----BEGIN PUBLIC KEY-----\n   " + body.substr(0, 40) + "\n   " + body.substr(40)
            + "\n   -----END PUBLIC KEY-----\nthanks",
    };
    for (const auto& variant : variants) {
        const auto key = importPem(variant);
        JWTWB_VERIFY_OK(key);
        QCOMPARE(thumbprintOf(*key), expected);
    }
}

void TestKeyImport::malformedPem_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("fragment");

    const std::string spki = fixture(QStringLiteral("ec-p256-spki.pem"));
    const auto row = [](const char* name, const std::string& text, Errc code, const char* fragment) {
        QTest::newRow(name) << QByteArray::fromStdString(text) << int(code) << QString::fromUtf8(fragment);
    };
    row("not PEM", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", Errc::InvalidPem,
        "not PEM: there is no '-----BEGIN …-----' line");
    row("unclosed BEGIN line", "-----BEGIN PUBLIC KEY\nMFkw\n-----END PUBLIC KEY-----\n", Errc::InvalidPem,
        "the BEGIN line at line 1, column 1 does not end with '-----'");
    row("truncated", spki.substr(0, spki.size() / 2), Errc::InvalidPem,
        "the PEM block \"PUBLIC KEY\" is truncated: its '-----END PUBLIC KEY-----' line is missing");
    {
        std::string mismatched = spki;
        mismatched.replace(mismatched.find("END PUBLIC KEY"), 14, "END PRIVATE KEY");
        row("mismatched END", mismatched, Errc::InvalidPem,
            "the PEM block \"PUBLIC KEY\" ends with '-----END PRIVATE KEY-----'");
    }
    {
        std::string damaged = spki;
        damaged[40] = '!';
        row("damaged base64", damaged, Errc::InvalidPem,
            "the base64 body of the PEM block \"PUBLIC KEY\" is damaged at line 2");
    }
    {
        std::string shortened = spki;
        shortened.erase(30, 1); // one base64 character lost
        row("base64 character lost", shortened, Errc::InvalidPem,
            "the base64 body of the PEM block \"PUBLIC KEY\" is damaged");
    }
    row("empty block", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", Errc::InvalidPem,
        "the PEM block \"PUBLIC KEY\" is empty");
    row("garbage DER", test::pemWrap("PUBLIC KEY", "SGVsbG8sIHdvcmxkIQ=="), Errc::InvalidKey,
        "the PEM block \"PUBLIC KEY\" does not hold a readable public key");
    row("garbage private key", test::pemWrap("EC PRIVATE KEY", "SGVsbG8sIHdvcmxkIQ=="), Errc::InvalidKey,
        "the PEM block \"EC PRIVATE KEY\" does not hold a readable private key");
    row("DSA", fixture(QStringLiteral("dsa-2048-pkcs8.pem")), Errc::UnsupportedKey, "DSA keys are not used by JOSE");
    row("brainpool", fixture(QStringLiteral("ec-brainpool256-pkcs8.pem")), Errc::UnsupportedKey,
        "the EC curve brainpoolP256r1 is not used by JOSE");
    row("DSA PRIVATE KEY label", test::pemWrap("DSA PRIVATE KEY", "MIIBuwIBAAKBgQ=="), Errc::UnsupportedKey,
        "the PEM block \"DSA PRIVATE KEY\": DSA keys are not used by JOSE");
    row("OpenSSH", test::pemWrap("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAA"), Errc::UnsupportedKey,
        "OpenSSH's own key format is not supported");
    row("certificate request", test::pemWrap("CERTIFICATE REQUEST", "MIIB"), Errc::UnsupportedKey,
        "a certificate signing request is not a key");
    row("unknown label", test::pemWrap("SOMETHING ELSE", "AAAA"), Errc::UnsupportedKey,
        "the PEM block \"SOMETHING ELSE\": this program reads no key from it");
    row("parameters only", test::pemWrap("EC PARAMETERS", "BggqhkjOPQMBBw=="), Errc::UnsupportedKey,
        "the PEM text holds only parameters (\"EC PARAMETERS\"), no key");
    row("broken certificate", test::pemWrap("CERTIFICATE", "MIIBCgKCAQEA"), Errc::InvalidKey,
        "the PEM block \"CERTIFICATE\" is not a readable X.509 certificate");
}

void TestKeyImport::malformedPem()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(QString, fragment);
    JWTWB_VERIFY_ERROR(importPem(text.toStdString()), static_cast<Errc>(code), fragment);
}

// ---- paste anything ------------------------------------------------------------------------------

void TestKeyImport::importKeysDetects()
{
    // A JWK Set with nothing usable is an error that lists why.
    JWTWB_VERIFY_ERROR(
        importKeys(R"({"keys":[{"kty":"XYZ"},{"kty":"EC","crv":"P-192"}]})"), Errc::UnsupportedKey,
        "the JWK Set holds no usable key: keys[0]: JWK member \"kty\": unknown key type \"XYZ\" (RSA, EC, "
        "OKP and oct are known); "
        "keys[1]: JWK member \"crv\": unknown curve \"P-192\"");
    // x5c values are base64 DER.
    const auto fromX5c = importKeys(rfc7517B()["x5c"][0].get<std::string>());
    JWTWB_VERIFY_OK(fromX5c);
    QVERIFY(fromX5c->front().certificate().has_value());
    // In a bundle, a failing block is named.
    const std::string bundle
        = fixture(QStringLiteral("ec-p256-spki.pem")) + fixture(QStringLiteral("dsa-2048-pkcs8.pem"));
    JWTWB_VERIFY_ERROR(importKeys(bundle), Errc::UnsupportedKey, "PEM block 2: DSA keys are not used by JOSE");
}

void TestKeyImport::importKeysErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("empty") << QByteArray("") << int(Errc::EmptyInput) << "nothing to import";
    QTest::newRow("whitespace") << QByteArray(" \n\t") << int(Errc::EmptyInput) << "nothing to import";
    QTest::newRow("a secret") << QByteArray("your-256-bit-secret") << int(Errc::InvalidKey)
                              << "not a key: expected a JWK, a JWK Set, PEM or base64 DER";
    QTest::newRow("short base64") << QByteArray("AQAB") << int(Errc::InvalidKey) << "not a key";
    QTest::newRow("base64 DER garbage") << QByteArray("MIIBCgKCAQEAAAAAAAAAAAAAAAAAAAAA") << int(Errc::InvalidKey)
                                        << "not a DER key or certificate";
    QTest::newRow("broken JSON") << QByteArray("{\"kty\":\"oct\"") << int(Errc::InvalidJson) << "";
    QTest::newRow("JSON array") << QByteArray("[{\"kty\":\"oct\",\"k\":\"AAAA\"}]") << int(Errc::InvalidKey)
                                << "not a key";
    QTest::newRow("truncated PEM") << QByteArray("-----BEGIN PRIVATE KEY-----\nMIIE") << int(Errc::InvalidPem)
                                   << "is truncated";
}

void TestKeyImport::importKeysErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(QString, fragment);
    JWTWB_VERIFY_ERROR(importKeys(text.toStdString()), static_cast<Errc>(code), fragment);
}

// ---- secrets -------------------------------------------------------------------------------------

void TestKeyImport::secrets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("used");
    QTest::addColumn<QByteArray>("expectedHex");
    QTest::addColumn<QString>("reason");

    const auto hex = [](std::string_view text) { return QByteArray::fromStdString(encoding::toHex(asBytes(text))); };
    const auto row = [](const char* name, const QByteArray& text, SecretEncoding encoding, SecretEncoding used,
                        const QByteArray& expectedHex, const char* reason) {
        QTest::newRow(name) << text << int(encoding) << int(used) << expectedHex << QString::fromUtf8(reason);
    };
    // RFC 7515 A.1's HMAC key in base64url, and its octets.
    const std::string a1 = test::jwkAt(kRfc7515, "/vectors/0/key")["k"].get<std::string>();
    const QByteArray a1Hex = QByteArray::fromStdString(encoding::toHex(encoding::base64UrlDecode(a1).value()));

    row("jwt.io secret", "your-256-bit-secret", SecretEncoding::Auto, SecretEncoding::Utf8, hex("your-256-bit-secret"),
        "taken as UTF-8 text, 19 bytes");
    row("word with digits", "s3cr3tPassw0rd", SecretEncoding::Auto, SecretEncoding::Utf8, hex("s3cr3tPassw0rd"),
        "not hex of at least 32 digits");
    row("short hex", "deadbeefdeadbeef", SecretEncoding::Auto, SecretEncoding::Utf8, hex("deadbeefdeadbeef"),
        "taken as UTF-8 text");
    row("odd hex", "0123456789abcdef0123456789abcdef0", SecretEncoding::Auto, SecretEncoding::Utf8,
        hex("0123456789abcdef0123456789abcdef0"), "taken as UTF-8 text");
    row("hex 32 digits", "000102030405060708090A0B0C0D0E0F", SecretEncoding::Auto, SecretEncoding::Hex,
        "000102030405060708090a0b0c0d0e0f", "guessed hex: 32 hex digits (at least 32, even length) give 16 bytes");
    row("hex with newline", "000102030405060708090a0b0c0d0e0f\n", SecretEncoding::Auto, SecretEncoding::Hex,
        "000102030405060708090a0b0c0d0e0f", "guessed hex");
    row("base64 padded", "c2VjcmV0LWtleQ==", SecretEncoding::Auto, SecretEncoding::Base64, hex("secret-key"),
        "guessed base64: it has '=' padding or '+' / '/' and decodes strictly to 10 bytes");
    row("base64 slash", "+/+/", SecretEncoding::Auto, SecretEncoding::Base64, "fbffbf", "guessed base64");
    row("not strict base64", "a+b=", SecretEncoding::Auto, SecretEncoding::Utf8, hex("a+b="),
        "it has '=', '+' or '/' but is not strict base64");
    row("url with slashes", "https://example.com/a", SecretEncoding::Auto, SecretEncoding::Utf8,
        hex("https://example.com/a"), "taken as UTF-8 text");
    row("base64url 86", QByteArray::fromStdString(a1), SecretEncoding::Auto, SecretEncoding::Base64Url, a1Hex,
        "guessed base64url: 86 characters mixing upper case, lower case and digits decode strictly to 64 bytes");
    row("long lower case", "correct-horse-battery-staple-and-more-words-here", SecretEncoding::Auto,
        SecretEncoding::Utf8, hex("correct-horse-battery-staple-and-more-words-here"), "taken as UTF-8 text");
    row("42 characters", QByteArray::fromStdString(a1.substr(0, 42)), SecretEncoding::Auto, SecretEncoding::Utf8,
        hex(a1.substr(0, 42)), "taken as UTF-8 text");
    row("spaces kept in UTF-8", " two words ", SecretEncoding::Utf8, SecretEncoding::Utf8, hex(" two words "), "");
    row("explicit UTF-8 of hex", "000102030405060708090a0b0c0d0e0f", SecretEncoding::Utf8, SecretEncoding::Utf8,
        hex("000102030405060708090a0b0c0d0e0f"), "");
    row("explicit hex", "00ff", SecretEncoding::Hex, SecretEncoding::Hex, "00ff", "");
    row("explicit base64", "AP8=", SecretEncoding::Base64, SecretEncoding::Base64, "00ff", "");
    row("explicit base64url", "AP8", SecretEncoding::Base64Url, SecretEncoding::Base64Url, "00ff", "");
    row("explicit base64url with newline", "AP8\n", SecretEncoding::Base64Url, SecretEncoding::Base64Url, "00ff", "");
}

void TestKeyImport::secrets()
{
    QFETCH(QByteArray, text);
    QFETCH(int, encoding);
    QFETCH(int, used);
    QFETCH(QByteArray, expectedHex);
    QFETCH(QString, reason);
    const auto secret = importSecret(text.toStdString(), static_cast<SecretEncoding>(encoding));
    JWTWB_VERIFY_OK(secret);
    QCOMPARE(int(secret->encoding), used);
    QCOMPARE(QByteArray::fromStdString(encoding::toHex(secret->key.secret().span())), expectedHex);
    QCOMPARE(int(secret->key.type()), int(KeyType::Oct));
    QCOMPARE(secret->key.bits(), expectedHex.size() / 2 * 8);
    if (reason.isEmpty()) {
        QVERIFY(secret->reason.empty());
    } else {
        QVERIFY2(QString::fromStdString(secret->reason).contains(reason), secret->reason.c_str());
    }
}

void TestKeyImport::secretErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("empty auto") << QByteArray() << int(SecretEncoding::Auto) << int(Errc::EmptyInput)
                                << "the secret is empty";
    QTest::newRow("empty UTF-8") << QByteArray() << int(SecretEncoding::Utf8) << int(Errc::EmptyInput)
                                 << "the secret is empty";
    QTest::newRow("blank hex") << QByteArray("  \n") << int(SecretEncoding::Hex) << int(Errc::EmptyInput)
                               << "the secret is empty";
    QTest::newRow("bad hex") << QByteArray("00fg") << int(SecretEncoding::Hex) << int(Errc::InvalidHex)
                             << "the secret is not hex: 'g' at position 3 is not a hex digit";
    QTest::newRow("odd hex") << QByteArray("abc") << int(SecretEncoding::Hex) << int(Errc::InvalidHex)
                             << "the secret is not hex: hex text has an odd number of digits";
    QTest::newRow("base64 without padding")
        << QByteArray("AP8") << int(SecretEncoding::Base64) << int(Errc::InvalidBase64Url)
        << "the secret is not base64: base64 lacks its '=' padding";
    QTest::newRow("base64url with padding")
        << QByteArray("AP8=") << int(SecretEncoding::Base64Url) << int(Errc::InvalidBase64Url)
        << "the secret is not base64url: base64url must not be padded";
    QTest::newRow("invalid UTF-8") << QByteArray("caf\xe9") << int(SecretEncoding::Utf8) << int(Errc::InvalidUtf8)
                                   << "the secret is not valid UTF-8 text (byte 3)";
    QTest::newRow("invalid UTF-8 auto") << QByteArray("caf\xe9") << int(SecretEncoding::Auto) << int(Errc::InvalidUtf8)
                                        << "not valid UTF-8";
}

void TestKeyImport::secretErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, encoding);
    QFETCH(int, code);
    QFETCH(QString, fragment);
    JWTWB_VERIFY_ERROR(importSecret(text.toStdString(), static_cast<SecretEncoding>(encoding)), static_cast<Errc>(code),
                       fragment);
}

QTEST_GUILESS_MAIN(TestKeyImport)
#include "TestKeyImport.moc"
