#pragma once

// Facts about the key files in tests/data/keys/, computed independently of our code (see that
// folder's README.md): their passphrase and their RFC 7638 SHA-256 thumbprints.

#include <QString>

namespace jwtwb::test {

inline const QString kKeyFilePassphrase = QStringLiteral("correct horse battery staple");

inline const QString kRsaThumbprint = QStringLiteral("9ul7G2LkwAFH6223ZSM9txJSjKVlysRaYCXElnlKadc");
inline const QString kP256Thumbprint = QStringLiteral("QJEQpiKCE_TI2Ae0SB7mPSbd7b86E7i6Q3jzAGeha2Q");
inline const QString kP384Thumbprint = QStringLiteral("B7GDQMvBoba-SA2lfN-h_805Ctccsz69gicMmwyaqwM");
inline const QString kEd25519Thumbprint = QStringLiteral("iCD3WXjDYrD2XxMJCDFMnUewhwhOHYwbh6zqM_aNAco");

} // namespace jwtwb::test
