#pragma once

#include "learn/Lesson.h"

#include <QSet>
#include <QWidget>

#include <vector>

class QLabel;
class QListWidget;
class QPushButton;

namespace jwtwb::ui {

class MainWindow;

// Lessons about JWTs, each done on the window's real pages: a few sentences, a task, and Start
// (load the lesson's token or key), Check (look at what the pages show now) and Show me (drive the
// pages to the answer). The ids of the lessons done are the only thing remembered: never a token,
// key or secret.
class LearnPage : public QWidget
{
    Q_OBJECT

public:
    explicit LearnPage(MainWindow* window, QWidget* parent = nullptr);

    [[nodiscard]] const std::vector<Lesson>& lessons() const { return m_lessons; }
    [[nodiscard]] int currentLesson() const;
    void setCurrentLesson(int index);
    [[nodiscard]] bool isDone(const QString& id) const { return m_done.contains(id); }
    // Check's last answer for the current lesson, or "".
    [[nodiscard]] QString resultText() const;

public slots:
    void startLesson();
    bool checkLesson(); // true: done (and ticked)
    void showMe();
    void resetProgress();

private:
    void showLesson();
    void updateTicks();
    void saveProgress() const;
    void switchTo(QWidget* page);

    MainWindow* m_window;
    std::vector<Lesson> m_lessons;
    QSet<QString> m_done;
    QListWidget* m_list;
    QLabel* m_progress;
    QLabel* m_title;
    QLabel* m_text;
    QLabel* m_task;
    QLabel* m_result;
    QPushButton* m_start;
    QPushButton* m_check;
    QPushButton* m_showMe;
    QPushButton* m_reset;
};

} // namespace jwtwb::ui
