#include "TestData.h"
#include "encoding/Base64Url.h"
#include "jose/JwsSigner.h"
#include "jose/JwtVerifier.h"
#include "keys/KeyImport.h"
#include "sdjwt/SdJwtIssuer.h"
#include "sdjwt/SdJwtVerifier.h"

#include <QTest>

#include <algorithm>
#include <sstream>

using namespace jwtwb;
using namespace jwtwb::sdjwt;
using namespace jwtwb::test;
using encoding::Json;
using jose::CheckOutcome;

Q_DECLARE_METATYPE(jwtwb::sdjwt::SdProblem)
Q_DECLARE_METATYPE(jwtwb::sdjwt::KbCheckCode)

// RFC 9901 on its own main example (tests/data/sdjwt) and on SD-JWTs made here: parts, disclosures
// and their digests, the processed claims, the issuer signature and each key binding check, with one
// failing row per rule.
class TestSdJwt : public QObject
{
    Q_OBJECT

private slots:
    void rfcDisclosures_data();
    void rfcDisclosures();
    void rfcEncodings_data();
    void rfcEncodings();
    void rfcArrayElement();
    void rfcProcessedClaims_data();
    void rfcProcessedClaims();
    void rfcPositions();
    void rfcPresentationVerifies();
    void keyBinding_data();
    void keyBinding();
    void keyBindingRequired();
    void wrongIssuerKey();
    void recursiveDisclosures();
    void otherHashes_data();
    void otherHashes();
    void findings_data();
    void findings();
    void notAnSdJwt_data();
    void notAnSdJwt();
    void issuePresentVerify_data();
    void issuePresentVerify();
    void issuedSalts();
    void issuedHeader();
    void issueRefuses_data();
    void issueRefuses();
    void presentRfcSelection();
};

namespace {

constexpr qint64 kKbIat = 1718298766;
const std::string kAud = "https://verifier.example.org";
const std::string kNonce = "1234567890";

std::string rfcText(const QString& name)
{
    std::string text = readDataFile(QStringLiteral("sdjwt/") + name);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

keys::Key loadKey(const QString& name)
{
    auto key = keys::importJwk(rfcText(name));
    if (!key) {
        qFatal("%s: %s", qPrintable(name), key.error().message.c_str());
    }
    return std::move(*key);
}

std::string b64(std::string_view text)
{
    return encoding::base64UrlEncode(text);
}

std::string disclosure(const Json& array)
{
    return b64(encoding::toCompactJson(array));
}

std::string sha256(std::string_view text)
{
    return digestOf(crypto::HashAlg::Sha256, text);
}

// An issuer-signed JWT whose signature nothing checks (parseSdJwt only), with its disclosures.
std::string unsignedSdJwt(const Json& payload, const std::vector<std::string>& disclosures)
{
    std::string out = b64(R"({"alg":"ES256"})") + "." + b64(encoding::toCompactJson(payload)) + "." + b64("sig") + "~";
    for (const auto& d : disclosures) {
        out += d + "~";
    }
    return out;
}

std::string sign(const Json& header, const Json& payload, const keys::Key& key)
{
    const std::string payloadText = encoding::toCompactJson(payload);
    auto token = jose::signCompact(encoding::toCompactJson(header), asBytes(payloadText), &key);
    if (!token) {
        qFatal("%s", token.error().message.c_str());
    }
    return *token;
}

// Claims compared as sets of members: RFC 9901 fixes no order for the processed claims.
bool sameClaims(const Json& actual, const Json& expected)
{
    const bool same = nlohmann::json::parse(actual.dump()) == nlohmann::json::parse(expected.dump());
    if (!same) {
        qWarning("claims %s\nexpected %s", actual.dump().c_str(), expected.dump().c_str());
    }
    return same;
}

jose::JwtVerifyOptions issuerOptions(qint64 now)
{
    jose::JwtVerifyOptions options;
    options.jws.algorithms.push_back(jose::JwsAlgorithm::ES256); // not = {…}: GCC 14 -Warray-bounds false positive
    options.claims.now = at(now);
    return options;
}

KeyBindingExpectations expectations(qint64 now)
{
    KeyBindingExpectations expected;
    expected.required = true;
    expected.audience = kAud;
    expected.nonce = kNonce;
    expected.now = at(now);
    return expected;
}

Result<SdJwtVerification> verifyRfc(std::string_view text, const KeyBindingExpectations& expected)
{
    static const keys::Key issuer = loadKey(QStringLiteral("issuer-key.jwk"));
    return verifySdJwt(text, jose::KeySource::single(issuer), issuerOptions(expected.now.time_since_epoch().count()),
                       expected);
}

// The presentation's SD-JWT part (up to the last '~') and a KB-JWT over it, signed with `key`.
std::string presentWith(const std::string& presented, const Json& header, Json claims, const keys::Key& key)
{
    if (!claims.contains("sd_hash")) {
        claims["sd_hash"] = sha256(presented);
    }
    return presented + sign(header, claims, key);
}

} // namespace

void TestSdJwt::rfcDisclosures_data()
{
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("text");
    std::istringstream lines(rfcText(QStringLiteral("disclosures.txt")));
    for (std::string line; std::getline(lines, line);) {
        const auto space = line.find(' ');
        QTest::newRow(line.substr(0, 12).c_str())
            << QString::fromStdString(line.substr(0, space)) << QString::fromStdString(line.substr(space + 1));
    }
}

void TestSdJwt::rfcDisclosures()
{
    QFETCH(QString, digest);
    QFETCH(QString, text);
    const auto sdJwt = parseSdJwt(rfcText(QStringLiteral("issuance.txt")));
    QVERIFY(sdJwt);
    const auto it = std::ranges::find(sdJwt->disclosures, text.toStdString(), &Disclosure::text);
    QVERIFY(it != sdJwt->disclosures.end());
    QCOMPARE(QString::fromStdString(it->digest), digest);
    QCOMPARE(QString::fromStdString(sha256(text.toStdString())), digest);
    QVERIFY(it->wellFormed);
    QCOMPARE(QString::fromStdString(it->placedAt), it->name ? QStringLiteral("/") : QStringLiteral("/nationalities"));
}

void TestSdJwt::rfcEncodings_data()
{
    QTest::addColumn<QString>("text");
    const Json property = loadJson(QStringLiteral("sdjwt/section4.json"))["property"];
    int i = 0;
    for (const auto& text : property["encodings"]) {
        QTest::addRow("encoding %d", ++i) << QString::fromStdString(text.get<std::string>());
    }
}

// RFC 9901 §4.2.1: the same claim encoded four ways is four Disclosures with four digests, each read
// as the same salt, name and value; §4.2.3 gives the first one's SHA-256 digest.
void TestSdJwt::rfcEncodings()
{
    QFETCH(QString, text);
    const Json vector = loadJson(QStringLiteral("sdjwt/section4.json"))["property"];
    const std::string disclosureText = text.toStdString();
    const auto sdJwt
        = parseSdJwt(unsignedSdJwt(Json{{"_sd", Json::array({sha256(disclosureText)})}}, {disclosureText}));
    QVERIFY(sdJwt);
    QVERIFY(sdJwt->ok());
    QCOMPARE(sdJwt->disclosures.size(), std::size_t(1));
    const Disclosure& d = sdJwt->disclosures.front();
    QVERIFY(d.wellFormed);
    QCOMPARE(d.salt, vector["salt"].get<std::string>());
    QCOMPARE(d.name.value_or(""), vector["name"].get<std::string>());
    QCOMPARE(d.value.get<std::string>(), vector["value"].get<std::string>());
    QCOMPARE(sdJwt->processed["family_name"].get<std::string>(), std::string("Möbius"));
    QCOMPARE(sdJwt->undisclosed, std::size_t(0));
    if (disclosureText == vector["encodings"][0].get<std::string>()) {
        QCOMPARE(d.digest, vector["sha256OfFirst"].get<std::string>());
    } else {
        QVERIFY(d.digest != vector["sha256OfFirst"].get<std::string>());
    }
}

// RFC 9901 §4.2.2: the second element of ["DE", "FR", "US"] as a Disclosure, put back in its place.
void TestSdJwt::rfcArrayElement()
{
    const Json vector = loadJson(QStringLiteral("sdjwt/section4.json"))["element"];
    const std::string text = vector["disclosure"].get<std::string>();
    const Json payload{{"nationalities", Json::array({"DE", Json{{"...", sha256(text)}}, "US"})}};
    const auto sdJwt = parseSdJwt(unsignedSdJwt(payload, {text}));
    QVERIFY(sdJwt);
    QVERIFY(sdJwt->ok());
    const Disclosure& d = sdJwt->disclosures.front();
    QVERIFY(d.wellFormed);
    QVERIFY(!d.name);
    QCOMPARE(d.salt, vector["salt"].get<std::string>());
    QCOMPARE(d.value.get<std::string>(), vector["value"].get<std::string>());
    QCOMPARE(d.placedAt, std::string("/nationalities"));
    QCOMPARE(d.path, std::string("/nationalities/1"));
    QVERIFY(sameClaims(sdJwt->processed, Json{{"nationalities", vector["array"]}}));
}

void TestSdJwt::rfcProcessedClaims_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("claims");
    QTest::addColumn<int>("disclosures");
    QTest::addColumn<int>("undisclosed");
    QTest::addColumn<bool>("keyBinding");
    QTest::newRow("issuance: every claim") << "issuance.txt"
                                           << "claims-issuance.json" << 10 << 0 << false;
    // 8 digests in "_sd" and 2 in nationalities; 3 claims and 1 element disclosed.
    QTest::newRow("presentation") << "presentation.txt"
                                  << "claims-presentation.json" << 4 << 6 << true;
}

void TestSdJwt::rfcProcessedClaims()
{
    QFETCH(QString, token);
    QFETCH(QString, claims);
    QFETCH(int, disclosures);
    QFETCH(int, undisclosed);
    QFETCH(bool, keyBinding);
    const auto sdJwt = parseSdJwt(rfcText(token));
    QVERIFY(sdJwt);
    QVERIFY2(sdJwt->ok(), sdJwt->findings.empty() ? "" : sdJwt->findings.front().reason.c_str());
    QCOMPARE(sdJwt->hashName, std::string("sha-256"));
    QCOMPARE(static_cast<int>(sdJwt->disclosures.size()), disclosures);
    QCOMPARE(static_cast<int>(sdJwt->undisclosed), undisclosed);
    QCOMPARE(sdJwt->keyBindingJwt.has_value(), keyBinding);
    QVERIFY(sameClaims(sdJwt->processed, loadJson(QStringLiteral("sdjwt/") + claims)));
    QVERIFY(!sdJwt->processed.contains("_sd") && !sdJwt->processed.contains("_sd_alg"));
}

void TestSdJwt::rfcPositions()
{
    const std::string text = rfcText(QStringLiteral("presentation.txt"));
    const auto sdJwt = parseSdJwt(text);
    QVERIFY(sdJwt);
    QCOMPARE(text.substr(0, sdJwt->issuerJwt.size()), sdJwt->issuerJwt);
    for (const auto& d : sdJwt->disclosures) {
        QCOMPARE(text.substr(d.offset, d.text.size()), d.text);
        QCOMPARE(text[d.offset - 1], '~');
    }
    QCOMPARE(text.substr(sdJwt->keyBindingOffset), *sdJwt->keyBindingJwt);
    QCOMPARE(sdJwt->presented, text.substr(0, text.rfind('~') + 1));
}

void TestSdJwt::rfcPresentationVerifies()
{
    const auto report = verifyRfc(rfcText(QStringLiteral("presentation.txt")), expectations(kKbIat));
    QVERIFY(report);
    QVERIFY2(report->issuer.valid(), report->issuer.signature.reason.c_str());
    for (const auto& check : report->checks) {
        QVERIFY2(check.outcome == CheckOutcome::Passed,
                 (std::string(kbCheckName(check.code)) + ": " + check.reason).c_str());
    }
    QVERIFY(report->valid());
    QVERIFY(sameClaims(report->sdJwt.processed, loadJson(QStringLiteral("sdjwt/claims-presentation.json"))));

    // The issuance has no KB-JWT: valid when none is asked for.
    auto expected = expectations(kKbIat);
    expected.required = false;
    const auto issuance = verifyRfc(rfcText(QStringLiteral("issuance.txt")), expected);
    QVERIFY(issuance && issuance->valid());
    QCOMPARE(issuance->check(KbCheckCode::Present).outcome, CheckOutcome::NotChecked);
}

void TestSdJwt::keyBinding_data()
{
    QTest::addColumn<QString>("presentation"); // empty: the RFC's
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("aud");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<KbCheckCode>("failed");

    const std::string rfc = rfcText(QStringLiteral("presentation.txt"));
    const std::string presented = rfc.substr(0, rfc.rfind('~') + 1);
    const keys::Key holder = loadKey(QStringLiteral("holder-private-key.jwk"));
    const keys::Key issuer = loadKey(QStringLiteral("issuer-private-key.jwk"));
    const Json kbHeader{{"alg", "ES256"}, {"typ", "kb+jwt"}};
    const Json kbClaims{{"nonce", kNonce}, {"aud", kAud}, {"iat", kKbIat}};
    const auto row = [](const char* name, const std::string& text, qint64 now, const std::string& aud,
                        const std::string& nonce, KbCheckCode failed) {
        QTest::newRow(name) << QString::fromStdString(text) << now << QString::fromStdString(aud)
                            << QString::fromStdString(nonce) << failed;
    };

    row("another nonce", "", kKbIat, kAud, "0987654321", KbCheckCode::Nonce);
    row("another audience", "", kKbIat, "https://other.example.org", kNonce, KbCheckCode::Audience);
    row("iat too old", "", kKbIat + 3600, kAud, kNonce, KbCheckCode::IssuedAt);
    row("iat in the future", "", kKbIat - 3600, kAud, kNonce, KbCheckCode::IssuedAt);
    // Another selection of disclosures under the RFC's KB-JWT.
    const std::string lessDisclosed
        = presented.substr(0, presented.rfind('~', presented.size() - 2) + 1) + rfc.substr(rfc.rfind('~') + 1);
    row("sd_hash of other disclosures", lessDisclosed, kKbIat, kAud, kNonce, KbCheckCode::SdHash);
    Json withoutHash = kbClaims;
    withoutHash["sd_hash"] = nullptr;
    row("sd_hash missing", presentWith(presented, kbHeader, withoutHash, holder), kKbIat, kAud, kNonce,
        KbCheckCode::SdHash);
    row("typ JWT", presentWith(presented, {{"alg", "ES256"}, {"typ", "JWT"}}, kbClaims, holder), kKbIat, kAud, kNonce,
        KbCheckCode::Type);
    row("no typ", presentWith(presented, {{"alg", "ES256"}}, kbClaims, holder), kKbIat, kAud, kNonce,
        KbCheckCode::Type);
    row("signed by another key", presentWith(presented, kbHeader, kbClaims, issuer), kKbIat, kAud, kNonce,
        KbCheckCode::Signature);
    row("aud missing", presentWith(presented, kbHeader, {{"nonce", kNonce}, {"iat", kKbIat}}, holder), kKbIat, kAud,
        kNonce, KbCheckCode::Audience);

    // An issuer-signed JWT without cnf: nothing to check the KB-JWT with.
    auto sdJwt = parseSdJwt(rfc);
    Json payload = sdJwt->payload;
    payload.erase("cnf");
    const std::string withoutCnf
        = sign({{"alg", "ES256"}, {"typ", "example+sd-jwt"}}, payload, issuer) + presented.substr(presented.find('~'));
    row("no cnf.jwk", presentWith(withoutCnf, kbHeader, kbClaims, holder), kKbIat, kAud, kNonce,
        KbCheckCode::HolderKey);
}

void TestSdJwt::keyBinding()
{
    QFETCH(QString, presentation);
    QFETCH(qint64, now);
    QFETCH(QString, aud);
    QFETCH(QString, nonce);
    QFETCH(KbCheckCode, failed);
    auto expected = expectations(now);
    expected.audience = aud.toStdString();
    expected.nonce = nonce.toStdString();
    const std::string text
        = presentation.isEmpty() ? rfcText(QStringLiteral("presentation.txt")) : presentation.toStdString();
    const auto report = verifyRfc(text, expected);
    QVERIFY(report);
    QVERIFY2(report->issuer.valid(), report->issuer.signature.reason.c_str());
    QCOMPARE(report->check(failed).outcome, CheckOutcome::Failed);
    QVERIFY(!report->check(failed).reason.empty());
    QVERIFY(!report->valid());
    for (const auto& check : report->checks) {
        if (check.code != failed && !(failed == KbCheckCode::HolderKey && check.code == KbCheckCode::Signature)) {
            QVERIFY2(check.outcome == CheckOutcome::Passed,
                     (std::string(kbCheckName(check.code)) + ": " + check.reason).c_str());
        }
    }
}

void TestSdJwt::keyBindingRequired()
{
    const auto report = verifyRfc(rfcText(QStringLiteral("issuance.txt")), expectations(kKbIat));
    QVERIFY(report);
    QVERIFY(report->issuer.valid() && report->sdJwt.ok());
    QCOMPARE(report->check(KbCheckCode::Present).outcome, CheckOutcome::Failed);
    QVERIFY(!report->valid());
}

void TestSdJwt::wrongIssuerKey()
{
    const keys::Key holder = loadKey(QStringLiteral("holder-private-key.jwk"));
    auto publicHolder = holder.publicKey();
    QVERIFY(publicHolder);
    const auto report = verifySdJwt(rfcText(QStringLiteral("presentation.txt")), jose::KeySource::single(*publicHolder),
                                    issuerOptions(kKbIat), expectations(kKbIat));
    QVERIFY(report);
    QVERIFY(!report->issuer.signature.valid());
    QVERIFY(!report->valid());
}

void TestSdJwt::recursiveDisclosures()
{
    const std::string street = disclosure({"s1", "street_address", "Schulstr. 12"});
    const std::string locality = disclosure({"s2", "locality", "Schulpforta"});
    const std::string address
        = disclosure({"s3", "address", {{"_sd", {sha256(street), sha256(locality)}}, {"country", "DE"}}});
    const std::string inner = disclosure({"s4", "x", 1});
    const std::string element = disclosure({"s5", {{"_sd", {sha256(inner)}}}});
    const Json payload{{"_sd", {sha256(address), sha256("decoy")}},
                       {"list", {{{"...", sha256(element)}}, 7, {{"...", sha256("decoy 2")}}}},
                       {"_sd_alg", "sha-256"}};

    auto sdJwt = parseSdJwt(unsignedSdJwt(payload, {street, locality, address, inner, element}));
    QVERIFY(sdJwt);
    QVERIFY2(sdJwt->ok(), sdJwt->findings.empty() ? "" : sdJwt->findings.front().reason.c_str());
    const Json processed{
        {"address", {{"street_address", "Schulstr. 12"}, {"locality", "Schulpforta"}, {"country", "DE"}}},
        {"list", {{{"x", 1}}, 7}}};
    QVERIFY(sameClaims(sdJwt->processed, processed));
    QCOMPARE(sdJwt->undisclosed, std::size_t(2));
    QCOMPARE(sdJwt->disclosures[0].placedAt, std::string("/address"));
    QCOMPARE(sdJwt->disclosures[3].placedAt, std::string("/list/0"));

    // The street withheld: the address without it, one more undisclosed digest.
    sdJwt = parseSdJwt(unsignedSdJwt(payload, {locality, address, inner, element}));
    QVERIFY(sdJwt && sdJwt->ok());
    QVERIFY(!sdJwt->processed["address"].contains("street_address"));
    QCOMPARE(sdJwt->undisclosed, std::size_t(3));

    // The inner disclosure without the one that holds its digest: it refers to nothing.
    sdJwt = parseSdJwt(unsignedSdJwt(payload, {street}));
    QVERIFY(sdJwt);
    QCOMPARE(sdJwt->findings.size(), std::size_t(1));
    QCOMPARE(sdJwt->findings.front().code, SdProblem::UnreferencedDisclosure);
}

void TestSdJwt::otherHashes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("size");
    QTest::newRow("sha-256") << "sha-256" << 32;
    QTest::newRow("sha-384") << "sha-384" << 48;
    QTest::newRow("sha-512") << "sha-512" << 64;
}

void TestSdJwt::otherHashes()
{
    QFETCH(QString, name);
    QFETCH(int, size);
    const auto hash = hashFromName(name.toStdString());
    QVERIFY(hash);
    const std::string given = disclosure({"salt", "given_name", "Erika"});
    const std::string digest = digestOf(*hash, given);
    QCOMPARE(encoding::base64UrlDecode(digest)->size(), std::size_t(size));
    const auto sdJwt = parseSdJwt(unsignedSdJwt({{"_sd", {digest}}, {"_sd_alg", name.toStdString()}}, {given}));
    QVERIFY(sdJwt && sdJwt->ok());
    QVERIFY(sameClaims(sdJwt->processed, Json({{"given_name", "Erika"}})));
}

void TestSdJwt::findings_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<SdProblem>("problem");
    const auto row
        = [](const char* name, const Json& payload, const std::vector<std::string>& disclosures, SdProblem problem) {
              QTest::newRow(name) << QString::fromStdString(unsignedSdJwt(payload, disclosures)) << problem;
          };
    const auto referenced = [&row](const char* name, const std::string& d, SdProblem problem) {
        row(name, {{"_sd", {sha256(d)}}}, {d}, problem);
    };
    const std::string given = disclosure({"salt", "given_name", "John"});
    const std::string element = disclosure({"salt", "US"});

    referenced("not base64url", "WyJzYWx0Iiwg*", SdProblem::DisclosureBase64Url);
    referenced("padded base64url", b64(R"(["salt", "a", 1])") + "=", SdProblem::DisclosureBase64Url);
    referenced("not JSON", b64("[\"salt\", "), SdProblem::DisclosureMalformed);
    referenced("an object", b64(R"({"salt": "a"})"), SdProblem::DisclosureMalformed);
    referenced("one element", disclosure(Json::array({"salt"})), SdProblem::DisclosureMalformed);
    referenced("four elements", disclosure({"salt", "a", 1, 2}), SdProblem::DisclosureMalformed);
    referenced("a repeated member in the value", b64(R"(["salt", "a", {"b": 1, "b": 2}])"),
               SdProblem::DisclosureMalformed);
    referenced("salt a number", disclosure({1, "given_name", "John"}), SdProblem::DisclosureSalt);
    referenced("name a number", disclosure({"salt", 1, "John"}), SdProblem::DisclosureName);
    referenced("name _sd", disclosure({"salt", "_sd", {"x"}}), SdProblem::ForbiddenName);
    referenced("name ...", disclosure({"salt", "...", "x"}), SdProblem::ForbiddenName);
    row("empty disclosure", {{"a", 1}}, {""}, SdProblem::DisclosureMalformed);
    row("name already a claim", {{"given_name", "Max"}, {"_sd", {sha256(given)}}}, {given}, SdProblem::NameExists);
    row("name disclosed twice", {{"_sd", {sha256(given), sha256(disclosure({"salt2", "given_name", "Max"}))}}},
        {given, disclosure({"salt2", "given_name", "Max"})}, SdProblem::NameExists);
    row("digest twice in _sd", {{"_sd", {sha256(given), sha256(given)}}}, {given}, SdProblem::DuplicateDigest);
    row("digest in _sd and an array", {{"_sd", {sha256(given)}}, {"a", {{{"...", sha256(given)}}}}}, {given},
        SdProblem::DuplicateDigest);
    row("undisclosed digest twice", {{"_sd", {sha256("decoy"), sha256("decoy")}}}, {}, SdProblem::DuplicateDigest);
    row("one disclosure twice", {{"_sd", {sha256(given)}}}, {given, given}, SdProblem::DuplicateDigest);
    row("digest nowhere", {{"_sd", {sha256("decoy")}}}, {given}, SdProblem::UnreferencedDisclosure);
    row("an element's disclosure in _sd", {{"_sd", {sha256(element)}}}, {element}, SdProblem::WrongPlace);
    row("a property's disclosure in an array", {{"a", {{{"...", sha256(given)}}}}}, {given}, SdProblem::WrongPlace);
    row("_sd a string", {{"_sd", sha256(given)}}, {}, SdProblem::MalformedDigests);
    row("_sd holding a number", {{"_sd", {1}}}, {}, SdProblem::MalformedDigests);
    row("... holding a number", {{"a", {{{"...", 1}}}}}, {}, SdProblem::MalformedDigests);
    row("_sd_alg md5", {{"_sd", {sha256(given)}}, {"_sd_alg", "md5"}}, {given}, SdProblem::UnsupportedHashAlgorithm);
    row("_sd_alg SHA-256", {{"_sd", {sha256(given)}}, {"_sd_alg", "SHA-256"}}, {given},
        SdProblem::UnsupportedHashAlgorithm);
    row("_sd_alg a number", {{"_sd", {sha256(given)}}, {"_sd_alg", 256}}, {given}, SdProblem::UnsupportedHashAlgorithm);
}

void TestSdJwt::findings()
{
    QFETCH(QString, token);
    QFETCH(SdProblem, problem);
    const std::string text = token.toStdString();
    const auto sdJwt = parseSdJwt(text);
    QVERIFY(sdJwt);
    QVERIFY(!sdJwt->ok());
    QCOMPARE(sdJwt->findings.front().code, problem);
    QVERIFY(!sdJwt->findings.front().reason.empty());
    QVERIFY(sdJwt->findings.front().position < text.size());
    QVERIFY(sdProblemName(problem).starts_with("ERR_SDJWT_"));
}

void TestSdJwt::notAnSdJwt_data()
{
    QTest::addColumn<QString>("text");
    const std::string jwt = b64(R"({"alg":"ES256"})") + "." + b64(R"({"a":1})") + "." + b64("sig");
    QTest::newRow("empty") << "";
    QTest::newRow("a JWT without '~'") << QString::fromStdString(jwt);
    QTest::newRow("not a JWT before '~'") << "abc~";
    QTest::newRow("a payload that is not an object")
        << QString::fromStdString(b64(R"({"alg":"ES256"})") + "." + b64("[1]") + "." + b64("sig") + "~");
}

void TestSdJwt::notAnSdJwt()
{
    QFETCH(QString, text);
    QVERIFY(!parseSdJwt(text.toStdString()));
    const keys::Key issuer = loadKey(QStringLiteral("issuer-key.jwk"));
    QVERIFY(
        !verifySdJwt(text.toStdString(), jose::KeySource::single(issuer), issuerOptions(kKbIat), expectations(kKbIat)));
}

namespace {

const Json kPayload{{"iss", "https://issuer.example"},
                    {"sub", "user_7"},
                    {"given_name", "Erika"},
                    {"address", {{"street_address", "Heidestr. 17"}, {"country", "DE"}}},
                    {"nationalities", {"DE", "FR"}}};
const std::vector<std::string> kSd{"given_name", "address", "address/street_address", "/nationalities/1"};

} // namespace

void TestSdJwt::issuePresentVerify_data()
{
    QTest::addColumn<QStringList>("disclose");
    QTest::addColumn<QString>("claims"); // besides iss, sub and cnf
    QTest::newRow("nothing") << QStringList{} << R"({"nationalities": ["DE"]})";
    QTest::newRow("given_name") << QStringList{"given_name"} << R"({"given_name": "Erika", "nationalities": ["DE"]})";
    QTest::newRow("a claim inside a disclosed one")
        << QStringList{"address/street_address"} << R"({"address": {"street_address": "Heidestr. 17",
                                                          "country": "DE"}, "nationalities": ["DE"]})";
    QTest::newRow("the whole address") << QStringList{"/address"}
                                       << R"({"address": {"street_address": "Heidestr. 17", "country": "DE"},
                                             "nationalities": ["DE"]})";
    QTest::newRow("an array element") << QStringList{"nationalities/1"} << R"({"nationalities": ["DE", "FR"]})";
}

void TestSdJwt::issuePresentVerify()
{
    QFETCH(QStringList, disclose);
    QFETCH(QString, claims);
    const keys::Key issuer = loadKey(QStringLiteral("issuer-private-key.jwk"));
    const keys::Key holder = loadKey(QStringLiteral("holder-private-key.jwk"));
    IssueOptions issue;
    issue.disclose = kSd;
    issue.decoys = 3;
    issue.holderKey = &holder;
    issue.header = Json{{"typ", "example+sd-jwt"}};
    const auto issued = issueSdJwt(kPayload, issuer, issue);
    QVERIFY2(issued, issued ? "" : issued.error().message.c_str());

    const auto parsed = parseSdJwt(*issued);
    QVERIFY(parsed && parsed->ok());
    QCOMPARE(parsed->disclosures.size(), std::size_t(4));
    QCOMPARE(parsed->undisclosed, std::size_t(3));
    Json all = kPayload;
    all["cnf"] = parsed->payload["cnf"];
    QVERIFY(sameClaims(parsed->processed, all));

    PresentOptions present;
    for (const QString& path : disclose) {
        present.disclose.push_back(path.toStdString());
    }
    present.holderKey = &holder;
    present.audience = kAud;
    present.nonce = kNonce;
    present.iat = at(kKbIat);
    const auto presentation = presentSdJwt(*issued, present);
    QVERIFY2(presentation, presentation ? "" : presentation.error().message.c_str());

    const keys::Key issuerPublic = loadKey(QStringLiteral("issuer-key.jwk"));
    const auto report = verifySdJwt(*presentation, jose::KeySource::single(issuerPublic), issuerOptions(kKbIat + 10),
                                    expectations(kKbIat + 10));
    QVERIFY(report);
    for (const auto& check : report->checks) {
        QVERIFY2(check.outcome == CheckOutcome::Passed,
                 (std::string(kbCheckName(check.code)) + ": " + check.reason).c_str());
    }
    QVERIFY(report->valid());
    Json expected = parseJsonOrDie(claims);
    expected["iss"] = "https://issuer.example";
    expected["sub"] = "user_7";
    expected["cnf"] = Json{{"jwk",
                            {{"kty", "EC"},
                             {"crv", "P-256"},
                             {"x", "TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc"},
                             {"y", "ZxjiWWbZMQGHVWKVQ4hbSIirsVfuecCE6t4jT9F2HZQ"}}}};
    QVERIFY(sameClaims(report->sdJwt.processed, expected));
}

void TestSdJwt::issuedSalts()
{
    const keys::Key issuer = loadKey(QStringLiteral("issuer-private-key.jwk"));
    IssueOptions issue;
    issue.disclose = kSd;
    const auto first = parseSdJwt(*issueSdJwt(kPayload, issuer, issue));
    const auto second = parseSdJwt(*issueSdJwt(kPayload, issuer, issue));
    QVERIFY(first && second && first->ok() && second->ok());
    QVERIFY(!first->payload.contains("cnf"));
    for (std::size_t i = 0; i < first->disclosures.size(); ++i) {
        QVERIFY(first->disclosures[i].salt != second->disclosures[i].salt);
        QCOMPARE(encoding::base64UrlDecode(first->disclosures[i].salt)->size(), std::size_t(16));
    }
    // "_sd" sorted: the order tells nothing about the claims.
    const auto digests = first->payload["_sd"].get<std::vector<std::string>>();
    QVERIFY(std::ranges::is_sorted(digests));
}

// The header given is the one signed, with "alg" first and the algorithm's whatever it says.
void TestSdJwt::issuedHeader()
{
    const keys::Key issuer = loadKey(QStringLiteral("issuer-private-key.jwk"));
    IssueOptions issue;
    issue.disclose = kSd;
    issue.header = parseJsonOrDie(R"({"typ": "example+sd-jwt", "kid": "issuer-2025", "alg": "HS256", "x-n": [1]})");
    const auto issued = issueSdJwt(kPayload, issuer, issue);
    QVERIFY2(issued, issued ? "" : issued.error().message.c_str());
    const auto parsed = parseSdJwt(*issued);
    QVERIFY(parsed && parsed->ok());
    const auto token = jose::decodeCompact(parsed->issuerJwt);
    QVERIFY(token);
    QCOMPARE(encoding::toCompactJson(token->header.value),
             std::string(R"({"alg":"ES256","typ":"example+sd-jwt","kid":"issuer-2025","x-n":[1]})"));
    const keys::Key issuerPublic = loadKey(QStringLiteral("issuer-key.jwk"));
    QVERIFY(jose::verifyJwt(parsed->issuerJwt, jose::KeySource::single(issuerPublic), issuerOptions(kKbIat))
                ->signature.valid());

    issue.header = Json::array();
    const auto refused = issueSdJwt(kPayload, issuer, issue);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Errc::NotAJsonObject);
}

void TestSdJwt::issueRefuses_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    QTest::newRow("no such claim") << R"({"a": 1})"
                                   << "b"
                                   << "ERR_INPUT_PATH_NOT_FOUND";
    QTest::newRow("no such element") << R"({"a": [1]})"
                                     << "a/1"
                                     << "ERR_INPUT_PATH_NOT_FOUND";
    QTest::newRow("a payload with _sd") << R"({"_sd": [], "a": 1})"
                                        << "a"
                                        << "ERR_INPUT_NOT_AN_OBJECT";
    QTest::newRow("not an object") << "[1]"
                                   << "0"
                                   << "ERR_INPUT_NOT_AN_OBJECT";
}

void TestSdJwt::issueRefuses()
{
    QFETCH(QString, payload);
    QFETCH(QString, path);
    QFETCH(QString, code);
    const keys::Key issuer = loadKey(QStringLiteral("issuer-private-key.jwk"));
    IssueOptions issue;
    issue.disclose = {path.toStdString()};
    const auto issued = issueSdJwt(parseJsonOrDie(payload), issuer, issue);
    QVERIFY(!issued);
    QCOMPARE(QString::fromLatin1(errcName(issued.error().code).data()), code);
}

void TestSdJwt::presentRfcSelection()
{
    // RFC 9901 §5.2's selection from the issuance, without a KB-JWT: its disclosures in issuance order.
    PresentOptions present;
    present.disclose = {"family_name", "address", "given_name", "nationalities/0"};
    const auto presentation = presentSdJwt(rfcText(QStringLiteral("issuance.txt")), present);
    QVERIFY(presentation);
    const auto sdJwt = parseSdJwt(*presentation);
    QVERIFY(sdJwt && sdJwt->ok() && !sdJwt->keyBindingJwt);
    QVERIFY(sameClaims(sdJwt->processed, loadJson(QStringLiteral("sdjwt/claims-presentation.json"))));
    present.disclose = {"no_such_claim"};
    const auto refused = presentSdJwt(rfcText(QStringLiteral("issuance.txt")), present);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Errc::PathNotFound);
}

QTEST_GUILESS_MAIN(TestSdJwt)
#include "TestSdJwt.moc"
