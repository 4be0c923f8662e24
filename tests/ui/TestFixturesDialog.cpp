#include "TestData.h"
#include "TestKeys.h"
#include "UiTestSupport.h"
#include "dialogs/FixturesDialog.h"
#include "encoding/Json.h"
#include "keys/KeyImport.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

constexpr std::int64_t kNow = 1795910400; // 2026-11-29T00:00:00Z

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int rowsWith(const QTreeWidget& list, const QString& expect)
{
    int count = 0;
    for (int i = 0; i < list.topLevelItemCount(); ++i) {
        count += list.topLevelItem(i)->text(1) == expect;
    }
    return count;
}

} // namespace

class TestFixturesDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void generatesFromTokenAndSecret();
    void writesFilesAndAsksBeforeReplacing();
    void privateKeyPastedOrGiven();
    void everyKeyFormat_data();
    void everyKeyFormat();
    void explainsBadInput_data();
    void explainsBadInput();

private:
    FixturesDialog* m_dialog = nullptr;
    QPlainTextEdit* m_source = nullptr;
    QComboBox* m_keyKind = nullptr;
    QLineEdit* m_secret = nullptr;
    QPlainTextEdit* m_keyEdit = nullptr;
    QTreeWidget* m_list = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_generate = nullptr;
    QPushButton* m_write = nullptr;
};

void TestFixturesDialog::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    m_dialog = new FixturesDialog;
    m_dialog->setNow(test::at(kNow));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
    m_source = m_dialog->findChild<QPlainTextEdit*>(QStringLiteral("sourceEdit"));
    m_keyKind = m_dialog->findChild<QComboBox*>(QStringLiteral("keyKindCombo"));
    m_secret = m_dialog->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    m_keyEdit = m_dialog->findChild<QPlainTextEdit*>(QStringLiteral("keyEdit"));
    m_list = m_dialog->findChild<QTreeWidget*>(QStringLiteral("fixtureList"));
    m_status = m_dialog->findChild<QLabel*>(QStringLiteral("statusLabel"));
    m_generate = m_dialog->findChild<QPushButton*>(QStringLiteral("generateButton"));
    m_write = m_dialog->findChild<QPushButton*>(QStringLiteral("writeButton"));
    QVERIFY(m_source && m_keyKind && m_secret && m_keyEdit && m_list && m_status && m_generate && m_write);
}

void TestFixturesDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
}

void TestFixturesDialog::generatesFromTokenAndSecret()
{
    m_dialog->setSource(QStringLiteral("Authorization: Bearer ") + test::kSampleToken);
    QVERIFY(!m_write->isEnabled());
    m_secret->setFocus();
    // The sample's own 19-byte secret is refused, with the reason: its "valid" tokens would not be.
    QTest::keyClicks(m_secret, test::kSampleSecret);
    QTest::mouseClick(m_generate, Qt::LeftButton);
    QVERIFY(!m_dialog->fixtures().has_value());
    QVERIFY2(m_status->text().contains(QStringLiteral("19 bytes")), qPrintable(m_status->text()));
    m_secret->clear();
    QTest::keyClicks(m_secret, test::kCurrentSampleSecret);
    QTest::mouseClick(m_generate, Qt::LeftButton);
    QVERIFY2(m_dialog->fixtures().has_value(), qPrintable(m_status->text()));
    // 32 tokens for an HMAC secret, 2 kinds skipped with their reason.
    QCOMPARE(m_list->topLevelItemCount(), 34);
    QCOMPARE(rowsWith(*m_list, QStringLiteral("accept")), 6);
    QCOMPARE(rowsWith(*m_list, QStringLiteral("reject")), 26);
    QCOMPARE(rowsWith(*m_list, QStringLiteral("skipped")), 2);
    QCOMPARE(m_list->topLevelItem(0)->text(0), QStringLiteral("01-valid.jwt"));
    QVERIFY(!m_list->topLevelItem(0)->text(2).isEmpty());
    QVERIFY(m_status->text().contains(QStringLiteral("HS256")));
    QVERIFY(m_write->isEnabled());
    // Selecting a row shows its whole reason and the token.
    m_list->setCurrentItem(m_list->topLevelItem(2));
    const auto* detail = m_dialog->findChild<QPlainTextEdit*>(QStringLiteral("detailView"));
    QVERIFY(detail->toPlainText().contains(QStringLiteral("within the 30 s leeway")));
    QVERIFY(detail->toPlainText().endsWith(QString::fromStdString(m_dialog->fixtures()->fixtures[2].token)));
    m_list->setCurrentItem(m_list->topLevelItem(33));
    QVERIFY(detail->toPlainText().contains(QStringLiteral("ECDSA")));
    QApplication::processEvents();
    test::saveShot(*m_dialog, QStringLiteral("fixtures-dialog"));

    // The expectations follow the fields: a changed issuer reaches the manifest's verifier.
    m_dialog->findChild<QLineEdit*>(QStringLiteral("issuerEdit"))->setText(QStringLiteral("https://login.example"));
    QVERIFY(m_dialog->generate());
    QCOMPARE(m_dialog->fixtures()->verifier.issuer, std::string("https://login.example"));
}

void TestFixturesDialog::writesFilesAndAsksBeforeReplacing()
{
    QTemporaryDir temporary;
    const QString folder = temporary.filePath(QStringLiteral("tokens"));
    m_dialog->setSource(QStringLiteral(R"({"sub":"alice"})"));
    m_secret->setText(QStringLiteral("fixture-dialog-secret-of-32-bytes"));
    m_dialog->setOutputFolder(folder);
    QVERIFY(!m_dialog->writeFiles()); // nothing generated yet
    QVERIFY(m_dialog->generate());
    int asked = 0;
    bool answer = false;
    m_dialog->setReplaceConfirmation([&](const QString&) {
        ++asked;
        return answer;
    });
    QTest::mouseClick(m_write, Qt::LeftButton);
    QCOMPARE(asked, 0); // a new folder: no question
    QVERIFY2(m_status->text().startsWith(QStringLiteral("Wrote 32 tokens")), qPrintable(m_status->text()));
    auto manifest = encoding::parseJson(readFile(folder + QStringLiteral("/manifest.json")).toStdString());
    QVERIFY(manifest && manifest->value.is_array());
    QCOMPARE(manifest->value.size(), std::size_t(32));
    const QString valid = folder + QStringLiteral("/01-valid.jwt");
    QCOMPARE(readFile(valid), QByteArray::fromStdString(m_dialog->fixtures()->fixtures.front().token));
    QCOMPARE(QFile(valid).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    // Writing again asks; "no" leaves everything as it was.
    QVERIFY(m_dialog->generate());
    const QByteArray before = readFile(valid);
    QVERIFY(!m_dialog->writeFiles());
    QCOMPARE(asked, 1);
    QCOMPARE(readFile(valid), before);
    QVERIFY(m_status->text().contains(QStringLiteral("Nothing written")));
    answer = true;
    QVERIFY(m_dialog->writeFiles());
    QCOMPARE(asked, 2);
    QCOMPARE(readFile(valid), QByteArray::fromStdString(m_dialog->fixtures()->fixtures.front().token));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 33); // no temporary files left
}

void TestFixturesDialog::privateKeyPastedOrGiven()
{
    m_dialog->setSource(QStringLiteral(R"({"sub":"alice"})"));
    m_keyKind->setCurrentIndex(1);
    QVERIFY(m_keyEdit->isVisible());
    m_keyEdit->setPlainText(QString::fromStdString(test::readDataFile(QStringLiteral("keys/ec-p256-sec1.pem"))));
    QVERIFY2(m_dialog->generate(), qPrintable(m_status->text()));
    QCOMPARE(m_dialog->fixtures()->fixtures.size(), std::size_t(33));
    QCOMPARE(m_dialog->fixtures()->verifier.algorithm, jose::JwsAlgorithm::ES256);

    // A key handed over by the signer: the key fields go away.
    auto key = keys::importPem(test::readDataFile(QStringLiteral("keys/ed25519-pkcs8.pem")));
    QVERIFY(key);
    m_dialog->setKey(*key);
    QVERIFY(!m_keyKind->isVisible());
    QVERIFY(m_dialog->findChild<QLabel*>(QStringLiteral("presetKeyLabel"))->text().contains(QStringLiteral("Ed25519")));
    QVERIFY(m_dialog->generate());
    QCOMPARE(m_dialog->fixtures()->verifier.algorithm, jose::JwsAlgorithm::EdDSA);
}

// The fixtures dialog's entry point for each private key format: pasted, or loaded from a file.
void TestFixturesDialog::everyKeyFormat_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("asFile");
    QTest::addColumn<int>("algorithm"); // jose::JwsAlgorithm, or -1: refused
    QTest::addColumn<QString>("message");
    const auto pem = [](const char* name) {
        return QByteArray::fromStdString(test::readDataFile(QStringLiteral("keys/") + QLatin1String(name)));
    };
    const int rs256 = static_cast<int>(jose::JwsAlgorithm::RS256);
    const int es256 = static_cast<int>(jose::JwsAlgorithm::ES256);
    const int eddsa = static_cast<int>(jose::JwsAlgorithm::EdDSA);
    QTest::newRow("PEM PKCS#8, pasted") << pem("rsa-2048-pkcs8.pem") << false << rs256 << QString();
    QTest::newRow("PEM PKCS#1, file") << pem("rsa-2048-pkcs1.pem") << true << rs256 << QString();
    QTest::newRow("PEM SEC1, file") << pem("ec-p256-sec1.pem") << true << es256 << QString();
    QTest::newRow("binary DER PKCS#8, file")
        << test::derOfKeyFile(QStringLiteral("ed25519-pkcs8.pem")) << true << eddsa << QString();
    QTest::newRow("binary DER SEC1, file")
        << test::derOfKeyFile(QStringLiteral("ec-p256-sec1.pem")) << true << es256 << QString();
    QTest::newRow("base64 DER, pasted") << test::derOfKeyFile(QStringLiteral("rsa-2048-pkcs8.pem")).toBase64() << false
                                        << rs256 << QString();
    QTest::newRow("private JWK, pasted") << QByteArray(
        R"({"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})")
                                         << false << eddsa << QString();
    QTest::newRow("encrypted PKCS#8: no passphrase field")
        << pem("ec-p384-pkcs8-encrypted.pem") << true << -1 << QStringLiteral("passphrase");
    QTest::newRow("public key only") << pem("ec-p256-spki.pem") << true << -1 << QStringLiteral("private");
    QTest::newRow("an OpenSSH key") << pem("ec-p256-openssh") << true << -1 << QStringLiteral("ssh-keygen");
}

void TestFixturesDialog::everyKeyFormat()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, asFile);
    QFETCH(int, algorithm);
    QFETCH(QString, message);
    m_dialog->setSource(QStringLiteral(R"({"sub":"alice"})"));
    if (asFile) {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("key")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        file.close();
        QVERIFY(m_dialog->loadKeyFile(file.fileName()));
        QCOMPARE(m_keyKind->currentIndex(), 1);
    } else {
        m_keyKind->setCurrentIndex(1);
        m_keyEdit->setPlainText(QString::fromUtf8(content));
    }
    const bool generated = m_dialog->generate();
    if (algorithm < 0) {
        QVERIFY(!generated);
        QVERIFY2(m_status->text().contains(message), qPrintable(m_status->text()));
        return;
    }
    QVERIFY2(generated, qPrintable(m_status->text()));
    QCOMPARE(static_cast<int>(m_dialog->fixtures()->verifier.algorithm), algorithm);
}

void TestFixturesDialog::explainsBadInput_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("keyKind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QString() << 0 << QStringLiteral("s") << QStringLiteral("Paste a token");
    QTest::newRow("no secret") << QStringLiteral("{}") << 0 << QString() << QStringLiteral("The key");
    QTest::newRow("claims not JSON") << QStringLiteral("{sub") << 0 << QStringLiteral("s") << QStringLiteral("claims");
    QTest::newRow("not a token") << QStringLiteral("hello") << 0 << QStringLiteral("s")
                                 << QStringLiteral("not a compact JWT");
    QTest::newRow("public key") << QStringLiteral("{}") << 1
                                << QString::fromStdString(test::readDataFile(QStringLiteral("keys/rsa-2048-spki.pem")))
                                << QStringLiteral("private");
    QTest::newRow("garbage key") << QStringLiteral("{}") << 1 << QStringLiteral("not a key")
                                 << QStringLiteral("The key");
}

void TestFixturesDialog::explainsBadInput()
{
    QFETCH(QString, source);
    QFETCH(int, keyKind);
    QFETCH(QString, key);
    QFETCH(QString, message);
    m_dialog->setSource(source);
    m_keyKind->setCurrentIndex(keyKind);
    (keyKind == 0 ? static_cast<void>(m_secret->setText(key)) : m_keyEdit->setPlainText(key));
    QVERIFY(!m_dialog->generate());
    QVERIFY2(m_status->text().contains(message), qPrintable(m_status->text()));
    QCOMPARE(m_list->topLevelItemCount(), 0);
    QVERIFY(!m_write->isEnabled());
}

QTEST_MAIN(TestFixturesDialog)
#include "TestFixturesDialog.moc"
