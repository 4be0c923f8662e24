#include "KeyData.h"

#include "OsslError.h"

#include <openssl/core_names.h>

#include <map>
#include <mutex>
#include <string>

namespace jwtwb::ossl {

KeyFromData pkeyFromData(const char* keyType, int selection, OSSL_PARAM_BLD* builder)
{
    KeyFromData result;
    clearErrors();
    ParamsPtr params(OSSL_PARAM_BLD_to_param(builder));
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, keyType, nullptr));
    EVP_PKEY* pkey = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &pkey, selection, params.get()) != 1 || pkey == nullptr) {
        EVP_PKEY_free(pkey);
        result.errors = drainErrors();
        return result;
    }
    result.pkey.reset(pkey);
    return result;
}

namespace {

// A parameters-only key for each curve asked for, made on first use and never changed after.
const EVP_PKEY* curveParameters(const char* groupName)
{
    static std::mutex mutex;
    static std::map<std::string, PKeyPtr, std::less<>> cache;
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(std::string_view(groupName)); it != cache.end()) {
        return it->second.get();
    }
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(groupName), 0),
        OSSL_PARAM_construct_end(),
    };
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY* pkey = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_KEY_PARAMETERS, const_cast<OSSL_PARAM*>(params)) != 1) {
        EVP_PKEY_free(pkey);
        return nullptr;
    }
    return cache.emplace(groupName, PKeyPtr(pkey)).first->second.get();
}

} // namespace

KeyFromData ecPublicKeyFromPoint(const char* groupName, std::span<const std::uint8_t> point)
{
    KeyFromData result;
    clearErrors();
    const EVP_PKEY* parameters = curveParameters(groupName);
    PKeyPtr pkey(EVP_PKEY_new());
    // set1_encoded_public_key decodes the point in the curve's group, refusing one off the curve.
    if (parameters == nullptr || !pkey || EVP_PKEY_copy_parameters(pkey.get(), parameters) != 1
        || EVP_PKEY_set1_encoded_public_key(pkey.get(), point.data(), point.size()) != 1) {
        result.errors = drainErrors();
        return result;
    }
    result.pkey = std::move(pkey);
    return result;
}

bool pairwiseCheck(EVP_PKEY* pkey)
{
    clearErrors();
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    const bool ok = ctx && EVP_PKEY_pairwise_check(ctx.get()) == 1;
    clearErrors();
    return ok;
}

bool publicCheck(EVP_PKEY* pkey)
{
    clearErrors();
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    // The quick check (in range, on the curve, not the point at infinity) is the whole check for
    // the curves JOSE uses: their cofactor is 1, so every such point has the group's order, and the
    // full check's extra scalar multiplication would only double the cost of reading an ECDH-ES "epk".
    const bool ok = ctx && EVP_PKEY_public_check_quick(ctx.get()) == 1;
    clearErrors();
    return ok;
}

bool privateCheck(EVP_PKEY* pkey)
{
    clearErrors();
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    const bool ok = ctx && EVP_PKEY_private_check(ctx.get()) == 1;
    clearErrors();
    return ok;
}

} // namespace jwtwb::ossl
