#include "TestData.h"
#include "encoding/Text.h"
#include "inspect/TokenExtractor.h"

#include <QTest>

using namespace jwtwb;
using namespace jwtwb::jose;
using namespace jwtwb::inspect;

namespace {
// jwt.io's sample, HS256 with "your-256-bit-secret": the ID token below.
const QString kToken = QStringLiteral(
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
// RFC 7519 §3.1, HS256: the refresh token (or a second JWT) below.
const QString kRfc7519 = QStringLiteral(
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNv"
    "bS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
// RFC 7516 Appendix A.1: RSA-OAEP and A256GCM, five parts.
const QString kJwe = QStringLiteral(
    "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeip"
    "sEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZA"
    "YpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66o"
    "c6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_"
    "c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs"
    "9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ");
// Opaque access tokens: OpenID Connect Core §3.2.2.5's example, and one shaped like Google's.
const QString kOpaque = QStringLiteral("SlAV32hkKG");
const QString kYa29 = QStringLiteral("ya29.a0AfB_byC3x9kQm2LwT7Yq");
} // namespace

class TestTokenExtractor : public QObject
{
    Q_OBJECT

private slots:
    void pastedForms_data();
    void pastedForms();
    void candidates_data();
    void candidates();
    void pickByName();
    void emptyInput();
    void unrecognisedTextIsReturnedForDecoding();
    void kindByShapeAndHeader_data();
    void kindByShapeAndHeader();
    void exactlyOneToken_data();
    void exactlyOneToken();
    void sdJwtIsOneToken_data();
    void sdJwtIsOneToken();
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
    QTest::newRow("form body") << "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=" + kToken
                               << int(TokenSource::FormField) << QString();
    QTest::newRow("sentence") << "The token is " + kToken + "." << int(TokenSource::Embedded) << QString();
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

void TestTokenExtractor::candidates_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QStringList>("names"); // every candidate, in the order of the text
    QTest::addColumn<QStringList>("tokens");
    QTest::addColumn<QString>("chosen");

    const QString fragment = QStringLiteral("https://client.example.org/cb#");
    QTest::newRow("oidc fragment, access_token first")
        << fragment + "access_token=" + kOpaque + "&token_type=Bearer&id_token=" + kToken + "&state=af0ifjsldkj"
        << QStringList{"access_token", "id_token"} << QStringList{kOpaque, kToken} << "id_token";
    QTest::newRow("oidc fragment, id_token first")
        << fragment + "id_token=" + kToken + "&state=af0ifjsldkj&token_type=Bearer&access_token=" + kOpaque
        << QStringList{"id_token", "access_token"} << QStringList{kToken, kOpaque} << "id_token";
    QTest::newRow("query and fragment") << "https://app.example/cb?code=SplxlOBeZQQYbYS6WxSbIA&session_token="
            + kRfc7519 + "#id_token=" + kToken
                                        << QStringList{"session_token", "id_token"} << QStringList{kRfc7519, kToken}
                                        << "session_token";
    QTest::newRow("token response, access_token first")
        << "{\"access_token\":\"" + kYa29 + "\",\"expires_in\":3599,\"id_token\":\"" + kToken + "\"}"
        << QStringList{"access_token", "id_token"} << QStringList{kYa29, kToken} << "id_token";
    QTest::newRow("token response, id_token first")
        << "{\n  \"id_token\": \"" + kToken + "\",\n  \"expires_in\": 3599,\n  \"access_token\": \"" + kYa29
            + "\",\n  \"token_type\": \"Bearer\",\n  \"scope\": \"openid email\"\n}"
        << QStringList{"id_token", "access_token"} << QStringList{kToken, kYa29} << "id_token";
    QTest::newRow("refresh token beside an id token")
        << "{\"refresh_token\":\"" + kRfc7519 + "\",\"token_type\":\"Bearer\",\"id_token\":\"" + kToken + "\"}"
        << QStringList{"refresh_token", "id_token"} << QStringList{kRfc7519, kToken} << "id_token";
    QTest::newRow("only a refresh token decodes")
        << "{\"access_token\":\"" + kOpaque + "\",\"refresh_token\":\"" + kRfc7519 + "\"}"
        << QStringList{"access_token", "refresh_token"} << QStringList{kOpaque, kRfc7519} << "refresh_token";
    QTest::newRow("nested json") << "{\"user\":\"alice\",\"result\":{\"tokens\":{\"access_token\":\"" + kOpaque
            + "\",\"id_token\":\"" + kToken + "\"}}}"
                                 << QStringList{"result.tokens.access_token", "result.tokens.id_token"}
                                 << QStringList{kOpaque, kToken} << "result.tokens.id_token";
    QTest::newRow("json array, any member name")
        << "[{\"name\":\"a\",\"value\":\"" + kJwe + "\"},{\"name\":\"b\",\"value\":\"" + kToken + "\"}]"
        << QStringList{"[0].value", "[1].value"} << QStringList{kJwe, kToken} << "[0].value";
    QTest::newRow("json header value") << "{\"request\":{\"headers\":{\"Authorization\":\"Bearer " + kToken + "\"}}}"
                                       << QStringList{"request.headers.Authorization"} << QStringList{kToken}
                                       << "request.headers.Authorization";
    QTest::newRow("form body") << "grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=" + kToken
            + "&actor_token=" + kRfc7519 + "&scope=openid"
                               << QStringList{"subject_token", "actor_token"} << QStringList{kToken, kRfc7519}
                               << "subject_token";
    QTest::newRow("form body, one opaque token")
        << "grant_type=refresh_token&refresh_token=" + kOpaque + "&client_id=s6BhdRkqt3" << QStringList{"refresh_token"}
        << QStringList{kOpaque} << "refresh_token";
    QTest::newRow("free text with two tokens")
        << "first " + kRfc7519 + ",\nthen " + kToken + "." << QStringList{"token#1", "token#2"}
        << QStringList{kRfc7519, kToken} << "token#1";
    // Caught by FuzzExtractor's property "candidate names are unique" (the input is its seed
    // regression-numbered-name-taken): pick("a.b#1") could not reach the member "a.b#1".
    QTest::newRow("a numbered name that a member has already")
        << "{\"a\":{\"b\":\"" + kToken + "\"},\"a.b\":\"" + kRfc7519 + "\",\"a.b#1\":\"" + kJwe + "\"}"
        << QStringList{"a.b#2", "a.b#3", "a.b#1"} << QStringList{kToken, kRfc7519, kJwe} << "a.b#2";
    QTest::newRow("log line with named tokens")
        << "DEBUG refresh_token: " + kRfc7519 + " id_token=\"" + kToken + "\""
        << QStringList{"refresh_token", "id_token"} << QStringList{kRfc7519, kToken} << "id_token";
    QTest::newRow("bearer header") << "Authorization: Bearer " + kToken << QStringList{"Authorization"}
                                   << QStringList{kToken} << "Authorization";
    QTest::newRow("opaque bearer value") << "Bearer " + kOpaque << QStringList{"Authorization"} << QStringList{kOpaque}
                                         << "Authorization";
    QTest::newRow("jwe beside an opaque token")
        << "#access_token=" + kOpaque + "&id_token=" + kJwe << QStringList{"access_token", "id_token"}
        << QStringList{kOpaque, kJwe} << "id_token";
    QTest::newRow("single parameter") << "access_token=" + kToken << QStringList{"access_token"} << QStringList{kToken}
                                      << "access_token";
    QTest::newRow("bare") << kToken << QStringList{"token"} << QStringList{kToken} << "token";
    QTest::newRow("bare with padding stays bare")
        << "eyJhbGciOiJIUzI1NiJ9.eyJhIjoiPz8_In0=.c2ln" << QStringList{"token"}
        << QStringList{"eyJhbGciOiJIUzI1NiJ9.eyJhIjoiPz8_In0=.c2ln"} << "token";
    QTest::newRow("nothing decodes: the named value")
        << "#access_token=" + kOpaque + "&token_type=Bearer" << QStringList{"access_token"} << QStringList{kOpaque}
        << "access_token";
    QTest::newRow("json without a token") << "{\"token_type\":\"Bearer\",\"expires_in\":3599}" << QStringList{"token"}
                                          << QStringList{"{\"token_type\":\"Bearer\",\"expires_in\":3599}"} << "token";
}

void TestTokenExtractor::candidates()
{
    QFETCH(QString, pasted);
    QFETCH(QStringList, names);
    QFETCH(QStringList, tokens);
    QFETCH(QString, chosen);
    const std::string text = pasted.toStdString();
    const auto result = extractTokens(text);
    QVERIFY(result.has_value());
    QStringList foundNames;
    QStringList foundTokens;
    for (const auto& candidate : result->candidates) {
        foundNames << QString::fromStdString(candidate.name);
        foundTokens << QString::fromStdString(candidate.token);
        QCOMPARE(text.substr(candidate.offset, candidate.token.size()), candidate.token);
        const bool decodes = candidate.token == kToken.toStdString() || candidate.token == kRfc7519.toStdString()
            || candidate.token == kJwe.toStdString() || candidate.token.ends_with(".c2ln");
        QCOMPARE(candidate.kind.has_value(), decodes);
    }
    QCOMPARE(foundNames, names);
    QCOMPARE(foundTokens, tokens);
    QCOMPARE(QString::fromStdString(result->token().name), chosen);
    // extractToken takes the same decision.
    const auto single = extractToken(text);
    QVERIFY(single.has_value());
    QCOMPARE(single->token, result->token().token);
    QCOMPARE(single->offset, result->token().offset);
}

void TestTokenExtractor::pickByName()
{
    const std::string text = ("https://client.example.org/cb#access_token=" + kOpaque
                              + "&token_type=Bearer&id_token=" + kToken + "&state=af0ifjsldkj")
                                 .toStdString();
    const auto access = extractToken(text, "access_token");
    QVERIFY(access.has_value());
    QCOMPARE(QString::fromStdString(access->token), kOpaque);
    QCOMPARE(access->source, TokenSource::UrlParameter);
    const auto chosen = extractToken(text, "");
    QVERIFY(chosen.has_value());
    QCOMPARE(chosen->name, std::string("id_token"));

    const auto unknown = extractToken(text, "refresh_token");
    QVERIFY(!unknown.has_value());
    QCOMPARE(unknown.error().code, Errc::TokenNotFound);
    QCOMPARE(unknown.error().message,
             std::string("the input has no token named \"refresh_token\"; its tokens are: access_token, id_token"));
    std::string many;
    for (int i = 0; i < 25; ++i) {
        many += (i > 0 ? " " : "") + kToken.toStdString();
    }
    const auto found = extractTokens(many);
    QVERIFY(found.has_value());
    QCOMPARE(found->candidates.size(), std::size_t(25));
    QCOMPARE(found->candidates[24].name, std::string("token#25"));
    QVERIFY(found->find("token#25"));
    QVERIFY(found->names().ends_with("token#19, token#20 and 5 more"));
    const auto state = extractToken(text, "state"); // a parameter, but not a token
    QVERIFY(!state.has_value());
    QCOMPARE(state.error().code, Errc::TokenNotFound);
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
    const auto result = extractTokens("hello world");
    QVERIFY(result.has_value());
    QCOMPARE(result->candidates.size(), std::size_t(1));
    QCOMPARE(result->token().token, std::string("hello world"));
    QCOMPARE(result->token().source, TokenSource::Bare);
    QVERIFY(!result->token().kind);
}

// A bare run of token characters is a JWS or a JWE by its number of dots and a header that is a
// JSON object in base64url, read leniently; anything else is no token.
void TestTokenExtractor::kindByShapeAndHeader_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<int>("kind"); // -1: none
    const QString tail = kToken.mid(kToken.indexOf('.'));
    // {"alg":"HS256","pad":"xxx…"}: a header of about 1.4 KB, longer than most.
    const QString longHeader
        = QString::fromLatin1(QByteArray(R"({"alg":"HS256","pad":")" + QByteArray(1000, 'x') + R"("})")
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QTest::newRow("jws") << kToken << int(TokenKind::Jws);
    QTest::newRow("jwe") << kJwe << int(TokenKind::Jwe);
    QTest::newRow("header over 1 KB") << longHeader + tail << int(TokenKind::Jws);
    QTest::newRow("padded header") << "eyJhbGciOiJub25lIn0" + QStringLiteral("=") + tail << int(TokenKind::Jws);
    // {"alg":"HS256","n":"?>"} in the standard alphabet ('/').
    QTest::newRow("standard alphabet") << "eyJhbGciOiJIUzI1NiIsIm4iOiI/PiJ9" + tail << int(TokenKind::Jws);
    QTest::newRow("header is an array") << "WzFd" + tail << -1;
    QTest::newRow("header is not json") << "aGVsbG8" + tail << -1;
    QTest::newRow("header is not base64url") << "e" + tail << -1;
    QTest::newRow("one dot") << kToken.left(kToken.lastIndexOf('.')) << -1;
    QTest::newRow("four dots, three parts empty") << kToken.left(kToken.indexOf('.')) + "...." << int(TokenKind::Jwe);
    QTest::newRow("six parts") << kJwe + ".AA" << -1;
    QTest::newRow("three dots") << kToken + ".AA" << -1;
}

void TestTokenExtractor::kindByShapeAndHeader()
{
    QFETCH(QString, pasted);
    QFETCH(int, kind);
    const auto result = extractToken(pasted.toStdString());
    QVERIFY(result.has_value());
    QCOMPARE(result->source, TokenSource::Bare);
    QCOMPARE(result->token, pasted.toStdString());
    QCOMPARE(result->kind ? int(*result->kind) : -1, kind);
}

void TestTokenExtractor::exactlyOneToken_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("refusal"); // empty: the token is taken
    QTest::newRow("bare") << kToken << QString();
    QTest::newRow("in backquotes") << "`" + kToken + "`" << QString();
    QTest::newRow("Bearer") << " Bearer " + kToken + "\r\n" << QString();
    QTest::newRow("Authorization header") << "Authorization: Bearer " + kToken << QString();
    QTest::newRow("URL parameter") << "https://rp.example/cb#state=x&id_token=" + kToken << QString();
    QTest::newRow("form body") << "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=" + kToken
                               << QString();
    QTest::newRow("token response") << R"({"id_token":")" + kToken + R"("})" << QString();
    QTest::newRow("question mark after") << kToken + "?"
                                         << "the token is followed by \"?\" (position 155)";
    QTest::newRow("comma after a Bearer value") << "Bearer " + kToken + ","
                                                << "the token is followed by \",\" (position 162)";
    QTest::newRow("a sentence around it") << "here it is: " + kToken + " thanks"
                                          << "the token is preceded by \"here it is: \" (position 0)";
    QTest::newRow("a long tail") << kToken + " and then some more text"
                                 << "followed by \" and then so\"…";
    QTest::newRow("unmatched quote") << "\"" + kToken << "preceded by \"\"\"";
}

void TestTokenExtractor::exactlyOneToken()
{
    QFETCH(QString, pasted);
    QFETCH(QString, refusal);
    const auto one = extractOneToken(pasted.toStdString());
    if (refusal.isEmpty()) {
        QVERIFY2(one.has_value(), one ? "" : one.error().message.c_str());
        QCOMPARE(QString::fromStdString(one->token), kToken);
        return;
    }
    QVERIFY(!one.has_value());
    QCOMPARE(one.error().code, Errc::ExtraText);
    QVERIFY2(QString::fromStdString(one.error().message).startsWith(refusal.startsWith("the") ? refusal : QString())
                 && QString::fromStdString(one.error().message).contains(refusal),
             one.error().message.c_str());
    // The lenient reading still finds it.
    QCOMPARE(QString::fromStdString(extractToken(pasted.toStdString())->token), kToken);
}

QTEST_GUILESS_MAIN(TestTokenExtractor)
#include "TestTokenExtractor.moc"

void TestTokenExtractor::sdJwtIsOneToken_data()
{
    QTest::addColumn<QString>("file"); // in tests/data/sdjwt
    QTest::addColumn<QString>("pasted"); // %1: the SD-JWT
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("name");

    for (const QString& file : {QStringLiteral("issuance.txt"), QStringLiteral("presentation.txt")}) {
        const auto row
            = [&](const char* label) -> QTestData& { return QTest::addRow("%s, %s", qPrintable(file), label); };
        row("bare") << file << "%1" << int(TokenSource::Bare) << "token";
        row("quoted, with a newline") << file << "\"%1\"\n" << int(TokenSource::Bare) << "token";
        row("Authorization header") << file << "Authorization: Bearer %1" << int(TokenSource::AuthorizationHeader)
                                    << "Authorization";
        row("URL parameter") << file << "https://rp.example/cb?vp_token=%1&state=af0ifjsldkj"
                             << int(TokenSource::UrlParameter) << "vp_token";
        row("form field") << file << "presentation_submission=x&vp_token=%1" << int(TokenSource::FormField)
                          << "vp_token";
        row("JSON member") << file << R"({"state": "x", "vp_token": "%1"})" << int(TokenSource::JsonMember)
                           << "vp_token";
        row("in a sentence") << file << "the wallet sent %1 at noon" << int(TokenSource::Embedded) << "token";
    }
}

// The SD-JWT is found whole: its disclosures (and KB-JWT) are neither lost nor other candidates;
// `token` is its issuer-signed JWT, and verification refuses it with a pointer to `jwtwb sd verify`.
void TestTokenExtractor::sdJwtIsOneToken()
{
    QFETCH(QString, file);
    QFETCH(QString, pasted);
    QFETCH(int, source);
    QFETCH(QString, name);
    const std::string sdJwt(encoding::trimAsciiSpace(test::readDataFile("sdjwt/" + file)));
    const std::string text = pasted.arg(QString::fromStdString(sdJwt)).toStdString();
    const auto found = extractTokens(text);
    QVERIFY(found.has_value());
    QCOMPARE(found->candidates.size(), std::size_t(1));
    const ExtractedToken& token = found->token();
    QCOMPARE(int(token.source), source);
    QCOMPARE(QString::fromStdString(token.name), name);
    QCOMPARE(token.kind, std::optional(TokenKind::Jws));
    QVERIFY(token.isSdJwt());
    QCOMPARE(token.sdJwt, sdJwt);
    QCOMPARE(token.token, sdJwt.substr(0, sdJwt.find('~')));
    QCOMPARE(text.substr(token.offset, token.length()), sdJwt);

    const auto one = extractOneToken(text);
    QVERIFY(!one.has_value());
    QCOMPARE(one.error().code, Errc::ExtraText);
    const QString message = QString::fromStdString(one.error().message);
    QVERIFY2(message.startsWith("the token is an SD-JWT") && message.contains("`jwtwb sd verify`"),
             qPrintable(message));
    QCOMPARE(one.error().position, std::optional(token.offset + token.token.size()));
}
