#pragma once

#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace jwtwb {

// Stable error codes: scripts and tests match on errcName(), never on the message text.
enum class Errc {
    EmptyInput,
    InputTooLarge,
    TokenNotFound,
    ExtraText, // characters next to a token where exactly one token is expected
    MalformedToken,
    InvalidBase64Url,
    InvalidHex,
    InvalidUtf8,
    InvalidJson,
    NotAJsonObject,
    NestingTooDeep,
    DuplicateMember,
    UnsupportedAlgorithm,
    AlgorithmNotAllowed,
    KeyMismatch,
    InvalidKey,
    WeakKey,
    Crypto,
    Io,
    Cancelled,
    PassphraseRequired, // an encrypted private key and no passphrase
    WrongPassphrase,
    UnsupportedKey, // a key type or curve JOSE does not use (DSA, DH, brainpool…)
    InvalidPem,
    DecryptionFailed, // an authentication tag or AES key wrap integrity check failed
    DuplicateKey,
    KeyNotFound,
    UnsupportedVersion, // a file format version this program does not read
    LimitExceeded, // work or output over a cap: a PBES2 iteration count, inflated JWE content
    PathNotFound, // a path into a JSON document (an SD-JWT claim to disclose) names nothing there
};

struct Error {
    Errc code;
    std::string message; // one sentence for the user
    std::string detail = {}; // optional, for "Show details…"
    std::optional<std::size_t> position = {}; // byte offset in the input the message is about
};

template <class T> using Result = std::expected<T, Error>;

[[nodiscard]] std::string_view errcName(Errc code);

// Cold: the compiler moves the paths that end here out of the way of the ones that succeed, so
// that a hot path (verifying token after token) stays in few instruction cache lines.
[[nodiscard, gnu::cold]] inline std::unexpected<Error> fail(Errc code, std::string message,
                                                            std::optional<std::size_t> position = {})
{
    return std::unexpected(Error{code, std::move(message), {}, position});
}

} // namespace jwtwb
