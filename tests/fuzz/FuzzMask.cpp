// libFuzzer target: the secret search's candidate generators, Mask (hashcat masks and brute force)
// and WordRules, checked against a model built position by position: a bad mask is an error with
// a code, a good one has as many candidates as the product (sum) of its sets' sizes, and its first
// and last candidates are the ones that count implies. Input: the mask on the first line, custom
// sets ?1…?4 on the next ones; every line is also a word for WordRules.
#include "FuzzCheck.h"
#include "crack/Mask.h"
#include "crack/WordRules.h"
#include "encoding/Text.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace jwtwb;
using crack::Mask;
using fuzz::require;

namespace {

constexpr std::uint64_t kLimit = std::uint64_t{1} << 62; // Mask's most candidates
constexpr std::uint64_t kChecked = 64; // candidates enumerated at each end
using Wide = unsigned __int128; // counts that may pass 2^64 before the limit is checked
constexpr Wide kTooMany = Wide{kLimit} + 1; // where the model's counts stop growing

std::vector<std::string> candidates(const Mask& mask, std::uint64_t begin, std::uint64_t end)
{
    std::vector<std::string> out;
    require(mask.forEach(begin, end,
                         [&](std::string_view candidate) {
                             out.emplace_back(candidate);
                             return true;
                         }),
            "forEach runs to the end unless stopped");
    return out;
}

// The character set of one mask position ("?d", "x"), read by Mask itself: a mask of one position.
Result<std::string> positionSet(std::string_view token, std::span<const std::string> customSets)
{
    auto one = Mask::parse(token, customSets);
    if (!one) {
        return std::unexpected(one.error());
    }
    std::string set;
    for (const std::string& candidate : candidates(*one, 0, one->count())) {
        require(candidate.size() == 1, "a one-position mask gives one-character candidates");
        set += candidate;
    }
    require(set.size() == one->count(), "a one-position mask counts its set");
    require(std::set<char>(set.begin(), set.end()).size() == set.size(), "a position's set has no repeats");
    if (token.size() == 1) {
        require(set == token, "a literal stands for itself");
    } else if (token[1] != '1' && token[1] != '2' && token[1] != '3' && token[1] != '4') {
        const std::string_view sizes = "l26u26d10h16H16s33a95?1"; // ?x and its size
        const std::size_t at = sizes.find(token[1]);
        require(at != std::string_view::npos, "only known classes parse");
        require(std::to_string(set.size()) == sizes.substr(at + 1, token[1] == '?' ? 1 : 2), "a class has its size");
    }
    return set;
}

// The candidate at `index` of all strings of length `length` over `sets` (last position fastest).
std::string candidateAt(const std::vector<std::string>& sets, std::uint64_t index)
{
    std::string out(sets.size(), '\0');
    for (std::size_t i = sets.size(); i-- > 0;) {
        out[i] = sets[i][index % sets[i].size()];
        index /= sets[i].size();
    }
    return out;
}

// Mask's candidates at both ends against the groups' model; each group is one length's sets.
void checkEnumeration(const Mask& mask, const std::vector<std::vector<std::string>>& groups)
{
    const auto at = [&](std::uint64_t index) {
        for (const auto& sets : groups) {
            std::uint64_t count = 1;
            for (const std::string& set : sets) {
                count *= set.size();
            }
            if (index < count) {
                return candidateAt(sets, index);
            }
            index -= count;
        }
        require(false, "an index inside the count falls into a group");
        return std::string();
    };
    const std::uint64_t head = std::min(mask.count(), kChecked);
    const auto first = candidates(mask, 0, head);
    require(first.size() == head, "forEach gives as many candidates as asked for");
    for (std::uint64_t i = 0; i < head; ++i) {
        require(first[i] == at(i), "the first candidates are the model's");
    }
    const std::uint64_t tail = mask.count() - std::min(mask.count(), kChecked);
    const auto last = candidates(mask, tail, mask.count());
    for (std::uint64_t i = 0; i < last.size(); ++i) {
        require(last[i] == at(tail + i), "the last candidates are the model's");
    }
    require(candidates(mask, mask.count(), mask.count() + 10).empty(), "nothing lies past the count");
    std::uint64_t calls = 0;
    require(!mask.forEach(0, mask.count(), [&](std::string_view) { return ++calls < 3; }) || mask.count() < 3,
            "forEach stops when told to");
}

// The mask as positions: "?x" pairs and single bytes; nullopt for a lone '?' at the end.
std::optional<std::vector<std::string>> tokens(std::string_view mask)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < mask.size(); ++i) {
        if (mask[i] == '?' && i + 1 == mask.size()) {
            return std::nullopt;
        }
        out.emplace_back(mask.substr(i, mask[i] == '?' ? 2 : 1));
        i += out.back().size() - 1;
    }
    return out;
}

void checkParse(std::string_view text, std::span<const std::string> customSets)
{
    const auto mask = Mask::parse(text, customSets);
    const auto positions = tokens(text);
    if (text.empty() || !positions) {
        require(!mask && mask.error().code == Errc::MalformedToken, "an empty mask or a lone '?' is malformed");
        return;
    }
    std::vector<std::string> sets;
    Wide count = 1;
    for (const std::string& token : *positions) {
        auto set = positionSet(token, customSets);
        if (!set) {
            require(!mask && mask.error().code == set.error().code, "a bad position makes the mask bad");
            return;
        }
        count = std::min<Wide>(count * set->size(), kTooMany);
        sets.push_back(std::move(*set));
    }
    if (sets.size() > Mask::kMaxLength) {
        require(!mask && mask.error().code == Errc::MalformedToken, "a mask over kMaxLength positions is malformed");
    } else if (count > kLimit) {
        require(!mask && mask.error().code == Errc::InputTooLarge, "a mask over 2^62 candidates is too large");
    } else {
        require(mask && mask->count() == count, "a mask's count is the product of its sets' sizes");
        checkEnumeration(*mask, {sets});
    }
}

void checkBruteForce(std::string_view charset, std::size_t minLength, std::size_t maxLength,
                     std::span<const std::string> customSets)
{
    const auto mask = Mask::bruteForce(charset, minLength, maxLength, customSets);
    const auto positions = tokens(charset);
    if (charset.empty() || minLength < 1 || minLength > maxLength || maxLength > Mask::kMaxLength || !positions) {
        require(!mask && mask.error().code == Errc::MalformedToken, "a bad charset or length range is malformed");
        return;
    }
    std::string all; // the union of the sets, in the order of first appearance
    for (const std::string& token : *positions) {
        auto set = positionSet(token, customSets);
        if (!set) {
            require(!mask && mask.error().code == set.error().code, "a bad class makes the charset bad");
            return;
        }
        for (const char c : *set) {
            if (all.find(c) == std::string::npos) {
                all += c;
            }
        }
    }
    Wide count = 0;
    Wide power = 1;
    std::vector<std::vector<std::string>> groups;
    for (std::size_t length = 1; length <= maxLength; ++length) {
        power = std::min<Wide>(power * all.size(), kTooMany);
        if (length >= minLength) {
            count = std::min<Wide>(count + power, kTooMany);
            groups.emplace_back(length, all);
        }
    }
    if (count > kLimit) {
        require(!mask && mask.error().code == Errc::InputTooLarge, "a brute force over 2^62 candidates is too large");
    } else {
        require(mask && mask->count() == count, "a brute force counts n^min + … + n^max candidates");
        checkEnumeration(*mask, groups);
    }
}

void checkRules(std::string_view word)
{
    crack::WordRules::Scratch scratch;
    std::vector<std::string> variants;
    require(crack::WordRules::forEach(word, scratch,
                                      [&](std::string_view variant) {
                                          variants.emplace_back(variant);
                                          return true;
                                      }),
            "WordRules runs to the end unless stopped");
    require(!variants.empty() && variants.front() == word, "the first variant is the word itself");
    const std::size_t forms = variants.size() / (1 + crack::WordRules::kSuffixes.size());
    require(forms >= 1 && forms <= 4 && variants.size() == forms * (1 + crack::WordRules::kSuffixes.size()),
            "every form gets every suffix");
    require(std::set<std::string>(variants.begin(), variants.end()).size() == variants.size(), "variants differ");
    for (const std::string& variant : variants) {
        require(variant.size() >= word.size()
                    && encoding::equalsIgnoringAsciiCase(variant.substr(0, word.size()), word),
                "a variant starts with the word in some case");
    }
    std::size_t calls = 0;
    require(!crack::WordRules::forEach(word, scratch, [&](std::string_view) { return ++calls < 5; }) && calls == 5,
            "WordRules stops when told to");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 4096) {
        return 0; // a mask is a line; enumeration costs grow with it
    }
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> lines;
    for (std::size_t begin = 0; begin <= text.size();) {
        const std::size_t end = std::min(text.find('\n', begin), text.size());
        lines.emplace_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    const std::string mask = lines.front();
    const std::vector<std::string> customSets(lines.begin() + 1,
                                              lines.begin() + std::min<std::size_t>(lines.size(), 5));
    checkParse(mask, customSets);
    // Lengths from the input's size, so that the fuzzer reaches every range.
    checkBruteForce(mask, size % 4, size % 4 + (size / 4) % 6, customSets);
    for (std::size_t i = 0; i < lines.size() && i < 8; ++i) {
        checkRules(lines[i]);
    }
    return 0;
}
