// libFuzzer target: everything a pasted token goes through — extraction, compact decoding in both
// base64 modes, JWS verification (compact and JSON serialization) and JWT claim checks.
#include "inspect/TokenExtractor.h"
#include "jose/JwsVerifier.h"
#include "jose/JwtVerifier.h"

#include <cstddef>
#include <cstdint>

using namespace jwtwb;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(std::string_view("your-256-bit-secret")));
    const auto source = jose::KeySource::single(key);

    if (auto extracted = inspect::extractToken(text)) {
        for (const auto mode : {jose::Base64Mode::Strict, jose::Base64Mode::Lenient}) {
            if (auto token = jose::decodeCompact(extracted->token, mode)) {
                (void)jose::verifyCompact(*token, source);
            }
        }
        jose::JwtVerifyOptions options;
        options.claims.issuers = {"joe"};
        options.claims.leeway = std::chrono::seconds(30);
        (void)jose::verifyJwt(extracted->token, source, options);
    }
    (void)jose::verifyJwsJson(text, source);
    return 0;
}
