// libFuzzer target: the one verification path on tokens the fuzzer shapes. The input is a header
// and a claims set (split at the first newline), signed here so that the signature is valid and the
// fuzzer explores the header and claim rules rather than base64. verifyJwt must never crash, and
// what it reports must hold together: a valid token has a valid signature, no error finding, and
// the header and payload it was signed with.
#include "encoding/Base64Url.h"
#include "jose/JwtVerifier.h"
#include "jose/SignatureEngine.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace jwtwb;

namespace {

void require(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = text.find('\n');
    const std::string_view header = newline == std::string_view::npos ? text : text.substr(0, newline);
    const std::string_view payload = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);

    static const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(std::string(32, 'k')));
    const std::string input = encoding::base64UrlEncode(header) + "." + encoding::base64UrlEncode(payload);
    const auto signature = jose::createSignature(jose::JwsAlgorithm::HS256, key, asBytes(input));
    require(signature.has_value());
    const std::string token = input + "." + encoding::base64UrlEncode(*signature);

    jose::JwtVerifyOptions options;
    options.claims.now = std::chrono::sys_seconds(std::chrono::seconds(1795861000));
    options.claims.leeway = std::chrono::seconds(size % 120);
    if (size % 3 == 0) {
        options.claims.audiences = {"https://api.example.com"};
        options.claims.issuers = {"https://auth.example.com"};
    }
    if (size % 5 == 0) {
        options.claims.maxTokenAge = std::chrono::hours(1);
        options.claims.type = "JWT";
    }
    const auto result = jose::verifyJwt(token, jose::KeySource::single(key), options);
    if (!result) {
        return 0;
    }
    require(asText(result->header()) == header && asText(result->payload()) == payload);
    if (result->valid()) {
        require(result->signature.valid() && result->claims.ok());
        require(result->payloadIsJson && result->token().payloadJson && result->token().payloadJson->value.is_object());
    }
    return 0;
}
