#pragma once

#include "encoding/Json.h"

namespace jwtwb::crypto {

// Overwrites every string in a JSON value (JWK members such as "d" and "k") before it is released:
// nlohmann's strings do not wipe themselves. The value is left null.
void wipe(encoding::Json& value);

} // namespace jwtwb::crypto
