#include "TestData.h"
#include "jwe/JweDecrypter.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"
#include "keys/KeystoreFormat.h"
#include "keys/TokenHistory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::keys;
using encoding::Json;

namespace {

constexpr std::uint64_t kFast = 1000;
const KeystoreOptions kFastOptions{kFast};
// RFC 7519 §3.1's example, and two short ones (tokens need not verify to be remembered).
const std::string kFirst
    = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQo"
      "gImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const std::string kSecond = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNvbmQifQ.c2ln";
const std::string kThird = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0aGlyZCJ9.c2ln";

crypto::SecureBytes pass(std::string_view text)
{
    return crypto::SecureBytes(text);
}

KeystoreEntry ecEntry(std::string label)
{
    return KeystoreEntry{*generateKey({KeyType::Ec, 0, Curve::P256}), std::move(label), "2026-11-29T01:00:00Z", {}, {}};
}

// "token@seen" per entry, newest first.
QStringList listOf(const TokenHistory& history)
{
    QStringList out;
    for (const auto& entry : history.entries()) {
        out << QString::fromStdString(std::string(entry.token.view()) + "@" + entry.seen);
    }
    return out;
}

// The JWK Set inside a keystore file, decrypted with the passphrase as any JOSE tool would.
Json decryptedSet(const std::string& text, std::string_view passphrase)
{
    auto message = jwe::parseJweJson(text);
    if (!message) {
        qFatal("the keystore is not a JWE");
    }
    auto decrypted = jwe::decryptJwe(*message, Key::fromSecret(pass(passphrase)));
    if (!decrypted) {
        qFatal("cannot decrypt the keystore");
    }
    return test::parseJsonOrDie(QString::fromUtf8(decrypted->plaintext.view()));
}

std::string sealedSet(const QString& plaintext)
{
    jwe::EncryptOptions options;
    options.protectedHeader = test::parseJsonOrDie(
        QStringLiteral(R"({"alg":"PBES2-HS512+A256KW","enc":"A256GCM","cty":"jwk-set+json","jwtwb-keystore":1})"));
    options.p2c = kFast;
    const std::string text = plaintext.toStdString();
    auto message = jwe::encryptJwe(asBytes(text), Key::fromSecret(pass("x")), std::move(options));
    return jwe::toJweJson(*message, jwe::JsonSyntax::Flattened)->dump();
}

} // namespace

class TestTokenHistory : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void addMovesAndCaps_data();
    void addMovesAndCaps();
    void roundTripThroughTheFile();
    void noHistoryNoMember();
    void fileWithoutHistoryOpens();
    void damagedHistoryKeepsTheKeys_data();
    void damagedHistoryKeepsTheKeys();
    void keystoreRecordsSavesAndClears();
    void keyChangesKeepTheHistory();
    void staleSnapshotIsNotWritten();
    void lockWipesTheHistory();

private:
    [[nodiscard]] std::string keystorePath() const { return (m_dir->path() + QStringLiteral("/k.jwe")).toStdString(); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTokenHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTokenHistory::addMovesAndCaps_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<QStringList>("added"); // "token@seen", oldest first
    QTest::addColumn<QStringList>("expected"); // newest first

    QTest::newRow("newest first") << 5 << QStringList{"a@1", "b@2", "c@3"} << QStringList{"c@3", "b@2", "a@1"};
    QTest::newRow("the same token moves up, seen again")
        << 5 << QStringList{"a@1", "b@2", "a@3"} << QStringList{"a@3", "b@2"};
    QTest::newRow("the oldest beyond the cap drop")
        << 2 << QStringList{"a@1", "b@2", "c@3"} << QStringList{"c@3", "b@2"};
    QTest::newRow("a token seen again is kept at the cap")
        << 2 << QStringList{"a@1", "b@2", "a@3", "c@4"} << QStringList{"c@4", "a@3"};
    QTest::newRow("an empty token is ignored") << 5 << QStringList{"a@1", "@2"} << QStringList{"a@1"};
    QTest::newRow("a cap of 0 is 1") << 0 << QStringList{"a@1", "b@2"} << QStringList{"b@2"};
}

void TestTokenHistory::addMovesAndCaps()
{
    QFETCH(int, capacity);
    QFETCH(QStringList, added);
    QFETCH(QStringList, expected);
    TokenHistory history(static_cast<std::size_t>(capacity));
    for (const QString& item : added) {
        const auto parts = item.split(QLatin1Char('@'));
        history.add(parts[0].toStdString(), parts[1].toStdString());
    }
    QCOMPARE(listOf(history), expected);
    QCOMPARE(listOf(history.clone()), expected);
    history.clear();
    QVERIFY(history.empty());
}

void TestTokenHistory::roundTripThroughTheFile()
{
    std::vector<KeystoreEntry> entries{ecEntry("signer")};
    TokenHistory history;
    history.add(kFirst, "2026-11-28T10:00:00Z");
    history.add(kSecond, "2026-11-28T10:05:00Z");
    const auto text = sealKeystore(entries, history, pass("x"), kFast);
    QVERIFY(text.has_value());
    // Ciphertext only: neither the token nor a part of it is in the file.
    QVERIFY(text->find(kFirst) == std::string::npos);
    QVERIFY(text->find(kFirst.substr(0, kFirst.find('.'))) == std::string::npos);

    const Json set = decryptedSet(*text, "x");
    QVERIFY(set["keys"].is_array()); // still a JWK Set for other tools
    QCOMPARE(set["keys"].size(), std::size_t(1));
    QCOMPARE(set[std::string(kHistoryMember)].size(), std::size_t(2));
    QCOMPARE(set[std::string(kHistoryMember)][0]["token"].get<std::string>(), kSecond);

    const auto opened = openKeystoreText(*text, pass("x"));
    QVERIFY2(opened.has_value(), opened ? "" : opened.error().message.c_str());
    QCOMPARE(opened->entries.size(), std::size_t(1));
    QVERIFY(opened->historyError.empty());
    QCOMPARE(listOf(opened->history), listOf(history));
}

void TestTokenHistory::noHistoryNoMember()
{
    const std::vector<KeystoreEntry> entries{ecEntry("signer")};
    const auto text = sealKeystore(entries, TokenHistory(), pass("x"), kFast);
    QVERIFY(text.has_value());
    // Users who never turn the history on get the file they always had.
    QVERIFY(!decryptedSet(*text, "x").contains(std::string(kHistoryMember)));
}

void TestTokenHistory::fileWithoutHistoryOpens()
{
    // As earlier versions and other tools write it: a JWK Set and nothing else.
    const auto opened
        = openKeystoreText(sealedSet(QStringLiteral(R"({"keys":[{"kty":"oct","k":"AAAA"}]})")), pass("x"));
    QVERIFY2(opened.has_value(), opened ? "" : opened.error().message.c_str());
    QCOMPARE(opened->entries.size(), std::size_t(1));
    QVERIFY(opened->history.empty());
    QVERIFY(opened->historyError.empty());
}

void TestTokenHistory::damagedHistoryKeepsTheKeys_data()
{
    QTest::addColumn<QString>("history");
    QTest::addColumn<QString>("error");
    QTest::newRow("not an array") << R"({"token":"a"})"
                                  << R"("jwtwb-history" is not an array)";
    QTest::newRow("an entry not an object") << R"([1])"
                                            << R"(jwtwb-history[0] is not an object)";
    QTest::newRow("no token") << R"([{"seen":"2026-11-28T10:00:00Z"}])"
                              << R"(jwtwb-history[0]: "token" is missing or not a string)";
    QTest::newRow("token not a string") << R"([{"token":"a","seen":"s"},{"token":7,"seen":"s"}])"
                                        << R"(jwtwb-history[1]: "token" is missing or not a string)";
    QTest::newRow("no seen") << R"([{"token":"a"}])"
                             << R"(jwtwb-history[0]: "seen" is missing or not a string)";
}

// A damaged history is reported and left out; every key opens. Refusing the file would lock the
// user out of the keys for the sake of a list of recent tokens.
void TestTokenHistory::damagedHistoryKeepsTheKeys()
{
    QFETCH(QString, history);
    QFETCH(QString, error);
    const QString set = QStringLiteral(R"({"keys":[{"kty":"oct","k":"AAAA","label":"one"},{"kty":"oct","k":"BBBB"}],)"
                                       R"("jwtwb-history":%1})")
                            .arg(history);
    const auto opened = openKeystoreText(sealedSet(set), pass("x"));
    QVERIFY2(opened.has_value(), opened ? "" : opened.error().message.c_str());
    QCOMPARE(opened->entries.size(), std::size_t(2));
    QCOMPARE(opened->entries[0].label, std::string("one"));
    QVERIFY(opened->history.empty());
    QCOMPARE(QString::fromStdString(opened->historyError), error);
}

void TestTokenHistory::keystoreRecordsSavesAndClears()
{
    Keystore keystore = Keystore::create(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(keystore.add(ecEntry("signer")).has_value());
    QVERIFY(keystore.save().has_value());
    QVERIFY(!keystore.isModified());
    QVERIFY(keystore.recordToken(kFirst, "2026-11-28T10:00:00Z", 2).has_value());
    QVERIFY(keystore.recordToken(kSecond, "2026-11-28T10:01:00Z", 2).has_value());
    QVERIFY(keystore.recordToken(kThird, "2026-11-28T10:02:00Z", 2).has_value());
    QVERIFY(keystore.isModified());
    QVERIFY(keystore.save().has_value());
    QVERIFY(!keystore.isModified());

    auto opened = Keystore::open(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(opened.has_value());
    QCOMPARE(opened->entries().size(), std::size_t(1));
    QCOMPARE(listOf(opened->history()),
             (QStringList{QString::fromStdString(kThird + "@2026-11-28T10:02:00Z"),
                          QString::fromStdString(kSecond + "@2026-11-28T10:01:00Z")}));

    QVERIFY(opened->clearHistory().has_value());
    QVERIFY(opened->save().has_value());
    auto cleared = Keystore::open(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(cleared.has_value());
    QVERIFY(cleared->history().empty());
    QCOMPARE(cleared->entries().size(), std::size_t(1));
    QFile file(QString::fromStdString(keystorePath()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!decryptedSet(file.readAll().toStdString(), "x").contains(std::string(kHistoryMember)));
}

// What the CLI's keys commands do (open, change a key, save) keeps the history.
void TestTokenHistory::keyChangesKeepTheHistory()
{
    Keystore keystore = Keystore::create(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(keystore.recordToken(kFirst, "2026-11-28T10:00:00Z", 50).has_value());
    QVERIFY(keystore.save().has_value());
    auto opened = Keystore::open(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(opened.has_value());
    QVERIFY(opened->add(ecEntry("new")).has_value());
    QVERIFY(opened->changePassphrase(pass("y")).has_value());
    auto again = Keystore::open(keystorePath(), pass("y"), kFastOptions);
    QVERIFY(again.has_value());
    QCOMPARE(again->entries().size(), std::size_t(1));
    QCOMPARE(again->history().size(), std::size_t(1));
}

// A copy sealed off the GUI thread is written only when nothing changed since it was made.
void TestTokenHistory::staleSnapshotIsNotWritten()
{
    Keystore keystore = Keystore::create(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(keystore.recordToken(kFirst, "2026-11-28T10:00:00Z", 50).has_value());
    const KeystoreContent before = keystore.snapshot();
    const auto staleText = Keystore::seal(before);
    QVERIFY(staleText.has_value());
    QVERIFY(keystore.add(ecEntry("added meanwhile")).has_value());
    QVERIFY(keystore.save().has_value());
    const auto refused = keystore.writeSealed(*staleText, before.revision);
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().code, Errc::Cancelled);
    auto opened = Keystore::open(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(opened.has_value());
    QCOMPARE(opened->entries().size(), std::size_t(1)); // the key added meanwhile is not lost

    QVERIFY(keystore.recordToken(kSecond, "2026-11-28T10:01:00Z", 50).has_value());
    const KeystoreContent current = keystore.snapshot();
    const auto text = Keystore::seal(current);
    QVERIFY(text.has_value());
    QVERIFY(keystore.isModified());
    QVERIFY(keystore.writeSealed(*text, current.revision).has_value());
    QVERIFY(!keystore.isModified());
    auto reopened = Keystore::open(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(reopened.has_value());
    QCOMPARE(reopened->entries().size(), std::size_t(1));
    QCOMPARE(reopened->history().size(), std::size_t(2));
}

void TestTokenHistory::lockWipesTheHistory()
{
    Keystore keystore = Keystore::create(keystorePath(), pass("x"), kFastOptions);
    QVERIFY(keystore.recordToken(kFirst, "2026-11-28T10:00:00Z", 50).has_value());
    keystore.lock();
    QVERIFY(keystore.history().empty());
    QVERIFY(!keystore.recordToken(kSecond, "2026-11-28T10:01:00Z", 50).has_value());
    QVERIFY(!keystore.clearHistory().has_value());
}

QTEST_GUILESS_MAIN(TestTokenHistory)
#include "TestTokenHistory.moc"
