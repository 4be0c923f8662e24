#include "Deflate.h"

#include <zlib.h>

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <vector>

namespace jwtwb::jwe {
namespace {

constexpr int kRawDeflateWindowBits = -15; // negative: no zlib header or checksum
constexpr std::size_t kChunk = 64 * 1024;

// zlib's allocator, remembering each block's size so that it can wipe it when it is freed.
voidpf wipingAlloc(voidpf, uInt items, uInt size)
{
    const std::size_t bytes = static_cast<std::size_t>(items) * size;
    auto* block = static_cast<std::size_t*>(std::calloc(1, bytes + sizeof(std::size_t)));
    if (block == nullptr) {
        return Z_NULL;
    }
    *block = bytes;
    return block + 1;
}

void wipingFree(voidpf, voidpf address)
{
    if (address == nullptr) {
        return;
    }
    auto* block = static_cast<std::size_t*>(address) - 1;
    crypto::wipe(std::span(static_cast<std::uint8_t*>(address), *block));
    std::free(block);
}

z_stream newStream()
{
    z_stream stream{};
    stream.zalloc = wipingAlloc;
    stream.zfree = wipingFree;
    return stream;
}

} // namespace

Result<Bytes> deflateRaw(std::span<const std::uint8_t> data)
{
    if (data.size() > UINT_MAX) {
        return fail(Errc::InputTooLarge, "the content is too large to compress");
    }
    z_stream stream = newStream();
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kRawDeflateWindowBits, 8, Z_DEFAULT_STRATEGY)
        != Z_OK) {
        return fail(Errc::Crypto, "DEFLATE compression is not available");
    }
    Bytes out(deflateBound(&stream, static_cast<uLong>(data.size())));
    stream.next_in = const_cast<Bytef*>(data.data());
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END) {
        return fail(Errc::Crypto, "DEFLATE compression failed");
    }
    return out;
}

Result<crypto::SecureBytes> inflateRaw(std::span<const std::uint8_t> data, std::size_t maxSize)
{
    if (data.size() > UINT_MAX) {
        return fail(Errc::InputTooLarge, "the compressed content is too large");
    }
    z_stream stream = newStream();
    if (inflateInit2(&stream, kRawDeflateWindowBits) != Z_OK) {
        return fail(Errc::Crypto, "DEFLATE decompression is not available");
    }
    stream.next_in = const_cast<Bytef*>(data.data());
    stream.avail_in = static_cast<uInt>(data.size());

    // Grown by doubling, each step into a new buffer so that no copy of the plaintext is left
    // behind unwiped; at most maxSize + 1 bytes are ever produced.
    crypto::SecureBytes out;
    std::size_t produced = 0;
    int status = Z_OK;
    while (status == Z_OK) {
        if (produced == out.size()) {
            crypto::SecureBytes grown(std::min(std::max(kChunk, 2 * out.size()), maxSize + 1));
            std::copy_n(out.data(), produced, grown.data());
            out = std::move(grown);
        }
        stream.next_out = out.data() + produced;
        stream.avail_out = static_cast<uInt>(std::min<std::size_t>(out.size() - produced, UINT_MAX));
        const uInt before = stream.avail_out;
        status = inflate(&stream, Z_NO_FLUSH);
        produced += before - stream.avail_out;
        if (produced > maxSize) {
            inflateEnd(&stream);
            return fail(Errc::LimitExceeded,
                        fmt::format("the compressed content (\"zip\": \"DEF\") inflates to more than {} bytes, the "
                                    "limit for decompressed content; it was stopped there",
                                    maxSize));
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0) {
            status = Z_DATA_ERROR; // no more input and not at the end: cut short
        }
    }
    const bool trailing = status == Z_STREAM_END && stream.avail_in != 0;
    inflateEnd(&stream);
    if (status != Z_STREAM_END || trailing) {
        return fail(Errc::MalformedToken,
                    trailing ? "the decrypted content has data after the end of its DEFLATE stream"
                             : "the decrypted content is not a complete DEFLATE stream (\"zip\": \"DEF\")");
    }
    return crypto::SecureBytes(out.span().first(produced));
}

} // namespace jwtwb::jwe
