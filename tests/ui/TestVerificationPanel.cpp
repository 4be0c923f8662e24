#include "TestData.h"
#include "UiTestSupport.h"
#include "encoding/Base64Url.h"
#include "jose/JwsSigner.h"
#include "keys/KeyExport.h"
#include "keys/KeyImport.h"
#include "keys/KeyReader.h"
#include "support/Clock.h"
#include "widgets/KeyInput.h"
#include "widgets/VerificationPanel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolButton>

using namespace jwtwb;
using namespace jwtwb::ui;

namespace {

// RFC 7515 Appendix A's claims expire at 1300819380 (2011-03-22T18:43:00Z): check them before that.
const auto kBeforeRfcExpiry = test::at(1300000000);

QString text(const encoding::Json& json)
{
    return QString::fromStdString(json.is_string() ? json.get<std::string>() : json.dump());
}

// One character of the payload segment changed (a different base64url letter, so different bytes).
QString tampered(const QString& token)
{
    QString out = token;
    const int at = static_cast<int>(token.indexOf('.')) + 5;
    out[at] = out[at] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    return out;
}

// RFC 7520 §4.1: an RS256 token and the public JWK that verifies it.
const encoding::Json& cookbookRs256()
{
    static const encoding::Json vector
        = test::loadJson(QStringLiteral("vectors/cookbook/jws/4_1.rsa_v15_signature.json"));
    return vector;
}

encoding::Json cookbookRsaPublicJwk()
{
    return test::loadJson(QStringLiteral("vectors/cookbook/jwk/3_3.rsa_public_key.json"));
}

keys::Key cookbookRsaPublicKey()
{
    return keys::importJwk(cookbookRsaPublicJwk()).value();
}

// An HS256 token whose secret is `secret`'s bytes.
QString hs256Token(const std::string& secret)
{
    const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(secret));
    return QString::fromStdString(
        jose::signCompact(R"({"alg":"HS256","typ":"JWT"})", asBytes(R"({"sub":"admin"})"), &key).value());
}

// Ctrl+V into the widget, as a user pastes.
void paste(QWidget* widget, const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
    widget->setFocus();
    QTest::keyClick(widget, Qt::Key_V, Qt::ControlModifier);
}

} // namespace

class TestVerificationPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void nothingVerifiedWithoutKey();
    void secretFieldIsHidden();
    void vectors_data();
    void vectors();
    void unsecuredTokenIsRejected();
    void secretEncodingIsExplicit();
    void weakKeysRefusedWithTheReason_data();
    void weakKeysRefusedWithTheReason();
    void algorithmConfusionSaysSo();
    void keyKindFollowsToken();
    void pastedKeyTextSwitchesKind_data();
    void pastedKeyTextSwitchesKind();
    void keyTextIsReadByItsContent();
    void secretPickedByHandTakesKeyText();
    void leftoverKeyDoesNotFit_data();
    void leftoverKeyDoesNotFit();
    void options();
    void revokedIds();
    void followsTheClock();
    void keySetShowsChoice();
    void loadsKeyFiles();
    void secretsAreNotStored();
    void screenshots_data();
    void screenshots();
    void verifyAtShowsNowWhileNowIsTicked();
    void algorithmButtonFitsItsText();

private:
    QTemporaryDir m_config;
    VerificationPanel* m_panel = nullptr;
};

void TestVerificationPanel::initTestCase()
{
    QVERIFY(m_config.isValid());
    test::isolateSettings(m_config.path());
}

void TestVerificationPanel::init()
{
    applyColorScheme(*qApp, ColorScheme::Light);
    Clock::setFixed(kBeforeRfcExpiry);
    m_panel = new VerificationPanel();
    m_panel->resize(640, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestVerificationPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TestVerificationPanel::nothingVerifiedWithoutKey()
{
    QCOMPARE(m_panel->state(), VerificationState::NotVerified);
    m_panel->setToken(test::kSampleToken);
    QCOMPARE(m_panel->state(), VerificationState::NotVerified);
    QVERIFY2(m_panel->reasonText().contains("Give the key"), qPrintable(m_panel->reasonText()));
    QVERIFY(m_panel->keyInput()->isEmpty()); // no secret pre-filled
    QCOMPARE(m_panel->keyInput()->source(), KeyInput::Source::Secret);
}

void TestVerificationPanel::secretFieldIsHidden()
{
    auto* secret = m_panel->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    auto* reveal = m_panel->findChild<QToolButton*>(QStringLiteral("revealSecret"));
    QVERIFY(secret && reveal);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    reveal->click();
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    reveal->click();
    QCOMPARE(secret->echoMode(), QLineEdit::Password);

    // Typed, not set: the result follows every keystroke.
    m_panel->setToken(test::kCurrentSampleToken);
    secret->setFocus();
    QTest::keyClicks(secret, QStringLiteral("a-string-secret-at-least-256-bits-lon"));
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QTest::keyClicks(secret, QStringLiteral("g"));
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    QTest::keyClick(secret, Qt::Key_Backspace);
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
}

void TestVerificationPanel::vectors_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("found"); // keys::KeyInputKind
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("detachedPayload");

    for (const auto& vector : test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json"))) {
        if (vector["alg"] == "none") {
            continue; // A.5: see unsecuredTokenIsRejected
        }
        QTest::newRow(vector["id"].get<std::string>().c_str())
            << text(vector["compact"]) << int(keys::KeyInputKind::Jwk) << text(vector["key"]) << QString();
    }
    for (const char* file : {"4_1.rsa_v15_signature", "4_2.rsa-pss_signature", "4_3.ecdsa_signature",
                             "4_4.hmac-sha2_integrity_protection", "4_5.signature_with_detached_content"}) {
        const encoding::Json vector = test::loadJson(QStringLiteral("vectors/cookbook/jws/%1.json").arg(file));
        const bool detached = QByteArray(file).contains("detached");
        QTest::newRow(file) << text(vector["output"]["compact"]) << int(keys::KeyInputKind::Jwk)
                            << text(vector["input"]["key"])
                            << (detached ? text(vector["input"]["payload"]) : QString());
    }
}

void TestVerificationPanel::vectors()
{
    QFETCH(QString, token);
    QFETCH(int, found);
    QFETCH(QString, key);
    QFETCH(QString, detachedPayload);

    m_panel->setToken(token);
    m_panel->setDetachedPayload(detachedPayload);
    QCOMPARE(m_panel->state(), VerificationState::NotVerified);
    m_panel->keyInput()->setKeyText(key);
    QCOMPARE(m_panel->keyInput()->foundKind(), std::optional(static_cast<keys::KeyInputKind>(found)));
    QVERIFY2(m_panel->state() == VerificationState::Valid, qPrintable(m_panel->reasonText()));
    QCOMPARE(m_panel->verdictText(), QStringLiteral("Valid"));
    QVERIFY2(m_panel->reasonText().contains("The signature is valid"), qPrintable(m_panel->reasonText()));

    if (detachedPayload.isEmpty()) {
        m_panel->setToken(tampered(token));
    } else {
        m_panel->setDetachedPayload(tampered(detachedPayload));
    }
    QVERIFY2(m_panel->state() == VerificationState::Invalid, qPrintable(m_panel->reasonText()));
    QVERIFY2(m_panel->reasonText().contains("not accepted"), qPrintable(m_panel->reasonText()));

    m_panel->keyInput()->clear();
    QCOMPARE(m_panel->state(), VerificationState::NotVerified);
    QCOMPARE(m_panel->verdictText(), QStringLiteral("Not verified"));
}

void TestVerificationPanel::unsecuredTokenIsRejected()
{
    const auto vectors = test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json"));
    const auto none = std::ranges::find_if(vectors, [](const auto& v) { return v["alg"] == "none"; });
    QVERIFY(none != vectors.end());
    m_panel->setToken(text((*none)["compact"]));
    m_panel->keyInput()->setSecret(QStringLiteral("any secret at all, 32 bytes long"), keys::SecretEncoding::Utf8);
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QVERIFY2(m_panel->reasonText().contains("unsecured (alg \"none\")"), qPrintable(m_panel->reasonText()));
}

void TestVerificationPanel::weakKeysRefusedWithTheReason_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<QString>("weakness"); // empty: a strong key, nothing refused
    QTest::newRow("jwt.io sample, its 19-byte secret")
        << test::kSampleToken << test::kSampleSecret << true
        << "the secret is 19 bytes; RFC 7518 §3.2 requires at least 32 bytes for HS256";
    QTest::newRow("jwt.io sample, a wrong short secret")
        << test::kSampleToken << QStringLiteral("guess") << false << "the secret is 5 bytes";
    QTest::newRow("current sample, its 38-byte secret")
        << test::kCurrentSampleToken << test::kCurrentSampleSecret << true << QString();
}

void TestVerificationPanel::weakKeysRefusedWithTheReason()
{
    QFETCH(QString, token);
    QFETCH(QString, secret);
    QFETCH(bool, matches);
    QFETCH(QString, weakness);
    auto* accept = m_panel->findChild<QCheckBox*>(QStringLiteral("acceptWeakKeys"));
    QVERIFY(accept);
    QVERIFY(!accept->isChecked()); // off by default
    m_panel->setToken(token);
    m_panel->keyInput()->setSecret(secret, keys::SecretEncoding::Utf8);
    if (weakness.isEmpty()) {
        QCOMPARE(m_panel->state(), VerificationState::Valid);
        accept->setChecked(true);
        QCOMPARE(m_panel->state(), VerificationState::Valid);
        QVERIFY2(!m_panel->reasonText().contains(QStringLiteral("Warning: The secret")),
                 qPrintable(m_panel->reasonText()));
        return;
    }
    // Refused, in words: whether the signature matches, that a conforming verifier refuses the key, why.
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QCOMPARE(m_panel->verdictText(), QStringLiteral("Invalid: the key is too weak"));
    const QString reason = m_panel->reasonText();
    QVERIFY2(reason.contains(matches ? QStringLiteral("The signature matches this secret, but a conforming verifier "
                                                      "refuses the secret")
                                     : QStringLiteral("does not match this secret either")),
             qPrintable(reason));
    QVERIFY2(reason.contains(weakness), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("Accept weak keys")), qPrintable(reason));
    QApplication::processEvents(); // the labels' new heights
    test::saveShot(*m_panel, QStringLiteral("verification-weak-key-%1").arg(QTest::currentDataTag()).replace(' ', '-'));

    // The opt-out: a warning instead of the refusal, and only as long as it is ticked.
    accept->setChecked(true);
    QCOMPARE(m_panel->state(), matches ? VerificationState::Valid : VerificationState::Invalid);
    QVERIFY2(m_panel->reasonText().contains(QStringLiteral("Warning: T") + weakness.mid(1, 20)),
             qPrintable(m_panel->reasonText()));
    accept->setChecked(false);
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
}

void TestVerificationPanel::secretEncodingIsExplicit()
{
    m_panel->setToken(test::kCurrentSampleToken);
    m_panel->keyInput()->setSecret(test::kCurrentSampleSecret, keys::SecretEncoding::Utf8);
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    // The same characters read as hex are not a secret at all, and never silently taken as text.
    m_panel->keyInput()->setSecret(QStringLiteral("your-256-bit-secret"), keys::SecretEncoding::Hex);
    QCOMPARE(m_panel->state(), VerificationState::NotVerified);
    QVERIFY2(m_panel->reasonText().contains("cannot be read"), qPrintable(m_panel->reasonText()));
    // RFC 7515 A.1's key is base64url: valid only when read as base64url.
    const auto a1 = test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json")).front();
    m_panel->setToken(text(a1["compact"]));
    const QString k = text(a1["key"]["k"]);
    m_panel->keyInput()->setSecret(k, keys::SecretEncoding::Base64Url);
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    m_panel->keyInput()->setSecret(k, keys::SecretEncoding::Utf8);
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
}

void TestVerificationPanel::algorithmConfusionSaysSo()
{
    // The attack: HS256 made with the issuer's RSA public key PEM as the secret, checked with that key.
    const std::string publicPem = test::readDataFile("keys/rsa-2048-spki.pem");
    m_panel->setToken(hs256Token(publicPem));
    m_panel->keyInput()->setKeyText(QString::fromStdString(publicPem));
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QCOMPARE(m_panel->verdictText(), QStringLiteral("Invalid: algorithm confusion"));
    QVERIFY2(m_panel->reasonText().contains("algorithm-confusion attack"), qPrintable(m_panel->reasonText()));
    QVERIFY2(m_panel->reasonText().contains("the PEM text of the verifying key, an RSA 2048-bit public key"),
             qPrintable(m_panel->reasonText()));
}

void TestVerificationPanel::keyKindFollowsToken()
{
    auto* sourceBox = m_panel->findChild<QComboBox*>(QStringLiteral("keySource"));
    KeyInput* input = m_panel->keyInput();
    QCOMPARE(input->source(), KeyInput::Source::Secret);
    // An RS256 token asks for a key, an HS256 token for a secret, while the box is empty.
    m_panel->setToken(text(cookbookRs256()["output"]["compact"]));
    QCOMPARE(input->source(), KeyInput::Source::KeyText);
    QVERIFY(m_panel->findChild<QPlainTextEdit*>(QStringLiteral("keyText"))->isVisible());
    m_panel->setToken(test::kSampleToken);
    QCOMPARE(input->source(), KeyInput::Source::Secret);
    // Key text picked by hand: it suits an RS256 token, so it stays.
    sourceBox->setFocus();
    QTest::keyClick(sourceBox, Qt::Key_Down);
    QCOMPARE(input->source(), KeyInput::Source::KeyText);
    m_panel->setToken(text(cookbookRs256()["output"]["compact"]));
    QCOMPARE(input->source(), KeyInput::Source::KeyText);
    // With something in the box, a new token changes nothing: the key says what it is.
    input->setSecret(QStringLiteral("your-256-bit-secret"), keys::SecretEncoding::Utf8);
    m_panel->setToken(test::kSampleToken);
    m_panel->setToken(text(cookbookRs256()["output"]["compact"]));
    QCOMPARE(input->source(), KeyInput::Source::Secret);
    QCOMPARE(m_panel->verdictText(), QStringLiteral("Invalid: the key does not fit"));
    QVERIFY2(m_panel->reasonText().contains("This is a 152-bit secret; RS256 needs an RSA key"),
             qPrintable(m_panel->reasonText()));
}

void TestVerificationPanel::pastedKeyTextSwitchesKind_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<int>("found"); // keys::KeyInputKind
    const keys::Key key = cookbookRsaPublicKey();
    QTest::newRow("PEM") << QString::fromStdString(keys::exportPublicPem(key).value()) << int(keys::KeyInputKind::Pem);
    QTest::newRow("JWK") << QString::fromStdString(cookbookRsaPublicJwk().dump(2)) << int(keys::KeyInputKind::Jwk);
    QTest::newRow("JWKS") << QString::fromStdString(encoding::Json{{"keys", {cookbookRsaPublicJwk()}}}.dump())
                          << int(keys::KeyInputKind::Jwks);
    QTest::newRow("base64 DER") << QString::fromStdString(encoding::base64Encode(keys::exportPublicDer(key).value()))
                                << int(keys::KeyInputKind::Base64Der);
}

void TestVerificationPanel::pastedKeyTextSwitchesKind()
{
    // A new user leaves "HMAC secret" as it is and pastes the public key into the secret field.
    QFETCH(QString, pasted);
    QFETCH(int, found);
    m_panel->setToken(test::kSampleToken); // HS256: the secret field is shown
    auto* secret = m_panel->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    QVERIFY(secret->isVisible());
    paste(secret, pasted);
    QCOMPARE(m_panel->keyInput()->source(), KeyInput::Source::KeyText);
    QCOMPARE(m_panel->keyInput()->foundKind(), std::optional(static_cast<keys::KeyInputKind>(found)));
    QVERIFY(secret->text().isEmpty()); // moved, not copied
    QCOMPARE(m_panel->findChild<QPlainTextEdit*>(QStringLiteral("keyText"))->toPlainText(), pasted);
    QVERIFY2(m_panel->keyInput()->errorText().isEmpty(), qPrintable(m_panel->keyInput()->errorText()));
    m_panel->setToken(text(cookbookRs256()["output"]["compact"]));
    QVERIFY2(m_panel->state() == VerificationState::Valid, qPrintable(m_panel->reasonText()));
}

void TestVerificationPanel::keyTextIsReadByItsContent()
{
    // One key box: PEM, JWK and JWK Set text each say what they are, and core's description says it.
    m_panel->setToken(text(cookbookRs256()["output"]["compact"]));
    auto* keyText = m_panel->findChild<QPlainTextEdit*>(QStringLiteral("keyText"));
    auto* status = m_panel->findChild<QLabel*>(QStringLiteral("keyStatus"));
    QCOMPARE(m_panel->keyInput()->source(), KeyInput::Source::KeyText);
    paste(keyText, QString::fromStdString(cookbookRsaPublicJwk().dump()));
    QCOMPARE(m_panel->keyInput()->foundKind(), std::optional(keys::KeyInputKind::Jwk));
    QVERIFY(!m_panel->keyInput()->isKeySet());
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    QVERIFY2(status->text().startsWith(QStringLiteral("An RSA 2048-bit public key (JWK, kid")),
             qPrintable(status->text()));
    keyText->selectAll();
    paste(keyText, QString::fromStdString(encoding::Json{{"keys", {cookbookRsaPublicJwk()}}}.dump()));
    QCOMPARE(m_panel->keyInput()->foundKind(), std::optional(keys::KeyInputKind::Jwks));
    QVERIFY(m_panel->keyInput()->isKeySet());
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    QCOMPARE(status->text(), QStringLiteral("A JWK Set: 1 key."));
    // Half typed, a JWK is no key yet: the box stays, and says why it cannot be read.
    keyText->clear();
    keyText->setFocus();
    QTest::keyClicks(keyText, QStringLiteral("{\"kty\": \"RS"));
    QCOMPARE(m_panel->keyInput()->source(), KeyInput::Source::KeyText);
    QVERIFY(m_panel->keyInput()->keys().empty());
    QVERIFY2(status->text().startsWith(QStringLiteral("The key cannot be read: ")), qPrintable(status->text()));
}

void TestVerificationPanel::secretPickedByHandTakesKeyText()
{
    // "HMAC secret" picked by hand: a public key's text pasted there is the secret's bytes. The
    // verifier then says what that is: the algorithm-confusion attack.
    const std::string publicPem = test::readDataFile("keys/rsa-2048-spki.pem");
    m_panel->setToken(hs256Token(publicPem));
    auto* sourceBox = m_panel->findChild<QComboBox*>(QStringLiteral("keySource"));
    sourceBox->setFocus();
    QTest::keyClick(sourceBox, Qt::Key_Down);
    QTest::keyClick(sourceBox, Qt::Key_Up);
    QCOMPARE(m_panel->keyInput()->source(), KeyInput::Source::Secret);
    auto* secret = m_panel->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    paste(secret, QString::fromStdString(publicPem));
    QCOMPARE(m_panel->keyInput()->source(), KeyInput::Source::Secret);
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QCOMPARE(m_panel->verdictText(), QStringLiteral("Invalid: algorithm confusion"));
    QVERIFY2(m_panel->reasonText().contains("The HMAC secret is the PEM text of an RSA 2048-bit public key"),
             qPrintable(m_panel->reasonText()));
    const QString status = m_panel->findChild<QLabel*>(QStringLiteral("keyStatus"))->text();
    // Core's note, and which source reads it as a key.
    QVERIFY2(status.contains("This text is PEM, taken as the secret's bytes because a secret was asked for."),
             qPrintable(status));
    QVERIFY2(status.contains("To read it as a key, choose “Key: PEM, DER, JWK or JWK Set”."), qPrintable(status));
}

void TestVerificationPanel::leftoverKeyDoesNotFit_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("what");
    QTest::newRow("EC private key") << "keys/ec-p256-sec1.pem"
                                    << "This is an EC P-256 private key";
    QTest::newRow("RSA public key") << "keys/rsa-2048-spki.pem"
                                    << "This is an RSA 2048-bit public key";
}

void TestVerificationPanel::leftoverKeyDoesNotFit()
{
    // jwt.io's HS256 sample after another token: the key still in the box does not fit, and nothing
    // is under attack.
    QFETCH(QString, file);
    QFETCH(QString, what);
    m_panel->keyInput()->setKeyText(QString::fromStdString(test::readDataFile(file)));
    m_panel->setToken(test::kSampleToken);
    QCOMPARE(m_panel->keyInput()->source(), KeyInput::Source::KeyText); // the box is not empty: it stays
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QCOMPARE(m_panel->verdictText(), QStringLiteral("Invalid: the key does not fit"));
    QVERIFY2(m_panel->reasonText().contains(what + "; HS256 needs a shared secret"), qPrintable(m_panel->reasonText()));
    QVERIFY2(!m_panel->reasonText().contains("confusion") && !m_panel->verdictText().contains("confusion"),
             qPrintable(m_panel->reasonText()));
}

void TestVerificationPanel::options()
{
    const auto a1 = test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json")).front();
    m_panel->setToken(text(a1["compact"]));
    m_panel->keyInput()->setKeyText(text(a1["key"]));
    QCOMPARE(m_panel->state(), VerificationState::Valid);

    m_panel->setExpectedIssuer(QStringLiteral("joe"));
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    m_panel->setExpectedIssuer(QStringLiteral("mallory"));
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QVERIFY2(m_panel->reasonText().contains("iss"), qPrintable(m_panel->reasonText()));
    m_panel->setExpectedIssuer({});

    m_panel->setExpectedAudience(QStringLiteral("api"));
    QCOMPARE(m_panel->state(), VerificationState::Invalid); // the token has no aud
    m_panel->setExpectedAudience({});

    m_panel->setAllowedAlgorithms({QStringLiteral("RS256"), QStringLiteral("ES256")});
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QVERIFY2(m_panel->reasonText().contains("only RS256, ES256"), qPrintable(m_panel->reasonText()));
    m_panel->setAllowedAlgorithms({QStringLiteral("HS256")});
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    m_panel->setAllowedAlgorithms({});

    // exp is 1300819380: verified just after it, then within a leeway.
    m_panel->setVerifyTime(test::at(1300819400));
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QVERIFY2(m_panel->reasonText().contains("expired"), qPrintable(m_panel->reasonText()));
    m_panel->setLeewaySeconds(60);
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    m_panel->setLeewaySeconds(0);
    m_panel->setVerifyTime(std::nullopt); // back to the clock, which is before exp
    QCOMPARE(m_panel->state(), VerificationState::Valid);
}

void TestVerificationPanel::revokedIds()
{
    const std::string secret(32, 'r');
    const keys::Key key = keys::Key::fromSecret(crypto::SecureBytes(secret));
    const auto signedWith = [&](const char* payload) {
        return QString::fromStdString(jose::signCompact(R"({"alg":"HS256"})", asBytes(payload), &key).value());
    };
    m_panel->setToken(signedWith(R"({"jti":"id-2","sub":"a"})"));
    m_panel->keyInput()->setSecret(QString::fromStdString(secret), keys::SecretEncoding::Utf8);
    QCOMPARE(m_panel->state(), VerificationState::Valid);

    auto* field = m_panel->findChild<QPlainTextEdit*>(QStringLiteral("revokedIds"));
    QVERIFY(field);
    QVERIFY(field->isVisibleTo(m_panel));
    paste(field, QStringLiteral("# after the incident\nid-1\nid-2\n"));
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QVERIFY2(m_panel->reasonText().contains(
                 QStringLiteral(R"(the jti "id-2" is on the deny-list: the token is revoked)"), Qt::CaseInsensitive),
             qPrintable(m_panel->reasonText()));
    m_panel->setRevokedIds(QStringLiteral("id-1\n"));
    QCOMPARE(m_panel->state(), VerificationState::Valid);

    // Without a jti a deny-list cannot revoke the token: still valid, with the reason as a warning.
    m_panel->setToken(signedWith(R"({"sub":"a"})"));
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    QVERIFY2(m_panel->reasonText().contains(QStringLiteral("Warning: The token has no jti, so the deny-list cannot "
                                                           "revoke it")),
             qPrintable(m_panel->reasonText()));
    m_panel->setRevokedIds({});
    QVERIFY2(!m_panel->reasonText().contains(QStringLiteral("deny-list")), qPrintable(m_panel->reasonText()));
}

void TestVerificationPanel::followsTheClock()
{
    const auto a1 = test::compactJwsVectors(QStringLiteral("vectors/rfc/rfc7515.json")).front();
    m_panel->setToken(text(a1["compact"]));
    m_panel->keyInput()->setKeyText(text(a1["key"]));
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    // The token expires while on screen: the panel re-checks by itself and never stays "valid".
    Clock::setFixed(test::at(1300819381));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->state(), VerificationState::Invalid, 3000);
}

void TestVerificationPanel::keySetShowsChoice()
{
    const encoding::Json rs256 = test::loadJson(QStringLiteral("vectors/cookbook/jws/4_1.rsa_v15_signature.json"));
    const encoding::Json ec = test::loadJson(QStringLiteral("vectors/cookbook/jwk/3_1.ec_public_key.json"));
    const encoding::Json rsa = test::loadJson(QStringLiteral("vectors/cookbook/jwk/3_3.rsa_public_key.json"));
    encoding::Json other = rsa;
    other["kid"] = "someone-else";
    encoding::Json set = {{"keys", encoding::Json::array()}};
    set["keys"].push_back(ec);
    set["keys"].push_back(other);
    set["keys"].push_back(rsa);
    m_panel->setToken(text(rs256["output"]["compact"]));
    m_panel->keyInput()->setKeyText(QString::fromStdString(set.dump(2)));
    QVERIFY2(m_panel->state() == VerificationState::Valid, qPrintable(m_panel->reasonText()));
    const QString choice = m_panel->keySelectionText();
    QVERIFY2(choice.contains("Fits this token: key 3 (kid \"bilbo.baggins@hobbiton.example\""), qPrintable(choice));
    QVERIFY2(choice.contains("Skipped key 2 (kid \"someone-else\""), qPrintable(choice));
    QVERIFY2(choice.contains("Skipped key 1"), qPrintable(choice));

    set["keys"].erase(2);
    m_panel->keyInput()->setKeyText(QString::fromStdString(set.dump(2)));
    QCOMPARE(m_panel->state(), VerificationState::Invalid);
    QVERIFY2(m_panel->reasonText().contains("no key in the set fits", Qt::CaseInsensitive),
             qPrintable(m_panel->reasonText()));
}

void TestVerificationPanel::loadsKeyFiles()
{
    QTemporaryDir dir;
    const auto write = [&](const QString& name, const QByteArray& content) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly)) {
            qFatal("cannot write %s", qPrintable(file.fileName()));
        }
        file.write(content);
        return file.fileName();
    };
    QString error;
    KeyInput* input = m_panel->keyInput();
    QVERIFY(input->loadFile(QString::fromUtf8(JWTWB_TEST_DATA_DIR "/keys/ec-p256-spki.pem"), &error));
    QCOMPARE(input->source(), KeyInput::Source::KeyText);
    QCOMPARE(input->foundKind(), std::optional(keys::KeyInputKind::Pem));
    QCOMPARE(input->keys().size(), std::size_t(1));

    const encoding::Json jwk = test::loadJson(QStringLiteral("vectors/cookbook/jwk/3_1.ec_public_key.json"));
    QVERIFY(input->loadFile(write("key.jwk", QByteArray::fromStdString(jwk.dump())), &error));
    QCOMPARE(input->foundKind(), std::optional(keys::KeyInputKind::Jwk));
    QVERIFY(input->errorText().isEmpty());

    QVERIFY(input->loadFile(write("secret.txt", "a-string-secret-at-least-256-bits-long\n"), &error));
    QCOMPARE(input->source(), KeyInput::Source::Secret);
    QCOMPARE(input->foundKind(), std::optional(keys::KeyInputKind::Secret));
    m_panel->setToken(test::kCurrentSampleToken);
    QCOMPARE(m_panel->state(), VerificationState::Valid);

    // A binary DER key goes to the key box as base64.
    const Bytes der = keys::exportPublicDer(cookbookRsaPublicKey()).value();
    QVERIFY(input->loadFile(
        write("public.der", QByteArray(reinterpret_cast<const char*>(der.data()), static_cast<qsizetype>(der.size()))),
        &error));
    QCOMPARE(input->source(), KeyInput::Source::KeyText);
    QCOMPARE(input->foundKind(), std::optional(keys::KeyInputKind::Base64Der));
    QCOMPARE(input->keys().size(), std::size_t(1));
    QVERIFY(input->errorText().isEmpty());

    // Binary that is not DER: core's reason, on the status line too; the key read before stays.
    QVERIFY(!input->loadFile(write("key.der", QByteArray("\x30\x82\xff\xfe", 4)), &error));
    QVERIFY2(error.startsWith("key.der cannot be read: "), qPrintable(error));
    QCOMPARE(input->statusText(), error);
    QCOMPARE(input->keys().size(), std::size_t(1));
    QVERIFY(!input->loadFile(dir.filePath("missing.pem"), &error));
    QVERIFY2(error.contains("missing.pem"), qPrintable(error));

    input->setKeyText(QStringLiteral("-----BEGIN PUBLIC KEY-----\nnot base64\n"));
    QCOMPARE(m_panel->state(), VerificationState::NotVerified);
    QVERIFY2(m_panel->reasonText().contains("The key cannot be read"), qPrintable(m_panel->reasonText()));
}

void TestVerificationPanel::secretsAreNotStored()
{
    m_panel->setToken(test::kCurrentSampleToken);
    auto* secret = m_panel->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
    secret->setFocus();
    QTest::keyClicks(secret, test::kCurrentSampleSecret);
    QCOMPARE(m_panel->state(), VerificationState::Valid);
    delete m_panel;
    m_panel = nullptr;
    QSettings settings;
    for (const QString& key : settings.allKeys()) {
        QVERIFY2(!settings.value(key).toString().contains("a-string-secret-at-least"), qPrintable(key));
    }
    QFile file(settings.fileName());
    if (file.open(QIODevice::ReadOnly)) {
        QVERIFY(!file.readAll().contains("a-string-secret-at-least"));
    }
}

void TestVerificationPanel::screenshots_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light-1280") << int(ColorScheme::Light) << QSize(1280, 800);
    QTest::newRow("dark-1280") << int(ColorScheme::Dark) << QSize(1280, 800);
    QTest::newRow("light-1024") << int(ColorScheme::Light) << QSize(1024, 640);
    QTest::newRow("dark-1024") << int(ColorScheme::Dark) << QSize(1024, 640);
}

void TestVerificationPanel::screenshots()
{
    QFETCH(int, scheme);
    QFETCH(QSize, size);
    applyColorScheme(*qApp, static_cast<ColorScheme>(scheme));
    QApplication::processEvents();
    // The panel gets about half the page's width and two thirds of its height.
    m_panel->resize(size.width() / 2, size.height() * 2 / 3);
    m_panel->setToken(test::kSampleToken);
    m_panel->keyInput()->setKeyText(QString::fromStdString(test::readDataFile("keys/rsa-2048-spki.pem")));
    QApplication::processEvents();
    auto* verdict = m_panel->findChild<QLabel*>(QStringLiteral("verdictLabel"));
    const QColor background = m_panel->palette().color(QPalette::Window);
    const QColor verdictColor = verdict->palette().color(QPalette::WindowText);
    QVERIFY2(test::contrast(verdictColor, background) >= 4.5,
             qPrintable(verdictColor.name() + " on " + background.name()));
    test::saveShot(*m_panel, QStringLiteral("verification-panel-%1").arg(QTest::currentDataTag()));
}

// While "Now" is ticked the disabled time field shows the time the panel checks at, with or
// without a key, never QDateTimeEdit's default of 2000-01-01.
void TestVerificationPanel::verifyAtShowsNowWhileNowIsTicked()
{
    auto* at = m_panel->findChild<QDateTimeEdit*>(QStringLiteral("verifyAt"));
    auto* now = m_panel->findChild<QCheckBox*>(QStringLiteral("verifyNow"));
    QVERIFY(at && now);
    QVERIFY(now->isChecked());
    QVERIFY(!at->isEnabled());
    const auto seconds = [](std::chrono::sys_seconds t) { return static_cast<qint64>(t.time_since_epoch().count()); };
    QCOMPARE(at->dateTime().toSecsSinceEpoch(), seconds(kBeforeRfcExpiry));
    QVERIFY2(at->text().startsWith(QStringLiteral("2011-03-13 ")), qPrintable(at->text())); // 1300000000
    // The clock moves on: so does the field, within the panel's one-second tick.
    const auto later = kBeforeRfcExpiry + std::chrono::hours(1);
    Clock::setFixed(later);
    QTRY_COMPARE(at->dateTime().toSecsSinceEpoch(), seconds(later));
    // A time from the timeline, then back to now.
    m_panel->setVerifyTime(std::chrono::sys_seconds(std::chrono::seconds(1000000000)));
    QCOMPARE(at->dateTime().toSecsSinceEpoch(), 1000000000);
    QVERIFY(at->isEnabled());
    m_panel->setVerifyTime(std::nullopt);
    QCOMPARE(at->dateTime().toSecsSinceEpoch(), seconds(later));
}

// "All the key can use" (no algorithm chosen) is shown whole, also in a narrow panel.
void TestVerificationPanel::algorithmButtonFitsItsText()
{
    auto* button = m_panel->findChild<QPushButton*>(QStringLiteral("allowedAlgorithms"));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("All the key can use"));
    for (const int width : {640, 420}) {
        m_panel->resize(width, 700);
        QCoreApplication::processEvents();
        // The text and, beside it, the menu arrow (a tool button drew the arrow over the text's end).
        const int needed = button->fontMetrics().horizontalAdvance(button->text())
            + button->style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, button);
        QVERIFY2(button->width() >= button->sizeHint().width() && button->width() >= needed,
                 qPrintable(
                     QStringLiteral("%1 < %2 at %3").arg(button->width()).arg(button->sizeHint().width()).arg(width)));
    }
}

QTEST_MAIN(TestVerificationPanel)
#include "TestVerificationPanel.moc"
