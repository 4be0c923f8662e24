#include "UiTestSupport.h"
#include "keys/KeyGenerator.h"
#include "keys/Keystore.h"
#include "models/KeyListModel.h"
#include "pages/KeysPage.h"
#include "widgets/JsonView.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>

using namespace jwtwb;
using namespace jwtwb::ui;

class TestKeysPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPassphraseStaysLocked();
    void unlockListFilterDetails();
    void lockForgetsKeys();
    void noKeystoreYet();

private:
    void unlockWith(KeysPage& page, const QString& passphrase);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestKeysPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("keystore.jwe"));
    // A low iteration count for speed; the file says how many to use when opening.
    auto keystore
        = keys::Keystore::create(m_path.toStdString(), crypto::SecureBytes(std::string_view("open sesame")), {1000});
    QVERIFY(keystore.add({*keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256}),
                          "staging signer",
                          "2026-11-29T02:00:00Z",
                          {},
                          {"staging"}}));
    QVERIFY(keystore.add({*keys::generateKey({keys::KeyType::Okp, 0, keys::Curve::Ed25519}),
                          "release signer",
                          "2026-11-29T02:01:00Z",
                          {},
                          {"production"}}));
    QVERIFY(keystore.add({*keys::generateKey({keys::KeyType::Oct, 256, keys::Curve::None}),
                          "webhook secret",
                          "2026-11-29T02:02:00Z",
                          {},
                          {}}));
    QVERIFY(keystore.save());
}

void TestKeysPage::unlockWith(KeysPage& page, const QString& passphrase)
{
    auto* edit = page.findChild<QLineEdit*>(QStringLiteral("passphrase"));
    QVERIFY(edit);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(edit, passphrase);
    QTest::keyClick(edit, Qt::Key_Return);
}

void TestKeysPage::wrongPassphraseStaysLocked()
{
    KeysPage page(m_path);
    page.resize(900, 600);
    page.show();
    unlockWith(page, QStringLiteral("not it"));
    QVERIFY(!page.isUnlocked());
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("error"))->text().contains("wrong passphrase"));
    QVERIFY(page.findChild<QLineEdit*>(QStringLiteral("passphrase"))->text().isEmpty());
    test::saveShot(page, QStringLiteral("keys-locked-wrong-passphrase"));
}

void TestKeysPage::unlockListFilterDetails()
{
    KeysPage page(m_path);
    page.resize(900, 600);
    page.show();
    QSignalSpy locked(&page, &KeysPage::lockedChanged);
    unlockWith(page, QStringLiteral("open sesame"));
    QVERIFY(page.isUnlocked());
    QCOMPARE(locked.size(), 1);
    QCOMPARE(locked.front().front().toBool(), false);
    QCOMPARE(page.model()->rowCount(), 3);

    auto* view = page.findChild<QTreeView*>();
    auto* filter = page.findChild<QLineEdit*>(QStringLiteral("filter"));
    QTest::keyClicks(filter, QStringLiteral("product"));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, KeyListModel::LabelColumn).data().toString(), QStringLiteral("release signer"));
    view->setCurrentIndex(view->model()->index(0, 0));
    auto* details = page.findChild<JsonView*>();
    QVERIFY(details->toPlainText().contains("\"crv\": \"Ed25519\""));
    QVERIFY(!details->toPlainText().contains("\"d\""));
    test::saveShot(page, QStringLiteral("keys-unlocked"));

    filter->clear();
    QCOMPARE(view->model()->rowCount(), 3);
    const QModelIndex secret
        = view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, "webhook secret").front();
    view->setCurrentIndex(secret);
    QVERIFY(details->toPlainText().contains("no public form"));
}

void TestKeysPage::lockForgetsKeys()
{
    KeysPage page(m_path);
    unlockWith(page, QStringLiteral("open sesame"));
    QVERIFY(page.isUnlocked());
    page.lock();
    QVERIFY(!page.isUnlocked());
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("lockedMessage"))->text().contains("is locked"));
}

void TestKeysPage::noKeystoreYet()
{
    KeysPage page(m_dir.filePath(QStringLiteral("new.jwe")));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("lockedMessage"))->text().contains("no keystore yet"));
    unlockWith(page, QStringLiteral("a new one"));
    QVERIFY(page.isUnlocked());
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("new.jwe")))); // nothing written until there is a change
}

QTEST_MAIN(TestKeysPage)
#include "TestKeysPage.moc"
