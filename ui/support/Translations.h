#pragma once

#include <QString>

namespace jwtwb::ui {

// The language of the user interface: the system's, or the one asked for (jwt-workbench --lang de).
// Core's messages are not translated: they are shown in English as core words them.
class Translations
{
public:
    // Makes `language` ("de", "de_AT", "en"; empty for the system's) the default QLocale, so that
    // dates follow it too, and installs our translation (compiled in) and Qt's own one (standard
    // buttons) when there is one for it; English, and a language without a catalogue, get English's
    // plural forms. Replaces what an earlier call installed.
    // False, and nothing changed, when `language` names no language.
    static bool install(const QString& language = {});

    // The language whose translation install() loaded ("de"), or an empty string for English.
    [[nodiscard]] static QString installed();

private:
    static QString s_installed;
};

} // namespace jwtwb::ui
