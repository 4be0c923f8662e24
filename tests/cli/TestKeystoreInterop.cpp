#include "TestData.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"
#include "keys/Thumbprint.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace jwtwb;
using namespace jwtwb::keys;
using encoding::Json;

// Our keystore against an independent JOSE implementation, Debian's python3-jwcrypto
// (tests/support/jwcrypto_keystore.py): it opens what we write with the passphrase and finds the
// same keys, and what it writes opens here. Both at our real iteration count.
class TestKeystoreInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jwcryptoOpensOurs();
    void oursOpensJwcryptos();

private:
    Json runJwcrypto(const QString& command, const QString& path);
    QTemporaryDir m_dir;
};

namespace {

const std::string kPassphrase = "Grüße aus dem Schlüsselbund";

crypto::SecureBytes passphrase()
{
    return crypto::SecureBytes(kPassphrase);
}

} // namespace

void TestKeystoreInterop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess probe;
    probe.start(QStringLiteral(JWTWB_SYSTEM_PYTHON), {"-c", "import jwcrypto"});
    QVERIFY(probe.waitForFinished(60000));
    if (probe.exitCode() != 0) {
        QFAIL("python3-jwcrypto is missing: it is in scripts/packages/debian.txt (scripts/test installs it)");
    }
}

Json TestKeystoreInterop::runJwcrypto(const QString& command, const QString& path)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("JWTWB_PASSPHRASE"), QString::fromStdString(kPassphrase));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(JWTWB_SYSTEM_PYTHON),
                  {test::dataPath(QStringLiteral("../support/jwcrypto_keystore.py")), command, path});
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        qWarning("%s", process.readAllStandardError().constData());
        return nullptr;
    }
    return test::parseJsonOrDie(QString::fromUtf8(process.readAllStandardOutput()));
}

void TestKeystoreInterop::jwcryptoOpensOurs()
{
    const QString path = m_dir.filePath(QStringLiteral("ours.jwe"));
    Keystore keystore = Keystore::create(path.toStdString(), passphrase());
    const std::pair<KeySpec, const char*> kinds[] = {
        {{KeyType::Rsa, 2048, Curve::None}, "RSA"},     {{KeyType::Ec, 0, Curve::P256}, "P-256"},
        {{KeyType::Ec, 0, Curve::P521}, "P-521"},       {{KeyType::Ec, 0, Curve::Secp256k1}, "secp256k1"},
        {{KeyType::Okp, 0, Curve::Ed25519}, "Ed25519"}, {{KeyType::Okp, 0, Curve::Ed448}, "Ed448"},
        {{KeyType::Oct, 512, Curve::None}, "secret"},
    };
    std::map<std::string, std::string> labelByThumbprint;
    for (const auto& [spec, label] : kinds) {
        auto key = generateKey(spec);
        QVERIFY(key.has_value());
        labelByThumbprint[encoding::base64UrlEncode(*thumbprint(*key))] = label;
        QVERIFY(keystore.add({std::move(*key), label, "2026-11-29T02:00:00Z", {}, {"interop"}}).has_value());
    }
    // The decoder's history is one more member of the JWK Set, which other JOSE tools ignore.
    QVERIFY(keystore.recordToken("eyJhbGciOiJub25lIn0.e30.", "2026-11-29T02:00:00Z", 50).has_value());
    QVERIFY(keystore.save().has_value());

    const Json seen = runJwcrypto(QStringLiteral("read"), path);
    QVERIFY(seen.is_object());
    QCOMPARE(seen["header"]["alg"].get<std::string>(), std::string("PBES2-HS512+A256KW"));
    QCOMPARE(seen["header"]["p2c"].get<int>(), 600000);
    QCOMPARE(seen["keys"].size(), std::size_t(7));
    for (const auto& key : seen["keys"]) {
        const std::string print = key["thumbprint"].get<std::string>();
        QVERIFY2(labelByThumbprint.contains(print), print.c_str());
        QCOMPARE(key["label"].get<std::string>(), labelByThumbprint[print]);
        QCOMPARE(key["kid"].get<std::string>(), print); // our default kid is what jwcrypto computes
        QCOMPARE(key["private"].get<bool>(), true);
    }
    // The wrong passphrase fails there too.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("JWTWB_PASSPHRASE"), QStringLiteral("wrong"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(JWTWB_SYSTEM_PYTHON),
                  {test::dataPath(QStringLiteral("../support/jwcrypto_keystore.py")), "read", path});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY(process.exitCode() != 0);
}

void TestKeystoreInterop::oursOpensJwcryptos()
{
    const QString path = m_dir.filePath(QStringLiteral("theirs.jwe"));
    const Json written = runJwcrypto(QStringLiteral("write"), path);
    QVERIFY(written.is_array());
    QCOMPARE(written.size(), std::size_t(5));

    auto opened = Keystore::open(path.toStdString(), passphrase());
    QVERIFY2(opened.has_value(), opened ? "" : opened.error().message.c_str());
    QCOMPARE(opened->entries().size(), written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        const KeystoreEntry& entry = opened->entries()[i];
        QCOMPARE(encoding::base64UrlEncode(*thumbprint(entry.key)), written[i]["thumbprint"].get<std::string>());
        QCOMPARE(entry.kid(), written[i]["thumbprint"].get<std::string>()); // no kid there: the default one
        QCOMPARE(entry.label, written[i]["label"].get<std::string>());
        QCOMPARE(entry.tags, std::vector<std::string>{"interop"});
        QVERIFY(entry.key.hasPrivate());
    }
    QCOMPARE(Keystore::open(path.toStdString(), crypto::SecureBytes(std::string_view("wrong"))).error().code,
             Errc::WrongPassphrase);

    // Saved by us (our format from now on), their keys still open there.
    QVERIFY(opened->add({*generateKey({KeyType::Ec, 0, Curve::P384}), "ours", {}, {}, {}}).has_value());
    QVERIFY(opened->save().has_value());
    const Json seen = runJwcrypto(QStringLiteral("read"), path);
    QVERIFY(seen.is_object());
    QCOMPARE(seen["header"]["jwtwb-keystore"].get<int>(), 1);
    QCOMPARE(seen["keys"].size(), std::size_t(6));
    for (std::size_t i = 0; i < written.size(); ++i) {
        QVERIFY(seen["keys"][i]["thumbprint"] == written[i]["thumbprint"]);
    }
}

QTEST_GUILESS_MAIN(TestKeystoreInterop)
#include "TestKeystoreInterop.moc"
