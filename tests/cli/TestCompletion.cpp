#include "TestData.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace jwtwb::test;

// The bash and zsh completion scripts (resources/completions), sourced as a shell would and asked
// for the candidates at the end of a command line, with the built jwtwb first on PATH.
class TestCompletion : public QObject
{
    Q_OBJECT

private slots:
    void bash_data();
    void bash();
    void zsh_data();
    void zsh();
};

namespace {

// The candidates, one a line, that `shell -c script` prints for `line`.
QStringList candidates(const QString& shell, const QString& script, const QString& line)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PATH"),
                       QFileInfo(QStringLiteral(JWTWB_CLI_PATH)).path() + QLatin1Char(':')
                           + environment.value(QStringLiteral("PATH")));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(dataPath({}));
    process.start(shell, {QStringLiteral("-c"), script, QStringLiteral("completion-test"), line});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("%s", process.readAllStandardError().constData());
        return {QStringLiteral("<failed>")};
    }
    QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

} // namespace

void TestCompletion::bash_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("jwtwb ver") << "jwtwb ver" << QStringList{"verify"};
    QTest::newRow("jwtwb sign --a") << "jwtwb sign --a" << QStringList{"--alg", "--allow-weak-keys"};
    QTest::newRow("jwtwb dpop ") << "jwtwb dpop " << QStringList{"create", "verify"};
    QTest::newRow("jwtwb sd ") << "jwtwb sd " << QStringList{"decode", "issue", "present", "verify"};
    QTest::newRow("jwtwb sd verify --n") << "jwtwb sd verify --n" << QStringList{"--nonce", "--now"};
    QTest::newRow("jwtwb keys im") << "jwtwb keys im" << QStringList{"import"};
    QTest::newRow("jwtwb keys import --la") << "jwtwb keys import --la" << QStringList{"--label"};
    QTest::newRow("a key file") << "jwtwb sign --key keys/ed25519-o"
                                << QStringList{"keys/ed25519-openssh", "keys/ed25519-openssh.pub"};
    QTest::newRow("a folder") << "jwtwb fixtures --out vec" << QStringList{"vectors"};
    QTest::newRow("a value, not a file") << "jwtwb sign --alg " << QStringList{};
    QTest::newRow("a positional file") << "jwtwb key inspect keys/x448" << QStringList{"keys/x448-pkcs8.pem"};
}

void TestCompletion::bash()
{
    QFETCH(QString, line);
    QFETCH(QStringList, expected);
    const QString script = QStringLiteral("source '" JWTWB_COMPLETION_DIR "/jwtwb.bash' || exit 1\n"
                                          "read -ra COMP_WORDS <<<\"$1\"\n"
                                          "[[ $1 == *' ' ]] && COMP_WORDS+=('')\n"
                                          "COMP_LINE=$1; COMP_POINT=${#1}; COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                                          "[[ $(complete -p jwtwb) == *'-F _jwtwb'* ]] || exit 1\n"
                                          "_jwtwb; printf '%s\\n' \"${COMPREPLY[@]}\"");
    QCOMPARE(candidates(QStringLiteral("bash"), script, line), expected);
}

void TestCompletion::zsh_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected"); // zsh filters by the prefix itself: one that must be offered
    QTest::addColumn<QString>("absent");
    QTest::newRow("jwtwb ver") << "jwtwb ver"
                               << "verify"
                               << "--help";
    QTest::newRow("jwtwb sign --a") << "jwtwb sign --a"
                                    << "--alg"
                                    << "verify";
    QTest::newRow("jwtwb dpop ") << "jwtwb dpop "
                                 << "create"
                                 << "decode";
    QTest::newRow("jwtwb sd ") << "jwtwb sd "
                               << "decode"
                               << "create";
    QTest::newRow("a key file") << "jwtwb sign --key "
                                << "_files"
                                << "--alg";
    QTest::newRow("a folder") << "jwtwb fixtures --out "
                              << "_files -/"
                              << "--alg";
}

// compadd and _files are stand-ins that print what the completion offers.
void TestCompletion::zsh()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    QFETCH(QString, absent);
    const QString script = QStringLiteral("compadd() { local array=$2; print -rl -- \"${(@P)array}\"; }\n"
                                          "_files() { print -r -- \"_files $*\"; }\n"
                                          "words=(${=1}); [[ $1 == *' ' ]] && words+=('')\n"
                                          "CURRENT=${#words}; PREFIX=${words[CURRENT]}\n"
                                          "source '" JWTWB_COMPLETION_DIR "/_jwtwb'");
    const QStringList offered = candidates(QStringLiteral("zsh"), QStringLiteral("emulate -R zsh\n") + script, line);
    QVERIFY2(offered.contains(expected) || offered.contains(expected + QLatin1Char(' ')),
             qPrintable(offered.join(QLatin1Char(','))));
    QVERIFY(!offered.contains(absent));
}

QTEST_GUILESS_MAIN(TestCompletion)
#include "TestCompletion.moc"
