#include "risksortproxy.h"

#include "callstablemodel.h"

RiskSortProxy::RiskSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CallsTableModel::SortRole);
    // Rows move as risk changes; re-sorting on every dataChanged keeps the worst call on top.
    setDynamicSortFilter(true);
}

void RiskSortProxy::setShowEnded(bool show)
{
    if (show == m_showEnded)
        return;
    m_showEnded = show;
    invalidateFilter();
}

void RiskSortProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool RiskSortProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    if (!m_showEnded && first.data(CallsTableModel::EndedRole).toBool())
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : {CallsTableModel::Customer, CallsTableModel::Campaign,
                       CallsTableModel::Purpose, CallsTableModel::Supervisor}) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool RiskSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == CallsTableModel::Risk) {
        const int a = left.data(CallsTableModel::RiskScoreRole).toInt();
        const int b = right.data(CallsTableModel::RiskScoreRole).toInt();
        if (a != b)
            return a < b;
        // Equal risk: ended calls sink, then the longer call counts as riskier.
        const bool endedA = left.data(CallsTableModel::EndedRole).toBool();
        const bool endedB = right.data(CallsTableModel::EndedRole).toBool();
        if (endedA != endedB)
            return endedA;
        const QAbstractItemModel *m = sourceModel();
        return m->index(left.row(), CallsTableModel::Duration)
                   .data(CallsTableModel::SortRole)
                   .toLongLong() < m->index(right.row(), CallsTableModel::Duration)
                                       .data(CallsTableModel::SortRole)
                                       .toLongLong();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
