#pragma once

#include "setup/status/gpupoll.h"
#include "ui/theme.h"

#include <QFrame>
#include <QPointer>

class QLabel;

namespace onramp {
namespace ui {

class MeterBar;

// One GPU at a glance: its index and name, utilisation and memory as gauges with their numbers,
// temperature and power, and the processes running on it.
class GpuCard : public QFrame {
    Q_OBJECT
public:
    explicit GpuCard(QWidget *parent = nullptr);

    void setReading(const setup::status::GpuReading &gpu);
    QString key() const { return m_key; }

    // For tests and accessibility: what the card shows, by objectName.
    MeterBar *utilizationBar() const;
    MeterBar *memoryBar() const;

private:
    void applyTheme();
    void showReading();

    QString m_key;
    std::optional<setup::status::GpuReading> m_reading;
    QPointer<QLabel> m_title;
    QPointer<QLabel> m_subtitle;
    QPointer<MeterBar> m_utilBar;
    QPointer<QLabel> m_utilText;
    QPointer<MeterBar> m_memoryBar;
    QPointer<QLabel> m_memoryText;
    QPointer<MeterBar> m_temperatureBar;
    QPointer<QLabel> m_temperature;
    QPointer<MeterBar> m_powerBar;
    QPointer<QLabel> m_power;
    QPointer<QLabel> m_processesHeading;
    QPointer<QLabel> m_processes;
    PaletteFollower *m_theme = nullptr;
};

// "20.0 GiB" from MiB in the person's locale; "—" when unknown.
QString formatMiB(std::optional<qint64> mib);

} // namespace ui
} // namespace onramp
