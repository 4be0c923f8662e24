#include "EncryptCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "crypto/SecureBytes.h"
#include "encoding/Json.h"
#include "encoding/Text.h"
#include "jose/CompactToken.h"
#include "jwe/JweAlgorithm.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <memory>
#include <ranges>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct EncryptArguments {
    KeyArguments key;
    std::string alg;
    std::string enc = "A256GCM";
    std::string header;
    std::string payload;
    std::string payloadFile;
    std::string kid;
    std::string cty;
    bool zip = false;
    bool jsonSerialization = false;
    std::uint64_t p2c = jwe::kDefaultP2c;
    std::string aad;
    std::string serialization = "compact";
    // Which of the options whose empty value means something were given.
    const CLI::Option* payloadOption = nullptr;
    const CLI::Option* kidOption = nullptr;
    const CLI::Option* ctyOption = nullptr;
    const CLI::Option* p2cOption = nullptr;
    const CLI::Option* aadOption = nullptr;
};

bool given(const CLI::Option* option)
{
    return option != nullptr && option->count() > 0;
}

std::string keyAlgorithmNames()
{
    return fmt::format("{}",
                       fmt::join(jwe::keyAlgorithms() | std::views::filter([](const auto& info) {
                                     return !info.decryptOnly;
                                 }) | std::views::transform([](const auto& info) { return info.name; }),
                                 ", "));
}

std::string contentAlgorithmNames()
{
    return fmt::format(
        "{}",
        fmt::join(jwe::contentAlgorithms() | std::views::transform([](const auto& info) { return info.name; }), ", "));
}

struct Plaintext {
    std::string bytes;
    bool isToken = false; // a compact JWS or JWE: a nested JWT (RFC 7519 §5.2)
};

// The bytes as given; a token is taken without the whitespace around it (a file ends in a line break).
Result<Plaintext> readPlaintext(const EncryptArguments& arguments)
{
    if (given(arguments.payloadOption) == !arguments.payloadFile.empty()) {
        return fail(Errc::EmptyInput, "give --payload or --payload-file ('-' for standard input), one of them");
    }
    Plaintext out;
    if (arguments.payloadFile.empty()) {
        out.bytes = arguments.payload;
    } else {
        auto read = readFileOrStdin(arguments.payloadFile, "payload");
        if (!read) {
            return std::unexpected(read.error());
        }
        out.bytes = std::move(*read);
    }
    const std::string_view trimmed = encoding::trimAsciiSpace(out.bytes);
    if (!trimmed.empty() && jose::decodeCompact(trimmed)) {
        out.bytes = std::string(trimmed);
        out.isToken = true;
    }
    return out;
}

// A member set by an option may be in --header too, but only with the same value.
Result<void> agree(const Json& header, const char* name, const std::string& value, const char* option)
{
    const auto existing = header.find(name);
    if (existing != header.end() && *existing != Json(value)) {
        return fail(Errc::InvalidJson,
                    fmt::format("{} {} contradicts the header's \"{}\": {}", option, value, name, existing->dump()));
    }
    return {};
}

// "alg" and "enc" first, then "kid" (the key's unless --kid says otherwise), "cty" ("JWT" for a
// nested token unless --cty says otherwise) and the members of --header.
Result<Json> buildHeader(const EncryptArguments& arguments, const keys::Key& key, bool nested)
{
    Json extra = Json::object();
    if (!arguments.header.empty()) {
        auto parsed = encoding::parseJsonNoDuplicates(arguments.header, "header");
        if (!parsed) {
            return std::unexpected(parsed.error());
        }
        if (!parsed->is_object()) {
            return fail(Errc::NotAJsonObject, "--header must be a JSON object");
        }
        extra = std::move(*parsed);
    }
    Json header = {{"alg", arguments.alg}, {"enc", arguments.enc}};
    std::optional<std::string> kid;
    if (given(arguments.kidOption)) {
        kid = arguments.kid;
    } else if (!key.parameters().kid.empty() && !extra.contains("kid")) {
        kid = key.parameters().kid;
    }
    std::optional<std::string> cty;
    if (given(arguments.ctyOption)) {
        cty = arguments.cty;
    } else if (nested && !extra.contains("cty")) {
        cty = "JWT";
    }
    for (const auto& checked :
         {agree(extra, "alg", arguments.alg, "--alg"), agree(extra, "enc", arguments.enc, "--enc"),
          kid ? agree(extra, "kid", *kid, "--kid") : Result<void>(),
          cty ? agree(extra, "cty", *cty, "--cty") : Result<void>()}) {
        if (!checked) {
            return std::unexpected(checked.error());
        }
    }
    if (kid && !kid->empty()) {
        header["kid"] = *kid;
    }
    if (cty && !cty->empty()) {
        header["cty"] = *cty;
    }
    for (auto& [name, value] : extra.items()) {
        header[name] = value;
    }
    return header;
}

// The recipient's key: the public half of a private key.
Result<keys::Key> recipientKey(const EncryptArguments& arguments)
{
    auto loaded = loadKeys(arguments.key);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    if (loaded->keys.empty()) {
        return fail(Errc::KeyNotFound,
                    "no key: give --key (the recipient's public key), --secret-file (a shared key or a PBES2 "
                    "passphrase), --secret, --jwks or --keystore-key");
    }
    if (loaded->keys.size() > 1) {
        return fail(Errc::InvalidKey,
                    fmt::format("the key file holds {} keys; encrypting needs exactly one", loaded->keys.size()));
    }
    const keys::Key& key = loaded->keys.front();
    if (key.type() == keys::KeyType::Oct || !key.hasPrivate()) {
        return key;
    }
    return key.publicKey();
}

Result<jwe::EncryptOptions> buildOptions(const EncryptArguments& arguments, const keys::Key& key, bool nested)
{
    const auto alg = jwe::parseKeyAlgorithm(arguments.alg);
    if (!alg) {
        return fail(Errc::UnsupportedAlgorithm,
                    fmt::format("--alg {}: not a JWE key management algorithm; use one of {}", arguments.alg,
                                keyAlgorithmNames()));
    }
    if (!jwe::parseContentAlgorithm(arguments.enc)) {
        return fail(Errc::UnsupportedAlgorithm,
                    fmt::format("--enc {}: not a JWE content encryption algorithm; use one of {}", arguments.enc,
                                contentAlgorithmNames()));
    }
    if (given(arguments.p2cOption) && !jwe::keyAlgorithmInfo(*alg).usesPassphrase()) {
        return fail(Errc::InvalidJson, "--p2c is the iteration count of the PBES2 algorithms only");
    }
    if (given(arguments.aadOption) && arguments.serialization == "compact") {
        return fail(Errc::MalformedToken, "--aad needs the JSON serialization (--serialization flattened or general)");
    }
    auto header = buildHeader(arguments, key, nested);
    if (!header) {
        return std::unexpected(header.error());
    }
    jwe::EncryptOptions options;
    options.protectedHeader = std::move(*header);
    options.compress = arguments.zip;
    options.p2c = arguments.p2c;
    if (given(arguments.aadOption)) {
        options.aad = arguments.aad;
    }
    return options;
}

Result<std::string> serialize(const jwe::JweMessage& message, const std::string& serialization)
{
    if (serialization == "compact") {
        return jwe::toJweCompact(message);
    }
    auto json
        = jwe::toJweJson(message, serialization == "general" ? jwe::JsonSyntax::General : jwe::JsonSyntax::Flattened);
    if (!json) {
        return std::unexpected(json.error());
    }
    return encoding::toPrettyJson(*json);
}

int run(const EncryptArguments& arguments)
{
    if (arguments.serialization != "compact" && arguments.serialization != "flattened"
        && arguments.serialization != "general") {
        std::cerr << "jwtwb: --serialization takes compact, flattened or general\n";
        return 2;
    }
    auto key = recipientKey(arguments);
    if (!key) {
        std::cerr << "jwtwb: " << key.error().message << "\n";
        return 2;
    }
    auto plaintext = readPlaintext(arguments);
    auto options = plaintext ? buildOptions(arguments, *key, plaintext->isToken)
                             : Result<jwe::EncryptOptions>(std::unexpected(plaintext.error()));
    if (!options) {
        std::cerr << "jwtwb: " << options.error().message << "\n";
        return 2;
    }
    auto message = jwe::encryptJwe(asBytes(plaintext->bytes), *key, std::move(*options));
    crypto::wipe(plaintext->bytes);
    auto output = message ? serialize(*message, arguments.serialization)
                          : Result<std::string>(std::unexpected(message.error()));
    if (!output) {
        std::cerr << "jwtwb: " << output.error().message << "\n";
        return 1;
    }
    std::cout << *output << "\n";
    return 0;
}

} // namespace

void addEncryptCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<EncryptArguments>();
    auto* command = app.add_subcommand("encrypt", "Encrypt a payload or a signed token to a recipient (JWE)");
    addKeyOptions(*command, arguments->key, kJweSecretHelp);
    command->add_option("--alg", arguments->alg, "Key management: " + keyAlgorithmNames())->required();
    command->add_option("--enc", arguments->enc, "Content encryption: " + contentAlgorithmNames())
        ->capture_default_str();
    command->add_option("--header", arguments->header,
                        "More protected header members as a JSON object (typ, apu, apv, …)");
    arguments->payloadOption = command->add_option("--payload", arguments->payload, "The plaintext, as given");
    command->add_option("--payload-file", arguments->payloadFile, "Read the plaintext from a file ('-' for stdin)");
    arguments->kidOption
        = command->add_option("--kid", arguments->kid, "Header kid (default: the key's kid; '' for none)");
    arguments->ctyOption
        = command->add_option("--cty", arguments->cty,
                              "Header cty (default: JWT when the payload is a signed or encrypted token; '' for none)");
    command->add_flag("--zip", arguments->zip, "Compress the plaintext with DEFLATE first (\"zip\": \"DEF\")");
    arguments->p2cOption = command->add_option("--p2c", arguments->p2c, "PBES2 iteration count")
                               ->capture_default_str()
                               ->check(CLI::PositiveNumber);
    arguments->aadOption
        = command->add_option("--aad", arguments->aad, "Additional authenticated data (JSON serialization only)");
    auto* serialization = command->add_option("--serialization", arguments->serialization,
                                              "compact (default), flattened or general JSON");
    auto* json = command->add_flag("--json-serialization", arguments->jsonSerialization,
                                   "The flattened JSON serialization: --serialization flattened");
    json->excludes(serialization);
    command->callback([arguments, &exitCode] {
        if (arguments->jsonSerialization) {
            arguments->serialization = "flattened";
        }
        exitCode = run(*arguments);
    });
}

} // namespace jwtwb::cli
