#include "SignatureEngine.h"

#include "jose/KeyAlgorithmCheck.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/KeyText.h"
#include "ossl/ContextPool.h"
#include "ossl/EcdsaSignature.h"
#include "ossl/Handles.h"
#include "ossl/OsslDigest.h"
#include "ossl/OsslError.h"

#include <openssl/crypto.h>
#include <openssl/rsa.h>

#include <fmt/format.h>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jwtwb::jose {
namespace {

EVP_MAC* hmacAlgorithm()
{
    static const ossl::MacPtr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    return mac.get();
}

enum class Operation { Sign, Verify };

// A prepared context borrowed from the key's pool for one operation and returned afterwards;
// a context that failed is dropped instead, so a broken state is never reused.
class Lease
{
public:
    Lease(const keys::Key& key, JwsAlgorithm alg, Operation operation)
        : m_pool(key.contextPool())
        , m_slot(static_cast<int>(alg) * 2 + (operation == Operation::Sign ? 1 : 0))
        , m_context(m_pool.take(m_slot))
    { }
    ~Lease()
    {
        if (m_context && m_healthy) {
            m_pool.give(std::move(m_context));
        }
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    [[nodiscard]] bool prepared() const { return m_context != nullptr; }
    ossl::PooledContext& context()
    {
        if (!m_context) {
            m_context = std::make_unique<ossl::PooledContext>();
            m_context->slot = m_slot;
        }
        return *m_context;
    }
    void fail() { m_healthy = false; }

private:
    ossl::ContextPool& m_pool;
    int m_slot;
    std::unique_ptr<ossl::PooledContext> m_context;
    bool m_healthy = true;
};

struct Mac {
    std::array<std::uint8_t, EVP_MAX_MD_SIZE> bytes;
    std::size_t size = 0;
};

// HMAC with the key schedule computed once per pooled context: later uses re-initialise with a
// null key, which OpenSSL answers by reusing the padded key it already holds.
Result<Mac> hmac(const AlgorithmInfo& info, const keys::Key& key, Operation operation,
                 std::span<const std::uint8_t> input)
{
    Lease lease(key, info.alg, operation);
    bool ok = true;
    if (!lease.prepared()) {
        auto& context = lease.context();
        context.mac.reset(EVP_MAC_CTX_new(hmacAlgorithm()));
        const char* digestName = EVP_MD_get0_name(ossl::evpMd(info.hash));
        OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digestName), 0),
            OSSL_PARAM_construct_end(),
        };
        // OpenSSL refuses an empty HMAC key; one zero byte is the same key (RFC 2104 pads with zeros).
        static const std::uint8_t kZero = 0;
        const auto& secret = key.secret();
        ok = context.mac
            && EVP_MAC_init(context.mac.get(), secret.empty() ? &kZero : secret.data(),
                            secret.empty() ? 1 : secret.size(), params)
                == 1;
    } else {
        ok = EVP_MAC_init(lease.context().mac.get(), nullptr, 0, nullptr) == 1;
    }
    Mac out;
    EVP_MAC_CTX* ctx = lease.context().mac.get();
    if (!ok || EVP_MAC_update(ctx, input.data(), input.size()) != 1
        || EVP_MAC_final(ctx, out.bytes.data(), &out.size, out.bytes.size()) != 1) {
        lease.fail();
        // cryptoError drains the queue: so no call needs to empty it beforehand.
        return std::unexpected(ossl::cryptoError(Errc::Crypto, "HMAC computation failed"));
    }
    return out;
}

// An EVP_PKEY_CTX initialised for signing or verifying digests with this algorithm's padding.
bool preparePkeyContext(ossl::PooledContext& context, const AlgorithmInfo& info, const keys::Key& key,
                        Operation operation)
{
    context.pkey.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr));
    EVP_PKEY_CTX* ctx = context.pkey.get();
    if (!ctx || (operation == Operation::Sign ? EVP_PKEY_sign_init(ctx) : EVP_PKEY_verify_init(ctx)) != 1) {
        return false;
    }
    if (EVP_PKEY_CTX_set_signature_md(ctx, ossl::evpMd(info.hash)) != 1) {
        return false;
    }
    if (info.family == AlgorithmFamily::RsaPss) {
        // RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash.
        return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1
            && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, ossl::evpMd(info.hash)) == 1
            && EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) == 1;
    }
    return info.family != AlgorithmFamily::RsaPkcs1 || EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1;
}

struct Digest {
    unsigned char bytes[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
};

// With the pooled context's own EVP_MD_CTX: EVP_Digest would allocate and free one (and the
// provider's hash state) every time.
bool digest(ossl::PooledContext& context, const AlgorithmInfo& info, std::span<const std::uint8_t> input, Digest& out)
{
    if (!context.md) {
        context.md.reset(EVP_MD_CTX_new());
    }
    return context.md && EVP_DigestInit_ex2(context.md.get(), ossl::evpMd(info.hash), nullptr) == 1
        && EVP_DigestUpdate(context.md.get(), input.data(), input.size()) == 1
        && EVP_DigestFinal_ex(context.md.get(), out.bytes, &out.size) == 1;
}

// RSA, ECDSA (DER out) and EdDSA signatures with a pooled context.
Result<Bytes> pkeySign(const AlgorithmInfo& info, const keys::Key& key, std::span<const std::uint8_t> input)
{
    Lease lease(key, info.alg, Operation::Sign);
    ossl::clearErrors();
    auto& context = lease.context();
    Bytes signature(static_cast<std::size_t>(EVP_PKEY_get_size(key.pkey())));
    std::size_t size = signature.size();
    bool ok = false;
    if (info.family == AlgorithmFamily::EdDsa) {
        if (!context.md) {
            context.md.reset(EVP_MD_CTX_new());
        }
        ok = context.md && EVP_DigestSignInit(context.md.get(), nullptr, nullptr, nullptr, key.pkey()) == 1
            && EVP_DigestSign(context.md.get(), signature.data(), &size, input.data(), input.size()) == 1;
    } else {
        Digest hash;
        ok = (context.pkey || preparePkeyContext(context, info, key, Operation::Sign))
            && digest(context, info, input, hash)
            && EVP_PKEY_sign(context.pkey.get(), signature.data(), &size, hash.bytes, hash.size) == 1;
    }
    if (!ok) {
        lease.fail();
        return std::unexpected(ossl::cryptoError(Errc::Crypto, fmt::format("{} signing failed", info.name)));
    }
    signature.resize(size);
    return signature;
}

// A mismatch is not an error here: no message is drawn from OpenSSL's error queue, so it is only
// emptied after a failure (what a mismatch leaves there), not before every verification.
bool pkeyVerify(const AlgorithmInfo& info, const keys::Key& key, std::span<const std::uint8_t> input,
                std::span<const std::uint8_t> signature)
{
    Lease lease(key, info.alg, Operation::Verify);
    auto& context = lease.context();
    bool ok = false;
    if (info.family == AlgorithmFamily::EdDsa) {
        if (!context.md) {
            context.md.reset(EVP_MD_CTX_new());
        }
        ok = context.md && EVP_DigestVerifyInit(context.md.get(), nullptr, nullptr, nullptr, key.pkey()) == 1
            && EVP_DigestVerify(context.md.get(), signature.data(), signature.size(), input.data(), input.size()) == 1;
    } else {
        Digest hash;
        if (!context.pkey && !preparePkeyContext(context, info, key, Operation::Verify)) {
            lease.fail();
            ossl::clearErrors();
            return false;
        }
        if (!digest(context, info, input, hash)) {
            ok = false;
        } else {
            ok = EVP_PKEY_verify(context.pkey.get(), signature.data(), signature.size(), hash.bytes, hash.size) == 1;
        }
    }
    if (!ok) {
        ossl::clearErrors();
    }
    return ok;
}

[[gnu::cold]] SignatureCheck invalid(JwsAlgorithm alg, SignatureProblem problem, std::string reason,
                                     std::vector<std::string> warnings = {})
{
    SignatureCheck check;
    check.alg = alg;
    check.verdict = Verdict::Invalid;
    check.problem = problem;
    check.reason = std::move(reason);
    check.warnings = std::move(warnings);
    return check;
}

SignatureProblem problemFor(Errc code)
{
    switch (code) {
    case Errc::WeakKey: return SignatureProblem::WeakKey;
    case Errc::AlgorithmNotAllowed: return SignatureProblem::AlgorithmNotAllowed;
    default: return SignatureProblem::KeyMismatch;
    }
}

// Why a signature of this length cannot be one of `alg` with `key`; empty when the length fits.
std::optional<SignatureCheck> checkLength(const AlgorithmInfo& info, const keys::Key& key,
                                          std::span<const std::uint8_t> signature)
{
    const bool rsa = info.family == AlgorithmFamily::RsaPkcs1 || info.family == AlgorithmFamily::RsaPss;
    std::size_t expected = info.signatureSize;
    if (info.family == AlgorithmFamily::EdDsa) {
        expected = key.curve() == keys::Curve::Ed448 ? 114 : 64;
    } else if (rsa) {
        expected = static_cast<std::size_t>((key.bits() + 7) / 8);
    }
    if (signature.size() == expected) {
        return std::nullopt;
    }
    if (info.family == AlgorithmFamily::Ecdsa && ossl::looksLikeDerEcdsa(signature)) {
        return invalid(info.alg, SignatureProblem::DerEcdsaSignature,
                       fmt::format("the signature is DER-encoded, as OpenSSL and Java produce it; JWS requires the raw "
                                   "{}-byte R‖S form (RFC 7518 §3.4)",
                                   expected));
    }
    std::string what = fmt::format("an {} signature", info.name);
    if (info.family == AlgorithmFamily::EdDsa) {
        what = fmt::format("an {} signature", keys::curveName(key.curve()));
    } else if (rsa) {
        what = fmt::format("with this {}-bit RSA key the signature", key.bits());
    }
    return invalid(info.alg, SignatureProblem::MalformedSignature,
                   fmt::format("the signature is {} bytes; {} is {} bytes", signature.size(), what, expected));
}

std::string_view keyTextName(keys::KeyTextKind kind)
{
    switch (kind) {
    case keys::KeyTextKind::Pem: return "PEM text";
    case keys::KeyTextKind::Jwk:
    case keys::KeyTextKind::Jwks: return "JWK text";
    case keys::KeyTextKind::Der: return "DER bytes";
    case keys::KeyTextKind::Base64Der: return "base64 DER text";
    case keys::KeyTextKind::Other: break;
    }
    return "text";
}

// RFC 8725 §2.1, the algorithm-confusion attack: whoever has the issuer's public key signs an HMAC
// token with that key's text as the secret, and a verifier that takes "alg" from the token and
// hands its public key to HMAC accepts it. Found in two ways, and only then named:
//  - the verifier holds an asymmetric key and the token's MAC is made with its public PEM (with or
//    without the final line break) or DER as the secret: the forged token itself;
//  - the HMAC secret given is itself the text of a public key: a verifier set up for the attack.
// An asymmetric key that merely does not fit an HMAC token is left to checkKeyForAlgorithm.
std::optional<SignatureCheck> findAlgorithmConfusion(const AlgorithmInfo& info, const keys::Key& key,
                                                     std::span<const std::uint8_t> signingInput,
                                                     std::span<const std::uint8_t> signature)
{
    const auto confusion = [&](std::string what) {
        return invalid(info.alg, SignatureProblem::AlgorithmConfusion,
                       fmt::format("{}: this is the algorithm-confusion attack (RFC 8725 §2.1). A verifier that "
                                   "takes the algorithm from the token would accept it; a public key must never be "
                                   "used as an HMAC secret",
                                   what));
    };
    if (key.type() == keys::KeyType::Oct) {
        // No public key's text is shorter than Ed25519's SubjectPublicKeyInfo in DER: most secrets
        // (32 bytes for HS256) are not looked at any further.
        constexpr std::size_t kShortestPublicKeyText = 44;
        if (key.secret().size() < kShortestPublicKeyText) {
            return std::nullopt;
        }
        const auto kind = keys::classifyKeyText(key.secret().span());
        if (kind == keys::KeyTextKind::Other) {
            return std::nullopt;
        }
        std::optional<keys::Key> inSecret;
        if (kind == keys::KeyTextKind::Der) {
            if (auto der = keys::importDer(key.secret().span())) {
                inSecret = std::move(*der);
            }
        } else if (auto text = keys::importKeys(asText(key.secret().span())); text && !text->empty()) {
            inSecret = std::move(text->front());
        }
        if (!inSecret || inSecret->type() == keys::KeyType::Oct || inSecret->hasPrivate()) {
            return std::nullopt;
        }
        return confusion(fmt::format("the HMAC secret is the {} of {}", keyTextName(kind), keyPhrase(*inSecret)));
    }
    const auto publicKey = key.publicKey();
    if (!publicKey) {
        return std::nullopt;
    }
    const auto pem = keys::exportPublicPem(*publicKey);
    if (!pem) {
        return std::nullopt;
    }
    std::vector<std::pair<keys::KeyTextKind, std::string>> candidates;
    candidates.emplace_back(keys::KeyTextKind::Pem, *pem);
    if (pem->ends_with('\n')) {
        candidates.emplace_back(keys::KeyTextKind::Pem, pem->substr(0, pem->size() - 1));
    }
    if (auto der = keys::exportPublicDer(*publicKey)) {
        candidates.emplace_back(keys::KeyTextKind::Der, std::string(asText(*der)));
    }
    for (const auto& [kind, text] : candidates) {
        const keys::Key secret = keys::Key::fromSecret(crypto::SecureBytes(text));
        const auto mac = hmac(info, secret, Operation::Verify, signingInput);
        if (mac && mac->size == signature.size()
            && CRYPTO_memcmp(mac->bytes.data(), signature.data(), mac->size) == 0) {
            return confusion(fmt::format("the token's HMAC secret is the {} of the verifying key, {}",
                                         keyTextName(kind), keyPhrase(*publicKey)));
        }
    }
    return std::nullopt;
}

} // namespace

Result<Bytes> createSignature(JwsAlgorithm alg, const keys::Key& key, std::span<const std::uint8_t> signingInput,
                              WeakKeys weak)
{
    const AlgorithmInfo& info = algorithmInfo(alg);
    if (auto usable = checkKeyForAlgorithm(key, alg, KeyPurpose::Sign, weak); !usable) {
        return std::unexpected(usable.error());
    }
    if (info.family == AlgorithmFamily::Hmac) {
        auto mac = hmac(info, key, Operation::Sign, signingInput);
        if (!mac) {
            return std::unexpected(mac.error());
        }
        return Bytes(mac->bytes.begin(), mac->bytes.begin() + static_cast<std::ptrdiff_t>(mac->size));
    }
    auto signature = pkeySign(info, key, signingInput);
    if (signature && info.family == AlgorithmFamily::Ecdsa) {
        return ossl::ecdsaDerToRaw(*signature, info.signatureSize / 2);
    }
    return signature;
}

SignatureCheck verifySignature(JwsAlgorithm alg, const keys::Key& key, std::span<const std::uint8_t> signingInput,
                               std::span<const std::uint8_t> signature, WeakKeys weak)
{
    const AlgorithmInfo& info = algorithmInfo(alg);
    if (info.family == AlgorithmFamily::Unsecured) {
        return invalid(alg, SignatureProblem::Unsecured,
                       "the token is unsecured (alg \"none\"): it has no signature, so anyone could have made it");
    }
    if (info.family == AlgorithmFamily::Hmac) {
        if (auto confusion = findAlgorithmConfusion(info, key, signingInput, signature)) {
            return *confusion;
        }
    }
    // A weak key is refused after the signature is checked with it, so that the refusal can say
    // whether the signature matches.
    auto usable = checkKeyForAlgorithm(key, alg, KeyPurpose::Verify, weak);
    std::string refusal;
    std::vector<std::string> warnings;
    if (usable) {
        warnings = std::move(*usable);
    } else if (usable.error().code == Errc::WeakKey) {
        refusal = std::move(usable.error().message);
    } else {
        return invalid(alg, problemFor(usable.error().code), usable.error().message);
    }
    const std::string_view keyWord = info.family == AlgorithmFamily::Hmac ? "secret" : "key";
    const auto refused = [&](std::string reason) { return invalid(alg, SignatureProblem::WeakKey, std::move(reason)); };
    if (auto wrongLength = checkLength(info, key, signature)) {
        if (!refusal.empty()) {
            return refused(
                fmt::format("a conforming verifier refuses the {}: {}; and {}", keyWord, refusal, wrongLength->reason));
        }
        wrongLength->warnings = std::move(warnings);
        return *wrongLength;
    }

    bool matches = false;
    if (info.family == AlgorithmFamily::Hmac) {
        auto mac = hmac(info, key, Operation::Verify, signingInput);
        if (!mac) {
            return invalid(alg, SignatureProblem::SignatureMismatch, mac.error().message, std::move(warnings));
        }
        matches = mac->size == signature.size() && CRYPTO_memcmp(mac->bytes.data(), signature.data(), mac->size) == 0;
    } else if (info.family == AlgorithmFamily::Ecdsa) {
        auto der = ossl::ecdsaRawToDer(signature);
        if (!der) {
            return invalid(alg, SignatureProblem::MalformedSignature, der.error().message, std::move(warnings));
        }
        matches = pkeyVerify(info, key, signingInput, *der);
    } else {
        matches = pkeyVerify(info, key, signingInput, signature);
    }
    if (!refusal.empty()) {
        return refused(
            matches ? fmt::format("the signature matches this {0}, but a conforming verifier refuses the {0}: {1}",
                                  keyWord, refusal)
                    : fmt::format("a conforming verifier refuses the {0}: {1}; and the signature does not "
                                  "match this {0} either",
                                  keyWord, refusal));
    }
    if (!matches) {
        return invalid(alg, SignatureProblem::SignatureMismatch,
                       fmt::format("the signature does not match: the token was signed with another {}, or its header "
                                   "or payload was changed",
                                   keyWord),
                       std::move(warnings));
    }
    SignatureCheck check;
    check.alg = alg;
    check.verdict = Verdict::Valid;
    check.reason = "valid signature"; // short enough for no allocation; the algorithm is in check.alg
    check.warnings = std::move(warnings);
    check.keyId = key.parameters().kid;
    return check;
}

std::string_view problemName(SignatureProblem problem)
{
    switch (problem) {
    case SignatureProblem::None: return "OK";
    case SignatureProblem::SignatureMismatch: return "ERR_JWS_SIGNATURE_MISMATCH";
    case SignatureProblem::KeyMismatch: return "ERR_JWS_KEY_MISMATCH";
    case SignatureProblem::AlgorithmConfusion: return "ERR_JWS_ALGORITHM_CONFUSION";
    case SignatureProblem::WeakKey: return "ERR_JWS_WEAK_KEY";
    case SignatureProblem::AlgorithmNotAllowed: return "ERR_JWS_ALG_NOT_ALLOWED";
    case SignatureProblem::UnsupportedAlgorithm: return "ERR_JWS_UNSUPPORTED_ALG";
    case SignatureProblem::MalformedSignature: return "ERR_JWS_MALFORMED_SIGNATURE";
    case SignatureProblem::DerEcdsaSignature: return "ERR_JWS_DER_ECDSA_SIGNATURE";
    case SignatureProblem::Unsecured: return "ERR_JWS_UNSECURED";
    case SignatureProblem::NoKey: return "ERR_JWS_NO_KEY";
    case SignatureProblem::NoMatchingKey: return "ERR_JWKS_NO_MATCHING_KEY";
    case SignatureProblem::AmbiguousKeySet: return "ERR_JWKS_AMBIGUOUS";
    case SignatureProblem::MalformedHeader: return "ERR_JWS_MALFORMED_HEADER";
    case SignatureProblem::UnknownCriticalHeader: return "ERR_JWS_UNKNOWN_CRIT";
    case SignatureProblem::MissingPayload: return "ERR_JWS_MISSING_PAYLOAD";
    }
    return "ERR_UNKNOWN";
}

} // namespace jwtwb::jose
