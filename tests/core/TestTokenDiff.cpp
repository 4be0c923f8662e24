#include "encoding/Base64Url.h"
#include "inspect/TokenDiff.h"
#include "jose/CompactToken.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::inspect;
using encoding::Json;

// Two tokens compared member by member: what was added, removed and changed, with times as differences.
class TestTokenDiff : public QObject
{
    Q_OBJECT

private slots:
    void sameClaimsInAnotherOrder();
    void addedRemovedChanged();
    void timesAsDifferences_data();
    void timesAsDifferences();
    void payloadThatIsNotJson();
};

namespace {

jose::CompactToken token(std::string_view header, std::string_view payload)
{
    auto decoded
        = jose::decodeCompact(encoding::base64UrlEncode(header) + "." + encoding::base64UrlEncode(payload) + ".c2ln");
    if (!decoded) {
        qFatal("test token does not decode: %s", decoded.error().message.c_str());
    }
    return std::move(*decoded);
}

const MemberDiff& member(const TokenDiff& diff, std::string_view part, std::string_view name)
{
    const auto it
        = std::ranges::find_if(diff.members, [&](const MemberDiff& m) { return m.part == part && m.name == name; });
    if (it == diff.members.end()) {
        qFatal("no member %s", std::string(name).c_str());
    }
    return *it;
}

} // namespace

void TestTokenDiff::sameClaimsInAnotherOrder()
{
    const TokenDiff diff = diffTokens(token(R"({"alg":"HS256","typ":"JWT"})", R"({"sub":"a","exp":10})"),
                                      token(R"({"typ":"JWT","alg":"HS256"})", R"({"exp":10,"sub":"a"})"));
    QVERIFY(diff.same());
    QCOMPARE(diff.members.size(), std::size_t(4));
}

void TestTokenDiff::addedRemovedChanged()
{
    const TokenDiff diff = diffTokens(token(R"({"alg":"RS256","kid":"k1"})", R"({"sub":"a","scope":"read","iss":"x"})"),
                                      token(R"({"alg":"ES256","kid":"k2"})", R"({"sub":"a","iss":"x","aud":"api"})"));
    QVERIFY(!diff.same());
    QCOMPARE(member(diff, "header", "alg").change, MemberChange::Changed);
    QVERIFY(*member(diff, "header", "alg").before == "RS256");
    QVERIFY(*member(diff, "header", "alg").after == "ES256");
    QCOMPARE(member(diff, "header", "kid").change, MemberChange::Changed);
    QCOMPARE(member(diff, "payload", "scope").change, MemberChange::Removed);
    QVERIFY(!member(diff, "payload", "scope").after.has_value());
    QCOMPARE(member(diff, "payload", "aud").change, MemberChange::Added);
    QCOMPARE(member(diff, "payload", "sub").change, MemberChange::Same);
    QCOMPARE(diff.count(MemberChange::Changed), std::size_t(2));
    QCOMPARE(diff.count(MemberChange::Added), std::size_t(1));
    QCOMPARE(diff.count(MemberChange::Removed), std::size_t(1));
    // The first token's order, then what only the second has.
    QCOMPARE(diff.members.back().name, std::string("aud"));
    QCOMPARE(memberChangeName(MemberChange::Removed), std::string_view("removed"));
}

void TestTokenDiff::timesAsDifferences_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("note");
    QTest::newRow("an hour later") << "1000"
                                   << "4600"
                                   << "1 h later";
    QTest::newRow("five minutes earlier") << "1000"
                                          << "700"
                                          << "5 min earlier";
    QTest::newRow("two days later") << "0"
                                    << "172800"
                                    << "2 days later";
    QTest::newRow("not a date") << "1000"
                                << "\"soon\""
                                << "";
}

void TestTokenDiff::timesAsDifferences()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, note);
    const TokenDiff diff = diffTokens(token(R"({"alg":"HS256"})", "{\"exp\":" + before.toStdString() + "}"),
                                      token(R"({"alg":"HS256"})", "{\"exp\":" + after.toStdString() + "}"));
    QCOMPARE(member(diff, "payload", "exp").change, MemberChange::Changed);
    QCOMPARE(QString::fromStdString(member(diff, "payload", "exp").note), note);
}

void TestTokenDiff::payloadThatIsNotJson()
{
    const TokenDiff diff = diffTokens(token(R"({"alg":"HS256"})", "hello"), token(R"({"alg":"HS256"})", "hullo"));
    QVERIFY(!diff.payloadsComparable);
    QCOMPARE(member(diff, "payload", "payload").change, MemberChange::Changed);
    QVERIFY(diffTokens(token(R"({"alg":"HS256"})", "hello"), token(R"({"alg":"HS256"})", "hello")).same());
}

QTEST_GUILESS_MAIN(TestTokenDiff)
#include "TestTokenDiff.moc"
