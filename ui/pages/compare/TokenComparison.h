#pragma once

#include "encoding/Json.h"
#include "inspect/TokenDiff.h"
#include "jose/CompactToken.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace jwtwb::ui {

// One side of the Compare page: the token found in what was pasted, or why there is none.
struct ComparedToken {
    std::optional<jose::CompactToken> token;
    QString problem; // no token: the input is empty, holds none, or it does not decode
    QString note; // where it was taken from; that a JWE shows its header only
    int start = 0; // the token's place in the text (UTF-16), for colouring it
    int end = 0;
};

// The Compare page's words, without widgets: what each side holds and how the two differ.
class TokenComparison
{
    Q_DECLARE_TR_FUNCTIONS(TokenComparison)

public:
    // Finds the token as the decoder does (the first that decodes, in any text) and decodes it leniently.
    [[nodiscard]] static ComparedToken read(const QString& text);

    // "RS256 → ES256 · kid a → b"; the same value once ("HS256 · no kid"); a JWE's enc too.
    [[nodiscard]] static QString algorithmLine(const jose::CompactToken& first, const jose::CompactToken& second);
    // "3 changed, 1 added, 1 removed · exp 1 h later", or "Same header and claims".
    [[nodiscard]] static QString summary(const inspect::TokenDiff& diff);
    // "added", "removed", "changed", "same"; a time claim's difference after it ("changed, 1 h later").
    [[nodiscard]] static QString changeText(const inspect::MemberDiff& member);
    // The value as compact JSON, "—" when absent; a time claim with its date ("1300819380 (2011-03-22 18:43:00 UTC)").
    [[nodiscard]] static QString valueText(const inspect::MemberDiff& member,
                                           const std::optional<encoding::Json>& value);
};

} // namespace jwtwb::ui
