#pragma once

#include "Error.h"
#include "encoding/Json.h"
#include "keys/Key.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::keys {

// ---- HMAC secrets ---------------------------------------------------------------------------------

enum class SecretEncoding { Utf8, Base64, Base64Url, Hex, Auto };

[[nodiscard]] std::string_view secretEncodingName(SecretEncoding encoding); // "UTF-8", "base64", …

struct ImportedSecret {
    Key key;
    SecretEncoding encoding; // the one used: never Auto
    std::string reason; // why, when it was guessed; empty when the caller chose
};

// The caller names the encoding. Base64, Base64Url and Hex ignore surrounding whitespace and are
// strict inside (RFC 4648 §4 with padding, RFC 7515 §2 base64url, hex of even length); UTF-8 text
// is taken as it is. Auto guesses conservatively and says why in `reason`:
//   hex        all hex digits, even length, at least 32 digits;
//   base64     '=' padding or '+' / '/', and it decodes strictly and canonically;
//   base64url  at least 43 characters mixing upper case, lower case and digits, strictly decoded;
//   otherwise  the UTF-8 text itself ("your-256-bit-secret" is UTF-8).
// Empty secrets (also after decoding) are an error.
[[nodiscard]] Result<ImportedSecret> importSecret(std::string_view text, SecretEncoding encoding);

// ---- PEM and DER -------------------------------------------------------------------------------

// The first key in PEM text: SPKI "PUBLIC KEY", PKCS#8 "PRIVATE KEY" and "ENCRYPTED PRIVATE KEY",
// PKCS#1 "RSA PUBLIC KEY" / "RSA PRIVATE KEY" (also legacy-encrypted), SEC1 "EC PRIVATE KEY", and
// "CERTIFICATE" (the certificate's public key, with Key::certificate() filled in). "… PARAMETERS"
// blocks are skipped. Errors: Errc::InvalidPem (not PEM, truncated, damaged base64),
// Errc::PassphraseRequired / Errc::WrongPassphrase, Errc::LimitExceeded (an encrypted key whose key
// derivation costs too much, see KeyReader.h), Errc::UnsupportedKey (DSA, DH, OpenSSH, other
// curves…), Errc::InvalidKey (a block OpenSSL cannot read).
[[nodiscard]] Result<Key> importPem(std::string_view pem, std::string_view passphrase = {});

// The same structures in DER (a single one, no trailing octets).
[[nodiscard]] Result<Key> importDer(std::span<const std::uint8_t> der, std::string_view passphrase = {});

// ---- JWK (RFC 7517, 7518 §6, 8037) -------------------------------------------------------------

// kty RSA (n, e; d with p, q, dp, dq, qi, or d alone), EC (P-256, P-384, P-521, secp256k1: x, y, d
// at exactly the field size, the point on the curve), OKP (Ed25519, Ed448, X25519, X448: x, d) and
// oct (k). kid, alg, use, key_ops and x5c go to KeyParameters, every other member to
// KeyParameters::extra in its order. With x5c, the first certificate fills Key::certificate() and
// must hold the JWK's key (RFC 7517 §4.7). Errors name the member and the reason.
[[nodiscard]] Result<Key> importJwk(const encoding::Json& jwk);
// As above from text; duplicate members are an error (Errc::DuplicateMember).
[[nodiscard]] Result<Key> importJwk(std::string_view text);
// Text too: without these, a std::string or a literal would convert to Json and to string_view alike.
[[nodiscard]] inline Result<Key> importJwk(const std::string& text)
{
    return importJwk(std::string_view(text));
}
[[nodiscard]] inline Result<Key> importJwk(const char* text)
{
    return importJwk(std::string_view(text));
}

struct JwksImport {
    std::vector<Key> keys;
    std::vector<std::string> skipped; // one sentence per key left out, e.g. "keys[2] (kid "x"): …"
};

// RFC 7517 §5: {"keys": [...]}. As §5 says, a key that cannot be used (unknown kty or crv, missing
// or malformed members) is skipped with a reason, not an error; the text not being a JSON object,
// a missing or non-array "keys", or a duplicate member outside the keys is an error.
[[nodiscard]] Result<JwksImport> importJwks(std::string_view text);

// "Paste anything": a JWK, a JWK Set (at least one usable key), one or more PEM blocks (keys and
// certificates, in order, "… PARAMETERS" blocks skipped), or base64 DER. Not for HMAC secrets:
// use importSecret().
[[nodiscard]] Result<std::vector<Key>> importKeys(std::string_view text, std::string_view passphrase = {});

} // namespace jwtwb::keys
