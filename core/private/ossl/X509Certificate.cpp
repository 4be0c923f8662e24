#include "X509Certificate.h"

#include "BigNum.h"
#include "OsslError.h"
#include "encoding/Hex.h"

#include <openssl/asn1.h>

#include <fmt/format.h>

#include <ctime>

namespace jwtwb::ossl {
namespace {

Result<std::string> rfc2253(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253) < 0) {
        return std::unexpected(cryptoError(Errc::Crypto, "cannot print the certificate's name"));
    }
    char* data = nullptr;
    const long length = BIO_ctrl(bio.get(), BIO_CTRL_INFO, 0, static_cast<void*>(&data)); // BIO_get_mem_data
    if (length <= 0 || data == nullptr) {
        return std::string();
    }
    return std::string(data, static_cast<std::size_t>(length));
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

Result<std::int64_t> unixSeconds(const ASN1_TIME* time, std::string_view what)
{
    std::tm tm{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1) {
        return std::unexpected(
            cryptoError(Errc::InvalidKey, fmt::format("the certificate's {} date is invalid", what)));
    }
    const std::int64_t days = daysFromCivil(static_cast<std::int64_t>(tm.tm_year) + 1900,
                                            static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
    return days * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

} // namespace

Result<X509Ptr> parseCertificateDer(std::span<const std::uint8_t> der, bool trusted)
{
    clearErrors();
    const unsigned char* cursor = der.data();
    X509Ptr cert(trusted ? d2i_X509_AUX(nullptr, &cursor, static_cast<long>(der.size()))
                         : d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
    if (!cert) {
        return std::unexpected(cryptoError(Errc::InvalidKey, "not an X.509 certificate"));
    }
    const auto used = static_cast<std::size_t>(cursor - der.data());
    if (used != der.size()) {
        return fail(Errc::InvalidKey,
                    fmt::format("{} octets of unexpected data after the end of the certificate", der.size() - used),
                    used);
    }
    return cert;
}

Result<keys::CertificateInfo> certificateInfo(X509* cert)
{
    keys::CertificateInfo info;
    auto subject = rfc2253(X509_get_subject_name(cert));
    if (!subject) {
        return std::unexpected(subject.error());
    }
    info.subject = std::move(*subject);
    auto issuer = rfc2253(X509_get_issuer_name(cert));
    if (!issuer) {
        return std::unexpected(issuer.error());
    }
    info.issuer = std::move(*issuer);

    BnPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
    if (!serial) {
        return std::unexpected(cryptoError(Errc::InvalidKey, "the certificate's serial number is invalid"));
    }
    const bool negative = BN_is_negative(serial.get()) != 0;
    BN_set_negative(serial.get(), 0);
    const auto serialBytes = bnToBytes(serial.get());
    info.serialHex = (negative ? "-" : "") + encoding::toHex(serialBytes.span());

    auto notBefore = unixSeconds(X509_get0_notBefore(cert), "notBefore");
    if (!notBefore) {
        return std::unexpected(notBefore.error());
    }
    info.notBefore = *notBefore;
    auto notAfter = unixSeconds(X509_get0_notAfter(cert), "notAfter");
    if (!notAfter) {
        return std::unexpected(notAfter.error());
    }
    info.notAfter = *notAfter;

    unsigned char* der = nullptr;
    const int length = i2d_X509(cert, &der);
    if (length <= 0) {
        return std::unexpected(cryptoError(Errc::Crypto, "cannot re-encode the certificate"));
    }
    info.der.assign(der, der + length);
    OPENSSL_free(der);
    return info;
}

} // namespace jwtwb::ossl
