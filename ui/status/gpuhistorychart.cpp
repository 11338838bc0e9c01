#include "ui/status/gpuhistorychart.h"

#include "ui/retranslate.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <utility>

namespace onramp {
namespace ui {

GpuHistoryChart::GpuHistoryChart(Measure measure, QWidget *parent) : QChartView(parent), m_measure(measure)
{
    setObjectName(measure == Measure::Utilization ? QStringLiteral("utilizationChart")
                                                  : QStringLiteral("memoryChart"));
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setMinimumHeight(200);
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0); // the frame lines up with the cards above
    chart->setBackgroundRoundness(8);
    m_x = new QValueAxis(chart);
    m_x->setLabelFormat(QStringLiteral("%.0f"));
    m_x->setReverse(true); // now on the right
    m_x->setRange(0, 60);
    m_x->setTickCount(7);
    m_y = new QValueAxis(chart);
    m_y->setRange(0, 100);
    m_y->setTickCount(5);
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    setChart(chart);
    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    bindTranslation(this, [this] { retranslate(); });
}

void GpuHistoryChart::retranslate()
{
    chart()->setTitle(m_measure == Measure::Utilization ? tr("GPU utilisation (%)")
                                                        : tr("GPU memory in use (%)"));
    m_x->setTitleText(tr("Seconds ago"));
    int index = 0;
    for (const QString &key : std::as_const(m_order)) {
        if (QLineSeries *series = m_series.value(key))
            series->setName(seriesName(key, index));
        ++index;
    }
}

QString GpuHistoryChart::seriesName(const QString &key, int index) const
{
    if (!m_gpuIndex.contains(key))
        return tr("GPU %1").arg(index);
    const int gpu = m_gpuIndex.value(key);
    return gpu >= 0 ? tr("GPU %1").arg(gpu) : m_gpuName.value(key);
}

QColor GpuHistoryChart::seriesColor(int index) const
{
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    // Distinct hues that stay readable on both backgrounds; the first is the palette's accent.
    static const QList<QColor> light {QColor(0x1f, 0x6f, 0xc5), QColor(0xc2, 0x41, 0x0c),
                                      QColor(0x15, 0x80, 0x3d), QColor(0x7e, 0x22, 0xce),
                                      QColor(0xa1, 0x62, 0x07), QColor(0x0e, 0x74, 0x90)};
    static const QList<QColor> darkColors {QColor(0x6c, 0xb6, 0xff), QColor(0xff, 0x9e, 0x64),
                                           QColor(0x6e, 0xe7, 0x9a), QColor(0xc0, 0x84, 0xfc),
                                           QColor(0xfb, 0xd3, 0x4d), QColor(0x67, 0xe8, 0xf9)};
    const QList<QColor> &colors = dark ? darkColors : light;
    return colors.at(index % colors.size());
}

void GpuHistoryChart::showHistory(const setup::status::GpuMonitor &monitor, qint64 nowMs)
{
    const QStringList keys = monitor.historyKeys();
    // The axis spans the history there is, in whole minutes (at least one), up to the window: a
    // fresh allocation does not show as a sliver at the edge of an empty ten minutes.
    qint64 oldest = nowMs;
    for (const QString &key : keys) {
        const QList<setup::status::GpuSample> samples = monitor.history(key);
        if (!samples.isEmpty())
            oldest = qMin(oldest, samples.first().atMs);
    }
    const double windowSeconds = double(monitor.historyWindowMs()) / 1000.0;
    const double span = double(nowMs - oldest) / 1000.0;
    // 1, 2, 5 or 10 minutes (or the window, if shorter), with ticks on round seconds.
    double range = windowSeconds;
    int ticks = 6;
    static constexpr std::pair<double, int> kSteps[] = {{60.0, 7}, {120.0, 7}, {300.0, 6}, {600.0, 6}};
    for (const auto &[seconds, tickCount] : kSteps) {
        if (span <= seconds || seconds >= windowSeconds) {
            range = qMin(seconds, windowSeconds);
            ticks = tickCount;
            break;
        }
    }
    m_x->setRange(0, range);
    m_x->setTickCount(ticks);
    m_gpuIndex.clear();
    m_gpuName.clear();
    for (const setup::status::GpuReading &gpu : monitor.gpus()) {
        m_gpuIndex.insert(gpu.key(), gpu.status.index ? *gpu.status.index : -1);
        m_gpuName.insert(gpu.key(), gpu.status.name);
    }
    // Drop the lines of GPUs that are gone.
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (!keys.contains(it.key())) {
            chart()->removeSeries(it.value());
            delete it.value();
            it = m_series.erase(it);
        } else {
            ++it;
        }
    }
    m_order = keys;
    int index = 0;
    for (const QString &key : keys) {
        QLineSeries *series = m_series.value(key);
        if (!series) {
            series = new QLineSeries(this);
            chart()->addSeries(series);
            series->attachAxis(m_x);
            series->attachAxis(m_y);
            m_series.insert(key, series);
        }
        series->setName(seriesName(key, index));
        QPen pen(seriesColor(index));
        pen.setWidthF(2.0);
        series->setPen(pen);
        QList<QPointF> points;
        for (const setup::status::GpuSample &sample : monitor.history(key)) {
            const double ago = double(nowMs - sample.atMs) / 1000.0;
            if (ago < 0 || ago > range)
                continue;
            std::optional<double> y;
            if (m_measure == Measure::Utilization) {
                if (sample.utilizationPercent)
                    y = *sample.utilizationPercent;
            } else {
                y = sample.memoryPercent();
            }
            if (y)
                points << QPointF(ago, *y);
        }
        series->replace(points);
        ++index;
    }
    chart()->legend()->setVisible(m_series.size() > 1);
}

QList<QPointF> GpuHistoryChart::points(const QString &key) const
{
    const QLineSeries *series = m_series.value(key);
    return series ? series->points() : QList<QPointF>();
}

void GpuHistoryChart::applyTheme()
{
    const QPalette pal = palette();
    QChart *c = chart();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = pal.color(QPalette::Disabled, QPalette::WindowText);
    const QColor face = isDark(pal) ? pal.color(QPalette::Base).lighter(115) : pal.color(QPalette::Base);
    setBackgroundBrush(pal.color(QPalette::Window));
    c->setBackgroundBrush(face);
    c->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
    c->setPlotAreaBackgroundVisible(false);
    c->setTitleBrush(text);
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->legend()->setLabelColor(text);
    c->legend()->setFont(font());
    for (QValueAxis *axis : {m_x.data(), m_y.data()}) {
        axis->setLabelsColor(muted);
        axis->setLabelsFont(font());
        axis->setTitleBrush(muted);
        axis->setTitleFont(font());
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(tint(text, pal, 0.12));
    }
    int index = 0;
    for (const QString &key : std::as_const(m_order)) {
        if (QLineSeries *series = m_series.value(key)) {
            QPen pen(seriesColor(index));
            pen.setWidthF(2.0);
            series->setPen(pen);
        }
        ++index;
    }
}

} // namespace ui
} // namespace onramp
