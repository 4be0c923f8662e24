#include "TestData.h"
#include "encoding/Base64Url.h"
#include "jose/CompactToken.h"
#include "jose/JwsSigner.h"
#include "jose/JwsVerifier.h"
#include "keys/KeyImport.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jose;
using encoding::Json;

// Every JWS example of RFC 7515, 7797 and 8037 and of the RFC 7520 cookbook: deterministic
// algorithms reproduce the published output byte for byte; all outputs verify with the published key.
class TestJwsVectors : public QObject
{
    Q_OBJECT

private slots:
    void rfcCompact_data();
    void rfcCompact();
    void rfc7515JsonSerializations();
    void rfc7797Unencoded();
    void cookbook_data();
    void cookbook();

private:
    static keys::Key importKey(const Json& jwk);
};

keys::Key TestJwsVectors::importKey(const Json& jwk)
{
    auto key = keys::importJwk(jwk);
    if (!key) {
        qFatal("vector key does not import: %s", key.error().message.c_str());
    }
    return std::move(*key);
}

void TestJwsVectors::rfcCompact_data()
{
    QTest::addColumn<QByteArray>("vector");
    for (const char* file : {"vectors/rfc/rfc7515.json", "vectors/rfc/rfc7797.json", "vectors/rfc/rfc8037.json"}) {
        for (const auto& v : test::compactJwsVectors(QString::fromLatin1(file))) {
            QTest::newRow(v["id"].get<std::string>().c_str()) << QByteArray::fromStdString(v.dump());
        }
    }
}

void TestJwsVectors::rfcCompact()
{
    QFETCH(QByteArray, vector);
    const Json v = Json::parse(vector.toStdString());
    const std::string compact = v["compact"].get<std::string>();
    const auto token = decodeCompact(compact);
    QVERIFY(token.has_value());

    if (v["key"].is_null()) { // RFC 7515 A.5: unsecured, must never verify
        QCOMPARE(v["expected_result"].get<std::string>(), std::string("unsecured"));
        const auto result = verifyCompact(*token, KeySource{});
        QCOMPARE(result.signatures.front().problem, SignatureProblem::Unsecured);
        QVERIFY(!result.anyValid());
        // Re-creating it needs the explicit choice.
        const auto payload = toBytes(v["payload"].get<std::string>());
        QVERIFY(!signCompact(v["protected_header"].get<std::string>(), payload, nullptr).has_value());
        SignOptions unsecured;
        unsecured.allowUnsecured = true;
        unsecured.exactHeader = true;
        QCOMPARE(signCompact(v["protected_header"].get<std::string>(), payload, nullptr, unsecured).value(), compact);
        return;
    }

    const keys::Key key = importKey(v["key"]);
    const auto result = verifyCompact(*token, KeySource::single(key));
    QCOMPARE(result.signatures.size(), std::size_t(1));
    QVERIFY2(result.anyValid(), result.signatures.front().reason.c_str());
    QCOMPARE(std::string(asText(result.payload)), v["payload"].get<std::string>());

    if (!key.hasPrivate()) { // RFC 8037 A.5 is the verification side of A.4
        return;
    }
    SignOptions exact;
    exact.exactHeader = true;
    const auto signedToken
        = signCompact(v["protected_header"].get<std::string>(), toBytes(v["payload"].get<std::string>()), &key, exact);
    QVERIFY2(signedToken.has_value(), signedToken ? "" : signedToken.error().message.c_str());
    if (v["signature_deterministic"].get<bool>()) {
        QCOMPARE(*signedToken, compact);
    } else {
        QVERIFY(*signedToken != compact); // ECDSA is randomised: our own signature differs but verifies
        const auto again = decodeCompact(*signedToken);
        QVERIFY(verifyCompact(*again, KeySource::single(key)).anyValid());
        QCOMPARE(std::string(again->signingInput()), v["signing_input"].get<std::string>());
    }
}

void TestJwsVectors::rfc7515JsonSerializations()
{
    const Json file = test::loadJson(QStringLiteral("vectors/rfc/rfc7515.json"));
    int seen = 0;
    for (const auto& v : file["vectors"]) {
        if (v["type"] == "jws-json-general") {
            std::vector<keys::Key> keySet;
            for (const auto& [kid, jwk] : v["keys"].items()) {
                keySet.push_back(importKey(jwk));
                keySet.back().parameters().kid = kid;
            }
            const auto result = verifyJwsJson(v["json"].dump(), KeySource::set(keySet));
            QVERIFY(result.has_value());
            QCOMPARE(result->signatures.size(), std::size_t(2));
            QVERIFY2(result->allValid(), result->signatures.front().reason.c_str());
            QCOMPARE(std::string(asText(result->payload)), v["payload"].get<std::string>());
            ++seen;
        } else if (v["type"] == "jws-json-flattened") {
            const keys::Key key = importKey(v["key"]);
            const auto result = verifyJwsJson(v["json"].dump(), KeySource::single(key));
            QVERIFY(result.has_value());
            QVERIFY(result->allValid());
            ++seen;
        }
    }
    QCOMPARE(seen, 2);
}

void TestJwsVectors::rfc7797Unencoded()
{
    const Json file = test::loadJson(QStringLiteral("vectors/rfc/rfc7797.json"));
    const auto it
        = std::ranges::find_if(file["vectors"], [](const Json& v) { return v["type"] == "jws-unencoded-payload"; });
    QVERIFY(it != file["vectors"].end());
    const Json& v = *it;
    const keys::Key key = importKey(v["key"]);
    const Bytes payload = toBytes(v["payload"].get<std::string>());

    // Detached compact form: header..signature, the payload supplied separately.
    const auto token = decodeCompact(v["compact_detached"].get<std::string>());
    QVERIFY(token.has_value());
    JwsVerifyOptions options;
    options.detachedPayload = payload;
    QVERIFY(verifyCompact(*token, KeySource::single(key), options).anyValid());
    const auto without = verifyCompact(*token, KeySource::single(key));
    QCOMPARE(without.signatures.front().problem, SignatureProblem::MissingPayload);

    SignOptions detached;
    detached.detachedPayload = true;
    detached.exactHeader = true;
    QCOMPARE(signCompact(v["protected_header"].get<std::string>(), payload, &key, detached).value(),
             v["compact_detached"].get<std::string>());

    const auto flattened = verifyJwsJson(v["json_flattened"].dump(), KeySource::single(key));
    QVERIFY(flattened.has_value());
    QVERIFY(flattened->allValid());
    QCOMPARE(flattened->payload, payload);
}

void TestJwsVectors::cookbook_data()
{
    QTest::addColumn<QString>("file");
    for (const char* name :
         {"jws/4_1.rsa_v15_signature.json", "jws/4_2.rsa-pss_signature.json", "jws/4_3.ecdsa_signature.json",
          "jws/4_4.hmac-sha2_integrity_protection.json", "jws/4_5.signature_with_detached_content.json",
          "jws/4_6.protecting_specific_header_fields.json", "jws/4_7.protecting_content_only.json",
          "jws/4_8.multiple_signatures.json", "curve25519/jws.json", "rfc7797/hmac-sha2_b64_false.json"}) {
        QTest::newRow(name) << QString::fromLatin1(name);
    }
}

void TestJwsVectors::cookbook()
{
    QFETCH(QString, file);
    const Json v = test::loadJson("vectors/cookbook/" + file);
    std::vector<keys::Key> keySet;
    if (v["input"]["key"].is_array()) {
        for (const auto& jwk : v["input"]["key"]) {
            keySet.push_back(importKey(jwk));
        }
    } else {
        keySet.push_back(importKey(v["input"]["key"]));
    }
    const Bytes payload = toBytes(v["input"]["payload"].get<std::string>());
    const bool detached = file.contains("detached");
    JwsVerifyOptions options;
    if (detached) {
        options.detachedPayload = payload;
    }
    const KeySource source = keySet.size() > 1 ? KeySource::set(keySet) : KeySource::single(keySet.front());
    int forms = 0;
    const Json& output = v["output"];
    if (output.contains("compact")) {
        const auto token = decodeCompact(output["compact"].get<std::string>());
        QVERIFY(token.has_value());
        const auto result = verifyCompact(*token, source, options);
        QVERIFY2(result.anyValid(), result.signatures.front().reason.c_str());
        QCOMPARE(result.payload, payload);
        ++forms;
    }
    // A set that mixes secrets with public keys is refused (RFC 8725 §2.1): the cookbook's example of
    // several signatures (4.8) needs one, so its signatures are checked with each half on its own.
    std::vector<keys::Key> secrets;
    std::vector<keys::Key> publicKeys;
    for (const auto& key : keySet) {
        (key.type() == keys::KeyType::Oct ? secrets : publicKeys).push_back(key);
    }
    const bool mixed = !secrets.empty() && !publicKeys.empty();
    for (const char* form : {"json", "json_flat"}) {
        if (!output.contains(form)) {
            continue;
        }
        const auto result = verifyJwsJson(output[form].dump(), source, options);
        QVERIFY2(result.has_value(), result ? "" : result.error().message.c_str());
        if (mixed) {
            for (const auto& check : result->signatures) {
                QCOMPARE(check.problem, SignatureProblem::AmbiguousKeySet);
            }
            const auto bySecret = verifyJwsJson(output[form].dump(), KeySource::set(secrets), options);
            const auto byPublicKey = verifyJwsJson(output[form].dump(), KeySource::set(publicKeys), options);
            QVERIFY(bySecret && byPublicKey);
            for (std::size_t i = 0; i < result->signatures.size(); ++i) {
                QVERIFY2(bySecret->signatures[i].valid() || byPublicKey->signatures[i].valid(),
                         byPublicKey->signatures[i].reason.c_str());
            }
            QCOMPARE(byPublicKey->payload, payload);
        } else {
            QVERIFY2(result->allValid(), result->signatures.front().reason.c_str());
            QCOMPARE(result->payload, payload);
        }
        ++forms;
    }
    QVERIFY(forms >= 1);

    // Reproducible examples: our JSON serialization equals the cookbook's byte for byte.
    if (v.value("reproducible", false) && output.contains("json_flat") && !file.contains("b64_false")) {
        const Json& signing = v["signing"];
        SignatureSpec spec;
        if (signing.contains("protected")) {
            spec.protectedHeader = signing["protected"];
        }
        if (signing.contains("unprotected")) {
            spec.unprotectedHeader = signing["unprotected"];
        }
        spec.key = &keySet.front();
        SignOptions signOptions;
        signOptions.detachedPayload = detached;
        const auto produced = signJson(std::span(&spec, 1), payload, JsonSerialization::Flattened, signOptions);
        QVERIFY2(produced.has_value(), produced ? "" : produced.error().message.c_str());
        QCOMPARE(QString::fromStdString(produced->dump()), QString::fromStdString(output["json_flat"].dump()));
    }
}

QTEST_GUILESS_MAIN(TestJwsVectors)
#include "TestJwsVectors.moc"
