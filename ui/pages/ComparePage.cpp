#include "ComparePage.h"

#include "compare/CompareInput.h"
#include "compare/TokenDiffView.h"
#include "widgets/TokenEdit.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace jwtwb::ui {

ComparePage::ComparePage(QWidget* parent)
    : QWidget(parent)
    , m_first(new CompareInput(tr("Fi&rst token"), QStringLiteral("firstToken"), this))
    , m_second(new CompareInput(tr("Se&cond token"), QStringLiteral("secondToken"), this))
    , m_algorithms(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_hideSame(new QCheckBox(tr("Hide &unchanged"), this))
    , m_view(new TokenDiffView(this))
{
    setObjectName(QStringLiteral("comparePage"));
    m_algorithms->setObjectName(QStringLiteral("algorithmLine"));
    m_summary->setObjectName(QStringLiteral("summaryLine"));
    m_hideSame->setObjectName(QStringLiteral("hideSame"));
    QFont big = m_algorithms->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_algorithms->setFont(big);
    m_algorithms->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    auto* inputs = new QWidget(this);
    auto* inputsLayout = new QHBoxLayout(inputs);
    inputsLayout->setContentsMargins(0, 0, 0, 0);
    inputsLayout->addWidget(m_first);
    inputsLayout->addWidget(m_second);

    auto* result = new QWidget(this);
    auto* resultLayout = new QVBoxLayout(result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_algorithms);
    auto* summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_hideSame);
    resultLayout->addLayout(summaryRow);
    resultLayout->addWidget(m_view, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("compareSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(inputs);
    splitter->addWidget(result);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    setTabOrder(m_first->editor(), m_second->editor());
    setTabOrder(m_second->editor(), m_hideSame);
    setTabOrder(m_hideSame, m_view);

    connect(m_first, &CompareInput::tokenChanged, this, &ComparePage::compare);
    connect(m_second, &CompareInput::tokenChanged, this, &ComparePage::compare);
    connect(m_hideSame, &QCheckBox::toggled, m_view, &TokenDiffView::setHideSame);
    compare();
}

void ComparePage::setTokens(const QString& first, const QString& second)
{
    m_first->setText(first);
    m_second->setText(second);
}

void ComparePage::setFirstToken(const QString& text)
{
    m_first->setText(text);
}

void ComparePage::compare()
{
    const auto& first = m_first->token().token;
    const auto& second = m_second->token().token;
    if (!first || !second) {
        m_diff.reset();
        m_view->clearDiff();
        m_algorithms->setText(tr("Paste a token on each side to compare them."));
        m_summary->clear();
        return;
    }
    m_diff = inspect::diffTokens(*first, *second);
    m_algorithms->setText(TokenComparison::algorithmLine(*first, *second));
    m_summary->setText(TokenComparison::summary(*m_diff));
    m_view->setDiff(*m_diff);
}

} // namespace jwtwb::ui
