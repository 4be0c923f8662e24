#pragma once

#include "jose/CompactToken.h"
#include "jwe/JweMessage.h"
#include "keys/Key.h"
#include "sdjwt/SdJwt.h"
#include "support/ByteDisplay.h"
#include "support/VerdictText.h"

#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QTextBrowser;

namespace jwtwb::inspect {
struct SegmentSpan;
}

namespace jwtwb::ui {

class DisclosureSteps;
class TokenHighlighter;

// Explains this very token: any character of it lights up its base64url group, the bytes the group
// decodes to and the JSON text they are part of, and the other way round; a step panel shows how
// the signature is made and, with a key, recomputes or verifies it next to the token's own. For a
// JWE the five parts map the same way, and the steps say how the content key travels, what the
// AAD is, how the content is encrypted and what the tag protects.
class XRayView : public QWidget
{
    Q_OBJECT

public:
    static constexpr std::size_t kMaxParts = 5;

    // A place in one of the decoded panes, by part (JWS: 0 header, 1 payload, 2 signature; JWE: 0
    // protected header, 1 encrypted key, 2 IV, 3 ciphertext, 4 tag); positions in its text.
    struct DecodedRange {
        int part = -1;
        int start = 0;
        int end = 0;
        friend bool operator==(const DecodedRange&, const DecodedRange&) = default;
    };

    explicit XRayView(QWidget* parent = nullptr);

    void setToken(std::optional<jose::CompactToken> token); // a JWS or JWE decoded leniently, or nothing
    // A JWE in the JSON serialization: its text, and the steps (no characters to map).
    void setJsonJwe(const QString& text, jwe::JweMessage message);
    void setKeys(std::vector<keys::Key> keys, bool isSet);
    // An SD-JWT whose issuer-signed JWT setToken() was given: its disclosures are explained below.
    void setSdJwt(std::optional<sdjwt::SdJwt> sdJwt);
    [[nodiscard]] DisclosureSteps* disclosureSteps() const { return m_disclosureSteps; }
    // A JWE: what decrypting it with the Verification tab's key gave ("" while there is no key).
    void setDecryptionOutcome(const QString& outcome, VerificationState state);

    // What hovering or selecting does, for tests and keyboard users. Positions are QString positions.
    void selectTokenCharacters(int start, int end);
    void selectDecoded(int part, int start, int end);

    [[nodiscard]] QPair<int, int> highlightedToken() const { return m_tokenHighlight; }
    [[nodiscard]] DecodedRange highlightedDecoded() const { return m_decodedHighlight; }
    [[nodiscard]] QString detailText() const;
    [[nodiscard]] QString stepsText() const;
    [[nodiscard]] QPlainTextEdit* decodedView(int part) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // The views are filled when the X-ray is shown or asked about, not on every keystroke in the
    // decoder while it is a hidden tab: a big token's texts take long to lay out.
    void scheduleRebuild();
    void ensureBuilt() const;
    void rebuild();
    void arrangeViews(std::size_t parts);
    [[nodiscard]] std::size_t partCount() const { return m_token ? m_token->segments.size() : 0; }
    void updateSteps();
    void colorTitles();
    void showSpan(const inspect::SegmentSpan& span);
    void clearHighlight();
    [[nodiscard]] int tokenPosition(std::size_t offset) const;
    [[nodiscard]] std::size_t tokenOffset(int position) const;

    QLabel* m_tokenTitle = nullptr;
    QPlainTextEdit* m_tokenView;
    TokenHighlighter* m_tokenHighlighter;
    QGridLayout* m_grid = nullptr;
    std::size_t m_arrangedFor = 0; // the part count the views are laid out for
    std::array<QLabel*, kMaxParts> m_titles{};
    std::array<QPlainTextEdit*, kMaxParts> m_views{};
    QLabel* m_detail;
    QTextBrowser* m_steps;
    DisclosureSteps* m_disclosureSteps;
    std::optional<jose::CompactToken> m_token;
    std::optional<jwe::JweMessage> m_message; // a JWE's, compact or JSON
    bool m_compact = true;
    QString m_jsonText; // a JWE in the JSON serialization, as given
    bool m_stale = false; // the views do not show m_token / m_message yet
    std::array<ByteDisplay, kMaxParts> m_displays;
    QString m_outcome;
    VerificationState m_outcomeState = VerificationState::NotVerified;
    std::vector<keys::Key> m_keys;
    bool m_keySet = false;
    QPair<int, int> m_tokenHighlight{0, 0};
    DecodedRange m_decodedHighlight;
};

} // namespace jwtwb::ui
