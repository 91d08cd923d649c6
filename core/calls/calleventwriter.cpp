#include "calls/calleventwriter.h"

#include "calls/callslog.h"
#include "store/callstore.h"
#include "store/eventkinds.h"

CallEventWriter::CallEventWriter(CallStore *store, const QString &callId, int batchMs,
                                 int batchChars, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_callId(callId)
    , m_batchChars(qMax(1, batchChars))
{
    if (m_store)
        m_nextSeq = m_store->lastSeq(callId) + 1;
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(qMax(0, batchMs));
    connect(&m_flushTimer, &QTimer::timeout, this, &CallEventWriter::flush);
}

CallEventWriter::~CallEventWriter()
{
    // Nothing announced may be lost, and nothing may be announced from a destructor.
    if (!m_pendingDelta.isEmpty() && m_store) {
        CallEvent event{m_callId,
                        m_nextSeq++,
                        QDateTime::currentDateTimeUtc(),
                        QStringLiteral("agent"),
                        QString(EventKind::AgentDelta),
                        QJsonObject{{QStringLiteral("text"), m_pendingDelta}}};
        m_store->appendEvents({event});
    }
}

CallEvent CallEventWriter::append(const QString &actor, const QString &kind,
                                  const QJsonObject &payload)
{
    flush();
    if (kind == EventKind::AgentTurn)
        m_deltaIndex = 0;
    return store(actor, kind, payload);
}

void CallEventWriter::appendDelta(const QString &text)
{
    if (text.isEmpty())
        return;
    m_pendingDelta += text;
    if (m_pendingDelta.size() >= m_batchChars)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void CallEventWriter::flush()
{
    m_flushTimer.stop();
    if (m_pendingDelta.isEmpty())
        return;
    const QString text = std::exchange(m_pendingDelta, QString());
    store(QStringLiteral("agent"), QString(EventKind::AgentDelta),
          QJsonObject{{QStringLiteral("text"), text}, {QStringLiteral("index"), m_deltaIndex++}});
    emit deltaStored(text);
}

CallEvent CallEventWriter::store(const QString &actor, const QString &kind,
                                 const QJsonObject &payload)
{
    CallEvent event;
    event.callId = m_callId;
    event.seq = m_nextSeq++;
    event.time = QDateTime::currentDateTimeUtc();
    event.actor = actor;
    event.kind = kind;
    event.payload = payload;
    if (!m_store || !m_store->appendEvents({event})) {
        // The call goes on (a customer is on the line), but the loss is loud.
        ++m_failures;
        m_lastError = m_store ? m_store->lastError() : QStringLiteral("no call store");
        qCWarning(lcCalls) << "call" << m_callId << "could not store event" << kind << ':'
                           << m_lastError;
    }
    m_events.append(event);
    emit appended(event);
    return event;
}
