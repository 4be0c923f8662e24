#include "TimelinePainter.h"

#include "support/Convert.h"
#include "support/TimeText.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace jwtwb::ui {
namespace {

using std::chrono::seconds;
using std::chrono::sys_seconds;

// Round to whole pixels without overflowing an int.
int pixel(double x)
{
    return static_cast<int>(std::lround(std::clamp(x, -1e6, 1e6)));
}

QString tickFormat(inspect::TickUnit unit)
{
    switch (unit) {
    case inspect::TickUnit::Second: return QStringLiteral("HH:mm:ss");
    case inspect::TickUnit::Minute:
    case inspect::TickUnit::Hour: return QStringLiteral("HH:mm");
    case inspect::TickUnit::Day: return QStringLiteral("ddd d MMM");
    case inspect::TickUnit::Month: return QStringLiteral("MMM yyyy");
    case inspect::TickUnit::Year: return QStringLiteral("yyyy");
    }
    return {};
}

// The second line under a tick: the date under clock times, the year under days; only where it changes.
QString tickContext(inspect::TickUnit unit, const QDateTime& time, const QDateTime& previous)
{
    switch (unit) {
    case inspect::TickUnit::Second:
    case inspect::TickUnit::Minute:
    case inspect::TickUnit::Hour:
        return previous.isValid() && previous.date() == time.date() ? QString() : formatDate(time.date());
    case inspect::TickUnit::Day:
        return previous.isValid() && previous.date().year() == time.date().year() ? QString()
                                                                                  : QString::number(time.date().year());
    case inspect::TickUnit::Month:
    case inspect::TickUnit::Year: return {};
    }
    return {};
}

// `tint` at kTimelineTintAlpha over `base`, as one solid colour (text backgrounds must match the row's).
QColor tinted(const QColor& base, const QColor& tint)
{
    const double a = kTimelineTintAlpha / 255.0;
    const auto mix = [a](double under, double over) { return static_cast<float>(under * (1 - a) + over * a); };
    return QColor::fromRgbF(mix(base.redF(), tint.redF()), mix(base.greenF(), tint.greenF()),
                            mix(base.blueF(), tint.blueF()));
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace

TimelinePainter::TimelinePainter(const TimelineWidget& widget, QPainter& painter, sys_seconds clock)
    : m_widget(widget)
    , m_painter(painter)
    , m_clock(clock)
    , m_palette(widget.palette())
    , m_colors(timelineColors(widget.palette()))
    , m_metrics(widget.metrics())
    , m_plot(widget.plotRect())
    , m_small(widget.smallFont())
    , m_grid(withAlpha(widget.palette().color(QPalette::Text), 40))
    , m_tinted(tinted(widget.palette().color(QPalette::Base), m_colors.warning))
{ }

QColor TimelinePainter::stateColor(const TimelineColors& colors, jose::LifetimeState state)
{
    switch (state) {
    case jose::LifetimeState::Valid:
    case jose::LifetimeState::NoExpiry: return colors.valid;
    case jose::LifetimeState::ValidWithinLeeway: return colors.leeway;
    case jose::LifetimeState::NotYetValid: return colors.pending;
    case jose::LifetimeState::Expired:
    case jose::LifetimeState::Invalid: return colors.expired;
    }
    return colors.expired;
}

double TimelinePainter::xFor(sys_seconds time) const
{
    return std::clamp(m_widget.xForTime(time), m_plot.left() - 10000.0, m_plot.right() + 10000.0);
}

void TimelinePainter::paint()
{
    m_painter.fillRect(m_widget.rect(), m_palette.color(QPalette::Base));
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    const auto axisTicks = ticks();
    paintGrid(axisTicks);
    const auto rowCount = std::min(m_widget.rows().size(), m_widget.rowGeometry().size());
    for (std::size_t i = 0; i < rowCount; ++i) {
        if (m_widget.rows()[i].layout.suspicious) {
            const QRect& rect = m_widget.rowGeometry()[i].rect;
            m_painter.fillRect(rect, m_tinted);
            m_painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), m_colors.warning);
        }
    }
    // The time lines run behind the rows' bars and text, so that they never cross out a word.
    const TimeLines lines = paintTimeLines();
    paintTickLabels(axisTicks);
    for (std::size_t i = 0; i < rowCount; ++i) {
        paintRow(static_cast<int>(i));
    }
    if (m_widget.rows().empty()) {
        m_painter.setFont(m_widget.font());
        drawText(m_plot, Qt::AlignCenter | Qt::TextWordWrap,
                 TimelineWidget::tr("No tokens yet. Add one with a name, or open one in the decoder, to see its "
                                    "lifetime here."),
                 m_palette.color(QPalette::Text), m_palette.color(QPalette::Base));
    }
    paintTags(lines);
    paintLegend();
    if (m_widget.hasFocus()) {
        m_painter.setPen(QPen(m_palette.color(QPalette::Highlight), 1));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRect(m_widget.rect().adjusted(0, 0, -1, -1));
    }
}

void TimelinePainter::drawText(const QRect& rect, int flags, const QString& text, const QColor& color,
                               const QColor& background)
{
    const QRect bounds = m_painter.fontMetrics().boundingRect(rect, flags, text);
    m_painter.fillRect(bounds.adjusted(-2, 0, 2, 0), background);
    m_painter.setPen(color);
    m_painter.drawText(rect, flags, text);
}

std::vector<inspect::TimelineTick> TimelinePainter::ticks() const
{
    const QFontMetrics fm(m_small);
    const inspect::TimeRange range = m_widget.visibleRange();
    const sys_seconds middle = range.start + range.span() / 2;
    const seconds offset(m_widget.isUtc() ? 0 : displayTime(middle, false).offsetFromUtc());
    const int widest = fm.horizontalAdvance(QStringLiteral("Wed 30 Sep")) + 24;
    return inspect::timelineTicks(range, std::max(2, m_plot.width() / widest), offset);
}

void TimelinePainter::paintGrid(const std::vector<inspect::TimelineTick>& ticks)
{
    const int axisY = m_metrics.top - 2;
    for (const auto& tick : ticks) {
        const int x = pixel(xFor(tick.time));
        m_painter.setPen(QPen(m_grid, 1));
        m_painter.drawLine(x, axisY, x, m_plot.bottom());
        m_painter.setPen(QPen(m_palette.color(QPalette::Text), 1));
        m_painter.drawLine(x, axisY - 4, x, axisY);
    }
    m_painter.setPen(QPen(m_grid, 1));
    m_painter.drawLine(m_plot.left(), axisY, m_plot.right(), axisY);
}

void TimelinePainter::paintTickLabels(const std::vector<inspect::TimelineTick>& ticks)
{
    const QFontMetrics fm(m_small);
    const int labelTop = 2 + m_metrics.line + 6;
    const QLocale locale;
    const QColor text = m_palette.color(QPalette::Text);
    const QColor base = m_palette.color(QPalette::Base);
    m_painter.setFont(m_small);
    QDateTime previous;
    int lastRight = -1000;
    for (const auto& tick : ticks) {
        const int x = pixel(xFor(tick.time));
        const QDateTime shown = displayTime(tick.time, m_widget.isUtc());
        const QString label = locale.toString(shown, tickFormat(tick.unit));
        const QString context = tickContext(tick.unit, shown, previous);
        previous = shown;
        const int width = std::max(fm.horizontalAdvance(label), fm.horizontalAdvance(context));
        const int left = std::clamp(x - width / 2, 2, std::max(2, m_widget.width() - width - 3));
        if (left < lastRight + 6) {
            continue;
        }
        lastRight = left + width;
        drawText(QRect(left, labelTop, width, fm.height()), Qt::AlignHCenter, label, text, base);
        if (!context.isEmpty()) {
            drawText(QRect(left, labelTop + fm.height(), width, fm.height()), Qt::AlignHCenter, context, text, base);
        }
    }
}

void TimelinePainter::paintRow(int index)
{
    const TimelineWidget::Row& row = m_widget.rows()[static_cast<std::size_t>(index)];
    const TimelineWidget::RowGeometry& geometry = m_widget.rowGeometry()[static_cast<std::size_t>(index)];
    const QRect& rect = geometry.rect;
    const int textWidth = m_widget.width() - 2 * m_metrics.margin;
    const QColor background = row.layout.suspicious ? m_tinted : m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);

    // Name, then the state in words.
    QFont bold = m_widget.font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString name = boldMetrics.elidedText(row.name, Qt::ElideRight, textWidth * 2 / 5);
    const QRect header(m_metrics.margin, rect.top() + 2, textWidth, m_metrics.line);
    m_painter.setFont(bold);
    drawText(header, Qt::AlignLeft | Qt::AlignVCenter, name, text, background);
    const int stateLeft = header.left() + boldMetrics.horizontalAdvance(name) + m_metrics.line / 2;
    m_painter.setFont(m_widget.font());
    const QString state = toQString(jose::describeState(row.summary));
    drawText(QRect(stateLeft, header.top(), header.right() - stateLeft, header.height()),
             Qt::AlignLeft | Qt::AlignVCenter,
             m_widget.fontMetrics().elidedText(state, Qt::ElideRight, header.right() - stateLeft),
             stateColor(m_colors, row.summary.state), background);

    paintBar(row, geometry.bar);

    m_painter.setFont(m_small);
    for (const auto& label : geometry.labels) {
        drawText(label.rect, Qt::AlignLeft | Qt::AlignVCenter, label.text, label.authTime ? m_colors.authTime : text,
                 background);
    }

    const QFontMetrics small(m_small);
    const int warningLeft = m_metrics.margin + 14;
    const int warningWidth = m_widget.width() - warningLeft - m_metrics.margin;
    const QStringList warnings = m_widget.warningTexts(index);
    int y = geometry.warningTop;
    for (int i = 0; i < geometry.warningLines; ++i) {
        const bool last = i == TimelineWidget::kMaxWarningLines;
        const QString warning = last
            ? TimelineWidget::tr("… and %n more (hover for all)", nullptr, static_cast<int>(warnings.size()) - i)
            : warnings.at(i);
        drawText(QRect(m_metrics.margin, y, 14, small.height()), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("⚠"),
                 m_colors.warning, background);
        drawText(QRect(warningLeft, y, warningWidth, small.height()), Qt::AlignLeft | Qt::AlignVCenter,
                 small.elidedText(warning, Qt::ElideRight, warningWidth), m_colors.warning, background);
        y += m_metrics.smallLine + 2;
    }
    if (!geometry.millisecondsToggle.isEmpty()) {
        QFont link = m_small;
        link.setUnderline(true);
        m_painter.setFont(link);
        drawText(geometry.millisecondsToggle, Qt::AlignLeft | Qt::AlignVCenter,
                 TimelineWidget::millisecondsToggleText(row), m_palette.color(QPalette::Link), background);
    }
}

void TimelinePainter::paintBar(const TimelineWidget::Row& row, const QRect& bar)
{
    const inspect::TimelineRow& layout = row.layout;
    m_painter.save();
    m_painter.setClipRect(m_plot.adjusted(-1, 0, 1, 0).intersected(bar.adjusted(0, -6, 0, 6)));
    const int middle = bar.center().y();
    m_painter.setPen(QPen(m_grid, 1));
    m_painter.drawLine(m_plot.left(), middle, m_plot.right(), middle);

    const auto band = [&](const std::optional<inspect::TimeRange>& range) {
        if (!range) {
            return;
        }
        const int left = pixel(xFor(range->start));
        const int right = std::max(left + 2, pixel(xFor(range->end)));
        const QRect r(left, bar.top(), right - left, bar.height());
        m_painter.fillRect(r, withAlpha(m_colors.leeway, 70));
        m_painter.fillRect(r, QBrush(m_colors.leeway, Qt::BDiagPattern));
    };
    band(layout.leewayBeforeStart);
    band(layout.leewayAfterEnd);

    if (layout.neverValid) {
        const int a = pixel(xFor(*layout.validUntil));
        const int b = pixel(xFor(*layout.validFrom));
        m_painter.setPen(QPen(m_colors.expired, 2, Qt::DashLine));
        m_painter.drawLine(a, middle, b, middle);
    } else {
        const int left = layout.validFrom ? pixel(xFor(*layout.validFrom)) : m_plot.left() - 2;
        const int right = std::max(left + 2, layout.validUntil ? pixel(xFor(*layout.validUntil)) : m_plot.right() + 2);
        const QRect valid(left, bar.top() + 2, right - left, bar.height() - 4);
        m_painter.fillRect(valid, withAlpha(m_colors.valid, 90));
        m_painter.setPen(QPen(m_colors.valid, 2));
        m_painter.drawLine(valid.topLeft(), valid.topRight());
        m_painter.drawLine(valid.bottomLeft(), valid.bottomRight());
        if (layout.validFrom) {
            m_painter.drawLine(valid.topLeft(), valid.bottomLeft());
        }
        if (layout.validUntil) {
            m_painter.drawLine(valid.topRight(), valid.bottomRight());
        }
    }

    for (const auto& marker : layout.markers) {
        if (marker.offAxis) {
            continue;
        }
        const int x = pixel(xFor(marker.time));
        m_painter.setPen(QPen(marker.claim == "auth_time" ? m_colors.authTime : m_palette.color(QPalette::Text), 2));
        m_painter.drawLine(x, bar.top() - 4, x, bar.bottom() + 4);
    }
    m_painter.restore();
}

QRect TimelinePainter::tagRect(const QString& text, double x, const QFont& font) const
{
    const QFontMetrics fm(font);
    const int width = fm.horizontalAdvance(text) + 12;
    const int left = std::clamp(pixel(x) - width / 2, 0, std::max(0, m_widget.width() - width));
    return {left, 2, width, m_metrics.line};
}

TimelinePainter::TimeLines TimelinePainter::paintTimeLines()
{
    TimeLines lines;
    lines.verification = toSysSeconds(m_widget.verificationTime());
    lines.verificationX = std::clamp(pixel(xFor(lines.verification)), m_plot.left(), m_plot.right());
    lines.showClock = !m_widget.followsClock() && m_clock != lines.verification;
    lines.clockX = std::clamp(pixel(xFor(m_clock)), m_plot.left(), m_plot.right());
    const int top = 2 + m_metrics.line;
    // The clock first, so that the what-if line stays on top where they meet.
    if (lines.showClock) {
        m_painter.setPen(QPen(m_colors.clock, 1, Qt::DashLine));
        m_painter.drawLine(lines.clockX, top, lines.clockX, m_plot.bottom());
    }
    m_painter.setPen(QPen(m_colors.verification, 2));
    m_painter.drawLine(lines.verificationX, top, lines.verificationX, m_plot.bottom());
    return lines;
}

void TimelinePainter::paintTags(const TimeLines& lines)
{
    const bool utc = m_widget.isUtc();
    m_painter.setFont(m_small);
    const QString prefix = m_widget.followsClock() ? TimelineWidget::tr("now") : TimelineWidget::tr("what if");
    const QString text = prefix + QStringLiteral("  ") + formatDateTime(lines.verification, utc);
    const QRect verificationTag = tagRect(text, lines.verificationX, m_small);
    QPainterPath path;
    path.addRoundedRect(verificationTag, 4, 4);
    m_painter.fillPath(path, m_colors.verification);
    m_painter.setPen(m_palette.color(QPalette::Base));
    m_painter.drawText(verificationTag, Qt::AlignCenter, text);
    if (!lines.showClock) {
        return;
    }
    const QString clockText = TimelineWidget::tr("now") + QStringLiteral("  ") + formatDateTime(m_clock, utc);
    QRect tag = tagRect(clockText, lines.clockX, m_small);
    if (tag.intersects(verificationTag)) {
        // Beside the what-if tag, on the side where the clock is.
        tag.moveLeft(lines.clockX < lines.verificationX ? verificationTag.left() - tag.width() - 6
                                                        : verificationTag.right() + 7);
    }
    if (tag.left() >= 0 && tag.right() < m_widget.width()) {
        m_painter.setPen(QPen(m_colors.clock, 1));
        m_painter.setBrush(m_palette.color(QPalette::Base));
        m_painter.drawRoundedRect(tag, 4, 4);
        m_painter.drawText(tag, Qt::AlignCenter, clockText);
    }
}

void TimelinePainter::paintLegend()
{
    const QFontMetrics fm(m_small);
    const int top = m_plot.bottom() + 6;
    const int height = fm.height();
    m_painter.setFont(m_small);
    int x = m_metrics.margin;
    const auto item = [&](const QString& text, const auto& drawSwatch) {
        const QRect swatch(x, top + 2, 22, height - 4);
        drawSwatch(swatch);
        x = swatch.right() + 6;
        m_painter.setPen(m_palette.color(QPalette::Text));
        const int width = fm.horizontalAdvance(text);
        m_painter.drawText(QRect(x, top, width, height), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += width + 18;
    };
    item(TimelineWidget::tr("valid"), [&](const QRect& r) {
        m_painter.fillRect(r, withAlpha(m_colors.valid, 90));
        m_painter.setPen(QPen(m_colors.valid, 2));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRect(r);
    });
    item(TimelineWidget::tr("leeway"), [&](const QRect& r) {
        m_painter.fillRect(r, withAlpha(m_colors.leeway, 70));
        m_painter.fillRect(r, QBrush(m_colors.leeway, Qt::BDiagPattern));
    });
    item(TimelineWidget::tr("verification time"), [&](const QRect& r) {
        m_painter.setPen(QPen(m_colors.verification, 2));
        m_painter.drawLine(r.center().x(), r.top() - 2, r.center().x(), r.bottom() + 2);
    });
    const QString zone
        = TimelineWidget::tr("Times in %1")
              .arg(m_widget.isUtc() ? QStringLiteral("UTC")
                                    : TimelineWidget::tr("local time (%1)")
                                          .arg(zoneName(toSysSeconds(m_widget.verificationTime()), false)));
    const int zoneWidth = fm.horizontalAdvance(zone);
    if (x + zoneWidth < m_widget.width() - m_metrics.margin) {
        m_painter.setPen(m_palette.color(QPalette::Text));
        m_painter.drawText(QRect(m_widget.width() - m_metrics.margin - zoneWidth, top, zoneWidth, height),
                           Qt::AlignRight | Qt::AlignVCenter, zone);
    }
}

} // namespace jwtwb::ui
