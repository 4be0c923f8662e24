#include "encoding/Utf8.h"

#include <QTest>

#include <string>
#include <vector>

using namespace jwtwb::encoding;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::vector<Utf8Error>)

namespace {

std::string bytes(std::initializer_list<unsigned char> list)
{
    return {list.begin(), list.end()};
}

} // namespace

class TestUtf8 : public QObject
{
    Q_OBJECT

private slots:
    void wellFormed_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::newRow("empty") << std::string();
        QTest::newRow("ascii") << std::string("{\"sub\":\"1234567890\"}");
        QTest::newRow("two, three and four bytes") << std::string("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
        QTest::newRow("boundaries") << bytes({0xC2, 0x80, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80, 0xF0,
                                              0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF});
    }

    void wellFormed()
    {
        QFETCH(std::string, text);
        QVERIFY(listInvalidUtf8(text).empty());
        QVERIFY(!findInvalidUtf8(text).has_value());
    }

    // The examples of the Unicode Standard 15.0, §3.9 "U+FFFD Substitution of Maximal Subparts": each FFFD there is one
    // range here.
    void illFormed_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::vector<Utf8Error>>("expected");
        using P = Utf8Problem;
        QTest::newRow("maximal subparts")
            << bytes({0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64})
            << std::vector<Utf8Error>{{1, 3, P::MissingContinuation}, {4, 2, P::MissingContinuation},
                                      {6, 1, P::MissingContinuation}, {8, 1, P::StrayContinuation},
                                      {10, 1, P::StrayContinuation},  {11, 1, P::StrayContinuation}};
        QTest::newRow("non-shortest forms")
            << bytes({0xC0, 0xAF, 0xE0, 0x80, 0xBF, 0xF0, 0x81, 0x82, 0x41})
            << std::vector<Utf8Error>{{0, 1, P::Overlong},          {1, 1, P::StrayContinuation}, {2, 1, P::Overlong},
                                      {3, 1, P::StrayContinuation}, {4, 1, P::StrayContinuation}, {5, 1, P::Overlong},
                                      {6, 1, P::StrayContinuation}, {7, 1, P::StrayContinuation}};
        QTest::newRow("surrogates") << bytes({0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF, 0xED, 0xAF, 0x41})
                                    << std::vector<Utf8Error>{
                                           {0, 1, P::Surrogate},         {1, 1, P::StrayContinuation},
                                           {2, 1, P::StrayContinuation}, {3, 1, P::Surrogate},
                                           {4, 1, P::StrayContinuation}, {5, 1, P::StrayContinuation},
                                           {6, 1, P::Surrogate},         {7, 1, P::StrayContinuation}};
        QTest::newRow("other ill-formed")
            << bytes({0xF4, 0x91, 0x92, 0x93, 0xFF, 0x41, 0x80, 0xBF, 0x42})
            << std::vector<Utf8Error>{{0, 1, P::AboveMaximum},      {1, 1, P::StrayContinuation},
                                      {2, 1, P::StrayContinuation}, {3, 1, P::StrayContinuation},
                                      {4, 1, P::InvalidLeadByte},   {6, 1, P::StrayContinuation},
                                      {7, 1, P::StrayContinuation}};
        QTest::newRow("truncated") << bytes({0xE1, 0x80, 0xE2, 0xF0, 0x91, 0x92, 0xF1, 0xBF, 0x41})
                                   << std::vector<Utf8Error>{{0, 2, P::MissingContinuation},
                                                             {2, 1, P::MissingContinuation},
                                                             {3, 3, P::MissingContinuation},
                                                             {6, 2, P::MissingContinuation}};
        QTest::newRow("lead byte then ASCII")
            << std::string("abc\xC3(") << std::vector<Utf8Error>{{3, 1, P::MissingContinuation}};
        QTest::newRow("ends inside a character")
            << std::string("ok\xE2\x82") << std::vector<Utf8Error>{{2, 2, P::Truncated}};
    }

    void illFormed()
    {
        QFETCH(std::string, text);
        QFETCH(std::vector<Utf8Error>, expected);
        QVERIFY(listInvalidUtf8(text) == expected);
        QCOMPARE(findInvalidUtf8(text).value(), expected.front().offset);
    }

    void limited()
    {
        const std::string stray(1000, '\x80');
        QCOMPARE(listInvalidUtf8(stray, 5).size(), std::size_t(5));
        QCOMPARE(listInvalidUtf8(stray).size(), std::size_t(32));
        QCOMPARE(describe(Utf8Problem::MissingContinuation), std::string_view("a lead byte without its continuation"));
    }
};

QTEST_GUILESS_MAIN(TestUtf8)
#include "TestUtf8.moc"
