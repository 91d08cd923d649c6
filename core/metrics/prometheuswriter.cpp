#include "metrics/prometheuswriter.h"

#include "metrics/metricsregistry.h"

#include <QStringList>

namespace {

QString escapeLabelValue(QString value)
{
    return value.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"));
}

QString labelName(const QString &name)
{
    QString result;
    for (QChar c : name)
        result += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('_')
                      ? c
                      : QLatin1Char('_');
    if (result.isEmpty() || result.at(0).isDigit())
        result.prepend(QLatin1Char('_'));
    return result;
}

// "gpt-4o" -> label="gpt-4o"; "model=gpt-4o,kind=x" -> model="gpt-4o",kind="x".
QStringList labelPairs(const QString &label)
{
    QStringList pairs;
    if (label.isEmpty())
        return pairs;
    const QStringList parts = label.split(QLatin1Char(','));
    bool keyed = true;
    for (const QString &part : parts)
        keyed = keyed && part.indexOf(QLatin1Char('=')) > 0;
    if (!keyed)
        return {QStringLiteral("label=\"%1\"").arg(escapeLabelValue(label))};
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        pairs << QStringLiteral("%1=\"%2\"")
                     .arg(labelName(part.left(eq).trimmed()), escapeLabelValue(part.mid(eq + 1)));
    }
    return pairs;
}

QString braces(const QStringList &pairs)
{
    return pairs.isEmpty() ? QString()
                           : QLatin1Char('{') + pairs.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

} // namespace

QString PrometheusWriter::metricName(const QString &name)
{
    QString result;
    result.reserve(name.size());
    for (QChar c : name) {
        const bool ok = (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('_') ||
                        c == QLatin1Char(':');
        result += ok ? c : QLatin1Char('_');
    }
    if (result.isEmpty() || result.at(0).isDigit())
        result.prepend(QLatin1Char('_'));
    return result;
}

QByteArray PrometheusWriter::render(const MetricsRegistry &registry)
{
    QString text;
    QString lastFamily;
    for (const MetricsRegistry::Sample &sample : registry.snapshot()) {
        QString family = metricName(sample.name);
        if (sample.kind == MetricsRegistry::Kind::Counter &&
            !family.endsWith(QLatin1String("_total")))
            family += QLatin1String("_total");
        if (family != lastFamily) {
            const char *type = sample.kind == MetricsRegistry::Kind::Counter ? "counter"
                               : sample.kind == MetricsRegistry::Kind::Gauge ? "gauge"
                                                                             : "histogram";
            text += QStringLiteral("# TYPE %1 %2\n").arg(family, QLatin1String(type));
            lastFamily = family;
        }
        const QStringList labels = labelPairs(sample.label);
        if (sample.kind != MetricsRegistry::Kind::Histogram) {
            text += family + braces(labels) + QLatin1Char(' ') + number(sample.value) +
                    QLatin1Char('\n');
            continue;
        }
        quint64 cumulative = 0;
        for (qsizetype i = 0; i < sample.bounds.size(); ++i) {
            cumulative += sample.counts.value(i);
            QStringList bucketLabels = labels;
            bucketLabels << QStringLiteral("le=\"%1\"").arg(number(sample.bounds.at(i)));
            text += family + QLatin1String("_bucket") + braces(bucketLabels) + QLatin1Char(' ') +
                    QString::number(cumulative) + QLatin1Char('\n');
        }
        QStringList infLabels = labels;
        infLabels << QStringLiteral("le=\"+Inf\"");
        text += family + QLatin1String("_bucket") + braces(infLabels) + QLatin1Char(' ') +
                QString::number(sample.count) + QLatin1Char('\n');
        text += family + QLatin1String("_sum") + braces(labels) + QLatin1Char(' ') +
                number(sample.value) + QLatin1Char('\n');
        text += family + QLatin1String("_count") + braces(labels) + QLatin1Char(' ') +
                QString::number(sample.count) + QLatin1Char('\n');
    }
    return text.toUtf8();
}
