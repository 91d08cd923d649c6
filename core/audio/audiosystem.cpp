#include "audio/audiosystem.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

bool AudioSystem::serverReachable()
{
#if defined(Q_OS_LINUX)
    // Qt Multimedia 6.4 talks to PulseAudio (PipeWire serves the same socket). Its client looks
    // at $PULSE_SERVER, then $XDG_RUNTIME_DIR/pulse/native, then the system-wide socket.
    const QString server = qEnvironmentVariable("PULSE_SERVER");
    if (!server.isEmpty()) {
        QString path = server;
        if (path.startsWith(QLatin1String("unix:")))
            path = path.mid(5);
        if (!path.startsWith(QLatin1Char('/')))
            return true; // a network server: Qt's device list will tell
        return QFileInfo::exists(path);
    }
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() &&
        QFileInfo::exists(QDir(runtime).filePath(QStringLiteral("pulse/native"))))
        return true;
    return QFileInfo::exists(QStringLiteral("/var/run/pulse/native")) ||
           QFileInfo::exists(QStringLiteral("/run/pulse/native"));
#else
    return true;
#endif
}

QAudioDevice AudioSystem::find(const QList<QAudioDevice> &devices, const QAudioDevice &fallback,
                               const QByteArray &id)
{
    if (id.isEmpty())
        return fallback;
    for (const QAudioDevice &device : devices) {
        if (device.id() == id)
            return device;
    }
    return {};
}
