#include "CliHelp.h"
#include "NetworkTrace.h"
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <array>

#include <vector>

using namespace jwtwb::test;

// The README's promise "nothing leaves this machine", checked: every jwtwb subcommand, the GUI's
// pages and every UI test run under strace inside an empty network namespace (unshare --net). Any
// socket other than AF_UNIX, or a connect() to anything but a Unix socket, fails the test; and each
// command must do there what it does on a machine with a network.
class TestNoNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void traceCatchesAnInternetSocket();
    void everySubcommandHasARow();
    void cli_data();
    void cli();
    void everyPageHasARow();
    void guiPages_data();
    void guiPages();
    void uiTests_data();
    void uiTests();

private:
    [[nodiscard]] QStringList expand(const QStringList& arguments) const;
    void prepareKeystore() const;

    QTemporaryDir m_dir;
    QString m_token; // HS256, signed with the secret in secret.txt
    QString m_otherToken;
    QString m_weakToken; // HS256 with the secret "secret"
    QString m_jwe;
    QString m_proof;
    QString m_sdJwt; // RFC 9901's presentation with a KB-JWT
    QString m_kid; // of the key in the keystore the keys rows start from
};

namespace {

// jwt-workbench --page NAME, for each page of the window.
constexpr std::array kGuiPages{"decoder", "signer", "timeline", "keys", "compare", "rotation", "learn"};
constexpr auto kSecret = "a secret of at least 32 bytes for HS256";

struct CliRow {
    const char* name; // "<subcommand>[ <child>]", as `jwtwb --help` lists it
    QStringList arguments; // {dir}, {data}, {token}, {other}, {jwe}, {proof}, {sdjwt} and {kid} are filled in
    bool sameOutput; // false where the output is random (keys, salts, proofs); rows that read the clock pass --now
    int exitCode = 0;
};

// One run of every subcommand; the keys rows use {dir}/keystore.jwe, fresh for each run.
const std::vector<CliRow>& cliRows()
{
    static const std::vector<CliRow> rows{
        {"decode", {"decode", "{token}"}, true},
        {"verify", {"verify", "{token}", "--secret-file", "{dir}/secret.txt", "--now", "1700000000"}, true},
        {"sign", {"sign", "--secret-file", "{dir}/secret.txt", "--alg", "HS256", "--payload", R"({"sub":"x"})"}, true},
        {"decrypt", {"decrypt", "{jwe}", "--secret-file", "{dir}/secret.txt"}, true},
        {"encrypt",
         {"encrypt", "--secret-file", "{dir}/secret.txt", "--alg", "PBES2-HS256+A128KW", "--payload", "hi"},
         false},
        {"lint", {"lint", "{token}", "--now", "1700000000"}, true},
        {"diff", {"diff", "{token}", "{other}", "--json"}, true, 1}, // 1: they differ
        {"redact", {"redact", "{token}"}, true},
        {"rotate",
         {"rotate", "--jwks", "{data}/keys/rsa-2048-spki.pem", "--jwks-new", "{data}/keys/rsa-2048-spki.pem", "--now",
          "1700000000", "{token}"},
         true},
        {"dpop create",
         {"dpop", "create", "--key", "{data}/keys/ec-p256-sec1.pem", "--htm", "GET", "--htu",
          "https://resource.example.org/protected"},
         false},
        {"dpop verify",
         {"dpop", "verify", "{proof}", "--htm", "POST", "--htu", "https://server.example.com/token", "--now",
          "1700000010"},
         true},
        {"sd decode", {"sd", "decode", "{sdjwt}", "--json"}, true},
        {"sd verify",
         {"sd", "verify", "{sdjwt}", "--key", "{data}/sdjwt/issuer-key.jwk", "--aud", "https://verifier.example.org",
          "--nonce", "1234567890", "--now", "1718298766"},
         true},
        {"sd issue",
         {"sd", "issue", "--key", "{data}/sdjwt/issuer-private-key.jwk", "--payload", R"({"sub":"x","name":"y"})",
          "--sd", "name", "--decoys", "2", "--holder-key", "{data}/sdjwt/holder-private-key.jwk"},
         false},
        {"sd present", {"sd", "present", "{sdjwt}", "--disclose", "given_name", "--disclose", "nationalities/0"}, true},
        {"key inspect", {"key", "inspect", "{data}/keys/rsa-2048-pkcs8.pem"}, true},
        {"key thumbprint", {"key", "thumbprint", "{data}/keys/rsa-2048-pkcs8.pem"}, true},
        {"key public", {"key", "public", "{data}/keys/rsa-2048-pkcs8.pem"}, true},
        {"key convert", {"key", "convert", "{data}/keys/rsa-2048-pkcs8.pem", "--to", "jwks"}, true},
        {"keys path", {"keys", "path"}, true},
        {"keys list", {"keys", "list", "--keystore", "{dir}/keystore.jwe"}, true},
        {"keys generate", {"keys", "generate", "ec-p256", "--keystore", "{dir}/keystore.jwe"}, false},
        {"keys import", {"keys", "import", "{data}/keys/ec-p256-sec1.pem", "--keystore", "{dir}/keystore.jwe"}, true},
        {"keys export", {"keys", "export", "{kid}", "--keystore", "{dir}/keystore.jwe"}, true},
        {"keys delete", {"keys", "delete", "{kid}", "--keystore", "{dir}/keystore.jwe"}, true},
        {"keys passwd", {"keys", "passwd", "--keystore", "{dir}/keystore.jwe"}, true},
        {"crack", {"crack", "{weak}", "--wordlist", "{dir}/wordlist.txt"}, false},
        {"fixtures",
         {"fixtures", "--token", "{token}", "--secret-file", "{dir}/secret.txt", "--out", "{dir}/fixtures", "--force",
          "--now", "1700000000"},
         true},
        {"bench", {"bench", "--seconds", "0.01", "--alg", "HS256"}, false},
    };
    return rows;
}

QString cliPath()
{
    return QStringLiteral(JWTWB_CLI_PATH);
}

// An untraced run, for the test's own preparations.
QString runQuietly(const QStringList& arguments)
{
    const TracedRun run = runTraced(cliPath(), arguments, TraceMode::Plain);
    if (run.exitCode != 0) {
        qFatal("jwtwb %s failed: %s", qPrintable(arguments.join(' ')), qPrintable(run.err));
    }
    return run.out.trimmed();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

void TestNoNetwork::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(networkNamespacesWork(),
             "`unshare --net strace -f /bin/true` fails here; the test needs util-linux and strace (scripts/packages)");
    // Its own home and screenshot folder: the UI tests it runs again, and the GUI, then write nothing
    // that ctest's runs of them beside it read or write (QStandardPaths' test mode is under HOME).
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("home")) && QDir(m_dir.path()).mkpath(QStringLiteral("output")));
    qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
    for (const char* variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        qunsetenv(variable);
    }
    qputenv("JWTWB_TEST_OUTPUT_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("output"))));
    qputenv("JWTWB_PASSPHRASE", "passphrase for the no-network test");
    qputenv("JWTWB_NEW_PASSPHRASE", "passphrase for the no-network test");
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("secret.txt")), kSecret));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("wordlist.txt")), "password\nsecret\n"));
    const QString secretFile = m_dir.filePath(QStringLiteral("secret.txt"));
    m_token = runQuietly({"sign", "--secret-file", secretFile, "--alg", "HS256", "--payload",
                          R"({"iss":"https://issuer.example","sub":"alice","exp":4102444800})"});
    m_otherToken = runQuietly({"sign", "--secret-file", secretFile, "--alg", "HS256", "--payload",
                               R"({"iss":"https://issuer.example","sub":"bob","exp":4102448400})"});
    m_jwe = runQuietly({"encrypt", "--secret-file", secretFile, "--alg", "PBES2-HS256+A128KW", "--payload", "hi"});
    m_proof = runQuietly({"dpop", "create", "--key", dataPath(QStringLiteral("keys/ec-p256-sec1.pem")), "--htm", "POST",
                          "--htu", "https://server.example.com/token", "--now", "1700000000"});
    m_sdJwt = QString::fromStdString(readDataFile(QStringLiteral("sdjwt/presentation.txt"))).trimmed();
    m_weakToken = runQuietly(
        {"sign", "--secret", "secret", "--alg", "HS256", "--allow-weak-keys", "--payload", R"({"sub":"x"})"});
    m_kid = runQuietly({"keys", "import", dataPath(QStringLiteral("keys/ed25519-pkcs8.pem")), "--keystore",
                        m_dir.filePath(QStringLiteral("base.jwe"))});
    QVERIFY(!m_kid.isEmpty());
}

QStringList TestNoNetwork::expand(const QStringList& arguments) const
{
    QStringList out;
    for (QString argument : arguments) {
        out << argument.replace(QStringLiteral("{dir}"), m_dir.path())
                   .replace(QStringLiteral("{data}"), dataPath({}))
                   .replace(QStringLiteral("{token}"), m_token)
                   .replace(QStringLiteral("{other}"), m_otherToken)
                   .replace(QStringLiteral("{weak}"), m_weakToken)
                   .replace(QStringLiteral("{jwe}"), m_jwe)
                   .replace(QStringLiteral("{proof}"), m_proof)
                   .replace(QStringLiteral("{sdjwt}"), m_sdJwt)
                   .replace(QStringLiteral("{kid}"), m_kid);
    }
    return out;
}

// Every keys row starts from the same file, so that both runs of it do the same.
void TestNoNetwork::prepareKeystore() const
{
    const QString path = m_dir.filePath(QStringLiteral("keystore.jwe"));
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".bak"));
    QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("base.jwe")), path));
}

void TestNoNetwork::traceCatchesAnInternetSocket()
{
    // bash's /dev/tcp makes an AF_INET socket and connects it: the trace must say so.
    const TracedRun run
        = runTraced(QStringLiteral("/bin/bash"), {"-c", "exec 3<>/dev/tcp/127.0.0.1/9 || true"}, TraceMode::Traced);
    QCOMPARE(run.exitCode, 0);
    const QString lines = run.violations.join(QLatin1Char('\n'));
    QCOMPARE(run.violations.size(), 2);
    QVERIFY2(run.violations.at(0).contains(QStringLiteral("socket(AF_INET")), qPrintable(lines));
    QVERIFY2(run.violations.at(1).contains(QStringLiteral("sa_family=AF_INET")), qPrintable(lines));
    // A Unix socket is no violation.
    QVERIFY(networkViolations(QStringLiteral("12  socket(AF_UNIX, SOCK_STREAM, 0) = 3\n"
                                             "12  connect(3, {sa_family=AF_UNIX, sun_path=\"/run/x\"}, 110) = 0\n"))
                .isEmpty());
}

void TestNoNetwork::everySubcommandHasARow()
{
    QStringList named;
    for (const CliRow& row : cliRows()) {
        named << QString::fromLatin1(row.name);
    }
    const QStringList leaves = leafSubcommands(cliPath());
    QVERIFY2(leaves.size() >= 20, qPrintable(leaves.join(QStringLiteral(", "))));
    for (const QString& leaf : leaves) {
        QVERIFY2(named.contains(leaf),
                 qPrintable(QStringLiteral("no row runs `jwtwb %1` without a network").arg(leaf)));
    }
}

void TestNoNetwork::cli_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("sameOutput");
    QTest::addColumn<int>("exitCode");
    for (const CliRow& row : cliRows()) {
        QTest::newRow(row.name) << row.arguments << row.sameOutput << row.exitCode;
    }
}

void TestNoNetwork::cli()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, sameOutput);
    QFETCH(int, exitCode);
    const QStringList expanded = expand(arguments);
    const bool keystore = arguments.contains(QStringLiteral("{dir}/keystore.jwe"));
    if (keystore) {
        prepareKeystore();
    }
    const TracedRun plain = runTraced(cliPath(), expanded, TraceMode::Plain);
    QVERIFY2(plain.exitCode == exitCode, qPrintable(plain.err));
    if (keystore) {
        prepareKeystore();
    }
    const TracedRun traced = runTraced(cliPath(), expanded, TraceMode::Traced);
    QVERIFY2(traced.violations.isEmpty(), qPrintable(traced.violations.join(QLatin1Char('\n'))));
    QVERIFY2(traced.exitCode == exitCode, qPrintable(traced.err));
    if (sameOutput) {
        QCOMPARE(traced.out, plain.out);
    }
}

void TestNoNetwork::guiPages_data()
{
    QTest::addColumn<QString>("page");
    for (const char* page : kGuiPages) {
        QTest::newRow(page) << QString::fromLatin1(page);
    }
}

// The pages the GUI names when --page is wrong are the pages above.
void TestNoNetwork::everyPageHasARow()
{
    const TracedRun run
        = runTraced(QStringLiteral(JWTWB_GUI_PATH),
                    {"--screenshot", m_dir.filePath(QStringLiteral("x.png")), "--page", "nowhere"}, TraceMode::Plain);
    QCOMPARE(run.exitCode, 2);
    const auto start = run.err.indexOf(QStringLiteral("tab: "));
    QVERIFY2(start >= 0, qPrintable(run.err));
    QStringList named = run.err.mid(start + 5)
                            .trimmed()
                            .replace(QStringLiteral(" or "), QStringLiteral(", "))
                            .split(QStringLiteral(", "));
    QStringList rows;
    for (const char* page : kGuiPages) {
        rows << QString::fromLatin1(page);
    }
    QCOMPARE(named, rows);
}

// The window as it starts, on each page, drawn into a PNG.
void TestNoNetwork::guiPages()
{
    QFETCH(QString, page);
    const QString png = m_dir.filePath(page + QStringLiteral(".png"));
    const TracedRun run
        = runTraced(QStringLiteral(JWTWB_GUI_PATH), {"--screenshot", png, "--page", page}, TraceMode::Traced);
    QVERIFY2(run.violations.isEmpty(), qPrintable(run.violations.join(QLatin1Char('\n'))));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFile(png).size() > 0);
}

void TestNoNetwork::uiTests_data()
{
    QTest::addColumn<QString>("path");
    const QDir folder(QStringLiteral(JWTWB_UI_TEST_DIR));
    const QStringList tests = folder.entryList({QStringLiteral("Test*")}, QDir::Files | QDir::Executable, QDir::Name);
    QVERIFY2(tests.size() >= 20, qPrintable(folder.path()));
    for (const QString& test : tests) {
        QTest::newRow(qPrintable(test)) << folder.filePath(test);
    }
}

// Each UI test drives its pages as a user would: with no network, and nothing trying to reach one.
void TestNoNetwork::uiTests()
{
    QFETCH(QString, path);
    const TracedRun run = runTraced(path, {}, TraceMode::Traced);
    QVERIFY2(run.violations.isEmpty(), qPrintable(run.violations.join(QLatin1Char('\n'))));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000) + run.out.right(2000)));
}

QTEST_GUILESS_MAIN(TestNoNetwork)
#include "TestNoNetwork.moc"
