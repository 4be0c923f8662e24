// importSecret(), importPem(), importDer() and importKeys() of KeyImport.h; the JWK part is in JwkImport.cpp.

#include "KeyImport.h"
#include "encoding/Text.h"

#include "crypto/WipeJson.h"
#include "encoding/Base64Url.h"
#include "encoding/Hex.h"
#include "encoding/Utf8.h"
#include "keys/KeyText.h"
#include "keys/PemBlock.h"
#include "ossl/Handles.h"
#include "ossl/KeyDecoder.h"
#include "ossl/OsslError.h"
#include "ossl/X509Certificate.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace jwtwb::keys {
namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// ---- secrets -------------------------------------------------------------------------------------

crypto::SecureBytes takeSecret(Bytes& bytes)
{
    crypto::SecureBytes secret{std::span<const std::uint8_t>(bytes)};
    crypto::wipe(bytes);
    return secret;
}

Result<crypto::SecureBytes> decodeSecret(std::string_view text, SecretEncoding encoding)
{
    Result<Bytes> bytes = Bytes();
    std::string_view name = secretEncodingName(encoding);
    switch (encoding) {
    case SecretEncoding::Hex: bytes = encoding::fromHex(text); break;
    case SecretEncoding::Base64: bytes = encoding::base64Decode(text); break;
    case SecretEncoding::Base64Url: bytes = encoding::base64UrlDecode(text); break;
    case SecretEncoding::Utf8:
    case SecretEncoding::Auto: return crypto::SecureBytes(text);
    }
    if (!bytes) {
        return fail(bytes.error().code, fmt::format("the secret is not {}: {}", name, bytes.error().message),
                    bytes.error().position);
    }
    return takeSecret(*bytes);
}

Result<ImportedSecret> utf8Secret(std::string_view text, std::string reason)
{
    if (const auto bad = encoding::findInvalidUtf8(text)) {
        return fail(Errc::InvalidUtf8, fmt::format("the secret is not valid UTF-8 text (byte {})", *bad), *bad);
    }
    return ImportedSecret{Key::fromSecret(crypto::SecureBytes(text)), SecretEncoding::Utf8, std::move(reason)};
}

Result<ImportedSecret> guessSecret(std::string_view text)
{
    const std::string_view body = encoding::trimAsciiSpace(text);
    const bool allHex = !body.empty() && std::all_of(body.begin(), body.end(), isHexDigit);
    if (allHex && body.size() % 2 == 0 && body.size() >= 32) {
        auto bytes = encoding::fromHex(body);
        if (bytes) {
            const std::size_t size = bytes->size();
            return ImportedSecret{
                Key::fromSecret(takeSecret(*bytes)), SecretEncoding::Hex,
                fmt::format("guessed hex: {} hex digits (at least 32, even length) give {} bytes", body.size(), size)};
        }
    }
    std::string note;
    const bool base64Marks = body.find_first_of("=+/") != std::string_view::npos;
    if (base64Marks) {
        auto bytes = encoding::base64Decode(body);
        if (bytes && !bytes->empty() && encoding::base64Encode(*bytes) == body) {
            const std::size_t size = bytes->size();
            return ImportedSecret{
                Key::fromSecret(takeSecret(*bytes)), SecretEncoding::Base64,
                fmt::format("guessed base64: it has '=' padding or '+' / '/' and decodes strictly to {} bytes", size)};
        }
        if (bytes) {
            crypto::wipe(*bytes);
        }
        note = " (it has '=', '+' or '/' but is not strict base64)";
    }
    const bool mixed = std::any_of(body.begin(), body.end(), isUpper) && std::any_of(body.begin(), body.end(), isLower)
        && std::any_of(body.begin(), body.end(), isDigit);
    if (!base64Marks && body.size() >= 43 && mixed) {
        auto bytes = encoding::base64UrlDecode(body);
        if (bytes) {
            const std::size_t size = bytes->size();
            return ImportedSecret{Key::fromSecret(takeSecret(*bytes)), SecretEncoding::Base64Url,
                                  fmt::format("guessed base64url: {} characters mixing upper case, lower case and "
                                              "digits decode strictly to {} bytes",
                                              body.size(), size)};
        }
        note = " (it looks like base64url but is not strict base64url)";
    }
    return utf8Secret(text,
                      fmt::format("taken as UTF-8 text, {} bytes{}: not hex of at least 32 digits, not base64 with "
                                  "padding or '+' / '/', not base64url of at least 43 characters mixing upper case, "
                                  "lower case and digits",
                                  text.size(), note));
}

// ---- PEM and DER -------------------------------------------------------------------------------

enum class BlockKind { Certificate, TrustedCertificate, Key, Parameters, Unsupported };

struct BlockLabel {
    std::string_view label;
    BlockKind kind;
    const char* keyType = nullptr; // narrows OpenSSL's decoders
    const char* structure = nullptr;
    std::string_view why = {}; // for Unsupported
};

constexpr std::array<BlockLabel, 20> kLabels{{
    {"CERTIFICATE", BlockKind::Certificate},
    {"X509 CERTIFICATE", BlockKind::Certificate},
    {"TRUSTED CERTIFICATE", BlockKind::TrustedCertificate},
    {"PUBLIC KEY", BlockKind::Key, nullptr, "SubjectPublicKeyInfo"},
    {"RSA PUBLIC KEY", BlockKind::Key, "RSA", "type-specific"},
    {"PRIVATE KEY", BlockKind::Key, nullptr, "PrivateKeyInfo"},
    {"ENCRYPTED PRIVATE KEY", BlockKind::Key, nullptr, "EncryptedPrivateKeyInfo"},
    {"RSA PRIVATE KEY", BlockKind::Key, "RSA", "type-specific"},
    {"EC PRIVATE KEY", BlockKind::Key, "EC", "type-specific"},
    {"EC PARAMETERS", BlockKind::Parameters},
    {"DSA PARAMETERS", BlockKind::Parameters},
    {"DH PARAMETERS", BlockKind::Parameters},
    {"X9.42 DH PARAMETERS", BlockKind::Parameters},
    {"DSA PRIVATE KEY", BlockKind::Unsupported, nullptr, nullptr, "DSA keys are not used by JOSE"},
    {"OPENSSH PRIVATE KEY", BlockKind::Unsupported, nullptr, nullptr,
     "OpenSSH's own key format is not supported; convert it with 'ssh-keygen -p -m PKCS8 -f FILE'"},
    {"SSH2 PUBLIC KEY", BlockKind::Unsupported, nullptr, nullptr,
     "SSH public keys are not supported; convert them with 'ssh-keygen -e -m PKCS8 -f FILE'"},
    {"CERTIFICATE REQUEST", BlockKind::Unsupported, nullptr, nullptr, "a certificate signing request is not a key"},
    {"NEW CERTIFICATE REQUEST", BlockKind::Unsupported, nullptr, nullptr, "a certificate signing request is not a key"},
    {"PGP PUBLIC KEY BLOCK", BlockKind::Unsupported, nullptr, nullptr, "OpenPGP keys are not supported"},
    {"X509 CRL", BlockKind::Unsupported, nullptr, nullptr, "a certificate revocation list holds no key"},
}};

BlockLabel classify(std::string_view label)
{
    for (const auto& known : kLabels) {
        if (known.label == label) {
            return known;
        }
    }
    return {label, BlockKind::Unsupported, nullptr, nullptr, "this program reads no key from it"};
}

Result<Key> keyFromCertificate(X509* cert)
{
    EVP_PKEY* pkey = X509_get_pubkey(cert); // a new reference, owned by fromPkey
    if (pkey == nullptr) {
        return std::unexpected(
            ossl::cryptoError(Errc::UnsupportedKey, "OpenSSL cannot read the public key of the certificate"));
    }
    auto key = Key::fromPkey(pkey);
    if (!key) {
        return fail(key.error().code, fmt::format("the certificate's key: {}", key.error().message));
    }
    auto info = ossl::certificateInfo(cert);
    if (!info) {
        return std::unexpected(info.error());
    }
    key->setCertificate(std::move(*info));
    return key;
}

// What to say when OpenSSL decoded nothing.
Error decodeError(const ossl::DecodedPkey& decoded, bool encrypted, std::string_view passphrase, std::string what)
{
    if (!decoded.refused.empty()) {
        return Error{Errc::LimitExceeded, decoded.refused};
    }
    if (decoded.passphraseAsked || encrypted) {
        if (passphrase.empty()) {
            return Error{Errc::PassphraseRequired, "the private key is encrypted: a passphrase is needed",
                         decoded.errors};
        }
        return Error{Errc::WrongPassphrase, "wrong passphrase for the encrypted private key", decoded.errors};
    }
    return Error{Errc::InvalidKey, std::move(what), decoded.errors};
}

Result<Key> keyFromDecoded(ossl::DecodedPkey decoded, std::string_view where)
{
    if (decoded.unread > 0) {
        return fail(Errc::InvalidKey,
                    fmt::format("{} has {} octets of unexpected data after the key", where, decoded.unread));
    }
    return Key::fromPkey(decoded.pkey.release());
}

Result<Key> importBlock(const PemBlock& block, std::string_view text, std::string_view passphrase)
{
    const BlockLabel label = classify(block.label);
    const std::string where = fmt::format("the PEM block \"{}\"", block.label);
    switch (label.kind) {
    case BlockKind::Certificate:
    case BlockKind::TrustedCertificate: {
        auto cert = ossl::parseCertificateDer(block.der.span(), label.kind == BlockKind::TrustedCertificate);
        if (!cert) {
            return std::unexpected(
                Error{Errc::InvalidKey,
                      fmt::format("{} is not a readable X.509 certificate ({})", where, cert.error().message),
                      cert.error().detail});
        }
        return keyFromCertificate(cert->get());
    }
    case BlockKind::Parameters:
        return fail(Errc::UnsupportedKey, fmt::format("{} holds parameters, not a key", where), block.begin);
    case BlockKind::Unsupported:
        return fail(Errc::UnsupportedKey, fmt::format("{}: {}", where, label.why), block.begin);
    case BlockKind::Key: break;
    }
    // Legacy encrypted PKCS#1 / SEC1 ("Proc-Type: 4,ENCRYPTED") needs OpenSSL's PEM reader for its
    // headers; everything else goes in as DER, which also takes PEM that OpenSSL's reader would not
    // (one long line, CR LF, stray spaces).
    const bool legacyEncrypted = block.encrypted && block.label != "ENCRYPTED PRIVATE KEY";
    ossl::DecodedPkey decoded = legacyEncrypted
        ? ossl::decodePkey(asBytes(text.substr(block.begin, block.end - block.begin)), "PEM", label.keyType, nullptr,
                           passphrase)
        : ossl::decodePkey(block.der.span(), "DER", label.keyType, label.structure, passphrase);
    if (!decoded.pkey) {
        const bool isPublic = block.label.find("PUBLIC") != std::string::npos;
        return std::unexpected(
            decodeError(decoded, block.encrypted, passphrase,
                        fmt::format("{} does not hold a readable {} key", where, isPublic ? "public" : "private")));
    }
    return keyFromDecoded(std::move(decoded), where);
}

bool isParameters(const PemBlock& block)
{
    return classify(block.label).kind == BlockKind::Parameters;
}

std::unexpected<Error> onlyParameters(const std::vector<PemBlock>& blocks)
{
    return fail(Errc::UnsupportedKey,
                fmt::format("the PEM text holds only parameters (\"{}\"), no key", blocks.front().label));
}

} // namespace

std::string_view secretEncodingName(SecretEncoding encoding)
{
    switch (encoding) {
    case SecretEncoding::Utf8: return "UTF-8";
    case SecretEncoding::Base64: return "base64";
    case SecretEncoding::Base64Url: return "base64url";
    case SecretEncoding::Hex: return "hex";
    case SecretEncoding::Auto: return "auto";
    }
    return "UTF-8";
}

Result<ImportedSecret> importSecret(std::string_view text, SecretEncoding encoding)
{
    if (text.empty() || (encoding != SecretEncoding::Utf8 && encoding::trimAsciiSpace(text).empty())) {
        return fail(Errc::EmptyInput, "the secret is empty");
    }
    if (encoding == SecretEncoding::Auto) {
        return guessSecret(text);
    }
    if (encoding == SecretEncoding::Utf8) {
        return utf8Secret(text, {});
    }
    auto secret = decodeSecret(encoding::trimAsciiSpace(text), encoding);
    if (!secret) {
        return std::unexpected(secret.error());
    }
    if (secret->empty()) {
        return fail(Errc::EmptyInput, "the secret is empty");
    }
    return ImportedSecret{Key::fromSecret(std::move(*secret)), encoding, {}};
}

Result<Key> importPem(std::string_view pem, std::string_view passphrase)
{
    auto blocks = readPemBlocks(pem);
    if (!blocks) {
        return std::unexpected(blocks.error());
    }
    for (const auto& block : *blocks) {
        if (!isParameters(block)) {
            return importBlock(block, pem, passphrase);
        }
    }
    return onlyParameters(*blocks);
}

Result<Key> importDer(std::span<const std::uint8_t> der, std::string_view passphrase)
{
    if (der.empty()) {
        return fail(Errc::EmptyInput, "no DER data");
    }
    if (auto cert = ossl::parseCertificateDer(der)) {
        return keyFromCertificate(cert->get());
    }
    // PKCS#1 RSA public keys first: OpenSSL's generic decoders take their two INTEGERs for DH parameters.
    auto decoded = ossl::decodePkey(der, "DER", "RSA", "type-specific", {});
    if (!decoded.pkey) {
        decoded = ossl::decodePkey(der, "DER", nullptr, nullptr, passphrase);
    }
    if (!decoded.pkey) {
        return std::unexpected(decodeError(decoded, false, passphrase,
                                           "not a DER key or certificate: OpenSSL finds no SubjectPublicKeyInfo, "
                                           "PKCS#8, PKCS#1, SEC1 or X.509 structure in it"));
    }
    return keyFromDecoded(std::move(decoded), "the DER data");
}

Result<std::vector<Key>> importKeys(std::string_view text, std::string_view passphrase)
{
    const std::string_view body = encoding::trimAsciiSpace(text);
    if (body.empty()) {
        return fail(Errc::EmptyInput, "nothing to import");
    }
    std::vector<Key> keys;
    if (body.front() == '{') {
        auto parsed = encoding::parseJson(body);
        if (!parsed) {
            return std::unexpected(parsed.error());
        }
        const crypto::WipeOnExit wiped(parsed->value);
        if (parsed->value.contains("keys")) {
            auto set = importJwks(body);
            if (!set) {
                return std::unexpected(set.error());
            }
            if (set->keys.empty()) {
                std::string reasons;
                for (const auto& reason : set->skipped) {
                    reasons += (reasons.empty() ? "" : "; ") + reason;
                }
                return fail(Errc::UnsupportedKey,
                            fmt::format("the JWK Set holds no usable key{}{}", reasons.empty() ? "" : ": ", reasons));
            }
            return std::move(set->keys);
        }
        auto key = importJwk(body);
        if (!key) {
            return std::unexpected(key.error());
        }
        keys.push_back(std::move(*key));
        return keys;
    }
    if (looksLikePem(text)) {
        auto blocks = readPemBlocks(text);
        if (!blocks) {
            return std::unexpected(blocks.error());
        }
        for (std::size_t i = 0; i < blocks->size(); ++i) {
            const PemBlock& block = (*blocks)[i];
            if (isParameters(block)) {
                continue;
            }
            auto key = importBlock(block, text, passphrase);
            if (!key) {
                if (blocks->size() > 1) {
                    key.error().message = fmt::format("PEM block {}: {}", i + 1, key.error().message);
                }
                return std::unexpected(key.error());
            }
            keys.push_back(std::move(*key));
        }
        if (keys.empty()) {
            return onlyParameters(*blocks);
        }
        return keys;
    }
    // Base64 DER, as in a JWK's x5c or a PEM body without its armour.
    auto der = decodeSpacedBase64(body);
    if (der && der->size() >= 16 && der->front() == 0x30) {
        auto key = importDer(*der, passphrase);
        crypto::wipe(*der);
        if (!key) {
            return std::unexpected(key.error());
        }
        keys.push_back(std::move(*key));
        return keys;
    }
    if (der) {
        crypto::wipe(*der);
    }
    return fail(Errc::InvalidKey,
                "not a key: expected a JWK, a JWK Set, PEM or base64 DER (import an HMAC secret "
                "as a secret)");
}

} // namespace jwtwb::keys
