#pragma once

// Finding widgets by objectName and using the connection form as a person would, for the
// offscreen UI tests.

#include "remote/transport.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

namespace onramp::testing {

// The child called `name`, with a warning naming it when it is missing (the test then fails on
// the null pointer, and the log says which widget was not there).
template<typename T> T *child(const QObject *parent, const char *name)
{
    auto *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

// Types `endpoint` into the connection form of `window`.
inline void fillConnectionForm(QWidget *window, const remote::Endpoint &endpoint)
{
    child<QComboBox>(window, "hostCombo")->setCurrentText(endpoint.host);
    child<QLineEdit>(window, "userEdit")->setText(endpoint.user);
    child<QSpinBox>(window, "portSpin")->setValue(endpoint.port);
    child<QLineEdit>(window, "identityEdit")->setText(endpoint.identityFile);
    child<QLineEdit>(window, "knownHostsEdit")->setText(endpoint.knownHostsFile);
    child<QLineEdit>(window, "sshConfigEdit")->setText(endpoint.sshConfigFile);
}

inline void clickConnect(QWidget *window)
{
    QTest::mouseClick(child<QPushButton>(window, "connectButton"), Qt::LeftButton);
}

} // namespace onramp::testing
