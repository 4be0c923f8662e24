#pragma once

class QComboBox;
class QWidget;

namespace jwtwb::ui {

// An editable choice of HTTP method (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS; any other may be
// typed), for a DPoP proof's htm. Its line edit is made with it, so that the two stay next to each
// other in the focus chain (a line edit made later lands elsewhere, and Qt 6.4's setTabOrder then
// splits the chain).
[[nodiscard]] QComboBox* makeHttpMethodCombo(QWidget* parent);

} // namespace jwtwb::ui
