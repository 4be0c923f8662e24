#include "JsonHighlighting.h"

#include "Theme.h"

#include <QApplication>
#include <QEvent>
#include <QPlainTextEdit>

#if JWTWB_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#else
#include "BuiltinJsonHighlighter.h"
#endif

namespace jwtwb::ui {

#if JWTWB_HAVE_KSYNTAXHIGHLIGHTING
namespace {

// One repository per process, kept alive: loading the definitions is the expensive part.
KSyntaxHighlighting::Repository& repository()
{
    static auto* instance = new KSyntaxHighlighting::Repository;
    return *instance;
}

// GitHub's pair keeps every JSON colour at 4.5:1 or more against its background; Breeze Dark
// draws braces at 2.6:1 (measured with KSyntaxHighlighting 6.13).
KSyntaxHighlighting::Theme themeFor(bool dark)
{
    const auto theme = repository().theme(dark ? QStringLiteral("GitHub Dark") : QStringLiteral("GitHub Light"));
    if (theme.isValid()) {
        return theme;
    }
    return repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                          : KSyntaxHighlighting::Repository::LightTheme);
}

} // namespace
#endif

JsonHighlighting::JsonHighlighting(QPlainTextEdit* editor)
    : QObject(editor)
    , m_editor(editor)
{
#if JWTWB_HAVE_KSYNTAXHIGHLIGHTING
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(editor->document());
#else
    m_highlighter = new BuiltinJsonHighlighter(editor->document());
#endif
    applyTheme();
    editor->installEventFilter(this);
}

JsonHighlighting* JsonHighlighting::attach(QPlainTextEdit* editor)
{
    return new JsonHighlighting(editor);
}

QString JsonHighlighting::backendName()
{
#if JWTWB_HAVE_KSYNTAXHIGHLIGHTING
    return QStringLiteral("KSyntaxHighlighting");
#else
    return QStringLiteral("built-in");
#endif
}

void JsonHighlighting::setActive(bool active)
{
    QTextDocument* target = active ? m_editor->document() : nullptr;
    if (m_highlighter->document() != target) {
        m_highlighter->setDocument(target);
    }
}

bool JsonHighlighting::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor
        && (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange)) {
        applyTheme();
    }
    return QObject::eventFilter(watched, event);
}

void JsonHighlighting::applyTheme()
{
    // Decide by the application palette: the editor's own palette is the one set below.
    const bool dark = isDark(QApplication::palette());
    if (static_cast<int>(dark) == m_dark) {
        return;
    }
    m_dark = dark;
#if JWTWB_HAVE_KSYNTAXHIGHLIGHTING
    auto* highlighter = static_cast<KSyntaxHighlighting::SyntaxHighlighter*>(m_highlighter);
    const auto theme = themeFor(dark);
    // Theme first, then the definition (or a rehighlight): otherwise the text stays unformatted.
    highlighter->setTheme(theme);
    if (!highlighter->definition().isValid()) {
        highlighter->setDefinition(repository().definitionForName(QStringLiteral("JSON")));
    } else {
        highlighter->rehighlight();
    }
    // The theme's colours assume its own background: copy it, or text can end up invisible.
    QPalette palette = m_editor->palette();
    palette.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    palette.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    m_editor->setPalette(palette);
#else
    static_cast<BuiltinJsonHighlighter*>(m_highlighter)->setDark(dark);
#endif
}

} // namespace jwtwb::ui
