#include "store/eventkinds.h"
#include "store/transcriptexporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class tst_TranscriptExporter : public QObject
{
    Q_OBJECT

private slots:
    void parsesFormat_data();
    void parsesFormat();
    void csvField_data();
    void csvField();
    void csvRoundTrip();
    void json();
    void markdown();
    void masksEverywhere_data();
    void masksEverywhere();

private:
    static CallRecord call();
    static QList<CallEvent> events();
    static QList<QStringList> parseCsv(const QString &text);
};

CallRecord tst_TranscriptExporter::call()
{
    CallRecord c;
    c.id = QStringLiteral("call-42");
    c.startedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);
    c.endedAt = c.startedAt.addSecs(180);
    c.state = QStringLiteral("ended");
    c.endReason = QStringLiteral("agent-closed");
    c.customerName = QStringLiteral("Dana Example");
    c.campaign = QStringLiteral("renewals");
    c.totals.turns = 2;
    c.totals.costUsd = 0.0123;
    return c;
}

QList<CallEvent> tst_TranscriptExporter::events()
{
    const QDateTime t = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 5), Qt::UTC);
    auto make = [&t](qint64 seq, const QString &actor, const QString &kind, const QString &text) {
        CallEvent e;
        e.callId = QStringLiteral("call-42");
        e.seq = seq;
        e.time = t.addSecs(seq);
        e.actor = actor;
        e.kind = kind;
        if (!text.isNull())
            e.payload.insert(QStringLiteral("text"), text);
        return e;
    };
    return {make(1, QStringLiteral("system"), EventKind::CallStarted, QString()),
            make(2, QStringLiteral("customer"), EventKind::CustomerUtterance,
                 QStringLiteral("Hi, it's \"Dana\", mail dana@example.com, please, thanks\n"
                                "second line")),
            make(3, QStringLiteral("agent"), EventKind::AgentDelta, QStringLiteral("Hel")),
            make(4, QStringLiteral("agent"), EventKind::AgentTurn,
                 QStringLiteral("Hello Dana, I'm VoiceAI, an AI assistant.")),
            make(5, QStringLiteral("supervisor:ann"), EventKind::SupervisorWhisper,
                 QStringLiteral("key is sk-proj-ABCDEF1234567890abcdef, do not say it")),
            make(6, QStringLiteral("system"), EventKind::CallEnded, QString())};
}

QList<QStringList> tst_TranscriptExporter::parseCsv(const QString &text)
{
    // A strict RFC 4180 reader, independent of the writer under test.
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() &&
                text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == '\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

void tst_TranscriptExporter::parsesFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("format");
    QTest::newRow("md") << "md" << true << int(TranscriptExporter::Format::Markdown);
    QTest::newRow("markdown") << "Markdown" << true << int(TranscriptExporter::Format::Markdown);
    QTest::newRow("json") << "json" << true << int(TranscriptExporter::Format::Json);
    QTest::newRow("csv") << "CSV" << true << int(TranscriptExporter::Format::Csv);
    QTest::newRow("pdf") << "pdf" << false << 0;
    QTest::newRow("empty") << "" << false << 0;
}

void tst_TranscriptExporter::parsesFormat()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QFETCH(int, format);
    TranscriptExporter::Format parsed = TranscriptExporter::Format::Markdown;
    QCOMPARE(TranscriptExporter::parseFormat(name, &parsed), ok);
    if (ok)
        QCOMPARE(int(parsed), format);
}

void tst_TranscriptExporter::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "hello"
                           << "hello";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "one\ntwo"
                             << "\"one\ntwo\"";
    QTest::newRow("carriage return") << "one\rtwo"
                                     << "\"one\rtwo\"";
    QTest::newRow("all") << "a,\"b\"\nc"
                         << "\"a,\"\"b\"\"\nc\"";
}

void tst_TranscriptExporter::csvField()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(TranscriptExporter::csvField(value), expected);
}

void tst_TranscriptExporter::csvRoundTrip()
{
    const QString csv = QString::fromUtf8(TranscriptExporter().toCsv(call(), events()));
    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), 1 + 5); // header + every event except the delta
    QCOMPARE(rows.first(), QStringList({"call_id", "seq", "time", "actor", "kind", "text"}));
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), 6);
    QCOMPARE(rows.at(2).at(1), QStringLiteral("2"));
    QCOMPARE(rows.at(2).at(5), events().at(1).payload.value(QStringLiteral("text")).toString());
    QCOMPARE(rows.at(3).at(4), QStringLiteral("agent.turn"));
}

void tst_TranscriptExporter::json()
{
    const QByteArray data = TranscriptExporter().toJson(call(), events());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject head = doc.object().value(QStringLiteral("call")).toObject();
    QCOMPARE(head.value(QStringLiteral("id")).toString(), QStringLiteral("call-42"));
    QCOMPARE(head.value(QStringLiteral("endReason")).toString(), QStringLiteral("agent-closed"));
    const QJsonArray list = doc.object().value(QStringLiteral("events")).toArray();
    QCOMPARE(list.size(), 5);
    QCOMPARE(list.at(1).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("customer.utterance"));
    QCOMPARE(list.at(1).toObject().value(QStringLiteral("seq")).toInt(), 2);
}

void tst_TranscriptExporter::markdown()
{
    const QString md = QString::fromUtf8(TranscriptExporter().toMarkdown(call(), events()));
    QVERIFY(md.startsWith(QLatin1String("# Call call-42")));
    QVERIFY(md.contains(QLatin1String("**Customer:** Dana Example")));
    QVERIFY(md.contains(QLatin1String("Agent (agent.turn):** Hello Dana")));
    QVERIFY(md.contains(QLatin1String("Supervisor ann (supervisor.whisper)")));
    QVERIFY(md.contains(QLatin1String("call.ended")));
    QVERIFY(!md.contains(QLatin1String("agent.delta")));
    QVERIFY(md.indexOf(QLatin1String("Hi, it's")) < md.indexOf(QLatin1String("Hello Dana")));
}

void tst_TranscriptExporter::masksEverywhere_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("md") << int(TranscriptExporter::Format::Markdown);
    QTest::newRow("json") << int(TranscriptExporter::Format::Json);
    QTest::newRow("csv") << int(TranscriptExporter::Format::Csv);
}

void tst_TranscriptExporter::masksEverywhere()
{
    QFETCH(int, format);
    const auto fmt = TranscriptExporter::Format(format);
    const TranscriptExporter::Mask mask = [](const QString &text) {
        return QString(text).replace(QStringLiteral("dana@example.com"),
                                     QStringLiteral("[EMAIL_1]"));
    };
    const QByteArray masked = TranscriptExporter(mask).render(fmt, call(), events());
    QVERIFY(!masked.contains("dana@example.com"));
    QVERIFY(masked.contains("[EMAIL_1]"));
    const QByteArray unmasked = TranscriptExporter().render(fmt, call(), events());
    QVERIFY(unmasked.contains("dana@example.com"));
    // Keys never leave, masked or not.
    for (const QByteArray &data : {masked, unmasked}) {
        QVERIFY(!data.contains("sk-proj-ABCDEF1234567890abcdef"));
        QVERIFY(!data.contains("ABCDEF1234567890"));
        QVERIFY(data.contains("do not say it"));
    }
}

QTEST_GUILESS_MAIN(tst_TranscriptExporter)
#include "tst_transcriptexporter.moc"
