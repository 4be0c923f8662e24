#pragma once

#include "jose/CompactToken.h"
#include "keys/Key.h"

#include <QPalette>
#include <QString>

#include <span>

namespace jwtwb::ui {

// The X-ray's step panel as HTML: the signing input and its length, its digest, the algorithm's
// operation in one sentence, the token's signature in hex, and — with a key — the recomputed HMAC
// or the verification outcome next to it.
[[nodiscard]] QString signingStepsHtml(const jose::CompactToken& token, std::span<const keys::Key> keys, bool isKeySet,
                                       const QPalette& palette);

} // namespace jwtwb::ui
