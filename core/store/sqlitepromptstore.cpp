#include "store/sqlitepromptstore.h"

#include "store/sqlvalues.h"
#include "store/storedatabase.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString labelsToJson(const QStringList &labels)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(labels)).toJson(QJsonDocument::Compact));
}

QStringList labelsFromJson(const QString &text)
{
    QStringList labels;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        labels.append(value.toString());
    return labels;
}

} // namespace

SqlitePromptStore::SqlitePromptStore(const StoreDatabase &db)
    : m_db(db)
{}

QString SqlitePromptStore::lastError() const
{
    return m_db.lastError();
}

QList<PromptVersion> SqlitePromptStore::select(const QString &where,
                                               const QVariantList &values) const
{
    QList<PromptVersion> result;
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT name, version, body, context_template, created_at, author, note,"
                       " labels FROM prompt_versions WHERE %1")
            .arg(where));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        m_db.fail(q, QStringLiteral("cannot read prompt versions"));
        return result;
    }
    while (q.next()) {
        PromptVersion p;
        p.name = q.value(0).toString();
        p.version = q.value(1).toInt();
        p.body = q.value(2).toString();
        p.contextTemplate = q.value(3).toString();
        p.createdAt = SqlValues::toTime(q.value(4));
        p.author = q.value(5).toString();
        p.note = q.value(6).toString();
        p.labels = labelsFromJson(q.value(7).toString());
        result.append(p);
    }
    q.finish();
    return result;
}

std::optional<PromptVersion> SqlitePromptStore::latest(const QString &name) const
{
    const auto found = select(QStringLiteral("name = ? ORDER BY version DESC LIMIT 1"), {name});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<PromptVersion> SqlitePromptStore::version(const QString &name, int version) const
{
    const auto found = select(QStringLiteral("name = ? AND version = ?"), {name, version});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

std::optional<PromptVersion> SqlitePromptStore::labelled(const QString &name,
                                                         const QString &label) const
{
    const auto found = select(QStringLiteral("name = ? AND EXISTS (SELECT 1 FROM"
                                             " json_each(labels) WHERE value = ?)"
                                             " ORDER BY version DESC LIMIT 1"),
                              {name, label});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<PromptVersion> SqlitePromptStore::versions(const QString &name) const
{
    return select(QStringLiteral("name = ? ORDER BY version"), {name});
}

QStringList SqlitePromptStore::promptNames() const
{
    QStringList names;
    QSqlQuery q(m_db.database());
    if (!q.exec(QStringLiteral("SELECT DISTINCT name FROM prompt_versions ORDER BY name"))) {
        m_db.fail(q, QStringLiteral("cannot list prompts"));
        return names;
    }
    while (q.next())
        names.append(q.value(0).toString());
    return names;
}

int SqlitePromptStore::addVersion(const PromptVersion &prompt)
{
    if (prompt.name.trimmed().isEmpty()) {
        m_db.setError(QStringLiteral("a prompt needs a name"));
        return -1;
    }
    if (!m_db.beginWrite())
        return -1;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral(
        "INSERT INTO prompt_versions (name, version, body, context_template, created_at, author,"
        " note, labels) SELECT ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?, ?"
        " FROM prompt_versions WHERE name = ?"));
    q.addBindValue(prompt.name);
    q.addBindValue(SqlValues::text(prompt.body));
    q.addBindValue(SqlValues::text(prompt.contextTemplate));
    q.addBindValue(SqlValues::fromTime(
        prompt.createdAt.isValid() ? prompt.createdAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(SqlValues::text(prompt.author));
    q.addBindValue(SqlValues::text(prompt.note));
    q.addBindValue(labelsToJson(prompt.labels));
    q.addBindValue(prompt.name);
    if (!q.exec()) {
        m_db.fail(q, QStringLiteral("cannot add a version of prompt %1").arg(prompt.name));
        m_db.rollback();
        return -1;
    }
    q.prepare(QStringLiteral("SELECT max(version) FROM prompt_versions WHERE name = ?"));
    q.addBindValue(prompt.name);
    if (!q.exec() || !q.next()) {
        m_db.fail(q, QStringLiteral("cannot add a version of prompt %1").arg(prompt.name));
        m_db.rollback();
        return -1;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (!prompt.labels.isEmpty() && !applyLabels(prompt.name, version, prompt.labels)) {
        m_db.rollback();
        return -1;
    }
    return m_db.commit() ? version : -1;
}

bool SqlitePromptStore::setLabels(const QString &name, int version, const QStringList &labels)
{
    if (!m_db.beginWrite())
        return false;
    if (!applyLabels(name, version, labels)) {
        m_db.rollback();
        return false;
    }
    return m_db.commit();
}

bool SqlitePromptStore::applyLabels(const QString &name, int version, const QStringList &labels)
{
    QList<PromptVersion> all = versions(name);
    bool found = false;
    for (const PromptVersion &p : std::as_const(all))
        found = found || p.version == version;
    if (!found) {
        m_db.setError(QStringLiteral("prompt %1 has no version %2").arg(name).arg(version));
        return false;
    }
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("UPDATE prompt_versions SET labels = ? WHERE name = ? AND version = ?"));
    for (const PromptVersion &p : std::as_const(all)) {
        QStringList newLabels;
        if (p.version == version) {
            newLabels = labels;
            newLabels.removeDuplicates();
        } else {
            newLabels = p.labels;
            for (const QString &label : labels)
                newLabels.removeAll(label);
        }
        if (newLabels == p.labels)
            continue;
        q.bindValue(0, labelsToJson(newLabels));
        q.bindValue(1, name);
        q.bindValue(2, p.version);
        if (!q.exec())
            return m_db.fail(q, QStringLiteral("cannot label prompt %1").arg(name));
    }
    return true;
}
