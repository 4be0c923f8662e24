#pragma once

#include "crypto/Digest.h"

#include <openssl/evp.h>

namespace jwtwb::ossl {

// The digest implementation, fetched once per process and kept (fetching per call is slow).
[[nodiscard]] const EVP_MD* evpMd(crypto::HashAlg hash);

} // namespace jwtwb::ossl
