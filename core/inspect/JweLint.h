#pragma once

#include "encoding/Json.h"
#include "inspect/Lint.h"

#include <cstdint>
#include <vector>

namespace jwtwb::inspect {

// The findings only an encrypted token can have, from its (protected) header: RSA1_5, compression,
// PBES2 parameters, the ECDH-ES ephemeral key, an unknown alg or enc (RFC 8725 §3.2, §3.4, §3.6;
// RFC 7518 §4). `maxP2c` is the iteration count decryption refuses above.
[[nodiscard]] std::vector<Finding> lintJweHeader(const encoding::Json& header, std::uint64_t maxP2c);

} // namespace jwtwb::inspect
