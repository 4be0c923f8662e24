#include "CliRunner.h"
#include "TestData.h"
#include "encoding/Json.h"
#include "jwe/JweAlgorithm.h"

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using encoding::Json;
using test::runCli;

namespace {

// UTF-8 beyond ASCII, and long enough for two AES blocks and more.
const QByteArray kPlaintext = "Not all those who wander are lost. — Ünïcödé, 🔐, and a line break\n";
const QByteArray kPassphrase = "speak friend and enter";

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The AES key size of an A*KW, A*GCMKW or dir alg with this enc, in bytes.
int sharedKeySize(const QString& alg, const QString& enc)
{
    if (alg == "dir") {
        const int bits = enc.mid(1, 3).toInt(); // A128GCM, A128CBC-HS256: 128
        return enc.contains("CBC") ? bits / 4 : bits / 8;
    }
    return alg.mid(1, 3).toInt() / 8;
}

// A name in a later jwcrypto that RFC 7518 and RFC 8037 do not have is not ours to test.
bool known(const QString& alg, const QString& enc)
{
    return jwe::parseKeyAlgorithm(alg.toStdString()) && jwe::parseContentAlgorithm(enc.toStdString());
}

} // namespace

// `jwtwb encrypt` and `jwtwb decrypt` against an independent JOSE implementation, Debian's
// python3-jwcrypto (tests/support/jwcrypto_jwe.py): for every JWE algorithm it has, it decrypts
// what we encrypt and we decrypt what it encrypts (RSA1_5 that way only: we never encrypt it),
// ECDH-ES on each curve, with compression and in the JSON serialization too.
class TestJweInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jwcryptoToUs_data();
    void jwcryptoToUs();
    void usToJwcrypto_data();
    void usToJwcrypto();
    void weakRsaKey();

private:
    struct Keys {
        QString jwcrypto; // the JWK file jwcrypto uses
        QStringList ours; // our key options
    };

    QByteArray runJwcrypto(const QStringList& arguments);
    QString write(const QString& name, const QByteArray& content);
    Keys keysFor(const QString& alg, const QString& enc, const QString& curve);
    void addRows(bool theirsEncrypts);

    QTemporaryDir m_dir;
    QStringList m_algorithms; // jwcrypto's "alg" list
    QStringList m_encryptions; // its "enc" list
    QMap<QString, QString> m_keyFiles; // by kind: RSA, P-256, …, X448
    QString m_plaintextFile;
};

QByteArray TestJweInterop::runJwcrypto(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(JWTWB_SYSTEM_PYTHON),
                  QStringList{test::dataPath(QStringLiteral("../support/jwcrypto_jwe.py"))} + arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("jwcrypto_jwe.py %s: %s", qPrintable(arguments.join(' ')), process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

QString TestJweInterop::write(const QString& name, const QByteArray& content)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(name));
    }
    return file.fileName();
}

void TestJweInterop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess probe;
    probe.start(QStringLiteral(JWTWB_SYSTEM_PYTHON), {"-c", "import jwcrypto"});
    if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0) {
        QSKIP("python3-jwcrypto is missing: it is in scripts/packages/debian.txt (scripts/test installs it)");
    }
    const Json algorithms = test::parseJsonOrDie(QString::fromUtf8(runJwcrypto({"algorithms"})));
    for (const auto& name : algorithms["alg"]) {
        m_algorithms << QString::fromStdString(name.get<std::string>());
    }
    for (const auto& name : algorithms["enc"]) {
        m_encryptions << QString::fromStdString(name.get<std::string>());
    }
    QVERIFY(m_algorithms.contains("RSA-OAEP-256") && m_algorithms.contains("ECDH-ES+A256KW"));
    QVERIFY(m_encryptions.contains("A256GCM"));
    for (const QString kind : {"RSA", "P-256", "P-384", "P-521", "X25519", "X448"}) {
        const QString path = m_dir.filePath(kind + ".jwk");
        runJwcrypto({"genkey", kind, path});
        QVERIFY2(QFile::exists(path), qPrintable(kind));
        m_keyFiles[kind] = path;
    }
    m_plaintextFile = write("plaintext.txt", kPlaintext);
}

TestJweInterop::Keys TestJweInterop::keysFor(const QString& alg, const QString& enc, const QString& curve)
{
    if (alg.startsWith("RSA")) {
        return {m_keyFiles["RSA"], {"--key", m_keyFiles["RSA"]}};
    }
    if (alg.startsWith("ECDH-ES")) {
        return {m_keyFiles[curve], {"--key", m_keyFiles[curve]}};
    }
    if (alg.startsWith("PBES2")) {
        const QString passphrase = write("passphrase.txt", kPassphrase);
        const QString jwk = write("passphrase.jwk", R"({"kty":"oct","k":")" + base64Url(kPassphrase) + R"("})");
        return {jwk, {"--secret-file", passphrase}};
    }
    QByteArray secret(sharedKeySize(alg, enc), Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(secret.data()), secret.size() / 4);
    const QString name = QStringLiteral("%1-%2.jwk").arg(alg, enc);
    const QString jwk = write(name, R"({"kty":"oct","k":")" + base64Url(secret) + R"("})");
    return {jwk, {"--key", jwk}};
}

// Every alg of jwcrypto's list, with its encs in turn so that each enc comes several times;
// ECDH-ES on every curve; compression; the general JSON serialization.
void TestJweInterop::addRows(bool theirsEncrypts)
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("enc");
    QTest::addColumn<QString>("curve");
    QTest::addColumn<QStringList>("flags");
    const auto add = [](const QString& alg, const QString& enc, const QString& curve, const QStringList& flags) {
        QTest::addRow("%s %s%s%s", qPrintable(alg), qPrintable(enc), qPrintable(curve.isEmpty() ? "" : " " + curve),
                      qPrintable(flags.isEmpty() ? "" : " " + flags.join(' ')))
            << alg << enc << curve << flags;
    };
    for (qsizetype i = 0; i < m_algorithms.size(); ++i) {
        const QString& alg = m_algorithms[i];
        if (alg == "RSA1_5" && !theirsEncrypts) {
            continue; // decrypt only here (TestCliJwe checks the refusal)
        }
        add(alg, m_encryptions[i % m_encryptions.size()], alg.startsWith("ECDH") ? "P-256" : "", {});
    }
    for (const QString curve : {"P-384", "P-521", "X25519", "X448"}) {
        add("ECDH-ES", "A256GCM", curve, {});
        add("ECDH-ES+A128KW", "A128CBC-HS256", curve, {});
    }
    for (const QString& enc : m_encryptions) {
        add("dir", enc, "", {});
    }
    add("A256KW", "A256GCM", "", {"zip"});
    add("RSA-OAEP-256", "A128CBC-HS256", "", {"json"});
}

void TestJweInterop::jwcryptoToUs_data()
{
    addRows(true);
}

// jwcrypto encrypts, `jwtwb decrypt` gives back the plaintext.
void TestJweInterop::jwcryptoToUs()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    QFETCH(QString, curve);
    QFETCH(QStringList, flags);
    if (!known(alg, enc)) {
        QSKIP("not an algorithm this program implements");
    }
    const Keys keys = keysFor(alg, enc, curve);
    const QByteArray token = runJwcrypto(QStringList{"encrypt", alg, enc, keys.jwcrypto, m_plaintextFile} + flags);
    QVERIFY(!token.isEmpty());
    const auto run = runCli(QStringList{"decrypt", "-"} + keys.ours, token);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.outBytes, kPlaintext);
    const Json json = test::parseJsonOrDie(runCli(QStringList{"decrypt", "-", "--json"} + keys.ours, token).out);
    QCOMPARE(QString::fromStdString(json["alg"].get<std::string>()), alg);
    QCOMPARE(QString::fromStdString(json["enc"].get<std::string>()), enc);
    QCOMPARE(json["compressed"].get<bool>(), flags.contains("zip"));
}

void TestJweInterop::usToJwcrypto_data()
{
    addRows(false);
}

// `jwtwb encrypt` encrypts, jwcrypto gives back the plaintext and reads our header.
void TestJweInterop::usToJwcrypto()
{
    QFETCH(QString, alg);
    QFETCH(QString, enc);
    QFETCH(QString, curve);
    QFETCH(QStringList, flags);
    if (!known(alg, enc)) {
        QSKIP("not an algorithm this program implements");
    }
    const Keys keys = keysFor(alg, enc, curve);
    QStringList arguments{"encrypt", "--alg", alg, "--enc", enc, "--payload-file", m_plaintextFile};
    if (flags.contains("zip")) {
        arguments << "--zip";
    }
    if (flags.contains("json")) {
        arguments << "--serialization"
                  << "general";
    }
    if (alg.startsWith("PBES2")) {
        arguments << "--p2c"
                  << "20000"; // jwcrypto 1.5 refuses more than 16 384 by default; its script allows more
    }
    const auto run = runCli(arguments + keys.ours);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString token = write("token.txt", run.outBytes);
    const QByteArray decrypted = runJwcrypto({"decrypt", keys.jwcrypto, token});
    QVERIFY(!decrypted.isEmpty());
    const Json json = test::parseJsonOrDie(QString::fromUtf8(decrypted));
    QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(json["plaintext"].get<std::string>()),
                                    QByteArray::Base64UrlEncoding),
             kPlaintext);
    QCOMPARE(QString::fromStdString(json["header"]["alg"].get<std::string>()), alg);
    QCOMPARE(QString::fromStdString(json["header"]["enc"].get<std::string>()), enc);
    QCOMPARE(json["header"].contains("zip"), flags.contains("zip"));
}

// A JWE made for a 1024-bit RSA key, which jwcrypto allows: refused as weak here unless
// --allow-weak-keys says otherwise.
void TestJweInterop::weakRsaKey()
{
    const QString key = m_dir.filePath("rsa-1024.jwk");
    runJwcrypto({"genkey", "RSA-1024", key});
    const QByteArray token = runJwcrypto({"encrypt", "RSA-OAEP", "A128GCM", key, m_plaintextFile});
    QVERIFY(!token.isEmpty());
    const auto refused = runCli({"decrypt", "-", "--key", key, "--json"}, token);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(QString::fromStdString(test::parseJsonOrDie(refused.out)["error"].get<std::string>()),
             QStringLiteral("ERR_KEY_WEAK"));
    const auto allowed = runCli({"decrypt", "-", "--key", key, "--allow-weak-keys"}, token);
    QCOMPARE(allowed.exitCode, 0);
    QCOMPARE(allowed.outBytes, kPlaintext);
}

QTEST_GUILESS_MAIN(TestJweInterop)
#include "TestJweInterop.moc"
