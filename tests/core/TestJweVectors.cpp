#include "JweTestSupport.h"
#include "TestData.h"
#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "jwe/AesKeyWrap.h"
#include "jwe/ContentCipher.h"
#include "jwe/EcdhEs.h"
#include "jwe/JweDecrypter.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jwe;
using encoding::Json;
using test::b64u;
using test::hex;
using test::jwkKey;
using test::text;
using test::vectorById;

// RSA key encryption, ECDH-ES and several recipients against RFC 7516 Appendix A.1 and A.2,
// RFC 7518 Appendix C, RFC 8037 A.6 and A.7 and RFC 7520 §5.13 (the single-recipient cookbook
// examples are in TestJwe::cookbook).
class TestJweVectors : public QObject
{
    Q_OBJECT

private slots:
    void rfc7516AppendixA_data();
    void rfc7516AppendixA();
    void rfc7518AppendixC();
    void rfc8037_data();
    void rfc8037();
    void cookbookMultipleRecipients();
};

void TestJweVectors::rfc7516AppendixA_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("A.1 RSA-OAEP, A256GCM") << "RFC7516-A.1";
    QTest::newRow("A.2 RSA1_5, A128CBC-HS256") << "RFC7516-A.2";
}

void TestJweVectors::rfc7516AppendixA()
{
    QFETCH(QString, id);
    const Json v = vectorById(QStringLiteral("vectors/rfc/rfc7516.json"), id.toStdString());
    const keys::Key key = jwkKey(v["key"]);
    auto message = parseJweCompact(v["compact"].get<std::string>());
    QVERIFY2(message.has_value(), message ? "" : message.error().message.c_str());
    auto decrypted = decryptJwe(*message, key);
    QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
    QCOMPARE(text(decrypted->plaintext), v["plaintext"].get<std::string>());

    // The RSA encryption is randomized; with the example's CEK and IV the rest is reproduced.
    const auto enc = parseContentAlgorithm(v["enc"].get<std::string>());
    QVERIFY(enc.has_value());
    auto sealed = encryptContent(*enc, b64u(v["cek_b64u"]), b64u(v["iv_b64u"]), asBytes(v["aad"].get<std::string>()),
                                 asBytes(v["plaintext"].get<std::string>()));
    QVERIFY(sealed.has_value());
    QCOMPARE(encoding::base64UrlEncode(sealed->ciphertext), v["ciphertext_b64u"].get<std::string>());
    QCOMPARE(encoding::base64UrlEncode(sealed->tag), v["tag_b64u"].get<std::string>());

    EncryptOptions options;
    options.protectedHeader = test::parseJsonOrDie(QString::fromStdString(v["protected_header"].get<std::string>()));
    options.cek = crypto::SecureBytes(b64u(v["cek_b64u"]));
    options.iv = b64u(v["iv_b64u"]);
    auto encrypted
        = encryptJwe(asBytes(v["plaintext"].get<std::string>()), key.publicKey().value(), std::move(options));
    if (v["alg"] == "RSA1_5") {
        QVERIFY(!encrypted.has_value()); // read, never written
        QCOMPARE(encrypted.error().code, Errc::UnsupportedAlgorithm);
        return;
    }
    QVERIFY2(encrypted.has_value(), encrypted ? "" : encrypted.error().message.c_str());
    QCOMPARE(encrypted->protectedB64, v["protected_b64u"].get<std::string>());
    QCOMPARE(encoding::base64UrlEncode(encrypted->ciphertext), v["ciphertext_b64u"].get<std::string>());
    QCOMPARE(encoding::base64UrlEncode(encrypted->tag), v["tag_b64u"].get<std::string>());
    QVERIFY(encrypted->recipients.at(0).encryptedKey != message->recipients.at(0).encryptedKey);
    QCOMPARE(text(decryptJwe(*encrypted, key)->plaintext), v["plaintext"].get<std::string>());
}

void TestJweVectors::rfc7518AppendixC()
{
    const Json v = vectorById(QStringLiteral("vectors/rfc/rfc7518.json"), "RFC7518-C");
    const keys::Key alice = jwkKey(v["ephemeral_jwk_alice"]);
    const keys::Key bob = jwkKey(v["recipient_jwk_bob"]);

    auto z = ecdhSharedSecret(alice, bob.publicKey().value());
    QVERIFY(z.has_value());
    QCOMPARE(encoding::toHex(z->span()), v["z_hex"].get<std::string>());
    auto derived
        = concatKdf(z->span(), "A128GCM", asBytes(std::string_view("Alice")), asBytes(std::string_view("Bob")), 16);
    QVERIFY(derived.has_value());
    QCOMPARE(encoding::toHex(derived->span()), v["derived_key_hex"].get<std::string>());

    // Both sides, from the JOSE header of the example.
    const Json& header = v["jose_header"];
    auto sender
        = agreeAsSender(KeyAlgorithm::ECDH_ES, ContentAlgorithm::A128GCM, bob.publicKey().value(), header, alice);
    QVERIFY2(sender.has_value(), sender ? "" : sender.error().message.c_str());
    QCOMPARE(encoding::base64UrlEncode(sender->key.span()), v["derived_key_b64u"].get<std::string>());
    QVERIFY(sender->epk == header["epk"]);
    auto recipient = agreeAsRecipient(KeyAlgorithm::ECDH_ES, ContentAlgorithm::A128GCM, bob, header);
    QVERIFY2(recipient.has_value(), recipient ? "" : recipient.error().message.c_str());
    QCOMPARE(encoding::base64UrlEncode(recipient->span()), v["derived_key_b64u"].get<std::string>());
}

void TestJweVectors::rfc8037_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("A.6 X25519") << "RFC8037-A.6";
    QTest::newRow("A.7 X448") << "RFC8037-A.7";
}

void TestJweVectors::rfc8037()
{
    QFETCH(QString, id);
    const Json v = vectorById(QStringLiteral("vectors/rfc/rfc8037.json"), id.toStdString());
    const std::string crv = v["crv"].get<std::string>();
    const auto okp = [&](const char* publicHex, const char* privateHex) {
        return jwkKey(Json{{"kty", "OKP"},
                           {"crv", crv},
                           {"x", encoding::base64UrlEncode(hex(v[publicHex]))},
                           {"d", encoding::base64UrlEncode(hex(v[privateHex]))}});
    };
    const keys::Key recipient = okp("recipient_public_hex", "recipient_private_hex");
    const keys::Key ephemeral = okp("ephemeral_public_hex", "ephemeral_private_hex");

    // Z is the same from both sides.
    auto fromSender = ecdhSharedSecret(ephemeral, recipient.publicKey().value());
    auto fromRecipient = ecdhSharedSecret(recipient, ephemeral.publicKey().value());
    QVERIFY(fromSender.has_value() && fromRecipient.has_value());
    QCOMPARE(encoding::toHex(fromSender->span()), v["z_hex"].get<std::string>());
    QCOMPARE(encoding::toHex(fromRecipient->span()), v["z_hex"].get<std::string>());

    // The RFC stops at Z. A whole JWE with its header, and the ephemeral key it names, round-trips.
    EncryptOptions options;
    options.protectedHeader = test::parseJsonOrDie(QString::fromStdString(v["protected_header"].get<std::string>()));
    options.ephemeralKey = ephemeral;
    auto encrypted
        = encryptJwe(asBytes(std::string_view("Hobbits")), recipient.publicKey().value(), std::move(options));
    QVERIFY2(encrypted.has_value(), encrypted ? "" : encrypted.error().message.c_str());
    QVERIFY(encrypted->protectedHeader["epk"] == v["ephemeral_public_jwk"]);
    QCOMPARE(encoding::toCompactJson(encrypted->protectedHeader), v["protected_header"].get<std::string>());
    auto decrypted = decryptJwe(*encrypted, recipient);
    QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
    QCOMPARE(text(decrypted->plaintext), std::string("Hobbits"));
}

void TestJweVectors::cookbookMultipleRecipients()
{
    const Json v = test::loadJson(QStringLiteral("vectors/cookbook/jwe/5_13.encrypting_to_multiple_recipients.json"));
    const std::string plaintext = v["input"]["plaintext"].get<std::string>();
    auto message = parseJweJson(v["output"]["json"].dump());
    QVERIFY2(message.has_value(), message ? "" : message.error().message.c_str());
    QCOMPARE(message->recipients.size(), std::size_t(3));

    // Each recipient's key decrypts its own part, and the result says which part that was.
    std::vector<keys::Key> keys;
    for (std::size_t i = 0; i < 3; ++i) {
        keys.push_back(jwkKey(v["input"]["key"][i]));
        auto decrypted = decryptJwe(*message, keys.back());
        QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
        QCOMPARE(text(decrypted->plaintext), plaintext);
        QCOMPARE(decrypted->recipient, i);
        QVERIFY(decrypted->header["cty"] == "text/plain"); // the shared header joins in
    }

    // With the whole set, the recipients' "kid"s pick the key: the first recipient, the first key.
    std::ranges::reverse(keys);
    auto decrypted = decryptJwe(*message, keys);
    QVERIFY(decrypted.has_value());
    QCOMPARE(decrypted->recipient, std::size_t(0));
    QCOMPARE(decrypted->key, std::size_t(2));

    // The deterministic parts: the content, the ECDH-ES+A256KW and the A256GCMKW wrapping.
    const Json& content = v["encrypting_content"];
    const crypto::SecureBytes cek(b64u(v["generated"]["cek"]));
    auto sealed = encryptContent(ContentAlgorithm::A128CBC_HS256, cek.span(), b64u(v["generated"]["iv"]),
                                 asBytes(content["protected_b64u"].get<std::string>()), asBytes(plaintext));
    QVERIFY(sealed.has_value());
    QCOMPARE(encoding::base64UrlEncode(sealed->ciphertext), content["ciphertext"].get<std::string>());
    QCOMPARE(encoding::base64UrlEncode(sealed->tag), content["tag"].get<std::string>());

    const Json& ecdh = v["encrypting_key"][1];
    auto agreed = agreeAsSender(KeyAlgorithm::ECDH_ES_A256KW, ContentAlgorithm::A128CBC_HS256,
                                jwkKey(v["input"]["key"][1]).publicKey().value(), ecdh["header"], jwkKey(ecdh["epk"]));
    QVERIFY2(agreed.has_value(), agreed ? "" : agreed.error().message.c_str());
    QVERIFY(agreed->epk == ecdh["header"]["epk"]);
    QCOMPARE(encoding::base64UrlEncode(*aesKeyWrap(agreed->key.span(), cek.span())),
             ecdh["encrypted_key"].get<std::string>());

    const Json& gcm = v["encrypting_key"][2];
    auto wrapped = encryptContent(ContentAlgorithm::A256GCM, jwkKey(v["input"]["key"][2]).secret().span(),
                                  b64u(gcm["iv"]), {}, cek.span());
    QVERIFY(wrapped.has_value());
    QCOMPARE(encoding::base64UrlEncode(wrapped->ciphertext), gcm["encrypted_key"].get<std::string>());
    QCOMPARE(encoding::base64UrlEncode(wrapped->tag), gcm["tag"].get<std::string>());
}

QTEST_GUILESS_MAIN(TestJweVectors)
#include "TestJweVectors.moc"
