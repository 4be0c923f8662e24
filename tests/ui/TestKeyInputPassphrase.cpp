#include "TestData.h"
#include "TestKeys.h"
#include "encoding/Base64Url.h"
#include "keys/Thumbprint.h"
#include "widgets/KeyInput.h"

#include <QApplication>
#include <QLineEdit>
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
    void encryptedPem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("thumbprint"); // README.md, computed with python3-cryptography
        QTest::newRow("PKCS#8 PBES2") << dataFile("ec-p384-pkcs8-encrypted.pem") << test::kP384Thumbprint;
        QTest::newRow("PKCS#1 Proc-Type") << dataFile("rsa-2048-pkcs1-encrypted.pem") << test::kRsaThumbprint;
    }

    void encryptedPem()
    {
        QFETCH(QString, file);
        QFETCH(QString, thumbprint);
        KeyInput input;
        input.show();
        auto* passphrase = input.findChild<QLineEdit*>(QStringLiteral("pemPassphrase"));
        QVERIFY(passphrase);
        QVERIFY(!passphrase->isVisible());

        QString error;
        QVERIFY(input.loadFile(file, &error));
        QCOMPARE(input.kind(), KeyInput::Kind::Pem);
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
        QVERIFY(input.keys().front().hasPrivate());
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
