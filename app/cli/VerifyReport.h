#pragma once

#include "Error.h"
#include "jose/JwtVerifier.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace jwtwb::cli {

struct ReportOptions {
    bool json = false; // one JSON object (else the text report)
    bool signatureOnly = false; // --jws: claim findings left out
    std::string member; // --member: which token of a paste
};

// One token's outcome, as `jwtwb verify` reports it.
struct VerifyOutcome {
    bool valid = false;
    std::optional<Error> error; // the input held no token to verify (the report says the same)
    std::string report; // JSON on one line, or the text report
};

// Reads exactly one token from `input` (inspect::extractOneToken), verifies it and writes the report.
// The JSON report is written as text directly, without building a document: in a batch, that
// cost more than the verification itself.
[[nodiscard]] VerifyOutcome verifyOne(std::string_view input, const jose::KeySource& keys,
                                      const jose::JwtVerifyOptions& options, const ReportOptions& report);

// The report of one verified token as verify prints it: JSON on one line, or text. decrypt prints
// a nested token's verification with it.
[[nodiscard]] std::string verificationReport(const jose::JwtVerification& result, bool json);

// A claims set's findings in the same words: the JSON array of verify's "claims", or one line each.
[[nodiscard]] std::string claimFindingsReport(const jose::ClaimReport& claims, bool json);

// One result line per input line, in input order ("N\tVALID" or the JSON report with "line").
// Lines are verified by `jobs` threads in chunks, so that a file of any length streams in bounded
// memory. True when every line is valid.
[[nodiscard]] bool verifyLines(std::istream& in, std::ostream& out, const jose::KeySource& keys,
                               const jose::JwtVerifyOptions& options, const ReportOptions& report, unsigned jobs);

} // namespace jwtwb::cli
