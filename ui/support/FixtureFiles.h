#pragma once

#include "fixtures/Fixtures.h"

#include <QString>

namespace jwtwb::ui {

// True when the folder exists and holds any entry.
[[nodiscard]] bool folderHasEntries(const QString& folder);

// Writes each token as NN-name.jwt (no line break, readable by the owner only: the valid ones are
// credentials) and manifest.json, each atomically (QSaveFile), after removing the fixture files and
// manifest of an earlier run; other files stay. Makes the folder when missing. Returns an empty
// string, or a message saying what failed.
[[nodiscard]] QString writeFixtureFiles(const QString& folder, const fixtures::FixtureSet& set);

} // namespace jwtwb::ui
