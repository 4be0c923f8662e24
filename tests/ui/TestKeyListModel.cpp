#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/Keystore.h"
#include "models/KeyListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::ui;

class TestKeyListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsEntries();
    void typeText_data();
    void typeText();
    void addAndTakeWithUndo();
    void duplicateAddsNoRow();
    void lockedHasNoRows();

private:
    static keys::KeystoreEntry entry(keys::KeySpec spec, std::string label, std::vector<std::string> tags = {});

    QTemporaryDir m_dir;
    std::unique_ptr<keys::Keystore> m_keystore;
    std::unique_ptr<KeyListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

keys::KeystoreEntry TestKeyListModel::entry(keys::KeySpec spec, std::string label, std::vector<std::string> tags)
{
    auto key = keys::generateKey(spec);
    if (!key) {
        qFatal("generation failed");
    }
    return {std::move(*key), std::move(label), "2026-11-29T02:30:00Z", {}, std::move(tags)};
}

void TestKeyListModel::init()
{
    m_keystore = std::make_unique<keys::Keystore>(keys::Keystore::create(
        m_dir.filePath("keystore.jwe").toStdString(), crypto::SecureBytes(std::string_view("x")), {1000}));
    m_model = std::make_unique<KeyListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setKeystore(m_keystore.get());
}

void TestKeyListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_keystore.reset();
}

void TestKeyListModel::showsEntries()
{
    QVERIFY(m_model->addKey(entry({keys::KeyType::Ec, 0, keys::Curve::P256}, "signing", {"production", "api"})));
    QVERIFY(m_model->addKey(entry({keys::KeyType::Oct, 384, keys::Curve::None}, "hmac")));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(KeyListModel::ColumnCount));
    const QModelIndex first = m_model->index(0, KeyListModel::LabelColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("signing"));
    QCOMPARE(m_model->index(0, KeyListModel::TypeColumn).data().toString(), QStringLiteral("EC P-256"));
    QCOMPARE(m_model->index(0, KeyListModel::TagsColumn).data().toString(), QStringLiteral("production, api"));
    QCOMPARE(m_model->index(0, KeyListModel::CreatedColumn).data().toString(), QStringLiteral("2026-11-29T02:30:00Z"));
    const QString kid = m_model->index(0, KeyListModel::KidColumn).data().toString();
    QCOMPARE(kid.size(), 43);
    QCOMPARE(first.data(KeyListModel::KidRole).toString(), kid);
    QCOMPARE(first.data(Qt::ToolTipRole).toString(), QStringLiteral("EC P-256 private key"));
    QCOMPARE(m_model->index(1, KeyListModel::TypeColumn).data().toString(), QStringLiteral("oct 384"));
    QCOMPARE(m_model->headerData(KeyListModel::KidColumn, Qt::Horizontal).toString(), QStringLiteral("Key ID"));
    QCOMPARE(m_model->indexOfKid(kid).row(), 0);
    QVERIFY(!m_model->indexOfKid("nope").isValid());
}

void TestKeyListModel::typeText_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("curve");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rsa") << int(keys::KeyType::Rsa) << 2048 << int(keys::Curve::None) << "RSA 2048";
    QTest::newRow("secp256k1") << int(keys::KeyType::Ec) << 0 << int(keys::Curve::Secp256k1) << "EC secp256k1";
    QTest::newRow("ed448") << int(keys::KeyType::Okp) << 0 << int(keys::Curve::Ed448) << "Ed448";
    QTest::newRow("oct") << int(keys::KeyType::Oct) << 512 << int(keys::Curve::None) << "oct 512";
}

void TestKeyListModel::typeText()
{
    QFETCH(int, type);
    QFETCH(int, bits);
    QFETCH(int, curve);
    QFETCH(QString, expected);
    const auto key = keys::generateKey({keys::KeyType(type), bits, keys::Curve(curve)});
    QVERIFY(key.has_value());
    QCOMPARE(KeyListModel::typeText(*key), expected);
}

void TestKeyListModel::addAndTakeWithUndo()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_model->addKey(entry({keys::KeyType::Okp, 0, keys::Curve::Ed25519}, "a")));
    const auto kid = m_model->addKey(entry({keys::KeyType::Ec, 0, keys::Curve::P384}, "b"));
    QVERIFY(kid.has_value());
    QCOMPARE(inserted.size(), 2);
    auto taken = m_model->takeKey(*kid);
    QVERIFY(taken.has_value());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_keystore->entries().size(), std::size_t(1));
    // Undo: the same key comes back with its kid and label.
    auto again = m_model->addKey(std::move(*taken));
    QVERIFY(again.has_value());
    QCOMPARE(*again, *kid);
    QCOMPARE(m_model->index(1, KeyListModel::LabelColumn).data().toString(), QStringLiteral("b"));
    QCOMPARE(m_model->takeKey("nope").error().code, Errc::KeyNotFound);
}

void TestKeyListModel::duplicateAddsNoRow()
{
    const keys::KeystoreEntry original = entry({keys::KeyType::Ec, 0, keys::Curve::P256}, "one");
    QVERIFY(m_model->addKey(original));
    QSignalSpy aboutToInsert(m_model.get(), &QAbstractItemModel::rowsAboutToBeInserted);
    const auto duplicate = m_model->addKey(original);
    QVERIFY(!duplicate.has_value());
    QCOMPARE(duplicate.error().code, Errc::DuplicateKey);
    QCOMPARE(aboutToInsert.size(), 0);
    QCOMPARE(m_model->rowCount(), 1);
}

void TestKeyListModel::lockedHasNoRows()
{
    QVERIFY(m_model->addKey(entry({keys::KeyType::Oct, 256, keys::Curve::None}, "s")));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setKeystore(nullptr);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->entry(m_model->index(0, 0)));
    QCOMPARE(m_model->addKey(entry({keys::KeyType::Oct, 256, keys::Curve::None}, "t")).error().code,
             Errc::PassphraseRequired);
}

QTEST_MAIN(TestKeyListModel)
#include "TestKeyListModel.moc"
