#pragma once

#include "secrets/keychainstatus.h"

#include <QByteArray>
#include <QObject>

// The handler of one asynchronous keychain operation (read, write, delete, or a
// composite one run by KeyStore): one finished() signal, then status() and secret().
class SecretOperation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretOperation)

public:
    explicit SecretOperation(QObject *parent = nullptr);
    ~SecretOperation() override;

    bool isFinished() const { return m_finished; }
    const KeychainStatus &status() const { return m_status; }
    // The secret that was read; empty for other operations.
    const QByteArray &secret() const { return m_secret; }

    // Blocks (spinning a local event loop) until finished. For the CLI and tests
    // only: the GUI connects to finished() instead.
    KeychainStatus wait();

    // Called once by whoever runs the operation; emits finished() on the next
    // event-loop turn so that callers can always connect after starting it.
    void complete(const KeychainStatus &status, const QByteArray &secret = {});

signals:
    void finished(const KeychainStatus &status);

private:
    KeychainStatus m_status;
    QByteArray m_secret;
    bool m_finished = false;
    bool m_completed = false;
};
