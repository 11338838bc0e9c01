#pragma once

#include "remote/transport.h"

#include <QFile>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>

namespace onramp::testing {

// The running lab's connection facts, read from lab.env (written by tests/lab/start).
// Integration tests never skip: a missing lab is a failure with a message saying why.
class LabEnv {
public:
    static QString path()
    {
        const auto env = QProcessEnvironment::systemEnvironment();
        if (env.contains(QStringLiteral("ONRAMP_LAB_ENV")))
            return env.value(QStringLiteral("ONRAMP_LAB_ENV"));
        return env.value(QStringLiteral("ONRAMP_LAB_DIR"), QStringLiteral("/tmp/onramp-lab"))
            + QStringLiteral("/lab.env");
    }

    // Returns false (and a reason) when the lab has not been started.
    bool load(QString *why)
    {
        QFile f(path());
        if (!f.open(QIODevice::ReadOnly)) {
            *why = QStringLiteral("The lab is not running: %1 is missing. Start it with tests/lab/start.").arg(path());
            return false;
        }
        for (const QByteArray &raw : f.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (line.startsWith(QLatin1Char('#')) || eq <= 0)
                continue;
            QString value = line.mid(eq + 1);
            if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))))
                value = value.mid(1, value.size() - 2);
            m_values.insert(line.left(eq).remove(QStringLiteral("export ")), value);
        }
        return true;
    }

    QString value(const QString &key) const { return m_values.value(key); }

    // The direct login node ("aha"), authenticated with the lab's client key and known_hosts.
    remote::Endpoint directEndpoint() const
    {
        remote::Endpoint e;
        e.host = value(QStringLiteral("ONRAMP_LAB_HOST"));
        e.port = value(QStringLiteral("ONRAMP_LAB_PORT")).toInt();
        e.user = value(QStringLiteral("ONRAMP_LAB_USER"));
        e.identityFile = value(QStringLiteral("ONRAMP_LAB_KEY"));
        e.knownHostsFile = value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS"));
        e.sshConfigFile = QStringLiteral("/dev/null"); // the tester's own ~/.ssh/config must not interfere
        e.connectTimeoutSec = 10;
        return e;
    }

private:
    QHash<QString, QString> m_values;
};

} // namespace onramp::testing

// Fails the current test (never skips) when the lab is not up.
#define ONRAMP_REQUIRE_LAB(labEnv)                                                                           \
    do {                                                                                                     \
        QString why_;                                                                                        \
        if (!(labEnv).load(&why_))                                                                           \
            QFAIL(qPrintable(why_));                                                                         \
    } while (false)
