#pragma once

#include "encoding/Json.h"

#include <QSet>
#include <QStringList>
#include <QTreeWidget>

#include <optional>

namespace jwtwb::ui {

// The claims of an SD-JWT's payload and their array elements, nested as in the JSON, each with a
// "selectively disclosable" checkbox. Paths as core's IssueOptions::disclose takes them:
// "address/street_address", "nationalities/0". Claims a verifier needs in the clear to process the
// token at all (iss, exp, nbf, cnf, vct, status, _sd_alg …) cannot be ticked, and say why. Ticks
// survive edits of the payload: a claim renamed back is ticked again.
class SdDisclosureTree : public QTreeWidget
{
    Q_OBJECT

public:
    explicit SdDisclosureTree(QWidget* parent = nullptr);

    // Rebuilds the tree when the payload differs from the one shown.
    void setPayload(const std::optional<encoding::Json>& payload);
    // The ticked paths that the payload has, in document order.
    [[nodiscard]] QStringList checkedPaths() const;
    // Every path ticked so far, also those the payload has no longer (for the drafts).
    [[nodiscard]] QStringList rememberedPaths() const;
    void setCheckedPaths(const QStringList& paths);
    [[nodiscard]] QTreeWidgetItem* itemForPath(const QString& path) const;
    // A top-level claim that stays in the clear, with the reason; "" for any other.
    [[nodiscard]] static QString keptVisibleReason(const QString& name);

signals:
    void checkedPathsChanged();

private:
    void addMembers(QTreeWidgetItem* parent, const encoding::Json& value, const QString& path);
    QTreeWidgetItem* addItem(QTreeWidgetItem* parent, const QString& label, const QString& path,
                             const encoding::Json& value);
    void itemToggled(QTreeWidgetItem* item, int column);

    std::optional<encoding::Json> m_payload;
    QSet<QString> m_checked;
    bool m_building = false;
};

} // namespace jwtwb::ui
