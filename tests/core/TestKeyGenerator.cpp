#include "KeyTestSupport.h"

#include "crypto/ThreadState.h"
#include "keys/KeyExport.h"
#include "keys/KeyGenerator.h"
#include "keys/KeyImport.h"
#include "keys/Thumbprint.h"

#include <QElapsedTimer>
#include <QTest>

#include <openssl/err.h>
#include <openssl/evp.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using namespace jwtwb;
using namespace jwtwb::keys;

namespace {

using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using PKeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;

const Bytes kMessage = toBytes("The true sign of intelligence is not knowledge but imagination.");

// EVP_DigestSign with the private key; SHA-256 except for EdDSA, which hashes by itself.
Bytes sign(const Key& key, std::span<const std::uint8_t> message)
{
    MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const char* digest = key.type() == KeyType::Okp ? nullptr : "SHA256";
    std::size_t length = 0;
    if (!ctx || EVP_DigestSignInit_ex(ctx.get(), nullptr, digest, nullptr, nullptr, key.pkey(), nullptr) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length, message.data(), message.size()) != 1) {
        return {};
    }
    Bytes signature(length);
    if (EVP_DigestSign(ctx.get(), signature.data(), &length, message.data(), message.size()) != 1) {
        return {};
    }
    signature.resize(length);
    return signature;
}

bool verify(const Key& key, std::span<const std::uint8_t> message, const Bytes& signature)
{
    MdCtxPtr ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    const char* digest = key.type() == KeyType::Okp ? nullptr : "SHA256";
    return ctx && EVP_DigestVerifyInit_ex(ctx.get(), nullptr, digest, nullptr, nullptr, key.pkey(), nullptr) == 1
        && EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(), message.size()) == 1;
}

// X25519 / X448: both sides of a key agreement arrive at the same secret.
Bytes derive(const Key& mine, const Key& theirs)
{
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, mine.pkey(), nullptr), EVP_PKEY_CTX_free);
    std::size_t length = 0;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 || EVP_PKEY_derive_set_peer(ctx.get(), theirs.pkey()) != 1
        || EVP_PKEY_derive(ctx.get(), nullptr, &length) != 1) {
        return {};
    }
    Bytes secret(length);
    if (EVP_PKEY_derive(ctx.get(), secret.data(), &length) != 1) {
        return {};
    }
    secret.resize(length);
    return secret;
}

} // namespace

class TestKeyGenerator : public QObject
{
    Q_OBJECT

private slots:
    void signingKeys_data();
    void signingKeys();
    void agreementKeys_data();
    void agreementKeys();
    void secrets_data();
    void secrets();
    void badSpecs_data();
    void badSpecs();
    void cancelBeforeStart_data();
    void cancelBeforeStart();
    void cancelDuringRsa();
    void poolThreadsReleaseTheirState();
};

void TestKeyGenerator::signingKeys_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("expectedBits");
    QTest::newRow("RSA default") << int(KeyType::Rsa) << 0 << int(Curve::None) << 2048;
    QTest::newRow("RSA 1024") << int(KeyType::Rsa) << 1024 << int(Curve::None) << 1024;
    QTest::newRow("RSA 1032") << int(KeyType::Rsa) << 1032 << int(Curve::None) << 1032;
    QTest::newRow("RSA 2048") << int(KeyType::Rsa) << 2048 << int(Curve::None) << 2048;
    QTest::newRow("RSA 3072") << int(KeyType::Rsa) << 3072 << int(Curve::None) << 3072;
    QTest::newRow("EC P-256") << int(KeyType::Ec) << 0 << int(Curve::P256) << 256;
    QTest::newRow("EC P-384") << int(KeyType::Ec) << 0 << int(Curve::P384) << 384;
    QTest::newRow("EC P-521") << int(KeyType::Ec) << 0 << int(Curve::P521) << 521;
    QTest::newRow("EC secp256k1") << int(KeyType::Ec) << 0 << int(Curve::Secp256k1) << 256;
    QTest::newRow("OKP Ed25519") << int(KeyType::Okp) << 0 << int(Curve::Ed25519) << 256;
    QTest::newRow("OKP Ed448") << int(KeyType::Okp) << 0 << int(Curve::Ed448) << 456;
}

void TestKeyGenerator::signingKeys()
{
    QFETCH(int, type);
    QFETCH(int, bits);
    QFETCH(int, curve);
    QFETCH(int, expectedBits);
    const std::atomic<bool> cancel{false};
    const auto key = generateKey({static_cast<KeyType>(type), bits, static_cast<Curve>(curve)}, &cancel);
    JWTWB_VERIFY_OK(key);
    QCOMPARE(int(key->type()), type);
    QCOMPARE(int(key->curve()), curve);
    QCOMPARE(key->bits(), expectedBits);
    QVERIFY(key->hasPrivate());

    // It signs, and its public half verifies that signature and nothing else.
    const Bytes signature = sign(*key, kMessage);
    QVERIFY(!signature.empty());
    const auto publicKey = key->publicKey();
    JWTWB_VERIFY_OK(publicKey);
    QVERIFY(!publicKey->hasPrivate());
    QVERIFY(verify(*publicKey, kMessage, signature));
    Bytes tampered = kMessage;
    tampered[0] ^= 1;
    QVERIFY(!verify(*publicKey, tampered, signature));

    // Its JWK imports to the same key.
    const auto jwk = exportJwk(*key, true);
    JWTWB_VERIFY_OK(jwk);
    const auto again = importJwk(*jwk);
    JWTWB_VERIFY_OK(again);
    QVERIFY(again->hasPrivate());
    QCOMPARE(thumbprint(*again).value(), thumbprint(*key).value());
    QVERIFY(verify(*again, kMessage, sign(*again, kMessage)));
}

void TestKeyGenerator::agreementKeys_data()
{
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("secretSize");
    QTest::newRow("X25519") << int(Curve::X25519) << 32;
    QTest::newRow("X448") << int(Curve::X448) << 56;
}

void TestKeyGenerator::agreementKeys()
{
    QFETCH(int, curve);
    QFETCH(int, secretSize);
    const auto alice = generateKey({KeyType::Okp, 0, static_cast<Curve>(curve)});
    const auto bob = generateKey({KeyType::Okp, 0, static_cast<Curve>(curve)});
    JWTWB_VERIFY_OK(alice);
    JWTWB_VERIFY_OK(bob);
    QCOMPARE(int(alice->curve()), curve);
    QVERIFY(alice->hasPrivate());
    const Bytes ab = derive(*alice, bob->publicKey().value());
    const Bytes ba = derive(*bob, alice->publicKey().value());
    QCOMPARE(int(ab.size()), secretSize);
    QCOMPARE(ab, ba);
}

void TestKeyGenerator::secrets_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("expectedBits");
    QTest::newRow("default") << 0 << 256;
    QTest::newRow("128") << 128 << 128;
    QTest::newRow("256") << 256 << 256;
    QTest::newRow("384") << 384 << 384;
    QTest::newRow("512") << 512 << 512;
}

void TestKeyGenerator::secrets()
{
    QFETCH(int, bits);
    QFETCH(int, expectedBits);
    const auto a = generateKey({KeyType::Oct, bits});
    const auto b = generateKey({KeyType::Oct, bits});
    JWTWB_VERIFY_OK(a);
    JWTWB_VERIFY_OK(b);
    QCOMPARE(int(a->type()), int(KeyType::Oct));
    QCOMPARE(a->bits(), expectedBits);
    QCOMPARE(int(a->secret().size()), expectedBits / 8);
    QVERIFY(!a->secret().equals(b->secret().span())); // 2^-128 chance of a false failure
    const auto jwk = exportJwk(*a, true);
    JWTWB_VERIFY_OK(jwk);
    QVERIFY(importJwk(*jwk).value().secret().equals(a->secret().span()));
}

void TestKeyGenerator::badSpecs_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("curve");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("RSA 512") << int(KeyType::Rsa) << 512 << int(Curve::None) << int(Errc::WeakKey)
                             << "RSA keys of 512 bits are too weak: at least 1024";
    QTest::newRow("RSA 1016") << int(KeyType::Rsa) << 1016 << int(Curve::None) << int(Errc::WeakKey) << "too weak";
    QTest::newRow("RSA 2049") << int(KeyType::Rsa) << 2049 << int(Curve::None) << int(Errc::InvalidKey)
                              << "RSA key size 2049 is not supported: a multiple of 8 from 1024 to 16384";
    QTest::newRow("RSA 32768") << int(KeyType::Rsa) << 32768 << int(Curve::None) << int(Errc::InvalidKey)
                               << "RSA key size 32768 is not supported";
    QTest::newRow("EC without curve") << int(KeyType::Ec) << 0 << int(Curve::None) << int(Errc::InvalidKey)
                                      << "no curve is not a curve for EC keys";
    QTest::newRow("EC Ed25519") << int(KeyType::Ec) << 0 << int(Curve::Ed25519) << int(Errc::InvalidKey)
                                << "Ed25519 is not a curve for EC keys";
    QTest::newRow("OKP P-256") << int(KeyType::Okp) << 0 << int(Curve::P256) << int(Errc::InvalidKey)
                               << "P-256 is not a curve for OKP keys";
    QTest::newRow("secret 100") << int(KeyType::Oct) << 100 << int(Curve::None) << int(Errc::InvalidKey)
                                << "a secret of 100 bits is not supported: a multiple of 8 from 128 to 8192";
    QTest::newRow("secret 64") << int(KeyType::Oct) << 64 << int(Curve::None) << int(Errc::InvalidKey)
                               << "a secret of 64 bits is not supported";
}

void TestKeyGenerator::badSpecs()
{
    QFETCH(int, type);
    QFETCH(int, bits);
    QFETCH(int, curve);
    QFETCH(int, code);
    QFETCH(QString, fragment);
    JWTWB_VERIFY_ERROR(generateKey({static_cast<KeyType>(type), bits, static_cast<Curve>(curve)}),
                       static_cast<Errc>(code), fragment);
}

void TestKeyGenerator::cancelBeforeStart_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("curve");
    QTest::newRow("RSA") << int(KeyType::Rsa) << 4096 << int(Curve::None);
    QTest::newRow("EC") << int(KeyType::Ec) << 0 << int(Curve::P256);
    QTest::newRow("OKP") << int(KeyType::Okp) << 0 << int(Curve::Ed25519);
    QTest::newRow("oct") << int(KeyType::Oct) << 256 << int(Curve::None);
}

void TestKeyGenerator::cancelBeforeStart()
{
    QFETCH(int, type);
    QFETCH(int, bits);
    QFETCH(int, curve);
    const std::atomic<bool> cancel{true};
    JWTWB_VERIFY_ERROR(generateKey({static_cast<KeyType>(type), bits, static_cast<Curve>(curve)}, &cancel),
                       Errc::Cancelled, "key generation was cancelled");
}

void TestKeyGenerator::cancelDuringRsa()
{
    // A 16384-bit key takes OpenSSL minutes; the flag set from another thread stops it within moments.
    std::atomic<bool> cancel{false};
    QElapsedTimer timer;
    timer.start();
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancel.store(true);
    });
    const auto key = generateKey({KeyType::Rsa, 16384}, &cancel);
    canceller.join();
    JWTWB_VERIFY_ERROR(key, Errc::Cancelled, "key generation was cancelled");
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

void TestKeyGenerator::poolThreadsReleaseTheirState()
{
    // What a failed OpenSSL call leaves in the thread's error queue is gone once the thread has
    // released its state (the UI does this before handing a pooled result over).
    unsigned long before = 0;
    unsigned long after = 0;
    std::thread worker([&before, &after] {
        ERR_raise(ERR_LIB_USER, ERR_R_INTERNAL_ERROR);
        before = ERR_peek_error();
        crypto::releaseThreadState();
        after = ERR_peek_error();
    });
    worker.join();
    QVERIFY(before != 0);
    QCOMPARE(after, 0UL);
}

QTEST_GUILESS_MAIN(TestKeyGenerator)
#include "TestKeyGenerator.moc"
