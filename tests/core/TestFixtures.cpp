#include "KeyTestSupport.h"
#include "TestData.h"
#include "encoding/Base64Url.h"
#include "fixtures/FixtureManifest.h"
#include "fixtures/Fixtures.h"
#include "fixtures/TokenTampering.h"
#include "jose/CompactToken.h"
#include "jose/JwsVerifier.h"
#include "jose/JwtVerifier.h"
#include "jose/SignatureEngine.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <map>
#include <set>

using namespace jwtwb;
using namespace jwtwb::fixtures;
using enum FixtureKind;

namespace {

constexpr std::string_view kClaims = R"({"sub":"alice","name":"Alice Example","admin":false})";
constexpr std::int64_t kNow = 1795910400; // 2026-11-29T00:00:00Z (date -u -d 2026-11-29T00:00:00Z +%s)
constexpr std::string_view kHmacSecret = "fixture-test-secret-of-32-bytes!";

// What a correct verifier does with each kind, written down from the issue, not from the code.
const std::set<FixtureKind> kMustAccept
    = {Valid, ExpiredWithinLeeway, JkuWithRealKey, X5uWithRealKey, KidPathTraversal, KidSqlInjection};

struct KeyCase {
    const char* name;
    const char* file; // PEM under tests/data/keys, or nullptr for the HMAC secret
    const char* publicPemFile; // the public key as `openssl pkey -pubout` wrote it, when there is one
    std::set<FixtureKind> skipped;
};

const KeyCase kKeyCases[] = {
    {"HS256", nullptr, nullptr, {PublicKeyAsHmacSecret, EcdsaPsychicSignature}},
    {"RS256", "keys/rsa-2048-pkcs8.pem", "keys/rsa-2048-spki.pem", {EcdsaPsychicSignature}},
    {"ES256", "keys/ec-p256-sec1.pem", "keys/ec-p256-spki.pem", {WeakKey}},
    {"EdDSA", "keys/ed25519-pkcs8.pem", nullptr, {EcdsaPsychicSignature, WeakKey}},
};

keys::Key loadKey(const KeyCase& keyCase)
{
    if (!keyCase.file) {
        return keys::Key::fromSecret(crypto::SecureBytes(kHmacSecret));
    }
    auto key = keys::importPem(test::readDataFile(QString::fromUtf8(keyCase.file)));
    if (!key) {
        qFatal("cannot load %s: %s", keyCase.file, key.error().message.c_str());
    }
    return *key;
}

keys::Key verificationKey(const keys::Key& key)
{
    if (key.type() == keys::KeyType::Oct) {
        return keys::Key::fromSecret(key.secret().clone());
    }
    return *key.publicKey();
}

struct Generated {
    keys::Key key;
    FixtureSet set;
};

std::string segment(const std::string& token, int index)
{
    std::size_t start = 0;
    for (int i = 0; i < index; ++i) {
        start = token.find('.', start) + 1;
    }
    const auto end = token.find('.', start);
    return token.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string signingInput(const std::string& token)
{
    return token.substr(0, token.rfind('.'));
}

Bytes strictBytes(const std::string& segmentText)
{
    auto bytes = encoding::base64UrlDecode(segmentText);
    return bytes ? *bytes : Bytes();
}

encoding::Json headerOf(const std::string& token)
{
    auto decoded = jose::decodeCompact(token, jose::Base64Mode::Lenient);
    return decoded ? decoded->header.value : encoding::Json();
}

// Verifies the signature alone with `key` as a lenient verifier would: the segments as written.
// A verifier that checks only that the signature matches: weak keys are what some attacks rely on.
bool signatureVerifies(const std::string& token, const keys::Key& key, jose::JwsVerifyOptions options = {})
{
    options.weakKeys = jose::WeakKeys::Accept;
    auto decoded = jose::decodeCompact(token, jose::Base64Mode::Lenient);
    return decoded && jose::verifyCompact(*decoded, jose::KeySource::single(key), options).allValid();
}

// What a verifier with the RS→HS mistake does: recompute the token's HS256 MAC with the key text it
// holds as the secret. (Ours refuses a public key's text as an HMAC secret: algorithm confusion.)
bool naiveHmacMatches(const std::string& token, const keys::Key& secret)
{
    const auto decoded = jose::decodeCompact(token, jose::Base64Mode::Lenient);
    const auto mac = decoded
        ? jose::createSignature(jose::JwsAlgorithm::HS256, secret, asBytes(decoded->signingInput()))
        : Result<Bytes>(std::unexpected(decoded.error()));
    return mac && *mac == decoded->signature();
}

jose::SignatureProblem problemWith(const std::string& token, const keys::Key& key)
{
    const auto decoded = jose::decodeCompact(token, jose::Base64Mode::Lenient);
    return decoded ? jose::verifyCompact(*decoded, jose::KeySource::single(key)).signatures.front().problem
                   : jose::SignatureProblem::MalformedHeader;
}

int differingBits(const Bytes& a, const Bytes& b)
{
    if (a.size() != b.size()) {
        return -1;
    }
    int bits = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        bits += std::popcount(static_cast<unsigned>(a[i] ^ b[i]));
    }
    return bits;
}

} // namespace

class TestFixtures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void catalogueIsStable();
    void everyKindProducedOrSkipped_data();
    void everyKindProducedOrSkipped();
    void expectationsAsDocumented_data();
    void expectationsAsDocumented();
    void ourVerifierAgrees_data();
    void ourVerifierAgrees();
    void rejectedForTheStatedReason_data();
    void rejectedForTheStatedReason();
    void attacksWorkOnVulnerableVerifiers_data();
    void attacksWorkOnVulnerableVerifiers();
    void damagedExactlyAsDescribed_data();
    void damagedExactlyAsDescribed();
    void otherAlgorithmsAgree_data();
    void otherAlgorithmsAgree();
    void fromToken();
    void verifierOptionsStated();
    void manifest();
    void badInput();
    void tamperingHelpers();

private:
    // One row per key and produced kind; only the given kinds when `only` is not empty.
    void addRows(const std::set<FixtureKind>& only = {});
    [[nodiscard]] const Fixture* find(const QString& keyName, FixtureKind kind) const;
    // The current data row's key set and fixture (nullptr when not produced).
    [[nodiscard]] const Generated& rowSet() const;
    [[nodiscard]] const Fixture* rowFixture() const;
    // Our own verifier, configured as the manifest states, on the current row's fixture.
    [[nodiscard]] Result<jose::JwtVerification> verifyRow() const;

    std::map<QString, Generated> m_generated;
};

void TestFixtures::initTestCase()
{
    FixtureOptions options;
    options.now = test::at(kNow);
    options.issuer = "https://login.example";
    options.audience = "orders-api";
    options.leeway = std::chrono::seconds(30);
    for (const auto& keyCase : kKeyCases) {
        keys::Key key = loadKey(keyCase);
        auto set = generateFixtures(kClaims, key, options);
        QVERIFY2(set.has_value(), set ? "" : set.error().message.c_str());
        m_generated.emplace(QString::fromUtf8(keyCase.name), Generated{std::move(key), std::move(*set)});
    }
}

void TestFixtures::catalogueIsStable()
{
    // Numbers and names are part of the output (file names): they must never change.
    QCOMPARE(allFixtureKinds().size(), std::size_t(34));
    QCOMPARE(fixtureKindInfo(Valid).number, 1);
    QCOMPARE(QString::fromUtf8(fixtureKindInfo(Valid).name), QStringLiteral("valid"));
    QCOMPARE(fixtureKindInfo(ExpiredWithinLeeway).number, 3);
    QCOMPARE(QString::fromUtf8(fixtureKindInfo(PublicKeyAsHmacSecret).name),
             QStringLiteral("public-key-as-hmac-secret"));
    QCOMPARE(fixtureKindInfo(Base64UrlTrailingBits).number, 33);
    QCOMPARE(QString::fromUtf8(fixtureKindInfo(WeakKey).name), QStringLiteral("weak-key"));
    std::set<std::string_view> names;
    for (const auto& info : allFixtureKinds()) {
        QVERIFY(names.insert(info.name).second);
        QVERIFY(std::ranges::all_of(
            info.name, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
    }
}

void TestFixtures::addRows(const std::set<FixtureKind>& only)
{
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<int>("kind");
    for (const auto& keyCase : kKeyCases) {
        for (const auto& info : allFixtureKinds()) {
            if (!keyCase.skipped.contains(info.kind) && (only.empty() || only.contains(info.kind))) {
                QTest::addRow("%s %s", keyCase.name, info.name.data())
                    << QString::fromUtf8(keyCase.name) << static_cast<int>(info.kind);
            }
        }
    }
}

const Fixture* TestFixtures::find(const QString& keyName, FixtureKind kind) const
{
    const auto& fixtures = m_generated.at(keyName).set.fixtures;
    const auto it = std::ranges::find(fixtures, kind, &Fixture::kind);
    return it == fixtures.end() ? nullptr : &*it;
}

const Generated& TestFixtures::rowSet() const
{
    QFETCH(QString, keyName);
    return m_generated.at(keyName);
}

const Fixture* TestFixtures::rowFixture() const
{
    QFETCH(QString, keyName);
    QFETCH(int, kind);
    return find(keyName, static_cast<FixtureKind>(kind));
}

Result<jose::JwtVerification> TestFixtures::verifyRow() const
{
    const Fixture* fixture = rowFixture();
    if (!fixture->verifyWith.is_null()) {
        auto own = keys::importJwk(fixture->verifyWith);
        if (!own) {
            return std::unexpected(own.error());
        }
        return jose::verifyJwt(fixture->token, jose::KeySource::single(*own), verifyOptionsFor(rowSet().set.verifier));
    }
    const keys::Key key = verificationKey(rowSet().key);
    return jose::verifyJwt(fixture->token, jose::KeySource::single(key), verifyOptionsFor(rowSet().set.verifier));
}

void TestFixtures::everyKindProducedOrSkipped_data()
{
    QTest::addColumn<QString>("keyName");
    for (const auto& keyCase : kKeyCases) {
        QTest::newRow(keyCase.name) << QString::fromUtf8(keyCase.name);
    }
}

void TestFixtures::everyKindProducedOrSkipped()
{
    QFETCH(QString, keyName);
    const auto& keyCase = *std::ranges::find_if(kKeyCases, [&](const KeyCase& c) { return keyName == c.name; });
    const FixtureSet& set = m_generated.at(keyName).set;
    for (const auto& info : allFixtureKinds()) {
        const bool produced = std::ranges::count(set.fixtures, info.kind, &Fixture::kind) == 1;
        const auto skipped = std::ranges::find(set.skipped, info.kind, &SkippedFixture::kind);
        QVERIFY2(produced != (skipped != set.skipped.end()), info.name.data());
        QCOMPARE(produced, !keyCase.skipped.contains(info.kind));
        if (!produced) {
            QVERIFY2(skipped->reason.ends_with('.'), info.name.data());
        }
    }
    // In catalogue order, each with a reason and a token.
    QVERIFY(std::ranges::is_sorted(set.fixtures, {}, [](const Fixture& f) { return fixtureKindInfo(f.kind).number; }));
    for (const auto& fixture : set.fixtures) {
        QVERIFY2(!fixture.reason.empty() && !fixture.token.empty(), fixture.name().data());
        QVERIFY2(fixture.reason.back() == '.', fixture.reason.c_str());
    }
}

void TestFixtures::expectationsAsDocumented_data()
{
    addRows();
}

void TestFixtures::expectationsAsDocumented()
{
    const Fixture* fixture = rowFixture();
    QVERIFY(fixture);
    const auto expected = kMustAccept.contains(fixture->kind) ? Expectation::Accept : Expectation::Reject;
    QCOMPARE(fixture->expect, expected);
}

void TestFixtures::ourVerifierAgrees_data()
{
    addRows();
}

void TestFixtures::ourVerifierAgrees()
{
    // Exactly the "accept" fixtures pass our own verifier, configured as the manifest states.
    const Fixture* fixture = rowFixture();
    QVERIFY(fixture);
    const auto result = verifyRow();
    const bool passes = result && result->valid();
    std::string why = result ? result->signature.reason : result.error().message;
    if (result) {
        for (const auto& finding : result->claims.findings) {
            why += "; " + finding.message;
        }
    }
    QVERIFY2(passes == (fixture->expect == Expectation::Accept), why.c_str());
}

void TestFixtures::rejectedForTheStatedReason_data()
{
    addRows();
}

void TestFixtures::rejectedForTheStatedReason()
{
    // A fixture that fails for another reason than its own would test nothing.
    QFETCH(QString, keyName);
    const Fixture* fixture = rowFixture();
    QVERIFY(fixture);
    const auto result = verifyRow();
    using jose::ClaimCode;
    using jose::SignatureProblem;
    const auto onlyClaim = [&](ClaimCode code) {
        QVERIFY(result);
        QVERIFY2(result->signature.valid(), result->signature.reason.c_str());
        QVERIFY(result->claims.has(code));
        QCOMPARE(static_cast<int>(std::ranges::count(result->claims.findings, jose::ClaimSeverity::Error,
                                                     &jose::ClaimFinding::severity)),
                 1);
    };
    const auto signatureProblem = [&](std::initializer_list<SignatureProblem> problems) {
        QVERIFY(result);
        QVERIFY2(std::ranges::find(problems, result->signature.problem) != problems.end(),
                 result->signature.reason.c_str());
        QVERIFY(result->claims.ok());
    };
    switch (fixture->kind) {
    case Expired:
    case DuplicateExp: onlyClaim(ClaimCode::Expired); break;
    case NotYetValid: onlyClaim(ClaimCode::NotYetValid); break;
    case IssuedInFuture: onlyClaim(ClaimCode::IssuedInFuture); break;
    case WrongIssuer:
    case DuplicateIss: onlyClaim(ClaimCode::UnexpectedIssuer); break;
    case WrongAudience: onlyClaim(ClaimCode::UnexpectedAudience); break;
    case MissingExp: onlyClaim(ClaimCode::MissingClaim); break;
    case AlgNoneLowercase: signatureProblem({SignatureProblem::Unsecured}); break;
    case AlgNoneCapitalized:
    case AlgNoneUppercase: signatureProblem({SignatureProblem::UnsupportedAlgorithm}); break;
    case SignatureStripped:
    case EcdsaPsychicSignature:
        signatureProblem({SignatureProblem::MalformedSignature, SignatureProblem::SignatureMismatch});
        break;
    case SignatureOfAnotherKey:
    case HeaderBitFlipped:
    case PayloadBitFlipped:
    case SignatureBitFlipped:
    case EmbeddedJwk:
    case JkuWithAttackerKey:
    case X5uWithAttackerKey: signatureProblem({SignatureProblem::SignatureMismatch}); break;
    case PublicKeyAsHmacSecret: signatureProblem({SignatureProblem::AlgorithmNotAllowed}); break;
    case KidPathTraversalEmptySecret:
    case KidSqlInjectionKnownSecret:
        signatureProblem(keyName == "HS256" ? std::initializer_list{SignatureProblem::SignatureMismatch}
                                            : std::initializer_list{SignatureProblem::AlgorithmNotAllowed});
        break;
    case UnknownCrit: signatureProblem({SignatureProblem::UnknownCriticalHeader}); break;
    case WeakKey: signatureProblem({SignatureProblem::WeakKey}); break;
    case Base64UrlPadding:
    case Base64UrlStandardAlphabet:
    case Base64UrlTrailingBits:
        QVERIFY(!result);
        QCOMPARE(result.error().code, Errc::InvalidBase64Url);
        break;
    case Valid:
    case ExpiredWithinLeeway:
    case JkuWithRealKey:
    case X5uWithRealKey:
    case KidPathTraversal:
    case KidSqlInjection:
        QVERIFY(result && result->valid());
        QVERIFY(std::ranges::none_of(result->claims.findings,
                                     [](const auto& f) { return f.severity == jose::ClaimSeverity::Error; }));
        break;
    }
}

void TestFixtures::attacksWorkOnVulnerableVerifiers_data()
{
    addRows({Valid, ExpiredWithinLeeway, EmbeddedJwk, PublicKeyAsHmacSecret, KidPathTraversalEmptySecret,
             KidSqlInjectionKnownSecret, KidPathTraversal, KidSqlInjection, JkuWithRealKey, JkuWithAttackerKey,
             X5uWithRealKey, X5uWithAttackerKey, UnknownCrit, DuplicateExp, DuplicateIss, Base64UrlPadding,
             Base64UrlStandardAlphabet, Base64UrlTrailingBits, WeakKey});
}

void TestFixtures::attacksWorkOnVulnerableVerifiers()
{
    // Each attack fixture must succeed against the mistake it is about, or it would prove nothing.
    QFETCH(QString, keyName);
    const Fixture* fixture = rowFixture();
    QVERIFY(fixture);
    const keys::Key key = verificationKey(rowSet().key);
    const auto header = headerOf(fixture->token);
    const auto& keyCase = *std::ranges::find_if(kKeyCases, [&](const KeyCase& c) { return keyName == c.name; });
    switch (fixture->kind) {
    case EmbeddedJwk: {
        // A verifier that trusts the embedded key.
        auto embedded = keys::importJwk(header.at("jwk"));
        JWTWB_VERIFY_OK(embedded);
        QVERIFY(signatureVerifies(fixture->token, *embedded));
        QVERIFY(!signatureVerifies(fixture->token, key));
        break;
    }
    case PublicKeyAsHmacSecret: {
        QCOMPARE(header.at("alg").get<std::string>(), std::string("HS256"));
        if (keyCase.publicPemFile) {
            // The secret is the PEM text exactly as OpenSSL's command line writes it.
            const auto pem = test::readDataFile(QString::fromUtf8(keyCase.publicPemFile));
            const keys::Key pemAsSecret = keys::Key::fromSecret(crypto::SecureBytes(pem));
            QVERIFY(naiveHmacMatches(fixture->token, pemAsSecret));
            // Our verifier names the attack, given the public key or its text as the secret.
            QCOMPARE(problemWith(fixture->token, key), jose::SignatureProblem::AlgorithmConfusion);
            QCOMPARE(problemWith(fixture->token, pemAsSecret), jose::SignatureProblem::AlgorithmConfusion);
        }
        break;
    }
    case KidPathTraversalEmptySecret:
        QCOMPARE(header.at("kid").get<std::string>(), std::string("../../../../dev/null"));
        QVERIFY(signatureVerifies(fixture->token, keys::Key::fromSecret(crypto::SecureBytes())));
        break;
    case KidSqlInjectionKnownSecret:
        QCOMPARE(header.at("kid").get<std::string>(), std::string("' UNION SELECT 'secret' --"));
        QVERIFY(
            signatureVerifies(fixture->token, keys::Key::fromSecret(crypto::SecureBytes(std::string_view("secret")))));
        break;
    case KidPathTraversal:
    case KidSqlInjection:
        QVERIFY(header.at("kid").get<std::string>().starts_with(fixture->kind == KidPathTraversal ? "../" : "' UNION"));
        QVERIFY(signatureVerifies(fixture->token, key));
        break;
    case JkuWithRealKey:
    case JkuWithAttackerKey:
        QCOMPARE(header.at("jku").get<std::string>(), std::string("https://attacker.invalid/jwks.json"));
        QCOMPARE(signatureVerifies(fixture->token, key), fixture->kind == JkuWithRealKey);
        break;
    case X5uWithRealKey:
    case X5uWithAttackerKey:
        QVERIFY(header.at("x5u").get<std::string>().starts_with("https://attacker.invalid/"));
        QCOMPARE(signatureVerifies(fixture->token, key), fixture->kind == X5uWithRealKey);
        break;
    case WeakKey: {
        // Only the key's strength stands in the way: a verifier that accepts weak keys accepts the token.
        auto own = keys::importJwk(fixture->verifyWith);
        JWTWB_VERIFY_OK(own);
        QVERIFY(!jose::describeWeakKey(*own, jose::algorithmInfo(rowSet().set.verifier.algorithm).alg).empty());
        QVERIFY(signatureVerifies(fixture->token, *own));
        QVERIFY(!signatureVerifies(fixture->token, key));
        break;
    }
    case UnknownCrit: {
        // Only "crit" stands in the way: a verifier that knows the parameter accepts the signature.
        jose::JwsVerifyOptions knows;
        knows.criticalHeaders.push_back(header.at("crit").at(0).get<std::string>());
        QVERIFY(!signatureVerifies(fixture->token, key));
        QVERIFY(signatureVerifies(fixture->token, key, knows));
        break;
    }
    case DuplicateExp:
    case DuplicateIss: {
        // A parser that keeps the first value sees a valid token.
        auto parsed = encoding::parseJson(asText(strictBytes(segment(fixture->token, 1))));
        QVERIFY(parsed);
        QCOMPARE(parsed->duplicates.size(), std::size_t(1));
        QCOMPARE(parsed->duplicates.front().key, std::string(fixture->kind == DuplicateExp ? "exp" : "iss"));
        QVERIFY(signatureVerifies(fixture->token, key));
        break;
    }
    case Base64UrlPadding:
    case Base64UrlStandardAlphabet:
    case Base64UrlTrailingBits: {
        // A lenient decoder reads it, and the signature over the text as written verifies.
        auto lenient = jose::decodeCompact(fixture->token, jose::Base64Mode::Lenient);
        QVERIFY(lenient);
        QVERIFY(lenient->hasEncodingNotes());
        const auto expected = fixture->kind == Base64UrlPadding ? encoding::Base64Deviation::Padding
            : fixture->kind == Base64UrlStandardAlphabet        ? encoding::Base64Deviation::StandardAlphabet
                                                                : encoding::Base64Deviation::NonZeroTrailingBits;
        bool noted = false;
        for (const auto& part : lenient->segments) {
            noted = noted || std::ranges::any_of(part.notes, [&](const auto& n) { return n.kind == expected; });
        }
        QVERIFY(noted);
        QVERIFY(signatureVerifies(fixture->token, key));
        QVERIFY(lenient->payloadJson && lenient->payloadJson->value["sub"] == "alice");
        break;
    }
    case ExpiredWithinLeeway:
    case Valid: QVERIFY(signatureVerifies(fixture->token, key)); break;
    default: QFAIL("no check for this kind");
    }
}

void TestFixtures::damagedExactlyAsDescribed_data()
{
    addRows();
}

void TestFixtures::damagedExactlyAsDescribed()
{
    QFETCH(QString, keyName);
    const Generated& generated = rowSet();
    const Fixture* fixture = rowFixture();
    const Fixture* valid = find(keyName, Valid);
    QVERIFY(fixture && valid);
    const auto header = headerOf(fixture->token);
    const auto& token = fixture->token;
    switch (fixture->kind) {
    case AlgNoneLowercase:
    case AlgNoneCapitalized:
    case AlgNoneUppercase: {
        const char* spelled = fixture->kind == AlgNoneLowercase ? "none"
            : fixture->kind == AlgNoneCapitalized               ? "None"
                                                                : "NONE";
        QCOMPARE(header.at("alg").get<std::string>(), std::string(spelled));
        QVERIFY(token.ends_with('.'));
        QCOMPARE(segment(token, 1), segment(valid->token, 1));
        break;
    }
    case SignatureStripped: QCOMPARE(token, signingInput(valid->token) + "."); break;
    case HeaderBitFlipped:
    case PayloadBitFlipped:
    case SignatureBitFlipped: {
        const int index = fixture->kind == HeaderBitFlipped ? 0 : fixture->kind == PayloadBitFlipped ? 1 : 2;
        for (int other = 0; other < 3; ++other) {
            if (other != index) {
                QCOMPARE(segment(token, other), segment(valid->token, other));
            }
        }
        // Still canonical base64url, one bit apart.
        QVERIFY(encoding::base64UrlDecode(segment(token, index)).has_value());
        QCOMPARE(differingBits(strictBytes(segment(token, index)), strictBytes(segment(valid->token, index))), 1);
        if (index < 2) {
            QVERIFY(encoding::parseJson(asText(strictBytes(segment(token, index)))).has_value());
        }
        break;
    }
    case EcdsaPsychicSignature: {
        const Bytes signature = strictBytes(segment(token, 2));
        QCOMPARE(signature.size(), std::size_t(64));
        QVERIFY(std::ranges::all_of(signature, [](std::uint8_t b) { return b == 0; }));
        QCOMPARE(signingInput(token), signingInput(valid->token));
        break;
    }
    case SignatureOfAnotherKey:
        QCOMPARE(signingInput(token), signingInput(valid->token));
        QVERIFY(token != valid->token);
        break;
    case IssuedInFuture: {
        auto claims = encoding::parseJson(asText(strictBytes(segment(token, 1))));
        QVERIFY(claims);
        QVERIFY(claims->value["iat"].get<std::int64_t>() > kNow + 30);
        break;
    }
    case ExpiredWithinLeeway: {
        // Really expired without the leeway.
        auto claims = encoding::parseJson(asText(strictBytes(segment(token, 1))));
        QVERIFY(claims);
        const auto exp = claims->value["exp"].get<std::int64_t>();
        QVERIFY(exp <= kNow && exp > kNow - 30);
        auto strictOptions = verifyOptionsFor(generated.set.verifier);
        strictOptions.claims.leeway = std::chrono::seconds(0);
        const keys::Key key = verificationKey(generated.key);
        auto result = jose::verifyJwt(token, jose::KeySource::single(key), strictOptions);
        QVERIFY(result && result->claims.has(jose::ClaimCode::Expired));
        break;
    }
    default: {
        // Everything else keeps the claims' own members.
        auto lenient = jose::decodeCompact(token, jose::Base64Mode::Lenient);
        QVERIFY(lenient && lenient->payloadJson);
        QCOMPARE(lenient->payloadJson->value["name"].get<std::string>(), std::string("Alice Example"));
        QVERIFY(lenient->payloadJson->value["admin"] == encoding::Json(false));
    }
    }
}

void TestFixtures::otherAlgorithmsAgree_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<QString>("keyFile"); // empty: generate one
    QTest::addColumn<int>("keyType");
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("bits");
    using keys::Curve;
    using keys::KeyType;
    QTest::newRow("HS512") << int(jose::JwsAlgorithm::HS512) << QString() << int(KeyType::Oct) << int(Curve::None)
                           << 512;
    QTest::newRow("PS384") << int(jose::JwsAlgorithm::PS384) << QStringLiteral("keys/rsa-2048-pkcs1.pem")
                           << int(KeyType::Rsa) << int(Curve::None) << 0;
    QTest::newRow("ES384") << int(jose::JwsAlgorithm::ES384) << QString() << int(KeyType::Ec) << int(Curve::P384) << 0;
    QTest::newRow("ES512") << int(jose::JwsAlgorithm::ES512) << QString() << int(KeyType::Ec) << int(Curve::P521) << 0;
    QTest::newRow("ES256K") << int(jose::JwsAlgorithm::ES256K) << QString() << int(KeyType::Ec) << int(Curve::Secp256k1)
                            << 0;
    QTest::newRow("Ed448") << int(jose::JwsAlgorithm::EdDSA) << QString() << int(KeyType::Okp) << int(Curve::Ed448)
                           << 0;
}

void TestFixtures::otherAlgorithmsAgree()
{
    QFETCH(int, algorithm);
    QFETCH(QString, keyFile);
    QFETCH(int, keyType);
    QFETCH(int, curve);
    QFETCH(int, bits);
    auto key = keyFile.isEmpty()
        ? keys::generateKey({static_cast<keys::KeyType>(keyType), bits, static_cast<keys::Curve>(curve)})
        : keys::importPem(test::readDataFile(keyFile));
    JWTWB_VERIFY_OK(key);
    FixtureOptions options;
    options.now = test::at(kNow);
    options.algorithm = static_cast<jose::JwsAlgorithm>(algorithm);
    // Escapes and non-ASCII text in the claims survive every construction.
    auto set = generateFixtures(R"({"name":"J\u00fcrgen \"JJ\" M\u00fcller","roles":["a","b"],"n":0})", *key, options);
    JWTWB_VERIFY_OK(set);
    const bool ecdsa = jose::algorithmInfo(options.algorithm.value()).family == jose::AlgorithmFamily::Ecdsa;
    const bool secret = key->type() == keys::KeyType::Oct;
    const bool fixedSize = key->type() == keys::KeyType::Ec || key->type() == keys::KeyType::Okp;
    QCOMPARE(set->fixtures.size(), std::size_t(34 - (ecdsa ? 0 : 1) - (secret ? 1 : 0) - (fixedSize ? 1 : 0)));
    const keys::Key verifier = verificationKey(*key);
    for (const auto& fixture : set->fixtures) {
        const auto own
            = fixture.verifyWith.is_null() ? Result<keys::Key>(verifier) : keys::importJwk(fixture.verifyWith);
        JWTWB_VERIFY_OK(own);
        const auto result
            = jose::verifyJwt(fixture.token, jose::KeySource::single(*own), verifyOptionsFor(set->verifier));
        QVERIFY2((result && result->valid()) == (fixture.expect == Expectation::Accept), fixture.name().data());
        QCOMPARE(fixture.expect, kMustAccept.contains(fixture.kind) ? Expectation::Accept : Expectation::Reject);
    }
}

void TestFixtures::fromToken()
{
    // The jwt.io sample: its claims, its header's typ; the key decides the signature.
    const std::string sample
        = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwia"
          "WF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    FixtureOptions options;
    options.now = test::at(kNow);
    // Its own 19-byte secret is refused: the "valid" fixtures would not be valid for a conforming verifier.
    const keys::Key sampleSecret = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("your-256-bit-secret")));
    const auto refused = generateFixturesFromToken(sample, sampleSecret, options);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Errc::WeakKey);
    QVERIFY(refused.error().message.find("19 bytes") != std::string::npos);
    const keys::Key secret = keys::Key::fromSecret(crypto::SecureBytes(std::string(32, 's')));
    auto set = generateFixturesFromToken(sample, secret, options);
    JWTWB_VERIFY_OK(set);
    QCOMPARE(set->verifier.algorithm, jose::JwsAlgorithm::HS256);
    QCOMPARE(set->verifier.issuer, std::string(kDefaultIssuer));
    QCOMPARE(set->verifier.audience, std::string(kDefaultAudience));
    const auto& valid = set->fixtures.front();
    QCOMPARE(valid.kind, Valid);
    auto decoded = jose::decodeCompact(valid.token);
    QVERIFY(decoded && decoded->payloadJson);
    const auto& claims = decoded->payloadJson->value;
    QCOMPARE(claims["sub"].get<std::string>(), std::string("1234567890"));
    QCOMPARE(claims["iat"].get<std::int64_t>(), kNow); // re-based on now
    QCOMPARE(claims["exp"].get<std::int64_t>(), kNow + 3600);
    QCOMPARE(decoded->header.value["typ"].get<std::string>(), std::string("JWT"));

    // Its own iss and aud become the expectations; an RS256 key signs RS256 whatever the token said.
    const std::string withIssuer = "eyJhbGciOiJIUzI1NiJ9."
        + encoding::base64UrlEncode(std::string_view(R"({"iss":"https://idp.example","aud":["a","b"],"sub":"x"})"))
        + ".c2ln";
    auto rsa = keys::importPem(test::readDataFile(QStringLiteral("keys/rsa-2048-pkcs8.pem")));
    JWTWB_VERIFY_OK(rsa);
    FixtureOptions rsaOptions = options;
    rsaOptions.algorithm = jose::JwsAlgorithm::PS256;
    auto fromRsa = generateFixturesFromToken(withIssuer, *rsa, rsaOptions);
    JWTWB_VERIFY_OK(fromRsa);
    QCOMPARE(fromRsa->verifier.issuer, std::string("https://idp.example"));
    QCOMPARE(fromRsa->verifier.audience, std::string("a"));
    QCOMPARE(fromRsa->verifier.algorithm, jose::JwsAlgorithm::PS256);
    auto rsaValid = jose::decodeCompact(fromRsa->fixtures.front().token);
    QVERIFY(rsaValid && rsaValid->payloadJson);
    QVERIFY(rsaValid->payloadJson->value["aud"] == encoding::Json::array({"a", "b"}));
    QCOMPARE(rsaValid->header.value["alg"].get<std::string>(), std::string("PS256"));
    QVERIFY(!rsaValid->header.value.contains("typ") || rsaValid->header.value["typ"] == "JWT");
}

void TestFixtures::verifierOptionsStated()
{
    const FixtureSet& set = m_generated.at(QStringLiteral("ES256")).set;
    const auto options = verifierOptionsJson(set.verifier);
    QVERIFY(options["algorithms"] == encoding::Json::array({"ES256"}));
    QCOMPARE(options["issuer"].get<std::string>(), std::string("https://login.example"));
    QCOMPARE(options["audience"].get<std::string>(), std::string("orders-api"));
    QCOMPARE(options["leeway"].get<std::int64_t>(), std::int64_t(30));
    QCOMPARE(options["now"].get<std::int64_t>(), kNow);
    QCOMPARE(options["nowUtc"].get<std::string>(), std::string("2026-11-29T00:00:00Z"));
    QVERIFY(options["requiredClaims"] == encoding::Json::array({"exp", "iat"}));
    QVERIFY(options.contains("maxTokenAge"));
}

void TestFixtures::manifest()
{
    const FixtureSet& set = m_generated.at(QStringLiteral("HS256")).set;
    const auto manifest = fixtureManifest(set);
    QVERIFY(manifest.is_array());
    QCOMPARE(manifest.size(), set.fixtures.size());
    QCOMPARE(manifest[0]["file"].get<std::string>(), std::string("01-valid.jwt"));
    QCOMPARE(manifest[0]["expect"].get<std::string>(), std::string("accept"));
    QCOMPARE(manifest[1]["file"].get<std::string>(), std::string("02-expired.jwt"));
    QCOMPARE(manifest[1]["expect"].get<std::string>(), std::string("reject"));
    std::set<std::string> files;
    for (const auto& entry : manifest) {
        QVERIFY(files.insert(entry["file"].get<std::string>()).second);
        if (entry["name"] == "weak-key") {
            // Its own key, stated in the entry: a verifier must refuse it although the signature matches.
            QVERIFY(entry["verifyWith"].is_object());
            QCOMPARE(entry["verifyWith"]["kty"].get<std::string>(), std::string("oct"));
            QVERIFY(entry["verifierOptions"]["key"].get<std::string>().find("verifyWith") != std::string::npos);
        } else {
            QVERIFY(!entry.contains("verifyWith"));
            QVERIFY(entry["verifierOptions"] == verifierOptionsJson(set.verifier));
        }
        QVERIFY(!entry["reason"].get<std::string>().empty());
    }
    // HS256 leaves out the public-key confusion and the ECDSA signature, and says why.
    const auto skipped = skippedFixturesJson(set);
    QCOMPARE(skipped.size(), std::size_t(2));
    QCOMPARE(skipped[0]["name"].get<std::string>(), std::string("public-key-as-hmac-secret"));
    QCOMPARE(skipped[1]["name"].get<std::string>(), std::string("ecdsa-psychic-signature"));
    QCOMPARE(QString::fromStdString(fixtureFileName(set.fixtures.back())), QStringLiteral("34-weak-key.jwt"));
}

void TestFixtures::badInput()
{
    const keys::Key secret = keys::Key::fromSecret(crypto::SecureBytes(kHmacSecret));
    FixtureOptions options;
    options.now = test::at(kNow);
    JWTWB_VERIFY_ERROR(generateFixtures("[1,2]", secret, options), Errc::NotAJsonObject, "JSON object");
    JWTWB_VERIFY_ERROR(generateFixtures("{\"a\":1,\"a\":2}", secret, options), Errc::DuplicateMember, "claims");
    JWTWB_VERIFY_ERROR(generateFixtures("{", secret, options), Errc::InvalidJson, "claims");
    JWTWB_VERIFY_ERROR(generateFixturesFromToken("not a token", secret, options), Errc::MalformedToken, "");

    // A public key cannot sign the fixtures.
    auto publicKey = keys::importPem(test::readDataFile(QStringLiteral("keys/ec-p256-spki.pem")));
    JWTWB_VERIFY_OK(publicKey);
    JWTWB_VERIFY_ERROR(generateFixtures("{}", *publicKey, options), Errc::KeyMismatch, "private");

    // An algorithm the key cannot do.
    options.algorithm = jose::JwsAlgorithm::RS256;
    JWTWB_VERIFY_ERROR(generateFixtures("{}", secret, options), Errc::KeyMismatch, "RSA");

    // Leeway 0: nothing is expired within it.
    options.algorithm.reset();
    options.leeway = std::chrono::seconds(0);
    auto noLeeway = generateFixtures("{}", secret, options);
    JWTWB_VERIFY_OK(noLeeway);
    QVERIFY(std::ranges::count(noLeeway->skipped, ExpiredWithinLeeway, &SkippedFixture::kind) == 1);
}

void TestFixtures::tamperingHelpers()
{
    // Known answers worked out by hand from RFC 4648's alphabet.
    QCOMPARE(withPadding("Zg"), std::string("Zg=="));
    QCOMPARE(withPadding("Zm8"), std::string("Zm8="));
    QCOMPARE(withPadding("Zm9v"), std::string("Zm9v"));
    QCOMPARE(withNonZeroTrailingBits("Zg").value_or(""), std::string("Zh")); // 'f' = 011001|10 + 0001
    QCOMPARE(withNonZeroTrailingBits("Zm8").value_or(""), std::string("Zm9"));
    QVERIFY(!withNonZeroTrailingBits("Zm9v"));
    QCOMPARE(withStandardAlphabet("a-b_c"), std::string("a+b/c"));
    QCOMPARE(unsignedCompact("{}", "{}"), std::string("e30.e30."));

    std::string json = R"({"typ":"JWT","n":10,"e":"\u00e9\n"})";
    auto flip = flipBitInJsonText(json);
    QVERIFY(flip);
    // The last letter or digit outside escapes: the member name "e", not the escapes after it.
    QCOMPARE(json, std::string(R"({"typ":"JWT","n":10,"d":"\u00e9\n"})"));
    std::string noCandidate = R"(["\n",true,null])";
    QVERIFY(!flipBitInJsonText(noCandidate));
    std::string oneDigit = R"({"a":1})";
    QVERIFY(flipBitInJsonText(oneDigit));
    QCOMPARE(oneDigit, std::string(R"({"a":0})"));

    Bytes bytes{0x00, 0x10, 0xff};
    auto middle = flipBitInMiddle(bytes);
    QVERIFY(middle);
    QCOMPARE(middle->offset, std::size_t(1));
    QVERIFY(bytes == (Bytes{0x00, 0x11, 0xff}));
    Bytes empty;
    QVERIFY(!flipBitInMiddle(empty));
}

QTEST_GUILESS_MAIN(TestFixtures)
#include "TestFixtures.moc"
