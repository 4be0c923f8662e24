#include "support/Clipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace jwtwb::ui;
using namespace std::chrono_literals;

class TestClipboard : public QObject
{
    Q_OBJECT

private slots:
    void init() { QGuiApplication::clipboard()->clear(); }
    void secretCarriesPasswordManagerHint();
    void plainTextCarriesNoHint();
    void secretClearedAfterDelay();
    void laterCopyIsNotCleared();
    void clearSecretOnRequest();
};

void TestClipboard::secretCarriesPasswordManagerHint()
{
    Clipboard clipboard;
    clipboard.copySecret(QStringLiteral("your-256-bit-secret"));
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    QVERIFY(data);
    QCOMPARE(data->text(), QStringLiteral("your-256-bit-secret"));
    QCOMPARE(data->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArrayLiteral("secret"));
    QVERIFY(clipboard.secretPending());
}

void TestClipboard::plainTextCarriesNoHint()
{
    Clipboard clipboard;
    clipboard.copyText(QStringLiteral("eyJhbGciOiJIUzI1NiJ9"));
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    QVERIFY(data);
    QVERIFY(!data->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    QVERIFY(!clipboard.secretPending());
}

void TestClipboard::secretClearedAfterDelay()
{
    Clipboard clipboard;
    clipboard.setClearDelay(50ms);
    QSignalSpy cleared(&clipboard, &Clipboard::secretCleared);
    clipboard.copySecret(QStringLiteral("s3cr3t"));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("s3cr3t"));
    QVERIFY(cleared.wait(2000));
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(!clipboard.secretPending());
}

void TestClipboard::laterCopyIsNotCleared()
{
    Clipboard clipboard;
    clipboard.setClearDelay(50ms);
    QSignalSpy cleared(&clipboard, &Clipboard::secretCleared);
    clipboard.copySecret(QStringLiteral("s3cr3t"));
    QGuiApplication::clipboard()->setText(QStringLiteral("something the user copied"));
    QVERIFY(cleared.wait(2000));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("something the user copied"));
}

void TestClipboard::clearSecretOnRequest()
{
    Clipboard clipboard;
    clipboard.copySecret(QStringLiteral("s3cr3t"));
    clipboard.clearSecret();
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(!clipboard.secretPending());
}

QTEST_MAIN(TestClipboard)
#include "TestClipboard.moc"
