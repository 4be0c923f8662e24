#include "SecretSearchPanel.h"

#include "crack/SecretSearch.h"
#include "crypto/ThreadState.h"
#include "inspect/TokenExtractor.h"
#include "jose/CompactToken.h"
#include "support/Convert.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace jwtwb::ui {
namespace {

// Why the search cannot run on this text, or an empty string when it can.
QString tokenProblem(const QString& text, const jose::CompactToken* decoded)
{
    if (text.trimmed().isEmpty()) {
        return QObject::tr("No token.");
    }
    std::optional<Result<jose::CompactToken>> own;
    if (!decoded) {
        auto extracted = inspect::extractToken(toStdString(text));
        if (!extracted) {
            return toQString(extracted.error().message);
        }
        own.emplace(jose::decodeCompact(extracted->token, jose::Base64Mode::Lenient));
        if (!*own) {
            return toQString(own->error().message);
        }
    }
    const jose::CompactToken* token = decoded ? decoded : &**own;
    const auto& header = token->header.value;
    const auto alg = header.find("alg");
    if (token->kind != jose::TokenKind::Jws || alg == header.end() || !alg->is_string()
        || !alg->get<std::string>().starts_with("HS")) {
        return QObject::tr("Only HS256, HS384 and HS512 tokens have a secret to search for.");
    }
    return {};
}

} // namespace

SecretSearchPanel::SecretSearchPanel(QWidget* parent)
    : QWidget(parent)
    , m_wordlistPath(
          QString::fromStdString(crack::bundledWordlist(QCoreApplication::applicationDirPath().toStdString()).string()))
    , m_useList(new QCheckBox(tr("Publicly known JWT secrets (bundled list)"), this))
    , m_rules(new QCheckBox(tr("Also with rules: Capitalised, UPPERCASE, suffixes such as 123, ! and years"), this))
    , m_mask(new QLineEdit(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_reveal(new QCheckBox(tr("Reveal"), this))
    , m_use(new QPushButton(tr("Use for Verification"), this))
    , m_watcher(new QFutureWatcher<Outcome>(this))
{
    setObjectName(QStringLiteral("secretSearchPanel"));
    m_useList->setObjectName(QStringLiteral("useList"));
    m_rules->setObjectName(QStringLiteral("rules"));
    m_mask->setObjectName(QStringLiteral("mask"));
    m_start->setObjectName(QStringLiteral("start"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_status->setObjectName(QStringLiteral("status"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_reveal->setObjectName(QStringLiteral("reveal"));
    m_use->setObjectName(QStringLiteral("useForVerification"));
    m_use->setToolTip(tr("Put the secret into the Verification tab's HMAC secret and verify the token with it"));
    m_use->setEnabled(false);

    m_useList->setChecked(true);
    m_mask->setPlaceholderText(tr("optional, e.g. secret?d?d?d  (?l ?u ?d ?s ?a)"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_secret->setReadOnly(true);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("no secret found yet"));

    auto* form = new QFormLayout;
    form->addRow(tr("Mask:"), m_mask);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    auto* secretRow = new QHBoxLayout;
    secretRow->addWidget(new QLabel(tr("Secret:"), this));
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_reveal);
    secretRow->addWidget(m_use);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Weak secret search</b> — is the token signed with a guessable secret?"), this));
    layout->addWidget(m_useList);
    layout->addWidget(m_rules);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addLayout(secretRow);
    layout->addStretch();

    connect(m_start, &QPushButton::clicked, this, &SecretSearchPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &SecretSearchPanel::cancel);
    connect(m_reveal, &QCheckBox::toggled, this,
            [this](bool reveal) { m_secret->setEchoMode(reveal ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (m_found) {
            emit useForVerificationRequested();
        }
    });
    connect(m_useList, &QCheckBox::toggled, this, &SecretSearchPanel::updateState);
    connect(m_mask, &QLineEdit::textChanged, this, &SecretSearchPanel::updateState);
    connect(m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] { showOutcome(m_watcher->future().result()); });
    setToken({});
}

SecretSearchPanel::~SecretSearchPanel()
{
    if (isRunning()) {
        m_cancelFlag->store(true);
        m_watcher->waitForFinished();
    }
}

void SecretSearchPanel::setToken(const QString& token, const jose::CompactToken* decoded)
{
    if (token != m_token) {
        forgetSecret(); // it was the secret of another token
    }
    m_token = token;
    m_tokenProblem = tokenProblem(token, decoded);
    if (!isRunning()) {
        m_status->setText(m_tokenProblem);
    }
    updateState();
}

void SecretSearchPanel::setWordlistPath(const QString& path)
{
    m_wordlistPath = path;
}

bool SecretSearchPanel::isRunning() const
{
    return m_watcher->isRunning();
}

void SecretSearchPanel::updateState()
{
    const bool running = isRunning();
    const bool haveSource = m_useList->isChecked() || !m_mask->text().isEmpty();
    m_start->setEnabled(!running && m_tokenProblem.isEmpty() && haveSource);
    m_cancel->setEnabled(running);
    m_useList->setEnabled(!running);
    m_rules->setEnabled(!running && m_useList->isChecked());
    m_mask->setEnabled(!running);
}

void SecretSearchPanel::start()
{
    if (isRunning() || !m_tokenProblem.isEmpty()) {
        return;
    }
    crack::SearchOptions options;
    if (m_useList->isChecked()) {
        options.wordlists.push_back({m_wordlistPath.toStdString(), tr("bundled list").toStdString()});
        options.rules = m_rules->isChecked();
    }
    if (!m_mask->text().isEmpty()) {
        auto mask = crack::Mask::parse(m_mask->text().toStdString());
        if (!mask) {
            m_status->setText(tr("Mask: %1").arg(toQString(mask.error().message)));
            return;
        }
        options.mask = std::move(*mask);
    }
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    forgetSecret();
    m_searchedToken = m_token;
    m_progress->setValue(0);
    m_status->setText(tr("Searching…"));
    const std::string token = inspect::extractToken(toStdString(m_token))->token;
    // The worker gets values only: the token text, the options, the shared cancel flag, and the two
    // widgets it updates through queued calls (they outlive it: the destructor waits for the worker).
    QProgressBar* bar = m_progress;
    QLabel* status = m_status;
    auto future = QtConcurrent::run([token, options = std::move(options), flag = m_cancelFlag, bar,
                                     status](QPromise<Outcome>& promise) mutable {
        options.cancel = flag.get();
        options.progressInterval = std::chrono::milliseconds(100);
        options.onProgress = [bar, status](const crack::SearchProgress& progress) {
            const int permille = progress.total > 0
                ? static_cast<int>(1000.0 * static_cast<double>(progress.tried) / static_cast<double>(progress.total))
                : 0;
            const std::string text = crack::describeProgress(progress);
            QMetaObject::invokeMethod(
                bar, [bar, permille] { bar->setValue(permille); }, Qt::QueuedConnection);
            QMetaObject::invokeMethod(
                status, [status, message = toQString(text)] { status->setText(message); }, Qt::QueuedConnection);
        };
        Outcome outcome;
        auto decoded = jose::decodeCompact(token, jose::Base64Mode::Lenient);
        auto result = decoded ? crack::searchSecret(*decoded, options)
                              : Result<crack::SearchOutcome>(std::unexpected(decoded.error()));
        if (!result) {
            outcome.error = toQString(result.error().message);
        } else {
            if (result->secret) {
                outcome.secret = std::make_shared<crypto::SecureBytes>(std::move(*result->secret));
                outcome.foundIn = toQString(result->foundIn);
                outcome.summary = SecretSearchPanel::tr("Found in the %1 after %L2 guesses (%L3 s).")
                                      .arg(outcome.foundIn)
                                      .arg(result->tried)
                                      .arg(result->seconds, 0, 'f', 1);
            } else {
                // The rate is core's words, like the progress line.
                const QString rate = toQString(
                    crack::describeRate(static_cast<double>(result->tried) / std::max(result->seconds, 1e-9)));
                outcome.summary
                    = (result->cancelled ? SecretSearchPanel::tr("Cancelled after %L1 guesses (%L2 s, %3).")
                                         : SecretSearchPanel::tr("Not found after %L1 guesses (%L2 s, %3)."))
                          .arg(result->tried)
                          .arg(result->seconds, 0, 'f', 1)
                          .arg(rate);
            }
        }
        crypto::releaseThreadState();
        promise.addResult(std::move(outcome));
    });
    m_watcher->setFuture(future);
    updateState();
}

void SecretSearchPanel::cancel()
{
    if (m_cancelFlag) {
        m_cancelFlag->store(true);
    }
}

void SecretSearchPanel::showOutcome(const Outcome& outcome)
{
    if (!outcome.error.isEmpty()) {
        m_status->setText(outcome.error);
    } else {
        m_status->setText(outcome.summary);
    }
    // A secret found for a token that was replaced during the search belongs to neither.
    const bool found = outcome.secret && m_searchedToken == m_token;
    if (found) {
        m_progress->setValue(m_progress->maximum());
        m_found = outcome.secret;
        m_foundIn = outcome.foundIn;
        m_secret->setText(toQString(outcome.secret->view()));
        m_use->setEnabled(true);
    } else if (outcome.secret) {
        m_status->setText(tr("The token changed during the search: start it again for this token."));
    }
    updateState();
    emit finished(found);
}

void SecretSearchPanel::forgetSecret()
{
    m_found.reset();
    m_foundIn.clear();
    m_secret->clear();
    m_reveal->setChecked(false);
    m_use->setEnabled(false);
}

} // namespace jwtwb::ui
