#pragma once

#include "remote/transport.h"

#include <QDialog>
#include <QPointer>

class QLabel;
#include <QPushButton>

namespace onramp {
namespace ui {

// Asks whether to trust a server whose key is not in known_hosts yet: shows the host, port, key
// type and SHA256 fingerprint, explains in plain words what this means and how to check it with
// the cluster's administrators. "Cancel" is the default button; accepted() means "trust".
class HostKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit HostKeyDialog(const remote::HostKey &key, QWidget *parent = nullptr);
    ~HostKeyDialog() override;

    const remote::HostKey &hostKey() const { return m_key; }
    QString fingerprintText() const;
    QPushButton *trustButton() const { return m_trust; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    remote::HostKey m_key;
    QPointer<QLabel> m_fingerprint;
    QPointer<QPushButton> m_trust;
    QPointer<QPushButton> m_cancel;
};

} // namespace ui
} // namespace onramp
