#include "latencystrip.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QValueAxis>
#include <QVBoxLayout>

namespace {
constexpr int kShownTurns = 30;
}

LatencyStrip::LatencyStrip(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
{
    setAccessibleName(tr("Turn latency"));
    m_summary->setAccessibleName(tr("Latency percentiles"));
    m_summary->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    refresh();
}

qint64 LatencyStrip::percentile(QList<qint64> values, int p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::max<qsizetype>(1, (values.size() * p + 99) / 100);
    return values.at(std::min(rank, values.size()) - 1);
}

void LatencyStrip::ensureChart()
{
    if (m_view)
        return;
    // Built on first use: Qt Charts is not needed to show the window.
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(palette().base());
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    auto *series = new QBarSeries;
    m_ttft = new QBarSet(tr("First token"));
    m_total = new QBarSet(tr("Total"));
    m_ttft->setColor(QColor(0x0e, 0xa5, 0xe9));
    m_total->setColor(QColor(0x8b, 0x5c, 0xf6));
    series->append(m_ttft);
    series->append(m_total);
    chart->addSeries(series);
    m_axisX = new QBarCategoryAxis;
    m_axisY = new QValueAxis;
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTickCount(3);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    m_axisY->setLabelsFont(small);
    m_axisX->setLabelsFont(small);
    m_axisY->setTitleText(tr("ms"));
    m_axisX->setLabelsColor(palette().color(QPalette::Text));
    m_axisY->setLabelsColor(palette().color(QPalette::Text));
    m_axisY->setTitleBrush(palette().text());
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
    m_view = new QChartView(chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(170);
    m_view->setAccessibleName(tr("Latency per turn chart"));
    layout()->addWidget(m_view);
}

void LatencyStrip::setTurns(const QList<Turn> &turns)
{
    m_turns = turns;
    refresh();
}

void LatencyStrip::addTurn(const Turn &turn)
{
    m_turns << turn;
    refresh();
}

QString LatencyStrip::summary() const
{
    return m_summary->text();
}

void LatencyStrip::refresh()
{
    QList<qint64> ttft;
    QList<qint64> total;
    for (const Turn &t : std::as_const(m_turns)) {
        if (t.ttftMs >= 0)
            ttft << t.ttftMs;
        if (t.totalMs > 0)
            total << t.totalMs;
    }
    if (total.isEmpty()) {
        m_summary->setText(tr("No agent turns with timings yet."));
    } else {
        m_summary->setText(tr("First token p50 %1 ms · p90 %2 ms    Total p50 %3 ms · p90 %4 ms")
                               .arg(percentile(ttft, 50))
                               .arg(percentile(ttft, 90))
                               .arg(percentile(total, 50))
                               .arg(percentile(total, 90)));
    }
    if (m_turns.isEmpty() && !m_view)
        return;
    ensureChart();
    const qsizetype from = std::max<qsizetype>(0, m_turns.size() - kShownTurns);
    QList<qreal> ttftValues;
    QList<qreal> totalValues;
    QStringList categories;
    qint64 maxValue = 100;
    for (qsizetype i = from; i < m_turns.size(); ++i) {
        ttftValues << qreal(std::max<qint64>(0, m_turns.at(i).ttftMs));
        totalValues << qreal(m_turns.at(i).totalMs);
        categories << QString::number(i + 1);
        maxValue = std::max(maxValue, m_turns.at(i).totalMs);
    }
    m_ttft->remove(0, m_ttft->count());
    m_total->remove(0, m_total->count());
    m_ttft->append(ttftValues);
    m_total->append(totalValues);
    m_axisX->setCategories(categories);
    m_axisY->setRange(0, double(maxValue) * 1.1);
}
