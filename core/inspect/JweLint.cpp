#include "JweLint.h"

#include "encoding/Base64Url.h"
#include "encoding/Text.h"
#include "jose/ClaimText.h"
#include "jwe/JweAlgorithm.h"

#include <fmt/format.h>

namespace jwtwb::inspect {
namespace {

using encoding::Json;
using jwe::KeyManagement;

// RFC 7518 §4.8.1.2: "A minimum iteration count of 1000 is RECOMMENDED."
constexpr std::uint64_t kMinP2c = 1000;

class JweLinter
{
public:
    JweLinter(const Json& header, std::uint64_t maxP2c)
        : m_header(header)
        , m_maxP2c(maxP2c)
    { }

    std::vector<Finding> run()
    {
        const auto alg = checkAlgorithms();
        checkZip();
        if (alg) {
            const jwe::KeyAlgorithmInfo& info = jwe::keyAlgorithmInfo(*alg);
            if (info.decryptOnly) {
                addRsa15();
            }
            if (info.usesPassphrase()) {
                checkPbes2();
            }
            if (info.agreesKey()) {
                checkEphemeralKey();
            }
        }
        return std::move(m_findings);
    }

private:
    void add(FindingCode code, Severity severity, std::string title, std::string explanation, std::string reference,
             std::string location)
    {
        m_findings.push_back(
            {code, severity, std::move(title), std::move(explanation), std::move(reference), std::move(location)});
    }

    [[nodiscard]] const Json* member(std::string_view name) const
    {
        const auto it = m_header.find(name);
        return it != m_header.end() ? &*it : nullptr;
    }

    std::optional<jwe::KeyAlgorithm> checkAlgorithms()
    {
        std::optional<jwe::KeyAlgorithm> alg;
        if (const Json* name = member("alg"); name && name->is_string()) {
            alg = jwe::parseKeyAlgorithm(name->get_ref<const std::string&>());
            if (!alg && !encoding::equalsIgnoringAsciiCase(name->get_ref<const std::string&>(), "none")) {
                add(FindingCode::UnsupportedAlgorithm, Severity::Error,
                    fmt::format("Unknown key management algorithm {}", jose::quoteJson(*name)),
                    fmt::format("{} is not a JWE key management algorithm from RFC 7518 or RFC 8037 (names are "
                                "case-sensitive, e.g. RSA-OAEP-256, ECDH-ES+A256KW, A256KW, dir). No recipient "
                                "here can decrypt the token.",
                                jose::quoteJson(*name)),
                    "RFC 7516 §4.1.1; RFC 7518 §4.1", "header.alg");
            }
        }
        const Json* enc = member("enc");
        if (!enc || !enc->is_string() || !jwe::parseContentAlgorithm(enc->get_ref<const std::string&>())) {
            add(FindingCode::UnsupportedAlgorithm, Severity::Error,
                enc ? fmt::format("Unknown content encryption {}", jose::quoteJson(*enc))
                    : std::string("The header has no enc"),
                "An encrypted token names its content encryption in \"enc\": one of A128CBC-HS256, A192CBC-HS384, "
                "A256CBC-HS512, A128GCM, A192GCM or A256GCM. Without a known one it cannot be decrypted.",
                "RFC 7516 §4.1.2; RFC 7518 §5.1", "header.enc");
        }
        return alg;
    }

    void checkZip()
    {
        const Json* zip = member("zip");
        if (!zip) {
            return;
        }
        add(FindingCode::JweCompressed, Severity::Warning, "Compressed before encryption (zip)",
            fmt::format("\"zip\" is {}: the plaintext was compressed before it was encrypted. The ciphertext's length "
                        "then depends on the content, so an attacker who can add text next to a secret and watch the "
                        "length learns the secret byte by byte (the CRIME and BREACH attacks). Compress only content "
                        "no attacker influences, or not at all. Decryption here stops inflating at 16 MiB.",
                        jose::quoteJson(*zip)),
            "RFC 8725 §3.6; RFC 7516 §4.1.3", "header.zip");
    }

    void addRsa15()
    {
        add(FindingCode::JweRsa15, Severity::Warning, "RSA1_5 key encryption (RSAES-PKCS1-v1_5)",
            "The content key is encrypted with PKCS#1 v1.5 padding. A recipient that reveals, by an error or by its "
            "timing, whether the padding was right is a decryption oracle: Bleichenbacher's attack then recovers "
            "the content key. This program goes on with a random key when the padding is wrong (RFC 7516 §11.5), "
            "but the sender should use RSA-OAEP-256 instead.",
            "RFC 8725 §3.2; RFC 7516 §11.5; RFC 3218", "header.alg");
    }

    void checkPbes2()
    {
        const Json* count = member("p2c");
        if (count && count->is_number_unsigned()) {
            const auto p2c = count->get<std::uint64_t>();
            if (p2c > m_maxP2c) {
                add(FindingCode::JwePbes2Parameters, Severity::Error,
                    fmt::format("Extreme PBES2 iteration count ({})", p2c),
                    fmt::format("p2c asks the recipient to run PBKDF2 {} times before it can even check the "
                                "passphrase: a token built to burn CPU (a denial of service). Decryption here refuses "
                                "counts above {} before doing any work.",
                                p2c, m_maxP2c),
                    "RFC 8725 §3.7 (denial of service); RFC 7518 §4.8.1.2", "header.p2c");
            } else if (p2c < kMinP2c) {
                add(FindingCode::JwePbes2Parameters, Severity::Warning,
                    fmt::format("Low PBES2 iteration count ({})", p2c),
                    fmt::format("p2c is {}; RFC 7518 recommends at least {}, and current advice (OWASP) is hundreds "
                                "of thousands. A low count makes guessing the passphrase cheap.",
                                p2c, kMinP2c),
                    "RFC 7518 §4.8.1.2; RFC 8725 §3.5", "header.p2c");
            }
        }
        if (const Json* salt = member("p2s"); salt && salt->is_string()) {
            const auto bytes = encoding::base64UrlDecode(salt->get_ref<const std::string&>());
            if (bytes && bytes->size() < 8) {
                add(FindingCode::JwePbes2Parameters, Severity::Error,
                    fmt::format("PBES2 salt too short ({} bytes)", bytes->size()),
                    "p2s must hold at least 8 bytes of salt, so that one passphrase guess cannot be reused across "
                    "tokens.",
                    "RFC 7518 §4.8.1.1", "header.p2s");
            }
        }
    }

    void checkEphemeralKey()
    {
        const Json* epk = member("epk");
        if (!epk || !epk->is_object()) {
            add(FindingCode::JweEphemeralKey, Severity::Error, "ECDH-ES without an ephemeral key",
                "ECDH-ES needs the sender's ephemeral public key in \"epk\" (a JWK); without it the token cannot be "
                "decrypted.",
                "RFC 7518 §4.6.1.1", "header.epk");
            return;
        }
        if (epk->contains("d")) {
            add(FindingCode::JweEphemeralKey, Severity::Error, "The ephemeral key's private half is in the header",
                "\"epk\" holds \"d\", the ephemeral private key: anyone who sees the token can compute the shared "
                "secret and decrypt it. The sender leaks every token it encrypts this way.",
                "RFC 7518 §4.6.1.1; RFC 8725 §3.4", "header.epk.d");
        }
    }

    const Json& m_header;
    std::uint64_t m_maxP2c;
    std::vector<Finding> m_findings;
};

} // namespace

std::vector<Finding> lintJweHeader(const Json& header, std::uint64_t maxP2c)
{
    return JweLinter(header, maxP2c).run();
}

} // namespace jwtwb::inspect
