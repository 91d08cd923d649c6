#include "secrets/secretoperation.h"

#include <QEventLoop>
#include <QTimer>

SecretOperation::SecretOperation(QObject *parent)
    : QObject(parent)
{}

SecretOperation::~SecretOperation()
{
    // Do not leave a copy of the key in freed memory.
    m_secret.fill('\0');
}

KeychainStatus SecretOperation::wait()
{
    if (!m_finished) {
        QEventLoop loop;
        connect(this, &SecretOperation::finished, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    return m_status;
}

void SecretOperation::complete(const KeychainStatus &status, const QByteArray &secret)
{
    if (m_completed)
        return;
    m_completed = true;
    m_status = status;
    m_secret = secret;
    QTimer::singleShot(0, this, [this] {
        m_finished = true;
        emit finished(m_status);
    });
}
