#pragma once

#include "support/Theme.h"
#include "widgets/TimelineWidget.h"

#include <QFont>
#include <QPalette>
#include <QRect>

#include <chrono>
#include <vector>

class QPainter;

namespace jwtwb::ui {

// Paints a TimelineWidget from its rows and geometry; decides nothing about states or layout.
class TimelinePainter
{
public:
    TimelinePainter(const TimelineWidget& widget, QPainter& painter, std::chrono::sys_seconds clock);

    void paint();

    [[nodiscard]] static QColor stateColor(const TimelineColors& colors, jose::LifetimeState state);

private:
    [[nodiscard]] std::vector<inspect::TimelineTick> ticks() const;
    void paintGrid(const std::vector<inspect::TimelineTick>& ticks);
    void paintTickLabels(const std::vector<inspect::TimelineTick>& ticks);
    void paintRow(int index);
    void paintBar(const TimelineWidget::Row& row, const QRect& bar);
    struct TimeLines {
        std::chrono::sys_seconds verification{};
        int verificationX = 0;
        bool showClock = false; // a what-if time is shown: the real clock gets a line of its own
        int clockX = 0;
    };

    [[nodiscard]] TimeLines paintTimeLines();
    void paintTags(const TimeLines& lines);
    void paintLegend();
    // Text on a patch of `background`, so that no line runs through it.
    void drawText(const QRect& rect, int flags, const QString& text, const QColor& color, const QColor& background);
    [[nodiscard]] QRect tagRect(const QString& text, double x, const QFont& font) const;
    [[nodiscard]] double xFor(std::chrono::sys_seconds time) const; // within a sane pixel range

    const TimelineWidget& m_widget;
    QPainter& m_painter;
    std::chrono::sys_seconds m_clock;
    QPalette m_palette;
    TimelineColors m_colors;
    TimelineWidget::Metrics m_metrics;
    QRect m_plot;
    QFont m_small;
    QColor m_grid;
    QColor m_tinted; // the background of a suspicious row
};

} // namespace jwtwb::ui
