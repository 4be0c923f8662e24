#pragma once

// Helpers shared by the JWE tests (TestJwe, TestJweVectors, TestJweAlgorithms).

#include "TestData.h"
#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "encoding/Json.h"
#include "keys/KeyImport.h"

#include <QString>
#include <QtGlobal>

#include <string>
#include <string_view>

namespace jwtwb::test {

inline Bytes b64u(const encoding::Json& value)
{
    auto bytes = encoding::base64UrlDecode(value.get<std::string>());
    if (!bytes) {
        qFatal("bad base64url in a vector");
    }
    return std::move(*bytes);
}

inline Bytes hex(const encoding::Json& value)
{
    auto bytes = encoding::fromHex(value.get<std::string>());
    if (!bytes) {
        qFatal("bad hex in a vector");
    }
    return std::move(*bytes);
}

inline keys::Key passphrase(std::string_view text)
{
    return keys::Key::fromSecret(crypto::SecureBytes(text));
}

inline keys::Key jwkKey(const encoding::Json& jwk)
{
    auto key = keys::importJwk(jwk);
    if (!key) {
        qFatal("vector key does not import: %s", key.error().message.c_str());
    }
    return std::move(*key);
}

inline encoding::Json vectorById(const QString& file, std::string_view id)
{
    const encoding::Json all = loadJson(file);
    for (const auto& v : all["vectors"]) {
        if (v["id"] == id) {
            return v;
        }
    }
    qFatal("no vector %s", std::string(id).c_str());
}

// Same members with the same values, in any order (the cookbook's member order is its own).
inline bool sameMembers(const encoding::Json& a, const encoding::Json& b)
{
    if (!a.is_object() || !b.is_object() || a.size() != b.size()) {
        return false;
    }
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (!b.contains(it.key()) || b[it.key()] != it.value()) {
            return false;
        }
    }
    return true;
}

inline std::string text(const crypto::SecureBytes& bytes)
{
    return std::string(bytes.view());
}

} // namespace jwtwb::test
