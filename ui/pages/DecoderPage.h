#pragma once

#include "encoding/Json.h"
#include "inspect/TokenExtractor.h"
#include "jose/CompactToken.h"
#include "jwe/JweMessage.h"
#include "sdjwt/SdJwt.h"

#include <QList>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace jwtwb::ui {

class ClaimsModel;
class ClaimsView;
class FindingsModel;
class FindingsView;
class JsonView;
class KeystoreSession;
class TokenEdit;
class VerificationPanel;
class SecretSearchPanel;
class XRayView;
enum class VerificationState;

// Paste anything that holds a token; see its parts in colour and its header and payload as JSON.
class DecoderPage : public QWidget
{
    Q_OBJECT

public:
    explicit DecoderPage(QWidget* parent = nullptr);

    void setTokenText(const QString& text);
    [[nodiscard]] QString tokenText() const;
    // The token shown, as chosen from the text (several may be in it); empty when none is found.
    [[nodiscard]] const QString& shownToken() const { return m_shownToken; }
    // Texts from this size on are decoded a moment after the last keystroke, their heavy part off
    // the GUI thread ("Decoding…" meanwhile); smaller ones at once, as they are typed.
    static constexpr qsizetype kSyncDecodeLimit = 64 * 1024;
    // True while a big text waits to be decoded, or is decoded off the GUI thread, or while its
    // long header or payload is still being filled in (JsonView).
    [[nodiscard]] bool isDecodePending() const;
    // Decodes a pending big text now, on the GUI thread, for callers that need the result at once
    // (a screenshot, the Compare page at start), and fills in its panes; a background result on
    // the way is dropped.
    void finishDecoding();
    // Reads a token file (at most TokenEdit::kMaxFileSize); false with a message on failure.
    bool loadFile(const QString& path, QString* errorMessage);

    // Lets the verification panel use stored keys (not owned).
    void setKeystoreSession(KeystoreSession* session);

    // The page's clock: "now" for verification, claims and findings. Tests fix it.
    [[nodiscard]] VerificationPanel* verificationPanel() const { return m_verification; }
    [[nodiscard]] XRayView* xray() const { return m_xray; }
    [[nodiscard]] SecretSearchPanel* secretSearch() const { return m_secretSearch; }
    // Copies a text safe to paste into a bug report (inspect::redactToken): no signature, personal
    // values masked. Enabled for a signed token; a JWE's claims cannot be masked one by one.
    [[nodiscard]] QAction* copyForBugReportAction() const { return m_copyForBugReport; }
    // The SD-JWT shown (RFC 9901), parsed without checking signatures; empty for anything else.
    // Its issuer-signed JWT is what the header and payload panes show.
    [[nodiscard]] const std::optional<sdjwt::SdJwt>& sdJwt() const { return m_sdJwt; }
    // A decrypted JWE's claims (of its nested token, or its own); empty for anything else.
    [[nodiscard]] const std::optional<encoding::Json>& decryptedClaims() const { return m_decryptedClaims; }

    // The inner tabs by their name ("decoded", "claims", "verification", "findings", "x-ray",
    // "weak-secret"), as `jwt-workbench --decoder-tab` names them.
    void showTab(const QString& name);
    [[nodiscard]] QString currentTabName() const;
    // The codes of the token's findings ("LINT_ALG_NONE", …), in the Findings list's order.
    [[nodiscard]] QStringList findingCodes() const;
    // Shows the Findings tab with the first finding of this code selected and its explanation
    // unfolded; false when the token has no such finding.
    bool openFinding(const QString& code);
    // The code of the finding selected and unfolded on the Findings tab, or "".
    [[nodiscard]] QString openFindingCode() const;

signals:
    void tokenTextChanged(const QString& text);
    void shownTokenChanged(const QString& token); // another token shown: edited, or chosen among several
    void statusMessage(const QString& message);
    void decryptedClaimsChanged(); // see decryptedClaims()
    void keystoreUnlockRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Prepared; // the heavy, widget-free part of decoding a big text

    void textEdited(const QString& text);
    void prepareInBackground(); // for a big text: decodes it off the GUI thread, then decode()
    void decode();
    // The token of the text to show (the one picked in the member chooser, if any); fills the
    // chooser and the source label.
    Result<inspect::ExtractedToken> chooseToken(const std::string& text);
    void revealChosenToken(); // scrolls the text to it when there are several
    // Marks the payload's invalid UTF-8 in its hex dump and in the token; returns the note, or "".
    QString markInvalidUtf8(const jose::CompactToken& token, const std::string& text, std::size_t tokenOffset);
    void updateColors();
    void showError(const QString& message);
    // The parts of a token that is not whole: each marked OK, missing, broken or extra, and why.
    void showReading(const jose::TokenReading& reading);
    void updateVerificationTab(VerificationState state);
    void updateSignatureLine(); // what the signature is, and the Verification tab's verdict on it
    void useFoundSecret(); // the weak-secret search's find, into the Verification tab
    void updateFindings();
    void showDecryption(); // the JWE's plaintext, nested token or claims, once the Verification tab has them
    void showJweParts();
    void showJsonJwe(jwe::JweMessage message);
    void setDecryptedClaims(std::optional<encoding::Json> claims);
    // An SD-JWT's parts in the token editor, each disclosure in its colour, its findings marked,
    // and what is not disclosed; `text` is the whole input.
    void showSdJwt(const std::string& text, const inspect::ExtractedToken& token);
    [[nodiscard]] QString sdJwtSummary() const; // "SD-JWT · 4 disclosures · key binding JWT"
    void copyForBugReport();
    void updateCopyForBugReport(); // enabled, and why not, for the token shown

    TokenEdit* m_tokenEdit;
    QLabel* m_sourceLabel;
    QComboBox* m_memberCombo = nullptr; // which of several tokens in the text to show
    QAction* m_copyForBugReport;
    QString m_member; // the name picked there; empty: core's choice
    int m_chosenStart = 0; // where the token shown starts in the text
    QString m_shownToken;
    QStackedWidget* m_stack;
    QLabel* m_headerTitle;
    QLabel* m_payloadTitle;
    QLabel* m_signatureTitle;
    QLabel* m_innerHeaderTitle;
    JsonView* m_headerView;
    JsonView* m_payloadView;
    JsonView* m_innerHeaderView; // a nested token's header, under the JWE's
    QLabel* m_partsLabel; // a JWE's five parts, each in its colour
    QLabel* m_signatureLabel;
    QString m_signatureFacts; // "32 bytes", "No signature", … before the verdict
    QLabel* m_notesLabel;
    QLabel* m_errorLabel;
    QString m_decodedText;
    QSplitter* m_splitter;
    QTabWidget* m_tabs;
    VerificationPanel* m_verification;
    XRayView* m_xray;
    SecretSearchPanel* m_secretSearch;
    ClaimsModel* m_claimsModel;
    ClaimsView* m_claimsView;
    FindingsModel* m_findingsModel;
    FindingsView* m_findingsView;
    std::optional<jose::CompactToken> m_token; // the JWS or JWE shown, decoded leniently
    std::optional<sdjwt::SdJwt> m_sdJwt; // when m_token is an SD-JWT's issuer-signed JWT
    std::optional<encoding::Json> m_decryptedClaims;
    std::optional<jwe::JweMessage> m_jweMessage; // the JWE shown, compact or JSON
    bool m_jweCompact = true;
    bool m_decoding = false;
    QWidget* m_verificationTab = nullptr;
    QList<std::pair<int, int>> m_invalidPayloadRanges; // in the payload's hex dump
    QTimer* m_decodeTimer; // a big text is decoded once the keystrokes pause
    bool m_decodePending = false;
    bool m_revealWhenDecoded = false; // set by setTokenText() while a big text is decoded
    quint64 m_generation = 0; // of the text: a background result for an older one is dropped
    std::shared_ptr<const Prepared> m_prepared; // for decode(), when it is for m_decodedText
};

} // namespace jwtwb::ui
