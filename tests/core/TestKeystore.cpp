#include "TestData.h"
#include "encoding/Base64Url.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/Keystore.h"
#include "keys/KeystoreFormat.h"
#include "keys/Thumbprint.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace jwtwb;
using namespace jwtwb::keys;
using encoding::Json;

namespace {

// Unit tests of behaviour other than the key derivation run with a low iteration count;
// realDefaultIterations() uses the real one.
constexpr std::uint64_t kFast = 1000;
const KeystoreOptions kFastOptions{kFast};

crypto::SecureBytes pass(std::string_view text)
{
    return crypto::SecureBytes(text);
}

Key generate(KeySpec spec)
{
    auto key = generateKey(spec);
    if (!key) {
        qFatal("generation failed: %s", key.error().message.c_str());
    }
    return std::move(*key);
}

KeystoreEntry entryFor(Key key, std::string label = {})
{
    return KeystoreEntry{std::move(key), std::move(label), "2026-11-29T01:00:00Z", {}, {}};
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

Json protectedHeaderOf(const QByteArray& file)
{
    auto message = jwe::parseJweJson(file.toStdString());
    if (!message) {
        qFatal("not a JWE: %s", message.error().message.c_str());
    }
    return message->protectedHeader;
}

std::string privateJwk(const Key& key)
{
    auto jwk = exportJwk(key, key.hasPrivate());
    return jwk ? encoding::toCompactJson(*jwk) : std::string("export failed");
}

} // namespace

class TestKeystore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTripEveryKind_data();
    void roundTripEveryKind();
    void metadataAndOrder();
    void realDefaultIterations();
    void freshSaltAndIvEverySave();
    void fileModeAndBackup();
    void wrongPassphrase();
    void truncatedFiles();
    void everyByteFlipped();
    void unknownVersion();
    void notAKeystore_data();
    void notAKeystore();
    void duplicates();
    void removeAndMetadata();
    void changePassphrase();
    void lockWipes();
    void missingFile();
    void createsMissingFolders();
    void failedSaveKeepsKeys();
    void saveAsMovesTheKeystore();
    void noSecretInTheFile();

private:
    QString keystorePath() const { return m_dir->filePath(QStringLiteral("keystore.jwe")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestKeystore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestKeystore::roundTripEveryKind_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("curve");
    QTest::newRow("RSA 2048") << int(KeyType::Rsa) << 2048 << int(Curve::None);
    QTest::newRow("RSA 3072") << int(KeyType::Rsa) << 3072 << int(Curve::None);
    QTest::newRow("EC P-256") << int(KeyType::Ec) << 0 << int(Curve::P256);
    QTest::newRow("EC P-384") << int(KeyType::Ec) << 0 << int(Curve::P384);
    QTest::newRow("EC P-521") << int(KeyType::Ec) << 0 << int(Curve::P521);
    QTest::newRow("EC secp256k1") << int(KeyType::Ec) << 0 << int(Curve::Secp256k1);
    QTest::newRow("Ed25519") << int(KeyType::Okp) << 0 << int(Curve::Ed25519);
    QTest::newRow("Ed448") << int(KeyType::Okp) << 0 << int(Curve::Ed448);
    QTest::newRow("oct 256") << int(KeyType::Oct) << 256 << int(Curve::None);
    QTest::newRow("oct 384") << int(KeyType::Oct) << 384 << int(Curve::None);
    QTest::newRow("oct 512") << int(KeyType::Oct) << 512 << int(Curve::None);
}

void TestKeystore::roundTripEveryKind()
{
    QFETCH(int, type);
    QFETCH(int, bits);
    QFETCH(int, curve);
    const Key key = generate({KeyType(type), bits, Curve(curve)});
    // A second key of the same kind, stored as a public key only (a partner's verification key).
    const Key second = generate({KeyType(type), bits, Curve(curve)});
    const Key publicOnly = key.type() == KeyType::Oct ? second : *second.publicKey();

    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("pässphrase"), kFastOptions);
    auto kid = keystore.add(entryFor(key, "generated"));
    QVERIFY2(kid.has_value(), kid ? "" : kid.error().message.c_str());
    // Default kid: the RFC 7638 thumbprint.
    QCOMPARE(*kid, encoding::base64UrlEncode(*thumbprint(key)));
    auto otherKid = keystore.add(entryFor(publicOnly, "other"));
    QVERIFY2(otherKid.has_value(), otherKid ? "" : otherKid.error().message.c_str());
    QVERIFY(keystore.save().has_value());

    auto opened = Keystore::open(keystorePath().toStdString(), pass("pässphrase"), kFastOptions);
    QVERIFY2(opened.has_value(), opened ? "" : opened.error().message.c_str());
    QCOMPARE(opened->entries().size(), std::size_t(2));
    const KeystoreEntry* stored = opened->find(*kid);
    QVERIFY(stored != nullptr);
    QCOMPARE(stored->key.hasPrivate(), true);
    Key withKid = key;
    withKid.parameters().kid = *kid;
    QCOMPARE(privateJwk(stored->key), privateJwk(withKid));
    QCOMPARE(encoding::base64UrlEncode(*thumbprint(stored->key)), *kid);
    QCOMPARE(stored->key.describe(), key.describe());
    QCOMPARE(stored->label, std::string("generated"));
    const KeystoreEntry* other = opened->find(*otherKid);
    QVERIFY(other != nullptr);
    QCOMPARE(other->key.hasPrivate(), publicOnly.hasPrivate());
}

void TestKeystore::metadataAndOrder()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    auto imported = importJwk(
        R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow","kid":"hmac-1","alg":"HS256","x-custom":[1,2]})");
    QVERIFY(imported.has_value());
    KeystoreEntry entry{
        *imported, "Staging HMAC – ✓", "2026-11-29T01:02:03Z", "rotated\nmonthly", {"production", "api"}};
    QCOMPARE(*keystore.add(std::move(entry)), std::string("hmac-1")); // a given kid is kept
    QVERIFY(keystore.add(entryFor(generate({KeyType::Ec, 0, Curve::P256}), "second")).has_value());
    QVERIFY(keystore.save().has_value());

    auto opened = Keystore::open(keystorePath().toStdString(), pass("x"));
    QVERIFY(opened.has_value());
    QCOMPARE(opened->entries().size(), std::size_t(2));
    const KeystoreEntry& first = opened->entries().front();
    QCOMPARE(first.kid(), std::string("hmac-1"));
    QCOMPARE(first.label, std::string("Staging HMAC – ✓"));
    QCOMPARE(first.created, std::string("2026-11-29T01:02:03Z"));
    QCOMPARE(first.notes, std::string("rotated\nmonthly"));
    QCOMPARE(first.tags, (std::vector<std::string>{"production", "api"}));
    QVERIFY(first.hasTag("production"));
    QCOMPARE(first.key.parameters().alg, std::string("HS256"));
    QVERIFY(first.key.parameters().extra == Json::parse(R"({"x-custom":[1,2]})"));
    QCOMPARE(opened->entries().back().label, std::string("second"));
}

void TestKeystore::realDefaultIterations()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("correct horse battery staple"));
    QVERIFY(keystore.add(entryFor(generate({KeyType::Okp, 0, Curve::Ed25519}))).has_value());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(keystore.save().has_value());
    const qint64 saveMs = timer.restart();
    auto opened = Keystore::open(keystorePath().toStdString(), pass("correct horse battery staple"));
    const qint64 openMs = timer.elapsed();
    QVERIFY(opened.has_value());
    qInfo("p2c %llu: save %lld ms, open %lld ms", static_cast<unsigned long long>(jwe::kDefaultP2c), saveMs, openMs);

    const Json header = protectedHeaderOf(fileBytes(keystorePath()));
    QCOMPARE(header["alg"].get<std::string>(), std::string("PBES2-HS512+A256KW"));
    QCOMPARE(header["enc"].get<std::string>(), std::string("A256GCM"));
    QCOMPARE(header["cty"].get<std::string>(), std::string("jwk-set+json"));
    QCOMPARE(header["jwtwb-keystore"].get<int>(), 1);
    QCOMPARE(header["p2c"].get<std::uint64_t>(), std::uint64_t(600000));
    QCOMPARE(encoding::base64UrlDecode(header["p2s"].get<std::string>())->size(), std::size_t(16));
    QCOMPARE(Keystore::open(keystorePath().toStdString(), pass("correct horse battery stapler")).error().code,
             Errc::WrongPassphrase);
}

void TestKeystore::freshSaltAndIvEverySave()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    QVERIFY(keystore.save().has_value());
    const QByteArray first = fileBytes(keystorePath());
    QVERIFY(keystore.save().has_value());
    const QByteArray second = fileBytes(keystorePath());
    const auto a = jwe::parseJweJson(first.toStdString());
    const auto b = jwe::parseJweJson(second.toStdString());
    QVERIFY(a && b);
    QVERIFY(a->protectedHeader["p2s"] != b->protectedHeader["p2s"]);
    QVERIFY(a->iv != b->iv);
    QVERIFY(a->recipients[0].encryptedKey != b->recipients[0].encryptedKey); // a fresh CEK too
}

void TestKeystore::fileModeAndBackup()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    QVERIFY(keystore.save().has_value());
    QVERIFY(!QFile::exists(keystorePath() + ".bak"));
    const QByteArray first = fileBytes(keystorePath());
    QVERIFY(keystore.add(entryFor(generate({KeyType::Oct, 256, Curve::None}))).has_value());
    QVERIFY(keystore.save().has_value());
    QCOMPARE(fileBytes(keystorePath() + ".bak"), first);
    for (const QString& path : {keystorePath(), keystorePath() + ".bak"}) {
        struct stat info {
        };
        QCOMPARE(::stat(path.toLocal8Bit().constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
    }
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 2); // no temporary file left behind
    auto backup = Keystore::open((keystorePath() + ".bak").toStdString(), pass("x"));
    QVERIFY(backup.has_value());
    QVERIFY(backup->entries().empty());
}

void TestKeystore::wrongPassphrase()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("right"), kFastOptions);
    QVERIFY(keystore.save().has_value());
    const QByteArray before = fileBytes(keystorePath());
    const auto opened = Keystore::open(keystorePath().toStdString(), pass("wrong"));
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().code, Errc::WrongPassphrase);
    QVERIFY(QString::fromStdString(opened.error().message).contains("wrong passphrase"));
    QCOMPARE(Keystore::open(keystorePath().toStdString(), pass("")).error().code, Errc::PassphraseRequired);
    QCOMPARE(fileBytes(keystorePath()), before);
    QVERIFY(!QFile::exists(keystorePath() + ".bak"));
}

void TestKeystore::truncatedFiles()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    QVERIFY(keystore.add(entryFor(generate({KeyType::Ec, 0, Curve::P256}))).has_value());
    QVERIFY(keystore.save().has_value());
    const std::string whole = fileBytes(keystorePath()).toStdString();
    for (std::size_t length = 0; length + 1 < whole.size(); ++length) { // the last byte is a newline
        const auto opened = openKeystoreText(std::string_view(whole).substr(0, length), pass("x"));
        QVERIFY2(!opened.has_value(), qPrintable(QStringLiteral("length %1").arg(length)));
        QVERIFY(!opened.error().message.empty());
    }
    // Through the file: clean error, file left as it is.
    const QByteArray truncated = QByteArray::fromStdString(whole.substr(0, whole.size() / 2));
    writeBytes(keystorePath(), truncated);
    const auto opened = Keystore::open(keystorePath().toStdString(), pass("x"));
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().code, Errc::InvalidJson);
    QVERIFY(QString::fromStdString(opened.error().message).contains("damaged or not a keystore"));
    QCOMPARE(fileBytes(keystorePath()), truncated);
}

void TestKeystore::everyByteFlipped()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    QVERIFY(keystore.add(entryFor(generate({KeyType::Oct, 256, Curve::None}), "k")).has_value());
    QVERIFY(keystore.save().has_value());
    const std::string whole = fileBytes(keystorePath()).toStdString();
    QVERIFY(openKeystoreText(whole, pass("x")).has_value());
    int failures = 0;
    for (const unsigned char mask : {0x01, 0x20, 0x80}) {
        for (std::size_t i = 0; i < whole.size(); ++i) {
            std::string changed = whole;
            changed[i] = static_cast<char>(static_cast<unsigned char>(changed[i]) ^ mask);
            const auto opened = openKeystoreText(changed, pass("x"));
            if (opened.has_value()) {
                qWarning("byte %zu ^ 0x%02x still opens", i, mask);
                ++failures;
            } else if (opened.error().message.empty()) {
                ++failures;
            }
        }
    }
    QCOMPARE(failures, 0);
}

void TestKeystore::unknownVersion()
{
    jwe::EncryptOptions options;
    options.protectedHeader = Json::parse(R"({"alg":"PBES2-HS512+A256KW","enc":"A256GCM","jwtwb-keystore":2})");
    options.p2c = kFast;
    auto message
        = jwe::encryptJwe(asBytes(std::string_view(R"({"keys":[]})")), Key::fromSecret(pass("x")), std::move(options));
    QVERIFY(message.has_value());
    const QByteArray file = QByteArray::fromStdString(jwe::toJweJson(*message, jwe::JsonSyntax::Flattened)->dump());
    writeBytes(keystorePath(), file);
    const auto opened = Keystore::open(keystorePath().toStdString(), pass("x"));
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().code, Errc::UnsupportedVersion);
    QVERIFY(QString::fromStdString(opened.error().message).contains("format version 2"));
    QCOMPARE(fileBytes(keystorePath()), file);
}

void TestKeystore::notAKeystore_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("plaintext");
    QTest::addColumn<int>("code");
    const QString pbes2 = QStringLiteral(R"({"alg":"PBES2-HS256+A128KW","enc":"A128GCM"})");
    QTest::newRow("not a key set") << pbes2 << R"({"kty":"oct","k":"AAAA"})" << int(Errc::InvalidJson);
    QTest::newRow("keys not an array") << pbes2 << R"({"keys":{}})" << int(Errc::InvalidJson);
    QTest::newRow("unreadable key") << pbes2 << R"({"keys":[{"kty":"EC","crv":"P-256"}]})" << int(Errc::InvalidKey);
    QTest::newRow("unknown kty") << pbes2 << R"({"keys":[{"kty":"XYZ"}]})" << int(Errc::UnsupportedKey);
    QTest::newRow("label not a string") << pbes2 << R"({"keys":[{"kty":"oct","k":"AAAA","label":1}]})"
                                        << int(Errc::InvalidJson);
    QTest::newRow("tags not strings") << pbes2 << R"({"keys":[{"kty":"oct","k":"AAAA","tags":[1]}]})"
                                      << int(Errc::InvalidJson);
    QTest::newRow("not JSON") << pbes2 << "keys" << int(Errc::InvalidJson);
    QTest::newRow("repeated member") << pbes2 << R"({"keys":[],"keys":[]})" << int(Errc::DuplicateMember);
}

void TestKeystore::notAKeystore()
{
    QFETCH(QString, header);
    QFETCH(QString, plaintext);
    QFETCH(int, code);
    jwe::EncryptOptions options;
    options.protectedHeader = test::parseJsonOrDie(header);
    options.p2c = kFast;
    const std::string text = plaintext.toStdString();
    auto message = jwe::encryptJwe(asBytes(text), Key::fromSecret(pass("x")), std::move(options));
    QVERIFY(message.has_value());
    const auto opened = openKeystoreText(jwe::toJweJson(*message, jwe::JsonSyntax::Flattened)->dump(), pass("x"));
    QVERIFY(!opened.has_value());
    QCOMPARE(int(opened.error().code), code);
}

void TestKeystore::duplicates()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    const Key key = generate({KeyType::Ec, 0, Curve::P384});
    QVERIFY(keystore.add(entryFor(key, "mine")).has_value());
    const auto again = keystore.add(entryFor(key));
    QCOMPARE(again.error().code, Errc::DuplicateKey);
    QVERIFY(QString::fromStdString(again.error().message).contains("\"mine\""));
    QCOMPARE(keystore.add(entryFor(*key.publicKey())).error().code, Errc::DuplicateKey); // same thumbprint

    Key other = generate({KeyType::Ec, 0, Curve::P384});
    other.parameters().kid = keystore.entries().front().kid();
    QCOMPARE(keystore.add(entryFor(other)).error().code, Errc::DuplicateKey); // kid taken
    QCOMPARE(keystore.entries().size(), std::size_t(1));
}

void TestKeystore::removeAndMetadata()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    const auto kid = keystore.add(entryFor(generate({KeyType::Oct, 384, Curve::None})));
    QVERIFY(kid.has_value());
    QVERIFY(keystore.setMetadata(*kid, "renamed", "a note", {"production"}).has_value());
    QCOMPARE(keystore.find(*kid)->label, std::string("renamed"));
    QCOMPARE(keystore.setMetadata("nope", "", "", {}).error().code, Errc::KeyNotFound);
    QCOMPARE(keystore.remove("nope").error().code, Errc::KeyNotFound);
    QVERIFY(keystore.remove(*kid).has_value());
    QVERIFY(keystore.entries().empty());
}

void TestKeystore::changePassphrase()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("old"), kFastOptions);
    QVERIFY(keystore.add(entryFor(generate({KeyType::Okp, 0, Curve::Ed448}), "k")).has_value());
    QVERIFY(keystore.save().has_value());
    QCOMPARE(keystore.changePassphrase(pass("")).error().code, Errc::PassphraseRequired);
    QVERIFY(keystore.changePassphrase(pass("new")).has_value());
    QCOMPARE(Keystore::open(keystorePath().toStdString(), pass("old")).error().code, Errc::WrongPassphrase);
    auto opened = Keystore::open(keystorePath().toStdString(), pass("new"));
    QVERIFY(opened.has_value());
    QCOMPARE(opened->entries().size(), std::size_t(1));
    // The backup is the file before the change: still the old passphrase.
    QVERIFY(Keystore::open((keystorePath() + ".bak").toStdString(), pass("old")).has_value());
}

void TestKeystore::lockWipes()
{
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    QVERIFY(keystore.add(entryFor(generate({KeyType::Oct, 256, Curve::None}))).has_value());
    keystore.lock();
    QVERIFY(keystore.isLocked());
    QVERIFY(keystore.entries().empty());
    QCOMPARE(keystore.save().error().code, Errc::PassphraseRequired);
    QCOMPARE(keystore.add(entryFor(generate({KeyType::Oct, 256, Curve::None}))).error().code, Errc::PassphraseRequired);
    QVERIFY(!QFile::exists(keystorePath()));
}

void TestKeystore::missingFile()
{
    const auto opened = Keystore::open(keystorePath().toStdString(), pass("x"));
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().code, Errc::Io);
    QVERIFY(QString::fromStdString(opened.error().message).contains("keystore.jwe"));
}

// A fresh profile has no data folder: the first save makes every missing folder, each 0700.
void TestKeystore::createsMissingFolders()
{
    const QString folder = m_dir->filePath(QStringLiteral("share/jwt-workbench/jwt-workbench"));
    const QString path = folder + QStringLiteral("/keystore.jwe");
    ::umask(022);
    Keystore keystore = Keystore::create(path.toStdString(), pass("x"), kFastOptions);
    QVERIFY(keystore.add(entryFor(generate({KeyType::Oct, 256, Curve::None}))).has_value());
    const auto saved = keystore.save();
    QVERIFY2(saved.has_value(), saved ? "" : saved.error().message.c_str());
    for (const QString& made : {m_dir->filePath(QStringLiteral("share")), folder}) {
        struct stat info {
        };
        QCOMPARE(::stat(made.toLocal8Bit().constData(), &info), 0);
        QVERIFY(S_ISDIR(info.st_mode));
        QCOMPARE(info.st_mode & 0777, 0700u);
    }
    auto reopened = Keystore::open(path.toStdString(), pass("x"));
    QVERIFY(reopened.has_value());
    QCOMPARE(reopened->entries().size(), std::size_t{1});
}

// A folder that cannot be made (a file is in its place): a clear error naming it, nothing written,
// and the keys still in memory for another try.
void TestKeystore::failedSaveKeepsKeys()
{
    writeBytes(m_dir->filePath(QStringLiteral("data")), "not a folder");
    const QString path = m_dir->filePath(QStringLiteral("data/jwt-workbench/keystore.jwe"));
    Keystore keystore = Keystore::create(path.toStdString(), pass("x"), kFastOptions);
    QVERIFY(keystore.add(entryFor(generate({KeyType::Oct, 256, Curve::None}), "kept")).has_value());
    const auto saved = keystore.save();
    QVERIFY(!saved.has_value());
    QCOMPARE(saved.error().code, Errc::Io);
    const QString message = QString::fromStdString(saved.error().message);
    QVERIFY2(message.contains(m_dir->filePath(QStringLiteral("data"))) && message.contains("in the way"),
             qPrintable(message));
    QCOMPARE(keystore.entries().size(), std::size_t{1});
    QCOMPARE(keystore.entries().front().label, std::string("kept"));
    QCOMPARE(fileBytes(m_dir->filePath(QStringLiteral("data"))), QByteArray("not a folder"));
}

void TestKeystore::saveAsMovesTheKeystore()
{
    writeBytes(m_dir->filePath(QStringLiteral("data")), "not a folder");
    const std::string broken = m_dir->filePath(QStringLiteral("data/keystore.jwe")).toStdString();
    Keystore keystore = Keystore::create(broken, pass("x"), kFastOptions);
    QVERIFY(keystore.add(entryFor(generate({KeyType::Oct, 256, Curve::None}), "rescued")).has_value());
    QVERIFY(!keystore.save().has_value());
    // A failed Save As keeps the old path.
    QVERIFY(!keystore.saveAs(m_dir->filePath(QStringLiteral("data/other.jwe")).toStdString()).has_value());
    QCOMPARE(keystore.path(), broken);
    const QString elsewhere = m_dir->filePath(QStringLiteral("elsewhere/keystore.jwe"));
    QVERIFY(keystore.saveAs(elsewhere.toStdString()).has_value());
    QCOMPARE(keystore.path(), elsewhere.toStdString());
    // Later saves go to the new file.
    QVERIFY(keystore.add(entryFor(generate({KeyType::Oct, 384, Curve::None}), "second")).has_value());
    QVERIFY(keystore.save().has_value());
    auto reopened = Keystore::open(elsewhere.toStdString(), pass("x"));
    QVERIFY(reopened.has_value());
    QCOMPARE(reopened->entries().size(), std::size_t{2});
    QCOMPARE(reopened->entries().front().label, std::string("rescued"));
}

void TestKeystore::noSecretInTheFile()
{
    const Key secret = generate({KeyType::Oct, 256, Curve::None});
    const Key ec = generate({KeyType::Ec, 0, Curve::P256});
    Keystore keystore = Keystore::create(keystorePath().toStdString(), pass("x"), kFastOptions);
    QVERIFY(keystore.add(entryFor(secret, "label in the clear?")).has_value());
    QVERIFY(keystore.add(entryFor(ec)).has_value());
    QVERIFY(keystore.save().has_value());
    QVERIFY(keystore.save().has_value()); // and a backup
    const Json ecJwk = *exportJwk(ec, true);
    const std::vector<QByteArray> needles = {
        QByteArray::fromStdString(std::string(secret.secret().view())),
        QByteArray::fromStdString(encoding::base64UrlEncode(secret.secret().span())),
        QByteArray::fromStdString(ecJwk["d"].get<std::string>()),
        QByteArray("label in the clear?"),
    };
    for (const QString& path : {keystorePath(), keystorePath() + ".bak"}) {
        const QByteArray file = fileBytes(path);
        QVERIFY(!file.isEmpty());
        for (const QByteArray& needle : needles) {
            QVERIFY(!file.contains(needle));
        }
    }
}

QTEST_GUILESS_MAIN(TestKeystore)
#include "TestKeystore.moc"
