#include "KeyKindCombo.h"

#include <algorithm>
#include <array>

namespace jwtwb::ui {
namespace {

struct KeyKind {
    const char* label;
    keys::KeySpec spec;
};

const std::array kKinds{
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "HMAC secret, 256 bits (HS256)"), {keys::KeyType::Oct, 256}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "HMAC secret, 384 bits (HS384)"), {keys::KeyType::Oct, 384}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "HMAC secret, 512 bits (HS512)"), {keys::KeyType::Oct, 512}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "EC P-256 (ES256)"),
            {keys::KeyType::Ec, 0, keys::Curve::P256}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "EC P-384 (ES384)"),
            {keys::KeyType::Ec, 0, keys::Curve::P384}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "EC P-521 (ES512)"),
            {keys::KeyType::Ec, 0, keys::Curve::P521}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "EC secp256k1 (ES256K)"),
            {keys::KeyType::Ec, 0, keys::Curve::Secp256k1}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "Ed25519 (EdDSA)"),
            {keys::KeyType::Okp, 0, keys::Curve::Ed25519}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "Ed448 (EdDSA)"), {keys::KeyType::Okp, 0, keys::Curve::Ed448}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "RSA 2048 bits (RS*, PS*)"), {keys::KeyType::Rsa, 2048}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "RSA 3072 bits (RS*, PS*)"), {keys::KeyType::Rsa, 3072}},
    KeyKind{QT_TRANSLATE_NOOP("jwtwb::ui::KeyKindCombo", "RSA 4096 bits (RS*, PS*)"), {keys::KeyType::Rsa, 4096}},
};

} // namespace

KeyKindCombo::KeyKindCombo(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("generateKind"));
    for (const auto& kind : kKinds) {
        addItem(tr(kind.label));
    }
}

void KeyKindCombo::selectSpec(const keys::KeySpec& spec)
{
    const auto it = std::ranges::find_if(kKinds, [&](const KeyKind& kind) {
        return kind.spec.type == spec.type && kind.spec.bits == spec.bits && kind.spec.curve == spec.curve;
    });
    if (it != kKinds.end()) {
        setCurrentIndex(static_cast<int>(it - kKinds.begin()));
    }
}

keys::KeySpec KeyKindCombo::currentSpec() const
{
    return kKinds.at(static_cast<std::size_t>(std::max(currentIndex(), 0))).spec;
}

} // namespace jwtwb::ui
