#include "openai/connectionpools.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace {

// QNetworkAccessManager's own limit of HTTP/1.1 connections per host:port.
constexpr int QnamConnectionsPerHost = 6;

QString originOf(const QUrl &url)
{
    return url.scheme() + QLatin1String("://") + url.host() + QLatin1Char(':') +
           QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

} // namespace

ConnectionPools::ConnectionPools(int connectionsPerPool, int maxPools, QObject *parent)
    : QObject(parent)
    , m_connectionsPerPool(qBound(1, connectionsPerPool, QnamConnectionsPerHost))
    , m_maxPools(qMax(1, maxPools))
{
    m_managers.append(new QNetworkAccessManager(this));
    m_load.append(0);
}

ConnectionPools::~ConnectionPools()
{
    // The managers delete their replies; forget them first so that untrack() is not reached
    // through destroyed() while the lists are being torn down.
    for (auto it = m_replyPool.cbegin(); it != m_replyPool.cend(); ++it)
        it.key()->disconnect(this);
    m_replyPool.clear();
}

void ConnectionPools::configure(const std::function<void(QNetworkAccessManager *)> &configure)
{
    if (!configure)
        return;
    m_configurators.append(configure);
    for (QNetworkAccessManager *manager : std::as_const(m_managers))
        configure(manager);
}

int ConnectionPools::inFlight() const
{
    return int(m_replyPool.size());
}

int ConnectionPools::pick(const QUrl &url)
{
    // HTTP/2 multiplexes every request over one connection: no need for more managers.
    if (m_http2Origins.contains(originOf(url)))
        return 0;
    int best = 0;
    for (int i = 1; i < m_managers.size(); ++i) {
        if (m_load.at(i) < m_load.at(best))
            best = i;
    }
    if (m_load.at(best) < m_connectionsPerPool || m_managers.size() >= m_maxPools)
        return best;
    auto *manager = new QNetworkAccessManager(this);
    for (const auto &configure : std::as_const(m_configurators))
        configure(manager);
    m_managers.append(manager);
    m_load.append(0);
    return int(m_managers.size() - 1);
}

QNetworkReply *ConnectionPools::post(const QNetworkRequest &request, const QByteArray &body)
{
    const int pool = pick(request.url());
    return track(m_managers.at(pool)->post(request, body), pool);
}

QNetworkReply *ConnectionPools::get(const QNetworkRequest &request)
{
    const int pool = pick(request.url());
    return track(m_managers.at(pool)->get(request), pool);
}

QNetworkReply *ConnectionPools::track(QNetworkReply *reply, int pool)
{
    ++m_load[pool];
    m_replyPool.insert(reply, pool);
    const QString origin = originOf(reply->url());
    // The connection is free again once the reply has finished (or was deleted unfinished).
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, origin] {
        if (reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool())
            m_http2Origins.insert(origin);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { untrack(reply); });
    connect(reply, &QObject::destroyed, this, &ConnectionPools::untrack);
    return reply;
}

void ConnectionPools::untrack(QObject *reply)
{
    const auto it = m_replyPool.constFind(reply);
    if (it == m_replyPool.cend())
        return;
    --m_load[it.value()];
    m_replyPool.erase(it);
}
