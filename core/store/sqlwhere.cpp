#include "store/sqlwhere.h"

#include <QSqlQuery>

void SqlWhere::add(const QString &condition, const QVariant &value)
{
    m_conditions.append(condition);
    m_values.append(value);
}

QString SqlWhere::sql() const
{
    if (m_conditions.isEmpty())
        return {};
    return QStringLiteral(" WHERE ") + m_conditions.join(QStringLiteral(" AND "));
}

void SqlWhere::bindTo(QSqlQuery &query) const
{
    for (int i = 0; i < m_values.size(); ++i)
        query.bindValue(i, m_values.at(i));
}
