#include "TabOrder.h"

#include <QList>
#include <QTabWidget>
#include <QWidget>

namespace jwtwb::ui {
namespace {

// The Tab stops among `root` and its descendants, in their present focus-chain order: the widgets
// that take focus themselves (a spin box's line edit, not the spin box).
QList<QWidget*> tabStops(QWidget* root)
{
    QList<QWidget*> stops;
    QWidget* widget = root;
    do {
        if ((widget == root || root->isAncestorOf(widget)) && (widget->focusPolicy() & Qt::TabFocus)
            && widget->focusProxy() == nullptr) {
            stops.append(widget);
        }
        widget = widget->nextInFocusChain();
    } while (widget != root);
    return stops;
}

// The compound widget `stop` is the focus proxy of (a spin box for its line edit), or null.
QWidget* compoundOf(QWidget* stop)
{
    QWidget* compound = nullptr;
    for (QWidget* up = stop->parentWidget(); up != nullptr && !up->isWindow(); up = up->parentWidget()) {
        QWidget* proxy = up->focusProxy();
        while (proxy != nullptr && proxy->focusProxy() != nullptr) {
            proxy = proxy->focusProxy();
        }
        if (proxy == stop) {
            compound = up;
        }
    }
    return compound;
}

} // namespace

void chainTabOrder(std::initializer_list<QWidget*> widgets)
{
    QList<QWidget*> stops;
    for (QWidget* widget : widgets) {
        for (QWidget* stop : tabStops(widget)) {
            if (!stops.contains(stop)) {
                stops.append(stop);
            }
        }
    }
    for (qsizetype i = 1; i < stops.size(); ++i) {
        QWidget* second = stops[i];
        // Focus that lands on a compound widget goes to its proxy, so the two must stay together:
        // the compound is moved, and Qt moves its proxy and parts with it. A tab widget's bar stays
        // where the tab widget was made (its pages are listed after it and moved behind the bar).
        if (QWidget* compound = compoundOf(second)) {
            if (qobject_cast<QTabWidget*>(compound) != nullptr) {
                continue;
            }
            second = compound;
        }
        QWidget::setTabOrder(stops[i - 1], second);
    }
}

} // namespace jwtwb::ui
