#pragma once

#include "Bytes.h"

#include <span>
#include <string_view>

namespace jwtwb::crypto {

enum class HashAlg { Sha1, Sha256, Sha384, Sha512 };

[[nodiscard]] std::string_view hashName(HashAlg hash); // "SHA-256"
[[nodiscard]] std::size_t hashSize(HashAlg hash); // output bytes
[[nodiscard]] Bytes digest(HashAlg hash, std::span<const std::uint8_t> data);

} // namespace jwtwb::crypto
