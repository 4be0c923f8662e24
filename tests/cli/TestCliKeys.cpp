#include "CliRunner.h"
#include "TestData.h"
#include "encoding/Json.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using encoding::Json;
using test::runCli;

// `jwtwb keys …` against a keystore in a temporary folder. The passphrase comes from
// JWTWB_PASSPHRASE (inherited by the child processes) unless a test says otherwise. Every
// command runs PBKDF2 at the real 600 000 iterations.
class TestCliKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultPathIsTheGuiOne();
    void generate_data();
    void generate();
    void listJson();
    void importFilesAndDuplicates();
    void importSecret();
    void exportPublicAndPrivate();
    void signAndVerifyWithStoredKey();
    void wrongPassphraseChangesNothing();
    void passphraseFile();
    void changePassphrase();
    void weakNewPassphraseWarns_data();
    void weakNewPassphraseWarns();
    void deleteKey();
    void kidBeginningWithDash();
    void errors();

private:
    QStringList withKeystore(QStringList arguments) const { return arguments << "--keystore" << m_path; }
    Json listed();
    QString kidWithLabel(const std::string& label);

    QTemporaryDir m_dir;
    QString m_path;
};

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestCliKeys::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("sub/folder/keystore.jwe"));
    qputenv("JWTWB_PASSPHRASE", "pässphrase for tests");
    qunsetenv("JWTWB_NEW_PASSPHRASE");
}

void TestCliKeys::defaultPathIsTheGuiOne()
{
    // The names app/gui/main.cpp sets.
    QCoreApplication::setOrganizationName(QStringLiteral("jwt-workbench"));
    QCoreApplication::setApplicationName(QStringLiteral("jwt-workbench"));
    const QString data = m_dir.filePath(QStringLiteral("xdg-data"));
    qputenv("XDG_DATA_HOME", data.toUtf8());
    const QString expected = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/keystore.jwe";
    const auto run = runCli({"keys", "path"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), expected);
    QVERIFY(expected.startsWith(data));
    qunsetenv("XDG_DATA_HOME");
}

void TestCliKeys::generate_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("description");
    QTest::newRow("rsa-2048") << "rsa-2048"
                              << "RSA 2048-bit private key";
    QTest::newRow("ec-p256") << "ec-p256"
                             << "EC P-256 private key";
    QTest::newRow("ec-secp256k1") << "ec-secp256k1"
                                  << "EC secp256k1 private key";
    QTest::newRow("ed448") << "ed448"
                           << "Ed448 private key";
    QTest::newRow("oct-512") << "oct-512"
                             << "512-bit secret";
}

void TestCliKeys::generate()
{
    QFETCH(QString, kind);
    QFETCH(QString, description);
    const auto run = runCli(withKeystore({"keys", "generate", kind, "--label", kind, "--tag", "test"}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString kid = run.out.trimmed();
    QCOMPARE(kid.size(), 43); // base64url SHA-256 thumbprint
    QFile file(m_path);
    QCOMPARE(file.permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
             QFile::Permissions());
    // The folders the first save made are the user's alone, as in the GUI.
    for (const char* folder : {"sub", "sub/folder"}) {
        const auto permissions = QFile::permissions(m_dir.filePath(QLatin1String(folder)));
        QCOMPARE(permissions & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const auto list = runCli(withKeystore({"keys", "list"}));
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains(kid + "  " + description + "  \"" + kind + "\""));
}

Json TestCliKeys::listed()
{
    const auto run = runCli(withKeystore({"keys", "list", "--json"}));
    if (run.exitCode != 0) {
        qFatal("keys list failed: %s", qPrintable(run.err));
    }
    return test::parseJsonOrDie(run.out);
}

QString TestCliKeys::kidWithLabel(const std::string& label)
{
    const Json all = listed();
    for (const auto& entry : all) {
        if (entry["label"] == label) {
            return QString::fromStdString(entry["kid"].get<std::string>());
        }
    }
    return {};
}

void TestCliKeys::listJson()
{
    const Json all = listed();
    QCOMPARE(all.size(), std::size_t(5));
    const Json& rsa = all[0];
    QCOMPARE(rsa["kty"].get<std::string>(), std::string("RSA"));
    QCOMPARE(rsa["bits"].get<int>(), 2048);
    QCOMPARE(rsa["private"].get<bool>(), true);
    QVERIFY(rsa["tags"] == Json::parse(R"(["test"])"));
    QVERIFY(rsa["created"].get<std::string>().ends_with("Z"));
    QCOMPARE(all[2]["crv"].get<std::string>(), std::string("secp256k1"));
}

void TestCliKeys::importFilesAndDuplicates()
{
    const auto run = runCli(
        withKeystore({"keys", "import", test::dataPath("keys/rsa-2048-pkcs8.pem"), "--label", "imported", "--json"}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const Json out = test::parseJsonOrDie(run.out);
    QCOMPARE(out["added"].size(), std::size_t(1));
    // The public key of the same pair is recognised by its thumbprint.
    const auto again = runCli(withKeystore({"keys", "import", test::dataPath("keys/rsa-2048-spki.pem")}));
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("already in the keystore as \"imported\""), qPrintable(again.err));
    QVERIFY(again.err.contains("nothing was added"));
    // An encrypted private key needs its own passphrase, not the keystore's.
    QFile passphrase(m_dir.filePath("key-pass.txt"));
    QVERIFY(passphrase.open(QIODevice::WriteOnly));
    passphrase.write("correct horse battery staple\n"); // tests/data/keys/README.md
    passphrase.close();
    const auto encrypted = runCli(withKeystore({"keys", "import", test::dataPath("keys/ec-p384-pkcs8-encrypted.pem"),
                                                "--key-passphrase-file", passphrase.fileName(), "--label", "p384"}));
    QVERIFY2(encrypted.exitCode == 0, qPrintable(encrypted.err));
    QCOMPARE(encrypted.out.trimmed(), QStringLiteral("B7GDQMvBoba-SA2lfN-h_805Ctccsz69gicMmwyaqwM")); // its README
}

void TestCliKeys::importSecret()
{
    QFile secret(m_dir.filePath("secret.txt"));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("your-256-bit-secret\n");
    secret.close();
    const auto run = runCli(withKeystore(
        {"keys", "import", "--secret-file", secret.fileName(), "--label", "jwt.io", "--tag", "production"}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

void TestCliKeys::exportPublicAndPrivate()
{
    const QString kid = kidWithLabel("ec-p256");
    QVERIFY(!kid.isEmpty());
    const auto jwk = runCli(withKeystore({"keys", "export", kid}));
    QCOMPARE(jwk.exitCode, 0);
    const Json publicJwk = test::parseJsonOrDie(jwk.out);
    QVERIFY(!publicJwk.contains("d"));
    QCOMPARE(publicJwk["kid"].get<std::string>(), kid.toStdString());
    const auto priv = runCli(withKeystore({"keys", "export", kid, "--private"}));
    QCOMPARE(priv.exitCode, 0);
    QVERIFY(test::parseJsonOrDie(priv.out).contains("d"));
    const auto pem = runCli(withKeystore({"keys", "export", kid, "--format", "pem"}));
    QCOMPARE(pem.exitCode, 0);
    QVERIFY(pem.out.startsWith("-----BEGIN PUBLIC KEY-----"));

    // A production key's secret needs --yes.
    const QString secretKid = kidWithLabel("jwt.io");
    const auto refused = runCli(withKeystore({"keys", "export", secretKid, "--private"}));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains("production"));
    QCOMPARE(refused.out, QString());
    const auto confirmed = runCli(withKeystore({"keys", "export", secretKid, "--private", "--yes"}));
    QCOMPARE(confirmed.exitCode, 0);
    QCOMPARE(test::parseJsonOrDie(confirmed.out)["k"].get<std::string>(), std::string("eW91ci0yNTYtYml0LXNlY3JldA"));
    QCOMPARE(runCli(withKeystore({"keys", "export", secretKid})).exitCode, 2); // a secret has no public form
}

void TestCliKeys::signAndVerifyWithStoredKey()
{
    const QString kid = kidWithLabel("ed448");
    const auto signed_
        = runCli(withKeystore({"sign", "--alg", "EdDSA", "--keystore-key", kid, "--claim", "sub=alice"}));
    QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
    const QString token = signed_.out.trimmed();
    const auto header = runCli({"decode", "--json", token});
    QCOMPARE(test::parseJsonOrDie(header.out)["header"]["kid"].get<std::string>(), kid.toStdString()); // kid filled
    const auto verified = runCli(withKeystore({"verify", token, "--keystore-key", kid}));
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err + verified.out));
    const auto otherKey = runCli(withKeystore({"verify", token, "--keystore-key", kidWithLabel("ec-p256")}));
    QCOMPARE(otherKey.exitCode, 1);
    const auto missing = runCli(withKeystore({"verify", token, "--keystore-key", "no-such-kid"}));
    QVERIFY(missing.exitCode != 0);
    QVERIFY(missing.err.contains("no key with kid \"no-such-kid\""));
}

void TestCliKeys::wrongPassphraseChangesNothing()
{
    const QByteArray before = fileBytes(m_path);
    const QByteArray backup = fileBytes(m_path + ".bak");
    qputenv("JWTWB_PASSPHRASE", "not it");
    for (const QStringList& command : {QStringList{"keys", "list"}, QStringList{"keys", "generate", "oct-256"},
                                       QStringList{"keys", "delete", "x"}, QStringList{"keys", "passwd"}}) {
        const auto run = runCli(withKeystore(command));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("wrong passphrase"), qPrintable(run.err));
    }
    qputenv("JWTWB_PASSPHRASE", "pässphrase for tests");
    QCOMPARE(fileBytes(m_path), before);
    QCOMPARE(fileBytes(m_path + ".bak"), backup);
}

void TestCliKeys::passphraseFile()
{
    QFile file(m_dir.filePath("pass.txt"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("pässphrase for tests\nsecond line ignored\n");
    file.close();
    qunsetenv("JWTWB_PASSPHRASE");
    const auto run = runCli(withKeystore({"keys", "list", "--passphrase-file", file.fileName()}));
    const auto none = runCli(withKeystore({"keys", "list"}), QByteArray("pässphrase for tests\n"));
    qputenv("JWTWB_PASSPHRASE", "pässphrase for tests");
    QCOMPARE(run.exitCode, 0);
    // No terminal, no file, no variable: standard input is never taken as the passphrase.
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.err.contains("no passphrase"));
}

void TestCliKeys::changePassphrase()
{
    const QByteArray before = fileBytes(m_path);
    qputenv("JWTWB_NEW_PASSPHRASE", "the new one");
    const auto run = runCli(withKeystore({"keys", "passwd"}));
    qunsetenv("JWTWB_NEW_PASSPHRASE");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(fileBytes(m_path + ".bak"), before);
    QCOMPARE(runCli(withKeystore({"keys", "list"})).exitCode, 1);
    qputenv("JWTWB_PASSPHRASE", "the new one");
    QCOMPARE(listed().size(), std::size_t(8));
    // "the new one" is three common words: warned about, and taken all the same.
    QVERIFY2(run.err.contains("warning: the new passphrase is poor (about 28 bits"), qPrintable(run.err));
}

// A new keystore's passphrase is estimated with zxcvbn: below 75 bits a warning on stderr, and the
// keystore is created all the same.
void TestCliKeys::weakNewPassphraseWarns_data()
{
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<QString>("warning");
    QTest::newRow("three letters") << QByteArray("abc") << "is poor (about 3 bits";
    QTest::newRow("a dictionary word with a digit") << QByteArray("Password1") << "is poor (about 4 bits";
    QTest::newRow("a famous one") << QByteArray("Tr0ub4dor&3") << "is weak (about 47 bits";
    QTest::newRow("four unrelated words and a year") << QByteArray("glacier orbit velvet tundra 1987") << QString();
}

void TestCliKeys::weakNewPassphraseWarns()
{
    QFETCH(QByteArray, passphrase);
    QFETCH(QString, warning);
    const QString path = m_dir.filePath(QStringLiteral("new-%1.jwe").arg(QTest::currentDataTag()));
    const QByteArray before = qgetenv("JWTWB_PASSPHRASE");
    qputenv("JWTWB_PASSPHRASE", passphrase);
    const auto run = runCli({"keys", "generate", "oct-256", "--keystore", path});
    const auto list = runCli({"keys", "list", "--keystore", path});
    qputenv("JWTWB_PASSPHRASE", before);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(list.exitCode, 0);
    if (warning.isEmpty()) {
        QVERIFY2(!run.err.contains("warning"), qPrintable(run.err));
    } else {
        QVERIFY2(run.err.contains("warning: the new passphrase " + warning), qPrintable(run.err));
        QVERIFY(run.err.contains("offline"));
    }
    // Only a new passphrase is estimated: opening an existing keystore says nothing about it.
    QVERIFY(!list.err.contains("warning"));
}

void TestCliKeys::deleteKey()
{
    const QString kid = kidWithLabel("oct-512");
    QVERIFY(!kid.isEmpty());
    QCOMPARE(runCli(withKeystore({"keys", "delete", kid})).exitCode, 0);
    QVERIFY(kidWithLabel("oct-512").isEmpty());
    const auto again = runCli(withKeystore({"keys", "delete", kid}));
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("no key with kid"));
}

// One thumbprint in 64 begins with '-'; CLI11 alone would read "-h…" as the help flag and "--…" as
// an unknown option.
void TestCliKeys::kidBeginningWithDash()
{
    const QString kid = QStringLiteral("-hdash");
    QFile jwk(m_dir.filePath("dash.jwk"));
    QVERIFY(jwk.open(QIODevice::WriteOnly));
    jwk.write(R"({"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
              R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","kid":"-hdash"})");
    jwk.close();
    const auto imported = runCli(withKeystore({"keys", "import", jwk.fileName()}));
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(imported.out.trimmed(), kid);

    const auto exported = runCli(withKeystore({"keys", "export", kid}));
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QCOMPARE(test::parseJsonOrDie(exported.out)["kid"].get<std::string>(), kid.toStdString());
    const auto afterMark = runCli({"keys", "export", "--keystore", m_path, "--", kid}); // all after -- is the kid
    QCOMPARE(afterMark.exitCode, 0);
    QCOMPARE(afterMark.out, exported.out);

    const auto help = runCli({"keys", "export", "-h"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("Usage: jwtwb keys export"));
    const auto noKid = runCli(withKeystore({"keys", "export"}));
    QCOMPARE(noKid.exitCode, 2);
    QVERIFY(noKid.err.contains("kid is required"));
    const auto unknown = runCli(withKeystore({"keys", "export", kid, "--bogus"}));
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("unexpected argument: --bogus"));

    QCOMPARE(runCli(withKeystore({"keys", "delete", kid})).exitCode, 0);
    const auto gone = runCli(withKeystore({"keys", "export", kid}));
    QCOMPARE(gone.exitCode, 1);
    QVERIFY(gone.err.contains("no key with kid \"-hdash\""));

    // One thumbprint in 4096 begins with "--", which CLI11 takes for a long option.
    QVERIFY(jwk.open(QIODevice::WriteOnly | QIODevice::Truncate));
    jwk.write(R"({"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
              R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","kid":"--dash"})");
    jwk.close();
    QCOMPARE(runCli(withKeystore({"keys", "import", jwk.fileName()})).out.trimmed(), QStringLiteral("--dash"));
    const auto longDash = runCli(withKeystore({"keys", "export", "--dash"}));
    QVERIFY2(longDash.exitCode == 0, qPrintable(longDash.err));
    QCOMPARE(test::parseJsonOrDie(longDash.out)["kid"].get<std::string>(), std::string("--dash"));
    QCOMPARE(runCli(withKeystore({"keys", "delete", "--dash"})).exitCode, 0);
    const auto unknownAlone = runCli(withKeystore({"keys", "delete", "--bogus"}));
    QCOMPARE(unknownAlone.exitCode, 1);
    QVERIFY(unknownAlone.err.contains("no key with kid \"--bogus\""));
}

void TestCliKeys::errors()
{
    const auto kind = runCli(withKeystore({"keys", "generate", "rsa-1024"}));
    QCOMPARE(kind.exitCode, 2);
    QVERIFY(kind.err.contains("unknown key kind \"rsa-1024\""));
    const auto missing = runCli({"keys", "list", "--keystore", m_dir.filePath("none.jwe")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("none.jwe"));
    QFile damaged(m_dir.filePath("damaged.jwe"));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(fileBytes(m_path).left(100));
    damaged.close();
    const auto broken = runCli({"keys", "list", "--keystore", damaged.fileName()});
    QCOMPARE(broken.exitCode, 2);
    QVERIFY2(broken.err.contains("damaged or not a keystore"), qPrintable(broken.err));
    QCOMPARE(runCli({"keys"}).exitCode, 2);
    QCOMPARE(runCli(withKeystore({"keys", "import"})).exitCode, 2);
    // A folder that cannot be made: the reason, and nothing claimed.
    QFile blocker(m_dir.filePath("blocker"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const auto blocked = runCli({"keys", "generate", "oct-256", "--keystore", m_dir.filePath("blocker/keystore.jwe")});
    QVERIFY(blocked.exitCode != 0);
    QVERIFY2(blocked.err.contains(m_dir.filePath("blocker") + ": a file of that name is in the way"),
             qPrintable(blocked.err));
    QVERIFY(blocked.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliKeys)
#include "TestCliKeys.moc"
