#pragma once

// Lab helpers of the status tests (tst_status*.cpp in tests/integration and tests/ui): the knobs,
// and Slurm as root for checks and cleanup that must not depend on the code under test.
// The lab's `student` is shared by everyone who tests against the lab at the same time, so these
// tests only ever touch the jobs they started themselves (by id), never "all jobs of student".

#include "cluster/slurm/slurmvalues.h"
#include "support/labenv.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThread>

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

    // GPUs of the GPU partition's nodes that no job holds now (GRES minus GRES in use, as sinfo
    // counts them; the lab's TRES do not track GPUs), or -1 when sinfo cannot be read.
    int freeGpus()
    {
        int code = -1;
        const QString out
            = slurm(QStringLiteral("sinfo"),
                    {QStringLiteral("--Node"), QStringLiteral("--noheader"),
                     QStringLiteral("--partition=") + m_lab.value(QStringLiteral("ONRAMP_LAB_GPU_PARTITION")),
                     QStringLiteral("--Format=Gres:|,GresUsed:|")},
                    &code);
        if (code != 0)
            return -1;
        qint64 free = 0;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList cells = line.split(QLatin1Char('|'));
            const auto gres = cluster::parseGres(cells.value(0));
            const auto used = cluster::parseGres(cells.value(1));
            if (!gres || !used)
                return -1;
            free += qMax<qint64>(0, cluster::gpuCount(gres.value()) - cluster::gpuCount(used.value()));
        }
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

    // Holds every GPU that is free now with a job of another user (root), so that a new GPU job of
    // the student pends with reason Resources: what `tests/lab/knob gpus-busy N` does, but under a
    // name of this test's own, so that another test's `knob gpus-free` cannot end it halfway.
    // False when that could not be arranged.
    bool makeGpusBusy()
    {
        for (int attempt = 0; attempt < 5; ++attempt) {
            const int free = freeGpus();
            if (free < 0)
                return false;
            if (free == 0)
                return true;
            int code = -1;
            const QString id
                = slurm(QStringLiteral("sbatch"),
                        {QStringLiteral("--parsable"), QStringLiteral("--job-name=onramp-tst-status-busy"),
                         QStringLiteral("--partition=")
                             + m_lab.value(QStringLiteral("ONRAMP_LAB_GPU_PARTITION")),
                         QStringLiteral("--gres=gpu:%1").arg(free), QStringLiteral("--time=30"),
                         QStringLiteral("--output=/dev/null"), QStringLiteral("--wrap=sleep 1800")},
                        &code)
                      .trimmed()
                      .section(QLatin1Char(';'), 0, 0);
            if (code != 0 || id.isEmpty()) {
                qWarning().noquote() << "sbatch of the busy placeholder failed:" << id;
                return false;
            }
            remember(id);
            for (int i = 0; i < 300 && jobState(id) == QLatin1String("PENDING"); ++i)
                QThread::msleep(100);
            const QString state = jobState(id);
            if (state == QLatin1String("RUNNING"))
                return true;
            if (state == QLatin1String("PENDING") && freeGpus() == 0)
                return true; // it waits for a CPU, ahead of the student's job
            slurm(QStringLiteral("scancel"), {id}); // another job took a GPU meanwhile: again
        }
        return false;
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
