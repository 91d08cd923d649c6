#pragma once

#include <QList>
#include <QString>

// One function call requested by the model; `arguments` is the JSON text as the model produced it.
struct ToolCall
{
    QString id;
    QString name;
    QString arguments;

    bool operator==(const ToolCall &other) const = default;
};
