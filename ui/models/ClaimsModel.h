#pragma once

#include "encoding/Json.h"

#include <QAbstractTableModel>

#include <chrono>
#include <vector>

namespace jwtwb::sdjwt {
struct SdJwt;
}

namespace jwtwb::ui {

// One row per claim of the payload, in the token's order: name, value, and what it means; time
// claims also as relative time, local time and UTC. Unknown claims are shown, without a meaning.
// An SD-JWT's claims are those its disclosures reveal, each marked always visible or selectively
// disclosed (with the disclosure's salt and digest); what is disclosed inside a claim (an address
// field, an array element) gets a row of its own, named by its path ("nationalities/0").
class ClaimsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // The SD-JWT columns come last (ClaimsView shows them right after the value).
    enum Column { Name, Value, Relative, LocalTime, Utc, Meaning, Disclosure, Salt, Digest, ColumnCount };
    enum Roles { DisclosedRole = Qt::UserRole + 1 }; // bool: the row's claim is selectively disclosed

    explicit ClaimsModel(QObject* parent = nullptr);

    // The payload (anything: only a JSON object has claims) and the instant "relative" refers to.
    void setClaims(const encoding::Json& payload, std::chrono::sys_seconds now);
    // The processed claims of an SD-JWT (sdjwt::SdJwt::processed), with their disclosures.
    void setSdJwt(const sdjwt::SdJwt& sdJwt, std::chrono::sys_seconds now);
    void setNow(std::chrono::sys_seconds now); // only the relative times change
    // Whether the claims are an SD-JWT's: the Disclosure, Salt and Digest columns mean something.
    [[nodiscard]] bool isSdJwt() const { return m_sdJwt; }
    // An SD-JWT's digests that no disclosure matches (decoys included); 0 for anything else.
    [[nodiscard]] std::size_t undisclosed() const { return m_undisclosed; }

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
        bool disclosed = false;
        QString salt;
        QString digest;
        bool isTime = false;
        std::chrono::sys_seconds time{};
        QString problem; // a time claim that is no NumericDate, or looks like milliseconds
        bool milliseconds = false;
        std::chrono::sys_seconds asMilliseconds{};
    };

    [[nodiscard]] QString relative(const Row& row) const;
    [[nodiscard]] static Row makeRow(const std::string& name, const encoding::Json& value, bool registered);

    std::vector<Row> m_rows;
    std::chrono::sys_seconds m_now{};
    bool m_sdJwt = false;
    std::size_t m_undisclosed = 0;
};

} // namespace jwtwb::ui
