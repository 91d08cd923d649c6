#pragma once

#include "calls/callservices.h"
#include "calls/callsession.h"
#include "calls/scenario.h"
#include "metrics/metricsregistry.h"
#include "openai/modelprofiles.h"
#include "openai/openaiclient.h"
#include "sim/simulatorserver.h"
#include "store/sqlitestore.h"
#include "tempdatadir.h"

#include <QJsonObject>
#include <QList>

#include <memory>

// Everything a call test needs, for real: a private data folder with a SQLite store, the
// simulator on a loopback port (instant timing) and the OpenAI client talking HTTP to it.
class CallRig
{
public:
    CallRig();
    ~CallRig();

    bool isValid() const { return m_valid; }
    CallServices services() const;

    // A scripted customer who says `lines` (and hangs up after them if `hangUp`).
    static Scenario scriptedScenario(const QStringList &lines, bool hangUp = true);
    // A customer typed by the test through CallSession::customerUtterance().
    static Scenario typedScenario();

    // A started session with a CustomerSimulator for scripted/persona scenarios.
    std::unique_ptr<CallSession> start(const Scenario &scenario, const QString &id = {});
    // Waits (processing events) until the session has ended.
    static bool waitEnded(CallSession *session, int timeoutMs = 20000);
    // Waits until the session has stored `count` events of `kind`.
    static bool waitForKind(CallSession *session, const QString &kind, int count = 1,
                            int timeoutMs = 20000);

    static QList<CallEvent> ofKind(const QList<CallEvent> &events, const QString &kind);
    // The chat request bodies the simulator received, parsed.
    QList<QJsonObject> chatBodies() const;
    // All message contents of a request body, joined by newlines.
    static QString messagesText(const QJsonObject &body);

    TempDataDir dir;
    std::unique_ptr<SqliteStore> store;
    SimulatorServer sim;
    MetricsRegistry metrics;
    ModelProfiles models;
    std::unique_ptr<OpenAIClient> client;
    ResponseCache *cache = nullptr;

private:
    bool m_valid = false;
};
