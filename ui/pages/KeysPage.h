#pragma once

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace jwtwb::keys {
class Keystore;
}

namespace jwtwb::ui {

class JsonView;
class KeyListModel;

// The keystore: unlock with the passphrase, a filterable list of the keys, and the selected
// key's public JWK and thumbprint. (First part of issue 6: generate, import, export, delete and
// the idle lock come next.)
class KeysPage : public QWidget
{
    Q_OBJECT

public:
    explicit KeysPage(QString keystorePath, QWidget* parent = nullptr);
    ~KeysPage() override;

    [[nodiscard]] bool isUnlocked() const;
    [[nodiscard]] KeyListModel* model() const { return m_model; }

public slots:
    void lock();

signals:
    void statusMessage(const QString& message);
    void lockedChanged(bool locked);

private:
    void unlock();
    void showDetails();

    QString m_path;
    std::unique_ptr<keys::Keystore> m_keystore;
    KeyListModel* m_model;
    QSortFilterProxyModel* m_filter;
    QStackedWidget* m_stack;
    QLabel* m_lockedLabel;
    QLineEdit* m_passphraseEdit;
    QPushButton* m_unlockButton;
    QLabel* m_errorLabel;
    QLineEdit* m_filterEdit;
    QTreeView* m_view;
    JsonView* m_details;
    QLabel* m_thumbprintLabel;
    QPushButton* m_lockButton;
};

} // namespace jwtwb::ui
