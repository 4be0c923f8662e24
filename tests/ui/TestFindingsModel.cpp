#include "TestData.h"
#include "encoding/Base64Url.h"
#include "keys/KeyImport.h"
#include "models/FindingsModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QIcon>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::ui;
using inspect::FindingCode;

namespace {

constexpr qint64 kNow = 1764410000;

std::string b64(const QString& text)
{
    return encoding::base64UrlEncode(asBytes(text.toStdString()));
}

QString token(const QString& header, const QString& payload)
{
    return QString::fromStdString(b64(header) + "." + b64(payload) + ".c2lnbmF0dXJl");
}

// The same with RFC 4648 '=' padding on the payload, which RFC 7515 §2 forbids.
QString paddedToken(const QString& header, const QString& payload)
{
    std::string padded = b64(payload);
    if (padded.size() % 4 == 0) {
        qFatal("pick a payload whose base64 needs padding");
    }
    padded.append(4 - padded.size() % 4, '=');
    return QString::fromStdString(b64(header) + "." + padded + ".c2lnbmF0dXJl");
}

QString claims(const QString& extra = {})
{
    return QStringLiteral(R"({"sub":"a","iat":%1,"exp":%2%3})").arg(kNow - 60).arg(kNow + 600).arg(extra);
}

const QString kHs256 = QStringLiteral(R"({"alg":"HS256","typ":"JWT"})");

} // namespace

Q_DECLARE_METATYPE(inspect::FindingCode)

class TestFindingsModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void cleanTokenHasNoErrors();
    void craftedTokens_data();
    void craftedTokens();
    void weakSecret();
    void rowsExplainThemselves();

private:
    static std::vector<inspect::Finding> lint(const QString& text, const keys::Key* key = nullptr);
    static QStringList codes(const FindingsModel& model);
};

std::vector<inspect::Finding> TestFindingsModel::lint(const QString& text, const keys::Key* key)
{
    auto decoded = jose::decodeCompact(text.toStdString(), jose::Base64Mode::Lenient);
    if (!decoded) {
        qFatal("crafted token does not decode: %s", decoded.error().message.c_str());
    }
    inspect::LintOptions options;
    options.now = test::at(kNow);
    options.key = key;
    return inspect::lint(*decoded, options);
}

QStringList TestFindingsModel::codes(const FindingsModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.index(row, 0).data(FindingsModel::CodeRole).toString();
    }
    return out;
}

void TestFindingsModel::passesModelTester()
{
    FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings(lint(token(QStringLiteral(R"({"alg":"none"})"), QStringLiteral("{}"))));
    QVERIFY(model.rowCount() > 1);
    model.setFindings({});
    model.setFindings(lint(token(kHs256, claims())));
}

void TestFindingsModel::cleanTokenHasNoErrors()
{
    FindingsModel model;
    model.setFindings(lint(token(kHs256, claims())));
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY2(model.index(row, 0).data(FindingsModel::SeverityRole).toInt() != int(inspect::Severity::Error),
                 qPrintable(model.index(row, 0).data().toString()));
    }
}

void TestFindingsModel::craftedTokens_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<FindingCode>("code");
    const auto row
        = [](const char* name, const QString& text, FindingCode code) { QTest::newRow(name) << text << code; };
    row("alg none", token(QStringLiteral(R"({"alg":"none","typ":"JWT"})"), claims()), FindingCode::AlgNone);
    row("no exp", token(kHs256, QStringLiteral(R"({"sub":"a"})")), FindingCode::MissingExp);
    row("expired", token(kHs256, QStringLiteral(R"({"exp":%1})").arg(kNow - 60)), FindingCode::Expired);
    row("nbf in the future", token(kHs256, claims(QStringLiteral(R"(,"nbf":%1)").arg(kNow + 300))),
        FindingCode::NotYetValid);
    row("iat in the future", token(kHs256, QStringLiteral(R"({"iat":%1,"exp":%2})").arg(kNow + 3600).arg(kNow + 7200)),
        FindingCode::IssuedInFuture);
    row("30-day lifetime", token(kHs256, QStringLiteral(R"({"iat":%1,"exp":%2})").arg(kNow).arg(kNow + 30 * 86400)),
        FindingCode::LongLifetime);
    row("milliseconds", token(kHs256, QStringLiteral(R"({"exp":%1000})").arg(kNow + 600)),
        FindingCode::MillisecondsTimestamp);
    row("jku", token(QStringLiteral(R"({"alg":"RS256","typ":"JWT","jku":"https://evil.example/keys"})"), claims()),
        FindingCode::KeyUrlHeader);
    row("jwk", token(QStringLiteral(R"({"alg":"ES256","typ":"JWT","jwk":{"kty":"EC"}})"), claims()),
        FindingCode::EmbeddedKeyHeader);
    row("kid path", token(QStringLiteral(R"({"alg":"HS256","typ":"JWT","kid":"../../../../dev/null"})"), claims()),
        FindingCode::SuspiciousKid);
    row("kid SQL", token(QStringLiteral(R"({"alg":"HS256","typ":"JWT","kid":"x' UNION SELECT 'key"})"), claims()),
        FindingCode::SuspiciousKid);
    row("unknown crit",
        token(QStringLiteral(R"({"alg":"HS256","typ":"JWT","crit":["acme-policy"],"acme-policy":1})"), claims()),
        FindingCode::UnknownCrit);
    row("typ missing", token(QStringLiteral(R"({"alg":"HS256"})"), claims()), FindingCode::TypMissing);
    row("typ unusual", token(QStringLiteral(R"({"alg":"HS256","typ":"banana"})"), claims()), FindingCode::TypUnusual);
    row("duplicate member", token(QStringLiteral(R"({"alg":"HS256","typ":"JWT","alg":"none"})"), claims()),
        FindingCode::DuplicateMember);
    row("padding", paddedToken(kHs256, QStringLiteral(R"({"exp":%1,"sub":"ab"})").arg(kNow + 600)),
        FindingCode::NonCanonicalEncoding);
    row("zip in a JWS", token(QStringLiteral(R"({"alg":"HS256","typ":"JWT","zip":"DEF"})"), claims()),
        FindingCode::ZipInJws);
    row("nested token", token(kHs256, claims(QStringLiteral(R"(,"inner":"%1")").arg(token(kHs256, claims())))),
        FindingCode::NestedToken);
    row("payload not JSON", token(kHs256, QStringLiteral("hello")), FindingCode::PayloadNotJson);
}

void TestFindingsModel::craftedTokens()
{
    QFETCH(QString, token);
    QFETCH(FindingCode, code);
    FindingsModel model;
    model.setFindings(lint(token));
    const QString name = QString::fromStdString(std::string(inspect::findingCodeName(code)));
    QVERIFY2(codes(model).contains(name), qPrintable(name + " not in " + codes(model).join(", ")));
}

void TestFindingsModel::weakSecret()
{
    auto secret = keys::importSecret("short", keys::SecretEncoding::Utf8);
    QVERIFY(secret);
    FindingsModel model;
    model.setFindings(lint(token(kHs256, claims()), &secret->key));
    QVERIFY(codes(model).contains(
        QString::fromStdString(std::string(inspect::findingCodeName(FindingCode::WeakHmacSecret)))));
    model.setFindings(lint(token(kHs256, claims())));
    QVERIFY(!codes(model).contains(
        QString::fromStdString(std::string(inspect::findingCodeName(FindingCode::WeakHmacSecret)))));
}

void TestFindingsModel::rowsExplainThemselves()
{
    FindingsModel model;
    model.setFindings(lint(token(QStringLiteral(R"({"alg":"none"})"), QStringLiteral(R"({"sub":"a"})"))));
    QVERIFY(model.rowCount() >= 2);
    // Errors first; each row has an icon, and one child with the explanation and the reference.
    QCOMPARE(model.index(0, 0).data(FindingsModel::SeverityRole).toInt(), int(inspect::Severity::Error));
    int previous = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex finding = model.index(row, 0);
        const int severity = finding.data(FindingsModel::SeverityRole).toInt();
        QVERIFY(severity >= previous);
        previous = severity;
        QVERIFY(!finding.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!finding.data().toString().isEmpty());
        QCOMPARE(model.rowCount(finding), 1);
        const QString explanation = model.index(0, 0, finding).data().toString();
        QVERIFY2(explanation.contains("Reference: "), qPrintable(explanation));
        QVERIFY(explanation.size() > 60);
        QCOMPARE(model.parent(model.index(0, 0, finding)), finding);
    }
    QCOMPARE(codes(model).front(), QString::fromStdString(std::string(inspect::findingCodeName(FindingCode::AlgNone))));
}

QTEST_MAIN(TestFindingsModel)
#include "TestFindingsModel.moc"
