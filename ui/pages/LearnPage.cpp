#include "LearnPage.h"

#include "MainWindow.h"
#include "learn/LessonCatalog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace jwtwb::ui {
namespace {

constexpr auto kCompletedKey = "learn/completed"; // lesson ids only

QLabel* wrappingLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

LearnPage::LearnPage(MainWindow* window, QWidget* parent)
    : QWidget(parent)
    , m_window(window)
    , m_lessons(LessonCatalog::lessons())
    , m_list(new QListWidget(this))
    , m_progress(new QLabel(this))
    , m_title(wrappingLabel(QStringLiteral("lessonTitle"), this))
    , m_text(wrappingLabel(QStringLiteral("lessonText"), this))
    , m_task(wrappingLabel(QStringLiteral("lessonTask"), this))
    , m_result(wrappingLabel(QStringLiteral("lessonResult"), this))
    , m_start(new QPushButton(tr("St&art"), this))
    , m_check(new QPushButton(tr("&Check"), this))
    , m_showMe(new QPushButton(tr("Show &Me"), this))
    , m_reset(new QPushButton(tr("&Reset Progress"), this))
{
    setObjectName(QStringLiteral("learnPage"));
    const QStringList done = QSettings().value(QLatin1String(kCompletedKey)).toStringList();
    m_done = QSet<QString>(done.begin(), done.end());

    m_list->setObjectName(QStringLiteral("lessonList"));
    m_list->setAccessibleName(tr("Lessons"));
    m_list->setIconSize(QSize(16, 16));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    int widest = 0;
    for (const Lesson& lesson : m_lessons) {
        m_list->addItem(lesson.title);
        widest = std::max(widest, m_list->fontMetrics().horizontalAdvance(lesson.title));
    }
    // Every title on one line, next to its tick (or the tick's room), as long as that is not too wide.
    m_list->setFixedWidth(std::min(widest + m_list->iconSize().width() + 48, 480));
    m_progress->setObjectName(QStringLiteral("lessonProgress"));
    m_reset->setObjectName(QStringLiteral("resetProgress"));
    m_reset->setToolTip(tr("Forget which lessons are done"));
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(m_progress);
    left->addWidget(m_reset);

    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_title->setFont(big);
    QFont bold = m_task->font();
    bold.setBold(true);
    m_task->setFont(bold);
    m_start->setObjectName(QStringLiteral("startLesson"));
    m_start->setToolTip(tr("Load the lesson's token or key into its page and go there"));
    m_check->setObjectName(QStringLiteral("checkLesson"));
    m_check->setToolTip(tr("Look at the pages: is the task done?"));
    m_showMe->setObjectName(QStringLiteral("showMeLesson"));
    m_showMe->setToolTip(tr("Do the task on its page and go there"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_check);
    buttons->addWidget(m_showMe);
    buttons->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(m_title);
    right->addWidget(m_text);
    right->addSpacing(8);
    right->addWidget(m_task);
    right->addLayout(buttons);
    right->addWidget(m_result);
    right->addStretch(1);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &LearnPage::showLesson);
    connect(m_start, &QPushButton::clicked, this, &LearnPage::startLesson);
    connect(m_check, &QPushButton::clicked, this, &LearnPage::checkLesson);
    connect(m_showMe, &QPushButton::clicked, this, &LearnPage::showMe);
    connect(m_reset, &QPushButton::clicked, this, &LearnPage::resetProgress);
    updateTicks();
    m_list->setCurrentRow(0);
    setTabOrder(m_list, m_start);
    setTabOrder(m_start, m_check);
    setTabOrder(m_check, m_showMe);
    setTabOrder(m_showMe, m_reset);
}

int LearnPage::currentLesson() const
{
    return m_list->currentRow();
}

void LearnPage::setCurrentLesson(int index)
{
    m_list->setCurrentRow(index);
}

QString LearnPage::resultText() const
{
    return m_result->text();
}

void LearnPage::showLesson()
{
    const int index = currentLesson();
    if (index < 0 || index >= static_cast<int>(m_lessons.size())) {
        return;
    }
    const Lesson& lesson = m_lessons.at(static_cast<std::size_t>(index));
    m_title->setText(lesson.title);
    m_text->setText(lesson.text);
    m_task->setText(tr("Task: %1").arg(lesson.task));
    m_result->setText(isDone(lesson.id) ? tr("You have done this lesson.") : QString());
}

void LearnPage::startLesson()
{
    if (const int index = currentLesson(); index >= 0) {
        m_result->setText(tr("Started: do the task, then come back and press Check."));
        switchTo(m_lessons.at(static_cast<std::size_t>(index)).start(*m_window));
    }
}

bool LearnPage::checkLesson()
{
    const int index = currentLesson();
    if (index < 0) {
        return false;
    }
    const Lesson& lesson = m_lessons.at(static_cast<std::size_t>(index));
    const LessonCheck result = lesson.check(*m_window);
    m_result->setText(result.message);
    if (result.done && !m_done.contains(lesson.id)) {
        m_done.insert(lesson.id);
        saveProgress();
        updateTicks();
    }
    return result.done;
}

void LearnPage::showMe()
{
    if (const int index = currentLesson(); index >= 0) {
        const Lesson& lesson = m_lessons.at(static_cast<std::size_t>(index));
        // Show me works from wherever the user is: it starts the lesson first unless its token is shown.
        if (!lesson.check(*m_window).started) {
            lesson.start(*m_window);
        }
        m_result->setText(tr("Shown: press Check to see it counted."));
        switchTo(lesson.showMe(*m_window));
    }
}

void LearnPage::resetProgress()
{
    m_done.clear();
    QSettings().remove(QLatin1String(kCompletedKey));
    updateTicks();
    showLesson();
}

void LearnPage::updateTicks()
{
    const QIcon tick = style()->standardIcon(QStyle::SP_DialogApplyButton);
    QPixmap room(m_list->iconSize());
    room.fill(Qt::transparent);
    const QIcon noTick(room); // keeps the titles aligned and the rows of one height
    for (int row = 0; row < m_list->count(); ++row) {
        const bool done = isDone(m_lessons.at(static_cast<std::size_t>(row)).id);
        QListWidgetItem* item = m_list->item(row);
        item->setIcon(done ? tick : noTick);
        item->setToolTip(done ? tr("Done") : tr("Not done yet"));
        item->setData(Qt::AccessibleDescriptionRole, item->toolTip());
    }
    m_progress->setText(tr("%n of %1 lessons done", nullptr, static_cast<int>(m_done.size())).arg(m_lessons.size()));
    m_reset->setEnabled(!m_done.isEmpty());
}

void LearnPage::saveProgress() const
{
    QStringList ids(m_done.begin(), m_done.end());
    ids.sort();
    QSettings().setValue(QLatin1String(kCompletedKey), ids);
}

void LearnPage::switchTo(QWidget* page)
{
    if (page) {
        m_window->showPage(page);
    }
}

} // namespace jwtwb::ui
