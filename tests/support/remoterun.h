#pragma once

// Collecting what remote commands and terminals produce, for the integration tests.

#include "remote/transport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace onramp::testing {

constexpr int kConnectWaitMs = 20000;
constexpr int kCommandWaitMs = 30000;

// Everything one remote command produced, collected from the process's signals.
struct Run {
    QString out;
    QString err;
    QStringList outChunks;
    remote::ProcessResult result;
    bool started = false;
    bool done = false;
    int doneCount = 0;
    qint64 firstOutputMs = -1;
    qint64 doneMs = -1;
    QElapsedTimer clock;
};

inline std::shared_ptr<Run> watch(remote::RemoteProcess *process)
{
    auto run = std::make_shared<Run>();
    run->clock.start();
    QObject::connect(process, &remote::RemoteProcess::started, process, [run] { run->started = true; });
    QObject::connect(process, &remote::RemoteProcess::stdoutText, process, [run](const QString &text) {
        if (run->firstOutputMs < 0)
            run->firstOutputMs = run->clock.elapsed();
        run->out += text;
        run->outChunks << text;
    });
    QObject::connect(process, &remote::RemoteProcess::stderrText, process,
                     [run](const QString &text) { run->err += text; });
    QObject::connect(process, &remote::RemoteProcess::done, process,
                     [run](const remote::ProcessResult &result) {
                         run->result = result;
                         run->done = true;
                         ++run->doneCount;
                         run->doneMs = run->clock.elapsed();
                     });
    return run;
}

// Runs one command and waits for done(); `run->done` is false if it never came.
inline std::shared_ptr<Run> runCommand(remote::Transport &transport, const QString &command,
                                       const remote::ExecOptions &options = {})
{
    auto run = watch(transport.exec(command, options));
    static_cast<void>(QTest::qWaitFor([&] { return run->done; }, kCommandWaitMs));
    return run;
}

inline QString describe(const remote::ProcessResult &result)
{
    return QStringLiteral("exit=%1 signal=%2 error=%3 (%4)")
        .arg(result.exitCode)
        .arg(result.exitSignal, result.error ? result.error->message : QStringLiteral("none"),
             result.error ? result.error->detail : QString());
}

// Runs a local program (ssh-keygen, oathtool) and returns its stdout; exit status in *status.
inline QString runLocal(const QString &program, const QStringList &arguments, int *status = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(10000);
    if (status)
        *status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace onramp::testing
