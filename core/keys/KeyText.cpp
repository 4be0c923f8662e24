#include "KeyText.h"

#include "Bytes.h"
#include "crypto/SecureBytes.h"
#include "crypto/WipeJson.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "encoding/Text.h"

#include <string>

namespace jwtwb::keys {
namespace {

constexpr std::size_t kMinDerSize = 40;
constexpr std::string_view kPemBegin = "-----BEGIN";
constexpr std::string_view kPemBeginLine = "\n-----BEGIN";

// One DER SEQUENCE (tag 0x30, definite length in short or long form up to 3 octets) filling all of `der`.
bool isDerSequence(std::span<const std::uint8_t> der)
{
    if (der.size() < kMinDerSize || der[0] != 0x30) {
        return false;
    }
    std::size_t header = 2;
    std::size_t length = der[1];
    if (length & 0x80) {
        const std::size_t octets = length & 0x7f;
        if (octets == 0 || octets > 3 || der.size() < 2 + octets || der[2] == 0) {
            return false;
        }
        length = 0;
        for (std::size_t i = 0; i < octets; ++i) {
            length = (length << 8) | der[2 + i];
        }
        if (length < 0x80) {
            return false; // DER uses the short form for these
        }
        header += octets;
    }
    return header + length == der.size();
}

bool startsPemLine(std::string_view text)
{
    if (text.starts_with(kPemBegin)) {
        return true;
    }
    // A PEM block after other lines, e.g. the "Bag Attributes" that openssl pkcs12 writes first.
    return text.find(kPemBeginLine) != std::string_view::npos;
}

KeyTextKind classifyJson(std::string_view text)
{
    auto parsed = encoding::parseJson(text);
    if (!parsed) {
        return KeyTextKind::Other;
    }
    const crypto::WipeOnExit wiped(parsed->value);
    if (!parsed->value.is_object()) {
        return KeyTextKind::Other;
    }
    if (parsed->value.contains("keys")) {
        return KeyTextKind::Jwks;
    }
    return parsed->value.contains("kty") ? KeyTextKind::Jwk : KeyTextKind::Other;
}

bool isBase64Der(std::string_view text)
{
    auto der = decodeSpacedBase64(text);
    if (!der) {
        return false;
    }
    const bool sequence = isDerSequence(*der);
    crypto::wipe(*der);
    return sequence;
}

} // namespace

std::optional<Bytes> decodeSpacedBase64(std::string_view text)
{
    std::string compact;
    compact.reserve(text.size());
    for (const char c : text) {
        if (!encoding::isAsciiSpace(c)) {
            compact += c;
        }
    }
    auto der = encoding::base64Decode(compact);
    if (!der) {
        der = encoding::base64UrlDecode(compact);
    }
    crypto::wipe(compact);
    return der ? std::optional(std::move(*der)) : std::nullopt;
}

KeyTextKind classifyKeyText(std::span<const std::uint8_t> bytes)
{
    if (isDerSequence(bytes)) {
        return KeyTextKind::Der;
    }
    const std::string_view text = encoding::trimAsciiSpace(asText(bytes));
    if (text.empty()) {
        return KeyTextKind::Other;
    }
    if (startsPemLine(text)) {
        return KeyTextKind::Pem;
    }
    if (text.front() == '{') {
        return classifyJson(text);
    }
    // Base64 of a SEQUENCE of 40 or more bytes starts with "M" (0x30 is "M" in both alphabets).
    if (text.front() == 'M' && isBase64Der(text)) {
        return KeyTextKind::Base64Der;
    }
    return KeyTextKind::Other;
}

KeyTextKind classifyKeyText(std::string_view text)
{
    return classifyKeyText(asBytes(text));
}

} // namespace jwtwb::keys
