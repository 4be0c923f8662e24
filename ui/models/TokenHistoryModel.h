#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace jwtwb::ui {

class KeystoreSession;

// The keystore's token history, newest first: issuer, subject, expiry and when each token was seen.
// Empty while the keystore is locked. The tokens themselves stay in the keystore (token()).
class TokenHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Issuer, Subject, Expires, Seen, ColumnCount };

    explicit TokenHistoryModel(KeystoreSession* session, QObject* parent = nullptr);

    [[nodiscard]] QString token(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    void reload();

    struct Row {
        QString issuer;
        QString subject;
        QString expires;
        QString seen;
    };

    KeystoreSession* m_session;
    std::vector<Row> m_rows;
};

} // namespace jwtwb::ui
