#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace jwtwb::ui {

class MainWindow;

// What Check found in the pages: the task done, or not yet and what is missing.
struct LessonCheck {
    bool done = false;
    QString message;
    bool started = true; // false: the pages do not show the lesson's token (any more)
};

// One lesson of the Learn page: a few sentences, a task done on a real page, and three operations
// on the window's pages. Start loads the lesson's token or key; Check reads what the pages show
// now, whoever put it there; Show me drives the pages to the answer. Start and Show me return the
// page to switch to.
struct Lesson {
    QString id; // stable: the settings remember the ids of the lessons done
    QString title;
    QString text;
    QString task;
    std::function<QWidget*(MainWindow&)> start;
    std::function<LessonCheck(const MainWindow&)> check;
    std::function<QWidget*(MainWindow&)> showMe;
};

} // namespace jwtwb::ui
