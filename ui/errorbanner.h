#pragma once

#include "ui/theme.h"

#include "core/error.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QToolButton;
class QPushButton;

namespace onramp {
namespace ui {

// An inline, dismissable banner at the top of the window for an error the person must read: a
// bold title, the translated message in full (wrapped, selectable: a changed-host-key message
// carries a fingerprint and the ssh-keygen command that fixes it), the technical detail behind
// "Show details", and "Copy details" for a helpdesk ticket.
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    ~ErrorBanner() override;

    void showError(const QString &title, const Error &error);
    void dismiss();

    QString title() const;
    QString message() const;
    QString detail() const;
    // What "Copy details" puts on the clipboard: title, message and technical detail.
    QString detailsText() const;

public Q_SLOTS:
    void copyDetails();

Q_SIGNALS:
    void dismissed();

protected:
private:
    void applyTheme();
    PaletteFollower *m_theme = nullptr;
    void setDetailVisible(bool visible);

    QPointer<QLabel> m_icon;
    QPointer<QLabel> m_title;
    QPointer<QLabel> m_message;
    QPointer<QLabel> m_detail;
    QPointer<QPushButton> m_detailToggle;
    QPointer<QPushButton> m_copy;
    QPointer<QToolButton> m_close;
    Error m_error;
};

} // namespace ui
} // namespace onramp
