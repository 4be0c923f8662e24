#pragma once

#include "Error.h"
#include "crypto/SecureBytes.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::keys {

// One "-----BEGIN LABEL----- … -----END LABEL-----" block of RFC 7468 text, also with the RFC 1421
// headers OpenSSL writes for legacy encrypted keys ("Proc-Type: 4,ENCRYPTED", "DEK-Info: …").
struct PemBlock {
    std::string label; // "PRIVATE KEY", "CERTIFICATE", …
    std::size_t begin = 0; // offset of the BEGIN line's first '-'
    std::size_t end = 0; // offset just past the END line's last '-'
    bool encrypted = false; // "ENCRYPTED PRIVATE KEY", or a "Proc-Type: 4,ENCRYPTED" header
    crypto::SecureBytes der; // the decoded body (for a legacy encrypted block, still encrypted)
};

// True when the text contains a BEGIN line, i.e. is meant to be PEM.
[[nodiscard]] bool looksLikePem(std::string_view text);

// Every block in `text`, in order; text around the blocks is ignored, as OpenSSL does. Errors
// (Errc::InvalidPem, with a position in `text`): no BEGIN line, a BEGIN line without its END line,
// mismatched labels, an empty or damaged base64 body.
[[nodiscard]] Result<std::vector<PemBlock>> readPemBlocks(std::string_view text);

} // namespace jwtwb::keys
