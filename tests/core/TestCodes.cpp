// One scheme of codes (README "Codes"): errors, signature verdicts, claim findings and lint
// findings. Each code follows the scheme, no two mean different things under one name, and each is
// listed in the README with its meaning.
#include "Error.h"
#include "inspect/Lint.h"
#include "jose/ClaimChecks.h"
#include "jose/SignatureCheck.h"
#include "sdjwt/SdJwt.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace jwtwb;

namespace {

// Every value of an enum whose enumerators run from 0 to `last`.
template <class Enum, class Name> QStringList namesUpTo(Enum last, Name name)
{
    QStringList out;
    for (int i = 0; i <= static_cast<int>(last); ++i) {
        out << QString::fromUtf8(name(static_cast<Enum>(i)).data(), name(static_cast<Enum>(i)).size());
    }
    return out;
}

QStringList allCodes()
{
    return namesUpTo(Errc::PathNotFound, errcName)
        + namesUpTo(jose::SignatureProblem::MissingPayload, jose::problemName)
        + namesUpTo(jose::ClaimCode::NoTokenId, jose::claimCodeName)
        + namesUpTo(inspect::FindingCode::JweEphemeralKey, inspect::findingCodeName)
        + namesUpTo(sdjwt::SdProblem::UnsupportedHashAlgorithm, sdjwt::sdProblemName);
}

} // namespace

class TestCodes : public QObject
{
    Q_OBJECT

private slots:
    void followTheScheme();
    void listedInTheReadme();
};

void TestCodes::followTheScheme()
{
    const QRegularExpression scheme(QStringLiteral(
        "^(OK|ERR_(INPUT|ALG|KEY|KEYSTORE|JWS|JWKS|JWT|JWE|SDJWT|FILE|CRYPTO|TASK)_[A-Z0-9_]+|LINT_[A-Z0-9_]+)$"));
    const QStringList codes = allCodes();
    QCOMPARE(codes.size(), 30 + 16 + 15 + 28 + 11); // a new enumerator must come here, and into the README
    QSet<QString> seen;
    for (const QString& code : codes) {
        QVERIFY2(scheme.match(code).hasMatch(), qPrintable(code));
        QVERIFY2(!seen.contains(code), qPrintable(code + " is used twice"));
        seen.insert(code);
    }
}

void TestCodes::listedInTheReadme()
{
    QFile readme(QStringLiteral(JWTWB_README));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype section = text.indexOf(QStringLiteral("\n## Codes\n"));
    QVERIFY(section >= 0);
    const QString table = text.mid(section, text.indexOf(QStringLiteral("\n## "), section + 1) - section);
    for (const QString& code : allCodes()) {
        // One row each: "| `CODE` | meaning |".
        const QRegularExpression row(QStringLiteral("\\n\\| `%1` \\| \\S[^\\n]* \\|").arg(code));
        QVERIFY2(row.match(table).hasMatch(), qPrintable(code + " has no row in the README's table"));
    }
}

QTEST_GUILESS_MAIN(TestCodes)
#include "TestCodes.moc"
