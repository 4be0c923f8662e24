// The secret search's own SHA-2 compression functions and HMAC guesser, held against the FIPS 180-4
// and RFC 4231 known answers and against OpenSSL on random inputs.
#include "TestData.h"
#include "crack/MacGuesser.h"
#include "crack/ShaDigest.h"
#include "encoding/Hex.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <QTest>

#include <random>

using namespace jwtwb;
using namespace jwtwb::crack;
using jose::JwsAlgorithm;

namespace {

Bytes hex(const encoding::Json& value)
{
    return encoding::fromHex(value.get<std::string>()).value();
}

QByteArray toArray(const Bytes& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

std::span<const std::uint8_t> view(const QByteArray& bytes)
{
    return asBytes(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

Bytes opensslHmac(JwsAlgorithm alg, std::span<const std::uint8_t> key, std::span<const std::uint8_t> data)
{
    const char* digest = alg == JwsAlgorithm::HS256 ? "SHA256" : alg == JwsAlgorithm::HS384 ? "SHA384" : "SHA512";
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* context = EVP_MAC_CTX_new(mac);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
        OSSL_PARAM_construct_end(),
    };
    const std::uint8_t zero = 0; // OpenSSL refuses an empty key; one zero byte is the same HMAC key
    Bytes out(EVP_MAX_MD_SIZE);
    std::size_t size = 0;
    const bool ok = EVP_MAC_init(context, key.empty() ? &zero : key.data(), key.empty() ? 1 : key.size(), params) == 1
        && EVP_MAC_update(context, data.data(), data.size()) == 1
        && EVP_MAC_final(context, out.data(), &size, out.size()) == 1;
    EVP_MAC_CTX_free(context);
    EVP_MAC_free(mac);
    if (!ok) {
        qFatal("OpenSSL HMAC failed");
    }
    out.resize(size);
    return out;
}

Bytes opensslDigest(const char* name, std::span<const std::uint8_t> data)
{
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_get_digestbyname(name), nullptr) != 1) {
        qFatal("OpenSSL digest failed");
    }
    out.resize(size);
    return out;
}

QList<ShaKernel> kernels()
{
    QList<ShaKernel> out{ShaKernel::Portable};
    if (shaExtensionsAvailable()) {
        out.push_back(ShaKernel::ShaExtensions);
    }
    return out;
}

const char* kernelName(ShaKernel kernel)
{
    return kernel == ShaKernel::Portable ? "portable" : "sha-ni";
}

// Which of `guesses` the guesser says produce `mac`, as a bit set.
std::uint32_t hitsFor(const MacGuesser& guesser, const std::vector<Bytes>& guesses)
{
    std::vector<Guess> views;
    for (const Bytes& guess : guesses) {
        views.push_back(Guess{guess.data(), guess.size()});
    }
    return guesser.test(views);
}

} // namespace

class TestShaKernels : public QObject
{
    Q_OBJECT

private slots:
    void fipsDigests_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("sha256");
        QTest::addColumn<QByteArray>("sha384");
        QTest::addColumn<QByteArray>("sha512");
        const encoding::Json file = test::loadJson(QStringLiteral("vectors/sha/fips180-4-sha2.json"));
        for (const auto& vector : file["vectors"]) {
            Bytes message;
            if (vector.contains("message_repeat")) {
                message.assign(vector["message_repeat"]["count"].get<std::size_t>(),
                               hex(vector["message_repeat"]["byte_hex"]).at(0));
            } else {
                message = hex(vector["message_hex"]);
            }
            QTest::newRow(vector["name"].get<std::string>().c_str())
                << toArray(message) << toArray(hex(vector["sha256"])) << toArray(hex(vector["sha384"]))
                << toArray(hex(vector["sha512"]));
        }
    }

    void fipsDigests()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, sha256);
        QFETCH(QByteArray, sha384);
        QFETCH(QByteArray, sha512);
        const auto data = view(message);
        for (const ShaKernel kernel : kernels()) {
            QCOMPARE(toArray(crack::sha256(data, kernel)).toHex(), sha256.toHex());
        }
        QCOMPARE(toArray(sha512Family(crypto::HashAlg::Sha384, data)).toHex(), sha384.toHex());
        QCOMPARE(toArray(sha512Family(crypto::HashAlg::Sha512, data)).toHex(), sha512.toHex());
    }

    void rfc4231_data()
    {
        QTest::addColumn<int>("alg");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        const encoding::Json file = test::loadJson(QStringLiteral("vectors/sha/rfc4231-hmac.json"));
        for (const auto& vector : file["vectors"]) {
            for (const auto& [alg, member] :
                 {std::pair{JwsAlgorithm::HS256, "hmac_sha256"}, std::pair{JwsAlgorithm::HS384, "hmac_sha384"},
                  std::pair{JwsAlgorithm::HS512, "hmac_sha512"}}) {
                const std::string name
                    = "case " + std::to_string(vector["case"].get<int>()) + " " + std::string(jose::algorithmName(alg));
                QTest::newRow(name.c_str()) << int(alg) << toArray(hex(vector["key_hex"]))
                                            << toArray(hex(vector["data_hex"])) << toArray(hex(vector[member]));
            }
        }
    }

    // RFC 4231's MAC as the token's signature: only the right key matches, wherever it sits in a batch.
    void rfc4231()
    {
        QFETCH(int, alg);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        for (const ShaKernel kernel : kernels()) {
            auto guesser = MacGuesser::create(JwsAlgorithm(alg), view(data), view(mac), kernel);
            QVERIFY(guesser);
            const Bytes right(view(key).begin(), view(key).end());
            QVERIFY(!right.empty());
            Bytes wrong = right;
            if (!wrong.empty()) { // GCC 14 at -O3 cannot tell from the QVERIFY, and warns
                wrong.back() ^= 1;
            }
            std::vector<Bytes> guesses(7, wrong);
            guesses.push_back(right); // lane 4 of the second group of four
            guesses.push_back(wrong);
            QCOMPARE(hitsFor(*guesser, guesses), 1U << 7);
            QCOMPARE(hitsFor(*guesser, {right}), 1U);
        }
    }

    void randomDigestsAgainstOpenSsl()
    {
        std::mt19937 random(20261129);
        for (std::size_t length = 0; length < 300; ++length) {
            Bytes message(length);
            for (auto& byte : message) {
                byte = static_cast<std::uint8_t>(random());
            }
            for (const ShaKernel kernel : kernels()) {
                QVERIFY2(crack::sha256(message, kernel) == opensslDigest("SHA256", message), kernelName(kernel));
            }
            QVERIFY(sha512Family(crypto::HashAlg::Sha384, message) == opensslDigest("SHA384", message));
            QVERIFY(sha512Family(crypto::HashAlg::Sha512, message) == opensslDigest("SHA512", message));
        }
    }

    // Random keys (empty, short, exactly one block, longer than a block) and messages of every
    // padding case; the right key at a random place in a batch of up to 32.
    void randomHmacAgainstOpenSsl()
    {
        std::mt19937 random(4231);
        for (const JwsAlgorithm alg : {JwsAlgorithm::HS256, JwsAlgorithm::HS384, JwsAlgorithm::HS512}) {
            for (const ShaKernel kernel : kernels()) {
                for (int round = 0; round < 300; ++round) {
                    Bytes key(random() % 200);
                    Bytes message(random() % 600);
                    for (auto& byte : key) {
                        byte = static_cast<std::uint8_t>(random());
                    }
                    for (auto& byte : message) {
                        byte = static_cast<std::uint8_t>(random());
                    }
                    const Bytes mac = opensslHmac(alg, key, message);
                    auto guesser = MacGuesser::create(alg, message, mac, kernel);
                    QVERIFY(guesser);
                    const std::size_t count = 1 + random() % MacGuesser::kMaxBatch;
                    const std::size_t position = random() % count;
                    std::vector<Bytes> guesses;
                    for (std::size_t i = 0; i < count; ++i) {
                        Bytes other = key; // key ‖ 00 would be the same HMAC key (RFC 2104 pads with zeros)
                        other.push_back(static_cast<std::uint8_t>(i + 1));
                        guesses.push_back(i == position ? key : other);
                    }
                    QCOMPARE(hitsFor(*guesser, guesses), 1U << position);
                }
            }
        }
    }

    void refusesWhatIsNotHmac()
    {
        const Bytes mac(32);
        QCOMPARE(MacGuesser::create(JwsAlgorithm::RS256, {}, mac).error().code, Errc::UnsupportedAlgorithm);
        QCOMPARE(MacGuesser::create(JwsAlgorithm::HS512, {}, mac).error().code, Errc::MalformedToken);
    }

    // A shorter prefilter lets through guesses whose MAC only starts like the token's.
    void prefilterBits()
    {
        const Bytes message = toBytes("message");
        const Bytes mac = opensslHmac(JwsAlgorithm::HS256, toBytes("key"), message);
        auto strict = MacGuesser::create(JwsAlgorithm::HS256, message, mac);
        auto loose = MacGuesser::create(JwsAlgorithm::HS256, message, mac, bestShaKernel(), 1);
        QVERIFY(strict && loose);
        std::vector<Bytes> guesses;
        for (int i = 0; i < 32; ++i) {
            guesses.push_back(toBytes("wrong" + std::to_string(i)));
        }
        QCOMPARE(hitsFor(*strict, guesses), 0U);
        QVERIFY(hitsFor(*loose, guesses) != 0); // about half of them: 1 bit compared
    }
};

QTEST_GUILESS_MAIN(TestShaKernels)
#include "TestShaKernels.moc"
