#pragma once

#include "Error.h"

#include <string>
#include <string_view>

namespace jwtwb::jose {

enum class TokenSource {
    Bare,
    BearerScheme, // "Bearer <token>"
    AuthorizationHeader, // "Authorization: Bearer <token>"
    UrlParameter, // "...#id_token=<token>&..." or "?access_token=<token>"
    JsonMember, // {"access_token": "<token>", ...}
    Embedded, // found inside other text
};

[[nodiscard]] std::string_view describe(TokenSource source);

struct ExtractedToken {
    std::string token;
    std::size_t offset; // where the token starts in the pasted text
    TokenSource source;
};

// Finds the token in whatever a user pastes: a bare token, a Bearer value, a whole Authorization
// header, text in quotes, a URL or fragment with id_token=/access_token=, or a token response in
// JSON. When nothing looks like a token, the trimmed text is returned as a bare token, so that
// decoding it explains what is wrong.
[[nodiscard]] Result<ExtractedToken> extractToken(std::string_view pasted);

} // namespace jwtwb::jose
