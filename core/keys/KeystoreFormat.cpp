#include "KeystoreFormat.h"

#include "crypto/WipeJson.h"
#include "jwe/JweDecrypter.h"
#include "jwe/JweEncrypter.h"
#include "jwe/JweSerialization.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"

#include <fmt/format.h>

namespace jwtwb::keys {
namespace {

using encoding::Json;

constexpr std::string_view kMetadataMembers[] = {"label", "created", "notes", "tags"};

Result<Json> entryToJwk(const KeystoreEntry& entry)
{
    for (const auto member : kMetadataMembers) {
        if (entry.key.parameters().extra.contains(member)) {
            return fail(Errc::InvalidKey, fmt::format("the key {} has its own \"{}\" member", entry.kid(), member));
        }
    }
    auto jwk = exportJwk(entry.key, entry.key.hasPrivate());
    if (!jwk) {
        return std::unexpected(jwk.error());
    }
    if (!entry.label.empty()) {
        (*jwk)["label"] = entry.label;
    }
    if (!entry.created.empty()) {
        (*jwk)["created"] = entry.created;
    }
    if (!entry.notes.empty()) {
        (*jwk)["notes"] = entry.notes;
    }
    if (!entry.tags.empty()) {
        (*jwk)["tags"] = entry.tags;
    }
    return jwk;
}

Result<void> takeString(Json& extra, std::string_view member, std::string& out, std::string_view where)
{
    const auto it = extra.find(member);
    if (it == extra.end()) {
        return {};
    }
    if (!it->is_string()) {
        return fail(Errc::InvalidJson, fmt::format("{}: \"{}\" is not a string", where, member));
    }
    out = it->get<std::string>();
    extra.erase(it);
    return {};
}

Result<KeystoreEntry> jwkToEntry(const Json& jwk, std::size_t index)
{
    const std::string where = fmt::format("keys[{}]", index);
    auto key = importJwk(jwk);
    if (!key) {
        return fail(key.error().code, fmt::format("the keystore's {} cannot be read: {}", where, key.error().message));
    }
    KeystoreEntry entry{std::move(*key), {}, {}, {}, {}};
    Json& extra = entry.key.parameters().extra;
    const std::pair<std::string_view, std::string KeystoreEntry::*> strings[]
        = {{"label", &KeystoreEntry::label}, {"created", &KeystoreEntry::created}, {"notes", &KeystoreEntry::notes}};
    for (const auto& [member, field] : strings) {
        if (auto taken = takeString(extra, member, entry.*field, where); !taken) {
            return std::unexpected(taken.error());
        }
    }
    if (const auto it = extra.find("tags"); it != extra.end()) {
        if (!it->is_array()) {
            return fail(Errc::InvalidJson, fmt::format("{}: \"tags\" is not an array", where));
        }
        for (const auto& tag : *it) {
            if (!tag.is_string()) {
                return fail(Errc::InvalidJson, fmt::format("{}: a tag is not a string", where));
            }
            entry.tags.push_back(tag.get<std::string>());
        }
        extra.erase(it);
    }
    return entry;
}

struct KeySet {
    std::vector<KeystoreEntry> entries;
    TokenHistory history;
    std::string historyError;
};

Result<KeySet> readKeySet(const crypto::SecureBytes& plaintext)
{
    auto parsed = encoding::parseJsonNoDuplicates(plaintext.view(), "keystore's key set");
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    Json& set = *parsed;
    const crypto::WipeOnExit wipeSet(set);
    KeySet read;
    const auto keys = set.is_object() ? set.find("keys") : set.end();
    if (keys == set.end() || !keys->is_array()) {
        return fail(Errc::InvalidJson, "the keystore does not hold a JWK Set (no \"keys\" array)");
    }
    for (std::size_t i = 0; i < keys->size(); ++i) {
        auto entry = jwkToEntry((*keys)[i], i);
        if (!entry) {
            return std::unexpected(std::move(entry.error()));
        }
        read.entries.push_back(std::move(*entry));
    }
    if (const auto member = set.find(kHistoryMember); member != set.end()) {
        auto history = TokenHistory::fromJson(*member);
        if (history) {
            read.history = std::move(*history);
        } else {
            read.historyError = history.error().message;
        }
    }
    return read;
}

Result<void> checkHeader(const Json& header)
{
    if (const auto version = header.find(kKeystoreVersionMember); version != header.end()) {
        if (!version->is_number_integer() || version->get<std::int64_t>() != kKeystoreFormatVersion) {
            return fail(Errc::UnsupportedVersion,
                        fmt::format("the keystore has format version {}; this program reads version {}",
                                    encoding::toCompactJson(*version), kKeystoreFormatVersion));
        }
    }
    const auto alg = header.find("alg");
    if (alg == header.end() || !alg->is_string() || !alg->get_ref<const std::string&>().starts_with("PBES2-")) {
        return fail(Errc::UnsupportedAlgorithm, "the file is a JWE, but not one encrypted with a passphrase (PBES2)");
    }
    return {};
}

Error damaged(const Error& error)
{
    return Error{error.code, fmt::format("the keystore file is damaged or not a keystore: {}", error.message),
                 error.detail};
}

} // namespace

Result<std::string> sealKeystore(std::span<const KeystoreEntry> entries, const TokenHistory& history,
                                 const crypto::SecureBytes& passphrase, std::uint64_t iterations)
{
    if (passphrase.empty()) {
        return fail(Errc::PassphraseRequired, "the keystore passphrase is empty");
    }
    Json keys = Json::array();
    for (const auto& entry : entries) {
        auto jwk = entryToJwk(entry);
        if (!jwk) {
            crypto::wipe(keys);
            return std::unexpected(jwk.error());
        }
        keys.push_back(std::move(*jwk));
    }
    Json set = Json::object();
    set["keys"] = std::move(keys);
    if (!history.empty()) {
        set[std::string(kHistoryMember)] = history.toJson();
    }
    crypto::SecureBytes plaintext(encoding::toCompactJson(set));
    crypto::wipe(set);

    jwe::EncryptOptions options;
    options.protectedHeader["alg"] = "PBES2-HS512+A256KW";
    options.protectedHeader["enc"] = "A256GCM";
    options.protectedHeader["cty"] = "jwk-set+json";
    options.protectedHeader[std::string(kKeystoreVersionMember)] = kKeystoreFormatVersion;
    options.p2c = iterations;
    auto message = jwe::encryptJwe(plaintext.span(), Key::fromSecret(passphrase.clone()), std::move(options));
    if (!message) {
        return std::unexpected(message.error());
    }
    auto json = jwe::toJweJson(*message, jwe::JsonSyntax::Flattened);
    if (!json) {
        return std::unexpected(json.error());
    }
    return encoding::toPrettyJson(*json) + "\n";
}

Result<OpenedKeystore> openKeystoreText(std::string_view text, const crypto::SecureBytes& passphrase)
{
    auto message = jwe::parseJweJson(text);
    if (!message) {
        return std::unexpected(damaged(message.error()));
    }
    if (message->recipients.size() != 1) {
        return fail(Errc::MalformedToken, "the keystore file is damaged or not a keystore: it has several recipients");
    }
    const Json header = message->protectedHeader;
    if (auto checked = checkHeader(header); !checked) {
        return std::unexpected(checked.error());
    }
    auto decrypted = jwe::decryptJwe(*message, Key::fromSecret(passphrase.clone()));
    if (!decrypted) {
        if (decrypted.error().code == Errc::WrongPassphrase || decrypted.error().code == Errc::PassphraseRequired) {
            return std::unexpected(decrypted.error());
        }
        return std::unexpected(damaged(decrypted.error()));
    }
    auto set = readKeySet(decrypted->plaintext);
    if (!set) {
        return std::unexpected(set.error());
    }
    const auto p2c = decrypted->header.value("p2c", std::uint64_t{0});
    return OpenedKeystore{std::move(set->entries), p2c, std::move(set->history), std::move(set->historyError)};
}

} // namespace jwtwb::keys
