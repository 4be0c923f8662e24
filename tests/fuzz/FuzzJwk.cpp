// libFuzzer target: JWK and JWK Set import, and export / thumbprint of whatever imports.
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/Thumbprint.h"

#include <cstddef>
#include <cstdint>

using namespace jwtwb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto key = keys::importJwk(text)) {
        (void)keys::exportJwk(*key, key->hasPrivate());
        (void)keys::thumbprint(*key);
        (void)key->publicKey();
    }
    if (auto set = keys::importJwks(text)) {
        (void)keys::exportJwks(set->keys, false);
    }
    return 0;
}
