#include "MainWindow.h"
#include "UiTestSupport.h"
#include "dialogs/ExportKeyDialog.h"
#include "dialogs/FixturesDialog.h"
#include "dialogs/ImportKeyDialog.h"
#include "dialogs/NewPassphraseDialog.h"
#include "dialogs/SdPresentDialog.h"
#include "dialogs/TokenHistoryDialog.h"
#include "keys/KeyGenerator.h"
#include "pages/DecoderPage.h"
#include "support/Clock.h"
#include "support/Translations.h"
#include "widgets/KeyInput.h"
#include "widgets/VerificationPanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <memory>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

// What the German translation tells about English: the sources it translates differently, and the
// words of the sources that no German text uses ("the", "verify", "keystore"; not "Token", "JWK").
struct Vocabulary {
    QSet<QString> englishSources;
    QSet<QString> englishWords;
};

// Text as the user reads it: no markup, no accelerator ampersand.
QString readable(QString text)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression mnemonic(QStringLiteral("&(?=[^&\\s])"));
    return text.remove(tags).remove(mnemonic).replace(QStringLiteral("&&"), QStringLiteral("&")).simplified();
}

// The words of a text, without what is data in any language: quoted names („signing“), paths, file
// names, URLs, JSON and PEM armour.
QStringList wordsOf(const QString& text)
{
    static const QRegularExpression data(QStringLiteral("„[^“]*“|“[^”]*”|\"[^\"]*\"|‚[^‘]*‘|%L?\\d+|%n|\\{[^}]*\\}"
                                                        "|-----[^-]+-----|\\S*[/~@=\\\\]\\S*|\\S+\\.\\w\\S*"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    QStringList words;
    for (auto it = word.globalMatch(QString(text).remove(data)); it.hasNext();) {
        // Capitals only are names in any language: PUT, HMAC, JSON.
        if (const QString found = it.next().captured(); found != found.toUpper()) {
            words << found.toLower();
        }
    }
    return words;
}

Vocabulary readVocabulary(const QString& tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(tsPath));
    }
    QSet<QString> sourceWords;
    QSet<QString> germanWords;
    Vocabulary vocabulary;
    QString source;
    QStringList german;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
            source.clear();
            german.clear();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
            source = readable(xml.readElementText());
        } else if (xml.isStartElement()
                   && (xml.name() == QLatin1String("translation") || xml.name() == QLatin1String("numerusform"))) {
            if (const QString text = readable(xml.readElementText(QXmlStreamReader::IncludeChildElements));
                !text.isEmpty()) {
                german << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            for (const QString& word : wordsOf(source)) {
                sourceWords.insert(word);
            }
            for (const QString& text : german) {
                for (const QString& word : wordsOf(text)) {
                    germanWords.insert(word);
                }
            }
            if (!german.contains(source)) {
                vocabulary.englishSources.insert(source);
            }
        }
    }
    vocabulary.englishWords = sourceWords - germanWords;
    return vocabulary;
}

// Widgets that show core's words as core wrote them (core's messages stay English, see
// support/Translations.h), each next to translated text of its own:
bool showsCoreText(const QWidget* widget)
{
    static const QStringList names{
        QStringLiteral("keyStatus"), // the key read: "An HMAC secret: 38 bytes, written in UTF-8."
        QStringLiteral("warningBanner"), // the decoder's findings on the signer's token
        QStringLiteral("templateChoice"), // the claim templates: "Access token (RFC 9068)"
        QStringLiteral("allowedAlgorithms"), // RFC 7518's descriptions: "ECDSA using P-256 and SHA-256"
        QStringLiteral("dpopCheckName_"), // the DPoP checks: "htm", "signature"
        QStringLiteral("sdCheckName_"), // the SD-JWT key binding checks: "kb-jwt", "sd_hash", "signature"
        QStringLiteral("reasonLabel"), // why a verification failed: "the secret is 19 bytes; RFC 7518 …"
        QStringLiteral("signatureLabel"), // the same reason, after the translated verdict
    };
    for (const QObject* object = widget; object; object = object->parent()) {
        for (const QString& name : names) {
            if (object->objectName().startsWith(name)) {
                return true;
            }
        }
    }
    return false;
}

QString mnemonicOf(const QString& text)
{
    static const QRegularExpression mnemonic(QStringLiteral("&([^&\\s])"));
    const auto match = mnemonic.match(QString(text).remove(QStringLiteral("&&")));
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

// Alt+letters that two visible fields or buttons under `root` (or the menus of its menu bar) share.
QStringList acceleratorClashes(QWidget* root, const QList<QAction*>& menus, const QString& where)
{
    QStringList clashes;
    QHash<QString, QString> taken;
    const auto take = [&](const QString& text) {
        if (const QString letter = mnemonicOf(text); !letter.isEmpty()) {
            if (taken.contains(letter) && taken[letter] != text) {
                clashes << QStringLiteral("%1: “%2” and “%3” share %4").arg(where, taken[letter], text, letter);
            }
            taken.insert(letter, text);
        }
    };
    for (const QAction* menu : menus) {
        take(menu->text());
    }
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(root->window())) {
            continue;
        }
        if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy()) {
            take(label->text());
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            take(button->text());
        }
    }
    return clashes;
}

} // namespace

// Shows the main window in German, visits every page, decoder tab and dialog, and reads every text a
// user can see: an English word of our own sources in any of them means a string that bypasses tr()
// (or a German translation that is missing). Data (the token, its claims, paths) is no part of that
// vocabulary; core's English messages are left out by the widget that shows them, see showsCoreText().
class TestTranslatedWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void germanIsInstalled();
    void everyPageIsGerman();
    void dialogsAreGerman();
    void hardCodedEnglishIsCaught();
    void menusKeepUniqueAccelerators();
    void pagesKeepUniqueAccelerators();
    void englishStaysEnglish();

private:
    void readWindow(QWidget* window, const QString& where);
    void readWidget(QWidget* widget, const QString& where);
    void check(const QString& where, const QString& text);
    // Lists the problems (one warning each) and says how many there are.
    [[nodiscard]] QByteArray problems() const;

    QTemporaryDir m_config;
    Vocabulary m_vocabulary;
    QStringList m_problems;
    QSet<QString> m_checked; // widget and text, so that each is reported once
    int m_texts = 0;
};

void TestTranslatedWindow::initTestCase()
{
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path());
    Clock::setFixed(QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone::utc()));
    m_vocabulary = readVocabulary(QStringLiteral(JWTWB_TRANSLATION_TS));
    QVERIFY(m_vocabulary.englishWords.size() > 300);
    QVERIFY(Translations::install(QStringLiteral("de")));
}

void TestTranslatedWindow::cleanupTestCase()
{
    QVERIFY(Translations::install(QStringLiteral("C")));
    Clock::useSystemTime();
}

void TestTranslatedWindow::germanIsInstalled()
{
    QCOMPARE(Translations::installed(), QStringLiteral("de"));
    QCOMPARE(QLocale().language(), QLocale::German);
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("&Datei"));
    QCOMPARE(window.findChild<QTabWidget*>(QStringLiteral("pages"))->tabText(2), QStringLiteral("Zeitleiste"));
}

QByteArray TestTranslatedWindow::problems() const
{
    for (const QString& problem : m_problems) {
        qWarning("%s", qPrintable(problem));
    }
    return QByteArray::number(m_problems.size()) + " texts with English words of the user interface, listed above";
}

void TestTranslatedWindow::check(const QString& where, const QString& text)
{
    const QString shown = readable(text);
    if (shown.isEmpty() || m_checked.contains(where + shown)) {
        return;
    }
    m_checked.insert(where + shown);
    ++m_texts;
    if (m_vocabulary.englishSources.contains(shown)) {
        m_problems << QStringLiteral("%1: not translated: “%2”").arg(where, shown);
        return;
    }
    for (const QString& word : wordsOf(shown)) {
        if (m_vocabulary.englishWords.contains(word)) {
            m_problems << QStringLiteral("%1: English word “%2” in “%3”").arg(where, word, shown);
            return;
        }
    }
}

void TestTranslatedWindow::readWidget(QWidget* widget, const QString& where)
{
    if (showsCoreText(widget)) {
        return;
    }
    const QString here = QStringLiteral("%1%2 “%3”")
                             .arg(where, QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
    check(here + QStringLiteral(" tooltip"), widget->toolTip());
    check(here + QStringLiteral(" status tip"), widget->statusTip());
    check(here + QStringLiteral(" what's this"), widget->whatsThis());
    check(here + QStringLiteral(" accessible name"), widget->accessibleName());
    if (widget->isWindow()) {
        check(here + QStringLiteral(" window title"), widget->windowTitle());
    }
    if (auto* label = qobject_cast<QLabel*>(widget)) {
        check(here, label->text());
    } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
        check(here, button->text());
    } else if (auto* group = qobject_cast<QGroupBox*>(widget)) {
        check(here, group->title());
    } else if (auto* line = qobject_cast<QLineEdit*>(widget)) {
        check(here + QStringLiteral(" placeholder"), line->placeholderText());
    } else if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
        check(here + QStringLiteral(" placeholder"), plain->placeholderText());
    } else if (auto* rich = qobject_cast<QTextEdit*>(widget)) {
        check(here + QStringLiteral(" placeholder"), rich->placeholderText());
    } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
        for (int i = 0; i < combo->count(); ++i) {
            check(here + QStringLiteral(" item"), combo->itemText(i));
            check(here + QStringLiteral(" item tooltip"), combo->itemData(i, Qt::ToolTipRole).toString());
        }
    } else if (auto* tabs = qobject_cast<QTabWidget*>(widget)) {
        for (int i = 0; i < tabs->count(); ++i) {
            check(here + QStringLiteral(" tab"), tabs->tabText(i));
            check(here + QStringLiteral(" tab tooltip"), tabs->tabToolTip(i));
        }
    } else if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
        check(here + QStringLiteral(" suffix"), spin->suffix());
        check(here + QStringLiteral(" special value"), spin->specialValueText());
    } else if (auto* view = qobject_cast<QAbstractItemView*>(widget)) {
        // The column titles of our own models; the cells are the token's data.
        const QAbstractItemModel* model = view->model();
        if (model && QByteArray(model->metaObject()->className()).startsWith("jwtwb::")) {
            for (int section = 0; section < model->columnCount(); ++section) {
                check(here + QStringLiteral(" column"), model->headerData(section, Qt::Horizontal).toString());
            }
        }
    }
    for (QAction* action : widget->actions()) {
        check(here + QStringLiteral(" action"), action->text());
        check(here + QStringLiteral(" action tooltip"), action->toolTip());
        check(here + QStringLiteral(" action status tip"), action->statusTip());
        if (action->menu()) {
            readWidget(action->menu(), here);
        }
    }
}

void TestTranslatedWindow::readWindow(QWidget* window, const QString& where)
{
    readWidget(window, where);
    for (QWidget* widget : window->findChildren<QWidget*>()) {
        readWidget(widget, where);
    }
}

void TestTranslatedWindow::everyPageIsGerman()
{
    m_problems.clear();
    m_checked.clear();
    m_texts = 0;
    MainWindow window;
    window.restoreState();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    auto* decoderTabs = window.findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    QVERIFY(pages && decoderTabs);
    // Every widget, shown or not, on each page and decoder tab (some texts change with what is shown).
    for (int tab = 0; tab < decoderTabs->count(); ++tab) {
        decoderTabs->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        readWindow(&window, QString());
    }
    // And with the sample's secret given: the verdict, and why the key is refused.
    window.decoderPage()->verificationPanel()->keyInput()->setSecret(test::kSampleSecret, keys::SecretEncoding::Utf8);
    for (int tab = 0; tab < decoderTabs->count(); ++tab) {
        decoderTabs->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        readWindow(&window, QString());
    }
    for (int page = 1; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        QCoreApplication::processEvents();
        readWindow(&window, QString());
    }
    check(QStringLiteral("status bar"), window.statusBar()->currentMessage());
    pages->setCurrentIndex(0);
    test::saveShot(window, QStringLiteral("main-window-de"));
    QVERIFY2(m_texts > 300, qPrintable(QString::number(m_texts)));
    QVERIFY2(m_problems.isEmpty(), problems().constData());
}

void TestTranslatedWindow::dialogsAreGerman()
{
    m_problems.clear();
    m_checked.clear();
    MainWindow window;
    const auto read = [this](QDialog* dialog, const QString& name) {
        const std::unique_ptr<QDialog> owned(dialog);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        readWindow(dialog, name + QStringLiteral(": "));
        m_problems << acceleratorClashes(dialog, {}, name);
        test::saveShot(*dialog, QStringLiteral("dialog-de-") + name);
    };
    read(new ImportKeyDialog(&window), QStringLiteral("import"));
    read(new FixturesDialog(&window), QStringLiteral("fixtures"));
    read(new TokenHistoryDialog(window.keystoreSession(), &window), QStringLiteral("history"));
    read(new SdPresentDialog(&window), QStringLiteral("sd-present"));
    read(NewPassphraseDialog::forKeystore(QStringLiteral("/tmp/keystore.jwe"), &window), QStringLiteral("passphrase"));
    const auto key = keys::generateKey({keys::KeyType::Ec, 0, keys::Curve::P256});
    QVERIFY(key.has_value());
    read(new ExportKeyDialog(*key, QStringLiteral("signing"), &window), QStringLiteral("export"));
    QVERIFY2(m_problems.isEmpty(), problems().constData());
}

// The check itself: a label that bypasses tr() is found by its English words.
void TestTranslatedWindow::hardCodedEnglishIsCaught()
{
    MainWindow window;
    auto* label = new QLabel(QStringLiteral("Choose the key to verify with"), window.centralWidget());
    auto* button = new QPushButton(QStringLiteral("&Remove"), window.centralWidget()); // a source as it is
    m_problems.clear();
    m_checked.clear();
    readWidget(label, QString());
    readWidget(button, QString());
    QCOMPARE(m_problems.size(), 2);
    QVERIFY2(m_problems.at(0).contains(QStringLiteral("English word “choose”")), qPrintable(m_problems.at(0)));
    QVERIFY2(m_problems.at(1).contains(QStringLiteral("not translated: “Remove”")), qPrintable(m_problems.at(1)));
    m_problems.clear();
}

// In German too, Alt+letter picks one menu of the bar and one entry of each menu.
void TestTranslatedWindow::menusKeepUniqueAccelerators()
{
    MainWindow window;
    QStringList clashes;
    const auto unique = [&](const QString& where, const QList<QAction*>& actions) {
        QHash<QString, QString> taken;
        for (const QAction* action : actions) {
            const QString letter = mnemonicOf(action->text());
            if (action->isSeparator() || !action->isVisible()) {
                continue;
            }
            if (letter.isEmpty()) {
                clashes << QStringLiteral("%1: “%2” has no accelerator").arg(where, action->text());
            } else if (taken.contains(letter)) {
                clashes
                    << QStringLiteral("%1: “%2” and “%3” share %4").arg(where, taken[letter], action->text(), letter);
            } else {
                taken.insert(letter, action->text());
            }
        }
    };
    unique(QStringLiteral("menu bar"), window.menuBar()->actions());
    for (QAction* menuAction : window.menuBar()->actions()) {
        unique(menuAction->text(), menuAction->menu()->actions());
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// Each page as shown, with the menu bar: one Alt+letter for one field or button.
void TestTranslatedWindow::pagesKeepUniqueAccelerators()
{
    MainWindow window;
    window.restoreState();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
    auto* decoderTabs = window.findChild<QTabWidget*>(QStringLiteral("decoderTabs"));
    QStringList clashes;
    const auto readPage = [&](const QString& where) {
        QCoreApplication::processEvents();
        clashes << acceleratorClashes(window.centralWidget(), window.menuBar()->actions(), where);
    };
    for (int tab = 0; tab < decoderTabs->count(); ++tab) {
        decoderTabs->setCurrentIndex(tab);
        readPage(QStringLiteral("decoder, tab %1").arg(decoderTabs->tabText(tab)));
    }
    for (int page = 1; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        readPage(pages->tabText(page));
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// --lang en (and any language without a translation) shows the sources, and the dates follow it.
void TestTranslatedWindow::englishStaysEnglish()
{
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCOMPARE(Translations::installed(), QString());
    QCOMPARE(QLocale().language(), QLocale::English);
    {
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().constFirst()->text(), QStringLiteral("&File"));
    }
    QVERIFY(!Translations::install(QStringLiteral("123")));
    QCOMPARE(QLocale().language(), QLocale::English); // unchanged
    QVERIFY(Translations::install(QStringLiteral("de")));
    QCOMPARE(Translations::installed(), QStringLiteral("de"));
}

QTEST_MAIN(TestTranslatedWindow)
#include "TestTranslatedWindow.moc"
