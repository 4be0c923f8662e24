#pragma once

#include "sdjwt/SdJwt.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTextBrowser;

namespace jwtwb::ui {

// The X-ray of an SD-JWT's disclosures: for the one picked, its base64url text, the JSON array it
// decodes to, the hash "_sd_alg" names over that text as it appears, the digest this gives, and
// where the issuer-signed payload holds that digest.
class DisclosureSteps : public QWidget
{
    Q_OBJECT

public:
    explicit DisclosureSteps(QWidget* parent = nullptr);

    void setSdJwt(std::optional<sdjwt::SdJwt> sdJwt); // nothing: hidden
    void setCurrentDisclosure(int index);
    [[nodiscard]] int currentDisclosure() const;
    [[nodiscard]] QString stepsText() const; // the explanation shown, as plain text

protected:
    void changeEvent(QEvent* event) override;

private:
    void showSteps();

    QLabel* m_title;
    QComboBox* m_chooser;
    QTextBrowser* m_steps;
    std::optional<sdjwt::SdJwt> m_sdJwt;
};

} // namespace jwtwb::ui
