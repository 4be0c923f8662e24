#include "KeysCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "KeystoreAccess.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "io/AtomicFile.h"
#include "jose/NumericDate.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/Keystore.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

namespace jwtwb::cli {
namespace {

using encoding::Json;

inline constexpr std::string_view kProductionTag = "production";

struct KeysArguments {
    std::string keystore;
    std::string passphraseFile;
    std::string newPassphraseFile;
    bool json = false;
    // generate / import
    std::string kind;
    std::string file;
    std::string keyPassphraseFile;
    std::string secretFile;
    std::string secretEncoding = "utf8";
    std::string label;
    std::string notes;
    std::vector<std::string> tags;
    // export / delete
    std::string kid;
    std::string format = "jwk";
    std::string pemPassphraseFile;
    bool privateMaterial = false;
    bool yes = false;
};

int report(const Error& error)
{
    std::cerr << "jwtwb: " << error.message << "\n";
    return error.code == Errc::Io || error.code == Errc::InvalidKey || error.code == Errc::InvalidPem
            || error.code == Errc::InvalidJson
        ? 2
        : 1;
}

std::string keystorePath(const KeysArguments& arguments)
{
    return arguments.keystore.empty() ? defaultKeystorePath() : arguments.keystore;
}

Result<keys::KeySpec> parseKind(const std::string& kind)
{
    using keys::Curve;
    using keys::KeyType;
    static const std::pair<std::string_view, keys::KeySpec> kinds[] = {
        {"rsa-2048", {KeyType::Rsa, 2048, Curve::None}},      {"rsa-3072", {KeyType::Rsa, 3072, Curve::None}},
        {"rsa-4096", {KeyType::Rsa, 4096, Curve::None}},      {"ec-p256", {KeyType::Ec, 0, Curve::P256}},
        {"ec-p384", {KeyType::Ec, 0, Curve::P384}},           {"ec-p521", {KeyType::Ec, 0, Curve::P521}},
        {"ec-secp256k1", {KeyType::Ec, 0, Curve::Secp256k1}}, {"ed25519", {KeyType::Okp, 0, Curve::Ed25519}},
        {"ed448", {KeyType::Okp, 0, Curve::Ed448}},           {"oct-256", {KeyType::Oct, 256, Curve::None}},
        {"oct-384", {KeyType::Oct, 384, Curve::None}},        {"oct-512", {KeyType::Oct, 512, Curve::None}},
    };
    for (const auto& [name, spec] : kinds) {
        if (name == kind) {
            return spec;
        }
    }
    return fail(Errc::InvalidKey,
                fmt::format("unknown key kind \"{}\": use rsa-2048, rsa-3072, rsa-4096, ec-p256, "
                            "ec-p384, ec-p521, ec-secp256k1, ed25519, ed448, oct-256, oct-384 "
                            "or oct-512",
                            kind));
}

// The keystore to change: the existing one, or a new one (the passphrase asked twice) when there
// is no file yet. Saving creates its folder.
Result<keys::Keystore> openOrCreate(const KeysArguments& arguments)
{
    const std::string path = keystorePath(arguments);
    if (io::fileExists(path)) {
        return openKeystore(path, arguments.passphraseFile);
    }
    auto passphrase = readPassphrase(arguments.passphraseFile, kPassphraseVariable,
                                     fmt::format("New passphrase for {}", path), true);
    if (!passphrase) {
        return std::unexpected(passphrase.error());
    }
    return keys::Keystore::create(path, std::move(*passphrase));
}

Json describeEntry(const keys::KeystoreEntry& entry)
{
    Json out = {{"kid", entry.kid()},
                {"label", entry.label},
                {"kty", std::string(keys::ktyName(entry.key.type()))},
                {"description", entry.key.describe()},
                {"bits", entry.key.bits()},
                {"private", entry.key.hasPrivate()}};
    if (entry.key.curve() != keys::Curve::None) {
        out["crv"] = std::string(keys::curveName(entry.key.curve()));
    }
    out["created"] = entry.created;
    out["tags"] = entry.tags;
    out["notes"] = entry.notes;
    return out;
}

int list(const KeysArguments& arguments)
{
    auto keystore = openKeystore(keystorePath(arguments), arguments.passphraseFile);
    if (!keystore) {
        return report(keystore.error());
    }
    if (arguments.json) {
        Json all = Json::array();
        for (const auto& entry : keystore->entries()) {
            all.push_back(describeEntry(entry));
        }
        std::cout << encoding::toPrettyJson(all) << "\n";
        return 0;
    }
    if (keystore->entries().empty()) {
        std::cout << "The keystore holds no keys.\n";
    }
    for (const auto& entry : keystore->entries()) {
        std::string tags;
        for (const auto& tag : entry.tags) {
            tags += (tags.empty() ? " [" : ", ") + tag;
        }
        std::cout << entry.kid() << "  " << entry.key.describe()
                  << (entry.label.empty() ? "" : "  \"" + entry.label + "\"")
                  << (entry.created.empty() ? "" : "  " + entry.created) << (tags.empty() ? "" : tags + "]") << "\n";
    }
    return 0;
}

keys::KeystoreEntry newEntry(keys::Key key, const KeysArguments& arguments, const std::string& created)
{
    return keys::KeystoreEntry{std::move(key), arguments.label, created, arguments.notes, arguments.tags};
}

// Adds the keys and saves; prints each new kid. Duplicates are reported and skipped.
int addAndSave(std::vector<keys::Key> keys, const KeysArguments& arguments)
{
    auto now = nowOr({});
    if (!now) {
        return report(now.error());
    }
    const std::string created = jose::formatUtc(*now);
    auto keystore = openOrCreate(arguments);
    if (!keystore) {
        return report(keystore.error());
    }
    std::vector<std::string> added;
    int duplicates = 0;
    for (auto& key : keys) {
        auto kid = keystore->add(newEntry(std::move(key), arguments, created));
        if (kid) {
            added.push_back(*kid);
        } else if (kid.error().code == Errc::DuplicateKey) {
            std::cerr << "jwtwb: skipped: " << kid.error().message << "\n";
            ++duplicates;
        } else {
            return report(kid.error());
        }
    }
    if (added.empty()) {
        std::cerr << "jwtwb: nothing was added\n";
        return 1;
    }
    if (auto saved = keystore->save(); !saved) {
        return report(saved.error());
    }
    if (arguments.json) {
        std::cout << encoding::toPrettyJson(Json{{"added", added}, {"duplicates", duplicates}}) << "\n";
    } else {
        for (const auto& kid : added) {
            std::cout << kid << "\n";
        }
    }
    return 0;
}

int generate(const KeysArguments& arguments)
{
    auto spec = parseKind(arguments.kind);
    if (!spec) {
        return report(spec.error());
    }
    auto key = keys::generateKey(*spec);
    if (!key) {
        return report(key.error());
    }
    std::vector<keys::Key> keys;
    keys.push_back(std::move(*key));
    return addAndSave(std::move(keys), arguments);
}

int importKeys(const KeysArguments& arguments)
{
    if (arguments.file.empty() == arguments.secretFile.empty()) {
        std::cerr << "jwtwb: give a key FILE or --secret-file, not both\n";
        return 2;
    }
    KeyArguments source;
    source.keyFile = arguments.file;
    source.passphraseFile = arguments.keyPassphraseFile;
    source.secretFile = arguments.secretFile;
    source.secretEncoding = arguments.secretEncoding;
    auto loaded = loadKeys(source);
    if (!loaded) {
        return report(loaded.error());
    }
    return addAndSave(std::move(loaded->keys), arguments);
}

Result<std::string> exportText(const keys::KeystoreEntry& entry, const KeysArguments& arguments)
{
    const keys::Key& key = entry.key;
    if (arguments.format == "jwk" || arguments.format == "jwks") {
        auto jwk = arguments.format == "jwk" ? keys::exportJwk(key, arguments.privateMaterial)
                                             : keys::exportJwks(std::span(&key, 1), arguments.privateMaterial);
        if (!jwk) {
            return std::unexpected(jwk.error());
        }
        std::string text = encoding::toPrettyJson(*jwk);
        return text;
    }
    if (arguments.format == "pem") {
        if (!arguments.privateMaterial) {
            return keys::exportPublicPem(key);
        }
        std::string passphrase;
        if (!arguments.pemPassphraseFile.empty()) {
            auto line = readFirstLine(arguments.pemPassphraseFile, "PEM passphrase");
            if (!line) {
                return std::unexpected(line.error());
            }
            passphrase = std::move(*line);
        }
        auto pem = keys::exportPrivatePem(key, passphrase);
        crypto::wipe(passphrase);
        return pem;
    }
    return fail(Errc::InvalidKey, fmt::format("--format {}: use jwk, jwks or pem", arguments.format));
}

int exportKey(const KeysArguments& arguments)
{
    auto keystore = openKeystore(keystorePath(arguments), arguments.passphraseFile);
    if (!keystore) {
        return report(keystore.error());
    }
    const keys::KeystoreEntry* entry = keystore->find(arguments.kid);
    if (entry == nullptr) {
        return report(Error{Errc::KeyNotFound, fmt::format("no key with kid \"{}\" in the keystore", arguments.kid)});
    }
    if (arguments.privateMaterial && entry->hasTag(kProductionTag) && !arguments.yes) {
        std::cerr << "jwtwb: the key is tagged \"production\": add --yes to export its private part\n";
        return 1;
    }
    auto text = exportText(*entry, arguments);
    if (!text) {
        return report(text.error());
    }
    std::cout << *text << (text->ends_with('\n') ? "" : "\n");
    std::cout.flush();
    crypto::wipe(*text);
    return 0;
}

int deleteKey(const KeysArguments& arguments)
{
    auto keystore = openKeystore(keystorePath(arguments), arguments.passphraseFile);
    if (!keystore) {
        return report(keystore.error());
    }
    if (auto removed = keystore->remove(arguments.kid); !removed) {
        return report(removed.error());
    }
    if (auto saved = keystore->save(); !saved) {
        return report(saved.error());
    }
    return 0;
}

int changePassphrase(const KeysArguments& arguments)
{
    auto keystore = openKeystore(keystorePath(arguments), arguments.passphraseFile);
    if (!keystore) {
        return report(keystore.error());
    }
    auto passphrase = readPassphrase(arguments.newPassphraseFile, kNewPassphraseVariable, "New passphrase", true);
    if (!passphrase) {
        return report(passphrase.error());
    }
    if (auto changed = keystore->changePassphrase(std::move(*passphrase)); !changed) {
        return report(changed.error());
    }
    return 0;
}

CLI::App* addKeystoreCommand(CLI::App& parent, const char* name, const char* description, KeysArguments& arguments)
{
    auto* command = parent.add_subcommand(name, description);
    command->add_option("--keystore", arguments.keystore,
                        "Keystore file (default: the GUI's, " + defaultKeystorePath() + ")");
    command->add_option(
        "--passphrase-file", arguments.passphraseFile,
        fmt::format("File whose first line is the keystore passphrase (else ${}, else a prompt)", kPassphraseVariable));
    return command;
}

void addEntryOptions(CLI::App& command, KeysArguments& arguments)
{
    command.add_option("--label", arguments.label, "A name for the key");
    command.add_option("--notes", arguments.notes, "Free text kept with the key");
    command.add_option("--tag", arguments.tags, "A tag, e.g. production (repeat for several)");
    command.add_flag("--json", arguments.json, "Print the new kids as JSON");
}

// A kid is mostly a base64url thumbprint, so one in 64 begins with '-' (one in 4096 with "--"),
// which CLI11 reads as options ("-hK…" even as -h, the help). So -h is no flag of these commands
// (takeKid still shows the help for -h alone) and such a kid arrives as an extra argument; `--`
// before the kid works as well.
void addKidArgument(CLI::App& command, std::string& kid)
{
    command.set_help_flag("--help", "Print this help message and exit");
    command.allow_extras();
    command.add_option("kid", kid, "The key's kid (one that begins with '-' too)");
}

// Takes the kid from the extra arguments when it begins with '-': the first extra argument when no
// kid came as a plain one (an option these commands do not know then fails as an unknown kid).
// Returns the exit code when the command must not run: 0 after printing the help for -h alone, 2
// without a kid or with more arguments than the kid.
std::optional<int> takeKid(const CLI::App& command, std::string& kid)
{
    std::vector<std::string> unknown;
    for (const std::string& extra : command.remaining()) {
        if (extra == "--") {
            continue;
        }
        if (kid.empty()) {
            kid = extra;
        } else {
            unknown.push_back(extra);
        }
    }
    if (kid == "-h" && unknown.empty()) {
        std::cout << command.help("jwtwb keys");
        return 0;
    }
    if (!unknown.empty()) {
        std::cerr << "jwtwb: unexpected argument: " << unknown.front() << "\n";
        return 2;
    }
    if (kid.empty()) {
        std::cerr << "jwtwb: the key's kid is required\n";
        return 2;
    }
    return std::nullopt;
}

} // namespace

void addKeysCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<KeysArguments>();
    auto* command
        = app.add_subcommand("keys", "The encrypted keystore (a JWE any JOSE library opens with the passphrase)");
    command->require_subcommand(1);

    auto* path = command->add_subcommand("path", "Print the default keystore path");
    path->callback([&exitCode] {
        std::cout << defaultKeystorePath() << "\n";
        exitCode = 0;
    });

    auto* listCommand = addKeystoreCommand(*command, "list", "List the stored keys", *arguments);
    listCommand->add_flag("--json", arguments->json, "JSON output for scripts");
    listCommand->callback([arguments, &exitCode] { exitCode = list(*arguments); });

    auto* generateCommand = addKeystoreCommand(*command, "generate", "Generate a key and store it", *arguments);
    generateCommand
        ->add_option("kind", arguments->kind,
                     "rsa-2048, rsa-3072, rsa-4096, ec-p256, ec-p384, ec-p521, ec-secp256k1, ed25519, ed448, oct-256, "
                     "oct-384 or oct-512")
        ->required();
    addEntryOptions(*generateCommand, *arguments);
    generateCommand->callback([arguments, &exitCode] { exitCode = generate(*arguments); });

    auto* importCommand = addKeystoreCommand(
        *command, "import", "Store the keys of a file (PEM, DER, JWK, JWKS) or an HMAC secret", *arguments);
    importCommand->add_option("file", arguments->file, "Key file; '-' for stdin");
    importCommand->add_option("--key-passphrase-file", arguments->keyPassphraseFile,
                              "File whose first line is the passphrase of an encrypted private key");
    importCommand->add_option("--secret-file", arguments->secretFile, "File whose first line is an HMAC secret");
    importCommand->add_option("--secret-encoding", arguments->secretEncoding,
                              "How the secret is written: utf8 (default), base64, base64url, hex or auto");
    addEntryOptions(*importCommand, *arguments);
    importCommand->callback([arguments, &exitCode] { exitCode = importKeys(*arguments); });

    auto* exportCommand
        = addKeystoreCommand(*command, "export", "Print a stored key (public unless --private)", *arguments);
    addKidArgument(*exportCommand, arguments->kid);
    exportCommand->add_option("--format", arguments->format, "jwk (default), jwks or pem");
    exportCommand->add_flag("--private", arguments->privateMaterial, "Include the private key or secret");
    exportCommand->add_option("--pem-passphrase-file", arguments->pemPassphraseFile,
                              "Encrypt a private PEM with the first line of this file");
    exportCommand->add_flag("--yes", arguments->yes, "Confirm a private export of a key tagged production");
    exportCommand->callback([arguments, exportCommand, &exitCode] {
        const auto stop = takeKid(*exportCommand, arguments->kid);
        exitCode = stop ? *stop : exportKey(*arguments);
    });

    auto* deleteCommand = addKeystoreCommand(*command, "delete", "Remove a stored key", *arguments);
    addKidArgument(*deleteCommand, arguments->kid);
    deleteCommand->callback([arguments, deleteCommand, &exitCode] {
        const auto stop = takeKid(*deleteCommand, arguments->kid);
        exitCode = stop ? *stop : deleteKey(*arguments);
    });

    auto* passwdCommand = addKeystoreCommand(*command, "passwd", "Change the keystore passphrase", *arguments);
    passwdCommand->add_option(
        "--new-passphrase-file", arguments->newPassphraseFile,
        fmt::format("File whose first line is the new passphrase (else ${}, else a prompt)", kNewPassphraseVariable));
    passwdCommand->callback([arguments, &exitCode] { exitCode = changePassphrase(*arguments); });
}

} // namespace jwtwb::cli
