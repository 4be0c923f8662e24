// libFuzzer target: PEM (one or more blocks, possibly encrypted) and DER key import.
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"

#include <cstddef>
#include <cstdint>

using namespace jwtwb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto keys = keys::importKeys(text, "fuzz")) {
        for (const auto& key : *keys) {
            (void)keys::exportPublicPem(key);
        }
    }
    (void)keys::importDer(std::span(data, size));
    return 0;
}
