#pragma once

#include "remote/transport.h"

#include <QWidget>

namespace onramp {
namespace ui {

// A small dot in the connection state's colour: grey when not connected, amber while connecting
// or reconnecting, green when connected, red when the connection failed or was lost.
class StatusIndicator : public QWidget {
    Q_OBJECT
public:
    explicit StatusIndicator(QWidget *parent = nullptr);

    void setState(remote::ConnectionState state);
    remote::ConnectionState state() const { return m_state; }
    QColor color() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    remote::ConnectionState m_state = remote::ConnectionState::Disconnected;
};

} // namespace ui
} // namespace onramp
