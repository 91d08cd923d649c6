#include "openai/sseparser.h"

#include <cstring>

SseParser::SseParser()
{
    m_buf.resize(16384 + Padding);
}

char *SseParser::prepareWrite(qsizetype size)
{
    if (m_end + size + Padding > m_buf.size()) {
        // Move the unparsed tail to the front before growing.
        if (m_begin > 0) {
            const qsizetype remaining = m_end - m_begin;
            if (m_singleStart >= 0)
                m_singleStart -= m_begin;
            memmove(m_buf.data(), m_buf.constData() + m_begin, size_t(remaining));
            m_begin = 0;
            m_end = remaining;
        }
        if (m_end + size + Padding > m_buf.size())
            m_buf.resize(qMax(m_buf.size() * 2, m_end + size + Padding));
    }
    return m_buf.data() + m_end;
}

void SseParser::commit(qsizetype written)
{
    m_end += written;
}

void SseParser::append(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    memcpy(prepareWrite(bytes.size()), bytes.data(), size_t(bytes.size()));
    commit(bytes.size());
}

void SseParser::reset()
{
    m_begin = m_end = 0;
    m_skipLeadingLf = false;
    m_data.clear();
    m_singleStart = -1;
    m_singleLength = 0;
    m_dataLines = 0;
    m_type.clear();
}

SseParser::LineResult SseParser::processLine(qsizetype lineStart, qsizetype lineEnd)
{
    const char *line = m_buf.constData() + lineStart;
    const qsizetype length = lineEnd - lineStart;
    if (length == 0)
        return m_dataLines > 0 ? LineResult::Dispatch : (m_type.clear(), LineResult::None);
    if (line[0] == ':')
        return LineResult::None; // comment (keep-alive)
    const char *colon = static_cast<const char *>(memchr(line, ':', size_t(length)));
    const qsizetype fieldLength = colon ? colon - line : length;
    qsizetype valueStart = colon ? fieldLength + 1 : length;
    if (valueStart < length && line[valueStart] == ' ')
        ++valueStart;
    const qsizetype valueLength = length - valueStart;
    const QByteArrayView field(line, fieldLength);
    if (field == "data") {
        if (m_dataLines == 0) {
            m_singleStart = lineStart + valueStart;
            m_singleLength = valueLength;
        } else {
            if (m_singleStart >= 0) {
                m_data.append(m_buf.constData() + m_singleStart, m_singleLength);
                m_singleStart = -1;
            }
            m_data.append('\n');
            m_data.append(line + valueStart, valueLength);
        }
        ++m_dataLines;
    } else if (field == "event") {
        m_type = QByteArray(line + valueStart, valueLength);
    }
    // id and retry carry nothing the chat stream needs; unknown fields are ignored by the spec.
    return LineResult::None;
}

void SseParser::dispatchInto(Event *event)
{
    event->type = m_type;
    if (m_singleStart >= 0) {
        event->data = QByteArrayView(m_buf.constData() + m_singleStart, m_singleLength);
        return;
    }
    m_data.reserve(m_data.size() + Padding);
    event->data = QByteArrayView(m_data.constData(), m_data.size());
}

void SseParser::finishParse(qsizetype consumed)
{
    // A single data line of an event not yet dispatched must survive compaction of the buffer.
    if (m_singleStart >= 0 && m_dataLines > 0) {
        m_data = QByteArray(m_buf.constData() + m_singleStart, m_singleLength);
        m_singleStart = -1;
    }
    m_begin = consumed;
    if (m_begin == m_end)
        m_begin = m_end = 0;
}
