#include "EncryptedJwt.h"

#include "crypto/WipeJson.h"
#include "encoding/Json.h"
#include "encoding/Text.h"
#include "jose/JwtVerifier.h"
#include "jwe/JweSerialization.h"

namespace jwtwb::jwe {
namespace {

bool isNestedJwt(const encoding::Json& header)
{
    const auto cty = header.find("cty");
    return cty != header.end() && cty->is_string() && jose::typeMatches(cty->get_ref<const std::string&>(), "JWT");
}

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

} // namespace

Result<JweMessage> parseJwe(std::string_view text)
{
    const std::string_view token = trimmed(text);
    if (token.empty()) {
        return fail(Errc::EmptyInput, "no JWE was given");
    }
    return token.front() == '{' ? parseJweJson(token) : parseJweCompact(token);
}

bool EncryptedJwtReport::valid() const
{
    switch (content) {
    case JweContent::NestedJwt: return nested && nested->valid();
    case JweContent::Claims: return claims && claims->ok();
    case JweContent::Other: return true;
    }
    return false;
}

Result<EncryptedJwtReport> decryptJwt(std::string_view token, std::span<const keys::Key> decryptionKeys,
                                      const jose::KeySource& verificationKeys, const EncryptedJwtOptions& options)
{
    auto message = parseJwe(token);
    if (!message) {
        return std::unexpected(message.error());
    }
    auto decrypted = decryptJwe(*message, decryptionKeys, options.decrypt);
    if (!decrypted) {
        return std::unexpected(decrypted.error());
    }
    EncryptedJwtReport report;
    report.decrypted = std::move(*decrypted);
    const std::string_view plaintext = report.decrypted.plaintext.view();
    if (isNestedJwt(report.decrypted.header)) {
        report.content = JweContent::NestedJwt;
        auto nested = jose::verifyJwt(trimmed(plaintext), verificationKeys, options.verify);
        if (nested) {
            report.nested = std::move(*nested);
        } else {
            report.innerError = Error{nested.error().code,
                                      "the JWE says it holds a JWT (\"cty\": \"JWT\"), but its plaintext is not one: "
                                          + nested.error().message};
        }
        return report;
    }
    auto json = encoding::parseJson(plaintext);
    if (!json) {
        return report;
    }
    const crypto::WipeOnExit wipeClaims(json->value); // the plaintext stays in SecureBytes only
    if (json->value.is_object()) {
        report.content = JweContent::Claims;
        report.claims = jose::checkClaims(report.decrypted.header, json->value, options.verify.claims);
    }
    return report;
}

} // namespace jwtwb::jwe
