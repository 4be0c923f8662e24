#pragma once

#include "keys/KeyImport.h"

#include <QString>

namespace jwtwb::ui {

// Key text handed from one page to another, as the user would type it: a secret with the encoding
// it is written in, or the PEM or JWK of a key. The signer gives the public half of its key (or its
// secret) this way to the decoder's verification with "Open in Decoder".
struct KeyMaterial {
    enum class Kind { None, Secret, Pem, Jwk };
    Kind kind = Kind::None;
    QString text;
    keys::SecretEncoding encoding = keys::SecretEncoding::Utf8; // for a secret
};

} // namespace jwtwb::ui
