#pragma once

#include "ui/theme.h"

#include "core/error.h"
#include "remote/transport.h"
#include "setup/commandrecord.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QLabel;

namespace onramp {
namespace ui {

class ConnectionForm;
class ErrorBanner;
class HostKeyDialog;
class LogPane;
class StatusIndicator;

// Asks the person whether to trust an unknown host key and calls `answer` exactly once (now or
// later) with the decision. The default shows a HostKeyDialog; tests answer directly.
using HostKeyPrompter = std::function<void(const remote::HostKey &key, QWidget *parent,
                                           std::function<void(bool trust)> answer)>;

// The first slice of Onramp: a connection form, the cluster's identity and partitions streamed
// into a log pane once connected, an error banner and the connection state in the status bar.
// The window never knows how SSH is done: it gets a TransportFactory from main().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(remote::TransportFactory factory, QWidget *parent = nullptr);
    ~MainWindow() override;

    ConnectionForm *connectionForm() const;
    LogPane *logPane() const;
    ErrorBanner *errorBanner() const;
    remote::Transport *transport() const { return m_transport.get(); }
    remote::ConnectionState connectionState() const { return m_state; }
    // The host-key dialog of the default prompter while it is open.
    HostKeyDialog *hostKeyDialog() const;

    // Replaces how unknown host keys are asked about; an empty prompter restores the dialog.
    void setHostKeyPrompter(HostKeyPrompter prompter);

    // The evidence of the identify command (hostname; sinfo) once it has finished.
    std::optional<setup::CommandRecord> identifyRecord() const { return m_identifyRecord; }

public Q_SLOTS:
    void connectToEndpoint(const onramp::remote::Endpoint &endpoint);
    void disconnectFromHost();

Q_SIGNALS:
    void connectionStateChanged(onramp::remote::ConnectionState state);
    void hostKeyPrompted(const onramp::remote::HostKey &key);
    void connectionFailed(const onramp::Error &error);
    void identifyFinished(const onramp::setup::CommandRecord &record);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setState(remote::ConnectionState state);
    void onHostKeyUnknown(const remote::HostKey &key);
    void onConnected();
    void onFailed(const Error &error);
    void onDisconnected();
    void runIdentify();
    void dropTransport();
    QString destination() const; // user@host for the badge and messages
    QString destinationWithPort() const;
    void applyTheme();
    PaletteFollower *m_theme = nullptr;
    void askWithDialog(const remote::HostKey &key, QWidget *parent, std::function<void(bool)> answer);

    remote::TransportFactory m_factory;
    HostKeyPrompter m_prompter;
    std::unique_ptr<remote::Transport> m_transport;
    QPointer<setup::RecordedCommand> m_identify;
    std::optional<setup::CommandRecord> m_identifyRecord;
    remote::Endpoint m_endpoint;
    remote::ConnectionState m_state = remote::ConnectionState::Disconnected;
    bool m_hostKeyRejected = false;
    bool m_wasConnected = false;

    QPointer<ConnectionForm> m_form;
    QPointer<LogPane> m_log;
    QPointer<ErrorBanner> m_banner;
    QPointer<HostKeyDialog> m_hostKeyDialog;
    QPointer<StatusIndicator> m_indicator;
    QPointer<QLabel> m_stateLabel;
    QPointer<QLabel> m_hostLabel;
    QPointer<QLabel> m_logo;
    QPointer<QWidget> m_sidebar;
};

// The window as the person sees it, with any dialog it shows drawn centred on top (QWidget::grab
// alone leaves out other top-level windows). Works offscreen and under Xvfb.
QImage renderWindow(QWidget *window);

} // namespace ui
} // namespace onramp
