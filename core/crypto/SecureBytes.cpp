#include "SecureBytes.h"

#include <openssl/crypto.h>

namespace jwtwb::crypto {

SecureBytes::SecureBytes(std::span<const std::uint8_t> bytes)
    : m_bytes(bytes.begin(), bytes.end())
{ }

SecureBytes::SecureBytes(std::string_view text)
    : SecureBytes(asBytes(text))
{ }

SecureBytes::SecureBytes(std::size_t size)
    : m_bytes(size, 0)
{ }

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes.clear();
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

void SecureBytes::clear()
{
    if (!m_bytes.empty()) {
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    }
    m_bytes.clear();
    m_bytes.shrink_to_fit();
}

bool SecureBytes::equals(std::span<const std::uint8_t> other) const
{
    return other.size() == m_bytes.size() && CRYPTO_memcmp(other.data(), m_bytes.data(), m_bytes.size()) == 0;
}

void wipe(std::span<std::uint8_t> bytes)
{
    if (!bytes.empty()) {
        OPENSSL_cleanse(bytes.data(), bytes.size());
    }
}

void wipe(std::string& text)
{
    if (!text.empty()) {
        OPENSSL_cleanse(text.data(), text.size());
    }
    text.clear();
}

} // namespace jwtwb::crypto
