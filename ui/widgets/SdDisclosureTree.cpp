#include "SdDisclosureTree.h"

#include "support/Convert.h"

#include <QHeaderView>

namespace jwtwb::ui {
namespace {

constexpr int kPathRole = Qt::UserRole;

QString pointerStep(const QString& name)
{
    QString step = name;
    return step.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1"));
}

QString valueText(const encoding::Json& value)
{
    if (value.is_object()) {
        return SdDisclosureTree::tr("object, %n member(s)", nullptr, static_cast<int>(value.size()));
    }
    if (value.is_array()) {
        return SdDisclosureTree::tr("array, %n element(s)", nullptr, static_cast<int>(value.size()));
    }
    QString text = toQString(encoding::toCompactJson(value));
    if (text.size() > 60) {
        text = text.left(59) + QChar(0x2026);
    }
    return text;
}

} // namespace

SdDisclosureTree::SdDisclosureTree(QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("sdDisclosureTree"));
    setColumnCount(2);
    setHeaderLabels({tr("Claim (ticked: selectively disclosable)"), tr("Value")});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    connect(this, &QTreeWidget::itemChanged, this, &SdDisclosureTree::itemToggled);
}

QString SdDisclosureTree::keptVisibleReason(const QString& name)
{
    static const QStringList validity{QStringLiteral("iss"),   QStringLiteral("nbf"), QStringLiteral("exp"),
                                      QStringLiteral("cnf"),   QStringLiteral("vct"), QStringLiteral("vct#integrity"),
                                      QStringLiteral("status")};
    if (validity.contains(name)) {
        return tr("Stays in the clear: a verifier needs \"%1\" to decide whether to accept the token at all "
                  "(RFC 9901, SD-JWT VC).")
            .arg(name);
    }
    if (name == QLatin1String("_sd_alg") || name == QLatin1String("_sd") || name == QLatin1String("...")) {
        return tr("\"%1\" is part of the SD-JWT's own structure and is never disclosed.").arg(name);
    }
    return {};
}

void SdDisclosureTree::setPayload(const std::optional<encoding::Json>& payload)
{
    if (payload == m_payload) {
        return;
    }
    m_payload = payload;
    m_building = true;
    clear();
    if (m_payload && m_payload->is_object()) {
        addMembers(nullptr, *m_payload, QString());
    }
    expandAll();
    m_building = false;
}

void SdDisclosureTree::addMembers(QTreeWidgetItem* parent, const encoding::Json& value, const QString& path)
{
    const QString prefix = path.isEmpty() ? QString() : path + QLatin1Char('/');
    if (value.is_object()) {
        for (const auto& [name, member] : value.items()) {
            const QString qName = toQString(name);
            auto* item = addItem(parent, qName, prefix + pointerStep(qName), member);
            const QString reason = parent ? QString() : keptVisibleReason(qName);
            if (!reason.isEmpty()) {
                // Not greyed out: disabled text is too faint to read, and these claims matter.
                item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
                item->setData(0, Qt::CheckStateRole, QVariant());
                item->setText(0, tr("%1 (in the clear)").arg(qName));
                item->setToolTip(0, reason);
                item->setToolTip(1, reason);
                continue; // nor what it holds
            }
            addMembers(item, member, item->data(0, kPathRole).toString());
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            const QString index = QString::number(i);
            auto* item = addItem(parent, QStringLiteral("[%1]").arg(index), prefix + index, value[i]);
            addMembers(item, value[i], item->data(0, kPathRole).toString());
        }
    }
}

QTreeWidgetItem* SdDisclosureTree::addItem(QTreeWidgetItem* parent, const QString& label, const QString& path,
                                           const encoding::Json& value)
{
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
    item->setText(0, label);
    item->setText(1, valueText(value));
    item->setData(0, kPathRole, path);
    item->setToolTip(0, path);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(0, m_checked.contains(path) ? Qt::Checked : Qt::Unchecked);
    return item;
}

void SdDisclosureTree::itemToggled(QTreeWidgetItem* item, int column)
{
    if (m_building || column != 0 || !(item->flags() & Qt::ItemIsUserCheckable)) {
        return;
    }
    const QString path = item->data(0, kPathRole).toString();
    const bool checked = item->checkState(0) == Qt::Checked;
    if (checked == m_checked.contains(path)) {
        return;
    }
    if (checked) {
        m_checked.insert(path);
    } else {
        m_checked.remove(path);
    }
    emit checkedPathsChanged();
}

QStringList SdDisclosureTree::checkedPaths() const
{
    QStringList paths;
    for (QTreeWidgetItemIterator it(const_cast<SdDisclosureTree*>(this)); *it; ++it) {
        if ((*it)->checkState(0) == Qt::Checked && ((*it)->flags() & Qt::ItemIsUserCheckable)) {
            paths << (*it)->data(0, kPathRole).toString();
        }
    }
    return paths;
}

QStringList SdDisclosureTree::rememberedPaths() const
{
    QStringList paths(m_checked.begin(), m_checked.end());
    paths.sort();
    return paths;
}

void SdDisclosureTree::setCheckedPaths(const QStringList& paths)
{
    m_checked = QSet<QString>(paths.begin(), paths.end());
    m_building = true;
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->flags() & Qt::ItemIsUserCheckable) {
            (*it)->setCheckState(
                0, m_checked.contains((*it)->data(0, kPathRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_building = false;
    emit checkedPathsChanged();
}

QTreeWidgetItem* SdDisclosureTree::itemForPath(const QString& path) const
{
    for (QTreeWidgetItemIterator it(const_cast<SdDisclosureTree*>(this)); *it; ++it) {
        if ((*it)->data(0, kPathRole).toString() == path) {
            return *it;
        }
    }
    return nullptr;
}

} // namespace jwtwb::ui
