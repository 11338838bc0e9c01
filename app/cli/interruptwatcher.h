#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace onramp::cli {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal (self-pipe), so Ctrl-C can end the remote
// command before onramp-cli exits instead of leaving it running on the cluster.
class InterruptWatcher : public QObject {
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void readSignal();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace onramp::cli
