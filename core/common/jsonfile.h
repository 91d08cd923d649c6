#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// Reads a JSON configuration or data file whose top level must be an object.
// On failure returns nothing and sets `error` to a message that names the file and,
// for malformed JSON, the parser's complaint and its byte offset.
std::optional<QJsonObject> readJsonObjectFile(const QString &path, QString *error);
