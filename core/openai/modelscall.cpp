#include "openai/modelscall.h"

#include "openai/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

ModelsCall::ModelsCall(QNetworkReply *reply, int timeoutMs)
    : m_reply(reply)
{
    connect(m_reply, &QNetworkReply::finished, this, &ModelsCall::onReplyFinished);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort(); // finished() follows with OperationCanceledError
    });
    m_timeout.start(timeoutMs);
}

ModelsCall::~ModelsCall()
{
    // The reply belongs to the client's network manager (which may already be gone: then the
    // QPointer is null); an unfinished one is stopped here.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ModelsCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_timeout.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_result.error = {ChatErrorType::Cancelled, QStringLiteral("cancelled by the caller"), 0, {}};
}

void ModelsCall::onReplyFinished()
{
    m_timeout.stop();
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_result.httpStatus = status.toInt();
    m_result.requestId = QString::fromLatin1(m_reply->rawHeader("x-request-id"));
    const QByteArray body = m_reply->readAll();
    if (m_timedOut) {
        m_result.error = {
            ChatErrorType::Timeout, QStringLiteral("no answer from /models in time"), 0, {}};
    } else if (!status.isValid()) {
        m_result.error = ApiError::fromNetwork(m_reply->error(), m_reply->errorString());
    } else if (m_result.httpStatus / 100 != 2) {
        m_result.error = ApiError::fromBody(m_result.httpStatus, body);
    } else {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        const QJsonValue data = document.object().value(QLatin1String("data"));
        if (!data.isArray()) {
            m_result.error = {ChatErrorType::BadResponse,
                              QStringLiteral("/models answered without a data array"),
                              m_result.httpStatus,
                              {}};
        } else {
            for (const QJsonValue &model : data.toArray())
                m_result.ids.append(model.toObject().value(QLatin1String("id")).toString());
            m_result.ok = true;
        }
    }
    m_reply->deleteLater();
    finish();
}

void ModelsCall::finish()
{
    if (m_finished || m_cancelled)
        return;
    m_finished = true;
    emit finished(m_result);
}
