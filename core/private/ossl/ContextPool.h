#pragma once

// Prepared OpenSSL contexts kept with a key, so that repeated signing and verification with the
// same key skip the setup (HMAC key schedule, EVP_PKEY_CTX init). Lives inside the key's material
// and is freed with it: no copy of a secret outlives the key. Thread-safe: each caller takes a
// context out for the duration of one operation.

#include "ossl/Handles.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace jwtwb::ossl {

struct PooledContext {
    int slot = 0; // what the context is prepared for (algorithm and operation)
    MacCtxPtr mac;
    PKeyCtxPtr pkey;
    MdCtxPtr md;
};

class ContextPool
{
public:
    static constexpr std::size_t kMaxIdle = 32;

    ContextPool() = default;
    ~ContextPool();
    ContextPool(const ContextPool&) = delete;
    ContextPool& operator=(const ContextPool&) = delete;

    // A context prepared for `slot`, or null when none is idle.
    [[nodiscard]] std::unique_ptr<PooledContext> take(int slot);
    void give(std::unique_ptr<PooledContext> context);

private:
    // The context given back last, taken and given without the mutex: one thread verifying token
    // after token with one key (the common case) never locks.
    std::atomic<PooledContext*> m_last{nullptr};
    std::mutex m_mutex;
    std::vector<std::unique_ptr<PooledContext>> m_idle;
};

} // namespace jwtwb::ossl
