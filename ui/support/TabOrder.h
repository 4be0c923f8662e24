#pragma once

#include <initializer_list>

class QWidget;

namespace jwtwb::ui {

// Tab visits `widgets` in this order. A container stands for the widgets under it that take focus,
// kept in their own order, so a page lists its parts in reading order and each part orders its
// own fields. A compound widget (a spin box, a SecretField) moves with its parts. A tab widget's
// bar stays where the tab widget was made, so list a tab widget where it already comes in the
// chain (made after what precedes it) and its pages after it. Call it where the layout is built,
// after the parts exist. (Qt 6.6's QWidget::setTabOrder for a list does not expand containers.)
void chainTabOrder(std::initializer_list<QWidget*> widgets);

} // namespace jwtwb::ui
