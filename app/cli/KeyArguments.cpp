#include "KeyArguments.h"

#include "Input.h"
#include "KeystoreAccess.h"
#include "crypto/SecureBytes.h"
#include "keys/KeyImport.h"
#include "keys/KeyText.h"

#include <fmt/format.h>

namespace jwtwb::cli {
namespace {

Result<keys::SecretEncoding> parseEncoding(const std::string& name)
{
    if (name == "utf8" || name == "text") {
        return keys::SecretEncoding::Utf8;
    }
    if (name == "base64") {
        return keys::SecretEncoding::Base64;
    }
    if (name == "base64url") {
        return keys::SecretEncoding::Base64Url;
    }
    if (name == "hex") {
        return keys::SecretEncoding::Hex;
    }
    if (name == "auto") {
        return keys::SecretEncoding::Auto;
    }
    return fail(Errc::InvalidKey,
                fmt::format("unknown secret encoding \"{}\": use utf8, base64, base64url, hex or auto", name));
}

Result<LoadedKeys> loadSecret(std::string text, const std::string& encodingName)
{
    auto encoding = parseEncoding(encodingName);
    if (!encoding) {
        crypto::wipe(text);
        return std::unexpected(encoding.error());
    }
    auto imported = keys::importSecret(text, *encoding);
    crypto::wipe(text);
    if (!imported) {
        return std::unexpected(imported.error());
    }
    LoadedKeys loaded;
    loaded.keys.push_back(std::move(imported->key));
    return loaded;
}

} // namespace

void addKeyOptions(CLI::App& command, KeyArguments& arguments)
{
    command.add_option("--key", arguments.keyFile,
                       "Key file: PEM (SPKI, PKCS#8, PKCS#1, SEC1, certificate), DER, JWK or JWKS; '-' for stdin");
    command.add_option("--jwks", arguments.jwksFile, "JWK Set file: the key is chosen by kid and algorithm");
    command.add_option("--secret", arguments.secret,
                       "HMAC secret (visible to other users in the process list: prefer --secret-file)");
    command.add_option("--secret-file", arguments.secretFile, "File whose first line is the HMAC secret");
    command.add_option("--secret-encoding", arguments.secretEncoding,
                       "How the secret is written: utf8 (default), base64, base64url, hex or auto");
    command.add_option("--passphrase-file", arguments.passphraseFile,
                       "File whose first line is the passphrase of an encrypted private key or of the keystore");
    command.add_option(
        "--keystore-key", arguments.keystoreKey,
        "The key with this kid from the keystore (passphrase: --passphrase-file, $JWTWB_PASSPHRASE or a prompt)");
    command.add_option("--keystore", arguments.keystore, "Keystore file for --keystore-key (default: the GUI's)");
}

namespace {

Result<LoadedKeys> loadKeystoreKey(const KeyArguments& arguments)
{
    auto keystore = openKeystore(arguments.keystore, arguments.passphraseFile);
    if (!keystore) {
        return std::unexpected(keystore.error());
    }
    const keys::KeystoreEntry* entry = keystore->find(arguments.keystoreKey);
    if (entry == nullptr) {
        return fail(Errc::KeyNotFound,
                    fmt::format("no key with kid \"{}\" in {}", arguments.keystoreKey, keystore->path()));
    }
    LoadedKeys loaded;
    loaded.keys.push_back(entry->key);
    return loaded;
}

} // namespace

Result<LoadedKeys> loadKeyFile(const std::string& path, const std::string& passphraseFile)
{
    auto content = readFileOrStdin(path, "key");
    if (!content) {
        return std::unexpected(content.error());
    }
    std::string passphrase;
    if (!passphraseFile.empty()) {
        auto line = readFirstLine(passphraseFile, "passphrase");
        if (!line) {
            return std::unexpected(line.error());
        }
        passphrase = std::move(*line);
    }
    LoadedKeys loaded;
    const keys::KeyTextKind kind = keys::classifyKeyText(*content);
    if (kind == keys::KeyTextKind::Der) {
        auto key = keys::importDer(asBytes(*content), passphrase);
        crypto::wipe(*content);
        crypto::wipe(passphrase);
        if (!key) {
            return std::unexpected(key.error());
        }
        loaded.keys.push_back(std::move(*key));
        return loaded;
    }
    auto keys = keys::importKeys(*content, passphrase);
    const bool jwks = kind == keys::KeyTextKind::Jwks;
    crypto::wipe(*content);
    crypto::wipe(passphrase);
    if (!keys) {
        Error error = keys.error();
        error.message = fmt::format("{}: {}", path, error.message);
        return std::unexpected(std::move(error));
    }
    if (keys->empty()) {
        return fail(Errc::InvalidKey, fmt::format("{} holds no key this program can use", path));
    }
    loaded.keys = std::move(*keys);
    loaded.isSet = jwks || loaded.keys.size() > 1;
    return loaded;
}

Result<LoadedKeys> loadKeys(const KeyArguments& arguments)
{
    const int given = !arguments.keyFile.empty() + !arguments.jwksFile.empty() + !arguments.secret.empty()
        + !arguments.secretFile.empty() + !arguments.keystoreKey.empty();
    if (given > 1) {
        return fail(Errc::InvalidKey, "give one of --key, --jwks, --secret, --secret-file and --keystore-key");
    }
    if (!arguments.keystoreKey.empty()) {
        return loadKeystoreKey(arguments);
    }
    if (!arguments.secret.empty()) {
        return loadSecret(arguments.secret, arguments.secretEncoding);
    }
    if (!arguments.secretFile.empty()) {
        auto line = readFirstLine(arguments.secretFile, "secret");
        if (!line) {
            return std::unexpected(line.error());
        }
        return loadSecret(std::move(*line), arguments.secretEncoding);
    }
    if (!arguments.keyFile.empty()) {
        return loadKeyFile(arguments.keyFile, arguments.passphraseFile);
    }
    if (!arguments.jwksFile.empty()) {
        auto loaded = loadKeyFile(arguments.jwksFile, arguments.passphraseFile);
        if (loaded) {
            loaded->isSet = true;
        }
        return loaded;
    }
    return LoadedKeys{};
}

} // namespace jwtwb::cli
