#pragma once

#include "encoding/Json.h"

#include <QFile>

#include <QString>
#include <QTest>
#include <chrono>

#include <string>
#include <string_view>

namespace jwtwb::test {

inline QString dataPath(const QString& relative)
{
    return QStringLiteral(JWTWB_TEST_DATA_DIR "/") + relative;
}

// JSON written in a test table; a typo there is a broken test, not a test failure.
inline encoding::Json parseJsonOrDie(const QString& text)
{
    auto parsed = encoding::parseJson(text.toStdString());
    if (!parsed) {
        qFatal("bad JSON in test: %s (%s)", qPrintable(text), parsed.error().message.c_str());
    }
    return std::move(parsed->value);
}

inline std::chrono::sys_seconds at(qint64 secondsSinceEpoch)
{
    return std::chrono::sys_seconds(std::chrono::seconds(secondsSinceEpoch));
}

inline std::string readDataFile(const QString& relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    }
    return file.readAll().toStdString();
}

inline encoding::Json loadJson(const QString& relative)
{
    auto parsed = encoding::parseJson(readDataFile(relative));
    if (!parsed) {
        qFatal("bad test data %s: %s", qPrintable(relative), parsed.error().message.c_str());
    }
    return std::move(parsed->value);
}

// The compact JWS vectors of an RFC file, e.g. "vectors/rfc/rfc7515.json".
inline std::vector<encoding::Json> compactJwsVectors(const QString& relative)
{
    std::vector<encoding::Json> out;
    const encoding::Json file = loadJson(relative);
    for (const auto& vector : file["vectors"]) {
        if (vector["type"] == "jws-compact") {
            out.push_back(vector);
        }
    }
    if (out.empty()) {
        qFatal("no compact JWS vectors in %s", qPrintable(relative));
    }
    return out;
}

// A name or sentence from core (finding codes, claim meanings, …) as a QString.
inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace jwtwb::test
