#pragma once

// X.509 certificates: parsing and what the key layer shows of them. Included only from core .cpp files.

#include "Error.h"
#include "Handles.h"
#include "keys/Key.h"

#include <cstdint>
#include <span>

namespace jwtwb::ossl {

// One DER certificate that fills `der` exactly (trailing octets are an error). `trusted` reads
// OpenSSL's "TRUSTED CERTIFICATE" form (the certificate followed by trust settings).
[[nodiscard]] Result<X509Ptr> parseCertificateDer(std::span<const std::uint8_t> der, bool trusted = false);

// Subject and issuer in RFC 2253 form, serial in lowercase hex (a '-' in front if negative),
// validity as Unix seconds, and the DER of the certificate alone.
[[nodiscard]] Result<keys::CertificateInfo> certificateInfo(X509* cert);

} // namespace jwtwb::ossl
