#include "TokenDiff.h"

#include "encoding/Base64Url.h"
#include "encoding/Utf8.h"
#include "jose/Lifetime.h"
#include "jose/NumericDate.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jwtwb::inspect {
namespace {

using encoding::Json;

constexpr std::array kTimeClaims{"exp", "nbf", "iat", "auth_time"};

bool isTimeClaim(std::string_view part, std::string_view name)
{
    return part == "payload" && std::ranges::find(kTimeClaims, name) != kTimeClaims.end();
}

// "1 h later", "5 min earlier", for two usable NumericDates.
std::string timeNote(const std::string& name, const Json& before, const Json& after)
{
    const jose::NumericDate from = jose::toNumericDate(name, before);
    const jose::NumericDate to = jose::toNumericDate(name, after);
    if (!from.valid() || !to.valid() || from.time == to.time) {
        return {};
    }
    const auto difference = to.time - from.time;
    return fmt::format("{} {}", jose::humanDuration(difference), difference.count() > 0 ? "later" : "earlier");
}

void compareObjects(TokenDiff& diff, std::string_view part, const Json& first, const Json& second)
{
    for (auto it = first.begin(); it != first.end(); ++it) {
        MemberDiff member{std::string(part), it.key(), MemberChange::Removed, *it, std::nullopt, {}};
        if (const auto other = second.find(it.key()); other != second.end()) {
            member.after = *other;
            member.change = *other == *it ? MemberChange::Same : MemberChange::Changed;
            if (member.change == MemberChange::Changed && isTimeClaim(part, it.key())) {
                member.note = timeNote(it.key(), *it, *other);
            }
        }
        diff.members.push_back(std::move(member));
    }
    for (auto it = second.begin(); it != second.end(); ++it) {
        if (!first.contains(it.key())) {
            diff.members.push_back({std::string(part), it.key(), MemberChange::Added, std::nullopt, *it, {}});
        }
    }
}

Json payloadValue(const jose::CompactToken& token)
{
    if (token.payloadJson) {
        return token.payloadJson->value;
    }
    // Not JSON: the text as it is, or its base64url when it is not UTF-8 either.
    const std::string_view text = asText(token.payload());
    return encoding::findInvalidUtf8(text) ? Json(encoding::base64UrlEncode(token.payload())) : Json(std::string(text));
}

} // namespace

std::string_view memberChangeName(MemberChange change)
{
    switch (change) {
    case MemberChange::Same: return "same";
    case MemberChange::Added: return "added";
    case MemberChange::Removed: return "removed";
    case MemberChange::Changed: return "changed";
    }
    return "same";
}

bool TokenDiff::same() const
{
    return std::ranges::all_of(members, [](const MemberDiff& m) { return m.change == MemberChange::Same; });
}

std::size_t TokenDiff::count(MemberChange change) const
{
    return static_cast<std::size_t>(std::ranges::count(members, change, &MemberDiff::change));
}

TokenDiff diffTokens(const jose::CompactToken& first, const jose::CompactToken& second)
{
    TokenDiff diff;
    compareObjects(diff, "header", first.header.value, second.header.value);
    const bool comparable = first.kind == jose::TokenKind::Jws && second.kind == jose::TokenKind::Jws
        && first.payloadJson && second.payloadJson && first.payloadJson->value.is_object()
        && second.payloadJson->value.is_object();
    diff.payloadsComparable = comparable;
    if (comparable) {
        compareObjects(diff, "payload", first.payloadJson->value, second.payloadJson->value);
    } else if (first.kind == jose::TokenKind::Jws || second.kind == jose::TokenKind::Jws) {
        // A JWE's payload is ciphertext: it is compared as such, like a payload that is not JSON.
        const Json before = first.kind == jose::TokenKind::Jws ? payloadValue(first) : Json("(encrypted)");
        const Json after = second.kind == jose::TokenKind::Jws ? payloadValue(second) : Json("(encrypted)");
        diff.members.push_back(
            {"payload", "payload", before == after ? MemberChange::Same : MemberChange::Changed, before, after, {}});
    }
    return diff;
}

} // namespace jwtwb::inspect
