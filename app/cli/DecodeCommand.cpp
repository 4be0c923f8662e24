#include "DecodeCommand.h"

#include "Input.h"
#include "encoding/Base64Url.h"
#include "encoding/Json.h"
#include "encoding/Utf8.h"
#include "inspect/TokenExtractor.h"
#include "jose/CompactToken.h"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace jwtwb::cli {
namespace {

using encoding::Json;

struct DecodeOptions {
    std::string token;
    std::string member;
    bool json = false;
    bool strict = false;
};

Json toJson(const jose::CompactToken& token, const inspect::ExtractedToken& extracted,
            const inspect::TokenCandidates& candidates)
{
    Json out;
    out["kind"] = token.kind == jose::TokenKind::Jws ? "JWS" : "JWE";
    out["source"] = std::string(inspect::describe(extracted.source));
    out["member"] = extracted.name;
    out["members"] = Json::array();
    for (const auto& candidate : candidates.candidates) {
        out["members"].push_back(candidate.name);
    }
    out["header"] = token.header.value;
    if (token.kind == jose::TokenKind::Jws) {
        if (token.payloadJson) {
            out["payload"] = token.payloadJson->value;
        } else {
            out["payload_b64u"] = encoding::base64UrlEncode(token.payload());
            if (!encoding::findInvalidUtf8(asText(token.payload()))) {
                out["payload_text"] = std::string(asText(token.payload()));
            }
        }
        out["signature"] = encoding::base64UrlEncode(token.signature());
        out["signing_input"] = std::string(token.signingInput());
    }
    out["warnings"] = jose::describeNotes(token);
    return out;
}

void printText(const jose::CompactToken& token)
{
    std::cout << "Header:\n" << encoding::toPrettyJson(token.header.value) << "\n";
    if (token.kind == jose::TokenKind::Jwe) {
        std::cout << "\nThis is a JWE (encrypted token): without the key only its header can be shown.\n";
        return;
    }
    const auto& payload = token.payload();
    if (token.payloadJson) {
        std::cout << "\nPayload:\n" << encoding::toPrettyJson(token.payloadJson->value) << "\n";
    } else if (payload.empty()) {
        std::cout << "\nPayload: (empty: detached payload, RFC 7515 Appendix F)\n";
    } else if (!encoding::findInvalidUtf8(asText(payload))) {
        std::cout << "\nPayload (" << payload.size() << " bytes of text, not JSON):\n" << asText(payload) << "\n";
    } else {
        std::cout << "\nPayload (" << payload.size() << " bytes, not text; base64url):\n"
                  << encoding::base64UrlEncode(payload) << "\n";
    }
    const auto& signature = token.signature();
    std::cout << "\nSignature (" << signature.size() << " bytes):\n"
              << (signature.empty() ? "(none)" : encoding::base64UrlEncode(signature)) << "\n";
}

// Which token of the input is decoded, when the input named it or held several.
void printSource(const inspect::ExtractedToken& extracted, const inspect::TokenCandidates& candidates)
{
    const bool named = extracted.source == inspect::TokenSource::JsonMember
        || extracted.source == inspect::TokenSource::UrlParameter
        || extracted.source == inspect::TokenSource::FormField;
    if (candidates.candidates.size() > 1) {
        std::cerr << fmt::format("jwtwb: decoding {} ({}), one of {} tokens in the input: {}; --member NAME picks "
                                 "another\n",
                                 extracted.name, inspect::describe(extracted.source), candidates.candidates.size(),
                                 candidates.names());
    } else if (named) {
        std::cerr << fmt::format("jwtwb: decoding {} ({})\n", extracted.name, inspect::describe(extracted.source));
    }
    if (extracted.isSdJwt()) {
        std::cerr << "jwtwb: an SD-JWT: decoding its issuer-signed JWT; `jwtwb sd decode` shows its disclosures\n";
    }
}

int run(const DecodeOptions& options)
{
    auto input = readArgumentOrStdin(options.token, "token");
    if (!input) {
        std::cerr << "jwtwb: " << input.error().message << "\n";
        return 2;
    }
    auto candidates = inspect::extractTokens(*input);
    if (!candidates) {
        std::cerr << "jwtwb: " << candidates.error().message << "\n";
        return 1;
    }
    auto extracted = candidates->pick(options.member);
    if (!extracted) {
        std::cerr << "jwtwb: --member: " << extracted.error().message << "\n";
        return 2;
    }
    if (!options.json) {
        printSource(*extracted, *candidates);
    }
    auto token
        = jose::decodeCompact(extracted->token, options.strict ? jose::Base64Mode::Strict : jose::Base64Mode::Lenient);
    if (!token) {
        std::cerr << "jwtwb: " << token.error().message << "\n";
        return 1;
    }
    if (options.json) {
        std::cout << encoding::toPrettyJson(toJson(*token, *extracted, *candidates)) << "\n";
        return 0;
    }
    for (const auto& warning : jose::describeNotes(*token)) {
        std::cerr << "jwtwb: warning: " << warning << "\n";
    }
    printText(*token);
    return 0;
}

} // namespace

void addDecodeCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<DecodeOptions>();
    auto* command = app.add_subcommand("decode", "Show a token's header, payload and signature without verifying it");
    command->add_option("token", options->token,
                        "The token, a Bearer value, an Authorization header, a URL, a form body, JSON or any text with "
                        "the token; '-' or nothing reads standard input");
    command->add_option("--member", options->member, kMemberOptionHelp)->option_text("NAME");
    command->add_flag("--json", options->json, "Print one JSON object for scripts");
    command->add_flag(
        "--strict", options->strict,
        "Refuse non-canonical base64url (padding, '+' or '/', non-zero trailing bits) instead of warning");
    command->callback([options, &exitCode] { exitCode = run(*options); });
}

} // namespace jwtwb::cli
