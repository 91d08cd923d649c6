#include "sim/simhttprequest.h"

namespace {

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c <= 32 || c >= 127 || QByteArrayView("()<>@,;:\\\"/[]?={}").contains(c))
            return false;
    }
    return true;
}

SimHttpRequest::Parse fail(int code, const char *text, int *status, QByteArray *message)
{
    *status = code;
    *message = text;
    return SimHttpRequest::Parse::Error;
}

// Decodes a chunked body starting at from; returns the end offset, 0 if incomplete, -1 if bad.
qsizetype decodeChunked(const QByteArray &buffer, qsizetype from, qint64 max, QByteArray *body,
                        bool *tooLarge)
{
    qsizetype pos = from;
    body->clear();
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return buffer.size() - pos > 64 ? -1 : 0;
        QByteArray sizeText = buffer.mid(pos, lineEnd - pos);
        const qsizetype semicolon = sizeText.indexOf(';');
        if (semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return -1;
        if (body->size() + size > max) {
            *tooLarge = true;
            return -1;
        }
        pos = lineEnd + 2;
        if (size == 0) {
            // Trailers are not used by anybody here; accept an empty trailer section only.
            if (buffer.size() - pos < 2)
                return 0;
            return buffer.mid(pos, 2) == "\r\n" ? pos + 2 : -1;
        }
        if (buffer.size() - pos < size + 2)
            return 0;
        body->append(buffer.constData() + pos, size);
        if (buffer.mid(pos + size, 2) != "\r\n")
            return -1;
        pos += size + 2;
    }
}

} // namespace

QByteArray SimHttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

bool SimHttpRequest::wantsClose() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return !connection.contains("keep-alive");
    return connection.contains("close");
}

SimHttpRequest::Parse SimHttpRequest::take(QByteArray *buffer, qint64 maxBodyBytes,
                                           SimHttpRequest *request, int *status,
                                           QByteArray *message)
{
    // Tolerate stray empty lines between requests (RFC 9112 2.2).
    while (buffer->startsWith("\r\n"))
        buffer->remove(0, 2);
    const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer->size() > kMaxHeaderBytes)
            return fail(431, "Request header fields too large", status, message);
        // Reject garbage as soon as its first line is complete, not after 16 KiB.
        const qsizetype lineEnd = buffer->indexOf('\n');
        if (lineEnd >= 0) {
            const QList<QByteArray> parts = buffer->left(lineEnd).trimmed().split(' ');
            if (parts.size() != 3 || !isToken(parts.at(0)) || !parts.at(2).startsWith("HTTP/1."))
                return fail(400, "Malformed HTTP request line", status, message);
        }
        return Parse::Incomplete;
    }
    if (headerEnd > kMaxHeaderBytes)
        return fail(431, "Request header fields too large", status, message);

    const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
    const QList<QByteArray> parts = lines.first().trimmed().split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || !parts.at(1).startsWith('/') ||
        !parts.at(2).startsWith("HTTP/1."))
        return fail(400, "Malformed HTTP request line", status, message);
    *request = SimHttpRequest();
    request->method = parts.at(0);
    const QByteArray target = parts.at(1);
    const qsizetype question = target.indexOf('?');
    request->path = question < 0 ? target : target.left(question);
    if (question >= 0)
        request->query = QUrlQuery(QString::fromLatin1(target.mid(question + 1)));
    request->version = parts.at(2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return fail(400, "Malformed HTTP header line", status, message);
        request->headers.emplace_back(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }

    const qsizetype bodyStart = headerEnd + 4;
    const QByteArray transferEncoding = request->header("transfer-encoding").toLower();
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding != "chunked")
            return fail(501, "Unsupported Transfer-Encoding", status, message);
        bool tooLarge = false;
        const qsizetype end =
            decodeChunked(*buffer, bodyStart, maxBodyBytes, &request->body, &tooLarge);
        if (tooLarge)
            return fail(413, "Request body too large", status, message);
        if (end < 0)
            return fail(400, "Malformed chunked request body", status, message);
        if (end == 0)
            return Parse::Incomplete;
        buffer->remove(0, end);
        return Parse::Complete;
    }
    qint64 length = 0;
    const QByteArray lengthText = request->header("content-length");
    if (!lengthText.isEmpty()) {
        bool ok = false;
        length = lengthText.toLongLong(&ok);
        if (!ok || length < 0)
            return fail(400, "Invalid Content-Length", status, message);
        if (length > maxBodyBytes)
            return fail(413, "Request body too large", status, message);
    }
    if (buffer->size() - bodyStart < length)
        return Parse::Incomplete;
    request->body = buffer->mid(bodyStart, length);
    buffer->remove(0, bodyStart + length);
    return Parse::Complete;
}
