#include "KeyData.h"

#include "OsslError.h"

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
