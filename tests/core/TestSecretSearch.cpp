#include "crack/Mask.h"
#include "crack/SecretSearch.h"
#include "crack/WordRules.h"
#include "crack/WordlistReader.h"
#include "jose/CompactToken.h"
#include "jose/JwsSigner.h"
#include "keys/Key.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>
#include <thread>

using namespace jwtwb;
using namespace jwtwb::crack;

namespace {

constexpr std::string_view kSampleToken
    = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
      "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

const std::filesystem::path kBundled = JWTWB_WORDLIST_DIR "/jwt.secrets.list";

jose::CompactToken decode(std::string_view token)
{
    auto decoded = jose::decodeCompact(token);
    if (!decoded) {
        qFatal("bad test token: %s", decoded.error().message.c_str());
    }
    return std::move(*decoded);
}

// A JWT signed with `secret`; the payload is a typical ~150-byte access token.
jose::CompactToken tokenWith(std::string_view secret, std::string_view alg = "HS256")
{
    const auto key = keys::Key::fromSecret(crypto::SecureBytes(secret));
    const std::string header = R"({"alg":")" + std::string(alg) + R"(","typ":"JWT"})";
    jose::SignOptions options;
    options.weakKeys = jose::WeakKeys::Accept; // the secrets a search finds are weak by nature
    auto token = jose::signCompact(
        header, asBytes(R"({"sub":"1234567890","name":"John Doe","iat":1795860000,"aud":"https://api.example.com"})"),
        &key, options);
    if (!token) {
        qFatal("cannot sign: %s", token.error().message.c_str());
    }
    return decode(*token);
}

std::string found(const Result<SearchOutcome>& outcome)
{
    if (!outcome) {
        return "error: " + outcome.error().message;
    }
    return outcome->secret ? std::string(outcome->secret->view()) : std::string("(not found)");
}

std::uint64_t statusKilobytes(const char* field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field, 0) == 0) {
            return std::stoull(line.substr(std::strlen(field)));
        }
    }
    return 0;
}

} // namespace

class TestSecretSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{QDir().mkpath(QStringLiteral(JWTWB_TEST_OUTPUT_DIR))
                            ? QStringLiteral(JWTWB_TEST_OUTPUT_DIR "/secret-search-XXXXXX")
                            : QString()};

    std::filesystem::path writeList(const QString& name, const QByteArray& content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
            qFatal("cannot write %s", qPrintable(file.fileName()));
        }
        return file.fileName().toStdString();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sampleSecretFromBundledList()
    {
        SearchOptions options;
        options.wordlists.push_back({kBundled, "bundled list"});
        const auto outcome = searchSecret(decode(kSampleToken), options);
        QCOMPARE(found(outcome), std::string("your-256-bit-secret"));
        QCOMPARE(outcome->foundIn, std::string("bundled list"));
        QVERIFY(outcome->tried >= 31);
    }

    void wordlistForEachHmacAlgorithm_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("secret");
        QTest::newRow("HS256") << "HS256"
                               << "changeme";
        QTest::newRow("HS384") << "HS384"
                               << "changeme";
        QTest::newRow("HS512") << "HS512"
                               << "changeme";
        // Longer than the hash block: RFC 2104 hashes the key first.
        QTest::newRow("HS256 long key") << "HS256" << QString(100, QLatin1Char('k'));
        QTest::newRow("HS512 long key") << "HS512" << QString(200, QLatin1Char('k'));
        QTest::newRow("CRLF list") << "HS256"
                                   << "crlf-word";
    }

    void wordlistForEachHmacAlgorithm()
    {
        QFETCH(QString, alg);
        QFETCH(QString, secret);
        const QByteArray list = "alpha\r\nbeta\r\ncrlf-word\r\n" + QByteArray(99, 'k') + "\nchangeme\n"
            + QByteArray(100, 'k') + "\n" + QByteArray(200, 'k'); // no line break at the end
        SearchOptions options;
        options.wordlists.push_back({writeList("algorithms.txt", list), "list"});
        options.jobs = 2;
        const auto outcome = searchSecret(tokenWith(secret.toStdString(), alg.toStdString()), options);
        QCOMPARE(found(outcome), secret.toStdString());
    }

    void rules_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::newRow("as is") << "dragon";
        QTest::newRow("capitalised + year") << "Password2024";
        QTest::newRow("upper + !") << "ADMIN!";
        QTest::newRow("lower + 123") << "secret123";
        QTest::newRow("capitalised") << "Dragon";
    }

    void rules()
    {
        QFETCH(QString, secret);
        SearchOptions options;
        options.wordlists.push_back({writeList("rules.txt", "password\nAdmin\nSECRET\ndragon\n"), "list"});
        const auto token = tokenWith(secret.toStdString());
        const bool inList = secret == QLatin1String("dragon");
        QCOMPARE(found(searchSecret(token, options)), inList ? secret.toStdString() : std::string("(not found)"));
        options.rules = true;
        QCOMPARE(found(searchSecret(token, options)), secret.toStdString());
    }

    void ruleVariants()
    {
        WordRules::Scratch scratch;
        std::vector<std::string> variants;
        QVERIFY(WordRules::forEach("secret", scratch, [&](std::string_view v) {
            variants.emplace_back(v);
            return true;
        }));
        // "secret" is already lowercase: three forms (secret, Secret, SECRET), each alone and with 32 suffixes.
        QCOMPARE(variants.size(), std::size_t(3 * 33));
        for (const char* expected : {"secret", "Secret", "SECRET", "secret123", "Secret2024", "SECRET!", "secret007"}) {
            QVERIFY2(std::ranges::find(variants, expected) != variants.end(), expected);
        }
        QCOMPARE(variants.front(), std::string("secret"));
    }

    void mask_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("mask");
        QTest::addColumn<int>("minLength"); // 0: a positional mask
        QTest::addColumn<int>("maxLength");
        QTest::newRow("positional HS256") << "HS256"
                                          << "key42"
                                          << "key?d?d" << 0 << 0;
        QTest::newRow("brute force HS256") << "HS256"
                                           << "z9a"
                                           << "?l?d" << 1 << 3;
        QTest::newRow("brute force HS384") << "HS384"
                                           << "q7"
                                           << "?l?d" << 1 << 3;
        QTest::newRow("brute force HS512") << "HS512"
                                           << "7q"
                                           << "?d?l" << 2 << 2;
        QTest::newRow("custom set") << "HS256"
                                    << "x-_y"
                                    << "?1?1?1?1" << 0 << 0;
        QTest::newRow("literal ?") << "HS256"
                                   << "why?"
                                   << "?l?l?l??" << 0 << 0;
    }

    void mask()
    {
        QFETCH(QString, alg);
        QFETCH(QString, secret);
        QFETCH(QString, mask);
        QFETCH(int, minLength);
        QFETCH(int, maxLength);
        const std::vector<std::string> custom = {"?lxy_-"};
        auto parsed = minLength > 0
            ? Mask::bruteForce(mask.toStdString(), std::size_t(minLength), std::size_t(maxLength), custom)
            : Mask::parse(mask.toStdString(), custom);
        QVERIFY(parsed);
        SearchOptions options;
        options.mask = std::move(*parsed);
        QCOMPARE(found(searchSecret(tokenWith(secret.toStdString(), alg.toStdString()), options)),
                 secret.toStdString());
    }

    void maskCountsAndOrder()
    {
        auto brute = Mask::bruteForce("?l?d", 1, 3);
        QVERIFY(brute);
        QCOMPARE(brute->count(), std::uint64_t(36 + 36 * 36 + 36 * 36 * 36));
        std::vector<std::string> all;
        QVERIFY(brute->forEach(0, brute->count(), [&](std::string_view c) {
            all.emplace_back(c);
            return true;
        }));
        QCOMPARE(all.size(), std::size_t(brute->count()));
        QCOMPARE(all[0], std::string("a"));
        QCOMPARE(all[35], std::string("9"));
        QCOMPARE(all[36], std::string("aa"));
        QCOMPARE(all.back(), std::string("999"));
        std::ranges::sort(all);
        QVERIFY(std::ranges::adjacent_find(all) == all.end()); // no candidate twice

        // A range that starts inside one length and ends inside the next.
        std::vector<std::string> part;
        QVERIFY(brute->forEach(34, 38, [&](std::string_view c) {
            part.emplace_back(c);
            return true;
        }));
        QCOMPARE(part, (std::vector<std::string>{"8", "9", "aa", "ab"}));

        auto positional = Mask::parse("?u?s?a");
        QVERIFY(positional);
        QCOMPARE(positional->count(), std::uint64_t(26 * 33 * 95));
    }

    void maskErrors_data()
    {
        QTest::addColumn<QString>("mask");
        QTest::newRow("unknown class") << "abc?x";
        QTest::newRow("lone ? at the end") << "abc?";
        QTest::newRow("custom set not given") << "?1?1";
        QTest::newRow("empty") << "";
        QTest::newRow("too many candidates") << "?a?a?a?a?a?a?a?a?a?a?a";
    }

    void maskErrors()
    {
        QFETCH(QString, mask);
        const auto parsed = Mask::parse(mask.toStdString());
        QVERIFY(!parsed);
        QVERIFY(!parsed.error().message.empty());
        QVERIFY(!Mask::bruteForce("?l", 3, 2));
        QVERIFY(!Mask::bruteForce("?l", 0, 2));
    }

    // Lines longer than a chunk are skipped and counted; the lines around them still come.
    void overlongLine()
    {
        const QByteArray list = "first\n" + QByteArray(WordlistReader::kChunkSize + 100, 'x') + "\nlast";
        SearchOptions options;
        options.wordlists.push_back({writeList("overlong.txt", list), "list"});
        const auto outcome = searchSecret(tokenWith("last"), options);
        QCOMPARE(found(outcome), std::string("last"));
        QCOMPARE(outcome->skippedLines, std::uint64_t(1));
        QCOMPARE(outcome->tried, std::uint64_t(2));
    }

    void progressReports()
    {
        auto mask = Mask::bruteForce("?l?d", 1, 4); // 1.7 M candidates, not the secret
        QVERIFY(mask);
        SearchOptions options;
        options.mask = std::move(*mask);
        options.progressInterval = std::chrono::milliseconds(10);
        std::vector<SearchProgress> reports;
        options.onProgress = [&](const SearchProgress& progress) { reports.push_back(progress); };
        const auto outcome = searchSecret(tokenWith("not-in-the-mask"), options);
        QVERIFY(outcome && !outcome->found() && !outcome->cancelled);
        QVERIFY(reports.size() >= 2);
        const SearchProgress& last = reports.back();
        QCOMPARE(last.tried, options.mask->count());
        QCOMPARE(last.total, options.mask->count());
        QVERIFY(!last.totalIsEstimate);
        QVERIFY(last.rate > 0);
        QCOMPARE(last.source, "mask " + options.mask->text());
        for (std::size_t i = 1; i < reports.size(); ++i) {
            QVERIFY(reports[i].tried >= reports[i - 1].tried);
        }
    }

    void cancellationStopsWithin100ms()
    {
        auto mask = Mask::bruteForce("?a", 1, 8); // far more than this test will ever try
        QVERIFY(mask);
        std::atomic<bool> cancel{false};
        SearchOptions options;
        options.mask = std::move(*mask);
        options.cancel = &cancel;
        std::atomic<std::int64_t> cancelledAt{0};
        QElapsedTimer clock;
        clock.start();
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancelledAt = clock.nsecsElapsed();
            cancel = true;
        });
        const auto outcome = searchSecret(tokenWith("not-in-the-mask"), options);
        const std::int64_t returnedAt = clock.nsecsElapsed();
        canceller.join();
        QVERIFY(outcome);
        QVERIFY(outcome->cancelled);
        QVERIFY(!outcome->found());
        QVERIFY(outcome->tried > 0);
        const double latencyMs = double(returnedAt - cancelledAt) / 1e6;
        qInfo("returned %.1f ms after the cancel flag was set", latencyMs);
        QVERIFY2(latencyMs < 100, qPrintable(QString::number(latencyMs)));
    }

    // With a 4-bit prefilter about one guess in 16 reaches the verifier; none of them may be reported.
    void prefilterCollisionsAreNeverReported()
    {
        QByteArray list;
        for (int i = 0; i < 20000; ++i) {
            list += "guess-" + QByteArray::number(i) + "\n";
        }
        SearchOptions options;
        options.wordlists.push_back({writeList("collisions.txt", list), "list"});
        options.prefilterBits = 4;
        const auto token = tokenWith("the-real-secret");
        auto outcome = searchSecret(token, options);
        QCOMPARE(found(outcome), std::string("(not found)"));
        QVERIFY2(outcome->rejectedByVerifier > 500, qPrintable(QString::number(outcome->rejectedByVerifier)));

        options.wordlists.push_back({writeList("real.txt", "the-real-secret\n"), "second list"});
        outcome = searchSecret(token, options);
        QCOMPARE(found(outcome), std::string("the-real-secret"));
        QCOMPARE(outcome->foundIn, std::string("second list"));
    }

    // 200 MB of words, streamed: memory stays within a few chunks.
    void hugeWordlistInConstantMemory()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer keeps freed memory in quarantine, so RSS means nothing here; the build without "
              "sanitizers runs this check");
#endif
        const QString path = m_dir.filePath(QStringLiteral("huge.txt"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray block;
            std::uint64_t written = 0;
            int line = 0;
            while (written < 200'000'000) {
                block.clear();
                while (block.size() < (1 << 20)) {
                    block += "candidate-secret-number-" + QByteArray::number(line++) + "-of-a-long-list\n";
                }
                QCOMPARE(file.write(block), block.size());
                written += std::uint64_t(block.size());
            }
        }
        // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+), so the peak after is the search's.
        std::ofstream("/proc/self/clear_refs") << "5";
        const std::uint64_t rssBefore = statusKilobytes("VmRSS:");
        const std::uint64_t peakBefore = statusKilobytes("VmHWM:");
        SearchOptions options;
        options.wordlists.push_back({path.toStdString(), "huge"});
        options.jobs = 2;
        const auto outcome = searchSecret(tokenWith("not-in-the-list"), options);
        const std::uint64_t peakAfter = statusKilobytes("VmHWM:");
        QFile::remove(path);
        QVERIFY(outcome && !outcome->found());
        QVERIFY(outcome->tried > 2'500'000);
        qInfo("RSS before %llu kB (peak reset to %llu kB), peak during the search %llu kB",
              static_cast<unsigned long long>(rssBefore), static_cast<unsigned long long>(peakBefore),
              static_cast<unsigned long long>(peakAfter));
        QVERIFY2(peakAfter < rssBefore + 8 * 1024, "the search held more than 8 MB");
    }

    void errors()
    {
        SearchOptions options;
        options.wordlists.push_back({kBundled, "bundled list"});
        // RS256: no secret to find.
        const auto rs256 = decode("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        QCOMPARE(searchSecret(rs256, options).error().code, Errc::UnsupportedAlgorithm);
        SearchOptions missing;
        missing.wordlists.push_back({"/nonexistent/words.txt", "missing"});
        const auto io = searchSecret(decode(kSampleToken), missing);
        QCOMPARE(io.error().code, Errc::Io);
        QVERIFY(io.error().message.find("/nonexistent/words.txt") != std::string::npos);
        QCOMPARE(searchSecret(decode(kSampleToken), SearchOptions{}).error().code, Errc::EmptyInput);
        // An HS256 header with a signature of the wrong size.
        QCOMPARE(searchSecret(decode("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"), options).error().code, Errc::MalformedToken);
    }
};

QTEST_GUILESS_MAIN(TestSecretSearch)
#include "TestSecretSearch.moc"
