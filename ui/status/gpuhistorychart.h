#pragma once

#include "setup/status/gpumonitor.h"
#include "ui/theme.h"

#include <QChartView>
#include <QHash>
#include <QPointer>

class QLineSeries;
class QValueAxis;

namespace onramp {
namespace ui {

// The history of one measure of every GPU (utilisation, or memory in use as a share of the total)
// as lines over the last minutes (the span there is, up to the monitor's window), now on the
// right. Colours follow the palette.
class GpuHistoryChart : public QChartView {
    Q_OBJECT
public:
    enum class Measure { Utilization, Memory };

    explicit GpuHistoryChart(Measure measure, QWidget *parent = nullptr);

    // Redraws from the monitor's history; `nowMs` is the right edge (ms since the epoch).
    void showHistory(const setup::status::GpuMonitor &monitor, qint64 nowMs);
    // Points of the GPU with this key, for tests: x = seconds ago, y = percent.
    QList<QPointF> points(const QString &key) const;
    int seriesCount() const { return int(m_series.size()); }

private:
    void applyTheme();
    QColor seriesColor(int index) const;
    void retranslate();
    QString seriesName(const QString &key, int index) const;

    Measure m_measure;
    QPointer<QValueAxis> m_x;
    QPointer<QValueAxis> m_y;
    QHash<QString, QLineSeries *> m_series;
    QStringList m_order;
    // What the legend calls each GPU: its index, else (-1) its model name.
    QHash<QString, int> m_gpuIndex;
    QHash<QString, QString> m_gpuName;
    PaletteFollower *m_theme = nullptr;
};

} // namespace ui
} // namespace onramp
