#include "jose/TokenExtractor.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jose;

namespace {
const QString kToken = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
}

class TestTokenExtractor : public QObject
{
    Q_OBJECT

private slots:
    void pastedForms_data();
    void pastedForms();
    void emptyInput();
    void unrecognisedTextIsReturnedForDecoding();
};

void TestTokenExtractor::pastedForms_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("expected"); // empty: kToken

    QTest::newRow("bare") << kToken << int(TokenSource::Bare) << QString();
    QTest::newRow("surrounding whitespace") << "\n\t  " + kToken + "  \r\n" << int(TokenSource::Bare) << QString();
    QTest::newRow("double quotes") << "\"" + kToken + "\"" << int(TokenSource::Bare) << QString();
    QTest::newRow("single quotes and spaces") << "  ' " + kToken + " '\n" << int(TokenSource::Bare) << QString();
    QTest::newRow("backticks") << "`" + kToken + "`" << int(TokenSource::Bare) << QString();
    QTest::newRow("bearer") << "Bearer " + kToken << int(TokenSource::BearerScheme) << QString();
    QTest::newRow("bearer lower case") << "bearer   " + kToken << int(TokenSource::BearerScheme) << QString();
    QTest::newRow("authorization header")
        << "Authorization: Bearer " + kToken << int(TokenSource::AuthorizationHeader) << QString();
    QTest::newRow("authorization header lower case, CRLF") << "authorization:bearer " + kToken + "\r\n"
                                                           << int(TokenSource::AuthorizationHeader) << QString();
    QTest::newRow("quoted header") << "\"Authorization: Bearer " + kToken + "\""
                                   << int(TokenSource::AuthorizationHeader) << QString();
    QTest::newRow("url fragment id_token")
        << "https://app.example/cb#id_token=" + kToken + "&state=xyz&token_type=Bearer"
        << int(TokenSource::UrlParameter) << QString();
    QTest::newRow("url query access_token")
        << "https://api.example/v1?x=1&access_token=" + kToken << int(TokenSource::UrlParameter) << QString();
    QTest::newRow("bare fragment") << "#access_token=" + kToken + "&expires_in=3600" << int(TokenSource::UrlParameter)
                                   << QString();
    QTest::newRow("json access_token") << "{\"token_type\":\"Bearer\",\"access_token\":\"" + kToken
            + "\",\"expires_in\":300}" << int(TokenSource::JsonMember)
                                       << QString();
    QTest::newRow("json id_token pretty")
        << "{\n  \"id_token\": \"" + kToken + "\"\n}" << int(TokenSource::JsonMember) << QString();
    QTest::newRow("curl command line") << "curl -H 'Authorization: Bearer " + kToken + "' https://api.example/"
                                       << int(TokenSource::Embedded) << QString();
    QTest::newRow("log line") << "2026-01-01 DEBUG token=" + kToken + " user=42" << int(TokenSource::Embedded)
                              << QString();
    QTest::newRow("malformed bare stays bare") << "  abc.def  " << int(TokenSource::Bare) << "abc.def";
}

void TestTokenExtractor::pastedForms()
{
    QFETCH(QString, pasted);
    QFETCH(int, source);
    QFETCH(QString, expected);
    if (expected.isEmpty()) {
        expected = kToken;
    }
    const std::string text = pasted.toStdString();
    const auto result = extractToken(text);
    QVERIFY(result.has_value());
    QCOMPARE(QString::fromStdString(result->token), expected);
    QCOMPARE(int(result->source), source);
    QCOMPARE(QString::fromStdString(text.substr(result->offset, result->token.size())), expected);
}

void TestTokenExtractor::emptyInput()
{
    for (const char* text : {"", "   ", "\n\t", "\"\"", "' '"}) {
        const auto result = extractToken(text);
        QVERIFY2(!result.has_value(), text);
        QCOMPARE(result.error().code, Errc::EmptyInput);
    }
}

void TestTokenExtractor::unrecognisedTextIsReturnedForDecoding()
{
    const auto result = extractToken("hello world");
    QVERIFY(result.has_value());
    QCOMPARE(result->token, std::string("hello world"));
    QCOMPARE(result->source, TokenSource::Bare);
}

QTEST_GUILESS_MAIN(TestTokenExtractor)
#include "TestTokenExtractor.moc"
