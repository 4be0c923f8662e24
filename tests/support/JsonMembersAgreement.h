#pragma once

// How readJsonMembers must agree with parseJson, for TestJsonMembers and FuzzJson: the same verdict
// on every text, the same error (code, message, position), the same members in the same order with
// the same values, and the same repeated members.

#include "encoding/Json.h"
#include "encoding/JsonMembers.h"

#include <string>
#include <string_view>

namespace jwtwb::test {

// Empty when both readers agree on `text`; otherwise what differs.
inline std::string membersDisagreement(std::string_view text)
{
    const auto document = encoding::parseJson(text);
    const auto members = encoding::readJsonMembers(text);
    if (document.has_value() != members.has_value()) {
        return document ? "readJsonMembers refuses what parseJson reads: " + members.error().message
                        : "readJsonMembers reads what parseJson refuses: " + document.error().message;
    }
    if (!document) {
        const Error& a = document.error();
        const Error& b = members.error();
        if (a.code != b.code || a.message != b.message || a.position != b.position) {
            return "the errors differ: \"" + a.message + "\" and \"" + b.message + "\"";
        }
        return {};
    }
    const encoding::Json& value = document->value;
    if (!value.is_object()) {
        if (members->isObject() || !members->members().empty() || *members->notObject() != value) {
            return "a text that is not an object reads differently";
        }
    } else {
        if (!members->isObject() || members->members().size() != value.size()) {
            return "the number of members differs";
        }
        std::size_t i = 0;
        for (const auto& [name, memberValue] : value.items()) {
            const encoding::JsonMember& member = members->members()[i++];
            if (member.name != name) {
                return "member " + std::to_string(i) + " is \"" + std::string(member.name) + "\", not \"" + name + "\"";
            }
            if (member.isString != memberValue.is_string() || member.json() != memberValue
                || (member.isString && !member.value.is_null())) {
                return "the value of \"" + name + "\" differs";
            }
            if (members->find(name) != &member) {
                return "find(\"" + name + "\") does not give the member";
            }
        }
    }
    const auto& a = document->duplicates;
    const auto& b = members->duplicates();
    if (a.size() != b.size()) {
        return "the repeated members differ in number";
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].path != b[i].path || a[i].key != b[i].key || a[i].offset != b[i].offset) {
            return "repeated member " + std::to_string(i + 1) + " differs";
        }
    }
    return {};
}

} // namespace jwtwb::test
