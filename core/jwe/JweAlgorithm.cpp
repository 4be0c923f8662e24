#include "JweAlgorithm.h"

#include <array>

namespace jwtwb::jwe {
namespace {

using crypto::HashAlg;

using enum KeyManagement;

constexpr std::array kKeyAlgorithms{
    KeyAlgorithmInfo{KeyAlgorithm::Dir, "dir", Direct, 0, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A128KW, "A128KW", AesKeyWrap, 16, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A192KW, "A192KW", AesKeyWrap, 24, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A256KW, "A256KW", AesKeyWrap, 32, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::PBES2_HS256_A128KW, "PBES2-HS256+A128KW", Pbes2, 16, HashAlg::Sha256},
    KeyAlgorithmInfo{KeyAlgorithm::PBES2_HS384_A192KW, "PBES2-HS384+A192KW", Pbes2, 24, HashAlg::Sha384},
    KeyAlgorithmInfo{KeyAlgorithm::PBES2_HS512_A256KW, "PBES2-HS512+A256KW", Pbes2, 32, HashAlg::Sha512},
    KeyAlgorithmInfo{KeyAlgorithm::RSA1_5, "RSA1_5", RsaEncryption, 0, std::nullopt, true},
    KeyAlgorithmInfo{KeyAlgorithm::RSA_OAEP, "RSA-OAEP", RsaEncryption, 0, HashAlg::Sha1},
    KeyAlgorithmInfo{KeyAlgorithm::RSA_OAEP_256, "RSA-OAEP-256", RsaEncryption, 0, HashAlg::Sha256},
    KeyAlgorithmInfo{KeyAlgorithm::RSA_OAEP_384, "RSA-OAEP-384", RsaEncryption, 0, HashAlg::Sha384},
    KeyAlgorithmInfo{KeyAlgorithm::RSA_OAEP_512, "RSA-OAEP-512", RsaEncryption, 0, HashAlg::Sha512},
    KeyAlgorithmInfo{KeyAlgorithm::ECDH_ES, "ECDH-ES", KeyAgreement, 0, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::ECDH_ES_A128KW, "ECDH-ES+A128KW", KeyAgreementWithKeyWrap, 16, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::ECDH_ES_A192KW, "ECDH-ES+A192KW", KeyAgreementWithKeyWrap, 24, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::ECDH_ES_A256KW, "ECDH-ES+A256KW", KeyAgreementWithKeyWrap, 32, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A128GCMKW, "A128GCMKW", AesGcmKeyWrap, 16, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A192GCMKW, "A192GCMKW", AesGcmKeyWrap, 24, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A256GCMKW, "A256GCMKW", AesGcmKeyWrap, 32, std::nullopt},
};

constexpr std::array kContentAlgorithms{
    ContentAlgorithmInfo{ContentAlgorithm::A128CBC_HS256, "A128CBC-HS256", 32, 16, 16, false, HashAlg::Sha256},
    ContentAlgorithmInfo{ContentAlgorithm::A192CBC_HS384, "A192CBC-HS384", 48, 16, 24, false, HashAlg::Sha384},
    ContentAlgorithmInfo{ContentAlgorithm::A256CBC_HS512, "A256CBC-HS512", 64, 16, 32, false, HashAlg::Sha512},
    ContentAlgorithmInfo{ContentAlgorithm::A128GCM, "A128GCM", 16, 12, 16, true, HashAlg::Sha256},
    ContentAlgorithmInfo{ContentAlgorithm::A192GCM, "A192GCM", 24, 12, 16, true, HashAlg::Sha256},
    ContentAlgorithmInfo{ContentAlgorithm::A256GCM, "A256GCM", 32, 12, 16, true, HashAlg::Sha256},
};

static_assert(kKeyAlgorithms.back().alg == KeyAlgorithm::A256GCMKW);

} // namespace

ContentAlgorithm gcmKeyWrapCipher(const KeyAlgorithmInfo& info)
{
    return info.kekSize == 16 ? ContentAlgorithm::A128GCM
        : info.kekSize == 24  ? ContentAlgorithm::A192GCM
                              : ContentAlgorithm::A256GCM;
}

std::span<const KeyAlgorithmInfo> keyAlgorithms()
{
    return kKeyAlgorithms;
}

std::span<const ContentAlgorithmInfo> contentAlgorithms()
{
    return kContentAlgorithms;
}

const KeyAlgorithmInfo& keyAlgorithmInfo(KeyAlgorithm alg)
{
    return kKeyAlgorithms[static_cast<std::size_t>(alg)];
}

const ContentAlgorithmInfo& contentAlgorithmInfo(ContentAlgorithm enc)
{
    return kContentAlgorithms[static_cast<std::size_t>(enc)];
}

std::optional<KeyAlgorithm> parseKeyAlgorithm(std::string_view name)
{
    for (const auto& info : kKeyAlgorithms) {
        if (info.name == name) {
            return info.alg;
        }
    }
    return std::nullopt;
}

std::optional<ContentAlgorithm> parseContentAlgorithm(std::string_view name)
{
    for (const auto& info : kContentAlgorithms) {
        if (info.name == name) {
            return info.enc;
        }
    }
    return std::nullopt;
}

} // namespace jwtwb::jwe
