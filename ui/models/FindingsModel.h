#pragma once

#include "inspect/Lint.h"

#include <QAbstractItemModel>

#include <vector>

namespace jwtwb::ui {

// The lint findings as a tree: one row per finding (severity icon and colour, title, where), with
// one child row that holds its explanation and reference, shown when the row is expanded.
class FindingsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { CodeRole = Qt::UserRole + 1, SeverityRole };

    explicit FindingsModel(QObject* parent = nullptr);

    // `codes`, where given and not empty, replaces a finding's lint code: an SD-JWT's findings are
    // not lint's ("ERR_SDJWT_DIGEST_DUPLICATE").
    void setFindings(std::vector<inspect::Finding> findings, std::vector<QString> codes = {});
    [[nodiscard]] const std::vector<inspect::Finding>& findings() const { return m_findings; }
    [[nodiscard]] const std::vector<QString>& codes() const { return m_codes; }

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex& child) const override;
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<inspect::Finding> m_findings;
    std::vector<QString> m_codes;
};

} // namespace jwtwb::ui
