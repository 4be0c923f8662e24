// libFuzzer target: the JSON parser on its own (parseJson, parseJsonNoDuplicates), with properties:
// what parses is written back (compact and pretty) and parses to the same value, and writing that
// again gives the same text; it agrees with nlohmann's parser (which ends the text at a NUL byte); errors carry a code
// and a position inside the text; nesting past kMaxJsonDepth is an error, not a crash; readJsonMembers
// (the verify path's reader) agrees with it in every respect.
#include "FuzzCheck.h"
#include "JsonMembersAgreement.h"
#include "encoding/Json.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace jwtwb;
using encoding::Json;
using fuzz::require;

namespace {

std::size_t depthOf(const Json& value)
{
    std::size_t deepest = 0;
    if (value.is_structured()) {
        for (const auto& child : value) {
            deepest = std::max(deepest, depthOf(child));
        }
        return deepest + 1;
    }
    return 0;
}

void checkError(const Error& error, std::string_view text)
{
    require(!error.message.empty(), "an error has a message");
    require(error.code == Errc::InvalidJson || error.code == Errc::InvalidUtf8 || error.code == Errc::NestingTooDeep,
            "a parse error is InvalidJson, InvalidUtf8 or NestingTooDeep");
    require(!error.position || *error.position <= text.size(), "an error's position lies inside the text");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = encoding::parseJson(text);
    const auto strict = encoding::parseJsonNoDuplicates(text, "input");
    // nlohmann's parser, but for a NUL byte, which it takes for the end of the text.
    const bool hasNul = text.find('\0') != std::string_view::npos;
    const Json reference = hasNul ? Json(Json::value_t::discarded) : Json::parse(text, nullptr, false);

    if (!parsed) {
        checkError(parsed.error(), text);
        require(!strict && strict.error().code == parsed.error().code, "both parsers refuse the same text alike");
        // nlohmann has no depth limit; everything else it refuses too.
        require(reference.is_discarded() || parsed.error().code == Errc::NestingTooDeep,
                "what nlohmann parses, parseJson parses (but for nesting)");
    } else {
        require(depthOf(parsed->value) <= encoding::kMaxJsonDepth, "no value nests deeper than kMaxJsonDepth");
        for (const auto& duplicate : parsed->duplicates) {
            require(duplicate.offset < text.size() && text[duplicate.offset] == '"',
                    "a duplicate's offset is its key's opening quote");
        }
        require(strict.has_value() == parsed->duplicates.empty(), "parseJsonNoDuplicates refuses exactly duplicates");
        if (strict) {
            require(*strict == parsed->value, "parseJsonNoDuplicates gives parseJson's value");
            require(hasNul || (!reference.is_discarded() && reference == parsed->value),
                    "nlohmann reads the same value");
        } else {
            require(strict.error().code == Errc::DuplicateMember && strict.error().position
                        && *strict.error().position == parsed->duplicates.front().offset,
                    "a duplicate is refused at the first repeated key");
        }
        // Written back, it reads as the same value, and writing that again changes nothing.
        const std::string compact = encoding::toCompactJson(parsed->value);
        const auto again = encoding::parseJson(compact);
        require(again && again->duplicates.empty(), "the compact text parses, without duplicates");
        require(again->value == parsed->value, "the compact text parses to the same value");
        require(encoding::toCompactJson(again->value) == compact, "writing the value again gives the same text");
        const auto pretty = encoding::parseJson(encoding::toPrettyJson(parsed->value));
        require(pretty && pretty->value == parsed->value, "the pretty text parses to the same value");
    }

    // One level too deep in front of anything: refused as nesting, whatever follows.
    const std::string deep = std::string(encoding::kMaxJsonDepth + 1, '[') + std::string(text);
    const auto tooDeep = encoding::parseJson(deep);
    const bool badUtf8 = !parsed && parsed.error().code == Errc::InvalidUtf8; // checked before any syntax
    require(!tooDeep && tooDeep.error().code == (badUtf8 ? Errc::InvalidUtf8 : Errc::NestingTooDeep),
            "nesting past kMaxJsonDepth is NestingTooDeep");
    require(test::membersDisagreement(text).empty(), "readJsonMembers agrees with parseJson");
    (void)encoding::describePosition(text, size / 2);
    return 0;
}
