#include "KeystoreTestSupport.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <vector>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace jwtwb;
using namespace jwtwb::keys;
using jwtwb::test::describeKeystore;
using jwtwb::test::folderListing;
using jwtwb::test::readBytes;
using jwtwb::test::saveInBackground;

// What the child does to the keystore (one data row each).
enum class Operation {
    Import,
    ImportInBackground,
    Delete,
    UndoDelete,
    EditDetails,
    ChangePassphrase,
    RecordToken,
    ClearHistory
};

Q_DECLARE_METATYPE(Operation)

// A child process changes the keystore as the Keys page and the token history do — import (add and
// save, also through the background save's snapshot/seal/writeSealed), delete (remove and save),
// undo of a delete (the removed entry added back and saved), new details, a new passphrase, a
// recorded token, a cleared history — and is killed with SIGKILL at a random moment, 125 times per
// operation and 1000 times in all. After each kill the keystore opens with exactly the old content
// or exactly the new content (keys, details and history compared whole), the backup is exactly the
// previous one or the old file, and once it has been opened no temporary file is left.
// The keystore uses a low PBES2 iteration count (KeystoreOptions, a unit-test-only setting) so that
// an operation takes milliseconds; the kills are spread evenly over the time from fork() to the end.
// A file system call itself takes microseconds, so a kill would seldom fall between two of them
// (say, after a rename and before the write it needed): in every other round the child is paced,
// each of core's file system calls waiting kPace first (CMakeLists.txt links this test with
// -Wl,--wrap for them), so that the gap before every step of the save gets its share of the kills.
class TestKeystoreCrash : public QObject
{
    Q_OBJECT

private slots:
    void killed_data();
    void killed();
    void cleanupTestCase();

public:
    // Where the child was when the kill came, read from the folder before the keystore is opened.
    enum Phase {
        Encrypting, // nothing on disk touched yet: forking, sealing (PBKDF2, AES), reading the old file
        WritingBackup, // the backup's temporary file exists
        BackupInPlace, // the backup is renamed into place, the keystore's temporary file not made yet
        WritingKeystore, // the keystore's temporary file exists
        Renamed, // the new file is in place; the child was flushing the folder, cleaning up or exiting
        Finished, // the child had exited before the kill
        PhaseCount
    };

private:
    std::array<int, PhaseCount> m_phases{};
    int m_kills = 0;
};

namespace {

constexpr KeystoreOptions kFast{1000};
constexpr useconds_t kPace = 1000;
bool g_paced = false; // set in the child only
constexpr int kRoundsPerOperation = 125; // 8 operations: 1000 kills
constexpr int kMeasuredRuns = 5;

const char* const kPhaseNames[] = {"encrypting (before any write)",
                                   "writing the backup's temporary file",
                                   "backup renamed, before the keystore's temporary file",
                                   "writing the keystore's temporary file",
                                   "after the rename (folder fsync, cleanup, exit)",
                                   "finished before the kill"};
static_assert(std::size(kPhaseNames) == TestKeystoreCrash::PhaseCount);

crypto::SecureBytes oldPassphrase()
{
    return crypto::SecureBytes(std::string_view("kill me softly"));
}

crypto::SecureBytes newPassphrase()
{
    return crypto::SecureBytes(std::string_view("and again, with a new passphrase"));
}

// Tokens as the decoder records them (the keystore does not parse them).
const std::string kToken1 = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9uZQ";
const std::string kToken2 = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJib2IiLCJleHAiOjE3OTUwMDAwMDB9.c2lnbmF0dXJlLXR3bw";
const std::string kToken3 = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYXJvbCJ9.c2lnbmF0dXJlLXRocmVl";

Key generated(const KeySpec& spec)
{
    auto key = generateKey(spec);
    if (!key) {
        qFatal("cannot generate a key: %s", key.error().message.c_str());
    }
    return std::move(*key);
}

void pace()
{
    if (g_paced) {
        ::usleep(kPace);
    }
}

} // namespace

// The wrappers -Wl,--wrap puts between core and the C library.
extern "C" {
int __real_mkostemp(char* pattern, int flags);
ssize_t __real_write(int fd, const void* data, size_t size);
int __real_fsync(int fd);
int __real_close(int fd);
int __real_rename(const char* from, const char* to);
int __real_unlink(const char* path);
int __wrap_mkostemp(char* pattern, int flags);
ssize_t __wrap_write(int fd, const void* data, size_t size);
int __wrap_fsync(int fd);
int __wrap_close(int fd);
int __wrap_rename(const char* from, const char* to);
int __wrap_unlink(const char* path);

int __wrap_mkostemp(char* pattern, int flags)
{
    pace();
    return __real_mkostemp(pattern, flags);
}
ssize_t __wrap_write(int fd, const void* data, size_t size)
{
    pace();
    return __real_write(fd, data, size);
}
int __wrap_fsync(int fd)
{
    pace();
    return __real_fsync(fd);
}
int __wrap_close(int fd)
{
    pace();
    return __real_close(fd);
}
int __wrap_rename(const char* from, const char* to)
{
    pace();
    return __real_rename(from, to);
}
int __wrap_unlink(const char* path)
{
    pace();
    return __real_unlink(path);
}
}

namespace {

// What the child does to its copy of the keystore, exactly as the Keys page (KeystoreActions) and
// the token history (TokenHistoryRecorder) ask it of core.
struct Change {
    Operation operation;
    std::vector<KeystoreEntry> imported; // Import, ImportInBackground
    std::string kid; // Delete, EditDetails
    std::optional<KeystoreEntry> deleted; // UndoDelete: the entry the delete removed
};

Result<void> apply(Keystore& keystore, const Change& change)
{
    switch (change.operation) {
    case Operation::Import:
    case Operation::ImportInBackground:
        for (const auto& entry : change.imported) {
            if (auto added = keystore.add(entry); !added) {
                return std::unexpected(added.error());
            }
        }
        return change.operation == Operation::Import ? keystore.save() : saveInBackground(keystore);
    case Operation::Delete:
        if (auto removed = keystore.remove(change.kid); !removed) {
            return removed;
        }
        return keystore.save();
    case Operation::UndoDelete:
        if (auto added = keystore.add(*change.deleted); !added) {
            return std::unexpected(added.error());
        }
        return keystore.save();
    case Operation::EditDetails:
        if (auto edited
            = keystore.setMetadata(change.kid, "signing (rotated)", "rotated on 2026-11-29", {"production", "rotated"});
            !edited) {
            return edited;
        }
        return keystore.save();
    case Operation::ChangePassphrase: return keystore.changePassphrase(newPassphrase());
    case Operation::RecordToken:
        if (auto recorded = keystore.recordToken(kToken3, "2026-11-29T09:30:00Z", kDefaultHistoryCapacity); !recorded) {
            return recorded;
        }
        return saveInBackground(keystore);
    case Operation::ClearHistory:
        if (auto cleared = keystore.clearHistory(); !cleared) {
            return cleared;
        }
        return keystore.save();
    }
    return fail(Errc::Cancelled, "unknown operation");
}

// Runs the change in a child process; the parent learns only how it ended.
pid_t startChild(Keystore& keystore, const Change& change, bool paced)
{
    const pid_t child = ::fork();
    if (child == 0) {
        g_paced = paced;
        ::_exit(apply(keystore, change) ? 0 : 1);
    }
    return child;
}

bool isTemporaryOf(const QString& name, const QString& target)
{
    return name.startsWith(target + QStringLiteral(".tmp-"));
}

} // namespace

void TestKeystoreCrash::killed_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::newRow("import") << Operation::Import;
    QTest::newRow("import, saved in the background") << Operation::ImportInBackground;
    QTest::newRow("delete") << Operation::Delete;
    QTest::newRow("undo delete") << Operation::UndoDelete;
    QTest::newRow("edit details") << Operation::EditDetails;
    QTest::newRow("change passphrase") << Operation::ChangePassphrase;
    QTest::newRow("record a token (background save)") << Operation::RecordToken;
    QTest::newRow("clear history") << Operation::ClearHistory;
}

void TestKeystoreCrash::killed()
{
    QFETCH(Operation, operation);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keystoreFile = QStringLiteral("keystore.jwe");
    const QString backupFile = QStringLiteral("keystore.jwe.bak");
    const QString path = dir.filePath(keystoreFile);
    const QString backupPath = dir.filePath(backupFile);

    // The state before the change: three keys with details, two tokens in the history, saved twice
    // so that a backup is there as well (as after any earlier change).
    Keystore keystore = Keystore::create(path.toStdString(), oldPassphrase(), kFast);
    QVERIFY(keystore.add(
        {generated({KeyType::Ec, 0, Curve::P256}), "signing", "2026-11-20T08:00:00Z", "staging API", {"production"}}));
    auto hmacKid = keystore.add(
        {generated({KeyType::Oct, 256, Curve::None}), "hmac", "2026-11-21T08:00:00Z", "", {"test", "ci"}});
    QVERIFY(hmacKid);
    QVERIFY(keystore.add({generated({KeyType::Okp, 0, Curve::Ed25519}),
                          "partner",
                          "2026-11-22T08:00:00Z",
                          "from the partner's JWKS",
                          {}}));
    QVERIFY(keystore.recordToken(kToken1, "2026-11-28T10:00:00Z", kDefaultHistoryCapacity));
    QVERIFY(keystore.recordToken(kToken2, "2026-11-28T11:00:00Z", kDefaultHistoryCapacity));
    QVERIFY(keystore.save());

    Change change{operation, {}, {}, {}};
    switch (operation) {
    case Operation::Import:
    case Operation::ImportInBackground:
        change.imported.push_back(
            {generated({KeyType::Oct, 512, Curve::None}), "imported secret", "2026-11-29T08:00:00Z", "", {"ci"}});
        change.imported.push_back(
            {generated({KeyType::Ec, 0, Curve::P384}), "imported EC", "2026-11-29T08:00:01Z", "from key.pem", {}});
        break;
    case Operation::Delete: change.kid = *hmacKid; break;
    case Operation::UndoDelete: {
        // The delete happened before: the file holds the keystore without the key; undo brings it back.
        change.deleted = *keystore.find(*hmacKid);
        QVERIFY(keystore.remove(*hmacKid));
        break;
    }
    case Operation::EditDetails: change.kid = keystore.entries().front().kid(); break;
    case Operation::ChangePassphrase:
    case Operation::RecordToken:
    case Operation::ClearHistory: break;
    }
    QVERIFY(keystore.save());
    const QByteArray oldFile = readBytes(path);
    const QByteArray previousBackup = readBytes(backupPath);
    QVERIFY(!oldFile.isEmpty());
    QVERIFY(!previousBackup.isEmpty());
    const std::string oldContent = describeKeystore(keystore);
    const bool passphraseChanges = operation == Operation::ChangePassphrase;

    const auto restore = [&] {
        // Plain writes: setting up, not under test.
        for (const QString& name : folderListing(dir.path())) {
            QFile::remove(dir.filePath(name));
        }
        return test::writeBytes(path, oldFile) && test::writeBytes(backupPath, previousBackup);
    };

    // Opens the keystore as the application would next time: the old or the new passphrase.
    const auto reopen = [&](bool& withNewPassphrase) -> Result<Keystore> {
        withNewPassphrase = false;
        auto opened = Keystore::open(path.toStdString(), oldPassphrase(), kFast);
        if (!opened && passphraseChanges && opened.error().code == Errc::WrongPassphrase) {
            withNewPassphrase = true;
            opened = Keystore::open(path.toStdString(), newPassphrase(), kFast);
        }
        return opened;
    };

    // The change, run to its end a few times in each mode: the new content, and how long fork to
    // exit takes.
    std::string newContent;
    std::array<qint64, 2> medians{};
    for (const bool paced : {false, true}) {
        std::vector<qint64> runMicroseconds;
        for (int run = 0; run < kMeasuredRuns; ++run) {
            QVERIFY(restore());
            QElapsedTimer timer;
            timer.start();
            const pid_t child = startChild(keystore, change, paced);
            QVERIFY(child > 0);
            int status = 0;
            QCOMPARE(::waitpid(child, &status, 0), child);
            runMicroseconds.push_back(timer.nsecsElapsed() / 1000);
            QVERIFY(WIFEXITED(status));
            QCOMPARE(WEXITSTATUS(status), 0);
            bool withNewPassphrase = false;
            auto opened = reopen(withNewPassphrase);
            QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
            QCOMPARE(withNewPassphrase, passphraseChanges);
            const std::string content = describeKeystore(*opened);
            QVERIFY(newContent.empty() || content == newContent);
            newContent = content;
        }
        std::ranges::sort(runMicroseconds);
        medians[paced] = std::max<qint64>(runMicroseconds[kMeasuredRuns / 2], 100);
    }
    // A change that changes nothing would prove nothing.
    QVERIFY(passphraseChanges ? newContent == oldContent : newContent != oldContent);

    // The kills: evenly over the first 5/4 of a whole run, so that a few land after the end too.
    std::mt19937 random(20261129u + static_cast<unsigned>(operation));
    std::array<int, PhaseCount> phases{};
    int sawOld = 0;
    int sawNew = 0;
    for (int round = 0; round < kRoundsPerOperation; ++round) {
        QVERIFY(restore());
        const bool paced = round % 2 == 1;
        const pid_t child = startChild(keystore, change, paced);
        QVERIFY(child > 0);
        ::usleep(static_cast<useconds_t>(std::uniform_int_distribution<qint64>(0, medians[paced] * 5 / 4)(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        const bool finished = WIFEXITED(status);
        if (finished) {
            QCOMPARE(WEXITSTATUS(status), 0);
        } else {
            QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        }
        const QString where = QStringLiteral("round %1: ").arg(round);

        // Where the kill landed, from what is on disk before anything cleans up.
        const QStringList left = folderListing(dir.path());
        const QByteArray file = readBytes(path);
        const QByteArray backup = readBytes(backupPath);
        Phase phase = Encrypting;
        if (finished) {
            phase = Finished;
        } else if (file != oldFile) {
            phase = Renamed;
        } else if (std::ranges::any_of(left, [&](const QString& name) { return isTemporaryOf(name, keystoreFile); })) {
            phase = WritingKeystore;
        } else if (backup == oldFile) {
            phase = BackupInPlace;
        } else if (std::ranges::any_of(left, [&](const QString& name) { return isTemporaryOf(name, backupFile); })) {
            phase = WritingBackup;
        }
        ++phases[phase];

        // The backup is whole: the one from before, or the old file.
        QVERIFY2(backup == previousBackup || backup == oldFile, qPrintable(where + QStringLiteral("torn backup")));

        bool withNewPassphrase = false;
        auto opened = reopen(withNewPassphrase);
        if (!opened) {
            QFAIL(qPrintable(where + QString::fromStdString(opened.error().message)));
        }
        const std::string content = describeKeystore(*opened);
        if (!withNewPassphrase && content == oldContent && file == oldFile && !finished) {
            ++sawOld;
        } else if (withNewPassphrase == passphraseChanges && content == newContent && file != oldFile) {
            ++sawNew;
        } else {
            QFAIL(qPrintable(where
                             + QStringLiteral("neither exactly the old nor exactly the new content (%1)")
                                   .arg(QLatin1String(kPhaseNames[phase]))));
        }
        // Opening removed whatever the killed child left.
        QCOMPARE(folderListing(dir.path()), (QStringList{keystoreFile, backupFile}));
    }

    QString report;
    for (int phase = 0; phase < PhaseCount; ++phase) {
        m_phases[phase] += phases[phase];
        report += QStringLiteral("%1%2 %3").arg(phase == 0 ? "" : ", ").arg(phases[phase]).arg(kPhaseNames[phase]);
    }
    m_kills += kRoundsPerOperation;
    qInfo("%d kills, a run ~%lld us (paced ~%lld us): old %d, new %d; %s", kRoundsPerOperation, medians[0], medians[1],
          sawOld, sawNew, qPrintable(report));
    QCOMPARE(sawOld + sawNew, kRoundsPerOperation);
    // The kills did land both before and after the rename.
    QVERIFY(sawOld > 0);
    QVERIFY(sawNew > 0);
}

void TestKeystoreCrash::cleanupTestCase()
{
    QString report;
    for (int phase = 0; phase < PhaseCount; ++phase) {
        report += QStringLiteral("\n  %1  %2").arg(m_phases[phase], 4).arg(QLatin1String(kPhaseNames[phase]));
    }
    qInfo("%d kills in all, by where they landed:%s", m_kills, qPrintable(report));
}

QTEST_GUILESS_MAIN(TestKeystoreCrash)
#include "TestKeystoreCrash.moc"
