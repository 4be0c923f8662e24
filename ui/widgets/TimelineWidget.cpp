#include "TimelineWidget.h"

#include "support/Clock.h"
#include "support/Convert.h"
#include "support/TimeText.h"
#include "widgets/TimelinePainter.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace jwtwb::ui {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

constexpr int kLabelGap = 10; // pixels between two labels in one lane
constexpr double kPanStep = 0.1; // of the visible span, per arrow key

// How precisely marker labels give their time, from the visible span.
QString markerTimeFormat(seconds span)
{
    if (span <= std::chrono::hours(20)) {
        return QStringLiteral("HH:mm:ss");
    }
    if (span <= std::chrono::days(400)) {
        return QStringLiteral("d MMM HH:mm");
    }
    return dateFormat();
}

QString joinedClaims(const std::vector<const inspect::TimelineMarker*>& group)
{
    QStringList names;
    for (const auto* marker : group) {
        names << toQString(marker->claim);
    }
    return names.join(QStringLiteral(", "));
}

// Far beyond any axis (a milliseconds timestamp read as seconds): just the date, "+58875-06-14".
QString offAxisDate(sys_seconds time)
{
    const QString utc = toQString(jose::formatUtc(time));
    return utc.left(utc.indexOf(QLatin1Char('T')));
}

bool hasMilliseconds(const TimelineWidget::Row& row)
{
    return row.summary.hasWarning(jose::LifetimeWarningKind::MillisecondsTimestamp);
}

} // namespace

TimelineWidget::TimelineWidget(QWidget* parent)
    : QWidget(parent)
    , m_clockTime(Clock::nowSeconds())
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setCursor(Qt::OpenHandCursor);
    setAccessibleName(tr("Claim lifetime timeline"));
    setAccessibleDescription(tr("Drag to pan, scroll or press + and − to zoom, 0 to fit all tokens."));
    const std::array clock{m_clockTime};
    m_range = inspect::fitTimeRange({}, clock);
}

void TimelineWidget::setToken(const QString& name, const encoding::Json& claims)
{
    const int index = rowIndex(name);
    Row* row = nullptr;
    if (index >= 0) {
        row = &m_rows[static_cast<std::size_t>(index)];
    } else {
        m_rows.push_back({});
        row = &m_rows.back();
        row->name = name;
    }
    const bool changed = index < 0 || row->claims != claims;
    row->claims = claims;
    summarize(*row);
    refit(changed);
    emit rowsChanged();
}

bool TimelineWidget::removeToken(const QString& name)
{
    const int index = rowIndex(name);
    if (index < 0) {
        return false;
    }
    m_rows.erase(m_rows.begin() + index);
    refit(true);
    emit rowsChanged();
    return true;
}

void TimelineWidget::clearTokens()
{
    m_rows.clear();
    refit(true);
    emit rowsChanged();
}

int TimelineWidget::rowIndex(const QString& name) const
{
    const auto it = std::ranges::find(m_rows, name, &Row::name);
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

QString TimelineWidget::stateText(int row) const
{
    return toQString(jose::describeState(m_rows.at(static_cast<std::size_t>(row)).summary));
}

QStringList TimelineWidget::warningTexts(int row) const
{
    QStringList texts;
    for (const auto& warning : m_rows.at(static_cast<std::size_t>(row)).summary.warnings) {
        QString text = toQString(warning.message);
        text[0] = text[0].toUpper();
        texts << text;
    }
    return texts;
}

void TimelineWidget::setVerificationTime(const QDateTime& time)
{
    m_fixedTime = time.isValid() ? toQDateTime(toSysSeconds(time)) : QDateTime();
    m_clockTime = Clock::nowSeconds();
    resummarize();
    // Keep the verification line in view: a time set far away brings the axis along.
    const sys_seconds at = toSysSeconds(verificationTime());
    if (!m_range.contains(at)) {
        showRange(inspect::panTimeRange(m_range, at - (m_range.start + m_range.span() / 2)));
    }
}

QDateTime TimelineWidget::verificationTime() const
{
    return m_fixedTime.isValid() ? m_fixedTime : toQDateTime(m_clockTime);
}

void TimelineWidget::setLeeway(seconds leeway)
{
    m_leeway = std::max(leeway, seconds(0));
    resummarize();
}

void TimelineWidget::setLifetimeBound(seconds bound)
{
    m_lifetimeBound = std::max(bound, seconds(0));
    resummarize();
}

void TimelineWidget::setUtc(bool utc)
{
    m_utc = utc;
    relayout();
    update();
}

void TimelineWidget::setMillisecondsAsSeconds(int row, bool asSeconds)
{
    Row& target = m_rows.at(static_cast<std::size_t>(row));
    if (target.millisecondsAsSeconds == asSeconds) {
        return;
    }
    target.millisecondsAsSeconds = asSeconds;
    summarize(target);
    fitToTokens();
    emit rowsChanged();
}

void TimelineWidget::updateClock()
{
    const sys_seconds now = Clock::nowSeconds();
    if (now == m_clockTime) {
        return;
    }
    m_clockTime = now;
    if (followsClock()) {
        resummarize();
    } else {
        update();
    }
}

void TimelineWidget::summarize(Row& row) const
{
    const sys_seconds now = toSysSeconds(verificationTime());
    row.summary = jose::summarizeLifetime(row.claims, now, m_leeway, m_lifetimeBound);
    if (row.millisecondsAsSeconds && hasMilliseconds(row)) {
        row.summary = jose::summarizeLifetime(inspect::millisecondsAsSeconds(row.claims, row.summary), now, m_leeway,
                                              m_lifetimeBound);
    }
    row.layout = inspect::layoutTimelineRow(row.summary);
}

void TimelineWidget::resummarize()
{
    for (Row& row : m_rows) {
        summarize(row);
    }
    relayout();
    update();
    emit rowsChanged();
}

void TimelineWidget::setVisibleRange(inspect::TimeRange range)
{
    m_autoFit = false;
    showRange(range);
}

void TimelineWidget::showRange(inspect::TimeRange range)
{
    range = inspect::zoomTimeRange(range, 1.0); // within the limits and spans
    if (range == m_range) {
        return;
    }
    m_range = range;
    relayout();
    update();
    emit visibleRangeChanged(m_range);
}

void TimelineWidget::refit(bool changed)
{
    if (changed && m_autoFit) {
        fitToTokens();
    } else {
        relayout();
        update();
    }
}

void TimelineWidget::fitToTokens()
{
    m_autoFit = true;
    std::vector<jose::LifetimeSummary> summaries;
    for (const Row& row : m_rows) {
        summaries.push_back(row.summary);
    }
    const std::array extra{m_clockTime, toSysSeconds(verificationTime())};
    const inspect::TimeRange fitted = inspect::fitTimeRange(summaries, extra);
    if (fitted == m_range) {
        relayout();
        update();
        return;
    }
    showRange(fitted);
}

void TimelineWidget::zoomIn()
{
    zoomAround(1.0 / kZoomStep, plotRect().center().x());
}

void TimelineWidget::zoomOut()
{
    zoomAround(kZoomStep, plotRect().center().x());
}

void TimelineWidget::zoomAround(double factor, double x)
{
    const QRect plot = plotRect();
    const double anchor = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0.5;
    setVisibleRange(inspect::zoomTimeRange(m_range, factor, anchor));
}

TimelineWidget::Metrics TimelineWidget::metrics() const
{
    const int line = fontMetrics().height();
    const int smallLine = QFontMetrics(smallFont()).height();
    return {
        .margin = 12,
        .line = line,
        .smallLine = smallLine,
        .top = line + 2 * smallLine + 14,
        .header = line + 4,
        .bar = std::max(14, line * 4 / 5),
        .rowGap = 12,
        .bottom = smallLine + 12,
    };
}

QFont TimelineWidget::smallFont() const
{
    QFont small = font();
    if (small.pointSizeF() > 0) {
        small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.9));
    } else {
        small.setPixelSize(std::max(9, small.pixelSize() * 9 / 10));
    }
    return small;
}

QString TimelineWidget::millisecondsToggleText(const Row& row)
{
    return row.millisecondsAsSeconds ? tr("Timestamps in milliseconds are shown as seconds. Show them as they are")
                                     : tr("Show the timestamps in milliseconds as seconds");
}

QRect TimelineWidget::plotRect() const
{
    const Metrics m = metrics();
    const int bottom = std::max(m_contentHeight, height()) - m.bottom;
    return QRect(QPoint(m.margin, m.top), QPoint(width() - m.margin - 1, bottom));
}

double TimelineWidget::xForTime(sys_seconds time) const
{
    const QRect plot = plotRect();
    return plot.left() + inspect::timeFraction(m_range, time) * plot.width();
}

sys_seconds TimelineWidget::timeAtX(double x) const
{
    const QRect plot = plotRect();
    return inspect::timeAtFraction(m_range, plot.width() > 0 ? (x - plot.left()) / plot.width() : 0.0);
}

int TimelineWidget::rowAt(QPoint position) const
{
    for (std::size_t i = 0; i < m_geometry.size(); ++i) {
        if (m_geometry[i].rect.contains(position)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::vector<TimelineWidget::Label> TimelineWidget::placeLabels(const Row& row, int top) const
{
    const QRect plot = plotRect();
    const QFontMetrics fm(smallFont());
    const QString format = markerTimeFormat(m_range.span());
    const QLocale locale;

    // Markers at the same pixel (or pinned to the same edge) share one label.
    struct Group {
        int x;
        int side; // -1 pinned left, 0 in view, 1 pinned right
        std::vector<const inspect::TimelineMarker*> markers;
    };
    std::vector<Group> groups;
    for (const auto& marker : row.layout.markers) {
        const double x = xForTime(marker.time);
        const int side = marker.offAxis ? (marker.time.time_since_epoch().count() < 0 ? -1 : 1)
            : x < plot.left()           ? -1
            : x > plot.right()          ? 1
                                        : 0;
        const int pixel = side < 0 ? plot.left() : side > 0 ? plot.right() : static_cast<int>(std::lround(x));
        const auto same = std::ranges::find_if(
            groups, [&](const Group& g) { return g.side == side && (side != 0 || std::abs(g.x - pixel) <= 1); });
        if (same != groups.end()) {
            same->markers.push_back(&marker);
        } else {
            groups.push_back({pixel, side, {&marker}});
        }
    }

    std::vector<Label> labels;
    for (const Group& group : groups) {
        const inspect::TimelineMarker& first = *group.markers.front();
        // A pinned marker can be years away: its time is as precise as the span from it across the view.
        const seconds reach = group.side < 0 ? m_range.end - first.time
            : group.side > 0                 ? first.time - m_range.start
                                             : m_range.span();
        const QString when = first.offAxis
            ? offAxisDate(first.time)
            : locale.toString(displayTime(first.time, m_utc), group.side == 0 ? format : markerTimeFormat(reach));
        QString text = joinedClaims(group.markers) + QLatin1Char(' ') + when;
        if (group.side < 0) {
            text = QStringLiteral("◂ ") + text;
        } else if (group.side > 0) {
            text += QStringLiteral(" ▸");
        }
        const int width = fm.horizontalAdvance(text);
        int left = group.side < 0 ? plot.left() : group.side > 0 ? plot.right() - width : group.x - width / 2;
        left = std::clamp(left, plot.left(), std::max(plot.left(), plot.right() - width));
        const bool authTime = group.markers.size() == 1 && first.claim == "auth_time";
        labels.push_back({text, QRect(left, top, width, fm.height()), authTime});
    }

    // Lanes: each label goes into the first lane where it does not touch the one before it.
    std::ranges::sort(labels, {}, [](const Label& l) { return l.rect.left(); });
    std::vector<int> laneEnds;
    for (Label& label : labels) {
        std::size_t lane = 0;
        while (lane < laneEnds.size() && label.rect.left() < laneEnds[lane] + kLabelGap) {
            ++lane;
        }
        if (lane == laneEnds.size()) {
            laneEnds.push_back(0);
        }
        laneEnds[lane] = label.rect.right();
        label.rect.moveTop(top + static_cast<int>(lane) * (fm.height() + 2));
    }
    return labels;
}

void TimelineWidget::relayout()
{
    const Metrics m = metrics();
    const int smallLine = m.smallLine + 2;
    const QFontMetrics small(smallFont());
    m_geometry.clear();
    int y = m.top + 4;
    for (const Row& row : m_rows) {
        RowGeometry g;
        const int barTop = y + m.header + 4;
        g.bar = QRect(m.margin, barTop, width() - 2 * m.margin, m.bar);
        g.labels = placeLabels(row, barTop + m.bar + 4);
        int labelBottom = barTop + m.bar + 4;
        for (const Label& label : g.labels) {
            labelBottom = std::max(labelBottom, label.rect.bottom() + 1);
        }
        g.warningTop = labelBottom + 2;
        const int warnings = static_cast<int>(row.summary.warnings.size());
        g.warningLines = std::min(warnings, kMaxWarningLines) + (warnings > kMaxWarningLines ? 1 : 0);
        int bottom = g.warningTop + g.warningLines * smallLine;
        if (hasMilliseconds(row) || row.millisecondsAsSeconds) {
            g.millisecondsToggle
                = QRect(m.margin + 14, bottom, small.horizontalAdvance(millisecondsToggleText(row)), small.height());
            bottom += smallLine;
        }
        g.rect = QRect(0, y, width(), bottom - y + m.rowGap / 2);
        y = bottom + m.rowGap;
        m_geometry.push_back(std::move(g));
    }
    const int contentHeight = y + m.bottom;
    if (contentHeight != m_contentHeight) {
        m_contentHeight = contentHeight;
        updateGeometry();
    }
}

QSize TimelineWidget::sizeHint() const
{
    return {720, std::max(m_contentHeight, 300)};
}

QSize TimelineWidget::minimumSizeHint() const
{
    const Metrics m = metrics();
    return {240, std::max(m_contentHeight, m.top + m.bottom + 4 * m.line)};
}

QString TimelineWidget::toolTipFor(int index) const
{
    const Row& row = m_rows.at(static_cast<std::size_t>(index));
    QStringList lines{QStringLiteral("<b>%1</b>: %2").arg(row.name.toHtmlEscaped(), stateText(index).toHtmlEscaped())};
    for (const auto& marker : row.layout.markers) {
        lines << QStringLiteral("%1 %2").arg(toQString(marker.claim),
                                             marker.offAxis ? toQString(jose::formatUtc(marker.time))
                                                            : formatDateTime(marker.time, m_utc));
    }
    for (const QString& warning : warningTexts(index)) {
        lines << QStringLiteral("⚠ ") + warning.toHtmlEscaped();
    }
    return lines.join(QStringLiteral("<br>"));
}

void TimelineWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    TimelinePainter(*this, painter, m_clockTime).paint();
}

void TimelineWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void TimelineWidget::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() != 0) {
        zoomAround(std::pow(kZoomStep, -delta.y() / 120.0), event->position().x());
    } else if (delta.x() != 0) {
        setVisibleRange(inspect::panTimeRange(
            m_range,
            seconds(std::llround(-delta.x() / 120.0 * kPanStep * static_cast<double>(m_range.span().count())))));
    }
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    for (std::size_t i = 0; i < m_geometry.size(); ++i) {
        if (m_geometry[i].millisecondsToggle.contains(event->position().toPoint())) {
            setMillisecondsAsSeconds(static_cast<int>(i), !m_rows[i].millisecondsAsSeconds);
            return;
        }
    }
    m_dragging = true;
    m_dragStart = event->position().toPoint();
    m_dragRange = m_range;
    setCursor(Qt::ClosedHandCursor);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint position = event->position().toPoint();
    if (m_dragging) {
        const QRect plot = plotRect();
        const double pixels = position.x() - m_dragStart.x();
        const double span = static_cast<double>(m_dragRange.span().count());
        setVisibleRange(
            inspect::panTimeRange(m_dragRange, seconds(std::llround(-pixels / std::max(1, plot.width()) * span))));
        return;
    }
    const bool overToggle = std::ranges::any_of(
        m_geometry, [&](const RowGeometry& g) { return g.millisecondsToggle.contains(position); });
    setCursor(overToggle ? Qt::PointingHandCursor : Qt::OpenHandCursor);
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void TimelineWidget::keyPressEvent(QKeyEvent* event)
{
    const double span = static_cast<double>(m_range.span().count());
    const seconds step(std::llround(kPanStep * span));
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_0:
    case Qt::Key_Home: fitToTokens(); break;
    case Qt::Key_Left: setVisibleRange(inspect::panTimeRange(m_range, -step)); break;
    case Qt::Key_Right: setVisibleRange(inspect::panTimeRange(m_range, step)); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void TimelineWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange) {
        update();
    } else if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange) {
        relayout();
        update();
    }
}

bool TimelineWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos());
        if (row >= 0) {
            QToolTip::showText(help->globalPos(), toolTipFor(row), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace jwtwb::ui
