#include "UiTestSupport.h"
#include "support/BuiltinJsonHighlighter.h"

#include <QPlainTextEdit>

using namespace jwtwb;
using namespace jwtwb::ui;

// The fallback highlighter is built and tested on every platform, whichever backend the app uses.
class TestBuiltinJsonHighlighter : public QObject
{
    Q_OBJECT

private slots:
    void classifiesTokens_data();
    void classifiesTokens();
    void darkColoursDiffer();
};

void TestBuiltinJsonHighlighter::classifiesTokens_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("sameColor");
    const QString doc = QStringLiteral(
        "{\n  \"key\": \"value\",\n  \"n\": -1.5e3,\n  \"ok\": true,\n  \"nil\": null,\n  \"esc\": \"a\\\"b\"\n}");
    QTest::newRow("key vs string") << doc << "\"key\""
                                   << "\"value\"" << false;
    QTest::newRow("string vs number") << doc << "\"value\""
                                      << "-1.5e3" << false;
    QTest::newRow("literals alike") << doc << "true"
                                    << "null" << true;
    QTest::newRow("keys alike") << doc << "\"key\""
                                << "\"nil\"" << true;
    QTest::newRow("escaped quote stays in string") << doc << "\"a\\\"b\""
                                                   << "\"value\"" << true;
}

void TestBuiltinJsonHighlighter::classifiesTokens()
{
    QFETCH(QString, json);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(bool, sameColor);
    QPlainTextEdit editor;
    auto* highlighter = new BuiltinJsonHighlighter(editor.document());
    Q_UNUSED(highlighter);
    editor.setPlainText(json);
    const QColor a = test::colorAt(editor, static_cast<int>(json.indexOf(first)) + 1);
    const QColor b = test::colorAt(editor, static_cast<int>(json.indexOf(second)) + 1);
    // The last character of an escaped string is still string-coloured.
    const QColor end = test::colorAt(editor, static_cast<int>(json.indexOf(first) + first.size()) - 1);
    QVERIFY(a.isValid() && b.isValid());
    QCOMPARE(a == b, sameColor);
    QCOMPARE(end, a);
}

void TestBuiltinJsonHighlighter::darkColoursDiffer()
{
    QPlainTextEdit editor;
    auto* highlighter = new BuiltinJsonHighlighter(editor.document());
    editor.setPlainText(QStringLiteral("{\"a\": 1}"));
    const QColor light = test::colorAt(editor, 1);
    highlighter->setDark(true);
    const QColor dark = test::colorAt(editor, 1);
    QVERIFY(light.isValid() && dark.isValid());
    QVERIFY(light.lightness() < dark.lightness());
}

QTEST_MAIN(TestBuiltinJsonHighlighter)
#include "TestBuiltinJsonHighlighter.moc"
