#pragma once

#include <array>
#include <string>
#include <string_view>

namespace jwtwb::crack {

// The variants `--rules` tries for every word of a list, in this order:
//   the word as it is, lowercase, Capitalised (first letter upper, the rest lower) and UPPERCASE,
//   each form once (a form equal to an earlier one is skipped);
//   then each form followed by each suffix of kSuffixes.
// Case changes touch ASCII letters only. At most 4 × (1 + 32) = 132 guesses per word.
class WordRules
{
public:
    static constexpr std::array<std::string_view, 32> kSuffixes = {
        "1",  "12", "123",  "1234", "12345", "123456", "!",    "!!",   "1!",   "123!", "@",
        "#",  "$",  "?",    ".",    "*",     "_",      "-",    "0",    "00",   "01",   "007",
        "69", "99", "2020", "2021", "2022",  "2023",   "2024", "2025", "2026", "2027",
    };
    static constexpr std::size_t kMaxVariants = 4 * (1 + kSuffixes.size());

    // Buffers reused from word to word, so that no word allocates once they have grown.
    struct Scratch {
        std::array<std::string, 4> forms;
        std::string candidate;
    };

    // Calls `consume(std::string_view)` for each variant of `word` until it returns false;
    // returns false when it was stopped.
    template <class Consume> static bool forEach(std::string_view word, Scratch& scratch, Consume&& consume);

private:
    enum class Form { AsIs, Lower, Capitalised, Upper };
    static void apply(Form form, std::string_view word, std::string& out);
};

inline void WordRules::apply(Form form, std::string_view word, std::string& out)
{
    out.assign(word);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const char c = out[i];
        const bool upper = form == Form::Upper || (form == Form::Capitalised && i == 0);
        if (form == Form::AsIs) {
            break;
        }
        if (upper && c >= 'a' && c <= 'z') {
            out[i] = static_cast<char>(c - 'a' + 'A');
        } else if (!upper && c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c - 'A' + 'a');
        }
    }
}

template <class Consume> bool WordRules::forEach(std::string_view word, Scratch& scratch, Consume&& consume)
{
    constexpr std::array kForms = {Form::AsIs, Form::Lower, Form::Capitalised, Form::Upper};
    std::size_t formCount = 0;
    for (const Form form : kForms) {
        std::string& current = scratch.forms[formCount];
        apply(form, word, current);
        bool seen = false;
        for (std::size_t i = 0; i < formCount; ++i) {
            seen = seen || scratch.forms[i] == current;
        }
        if (seen) {
            continue;
        }
        ++formCount;
        if (!consume(std::string_view(current))) {
            return false;
        }
    }
    for (const std::string_view suffix : kSuffixes) {
        for (std::size_t i = 0; i < formCount; ++i) {
            scratch.candidate.assign(scratch.forms[i]);
            scratch.candidate.append(suffix);
            if (!consume(std::string_view(scratch.candidate))) {
                return false;
            }
        }
    }
    return true;
}

} // namespace jwtwb::crack
