#include "KeyTestSupport.h"

#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/Thumbprint.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::keys;
using encoding::Json;

namespace {

const QString kRfc7517 = QStringLiteral("vectors/rfc/rfc7517.json");
const QString kRfc7638 = QStringLiteral("vectors/rfc/rfc7638.json");
const QString kRfc8037 = QStringLiteral("vectors/rfc/rfc8037.json");

} // namespace

class TestThumbprint : public QObject
{
    Q_OBJECT

private slots:
    void rfcVectors_data();
    void rfcVectors();
    void otherKeyTypes_data();
    void otherKeyTypes();
    void hashes_data();
    void hashes();
    void privateAndParametersDoNotMatter();
    void uri_data();
    void uri();
    void uriRefusesSha1();
};

// RFC 7638 §3.1 (RSA) and RFC 8037 A.3 (Ed25519): the canonical input and the SHA-256 thumbprint.
void TestThumbprint::rfcVectors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::newRow("RFC 7638 3.1") << kRfc7638 << "/vectors/0";
    QTest::newRow("RFC 8037 A.3") << kRfc8037 << "/vectors/2";
}

void TestThumbprint::rfcVectors()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    const Json vector = test::jwkAt(file, pointer);
    QCOMPARE(vector["hash"].get<std::string>(), std::string("SHA-256"));
    const auto key = importJwk(vector["jwk"]);
    JWTWB_VERIFY_OK(key);

    const auto input = thumbprintInput(*key);
    JWTWB_VERIFY_OK(input);
    QCOMPARE(*input, vector["canonical_json"].get<std::string>());

    const auto bytes = thumbprint(*key);
    JWTWB_VERIFY_OK(bytes);
    QCOMPARE(encoding::base64UrlEncode(*bytes), vector["thumbprint_b64u"].get<std::string>());
    QCOMPARE(encoding::toHex(*bytes), vector["thumbprint_hex"].get<std::string>());
}

// Canonical inputs and thumbprints computed with Python's json (sort_keys, no spaces) and hashlib.
void TestThumbprint::otherKeyTypes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("EC P-256")
        << kRfc7517 << "/vectors/0/jwks/keys/0"
        << R"({"crv":"P-256","kty":"EC","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"})"
        << "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s";
    QTest::newRow("oct") << kRfc7517 << "/vectors/2/jwks/keys/0"
                         << R"({"k":"GawgguFyGrWKav7AX4VKUg","kty":"oct"})"
                         << "k1JnWRfC-5zzmL72vXIuBgTLfVROXBakS4OmGcrMCoc";
    QTest::newRow("X448")
        << kRfc8037 << "/vectors/6/recipient_public_jwk"
        << R"({"crv":"X448","kty":"OKP","x":"PreoKbDNIPW8_AtZm2_sz22kYnEHvbDU80W0MCfYuXL8PjT7QjKhPKcG3LV67D2uB73BxnvzNgk"})"
        << "rjT14KFppHOg_L80YOaujYr3L7L0XtD24UHups3cfWo";
}

void TestThumbprint::otherKeyTypes()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto key = importJwk(test::jwkAt(file, pointer));
    JWTWB_VERIFY_OK(key);
    QCOMPARE(QString::fromStdString(thumbprintInput(*key).value()), input);
    QCOMPARE(QString::fromStdString(encoding::base64UrlEncode(thumbprint(*key).value())), expected);
}

// The RFC 7638 §3.1 key with the other hashes (Python hashlib over canonical_json).
void TestThumbprint::hashes_data()
{
    QTest::addColumn<int>("hash");
    QTest::addColumn<QString>("expected");
    QTest::newRow("SHA-1") << int(crypto::HashAlg::Sha1) << "nMGlFRw9Y5POaSOaIaRBc9P2nfA";
    QTest::newRow("SHA-256") << int(crypto::HashAlg::Sha256) << "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    QTest::newRow("SHA-384") << int(crypto::HashAlg::Sha384)
                             << "R9_OfJjSjaw8Fuum86UzK5ixTdN9bo9BaqPSiseq89DWfmqCdpSgUHus-cxDUNc8";
    QTest::newRow("SHA-512")
        << int(crypto::HashAlg::Sha512)
        << "DpvEwocfn3FjeWWQjcJHzWrpKTIymKwgoL1xVgQcud48-qZDSRCr1zfWZQdHAJn_ciqXqPTSARyg-L-NyNGpVA";
}

void TestThumbprint::hashes()
{
    QFETCH(int, hash);
    QFETCH(QString, expected);
    const auto key = importJwk(test::jwkAt(kRfc7638, "/vectors/0/jwk"));
    JWTWB_VERIFY_OK(key);
    const auto bytes = thumbprint(*key, static_cast<crypto::HashAlg>(hash));
    JWTWB_VERIFY_OK(bytes);
    QCOMPARE(QString::fromStdString(encoding::base64UrlEncode(*bytes)), expected);
}

void TestThumbprint::privateAndParametersDoNotMatter()
{
    const std::string expected = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    // RFC 7517 A.2's RSA private key is the RFC 7638 key.
    auto key = importJwk(test::jwkAt(kRfc7517, "/vectors/1/jwks/keys/1"));
    JWTWB_VERIFY_OK(key);
    QVERIFY(key->hasPrivate());
    QCOMPARE(encoding::base64UrlEncode(thumbprint(*key).value()), expected);
    key->parameters().kid = "something else";
    key->parameters().extra["x-note"] = "ignored";
    key->parameters().extra["n"] = "a stray member that export would refuse";
    QCOMPARE(encoding::base64UrlEncode(thumbprint(*key).value()), expected);
    QCOMPARE(encoding::base64UrlEncode(thumbprint(key->publicKey().value()).value()), expected);

    // Two generated keys have different thumbprints.
    const auto a = generateKey({KeyType::Ec, 0, Curve::P256});
    const auto b = generateKey({KeyType::Ec, 0, Curve::P256});
    JWTWB_VERIFY_OK(a);
    JWTWB_VERIFY_OK(b);
    QVERIFY(thumbprint(*a).value() != thumbprint(*b).value());
}

// RFC 9278 §3 uses the RFC 7638 key for its example URI.
void TestThumbprint::uri_data()
{
    QTest::addColumn<int>("hash");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sha-256")
        << int(crypto::HashAlg::Sha256)
        << "urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    QTest::newRow("sha-384") << int(crypto::HashAlg::Sha384)
                             << "urn:ietf:params:oauth:jwk-thumbprint:sha-384:"
                                "R9_OfJjSjaw8Fuum86UzK5ixTdN9bo9BaqPSiseq89DWfmqCdpSgUHus-cxDUNc8";
    QTest::newRow("sha-512")
        << int(crypto::HashAlg::Sha512)
        << "urn:ietf:params:oauth:jwk-thumbprint:sha-512:"
           "DpvEwocfn3FjeWWQjcJHzWrpKTIymKwgoL1xVgQcud48-qZDSRCr1zfWZQdHAJn_ciqXqPTSARyg-L-NyNGpVA";
}

void TestThumbprint::uri()
{
    QFETCH(int, hash);
    QFETCH(QString, expected);
    const auto key = importJwk(test::jwkAt(kRfc7638, "/vectors/0/jwk"));
    JWTWB_VERIFY_OK(key);
    const auto text = thumbprintUri(*key, static_cast<crypto::HashAlg>(hash));
    JWTWB_VERIFY_OK(text);
    QCOMPARE(QString::fromStdString(*text), expected);
}

void TestThumbprint::uriRefusesSha1()
{
    const auto key = importJwk(test::jwkAt(kRfc7638, "/vectors/0/jwk"));
    JWTWB_VERIFY_OK(key);
    JWTWB_VERIFY_ERROR(thumbprintUri(*key, crypto::HashAlg::Sha1), Errc::UnsupportedAlgorithm,
                       "RFC 9278 thumbprint URIs have no SHA-1 form");
    QCOMPARE(thumbprintUri(*key).value(),
             std::string("urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
}

QTEST_GUILESS_MAIN(TestThumbprint)
#include "TestThumbprint.moc"
