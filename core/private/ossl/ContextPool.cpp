#include "ContextPool.h"

#include <algorithm>

namespace jwtwb::ossl {

ContextPool::~ContextPool()
{
    delete m_last.load();
}

std::unique_ptr<PooledContext> ContextPool::take(int slot)
{
    std::unique_ptr<PooledContext> last(m_last.exchange(nullptr, std::memory_order_acquire));
    if (last && last->slot == slot) {
        return last;
    }
    const std::lock_guard lock(m_mutex);
    if (last && m_idle.size() < kMaxIdle) {
        m_idle.push_back(std::move(last));
    }
    const auto it = std::ranges::find(m_idle, slot, [](const auto& context) { return context->slot; });
    if (it == m_idle.end()) {
        return nullptr;
    }
    auto context = std::move(*it);
    m_idle.erase(it);
    return context;
}

void ContextPool::give(std::unique_ptr<PooledContext> context)
{
    PooledContext* empty = nullptr;
    if (m_last.compare_exchange_strong(empty, context.get(), std::memory_order_release, std::memory_order_relaxed)) {
        context.release(); // owned by m_last now
        return;
    }
    const std::lock_guard lock(m_mutex);
    if (m_idle.size() < kMaxIdle) {
        m_idle.push_back(std::move(context));
    }
}

} // namespace jwtwb::ossl
