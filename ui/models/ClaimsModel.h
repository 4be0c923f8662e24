#pragma once

#include "encoding/Json.h"

#include <QAbstractTableModel>

#include <chrono>
#include <vector>

namespace jwtwb::ui {

// One row per claim of the payload, in the token's order: name, value, and what it means; time
// claims also as relative time, local time and UTC. Unknown claims are shown, without a meaning.
class ClaimsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Value, Relative, LocalTime, Utc, Meaning, ColumnCount };

    explicit ClaimsModel(QObject* parent = nullptr);

    // The payload (anything: only a JSON object has claims) and the instant "relative" refers to.
    void setClaims(const encoding::Json& payload, std::chrono::sys_seconds now);
    void setNow(std::chrono::sys_seconds now); // only the relative times change

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString name;
        QString value;
        QString fullValue;
        QString meaning;
        QString source;
        bool isTime = false;
        std::chrono::sys_seconds time{};
        QString problem; // a time claim that is no NumericDate, or looks like milliseconds
        bool milliseconds = false;
        std::chrono::sys_seconds asMilliseconds{};
    };

    [[nodiscard]] QString relative(const Row& row) const;

    std::vector<Row> m_rows;
    std::chrono::sys_seconds m_now{};
};

} // namespace jwtwb::ui
