#pragma once

#include "secrets/securitysettings.h"

#include <QObject>
#include <QString>
#include <QStringList>

class AuditLog;
class KeyStore;
class OpenAIClient;
class SpikeDetector;
class UsageSpikeWatch;
struct ChatRequest;
struct ChatResult;
struct KeychainStatus;

// Turns the security signals of the core into alerts for the window: retired keys pruned at
// start (each audited), keys past their maximum age, keychain problems, usage spikes and an
// exhausted quota. Every alert is also logged (voiceai.ui).
class SecurityAlerts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityAlerts)

public:
    // None is owned; any may be null (no keychain, no store). The client must outlive this.
    SecurityAlerts(const SecuritySettings &settings, KeyStore *keys, AuditLog *audit,
                   OpenAIClient *client, QObject *parent = nullptr);
    ~SecurityAlerts() override;

    // Warnings known at once (keys older than security.keyMaxAgeDays).
    QStringList keyAgeWarnings(const QDateTime &now) const;
    // Deletes retired keys when security.pruneRetiredOnStart is set; each one is audited
    // (key.prune) and named in an alert. Asynchronous.
    void pruneRetiredKeys(const QDateTime &now);

    // The alert for a keychain read at start; empty when there is nothing to say.
    static QString keychainMessage(const KeychainStatus &status, const QString &keySource);
    void reportKeychain(const KeychainStatus &status, const QString &keySource);

    SpikeDetector *spikeDetector() const { return m_detector; }

signals:
    void alertRaised(const QString &text);

private:
    void raise(const QString &text);
    void onSpike(const QString &kind, double value, double threshold);
    void onRequestCompleted(const ChatResult &result, const ChatRequest &request);

    SecuritySettings m_settings;
    KeyStore *m_keys;
    AuditLog *m_audit;
    SpikeDetector *m_detector = nullptr;
    UsageSpikeWatch *m_watch = nullptr;
    bool m_quotaAlerted = false; // one quota alert until a request succeeds again
};
