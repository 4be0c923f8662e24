#pragma once

#include "jose/CompactToken.h"
#include "jwe/JweMessage.h"
#include "support/VerdictText.h"

#include <QPalette>
#include <QString>

namespace jwtwb::ui {

// A compact JWE as core's message, from the decoder's lenient decoding (so non-canonical base64url
// is explained too): one recipient, no unprotected header, no aad.
[[nodiscard]] jwe::JweMessage jweMessageOf(const jose::CompactToken& token);

// The decoder's one-paragraph legend of a JWE's parts, each named in its colour, with its size and
// what it holds: the five parts of the compact form, or the members of the JSON serialization.
[[nodiscard]] QString jwePartsHtml(const jwe::JweMessage& message, bool compact, const QPalette& palette);

// The X-ray's step panel for a JWE as HTML: which part is which, how the content key is wrapped,
// encrypted or agreed for each recipient's "alg", what the additional authenticated data is (with
// the JSON serialization's "aad"), how "enc" encrypts and what the tag protects, and the outcome of
// the decryption with the user's key.
[[nodiscard]] QString encryptionStepsHtml(const jwe::JweMessage& message, bool compact, const QString& outcome,
                                          VerificationState outcomeState, const QPalette& palette);

} // namespace jwtwb::ui
