#pragma once

#include <QTreeView>

namespace jwtwb::ui {

// The findings list: one line per finding with its severity icon; a click unfolds the explanation.
class FindingsView : public QTreeView
{
    Q_OBJECT

public:
    explicit FindingsView(QWidget* parent = nullptr);

protected:
    void resizeEvent(QResizeEvent* event) override;
};

} // namespace jwtwb::ui
