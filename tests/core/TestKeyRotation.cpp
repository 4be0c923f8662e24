#include "jose/JwsSigner.h"
#include "keys/KeyGenerator.h"
#include "rotation/KeyRotation.h"

#include <QTest>

#include <fmt/format.h>

using namespace jwtwb;
using rotation::TokenFate;

namespace {

constexpr std::int64_t kNow = 1795860000; // 2026-11-28T10:00:00Z

keys::Key ecKey(const char* kid)
{
    auto key = keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256});
    if (!key) {
        qFatal("cannot generate a key");
    }
    key->parameters().kid = kid;
    return std::move(*key);
}

keys::Key publicOf(const keys::Key& key)
{
    auto out = key.publicKey();
    if (!out) {
        qFatal("no public key");
    }
    out->parameters().kid = key.parameters().kid;
    return std::move(*out);
}

// An ES256 token with the key's kid, expiring `expiresIn` seconds from kNow (no exp when empty).
std::string token(const keys::Key& key, std::optional<std::int64_t> expiresIn)
{
    const std::string payload
        = expiresIn ? fmt::format(R"({{"sub":"a","exp":{}}})", kNow + *expiresIn) : std::string(R"({"sub":"a"})");
    auto signed_ = jose::signCompact(fmt::format(R"({{"alg":"ES256","kid":"{}"}})", key.parameters().kid),
                                     asBytes(payload), &key);
    if (!signed_) {
        qFatal("cannot sign: %s", signed_.error().message.c_str());
    }
    return *signed_;
}

jose::JwtVerifyOptions at(std::int64_t now)
{
    jose::JwtVerifyOptions options;
    options.claims.now = std::chrono::sys_seconds(std::chrono::seconds(now));
    return options;
}

} // namespace

class TestKeyRotation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fates_data();
    void fates();
    void summaries_data();
    void summaries();
    void tokenThatDoesNotDecode();
    void keyLabels();

private:
    keys::Key m_old = ecKey("2026-11");
    keys::Key m_new = ecKey("2026-12");
    std::vector<keys::Key> m_both;
    std::vector<keys::Key> m_newOnly;
    std::vector<keys::Key> m_oldOnly;
};

void TestKeyRotation::initTestCase()
{
    m_both = {publicOf(m_old), publicOf(m_new)};
    m_newOnly = {publicOf(m_new)};
    m_oldOnly = {publicOf(m_old)};
}

void TestKeyRotation::fates_data()
{
    QTest::addColumn<bool>("signedWithOld");
    QTest::addColumn<int>("expiresIn"); // seconds; INT_MIN: no exp
    QTest::addColumn<QString>("change"); // "retire old", "add new", "keep"
    QTest::addColumn<int>("fate");

    QTest::newRow("old key retired, token live") << true << 900 << "retire old" << int(TokenFate::Breaks);
    QTest::newRow("old key retired, no exp") << true << INT_MIN << "retire old" << int(TokenFate::Breaks);
    QTest::newRow("old key retired, token expired") << true << -60 << "retire old" << int(TokenFate::BreaksExpired);
    QTest::newRow("old key retired, exp == now") << true << 0 << "retire old" << int(TokenFate::BreaksExpired);
    QTest::newRow("new key's token, old retired") << false << 900 << "retire old" << int(TokenFate::Unaffected);
    QTest::newRow("nothing changes") << true << 900 << "keep" << int(TokenFate::Unaffected);
    QTest::newRow("new key added") << false << 900 << "add new" << int(TokenFate::StartsVerifying);
}

void TestKeyRotation::fates()
{
    QFETCH(bool, signedWithOld);
    QFETCH(int, expiresIn);
    QFETCH(QString, change);
    QFETCH(int, fate);

    const std::vector<std::string> tokens{token(
        signedWithOld ? m_old : m_new, expiresIn == INT_MIN ? std::nullopt : std::optional<std::int64_t>(expiresIn))};
    const auto& before = change == "add new" ? m_oldOnly : m_both;
    const auto& after = change == "retire old" ? m_newOnly : m_both;
    const auto report = rotation::rehearseRotation(tokens, before, after, at(kNow));
    QCOMPARE(report.tokens.size(), std::size_t(1));
    const auto& result = report.tokens.front();
    QCOMPARE(int(result.fate), fate);
    QVERIFY(result.error.empty());
    // The key that verified is named by its place in the set; a failing set says why.
    if (result.before.verifies) {
        QCOMPARE(before[*result.before.keyIndex].parameters().kid, (signedWithOld ? m_old : m_new).parameters().kid);
    } else {
        QVERIFY(!result.before.reason.empty());
    }
    if (!result.after.verifies) {
        QVERIFY2(result.after.reason.find("no key in the set fits") != std::string::npos, result.after.reason.c_str());
    }
    QCOMPARE(report.breaksLiveTokens(), fate == int(TokenFate::Breaks));
    if (expiresIn != INT_MIN) {
        QCOMPARE(result.expires->time_since_epoch().count(), kNow + expiresIn);
    } else {
        QVERIFY(!result.expires);
    }
}

void TestKeyRotation::summaries_data()
{
    QTest::addColumn<QList<int>>("oldKeyTokens"); // expiresIn each; INT_MIN: no exp
    QTest::addColumn<QString>("summary");

    QTest::newRow("three live, longest 15 min")
        << QList<int>{60, 900, 300} << "3 tokens fail now; all would expire within 15 min";
    QTest::newRow("one live") << QList<int>{7200} << "1 token fails now; it would expire within 2 h";
    QTest::newRow("one forever") << QList<int>{INT_MIN} << "1 token fails now; it never expires (no exp)";
    QTest::newRow("mixed")
        << QList<int>{INT_MIN, 600, -5}
        << "2 tokens fail now; 1 of them never expires (no exp), the other would expire within 10 min; 1 more "
           "would fail but has expired anyway";
    QTest::newRow("only expired ones") << QList<int>{-5, -3600}
                                       << "no token that is still valid would fail; 2 more would fail but have "
                                          "expired anyway";
    QTest::newRow("none") << QList<int>{} << "no token that is still valid would fail";
}

void TestKeyRotation::summaries()
{
    QFETCH(QList<int>, oldKeyTokens);
    QFETCH(QString, summary);
    std::vector<std::string> tokens;
    for (const int expiresIn : oldKeyTokens) {
        tokens.push_back(token(m_old, expiresIn == INT_MIN ? std::nullopt : std::optional<std::int64_t>(expiresIn)));
    }
    tokens.push_back(token(m_new, 60)); // unaffected: never counted
    const auto report = rotation::rehearseRotation(tokens, m_both, m_newOnly, at(kNow));
    QCOMPARE(QString::fromStdString(report.summary()), summary);
}

void TestKeyRotation::tokenThatDoesNotDecode()
{
    const std::vector<std::string> tokens{"not-a-token", token(m_old, 60)};
    const auto report = rotation::rehearseRotation(tokens, m_both, m_both, at(kNow));
    QCOMPARE(int(report.tokens[0].fate), int(TokenFate::NeverVerifies));
    QVERIFY(!report.tokens[0].error.empty());
    QCOMPARE(int(report.tokens[1].fate), int(TokenFate::Unaffected));
    QVERIFY(!report.breaksLiveTokens());
}

void TestKeyRotation::keyLabels()
{
    keys::Key unnamed = publicOf(m_old);
    unnamed.parameters().kid.clear();
    const std::vector<keys::Key> set{m_old, unnamed};
    QCOMPARE(QString::fromStdString(rotation::keyLabel(set, 0)), QStringLiteral("kid \"2026-11\""));
    QCOMPARE(QString::fromStdString(rotation::keyLabel(set, 1)), QStringLiteral("key 2"));
}

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "TestKeyRotation.moc"
