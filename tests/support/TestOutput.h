#pragma once

#include <QFile>
#include <QString>

namespace jwtwb::test {

// Where a test writes what it makes (screenshots, files to read back): the build's
// tests/<label>/output, or JWTWB_TEST_OUTPUT_DIR when set. TestNoNetwork runs every UI test again
// beside ctest's own runs of them, and points it elsewhere.
inline QString outputDir()
{
    const QByteArray chosen = qgetenv("JWTWB_TEST_OUTPUT_DIR");
    return chosen.isEmpty() ? QStringLiteral(JWTWB_TEST_OUTPUT_DIR) : QFile::decodeName(chosen);
}

} // namespace jwtwb::test
