#include "PemBlock.h"
#include "encoding/Text.h"

#include "encoding/Base64Url.h"
#include "encoding/Json.h"

#include <fmt/format.h>

namespace jwtwb::keys {
namespace {

constexpr std::string_view kBegin = "-----BEGIN ";
constexpr std::string_view kEnd = "-----END ";
constexpr std::string_view kDashes = "-----";

std::size_t lineEnd(std::string_view text, std::size_t from)
{
    const auto newline = text.find('\n', from);
    return newline == std::string_view::npos ? text.size() : newline;
}

// The label of a BEGIN or END line starting at `at` (after `prefix`), or nullopt when the line does
// not close with "-----". `after` receives the offset just past the closing dashes.
std::optional<std::string> lineLabel(std::string_view text, std::size_t at, std::string_view prefix, std::size_t& after)
{
    const std::size_t labelStart = at + prefix.size();
    const std::size_t stop = lineEnd(text, labelStart);
    const auto close = text.substr(0, stop).find(kDashes, labelStart);
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    after = close + kDashes.size();
    return std::string(text.substr(labelStart, close - labelStart));
}

} // namespace

bool looksLikePem(std::string_view text)
{
    return text.find(kBegin) != std::string_view::npos;
}

Result<std::vector<PemBlock>> readPemBlocks(std::string_view text)
{
    std::vector<PemBlock> blocks;
    std::size_t cursor = 0;
    while (true) {
        const std::size_t begin = text.find(kBegin, cursor);
        if (begin == std::string_view::npos) {
            break;
        }
        PemBlock block;
        block.begin = begin;
        std::size_t bodyStart = 0;
        auto label = lineLabel(text, begin, kBegin, bodyStart);
        if (!label) {
            return fail(
                Errc::InvalidPem,
                fmt::format("the BEGIN line at {} does not end with '-----'", encoding::describePosition(text, begin)),
                begin);
        }
        block.label = std::move(*label);
        const std::size_t endLine = text.find(kEnd, bodyStart);
        const std::size_t nextBegin = text.find(kBegin, bodyStart);
        if (endLine == std::string_view::npos || (nextBegin != std::string_view::npos && nextBegin < endLine)) {
            return fail(Errc::InvalidPem,
                        fmt::format("the PEM block \"{}\" is truncated: its '-----END {}-----' line is missing",
                                    block.label, block.label),
                        nextBegin == std::string_view::npos ? text.size() : nextBegin);
        }
        std::size_t after = 0;
        const auto endLabel = lineLabel(text, endLine, kEnd, after);
        if (!endLabel) {
            return fail(Errc::InvalidPem,
                        fmt::format("the END line of the PEM block \"{}\" does not end with '-----'", block.label),
                        endLine);
        }
        if (*endLabel != block.label) {
            return fail(Errc::InvalidPem,
                        fmt::format("the PEM block \"{}\" ends with '-----END {}-----'", block.label, *endLabel),
                        endLine);
        }
        block.end = after;
        cursor = after;

        // RFC 1421 headers: "Name: value" lines up to the first empty line.
        std::size_t bodyBegin = bodyStart;
        std::size_t line = lineEnd(text, bodyStart) + 1; // the BEGIN line may end without a newline only at endLine
        if (line < endLine) {
            const std::string_view first = text.substr(line, lineEnd(text, line) - line);
            if (first.find(':') != std::string_view::npos) {
                std::size_t at = line;
                while (at < endLine) {
                    const std::size_t stop = std::min(lineEnd(text, at), endLine);
                    std::string_view header = text.substr(at, stop - at);
                    while (!header.empty() && encoding::isAsciiSpace(header.back())) {
                        header.remove_suffix(1);
                    }
                    at = stop + 1;
                    if (header.empty()) {
                        break;
                    }
                    if (header.starts_with("Proc-Type:") && header.find("ENCRYPTED") != std::string_view::npos) {
                        block.encrypted = true;
                    }
                }
                bodyBegin = std::min(at, endLine);
            }
        }
        if (block.label == "ENCRYPTED PRIVATE KEY") {
            block.encrypted = true;
        }

        std::string base64;
        std::vector<std::size_t> offsets;
        for (std::size_t i = bodyBegin; i < endLine; ++i) {
            if (!encoding::isAsciiSpace(text[i])) {
                base64 += text[i];
                offsets.push_back(i);
            }
        }
        if (base64.empty()) {
            return fail(Errc::InvalidPem, fmt::format("the PEM block \"{}\" is empty", block.label), endLine);
        }
        auto der = encoding::base64Decode(base64);
        if (!der) {
            const std::size_t inBody = der.error().position.value_or(base64.size());
            const std::size_t at = inBody < offsets.size() ? offsets[inBody] : endLine;
            return fail(Errc::InvalidPem,
                        fmt::format("the base64 body of the PEM block \"{}\" is damaged at {} ({})", block.label,
                                    encoding::describePosition(text, at), der.error().message),
                        at);
        }
        block.der = crypto::SecureBytes(std::span<const std::uint8_t>(*der));
        crypto::wipe(*der);
        crypto::wipe(base64);
        blocks.push_back(std::move(block));
    }
    if (blocks.empty()) {
        return fail(Errc::InvalidPem, "not PEM: there is no '-----BEGIN …-----' line");
    }
    return blocks;
}

} // namespace jwtwb::keys
