#pragma once

#include "encoding/Json.h"

namespace jwtwb::crypto {

// Overwrites every string in a JSON value (JWK members such as "d" and "k") before it is released:
// nlohmann's strings do not wipe themselves. The value is left null.
void wipe(encoding::Json& value);

// Wipes a JSON value when the scope ends, on every way out: for JSON parsed from text that may
// hold key material.
class WipeOnExit
{
public:
    explicit WipeOnExit(encoding::Json& value)
        : m_value(value)
    { }
    ~WipeOnExit() { wipe(m_value); }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

private:
    encoding::Json& m_value;
};

} // namespace jwtwb::crypto
