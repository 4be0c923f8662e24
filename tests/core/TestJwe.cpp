#include "JweTestSupport.h"
#include "TestData.h"
#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "jwe/AesKeyWrap.h"
#include "jwe/ContentCipher.h"
#include "jwe/JweDecrypter.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"
#include "keys/KeyImport.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jwe;
using encoding::Json;

// The JWE engine (RFC 7516 / RFC 7518 §4.4, §4.8, §5.2, §5.3) against the published examples:
// every example decrypts, and with the example's CEK, IV and salt our encryption reproduces it
// byte for byte.
class TestJwe : public QObject
{
    Q_OBJECT

private slots:
    void rfc7517AppendixC();
    void rfc7516AppendixA3();
    void rfc7518CbcHmac_data();
    void rfc7518CbcHmac();
    void cookbook_data();
    void cookbook();
    void cookbookAad();
    void roundTrip_data();
    void roundTrip();
    void wrongPassphrase();
    void wrongKey();
    void tampering_data();
    void tampering();
    void refusals_data();
    void refusals();
    void malformedJson_data();
    void malformedJson();

private:
    static const QString kCookbook53;
    static const QString kCookbook58;
};

const QString TestJwe::kCookbook53
    = QStringLiteral("vectors/cookbook/jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json");
const QString TestJwe::kCookbook58
    = QStringLiteral("vectors/cookbook/jwe/5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json");

namespace {

using test::b64u;
using test::hex;
using test::jwkKey;
using test::passphrase;
using test::sameMembers;
using test::text;
using test::vectorById;

// A compact JWE vector (RFC 7516 A.3, RFC 7517 C): decrypt it, and encrypt again with its values.
void checkCompactVector(const Json& v, const keys::Key& key)
{
    auto message = parseJweCompact(v["compact"].get<std::string>());
    QVERIFY2(message.has_value(), message ? "" : message.error().message.c_str());
    auto decrypted = decryptJwe(*message, key);
    QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
    QCOMPARE(text(decrypted->plaintext), v["plaintext"].get<std::string>());

    EncryptOptions options;
    options.protectedHeader = test::parseJsonOrDie(QString::fromStdString(v["protected_header"].get<std::string>()));
    options.cek = crypto::SecureBytes(b64u(v["cek_b64u"]));
    options.iv = b64u(v["iv_b64u"]);
    auto encrypted = encryptJwe(asBytes(v["plaintext"].get<std::string>()), key, std::move(options));
    QVERIFY2(encrypted.has_value(), encrypted ? "" : encrypted.error().message.c_str());
    QCOMPARE(encrypted->protectedB64, v["protected_b64u"].get<std::string>());
    QCOMPARE(encoding::base64UrlEncode(encrypted->recipients.at(0).encryptedKey),
             v["encrypted_key_b64u"].get<std::string>());
    QCOMPARE(*toJweCompact(*encrypted), v["compact"].get<std::string>());
}

} // namespace

void TestJwe::rfc7517AppendixC()
{
    const Json v = vectorById(QStringLiteral("vectors/rfc/rfc7517.json"), "RFC7517-C");
    auto derived = pbes2DeriveKey(KeyAlgorithm::PBES2_HS256_A128KW, asBytes(v["password"].get<std::string>()),
                                  b64u(v["p2s_b64u"]), v["p2c"].get<std::uint64_t>());
    QVERIFY(derived.has_value());
    QCOMPARE(encoding::toHex(derived->span()), v["derived_key_hex"].get<std::string>());
    checkCompactVector(v, passphrase(v["password"].get<std::string>()));
}

void TestJwe::rfc7516AppendixA3()
{
    const Json v = vectorById(QStringLiteral("vectors/rfc/rfc7516.json"), "RFC7516-A.3");
    checkCompactVector(v, jwkKey(v["key"]));
}

void TestJwe::rfc7518CbcHmac_data()
{
    QTest::addColumn<QByteArray>("vector");
    const Json all = test::loadJson(QStringLiteral("vectors/rfc/rfc7518.json"));
    for (const auto& v : all["vectors"]) {
        if (v["type"] == "aes-cbc-hmac-sha2") {
            QTest::newRow(v["id"].get<std::string>().c_str()) << QByteArray::fromStdString(v.dump());
        }
    }
}

void TestJwe::rfc7518CbcHmac()
{
    QFETCH(QByteArray, vector);
    const Json v = Json::parse(vector.toStdString());
    const auto enc = parseContentAlgorithm(v["enc"].get<std::string>());
    QVERIFY(enc.has_value());
    auto sealed = encryptContent(*enc, hex(v["K_hex"]), hex(v["IV_hex"]), hex(v["A_hex"]), hex(v["P_hex"]));
    QVERIFY(sealed.has_value());
    QCOMPARE(encoding::toHex(sealed->ciphertext), v["E_hex"].get<std::string>());
    QCOMPARE(encoding::toHex(sealed->tag), v["T_hex"].get<std::string>());
    auto opened
        = decryptContent(*enc, hex(v["K_hex"]), hex(v["IV_hex"]), hex(v["A_hex"]), sealed->ciphertext, sealed->tag);
    QVERIFY(opened.has_value());
    QCOMPARE(encoding::toHex(opened->span()), v["P_hex"].get<std::string>());
}

void TestJwe::cookbook_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("reproducible");
    for (const char* name :
         {"5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2", "5_2.key_encryption_using_rsa-oaep_with_aes-gcm",
          "5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2",
          "5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm",
          "5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2", "5_6.direct_encryption_using_aes-gcm",
          "5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2", "5_8.key_wrap_using_aes-keywrap_with_aes-gcm",
          "5_9.compressed_content", "5_11.protecting_specific_header_fields", "5_12.protecting_content_only"}) {
        QTest::newRow(name) << QStringLiteral("vectors/cookbook/jwe/%1.json").arg(QLatin1String(name)) << true;
    }
    // Its "encrypting_key" holds an ephemeral key other than the "epk" in its header (x differs,
    // and d is not x's private key), so only the decryption can be checked.
    QTest::newRow("X25519 ECDH-ES") << QStringLiteral("vectors/cookbook/curve25519/ecdh-es.json") << false;
}

void TestJwe::cookbook()
{
    QFETCH(QString, file);
    QFETCH(bool, reproducible);
    const Json v = test::loadJson(file);
    const Json& input = v["input"];
    const keys::Key key = input.contains("pwd") ? passphrase(input["pwd"].get<std::string>()) : jwkKey(input["key"]);
    const std::string plaintext = input["plaintext"].get<std::string>();
    const Json& output = v["output"];
    const Json& content = v["encrypting_content"];
    const Json& keyPart = v.value("encrypting_key", Json::object());

    // Every serialization decrypts.
    std::vector<JweMessage> messages;
    if (output.contains("compact")) {
        auto compact = parseJweCompact(output["compact"].get<std::string>());
        QVERIFY2(compact.has_value(), compact ? "" : compact.error().message.c_str());
        messages.push_back(std::move(*compact));
    }
    for (const char* form : {"json_flat", "json"}) {
        auto parsed = parseJweJson(output[form].dump());
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
        messages.push_back(std::move(*parsed));
    }
    for (const JweMessage& message : messages) {
        auto decrypted = decryptJwe(message, key);
        QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
        QCOMPARE(text(decrypted->plaintext), plaintext);
        QCOMPARE(decrypted->header["enc"].get<std::string>(), input["enc"].get<std::string>());
        QCOMPARE(decrypted->compressed, input.contains("zip"));
    }
    if (!reproducible) {
        return;
    }

    // With the example's CEK, IV, salt, key wrap IV and ephemeral key, encryption reproduces it.
    EncryptOptions options;
    options.protectedHeader = content.value("protected", Json::object());
    options.sharedHeader = content.value("unprotected", Json::object());
    if (v["generated"].contains("cek")) {
        options.cek = crypto::SecureBytes(b64u(v["generated"]["cek"]));
    }
    options.iv = b64u(v["generated"]["iv"]);
    if (keyPart.contains("iv")) {
        options.keyWrapIv = b64u(keyPart["iv"]);
    }
    if (keyPart.contains("epk")) {
        options.ephemeralKey = jwkKey(keyPart["epk"]);
    }
    if (input["alg"] == "RSA1_5") {
        // Decrypt only; the content encryption is still deterministic.
        const std::string aad = content["protected_b64u"].get<std::string>();
        auto sealed = encryptContent(*parseContentAlgorithm(input["enc"].get<std::string>()),
                                     b64u(v["generated"]["cek"]), *options.iv, asBytes(aad), asBytes(plaintext));
        QVERIFY(sealed.has_value());
        QCOMPARE(encoding::base64UrlEncode(sealed->ciphertext), content["ciphertext"].get<std::string>());
        QCOMPARE(encoding::base64UrlEncode(sealed->tag), content["tag"].get<std::string>());
        QCOMPARE(encryptJwe(asBytes(plaintext), key, std::move(options)).error().code, Errc::UnsupportedAlgorithm);
        return;
    }
    const bool rsa = key.type() == keys::KeyType::Rsa;
    auto encrypted = encryptJwe(asBytes(plaintext), rsa ? key.publicKey().value() : key, std::move(options));
    QVERIFY2(encrypted.has_value(), encrypted ? "" : encrypted.error().message.c_str());
    QCOMPARE(encrypted->protectedB64, content.value("protected_b64u", std::string()));
    QCOMPARE(encoding::base64UrlEncode(encrypted->ciphertext), content["ciphertext"].get<std::string>());
    QCOMPARE(encoding::base64UrlEncode(encrypted->tag), content["tag"].get<std::string>());
    if (rsa) {
        // RSA-OAEP is randomized: our encrypted key differs, and decrypts.
        QCOMPARE(text(decryptJwe(*encrypted, key)->plaintext), plaintext);
        return;
    }
    if (keyPart.contains("encrypted_key")) {
        QCOMPARE(encoding::base64UrlEncode(encrypted->recipients.at(0).encryptedKey),
                 keyPart["encrypted_key"].get<std::string>());
    }
    if (output.contains("compact")) {
        QCOMPARE(*toJweCompact(*encrypted), output["compact"].get<std::string>());
    }
    QVERIFY(sameMembers(*toJweJson(*encrypted, JsonSyntax::Flattened), output["json_flat"]));
    // RFC 7520 writes a general serialization without "recipients" when the one recipient has
    // neither an encrypted key nor a header (dir, ECDH-ES); RFC 7516 §7.2.1 requires the member,
    // and our general form has it.
    const bool withoutRecipients = !output["json"].contains("recipients");
    QVERIFY(sameMembers(*toJweJson(*encrypted, withoutRecipients ? JsonSyntax::Flattened : JsonSyntax::General),
                        output["json"]));
}

void TestJwe::cookbookAad()
{
    const Json v
        = test::loadJson(QStringLiteral("vectors/cookbook/jwe/5_10.including_additional_authentication_data.json"));
    const keys::Key key = jwkKey(v["input"]["key"]);
    for (const char* form : {"json", "json_flat"}) {
        auto message = parseJweJson(v["output"][form].dump());
        QVERIFY(message.has_value());
        QVERIFY(message->aadB64.has_value());
        auto decrypted = decryptJwe(*message, key);
        QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
        QCOMPARE(text(decrypted->plaintext), v["input"]["plaintext"].get<std::string>());

        // The aad is authenticated: another one fails.
        JweMessage changed = *message;
        changed.aadB64 = encoding::base64UrlEncode(std::string_view("[\"vcard\"]"));
        QCOMPARE(decryptJwe(changed, key).error().code, Errc::DecryptionFailed);
        changed.aadB64.reset();
        QCOMPARE(decryptJwe(changed, key).error().code, Errc::DecryptionFailed);
    }
    EncryptOptions options;
    options.protectedHeader = v["encrypting_content"]["protected"];
    options.aad = v["input"]["aad"].get<std::string>();
    options.cek = crypto::SecureBytes(b64u(v["generated"]["cek"]));
    options.iv = b64u(v["generated"]["iv"]);
    auto encrypted = encryptJwe(asBytes(v["input"]["plaintext"].get<std::string>()), key, std::move(options));
    QVERIFY(encrypted.has_value());
    QVERIFY(sameMembers(*toJweJson(*encrypted, JsonSyntax::Flattened), v["output"]["json_flat"]));
    QVERIFY(!toJweCompact(*encrypted).has_value()); // aad has no compact form
}

void TestJwe::roundTrip_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("enc");
    QTest::addColumn<int>("keySize"); // 0: a passphrase
    for (const char* enc : {"A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM"}) {
        for (const auto& [alg, size] : {std::pair{"A128KW", 16},
                                        {"A192KW", 24},
                                        {"A256KW", 32},
                                        {"PBES2-HS256+A128KW", 0},
                                        {"PBES2-HS384+A192KW", 0},
                                        {"PBES2-HS512+A256KW", 0}}) {
            QTest::addRow("%s %s", alg, enc) << alg << enc << size;
        }
    }
    QTest::newRow("dir A256GCM") << "dir"
                                 << "A256GCM" << 32;
    QTest::newRow("dir A128CBC-HS256") << "dir"
                                       << "A128CBC-HS256" << 32;
}

void TestJwe::roundTrip()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    QFETCH(int, keySize);
    const keys::Key key = keySize == 0 ? passphrase("correct horse battery staple")
                                       : keys::Key::fromSecret(crypto::SecureBytes(Bytes(keySize, 0x42)));
    EncryptOptions options;
    options.protectedHeader["alg"] = alg.toStdString();
    options.protectedHeader["enc"] = enc.toStdString();
    options.p2c = 1000;
    const std::string plaintext = "{\"keys\":[]}";
    auto encrypted = encryptJwe(asBytes(plaintext), key, std::move(options));
    QVERIFY2(encrypted.has_value(), encrypted ? "" : encrypted.error().message.c_str());
    if (keySize == 0) {
        QCOMPARE(b64u(encrypted->protectedHeader["p2s"]).size(), std::size_t(16));
        QCOMPARE(encrypted->protectedHeader["p2c"].get<int>(), 1000);
    }
    for (const auto syntax : {JsonSyntax::Flattened, JsonSyntax::General}) {
        auto parsed = parseJweJson(toJweJson(*encrypted, syntax)->dump());
        QVERIFY(parsed.has_value());
        auto decrypted = decryptJwe(*parsed, key);
        QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
        QCOMPARE(text(decrypted->plaintext), plaintext);
    }
    auto compact = parseJweCompact(*toJweCompact(*encrypted));
    QVERIFY(compact.has_value());
    QCOMPARE(text(decryptJwe(*compact, key)->plaintext), plaintext);
}

void TestJwe::wrongPassphrase()
{
    const Json v = test::loadJson(kCookbook53);
    auto message = parseJweCompact(v["output"]["compact"].get<std::string>());
    QVERIFY(message.has_value());
    const auto decrypted = decryptJwe(*message, passphrase("entrap_o-peter_long-credit_tun")); // '-' for '–'
    QVERIFY(!decrypted.has_value());
    QCOMPARE(decrypted.error().code, Errc::WrongPassphrase);
    QCOMPARE(decryptJwe(*message, passphrase("")).error().code, Errc::PassphraseRequired);
}

void TestJwe::wrongKey()
{
    const Json v = test::loadJson(kCookbook58);
    auto message = parseJweCompact(v["output"]["compact"].get<std::string>());
    QVERIFY(message.has_value());
    QCOMPARE(decryptJwe(*message, keys::Key::fromSecret(crypto::SecureBytes(Bytes(16, 1)))).error().code,
             Errc::DecryptionFailed);
    QCOMPARE(decryptJwe(*message, keys::Key::fromSecret(crypto::SecureBytes(Bytes(32, 1)))).error().code,
             Errc::KeyMismatch);
}

void TestJwe::tampering_data()
{
    QTest::addColumn<QString>("part");
    QTest::addColumn<int>("code");
    QTest::newRow("encrypted key") << "encrypted_key" << int(Errc::DecryptionFailed);
    QTest::newRow("iv") << "iv" << int(Errc::DecryptionFailed);
    QTest::newRow("ciphertext") << "ciphertext" << int(Errc::DecryptionFailed);
    QTest::newRow("tag") << "tag" << int(Errc::DecryptionFailed);
    QTest::newRow("protected header") << "protected" << int(Errc::DecryptionFailed);
}

void TestJwe::tampering()
{
    QFETCH(QString, part);
    QFETCH(int, code);
    const Json v = test::loadJson(kCookbook58);
    const keys::Key key = jwkKey(v["input"]["key"]);
    auto message = parseJweJson(v["output"]["json_flat"].dump());
    QVERIFY(message.has_value());
    if (part == "encrypted_key") {
        message->recipients[0].encryptedKey[3] ^= 0x01;
    } else if (part == "iv") {
        message->iv[0] ^= 0x80;
    } else if (part == "ciphertext") {
        message->ciphertext.back() ^= 0x01;
    } else if (part == "tag") {
        message->tag[7] ^= 0x10;
    } else {
        // Same header meaning, other bytes: the AAD is the encoded header as sent.
        message->protectedB64 = encoding::base64UrlEncode(encoding::toCompactJson(message->protectedHeader) + " ");
    }
    const auto decrypted = decryptJwe(*message, key);
    QVERIFY(!decrypted.has_value());
    QCOMPARE(int(decrypted.error().code), code);
}

void TestJwe::refusals_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown alg") << R"({"alg":"A128KW2","enc":"A128GCM"})" << int(Errc::UnsupportedAlgorithm);
    QTest::newRow("RSA-OAEP with a secret") << R"({"alg":"RSA-OAEP","enc":"A128GCM"})" << int(Errc::KeyMismatch);
    QTest::newRow("ECDH-ES with an encrypted key")
        << R"({"alg":"ECDH-ES","enc":"A128GCM"})" << int(Errc::MalformedToken);
    QTest::newRow("A128GCMKW without iv")
        << R"({"alg":"A128GCMKW","enc":"A128GCM","tag":"AAAAAAAAAAAAAAAAAAAAAA"})" << int(Errc::MalformedToken);
    QTest::newRow("A128GCMKW tag mismatch")
        << R"({"alg":"A128GCMKW","enc":"A128GCM","iv":"AAAAAAAAAAAAAAAA","tag":"AAAAAAAAAAAAAAAAAAAAAA"})"
        << int(Errc::DecryptionFailed);
    QTest::newRow("zip unknown") << R"({"alg":"A128KW","enc":"A128GCM","zip":"GZIP"})"
                                 << int(Errc::UnsupportedAlgorithm);
    QTest::newRow("unknown enc") << R"({"alg":"A128KW","enc":"A128CTR"})" << int(Errc::UnsupportedAlgorithm);
    QTest::newRow("crit") << R"({"alg":"A128KW","enc":"A128GCM","crit":["exp"],"exp":1})"
                          << int(Errc::UnsupportedAlgorithm);
    QTest::newRow("crit names a missing member")
        << R"({"alg":"A128KW","enc":"A128GCM","crit":["exp"]})" << int(Errc::MalformedToken);
    QTest::newRow("crit empty") << R"({"alg":"A128KW","enc":"A128GCM","crit":[]})" << int(Errc::MalformedToken);
    QTest::newRow("no alg") << R"({"enc":"A128GCM"})" << int(Errc::MalformedToken);
    QTest::newRow("no enc") << R"({"alg":"A128KW"})" << int(Errc::MalformedToken);
    QTest::newRow("p2c huge") << R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAA","p2c":2147483648})"
                              << int(Errc::LimitExceeded);
    QTest::newRow("p2c zero") << R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAA","p2c":0})"
                              << int(Errc::MalformedToken);
    QTest::newRow("p2c string") << R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"AAAAAAAAAAA","p2c":"9"})"
                                << int(Errc::MalformedToken);
    QTest::newRow("no p2s") << R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2c":1000})"
                            << int(Errc::MalformedToken);
}

void TestJwe::refusals()
{
    QFETCH(QString, header);
    QFETCH(int, code);
    // A well-formed JWE in every other respect (sizes fit A128KW / A128GCM).
    const std::string compact = encoding::base64UrlEncode(header.toStdString()) + "."
        + encoding::base64UrlEncode(Bytes(24, 7)) + "." + encoding::base64UrlEncode(Bytes(12, 7)) + ".AAAA."
        + encoding::base64UrlEncode(Bytes(16, 7));
    auto message = parseJweCompact(compact);
    QVERIFY2(message.has_value(), message ? "" : message.error().message.c_str());
    const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(Bytes(16, 1)));
    const auto decrypted = decryptJwe(*message, key);
    QVERIFY(!decrypted.has_value());
    QCOMPARE(int(decrypted.error().code), code);
    QVERIFY(!decrypted.error().message.empty());
}

void TestJwe::malformedJson_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("code");
    const QString iv = QStringLiteral(R"("iv":"AAAAAAAAAAAAAAAA","ciphertext":"AAAA","tag":"AAAAAAAAAAAAAAAAAAAAAA")");
    QTest::newRow("not JSON") << "{" << int(Errc::InvalidJson);
    QTest::newRow("array") << "[]" << int(Errc::NotAJsonObject);
    QTest::newRow("no iv") << R"({"protected":"e30","ciphertext":"AAAA","tag":"AAAA"})" << int(Errc::MalformedToken);
    QTest::newRow("iv not string") << R"({"protected":"e30","iv":1,"ciphertext":"AAAA","tag":"AAAA"})"
                                   << int(Errc::MalformedToken);
    QTest::newRow("padding") << R"({"protected":"e30","iv":"AA==","ciphertext":"AAAA","tag":"AAAA"})"
                             << int(Errc::InvalidBase64Url);
    QTest::newRow("protected not JSON") << "{\"protected\":\"e3\"," + iv + "}" << int(Errc::InvalidBase64Url);
    QTest::newRow("protected array") << "{\"protected\":\"W10\"," + iv + "}" << int(Errc::NotAJsonObject);
    QTest::newRow("repeated member") << "{\"iv\":\"AA\"," + iv + "}" << int(Errc::DuplicateMember);
    QTest::newRow("protected repeats") << "{\"protected\":\""
            + QString::fromStdString(encoding::base64UrlEncode(std::string_view(R"({"a":1,"a":2})"))) + "\"," + iv
            + "}" << int(Errc::DuplicateMember);
    QTest::newRow("headers overlap") << R"({"protected":"eyJlbmMiOiJBMTI4R0NNIn0","unprotected":{"enc":"A128GCM"},)"
            + iv + "}" << int(Errc::MalformedToken);
    QTest::newRow("recipients and flat") << R"({"recipients":[{}],"encrypted_key":"AAAA",)" + iv + "}"
                                         << int(Errc::MalformedToken);
    QTest::newRow("recipients empty") << R"({"recipients":[],)" + iv + "}" << int(Errc::MalformedToken);
    QTest::newRow("recipient not object") << R"({"recipients":[1],)" + iv + "}" << int(Errc::MalformedToken);
    QTest::newRow("header not object") << R"({"header":"x",)" + iv + "}" << int(Errc::MalformedToken);
}

void TestJwe::malformedJson()
{
    QFETCH(QString, json);
    QFETCH(int, code);
    const auto message = parseJweJson(json.toStdString());
    QVERIFY(!message.has_value());
    QCOMPARE(int(message.error().code), code);
    QVERIFY(!message.error().message.empty());
}

QTEST_GUILESS_MAIN(TestJwe)
#include "TestJwe.moc"
