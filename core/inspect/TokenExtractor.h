#pragma once

#include "Error.h"
#include "jose/CompactToken.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jwtwb::inspect {

enum class TokenSource {
    Bare,
    BearerScheme, // "Bearer <token>"
    AuthorizationHeader, // "Authorization: Bearer <token>"
    UrlParameter, // "...#id_token=<token>&..." or "?access_token=<token>"
    FormField, // "grant_type=...&assertion=<token>" (a form body)
    JsonMember, // {"access_token": "<token>", ...}
    Embedded, // found inside other text
};

[[nodiscard]] std::string_view describe(TokenSource source);

struct ExtractedToken {
    std::string token;
    std::size_t offset; // where the token starts in the pasted text
    TokenSource source;
    // Where it came from, unique within one paste: the member or parameter name ("id_token"), a
    // JSON path ("tokens.id_token", "keys[1].jwt"), "Authorization", or "token" when nothing names
    // it. A name found more than once gets "#1", "#2", … in the order of the text, skipping a number
    // that would repeat another candidate's name.
    std::string name = {};
    std::optional<jose::TokenKind> kind = {}; // set when it decodes as a compact JWS or JWE
    // When `token` is the issuer-signed JWT of an SD-JWT (RFC 9901): the whole SD-JWT, from `offset`,
    // `<token>~<disclosure>~…~[<KB-JWT>]`; empty otherwise. `token` stays the compact JWS that every
    // JWS tool reads; the decoder shows the disclosures too.
    std::string sdJwt = {};

    [[nodiscard]] bool isSdJwt() const { return !sdJwt.empty(); }
    [[nodiscard]] std::size_t length() const { return isSdJwt() ? sdJwt.size() : token.size(); } // in the text
};

// Everything in one paste that could be the token, and the one to show.
struct TokenCandidates {
    std::vector<ExtractedToken> candidates; // in the order of the text; never empty
    std::size_t chosen = 0; // index into candidates

    [[nodiscard]] const ExtractedToken& token() const { return candidates[chosen]; }
    [[nodiscard]] const ExtractedToken* find(std::string_view name) const;
    // The candidate named `name` (the chosen one when `name` is empty); Errc::TokenNotFound with
    // the names there are when none has that name.
    [[nodiscard]] Result<ExtractedToken> pick(std::string_view name) const;
    // "access_token, id_token"; the first 20, then "and N more"
    [[nodiscard]] std::string names() const;
};

// Finds the tokens in whatever a user pastes: a bare token, a Bearer value, a whole Authorization
// header, text in quotes, a URL (query and fragment) or form body, a token response or any JSON
// (every string member, nested too), or free text with tokens in it. A candidate is a value that
// decodes as a compact JWS (three parts) or JWE (five parts), or a token-like value under a name
// ending in "token" or "jwt" (an opaque access_token=SlAV32hkKG counts; token_type=Bearer does not).
// The chosen one is the first that decodes, refresh tokens after the others (they are meant for the
// authorization server alone); when none decodes, the first. When nothing looks like a token, the
// trimmed text is the one bare candidate, so that decoding it explains what is wrong.
[[nodiscard]] Result<TokenCandidates> extractTokens(std::string_view pasted);

// The chosen candidate of extractTokens: the single decision every caller takes.
[[nodiscard]] Result<ExtractedToken> extractToken(std::string_view pasted);

// extractTokens(pasted)->pick(name).
[[nodiscard]] Result<ExtractedToken> extractToken(std::string_view pasted, std::string_view name);

// Exactly one token, for verification: bare, a Bearer value, an Authorization header, a URL or
// form parameter, or a member of JSON (a token response). A token found in other text, or with
// characters next to it outside such a wrapper ("…V8?"), is Errc::ExtraText naming them: verifying
// a guess at what was meant would be worse than saying so. decode and lint stay lenient. An SD-JWT
// is Errc::ExtraText too: its disclosures are not covered by the issuer's signature, so verifying
// the JWS alone would vouch for nothing that was disclosed (`jwtwb sd verify` checks them all).
[[nodiscard]] Result<ExtractedToken> extractOneToken(std::string_view pasted, std::string_view name = {});

} // namespace jwtwb::inspect
