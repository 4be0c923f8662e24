#include "LessonCatalog.h"

#include "MainWindow.h"
#include "keys/Key.h"
#include "pages/DecoderPage.h"
#include "pages/TimelinePage.h"
#include "support/VerdictText.h"
#include "widgets/KeyInput.h"
#include "widgets/SecretSearchPanel.h"
#include "widgets/TimelineWidget.h"
#include "widgets/VerificationPanel.h"
#include "widgets/XRayView.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>

#include <algorithm>

namespace jwtwb::ui {
namespace {

constexpr auto kJweSecret = "learn-jwe-key-16";
constexpr auto kRevocationSecret = "learn-revocation-lesson-secret-32";
constexpr auto kRevokedJti = "learn-7f3a9c";
constexpr auto kRotationKid = "learn-2026-02";
constexpr qint64 kLeewayExp = 1767225600; // leeway.jwt's exp: 2026-01-01 00:00:00 UTC
constexpr int kLeewaySeconds = 60;

// The decoder with a lesson's token and nothing from an earlier lesson: no keys, no deny-list, the
// verification time following the clock.
DecoderPage* loadIntoDecoder(MainWindow& window, const QString& sampleName, const QString& tab)
{
    DecoderPage* decoder = window.decoderPage();
    VerificationPanel* verification = decoder->verificationPanel();
    verification->keyInput()->clear();
    verification->decryptionKeyInput()->clear();
    verification->setRevokedIds({});
    window.timelinePage()->setVerificationTime({});
    decoder->setTokenText(LessonCatalog::sample(sampleName));
    decoder->showTab(tab);
    return decoder;
}

bool showsSample(const MainWindow& window, const QString& sampleName)
{
    return window.decoderPage()->shownToken() == LessonCatalog::sample(sampleName);
}

QStringList tokenParts(const QString& token)
{
    return token.split(QLatin1Char('.'));
}

} // namespace

QString LessonCatalog::sample(const QString& name)
{
    QFile file(QStringLiteral(":/samples/lessons/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

std::vector<Lesson> LessonCatalog::lessons()
{
    const QString anotherToken
        = tr("Not yet: the decoder shows another token. Press Start to load the lesson's token.");
    const auto openFindingLesson
        = [anotherToken](const QString& sampleName, const QString& code, const QString& done, const QString& hint) {
              return std::tuple{
                  std::function<QWidget*(MainWindow&)>([sampleName](MainWindow& window) -> QWidget* {
                      return loadIntoDecoder(window, sampleName, QStringLiteral("decoded"));
                  }),
                  std::function<LessonCheck(const MainWindow&)>(
                      [sampleName, code, done, hint, anotherToken](const MainWindow& window) {
                          if (!showsSample(window, sampleName)) {
                              return LessonCheck{false, anotherToken, false};
                          }
                          if (window.decoderPage()->openFindingCode() != code) {
                              return LessonCheck{false, hint};
                          }
                          return LessonCheck{true, done};
                      }),
                  std::function<QWidget*(MainWindow&)>([code](MainWindow& window) -> QWidget* {
                      window.decoderPage()->openFinding(code);
                      return window.decoderPage();
                  }),
              };
          };

    std::vector<Lesson> lessons;

    {
        Lesson lesson{
            QStringLiteral("parts"),
            tr("Three parts and base64url"),
            tr("A signed token (JWS, RFC 7515) is three base64url parts joined by dots: the header, the payload and "
               "the signature. Base64url is base64 with '-' and '_' instead of '+' and '/', and without '=' padding, "
               "so that a token travels in a URL or an HTTP header unchanged. A token written with padding or with "
               "'+' and '/' is a different string: strict parsers reject it, and where the header or payload was "
               "re-encoded, the signature no longer matches the bytes it was made over."),
            tr("In the decoder, add a '=' to the end of the token, or turn a '-' or '_' of its signature into '+' or "
               "'/', and see what the decoder says."),
            {},
            {},
            {},
        };
        lesson.start = [](MainWindow& window) -> QWidget* {
            return loadIntoDecoder(window, QStringLiteral("parts.jwt"), QStringLiteral("x-ray"));
        };
        lesson.check = [anotherToken](const MainWindow& window) {
            const QStringList lessonParts = tokenParts(sample(QStringLiteral("parts.jwt")));
            const QString shown = window.decoderPage()->shownToken();
            const QStringList parts = tokenParts(shown);
            if (parts.size() != 3 || parts.mid(0, 2) != lessonParts.mid(0, 2)) {
                return LessonCheck{false, anotherToken, false};
            }
            if (parts == lessonParts) {
                return LessonCheck{false, tr("Not yet: the token is still as it was signed. Add a '=' at its end.")};
            }
            if (!window.decoderPage()->findingCodes().contains(QStringLiteral("LINT_NON_CANONICAL_ENCODING"))) {
                return LessonCheck{false,
                                   tr("Not yet: the decoder finds nothing wrong with the encoding. Add '=' "
                                      "padding, or a '+' or '/', to the signature.")};
            }
            return LessonCheck{true,
                               tr("Done — the decoder flags the encoding: base64url has no padding and no '+' "
                                  "or '/'. The X-ray shows the bytes each group of four characters stands for.")};
        };
        lesson.showMe = [](MainWindow& window) -> QWidget* {
            DecoderPage* decoder = window.decoderPage();
            const QString token = sample(QStringLiteral("parts.jwt")) + QLatin1Char('=');
            decoder->setTokenText(token);
            decoder->showTab(QStringLiteral("x-ray"));
            const auto signatureStart = static_cast<int>(token.lastIndexOf(QLatin1Char('.')) + 1);
            decoder->xray()->selectTokenCharacters(signatureStart, static_cast<int>(token.size()));
            return decoder;
        };
        lessons.push_back(std::move(lesson));
    }

    {
        auto [start, check, showMe] = openFindingLesson(
            QStringLiteral("claims.jwt"), QStringLiteral("LINT_MILLISECONDS_TIMESTAMP"),
            tr("Done — exp was written in milliseconds. Read as seconds, it lies in the year 57971."),
            tr("Not yet: open the Findings tab and click the finding about exp to unfold it."));
        lessons.push_back({
            QStringLiteral("claims"),
            tr("Registered claims and times"),
            tr("RFC 7519 registers short claim names: iss (who issued the token), sub (whom it is about), aud (who "
               "should accept it), exp (expiry), nbf (not before), iat (issued at) and jti (a unique ID). The three "
               "times are NumericDates: seconds since 1970-01-01 UTC, not milliseconds. An issuer that writes a "
               "JavaScript Date.now() value makes a token that seems valid for tens of thousands of years. The "
               "Claims tab reads each time as a date."),
            tr("Find out what is wrong with this token's exp: open the finding that explains it."),
            start,
            check,
            showMe,
        });
    }

    lessons.push_back({
        QStringLiteral("jwe"),
        tr("Signing and encryption"),
        tr("A JWS is signed: anyone can read its payload, and the signature shows who made it and that nothing was "
           "changed. A JWE (RFC 7516) is encrypted: it has five parts, and only a holder of the key can read the "
           "claims. Its protected header stays readable, so the algorithms, the kid and cty are visible to all; the "
           "claims, and a nested token, are hidden. Encryption to a public key says nothing about who made the "
           "token, which is why a JWT is often signed first and then encrypted."),
        tr("Decrypt it: on the Verification tab, give the shared key %1 as the decryption key.")
            .arg(QLatin1String(kJweSecret)),
        [](MainWindow& window) -> QWidget* {
            return loadIntoDecoder(window, QStringLiteral("jwe.jwt"), QStringLiteral("verification"));
        },
        [anotherToken](const MainWindow& window) {
            if (!showsSample(window, QStringLiteral("jwe.jwt"))) {
                return LessonCheck{false, anotherToken, false};
            }
            if (!window.decoderPage()->decryptedClaims()) {
                return LessonCheck{false,
                                   tr("Not yet: the token is not decrypted. Type %1 as the decryption key's "
                                      "secret on the Verification tab.")
                                       .arg(QLatin1String(kJweSecret))};
            }
            return LessonCheck{true,
                               tr("Done — decrypted. The Decoded tab now shows the claims that the five parts "
                                  "hid.")};
        },
        [](MainWindow& window) -> QWidget* {
            DecoderPage* decoder = window.decoderPage();
            decoder->verificationPanel()->decryptionKeyInput()->setSecret(QLatin1String(kJweSecret),
                                                                          keys::SecretEncoding::Utf8);
            decoder->showTab(QStringLiteral("verification"));
            return decoder;
        },
    });

    lessons.push_back({
        QStringLiteral("asymmetric"),
        tr("HMAC, RSA, ECDSA and EdDSA: who can sign"),
        tr("HS256 and its siblings use one shared secret: whoever can verify an HMAC token can also make one. RS256, "
           "PS256, ES256 and EdDSA use a key pair: the private key signs, the public key only verifies, so an issuer "
           "can hand its public key to every service that accepts its tokens. Give a verifier the public key, never "
           "the private one."),
        tr("Verify this ES256 token with the issuer's public key (Show me pastes it into the key box)."),
        [](MainWindow& window) -> QWidget* {
            return loadIntoDecoder(window, QStringLiteral("asymmetric.jwt"), QStringLiteral("verification"));
        },
        [anotherToken](const MainWindow& window) {
            if (!showsSample(window, QStringLiteral("asymmetric.jwt"))) {
                return LessonCheck{false, anotherToken, false};
            }
            const VerificationPanel* verification = window.decoderPage()->verificationPanel();
            const auto& keys = verification->keyInput()->keys();
            if (verification->state() != VerificationState::Valid || keys.empty()) {
                return LessonCheck{false,
                                   tr("Not yet: the token is not verified with the issuer's key. Paste its "
                                      "public key into the Verification tab's key box.")};
            }
            if (std::ranges::any_of(keys, &keys::Key::hasPrivate)) {
                return LessonCheck{false,
                                   tr("Not yet: that key holds the private half. A verifier needs only the "
                                      "public key.")};
            }
            return LessonCheck{true, tr("Done — the public key verified the signature. It could not have made one.")};
        },
        [](MainWindow& window) -> QWidget* {
            DecoderPage* decoder = window.decoderPage();
            decoder->verificationPanel()->keyInput()->setKeyText(sample(QStringLiteral("issuer-public.pem")));
            decoder->showTab(QStringLiteral("verification"));
            return decoder;
        },
    });

    {
        auto [start, check, showMe]
            = openFindingLesson(QStringLiteral("alg-none.jwt"), QStringLiteral("LINT_ALG_NONE"),
                                tr("Done — an unsigned token proves nothing about who wrote it."),
                                tr("Not yet: open the Findings tab and unfold the finding about alg \"none\"."));
        lessons.push_back({
            QStringLiteral("alg-none"),
            tr("alg: none"),
            tr("RFC 7518 defines \"none\" for tokens that are not signed at all: their third part is empty. A library "
               "that lets the token's own header choose the algorithm can be fooled into accepting such a token, "
               "with any claims an attacker likes. RFC 8725 asks verifiers to fix the algorithms they accept in "
               "advance; the workbench never accepts an unsecured token."),
            tr("Read why this token must be rejected: open its alg finding on the Findings tab."),
            start,
            check,
            showMe,
        });
    }

    lessons.push_back({
        QStringLiteral("confusion"),
        tr("RS256 to HS256: algorithm confusion"),
        tr("A server that verifies RS256 tokens holds the RSA public key, which is no secret. If its library lets the "
           "token's alg choose the method, an attacker sends alg HS256, signed with the public key's PEM text as the "
           "HMAC secret: the server computes the same HMAC over the same text and accepts. The defence is to bind "
           "each key to its algorithm and never let the token choose (RFC 8725 §3.1)."),
        tr("Give the verifier the server's RSA public key, as that server would, and see the workbench refuse to use "
           "it for HS256."),
        [](MainWindow& window) -> QWidget* {
            return loadIntoDecoder(window, QStringLiteral("confusion.jwt"), QStringLiteral("verification"));
        },
        [anotherToken](const MainWindow& window) {
            if (!showsSample(window, QStringLiteral("confusion.jwt"))) {
                return LessonCheck{false, anotherToken, false};
            }
            const VerificationPanel* verification = window.decoderPage()->verificationPanel();
            const auto& keys = verification->keyInput()->keys();
            const bool rsaKey = keys.size() == 1 && keys.front().type() == keys::KeyType::Rsa;
            if (!rsaKey || verification->state() != VerificationState::Invalid) {
                return LessonCheck{false,
                                   tr("Not yet: paste the server's RSA public key (Show me does) into the "
                                      "Verification tab's key box.")};
            }
            return LessonCheck{true, tr("Done — the verifier refuses: an RSA key is never used as an HMAC secret.")};
        },
        [](MainWindow& window) -> QWidget* {
            DecoderPage* decoder = window.decoderPage();
            decoder->verificationPanel()->keyInput()->setKeyText(sample(QStringLiteral("server-public.pem")));
            decoder->showTab(QStringLiteral("verification"));
            return decoder;
        },
    });

    lessons.push_back({
        QStringLiteral("weak-secret"),
        tr("Weak HMAC secrets"),
        tr("An HMAC token can be tested offline against any number of guessed secrets: one token is all an attacker "
           "needs, and no server sees the attempts. Secrets taken from tutorials, defaults or dictionaries fall "
           "within seconds. Use a random secret at least as long as the hash output: 32 bytes for HS256 (RFC 7518 "
           "§3.2, RFC 8725 §3.5)."),
        tr("Find this token's secret with the search on the Weak Secret tab."),
        [](MainWindow& window) -> QWidget* {
            return loadIntoDecoder(window, QStringLiteral("weak-secret.jwt"), QStringLiteral("weak-secret"));
        },
        [anotherToken](const MainWindow& window) {
            if (!showsSample(window, QStringLiteral("weak-secret.jwt"))) {
                return LessonCheck{false, anotherToken, false};
            }
            if (window.decoderPage()->secretSearch()->foundSecret() == nullptr) {
                return LessonCheck{false,
                                   tr("Not yet: no secret found for this token yet. Start the search on the "
                                      "Weak Secret tab.")};
            }
            return LessonCheck{true,
                               tr("Done — the search found the secret in the bundled list. Anyone could now "
                                  "sign tokens that this server accepts.")};
        },
        [](MainWindow& window) -> QWidget* {
            DecoderPage* decoder = window.decoderPage();
            decoder->showTab(QStringLiteral("weak-secret"));
            SecretSearchPanel* search = decoder->secretSearch();
            if (!search->isRunning() && search->foundSecret() == nullptr) {
                search->start();
            }
            return decoder;
        },
    });

    {
        auto [start, check, showMe] = openFindingLesson(
            QStringLiteral("kid-jku.jwt"), QStringLiteral("LINT_KEY_URL_HEADER"),
            tr("Done — never fetch a key from a URL that the token names. The finding about kid explains the other "
               "half."),
            tr("Not yet: open the Findings tab and unfold the finding about jku."));
        lessons.push_back({
            QStringLiteral("kid-jku"),
            tr("kid injection, jku and x5u"),
            tr("The header's kid names the key to verify with; jku and x5u give a URL to fetch keys or certificates "
               "from. The token's author writes all three. A kid used as a file path or in a database query can make "
               "the server use a key the attacker knows, such as an empty file; a jku or x5u makes it fetch the "
               "attacker's own key. Match kid exactly against known keys, and take keys only from your own "
               "configuration (RFC 8725 §3.10)."),
            tr("Open the finding about the key URL in this token's header."),
            start,
            check,
            showMe,
        });
    }

    const QString leewayExp = QDateTime::fromSecsSinceEpoch(kLeewayExp, QTimeZone::utc()).toString(Qt::ISODate);
    lessons.push_back({
        QStringLiteral("leeway"),
        tr("Expiry, clock skew and leeway"),
        tr("A token is valid until its exp and, when it has one, from its nbf on. The clocks of issuer and verifier "
           "never agree to the second, so verifiers allow a leeway of a few seconds to a minute or two around these "
           "instants. The timeline draws the leeway as bands around exp and nbf, and its what-if slider verifies the "
           "decoder's token at any instant you choose."),
        tr("On the timeline, with a leeway of 60 s, move the what-if time past exp (%1) but still within the leeway.")
            .arg(leewayExp),
        [](MainWindow& window) -> QWidget* {
            loadIntoDecoder(window, QStringLiteral("leeway.jwt"), QStringLiteral("claims"));
            window.timelinePage()->setLeewaySeconds(kLeewaySeconds);
            return window.timelinePage();
        },
        [anotherToken, leewayExp](const MainWindow& window) {
            if (!showsSample(window, QStringLiteral("leeway.jwt"))) {
                return LessonCheck{false, anotherToken, false};
            }
            const TimelinePage* timeline = window.timelinePage();
            const QDateTime at = timeline->verificationTime();
            const qint64 leeway = timeline->timeline()->leeway().count();
            if (!at.isValid()) {
                return LessonCheck{false,
                                   tr("Not yet: the timeline follows the clock. Move the what-if slider, or "
                                      "set the time, to just after exp (%1).")
                                       .arg(leewayExp)};
            }
            if (at.toSecsSinceEpoch() <= kLeewayExp) {
                return LessonCheck{false,
                                   tr("Not yet: that is before exp (%1), where the token is simply valid. Move "
                                      "a little later.")
                                       .arg(leewayExp)};
            }
            if (leeway == 0) {
                return LessonCheck{false, tr("Not yet: the leeway is 0 s. Set it to 60 s.")};
            }
            if (at.toSecsSinceEpoch() > kLeewayExp + leeway) {
                return LessonCheck{
                    false, tr("Not yet: that is more than the leeway after exp. Move closer to %1.").arg(leewayExp)};
            }
            return LessonCheck{true,
                               tr("Done — past exp, yet accepted thanks to the leeway. A little later the "
                                  "token is expired.")};
        },
        [](MainWindow& window) -> QWidget* {
            TimelinePage* timeline = window.timelinePage();
            if (timeline->timeline()->leeway().count() == 0) {
                timeline->setLeewaySeconds(kLeewaySeconds);
            }
            timeline->setVerificationTime(QDateTime::fromSecsSinceEpoch(kLeewayExp + 30, QTimeZone::utc()));
            return timeline;
        },
    });

    lessons.push_back({
        QStringLiteral("revocation"),
        tr("Revoking a token"),
        tr("A signed token stays valid until it expires: a signature cannot be taken back. So access tokens are kept "
           "short-lived, minutes rather than days, and renewed with a refresh token that the server can refuse. To "
           "stop one token sooner, verifiers keep a deny-list of token IDs (jti) until their exp has passed. This "
           "token lives until 2100; Start has put its secret in the key box."),
        tr("Revoke it: put its jti, %1, in Revoked (jti) on the Verification tab.").arg(QLatin1String(kRevokedJti)),
        [](MainWindow& window) -> QWidget* {
            DecoderPage* decoder
                = loadIntoDecoder(window, QStringLiteral("revocation.jwt"), QStringLiteral("verification"));
            decoder->verificationPanel()->keyInput()->setSecret(QLatin1String(kRevocationSecret),
                                                                keys::SecretEncoding::Utf8);
            return decoder;
        },
        [anotherToken](const MainWindow& window) {
            if (!showsSample(window, QStringLiteral("revocation.jwt"))) {
                return LessonCheck{false, anotherToken, false};
            }
            const VerificationPanel* verification = window.decoderPage()->verificationPanel();
            const bool listed
                = verification->revokedIds().split(QLatin1Char('\n')).contains(QLatin1String(kRevokedJti));
            if (verification->state() == VerificationState::NotVerified) {
                return LessonCheck{false,
                                   tr("Not yet: the token is not verified. Press Start to put the lesson's "
                                      "secret back.")};
            }
            if (!listed || verification->state() != VerificationState::Invalid) {
                return LessonCheck{false,
                                   tr("Not yet: the token is still accepted. Add %1 to Revoked (jti).")
                                       .arg(QLatin1String(kRevokedJti))};
            }
            return LessonCheck{true,
                               tr("Done — the signature is still good, yet the verifier refuses the token: its "
                                  "jti is on the deny-list.")};
        },
        [](MainWindow& window) -> QWidget* {
            DecoderPage* decoder = window.decoderPage();
            decoder->verificationPanel()->setRevokedIds(QLatin1String(kRevokedJti));
            decoder->showTab(QStringLiteral("verification"));
            return decoder;
        },
    });

    lessons.push_back({
        QStringLiteral("rotation"),
        tr("Key rotation with kid and a JWK Set"),
        tr("Signing keys are replaced from time to time. The issuer publishes a JWK Set (RFC 7517) with the old and "
           "the new public key, each with its own kid, and writes the kid into every token it signs. The verifier "
           "picks the key from the set by kid, so tokens signed before and after the change verify side by side "
           "until the old key is withdrawn. The Rotation page rehearses such a change with your own keys and "
           "tokens: which tokens a new set breaks, and whether they would have expired anyway."),
        tr("Verify this token against the issuer's JWK Set (Show me pastes it) and see which key its kid chose."),
        [](MainWindow& window) -> QWidget* {
            return loadIntoDecoder(window, QStringLiteral("rotation.jwt"), QStringLiteral("verification"));
        },
        [anotherToken](const MainWindow& window) {
            if (!showsSample(window, QStringLiteral("rotation.jwt"))) {
                return LessonCheck{false, anotherToken, false};
            }
            const VerificationPanel* verification = window.decoderPage()->verificationPanel();
            const KeyInput* keyInput = verification->keyInput();
            if (!keyInput->isKeySet() || keyInput->keys().size() < 2
                || verification->state() != VerificationState::Valid) {
                return LessonCheck{false,
                                   tr("Not yet: verify with the issuer's JWK Set, not a single key (Show me "
                                      "pastes it).")};
            }
            return LessonCheck{
                true,
                tr("Done — the verifier chose the key with kid %1 from the set.").arg(QLatin1String(kRotationKid))};
        },
        [](MainWindow& window) -> QWidget* {
            DecoderPage* decoder = window.decoderPage();
            decoder->verificationPanel()->keyInput()->setKeyText(sample(QStringLiteral("rotation-jwks.json")));
            decoder->showTab(QStringLiteral("verification"));
            return decoder;
        },
    });

    return lessons;
}

} // namespace jwtwb::ui
