#include "ui/status/gpucard.h"

#include "ui/retranslate.h"
#include "ui/status/meterbar.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace onramp {
namespace ui {

QString formatMiB(std::optional<qint64> mib)
{
    if (!mib)
        return QStringLiteral("—");
    if (*mib < 1024)
        return GpuCard::tr("%1 MiB").arg(QLocale().toString(*mib));
    return QLocale().formattedDataSize(*mib * 1024 * 1024, 1, QLocale::DataSizeIecFormat);
}

GpuCard::GpuCard(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("gpuCard"));
    setAttribute(Qt::WA_StyledBackground);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("gpuTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.08);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("gpuSubtitle"));
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_utilBar = new MeterBar(this);
    m_utilBar->setObjectName(QStringLiteral("gpuUtilizationBar"));
    m_utilText = new QLabel(this);
    m_utilText->setObjectName(QStringLiteral("gpuUtilization"));
    m_memoryBar = new MeterBar(this);
    m_memoryBar->setObjectName(QStringLiteral("gpuMemoryBar"));
    m_memoryBar->setWarnAbove(90);
    m_memoryText = new QLabel(this);
    m_memoryText->setObjectName(QStringLiteral("gpuMemory"));
    m_temperatureBar = new MeterBar(this);
    m_temperatureBar->setObjectName(QStringLiteral("gpuTemperatureBar"));
    m_temperatureBar->setWarnAbove(85);
    m_powerBar = new MeterBar(this);
    m_powerBar->setObjectName(QStringLiteral("gpuPowerBar"));
    m_temperature = new QLabel(this);
    m_temperature->setObjectName(QStringLiteral("gpuTemperature"));
    m_power = new QLabel(this);
    m_power->setObjectName(QStringLiteral("gpuPower"));
    for (QLabel *value : {m_utilText.data(), m_memoryText.data(), m_temperature.data(), m_power.data()})
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_processesHeading = new QLabel(this);
    m_processesHeading->setObjectName(QStringLiteral("gpuProcessesHeading"));
    m_processes = new QLabel(this);
    m_processes->setObjectName(QStringLiteral("gpuProcesses"));
    m_processes->setWordWrap(true);
    m_processes->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(1, 1);
    int row = 0;
    const auto addRow = [&](QWidget *middle, QLabel *value) {
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("gpuFieldName"));
        grid->addWidget(label, row, 0);
        if (middle)
            grid->addWidget(middle, row, 1);
        grid->addWidget(value, row, 2);
        ++row;
        return label;
    };
    QLabel *utilLabel = addRow(m_utilBar, m_utilText);
    QLabel *memoryLabel = addRow(m_memoryBar, m_memoryText);
    QLabel *temperatureLabel = addRow(m_temperatureBar, m_temperature);
    QLabel *powerLabel = addRow(m_powerBar, m_power);
    grid->setColumnMinimumWidth(2, fontMetrics().horizontalAdvance(QStringLiteral("00.0 GiB / 00.0 GiB")));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(10);
    auto *head = new QVBoxLayout;
    head->setSpacing(2);
    head->addWidget(m_title);
    head->addWidget(m_subtitle);
    layout->addLayout(head);
    layout->addLayout(grid);
    layout->addWidget(m_processesHeading);
    layout->addWidget(m_processes);

    m_theme = new PaletteFollower(this, [this] { applyTheme(); });
    bindTranslation(this, [=, this] {
        m_processesHeading->setText(tr("Processes"));
        utilLabel->setText(tr("Utilisation"));
        memoryLabel->setText(tr("Memory"));
        temperatureLabel->setText(tr("Temperature"));
        powerLabel->setText(tr("Power"));
        showReading();
    });
}

MeterBar *GpuCard::utilizationBar() const
{
    return m_utilBar;
}

MeterBar *GpuCard::memoryBar() const
{
    return m_memoryBar;
}

void GpuCard::setReading(const setup::status::GpuReading &gpu)
{
    m_reading = gpu;
    showReading();
}

void GpuCard::showReading()
{
    if (!m_reading)
        return;
    const setup::status::GpuReading &gpu = *m_reading;
    const cluster::GpuStatus &s = gpu.status;
    m_key = gpu.key();
    setProperty("gpuKey", m_key);
    const QString index = s.index ? QString::number(*s.index) : QStringLiteral("?");
    m_title->setText(tr("GPU %1 · %2").arg(index, s.name.isEmpty() ? tr("unknown model") : s.name));
    QStringList facts;
    if (!s.pciBusId.isEmpty())
        facts << tr("Bus %1").arg(s.pciBusId);
    if (!s.pstate.isEmpty())
        facts << tr("Performance state %1").arg(s.pstate);
    m_subtitle->setText(facts.join(QStringLiteral(" · ")));
    m_subtitle->setToolTip(s.uuid);

    const auto percent = [](std::optional<int> v) { return v ? std::optional<double>(*v) : std::nullopt; };
    const QString util = s.utilizationGpuPercent ? tr("%1 %").arg(*s.utilizationGpuPercent) : tr("unknown");
    m_utilBar->setValue(percent(s.utilizationGpuPercent), util);
    m_utilText->setText(util);

    std::optional<double> memPercent;
    if (s.memoryUsedMiB && s.memoryTotalMiB && *s.memoryTotalMiB > 0)
        memPercent = 100.0 * double(*s.memoryUsedMiB) / double(*s.memoryTotalMiB);
    const QString memory = tr("%1 of %2").arg(formatMiB(s.memoryUsedMiB), formatMiB(s.memoryTotalMiB));
    m_memoryBar->setValue(memPercent, memory);
    m_memoryText->setText(memory);

    m_temperature->setText(s.temperatureC ? tr("%1 °C").arg(*s.temperatureC) : tr("unknown"));
    // GPUs slow themselves down near 90 °C: the gauge runs from 0 to 100 °C.
    m_temperatureBar->setValue(s.temperatureC ? std::optional<double>(*s.temperatureC) : std::nullopt,
                               m_temperature->text());
    std::optional<double> powerPercent;
    if (s.powerDrawW && s.powerLimitW && *s.powerLimitW > 0)
        powerPercent = 100.0 * *s.powerDrawW / *s.powerLimitW;
    if (s.powerDrawW && s.powerLimitW)
        m_power->setText(
            tr("%1 W of %2 W")
                .arg(QLocale().toString(*s.powerDrawW, 'f', 0), QLocale().toString(*s.powerLimitW, 'f', 0)));
    else if (s.powerDrawW)
        m_power->setText(tr("%1 W").arg(QLocale().toString(*s.powerDrawW, 'f', 0)));
    else
        m_power->setText(tr("unknown"));
    m_powerBar->setValue(powerPercent, m_power->text());

    QStringList lines;
    QStringList full;
    for (const cluster::GpuProcess &p : gpu.processes) {
        const QString name = p.name.isEmpty() ? tr("(no name)") : QFileInfo(p.name).fileName();
        const QString pid = p.pid ? QString::number(*p.pid) : QStringLiteral("?");
        lines << tr("PID %1 · %2 · %3").arg(pid, name, formatMiB(p.usedMemoryMiB));
        full << tr("PID %1: %2").arg(pid, p.name);
    }
    m_processes->setText(lines.isEmpty() ? tr("No processes are using this GPU.")
                                         : lines.join(QLatin1Char('\n')));
    m_processes->setToolTip(full.join(QLatin1Char('\n')));
    m_processes->setProperty("processCount", gpu.processes.size());
}

void GpuCard::applyTheme()
{
    const QPalette pal = palette();
    const QColor border = pal.color(QPalette::Mid);
    const QColor face = isDark(pal) ? pal.color(QPalette::Base).lighter(115) : pal.color(QPalette::Base);
    const QColor muted = pal.color(QPalette::Disabled, QPalette::WindowText);
    setStyleSheet(
        QStringLiteral("QFrame#gpuCard { background: %1; border: 1px solid %2; border-radius: 8px; }"
                       "QLabel#gpuSubtitle, QLabel#gpuFieldName, QLabel#gpuProcessesHeading { color: %3; }")
            .arg(face.name(), border.name(), muted.name()));
}

} // namespace ui
} // namespace onramp
