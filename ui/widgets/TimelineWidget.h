#pragma once

#include "encoding/Json.h"
#include "inspect/TimelineLayout.h"
#include "jose/Lifetime.h"

#include <QDateTime>
#include <QWidget>

#include <chrono>
#include <vector>

namespace jwtwb::ui {

// The claim-lifetime timeline: one row per token with its name and state in words, the iat, nbf,
// exp and auth_time markers, the valid interval as a bar, the leeway as bands around its edges, and a
// line at the verification time ("now", or a what-if time). Zoom with the wheel, +/- or zoomIn();
// pan by dragging or with the arrow keys. The states and the geometry come from core (Lifetime,
// TimelineLayout); this class keeps the rows and handles input, TimelinePainter paints.
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    struct Row {
        QString name;
        encoding::Json claims; // as decoded
        bool millisecondsAsSeconds = false; // read the claims that look like milliseconds as seconds
        jose::LifetimeSummary summary; // of the claims as shown
        inspect::TimelineRow layout;
    };

    // A marker's label ("exp 11:00:00", "iat, nbf 10:00:00", "◂ iat 2011-03-22" when off to the left).
    struct Label {
        QString text;
        QRect rect;
        bool authTime = false;
    };

    // Pixel geometry of a row, for painting and hit testing.
    struct RowGeometry {
        QRect rect;
        QRect bar; // the lane of the bar, across the plot
        std::vector<Label> labels; // in lanes below the bar, never overlapping
        int warningTop = 0;
        int warningLines = 0; // the warnings shown (at most kMaxWarningLines, then "and N more")
        QRect millisecondsToggle; // empty unless the row has milliseconds timestamps (or shows them as seconds)
    };

    // Sizes that follow the font.
    struct Metrics {
        int margin;
        int line; // a line of the normal font
        int smallLine; // a line of smallFont()
        int top; // above the rows: the verification time's tag and the tick labels
        int header; // a row's name and state
        int bar;
        int rowGap;
        int bottom; // below the rows: the legend
    };

    static constexpr int kMaxWarningLines = 3;

    explicit TimelineWidget(QWidget* parent = nullptr);

    // Adds a row, or replaces the claims of the row with that name (keeping its place). The axis is
    // refitted when the claims changed, unless the user has zoomed or panned since the last fit: then
    // the view stays where they put it (a token typed in the decoder must not yank it away).
    void setToken(const QString& name, const encoding::Json& claims);
    bool removeToken(const QString& name);
    void clearTokens();
    [[nodiscard]] const std::vector<Row>& rows() const { return m_rows; }
    [[nodiscard]] int rowIndex(const QString& name) const; // -1 when there is none
    [[nodiscard]] QString stateText(int row) const; // "valid for another 12 min", …
    [[nodiscard]] QStringList warningTexts(int row) const;

    // The time the states are computed for; an invalid time follows Clock::now().
    void setVerificationTime(const QDateTime& time);
    [[nodiscard]] QDateTime verificationTime() const; // always valid, UTC
    [[nodiscard]] bool followsClock() const { return !m_fixedTime.isValid(); }

    void setLeeway(std::chrono::seconds leeway);
    [[nodiscard]] std::chrono::seconds leeway() const { return m_leeway; }
    void setLifetimeBound(std::chrono::seconds bound);
    [[nodiscard]] std::chrono::seconds lifetimeBound() const { return m_lifetimeBound; }
    void setUtc(bool utc);
    [[nodiscard]] bool isUtc() const { return m_utc; }
    void setMillisecondsAsSeconds(int row, bool asSeconds);

    [[nodiscard]] inspect::TimeRange visibleRange() const { return m_range; }
    // Shows `range`, as zooming and panning do: changes of the rows no longer refit until fitToTokens().
    void setVisibleRange(inspect::TimeRange range);
    // Whether a change of the rows refits the axis: after fitToTokens(), until the user zooms or pans.
    [[nodiscard]] bool fitsAutomatically() const { return m_autoFit; }
    [[nodiscard]] QRect plotRect() const; // where the axis runs, across all rows
    [[nodiscard]] double xForTime(std::chrono::sys_seconds time) const;
    [[nodiscard]] std::chrono::sys_seconds timeAtX(double x) const;
    [[nodiscard]] const std::vector<RowGeometry>& rowGeometry() const { return m_geometry; }
    [[nodiscard]] int rowAt(QPoint position) const; // -1 outside the rows

    [[nodiscard]] Metrics metrics() const;
    [[nodiscard]] QFont smallFont() const;
    // "Show as seconds", or "Show as they are" once they are.
    [[nodiscard]] static QString millisecondsToggleText(const Row& row);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

    static constexpr double kZoomStep = 1.5;

public slots:
    void zoomIn();
    void zoomOut();
    void fitToTokens(); // and refit on changes of the rows again
    // Re-reads Clock::now(): the states move on when following the clock; the clock line moves anyway.
    void updateClock();

signals:
    void rowsChanged(); // rows added, removed or re-read, or their states changed
    void visibleRangeChanged(jwtwb::inspect::TimeRange range);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void resummarize(); // all rows, after a change of time, leeway or bound
    void summarize(Row& row) const;
    void relayout(); // pixel geometry, after a change of rows, size, font or range
    void showRange(inspect::TimeRange range); // without taking the view out of the automatic fit
    void refit(bool changed); // after a change of the rows: fit when they changed and the view is automatic
    [[nodiscard]] std::vector<Label> placeLabels(const Row& row, int top) const;
    [[nodiscard]] QString toolTipFor(int row) const;
    void zoomAround(double factor, double x);

    std::vector<Row> m_rows;
    std::vector<RowGeometry> m_geometry;
    QDateTime m_fixedTime; // invalid: follow the clock
    std::chrono::sys_seconds m_clockTime{};
    std::chrono::seconds m_leeway{0};
    std::chrono::seconds m_lifetimeBound{std::chrono::hours(24)};
    bool m_utc = true;
    inspect::TimeRange m_range;
    bool m_autoFit = true; // see fitsAutomatically()
    int m_contentHeight = 0;
    // Dragging to pan: where it started and what range was shown then.
    bool m_dragging = false;
    QPoint m_dragStart;
    inspect::TimeRange m_dragRange;
};

} // namespace jwtwb::ui
