#pragma once

#include <QProxyStyle>

namespace jwtwb::ui {

// Fusion draws the frame of a check box and a radio button in the window colour darkened. On our
// dark palette that is almost the colour behind it, so an unchecked box in a menu or a dialog does
// not show; on the light one it is a pale grey (1.9:1 on white). This draws those frames in a grey
// that reaches 3:1, WCAG's contrast for the edge of a control, on either palette.
class IndicatorStyle : public QProxyStyle
{
    Q_OBJECT

public:
    explicit IndicatorStyle(QStyle* base);

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
};

} // namespace jwtwb::ui
