#pragma once

#include "openai/chaterror.h"

#include <QMetaType>
#include <QStringList>

// The outcome of GET /models (used to validate a key).
struct ModelsResult
{
    bool ok = false;
    ChatError error;
    QStringList ids;
    QString requestId;
    int httpStatus = 0;
};

Q_DECLARE_METATYPE(ModelsResult)
