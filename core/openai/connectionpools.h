#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QUrl;

// A small set of QNetworkAccessManagers used as connection pools: QNAM opens at most 6 HTTP/1.1
// connections per host, so requests beyond that are spread over further managers, created lazily.
// Replies stay children of their manager, so destroying the pools never leaves a reply behind.
class ConnectionPools final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionPools)

public:
    // `connectionsPerPool` in-flight HTTP/1.1 requests per manager (clamped to 1..6), at most
    // `maxPools` managers (>= 1); past that the least-loaded manager queues the request itself.
    ConnectionPools(int connectionsPerPool, int maxPools, QObject *parent = nullptr);
    ~ConnectionPools() override;

    QNetworkReply *post(const QNetworkRequest &request, const QByteArray &body);
    QNetworkReply *get(const QNetworkRequest &request);

    // The first manager: always there; origins known to speak HTTP/2 stay on it (multiplexed).
    QNetworkAccessManager *primary() const { return m_managers.first(); }
    // Applied to every manager, those that exist and those created later (proxy, timeouts...).
    void configure(const std::function<void(QNetworkAccessManager *)> &configure);

    const QList<QNetworkAccessManager *> &managers() const { return m_managers; }
    int poolCount() const { return int(m_managers.size()); }
    int inFlight() const;
    int connectionsPerPool() const { return m_connectionsPerPool; }
    int maxPools() const { return m_maxPools; }

private:
    int pick(const QUrl &url);
    QNetworkReply *track(QNetworkReply *reply, int pool);
    void untrack(QObject *reply);

    QList<QNetworkAccessManager *> m_managers; // children
    QList<int> m_load;                         // in-flight replies per manager
    QHash<QObject *, int> m_replyPool;         // in-flight reply -> manager index
    QSet<QString> m_http2Origins;              // scheme://host:port that negotiated HTTP/2
    QList<std::function<void(QNetworkAccessManager *)>> m_configurators;
    int m_connectionsPerPool;
    int m_maxPools;
};
