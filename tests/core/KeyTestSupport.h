#pragma once

// Helpers shared by the key-layer tests (TestKeyImport, TestKeyExport, TestThumbprint, TestKeyGenerator).

#include "Error.h"
#include "TestData.h"
#include "encoding/Json.h"
#include "keys/Key.h"

#include <QByteArray>
#include <QString>
#include <QTest>

#include <string>
#include <vector>

namespace jwtwb::test {

// A JWK inside a vector file, addressed by a JSON Pointer ("/vectors/0/jwks/keys/1").
inline encoding::Json jwkAt(const QString& file, const QString& pointer)
{
    const encoding::Json all = loadJson(file);
    return all.at(encoding::Json::json_pointer(pointer.toStdString()));
}

inline QByteArray jsonText(const encoding::Json& value)
{
    return QByteArray::fromStdString(value.dump());
}

// Member names of a JSON object, in order.
inline std::vector<std::string> memberNames(const encoding::Json& object)
{
    std::vector<std::string> names;
    for (auto it = object.begin(); it != object.end(); ++it) {
        names.push_back(it.key());
    }
    return names;
}

// Equal members and values, whatever their order.
inline bool sameMembers(const encoding::Json& a, const encoding::Json& b)
{
    return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump());
}

inline QString describeJson(const encoding::Json& value)
{
    return QString::fromStdString(value.dump());
}

// PEM text around DER, 64 characters a line (RFC 7468 §2).
inline std::string pemWrap(std::string_view label, std::string_view base64)
{
    std::string out = "-----BEGIN " + std::string(label) + "-----\n";
    for (std::size_t i = 0; i < base64.size(); i += 64) {
        out += base64.substr(i, 64);
        out += '\n';
    }
    out += "-----END " + std::string(label) + "-----\n";
    return out;
}

} // namespace jwtwb::test

// The result is an error with this code whose message contains `fragment`.
#define JWTWB_VERIFY_ERROR(result, errc, fragment)                                                                     \
    do {                                                                                                               \
        const auto& jwtwbResult = (result);                                                                            \
        QVERIFY2(!jwtwbResult.has_value(), "expected an error, got a value");                                          \
        QCOMPARE(QString::fromUtf8(jwtwb::errcName(jwtwbResult.error().code)),                                         \
                 QString::fromUtf8(jwtwb::errcName(errc)));                                                            \
        QVERIFY2(QString::fromStdString(jwtwbResult.error().message).contains(fragment),                               \
                 qPrintable(QStringLiteral("message: ") + QString::fromStdString(jwtwbResult.error().message)));       \
    } while (false)

// The result has a value; otherwise the error's message fails the test.
#define JWTWB_VERIFY_OK(result)                                                                                        \
    do {                                                                                                               \
        const auto& jwtwbResult = (result);                                                                            \
        QVERIFY2(jwtwbResult.has_value(),                                                                              \
                 jwtwbResult.has_value()                                                                               \
                     ? ""                                                                                              \
                     : qPrintable(QString::fromUtf8(jwtwb::errcName(jwtwbResult.error().code)) + QStringLiteral(": ")  \
                                  + QString::fromStdString(jwtwbResult.error().message)));                             \
    } while (false)
