#pragma once

#include "Error.h"
#include "encoding/Json.h"

#include <forward_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::encoding {

// One top-level member of a JSON object.
struct JsonMember {
    std::string_view name;
    bool isString = false;
    std::string_view string; // the value when isString, unescaped
    Json value; // the value when it is not a string, as parseJson builds it; null when isString

    // The value as parseJson builds it, whatever its kind (a string is copied).
    [[nodiscard]] Json json() const { return isString ? Json(std::string(string)) : value; }
};

// The top-level members of a JSON text, read by parseJson's own parser: the same rules, the same
// errors at the same positions, and the same value for each member (the last one when a member is
// repeated, at its first position). Strings are views, not copies, and no document is built around
// the members: this is how the verify path reads a header and a claims set. Views point into the
// text that was read and into the object itself, so both must outlive every use of a member.
class JsonMembers
{
public:
    JsonMembers() = default;
    JsonMembers(JsonMembers&&) noexcept = default;
    JsonMembers& operator=(JsonMembers&&) noexcept = default;
    // A copy's views would point into the original.
    JsonMembers(const JsonMembers&) = delete;
    JsonMembers& operator=(const JsonMembers&) = delete;

    // Whether the text is a JSON object; members() is empty when it is not.
    [[nodiscard]] bool isObject() const { return !m_notObject.has_value(); }
    // The value when the text is not an object (an array, a string, …), as parseJson builds it.
    [[nodiscard]] const Json* notObject() const { return m_notObject ? &*m_notObject : nullptr; }

    [[nodiscard]] std::span<const JsonMember> members() const { return m_members; }
    [[nodiscard]] const JsonMember* find(std::string_view name) const;
    [[nodiscard]] bool contains(std::string_view name) const { return find(name) != nullptr; }

    // Repeated members anywhere in the text, as parseJson reports them.
    [[nodiscard]] const std::vector<DuplicateMember>& duplicates() const { return m_duplicates; }

    // Hands every copy this object owns (values other than strings, and the strings that had
    // escapes) to the wipers, then empties it: for members read from secret text (crypto::wipe).
    // The strings without escapes are views of that text, which its owner wipes.
    void clearWith(void (*wipeJson)(Json&), void (*wipeString)(std::string&));

private:
    friend Result<JsonMembers> readJsonMembers(std::string_view text);

    std::vector<JsonMember> m_members;
    std::optional<Json> m_notObject;
    std::vector<DuplicateMember> m_duplicates;
    std::forward_list<std::string> m_unescaped; // names and strings that had escapes; nodes never move
};

[[nodiscard]] Result<JsonMembers> readJsonMembers(std::string_view text);

} // namespace jwtwb::encoding
