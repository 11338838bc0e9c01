#include "cluster/logdiagnosis.h"

#include "cluster/conda/condadiagnosis.h"
#include "cluster/conda/condaoutput.h"
#include "cluster/gpu/gpudiagnosis.h"
#include "cluster/gpu/torchprobe.h"
#include "cluster/slurm/slurmdiagnosis.h"
#include "cluster/slurm/slurmparsers.h"
#include "cluster/slurm/slurmvalues.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace onramp::cluster {

namespace {

// The sentences of the rules below, in the cluster layer's translation context.
QString translated(const char *text)
{
    return QCoreApplication::translate("onramp::cluster", text);
}

struct Rule {
    QString code;
    QRegularExpression pattern;
    const char *summary;
    const char *suggestion;
};

// What a log has besides the tools' own errors. Each pattern matches one rendered line.
const QList<Rule> &lineRules()
{
    static const QList<Rule> rules {
        {QStringLiteral("log.disk.full"),
         QRegularExpression(QStringLiteral(R"(No space left on device|\[Errno 28\])")),
         QT_TRANSLATE_NOOP("onramp::cluster", "The disk is full: a program could not write its files."),
         QT_TRANSLATE_NOOP(
             "onramp::cluster",
             "Free space where it was writing (see the path in the message): delete files you no longer "
             "need, clean conda's package cache with “conda clean --all”, or write to a roomier file "
             "system such as the cluster's work or scratch space.")},
        {QStringLiteral("log.disk.quota"),
         QRegularExpression(QStringLiteral(R"(Disk quota exceeded|\[Errno 122\])")),
         QT_TRANSLATE_NOOP("onramp::cluster",
                           "Your disk quota is used up: a program could not write its files."),
         QT_TRANSLATE_NOOP(
             "onramp::cluster",
             "Check your quota (quota -s, or the cluster's own command), delete files you no longer need, "
             "clean conda's package cache with “conda clean --all”, or move conda's pkgs_dirs and "
             "envs_dirs to a roomier place.")},
        // OpenSSH's words; a bare "Broken pipe" is left out: Python prints it when a pipe's reader
        // ends (`python x.py | head`), which is no lost connection.
        {QStringLiteral("log.connection.lost"),
         QRegularExpression(QStringLiteral(
             R"(Connection to \S+ closed by remote host|Connection closed by \S+ port \d+|)"
             R"(Connection reset by \S+ port \d+|client_loop: send disconnect|packet_write_wait: |)"
             R"(Write failed: Broken pipe|Timeout, server \S+ not responding)")),
         QT_TRANSLATE_NOOP("onramp::cluster", "The SSH connection to the cluster was lost."),
         QT_TRANSLATE_NOOP(
             "onramp::cluster",
             "Connect again. What ran in that session (including srun --pty) was probably stopped with "
             "it: run long work with sbatch, or inside tmux or screen on the login node, so that it "
             "survives a lost connection (Onramp runs its long steps that way).")},
    };
    return rules;
}

// A log of conda's: its progress lines, its exception names, its --json error document, or a
// conda command line. Only then are conda's recognisers asked, so that a Python error of another
// program is not taken for conda's.
const QRegularExpression &condaMarker()
{
    static const QRegularExpression re(QStringLiteral(
        R"(Collecting package metadata|Solving environment|PackagesNotFoundError|UnsatisfiableError|)"
        R"(CondaHTTPError|CondaError|CondaMultiError|CondaValueError|"exception_name"|)"
        R"(EnvironmentLocationNotFound|EnvironmentNameNotFound|UnavailableInvalidChannel|InvalidMatchSpec|)"
        R"(Encountered problems while solving|Could not solve for environment specs|conda\.cli\.|)"
        R"(usage: conda|\bconda (?:create|install|env|run|activate|update|remove|list|info|search|config)\b|)"
        R"('conda (?:de)?activate'|\bmamba\b)"));
    return re;
}

// Python's own exceptions: conda's generic "conda.<Name>" for these comes from another program's
// traceback in the same log, never from conda.
bool isPythonBuiltinException(QStringView name)
{
    static const QSet<QString> names {
        QStringLiteral("RuntimeError"),
        QStringLiteral("ValueError"),
        QStringLiteral("OSError"),
        QStringLiteral("IOError"),
        QStringLiteral("TypeError"),
        QStringLiteral("KeyError"),
        QStringLiteral("IndexError"),
        QStringLiteral("AttributeError"),
        QStringLiteral("ImportError"),
        QStringLiteral("ModuleNotFoundError"),
        QStringLiteral("AssertionError"),
        QStringLiteral("NotImplementedError"),
        QStringLiteral("FileNotFoundError"),
        QStringLiteral("PermissionError"),
        QStringLiteral("MemoryError"),
        QStringLiteral("RecursionError"),
        QStringLiteral("ZeroDivisionError"),
        QStringLiteral("UnicodeDecodeError"),
        QStringLiteral("UnicodeEncodeError"),
        QStringLiteral("ConnectionError"),
        QStringLiteral("TimeoutError"),
        QStringLiteral("BrokenPipeError"),
        QStringLiteral("NameError"),
        QStringLiteral("SyntaxError"),
        QStringLiteral("Exception"),
        QStringLiteral("StopIteration"),
    };
    return names.contains(name.toString());
}

// A line a Slurm program printed: "srun: error: ...", "slurmstepd-vm: error: *** JOB ...",
// "slurm_load_jobs error: ...", "bash: srun: command not found"; a paste may begin with half a
// character (U+FFFD). explainSlurmOutput's generic rules ("invalid option --", "error:") would
// otherwise claim other programs' lines.
bool isSlurmLine(QStringView line)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^[\s\x{FFFD}]*(?:srun|sbatch|salloc|scancel|scontrol|squeue|sinfo|sacct|sstat|slurmstepd(?:-\S+)?)(?:\[\d+\])?:|)"
        R"(\bslurm|\bSlurm|\bSLURM|\*\*\* (?:JOB|STEP) |)"
        R"(\b(?:srun|sbatch|salloc|squeue|sinfo|scontrol|scancel): (?:command )?not found)"));
    return re.match(line).hasMatch();
}

// squeue's default table ("  90  gpu onramp-c student PD  0:00  1 (Resources)") and its long form
// (-l: "PENDING"). The name may hold spaces; the state is the word before the time.
const QRegularExpression &squeueRow()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*(\d[\w\[\]\-+,]*)\s+\S+\s+.*?\s(PD|PENDING|TO|TIMEOUT|F|FAILED|OOM|OUT_OF_MEMORY|NF|NODE_FAIL|)"
        R"(CA|CANCELLED|PR|PREEMPTED|DL|DEADLINE|BF|BOOT_FAIL)\s+(?:\d+-)?[\d:]+\s+(?:\S+\s+)?\d+\s+(.*)$)"));
    return re;
}

// scontrol show job: "   JobState=TIMEOUT Reason=TimeLimit Dependency=(null)".
const QRegularExpression &scontrolState()
{
    static const QRegularExpression re(QStringLiteral(R"(\bJobState=(\S+)\s+Reason=(\S+))"));
    return re;
}

enum Tier {
    Storage = 0, // a full disk or quota: the cause behind many other failures
    Failure = 1, // a tool's failure, in the order of the log
    Waiting = 2, // a job that waits
    Consequence = 3, // what follows from a failure, or what Onramp cannot explain
};

Tier tierOf(const QString &code)
{
    if (code.contains(u".disk."))
        return Storage;
    if (code.startsWith(u"slurm.pending."))
        return Waiting;
    static const QSet<QString> specificConda {
        QStringLiteral("conda.PackagesNotFoundError"), QStringLiteral("conda.UnsatisfiableError"),
        QStringLiteral("conda.LibMambaUnsatisfiableError"), QStringLiteral("conda.CondaHTTPError"),
        QStringLiteral("conda.UnavailableInvalidChannel")};
    const bool genericConda = code.size() > 6 && code.startsWith(u"conda.") && code.at(6).isUpper()
        && !specificConda.contains(code);
    if (genericConda || code == u"conda.crash" || code == u"slurm.error.unknown"
        || code == u"slurm.error.Cancelled" || code == u"slurm.error.TaskExitCode"
        || code == u"slurm.state.CANCELLED")
        return Consequence;
    return Failure;
}

struct Found {
    Diagnosis diagnosis;
    qsizetype position; // where its evidence is in the rendered log, for the order
    int merged = 0;
};

// Evidence lines kept for one Diagnosis: enough to show the pattern, bounded for huge logs.
constexpr int kMaxMergedEvidence = 5;

class Collector {
public:
    explicit Collector(const QString &rendered) : m_rendered(rendered) { }

    // `fallback`: where to order it when its evidence is not verbatim in the rendered log (a
    // --json document's text, the probe's synthesised words).
    void add(Diagnosis diagnosis, qsizetype fallback)
    {
        if (diagnosis.code.isEmpty())
            return;
        if (Found *same = find(diagnosis.code)) {
            merge(*same, diagnosis.evidence);
            return;
        }
        const QString first = diagnosis.evidence.section(u'\n', 0, 0).trimmed();
        qsizetype position = first.isEmpty() ? -1 : m_rendered.indexOf(first);
        if (position < 0)
            position = fallback;
        m_found.append(Found {std::move(diagnosis), position});
    }

    bool has(QStringView code) const
    {
        return std::any_of(m_found.cbegin(), m_found.cend(),
                           [code](const Found &f) { return f.diagnosis.code == code; });
    }

    bool hasPrefix(QStringView prefix) const
    {
        return std::any_of(m_found.cbegin(), m_found.cend(),
                           [prefix](const Found &f) { return f.diagnosis.code.startsWith(prefix); });
    }

    qsizetype size() const { return m_found.size(); }

    void remove(QStringView code)
    {
        m_found.removeIf([code](const Found &f) { return f.diagnosis.code == code; });
    }

    Diagnoses result()
    {
        std::stable_sort(m_found.begin(), m_found.end(), [](const Found &a, const Found &b) {
            const Tier ta = tierOf(a.diagnosis.code);
            const Tier tb = tierOf(b.diagnosis.code);
            return ta != tb ? ta < tb : a.position < b.position;
        });
        // Two tools saying the same thing (nvidia-smi's and PyTorch's driver mismatch, Slurm's
        // "DUE TO TIME LIMIT" and scontrol's TIMEOUT) are one problem: the first keeps both words.
        QList<Found> unique;
        for (Found &f : m_found) {
            auto same = std::find_if(unique.begin(), unique.end(), [&f](const Found &u) {
                return u.diagnosis.summary == f.diagnosis.summary;
            });
            if (same == unique.end())
                unique.append(std::move(f));
            else
                merge(*same, f.diagnosis.evidence);
        }
        Diagnoses out;
        out.reserve(unique.size());
        for (Found &f : unique)
            out.append(std::move(f.diagnosis));
        return out;
    }

private:
    Found *find(QStringView code)
    {
        for (Found &f : m_found) {
            if (f.diagnosis.code == code)
                return &f;
        }
        return nullptr;
    }

    static void merge(Found &into, const QString &evidence)
    {
        if (evidence.isEmpty() || into.diagnosis.evidence.contains(evidence)
            || into.merged >= kMaxMergedEvidence)
            return;
        into.diagnosis.evidence += u'\n' + evidence;
        ++into.merged;
    }

    const QString &m_rendered;
    QList<Found> m_found;
};

void addConda(Collector &found, QStringView raw, const QString &rendered)
{
    const auto marker = condaMarker().match(rendered);
    if (!marker.hasMatch())
        return;
    for (Diagnosis &d : diagnoseCondaOutput(raw)) {
        if (d.code.startsWith(u"conda.") && isPythonBuiltinException(QStringView(d.code).mid(6)))
            continue;
        // conda explains any traceback it sees; only one through conda's own code is conda's crash.
        if (d.code == u"conda.crash" && !d.evidence.contains(u"conda"))
            continue;
        found.add(std::move(d), marker.capturedStart());
    }
}

void addSlurm(Collector &found, const QStringList &lines)
{
    QSet<QStringView> seen;
    qsizetype offset = 0;
    for (const QString &line : lines) {
        const qsizetype position = offset;
        offset += line.size() + 1;
        if (seen.contains(line))
            continue;
        seen.insert(line);

        if (const auto row = squeueRow().match(line); row.hasMatch()) {
            Job job;
            job.stateText = row.captured(2);
            job.state = parseJobState(job.stateText);
            const QString last = row.captured(3).trimmed();
            if (last.startsWith(u'(') && last.endsWith(u')'))
                job.reason = last.mid(1, last.size() - 2);
            if (job.state != JobState::Pending || !job.reason.isEmpty()) {
                if (std::optional<Diagnosis> d = explainJob(job)) {
                    d->evidence = line.trimmed();
                    found.add(std::move(*d), position);
                }
            }
            continue;
        }
        if (const auto state = scontrolState().match(line); state.hasMatch()) {
            Job job;
            job.stateText = state.captured(1);
            job.state = parseJobState(job.stateText);
            job.reason = state.captured(2);
            if (std::optional<Diagnosis> d = explainJob(job)) {
                d->evidence = line.trimmed();
                found.add(std::move(*d), position);
            }
            continue;
        }
        if (!isSlurmLine(line))
            continue;
        for (Diagnosis &d : explainSlurmOutput(line))
            found.add(std::move(d), position);
    }
}

void addGpu(Collector &found, QStringView raw, const QString &rendered)
{
    // Onramp's PyTorch probe: its JSON line is read as such, and left out of the text below, whose
    // evidence would otherwise be that whole line.
    QString text = rendered;
    if (const qsizetype probe = rendered.indexOf(u"\"onramp_probe\""); probe >= 0) {
        if (Result<TorchProbeResult> result = parseTorchProbe(raw)) {
            for (Diagnosis &d : diagnoseTorchProbe(result.value()))
                found.add(std::move(d), probe);
            const qsizetype start = rendered.lastIndexOf(u'\n', probe) + 1;
            const qsizetype end = rendered.indexOf(u'\n', probe);
            text.remove(start, (end < 0 ? rendered.size() : end) - start);
        }
    }
    if (std::optional<Diagnosis> smi = diagnoseNvidiaSmi(text))
        found.add(std::move(*smi), 0);
    for (Diagnosis &d : diagnoseTorchOutput(text))
        found.add(std::move(d), 0);

    // `print(torch.cuda.is_available())` answering False, or collect_env's "Is CUDA available: False":
    // worth saying only when nothing above tells why.
    if (found.hasPrefix(u"torch.") || found.hasPrefix(u"nvidia-smi."))
        return;
    static const QRegularExpression unavailable(
        QStringLiteral(
            R"(^Is CUDA available: (?:False|No)$|is_available\(\)[^\n]*\n(?:[^\n]*\n){0,3}?False$)"),
        QRegularExpression::MultilineOption);
    if (const auto m = unavailable.match(text); m.hasMatch()) {
        found.add(Diagnosis {QStringLiteral("torch.cuda-unavailable"),
                             translated(QT_TRANSLATE_NOOP(
                                 "onramp::cluster",
                                 "PyTorch says CUDA is not available: it cannot use a GPU here.")),
                             translated(QT_TRANSLATE_NOOP(
                                 "onramp::cluster",
                                 "Run it inside a job that asks for a GPU (srun --gres=gpu:1 ...) and "
                                 "check that PyTorch is a CUDA build (torch.version.cuda is not None). If "
                                 "both are right, run nvidia-smi in that job: its message tells what is "
                                 "wrong with the node's driver.")),
                             m.captured(0).trimmed()},
                  m.capturedStart());
    }
}

void addLineRules(Collector &found, const QStringList &lines)
{
    qsizetype offset = 0;
    for (const QString &line : lines) {
        const qsizetype position = offset;
        offset += line.size() + 1;
        for (const Rule &rule : lineRules()) {
            if (!rule.pattern.match(line).hasMatch())
                continue;
            // conda's own explanation of the same full disk says more (which of its folders).
            if ((rule.code == u"log.disk.full" && found.has(u"conda.disk.full"))
                || (rule.code == u"log.disk.quota" && found.has(u"conda.disk.quota")))
                continue;
            found.add(
                Diagnosis {rule.code, translated(rule.summary), translated(rule.suggestion), line.trimmed()},
                position);
        }
    }
}

} // namespace

Diagnoses diagnoseLog(QStringView text)
{
    // As a terminal showed it: progress redrawn with \r and colour codes are gone.
    const QStringList lines = condaoutput::renderLines(text);
    const QString rendered = lines.join(u'\n');

    Collector found(rendered);
    addConda(found, text, rendered);
    addSlurm(found, lines);
    addGpu(found, text, rendered);
    addLineRules(found, lines);

    // An exit code or a killed step says nothing new beside the failure that explains it.
    static const QStringList endings {
        QStringLiteral("slurm.error.TimeLimitReached"), QStringLiteral("slurm.error.Preempted"),
        QStringLiteral("slurm.error.NodeFailure"), QStringLiteral("slurm.error.OutOfMemory"),
        QStringLiteral("slurm.error.AllocationExpired")};
    const bool ended = found.hasPrefix(u"slurm.state.")
        || std::any_of(endings.cbegin(), endings.cend(), [&found](const QString &c) { return found.has(c); });
    if (ended)
        found.remove(u"slurm.error.Cancelled");
    if (found.has(u"slurm.error.TaskExitCode") && found.size() > 1)
        found.remove(u"slurm.error.TaskExitCode");
    return found.result();
}

} // namespace onramp::cluster
