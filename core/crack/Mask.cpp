#include "Mask.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>

namespace jwtwb::crack {
namespace {

constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kSymbols = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

// Adds the bytes of `set` that `out` does not have yet, keeping the first occurrence's order.
void addUnique(std::string& out, std::string_view set)
{
    for (const char c : set) {
        if (out.find(c) == std::string::npos) {
            out.push_back(c);
        }
    }
}

// The character set a "?x" stands for; custom sets are themselves masks of one position each.
Result<std::string> classSet(char name, std::span<const std::string> customSets, bool inCustom)
{
    std::string out;
    switch (name) {
    case 'l': addUnique(out, kLower); break;
    case 'u': addUnique(out, kUpper); break;
    case 'd': addUnique(out, kDigits); break;
    case 'h': addUnique(out, "0123456789abcdef"); break;
    case 'H': addUnique(out, "0123456789ABCDEF"); break;
    case 's': addUnique(out, kSymbols); break;
    case 'a':
        addUnique(out, kLower);
        addUnique(out, kUpper);
        addUnique(out, kDigits);
        addUnique(out, kSymbols);
        break;
    case '?': out = "?"; break;
    case '1':
    case '2':
    case '3':
    case '4': {
        const auto index = static_cast<std::size_t>(name - '1');
        if (inCustom || index >= customSets.size() || customSets[index].empty()) {
            return fail(Errc::MalformedToken,
                        fmt::format("?{} is used but custom character set {} is not given", name, name));
        }
        std::string_view spec = customSets[index];
        for (std::size_t i = 0; i < spec.size(); ++i) {
            if (spec[i] == '?' && i + 1 < spec.size()) {
                auto set = classSet(spec[++i], {}, true);
                if (!set) {
                    return std::unexpected(set.error());
                }
                addUnique(out, *set);
            } else if (spec[i] == '?') {
                return fail(Errc::MalformedToken, fmt::format("custom character set {} ends with a lone '?'", name));
            } else {
                addUnique(out, spec.substr(i, 1));
            }
        }
        break;
    }
    default:
        return fail(Errc::MalformedToken,
                    fmt::format("unknown mask class '?{}': use ?l ?u ?d ?h ?H ?s ?a ?1-?4, or ?? for '?'", name));
    }
    return out;
}

// One character set per position of `mask`.
Result<std::vector<std::string>> positions(std::string_view mask, std::span<const std::string> customSets)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < mask.size(); ++i) {
        if (mask[i] != '?') {
            out.emplace_back(1, mask[i]);
            continue;
        }
        if (i + 1 == mask.size()) {
            return fail(Errc::MalformedToken, "the mask ends with a lone '?' (write ?? for a literal '?')", i);
        }
        auto set = classSet(mask[++i], customSets, false);
        if (!set) {
            return std::unexpected(set.error());
        }
        out.push_back(std::move(*set));
    }
    return out;
}

} // namespace

Result<Mask> Mask::fromGroups(std::string text, std::vector<std::vector<std::string>> groups)
{
    Mask mask;
    mask.m_text = std::move(text);
    constexpr std::uint64_t kLimit = std::uint64_t{1} << 62;
    for (auto& positionSets : groups) {
        if (positionSets.size() > kMaxLength) {
            return fail(Errc::MalformedToken, fmt::format("masks are limited to {} positions", kMaxLength));
        }
        std::uint64_t count = 1;
        for (const std::string& set : positionSets) {
            if (count > kLimit / set.size()) {
                return fail(Errc::InputTooLarge, "the mask has more than 2^62 candidates: make it smaller");
            }
            count *= set.size();
        }
        if (mask.m_count > kLimit - count) {
            return fail(Errc::InputTooLarge, "the mask has more than 2^62 candidates: make it smaller");
        }
        mask.m_groups.push_back(Group{std::move(positionSets), mask.m_count, count});
        mask.m_count += count;
    }
    return mask;
}

Result<Mask> Mask::parse(std::string_view mask, std::span<const std::string> customSets)
{
    if (mask.empty()) {
        return fail(Errc::MalformedToken, "the mask is empty");
    }
    auto sets = positions(mask, customSets);
    if (!sets) {
        return std::unexpected(sets.error());
    }
    std::vector<std::vector<std::string>> groups;
    groups.push_back(std::move(*sets));
    return fromGroups(std::string(mask), std::move(groups));
}

Result<Mask> Mask::bruteForce(std::string_view charset, std::size_t minLength, std::size_t maxLength,
                              std::span<const std::string> customSets)
{
    if (charset.empty()) {
        return fail(Errc::MalformedToken, "the character set is empty");
    }
    if (minLength < 1 || minLength > maxLength || maxLength > kMaxLength) {
        return fail(Errc::MalformedToken,
                    fmt::format("the length range {}–{} is not valid: it must lie within 1–{}", minLength, maxLength,
                                kMaxLength));
    }
    auto sets = positions(charset, customSets);
    if (!sets) {
        return std::unexpected(sets.error());
    }
    std::string all;
    for (const std::string& set : *sets) {
        addUnique(all, set);
    }
    std::vector<std::vector<std::string>> groups;
    for (std::size_t length = minLength; length <= maxLength; ++length) {
        groups.emplace_back(length, all);
    }
    return fromGroups(fmt::format("{} × {}–{}", charset, minLength, maxLength), std::move(groups));
}

} // namespace jwtwb::crack
