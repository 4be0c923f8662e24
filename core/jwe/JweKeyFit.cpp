#include "JweKeyFit.h"

#include "jwe/EcdhEs.h"

#include <algorithm>

namespace jwtwb::jwe {
namespace {

bool secretFits(const KeyAlgorithmInfo& info, std::size_t size)
{
    switch (info.mode) {
    case KeyManagement::Direct:
        return std::ranges::any_of(contentAlgorithms(),
                                   [size](const ContentAlgorithmInfo& enc) { return enc.cekSize == size; });
    case KeyManagement::AesKeyWrap:
    case KeyManagement::AesGcmKeyWrap: return info.kekSize == size;
    case KeyManagement::Pbes2: return size > 0;
    case KeyManagement::RsaEncryption:
    case KeyManagement::KeyAgreement:
    case KeyManagement::KeyAgreementWithKeyWrap: break;
    }
    return false;
}

bool fits(const KeyAlgorithmInfo& info, const keys::Key& key, JweKeyPurpose purpose)
{
    if (info.decryptOnly && purpose == JweKeyPurpose::Encrypt) {
        return false;
    }
    const bool needsPrivate = purpose == JweKeyPurpose::Decrypt;
    switch (key.type()) {
    case keys::KeyType::Oct: return secretFits(info, key.secret().size());
    case keys::KeyType::Rsa: return info.mode == KeyManagement::RsaEncryption && (!needsPrivate || key.hasPrivate());
    case keys::KeyType::Ec:
    case keys::KeyType::Okp:
        return info.agreesKey() && isKeyAgreementCurve(key.curve()) && (!needsPrivate || key.hasPrivate());
    }
    return false;
}

} // namespace

std::vector<KeyAlgorithm> keyAlgorithmsForKey(const keys::Key& key, JweKeyPurpose purpose)
{
    const auto named = parseKeyAlgorithm(key.parameters().alg);
    std::vector<KeyAlgorithm> out;
    for (const auto& info : keyAlgorithms()) {
        if ((!named || *named == info.alg) && fits(info, key, purpose)) {
            out.push_back(info.alg);
        }
    }
    return out;
}

std::vector<ContentAlgorithm> contentAlgorithmsForKey(KeyAlgorithm alg, const keys::Key& key)
{
    std::vector<ContentAlgorithm> out;
    for (const auto& info : contentAlgorithms()) {
        if (alg != KeyAlgorithm::Dir || (key.type() == keys::KeyType::Oct && key.secret().size() == info.cekSize)) {
            out.push_back(info.enc);
        }
    }
    return out;
}

} // namespace jwtwb::jwe
