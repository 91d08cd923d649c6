#pragma once

#include <QStringList>
#include <QVariantList>

class QSqlQuery;

// The WHERE part of a filtered SELECT: the conditions a filter sets, each with its positional
// value, joined with AND. Values are always bound, never spliced into the SQL.
class SqlWhere
{
public:
    void add(const QString &condition, const QVariant &value);
    // "" when there is no condition, else " WHERE a AND b".
    QString sql() const;
    // Binds the values in order to a query prepared from SQL that contains sql().
    void bindTo(QSqlQuery &query) const;

private:
    QStringList m_conditions;
    QVariantList m_values;
};
