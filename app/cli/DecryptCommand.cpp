#include "DecryptCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "VerifyOptions.h"
#include "VerifyReport.h"
#include "crypto/SecureBytes.h"
#include "crypto/WipeJson.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "encoding/Text.h"
#include "encoding/Utf8.h"
#include "inspect/TokenExtractor.h"
#include "jwe/EncryptedJwt.h"

#include <iostream>
#include <memory>
#include <ranges>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct DecryptArguments {
    std::string token;
    std::string member;
    KeyArguments key;
    std::string verifyKeyFile;
    std::string verifyJwksFile;
    VerifyOptionArguments verify;
    std::uint64_t maxP2c = jwe::kMaxP2c;
    std::size_t maxInflatedSize = jwe::kMaxInflatedSize;
    bool json = false;
};

// Errors that say the input is not a JWE at all (exit 2). The others say that this JWE does not
// decrypt with these keys within these limits (exit 1).
bool isInputError(Errc code)
{
    switch (code) {
    case Errc::EmptyInput:
    case Errc::InputTooLarge:
    case Errc::TokenNotFound:
    case Errc::ExtraText:
    case Errc::MalformedToken:
    case Errc::InvalidBase64Url:
    case Errc::InvalidUtf8:
    case Errc::InvalidJson:
    case Errc::NotAJsonObject:
    case Errc::NestingTooDeep:
    case Errc::DuplicateMember: return true;
    default: return false;
    }
}

// The whole input when it is a JWE in the JSON serialization, else the one token that
// extractOneToken finds (bare, after Bearer, in a URL, a form body or a token response).
Result<std::string> findJwe(std::string_view input, const std::string& member)
{
    const std::string_view text = encoding::trimAsciiSpace(input);
    if (member.empty() && text.starts_with('{')) {
        auto json = encoding::parseJson(text);
        if (json && json->value.is_object() && json->value.contains("ciphertext")) {
            return std::string(text);
        }
    }
    auto extracted = inspect::extractOneToken(input, member);
    if (!extracted) {
        return std::unexpected(extracted.error());
    }
    return std::move(extracted->token);
}

Result<LoadedKeys> loadVerificationKeys(const DecryptArguments& arguments)
{
    if (!arguments.verifyKeyFile.empty() && !arguments.verifyJwksFile.empty()) {
        return fail(Errc::InvalidKey, "give --verify-key or --verify-jwks, not both");
    }
    if (!arguments.verifyJwksFile.empty()) {
        auto loaded = loadKeyFile(arguments.verifyJwksFile, arguments.key.passphraseFile);
        if (loaded) {
            loaded->isSet = true;
        }
        return loaded;
    }
    if (!arguments.verifyKeyFile.empty()) {
        return loadKeyFile(arguments.verifyKeyFile, arguments.key.passphraseFile);
    }
    return LoadedKeys{};
}

// What the exit code covers: the decryption, the claims of an encrypted claims set, and a nested
// token's signature and claims when there is a key to verify it with.
bool accepted(const jwe::EncryptedJwtReport& report, bool verifyNested)
{
    return (report.content == jwe::JweContent::NestedJwt && !verifyNested) || report.valid();
}

std::string_view contentName(jwe::JweContent content)
{
    switch (content) {
    case jwe::JweContent::NestedJwt: return "nested-jwt";
    case jwe::JweContent::Claims: return "claims";
    case jwe::JweContent::Other: return "other";
    }
    return "other";
}

Json errorJson(const Error& error)
{
    return Json{{"valid", false}, {"decrypted", false}, {"error", errcName(error.code)}, {"message", error.message}};
}

void printJson(const jwe::EncryptedJwtReport& report, std::span<const keys::Key> keys, bool valid)
{
    const jwe::DecryptedJwe& decrypted = report.decrypted;
    Json out = {{"valid", valid},
                {"decrypted", true},
                {"alg", jwe::keyAlgorithmInfo(decrypted.alg).name},
                {"enc", jwe::contentAlgorithmInfo(decrypted.enc).name},
                {"compressed", decrypted.compressed},
                {"recipient", decrypted.recipient},
                {"key", {{"index", decrypted.key}}},
                {"header", decrypted.header},
                {"content", contentName(report.content)}};
    const crypto::WipeOnExit wipeOut(out);
    if (const std::string& kid = keys[decrypted.key].parameters().kid; !kid.empty()) {
        out["key"]["kid"] = kid;
    }
    const std::string_view plaintext = decrypted.plaintext.view();
    const bool utf8 = !encoding::findInvalidUtf8(plaintext);
    out["plaintext"] = utf8 ? std::string(plaintext) : encoding::base64UrlEncode(decrypted.plaintext.span());
    out["plaintext_encoding"] = utf8 ? "utf8" : "base64url";
    if (report.nested) {
        std::string nested = verificationReport(*report.nested, true);
        auto parsed = encoding::parseJson(nested); // written by us: always JSON
        crypto::wipe(nested);
        if (parsed) {
            out["nested"] = std::move(parsed->value);
        }
    }
    if (report.innerError) {
        out["nested_error"] = {{"error", errcName(report.innerError->code)}, {"message", report.innerError->message}};
    }
    if (report.claims) {
        out["claims"] = encoding::parseJson(claimFindingsReport(*report.claims, true))->value;
    }
    std::string text = encoding::toPrettyJson(out);
    std::cout << text << "\n" << std::flush;
    crypto::wipe(text);
}

// The plaintext as it is on standard output; what the layers inside say on standard error.
void printText(const jwe::EncryptedJwtReport& report, bool verifyNested)
{
    const std::string_view plaintext = report.decrypted.plaintext.view();
    std::cout.write(plaintext.data(), static_cast<std::streamsize>(plaintext.size()));
    std::cout.flush();
    if (report.innerError) {
        std::cerr << "jwtwb: " << report.innerError->message << "\n";
    } else if (report.nested && !verifyNested) {
        std::cerr << "jwtwb: the plaintext is a nested JWT (\"cty\": \"JWT\") whose signature was not verified: "
                     "give --verify-key or --verify-jwks\n";
    } else if (report.nested && !report.nested->valid()) {
        const std::string lines = verificationReport(*report.nested, false);
        for (const auto line : std::views::split(std::string_view(lines), '\n')) {
            std::cerr << "jwtwb: nested token: " << std::string_view(line) << "\n";
        }
    }
    if (report.claims && !report.claims->findings.empty()) {
        const std::string lines = claimFindingsReport(*report.claims, false);
        for (const auto line : std::views::split(std::string_view(lines), '\n')) {
            std::cerr << "jwtwb: " << std::string_view(line) << "\n";
        }
    }
}

int reportError(const Error& error, bool json)
{
    if (json && error.code != Errc::TokenNotFound && error.code != Errc::ExtraText) {
        std::cout << encoding::toPrettyJson(errorJson(error)) << "\n";
    } else {
        std::cerr << "jwtwb: " << (error.code == Errc::TokenNotFound ? "--member: " : "") << error.message << "\n";
    }
    return isInputError(error.code) ? 2 : 1;
}

int run(const DecryptArguments& arguments)
{
    auto verifyOptions = buildVerifyOptions(arguments.verify);
    if (!verifyOptions) {
        std::cerr << "jwtwb: " << verifyOptions.error().message << "\n";
        return 2;
    }
    auto keys = loadKeys(arguments.key);
    if (!keys) {
        std::cerr << "jwtwb: " << keys.error().message << "\n";
        return 2;
    }
    if (keys->keys.empty()) {
        std::cerr << "jwtwb: no key: give --key, --jwks, --secret, --secret-file or --keystore-key\n";
        return 2;
    }
    auto verificationKeys = loadVerificationKeys(arguments);
    if (!verificationKeys) {
        std::cerr << "jwtwb: " << verificationKeys.error().message << "\n";
        return 2;
    }
    auto input = readArgumentOrStdin(arguments.token, "token");
    if (!input) {
        std::cerr << "jwtwb: " << input.error().message << "\n";
        return 2;
    }
    auto token = findJwe(*input, arguments.member);
    if (!token) {
        return reportError(token.error(), arguments.json);
    }
    jwe::EncryptedJwtOptions options;
    options.decrypt.maxP2c = arguments.maxP2c;
    options.decrypt.maxInflatedSize = arguments.maxInflatedSize;
    options.decrypt.criticalHeaders = arguments.verify.critical;
    options.decrypt.acceptWeakKeys = arguments.verify.allowWeakKeys;
    options.verify = std::move(*verifyOptions);
    const jose::KeySource source{verificationKeys->keys, verificationKeys->isSet};
    const auto report = jwe::decryptJwt(*token, keys->keys, source, options);
    if (!report) {
        return reportError(report.error(), arguments.json);
    }
    const bool verifyNested = !verificationKeys->keys.empty();
    const bool valid = accepted(*report, verifyNested);
    if (arguments.json) {
        printJson(*report, keys->keys, valid);
    } else {
        printText(*report, verifyNested);
    }
    return valid ? 0 : 1;
}

// Digits only: CLI11 reads "-1" into an unsigned option as its largest value.
CLI::Validator wholeNumber()
{
    return CLI::Validator(
        [](const std::string& value) {
            return !value.empty() && value.find_first_not_of("0123456789") == std::string::npos
                ? std::string()
                : "not a whole number of 0 or more: " + value;
        },
        "NUMBER");
}

} // namespace

void addDecryptCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<DecryptArguments>();
    arguments->verify.algorithmOption = "--verify-alg";
    auto* command = app.add_subcommand(
        "decrypt", "Decrypt an encrypted token (JWE) and print its plaintext; verify a nested token's signature too");
    command->add_option(
        "token", arguments->token,
        "The JWE, compact or JSON (or text holding a compact one); '-' or nothing reads standard input");
    command->add_option("--member", arguments->member, kMemberOptionHelp)->option_text("NAME");
    addKeyOptions(*command, arguments->key, kJweSecretHelp);
    command->add_option("--verify-key", arguments->verifyKeyFile,
                        "Key file (PEM, DER, JWK) that verifies the signature of a nested token (\"cty\": \"JWT\")");
    command->add_option("--verify-jwks", arguments->verifyJwksFile,
                        "JWK Set file for a nested token: the key is chosen by kid and algorithm");
    command->add_option(
        "--verify-alg", arguments->verify.algorithms,
        "Allowed algorithm of the nested token's signature (repeatable); default: any the key supports");
    addVerifyOptions(*command, arguments->verify);
    command->add_option("--max-p2c", arguments->maxP2c, "Refuse a PBES2 iteration count (\"p2c\") above this")
        ->capture_default_str()
        ->check(wholeNumber());
    command
        ->add_option("--max-inflated-size", arguments->maxInflatedSize,
                     "Refuse a compressed (\"zip\": \"DEF\") plaintext that inflates past this many bytes")
        ->capture_default_str()
        ->check(wholeNumber());
    command->add_flag("--json", arguments->json, "Print a JSON report with the plaintext instead of the plaintext");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
