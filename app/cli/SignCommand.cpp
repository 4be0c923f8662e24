#include "SignCommand.h"

#include "Input.h"
#include "KeyArguments.h"
#include "encoding/Json.h"
#include "jose/Algorithm.h"
#include "jose/JwsSigner.h"
#include "time/Duration.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct SignArguments {
    KeyArguments key;
    std::string alg;
    std::string header;
    std::string payload;
    std::string payloadFile;
    std::vector<std::string> claims;
    bool iat = false;
    std::string exp;
    std::string nbf;
    std::string now;
    bool unsecured = false;
    bool detached = false;
    bool allowWeakKeys = false;
    std::string serialization = "compact";
};

// "name=value": the value as JSON when it parses as JSON (numbers, true, arrays…), else a string.
Result<std::pair<std::string, Json>> parseClaim(const std::string& text)
{
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0) {
        return fail(Errc::InvalidJson, fmt::format("--claim {}: write name=value", text));
    }
    const std::string value = text.substr(equals + 1);
    auto parsed = encoding::parseJson(value);
    return std::pair{text.substr(0, equals), parsed ? std::move(parsed->value) : Json(value)};
}

Result<std::chrono::sys_seconds> timeClaim(const std::string& text, std::chrono::sys_seconds now,
                                           std::string_view option)
{
    // "+1h" is relative to now; a bare duration ("1h") means the same for --exp.
    auto time = time::parseTime(text, now);
    if (!time && option == "--exp") {
        auto duration = time::parseDuration(text);
        if (duration) {
            return now + *duration;
        }
    }
    if (!time) {
        return fail(time.error().code, fmt::format("{}: {}", option, time.error().message));
    }
    return time;
}

// JSON text is compacted with member order kept (duplicates refused); anything else is signed as is.
Result<std::string> buildPayload(const SignArguments& arguments, std::chrono::sys_seconds now)
{
    if (!arguments.payload.empty() && !arguments.payloadFile.empty()) {
        return fail(Errc::InvalidJson, "give --payload or --payload-file, not both");
    }
    std::string text = arguments.payload;
    if (!arguments.payloadFile.empty()) {
        auto read = readFileOrStdin(arguments.payloadFile, "payload");
        if (!read) {
            return std::unexpected(read.error());
        }
        text = std::move(*read);
    }
    const bool claimOptions
        = !arguments.claims.empty() || arguments.iat || !arguments.exp.empty() || !arguments.nbf.empty();
    if (!claimOptions) {
        if (encoding::parseJson(text)) {
            return jose::compactJsonText(text, "payload");
        }
        return text;
    }
    Json claims = Json::object();
    if (!text.empty()) {
        auto compact = jose::compactJsonText(text, "payload");
        if (!compact) {
            return std::unexpected(compact.error());
        }
        claims = encoding::parseJson(*compact)->value;
        if (!claims.is_object()) {
            return fail(Errc::NotAJsonObject, "--claim, --iat, --exp and --nbf need a payload that is a JSON object");
        }
    }
    if (arguments.iat) {
        claims["iat"] = now.time_since_epoch().count();
    }
    if (!arguments.nbf.empty()) {
        auto nbf = timeClaim(arguments.nbf, now, "--nbf");
        if (!nbf) {
            return std::unexpected(nbf.error());
        }
        claims["nbf"] = nbf->time_since_epoch().count();
    }
    if (!arguments.exp.empty()) {
        auto exp = timeClaim(arguments.exp, now, "--exp");
        if (!exp) {
            return std::unexpected(exp.error());
        }
        claims["exp"] = exp->time_since_epoch().count();
    }
    for (const auto& claimText : arguments.claims) {
        auto claim = parseClaim(claimText);
        if (!claim) {
            return std::unexpected(claim.error());
        }
        claims[claim->first] = std::move(claim->second);
    }
    return encoding::toCompactJson(claims);
}

// The header as given, with "alg" (first, when added) and the key's "kid" filled in.
Result<Json> buildHeader(const SignArguments& arguments, const keys::Key* key)
{
    Json header = Json::object();
    if (!arguments.header.empty()) {
        auto parsed = encoding::parseJson(arguments.header);
        if (!parsed || !parsed->value.is_object()) {
            return fail(Errc::InvalidJson,
                        "--header must be a JSON object" + (parsed ? std::string() : ": " + parsed.error().message));
        }
        header = std::move(parsed->value);
    }
    const auto existing = header.find("alg");
    if (existing != header.end() && !arguments.alg.empty() && *existing != Json(arguments.alg)) {
        return fail(Errc::AlgorithmNotAllowed,
                    fmt::format("--alg {} contradicts the header's \"alg\": {}", arguments.alg, existing->dump()));
    }
    if (existing == header.end()) {
        if (arguments.alg.empty()) {
            return fail(Errc::UnsupportedAlgorithm, "give --alg (or \"alg\" in --header)");
        }
        Json ordered = {{"alg", arguments.alg}};
        if (arguments.header.empty()) {
            ordered["typ"] = "JWT";
        }
        for (auto& [name, value] : header.items()) {
            ordered[name] = value;
        }
        header = std::move(ordered);
    }
    if (key && !key->parameters().kid.empty() && !header.contains("kid")) {
        header["kid"] = key->parameters().kid;
    }
    return header;
}

int run(const SignArguments& arguments)
{
    const auto now = nowOr(arguments.now);
    if (!now) {
        std::cerr << "jwtwb: " << now.error().message << "\n";
        return 2;
    }
    auto keys = loadKeys(arguments.key);
    if (!keys) {
        std::cerr << "jwtwb: " << keys.error().message << "\n";
        return 2;
    }
    if (keys->keys.size() > 1) {
        std::cerr << "jwtwb: the key file holds " << keys->keys.size() << " keys; signing needs exactly one\n";
        return 2;
    }
    const keys::Key* key = keys->keys.empty() ? nullptr : &keys->keys.front();
    if (!key && !arguments.unsecured) {
        std::cerr << "jwtwb: no key: give --key, --secret or --secret-file (or --unsecured for alg none)\n";
        return 2;
    }
    auto header = buildHeader(arguments, key);
    auto payload = header ? buildPayload(arguments, *now) : Result<std::string>(std::string());
    if (!header || !payload) {
        std::cerr << "jwtwb: " << (!header ? header.error().message : payload.error().message) << "\n";
        return 2;
    }
    jose::SignOptions options;
    options.allowUnsecured = arguments.unsecured;
    options.detachedPayload = arguments.detached;
    options.weakKeys = arguments.allowWeakKeys ? jose::WeakKeys::Accept : jose::WeakKeys::Refuse;
    Result<std::string> output = std::string();
    if (arguments.serialization == "compact") {
        output = jose::signCompact(encoding::toCompactJson(*header), asBytes(*payload), key, options);
    } else if (arguments.serialization == "flattened" || arguments.serialization == "general") {
        jose::SignatureSpec spec{*header, Json::object(), key};
        auto json = jose::signJson(std::span(&spec, 1), asBytes(*payload),
                                   arguments.serialization == "general" ? jose::JsonSerialization::General
                                                                        : jose::JsonSerialization::Flattened,
                                   options);
        output = json ? Result<std::string>(encoding::toPrettyJson(*json)) : std::unexpected(json.error());
    } else {
        std::cerr << "jwtwb: --serialization takes compact, flattened or general\n";
        return 2;
    }
    if (!output) {
        std::cerr << "jwtwb: " << output.error().message << "\n";
        return 1;
    }
    std::cout << *output << "\n";
    return 0;
}

} // namespace

void addSignCommand(CLI::App& app, int& exitCode)
{
    auto arguments = std::make_shared<SignArguments>();
    auto* command = app.add_subcommand("sign", "Create a signed token (JWS) from a header, a payload and a key");
    addKeyOptions(*command, arguments->key);
    command->add_option("--alg", arguments->alg, "Algorithm: HS256 … EdDSA (none needs --unsecured)");
    command->add_option("--header", arguments->header, "Protected header as JSON; alg and the key's kid are added");
    command->add_option("--payload", arguments->payload,
                        "Payload: JSON claims or any text, signed as given (compacted when JSON claims are added)");
    command->add_option("--payload-file", arguments->payloadFile, "Read the payload from a file ('-' for stdin)");
    command->add_option("--claim", arguments->claims,
                        "Claim name=value, value as JSON if it parses, else a string (repeatable)");
    command->add_flag("--iat", arguments->iat, "Set iat to now");
    command->add_option("--exp", arguments->exp, "Expiry: +1h, 90m, a Unix time or an ISO 8601 time");
    command->add_option("--nbf", arguments->nbf, "Not before: now, +5m, a Unix time or an ISO 8601 time");
    command->add_option("--now", arguments->now, "Use this time instead of the clock");
    command->add_flag("--unsecured", arguments->unsecured, "Allow alg none (an unsecured token that anyone can forge)");
    command->add_flag("--detached", arguments->detached, "Leave the payload out (RFC 7515 Appendix F)");
    command->add_flag("--allow-weak-keys", arguments->allowWeakKeys, kAllowWeakKeysHelp);
    command->add_option("--serialization", arguments->serialization, "compact (default), flattened or general JSON");
    command->callback([arguments, &exitCode] { exitCode = run(*arguments); });
}

} // namespace jwtwb::cli
