#include "calls/scenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

// Reads typed fields of one JSON object and names the first bad one as "<path>.<key>: ...".
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    {}

    bool ok() const { return m_ok; }
    QString field(const QString &key) const { return m_path + QLatin1Char('.') + key; }

    void fail(const QString &key, const QString &problem)
    {
        if (!m_ok)
            return;
        m_ok = false;
        *m_error = field(key) + QStringLiteral(": ") + problem;
    }

    void rejectUnknown(const QStringList &known)
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!known.contains(it.key()))
                fail(it.key(), QStringLiteral("unknown field"));
        }
    }

    bool has(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        return !value.isUndefined() && !value.isNull();
    }

    void string(const QString &key, QString *target, bool required = false)
    {
        if (!m_ok)
            return;
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(key, QStringLiteral("required, a string"));
            return;
        }
        if (!value.isString())
            return fail(key, QStringLiteral("expected a string"));
        *target = value.toString();
    }

    void oneOf(const QString &key, QString *target, const QStringList &allowed)
    {
        QString value = *target;
        string(key, &value);
        if (!m_ok)
            return;
        if (!allowed.contains(value))
            return fail(
                key, QStringLiteral("expected one of %1").arg(allowed.join(QStringLiteral(", "))));
        *target = value;
    }

    void boolean(const QString &key, bool *target)
    {
        if (!m_ok || !has(key))
            return;
        const QJsonValue value = m_object.value(key);
        if (!value.isBool())
            return fail(key, QStringLiteral("expected true or false"));
        *target = value.toBool();
    }

    void number(const QString &key, double *target, double minimum)
    {
        if (!m_ok || !has(key))
            return;
        const QJsonValue value = m_object.value(key);
        if (!value.isDouble())
            return fail(key, QStringLiteral("expected a number"));
        if (value.toDouble() < minimum)
            return fail(key, QStringLiteral("must be at least %1").arg(minimum));
        *target = value.toDouble();
    }

    template<typename Int>
    void integer(const QString &key, Int *target, qint64 minimum)
    {
        if (!m_ok || !has(key))
            return;
        const QJsonValue value = m_object.value(key);
        const double number = value.toDouble();
        if (!value.isDouble() || number != static_cast<double>(static_cast<qint64>(number)))
            return fail(key, QStringLiteral("expected a whole number"));
        if (static_cast<qint64>(number) < minimum)
            return fail(key, QStringLiteral("must be at least %1").arg(minimum));
        *target = static_cast<Int>(number);
    }

    void stringList(const QString &key, QStringList *target)
    {
        if (!m_ok || !has(key))
            return;
        const QJsonValue value = m_object.value(key);
        if (!value.isArray())
            return fail(key, QStringLiteral("expected an array of strings"));
        const QJsonArray array = value.toArray();
        QStringList list;
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                return fail(QStringLiteral("%1[%2]").arg(key).arg(i),
                            QStringLiteral("expected a string"));
            list.append(array.at(i).toString());
        }
        *target = list;
    }

    // The nested object at `key`, or an empty object (after failing) if it is not one.
    QJsonObject object(const QString &key, bool required = false)
    {
        if (!m_ok)
            return {};
        if (!has(key)) {
            if (required)
                fail(key, QStringLiteral("required, an object"));
            return {};
        }
        const QJsonValue value = m_object.value(key);
        if (!value.isObject()) {
            fail(key, QStringLiteral("expected an object"));
            return {};
        }
        return value.toObject();
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    bool m_ok = true;
};

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

bool parsePersona(const QJsonObject &object, const QString &path, CustomerPersona *persona,
                  QString *error)
{
    FieldReader reader(object, path, error);
    reader.rejectUnknown({QStringLiteral("name"), QStringLiteral("goal"), QStringLiteral("mood"),
                          QStringLiteral("facts"), QStringLiteral("pushback"),
                          QStringLiteral("maxTurns")});
    reader.string(QStringLiteral("name"), &persona->name);
    reader.string(QStringLiteral("goal"), &persona->goal, true);
    reader.string(QStringLiteral("mood"), &persona->mood, true);
    reader.stringList(QStringLiteral("facts"), &persona->facts);
    reader.oneOf(QStringLiteral("pushback"), &persona->pushback,
                 {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")});
    reader.integer(QStringLiteral("maxTurns"), &persona->maxTurns, 1);
    return reader.ok();
}

bool parseCustomer(const QJsonObject &object, const QString &path, Scenario *scenario,
                   QString *error)
{
    FieldReader reader(object, path, error);
    reader.rejectUnknown({QStringLiteral("persona"), QStringLiteral("lines"),
                          QStringLiteral("hangUpAfterLines"), QStringLiteral("typed")});
    bool typed = false;
    reader.boolean(QStringLiteral("typed"), &typed);
    reader.stringList(QStringLiteral("lines"), &scenario->scriptedLines);
    reader.boolean(QStringLiteral("hangUpAfterLines"), &scenario->hangUpAfterScript);
    const bool hasPersona = reader.has(QStringLiteral("persona"));
    const QJsonObject personaObject = reader.object(QStringLiteral("persona"));
    if (!reader.ok())
        return false;
    const int sources =
        (hasPersona ? 1 : 0) + (scenario->scriptedLines.isEmpty() ? 0 : 1) + (typed ? 1 : 0);
    if (sources != 1) {
        *error = path +
                 QStringLiteral(
                     ": give exactly one of \"persona\", a non-empty \"lines\" or \"typed\": true");
        return false;
    }
    if (hasPersona) {
        CustomerPersona persona;
        if (!parsePersona(personaObject, path + QStringLiteral(".persona"), &persona, error))
            return false;
        scenario->persona = persona;
    }
    return true;
}

bool parseLimits(const QJsonObject &object, const QString &path, ScenarioLimits *limits,
                 QString *error)
{
    FieldReader reader(object, path, error);
    reader.rejectUnknown({QStringLiteral("maxTurns"), QStringLiteral("maxDurationSeconds"),
                          QStringLiteral("silenceTimeoutSeconds"), QStringLiteral("tokensPerTurn"),
                          QStringLiteral("tokensPerCall"), QStringLiteral("reserveTokens"),
                          QStringLiteral("costCapUsd"), QStringLiteral("historyTokens"),
                          QStringLiteral("customerDelayMs")});
    reader.integer(QStringLiteral("maxTurns"), &limits->maxTurns, 1);
    double seconds = limits->maxDurationMs / 1000.0;
    reader.number(QStringLiteral("maxDurationSeconds"), &seconds, 0.001);
    limits->maxDurationMs = static_cast<qint64>(seconds * 1000);
    seconds = limits->silenceTimeoutMs / 1000.0;
    reader.number(QStringLiteral("silenceTimeoutSeconds"), &seconds, 0.001);
    limits->silenceTimeoutMs = static_cast<qint64>(seconds * 1000);
    reader.integer(QStringLiteral("tokensPerTurn"), &limits->tokensPerTurn, 16);
    reader.integer(QStringLiteral("tokensPerCall"), &limits->tokensPerCall, 64);
    reader.integer(QStringLiteral("reserveTokens"), &limits->reserveTokens, 0);
    reader.number(QStringLiteral("costCapUsd"), &limits->costCapUsd, 0);
    reader.integer(QStringLiteral("historyTokens"), &limits->historyTokens, 64);
    reader.integer(QStringLiteral("customerDelayMs"), &limits->customerDelayMs, 0);
    if (reader.ok() && limits->tokensPerCall > 0 && limits->reserveTokens >= limits->tokensPerCall)
        reader.fail(QStringLiteral("reserveTokens"),
                    QStringLiteral("must be less than tokensPerCall"));
    return reader.ok();
}

} // namespace

QJsonObject Scenario::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), name);
    if (!description.isEmpty())
        object.insert(QStringLiteral("description"), description);
    object.insert(QStringLiteral("context"), context.toJson());
    QJsonObject customer;
    if (persona) {
        QJsonObject p;
        if (!persona->name.isEmpty())
            p.insert(QStringLiteral("name"), persona->name);
        p.insert(QStringLiteral("goal"), persona->goal);
        p.insert(QStringLiteral("mood"), persona->mood);
        p.insert(QStringLiteral("facts"), toArray(persona->facts));
        p.insert(QStringLiteral("pushback"), persona->pushback);
        p.insert(QStringLiteral("maxTurns"), persona->maxTurns);
        customer.insert(QStringLiteral("persona"), p);
    } else if (!scriptedLines.isEmpty()) {
        customer.insert(QStringLiteral("lines"), toArray(scriptedLines));
        customer.insert(QStringLiteral("hangUpAfterLines"), hangUpAfterScript);
    } else {
        customer.insert(QStringLiteral("typed"), true);
    }
    object.insert(QStringLiteral("customer"), customer);
    object.insert(QStringLiteral("firstSpeaker"), firstSpeaker);
    QJsonObject prompt{{QStringLiteral("name"), promptName}};
    if (promptVersion > 0)
        prompt.insert(QStringLiteral("version"), promptVersion);
    object.insert(QStringLiteral("prompt"), prompt);
    QJsonObject limitsObject{
        {QStringLiteral("maxTurns"), limits.maxTurns},
        {QStringLiteral("maxDurationSeconds"), limits.maxDurationMs / 1000.0},
        {QStringLiteral("silenceTimeoutSeconds"), limits.silenceTimeoutMs / 1000.0},
    };
    // Budget fields only when the scenario sets them; otherwise the configured budget applies.
    if (limits.tokensPerTurn > 0)
        limitsObject.insert(QStringLiteral("tokensPerTurn"), limits.tokensPerTurn);
    if (limits.tokensPerCall > 0)
        limitsObject.insert(QStringLiteral("tokensPerCall"), limits.tokensPerCall);
    if (limits.reserveTokens >= 0)
        limitsObject.insert(QStringLiteral("reserveTokens"), limits.reserveTokens);
    if (limits.costCapUsd > 0)
        limitsObject.insert(QStringLiteral("costCapUsd"), limits.costCapUsd);
    if (limits.historyTokens > 0)
        limitsObject.insert(QStringLiteral("historyTokens"), limits.historyTokens);
    if (limits.customerDelayMs > 0)
        limitsObject.insert(QStringLiteral("customerDelayMs"), limits.customerDelayMs);
    object.insert(QStringLiteral("limits"), limitsObject);
    return object;
}

std::optional<Scenario> Scenario::fromJson(const QJsonObject &object, QString *error)
{
    QString localError;
    QString *err = error ? error : &localError;
    const QString root = QStringLiteral("scenario");
    FieldReader reader(object, root, err);
    reader.rejectUnknown({QStringLiteral("name"), QStringLiteral("description"),
                          QStringLiteral("context"), QStringLiteral("customer"),
                          QStringLiteral("firstSpeaker"), QStringLiteral("prompt"),
                          QStringLiteral("limits")});
    Scenario scenario;
    reader.string(QStringLiteral("name"), &scenario.name, true);
    reader.string(QStringLiteral("description"), &scenario.description);
    reader.oneOf(QStringLiteral("firstSpeaker"), &scenario.firstSpeaker,
                 {QStringLiteral("agent"), QStringLiteral("customer")});
    const QJsonObject contextObject = reader.object(QStringLiteral("context"), true);
    const QJsonObject customerObject = reader.object(QStringLiteral("customer"), true);
    const QJsonObject promptObject = reader.object(QStringLiteral("prompt"));
    const QJsonObject limitsObject = reader.object(QStringLiteral("limits"));
    if (!reader.ok())
        return std::nullopt;

    const auto context =
        CallContext::fromJson(contextObject, err, root + QStringLiteral(".context"));
    if (!context)
        return std::nullopt;
    scenario.context = *context;
    if (!parseCustomer(customerObject, root + QStringLiteral(".customer"), &scenario, err))
        return std::nullopt;
    FieldReader prompt(promptObject, root + QStringLiteral(".prompt"), err);
    prompt.rejectUnknown({QStringLiteral("name"), QStringLiteral("version")});
    prompt.string(QStringLiteral("name"), &scenario.promptName);
    prompt.integer(QStringLiteral("version"), &scenario.promptVersion, 0);
    if (!prompt.ok())
        return std::nullopt;
    if (!parseLimits(limitsObject, root + QStringLiteral(".limits"), &scenario.limits, err))
        return std::nullopt;
    if (scenario.persona && scenario.persona->name.isEmpty())
        scenario.persona->name = scenario.context.customerName;
    return scenario;
}

std::optional<Scenario> Scenario::fromJsonBytes(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("scenario: invalid JSON at offset %1: %2")
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = QStringLiteral("scenario: expected a JSON object at the top level");
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

std::optional<Scenario> Scenario::load(const QString &filePath, QString *error)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot open: %2").arg(filePath, file.errorString());
        return std::nullopt;
    }
    QString parseError;
    auto scenario = fromJsonBytes(file.readAll(), &parseError);
    if (!scenario && error)
        *error = QStringLiteral("%1: %2").arg(filePath, parseError);
    return scenario;
}
