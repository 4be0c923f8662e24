#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace jwtwb::encoding {

enum class FlatKind : std::uint8_t { String, Number, True, False, Null, Array, Object };

// One top-level member of a JSON object, as views of the scanned text.
struct FlatMember {
    std::string_view name;
    std::string_view value; // the value's JSON text; a string with its quotes
    FlatKind kind = FlatKind::Null;
    bool escaped = false; // a string with backslash escapes
    bool plainStrings = false; // an array whose elements are all strings without escapes
    bool shortInteger = false; // a number written as an integer of at most 18 digits: shortIntegerValue
    std::int64_t shortIntegerValue = 0; // read while scanning, so that integer() need not read it again

    // A string's content when it has no escapes (then it is exactly the decoded value).
    [[nodiscard]] std::optional<std::string_view> plainString() const;
    // A number written as an integer (no fraction, no exponent) that fits 64 bits signed.
    [[nodiscard]] std::optional<std::int64_t> integer() const
    {
        if (kind == FlatKind::Number && shortInteger) {
            return shortIntegerValue;
        }
        return longInteger();
    }

private:
    [[nodiscard]] std::optional<std::int64_t> longInteger() const;
};

// The top-level members of a JSON object, read in one pass without building a document: for hot
// paths (verifying a token) that only look at a few members. See scanFlatObject().
class FlatObject
{
public:
    static constexpr std::size_t kMaxMembers = 32;

    FlatObject() { } // leaves the slots uninitialised (see Slots)

    [[nodiscard]] std::span<const FlatMember> members() const { return {m_slots.members.data(), m_count}; }
    [[nodiscard]] const FlatMember* find(std::string_view name) const;

private:
    friend class FlatScanner;
    // In a union so that constructing a FlatObject does not zero 32 slots for a token's handful of
    // members: the scanner constructs each slot it fills (std::construct_at).
    union Slots {
        Slots() { }
        std::array<FlatMember, kMaxMembers> members;
    } m_slots;
    std::size_t m_count = 0;
};

struct FlatScanOptions {
    // Objects inside the object. Without them no member name below the top level exists, so a
    // repeated name anywhere is one that scanFlatObject() sees.
    bool nestedObjects = true;
};

// Reads `text` as one JSON object. Returns false when it cannot vouch for the text: when it is not
// valid JSON, and also for valid JSON outside what it handles — a byte order mark, escapes in
// member names, \u escapes, numbers with an exponent or over 300 characters, a repeated top-level
// member, more than kMaxMembers members, nesting deeper than kMaxJsonDepth, or a nested object
// when the options refuse them. Whatever it accepts, parseJson() parses to an object with these
// members in this order, each of this kind, and no repeated member at the top level.
[[nodiscard]] bool scanFlatObject(std::string_view text, FlatObject& out, FlatScanOptions options = {});

// Calls `visit` with each element of a FlatMember whose plainStrings is set.
template <class Visit> void forEachPlainString(const FlatMember& array, Visit&& visit)
{
    const std::string_view text = array.value;
    for (std::size_t open = text.find('"'); open != std::string_view::npos;) {
        const std::size_t close = text.find('"', open + 1);
        visit(text.substr(open + 1, close - open - 1));
        open = text.find('"', close + 1);
    }
}

} // namespace jwtwb::encoding
