#include "KeyArguments.h"

#include "Input.h"
#include "KeystoreAccess.h"
#include "crypto/SecureBytes.h"
#include "keys/KeyReader.h"

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

// How messages name a file given on the command line.
std::string sourceName(const std::string& path)
{
    return path == "-" ? "standard input" : path;
}

// `file`, when the secret came from one, prefixes the messages.
Result<LoadedKeys> loadSecret(std::string text, const std::string& encodingName, const std::string& file)
{
    auto encoding = parseEncoding(encodingName);
    if (!encoding) {
        crypto::wipe(text);
        return std::unexpected(encoding.error());
    }
    keys::KeyReadOptions options;
    options.secretEncoding = *encoding;
    auto reading = keys::readKeys(text, options);
    crypto::wipe(text);
    if (!reading) {
        Error error = std::move(reading.error());
        if (!file.empty()) {
            error.message = fmt::format("{}: {}", sourceName(file), error.message);
        }
        return std::unexpected(std::move(error));
    }
    LoadedKeys loaded;
    loaded.keys = std::move(reading->keys);
    return loaded;
}

} // namespace

void addKeyOptions(CLI::App& command, KeyArguments& arguments, std::string_view secret)
{
    command.add_option("--key", arguments.keyFile,
                       "Key file: PEM (SPKI, PKCS#8, PKCS#1, SEC1, certificate), DER, JWK or JWKS; '-' for stdin");
    command.add_option("--jwks", arguments.jwksFile, "JWK Set file: the key is chosen by kid and algorithm");
    command.add_option(
        "--secret", arguments.secret,
        fmt::format("The {} (visible to other users in the process list: prefer --secret-file)", secret));
    command.add_option("--secret-file", arguments.secretFile, fmt::format("File whose first line is the {}", secret));
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
            crypto::wipe(*content);
            return std::unexpected(line.error());
        }
        passphrase = std::move(*line);
    }
    keys::KeyReadOptions options;
    options.passphrase = passphrase;
    auto reading = keys::readKeys(*content, options);
    crypto::wipe(*content);
    crypto::wipe(passphrase);
    if (!reading) {
        Error error = std::move(reading.error());
        error.message = fmt::format("{}: {}", sourceName(path), error.message);
        return std::unexpected(std::move(error));
    }
    return LoadedKeys{std::move(reading->keys), reading->isSet};
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
        return loadSecret(arguments.secret, arguments.secretEncoding, {});
    }
    if (!arguments.secretFile.empty()) {
        auto line = readFirstLine(arguments.secretFile, "secret");
        if (!line) {
            return std::unexpected(line.error());
        }
        return loadSecret(std::move(*line), arguments.secretEncoding, arguments.secretFile);
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
