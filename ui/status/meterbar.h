#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

#include <optional>

namespace onramp {
namespace ui {

// A thin horizontal gauge (utilisation, memory) with its value in words beside it. Drawn from the
// palette, so it reads the same in light and dark mode; an unknown value shows an empty track.
class MeterBar : public QWidget {
    Q_OBJECT
public:
    explicit MeterBar(QWidget *parent = nullptr);

    // 0..100, or std::nullopt when the tool had no value.
    void setValue(std::optional<double> percent, const QString &text);
    std::optional<double> value() const { return m_percent; }
    QString text() const { return m_text; }
    // Above this the bar turns to the warning colour (default: never).
    void setWarnAbove(double percent) { m_warnAbove = percent; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::optional<double> m_percent;
    QString m_text;
    double m_warnAbove = 101;
};

} // namespace ui
} // namespace onramp
