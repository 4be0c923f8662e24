#include "ClaimText.h"

#include <fmt/format.h>

namespace jwtwb::jose {
namespace {

std::string shorten(std::string text)
{
    if (text.size() <= kMaxQuotedValue) {
        return text;
    }
    std::size_t cut = kMaxQuotedValue;
    // Never split a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;
    }
    text.resize(cut);
    text += "…";
    return text;
}

} // namespace

std::string quoteJson(const encoding::Json& value)
{
    return shorten(encoding::toCompactJson(value));
}

std::string quoteString(std::string_view text)
{
    return quoteJson(encoding::Json(std::string(text)));
}

std::string_view jsonKindName(const encoding::Json& value)
{
    switch (value.type()) {
    case encoding::Json::value_t::null: return "null";
    case encoding::Json::value_t::object: return "an object";
    case encoding::Json::value_t::array: return "an array";
    case encoding::Json::value_t::string: return "a string";
    case encoding::Json::value_t::boolean: return "a boolean";
    case encoding::Json::value_t::number_integer:
    case encoding::Json::value_t::number_unsigned:
    case encoding::Json::value_t::number_float: return "a number";
    case encoding::Json::value_t::binary: return "binary data";
    case encoding::Json::value_t::discarded: return "nothing";
    }
    return "a value";
}

std::string describeJsonValue(const encoding::Json& value)
{
    if (value.is_null()) {
        return "null";
    }
    return fmt::format("{} ({})", jsonKindName(value), quoteJson(value));
}

} // namespace jwtwb::jose
