#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>
#include <set>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace jwtwb;
using namespace jwtwb::keys;

// A child process saves the keystore and is killed with SIGKILL at a random moment, 200 times;
// after each kill the keystore opens with either the old or the new key set, never anything else.
// The keystore uses a low PBES2 iteration count (KeystoreOptions, a unit-test-only setting) so that
// a save takes milliseconds and the kills land all over it.
class TestKeystoreCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileSaving();
};

namespace {

constexpr KeystoreOptions kFast{1000};
constexpr int kRounds = 200;

std::set<std::string> kidsOf(const Keystore& keystore)
{
    std::set<std::string> kids;
    for (const auto& entry : keystore.entries()) {
        kids.insert(entry.kid());
    }
    return kids;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestKeystoreCrash::killedWhileSaving()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("keystore.jwe")).toStdString();
    const auto passphrase = [] { return crypto::SecureBytes(std::string_view("kill me softly")); };

    Keystore old = Keystore::create(path, passphrase(), kFast);
    QVERIFY(old.add({*generateKey({KeyType::Ec, 0, Curve::P256}), "old", {}, {}, {}}).has_value());
    QVERIFY(old.save().has_value());
    const std::set<std::string> oldKids = kidsOf(old);
    const QByteArray oldFile = readAll(QString::fromStdString(path));

    Keystore updated = *Keystore::open(path, passphrase(), kFast);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(updated.add({*generateKey({KeyType::Oct, 256, Curve::None}), "new", {}, {}, {}}).has_value());
    }
    const std::set<std::string> newKids = kidsOf(updated);

    // How long one save takes here: the kills are spread over twice that.
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5; ++i) {
        QVERIFY(updated.save().has_value());
    }
    const qint64 saveMicroseconds = std::max<qint64>(timer.nsecsElapsed() / 5000, 100);

    std::mt19937 random(20261129);
    std::uniform_int_distribution<qint64> delay(0, 2 * saveMicroseconds);
    int sawOld = 0;
    int sawNew = 0;
    int killedMidway = 0;
    for (int round = 0; round < kRounds; ++round) {
        // Start from the old file and no leftovers (plain writes: setting up, not under test).
        for (const QString& name : QDir(dir.path()).entryList(QDir::Files)) {
            QFile::remove(dir.filePath(name));
        }
        QFile file(QString::fromStdString(path));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(oldFile) == oldFile.size());
        file.close();

        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            const bool saved = updated.save().has_value();
            ::_exit(saved ? 0 : 1);
        }
        ::usleep(static_cast<useconds_t>(delay(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        if (WIFSIGNALED(status)) {
            ++killedMidway;
        } else {
            QCOMPARE(WEXITSTATUS(status), 0);
        }

        auto opened = Keystore::open(path, passphrase(), kFast);
        if (!opened) {
            QFAIL(qPrintable(QStringLiteral("round %1: %2").arg(round).arg(opened.error().message.c_str())));
        }
        const std::set<std::string> kids = kidsOf(*opened);
        if (kids == oldKids) {
            ++sawOld;
        } else if (kids == newKids) {
            ++sawNew;
        } else {
            QFAIL(qPrintable(QStringLiteral("round %1: neither the old nor the new key set").arg(round)));
        }
        // A backup, when there is one, is whole as well.
        const std::string backup = path + ".bak";
        if (QFile::exists(QString::fromStdString(backup))) {
            auto previous = Keystore::open(backup, passphrase(), kFast);
            if (!previous) {
                QFAIL(qPrintable(
                    QStringLiteral("round %1: backup: %2").arg(round).arg(previous.error().message.c_str())));
            }
            QVERIFY(kidsOf(*previous) == oldKids);
        }
    }
    qInfo("%d rounds, save ~%lld us: old %d, new %d, killed before finishing %d", kRounds, saveMicroseconds, sawOld,
          sawNew, killedMidway);
    QCOMPARE(sawOld + sawNew, kRounds);
    // The kills did land both before and after the rename.
    QVERIFY(sawOld > 0);
    QVERIFY(sawNew > 0);
}

QTEST_GUILESS_MAIN(TestKeystoreCrash)
#include "TestKeystoreCrash.moc"
