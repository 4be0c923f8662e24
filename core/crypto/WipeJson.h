#pragma once

#include "encoding/Json.h"
#include "encoding/JsonMembers.h"

namespace jwtwb::crypto {

// Overwrites every string in a JSON value (JWK members such as "d" and "k") before it is released:
// nlohmann's strings do not wipe themselves. The value is left null.
void wipe(encoding::Json& value);

// The same for the copies that members read from secret text hold: strings that had escapes and
// values other than strings (the strings without escapes are views of the text itself). The
// members are left empty.
void wipe(encoding::JsonMembers& members);

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
