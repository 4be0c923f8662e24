// libFuzzer target: the SD-JWT parser (RFC 9901), with properties: it never throws; every
// disclosure is the input's text at its offset, after a '~'; a KB-JWT is the text after the last
// '~'; a well-formed disclosure has a digest, and one placed somewhere is no finding's subject;
// an SD-JWT without findings has processed claims free of "_sd" and "_sd_alg"; the findings'
// positions lie inside the input.
#include "FuzzCheck.h"
#include "sdjwt/SdJwt.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace jwtwb;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto sdJwt = sdjwt::parseSdJwt(text);
    if (!sdJwt) {
        require(!sdJwt.error().message.empty(), "an error says why");
        return 0;
    }
    require(text.starts_with(sdJwt->issuerJwt) && text[sdJwt->issuerJwt.size()] == '~',
            "the issuer-signed JWT is the text before the first '~'");
    for (const auto& disclosure : sdJwt->disclosures) {
        require(disclosure.offset > 0 && text[disclosure.offset - 1] == '~', "a disclosure follows a '~'");
        require(text.substr(disclosure.offset, disclosure.text.size()) == disclosure.text,
                "a disclosure is the input's text at its offset");
        require(!sdJwt->hash || !disclosure.digest.empty(), "with a supported hash, every disclosure has a digest");
    }
    require(text.starts_with(sdJwt->presented) && sdJwt->presented.ends_with('~'),
            "the presented part ends with the last '~'");
    if (sdJwt->keyBindingJwt) {
        require(text.substr(sdJwt->keyBindingOffset) == *sdJwt->keyBindingJwt, "the KB-JWT follows the last '~'");
    }
    for (const auto& finding : sdJwt->findings) {
        require(finding.position < text.size(), "a finding's position lies inside the input");
        require(!finding.reason.empty(), "a finding says why");
    }
    if (sdJwt->ok()) {
        require(sdJwt->processed.is_object() && !sdJwt->processed.contains("_sd")
                    && !sdJwt->processed.contains("_sd_alg"),
                "the processed claims are an object without _sd and _sd_alg");
    }
    return 0;
}
