#pragma once

#include "Bytes.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace jwtwb::crypto {

// Secret material: wiped with OPENSSL_cleanse whenever its storage is released (destruction,
// assignment, clear). Copies are explicit through clone() so secrets do not multiply by accident.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::span<const std::uint8_t> bytes);
    explicit SecureBytes(std::string_view text);
    explicit SecureBytes(std::size_t size); // zero-filled
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    [[nodiscard]] SecureBytes clone() const { return SecureBytes(span()); }

    [[nodiscard]] const std::uint8_t* data() const { return m_bytes.data(); }
    [[nodiscard]] std::uint8_t* data() { return m_bytes.data(); }
    [[nodiscard]] std::size_t size() const { return m_bytes.size(); }
    [[nodiscard]] bool empty() const { return m_bytes.empty(); }
    [[nodiscard]] std::span<const std::uint8_t> span() const { return m_bytes; }
    [[nodiscard]] std::string_view view() const { return asText(m_bytes); }

    void clear();

    // Constant time for equal sizes (CRYPTO_memcmp).
    [[nodiscard]] bool equals(std::span<const std::uint8_t> other) const;

private:
    std::vector<std::uint8_t> m_bytes; // never reallocated after construction
};

// Wipes an ordinary buffer that held secret material.
void wipe(std::span<std::uint8_t> bytes);
void wipe(std::string& text);

} // namespace jwtwb::crypto
