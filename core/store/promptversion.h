#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// One immutable version of a named prompt (system prompt body + context template).
// labels (e.g. "production", "staging") are the only part that changes after creation.
struct PromptVersion
{
    QString name;
    int version = 0;
    QString body;
    QString contextTemplate;
    QDateTime createdAt;
    QString author;
    QString note;
    QStringList labels;
};
