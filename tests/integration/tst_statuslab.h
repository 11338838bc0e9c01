#pragma once

// Lab helpers of the status tests (tst_status*.cpp in tests/integration and tests/ui): the knobs,
// and Slurm as root for checks and cleanup that must not depend on the code under test.
// The lab's `student` is shared by everyone who tests against the lab at the same time, so these
// tests only ever touch the jobs they started themselves (by id), never "all jobs of student".

#include "cluster/slurm/scontrol.h"
#include "support/labenv.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>

namespace onramp::testing {

class StatusLab {
public:
    explicit StatusLab(const LabEnv &lab) : m_lab(lab) { }
    ~StatusLab() { restore(); }

    // tests/lab/knob ARGS (as root, the test's user). Prints what it said when it fails.
    bool knob(const QStringList &arguments)
    {
        const QString knobPath = QStringLiteral(ONRAMP_SOURCE_DIR "/tests/lab/knob");
        int code = -1;
        const QString out = run(knobPath, arguments, &code, 120000);
        if (code != 0)
            qWarning().noquote() << "knob" << arguments.join(QLatin1Char(' ')) << "failed:" << out;
        if (arguments.value(0) == QLatin1String("gpus-busy") && code == 0)
            m_gpusBusy = true;
        if (arguments.value(0) == QLatin1String("set")) {
            for (const QString &kv : arguments.mid(1))
                m_knobs.insert(kv.section(QLatin1Char('='), 0, 0));
        }
        return code == 0;
    }

    // A Slurm client command as root against the lab's controller.
    QString slurm(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
    {
        return run(program, arguments, exitCode, 30000);
    }

    // GPUs the lab node could give a new job now.
    int freeGpus()
    {
        const QString out
            = slurm(QStringLiteral("scontrol"), {QStringLiteral("show"), QStringLiteral("node")});
        const auto nodes = cluster::parseScontrolNodes(out);
        if (!nodes)
            return -1;
        qint64 free = 0;
        for (const cluster::NodeDetails &node : nodes.value())
            free += node.freeGpus();
        return int(free);
    }

    // The job's state as squeue prints it now ("RUNNING", "PENDING"); empty once it has left the queue.
    QString jobState(const QString &id)
    {
        return slurm(QStringLiteral("squeue"),
                     {QStringLiteral("--noheader"), QStringLiteral("--jobs=") + id,
                      QStringLiteral("--format=%T")})
            .trimmed();
    }

    // A job this test started: cancelled by restore() whatever happens.
    void remember(const QString &id)
    {
        if (!id.isEmpty())
            m_jobs.insert(id);
    }

    // Puts the lab back as it was: this test's jobs cancelled (but `keep`), busy GPUs freed, knobs
    // removed.
    void restore(const QString &keep = {})
    {
        for (const QString &id : std::as_const(m_jobs)) {
            if (id != keep)
                slurm(QStringLiteral("scancel"), {id});
        }
        m_jobs.clear();
        remember(keep);
        if (m_gpusBusy)
            knob({QStringLiteral("gpus-free")});
        m_gpusBusy = false;
        if (!m_knobs.isEmpty()) {
            const QStringList keys(m_knobs.begin(), m_knobs.end());
            m_knobs.clear();
            knob(QStringList {QStringLiteral("unset")} + keys);
        }
    }

    // Holds the GPUs that are free now with another user's job (knob gpus-busy N), so that a new
    // GPU job of the student pends with reason Resources. False when that could not be arranged.
    bool makeGpusBusy()
    {
        const int free = freeGpus();
        if (free < 0)
            return false;
        if (free == 0)
            return true; // someone else's jobs already hold them all
        return knob({QStringLiteral("gpus-busy"), QString::number(free)});
    }

private:
    QString run(const QString &program, const QStringList &arguments, int *exitCode, int timeoutMs)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SLURM_CONF"), m_lab.value(QStringLiteral("ONRAMP_LAB_SLURM_CONF")));
        env.insert(QStringLiteral("ONRAMP_LAB_DIR"), m_lab.value(QStringLiteral("ONRAMP_LAB_DIR")));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        if (exitCode)
            *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return QString::fromUtf8(process.readAll());
    }

    const LabEnv &m_lab;
    QSet<QString> m_jobs;
    QSet<QString> m_knobs;
    bool m_gpusBusy = false;
};

} // namespace onramp::testing
