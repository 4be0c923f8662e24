#pragma once

#include "keys/KeystoreEntry.h"

#include <QString>

#include <expected>
#include <span>
#include <string>
#include <string_view>

namespace jwtwb::ui {

// What the Keys page exports, to the clipboard or to a file.
enum class KeyExportFormat { PublicJwk, PublicJwks, PublicPem, PrivateJwk, PrivatePem, PrivatePemEncrypted };

[[nodiscard]] bool isPrivateFormat(KeyExportFormat format);
[[nodiscard]] QString formatTitle(KeyExportFormat format); // "Private PEM, encrypted with a passphrase"
[[nodiscard]] QString fileSuffix(KeyExportFormat format); // "pem", "jwk.json", "jwks.json"
// Whether the format exists for the key: a secret has only its private JWK. The reason when not.
[[nodiscard]] bool formatApplies(KeyExportFormat format, const keys::Key& key);
[[nodiscard]] QString inapplicableReason(KeyExportFormat format, const keys::Key& key);

struct KeyExportText {
    std::string text; // private material in the private formats: the caller wipes it (crypto::wipe)
    int keyCount = 1;
    int secretsLeftOut = 0; // PublicJwks: secrets have no public form
};

// `entries.front()` in `format`, or for PublicJwks the public JWK Set of all of them without the
// secrets. `passphrase` is for PrivatePemEncrypted only (and must not be empty there). The error
// is a sentence for the status line.
[[nodiscard]] std::expected<KeyExportText, QString> exportKeyText(std::span<const keys::KeystoreEntry* const> entries,
                                                                  KeyExportFormat format,
                                                                  std::string_view passphrase = {});

} // namespace jwtwb::ui
