#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::keys;

// A save killed between mkstemp and rename leaves "keystore.jwe.tmp-XXXXXX" behind: opening or
// saving the keystore removes exactly those, and nothing that only looks similar.
class TestKeystoreLeftovers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void removedOnOpenAndSave_data();
    void removedOnOpenAndSave();
    void failedOpenRemovesNothing();

private:
    void plant();
    [[nodiscard]] QString path(const QString& name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_keystore;
};

namespace {

const KeystoreOptions kFast{1000};

// What writeFileAtomically leaves when killed: the keystore's and the backup's temporary files.
const QStringList kLeftovers{QStringLiteral("keystore.jwe.tmp-a1B2c3"), QStringLiteral("keystore.jwe.tmp-ZZZZZZ"),
                             QStringLiteral("keystore.jwe.tmp-000000"), QStringLiteral("keystore.jwe.bak.tmp-Xy12Ab")};
// Similar names that are not ours to remove.
const QStringList kLookalikes{
    QStringLiteral("other.jwe.tmp-a1B2c3"),      QStringLiteral("xkeystore.jwe.tmp-a1B2c3"),
    QStringLiteral("keystore.jwe.tmp-a1B2c"),    QStringLiteral("keystore.jwe.tmp-a1B2c3d"),
    QStringLiteral("keystore.jwe.tmp-a1B2c!"),   QStringLiteral("keystore.jwe.tmp-a1B.c3"),
    QStringLiteral("keystore.jwe.tmp-"),         QStringLiteral("keystore.jwe.tmpXa1B2c3"),
    QStringLiteral("keystore.jwe.TMP-a1B2c3"),   QStringLiteral("keystore.jwe.bak.tmp-a1B2c"),
    QStringLiteral("keystore.jwe.tmp-a1B2c3.x"),
};
const QString kDirectory = QStringLiteral("keystore.jwe.tmp-dir123");
const QString kSymlink = QStringLiteral("keystore.jwe.tmp-link12");

crypto::SecureBytes pass()
{
    return crypto::SecureBytes(std::string_view("leftovers"));
}

} // namespace

void TestKeystoreLeftovers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_keystore = path(QStringLiteral("keystore.jwe"));
    auto keystore = Keystore::create(m_keystore.toStdString(), pass(), kFast);
    auto key = generateKey({KeyType::Oct, 256});
    QVERIFY(key);
    QVERIFY(keystore.add({std::move(*key), "secret", "2026-11-29T05:00:00Z", {}, {}}));
    QVERIFY(keystore.save());
    QVERIFY(keystore.save()); // with a backup now
}

void TestKeystoreLeftovers::plant()
{
    for (const QString& name : kLeftovers + kLookalikes + QStringList{QStringLiteral("outside-target")}) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("partial") == 7);
    }
    QVERIFY(QDir(m_dir->path()).mkdir(kDirectory));
    QVERIFY(QFile::link(path(QStringLiteral("outside-target")), path(kSymlink)));
}

void TestKeystoreLeftovers::removedOnOpenAndSave_data()
{
    QTest::addColumn<bool>("bySave");
    QTest::newRow("open") << false;
    QTest::newRow("save") << true;
}

void TestKeystoreLeftovers::removedOnOpenAndSave()
{
    QFETCH(bool, bySave);
    plant();
    auto opened = Keystore::open(m_keystore.toStdString(), pass(), kFast);
    QVERIFY(opened);
    if (bySave) {
        // Leftovers of a save killed while this keystore was open.
        for (const QString& name : kLeftovers) {
            QFile file(path(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(opened->save());
    }
    for (const QString& name : kLeftovers) {
        QVERIFY2(!QFileInfo::exists(path(name)), qPrintable(name));
    }
    for (const QString& name : kLookalikes) {
        QVERIFY2(QFileInfo::exists(path(name)), qPrintable(name));
    }
    QVERIFY(QFileInfo(path(kDirectory)).isDir());
    QVERIFY(QFileInfo(path(kSymlink)).isSymLink());
    QVERIFY(QFileInfo::exists(path(QStringLiteral("outside-target"))));
    QVERIFY(QFileInfo::exists(m_keystore));
    QVERIFY(QFileInfo::exists(m_keystore + QStringLiteral(".bak")));
}

void TestKeystoreLeftovers::failedOpenRemovesNothing()
{
    plant();
    auto opened = Keystore::open(m_keystore.toStdString(), crypto::SecureBytes(std::string_view("wrong")), kFast);
    QVERIFY(!opened);
    for (const QString& name : kLeftovers + kLookalikes) {
        QVERIFY2(QFileInfo::exists(path(name)), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestKeystoreLeftovers)
#include "TestKeystoreLeftovers.moc"
