#pragma once

#include "jose/CompactToken.h"
#include "keys/Key.h"
#include "support/ByteDisplay.h"

#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QTextBrowser;

namespace jwtwb::inspect {
struct SegmentSpan;
}

namespace jwtwb::ui {

class TokenHighlighter;

// Explains this very token: any character of it lights up its base64url group, the bytes the group
// decodes to and the JSON text they are part of, and the other way round; a step panel shows how
// the signature is made and, with a key, recomputes or verifies it next to the token's own.
class XRayView : public QWidget
{
    Q_OBJECT

public:
    // A place in one of the decoded panes: 0 header, 1 payload, 2 signature; positions in its text.
    struct DecodedRange {
        int part = -1;
        int start = 0;
        int end = 0;
        friend bool operator==(const DecodedRange&, const DecodedRange&) = default;
    };

    explicit XRayView(QWidget* parent = nullptr);

    void setToken(std::optional<jose::CompactToken> token); // a JWS decoded leniently, or nothing
    void setKeys(std::vector<keys::Key> keys, bool isSet);

    // What hovering or selecting does, for tests and keyboard users. Positions are QString positions.
    void selectTokenCharacters(int start, int end);
    void selectDecoded(int part, int start, int end);

    [[nodiscard]] QPair<int, int> highlightedToken() const { return m_tokenHighlight; }
    [[nodiscard]] DecodedRange highlightedDecoded() const { return m_decodedHighlight; }
    [[nodiscard]] QString detailText() const;
    [[nodiscard]] QString stepsText() const;
    [[nodiscard]] QPlainTextEdit* decodedView(int part) const { return m_views[static_cast<std::size_t>(part)]; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void updateSteps();
    void showSpan(const inspect::SegmentSpan& span);
    void clearHighlight();
    [[nodiscard]] int tokenPosition(std::size_t offset) const;
    [[nodiscard]] std::size_t tokenOffset(int position) const;

    QPlainTextEdit* m_tokenView;
    TokenHighlighter* m_tokenHighlighter;
    std::array<QLabel*, 3> m_titles{};
    std::array<QPlainTextEdit*, 3> m_views{};
    QLabel* m_detail;
    QTextBrowser* m_steps;
    std::optional<jose::CompactToken> m_token;
    std::array<ByteDisplay, 3> m_displays;
    std::vector<keys::Key> m_keys;
    bool m_keySet = false;
    QPair<int, int> m_tokenHighlight{0, 0};
    DecodedRange m_decodedHighlight;
};

} // namespace jwtwb::ui
