#include "KeyReader.h"

#include "crypto/SecureBytes.h"
#include "crypto/WipeJson.h"
#include "encoding/Json.h"
#include "encoding/Text.h"
#include "encoding/Utf8.h"
#include "keys/KeyText.h"
#include "keys/PemBlock.h"

#include <fmt/format.h>

namespace jwtwb::keys {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kPemBegin = "-----BEGIN ";
constexpr std::string_view kDashes = "-----";

std::string counted(std::size_t n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string_view kindName(KeyTextKind kind)
{
    switch (kind) {
    case KeyTextKind::Pem: return "PEM";
    case KeyTextKind::Der: return "DER";
    case KeyTextKind::Base64Der: return "base64 DER";
    case KeyTextKind::Jwk: return "a JWK";
    case KeyTextKind::Jwks: return "a JWK Set";
    case KeyTextKind::Other: break;
    }
    return "text";
}

// "an RSA 2048-bit private key", "an EC P-256 public key from the X.509 certificate for "CN=…"",
// "an HMAC secret of 32 bytes".
std::string keyPhrase(const Key& key)
{
    if (key.type() == KeyType::Oct) {
        return fmt::format("an HMAC secret of {}", counted(key.secret().size(), "byte", "bytes"));
    }
    // RSA, EC, Ed25519, Ed448, X25519 and X448 all begin with a vowel sound.
    std::string phrase = "an " + key.describe();
    if (const auto& certificate = key.certificate()) {
        phrase += fmt::format(" from the X.509 certificate for \"{}\"", certificate->subject);
    }
    return phrase;
}

// The structure a PEM label stands for; empty for certificates, which keyPhrase() names.
std::string pemStructure(const PemBlock& block)
{
    const std::string& label = block.label;
    if (label == "PUBLIC KEY") {
        return "SubjectPublicKeyInfo";
    }
    if (label == "RSA PUBLIC KEY") {
        return "PKCS#1";
    }
    if (label == "PRIVATE KEY") {
        return "PKCS#8";
    }
    if (label == "ENCRYPTED PRIVATE KEY") {
        return "encrypted PKCS#8";
    }
    if (label == "RSA PRIVATE KEY") {
        return block.encrypted ? "legacy-encrypted PKCS#1" : "PKCS#1";
    }
    if (label == "EC PRIVATE KEY") {
        return block.encrypted ? "legacy-encrypted SEC1" : "SEC1";
    }
    if (label.find("CERTIFICATE") != std::string::npos) {
        return {};
    }
    return fmt::format("\"{}\"", label);
}

// ---- what people paste instead of a key -----------------------------------------------------

// A compact JWS or JWE, alone or as "Bearer …": its number of parts, or 0.
std::size_t tokenParts(std::string_view text)
{
    constexpr std::string_view kBearer = "Bearer ";
    if (encoding::startsWithIgnoringAsciiCase(text, kBearer)) {
        text = encoding::trimAsciiSpace(text.substr(kBearer.size()));
    }
    if (!text.starts_with("eyJ")) { // base64url of '{"'
        return 0;
    }
    std::size_t dots = 0;
    for (const char c : text) {
        if (c == '.') {
            ++dots;
        } else if (!encoding::isAsciiAlnum(c) && c != '-' && c != '_') {
            return 0;
        }
    }
    return dots == 2 || dots == 4 ? dots + 1 : 0;
}

// The key type of an OpenSSH public key line ("ssh-ed25519 AAAAC3Nza… comment"), or empty.
std::string_view sshPublicKeyType(std::string_view text)
{
    const auto space = text.find(' ');
    if (space == std::string_view::npos) {
        return {};
    }
    const std::string_view type = text.substr(0, space);
    const bool sshType = type.starts_with("ssh-") || type.starts_with("ecdsa-sha2-") || type.starts_with("sk-");
    // Every key blob starts with the length of its type name, 0x000000xx: "AAAA" in base64.
    return sshType && text.substr(space + 1).starts_with("AAAA") ? type : std::string_view();
}

// The label of the first PEM block if it is OpenPGP armour ("PGP PUBLIC KEY BLOCK"), or empty.
std::string_view pgpLabel(std::string_view text)
{
    const auto begin = text.find(kPemBegin);
    if (begin == std::string_view::npos || !text.substr(begin + kPemBegin.size()).starts_with("PGP ")) {
        return {};
    }
    const std::string_view rest = text.substr(begin + kPemBegin.size());
    return rest.substr(0, rest.find(kDashes));
}

constexpr std::string_view kOpenSshConversion
    = "convert it to PKCS#8 with 'ssh-keygen -p -m PKCS8 -f FILE' (this rewrites FILE in place)";

// A refusal for input that is recognisably not a key, or nullopt.
std::optional<Error> recogniseNonKey(std::string_view body)
{
    if (const std::size_t parts = tokenParts(body)) {
        return Error{Errc::InvalidKey,
                     parts == 3 ? "this is a token, not a key: a JWS in compact form (header.payload.signature); give "
                                  "the key that verifies it"
                                : "this is a token, not a key: a JWE in compact form (five parts); give the key that "
                                  "decrypts it"};
    }
    if (const std::string_view type = sshPublicKeyType(body); !type.empty()) {
        if (type.find("ed25519") != std::string_view::npos) {
            return Error{Errc::UnsupportedKey,
                         fmt::format("an OpenSSH public key (\"{} AAAA…\"), which this program does not read, and "
                                     "ssh-keygen cannot convert Ed25519 public keys to PEM: convert the private key "
                                     "instead with 'ssh-keygen -p -m PKCS8 -f FILE' (OpenSSH 10.3 or later) and use "
                                     "its public half",
                                     type)};
        }
        return Error{Errc::UnsupportedKey,
                     fmt::format("an OpenSSH public key (\"{} AAAA…\"), which this program does not read: convert it "
                                 "to PEM with 'ssh-keygen -e -m PKCS8 -f FILE'",
                                 type)};
    }
    if (body.starts_with("---- BEGIN SSH2 PUBLIC KEY ----")) {
        return Error{Errc::UnsupportedKey,
                     "an SSH2 public key (RFC 4716), which this program does not read: convert it with 'ssh-keygen -i "
                     "-f FILE > key.pub', then 'ssh-keygen -e -m PKCS8 -f key.pub'"};
    }
    if (const std::string_view label = pgpLabel(body); !label.empty()) {
        return Error{Errc::UnsupportedKey,
                     fmt::format("an OpenPGP block (\"{}\"): OpenPGP keys are not supported; "
                                 "give the key as PEM, DER or a JWK",
                                 label)};
    }
    return std::nullopt;
}

Error openSshPrivateKey(const PemBlock& block)
{
    // The public key in the (never encrypted) header names the type, e.g. "ssh-ed25519".
    if (asText(block.der.span()).find("ssh-ed25519") != std::string_view::npos) {
        return Error{Errc::UnsupportedKey,
                     fmt::format("an OpenSSH private key (Ed25519): OpenSSH's own key format is not supported; {}; "
                                 "for Ed25519 keys that needs OpenSSH 10.3 or later (older versions report success "
                                 "and leave the file as it was)",
                                 kOpenSshConversion)};
    }
    return Error{
        Errc::UnsupportedKey,
        fmt::format("an OpenSSH private key: OpenSSH's own key format is not supported; {}", kOpenSshConversion)};
}

// ---- the formats ----------------------------------------------------------------------------------

KeyReading single(Key key, KeyInputKind found, std::string description)
{
    KeyReading reading;
    reading.keys.push_back(std::move(key));
    reading.found = found;
    reading.description = std::move(description);
    return reading;
}

Result<KeyReading> readSecret(std::string_view text, SecretEncoding encoding)
{
    auto imported = importSecret(text, encoding);
    if (!imported) {
        return std::unexpected(std::move(imported.error()));
    }
    const std::size_t size = imported->key.secret().size();
    KeyReading reading = single(std::move(imported->key), KeyInputKind::Secret,
                                fmt::format("an HMAC secret: {}, written in {}", counted(size, "byte", "bytes"),
                                            secretEncodingName(imported->encoding)));
    reading.secretEncoding = imported->encoding;
    if (!imported->reason.empty()) {
        reading.notes.push_back(std::move(imported->reason));
    }
    // The algorithm-confusion attack starts like this; the verifier refuses it, this says it first.
    if (const KeyTextKind kind = classifyKeyText(text); kind != KeyTextKind::Other) {
        reading.notes.push_back(
            fmt::format("this text is {}, taken as the secret's bytes because a secret was asked for", kindName(kind)));
    }
    return reading;
}

Result<KeyReading> readDer(std::span<const std::uint8_t> der, KeyInputKind found, std::string_view passphrase)
{
    auto key = importDer(der, passphrase);
    if (!key) {
        return std::unexpected(std::move(key.error()));
    }
    std::string description
        = fmt::format("{} ({})", keyPhrase(*key), found == KeyInputKind::Der ? "DER" : "base64 DER");
    return single(std::move(*key), found, std::move(description));
}

Result<KeyReading> readBase64Der(std::string_view body, std::string_view passphrase)
{
    auto der = decodeSpacedBase64(body);
    if (!der) {
        return fail(Errc::InvalidKey, "not a key: the base64 text does not decode");
    }
    auto reading = readDer(*der, KeyInputKind::Base64Der, passphrase);
    crypto::wipe(*der);
    return reading;
}

Result<KeyReading> readPem(std::string_view text, std::string_view passphrase)
{
    auto blocks = readPemBlocks(text);
    if (!blocks) {
        return std::unexpected(std::move(blocks.error()));
    }
    KeyReading reading;
    reading.found = KeyInputKind::Pem;
    std::vector<std::string> structures;
    for (std::size_t i = 0; i < blocks->size(); ++i) {
        const PemBlock& block = (*blocks)[i];
        if (block.label == "OPENSSH PRIVATE KEY") {
            return std::unexpected(openSshPrivateKey(block));
        }
        if (block.label.ends_with(" PARAMETERS")) {
            continue; // "EC PARAMETERS" before "EC PRIVATE KEY", as openssl ecparam -genkey writes it
        }
        auto key = importPem(text.substr(block.begin, block.end - block.begin), passphrase);
        if (!key) {
            Error error = std::move(key.error());
            if (blocks->size() > 1) {
                error.message = fmt::format("PEM block {}: {}", i + 1, error.message);
            }
            if (error.position) {
                *error.position += block.begin;
            }
            return std::unexpected(std::move(error));
        }
        structures.push_back(pemStructure(block));
        reading.keys.push_back(std::move(*key));
    }
    if (reading.keys.empty()) {
        return fail(Errc::UnsupportedKey,
                    fmt::format("the PEM text holds only parameters (\"{}\"), no key", blocks->front().label));
    }
    if (reading.keys.size() == 1) {
        const std::string& structure = structures.front();
        reading.description
            = fmt::format("{} ({}PEM)", keyPhrase(reading.keys.front()), structure.empty() ? "" : structure + ", ");
        return reading;
    }
    reading.isSet = true;
    std::string list;
    for (std::size_t i = 0; i < reading.keys.size(); ++i) {
        list += fmt::format("{}{}{}", i ? "; " : "", keyPhrase(reading.keys[i]),
                            structures[i].empty() ? "" : fmt::format(" ({})", structures[i]));
    }
    reading.description = fmt::format("PEM with {}: {}", counted(reading.keys.size(), "key", "keys"), list);
    return reading;
}

Result<KeyReading> readJwk(std::string_view body)
{
    auto key = importJwk(body);
    if (!key) {
        return std::unexpected(std::move(key.error()));
    }
    const std::string& kid = key->parameters().kid;
    std::string description
        = fmt::format("{} (JWK{})", keyPhrase(*key), kid.empty() ? "" : fmt::format(", kid \"{}\"", kid));
    return single(std::move(*key), KeyInputKind::Jwk, std::move(description));
}

Result<KeyReading> readJwks(std::string_view body)
{
    auto set = importJwks(body);
    if (!set) {
        return std::unexpected(std::move(set.error()));
    }
    if (set->keys.empty()) {
        if (set->skipped.empty()) {
            return fail(Errc::UnsupportedKey, "the JWK Set holds no keys: its \"keys\" array is empty");
        }
        std::string reasons;
        for (const auto& reason : set->skipped) {
            reasons += (reasons.empty() ? "" : "; ") + reason;
        }
        return fail(Errc::UnsupportedKey, fmt::format("the JWK Set holds no usable key: {}", reasons));
    }
    KeyReading reading;
    reading.found = KeyInputKind::Jwks;
    reading.isSet = true;
    reading.description = set->skipped.empty()
        ? fmt::format("a JWK Set: {}", counted(set->keys.size(), "key", "keys"))
        : fmt::format("a JWK Set: {}, {} skipped", counted(set->keys.size(), "usable key", "usable keys"),
                      set->skipped.size());
    reading.keys = std::move(set->keys);
    reading.skipped = std::move(set->skipped);
    return reading;
}

// Input that classifyKeyText() finds no key in: say what it is, as precisely as can be told.
Result<KeyReading> readOther(std::span<const std::uint8_t> input, std::string_view body, std::string_view passphrase)
{
    const std::string_view text = asText(input);
    if (text.find('\0') != std::string_view::npos || encoding::findInvalidUtf8(text)) {
        if (input.front() == 0x30) {
            // A SEQUENCE, but not exactly one: importDer says what is wrong (octets after the key…).
            return readDer(input, KeyInputKind::Der, passphrase);
        }
        return fail(Errc::InvalidKey,
                    fmt::format("not a key: binary data that is not DER (a DER key or certificate begins with the "
                                "byte 0x30, this with 0x{:02X})",
                                input.front()));
    }
    if (body.front() == '{') {
        auto parsed = encoding::parseJson(body);
        if (!parsed) {
            return std::unexpected(std::move(parsed.error())); // where the JSON is broken
        }
        crypto::wipe(parsed->value);
        return fail(Errc::InvalidKey,
                    "a JSON object that is not a key: a JWK has a \"kty\" member, a JWK Set a \"keys\" array");
    }
    if (body.front() == '[') {
        return fail(Errc::InvalidKey, "a JSON array, not a key: a JWK Set is an object, {\"keys\": [ … ]}");
    }
    // Base64 of a SEQUENCE that is no key, or of one shorter than any key: importDer says which.
    if (auto der = decodeSpacedBase64(body)) {
        const bool sequence = der->size() >= 16 && der->front() == 0x30;
        crypto::wipe(*der);
        if (sequence) {
            return readBase64Der(body, passphrase);
        }
    }
    return fail(Errc::InvalidKey,
                "not a key: expected PEM, DER (binary or base64), a JWK or a JWK Set (an HMAC secret is given as a "
                "secret, not as a key)");
}

Result<KeyReading> readKeyMaterial(std::span<const std::uint8_t> input, std::string_view passphrase)
{
    const std::string_view text = asText(input);
    const std::string_view body = encoding::trimAsciiSpace(text);
    if (body.empty()) {
        return fail(Errc::EmptyInput, "the key input is empty");
    }
    if (auto refusal = recogniseNonKey(body)) {
        return std::unexpected(std::move(*refusal));
    }
    switch (classifyKeyText(input)) {
    case KeyTextKind::Der: return readDer(input, KeyInputKind::Der, passphrase);
    case KeyTextKind::Base64Der: return readBase64Der(body, passphrase);
    case KeyTextKind::Pem: return readPem(text, passphrase);
    case KeyTextKind::Jwk: return readJwk(body);
    case KeyTextKind::Jwks: return readJwks(body);
    case KeyTextKind::Other: break;
    }
    return readOther(input, body, passphrase);
}

} // namespace

Result<KeyReading> readKeys(std::span<const std::uint8_t> input, const KeyReadOptions& options)
{
    if (input.size() > kMaxKeyInputSize) {
        return fail(Errc::InputTooLarge,
                    fmt::format("the input is larger than 1 MiB ({} bytes): that is not a key", input.size()));
    }
    if (options.secretEncoding) {
        return readSecret(asText(input), *options.secretEncoding); // its bytes as they are, a BOM too
    }
    // Notepad's byte order mark would hide a PEM or JSON file from classifyKeyText().
    if (!asText(input).starts_with(kUtf8Bom)) {
        return readKeyMaterial(input, options.passphrase);
    }
    auto reading = readKeyMaterial(input.subspan(kUtf8Bom.size()), options.passphrase);
    if (!reading && reading.error().position) {
        *reading.error().position += kUtf8Bom.size(); // positions are in the caller's input
    }
    return reading;
}

Result<KeyReading> readKeys(std::string_view input, const KeyReadOptions& options)
{
    return readKeys(asBytes(input), options);
}

} // namespace jwtwb::keys
