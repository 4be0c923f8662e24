#pragma once

#include <QString>

#include <cstddef>
#include <optional>
#include <string>

namespace jwtwb::ui {

// Key files are small: anything larger is refused before it is read.
inline constexpr std::size_t kMaxKeyFileSize = 1024 * 1024;

// The bytes of a key file (the caller wipes them), or nullopt with a sentence naming the file:
// missing, unreadable, or larger than kMaxKeyFileSize.
[[nodiscard]] std::optional<std::string> readKeyFile(const QString& path, QString* errorMessage);

// The same as text for a key box: binary DER as base64, which keys::readKeys reads like PEM
// without its armour; a text file as it is.
[[nodiscard]] std::optional<QString> readKeyFileAsText(const QString& path, QString* errorMessage);

} // namespace jwtwb::ui
