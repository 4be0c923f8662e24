#pragma once

// Facts about the key files in tests/data/keys/, computed independently of our code (see that
// folder's README.md): their passphrase and their RFC 7638 SHA-256 thumbprints.

#include "TestData.h"

#include <QByteArray>
#include <QString>

namespace jwtwb::test {

inline const QString kKeyFilePassphrase = QStringLiteral("correct horse battery staple");

inline const QString kRsaThumbprint = QStringLiteral("9ul7G2LkwAFH6223ZSM9txJSjKVlysRaYCXElnlKadc");
inline const QString kP256Thumbprint = QStringLiteral("QJEQpiKCE_TI2Ae0SB7mPSbd7b86E7i6Q3jzAGeha2Q");
inline const QString kP384Thumbprint = QStringLiteral("B7GDQMvBoba-SA2lfN-h_805Ctccsz69gicMmwyaqwM");
inline const QString kEd25519Thumbprint = QStringLiteral("iCD3WXjDYrD2XxMJCDFMnUewhwhOHYwbh6zqM_aNAco");

// A file of tests/data/keys/ as it is.
inline QByteArray keyFileBytes(const QString& name)
{
    return QByteArray::fromStdString(readDataFile(QStringLiteral("keys/") + name));
}

// The DER of a PEM text's last block, decoded by Qt rather than by the code under test (header
// lines such as "Proc-Type: …" are left out).
inline QByteArray derOfPem(const QByteArray& pem)
{
    const auto begin = pem.lastIndexOf("-----BEGIN ");
    const auto bodyStart = pem.indexOf('\n', begin) + 1;
    const auto bodyEnd = pem.indexOf("-----END ", bodyStart);
    QByteArray body;
    for (const QByteArray& line : pem.mid(bodyStart, bodyEnd - bodyStart).split('\n')) {
        if (!line.contains(':')) {
            body += line.trimmed();
        }
    }
    const auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || decoded.decoded.front() != 0x30) {
        qFatal("no DER in the last PEM block");
    }
    return decoded.decoded;
}

// Text cut into lines of `width` characters, each ending in `lineBreak`, as base64 in a PEM body.
inline QByteArray wrapped(const QByteArray& text, int width, const QByteArray& lineBreak)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); i += width) {
        out += text.mid(i, width) + lineBreak;
    }
    return out;
}

// The DER of a PEM file of tests/data/keys/.
inline QByteArray derOfKeyFile(const QString& name)
{
    return derOfPem(keyFileBytes(name));
}

} // namespace jwtwb::test
