// libFuzzer target: the token extractor (the paste finder: headers, URLs, form bodies, token
// responses and other JSON, log lines), with properties: every candidate lies inside the input and
// is the input's text at its offset (a JSON string with escapes, which is not in the text as it
// is, points at its document instead); names are unique and pick() finds each; the chosen one is
// extractToken's; extractOneToken gives a candidate or a clean error.
#include "FuzzCheck.h"
#include "encoding/Base64Url.h"
#include "encoding/JsonMembers.h"
#include "inspect/TokenExtractor.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

using namespace jwtwb;
using fuzz::require;
using inspect::ExtractedToken;
using inspect::TokenSource;

namespace {

void checkCandidate(const ExtractedToken& candidate, std::string_view text)
{
    require(!candidate.token.empty(), "a candidate is not empty");
    require(!candidate.name.empty(), "a candidate has a name");
    require(candidate.offset < text.size(), "a candidate starts inside the input");
    const bool verbatim = candidate.offset + candidate.token.size() <= text.size()
        && text.substr(candidate.offset, candidate.token.size()) == candidate.token;
    if (candidate.source == TokenSource::JsonMember && !verbatim) {
        require(text[candidate.offset] == '{' || text[candidate.offset] == '[',
                "a JSON string not in the text as it is points at its document");
    } else {
        require(verbatim, "a candidate is the input's text at its offset");
    }
    if (candidate.kind) {
        const auto dots = std::ranges::count(candidate.token, '.');
        require(dots == (*candidate.kind == jose::TokenKind::Jws ? 2 : 4), "a JWS has three parts, a JWE five");
    }
    // The kind is the lenient decoder's answer, whichever way the extractor decoded the header: a
    // token has one exactly when it is all base64url (or standard base64) characters and dots, in
    // three or five parts, with a header that is a JSON object.
    const std::string_view token = candidate.token;
    const bool tokenCharacters = std::ranges::all_of(token, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c))
            || std::string_view("-_.=+/").find(c) != std::string_view::npos;
    });
    const auto dots = std::ranges::count(token, '.');
    bool shaped = false;
    if (tokenCharacters && (dots == 2 || dots == 4)) {
        if (const auto header = encoding::base64UrlDecodeLenient(token.substr(0, token.find('.')))) {
            const auto members = encoding::readJsonMembers(asText(header->bytes));
            shaped = members && members->isObject();
        }
    }
    require(candidate.kind.has_value() == shaped,
            "a candidate has a kind exactly when it is three or five parts with a JSON object for a header");
}

bool sameCandidate(const ExtractedToken& a, const ExtractedToken& b)
{
    return a.token == b.token && a.offset == b.offset && a.source == b.source && a.name == b.name;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto found = inspect::extractTokens(text);
    if (!found) {
        require(found.error().code == Errc::EmptyInput, "extraction fails only on empty input");
        require(!inspect::extractToken(text) && !inspect::extractOneToken(text), "so do the other entry points");
        return 0;
    }
    require(!found->candidates.empty() && found->chosen < found->candidates.size(), "a chosen candidate exists");
    std::set<std::string> names;
    for (std::size_t i = 0; i < found->candidates.size(); ++i) {
        const ExtractedToken& candidate = found->candidates[i];
        checkCandidate(candidate, text);
        require(i == 0 || found->candidates[i - 1].offset <= candidate.offset, "candidates come in text order");
        require(names.insert(candidate.name).second, "candidate names are unique");
        const auto picked = found->pick(candidate.name);
        require(picked && sameCandidate(*picked, candidate), "pick() finds every candidate by its name");
    }
    const auto chosen = inspect::extractToken(text);
    require(chosen && sameCandidate(*chosen, found->token()), "extractToken gives the chosen candidate");

    const auto one = inspect::extractOneToken(text);
    if (one) {
        require(sameCandidate(*one, found->token()), "extractOneToken gives the chosen candidate");
    } else {
        require(one.error().code == Errc::ExtraText && !one.error().message.empty(),
                "extractOneToken refuses with ExtraText");
        require(one.error().position && *one.error().position <= text.size(), "its position lies inside the input");
    }
    return 0;
}
