#include "KeystoreTestSupport.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sched.h>
#include <string>
#include <sys/mount.h>
#include <unistd.h>

using namespace jwtwb;
using namespace jwtwb::keys;
using jwtwb::test::describeKeystore;
using jwtwb::test::folderListing;
using jwtwb::test::readBytes;
using jwtwb::test::saveInBackground;

enum class Operation { Save, SaveInBackground, ChangePassphrase };
enum class Space { None, BackupOnly, NoInodes };
Q_DECLARE_METATYPE(Operation)
Q_DECLARE_METATYPE(Space)

// A save onto a full disk or into a read-only folder fails with a message that names the cause,
// leaves the keystore file byte for byte as it was and no temporary file beside it, and keeps the
// change in memory so that the user can retry, which then works once there is room again or the
// folder is writable.
// The disk is a small tmpfs mounted for each test function in a private mount namespace (root, as in
// CI, or an unprivileged user namespace); a read-only folder is a read-only mount, since root
// ignores permission bits. Where neither namespace can be had, the test fails and says so.
class TestKeystoreDisk : public QObject
{
    Q_OBJECT

public:
    explicit TestKeystoreDisk(QString namespaceError)
        : m_namespaceError(std::move(namespaceError))
    { }

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void diskFull_data();
    void diskFull();
    void readOnlyFolder_data();
    void readOnlyFolder();

private:
    [[nodiscard]] bool mountTmpfs(const QString& options);
    [[nodiscard]] QString path(const QString& name) const { return m_mountPoint + QLatin1Char('/') + name; }

    QString m_namespaceError; // why the private mount namespace could not be had; empty when it was
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_mountPoint;
    QStringList m_mounts; // innermost last
};

namespace {

constexpr KeystoreOptions kFast{1000};
const QString kKeystore = QStringLiteral("keystore.jwe");
const QString kBackup = QStringLiteral("keystore.jwe.bak");

crypto::SecureBytes oldPassphrase()
{
    return crypto::SecureBytes(std::string_view("full disk, old passphrase"));
}

crypto::SecureBytes newPassphrase()
{
    return crypto::SecureBytes(std::string_view("full disk, new passphrase"));
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The mount points this process sees (/proc/self/mountinfo, field 5, octal escapes undone).
QStringList visibleMounts()
{
    QStringList mounts;
    std::ifstream info("/proc/self/mountinfo");
    std::string line;
    while (std::getline(info, line)) {
        std::size_t start = 0;
        for (int field = 0; field < 4 && start != std::string::npos; ++field) {
            start = line.find(' ', start);
            start = start == std::string::npos ? start : start + 1;
        }
        if (start == std::string::npos) {
            continue;
        }
        const std::string escaped = line.substr(start, line.find(' ', start) - start);
        std::string point;
        for (std::size_t i = 0; i < escaped.size(); ++i) {
            if (escaped[i] == '\\' && i + 3 < escaped.size()) {
                point += static_cast<char>(std::stoi(escaped.substr(i + 1, 3), nullptr, 8));
                i += 3;
            } else {
                point += escaped[i];
            }
        }
        mounts << QString::fromStdString(point);
    }
    return mounts;
}

bool writeMapping(const char* file, const std::string& text)
{
    std::ofstream out(file);
    out << text;
    out.flush();
    return static_cast<bool>(out);
}

// Fills the file system with one file until it is full; returns the open descriptor (or -1).
int fillDisk(const QString& filler)
{
    const int fd = ::open(filler.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return -1;
    }
    const std::string chunk(65536, 'x');
    for (;;) {
        const ssize_t written = ::write(fd, chunk.data(), chunk.size());
        if (written < 0) {
            if (errno == ENOSPC) {
                return fd;
            }
            ::close(fd);
            return -1;
        }
    }
}

// Enters a private mount namespace; the reason when that is impossible. Must run before Qt starts a
// thread: a user namespace can be entered only by a single-threaded process.
QString enterPrivateMountNamespace()
{
    if (::unshare(CLONE_NEWNS) != 0) {
        const int asRoot = errno;
        // Not root: an unprivileged user namespace brings the right to mount in its own mount namespace.
        const uid_t uid = ::geteuid();
        const gid_t gid = ::getegid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
            return QStringLiteral("this test mounts a small tmpfs in a private mount namespace, which needs root "
                                  "(CAP_SYS_ADMIN) or unprivileged user namespaces: unshare(CLONE_NEWNS): %1; "
                                  "unshare(CLONE_NEWUSER | CLONE_NEWNS): %2")
                .arg(systemError(asRoot), systemError(errno));
        }
        if (!writeMapping("/proc/self/setgroups", "deny")
            || !writeMapping("/proc/self/uid_map", std::to_string(uid) + " " + std::to_string(uid) + " 1")
            || !writeMapping("/proc/self/gid_map", std::to_string(gid) + " " + std::to_string(gid) + " 1")) {
            return QStringLiteral("cannot map the user and group into the new user namespace");
        }
    }
    // Nothing mounted here may reach the rest of the system. In a chroot "/" need not be a mount
    // point: then each mount in sight is made private on its own.
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        for (const QString& point : visibleMounts()) {
            if (::mount("none", point.toLocal8Bit().constData(), nullptr, MS_PRIVATE, nullptr) != 0) {
                return QStringLiteral("cannot make %1 a private mount: %2").arg(point, systemError(errno));
            }
        }
    }
    return {};
}

Key generated(const KeySpec& spec)
{
    auto key = generateKey(spec);
    if (!key) {
        qFatal("cannot generate a key: %s", key.error().message.c_str());
    }
    return std::move(*key);
}

Result<void> run(Operation operation, Keystore& keystore)
{
    switch (operation) {
    case Operation::Save: return keystore.save();
    case Operation::SaveInBackground: return saveInBackground(keystore);
    case Operation::ChangePassphrase: return keystore.changePassphrase(newPassphrase());
    }
    return fail(Errc::Cancelled, "unknown operation");
}

// What the user changed before saving: a key and a long history (far more than a few pages).
void changeInMemory(Keystore& keystore)
{
    QVERIFY(keystore.add(
        {generated({KeyType::Ec, 0, Curve::P384}), "added before the save", "2026-11-29T08:00:00Z", "", {"new"}}));
    for (int i = 0; i < 20; ++i) {
        const std::string token = "eyJhbGciOiJIUzI1NiJ9." + std::string(3000, static_cast<char>('A' + i)) + ".c2ln";
        QVERIFY(keystore.recordToken(token, "2026-11-29T09:00:00Z", kDefaultHistoryCapacity));
    }
}

bool hasTemporaries(const QStringList& names)
{
    return std::ranges::any_of(names, [](const QString& name) { return name.contains(QStringLiteral(".tmp-")); });
}

} // namespace

void TestKeystoreDisk::initTestCase()
{
    if (!m_namespaceError.isEmpty()) {
        QFAIL(qPrintable(m_namespaceError));
    }
}

void TestKeystoreDisk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_mountPoint = m_dir->filePath(QStringLiteral("disk"));
    QVERIFY(QDir().mkdir(m_mountPoint));
}

void TestKeystoreDisk::cleanup()
{
    while (!m_mounts.isEmpty()) {
        const QString point = m_mounts.takeLast();
        if (::umount2(point.toLocal8Bit().constData(), MNT_DETACH) != 0) {
            qWarning("cannot unmount %s: %s", qPrintable(point), std::strerror(errno));
        }
    }
    m_dir.reset();
}

bool TestKeystoreDisk::mountTmpfs(const QString& options)
{
    if (::mount("tmpfs", m_mountPoint.toLocal8Bit().constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                options.toLocal8Bit().constData())
        != 0) {
        qWarning("cannot mount a tmpfs (%s) on %s: %s", qPrintable(options), qPrintable(m_mountPoint),
                 std::strerror(errno));
        return false;
    }
    m_mounts << m_mountPoint;
    return true;
}

void TestKeystoreDisk::diskFull_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<Space>("space");
    QTest::addColumn<bool>("firstSave");

    QTest::newRow("save, no space at all") << Operation::Save << Space::None << false;
    QTest::newRow("save, room for the backup only") << Operation::Save << Space::BackupOnly << false;
    QTest::newRow("save, no inode left") << Operation::Save << Space::NoInodes << false;
    QTest::newRow("first save, no space at all") << Operation::Save << Space::None << true;
    QTest::newRow("background save, no space at all") << Operation::SaveInBackground << Space::None << false;
    QTest::newRow("background save, room for the backup only")
        << Operation::SaveInBackground << Space::BackupOnly << false;
    QTest::newRow("change passphrase, no space at all") << Operation::ChangePassphrase << Space::None << false;
    QTest::newRow("change passphrase, no inode left") << Operation::ChangePassphrase << Space::NoInodes << false;
}

void TestKeystoreDisk::diskFull()
{
    QFETCH(Operation, operation);
    QFETCH(Space, space);
    QFETCH(bool, firstSave);
    QVERIFY(mountTmpfs(space == Space::NoInodes ? QStringLiteral("size=1m,nr_inodes=16,mode=0700")
                                                : QStringLiteral("size=1m,mode=0700")));

    const QString keystorePath = path(kKeystore);
    Keystore keystore = Keystore::create(keystorePath.toStdString(), oldPassphrase(), kFast);
    QVERIFY(keystore.add(
        {generated({KeyType::Ec, 0, Curve::P256}), "signing", "2026-11-20T08:00:00Z", "staging API", {"production"}}));
    QVERIFY(keystore.recordToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln", "2026-11-28T10:00:00Z",
                                 kDefaultHistoryCapacity));
    if (!firstSave) {
        QVERIFY(keystore.save());
        QVERIFY(keystore.save()); // a backup as well, as after any earlier change
    }
    const std::string oldContent = describeKeystore(keystore);
    const QByteArray oldFile = readBytes(keystorePath);
    const QByteArray oldBackup = readBytes(path(kBackup));
    const QStringList before = folderListing(m_mountPoint);
    if (operation != Operation::ChangePassphrase) {
        changeInMemory(keystore);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    const std::string inMemory = describeKeystore(keystore);
    const bool wasModified = keystore.isModified();

    // Fill the disk.
    const QString filler = path(QStringLiteral("filler"));
    int fd = -1;
    if (space == Space::NoInodes) {
        for (int i = 0;; ++i) {
            const int empty = ::open(path(QStringLiteral("inode-%1").arg(i)).toLocal8Bit().constData(),
                                     O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (empty < 0) {
                QCOMPARE(errno, ENOSPC);
                break;
            }
            ::close(empty);
        }
    } else {
        fd = fillDisk(filler);
        QVERIFY2(fd >= 0, std::strerror(errno));
        if (space == Space::BackupOnly) {
            // Room for a copy of the old file and a little more, far from enough for the new one.
            const off_t room = ((oldFile.size() + 4095) / 4096 + 2) * 4096;
            const off_t size = ::lseek(fd, 0, SEEK_END);
            QVERIFY(size > room);
            QCOMPARE(::ftruncate(fd, size - room), 0);
        }
        ::close(fd);
    }
    const QStringList full = folderListing(m_mountPoint);

    auto saved = run(operation, keystore);
    QVERIFY(!saved);
    const Error& error = saved.error();
    const QString message = QString::fromStdString(error.message);
    qInfo("%s", qPrintable(message));
    QCOMPARE(error.code, Errc::Io);
    // A clear message: the file, the cause in words, what became of the keystore.
    QVERIFY2(message.contains(keystorePath), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("the disk is full")), qPrintable(message));
    QVERIFY2(message.contains(firstSave ? QStringLiteral("nothing was written")
                                        : QStringLiteral("the keystore file is unchanged")),
             qPrintable(message));
    // It failed where the row says: with no room, already at the backup.
    const bool atBackup = !firstSave && space != Space::BackupOnly;
    QCOMPARE(message.contains(QStringLiteral("cannot write ") + path(kBackup)), atBackup);

    // The file is as it was, byte for byte, and nothing was left beside it.
    QCOMPARE(folderListing(m_mountPoint), full);
    QVERIFY(!hasTemporaries(full));
    if (firstSave) {
        QVERIFY(!QFileInfo::exists(keystorePath));
    } else {
        QVERIFY(readBytes(keystorePath) == oldFile);
        // The backup is the one from before or, when it could be written, a copy of the old file.
        const QByteArray backup = readBytes(path(kBackup));
        QVERIFY(backup == (atBackup ? oldBackup : oldFile));
        auto onDisk = Keystore::open(keystorePath.toStdString(), oldPassphrase(), kFast);
        QVERIFY2(onDisk, onDisk ? "" : onDisk.error().message.c_str());
        QCOMPARE(describeKeystore(*onDisk), oldContent);
    }

    // Memory still holds the change, and the passphrase that the file has, for a retry.
    QCOMPARE(describeKeystore(keystore), inMemory);
    QCOMPARE(keystore.isModified(), wasModified);
    QVERIFY(keystore.snapshot().passphrase.view() == oldPassphrase().view());

    // Room again: the retry works, and the file then holds what memory held.
    for (const QString& name : full) {
        if (!before.contains(name)) {
            QVERIFY(QFile::remove(path(name)));
        }
    }
    auto retried = run(operation, keystore);
    QVERIFY2(retried, retried ? "" : retried.error().message.c_str());
    QVERIFY(!keystore.isModified());
    auto reopened = Keystore::open(keystorePath.toStdString(),
                                   operation == Operation::ChangePassphrase ? newPassphrase() : oldPassphrase(), kFast);
    QVERIFY2(reopened, reopened ? "" : reopened.error().message.c_str());
    QCOMPARE(describeKeystore(*reopened), inMemory);
    QVERIFY(!hasTemporaries(folderListing(m_mountPoint)));
}

void TestKeystoreDisk::readOnlyFolder_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<bool>("bindMount");

    QTest::newRow("save, read-only file system") << Operation::Save << false;
    QTest::newRow("save, folder bind-mounted read-only") << Operation::Save << true;
    QTest::newRow("background save, read-only file system") << Operation::SaveInBackground << false;
    QTest::newRow("change passphrase, folder bind-mounted read-only") << Operation::ChangePassphrase << true;
}

void TestKeystoreDisk::readOnlyFolder()
{
    QFETCH(Operation, operation);
    QFETCH(bool, bindMount);
    QVERIFY(mountTmpfs(QStringLiteral("size=1m,mode=0700")));
    // The keystore lives in a folder of its own, as in the application data folder.
    const QString folder = path(QStringLiteral("jwt-workbench"));
    QVERIFY(QDir().mkdir(folder));
    const QString keystorePath = folder + QLatin1Char('/') + kKeystore;

    Keystore keystore = Keystore::create(keystorePath.toStdString(), oldPassphrase(), kFast);
    QVERIFY(keystore.add({generated({KeyType::Oct, 256, Curve::None}), "hmac", "2026-11-20T08:00:00Z", "", {}}));
    QVERIFY(keystore.save());
    QVERIFY(keystore.save());
    const std::string oldContent = describeKeystore(keystore);
    const QByteArray oldFile = readBytes(keystorePath);
    const QByteArray oldBackup = readBytes(folder + QLatin1Char('/') + kBackup);
    const QStringList before = folderListing(folder);
    if (operation != Operation::ChangePassphrase) {
        changeInMemory(keystore);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    const std::string inMemory = describeKeystore(keystore);
    const bool wasModified = keystore.isModified();

    // Read-only: the whole tmpfs remounted, or only the folder bind-mounted read-only over itself.
    const QByteArray target = (bindMount ? folder : m_mountPoint).toLocal8Bit();
    if (bindMount) {
        QVERIFY2(::mount(target.constData(), target.constData(), nullptr, MS_BIND, nullptr) == 0, std::strerror(errno));
        m_mounts << folder;
        QVERIFY2(::mount(nullptr, target.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) == 0,
                 std::strerror(errno));
    } else {
        QVERIFY2(::mount(nullptr, target.constData(), nullptr, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV,
                         "size=1m,mode=0700")
                     == 0,
                 std::strerror(errno));
    }
    // Root ignores permission bits, but not this.
    QCOMPARE(::access(folder.toLocal8Bit().constData(), W_OK), -1);
    QCOMPARE(errno, EROFS);

    auto saved = run(operation, keystore);
    QVERIFY(!saved);
    const QString message = QString::fromStdString(saved.error().message);
    qInfo("%s", qPrintable(message));
    QCOMPARE(saved.error().code, Errc::Io);
    QVERIFY2(message.contains(keystorePath), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("the folder %1 is read-only").arg(folder)), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("the keystore file is unchanged")), qPrintable(message));

    QCOMPARE(folderListing(folder), before);
    QVERIFY(readBytes(keystorePath) == oldFile);
    QVERIFY(readBytes(folder + QLatin1Char('/') + kBackup) == oldBackup);
    auto onDisk = Keystore::open(keystorePath.toStdString(), oldPassphrase(), kFast);
    QVERIFY2(onDisk, onDisk ? "" : onDisk.error().message.c_str());
    QCOMPARE(describeKeystore(*onDisk), oldContent);
    QCOMPARE(describeKeystore(keystore), inMemory);
    QCOMPARE(keystore.isModified(), wasModified);
    QVERIFY(keystore.snapshot().passphrase.view() == oldPassphrase().view());

    // Writable again: the retry works.
    if (bindMount) {
        QCOMPARE(::umount2(target.constData(), 0), 0);
        m_mounts.removeLast();
    } else {
        QVERIFY2(::mount(nullptr, target.constData(), nullptr, MS_REMOUNT | MS_NOSUID | MS_NODEV, "size=1m,mode=0700")
                     == 0,
                 std::strerror(errno));
    }
    auto retried = run(operation, keystore);
    QVERIFY2(retried, retried ? "" : retried.error().message.c_str());
    auto reopened = Keystore::open(keystorePath.toStdString(),
                                   operation == Operation::ChangePassphrase ? newPassphrase() : oldPassphrase(), kFast);
    QVERIFY2(reopened, reopened ? "" : reopened.error().message.c_str());
    QCOMPARE(describeKeystore(*reopened), inMemory);
    QVERIFY(!hasTemporaries(folderListing(folder)));
}

// QTEST_GUILESS_MAIN, with the namespace entered first.
int main(int argc, char** argv)
{
    QString namespaceError = enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    TestKeystoreDisk test(std::move(namespaceError));
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "TestKeystoreDisk.moc"
