#include "KeyCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "crypto/SecureBytes.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "jose/KeyAlgorithmCheck.h"
#include "jose/NumericDate.h"
#include "jwe/JweKeyFit.h"
#include "keys/KeyExport.h"
#include "keys/Thumbprint.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct KeyCommandArguments {
    std::string file = "-";
    std::string passphraseFile;
    std::string to;
    std::string hash = "sha256";
    std::string outPassphraseFile;
    bool privateMaterial = false;
    bool uri = false;
    bool json = false;
};

Result<crypto::HashAlg> parseHash(const std::string& name)
{
    if (name == "sha256" || name == "SHA-256") {
        return crypto::HashAlg::Sha256;
    }
    if (name == "sha384" || name == "SHA-384") {
        return crypto::HashAlg::Sha384;
    }
    if (name == "sha512" || name == "SHA-512") {
        return crypto::HashAlg::Sha512;
    }
    if (name == "sha1" || name == "SHA-1") {
        return crypto::HashAlg::Sha1;
    }
    return fail(Errc::InvalidKey, fmt::format("--hash {}: use sha256, sha384, sha512 or sha1", name));
}

int report(const Error& error)
{
    std::cerr << "jwtwb: " << error.message << "\n";
    return error.code == Errc::Io || error.code == Errc::InvalidKey || error.code == Errc::InvalidJson ? 2 : 1;
}

Json describe(const keys::Key& key)
{
    Json out = {{"kty", std::string(keys::ktyName(key.type()))},
                {"description", key.describe()},
                {"private", key.hasPrivate()},
                {"bits", key.bits()}};
    if (key.curve() != keys::Curve::None) {
        out["crv"] = std::string(keys::curveName(key.curve()));
    }
    if (!key.parameters().kid.empty()) {
        out["kid"] = key.parameters().kid;
    }
    if (auto thumbprint = keys::thumbprint(key, crypto::HashAlg::Sha256)) {
        out["thumbprint_sha256"] = encoding::base64UrlEncode(*thumbprint);
    }
    Json algorithms = Json::array();
    for (const auto alg : jose::algorithmsForKey(key, jose::KeyPurpose::Verify)) {
        algorithms.push_back(std::string(jose::algorithmName(alg)));
    }
    out["algorithms"] = algorithms;
    // What it can do for a JWE: a public key encrypts, a private key also decrypts (RSA1_5 only that).
    Json encryption = Json::array();
    const auto purpose = key.hasPrivate() ? jwe::JweKeyPurpose::Decrypt : jwe::JweKeyPurpose::Encrypt;
    for (const auto alg : jwe::keyAlgorithmsForKey(key, purpose)) {
        encryption.push_back(std::string(jwe::keyAlgorithmInfo(alg).name));
    }
    out["encryption_algorithms"] = encryption;
    if (const auto& certificate = key.certificate()) {
        out["certificate"]
            = {{"subject", certificate->subject},
               {"issuer", certificate->issuer},
               {"serial", certificate->serialHex},
               {"not_before", jose::formatUtc(std::chrono::sys_seconds(std::chrono::seconds(certificate->notBefore)))},
               {"not_after", jose::formatUtc(std::chrono::sys_seconds(std::chrono::seconds(certificate->notAfter)))}};
    }
    return out;
}

int inspect(const KeyCommandArguments& arguments)
{
    auto loaded = loadKeyFile(arguments.file, arguments.passphraseFile);
    if (!loaded) {
        return report(loaded.error());
    }
    Json all = Json::array();
    for (const auto& key : loaded->keys) {
        all.push_back(describe(key));
    }
    if (arguments.json) {
        std::cout << encoding::toPrettyJson(loaded->keys.size() == 1 ? all.front() : all) << "\n";
        return 0;
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Json& key = all[i];
        if (all.size() > 1) {
            std::cout << (i ? "\n" : "") << "Key " << i + 1 << ":\n";
        }
        std::cout << key["description"].get<std::string>() << "\n";
        if (key.contains("kid")) {
            std::cout << "kid: " << key["kid"].get<std::string>() << "\n";
        }
        if (key.contains("thumbprint_sha256")) {
            std::cout << "JWK thumbprint (SHA-256): " << key["thumbprint_sha256"].get<std::string>() << "\n";
        }
        std::string algorithms;
        for (const auto& alg : key["algorithms"]) {
            algorithms += (algorithms.empty() ? "" : ", ") + alg.get<std::string>();
        }
        std::cout << "algorithms: " << (algorithms.empty() ? "none (not a signature key)" : algorithms) << "\n";
        std::string encryption;
        for (const auto& alg : key["encryption_algorithms"]) {
            encryption += (encryption.empty() ? "" : ", ") + alg.get<std::string>();
        }
        std::cout << "encryption (JWE): " << (encryption.empty() ? "none" : encryption) << "\n";
        if (key.contains("certificate")) {
            const Json& c = key["certificate"];
            std::cout << "certificate subject: " << c["subject"].get<std::string>() << "\n"
                      << "certificate issuer: " << c["issuer"].get<std::string>() << "\n"
                      << "valid: " << c["not_before"].get<std::string>() << " to " << c["not_after"].get<std::string>()
                      << "\n";
        }
    }
    return 0;
}

int thumbprint(const KeyCommandArguments& arguments)
{
    auto hash = parseHash(arguments.hash);
    if (!hash) {
        return report(hash.error());
    }
    auto loaded = loadKeyFile(arguments.file, arguments.passphraseFile);
    if (!loaded) {
        return report(loaded.error());
    }
    for (const auto& key : loaded->keys) {
        if (arguments.uri) {
            auto uri = keys::thumbprintUri(key, *hash);
            if (!uri) {
                return report(uri.error());
            }
            std::cout << *uri << "\n";
        } else {
            auto digest = keys::thumbprint(key, *hash);
            if (!digest) {
                return report(digest.error());
            }
            std::cout << encoding::base64UrlEncode(*digest) << "\n";
        }
    }
    return 0;
}

Result<std::string> outPassphrase(const KeyCommandArguments& arguments)
{
    if (arguments.outPassphraseFile.empty()) {
        return std::string();
    }
    return readFirstLine(arguments.outPassphraseFile, "passphrase");
}

int convert(const KeyCommandArguments& arguments, bool publicOnly)
{
    auto loaded = loadKeyFile(arguments.file, arguments.passphraseFile);
    if (!loaded) {
        return report(loaded.error());
    }
    const bool includePrivate = arguments.privateMaterial && !publicOnly;
    std::vector<keys::Key> converted;
    for (const auto& key : loaded->keys) {
        if (includePrivate || key.type() == keys::KeyType::Oct) {
            if (key.type() == keys::KeyType::Oct && !includePrivate) {
                return report({Errc::InvalidKey, "a secret has no public form; add --private to export it"});
            }
            converted.push_back(key);
            continue;
        }
        auto pub = key.publicKey();
        if (!pub) {
            return report(pub.error());
        }
        converted.push_back(std::move(*pub));
    }
    const std::string to = arguments.to.empty() ? "jwk" : arguments.to;
    if (to == "jwk" || to == "jwks") {
        Json out;
        if (to == "jwks" || converted.size() > 1) {
            auto set = keys::exportJwks(converted, includePrivate);
            if (!set) {
                return report(set.error());
            }
            out = std::move(*set);
        } else {
            auto jwk = keys::exportJwk(converted.front(), includePrivate);
            if (!jwk) {
                return report(jwk.error());
            }
            out = std::move(*jwk);
        }
        std::string text = encoding::toPrettyJson(out);
        std::cout << text << "\n";
        crypto::wipe(text);
        return 0;
    }
    if (to == "pem") {
        auto passphrase = outPassphrase(arguments);
        if (!passphrase) {
            return report(passphrase.error());
        }
        for (const auto& key : converted) {
            auto pem = includePrivate ? keys::exportPrivatePem(key, *passphrase) : keys::exportPublicPem(key);
            if (!pem) {
                return report(pem.error());
            }
            std::cout << *pem;
            crypto::wipe(*pem);
        }
        return 0;
    }
    return report({Errc::InvalidKey, fmt::format("--to {}: use jwk, jwks or pem", to)});
}

} // namespace

void addKeyCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<KeyCommandArguments>();
    auto* command = app.add_subcommand("key", "Inspect keys, compute thumbprints, convert between PEM, JWK and JWKS");
    command->require_subcommand(1);
    const auto common = [&](CLI::App* sub) {
        sub->add_option("file", arguments->file, "Key file (PEM, DER, JWK or JWKS); '-' or nothing reads stdin");
        sub->add_option("--passphrase-file", arguments->passphraseFile, "Passphrase of an encrypted private key");
    };
    auto* inspectCommand
        = command->add_subcommand("inspect", "Describe a key: type, size, kid, thumbprint, algorithms");
    common(inspectCommand);
    inspectCommand->add_flag("--json", arguments->json, "Print JSON");
    inspectCommand->callback([arguments, &exitCode] { exitCode = inspect(*arguments); });

    auto* thumbprintCommand
        = command->add_subcommand("thumbprint", "RFC 7638 JWK thumbprint (base64url) or RFC 9278 URI");
    common(thumbprintCommand);
    thumbprintCommand->add_option("--hash", arguments->hash, "sha256 (default), sha384, sha512 or sha1");
    thumbprintCommand->add_flag("--uri", arguments->uri, "Print the urn:ietf:params:oauth:jwk-thumbprint URI");
    thumbprintCommand->callback([arguments, &exitCode] { exitCode = thumbprint(*arguments); });

    auto* publicCommand = command->add_subcommand("public", "The public key of a private key");
    common(publicCommand);
    publicCommand->add_option("--to", arguments->to, "jwk (default), jwks or pem");
    publicCommand->callback([arguments, &exitCode] { exitCode = convert(*arguments, true); });

    auto* convertCommand = command->add_subcommand("convert", "Convert a key to JWK, JWKS or PEM");
    common(convertCommand);
    convertCommand->add_option("--to", arguments->to, "jwk (default), jwks or pem")->required();
    convertCommand->add_flag("--private", arguments->privateMaterial,
                             "Include private material (default: public only)");
    convertCommand->add_option("--out-passphrase-file", arguments->outPassphraseFile,
                               "Encrypt a private PEM with this passphrase");
    convertCommand->callback([arguments, &exitCode] { exitCode = convert(*arguments, false); });
}

} // namespace jwtwb::cli
