#include "JweAlgorithm.h"

#include <array>

namespace jwtwb::jwe {
namespace {

using crypto::HashAlg;

constexpr std::array kKeyAlgorithms{
    KeyAlgorithmInfo{KeyAlgorithm::Dir, "dir", 0, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A128KW, "A128KW", 16, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A192KW, "A192KW", 24, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::A256KW, "A256KW", 32, std::nullopt},
    KeyAlgorithmInfo{KeyAlgorithm::PBES2_HS256_A128KW, "PBES2-HS256+A128KW", 16, HashAlg::Sha256},
    KeyAlgorithmInfo{KeyAlgorithm::PBES2_HS384_A192KW, "PBES2-HS384+A192KW", 24, HashAlg::Sha384},
    KeyAlgorithmInfo{KeyAlgorithm::PBES2_HS512_A256KW, "PBES2-HS512+A256KW", 32, HashAlg::Sha512},
};

constexpr std::array kContentAlgorithms{
    ContentAlgorithmInfo{ContentAlgorithm::A128CBC_HS256, "A128CBC-HS256", 32, 16, 16, false, HashAlg::Sha256},
    ContentAlgorithmInfo{ContentAlgorithm::A192CBC_HS384, "A192CBC-HS384", 48, 16, 24, false, HashAlg::Sha384},
    ContentAlgorithmInfo{ContentAlgorithm::A256CBC_HS512, "A256CBC-HS512", 64, 16, 32, false, HashAlg::Sha512},
    ContentAlgorithmInfo{ContentAlgorithm::A128GCM, "A128GCM", 16, 12, 16, true, HashAlg::Sha256},
    ContentAlgorithmInfo{ContentAlgorithm::A192GCM, "A192GCM", 24, 12, 16, true, HashAlg::Sha256},
    ContentAlgorithmInfo{ContentAlgorithm::A256GCM, "A256GCM", 32, 12, 16, true, HashAlg::Sha256},
};

} // namespace

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
