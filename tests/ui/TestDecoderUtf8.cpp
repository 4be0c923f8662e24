#include "UiTestSupport.h"
#include "pages/DecoderPage.h"
#include "widgets/JsonView.h"
#include "widgets/TokenEdit.h"

#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

// {"alg":"HS256"} . {"sub":"123456789\xC3(89"} . "sig": byte 17 is 0xC3 followed by '(', so it leads nothing.
// The payload segment starts at character 21; bytes 15–17 are its 6th group, characters 41–44.
const QString kInvalidPayload = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODnDKDg5In0.c2ln");
// {"name":"José 😀"}: two- and four-byte characters, all well-formed.
const QString kMultiBytePayload = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJuYW1lIjoiSm9zw6kg8J-YgCJ9.c2ln");

// Token characters the highlighter underlined.
QList<int> underlined(const QPlainTextEdit& edit)
{
    QList<int> positions;
    for (const auto& range : test::formatsOf(edit)) {
        if (range.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
            for (int i = 0; i < range.length; ++i) {
                positions.append(range.start + i);
            }
        }
    }
    return positions;
}

} // namespace

class TestDecoderUtf8 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void marksInvalidPayloadBytes();
    void validMultiByteIsNotMarked_data();
    void validMultiByteIsNotMarked();
    void screenshots_data();
    void screenshots();

private:
    QTemporaryDir m_config;
    DecoderPage* m_page = nullptr;
    TokenEdit* m_edit = nullptr;
    JsonView* m_payload = nullptr;
    QLabel* m_notes = nullptr;
};

void TestDecoderUtf8::initTestCase()
{
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path());
}

void TestDecoderUtf8::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    m_page = new DecoderPage;
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_edit = m_page->findChild<TokenEdit*>(QStringLiteral("tokenEdit"));
    m_payload = m_page->findChild<JsonView*>(QStringLiteral("payloadView"));
    m_notes = m_page->findChild<QLabel*>(QStringLiteral("notesLabel"));
    QVERIFY(m_edit && m_payload && m_notes);
}

void TestDecoderUtf8::cleanup()
{
    delete m_page;
    m_page = nullptr;
}

void TestDecoderUtf8::marksInvalidPayloadBytes()
{
    m_page->setTokenText(QStringLiteral("Authorization: Bearer ") + kInvalidPayload);
    QVERIFY2(m_notes->text().contains(
                 QStringLiteral("payload: invalid UTF-8 at byte 17 (0xC3 0x28: a lead byte without its continuation)")),
             qPrintable(m_notes->text()));
    QVERIFY(!m_notes->isHidden());

    // Exactly byte 17 in the hex dump: row 1, column 1.
    const auto selections = m_payload->extraSelections();
    QCOMPARE(selections.size(), 1);
    const QTextCursor& cursor = selections.front().cursor;
    QCOMPARE(cursor.selectedText(), QStringLiteral("c3"));
    const QTextBlock block = m_payload->document()->findBlock(cursor.selectionStart());
    QCOMPARE(block.blockNumber(), 1);
    QVERIFY(block.text().startsWith(QStringLiteral("00000010  39 c3 28")));
    QCOMPARE(cursor.selectionStart() - block.position(), 13);
    QCOMPARE(selections.front().format.background().color().rgb(), tokenColors(QApplication::palette()).error.rgb());

    // The base64url group that encodes it, after "Authorization: Bearer " (22 characters).
    QList<int> expected;
    for (int i = 22 + 41; i < 22 + 45; ++i) {
        expected.append(i);
    }
    QCOMPARE(underlined(*m_edit), expected);

    // A valid token afterwards clears every mark.
    m_page->setTokenText(kMultiBytePayload);
    QVERIFY(m_payload->extraSelections().isEmpty());
    QVERIFY(underlined(*m_edit).isEmpty());
}

void TestDecoderUtf8::validMultiByteIsNotMarked_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("JSON") << kMultiBytePayload;
    // "héllo 😀" as text, not JSON
    QTest::newRow("text") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.aMOpbGxvIPCfmIA.c2ln");
}

void TestDecoderUtf8::validMultiByteIsNotMarked()
{
    QFETCH(QString, token);
    m_page->setTokenText(token);
    QVERIFY(!m_notes->text().contains(QStringLiteral("UTF-8")));
    QVERIFY(m_payload->extraSelections().isEmpty());
    QVERIFY(underlined(*m_edit).isEmpty());
    QVERIFY(m_payload->toPlainText().contains(QStringLiteral("😀")));
}

void TestDecoderUtf8::screenshots_data()
{
    QTest::addColumn<int>("scheme");
    QTest::newRow("light") << int(ColorScheme::Light);
    QTest::newRow("dark") << int(ColorScheme::Dark);
}

void TestDecoderUtf8::screenshots()
{
    QFETCH(int, scheme);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    m_page->resize(1024, 640);
    m_page->setTokenText(kInvalidPayload);
    QApplication::processEvents();
    QVERIFY(!m_payload->extraSelections().isEmpty());
    test::saveShot(*m_page, QStringLiteral("decoder-invalid-utf8-%1").arg(QTest::currentDataTag()));
}

QTEST_MAIN(TestDecoderUtf8)
#include "TestDecoderUtf8.moc"
