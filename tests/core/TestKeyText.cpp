#include "TestData.h"
#include "encoding/Base64Url.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/KeyText.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::keys;

Q_DECLARE_METATYPE(jwtwb::keys::KeyTextKind)

namespace {

Bytes publicDer(const char* file)
{
    const auto key = importPem(test::readDataFile(QString::fromLatin1(file)));
    if (!key) {
        qFatal("cannot read %s", file);
    }
    return exportPublicDer(key->publicKey().value()).value();
}

QByteArray bytes(std::span<const std::uint8_t> der)
{
    return {reinterpret_cast<const char*>(der.data()), static_cast<qsizetype>(der.size())};
}

QByteArray wrapped(const std::string& text, int width)
{
    QByteArray out;
    for (std::size_t i = 0; i < text.size(); i += static_cast<std::size_t>(width)) {
        out += QByteArray::fromStdString(text.substr(i, static_cast<std::size_t>(width))) + '\n';
    }
    return out;
}

} // namespace

class TestKeyText : public QObject
{
    Q_OBJECT

private slots:
    void classifies_data();
    void classifies();
};

void TestKeyText::classifies_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<KeyTextKind>("kind");

    const auto data = [](const char* file) { return QByteArray::fromStdString(test::readDataFile(file)); };
    QTest::newRow("SPKI PEM") << data("keys/rsa-2048-spki.pem") << KeyTextKind::Pem;
    QTest::newRow("PKCS#8 PEM") << data("keys/ed25519-pkcs8.pem") << KeyTextKind::Pem;
    QTest::newRow("certificate") << data("keys/ec-p256-certificate.pem") << KeyTextKind::Pem;
    QTest::newRow("PEM with whitespace around") << "\n  " + data("keys/ec-p256-spki.pem") + "\n\n" << KeyTextKind::Pem;
    QTest::newRow("PEM after other lines (openssl pkcs12)")
        << "Bag Attributes\n    localKeyID: 01\n" + data("keys/ec-p256-sec1.pem") << KeyTextKind::Pem;
    QTest::newRow("BEGIN inside a line") << QByteArray("my secret -----BEGIN PUBLIC KEY-----") << KeyTextKind::Other;

    const encoding::Json rfc7517 = test::loadJson(QStringLiteral("vectors/cookbook/jwk/3_1.ec_public_key.json"));
    QTest::newRow("JWK") << QByteArray::fromStdString(rfc7517.dump(2)) << KeyTextKind::Jwk;
    QTest::newRow("oct JWK") << QByteArray(R"({"kty":"oct","k":"AA"})") << KeyTextKind::Jwk;
    QTest::newRow("JWKS") << QByteArray::fromStdString(encoding::Json{{"keys", {rfc7517}}}.dump()) << KeyTextKind::Jwks;
    QTest::newRow("empty JWKS") << QByteArray(R"( {"keys": []} )") << KeyTextKind::Jwks;
    QTest::newRow("JSON without kty or keys") << QByteArray(R"({"sub":"alice"})") << KeyTextKind::Other;
    QTest::newRow("JWK half typed") << QByteArray(R"({"kty":"EC","crv":)") << KeyTextKind::Other;
    QTest::newRow("JSON array") << QByteArray(R"([{"kty":"EC"}])") << KeyTextKind::Other;

    const Bytes rsaDer = publicDer("keys/rsa-2048-spki.pem");
    const Bytes edDer = publicDer("keys/ed25519-pkcs8.pem"); // 44 bytes, short length form
    QTest::newRow("DER, long length") << bytes(rsaDer) << KeyTextKind::Der;
    QTest::newRow("DER, short length") << bytes(edDer) << KeyTextKind::Der;
    QTest::newRow("DER truncated") << bytes(std::span(rsaDer).first(rsaDer.size() - 1)) << KeyTextKind::Other;
    QTest::newRow("DER with a byte more") << bytes(rsaDer) + '\0' << KeyTextKind::Other;
    QTest::newRow("base64 DER") << QByteArray::fromStdString(encoding::base64Encode(rsaDer)) << KeyTextKind::Base64Der;
    QTest::newRow("base64 DER in lines") << wrapped(encoding::base64Encode(rsaDer), 64) << KeyTextKind::Base64Der;
    QTest::newRow("base64url DER") << QByteArray::fromStdString(encoding::base64UrlEncode(std::span(edDer)))
                                   << KeyTextKind::Base64Der;
    QTest::newRow("base64 of a short SEQUENCE")
        << QByteArray::fromStdString(encoding::base64Encode(std::span(edDer).first(2))) << KeyTextKind::Other;

    // HMAC secrets, whatever their encoding, are none of these.
    QTest::newRow("jwt.io secret") << QByteArray("your-256-bit-secret") << KeyTextKind::Other;
    QTest::newRow("hex secret") << QByteArray("30820122300d06092a864886f70d01010105000382010f00") << KeyTextKind::Other;
    QTest::newRow("base64url secret starting with M")
        << QByteArray("MzJieXRlc29mcmFuZG9tbmVzc2Zvcmhtcy1zaGEyNTZrZXk") << KeyTextKind::Other;
    QTest::newRow("secret starting with 0") << QByteArray("0") + QByteArray(63, 'a') << KeyTextKind::Other;
    QTest::newRow("empty") << QByteArray() << KeyTextKind::Other;
    QTest::newRow("whitespace") << QByteArray(" \n\t ") << KeyTextKind::Other;
}

void TestKeyText::classifies()
{
    QFETCH(QByteArray, text);
    QFETCH(KeyTextKind, kind);
    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    QCOMPARE(classifyKeyText(view), kind);
    QCOMPARE(classifyKeyText(asBytes(view)), kind);
}

QTEST_GUILESS_MAIN(TestKeyText)
#include "TestKeyText.moc"
