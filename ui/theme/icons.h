#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

// The application's SVG icons (resources/icons), drawn in the palette's text colour so they
// read well in light and dark themes.
class Icons
{
public:
    // `name` is the file name without extension, e.g. "live-calls".
    static QIcon icon(const QString &name, const QPalette &palette);
};
