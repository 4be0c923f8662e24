#include "ContextPool.h"

#include <algorithm>

namespace jwtwb::ossl {

std::unique_ptr<PooledContext> ContextPool::take(int slot)
{
    const std::lock_guard lock(m_mutex);
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
    const std::lock_guard lock(m_mutex);
    if (m_idle.size() < kMaxIdle) {
        m_idle.push_back(std::move(context));
    }
}

} // namespace jwtwb::ossl
