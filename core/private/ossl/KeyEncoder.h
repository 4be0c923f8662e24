#pragma once

// OSSL_ENCODER into wiped memory. Included only from core .cpp files.

#include "Error.h"
#include "crypto/SecureBytes.h"

#include <openssl/evp.h>

#include <string_view>

namespace jwtwb::ossl {

// `selection` EVP_PKEY_PUBLIC_KEY or EVP_PKEY_KEYPAIR; `outputType` "PEM" or "DER"; `structure`
// "SubjectPublicKeyInfo" or "PrivateKeyInfo". A non-empty passphrase encrypts a private key with
// AES-256-CBC (PKCS#8 PBES2 with PBKDF2-HMAC-SHA256, OpenSSL's defaults).
[[nodiscard]] Result<crypto::SecureBytes> encodePkey(const EVP_PKEY* pkey, int selection, const char* outputType,
                                                     const char* structure, std::string_view passphrase = {});

} // namespace jwtwb::ossl
