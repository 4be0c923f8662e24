#include "Error.h"

namespace jwtwb {

std::string_view errcName(Errc code)
{
    switch (code) {
    case Errc::EmptyInput: return "ERR_EMPTY_INPUT";
    case Errc::InputTooLarge: return "ERR_INPUT_TOO_LARGE";
    case Errc::TokenNotFound: return "ERR_TOKEN_NOT_FOUND";
    case Errc::ExtraText: return "ERR_EXTRA_TEXT";
    case Errc::MalformedToken: return "ERR_MALFORMED_TOKEN";
    case Errc::InvalidBase64Url: return "ERR_INVALID_BASE64URL";
    case Errc::InvalidHex: return "ERR_INVALID_HEX";
    case Errc::InvalidUtf8: return "ERR_INVALID_UTF8";
    case Errc::InvalidJson: return "ERR_INVALID_JSON";
    case Errc::NotAJsonObject: return "ERR_NOT_A_JSON_OBJECT";
    case Errc::NestingTooDeep: return "ERR_NESTING_TOO_DEEP";
    case Errc::DuplicateMember: return "ERR_DUPLICATE_MEMBER";
    case Errc::UnsupportedAlgorithm: return "ERR_UNSUPPORTED_ALGORITHM";
    case Errc::AlgorithmNotAllowed: return "ERR_ALGORITHM_NOT_ALLOWED";
    case Errc::KeyMismatch: return "ERR_KEY_MISMATCH";
    case Errc::InvalidKey: return "ERR_INVALID_KEY";
    case Errc::WeakKey: return "ERR_WEAK_KEY";
    case Errc::Crypto: return "ERR_CRYPTO";
    case Errc::Io: return "ERR_IO";
    case Errc::Cancelled: return "ERR_CANCELLED";
    case Errc::PassphraseRequired: return "ERR_PASSPHRASE_REQUIRED";
    case Errc::WrongPassphrase: return "ERR_WRONG_PASSPHRASE";
    case Errc::UnsupportedKey: return "ERR_UNSUPPORTED_KEY";
    case Errc::InvalidPem: return "ERR_INVALID_PEM";
    case Errc::DecryptionFailed: return "ERR_DECRYPTION_FAILED";
    case Errc::DuplicateKey: return "ERR_DUPLICATE_KEY";
    case Errc::KeyNotFound: return "ERR_KEY_NOT_FOUND";
    case Errc::UnsupportedVersion: return "ERR_UNSUPPORTED_VERSION";
    }
    return "ERR_UNKNOWN";
}

} // namespace jwtwb
