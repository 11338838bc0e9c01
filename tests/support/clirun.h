#pragma once

// Running onramp-cli as a person or a script does, for the integration tests: a separate process,
// stdin from /dev/null and no controlling terminal (a new session), English unless asked otherwise.

#include "support/labenv.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

#include <unistd.h>

namespace onramp::testing {

struct CliRun {
    int exitCode = -1; // -1: did not finish in time (killed) or crashed
    QString out;
    QString err;
};

// The environment onramp-cli runs with in tests: English, plus `environment` ("NAME=value", adding or
// replacing), e.g. LANG=zh_CN.UTF-8, SSH_ASKPASS=... or XDG_DATA_HOME=...
inline QProcessEnvironment cliEnvironment(const QStringList &environment = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const QString &assignment : environment)
        env.insert(assignment.section(QLatin1Char('='), 0, 0), assignment.section(QLatin1Char('='), 1));
    return env;
}

// Starts onramp-cli in `process` without a controlling terminal (a new session), whatever runs
// the tests, so /dev/tty is not there to ask on.
inline void startCli(QProcess &process, const QString &program, const QStringList &arguments,
                     const QStringList &environment = {})
{
    process.setProcessEnvironment(cliEnvironment(environment));
    process.setChildProcessModifier([] { ::setsid(); });
    process.start(program, arguments);
}

// Runs onramp-cli to its end. stdin is /dev/null unless `input` is given (a pasted log, answers).
inline CliRun runCli(const QString &program, const QStringList &arguments,
                     const QStringList &environment = {}, int timeoutMs = 60000,
                     const std::optional<QByteArray> &input = std::nullopt)
{
    QProcess process;
    if (!input)
        process.setStandardInputFile(QProcess::nullDevice());
    startCli(process, program, arguments, environment);
    CliRun run;
    if (input) {
        if (!process.waitForStarted(30000))
            return run;
        process.write(*input);
        process.closeWriteChannel();
    }
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
