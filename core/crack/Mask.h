#pragma once

#include "Error.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::crack {

// The candidates of a mask attack, in a fixed order, addressable by index so that threads can
// split them. Two ways to make one:
//
// parse("secret?d?d")  hashcat mask: one character set per position, so exactly one length.
//                      ?l a–z, ?u A–Z, ?d 0–9, ?h 0–9a–f, ?H 0–9A–F, ?s the 33 printable ASCII
//                      symbols and space, ?a = ?l?u?d?s (95), ?1…?4 custom sets, ?? a literal '?';
//                      every other byte stands for itself.
// bruteForce("?l?d", 1, 6)  every string of length 1 to 6 over the union of the classes and
//                      literal bytes given (here a–z and 0–9: 36 + 36² + … + 36⁶ candidates).
//                      This is what `jwtwb crack --mask ?l?d --min-len 1 --max-len 6` means.
//
// Shorter lengths come first; within a length the last position changes fastest. A mask that
// cannot be used is Errc::MalformedToken (too many candidates: Errc::InputTooLarge).
class Mask
{
public:
    static constexpr std::size_t kMaxLength = 64;

    [[nodiscard]] static Result<Mask> parse(std::string_view mask, std::span<const std::string> customSets = {});
    [[nodiscard]] static Result<Mask> bruteForce(std::string_view charset, std::size_t minLength, std::size_t maxLength,
                                                 std::span<const std::string> customSets = {});

    [[nodiscard]] std::uint64_t count() const { return m_count; }
    [[nodiscard]] const std::string& text() const { return m_text; } // as given, for reports

    // Calls `consume(std::string_view)` for the candidates with indexes in [begin, end), in order,
    // until it returns false. Returns false when it was stopped.
    template <class Consume> bool forEach(std::uint64_t begin, std::uint64_t end, Consume&& consume) const;

private:
    struct Group { // all candidates of one length
        std::vector<std::string> positions; // the character set of each position
        std::uint64_t first; // global index of the group's first candidate
        std::uint64_t count;
    };

    [[nodiscard]] static Result<Mask> fromGroups(std::string text, std::vector<std::vector<std::string>> groups);

    std::string m_text;
    std::vector<Group> m_groups;
    std::uint64_t m_count = 0;
};

template <class Consume> bool Mask::forEach(std::uint64_t begin, std::uint64_t end, Consume&& consume) const
{
    char candidate[kMaxLength];
    std::size_t digits[kMaxLength];
    for (const Group& group : m_groups) {
        const std::uint64_t groupEnd = group.first + group.count;
        if (groupEnd <= begin || group.first >= end) {
            continue;
        }
        const std::size_t length = group.positions.size();
        std::uint64_t index = std::max(begin, group.first) - group.first;
        const std::uint64_t stop = std::min(end, groupEnd) - group.first;
        // The starting index as digits, last position least significant.
        std::uint64_t rest = index;
        for (std::size_t i = length; i-- > 0;) {
            const std::string& set = group.positions[i];
            digits[i] = rest % set.size();
            rest /= set.size();
            candidate[i] = set[digits[i]];
        }
        for (; index < stop; ++index) {
            if (!consume(std::string_view(candidate, length))) {
                return false;
            }
            for (std::size_t i = length; i-- > 0;) { // odometer
                const std::string& set = group.positions[i];
                if (++digits[i] < set.size()) {
                    candidate[i] = set[digits[i]];
                    break;
                }
                digits[i] = 0;
                candidate[i] = set[0];
            }
        }
    }
    return true;
}

} // namespace jwtwb::crack
