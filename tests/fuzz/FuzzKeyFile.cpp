// libFuzzer target: key-file reading through keys::readKeys, the one reader of any key file or
// pasted key (PEM, DER, base64 DER, JWK, JWK Set; OpenSSH, SSH2 and OpenPGP are recognised and
// refused), as key material and as an HMAC secret. An encrypted key is read again with the seeds'
// passphrase, so that the fuzzer reaches decryption; its KDF work is bounded by the reader.
// Properties: a reading has keys and a description; an error has a message and a position inside
// the input; every key read exports as a public JWK that reads back with the same thumbprint.
#include "FuzzCheck.h"
#include "encoding/Json.h"
#include "keys/KeyExport.h"
#include "keys/KeyReader.h"
#include "keys/Thumbprint.h"

#include <cstddef>
#include <cstdint>

using namespace jwtwb;
using fuzz::require;

namespace {

// The passphrase of the encrypted keys in tests/data/keys (and so of the seeds made from them).
constexpr std::string_view kPassphrase = "correct horse battery staple";

void checkError(const Error& error, std::size_t size)
{
    require(!error.message.empty(), "an error has a message");
    require(!error.position || *error.position <= size, "an error's position lies inside the input");
}

void checkReading(const keys::KeyReading& reading)
{
    require(!reading.keys.empty() && !reading.description.empty(), "a reading has keys and a description");
    require(reading.keys.size() == 1 || reading.isSet, "several keys are a set");
    require(reading.found != keys::KeyInputKind::Secret && !reading.secretEncoding, "key material is not a secret");
    for (const keys::Key& key : reading.keys) {
        const auto jwk = keys::exportJwk(key, false);
        if (!jwk) {
            continue; // e.g. a secret has no public half
        }
        const auto back = keys::readKeys(encoding::toCompactJson(*jwk));
        require(back && back->keys.size() == 1 && back->found == keys::KeyInputKind::Jwk,
                "an exported public JWK reads back as one JWK");
        const auto original = keys::thumbprint(key);
        const auto again = keys::thumbprint(back->keys.front());
        require(original && again && *original == *again, "it has the key's thumbprint");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> input(data, size);
    auto reading = keys::readKeys(input);
    if (!reading && reading.error().code == Errc::PassphraseRequired) {
        keys::KeyReadOptions options;
        options.passphrase = kPassphrase;
        reading = keys::readKeys(input, options);
        require(reading || reading.error().code != Errc::PassphraseRequired, "a passphrase given is used");
    }
    if (reading) {
        checkReading(*reading);
    } else {
        checkError(reading.error(), size);
    }

    keys::KeyReadOptions asSecret;
    asSecret.secretEncoding = keys::SecretEncoding::Auto;
    const auto secret = keys::readKeys(input, asSecret);
    if (secret) {
        require(secret->keys.size() == 1 && secret->found == keys::KeyInputKind::Secret, "a secret is one key");
        require(secret->secretEncoding && *secret->secretEncoding != keys::SecretEncoding::Auto,
                "a secret says the encoding it was read in");
    } else {
        checkError(secret.error(), size);
    }
    return 0;
}
