#pragma once

#include "Error.h"
#include "keys/Key.h"
#include "keys/KeyImport.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::keys {

// Key files and pasted key text are small: anything larger is refused before it is looked at.
inline constexpr std::size_t kMaxKeyInputSize = 1024 * 1024;

// What the input was.
enum class KeyInputKind {
    Pem, // one or more PEM blocks: keys and certificates
    Der, // binary DER: SubjectPublicKeyInfo, PKCS#8 (also encrypted), PKCS#1, SEC1 or a certificate
    Base64Der, // the same DER as base64 or base64url, line breaks allowed
    Jwk,
    Jwks,
    Secret, // an HMAC secret in the encoding the caller named
};

struct KeyReadOptions {
    // For encrypted PEM (PKCS#8 and legacy-encrypted PKCS#1 / SEC1) and encrypted PKCS#8 DER. Empty
    // means none: an encrypted key then fails with Errc::PassphraseRequired, so that a GUI can ask
    // for one and read again.
    std::string_view passphrase;
    // Set: the input is a raw HMAC secret written in this encoding (Auto guesses, see importSecret).
    // Unset: the input is key material, and text that is none is refused.
    std::optional<SecretEncoding> secretEncoding;
};

struct KeyReading {
    std::vector<Key> keys; // never empty
    bool isSet = false; // a JWK Set, or PEM with several keys: a verifier chooses among them by kid
    KeyInputKind found = KeyInputKind::Pem;
    std::optional<SecretEncoding> secretEncoding; // for a secret, the encoding it was read in: never Auto
    std::vector<std::string> skipped; // keys of a JWK Set left out, each with its reason
    // One sentence, e.g. "an RSA 2048-bit private key (PKCS#8, PEM)", "a JWK Set: 2 usable keys, 1
    // skipped", "an HMAC secret: 32 bytes, written in base64url".
    std::string description;
    // Further sentences worth showing: why Auto chose its encoding; that a secret's text is a key's.
    std::vector<std::string> notes;
};

// The one way to read key material, whatever it is: a key file's bytes or pasted text. Without
// secretEncoding: PEM (SPKI, PKCS#8, encrypted PKCS#8, PKCS#1 public and private, legacy-encrypted
// PKCS#1 and SEC1, SEC1, certificates; several blocks give several keys), DER in binary or as
// base64 / base64url (whitespace allowed), a JWK, or a JWK Set (keys it cannot use are skipped
// with a reason). Decided by the content (classifyKeyText), never by a file name.
//
// Errors, each with a sentence that says what the input is and, where there is one, what to do:
//   EmptyInput          nothing but whitespace (for a secret: an empty secret)
//   InputTooLarge       over kMaxKeyInputSize
//   PassphraseRequired  an encrypted private key and no passphrase
//   WrongPassphrase     a passphrase that does not decrypt it
//   LimitExceeded       an encrypted PKCS#8 key whose key derivation costs more than a reader should
//                       spend (PBKDF2 over 1 000 000 iterations, scrypt N·r·p over 2^23), refused
//                       before any work
//   UnsupportedKey      OpenSSH and SSH2 keys and OpenPGP blocks (saying how to convert them),
//                       DSA, DH, curves JOSE does not use, a JWK Set without a usable key
//   InvalidKey          a token instead of a key, binary data that is not DER, text that is no key
//   InvalidPem, InvalidJson, DuplicateMember, …  from the parsers of KeyImport.h, unchanged
//
// The copies of key material made here and in the parsers (also the JSON they parse) are wiped;
// the caller wipes the input.
[[nodiscard]] Result<KeyReading> readKeys(std::span<const std::uint8_t> input, const KeyReadOptions& options = {});
[[nodiscard]] Result<KeyReading> readKeys(std::string_view input, const KeyReadOptions& options = {});

} // namespace jwtwb::keys
