#include "KeyExportText.h"

#include "crypto/WipeJson.h"
#include "encoding/Json.h"
#include "keys/KeyExport.h"
#include "support/Convert.h"

#include <QCoreApplication>

#include <vector>

namespace jwtwb::ui {
namespace {

// The translation context of these texts: no class here has one.
struct KeyExportWords {
    Q_DECLARE_TR_FUNCTIONS(KeyExportWords)
};

// Ends with a line break, as editors and `jq` write JSON files. Reserved first: growing the string
// would free a copy of the private key text without wiping it.
std::string jsonText(encoding::Json& json)
{
    std::string pretty = encoding::toPrettyJson(json);
    crypto::wipe(json);
    std::string text;
    text.reserve(pretty.size() + 1);
    text.append(pretty).push_back('\n');
    crypto::wipe(pretty);
    return text;
}

} // namespace

bool isPrivateFormat(KeyExportFormat format)
{
    return format == KeyExportFormat::PrivateJwk || format == KeyExportFormat::PrivatePem
        || format == KeyExportFormat::PrivatePemEncrypted;
}

QString formatTitle(KeyExportFormat format)
{
    switch (format) {
    case KeyExportFormat::PublicJwk: return KeyExportWords::tr("Public JWK");
    case KeyExportFormat::PublicJwks: return KeyExportWords::tr("Public JWK Set of the selected keys");
    case KeyExportFormat::PublicPem: return KeyExportWords::tr("Public PEM");
    case KeyExportFormat::PrivateJwk: return KeyExportWords::tr("Private JWK");
    case KeyExportFormat::PrivatePem: return KeyExportWords::tr("Private PEM (unencrypted)");
    case KeyExportFormat::PrivatePemEncrypted: return KeyExportWords::tr("Private PEM, encrypted with a passphrase");
    }
    return {};
}

QString fileSuffix(KeyExportFormat format)
{
    switch (format) {
    case KeyExportFormat::PublicJwk:
    case KeyExportFormat::PrivateJwk: return QStringLiteral("jwk.json");
    case KeyExportFormat::PublicJwks: return QStringLiteral("jwks.json");
    case KeyExportFormat::PublicPem:
    case KeyExportFormat::PrivatePem:
    case KeyExportFormat::PrivatePemEncrypted: return QStringLiteral("pem");
    }
    return {};
}

QString inapplicableReason(KeyExportFormat format, const keys::Key& key)
{
    if (key.type() != keys::KeyType::Oct || format == KeyExportFormat::PrivateJwk) {
        return {};
    }
    return format == KeyExportFormat::PublicJwk || format == KeyExportFormat::PublicJwks
        ? KeyExportWords::tr("a secret has no public form.")
        : KeyExportWords::tr("a secret has no PEM form.");
}

bool formatApplies(KeyExportFormat format, const keys::Key& key)
{
    return inapplicableReason(format, key).isEmpty();
}

std::expected<KeyExportText, QString> exportKeyText(std::span<const keys::KeystoreEntry* const> entries,
                                                    KeyExportFormat format, std::string_view passphrase)
{
    if (entries.empty()) {
        return std::unexpected(KeyExportWords::tr("no key is selected."));
    }
    const keys::Key& key = entries.front()->key;
    const auto failed = [](const Error& error) { return std::unexpected(toQString(error.message)); };
    if (format != KeyExportFormat::PublicJwks && !formatApplies(format, key)) {
        return std::unexpected(inapplicableReason(format, key));
    }
    KeyExportText exported;
    switch (format) {
    case KeyExportFormat::PublicJwk:
    case KeyExportFormat::PrivateJwk: {
        auto jwk = keys::exportJwk(key, format == KeyExportFormat::PrivateJwk);
        if (!jwk) {
            return failed(jwk.error());
        }
        exported.text = jsonText(*jwk);
        break;
    }
    case KeyExportFormat::PublicJwks: {
        std::vector<keys::Key> publicKeys;
        for (const keys::KeystoreEntry* entry : entries) {
            if (entry->key.type() == keys::KeyType::Oct) {
                ++exported.secretsLeftOut;
            } else {
                publicKeys.push_back(entry->key);
            }
        }
        if (publicKeys.empty()) {
            return std::unexpected(inapplicableReason(format, entries.front()->key));
        }
        auto jwks = keys::exportJwks(publicKeys, false);
        if (!jwks) {
            return failed(jwks.error());
        }
        exported.text = jsonText(*jwks);
        exported.keyCount = static_cast<int>(publicKeys.size());
        break;
    }
    case KeyExportFormat::PublicPem: {
        auto pem = keys::exportPublicPem(key);
        if (!pem) {
            return failed(pem.error());
        }
        exported.text = std::move(*pem);
        break;
    }
    case KeyExportFormat::PrivatePem:
    case KeyExportFormat::PrivatePemEncrypted: {
        const bool encrypted = format == KeyExportFormat::PrivatePemEncrypted;
        if (encrypted && passphrase.empty()) {
            return std::unexpected(KeyExportWords::tr("the passphrase is empty."));
        }
        auto pem = keys::exportPrivatePem(key, encrypted ? passphrase : std::string_view());
        if (!pem) {
            return failed(pem.error());
        }
        exported.text = std::move(*pem);
        break;
    }
    }
    return exported;
}

} // namespace jwtwb::ui
