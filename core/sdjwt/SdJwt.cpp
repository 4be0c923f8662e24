#include "SdJwt.h"

#include "encoding/Base64Url.h"
#include "jose/ClaimText.h"
#include "jose/CompactToken.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace jwtwb::sdjwt {
namespace {

using encoding::Json;

// RFC 6901: "~" and "/" in a member name are escaped.
std::string pointerStep(std::string_view name)
{
    std::string out;
    for (const char c : name) {
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return out;
}

void decodeDisclosure(Disclosure& disclosure, std::vector<SdFinding>& findings)
{
    const auto report = [&](SdProblem code, std::string reason) {
        findings.push_back({code, std::move(reason), disclosure.offset});
    };
    if (disclosure.text.empty()) {
        report(SdProblem::DisclosureMalformed, "an empty disclosure between two '~'");
        return;
    }
    const auto bytes = encoding::base64UrlDecode(disclosure.text);
    if (!bytes) {
        report(SdProblem::DisclosureBase64Url,
               fmt::format("disclosure {} is not base64url: {}", jose::quoteString(disclosure.text),
                           bytes.error().message));
        return;
    }
    const auto json = encoding::parseJsonNoDuplicates(asText(*bytes), "disclosure");
    if (!json) {
        report(SdProblem::DisclosureMalformed, json.error().message);
        return;
    }
    if (!json->is_array() || (json->size() != 2 && json->size() != 3)) {
        report(
            SdProblem::DisclosureMalformed,
            fmt::format("the disclosure is {}, not a JSON array of 2 or 3 elements", jose::describeJsonValue(*json)));
        return;
    }
    if (!(*json)[0].is_string()) {
        report(SdProblem::DisclosureSalt,
               fmt::format("the disclosure's salt is {}, not a string", jose::describeJsonValue((*json)[0])));
        return;
    }
    disclosure.salt = (*json)[0].get<std::string>();
    if (json->size() == 3) {
        if (!(*json)[1].is_string()) {
            report(SdProblem::DisclosureName,
                   fmt::format("the disclosure's claim name is {}, not a string", jose::describeJsonValue((*json)[1])));
            return;
        }
        const auto& name = (*json)[1].get_ref<const std::string&>();
        if (name == "_sd" || name == "...") {
            report(SdProblem::ForbiddenName,
                   fmt::format("the disclosure names the claim {}, which only SD-JWT itself may use",
                               jose::quoteString(name)));
            return;
        }
        disclosure.name = name;
    }
    disclosure.value = json->back();
    disclosure.wellFormed = true;
}

// RFC 9901 §7.1 steps 3 and 4 over the payload, and recursively over each disclosed value.
class Processor
{
public:
    explicit Processor(SdJwt& sdJwt)
        : m_sdJwt(sdJwt)
    {
        for (std::size_t i = 0; i < sdJwt.disclosures.size(); ++i) {
            const Disclosure& disclosure = sdJwt.disclosures[i];
            if (!disclosure.wellFormed) {
                continue;
            }
            if (!m_byDigest.emplace(disclosure.digest, i).second) {
                report(SdProblem::DuplicateDigest,
                       fmt::format("two disclosures have the digest {}: each may be disclosed once", disclosure.digest),
                       disclosure.offset);
            }
        }
    }

    void run()
    {
        m_sdJwt.processed = process(m_sdJwt.payload, "", 0);
        m_sdJwt.processed.erase("_sd_alg");
        for (const Disclosure& disclosure : m_sdJwt.disclosures) {
            if (disclosure.wellFormed && disclosure.placedAt.empty() && !m_used.contains(disclosure.digest)) {
                report(SdProblem::UnreferencedDisclosure,
                       fmt::format("the digest {} of disclosure {} is nowhere in the payload or another disclosure",
                                   disclosure.digest, describe(disclosure)),
                       disclosure.offset);
            }
        }
    }

private:
    SdJwt& m_sdJwt;
    std::map<std::string, std::size_t, std::less<>> m_byDigest;
    std::set<std::string, std::less<>> m_seen; // every digest met in the payload and in disclosed values
    std::set<std::string, std::less<>> m_used;

    void report(SdProblem code, std::string reason, std::size_t position)
    {
        m_sdJwt.findings.push_back({code, std::move(reason), position});
    }

    static std::string describe(const Disclosure& disclosure)
    {
        return disclosure.name ? fmt::format("of {}", jose::quoteString(*disclosure.name))
                               : fmt::format("of an array element ({})", jose::quoteJson(disclosure.value));
    }

    static std::string where(const std::string& path) { return path.empty() ? "the payload" : path; }

    // The disclosure for `digest`, or nullptr for a digest nothing discloses (a decoy, or withheld).
    Disclosure* take(const std::string& digest, const std::string& path)
    {
        if (!m_seen.insert(digest).second) {
            report(SdProblem::DuplicateDigest,
                   fmt::format("the digest {} appears twice (again at {}): each may be used once", digest, where(path)),
                   0);
            return nullptr;
        }
        const auto it = m_byDigest.find(digest);
        if (it == m_byDigest.end()) {
            ++m_sdJwt.undisclosed;
            return nullptr;
        }
        m_used.insert(digest);
        return &m_sdJwt.disclosures[it->second];
    }

    Json process(const Json& node, const std::string& path, std::size_t depth)
    {
        if (depth > encoding::kMaxJsonDepth) {
            report(SdProblem::DisclosureMalformed,
                   fmt::format("disclosures nest deeper than {} levels at {}", encoding::kMaxJsonDepth, where(path)),
                   0);
            return Json();
        }
        if (node.is_object()) {
            return processObject(node, path, depth);
        }
        if (node.is_array()) {
            return processArray(node, path, depth);
        }
        return node;
    }

    Json processObject(const Json& node, const std::string& path, std::size_t depth)
    {
        Json out = Json::object();
        for (const auto& [name, value] : node.items()) {
            if (name == "_sd") {
                disclose(node, value, out, path, depth);
            } else {
                out[name] = process(value, path + "/" + pointerStep(name), depth + 1);
            }
        }
        return out;
    }

    void disclose(const Json& node, const Json& digests, Json& out, const std::string& path, std::size_t depth)
    {
        if (!digests.is_array()) {
            report(SdProblem::MalformedDigests,
                   fmt::format("\"_sd\" at {} is {}, not an array of digests", where(path),
                               jose::describeJsonValue(digests)),
                   0);
            return;
        }
        for (const Json& digest : digests) {
            if (!digest.is_string()) {
                report(SdProblem::MalformedDigests,
                       fmt::format("\"_sd\" at {} holds {}, not a digest string", where(path),
                                   jose::describeJsonValue(digest)),
                       0);
                continue;
            }
            Disclosure* disclosure = take(digest.get<std::string>(), path);
            if (!disclosure) {
                continue;
            }
            if (!disclosure->name) {
                report(SdProblem::WrongPlace,
                       fmt::format("the disclosure {} is an array element's, but its digest is in \"_sd\" at {}",
                                   describe(*disclosure), where(path)),
                       disclosure->offset);
                continue;
            }
            const std::string& name = *disclosure->name;
            if (node.contains(name) || out.contains(name)) {
                report(SdProblem::NameExists,
                       fmt::format("the disclosure names {}, which is already a claim at {}", jose::quoteString(name),
                                   where(path)),
                       disclosure->offset);
                continue;
            }
            disclosure->placedAt = path.empty() ? "/" : path;
            disclosure->path = path + "/" + pointerStep(name);
            out[name] = process(disclosure->value, disclosure->path, depth + 1);
        }
    }

    Json processArray(const Json& node, const std::string& path, std::size_t depth)
    {
        Json out = Json::array();
        for (std::size_t index = 0; index < node.size(); ++index) {
            const Json& element = node[index];
            // Paths name elements by their index as issued, which stays the same whatever is disclosed.
            const std::string elementPath = path + "/" + std::to_string(index);
            if (!element.is_object() || element.size() != 1 || !element.contains("...")) {
                out.push_back(process(element, elementPath, depth + 1));
                continue;
            }
            const Json digest = element["..."];
            if (!digest.is_string()) {
                report(SdProblem::MalformedDigests,
                       fmt::format("an array element at {} is {{\"...\": {}}}, not a digest string", where(path),
                                   jose::describeJsonValue(digest)),
                       0);
                continue;
            }
            Disclosure* disclosure = take(digest.get<std::string>(), path);
            if (!disclosure) {
                continue;
            }
            if (disclosure->name) {
                report(
                    SdProblem::WrongPlace,
                    fmt::format("the disclosure {} is an object property's, but its digest is an array element at {}",
                                describe(*disclosure), where(path)),
                    disclosure->offset);
                continue;
            }
            disclosure->placedAt = path.empty() ? "/" : path;
            disclosure->path = elementPath;
            out.push_back(process(disclosure->value, elementPath, depth + 1));
        }
        return out;
    }
};

} // namespace

std::string_view sdProblemName(SdProblem problem)
{
    switch (problem) {
    case SdProblem::DisclosureBase64Url: return "ERR_SDJWT_DISCLOSURE_BASE64URL";
    case SdProblem::DisclosureMalformed: return "ERR_SDJWT_DISCLOSURE_MALFORMED";
    case SdProblem::DisclosureSalt: return "ERR_SDJWT_DISCLOSURE_SALT";
    case SdProblem::DisclosureName: return "ERR_SDJWT_DISCLOSURE_NAME";
    case SdProblem::ForbiddenName: return "ERR_SDJWT_NAME_FORBIDDEN";
    case SdProblem::NameExists: return "ERR_SDJWT_NAME_EXISTS";
    case SdProblem::DuplicateDigest: return "ERR_SDJWT_DIGEST_DUPLICATE";
    case SdProblem::UnreferencedDisclosure: return "ERR_SDJWT_DISCLOSURE_UNREFERENCED";
    case SdProblem::WrongPlace: return "ERR_SDJWT_DISCLOSURE_WRONG_PLACE";
    case SdProblem::MalformedDigests: return "ERR_SDJWT_DIGESTS_MALFORMED";
    case SdProblem::UnsupportedHashAlgorithm: return "ERR_SDJWT_ALG_UNSUPPORTED";
    }
    return "ERR_SDJWT_UNKNOWN";
}

std::optional<crypto::HashAlg> hashFromName(std::string_view name)
{
    if (name == "sha-256") {
        return crypto::HashAlg::Sha256;
    }
    if (name == "sha-384") {
        return crypto::HashAlg::Sha384;
    }
    if (name == "sha-512") {
        return crypto::HashAlg::Sha512;
    }
    return std::nullopt;
}

std::string_view hashNameOf(crypto::HashAlg hash)
{
    switch (hash) {
    case crypto::HashAlg::Sha256: return "sha-256";
    case crypto::HashAlg::Sha384: return "sha-384";
    case crypto::HashAlg::Sha512: return "sha-512";
    case crypto::HashAlg::Sha1: break;
    }
    return "";
}

std::string digestOf(crypto::HashAlg hash, std::string_view text)
{
    return encoding::base64UrlEncode(crypto::digest(hash, asBytes(text)));
}

Result<SdJwt> parseSdJwt(std::string_view text)
{
    const auto firstTilde = text.find('~');
    if (firstTilde == std::string_view::npos) {
        return fail(Errc::MalformedToken, "an SD-JWT has a '~' after the issuer-signed JWT, and this has none");
    }
    SdJwt sdJwt;
    sdJwt.issuerJwt = std::string(text.substr(0, firstTilde));
    auto token = jose::decodeCompact(sdJwt.issuerJwt, jose::Base64Mode::Strict);
    if (!token) {
        return std::unexpected(token.error());
    }
    if (token->kind != jose::TokenKind::Jws || !token->payloadJson || !token->payloadJson->value.is_object()) {
        return fail(Errc::NotAJsonObject, "the issuer-signed JWT of an SD-JWT is a JWS whose payload is a JSON object",
                    0);
    }
    sdJwt.header = token->header.value;
    sdJwt.payload = token->payloadJson->value;

    const auto lastTilde = text.rfind('~');
    sdJwt.presented = std::string(text.substr(0, lastTilde + 1));
    if (lastTilde + 1 < text.size()) {
        sdJwt.keyBindingJwt = std::string(text.substr(lastTilde + 1));
        sdJwt.keyBindingOffset = lastTilde + 1;
    }
    for (std::size_t start = firstTilde + 1; start <= lastTilde;) {
        const std::size_t end = text.find('~', start);
        Disclosure disclosure;
        disclosure.text = std::string(text.substr(start, end - start));
        disclosure.offset = start;
        sdJwt.disclosures.push_back(std::move(disclosure));
        start = end + 1;
    }

    if (const auto alg = sdJwt.payload.find("_sd_alg"); alg != sdJwt.payload.end()) {
        sdJwt.hashName = alg->is_string() ? alg->get<std::string>() : jose::quoteJson(*alg);
    }
    sdJwt.hash = hashFromName(sdJwt.hashName);
    for (Disclosure& disclosure : sdJwt.disclosures) {
        decodeDisclosure(disclosure, sdJwt.findings);
        if (sdJwt.hash) {
            disclosure.digest = digestOf(*sdJwt.hash, disclosure.text);
        }
    }
    if (!sdJwt.hash) {
        sdJwt.findings.push_back({SdProblem::UnsupportedHashAlgorithm,
                                  fmt::format("\"_sd_alg\" is {}; this program computes sha-256, sha-384 and sha-512",
                                              jose::quoteString(sdJwt.hashName)),
                                  0});
        return sdJwt;
    }
    Processor(sdJwt).run();
    return sdJwt;
}

} // namespace jwtwb::sdjwt
