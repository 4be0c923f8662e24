#include "TestData.h"
#include "UiTestSupport.h"
#include "jose/JwsSigner.h"
#include "keys/Key.h"
#include "pages/ComparePage.h"
#include "pages/compare/CompareInput.h"
#include "pages/compare/TokenDiffView.h"
#include "support/Theme.h"
#include "widgets/TokenEdit.h"

#include <QCheckBox>
#include <QLabel>
#include <QLocale>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

QString vector(const QString& file, const char* id, const char* member = "compact")
{
    const encoding::Json vectors = test::loadJson(file);
    for (const auto& item : vectors["vectors"]) {
        if (item["id"] == id) {
            const auto& value = item[member];
            return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
        }
    }
    qFatal("no vector %s", id);
}

QString signedToken(const char* header, const char* claims)
{
    const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(std::string(64, 'k')));
    const std::string payload(claims);
    auto token = jose::signCompact(header, asBytes(payload), &key);
    if (!token) {
        qFatal("cannot sign: %s", token.error().message.c_str());
    }
    return QString::fromStdString(*token);
}

// An older and a newer access token of one user: another algorithm and key, an hour later, a scope
// that became roles.
QString olderToken()
{
    return signedToken(R"({"alg":"HS256","typ":"JWT","kid":"2026-10"})",
                       R"({"iss":"https://login.example","sub":"alice","aud":"api","iat":1795856400,)"
                       R"("exp":1795860000,"scope":"orders:read"})");
}

QString newerToken()
{
    return signedToken(R"({"alg":"HS384","typ":"JWT","kid":"2026-11"})",
                       R"({"iss":"https://login.example","sub":"alice","aud":"api","iat":1795860000,)"
                       R"("exp":1795867200,"roles":["admin"]})");
}

// "member|first|second|change" per row, group by group.
QStringList rowsOf(const QTreeWidget& view, bool visibleOnly)
{
    QStringList rows;
    for (int g = 0; g < view.topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = view.topLevelItem(g);
        for (int r = 0; r < group->childCount(); ++r) {
            const QTreeWidgetItem* row = group->child(r);
            if (visibleOnly && (row->isHidden() || group->isHidden())) {
                continue;
            }
            rows << QStringList{group->text(0), row->text(TokenDiffView::Member), row->text(TokenDiffView::First),
                                row->text(TokenDiffView::Second), row->text(TokenDiffView::Change)}
                        .join(QLatin1Char('|'));
        }
    }
    return rows;
}

QString labelText(const ComparePage& page, const char* name)
{
    return page.findChild<QLabel*>(QString::fromLatin1(name))->text();
}

} // namespace

class TestComparePage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rows_data();
    void rows();
    void hideUnchanged();
    void badInput_data();
    void badInput();
    void colours_data();
    void colours();
};

void TestComparePage::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // dates in ISO 8601's order, whatever the system's locale
    applyColorScheme(*qApp, ColorScheme::Light);
}

void TestComparePage::rows_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("algorithms");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QStringList>("rows");

    const QString rfc7515 = QStringLiteral("vectors/rfc/rfc7515.json");
    QTest::newRow("RFC 7515 A.1 and A.3: one header, the same claims")
        << vector(rfc7515, "RFC7515-A.1") << vector(rfc7515, "RFC7515-A.3") << QStringLiteral("HS256 → ES256 · no kid")
        << QStringLiteral("1 changed, 1 removed")
        << QStringList{
               QStringLiteral("Header|typ|\"JWT\"|—|removed"),
               QStringLiteral("Header|alg|\"HS256\"|\"ES256\"|changed"),
               QStringLiteral("Claims|iss|\"joe\"|\"joe\"|same"),
               QStringLiteral(
                   "Claims|exp|1300819380 (2011-03-22 18:43:00 UTC)|1300819380 (2011-03-22 18:43:00 UTC)|same"),
               QStringLiteral("Claims|http://example.com/is_root|true|true|same"),
           };
    QTest::newRow("a token with itself") << vector(rfc7515, "RFC7515-A.2") << vector(rfc7515, "RFC7515-A.2")
                                         << QStringLiteral("RS256 · no kid") << QStringLiteral("Same header and claims")
                                         << QStringList{
                                                QStringLiteral("Header|alg|\"RS256\"|\"RS256\"|same"),
                                                QStringLiteral("Claims|iss|\"joe\"|\"joe\"|same"),
                                                QStringLiteral("Claims|exp|1300819380 (2011-03-22 18:43:00 UTC)|"
                                                               "1300819380 (2011-03-22 18:43:00 UTC)|same"),
                                                QStringLiteral("Claims|http://example.com/is_root|true|true|same"),
                                            };
    QTest::newRow("older and newer access token, in a Bearer header and a token response")
        << QStringLiteral("Authorization: Bearer ") + olderToken()
        << QStringLiteral(R"({"access_token":")") + newerToken() + QStringLiteral(R"(","token_type":"Bearer"})")
        << QStringLiteral("HS256 → HS384 · kid 2026-10 → 2026-11")
        << QStringLiteral("4 changed, 1 added, 1 removed · iat 1 h later, exp 2 h later")
        << QStringList{
               QStringLiteral("Header|alg|\"HS256\"|\"HS384\"|changed"),
               QStringLiteral("Header|typ|\"JWT\"|\"JWT\"|same"),
               QStringLiteral("Header|kid|\"2026-10\"|\"2026-11\"|changed"),
               QStringLiteral("Claims|iss|\"https://login.example\"|\"https://login.example\"|same"),
               QStringLiteral("Claims|sub|\"alice\"|\"alice\"|same"),
               QStringLiteral("Claims|aud|\"api\"|\"api\"|same"),
               QStringLiteral("Claims|iat|1795856400 (2026-11-28 09:00:00 UTC)|1795860000 (2026-11-28 10:00:00 UTC)|"
                              "changed, 1 h later"),
               QStringLiteral("Claims|exp|1795860000 (2026-11-28 10:00:00 UTC)|1795867200 (2026-11-28 12:00:00 UTC)|"
                              "changed, 2 h later"),
               QStringLiteral("Claims|scope|\"orders:read\"|—|removed"),
               QStringLiteral("Claims|roles|—|[\"admin\"]|added"),
           };
    const QString rfc7516 = QStringLiteral("vectors/rfc/rfc7516.json");
    QTest::newRow("two JWEs: their headers only")
        << vector(rfc7516, "RFC7516-A.1") << vector(rfc7516, "RFC7516-A.2")
        << QStringLiteral("RSA-OAEP → RSA1_5 · enc A256GCM → A128CBC-HS256 · no kid") << QStringLiteral("2 changed")
        << QStringList{
               QStringLiteral("Header|alg|\"RSA-OAEP\"|\"RSA1_5\"|changed"),
               QStringLiteral("Header|enc|\"A256GCM\"|\"A128CBC-HS256\"|changed"),
           };
}

void TestComparePage::rows()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, algorithms);
    QFETCH(QString, summary);
    QFETCH(QStringList, rows);

    ComparePage page;
    page.setTokens(first, second);
    QVERIFY(page.diff().has_value());
    QCOMPARE(labelText(page, "algorithmLine"), algorithms);
    QCOMPARE(labelText(page, "summaryLine"), summary);
    QCOMPARE(rowsOf(*page.diffView(), false), rows);
    QVERIFY(page.firstInput()->token().problem.isEmpty());
    QVERIFY(page.secondInput()->token().problem.isEmpty());
}

void TestComparePage::hideUnchanged()
{
    ComparePage page;
    page.resize(1024, 700);
    page.show();
    page.setTokens(olderToken(), newerToken());
    QCOMPARE(rowsOf(*page.diffView(), true).size(), 10);
    page.findChild<QCheckBox*>(QStringLiteral("hideSame"))->setChecked(true);
    const QStringList shown = rowsOf(*page.diffView(), true);
    QCOMPARE(shown.size(), 6);
    for (const QString& row : shown) {
        QVERIFY2(!row.endsWith(QStringLiteral("|same")), qPrintable(row));
    }
    // Stays on for the next pair; a pair with no change shows no row at all.
    page.setTokens(olderToken(), olderToken());
    QCOMPARE(rowsOf(*page.diffView(), true), QStringList());
    QCOMPARE(labelText(page, "summaryLine"), QStringLiteral("Same header and claims"));
}

void TestComparePage::badInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    const QString older = olderToken();
    const QStringList parts = older.split(QLatin1Char('.'));
    QTest::newRow("nothing") << QStringLiteral("  ") << QStringLiteral("Paste a token here.");
    QTest::newRow("no token in the text")
        << QStringLiteral("hello world")
        << QStringLiteral("This is not a compact JWT: it has no '.' (a JWS is header.payload.signature, a JWE has five "
                          "parts).");
    QTest::newRow("truncated: no signature")
        << parts[0] + QLatin1Char('.') + parts[1]
        << QStringLiteral("The token has 2 parts but a JWS has 3 (header.payload.signature): the signature part is "
                          "missing (even an unsecured token ends with a '.').");
    QTest::newRow("bad base64url") << parts[0] + QStringLiteral(".eyJzdWIiOi*xMjM0NTY3ODkwIn0.") + parts[2]
                                   << QStringLiteral(
                                          "The payload (part 2) is not valid base64url: '*' at position 10 is "
                                          "not a base64url character.");
    QTest::newRow("JWE in the JSON serialization")
        << vector(QStringLiteral("vectors/rfc/rfc7516.json"), "RFC7516-A.5", "json")
        << QStringLiteral("This is a JWE in the JSON serialization; only compact tokens can be compared.");
}

void TestComparePage::badInput()
{
    QFETCH(QString, text);
    QFETCH(QString, message);

    ComparePage page;
    page.setTokens(olderToken(), text);
    QVERIFY(!page.diff().has_value());
    QCOMPARE(page.diffView()->topLevelItemCount(), 0);
    QCOMPARE(page.secondInput()->token().problem, message);
    QCOMPARE(labelText(page, "secondTokenStatus"), message);
    QCOMPARE(labelText(page, "algorithmLine"), QStringLiteral("Paste a token on each side to compare them."));
    // The good side is not blamed, and its token is still there.
    QVERIFY(page.firstInput()->token().token.has_value());
    QVERIFY(labelText(page, "firstTokenStatus").isEmpty());
}

void TestComparePage::colours_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ColorScheme::Light);
    QTest::newRow("dark") << int(ColorScheme::Dark);
}

// Each change has its word and a colour of its own, readable on the theme's background; the
// screenshots for the README are made here.
void TestComparePage::colours()
{
    QFETCH(int, scheme);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    ComparePage page;
    page.setTokens(QStringLiteral("Authorization: Bearer ") + olderToken(), newerToken());
    page.resize(1024, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    const QColor base = page.diffView()->palette().color(QPalette::Base);
    QMap<QString, QColor> colours;
    for (int g = 0; g < page.diffView()->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = page.diffView()->topLevelItem(g);
        for (int r = 0; r < group->childCount(); ++r) {
            const QTreeWidgetItem* row = group->child(r);
            const QString word = row->text(TokenDiffView::Change).section(QLatin1Char(','), 0, 0);
            const QColor colour = row->foreground(TokenDiffView::Change).color();
            QVERIFY2(test::contrast(colour, base) >= 4.5, qPrintable(word));
            QVERIFY(!colours.contains(word) || colours.value(word) == colour);
            colours.insert(word, colour);
        }
    }
    QCOMPARE(colours.keys(), (QStringList{"added", "changed", "removed", "same"}));
    QCOMPARE(
        QSet<QRgb>({colours["added"].rgb(), colours["changed"].rgb(), colours["removed"].rgb(), colours["same"].rgb()})
            .size(),
        4);

    const QString name
        = scheme == int(ColorScheme::Dark) ? QStringLiteral("compare-dark") : QStringLiteral("compare-light");
    const QImage shot(test::saveShot(page, name));
    QCOMPARE(shot.size(), QSize(1024, 700) * shot.devicePixelRatio());
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestComparePage)
#include "TestComparePage.moc"
