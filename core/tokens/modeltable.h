#pragma once

#include "tokens/modeltokeninfo.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// The model -> encoding/context-window table (resources/tokenizer/models.json): lookup by exact
// name, else by the longest entry that is a prefix of the name followed by '-'.
class ModelTable final
{
public:
    static std::optional<ModelTable> fromJson(const QByteArray &json, QString *error);

    // Fine-tuned names ("ft:gpt-4o-mini-2024-07-18:org::id") resolve to their base model.
    ModelTokenInfo lookup(QStringView model) const;
    const QList<ModelTokenInfo> &entries() const { return m_entries; }
    QString fallbackEncoding() const { return m_fallbackEncoding; }

private:
    QList<ModelTokenInfo> m_entries;
    QString m_fallbackEncoding;
};
