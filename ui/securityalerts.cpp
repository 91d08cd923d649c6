#include "securityalerts.h"

#include "common/secretmasker.h"
#include "metrics/spikedetector.h"
#include "openai/chatrequest.h"
#include "openai/chatresult.h"
#include "openai/openaiclient.h"
#include "secrets/keychainstatus.h"
#include "secrets/keystore.h"
#include "secrets/secretoperation.h"
#include "secrets/usagespikewatch.h"
#include "store/auditlog.h"
#include "store/auditrecord.h"
#include "uilog.h"

#include <QJsonObject>

SecurityAlerts::SecurityAlerts(const SecuritySettings &settings, KeyStore *keys, AuditLog *audit,
                               OpenAIClient *client, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_keys(keys)
    , m_audit(audit)
{
    m_detector =
        new SpikeDetector(settings.spikeRequestsPerHour, settings.spikeCostPerHourUsd, this);
    connect(m_detector, &SpikeDetector::alert, this, &SecurityAlerts::onSpike);
    if (client) {
        m_watch = new UsageSpikeWatch(client, m_detector, this);
        connect(client, &OpenAIClient::requestCompleted, this, &SecurityAlerts::onRequestCompleted);
    }
    if (m_keys) {
        connect(m_keys, &KeyStore::keyPruned, this, [this](const QString &name) {
            if (m_audit) {
                AuditRecord record;
                record.actor = QStringLiteral("system");
                record.action = QStringLiteral("key.prune");
                record.target = name;
                record.details = QJsonObject{
                    {QStringLiteral("reason"), QStringLiteral("retired; pruned at start")}};
                if (!m_audit->append(record))
                    qCWarning(lcUi) << "the pruned key" << name << "could not be audited";
            }
            raise(tr("The retired key \"%1\" was deleted from the keychain.").arg(name));
        });
    }
}

SecurityAlerts::~SecurityAlerts() = default;

QStringList SecurityAlerts::keyAgeWarnings(const QDateTime &now) const
{
    QStringList warnings;
    if (!m_keys || m_settings.keyMaxAgeDays <= 0)
        return warnings;
    for (const QString &name : m_keys->keysOlderThan(m_settings.keyMaxAgeDays, now)) {
        const auto meta = m_keys->key(name);
        const qint64 days = meta ? meta->ageDays(now) : 0;
        warnings << tr("The key \"%1\" is %2 days old (more than %3): rotate it (Settings › "
                       "Keys).")
                        .arg(name)
                        .arg(days)
                        .arg(m_settings.keyMaxAgeDays);
    }
    return warnings;
}

void SecurityAlerts::pruneRetiredKeys(const QDateTime &now)
{
    if (!m_keys || !m_settings.pruneRetiredOnStart || m_keys->retiredKeys(now).isEmpty())
        return;
    SecretOperation *op = m_keys->pruneRetired(now);
    connect(op, &SecretOperation::finished, this, [this, op](const KeychainStatus &status) {
        op->deleteLater();
        if (!status.ok())
            raise(tr("Retired keys could not be deleted: %1").arg(status.message));
    });
}

QString SecurityAlerts::keychainMessage(const KeychainStatus &status, const QString &keySource)
{
    // NotFound here means the active key's entry is missing: worth saying too.
    if (status.ok())
        return {};
    const QString fallback = keySource == QLatin1String("environment")
                                 ? tr("The app uses OPENAI_API_KEY instead.")
                                 : tr("The app runs without a key; the demo (--demo) still works.");
    return tr("The keychain could not be read: %1 %2").arg(status.message, fallback);
}

void SecurityAlerts::reportKeychain(const KeychainStatus &status, const QString &keySource)
{
    const QString text = keychainMessage(status, keySource);
    if (!text.isEmpty())
        raise(text);
}

void SecurityAlerts::raise(const QString &text)
{
    qCWarning(lcUi).noquote() << "security alert:" << text;
    emit alertRaised(text);
}

void SecurityAlerts::onSpike(const QString &kind, double value, double threshold)
{
    if (kind == SpikeDetector::costKind())
        raise(tr("Unusual API spending: $%1 in the last hour (alert threshold $%2). Check that "
                 "nobody else uses the key.")
                  .arg(value, 0, 'f', 2)
                  .arg(threshold, 0, 'f', 2));
    else
        raise(tr("Unusual API traffic: %1 requests in the last hour (alert threshold %2). Check "
                 "that nobody else uses the key.")
                  .arg(qRound64(value))
                  .arg(qRound64(threshold)));
}

void SecurityAlerts::onRequestCompleted(const ChatResult &result, const ChatRequest &request)
{
    Q_UNUSED(request)
    if (result.ok()) {
        m_quotaAlerted = false;
        return;
    }
    if (result.error.type != ChatErrorType::Quota || m_quotaAlerted)
        return;
    m_quotaAlerted = true;
    // The API's text may quote part of the request; mask anything that looks like a key.
    raise(tr("The OpenAI account has no quota left: requests fail until the plan or billing is "
             "fixed (%1).")
              .arg(SecretMasker::mask(result.error.message)));
}
