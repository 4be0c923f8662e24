#include "JweTestSupport.h"
#include "TestData.h"
#include "encoding/Base64Url.h"
#include "jwe/ContentCipher.h"
#include "jwe/EncryptedJwt.h"
#include "jwe/JweDecrypter.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"

#include <QTest>

#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <map>

using namespace jwtwb;
using namespace jwtwb::jwe;
using encoding::Json;
using keys::Curve;
using keys::KeyType;
using test::text;

Q_DECLARE_METATYPE(jwtwb::keys::Curve)

// Every key management algorithm with every content encryption, each through all three
// serializations; and each refusal the engine makes, with its code.
class TestJweAlgorithms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void rsa15Decrypts();
    void rsa15PaddingFailureLooksLikeAWrongKey();
    void invalidEphemeralKey_data();
    void invalidEphemeralKey();
    void compression();
    void inflateCap();
    void p2cCap();
    void weakRsaKey();
    void understoodCritical();
    void keySetByKid();
    void nestedJwt();
    void encryptedClaims();

private:
    const keys::Key& keyFor(KeyType type, Curve curve);
    std::map<std::pair<KeyType, Curve>, keys::Key> m_keys;
};

namespace {

std::string jweText(const JweMessage& message)
{
    return *toJweCompact(message);
}

keys::Key secretOf(std::size_t size, std::uint8_t fill = 0x42)
{
    return keys::Key::fromSecret(crypto::SecureBytes(Bytes(size, fill)));
}

// RSA1_5 the way other libraries still write it: the CEK under PKCS#1 v1.5 padding. With
// breakPadding the RSA block holds no valid padding at all.
JweMessage rsa15Jwe(const keys::Key& recipient, std::string_view plaintext, bool breakPadding = false)
{
    const std::string protectedB64
        = encoding::base64UrlEncode(std::string_view(R"({"alg":"RSA1_5","enc":"A128CBC-HS256"})"));
    const Bytes cek(32, 0x17);
    const Bytes iv(16, 0x29);
    auto sealed = encryptContent(ContentAlgorithm::A128CBC_HS256, cek, iv, asBytes(protectedB64), asBytes(plaintext));
    if (!sealed) {
        qFatal("content encryption failed");
    }
    const std::size_t modulusBytes = static_cast<std::size_t>(EVP_PKEY_get_size(recipient.pkey()));
    Bytes wrapped(modulusBytes);
    std::size_t size = wrapped.size();
    const Bytes input = breakPadding ? Bytes(modulusBytes, 0x01) : cek;
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, recipient.pkey(), nullptr);
    const bool ok = EVP_PKEY_encrypt_init(ctx) == 1
        && EVP_PKEY_CTX_set_rsa_padding(ctx, breakPadding ? RSA_NO_PADDING : RSA_PKCS1_PADDING) == 1
        && EVP_PKEY_encrypt(ctx, wrapped.data(), &size, input.data(), input.size()) == 1;
    EVP_PKEY_CTX_free(ctx);
    if (!ok) {
        qFatal("RSA encryption failed");
    }
    wrapped.resize(size);
    auto parsed = parseJweCompact(protectedB64 + "." + encoding::base64UrlEncode(wrapped) + "."
                                  + encoding::base64UrlEncode(iv) + "." + encoding::base64UrlEncode(sealed->ciphertext)
                                  + "." + encoding::base64UrlEncode(sealed->tag));
    if (!parsed) {
        qFatal("RSA1_5 JWE does not parse");
    }
    return std::move(*parsed);
}

} // namespace

const keys::Key& TestJweAlgorithms::keyFor(KeyType type, Curve curve)
{
    const auto slot = std::pair{type, curve};
    if (!m_keys.contains(slot)) {
        auto key = keys::generateKey({type, type == KeyType::Rsa ? 2048 : 0, curve});
        if (!key) {
            qFatal("key generation failed: %s", key.error().message.c_str());
        }
        m_keys.emplace(slot, std::move(*key));
    }
    return m_keys.at(slot);
}

void TestJweAlgorithms::initTestCase()
{
    keyFor(KeyType::Rsa, Curve::None);
}

void TestJweAlgorithms::roundTrip_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("enc");
    QTest::addColumn<int>("type"); // KeyType
    QTest::addColumn<Curve>("curve");
    for (const ContentAlgorithmInfo& content : contentAlgorithms()) {
        const std::string enc(content.name);
        for (const KeyAlgorithmInfo& info : keyAlgorithms()) {
            if (info.decryptOnly) {
                continue; // RSA1_5: rsa15Decrypts
            }
            const std::string alg(info.name);
            if (info.agreesKey()) {
                for (const Curve curve : {Curve::P256, Curve::P384, Curve::P521, Curve::X25519, Curve::X448}) {
                    const KeyType type = curve == Curve::X25519 || curve == Curve::X448 ? KeyType::Okp : KeyType::Ec;
                    QTest::addRow("%s %s %s", alg.c_str(), enc.c_str(), std::string(keys::curveName(curve)).c_str())
                        << QString::fromStdString(alg) << QString::fromStdString(enc) << int(type) << curve;
                }
            } else {
                const KeyType type = info.mode == KeyManagement::RsaEncryption ? KeyType::Rsa : KeyType::Oct;
                QTest::addRow("%s %s", alg.c_str(), enc.c_str())
                    << QString::fromStdString(alg) << QString::fromStdString(enc) << int(type) << Curve::None;
            }
        }
    }
}

void TestJweAlgorithms::roundTrip()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    QFETCH(int, type);
    QFETCH(Curve, curve);
    const KeyAlgorithmInfo& info = keyAlgorithmInfo(*parseKeyAlgorithm(alg.toStdString()));
    const ContentAlgorithmInfo& content = contentAlgorithmInfo(*parseContentAlgorithm(enc.toStdString()));

    keys::Key decryptionKey = secretOf(16);
    keys::Key encryptionKey = decryptionKey;
    if (type == int(KeyType::Oct)) {
        const std::size_t size = info.mode == KeyManagement::Direct ? content.cekSize : info.kekSize;
        decryptionKey = info.usesPassphrase() ? test::passphrase("correct horse battery staple") : secretOf(size);
        encryptionKey = decryptionKey;
    } else {
        decryptionKey = keyFor(KeyType(type), curve);
        encryptionKey = decryptionKey.publicKey().value();
    }
    EncryptOptions options;
    options.protectedHeader = Json{{"alg", alg.toStdString()}, {"enc", enc.toStdString()}, {"kid", "r1"}};
    options.p2c = 1000;
    const std::string plaintext = R"({"sub":"frodo","aud":"mordor"})";
    auto encrypted = encryptJwe(asBytes(plaintext), encryptionKey, std::move(options));
    QVERIFY2(encrypted.has_value(), encrypted ? "" : encrypted.error().message.c_str());
    QCOMPARE(encrypted->iv.size(), content.ivSize);
    QCOMPARE(encrypted->tag.size(), content.tagSize);
    const bool direct = info.mode == KeyManagement::Direct || info.mode == KeyManagement::KeyAgreement;
    QCOMPARE(encrypted->recipients.at(0).encryptedKey.empty(), direct);
    QCOMPARE(encrypted->protectedHeader.contains("epk"), info.agreesKey());
    QCOMPARE(encrypted->protectedHeader.contains("tag"), info.mode == KeyManagement::AesGcmKeyWrap);

    std::vector<JweMessage> forms;
    forms.push_back(*parseJweCompact(jweText(*encrypted)));
    for (const auto syntax : {JsonSyntax::Flattened, JsonSyntax::General}) {
        forms.push_back(*parseJweJson(toJweJson(*encrypted, syntax)->dump()));
    }
    for (const JweMessage& message : forms) {
        auto decrypted = decryptJwe(message, decryptionKey);
        QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
        QCOMPARE(text(decrypted->plaintext), plaintext);
        QCOMPARE(decrypted->alg, info.alg);
        QCOMPARE(decrypted->enc, content.enc);
    }

    // A wrong key of the same kind is refused, never accepted.
    keys::Key otherKey = secretOf(decryptionKey.type() == KeyType::Oct ? decryptionKey.secret().size() : 16, 0x43);
    if (type != int(KeyType::Oct)) {
        otherKey = *keys::generateKey({KeyType(type), type == int(KeyType::Rsa) ? 2048 : 0, curve});
    } else if (info.usesPassphrase()) {
        otherKey = test::passphrase("correct horse battery stapler");
    }
    const auto refused = decryptJwe(forms.front(), otherKey);
    QVERIFY(!refused.has_value());
    const Errc expected = info.usesPassphrase() ? Errc::WrongPassphrase : Errc::DecryptionFailed;
    QCOMPARE(errcName(refused.error().code), errcName(expected));
}

void TestJweAlgorithms::rsa15Decrypts()
{
    const keys::Key& key = keyFor(KeyType::Rsa, Curve::None);
    const JweMessage message = rsa15Jwe(key, "Live long and prosper.");
    auto decrypted = decryptJwe(message, key);
    QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
    QCOMPARE(text(decrypted->plaintext), std::string("Live long and prosper."));
    QCOMPARE(decrypted->alg, KeyAlgorithm::RSA1_5);
}

void TestJweAlgorithms::rsa15PaddingFailureLooksLikeAWrongKey()
{
    // RFC 7516 §11.5: a padding failure goes on with a random CEK, so it fails where a wrong key
    // fails (the content's tag), with the same code and words.
    const keys::Key& key = keyFor(KeyType::Rsa, Curve::None);
    const auto badPadding = decryptJwe(rsa15Jwe(key, "x", true), key);
    const keys::Key other = *keys::generateKey({KeyType::Rsa, 2048});
    const auto wrongKey = decryptJwe(rsa15Jwe(key, "x"), other);
    QVERIFY(!badPadding.has_value() && !wrongKey.has_value());
    QCOMPARE(badPadding.error().code, Errc::DecryptionFailed);
    QCOMPARE(wrongKey.error().code, Errc::DecryptionFailed);
    QCOMPARE(badPadding.error().message, wrongKey.error().message);
}

void TestJweAlgorithms::invalidEphemeralKey_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("code");
    QTest::newRow("point not on the curve") << "y" << int(Errc::InvalidKey);
    QTest::newRow("another curve") << "curve" << int(Errc::InvalidKey);
    QTest::newRow("private key") << "d" << int(Errc::MalformedToken);
    QTest::newRow("missing") << "missing" << int(Errc::MalformedToken);
    QTest::newRow("not a key") << "kty" << int(Errc::InvalidKey);
    QTest::newRow("X25519 small-order point") << "zero" << int(Errc::InvalidKey);
}

void TestJweAlgorithms::invalidEphemeralKey()
{
    QFETCH(QString, change);
    QFETCH(int, code);
    const bool okp = change == "zero";
    const keys::Key& recipient = okp ? keyFor(KeyType::Okp, Curve::X25519) : keyFor(KeyType::Ec, Curve::P256);
    EncryptOptions options;
    options.protectedHeader = Json{{"alg", "ECDH-ES+A128KW"}, {"enc", "A128GCM"}};
    auto encrypted = encryptJwe(asBytes(std::string_view("secret")), recipient.publicKey().value(), std::move(options));
    QVERIFY(encrypted.has_value());
    Json header = encrypted->protectedHeader;
    Json& epk = header["epk"];
    if (change == "y") {
        Bytes y = test::b64u(epk["y"]);
        y.back() ^= 0x01;
        epk["y"] = encoding::base64UrlEncode(y);
    } else if (change == "curve") {
        epk = *keys::exportJwk(keyFor(KeyType::Ec, Curve::P384).publicKey().value(), false);
    } else if (change == "d") {
        epk["d"] = encoding::base64UrlEncode(Bytes(32, 1));
    } else if (change == "missing") {
        header.erase("epk");
    } else if (change == "kty") {
        epk["kty"] = "RSA";
    } else {
        epk["x"] = encoding::base64UrlEncode(Bytes(32, 0));
    }
    JweMessage message = *encrypted;
    message.protectedHeader = header;
    message.protectedB64 = encoding::base64UrlEncode(encoding::toCompactJson(header));
    const auto decrypted = decryptJwe(message, recipient);
    QVERIFY(!decrypted.has_value());
    QCOMPARE(errcName(decrypted.error().code), errcName(Errc(code)));
    QVERIFY2(decrypted.error().message.find("epk") != std::string::npos
                 || decrypted.error().message.find("ephemeral") != std::string::npos,
             decrypted.error().message.c_str());
}

void TestJweAlgorithms::compression()
{
    const keys::Key key = secretOf(16);
    const std::string plaintext(4096, 'a');
    EncryptOptions options;
    options.protectedHeader = Json{{"alg", "A128KW"}, {"enc", "A128GCM"}};
    options.compress = true;
    auto encrypted = encryptJwe(asBytes(plaintext), key, std::move(options));
    QVERIFY(encrypted.has_value());
    QVERIFY(encrypted->protectedHeader["zip"] == "DEF");
    QVERIFY(encrypted->ciphertext.size() < 100); // compressed before encryption
    auto decrypted = decryptJwe(*encrypted, key);
    QVERIFY(decrypted.has_value());
    QVERIFY(decrypted->compressed);
    QCOMPARE(text(decrypted->plaintext), plaintext);

    // Not asked, not compressed.
    EncryptOptions plain;
    plain.protectedHeader = Json{{"alg", "A128KW"}, {"enc", "A128GCM"}};
    auto uncompressed = encryptJwe(asBytes(plaintext), key, std::move(plain));
    QVERIFY(uncompressed.has_value());
    QVERIFY(!uncompressed->protectedHeader.contains("zip"));
    QCOMPARE(uncompressed->ciphertext.size(), plaintext.size());
}

void TestJweAlgorithms::inflateCap()
{
    // A bomb: 17 MiB of zeros compress to a few KiB; inflating stops at the cap.
    const keys::Key key = secretOf(16);
    const Bytes zeros(17 * 1024 * 1024, 0);
    EncryptOptions options;
    options.protectedHeader = Json{{"alg", "A128KW"}, {"enc", "A128GCM"}};
    options.compress = true;
    auto bomb = encryptJwe(zeros, key, std::move(options));
    QVERIFY(bomb.has_value());
    QVERIFY(bomb->ciphertext.size() < 64 * 1024);
    const auto refused = decryptJwe(*bomb, key);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, Errc::LimitExceeded);
    QVERIFY2(refused.error().message.find(std::to_string(kMaxInflatedSize)) != std::string::npos,
             refused.error().message.c_str());

    // The cap is the caller's: exactly at it passes, one byte under it does not.
    EncryptOptions small;
    small.protectedHeader = Json{{"alg", "A128KW"}, {"enc", "A128GCM"}};
    small.compress = true;
    auto message = encryptJwe(Bytes(1000, 'b'), key, std::move(small));
    QVERIFY(message.has_value());
    DecryptOptions cap;
    cap.maxInflatedSize = 1000;
    QVERIFY(decryptJwe(*message, key, cap).has_value());
    cap.maxInflatedSize = 999;
    QCOMPARE(decryptJwe(*message, key, cap).error().code, Errc::LimitExceeded);
}

void TestJweAlgorithms::p2cCap()
{
    const keys::Key pass = test::passphrase("correct horse battery staple");
    EncryptOptions options;
    options.protectedHeader = Json{{"alg", "PBES2-HS256+A128KW"}, {"enc", "A128GCM"}};
    options.p2c = 2000;
    auto encrypted = encryptJwe(asBytes(std::string_view("x")), pass, std::move(options));
    QVERIFY(encrypted.has_value());
    DecryptOptions cap;
    cap.maxP2c = 1999;
    const auto refused = decryptJwe(*encrypted, pass, cap);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, Errc::LimitExceeded);
    QVERIFY(refused.error().message.find("2000") != std::string::npos);
    cap.maxP2c = 2000;
    QVERIFY(decryptJwe(*encrypted, pass, cap).has_value());
}

void TestJweAlgorithms::weakRsaKey()
{
    const keys::Key weak = *keys::generateKey({KeyType::Rsa, 1024});
    EncryptOptions options;
    options.protectedHeader = Json{{"alg", "RSA-OAEP-256"}, {"enc", "A128GCM"}};
    auto refused = encryptJwe(asBytes(std::string_view("x")), weak.publicKey().value(), std::move(options));
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, Errc::WeakKey);

    const JweMessage legacy = rsa15Jwe(weak, "legacy");
    QCOMPARE(decryptJwe(legacy, weak).error().code, Errc::WeakKey);
    DecryptOptions accept;
    accept.acceptWeakKeys = true;
    auto decrypted = decryptJwe(legacy, weak, accept);
    QVERIFY2(decrypted.has_value(), decrypted ? "" : decrypted.error().message.c_str());
    QCOMPARE(text(decrypted->plaintext), std::string("legacy"));
}

void TestJweAlgorithms::understoodCritical()
{
    const keys::Key key = secretOf(16);
    EncryptOptions options;
    options.protectedHeader = Json{{"alg", "A128KW"},
                                   {"enc", "A128GCM"},
                                   {"crit", Json::array({"urn:example:policy"})},
                                   {"urn:example:policy", "strict"}};
    auto encrypted = encryptJwe(asBytes(std::string_view("x")), key, std::move(options));
    QVERIFY(encrypted.has_value());
    QCOMPARE(decryptJwe(*encrypted, key).error().code, Errc::UnsupportedAlgorithm);
    DecryptOptions understood;
    understood.criticalHeaders = {"urn:example:policy"};
    QVERIFY(decryptJwe(*encrypted, key, understood).has_value());

    // In the shared (unprotected) header "crit" is refused: it must be integrity protected.
    JweMessage moved = *encrypted;
    moved.sharedHeader["crit"] = moved.protectedHeader["crit"];
    moved.protectedHeader.erase("crit");
    moved.protectedB64 = encoding::base64UrlEncode(encoding::toCompactJson(moved.protectedHeader));
    QCOMPARE(decryptJwe(moved, key, understood).error().code, Errc::MalformedToken);
}

void TestJweAlgorithms::keySetByKid()
{
    std::vector<keys::Key> set{*keys::generateKey({KeyType::Ec, 0, Curve::P256}),
                               *keys::generateKey({KeyType::Ec, 0, Curve::P256}),
                               *keys::generateKey({KeyType::Ec, 0, Curve::P256})};
    for (std::size_t i = 0; i < set.size(); ++i) {
        set[i].parameters().kid = "k" + std::to_string(i);
    }
    const auto encryptTo = [](const keys::Key& key, const char* kid) {
        EncryptOptions options;
        options.protectedHeader = Json{{"alg", "ECDH-ES"}, {"enc", "A256GCM"}, {"kid", kid}};
        return encryptJwe(asBytes(std::string_view("x")), key.publicKey().value(), std::move(options));
    };
    auto encrypted = encryptTo(set[1], "k1");
    QVERIFY(encrypted.has_value());
    auto decrypted = decryptJwe(*encrypted, set);
    QVERIFY(decrypted.has_value());
    QCOMPARE(decrypted->key, std::size_t(1));

    // A kid no key has: every key is tried, and the one that fits is found.
    auto unknownKid = encryptTo(set[2], "unknown");
    QVERIFY(unknownKid.has_value());
    decrypted = decryptJwe(*unknownKid, set);
    QVERIFY(decrypted.has_value());
    QCOMPARE(decrypted->key, std::size_t(2));

    // Nothing fits: the error lists each attempt.
    const std::vector<keys::Key> others{set[0], set[1]};
    const auto refused = decryptJwe(*unknownKid, others);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, Errc::DecryptionFailed);
    QVERIFY2(refused.error().message.find("key 1 (kid \"k0\")") != std::string::npos
                 && refused.error().message.find("key 2 (kid \"k1\")") != std::string::npos,
             refused.error().message.c_str());
}

void TestJweAlgorithms::nestedJwt()
{
    const Json v = test::loadJson(QStringLiteral("vectors/cookbook/6.nesting_signatures_and_encryption.json"));
    const keys::Key decryptionKey = test::jwkKey(v["encrypt"]["input"]["key"]);
    const keys::Key signingKey = test::jwkKey(v["sign"]["input"]["key"]);
    const keys::Key verificationKey = signingKey.publicKey().value();
    EncryptedJwtOptions options;
    options.verify.claims.now = std::chrono::sys_seconds(std::chrono::seconds(1300819000)); // before its exp
    for (const char* form : {"compact", "json", "json_flat"}) {
        const Json& output = v["encrypt"]["output"][form];
        const std::string token = output.is_string() ? output.get<std::string>() : output.dump();
        auto report
            = decryptJwt(token, std::span(&decryptionKey, 1), jose::KeySource::single(verificationKey), options);
        QVERIFY2(report.has_value(), report ? "" : report.error().message.c_str());
        QCOMPARE(report->content, JweContent::NestedJwt);
        QVERIFY(report->nested.has_value());
        QVERIFY(report->nested->signature.valid());
        QVERIFY(report->valid());
        QCOMPARE(std::string(asText(report->nested->payload())), v["sign"]["input"]["payload"].get<std::string>());
    }

    // The outer layer decrypts, the inner one does not verify: a report, not an error.
    const std::string compact = v["encrypt"]["output"]["compact"].get<std::string>();
    const keys::Key stranger = *keys::generateKey({KeyType::Rsa, 2048});
    auto report = decryptJwt(compact, std::span(&decryptionKey, 1),
                             jose::KeySource::single(stranger.publicKey().value()), options);
    QVERIFY(report.has_value());
    QVERIFY(!report->nested->signature.valid());
    QVERIFY(!report->valid());

    // No verification key: the inner signature is not checked, and the whole is not valid.
    report = decryptJwt(compact, std::span(&decryptionKey, 1), jose::KeySource{}, options);
    QVERIFY(report.has_value());
    QCOMPARE(report->nested->signature.problem, jose::SignatureProblem::NoKey);
    QVERIFY(!report->valid());

    // After its exp the inner claims fail.
    options.verify.claims.now = std::chrono::sys_seconds(std::chrono::seconds(1300819381));
    report = decryptJwt(compact, std::span(&decryptionKey, 1), jose::KeySource::single(verificationKey), options);
    QVERIFY(report.has_value());
    QVERIFY(report->nested->claims.has(jose::ClaimCode::Expired));
    QVERIFY(!report->valid());
}

void TestJweAlgorithms::encryptedClaims()
{
    const keys::Key key = secretOf(32);
    EncryptOptions options;
    options.protectedHeader = Json{{"alg", "dir"}, {"enc", "A256GCM"}};
    auto encrypted = encryptJwe(asBytes(std::string_view(R"({"sub":"sam","exp":1000})")), key, std::move(options));
    QVERIFY(encrypted.has_value());
    EncryptedJwtOptions check;
    check.verify.claims.now = std::chrono::sys_seconds(std::chrono::seconds(999));
    auto report = decryptJwt(jweText(*encrypted), std::span(&key, 1), jose::KeySource{}, check);
    QVERIFY(report.has_value());
    QCOMPARE(report->content, JweContent::Claims);
    QVERIFY(report->valid());
    check.verify.claims.now = std::chrono::sys_seconds(std::chrono::seconds(1000));
    report = decryptJwt(jweText(*encrypted), std::span(&key, 1), jose::KeySource{}, check);
    QVERIFY(report->claims->has(jose::ClaimCode::Expired));
    QVERIFY(!report->valid());

    // cty JWT over something that is not a JWS: the report says why.
    EncryptOptions nested;
    nested.protectedHeader = Json{{"alg", "dir"}, {"enc", "A256GCM"}, {"cty", "JWT"}};
    auto wrong = encryptJwe(asBytes(std::string_view("not a token")), key, std::move(nested));
    report = decryptJwt(jweText(*wrong), std::span(&key, 1), jose::KeySource{}, check);
    QVERIFY(report.has_value());
    QVERIFY(report->innerError.has_value());
    QVERIFY(!report->valid());
}

QTEST_GUILESS_MAIN(TestJweAlgorithms)
#include "TestJweAlgorithms.moc"
