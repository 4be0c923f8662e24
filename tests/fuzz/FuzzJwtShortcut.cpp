// libFuzzer target: verifyJwt's shortcut against the full path. The input is a header and a claims
// set (split at the first newline), signed here so that the signature is valid and the fuzzer
// explores what the shortcut reads: whenever it answers, the full path must find the token valid
// with nothing to report; and whatever scanFlatObject accepts, parseJson must read the same way.
#include "encoding/Base64Url.h"
#include "encoding/FlatJson.h"
#include "jose/JwtShortcut.h"
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

void checkScanner(std::string_view text)
{
    encoding::FlatObject object;
    if (!encoding::scanFlatObject(text, object)) {
        return;
    }
    const auto parsed = encoding::parseJson(text);
    require(parsed && parsed->value.is_object() && parsed->value.size() == object.members().size());
    std::size_t i = 0;
    for (const auto& [name, value] : parsed->value.items()) {
        const auto& member = object.members()[i++];
        require(member.name == name);
        if (const auto plain = member.plainString()) {
            require(value.is_string() && value.get<std::string>() == *plain);
        }
        if (const auto integer = member.integer()) {
            require(value.is_number_integer() && value.get<std::int64_t>() == *integer);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = text.find('\n');
    const std::string_view header = newline == std::string_view::npos ? text : text.substr(0, newline);
    const std::string_view payload = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    checkScanner(header);
    checkScanner(payload);

    static const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(std::string(32, 'k')));
    const std::string input = encoding::base64UrlEncode(header) + "." + encoding::base64UrlEncode(payload);
    const auto signature = jose::createSignature(jose::JwsAlgorithm::HS256, key, asBytes(input));
    require(signature.has_value());
    const std::string token = input + "." + encoding::base64UrlEncode(*signature);

    jose::JwtVerifyOptions options;
    options.claims.issuers = {"joe"};
    options.claims.audiences = {"api"};
    options.claims.leeway = std::chrono::seconds(30);
    options.claims.now = std::chrono::sys_seconds(std::chrono::seconds(1'300'000'000));
    if (size % 2 == 1) { // the stricter options for half of the inputs
        options.claims.type = "JWT";
        options.claims.requiredClaims = {"jti"};
        options.claims.maxTokenAge = std::chrono::seconds(600);
    }
    const auto source = jose::KeySource::single(key);
    if (const auto clean = jose::verifyCleanJwt(token, source, options)) {
        const auto full = jose::verifyJwtInFull(token, source, options);
        require(full && full->valid() && full->claims.findings.empty() && full->signature.warnings.empty());
        require(clean->decoded == full->decoded && clean->headerSize == full->headerSize);
    }
    return 0;
}
