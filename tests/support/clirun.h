#pragma once

// Running onramp-cli as a person or a script does, for the integration tests: a separate process,
// stdin from /dev/null and no controlling terminal (a new session), English unless asked otherwise.

#include "support/labenv.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <unistd.h>

namespace onramp::testing {

struct CliRun {
    int exitCode = -1; // -1: did not finish in time (killed) or crashed
    QString out;
    QString err;
};

// `environment` adds or replaces variables ("NAME=value"), e.g. LANG=zh_CN.UTF-8 or SSH_ASKPASS=...
inline CliRun runCli(const QString &program, const QStringList &arguments,
                     const QStringList &environment = {}, int timeoutMs = 60000)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const QString &assignment : environment)
        env.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    // No controlling terminal, whatever runs the tests: /dev/tty is not there to ask on.
    process.setChildProcessModifier([] { ::setsid(); });
    process.start(program, arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// `verb` and the options that reach the lab's login node with its key and known_hosts.
inline QStringList labCliArguments(const LabEnv &lab, const QString &verb)
{
    return {verb,
            QStringLiteral("--host"),
            lab.value(QStringLiteral("ONRAMP_LAB_HOST")),
            QStringLiteral("--port"),
            lab.value(QStringLiteral("ONRAMP_LAB_PORT")),
            QStringLiteral("--user"),
            lab.value(QStringLiteral("ONRAMP_LAB_USER")),
            QStringLiteral("--identity"),
            lab.value(QStringLiteral("ONRAMP_LAB_KEY")),
            QStringLiteral("--known-hosts"),
            lab.value(QStringLiteral("ONRAMP_LAB_KNOWN_HOSTS")),
            QStringLiteral("--ssh-config"),
            QStringLiteral("/dev/null")};
}

} // namespace onramp::testing
