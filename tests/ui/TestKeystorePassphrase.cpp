#include "ScriptedKeysPrompter.h"
#include "UiTestSupport.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"
#include "models/KeyListModel.h"
#include "pages/KeysPage.h"
#include "pages/keys/KeystoreLockedView.h"
#include "support/KeystoreSession.h"
#include "support/Theme.h"
#include "widgets/NewPassphraseFields.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

using namespace jwtwb;
using namespace jwtwb::ui;

// The keystore's passphrase on the Keys page: a new keystore asks for it twice and shows its
// strength, unlocking runs off the GUI thread, and the passphrase can be changed (asked twice).
class TestKeystorePassphrase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createAsksTwice();
    void strengthAsTheUserTypes_data();
    void strengthAsTheUserTypes();
    void unlockKeepsTheWindowResponsive();
    void wrongPassphraseInTheBackground();
    void changePassphrase();
    void screenshots_data();
    void screenshots();

private:
    [[nodiscard]] QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    static void type(KeysPage& page, const QString& first, const QString& again);
    QTemporaryDir m_dir;
};

namespace {

constexpr keys::KeystoreOptions kFast{1000};

bool opens(const QString& path, std::string_view passphrase)
{
    return keys::Keystore::open(path.toStdString(), crypto::SecureBytes(passphrase)).has_value();
}

} // namespace

void TestKeystorePassphrase::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestKeystorePassphrase::type(KeysPage& page, const QString& first, const QString& again)
{
    auto* firstEdit = page.findChild<QLineEdit*>(QStringLiteral("newPassphrase"));
    auto* againEdit = page.findChild<QLineEdit*>(QStringLiteral("newPassphraseAgain"));
    firstEdit->clear();
    againEdit->clear();
    QTest::keyClicks(firstEdit, first);
    QTest::keyClicks(againEdit, again);
}

// The first run: no keystore file. One typo must not lock the user out of every key stored later.
void TestKeystorePassphrase::createAsksTwice()
{
    const QString file = path("new.jwe");
    KeysPage page(file, kFast);
    page.resize(1024, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* view = page.findChild<KeystoreLockedView*>();
    QVERIFY(view->isCreating());
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("lockedMessage"))->text().contains("type it twice"));
    auto* create = page.findChild<QPushButton*>(QStringLiteral("createButton"));
    auto* advice = page.findChild<QLabel*>(QStringLiteral("passphraseAdvice"));
    QVERIFY(create->isVisible());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("unlockButton"))->isVisible());
    QVERIFY(!create->isEnabled());

    type(page, QStringLiteral("glacier orbit velvet tundra 1987"), QStringLiteral("glacier orbit velvet tundra 1986"));
    QVERIFY(!create->isEnabled());
    QVERIFY(advice->text().contains("differ"));
    QTest::keyClick(page.findChild<QLineEdit*>(QStringLiteral("newPassphraseAgain")), Qt::Key_Return);
    QVERIFY(!page.isUnlocked()); // Return does not create with a mismatch

    type(page, QStringLiteral("glacier orbit velvet tundra 1987"), QStringLiteral("glacier orbit velvet tundra 1987"));
    QVERIFY(create->isEnabled());
    QVERIFY(advice->text().contains("match"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY(page.isUnlocked());
    QVERIFY(page.findChild<QLineEdit*>(QStringLiteral("newPassphrase"))->text().isEmpty()); // not kept in the field
    QVERIFY(!QFile::exists(file)); // nothing written before the first key

    auto* kinds = page.findChild<QComboBox*>(QStringLiteral("generateKind"));
    kinds->setCurrentIndex(kinds->findText(QStringLiteral("HMAC secret, 256 bits"), Qt::MatchStartsWith));
    page.findChild<QAction*>(QStringLiteral("generateAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isGenerating(), 30000);
    QCOMPARE(page.model()->rowCount(), 1);
    QVERIFY(QFile::exists(file));
    QVERIFY(opens(file, "glacier orbit velvet tundra 1987"));
    QVERIFY(!opens(file, "glacier orbit velvet tundra 1986"));
}

void TestKeystorePassphrase::strengthAsTheUserTypes_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<bool>("warned");
    QTest::newRow("three letters") << QStringLiteral("abc") << QStringLiteral("Poor") << true;
    QTest::newRow("a famous one") << QStringLiteral("Tr0ub4dor&3") << QStringLiteral("Weak") << true;
    QTest::newRow("four unrelated words")
        << QStringLiteral("glacier orbit velvet tundra 1987") << QStringLiteral("Good") << false;
    QTest::newRow("a long sentence") << QStringLiteral("a-string-secret-at-least-256-bits-long")
                                     << QStringLiteral("Excellent") << false;
}

// A weak passphrase is named and explained, and the user may go on all the same.
void TestKeystorePassphrase::strengthAsTheUserTypes()
{
    QFETCH(QString, passphrase);
    QFETCH(QString, quality);
    QFETCH(bool, warned);
    KeysPage page(path("strength.jwe"), kFast);
    type(page, passphrase, passphrase);
    auto* meter = page.findChild<QProgressBar*>(QStringLiteral("passphraseStrength"));
    const QString words = page.findChild<QLabel*>(QStringLiteral("passphraseQuality"))->text();
    QVERIFY2(words.startsWith(quality + QStringLiteral(", about ")), qPrintable(words));
    const QString advice = page.findChild<QLabel*>(QStringLiteral("passphraseAdvice"))->text();
    QCOMPARE(advice.contains(QStringLiteral("weak")), warned);
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("createButton"))->isEnabled());
    if (warned) {
        QVERIFY(meter->value() < 75);
        QVERIFY(advice.contains(QStringLiteral("You may go on")));
    } else {
        QVERIFY(meter->value() >= 75);
    }
}

// PBKDF2 runs on a pool thread: while it works the window paints, timers fire and the busy
// indicator shows; the fields wait disabled.
void TestKeystorePassphrase::unlockKeepsTheWindowResponsive()
{
    const QString file = path("slow.jwe");
    {
        // Ten times the default iterations, so that unlocking takes long enough to watch.
        auto keystore = keys::Keystore::create(file.toStdString(), crypto::SecureBytes(std::string_view("slow one")),
                                               {6'000'000});
        QVERIFY(
            keystore.add({*keys::generateKey({keys::KeyType::Oct, 256}), "a secret", "2026-12-06T08:00:00Z", {}, {}}));
        QVERIFY(keystore.save());
    }
    KeysPage page(file);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* view = page.findChild<KeystoreLockedView*>();
    QVERIFY(!view->isCreating());
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
    timer.start(5);
    auto* edit = page.findChild<QLineEdit*>(QStringLiteral("passphrase"));
    QTest::keyClicks(edit, QStringLiteral("slow one"));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(view->isBusy());
    QVERIFY(page.findChild<QProgressBar*>(QStringLiteral("unlockBusy"))->isVisible());
    QVERIFY(!edit->isEnabled());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("unlockButton"))->isEnabled());
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("error"))->text().contains("Unlocking"));
    const int before = ticks;
    QTRY_VERIFY_WITH_TIMEOUT(page.isUnlocked(), 60000);
    QVERIFY2(ticks - before >= 5, qPrintable(QString::number(ticks - before))); // the event loop ran meanwhile
    QCOMPARE(page.model()->rowCount(), 1);
    QVERIFY(!page.findChild<QProgressBar*>(QStringLiteral("unlockBusy"))->isVisible());
}

void TestKeystorePassphrase::wrongPassphraseInTheBackground()
{
    const QString file = path("wrong.jwe");
    {
        auto keystore
            = keys::Keystore::create(file.toStdString(), crypto::SecureBytes(std::string_view("right")), kFast);
        QVERIFY(
            keystore.add({*keys::generateKey({keys::KeyType::Oct, 256}), "a secret", "2026-12-06T08:00:00Z", {}, {}}));
        QVERIFY(keystore.save());
    }
    KeysPage page(file, kFast);
    QVERIFY(!test::unlockAsUser(page, QStringLiteral("wrong")));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("error"))->text().contains("wrong passphrase"));
    auto* edit = page.findChild<QLineEdit*>(QStringLiteral("passphrase"));
    QVERIFY(edit->isEnabled() && edit->text().isEmpty());
    QVERIFY(test::unlockAsUser(page, QStringLiteral("right")));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("error"))->text().isEmpty());
}

void TestKeystorePassphrase::changePassphrase()
{
    const QString file = path("change.jwe");
    KeysPage page(file, kFast);
    QVERIFY(test::unlockAsUser(page, QStringLiteral("first passphrase")));
    QVERIFY(page.actions()
                ->importSecret(QStringLiteral("s3cret"), keys::SecretEncoding::Utf8, QStringLiteral("s"))
                .startsWith(QStringLiteral("Imported 1")));
    auto* action = page.findChild<QAction*>(QStringLiteral("changePassphraseAction"));
    QVERIFY(action->isEnabled());
    QStringList asked;
    std::optional<QString> answer;
    test::scripted(page)->setNewKeystorePassphrasePrompt([&](const QString& where) {
        asked << where;
        return answer;
    });
    action->trigger(); // cancelled
    QCOMPARE(asked, QStringList{file});
    QVERIFY(opens(file, "first passphrase"));

    answer = QStringLiteral("second passphrase");
    QSignalSpy status(&page, &KeysPage::statusMessage);
    action->trigger();
    QVERIFY(status.back().front().toString().contains("Changed the keystore passphrase"));
    QVERIFY(opens(file, "second passphrase"));
    QVERIFY(!opens(file, "first passphrase"));
    QVERIFY(opens(file + QStringLiteral(".bak"), "first passphrase")); // the previous file, as before every save

    page.lock();
    QVERIFY(test::unlockAsUser(page, QStringLiteral("second passphrase")));
    QCOMPARE(page.model()->rowCount(), 1);
}

void TestKeystorePassphrase::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// The Keys page's states, light and dark, at a normal window size: create (with the strength
// meter), locked, unlocked with keys and a key's details. The README shows them.
void TestKeystorePassphrase::screenshots()
{
    QFETCH(bool, dark);
    applyColorScheme(*qApp, dark ? ColorScheme::Dark : ColorScheme::Light);
    const QString scheme = dark ? QStringLiteral("dark") : QStringLiteral("light");
    // Where a user's keystore is, under a home folder of this test's own: shown as "~/…".
    const QString home = path(dark ? "home-dark" : "home-light");
    const QByteArray realHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home));
    const QString file = home + QStringLiteral("/.local/share/jwt-workbench/jwt-workbench/keystore.jwe");
    KeysPage page(file, kFast);
    page.resize(1024, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    type(page, QStringLiteral("Tr0ub4dor&3"), QStringLiteral("Tr0ub4dor&3"));
    auto* meter = page.findChild<QProgressBar*>(QStringLiteral("passphraseStrength"));
    QVERIFY(meter->isVisible());
    QCOMPARE(page.findChild<QLabel*>(QStringLiteral("passphraseQuality"))->text(),
             QStringLiteral("Weak, about 47 bits"));
    // Nothing is cut off: the advice gets the height its words need.
    auto* advice = page.findChild<QLabel*>(QStringLiteral("passphraseAdvice"));
    QTRY_VERIFY(advice->height() >= advice->heightForWidth(advice->width()));
    // The meter's colour is the palette's warning colour, readable on this scheme's window.
    const QColor fill = meter->palette().color(QPalette::Highlight);
    QCOMPARE(fill, statusColors(page.palette()).warning);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("lockedMessage"))
                ->text()
                .contains(QStringLiteral(" ~/.local/share/jwt-workbench/jwt-workbench/keystore.jwe.")));
    test::saveShot(page, QStringLiteral("keys-create-") + scheme);

    QTest::keyClick(page.findChild<QLineEdit*>(QStringLiteral("newPassphraseAgain")), Qt::Key_Return);
    QTRY_VERIFY(page.isUnlocked());
    for (const auto& [label, spec] : std::initializer_list<std::pair<const char*, keys::KeySpec>>{
             {"staging signer", {keys::KeyType::Ec, 0, keys::Curve::P256}},
             {"release signer", {keys::KeyType::Okp, 0, keys::Curve::Ed25519}},
             {"webhook secret", {keys::KeyType::Oct, 256}}}) {
        QVERIFY(page.model()->addKey({*keys::generateKey(spec), label, "2026-12-06T08:00:00Z", {}, {"staging"}}));
    }
    QVERIFY(page.session()->saveChanges());
    test::saveShot(page, QStringLiteral("keys-unlocked-") + scheme);
    auto* list = page.findChild<QTreeView*>(QStringLiteral("keyList"));
    list->setCurrentIndex(list->model()->index(0, 0));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("keyFacts"))->text().contains("thumbprint"));
    test::saveShot(page, QStringLiteral("keys-details-") + scheme);

    page.lock();
    QVERIFY(!page.findChild<KeystoreLockedView*>()->isCreating()); // the file exists now
    QVERIFY(page.findChild<QLineEdit*>(QStringLiteral("passphrase"))->isVisible());
    test::saveShot(page, QStringLiteral("keys-locked-") + scheme);
    qputenv("HOME", realHome);
    applyColorScheme(*qApp, ColorScheme::Light);
}

QTEST_MAIN(TestKeystorePassphrase)
#include "TestKeystorePassphrase.moc"
