#include "Lint.h"

#include "inspect/JweLint.h"

#include "dpop/DpopProof.h"
#include "encoding/Text.h"
#include "encoding/Utf8.h"
#include "jose/Algorithm.h"
#include "jose/ClaimText.h"
#include "jose/JoseHeader.h"
#include "jose/KeyAlgorithmCheck.h"
#include "jose/Lifetime.h"
#include "keys/Key.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace jwtwb::inspect {

using namespace jose; // inspect explains what jose defines
namespace {

using encoding::Json;

constexpr std::string_view kOwasp = "OWASP JSON Web Token Cheat Sheet for Java";
constexpr std::size_t kMaxNestedTokens = 16; // findings about tokens inside claims, per token

struct CodeName {
    FindingCode code;
    std::string_view name;
};

constexpr std::array kCodeNames{
    CodeName{FindingCode::AlgNone, "LINT_ALG_NONE"},
    CodeName{FindingCode::UnsupportedAlgorithm, "LINT_UNSUPPORTED_ALG"},
    CodeName{FindingCode::WeakHmacSecret, "LINT_WEAK_HMAC_SECRET"},
    CodeName{FindingCode::KnownSecret, "LINT_KNOWN_SECRET"},
    CodeName{FindingCode::MissingExp, "LINT_MISSING_EXP"},
    CodeName{FindingCode::Expired, "LINT_EXPIRED"},
    CodeName{FindingCode::NotYetValid, "LINT_NOT_YET_VALID"},
    CodeName{FindingCode::IssuedInFuture, "LINT_IAT_IN_FUTURE"},
    CodeName{FindingCode::LongLifetime, "LINT_LONG_LIFETIME"},
    CodeName{FindingCode::NeverValid, "LINT_NEVER_VALID"},
    CodeName{FindingCode::MillisecondsTimestamp, "LINT_MILLISECONDS_TIMESTAMP"},
    CodeName{FindingCode::InvalidTimeClaim, "LINT_INVALID_TIME_CLAIM"},
    CodeName{FindingCode::KeyUrlHeader, "LINT_KEY_URL_HEADER"},
    CodeName{FindingCode::EmbeddedKeyHeader, "LINT_EMBEDDED_KEY_HEADER"},
    CodeName{FindingCode::SuspiciousKid, "LINT_SUSPICIOUS_KID"},
    CodeName{FindingCode::UnknownCrit, "LINT_UNKNOWN_CRIT"},
    CodeName{FindingCode::TypMissing, "LINT_TYP_MISSING"},
    CodeName{FindingCode::TypUnusual, "LINT_TYP_UNUSUAL"},
    CodeName{FindingCode::DuplicateMember, "LINT_DUPLICATE_MEMBER"},
    CodeName{FindingCode::NonCanonicalEncoding, "LINT_NON_CANONICAL_ENCODING"},
    CodeName{FindingCode::InvalidUtf8, "LINT_INVALID_UTF8"},
    CodeName{FindingCode::ZipInJws, "LINT_ZIP_IN_JWS"},
    CodeName{FindingCode::NestedToken, "LINT_NESTED_TOKEN"},
    CodeName{FindingCode::PayloadNotJson, "LINT_PAYLOAD_NOT_JSON"},
    CodeName{FindingCode::JweRsa15, "LINT_JWE_RSA1_5"},
    CodeName{FindingCode::JweCompressed, "LINT_JWE_ZIP"},
    CodeName{FindingCode::JwePbes2Parameters, "LINT_JWE_PBES2_PARAMETERS"},
    CodeName{FindingCode::JweEphemeralKey, "LINT_JWE_EPHEMERAL_KEY"},
};

// ASCII only: a header value's case is not a locale's business.
std::string lowercase(std::string_view text)
{
    std::string out(text);
    std::ranges::transform(out, out.begin(), encoding::toLowerAscii);
    return out;
}

std::string owasp(std::string_view section)
{
    return fmt::format("{}: {}", kOwasp, section);
}

class Linter
{
public:
    Linter(const CompactToken& token, const LintOptions& options)
        : m_token(token)
        , m_options(options)
        , m_header(token.header.value)
    { }

    std::vector<Finding> run()
    {
        checkAlgorithm();
        checkType();
        checkCritical();
        checkKeyHeaders();
        checkKid();
        checkZip();
        addDuplicates("header", m_token.header);
        addEncodingNotes(m_token.segments.front());
        checkKnownSecret();
        checkKey();
        if (m_token.kind == TokenKind::Jws) {
            checkPayload();
        } else {
            std::ranges::move(lintJweHeader(m_header, m_options.maxP2c), std::back_inserter(m_findings));
        }
        for (std::size_t i = 1; i < m_token.segments.size(); ++i) {
            addEncodingNotes(m_token.segments[i]);
        }
        // By severity, keeping token order within each (a stable sort, without std::stable_sort's
        // temporary buffer, which libstdc++ 12 builds with a function C++23 deprecates).
        std::vector<Finding> ordered;
        ordered.reserve(m_findings.size());
        for (const Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
            for (auto& finding : m_findings) {
                if (finding.severity == severity) {
                    ordered.push_back(std::move(finding));
                }
            }
        }
        return ordered;
    }

private:
    void add(FindingCode code, Severity severity, std::string title, std::string explanation, std::string reference,
             std::string location)
    {
        m_findings.push_back(
            {code, severity, std::move(title), std::move(explanation), std::move(reference), std::move(location)});
    }

    [[nodiscard]] const Json* headerParameter(std::string_view name) const
    {
        const auto it = m_header.find(name);
        return it != m_header.end() ? &*it : nullptr;
    }

    [[nodiscard]] std::optional<JwsAlgorithm> algorithm() const
    {
        const Json* alg = headerParameter("alg");
        return alg && alg->is_string() ? parseAlgorithm(alg->get_ref<const std::string&>()) : std::nullopt;
    }

    void checkAlgorithm()
    {
        const Json* alg = headerParameter("alg");
        if (!alg || !alg->is_string()) {
            add(FindingCode::UnsupportedAlgorithm, Severity::Error,
                alg ? "alg is not a string" : "The header has no alg",
                fmt::format("Every JWS and JWE header must name its algorithm in \"alg\" as a string{}. Without it no "
                            "verifier can check the token, and a library that guesses an algorithm is open to "
                            "forgery. Reject the token.",
                            alg ? fmt::format(", but here it is {}", describeJsonValue(*alg)) : std::string()),
                "RFC 7515 §4.1.1; RFC 8725 §3.1", "header.alg");
            return;
        }
        const auto& name = alg->get_ref<const std::string&>();
        if (lowercase(name) == "none") {
            const std::string casing = name == "none"
                ? std::string()
                : fmt::format(" It is written \"{}\": algorithm names are case-sensitive, and this spelling is made to "
                              "slip past verifiers that refuse only the exact string \"none\".",
                              name);
            add(FindingCode::AlgNone, Severity::Error, "Unsecured token: alg is \"none\"",
                fmt::format("The header says the token has no signature, so anyone can write or change its claims and "
                            "it proves nothing about who made it. Verifiers that honour alg \"none\" accept forged "
                            "tokens; a verifier must use an allow-list of the algorithms it expects and never accept "
                            "\"none\" for a token it relies on.{}",
                            casing),
                fmt::format("RFC 8725 §2.1, §3.1, §3.2; RFC 7518 §3.6; {}", owasp("None Hashing Algorithm")),
                "header.alg");
            return;
        }
        if (m_token.kind == TokenKind::Jws && !parseAlgorithm(name)) {
            add(FindingCode::UnsupportedAlgorithm, Severity::Error,
                fmt::format("Unknown algorithm {}", quoteString(name)),
                fmt::format("{} is not a JWS algorithm from RFC 7518, RFC 8037 or RFC 8812 (names are case-sensitive, "
                            "e.g. HS256, RS256, ES256, EdDSA). No verifier here can check its signature; a verifier "
                            "that maps unknown names to something it knows is open to algorithm confusion.",
                            quoteString(name)),
                "RFC 7515 §4.1.1; RFC 7518 §3.1; RFC 8725 §3.1", "header.alg");
        }
    }

    void checkType()
    {
        const Json* typ = headerParameter("typ");
        if (!typ) {
            add(FindingCode::TypMissing, Severity::Info, "No typ header",
                "The header does not say what kind of token this is. That is allowed, but when one issuer signs "
                "several kinds of JWT (ID tokens, access tokens, logout tokens…) with the same key, a token of one "
                "kind can be replayed where another is expected. Explicit typing (\"typ\": \"at+jwt\", "
                "\"logout+jwt\", …) lets each verifier refuse the kinds it does not expect.",
                "RFC 8725 §2.8, §3.11; RFC 7519 §5.1", "header");
            return;
        }
        if (!typ->is_string()) {
            add(FindingCode::TypUnusual, Severity::Warning, "typ is not a string",
                fmt::format("\"typ\" must be a string media type, but here it is {}. Verifiers that check the type "
                            "will reject the token, and those that do not may disagree about what it is.",
                            describeJsonValue(*typ)),
                "RFC 7515 §4.1.9; RFC 8725 §3.11", "header.typ");
            return;
        }
        std::string type = lowercase(typ->get_ref<const std::string&>());
        if (type.starts_with("application/")) {
            type.erase(0, std::string_view("application/").size());
        }
        const bool known = type == "jwt" || type == "jose" || type == "jose+json" || type.ends_with("+jwt");
        if (!known) {
            add(FindingCode::TypUnusual, Severity::Warning,
                fmt::format("Unusual typ {}", quoteString(typ->get_ref<const std::string&>())),
                fmt::format("\"typ\" is {}, which is neither \"JWT\" nor an explicit JWT type ending in \"+jwt\" (such "
                            "as \"at+jwt\" for OAuth access tokens). Verifiers that check the type will reject the "
                            "token; if the issuer means a JWT, it should say \"JWT\" or the explicit type of its "
                            "kind of token.",
                            quoteString(typ->get_ref<const std::string&>())),
                "RFC 7515 §4.1.9; RFC 7519 §5.1; RFC 8725 §3.11", "header.typ");
        }
    }

    void critProblem(std::string title, std::string explanation)
    {
        add(FindingCode::UnknownCrit, Severity::Error, std::move(title), std::move(explanation), "RFC 7515 §4.1.11",
            "header.crit");
    }

    void checkCritical()
    {
        const Json* crit = headerParameter("crit");
        if (!crit) {
            return;
        }
        if (!crit->is_array() || crit->empty()) {
            critProblem("crit is malformed",
                        fmt::format("\"crit\" must be a non-empty array of header parameter names, but here it is {}. "
                                    "A verifier must reject such a token.",
                                    describeJsonValue(*crit)));
            return;
        }
        for (const auto& entry : *crit) {
            if (!entry.is_string()) {
                critProblem("crit is malformed",
                            fmt::format("\"crit\" must list header parameter names as strings, but it holds {}. A "
                                        "verifier must reject such a token.",
                                        describeJsonValue(entry)));
                continue;
            }
            const auto& name = entry.get_ref<const std::string&>();
            if (isRegisteredHeaderParameter(name)) {
                critProblem(fmt::format("crit lists the standard parameter {}", quoteString(name)),
                            fmt::format("\"crit\" may only name extensions, but it lists {}, which every JOSE "
                                        "implementation already understands. RFC 7515 forbids that, and a strict "
                                        "verifier rejects the token.",
                                        quoteString(name)));
            } else if (!m_header.contains(name)) {
                critProblem(fmt::format("crit lists {}, which the header lacks", quoteString(name)),
                            fmt::format("\"crit\" marks {} as critical, but the header has no such parameter. A "
                                        "verifier must reject such a token.",
                                        quoteString(name)));
            } else if (name != "b64"
                       && std::ranges::find(m_options.criticalHeaders, name) == m_options.criticalHeaders.end()) {
                critProblem(fmt::format("Unknown critical header {}", quoteString(name)),
                            fmt::format("The header marks {} as critical: a verifier that does not understand that "
                                        "extension must reject the token. No verifier here understands it, so the "
                                        "token cannot be accepted; a library that ignores \"crit\" would accept it "
                                        "without applying whatever {} was meant to enforce.",
                                        quoteString(name), quoteString(name)));
            }
        }
    }

    void checkKeyHeaders()
    {
        for (const std::string_view name : {"jku", "x5u"}) {
            if (const Json* value = headerParameter(name)) {
                add(FindingCode::KeyUrlHeader, Severity::Warning,
                    fmt::format("The header points to a key URL ({})", name),
                    fmt::format("\"{}\" is {}: the token asks the verifier to fetch its key from a URL. Whoever made "
                                "the token chose that URL, so a verifier that follows it trusts a key the attacker "
                                "controls, and can be made to send requests into its own network (server-side "
                                "request forgery). Verifiers should ignore it, or accept only exact URLs from an "
                                "allow-list, and take keys from their own configuration.",
                                name, quoteJson(*value)),
                    "RFC 8725 §2.9, §3.10; RFC 7515 §4.1.2, §4.1.5", fmt::format("header.{}", name));
            }
        }
        // RFC 9449 §4.2: a DPoP proof carries the public key it was signed with; that is how it works.
        if (headerParameter("jwk") && dpop::looksLikeDpopProof(m_header)) {
            add(FindingCode::EmbeddedKeyHeader, Severity::Info, "DPoP proof with its own public key (jwk)",
                "This is a DPoP proof (\"typ\": \"dpop+jwt\"): carrying the public key it was signed with in "
                "\"jwk\" is how DPoP works, and the proof is verified with that key. It shows only that the client "
                "holds that key's private half, not who the client is. What binds the key to an access token is the "
                "token's \"cnf.jkt\", the key's RFC 7638 thumbprint, which the server must compare.",
                "RFC 9449 §4.2, §4.3, §6.1", "header.jwk");
        }
        for (const std::string_view name : {"jwk", "x5c"}) {
            if (headerParameter(name) && !(name == "jwk" && dpop::looksLikeDpopProof(m_header))) {
                add(FindingCode::EmbeddedKeyHeader, Severity::Warning,
                    fmt::format("The token carries its own key ({})", name),
                    fmt::format("\"{}\" puts a {} inside the token itself. A verifier that checks the signature with "
                                "that key proves only that the token matches the key it brought along, which anyone "
                                "can do (CVE-2018-0114). The key must come from the verifier's own configuration, "
                                "or at least be compared with a trusted key or certificate chain.",
                                name, name == "jwk" ? "public key (JWK)" : "certificate chain"),
                    "RFC 7515 §4.1.3, §4.1.6; RFC 8725 §3.10", fmt::format("header.{}", name));
            }
        }
    }

    void checkKid()
    {
        const Json* kid = headerParameter("kid");
        if (!kid) {
            return;
        }
        if (!kid->is_string()) {
            add(FindingCode::SuspiciousKid, Severity::Warning, "kid is not a string",
                fmt::format("\"kid\" must be a string, but here it is {}. Code that looks keys up by kid may "
                            "misbehave when it gets another JSON type.",
                            describeJsonValue(*kid)),
                "RFC 7515 §4.1.4; RFC 8725 §3.10", "header.kid");
            return;
        }
        const auto& text = kid->get_ref<const std::string&>();
        const std::vector<std::string_view> reasons = kidSuspicions(text);
        if (reasons.empty()) {
            return;
        }
        std::string why;
        for (const auto reason : reasons) {
            why += (why.empty() ? "" : ", ") + std::string(reason);
        }
        add(FindingCode::SuspiciousKid, Severity::Warning, fmt::format("Suspicious kid {}", quoteString(text)),
            fmt::format("The key ID {} looks like {}. Verifiers use \"kid\" to look up a key in a file system, a "
                        "database or a directory; used as given, a value like this can read an arbitrary file "
                        "(even an empty one, so that the \"secret\" is empty), inject SQL or LDAP, or make the "
                        "server fetch a URL. Treat kid as untrusted input: match it exactly against known key IDs.",
                        quoteString(text), why),
            "RFC 8725 §2.9, §3.10; RFC 7515 §4.1.4", "header.kid");
    }

    // What a kid looks like besides a key ID; empty when it looks like an ordinary one.
    static std::vector<std::string_view> kidSuspicions(std::string_view kid)
    {
        std::vector<std::string_view> reasons;
        const std::string lower = lowercase(kid);
        const auto has = [&](std::string_view needle) { return lower.find(needle) != std::string::npos; };
        // A lone '/' is common in base64 key IDs (AWS Cognito), so only path shapes count.
        if (has("../") || has("..\\") || kid.starts_with('/') || kid.starts_with('\\') || kid.starts_with('~')
            || has("\\") || (kid.size() > 2 && kid[1] == ':' && (kid[2] == '\\' || kid[2] == '/'))) {
            reasons.emplace_back("a file path");
        }
        if (has("://")) {
            reasons.emplace_back("a URL");
        }
        const bool sqlKeyword
            = std::ranges::any_of(std::array<std::string_view, 8>{"union ", "select ", " or ", " and ", "drop ",
                                                                  "insert ", "sleep(", "benchmark("},
                                  has);
        if (has("'") || has("\"") || has("--") || has(";") || has("/*") || sqlKeyword) {
            reasons.emplace_back("SQL");
        }
        if (has("|") || has("`") || has("$(") || has("&&")) {
            reasons.emplace_back("a shell command");
        }
        if (has("*)") || has("(|") || has("(&")) {
            reasons.emplace_back("an LDAP filter");
        }
        if (std::ranges::any_of(kid, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
            reasons.emplace_back("text with control characters");
        }
        return reasons;
    }

    void checkZip()
    {
        if (m_token.kind != TokenKind::Jws) {
            return;
        }
        if (const Json* zip = headerParameter("zip")) {
            add(FindingCode::ZipInJws, Severity::Warning, "zip in a signed token",
                fmt::format("\"zip\" is {}, but compression is defined only for encrypted tokens (JWE); a JWS "
                            "payload is never compressed. A library that decompresses it anyway can be made to "
                            "inflate a small token into gigabytes, and others will read the compressed bytes as the "
                            "payload. Remove it.",
                            quoteJson(*zip)),
                "RFC 7516 §4.1.3; RFC 7515 §4.1", "header.zip");
        }
    }

    // A repeated header member is an error (JwsVerifier refuses it); a repeated claim a warning, since
    // RFC 7519 §4 lets parsers take the last one, as here.
    void addDuplicates(std::string_view part, const encoding::ParsedJson& parsed)
    {
        const bool header = part == "header";
        for (const auto& duplicate : parsed.duplicates) {
            const std::string location = fmt::format("{}{}.{}", part, pointerToPath(duplicate.path), duplicate.key);
            add(FindingCode::DuplicateMember, header ? Severity::Error : Severity::Warning,
                fmt::format("{} appears more than once in the {}", quoteString(duplicate.key), part),
                fmt::format("The {} holds the member {} more than once. JSON parsers disagree on which copy wins: "
                            "one library may check the first value while another uses the last (shown here), which "
                            "lets a token mean one thing to a gateway and another to the service behind it. {}",
                            part, quoteString(duplicate.key),
                            header ? "Verifiers may reject such a header, and this one does."
                                   : "JWT parsers must either reject the token or use the last value; the issuer "
                                     "should write each name once."),
                "RFC 7515 §5.2; RFC 7519 §4; RFC 8259 §4", location);
        }
    }

    // JSON Pointer "/a/0" as ".a.0", for locations like "payload.address.street".
    static std::string pointerToPath(std::string_view pointer)
    {
        std::string path;
        for (std::size_t i = 0; i < pointer.size(); ++i) {
            if (pointer[i] == '/') {
                path += '.';
            } else if (pointer[i] == '~' && i + 1 < pointer.size()) {
                path += pointer[++i] == '1' ? '/' : '~';
            } else {
                path += pointer[i];
            }
        }
        return path;
    }

    void checkKnownSecret()
    {
        if (m_options.secretFoundIn.empty() || m_token.kind != TokenKind::Jws) {
            return;
        }
        add(FindingCode::KnownSecret, Severity::Error, "Signed with a publicly known secret",
            fmt::format("The weak-secret search found the HMAC secret of this token in the {}. Anyone who tries the "
                        "same guesses has it too, and with it can sign any token they like, which every verifier "
                        "that holds this secret accepts. Replace the secret with a random one of at least as many "
                        "bytes as the hash output (32 for HS256, 48 for HS384, 64 for HS512), and stop accepting "
                        "tokens signed with the old one.",
                        m_options.secretFoundIn),
            fmt::format("RFC 8725 §3.5; RFC 7518 §3.2; {}", owasp("Weak Token Secret")), "signature");
    }

    void checkKey()
    {
        const auto alg = algorithm();
        if (!m_options.key || m_token.kind != TokenKind::Jws || !alg) {
            return;
        }
        const std::string shortSecret = describeShortHmacSecret(*m_options.key, *alg);
        if (shortSecret.empty()) {
            return;
        }
        add(FindingCode::WeakHmacSecret, Severity::Error, "HMAC secret shorter than the hash",
            fmt::format("For {}, {}. Anyone who holds one token can try guesses for the secret offline, as fast as "
                        "their hardware allows, and a short or memorable secret falls quickly; with it they can sign "
                        "any token they like. Use a random secret of at least as many bytes as the hash output "
                        "(32 for HS256, 48 for HS384, 64 for HS512).",
                        algorithmName(*alg), shortSecret),
            fmt::format("RFC 7518 §3.2; RFC 8725 §2.2, §3.5; {}", owasp("Weak Token Secret")), "key");
    }

    void checkPayload()
    {
        const Bytes& payload = m_token.payload();
        if (payload.empty()) {
            return; // detached (RFC 7515 Appendix F): nothing to look at
        }
        const std::string_view text = asText(payload);
        if (!m_token.payloadJson) {
            if (const auto invalid = encoding::findInvalidUtf8(text)) {
                add(FindingCode::InvalidUtf8, Severity::Warning, "The payload is not UTF-8",
                    fmt::format("The payload's bytes are not valid UTF-8 (the first bad byte is at offset {}), so it "
                                "is neither text nor JSON and this is not a JWT. JSON must be UTF-8; decoders that "
                                "repair or reinterpret other encodings may each see different claims.",
                                *invalid),
                    "RFC 8725 §2.6, §3.7; RFC 8259 §8.1; RFC 7519 §7.2", "payload");
            } else if (isCompactToken(text)) {
                addNestedToken("payload", true);
            } else {
                add(FindingCode::PayloadNotJson, Severity::Warning, "The payload is not JSON",
                    fmt::format("The payload is text but not JSON ({}), so this is a JWS but not a JWT: it has no "
                                "claims, no expiry and no audience, and a JWT library will refuse it.",
                                m_token.payloadNotJson ? m_token.payloadNotJson->message : std::string("unreadable")),
                    "RFC 7519 §7.2 (step 10); RFC 7515 §7.1", "payload");
            }
            return;
        }
        const Json& claims = m_token.payloadJson->value;
        findNestedTokens(claims, "payload");
        if (!claims.is_object()) {
            add(FindingCode::PayloadNotJson, Severity::Warning, "The payload is not a JSON object",
                fmt::format("The payload is {}, not a JSON object, so this is a JWS but not a JWT: a JWT's claims "
                            "are always an object. It has no claims, no expiry and no audience.",
                            jsonKindName(claims)),
                "RFC 7519 §4, §7.2 (step 10)", "payload");
        } else {
            checkTimes(claims);
        }
        addDuplicates("payload", *m_token.payloadJson);
    }

    static bool isCompactToken(std::string_view text)
    {
        const auto dots = std::ranges::count(text, '.');
        if ((dots != 2 && dots != 4) || text.size() < 8) {
            return false;
        }
        auto token = decodeCompact(text, Base64Mode::Strict);
        return token && token->header.value.contains("alg");
    }

    void findNestedTokens(const Json& value, const std::string& location)
    {
        if (m_nestedTokens >= kMaxNestedTokens) {
            return;
        }
        if (value.is_string()) {
            if (isCompactToken(value.get_ref<const std::string&>())) {
                addNestedToken(location, location == "payload");
            }
        } else if (value.is_object()) {
            for (const auto& [name, member] : value.items()) {
                findNestedTokens(member, location + "." + name);
            }
        } else if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                findNestedTokens(value[i], fmt::format("{}[{}]", location, i));
            }
        }
    }

    void addNestedToken(const std::string& location, bool wholePayload)
    {
        ++m_nestedTokens;
        add(FindingCode::NestedToken, Severity::Warning,
            wholePayload ? std::string("The payload is another token") : fmt::format("{} holds a token", location),
            fmt::format("{} is itself a compact JWS or JWE. Verifying this token says nothing about the inner one: "
                        "its signature, expiry and audience must be checked separately, with keys the verifier "
                        "chooses (a nested JWT also says \"cty\": \"JWT\"). A token inside a token is also a "
                        "credential that travels, and leaks, wherever the outer token goes.",
                        wholePayload ? std::string("The whole payload") : "The value of " + location),
            "RFC 7519 §5.2, §7.2; RFC 8725 §3.3", location);
    }

    void checkTimes(const Json& claims)
    {
        const LifetimeSummary s
            = summarizeLifetime(claims, m_options.now, m_options.leeway, m_options.longLifetimeBound);
        for (const auto& warning : s.warnings) {
            addLifetimeWarning(s, warning);
        }
        if (s.expired) {
            add(FindingCode::Expired, Severity::Error, "The token has expired",
                fmt::format("The token expired {} ago ({}). Verifiers must reject it from its expiry on; a service "
                            "that still accepts it does not check exp, so a stolen token would work forever.",
                            humanDuration(s.exp.roundedUp() - s.now), describeInstants(s.exp, s.now, s.leeway)),
                "RFC 7519 §4.1.4", "payload.exp");
        }
        if (s.notYetValid) {
            add(FindingCode::NotYetValid, Severity::Error, "The token is not valid yet",
                fmt::format("nbf says the token may be used only {} from now ({}). Verifiers must reject it until "
                            "then; if the issuer meant it to be valid now, its clock is ahead.",
                            humanDuration(s.nbf.roundedUp() - s.now), describeInstants(s.nbf, s.now, s.leeway)),
                "RFC 7519 §4.1.5", "payload.nbf");
        }
        if (!s.exp.present() && dpop::looksLikeDpopProof(m_header)) {
            add(FindingCode::MissingExp, Severity::Info, "No exp, as in every DPoP proof",
                "A DPoP proof has no exp claim. RFC 9449 bounds it otherwise: a server accepts it only for a short "
                "while after its iat, for one HTTP method and URL (htm, htu), and only once (jti). A server that "
                "skips the iat window or the jti check lets a captured proof be replayed.",
                "RFC 9449 §4.2, §4.3, §11.1", "payload");
        } else if (!s.exp.present()) {
            add(FindingCode::MissingExp, Severity::Warning, "The token never expires (no exp)",
                "The token has no exp claim, so nothing limits how long it can be used: a token that is stolen, or "
                "that belongs to a user whose access was withdrawn, stays valid until the signing key is changed. "
                "Issue short-lived tokens with exp, and have verifiers require it.",
                fmt::format("RFC 7519 §4.1.4; {}", owasp("Token Explicit Revocation by the User")), "payload");
        }
    }

    void addLifetimeWarning(const LifetimeSummary& s, const LifetimeWarning& warning)
    {
        const std::string location = "payload." + warning.claim;
        switch (warning.kind) {
        case LifetimeWarningKind::ClaimsNotObject: return; // reported as PayloadNotJson
        case LifetimeWarningKind::InvalidTime:
            add(FindingCode::InvalidTimeClaim, Severity::Error, fmt::format("{} is not a NumericDate", warning.claim),
                fmt::format("{}. Verifiers reject a token whose time claims they cannot read; lenient ones may skip "
                            "the check, and then the token never expires or is never held back.",
                            aboutClaim(warning.message)),
                "RFC 7519 §2, §4.1.4–4.1.6", location);
            return;
        case LifetimeWarningKind::MillisecondsTimestamp:
            add(FindingCode::MillisecondsTimestamp, Severity::Warning,
                fmt::format("{} looks like milliseconds", warning.claim),
                fmt::format("{}. JWT times are seconds since 1970; an issuer that wrote Date.now() instead of "
                            "Date.now() / 1000 makes the token valid for thousands of years.",
                            aboutClaim(warning.message)),
                "RFC 7519 §2 (NumericDate)", location);
            return;
        case LifetimeWarningKind::IssuedInFuture:
            add(FindingCode::IssuedInFuture, Severity::Warning, "Issued in the future (iat)",
                fmt::format("{}. Either the issuer's clock is ahead or the token was made by hand; a verifier that "
                            "limits token age by iat will reject it.",
                            capitalized(warning.message)),
                "RFC 7519 §4.1.6", location);
            return;
        case LifetimeWarningKind::ExpiresBeforeIssued:
        case LifetimeWarningKind::NotBeforeAfterExpiry:
            add(FindingCode::NeverValid, Severity::Warning, "The token is never valid",
                fmt::format("{}. Every verifier that checks times rejects it at every instant; the issuer has "
                            "mixed up its claims.",
                            aboutClaim(warning.message)),
                "RFC 7519 §4.1.4, §4.1.5", location);
            return;
        case LifetimeWarningKind::LongLifetime:
            add(FindingCode::LongLifetime, Severity::Warning,
                fmt::format("Long lifetime: {}", humanDuration(s.lifetime.value_or(std::chrono::seconds(0)))),
                fmt::format("{}. A bearer token works for whoever holds it until it expires, and a JWT cannot be "
                            "revoked without extra machinery, so a stolen one stays useful for that long. Prefer "
                            "access tokens of minutes to hours, renewed with refresh tokens.",
                            capitalized(warning.message)),
                fmt::format("RFC 7519 §4.1.4; {}", owasp("Token Explicit Revocation by the User")), location);
            return;
        }
    }

    // Lifetime's sentences about one claim start with its name: "exp is a string …".
    static std::string aboutClaim(std::string_view message) { return fmt::format("The claim {}", message); }

    static std::string capitalized(std::string text)
    {
        if (!text.empty()) {
            text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
        }
        return text;
    }

    void addEncodingNotes(const Segment& segment)
    {
        if (segment.notes.empty()) {
            return;
        }
        std::string deviations;
        for (const auto& note : segment.notes) {
            deviations += fmt::format("{}{} (at position {})", deviations.empty() ? "" : "; ",
                                      encoding::describe(note.kind), note.position);
        }
        add(FindingCode::NonCanonicalEncoding, Severity::Warning,
            fmt::format("Non-canonical base64url in the {}", segmentName(segment.role)),
            fmt::format("The {} is not written as RFC 7515 requires (base64url without padding, with zero trailing "
                        "bits): {}. Strict libraries reject it, lenient ones accept it, so the same token is valid "
                        "in one place and not in another; and one token can be written several ways, which defeats "
                        "deny-lists and caches that compare token strings.",
                        segmentName(segment.role), deviations),
            "RFC 7515 §2; RFC 4648 §3.5", std::string(segmentName(segment.role)));
    }

    const CompactToken& m_token;
    const LintOptions& m_options;
    const Json& m_header;
    std::vector<Finding> m_findings;
    std::size_t m_nestedTokens = 0;
};

} // namespace

std::string_view findingCodeName(FindingCode code)
{
    const auto it = std::ranges::find(kCodeNames, code, &CodeName::code);
    return it != kCodeNames.end() ? it->name : "unknown";
}

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    }
    return "info";
}

std::vector<Finding> lint(const CompactToken& token, const LintOptions& options)
{
    return Linter(token, options).run();
}

} // namespace jwtwb::inspect
