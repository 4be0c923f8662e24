#include "UiTestSupport.h"
#include "widgets/JsonView.h"

#include <QScrollBar>
#include <QSignalSpy>

using namespace jwtwb;
using namespace jwtwb::ui;

// A long text is shown from its start at once and filled in a part per event-loop turn; what the
// view holds in the end is the text given, highlighted to its last line.
class TestJsonView : public QObject
{
    Q_OBJECT

private slots:
    void showsTextWhole_data();
    void showsTextWhole();
    void longTextFillsInParts();
    void sameTextIsNotShownAgain();
    void newTextDuringFillReplacesIt();
    void rangesBeyondTheFilledPartWait();
};

namespace {

// Pretty JSON of about `size` characters: an object with one array of role names.
QString prettyRoles(qsizetype size)
{
    QString json = QStringLiteral("{\n  \"roles\": [\n");
    for (int i = 0; json.size() < size; ++i) {
        json += QStringLiteral("    \"role-%1\",\n").arg(i);
    }
    json += QStringLiteral("    \"last\"\n  ],\n  \"n\": 1\n}");
    return json;
}

} // namespace

void TestJsonView::showsTextWhole_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::newRow("short") << qsizetype(100);
    QTest::newRow("at the limit") << JsonView::kShowAtOnce - 64;
    QTest::newRow("long") << qsizetype(900 * 1024);
}

void TestJsonView::showsTextWhole()
{
    QFETCH(qsizetype, size);
    JsonView view;
    view.resize(600, 400);
    const QString json = prettyRoles(size);
    view.showJson(json);
    QCOMPARE(view.isFilling(), json.size() > JsonView::kShowAtOnce);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isFilling(), 20000);
    QCOMPARE(view.toPlainText(), json);
    QCOMPARE(view.document()->blockCount(), json.count(QLatin1Char('\n')) + 1);
    // Highlighted to the end: the last key is coloured as the first one.
    const QColor first = test::colorAt(view, static_cast<int>(json.indexOf(QStringLiteral("\"roles\""))) + 1);
    const QColor last = test::colorAt(view, static_cast<int>(json.lastIndexOf(QStringLiteral("\"n\""))) + 1);
    QVERIFY(first.isValid());
    QCOMPARE(last, first);
}

void TestJsonView::longTextFillsInParts()
{
    JsonView view;
    const QString json = prettyRoles(300 * 1024);
    QSignalSpy filled(&view, &JsonView::filled);
    view.showJson(json);
    QVERIFY(view.isFilling());
    // The start at once, ending a whole line.
    const QString start = view.toPlainText();
    QVERIFY(start.size() >= JsonView::kFillPart);
    QVERIFY(start.size() < 2 * JsonView::kFillPart);
    QVERIFY(json.startsWith(start));
    QCOMPARE(json.at(start.size()), QLatin1Char('\n'));
    QCoreApplication::processEvents();
    QVERIFY(view.toPlainText().size() > start.size()); // a part per turn
    QVERIFY(json.startsWith(view.toPlainText()));
    QVERIFY(filled.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(filled.size(), 1, 20000);
    QCOMPARE(view.toPlainText(), json);

    // The same text again is not shown again; finishFilling does all of it at once.
    const int revision = view.document()->revision();
    view.showJson(json);
    QCOMPARE(view.document()->revision(), revision);
    view.showPlain(json);
    QVERIFY(view.isFilling());
    view.finishFilling();
    QVERIFY(!view.isFilling());
    QCOMPARE(view.toPlainText(), json);
    QCOMPARE(filled.size(), 2);
}

// A keystroke in a token's signature gives the payload view the same text: it stays where the user
// scrolled it. A text changed from outside is shown again.
void TestJsonView::sameTextIsNotShownAgain()
{
    JsonView view;
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString json = prettyRoles(8 * 1024);
    view.showJson(json);
    QCoreApplication::processEvents(); // the highlighter's delayed work, where it has any
    view.verticalScrollBar()->setValue(40);
    view.showJson(json);
    QCOMPARE(view.verticalScrollBar()->value(), 40);

    view.setPlainText(QStringLiteral("other"));
    view.showJson(json);
    QCOMPARE(view.toPlainText(), json);
    QCOMPARE(view.verticalScrollBar()->value(), 0);
}

void TestJsonView::newTextDuringFillReplacesIt()
{
    JsonView view;
    view.showJson(prettyRoles(500 * 1024));
    QCoreApplication::processEvents();
    QVERIFY(view.isFilling());
    const QString small = QStringLiteral("{\n  \"sub\": \"alice\"\n}");
    view.showJson(small);
    QVERIFY(!view.isFilling());
    QTest::qWait(50); // no part of the long text arrives after it
    QCOMPARE(view.toPlainText(), small);

    // A document changed from outside stops the filling rather than append to it.
    view.showJson(prettyRoles(500 * 1024));
    view.setPlainText(QStringLiteral("other"));
    QTest::qWait(50);
    QVERIFY(!view.isFilling());
    QCOMPARE(view.toPlainText(), QStringLiteral("other"));
}

void TestJsonView::rangesBeyondTheFilledPartWait()
{
    JsonView view;
    const QString text = prettyRoles(200 * 1024);
    const int near = 10;
    const int far = static_cast<int>(text.size()) - 10;
    view.showPlain(text);
    view.markRanges({{near, near + 5}, {far, far + 5}}, Qt::yellow);
    QCOMPARE(view.extraSelections().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isFilling(), 20000);
    const auto selections = view.extraSelections();
    QCOMPARE(selections.size(), 2);
    QCOMPARE(selections.at(1).cursor.selectionStart(), far);
    QCOMPARE(selections.at(1).cursor.selectedText(), text.mid(far, 5));
    QCOMPARE(selections.at(1).format.background().color(), QColor(Qt::yellow));
}

QTEST_MAIN(TestJsonView)
#include "TestJsonView.moc"
