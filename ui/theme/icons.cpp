#include "icons.h"

#include "svgiconengine.h"
#include "uilog.h"

#include <QFile>
#include <QHash>

QIcon Icons::icon(const QString &name, const QPalette &palette)
{
    static QHash<QString, QByteArray> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
        QByteArray svg;
        if (file.open(QIODevice::ReadOnly))
            svg = file.readAll();
        else
            qCWarning(lcUi) << "missing icon" << name;
        it = cache.insert(name, svg);
    }
    if (it->isEmpty())
        return {};
    return QIcon(new SvgIconEngine(*it, palette.color(QPalette::Active, QPalette::WindowText),
                                   palette.color(QPalette::Disabled, QPalette::WindowText)));
}
