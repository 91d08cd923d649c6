#pragma once

#include "store/callevent.h"
#include "store/callrecord.h"

#include <functional>
#include <QByteArray>
#include <QList>
#include <QString>

// Renders a call's transcript (a view of its events) as Markdown, JSON or CSV.
// Text passes through a mask (PII redaction, supplied by the caller) and through the
// secret masker, so an export never carries an API key.
class TranscriptExporter
{
public:
    enum class Format { Markdown, Json, Csv };
    using Mask = std::function<QString(const QString &)>;

    // "md"/"markdown", "json", "csv"; false for anything else.
    static bool parseFormat(const QString &name, Format *format);

    // mask may be empty: text is then exported as stored (an unmasked export).
    explicit TranscriptExporter(Mask mask = {});

    QByteArray render(Format format, const CallRecord &call, const QList<CallEvent> &events) const;
    QByteArray toMarkdown(const CallRecord &call, const QList<CallEvent> &events) const;
    QByteArray toJson(const CallRecord &call, const QList<CallEvent> &events) const;
    QByteArray toCsv(const CallRecord &call, const QList<CallEvent> &events) const;

    // RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
    static QString csvField(const QString &value);

private:
    QString clean(const QString &text) const;
    static QString eventText(const CallEvent &event);

    Mask m_mask;
};
