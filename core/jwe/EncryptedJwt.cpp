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

} // namespace

Result<JweMessage> parseJwe(std::string_view text)
{
    const std::string_view token = encoding::trimAsciiSpace(text);
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
    return examineDecrypted(std::move(*decrypted), verificationKeys, options.verify);
}

EncryptedJwtReport examineDecrypted(DecryptedJwe decrypted, const jose::KeySource& verificationKeys,
                                    const jose::JwtVerifyOptions& options)
{
    EncryptedJwtReport report;
    report.decrypted = std::move(decrypted);
    const std::string_view plaintext = report.decrypted.plaintext.view();
    if (isNestedJwt(report.decrypted.header)) {
        report.content = JweContent::NestedJwt;
        auto nested = jose::verifyJwt(encoding::trimAsciiSpace(plaintext), verificationKeys, options);
        if (nested) {
            report.nested = std::move(*nested);
        } else {
            report.innerError = Error{nested.error().code,
                                      "the JWE says it holds a JWT (\"cty\": \"JWT\"), but its plaintext is not one: "
                                          + nested.error().message};
        }
        return report;
    }
    auto claims = encoding::readJsonMembers(plaintext);
    if (!claims) {
        return report;
    }
    if (claims->isObject()) {
        report.content = JweContent::Claims;
        const std::string headerText = encoding::toCompactJson(report.decrypted.header);
        if (auto header = encoding::readJsonMembers(headerText)) {
            report.claims = jose::checkClaims(*header, *claims, options.claims);
        }
    }
    crypto::wipe(*claims); // the plaintext stays in SecureBytes only
    return report;
}

} // namespace jwtwb::jwe
