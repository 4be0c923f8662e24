#include "Error.h"

namespace jwtwb {

std::string_view errcName(Errc code)
{
    switch (code) {
    case Errc::EmptyInput: return "ERR_INPUT_EMPTY";
    case Errc::InputTooLarge: return "ERR_INPUT_TOO_LARGE";
    case Errc::TokenNotFound: return "ERR_INPUT_TOKEN_NOT_FOUND";
    case Errc::ExtraText: return "ERR_INPUT_EXTRA_TEXT";
    case Errc::MalformedToken: return "ERR_INPUT_MALFORMED_TOKEN";
    case Errc::InvalidBase64Url: return "ERR_INPUT_BASE64URL";
    case Errc::InvalidHex: return "ERR_INPUT_HEX";
    case Errc::InvalidUtf8: return "ERR_INPUT_UTF8";
    case Errc::InvalidJson: return "ERR_INPUT_JSON";
    case Errc::NotAJsonObject: return "ERR_INPUT_NOT_AN_OBJECT";
    case Errc::NestingTooDeep: return "ERR_INPUT_NESTING_TOO_DEEP";
    case Errc::DuplicateMember: return "ERR_INPUT_DUPLICATE_MEMBER";
    case Errc::UnsupportedAlgorithm: return "ERR_ALG_UNSUPPORTED";
    case Errc::AlgorithmNotAllowed: return "ERR_ALG_NOT_ALLOWED";
    case Errc::KeyMismatch: return "ERR_KEY_MISMATCH";
    case Errc::InvalidKey: return "ERR_KEY_INVALID";
    case Errc::WeakKey: return "ERR_KEY_WEAK";
    case Errc::Crypto: return "ERR_CRYPTO_FAILED";
    case Errc::Io: return "ERR_FILE_IO";
    case Errc::Cancelled: return "ERR_TASK_CANCELLED";
    case Errc::PassphraseRequired: return "ERR_KEY_PASSPHRASE_REQUIRED";
    case Errc::WrongPassphrase: return "ERR_KEY_WRONG_PASSPHRASE";
    case Errc::UnsupportedKey: return "ERR_KEY_UNSUPPORTED";
    case Errc::InvalidPem: return "ERR_KEY_INVALID_PEM";
    case Errc::DecryptionFailed: return "ERR_JWE_DECRYPTION_FAILED";
    case Errc::DuplicateKey: return "ERR_KEYSTORE_DUPLICATE_KEY";
    case Errc::KeyNotFound: return "ERR_KEYSTORE_KEY_NOT_FOUND";
    case Errc::UnsupportedVersion: return "ERR_FILE_UNSUPPORTED_VERSION";
    case Errc::LimitExceeded: return "ERR_INPUT_LIMIT_EXCEEDED";
    case Errc::PathNotFound: return "ERR_INPUT_PATH_NOT_FOUND";
    }
    return "ERR_UNKNOWN";
}

} // namespace jwtwb
