#pragma once

// A property a fuzz target checks: when it fails, say which and abort, so that libFuzzer keeps the input.
#include <cstdio>
#include <cstdlib>

namespace jwtwb::fuzz {

inline void require(bool condition, const char* property)
{
    if (!condition) {
        std::fprintf(stderr, "property failed: %s\n", property);
        std::abort();
    }
}

} // namespace jwtwb::fuzz
