#include "VerifyReport.h"

#include "inspect/TokenExtractor.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <istream>
#include <iterator>
#include <ostream>
#include <thread>
#include <vector>

namespace jwtwb::cli {
namespace {

std::string_view verdictName(jose::Verdict verdict)
{
    switch (verdict) {
    case jose::Verdict::Valid: return "valid";
    case jose::Verdict::Invalid: return "invalid";
    case jose::Verdict::NotChecked: return "not verified";
    }
    return "invalid";
}

// RFC 8259 §7: quotes, backslash and control characters escaped; the text is UTF-8 already.
void appendString(std::string& out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// JSON text that parsed as JSON, on one line and without a byte order mark: a raw line break can only be whitespace
// between tokens (RFC 8259 §7 forbids it in strings), so it becomes a space.
void appendJsonText(std::string& out, std::string_view json)
{
    if (json.starts_with("\xEF\xBB\xBF")) {
        json.remove_prefix(3); // a byte order mark, which the parser skips (RFC 8259 §8.1)
    }
    const std::size_t start = out.size();
    out += json;
    std::replace_if(
        out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), [](char c) { return c == '\n' || c == '\r'; },
        ' ');
}

// The JSON array of claim findings.
void appendClaimFindings(std::string& out, const jose::ClaimReport& claims)
{
    out += '[';
    for (std::size_t i = 0; i < claims.findings.size(); ++i) {
        const auto& finding = claims.findings[i];
        out += i == 0 ? R"({"code":)" : R"(,{"code":)";
        appendString(out, jose::claimCodeName(finding.code));
        out += R"(,"claim":)";
        appendString(out, finding.claim);
        out += finding.severity == jose::ClaimSeverity::Error ? R"(,"severity":"error","message":)"
                                                              : R"(,"severity":"warning","message":)";
        appendString(out, finding.message);
        out += '}';
    }
    out += ']';
}

// One line per claim finding, each after a line break.
void appendClaimLines(std::string& out, const jose::ClaimReport& claims)
{
    for (const auto& finding : claims.findings) {
        out += fmt::format("\n{}: {} [{}]", finding.severity == jose::ClaimSeverity::Error ? "claim" : "warning",
                           finding.message, jose::claimCodeName(finding.code));
    }
}

std::string errorReport(const Error& error, bool json)
{
    if (!json) {
        return "error: " + error.message;
    }
    std::string out = R"({"valid":false,"error":)";
    appendString(out, errcName(error.code));
    out += R"(,"message":)";
    appendString(out, error.message);
    out += '}';
    return out;
}

std::string jsonReport(const jose::JwtVerification& result, bool valid)
{
    const auto& signature = result.signature;
    std::string out;
    out.reserve(256 + result.header().size() + result.payload().size());
    out += valid ? R"({"valid":true,"signature":{"verdict":)" : R"({"valid":false,"signature":{"verdict":)";
    appendString(out, verdictName(signature.verdict));
    out += R"(,"code":)";
    appendString(out, jose::problemName(signature.problem));
    out += R"(,"reason":)";
    appendString(out, signature.reason);
    if (signature.alg) {
        out += R"(,"alg":)";
        appendString(out, jose::algorithmName(*signature.alg));
    }
    if (!signature.keyId.empty()) {
        out += R"(,"kid":)";
        appendString(out, signature.keyId);
    }
    out += R"(,"warnings":[)";
    for (std::size_t i = 0; i < signature.warnings.size(); ++i) {
        out += i == 0 ? "" : ",";
        appendString(out, signature.warnings[i]);
    }
    out += R"(]},"claims":)";
    appendClaimFindings(out, result.claims);
    out += R"(,"header":)";
    appendJsonText(out, asText(result.header()));
    if (result.payloadIsJson) {
        out += R"(,"payload":)";
        appendJsonText(out, asText(result.payload()));
    }
    out += '}';
    return out;
}

std::string textReport(const jose::JwtVerification& result, bool valid)
{
    const auto& signature = result.signature;
    std::string out = signature.valid()
        ? fmt::format("signature: valid ({}{})", jose::algorithmName(*signature.alg),
                      signature.keyId.empty() ? "" : ", kid \"" + signature.keyId + "\"")
        : fmt::format("signature: {} ({})", verdictName(signature.verdict), signature.reason);
    for (const auto& warning : signature.warnings) {
        out += "\nwarning: " + warning;
    }
    appendClaimLines(out, result.claims);
    out += valid ? "\nresult: VALID" : "\nresult: INVALID";
    return out;
}

// The batch's text line: VALID, or INVALID and the first reason.
std::string batchTextLine(const VerifyOutcome& outcome)
{
    if (outcome.valid) {
        return "VALID";
    }
    if (outcome.error) {
        return "INVALID: " + outcome.error->message;
    }
    return "INVALID: " + outcome.report.substr(0, outcome.report.find('\n'));
}

} // namespace

VerifyOutcome verifyOne(std::string_view input, const jose::KeySource& keys, const jose::JwtVerifyOptions& options,
                        const ReportOptions& report)
{
    VerifyOutcome outcome;
    auto extracted = inspect::extractOneToken(input, report.member);
    auto result = extracted ? jose::verifyJwt(extracted->token, keys, options)
                            : Result<jose::JwtVerification>(std::unexpected(extracted.error()));
    if (!result) {
        outcome.report = errorReport(result.error(), report.json);
        outcome.error = std::move(result.error());
        return outcome;
    }
    if (report.signatureOnly) {
        result->claims.findings.clear();
    }
    outcome.valid = result->valid();
    outcome.report = report.json ? jsonReport(*result, outcome.valid) : textReport(*result, outcome.valid);
    return outcome;
}

std::string verificationReport(const jose::JwtVerification& result, bool json)
{
    return json ? jsonReport(result, result.valid()) : textReport(result, result.valid());
}

std::string claimFindingsReport(const jose::ClaimReport& claims, bool json)
{
    std::string out;
    if (json) {
        appendClaimFindings(out, claims);
    } else {
        appendClaimLines(out, claims);
        out.erase(0, out.empty() ? 0 : 1); // the first line break
    }
    return out;
}

bool verifyLines(std::istream& in, std::ostream& out, const jose::KeySource& keys,
                 const jose::JwtVerifyOptions& options, const ReportOptions& report, unsigned jobs)
{
    constexpr std::size_t kChunk = 4096;
    bool allValid = true;
    std::size_t lineNumber = 0;
    std::vector<std::string> lines;
    std::vector<VerifyOutcome> outcomes;
    std::string written;
    while (in) {
        lines.clear();
        std::string line;
        while (lines.size() < kChunk && std::getline(in, line)) {
            lines.push_back(std::move(line));
        }
        if (lines.empty()) {
            break;
        }
        outcomes.assign(lines.size(), VerifyOutcome{});
        std::atomic<std::size_t> next{0};
        const auto worker = [&] {
            for (std::size_t i = next++; i < lines.size(); i = next++) {
                outcomes[i] = verifyOne(lines[i], keys, options, report);
            }
        };
        std::vector<std::jthread> threads;
        for (unsigned t = 1; t < std::min<std::size_t>(jobs, lines.size()); ++t) {
            threads.emplace_back(worker);
        }
        worker();
        threads.clear(); // joins
        // One write per chunk: a stream insertion per line costs as much as a verification.
        written.clear();
        for (const VerifyOutcome& outcome : outcomes) {
            ++lineNumber;
            allValid = allValid && outcome.valid;
            if (report.json) {
                written.append(outcome.report, 0, outcome.report.size() - 1); // without the closing brace
                fmt::format_to(std::back_inserter(written), ",\"line\":{}}}\n", lineNumber);
            } else {
                fmt::format_to(std::back_inserter(written), "{}\t{}\n", lineNumber, batchTextLine(outcome));
            }
        }
        out.write(written.data(), static_cast<std::streamsize>(written.size()));
    }
    out.flush();
    return allValid;
}

} // namespace jwtwb::cli
