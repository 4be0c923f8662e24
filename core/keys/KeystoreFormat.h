#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "keys/KeystoreEntry.h"
#include "keys/TokenHistory.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::keys {

// The keystore file: a JWK Set (RFC 7517 §5) encrypted as a JWE (RFC 7516) in the flattened JSON
// serialization with PBES2-HS512+A256KW and A256GCM, like RFC 7517 Appendix C, so that any JOSE
// library opens it with the passphrase. The protected header is
//   {"alg":"PBES2-HS512+A256KW","enc":"A256GCM","cty":"jwk-set+json","jwtwb-keystore":1,"p2s":…,"p2c":…}
// "jwtwb-keystore" is the format version (integrity-protected as part of the AAD); a file without
// it is a JWK Set some other tool encrypted, read as version 1.
// The decoder's token history, when there is one, is an extra member of the JWK Set (kHistoryMember):
//   {"keys":[…],"jwtwb-history":[{"token":"eyJ…","seen":"2026-11-28T10:00:00Z"},…]}
// It needs no new version: RFC 7517 §5 has readers ignore members they do not know, so other tools
// and older versions of this one still open the file (an older version drops the history on saving).
inline constexpr int kKeystoreFormatVersion = 1;
inline constexpr std::string_view kKeystoreVersionMember = "jwtwb-keystore";
inline constexpr std::size_t kMaxKeystoreSize = 64 * 1024 * 1024;

// The file text for these entries and history (left out when empty): fresh salt, CEK and IV every
// time. `iterations` below jwe::kDefaultP2c is for tests only.
[[nodiscard]] Result<std::string> sealKeystore(std::span<const KeystoreEntry> entries, const TokenHistory& history,
                                               const crypto::SecureBytes& passphrase, std::uint64_t iterations);

struct OpenedKeystore {
    std::vector<KeystoreEntry> entries;
    std::uint64_t iterations; // the file's p2c
    TokenHistory history;
    // Why the history member could not be read (then `history` is empty); the keys open all the
    // same: a damaged history must never lock the user out of the keys.
    std::string historyError;
};

// Errors: Errc::WrongPassphrase; Errc::UnsupportedVersion; Errc::DecryptionFailed (changed
// content); Errc::InvalidJson / Errc::MalformedToken / Errc::InvalidBase64Url (truncated or
// edited); Errc::UnsupportedAlgorithm (not passphrase-encrypted); a key that cannot be read is an
// error too (nothing may be lost on the next save). A history that cannot be read is not an error:
// see OpenedKeystore::historyError.
[[nodiscard]] Result<OpenedKeystore> openKeystoreText(std::string_view text, const crypto::SecureBytes& passphrase);

} // namespace jwtwb::keys
