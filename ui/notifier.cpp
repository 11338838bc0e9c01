#include "ui/notifier.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

#if defined(ONRAMP_HAVE_QTDBUS)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace onramp {
namespace ui {

namespace {
constexpr int kShowForMs = 10000;
}

DesktopNotifier::DesktopNotifier(QWidget *window) : QObject(window), m_window(window) { }

DesktopNotifier::~DesktopNotifier() = default;

DesktopNotifier::Channel DesktopNotifier::notify(const QString &title, const QString &body)
{
    if (m_window)
        QApplication::alert(m_window);
    if (postToSessionBus(title, body))
        return Channel::FreedesktopBus;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
                if (m_window) {
                    m_window->showNormal();
                    m_window->raise();
                    m_window->activateWindow();
                }
            });
        }
        m_tray->show();
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, kShowForMs);
        return Channel::TrayIcon;
    }
    return Channel::None;
}

bool DesktopNotifier::postToSessionBus(const QString &title, const QString &body)
{
#if defined(ONRAMP_HAVE_QTDBUS)
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(service).value())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(
        service, QStringLiteral("/org/freedesktop/Notifications"), service, QStringLiteral("Notify"));
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout); the
    // body is escaped because servers may read it as markup.
    call << QStringLiteral("Onramp") << uint(0) << QStringLiteral("onramp") << title << body.toHtmlEscaped()
         << QStringList() << QVariantMap {{QStringLiteral("desktop-entry"), QStringLiteral("onramp")}}
         << kShowForMs;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError())
            Q_EMIT failed(reply.error().message());
        else
            Q_EMIT delivered(reply.value());
        w->deleteLater();
    });
    return true;
#else
    Q_UNUSED(title)
    Q_UNUSED(body)
    return false;
#endif
}

} // namespace ui
} // namespace onramp
