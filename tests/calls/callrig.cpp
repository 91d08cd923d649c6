#include "callrig.h"

#include "calls/customersimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

CallRig::CallRig()
{
    QString error;
    store = SqliteStore::open(dir.dataDir(), &error);
    if (!store) {
        qWarning() << "store:" << error;
        return;
    }
    sim.setTiming(SimTiming::instant());
    if (!sim.listen()) {
        qWarning() << "simulator:" << sim.errorString();
        return;
    }
    models = ModelProfiles::defaults();
    ClientSettings settings;
    settings.baseUrl = sim.baseUrl();
    client = std::make_unique<OpenAIClient>(settings, nullptr, PriceTable::defaults(), &metrics);
    m_valid = true;
}

CallRig::~CallRig() = default;

CallServices CallRig::services() const
{
    CallServices services;
    services.client = client.get();
    services.calls = store.get();
    services.usage = store.get();
    services.audit = store.get();
    services.optOuts = store.get();
    services.prompts = store.get();
    services.metrics = const_cast<MetricsRegistry *>(&metrics);
    services.models = &models;
    services.cache = cache;
    services.deltaBatchMs = 20;
    return services;
}

Scenario CallRig::scriptedScenario(const QStringList &lines, bool hangUp)
{
    Scenario scenario;
    scenario.name = QStringLiteral("test");
    scenario.context.purpose = QStringLiteral("Offer the fibre upgrade");
    scenario.context.customerName = QStringLiteral("Maria Lopez");
    scenario.context.customerId = QStringLiteral("cust-1");
    scenario.context.products = {QStringLiteral("Fibre 500"), QStringLiteral("Fibre 1000")};
    scenario.context.previousInteractions = {QStringLiteral("asked about evening speeds")};
    scenario.context.campaign = QStringLiteral("fibre");
    scenario.scriptedLines = lines;
    scenario.hangUpAfterScript = hangUp;
    return scenario;
}

Scenario CallRig::typedScenario()
{
    Scenario scenario = scriptedScenario({});
    scenario.scriptedLines.clear();
    return scenario;
}

std::unique_ptr<CallSession> CallRig::start(const Scenario &scenario, const QString &id)
{
    const QString callId = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
    UtteranceSource *source = nullptr;
    if (!scenario.isTyped())
        source =
            new CustomerSimulator(scenario, client.get(), *models.fallback(), store.get(), callId);
    auto session = std::make_unique<CallSession>(callId, scenario, services(), source);
    if (!session->start())
        qWarning() << "start:" << session->lastError();
    return session;
}

bool CallRig::waitEnded(CallSession *session, int timeoutMs)
{
    return QTest::qWaitFor([session] { return session->state() == CallState::Ended; }, timeoutMs);
}

bool CallRig::waitForKind(CallSession *session, const QString &kind, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return ofKind(session->events(), kind).size() >= count; },
                           timeoutMs);
}

QList<CallEvent> CallRig::ofKind(const QList<CallEvent> &events, const QString &kind)
{
    QList<CallEvent> result;
    for (const CallEvent &event : events) {
        if (event.kind == kind)
            result.append(event);
    }
    return result;
}

QList<QJsonObject> CallRig::chatBodies() const
{
    QList<QJsonObject> bodies;
    for (const QByteArray &body : sim.receivedBodies()) {
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        if (object.contains(QStringLiteral("messages")))
            bodies.append(object);
    }
    return bodies;
}

QString CallRig::messagesText(const QJsonObject &body)
{
    QStringList parts;
    for (const QJsonValue &message : body.value(QStringLiteral("messages")).toArray())
        parts.append(message.toObject().value(QStringLiteral("content")).toString());
    return parts.join(QLatin1Char('\n'));
}
