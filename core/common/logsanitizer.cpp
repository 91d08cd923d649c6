#include "common/logsanitizer.h"

#include "common/secretmasker.h"

#include <QMutex>
#include <QMutexLocker>
#include <QString>

namespace {

struct SanitizerState
{
    QMutex mutex;
    SecretMasker masker;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

SanitizerState &state()
{
    static SanitizerState instance;
    return instance;
}

void sanitizingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    SanitizerState &s = state();
    QString masked;
    QtMessageHandler previous;
    {
        QMutexLocker locker(&s.mutex);
        masked = s.masker.apply(message);
        previous = s.previous;
    }
    if (previous)
        previous(type, context, masked);
    else
        qt_message_output(type, context,
                          masked); // unreachable: qInstallMessageHandler never returns null
}

} // namespace

QtMessageHandler LogSanitizer::install()
{
    SanitizerState &s = state();
    QMutexLocker locker(&s.mutex);
    if (s.installed)
        return s.previous;
    s.previous = qInstallMessageHandler(sanitizingHandler);
    s.installed = true;
    return s.previous;
}

void LogSanitizer::uninstall()
{
    SanitizerState &s = state();
    QMutexLocker locker(&s.mutex);
    if (!s.installed)
        return;
    qInstallMessageHandler(s.previous);
    s.installed = false;
    s.previous = nullptr;
}

bool LogSanitizer::isInstalled()
{
    SanitizerState &s = state();
    QMutexLocker locker(&s.mutex);
    return s.installed;
}

void LogSanitizer::addKnownSecret(const QByteArray &secret)
{
    SanitizerState &s = state();
    QMutexLocker locker(&s.mutex);
    s.masker.addKnownSecret(secret);
}
