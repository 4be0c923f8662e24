#include "TestData.h"
#include "models/ClaimsModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

// 2025-11-29T09:53:20Z: exp is 14 minutes later, iat 3 days earlier.
constexpr qint64 kNow = 1764410000;

// (No multi-line raw string: moc does not read past one.)
const QString kClaims = QStringLiteral("{\"iss\": \"https://issuer.example\", \"sub\": \"alice\", "
                                       "\"aud\": [\"api\", \"web\"], \"exp\": 1764410840, \"iat\": 1764150800, "
                                       "\"x-tenant-color\": \"blue\", \"auth_time\": 1700000000000, "
                                       "\"nbf\": \"tomorrow\"}");

} // namespace

class TestClaimsModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void passesModelTester();
    void oneRowPerClaimInOrder();
    void timeClaims_data();
    void timeClaims();
    void localTimeFollowsTheLocale_data();
    void localTimeFollowsTheLocale();
    void unknownClaimHasNoMeaning();
    void millisecondsAreFlagged();
    void invalidTimeIsFlagged();
    void relativeTimesFollowNow();
    void notAnObjectHasNoRows();

private:
    QString cell(const QString& claim, int column, int role = Qt::DisplayRole) const;
    ClaimsModel m_model;
};

void TestClaimsModel::init()
{
    QLocale::setDefault(QLocale::c()); // the dates below in ISO 8601's order, whatever the system's locale
    m_model.setClaims(test::parseJsonOrDie(kClaims), test::at(kNow));
}

QString TestClaimsModel::cell(const QString& claim, int column, int role) const
{
    for (int row = 0; row < m_model.rowCount(); ++row) {
        if (m_model.index(row, ClaimsModel::Name).data().toString() == claim) {
            return m_model.index(row, column).data(role).toString();
        }
    }
    qFatal("no row for %s", qPrintable(claim));
}

void TestClaimsModel::passesModelTester()
{
    ClaimsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClaims(test::parseJsonOrDie(kClaims), test::at(kNow));
    model.setNow(test::at(kNow + 60));
    model.setClaims(test::parseJsonOrDie(QStringLiteral("[1, 2]")), test::at(kNow));
    model.setClaims(test::parseJsonOrDie(QStringLiteral(R"({"exp": 1})")), test::at(kNow));
}

void TestClaimsModel::oneRowPerClaimInOrder()
{
    QCOMPARE(m_model.rowCount(), 8);
    QCOMPARE(m_model.columnCount(), int(ClaimsModel::ColumnCount));
    const QStringList expected{"iss", "sub", "aud", "exp", "iat", "x-tenant-color", "auth_time", "nbf"};
    for (int row = 0; row < expected.size(); ++row) {
        QCOMPARE(m_model.index(row, ClaimsModel::Name).data().toString(), expected[row]);
    }
    QCOMPARE(cell("sub", ClaimsModel::Value), QStringLiteral("alice")); // strings without quotes
    QCOMPARE(cell("aud", ClaimsModel::Value), QStringLiteral("[\"api\",\"web\"]"));
    QVERIFY(!cell("iss", ClaimsModel::Meaning).isEmpty());
    QVERIFY(!cell("aud", ClaimsModel::Meaning).isEmpty());
    QVERIFY(cell("sub", ClaimsModel::Relative).isEmpty()); // not a time claim
    QCOMPARE(m_model.headerData(ClaimsModel::Meaning, Qt::Horizontal).toString(), QStringLiteral("Meaning"));
}

void TestClaimsModel::timeClaims_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QString>("local"); // tests run with TZ=UTC
    QTest::newRow("exp") << "exp"
                         << "in 14 min"
                         << "2025-11-29T10:07:20Z"
                         << "2025-11-29 10:07:20 UTC";
    QTest::newRow("iat") << "iat"
                         << "3 days ago"
                         << "2025-11-26T09:53:20Z"
                         << "2025-11-26 09:53:20 UTC";
}

void TestClaimsModel::timeClaims()
{
    QFETCH(QString, claim);
    QFETCH(QString, relative);
    QFETCH(QString, utc);
    QFETCH(QString, local);
    QCOMPARE(cell(claim, ClaimsModel::Relative), relative);
    QCOMPARE(cell(claim, ClaimsModel::Utc), utc);
    QCOMPARE(cell(claim, ClaimsModel::LocalTime), local);
    QVERIFY(!cell(claim, ClaimsModel::Meaning).isEmpty());
}

void TestClaimsModel::localTimeFollowsTheLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("exp");
    QTest::addColumn<QString>("iat");
    QTest::newRow("C") << "C"
                       << "2025-11-29 10:07:20 UTC"
                       << "2025-11-26 09:53:20 UTC";
    QTest::newRow("German") << "de_DE"
                            << "29.11.2025 10:07:20 UTC"
                            << "26.11.2025 09:53:20 UTC";
    QTest::newRow("Swiss German") << "de_CH"
                                  << "29.11.2025 10:07:20 UTC"
                                  << "26.11.2025 09:53:20 UTC";
    QTest::newRow("British") << "en_GB"
                             << "29/11/2025 10:07:20 UTC"
                             << "26/11/2025 09:53:20 UTC";
    // The 12-hour clock; CLDR puts a narrow no-break space before AM/PM since version 42.
    QTest::newRow("American") << "en_US"
                              << "11/29/2025 10:07:20 AM UTC"
                              << "11/26/2025 9:53:20 AM UTC";
}

// The Local time column is written the way the application's locale (Translations) writes dates:
// German day.month.year, American month/day/year; always four-digit years, seconds and the zone.
void TestClaimsModel::localTimeFollowsTheLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, exp);
    QFETCH(QString, iat);
    QLocale::setDefault(QLocale(locale));
    const auto shown = [this](const char* claim) {
        return cell(QString::fromLatin1(claim), ClaimsModel::LocalTime).replace(QChar(u'\u202f'), QLatin1Char(' '));
    };
    QCOMPARE(shown("exp"), exp);
    QCOMPARE(shown("iat"), iat);
    // The UTC column stays ISO 8601: it is what logs and other tools print, and what gets copied.
    QCOMPARE(cell("exp", ClaimsModel::Utc), QStringLiteral("2025-11-29T10:07:20Z"));
    QLocale::setDefault(QLocale::c());
}

void TestClaimsModel::unknownClaimHasNoMeaning()
{
    QCOMPARE(cell("x-tenant-color", ClaimsModel::Value), QStringLiteral("blue"));
    QVERIFY(cell("x-tenant-color", ClaimsModel::Meaning).isEmpty());
    QVERIFY(cell("x-tenant-color", ClaimsModel::Meaning, Qt::ToolTipRole).contains("Not a registered"));
}

void TestClaimsModel::millisecondsAreFlagged()
{
    // 1700000000000 read as milliseconds is 2023-11-14T22:13:20Z.
    QCOMPARE(cell("auth_time", ClaimsModel::Utc), QStringLiteral("2023-11-14T22:13:20Z"));
    QVERIFY2(cell("auth_time", ClaimsModel::Relative).contains("if milliseconds"),
             qPrintable(cell("auth_time", ClaimsModel::Relative)));
    QVERIFY(cell("auth_time", ClaimsModel::Relative, Qt::ToolTipRole).contains("milliseconds"));
    int row = 6;
    QCOMPARE(m_model.index(row, ClaimsModel::Name).data().toString(), QStringLiteral("auth_time"));
    QVERIFY(!m_model.index(row, ClaimsModel::Name).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(m_model.index(3, ClaimsModel::Name).data(Qt::DecorationRole).isNull()); // exp is fine
}

void TestClaimsModel::invalidTimeIsFlagged()
{
    QCOMPARE(cell("nbf", ClaimsModel::Value), QStringLiteral("tomorrow"));
    QVERIFY(cell("nbf", ClaimsModel::Utc).isEmpty());
    QVERIFY2(cell("nbf", ClaimsModel::Relative, Qt::ToolTipRole).contains("not a NumericDate"),
             qPrintable(cell("nbf", ClaimsModel::Relative, Qt::ToolTipRole)));
}

void TestClaimsModel::relativeTimesFollowNow()
{
    m_model.setNow(test::at(1764410840 + 3 * 3600));
    QCOMPARE(cell("exp", ClaimsModel::Relative), QStringLiteral("3 h ago"));
}

void TestClaimsModel::notAnObjectHasNoRows()
{
    m_model.setClaims(test::parseJsonOrDie(QStringLiteral("\"just a string\"")), test::at(kNow));
    QCOMPARE(m_model.rowCount(), 0);
}

QTEST_MAIN(TestClaimsModel)
#include "TestClaimsModel.moc"
