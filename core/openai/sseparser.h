#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Server-sent events framing (WHATWG HTML "event stream interpretation") over a byte buffer the
// parser owns: LF, CRLF and CR line ends, "data:" with or without the space, multi-line data,
// comments, event:/id:/retry: fields. Data is handed out as views, without copying, and is always
// followed by at least Padding readable bytes so a SIMD JSON parser can read it in place.
class SseParser
{
public:
    static constexpr qsizetype Padding = 64;

    struct Event
    {
        QByteArrayView type; // empty = "message"
        QByteArrayView data; // lines joined with '\n'; valid only during the callback
    };

    SseParser();

    // Room for `size` more bytes: write them at the returned pointer, then call commit().
    char *prepareWrite(qsizetype size);
    void commit(qsizetype written);
    // Convenience: copies `bytes` in (prepareWrite + memcpy + commit).
    void append(QByteArrayView bytes);

    // Parses every complete line received so far and calls onEvent(const Event &) for each
    // dispatched event. onEvent returns false to stop parsing (the rest stays buffered).
    template<typename Callback>
    void parse(Callback &&onEvent);

    // Bytes received but not yet parsed into a complete line or event.
    qsizetype pendingBytes() const { return m_end - m_begin + m_data.size(); }
    bool hasPartialEvent() const { return m_dataLines > 0 || m_end > m_begin; }
    void reset();

private:
    enum class LineResult { None, Dispatch };
    LineResult processLine(qsizetype lineStart, qsizetype lineEnd);
    void dispatchInto(Event *event);
    void finishParse(qsizetype consumed);

    QByteArray m_buf; // [m_begin, m_end) holds unparsed bytes; size() >= m_end + Padding
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
    bool m_skipLeadingLf = false; // the previous chunk ended in CR: a following LF belongs to it
    QByteArray m_data;            // data of a multi-line event (or one carried across reads)
    qsizetype m_singleStart = -1; // a single data line still inside m_buf
    qsizetype m_singleLength = 0;
    int m_dataLines = 0;
    QByteArray m_type;
};

template<typename Callback>
void SseParser::parse(Callback &&onEvent)
{
    const char *const base = m_buf.constData();
    qsizetype pos = m_begin;
    if (m_skipLeadingLf && pos < m_end) {
        if (base[pos] == '\n')
            ++pos;
        m_skipLeadingLf = false;
    }
    while (pos < m_end) {
        const char *start = base + pos;
        const qsizetype available = m_end - pos;
        const char *lf = static_cast<const char *>(memchr(start, '\n', size_t(available)));
        const qsizetype limit = lf ? lf - start : available;
        const char *cr = static_cast<const char *>(memchr(start, '\r', size_t(limit)));
        qsizetype lineEnd;
        qsizetype next;
        if (cr) {
            lineEnd = cr - base;
            next = lineEnd + 1;
            if (next < m_end) {
                if (base[next] == '\n')
                    ++next;
            } else {
                m_skipLeadingLf = true;
            }
        } else if (lf) {
            lineEnd = lf - base;
            next = lineEnd + 1;
        } else {
            break; // incomplete line
        }
        const LineResult result = processLine(pos, lineEnd);
        pos = next;
        if (result == LineResult::Dispatch) {
            Event event;
            dispatchInto(&event);
            const bool goOn = onEvent(event);
            m_dataLines = 0;
            m_singleStart = -1;
            m_data.clear();
            m_type.clear();
            if (!goOn)
                break;
        }
    }
    finishParse(pos);
}
