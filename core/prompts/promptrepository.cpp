#include "prompts/promptrepository.h"

#include "prompts/promptslog.h"
#include "prompts/templaterenderer.h"
#include "store/promptstore.h"

#include <QDateTime>
#include <QFile>

namespace {

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcPrompts) << "missing prompt resource" << path;
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

QString PromptRepository::agentPromptName()
{
    return QStringLiteral("voiceai-agent");
}

PromptRepository::PromptRepository(PromptStore *store)
    : m_store(store)
{}

QString PromptRepository::builtInSystemPrompt()
{
    return readResource(QStringLiteral(":/prompts/voiceai-agent.v1.md"));
}

QString PromptRepository::builtInContextTemplate()
{
    return readResource(QStringLiteral(":/prompts/voiceai-agent.v1.context.md"));
}

bool PromptRepository::ensureSeeded(QString *error)
{
    if (!m_store) {
        setError(error, QStringLiteral("no prompt store"));
        return false;
    }
    if (m_store->latest(agentPromptName()))
        return true;
    PromptVersion seed;
    seed.name = agentPromptName();
    seed.body = builtInSystemPrompt();
    seed.contextTemplate = builtInContextTemplate();
    seed.createdAt = QDateTime::currentDateTimeUtc();
    seed.author = QStringLiteral("system");
    seed.note = QStringLiteral("Shipped version 1");
    if (seed.body.isEmpty() || seed.contextTemplate.isEmpty()) {
        setError(error, QStringLiteral("the shipped prompt resources are missing"));
        return false;
    }
    const int version = addVersion(seed, error);
    if (version < 0)
        return false;
    qCInfo(lcPrompts) << "seeded prompt" << seed.name << "version" << version;
    return true;
}

std::optional<PromptVersion> PromptRepository::latest(const QString &name) const
{
    return m_store ? m_store->latest(name) : std::nullopt;
}

std::optional<PromptVersion> PromptRepository::version(const QString &name, int version) const
{
    return m_store ? m_store->version(name, version) : std::nullopt;
}

std::optional<PromptVersion> PromptRepository::resolve(const QString &name, int version,
                                                       QString *error) const
{
    std::optional<PromptVersion> found = version > 0 ? this->version(name, version) : latest(name);
    if (!found) {
        setError(error,
                 version > 0
                     ? QStringLiteral("prompt \"%1\" has no version %2").arg(name).arg(version)
                     : QStringLiteral("prompt \"%1\" has no versions").arg(name));
    }
    return found;
}

QList<PromptVersion> PromptRepository::versions(const QString &name) const
{
    return m_store ? m_store->versions(name) : QList<PromptVersion>{};
}

int PromptRepository::addVersion(const PromptVersion &prompt, QString *error)
{
    if (!m_store) {
        setError(error, QStringLiteral("no prompt store"));
        return -1;
    }
    if (prompt.name.trimmed().isEmpty()) {
        setError(error, QStringLiteral("prompt name is empty"));
        return -1;
    }
    if (prompt.body.trimmed().isEmpty()) {
        setError(error,
                 QStringLiteral("prompt \"%1\": the system prompt is empty").arg(prompt.name));
        return -1;
    }
    const QList<TemplateError> problems = TemplateRenderer().validate(prompt.contextTemplate);
    if (!problems.isEmpty()) {
        setError(error, QStringLiteral("prompt \"%1\": context template: %2")
                            .arg(prompt.name, problems.first().message));
        return -1;
    }
    PromptVersion copy = prompt;
    copy.version = 0; // the store numbers versions; an existing one is never overwritten
    if (!copy.createdAt.isValid())
        copy.createdAt = QDateTime::currentDateTimeUtc();
    const int version = m_store->addVersion(copy);
    if (version < 0)
        setError(error, QStringLiteral("could not store prompt \"%1\": %2")
                            .arg(prompt.name, m_store->lastError()));
    return version;
}

std::optional<QString> PromptRepository::renderContext(const PromptVersion &prompt,
                                                       const QJsonObject &context, QString *error)
{
    TemplateError problem;
    std::optional<QString> text =
        TemplateRenderer().renderContext(prompt.contextTemplate, context, &problem);
    if (!text) {
        setError(error, QStringLiteral("prompt \"%1\" version %2: context template: %3")
                            .arg(prompt.name)
                            .arg(prompt.version)
                            .arg(problem.message));
    }
    return text;
}
