#pragma once

#include <QSortFilterProxyModel>

// Orders the wallboard riskiest first (then longest-running) unless the user sorts by a column,
// and filters by free text over customer, campaign and purpose and by "show ended calls".
class RiskSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskSortProxy)

public:
    explicit RiskSortProxy(QObject *parent = nullptr);

    void setShowEnded(bool show);
    bool showEnded() const { return m_showEnded; }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_showEnded = true;
    QString m_text;
};
