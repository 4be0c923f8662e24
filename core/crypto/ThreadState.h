#pragma once

namespace jwtwb::crypto {

// Frees what OpenSSL keeps for the calling thread (error queue, per-thread caches); the next OpenSSL
// call on the thread starts afresh. OpenSSL frees this by itself when a thread exits, but not when
// the thread exits after OpenSSL's own clean-up at process exit, which a pooled thread (Qt's global
// pool) can. Call it when work on such a thread is done, before its result is handed over, so that
// the process cannot already be exiting.
void releaseThreadState();

} // namespace jwtwb::crypto
