#include "TestData.h"
#include "TestKeys.h"
#include "encoding/Base64Url.h"
#include "keys/Thumbprint.h"
#include "widgets/KeyInput.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

const QString kPassphrase = test::kKeyFilePassphrase;

QString dataFile(const char* name)
{
    return QString::fromUtf8(JWTWB_TEST_DATA_DIR "/keys/") + QString::fromUtf8(name);
}

} // namespace

class TestKeyInputPassphrase : public QObject
{
    Q_OBJECT

private slots:
    void encryptedKey_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("der"); // the PEM body as a binary DER file, made here by Qt's base64 decoder
        QTest::addColumn<int>("purpose");
        QTest::addColumn<QString>("thumbprint"); // README.md, computed with python3-cryptography
        for (const auto purpose : {KeyInput::Purpose::Verify, KeyInput::Purpose::Sign}) {
            const char* name = purpose == KeyInput::Purpose::Verify ? "verify" : "sign";
            QTest::addRow("%s: PKCS#8 PBES2", name)
                << dataFile("ec-p384-pkcs8-encrypted.pem") << false << int(purpose) << test::kP384Thumbprint;
            QTest::addRow("%s: PKCS#8 PBES2, DER", name)
                << dataFile("ec-p384-pkcs8-encrypted.pem") << true << int(purpose) << test::kP384Thumbprint;
            QTest::addRow("%s: PKCS#1 Proc-Type", name)
                << dataFile("rsa-2048-pkcs1-encrypted.pem") << false << int(purpose) << test::kRsaThumbprint;
        }
    }

    void encryptedKey()
    {
        QFETCH(QString, file);
        QFETCH(bool, der);
        QFETCH(int, purpose);
        QFETCH(QString, thumbprint);
        QTemporaryDir dir;
        if (der) {
            QFile pem(file);
            QVERIFY(pem.open(QIODevice::ReadOnly));
            QByteArray body;
            for (const QByteArray& line : pem.readAll().split('\n')) {
                body += line.startsWith("-----") ? QByteArray() : line.trimmed();
            }
            file = dir.filePath(QStringLiteral("key.der"));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray::fromBase64(body, QByteArray::AbortOnBase64DecodingErrors));
        }
        KeyInput input(static_cast<KeyInput::Purpose>(purpose));
        input.show();
        auto* passphrase = input.findChild<QLineEdit*>(QStringLiteral("pemPassphrase"));
        QVERIFY(passphrase);
        QVERIFY(!passphrase->isVisible());

        QString error;
        QVERIFY(input.loadFile(file, &error));
        QCOMPARE(input.source(), KeyInput::Source::KeyText);
        QCOMPARE(input.foundKind(), std::nullopt);
        QVERIFY(passphrase->isVisible());
        QVERIFY(input.keys().empty());
        QVERIFY2(input.errorText().contains(QStringLiteral("passphrase is needed")), qPrintable(input.errorText()));

        input.setPassphrase(QStringLiteral("wrong horse"));
        QVERIFY(input.keys().empty());
        QVERIFY2(input.errorText().contains(QStringLiteral("wrong passphrase"), Qt::CaseInsensitive),
                 qPrintable(input.errorText()));

        input.setPassphrase(kPassphrase);
        QVERIFY2(input.errorText().isEmpty(), qPrintable(input.errorText()));
        QCOMPARE(input.keys().size(), std::size_t(1));
        QCOMPARE(input.foundKind(), std::optional(der ? keys::KeyInputKind::Base64Der : keys::KeyInputKind::Pem));
        QVERIFY(input.keys().front().hasPrivate());
        QVERIFY(passphrase->isVisible()); // still needed
        const auto digest = keys::thumbprint(input.keys().front());
        QVERIFY(digest.has_value());
        QCOMPARE(QString::fromStdString(encoding::base64UrlEncode(*digest)), thumbprint);

        // An unencrypted PEM hides the field again and is read without it.
        QVERIFY(input.loadFile(dataFile("ec-p256-sec1.pem"), &error));
        QVERIFY(!passphrase->isVisible());
        QCOMPARE(input.keys().size(), std::size_t(1));
        input.clear();
        QVERIFY(passphrase->text().isEmpty());
    }
};

QTEST_MAIN(TestKeyInputPassphrase)
#include "TestKeyInputPassphrase.moc"
