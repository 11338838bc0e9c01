#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace onramp {
namespace ui {

// Tells the person that something finished while they were looking elsewhere: the freedesktop
// notification service on Linux desktops (org.freedesktop.Notifications over the session bus),
// otherwise a tray balloon where a system tray exists (Windows, macOS), and always the window's
// attention request (taskbar flash, dock bounce).
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    enum class Channel { None, FreedesktopBus, TrayIcon };

    explicit DesktopNotifier(QWidget *window);
    ~DesktopNotifier() override;

    // Posts `title` and `body` (plain text) and returns how it was posted.
    Channel notify(const QString &title, const QString &body);

Q_SIGNALS:
    // The notification service took it (its id), or refused it (the message, for the log).
    void delivered(uint id);
    void failed(const QString &message);

private:
    bool postToSessionBus(const QString &title, const QString &body);
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace ui
} // namespace onramp
