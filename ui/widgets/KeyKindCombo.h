#pragma once

#include "keys/KeyGenerator.h"

#include <QComboBox>

namespace jwtwb::ui {

// The kinds of key the program generates, one list for the Keys page and the signer: HMAC secrets
// as long as each HS algorithm's hash, the EC curves, the EdDSA curves, and RSA sizes.
class KeyKindCombo : public QComboBox
{
    Q_OBJECT

public:
    explicit KeyKindCombo(QWidget* parent = nullptr);

    [[nodiscard]] keys::KeySpec currentSpec() const;
    void selectSpec(const keys::KeySpec& spec);
};

} // namespace jwtwb::ui
