#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"
#include "keys/Keystore.h"

#include <string>
#include <string_view>

namespace jwtwb::cli {

inline constexpr const char* kPassphraseVariable = "JWTWB_PASSPHRASE";
inline constexpr const char* kNewPassphraseVariable = "JWTWB_NEW_PASSPHRASE";

// Where the GUI keeps it: QStandardPaths::AppDataLocation for organization and application
// "jwt-workbench" (app/gui/main.cpp), i.e. $XDG_DATA_HOME (or ~/.local/share) followed by
// /jwt-workbench/jwt-workbench/keystore.jwe.
[[nodiscard]] std::string defaultKeystorePath();

// The first line of `file` when given, else the environment variable, else a prompt on the
// terminal without echo. A new passphrase (`isNew`) is asked twice on the terminal, which must
// agree, and a weak one gets a warning on stderr whatever its source. Errc::PassphraseRequired when
// none of them is available or the passphrase is empty.
[[nodiscard]] Result<crypto::SecureBytes> readPassphrase(const std::string& file, const char* variable,
                                                         std::string_view prompt, bool isNew);

// Opens `path` (the default when empty) with a passphrase from readPassphrase().
[[nodiscard]] Result<keys::Keystore> openKeystore(const std::string& path, const std::string& passphraseFile);

} // namespace jwtwb::cli
