#include "KeyTestSupport.h"

#include "encoding/Base64Url.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/PemBlock.h"

#include <QTest>

#include <algorithm>

using namespace jwtwb;
using namespace jwtwb::keys;
using encoding::Json;

namespace {

const QString kRfc7515 = QStringLiteral("vectors/rfc/rfc7515.json");
const QString kRfc7517 = QStringLiteral("vectors/rfc/rfc7517.json");
const QString kRfc7518 = QStringLiteral("vectors/rfc/rfc7518.json");
const QString kRfc8037 = QStringLiteral("vectors/rfc/rfc8037.json");
const QString kCookbook = QStringLiteral("vectors/cookbook/jwk/");

// The member order exportJwk() promises (RFC 7517 / 7518 / 8037 order).
const std::vector<std::string> kRfcOrder{"kty", "n",  "e",  "crv", "x",   "y",   "d",       "p",   "q",
                                         "dp",  "dq", "qi", "k",   "kid", "use", "key_ops", "alg", "x5c"};
const std::vector<std::string> kMaterial{"n", "e", "d", "p", "q", "dp", "dq", "qi", "crv", "x", "y", "k"};

std::vector<std::string> inRfcOrder(const Json& jwk)
{
    std::vector<std::string> names;
    for (const auto& name : kRfcOrder) {
        if (jwk.contains(name)) {
            names.push_back(name);
        }
    }
    return names;
}

std::vector<std::string> materialOf(const std::vector<std::string>& names)
{
    std::vector<std::string> out;
    std::copy_if(names.begin(), names.end(), std::back_inserter(out), [](const std::string& name) {
        return std::find(kMaterial.begin(), kMaterial.end(), name) != kMaterial.end();
    });
    return out;
}

Key withoutParameters(Key key)
{
    key.parameters() = KeyParameters();
    return key;
}

bool containsBytes(std::span<const std::uint8_t> haystack, const Bytes& needle)
{
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

} // namespace

class TestKeyExport : public QObject
{
    Q_OBJECT

private slots:
    void vectorRoundTrip_data();
    void vectorRoundTrip();
    void publicDerivation_data();
    void publicDerivation();
    void fieldLengths();
    void extraMembersAfterKnownOnes();
    void exportErrors();
    void jwks();
    void pemRoundTrip_data();
    void pemRoundTrip();
    void encryptedPem_data();
    void encryptedPem();
    void pemMatchesOpenSslCommandLine_data();
    void pemMatchesOpenSslCommandLine();
};

void TestKeyExport::vectorRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("vectorInRfcOrder"); // the vector itself lists the key members in RFC order

    QTest::newRow("RFC 7517 A.1 EC") << kRfc7517 << "/vectors/0/jwks/keys/0" << true;
    QTest::newRow("RFC 7517 A.1 RSA") << kRfc7517 << "/vectors/0/jwks/keys/1" << true;
    QTest::newRow("RFC 7517 A.2 EC") << kRfc7517 << "/vectors/1/jwks/keys/0" << true;
    QTest::newRow("RFC 7517 A.2 RSA") << kRfc7517 << "/vectors/1/jwks/keys/1" << true;
    QTest::newRow("RFC 7517 A.3 AES") << kRfc7517 << "/vectors/2/jwks/keys/0" << true;
    QTest::newRow("RFC 7517 A.3 HMAC") << kRfc7517 << "/vectors/2/jwks/keys/1" << true;
    QTest::newRow("RFC 7517 B x5c") << kRfc7517 << "/vectors/3/jwk" << true;
    QTest::newRow("RFC 7515 A.1") << kRfc7515 << "/vectors/0/key" << true;
    QTest::newRow("RFC 7515 A.2") << kRfc7515 << "/vectors/1/key" << true;
    QTest::newRow("RFC 7515 A.3") << kRfc7515 << "/vectors/2/key" << true;
    QTest::newRow("RFC 7515 A.4") << kRfc7515 << "/vectors/3/key" << true;
    QTest::newRow("RFC 7518 C Bob") << kRfc7518 << "/vectors/3/recipient_jwk_bob" << true;
    QTest::newRow("RFC 8037 A.1") << kRfc8037 << "/vectors/0/jwk" << false; // the RFC lists d before x
    QTest::newRow("RFC 8037 A.2") << kRfc8037 << "/vectors/1/jwk" << true;
    QTest::newRow("RFC 8037 A.6 X25519") << kRfc8037 << "/vectors/5/recipient_public_jwk" << true;
    QTest::newRow("RFC 8037 A.7 X448") << kRfc8037 << "/vectors/6/recipient_public_jwk" << true;
    QTest::newRow("RFC 7520 3.1") << kCookbook + "3_1.ec_public_key.json"
                                  << "" << true;
    QTest::newRow("RFC 7520 3.2") << kCookbook + "3_2.ec_private_key.json"
                                  << "" << true;
    QTest::newRow("RFC 7520 3.3") << kCookbook + "3_3.rsa_public_key.json"
                                  << "" << true;
    QTest::newRow("RFC 7520 3.4") << kCookbook + "3_4.rsa_private_key.json"
                                  << "" << true;
    QTest::newRow("RFC 7520 3.5") << kCookbook + "3_5.symmetric_key_mac_computation.json"
                                  << "" << true;
    QTest::newRow("RFC 7520 3.6") << kCookbook + "3_6.symmetric_key_encryption.json"
                                  << "" << true;
}

void TestKeyExport::vectorRoundTrip()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(bool, vectorInRfcOrder);
    const Json vector = test::jwkAt(file, pointer);
    const auto key = importJwk(vector);
    JWTWB_VERIFY_OK(key);
    const auto exported = exportJwk(*key, key->hasPrivate());
    JWTWB_VERIFY_OK(exported);

    // Every member and value of the vector, nothing more.
    QVERIFY2(test::sameMembers(*exported, vector), qPrintable(test::describeJson(*exported)));
    // In RFC order, which for the key material is the vector's own order.
    QCOMPARE(test::memberNames(*exported), inRfcOrder(vector));
    if (vectorInRfcOrder) {
        QCOMPARE(materialOf(test::memberNames(*exported)), materialOf(test::memberNames(vector)));
    }
    // And back: the exported JWK imports to the same JWK.
    const auto again = importJwk(exported->dump());
    JWTWB_VERIFY_OK(again);
    QCOMPARE(exportJwk(*again, again->hasPrivate())->dump(), exported->dump());
}

void TestKeyExport::publicDerivation_data()
{
    QTest::addColumn<QString>("privateFile");
    QTest::addColumn<QString>("privatePointer");
    QTest::addColumn<QString>("publicFile");
    QTest::addColumn<QString>("publicPointer");
    QTest::newRow("RFC 7517 EC") << kRfc7517 << "/vectors/1/jwks/keys/0" << kRfc7517 << "/vectors/0/jwks/keys/0";
    QTest::newRow("RFC 7517 RSA") << kRfc7517 << "/vectors/1/jwks/keys/1" << kRfc7517 << "/vectors/0/jwks/keys/1";
    QTest::newRow("RFC 8037 Ed25519") << kRfc8037 << "/vectors/0/jwk" << kRfc8037 << "/vectors/1/jwk";
    QTest::newRow("RFC 7520 EC") << kCookbook + "3_2.ec_private_key.json"
                                 << "" << kCookbook + "3_1.ec_public_key.json"
                                 << "";
    QTest::newRow("RFC 7520 RSA") << kCookbook + "3_4.rsa_private_key.json"
                                  << "" << kCookbook + "3_3.rsa_public_key.json"
                                  << "";
}

void TestKeyExport::publicDerivation()
{
    QFETCH(QString, privateFile);
    QFETCH(QString, privatePointer);
    QFETCH(QString, publicFile);
    QFETCH(QString, publicPointer);
    const Json expected = test::jwkAt(publicFile, publicPointer);
    const auto key = importJwk(test::jwkAt(privateFile, privatePointer));
    JWTWB_VERIFY_OK(key);
    QVERIFY(key->hasPrivate());

    const auto direct = exportJwk(*key, false);
    JWTWB_VERIFY_OK(direct);
    QVERIFY2(test::sameMembers(*direct, expected), qPrintable(test::describeJson(*direct)));

    const auto publicKey = key->publicKey();
    JWTWB_VERIFY_OK(publicKey);
    QVERIFY(!publicKey->hasPrivate());
    QCOMPARE(publicKey->bits(), key->bits());
    const auto derived = exportJwk(*publicKey, false);
    JWTWB_VERIFY_OK(derived);
    QCOMPARE(derived->dump(), direct->dump());
    JWTWB_VERIFY_ERROR(exportJwk(*publicKey, true), Errc::InvalidKey, "there is no private key to export: this is an");
}

void TestKeyExport::fieldLengths()
{
    // RFC 7520 3.1's P-521 x starts with a zero octet: coordinates keep the full field length (66).
    const Json vector = test::jwkAt(kCookbook + "3_1.ec_public_key.json", "");
    const auto key = importJwk(vector);
    JWTWB_VERIFY_OK(key);
    const auto jwk = exportJwk(*key, false);
    JWTWB_VERIFY_OK(jwk);
    const Bytes x = encoding::base64UrlDecode((*jwk)["x"].get<std::string>()).value();
    QCOMPARE(x.size(), std::size_t(66));
    QCOMPARE(int(x.front()), 0);

    // RSA integers are minimal: e = 65537 is three octets, "AQAB".
    const auto rsa = importJwk(R"({"kty":"RSA","e":"AAEAAQ","n":)"
                               + test::jwkAt(kRfc7517, "/vectors/0/jwks/keys/1")["n"].dump() + "}");
    JWTWB_VERIFY_OK(rsa);
    QCOMPARE(exportJwk(*rsa, false)->at("e").get<std::string>(), std::string("AQAB"));
}

void TestKeyExport::extraMembersAfterKnownOnes()
{
    const auto key = importJwk(std::string_view(
        R"({"x-first":1,"alg":"HS256","k":"AAECAwQFBgcICQoLDA0ODw","ext":true,"key_ops":["sign"],"kty":"oct","kid":"k1","use":"sig"})"));
    JWTWB_VERIFY_OK(key);
    const auto jwk = exportJwk(*key, true);
    JWTWB_VERIFY_OK(jwk);
    QCOMPARE(jwk->dump(),
             std::string(R"({"kty":"oct","k":"AAECAwQFBgcICQoLDA0ODw","kid":"k1","use":"sig","key_ops":["sign"],)"
                         R"("alg":"HS256","x-first":1,"ext":true})"));
}

void TestKeyExport::exportErrors()
{
    const auto secret = importJwk(test::jwkAt(kRfc7517, "/vectors/2/jwks/keys/1"));
    JWTWB_VERIFY_OK(secret);
    JWTWB_VERIFY_ERROR(exportJwk(*secret, false), Errc::InvalidKey, "a secret has no public form");
    JWTWB_VERIFY_ERROR(exportPublicPem(*secret), Errc::InvalidKey, "a secret has no PEM form");
    JWTWB_VERIFY_ERROR(exportPrivatePem(*secret), Errc::InvalidKey, "a secret has no PEM form");
    JWTWB_VERIFY_ERROR(exportPublicDer(*secret), Errc::InvalidKey, "a secret has no DER form");
    JWTWB_VERIFY_ERROR(exportPrivateDer(*secret), Errc::InvalidKey, "a secret has no DER form");

    const auto publicRsa = importJwk(test::jwkAt(kRfc7517, "/vectors/0/jwks/keys/1"));
    JWTWB_VERIFY_OK(publicRsa);
    JWTWB_VERIFY_ERROR(exportJwk(*publicRsa, true), Errc::InvalidKey,
                       "there is no private key to export: this is an RSA 2048-bit public key");
    JWTWB_VERIFY_ERROR(exportPrivatePem(*publicRsa), Errc::InvalidKey, "there is no private key to export");
    JWTWB_VERIFY_ERROR(exportPrivateDer(*publicRsa, "pass"), Errc::InvalidKey, "there is no private key to export");

    Key conflicting = *publicRsa;
    conflicting.parameters().extra["d"] = "AQAB";
    JWTWB_VERIFY_ERROR(exportJwk(conflicting, false), Errc::InvalidKey,
                       "the extra parameter \"d\" would repeat or contradict a member written from the key");
    conflicting.parameters().extra = Json::object({{"kid", "second"}});
    JWTWB_VERIFY_ERROR(exportJwk(conflicting, false), Errc::InvalidKey, "the extra parameter \"kid\"");
}

void TestKeyExport::jwks()
{
    for (int i = 0; i < 3; ++i) {
        const Json set = test::jwkAt(kRfc7517, QStringLiteral("/vectors/%1/jwks").arg(i));
        const auto imported = importJwks(set.dump());
        JWTWB_VERIFY_OK(imported);
        const auto exported = exportJwks(imported->keys, i > 0);
        JWTWB_VERIFY_OK(exported);
        QCOMPARE(test::memberNames(*exported), std::vector<std::string>{"keys"});
        QCOMPARE((*exported)["keys"].size(), set["keys"].size());
        for (std::size_t k = 0; k < set["keys"].size(); ++k) {
            QVERIFY(test::sameMembers((*exported)["keys"][k], set["keys"][k]));
        }
    }
    const auto publicSet = importJwks(test::jwkAt(kRfc7517, "/vectors/0/jwks").dump());
    JWTWB_VERIFY_ERROR(exportJwks(publicSet->keys, true), Errc::InvalidKey,
                       "keys[0] (kid \"1\"): there is no private key to export");
    const auto secrets = importJwks(test::jwkAt(kRfc7517, "/vectors/2/jwks").dump());
    JWTWB_VERIFY_ERROR(exportJwks(secrets->keys, false), Errc::InvalidKey, "keys[0]: a secret has no public form");
    const auto empty = exportJwks({}, false);
    JWTWB_VERIFY_OK(empty);
    QCOMPARE(empty->dump(), std::string(R"({"keys":[]})"));
}

void TestKeyExport::pemRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("curve"); // generate a key on this curve instead when not None
    QTest::newRow("RFC 7515 A.2 RSA") << kRfc7515 << "/vectors/1/key" << int(Curve::None);
    QTest::newRow("RFC 7515 A.3 P-256") << kRfc7515 << "/vectors/2/key" << int(Curve::None);
    QTest::newRow("RFC 7515 A.4 P-521") << kRfc7515 << "/vectors/3/key" << int(Curve::None);
    QTest::newRow("RFC 7520 3.4 RSA") << kCookbook + "3_4.rsa_private_key.json"
                                      << "" << int(Curve::None);
    QTest::newRow("RFC 8037 A.1 Ed25519") << kRfc8037 << "/vectors/0/jwk" << int(Curve::None);
    QTest::newRow("generated P-384") << ""
                                     << "" << int(Curve::P384);
    QTest::newRow("generated secp256k1") << ""
                                         << "" << int(Curve::Secp256k1);
    QTest::newRow("generated Ed448") << ""
                                     << "" << int(Curve::Ed448);
    QTest::newRow("generated X25519") << ""
                                      << "" << int(Curve::X25519);
    QTest::newRow("generated X448") << ""
                                    << "" << int(Curve::X448);
}

void TestKeyExport::pemRoundTrip()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(int, curve);
    Result<Key> source = fail(Errc::InvalidKey, "no key");
    if (curve == int(Curve::None)) {
        source = importJwk(test::jwkAt(file, pointer));
    } else {
        const auto c = static_cast<Curve>(curve);
        const bool okp = c == Curve::Ed448 || c == Curve::X25519 || c == Curve::X448;
        source = generateKey({okp ? KeyType::Okp : KeyType::Ec, 0, c});
    }
    JWTWB_VERIFY_OK(source);
    const Key key = withoutParameters(*source); // PEM carries no JWK parameters
    const std::string privateJwk = exportJwk(key, true).value().dump();
    const std::string publicJwk = exportJwk(key, false).value().dump();

    auto privatePem = exportPrivatePem(key);
    JWTWB_VERIFY_OK(privatePem);
    QVERIFY(privatePem->starts_with("-----BEGIN PRIVATE KEY-----\n"));
    QVERIFY(privatePem->ends_with("-----END PRIVATE KEY-----\n"));
    const auto fromPrivatePem = importPem(*privatePem);
    JWTWB_VERIFY_OK(fromPrivatePem);
    QCOMPARE(exportJwk(*fromPrivatePem, true)->dump(), privateJwk);
    crypto::wipe(*privatePem);

    const auto publicPem = exportPublicPem(key);
    JWTWB_VERIFY_OK(publicPem);
    QVERIFY(publicPem->starts_with("-----BEGIN PUBLIC KEY-----\n"));
    const auto fromPublicPem = importPem(*publicPem);
    JWTWB_VERIFY_OK(fromPublicPem);
    QVERIFY(!fromPublicPem->hasPrivate());
    QCOMPARE(exportJwk(*fromPublicPem, false)->dump(), publicJwk);

    const auto privateDer = exportPrivateDer(key);
    JWTWB_VERIFY_OK(privateDer);
    QCOMPARE(exportJwk(importDer(privateDer->span()).value(), true)->dump(), privateJwk);
    const auto publicDer = exportPublicDer(key);
    JWTWB_VERIFY_OK(publicDer);
    QCOMPARE(exportJwk(importDer(*publicDer).value(), false)->dump(), publicJwk);
    // The DER is the PEM's body.
    const auto blocks = readPemBlocks(*publicPem);
    JWTWB_VERIFY_OK(blocks);
    QVERIFY(blocks->front().der.equals(*publicDer));
}

void TestKeyExport::encryptedPem_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("RSA") << kRfc7515 << "/vectors/1/key";
    QTest::newRow("P-256") << kRfc7515 << "/vectors/2/key";
    QTest::newRow("Ed25519") << kRfc8037 << "/vectors/0/jwk";
}

void TestKeyExport::encryptedPem()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    const Key key = withoutParameters(importJwk(test::jwkAt(file, pointer)).value());
    const std::string privateJwk = exportJwk(key, true).value().dump();
    const std::string passphrase = "p\xc3\xa4ssw\xc3\xb6rd with spaces";

    const auto pem = exportPrivatePem(key, passphrase);
    JWTWB_VERIFY_OK(pem);
    QVERIFY(pem->starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    const auto back = importPem(*pem, passphrase);
    JWTWB_VERIFY_OK(back);
    QCOMPARE(exportJwk(*back, true)->dump(), privateJwk);
    JWTWB_VERIFY_ERROR(importPem(*pem), Errc::PassphraseRequired, "a passphrase is needed");
    JWTWB_VERIFY_ERROR(importPem(*pem, "password with spaces"), Errc::WrongPassphrase, "wrong passphrase");

    // PKCS#5 v2 (PBES2) with PBKDF2-HMAC-SHA256 and AES-256-CBC: look for the algorithm identifiers.
    const auto blocks = readPemBlocks(*pem);
    JWTWB_VERIFY_OK(blocks);
    const auto der = blocks->front().der.span();
    const Bytes pbes2{0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x05, 0x0D}; // 1.2.840.113549.1.5.13
    const Bytes pbkdf2{0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x05, 0x0C}; // 1.2.840.113549.1.5.12
    const Bytes hmacSha256{0x06, 0x08, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x02, 0x09}; // 1.2.840.113549.2.9
    const Bytes aes256Cbc{0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2A}; // 2.16.840.1.101.3.4.1.42
    QVERIFY(containsBytes(der, pbes2));
    QVERIFY(containsBytes(der, pbkdf2));
    QVERIFY(containsBytes(der, hmacSha256));
    QVERIFY(containsBytes(der, aes256Cbc));

    // Encrypted DER the same way.
    const auto encryptedDer = exportPrivateDer(key, passphrase);
    JWTWB_VERIFY_OK(encryptedDer);
    QVERIFY(containsBytes(encryptedDer->span(), pbes2));
    QCOMPARE(exportJwk(importDer(encryptedDer->span(), passphrase).value(), true)->dump(), privateJwk);
    JWTWB_VERIFY_ERROR(importDer(encryptedDer->span(), "nope"), Errc::WrongPassphrase, "wrong passphrase");
}

// OpenSSL's command line wrote these files; the same key written here gives the same bytes.
void TestKeyExport::pemMatchesOpenSslCommandLine_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("privatePem"); // empty: no private comparison
    QTest::addColumn<QString>("publicPem");
    QTest::newRow("RSA PKCS#8") << "rsa-2048-pkcs8.pem"
                                << "rsa-2048-pkcs8.pem"
                                << "rsa-2048-spki.pem";
    QTest::newRow("RSA PKCS#1") << "rsa-2048-pkcs1.pem"
                                << "rsa-2048-pkcs8.pem"
                                << "rsa-2048-spki.pem";
    QTest::newRow("RSA PKCS#1 public") << "rsa-2048-pkcs1-public.pem"
                                       << ""
                                       << "rsa-2048-spki.pem";
    QTest::newRow("EC SEC1") << "ec-p256-sec1.pem"
                             << ""
                             << "ec-p256-spki.pem";
    QTest::newRow("EC certificate") << "ec-p256-certificate.pem"
                                    << ""
                                    << "ec-p256-spki.pem";
    QTest::newRow("Ed25519") << "ed25519-pkcs8.pem"
                             << "ed25519-pkcs8.pem"
                             << "";
    QTest::newRow("X448") << "x448-pkcs8.pem"
                          << "x448-pkcs8.pem"
                          << "";
}

void TestKeyExport::pemMatchesOpenSslCommandLine()
{
    QFETCH(QString, source);
    QFETCH(QString, privatePem);
    QFETCH(QString, publicPem);
    const auto key = importPem(test::readDataFile(QStringLiteral("keys/") + source));
    JWTWB_VERIFY_OK(key);
    if (!privatePem.isEmpty()) {
        auto pem = exportPrivatePem(*key);
        JWTWB_VERIFY_OK(pem);
        QCOMPARE(*pem, test::readDataFile(QStringLiteral("keys/") + privatePem));
        crypto::wipe(*pem);
    }
    if (!publicPem.isEmpty()) {
        QCOMPARE(exportPublicPem(*key).value(), test::readDataFile(QStringLiteral("keys/") + publicPem));
    }
}

QTEST_GUILESS_MAIN(TestKeyExport)
#include "TestKeyExport.moc"
