#include "cluster/slurm/scontrol.h"

#include "cluster/slurm/slurmdetail.h"

#include <QRegularExpression>

#include <algorithm>

namespace onramp::cluster {

using namespace slurm_detail;

namespace {

// Keys whose value is the rest of their line when they start it: file names and free text.
bool isWholeLineKey(QStringView key)
{
    static const QStringList keys {
        QStringLiteral("Command"),      QStringLiteral("WorkDir"),       QStringLiteral("StdErr"),
        QStringLiteral("StdIn"),        QStringLiteral("StdOut"),        QStringLiteral("Comment"),
        QStringLiteral("AdminComment"), QStringLiteral("SystemComment"), QStringLiteral("OS")};
    return keys.contains(key);
}

struct KeyAt {
    qsizetype start; // of the key
    qsizetype equals; // position of '='
};

// Key=Value starts: a key at the line start or after whitespace.
QList<KeyAt> keysIn(QStringView line)
{
    static const QRegularExpression keyRe(QStringLiteral(R"((?:^|(?<=\s))([A-Za-z][A-Za-z0-9_:/]*)=)"));
    QList<KeyAt> keys;
    auto it = keyRe.globalMatch(line);
    while (it.hasNext()) {
        const auto match = it.next();
        keys << KeyAt {match.capturedStart(1), match.capturedEnd(1)};
    }
    return keys;
}

QString noNull(const QString &value)
{
    return value == u"(null)" || value == u"N/A" ? QString() : value;
}

std::optional<int> leadingInt(const QString &value)
{
    // "1", "1-1" (a pending job's node range), "2+" are counts; "N/A", "(null)" are not.
    static const QRegularExpression re(QStringLiteral(R"(^(\d{1,9}))"));
    const auto match = re.match(value);
    if (!match.hasMatch())
        return std::nullopt;
    return match.capturedView(1).toInt();
}

SlurmDuration durationOf(const QString &value)
{
    return parseSlurmDuration(value).value_or(SlurmDuration {});
}

QMap<QString, QString> tresOf(const QString &value)
{
    auto tres = parseTres(value);
    return tres ? tres.value() : QMap<QString, QString> {};
}

QString userOf(const QString &value)
{
    // "phil(5136)" -> "phil"
    const qsizetype paren = value.indexOf(u'(');
    return paren > 0 ? value.left(paren) : value;
}

} // namespace

QString ScontrolRecord::value(QStringView key) const
{
    for (const auto &[k, v] : fields) {
        if (k == key)
            return v;
    }
    return {};
}

bool ScontrolRecord::contains(QStringView key) const
{
    return std::any_of(fields.cbegin(), fields.cend(),
                       [key](const auto &field) { return field.first == key; });
}

Result<QList<ScontrolRecord>> parseScontrolRecords(QStringView text, QStringView recordKey)
{
    const QString tool = QStringLiteral("scontrol");
    if (const Status readable = checkReadableText(text, tool); !readable)
        return readable.error();
    QList<ScontrolRecord> records;
    bool continuable = false; // the previous line ended in a free-text value
    for (const TextLine &line : nonBlankLines(text)) {
        const QStringView content = line.text.trimmed();
        const QList<KeyAt> keys = keysIn(content);
        if (keys.isEmpty() || keys.first().start != 0) {
            // A free-text value that went on over a newline (a Comment, a command line).
            if (continuable && !records.isEmpty()) {
                auto &last = records.last().fields.last().second;
                last += QLatin1Char('\n') + content.toString();
                continue;
            }
            return unreadableLine(tool, line, SlurmTr::tr("expected Key=Value pairs"));
        }
        const QStringView firstKey = content.left(keys.first().equals);
        if (firstKey == recordKey)
            records << ScontrolRecord {};
        else if (records.isEmpty())
            return unreadableLine(
                tool, line, SlurmTr::tr("expected a record starting with %1=").arg(recordKey.toString()));
        ScontrolRecord &record = records.last();
        continuable = false;
        if (isWholeLineKey(firstKey)) {
            record.fields << std::pair {firstKey.toString(), content.mid(keys.first().equals + 1).toString()};
            continuable = firstKey.endsWith(u"Comment") || firstKey == u"Command";
            continue;
        }
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const qsizetype valueStart = keys.at(i).equals + 1;
            const qsizetype valueEnd = i + 1 < keys.size() ? keys.at(i + 1).start : content.size();
            QStringView value = content.mid(valueStart, valueEnd - valueStart);
            while (!value.isEmpty() && value.back().isSpace())
                value.chop(1);
            record.fields << std::pair {
                content.mid(keys.at(i).start, keys.at(i).equals - keys.at(i).start).toString(),
                value.toString()};
        }
    }
    return records;
}

// --- jobs ---------------------------------------------------------------------------------------------

qint64 JobDetails::gpus() const
{
    const qint64 fromGres = gpuCount(gres);
    return fromGres > 0 ? fromGres : tresGpuCount(tres);
}

Result<QList<JobDetails>> parseScontrolJobs(QStringView text)
{
    auto records = parseScontrolRecords(text, u"JobId");
    if (!records)
        return records.error();
    static const QRegularExpression idRe(QStringLiteral(R"(^\d{1,10}$)"));
    QList<JobDetails> jobs;
    for (const ScontrolRecord &record : records.value()) {
        JobDetails job;
        job.raw = record;
        job.id = record.value(u"JobId");
        if (!idRe.match(job.id).hasMatch())
            return unexpectedOutput(
                SlurmTr::tr("scontrol printed a job whose id Onramp cannot read: “%1”.").arg(job.id), job.id);
        job.name = record.contains(u"JobName") ? record.value(u"JobName") : record.value(u"Name");
        job.user = userOf(record.value(u"UserId"));
        job.account = noNull(record.value(u"Account"));
        job.partition = record.value(u"Partition");
        job.qos = noNull(record.value(u"QOS"));
        job.stateText = record.value(u"JobState");
        job.state = parseJobState(job.stateText);
        job.reason = record.value(u"Reason");
        if (job.reason == u"None")
            job.reason.clear();
        job.runTime = durationOf(record.value(u"RunTime"));
        job.timeLimit = durationOf(record.value(u"TimeLimit"));
        job.submitTime = parseSlurmDateTime(record.value(u"SubmitTime"));
        job.startTime = parseSlurmDateTime(record.value(u"StartTime"));
        job.endTime = parseSlurmDateTime(record.value(u"EndTime"));
        job.nodeList = noNull(record.value(u"NodeList"));
        job.batchHost = noNull(record.value(u"BatchHost"));
        job.nodes = leadingInt(record.value(u"NumNodes"));
        job.cpus
            = leadingInt(record.contains(u"NumCPUs") ? record.value(u"NumCPUs") : record.value(u"NumCPUs"));
        for (QStringView key :
             {QStringView(u"TresPerNode"), QStringView(u"JOB_GRES"), QStringView(u"Gres")}) {
            if (!record.contains(key))
                continue;
            auto gres = parseGres(record.value(key));
            if (!gres)
                return gres.error();
            job.gres = gres.value();
            if (!job.gres.isEmpty())
                break;
        }
        for (QStringView key : {QStringView(u"AllocTRES"), QStringView(u"TRES"), QStringView(u"ReqTRES")}) {
            job.tres = tresOf(record.value(key));
            if (!job.tres.isEmpty())
                break;
        }
        job.command = noNull(record.value(u"Command"));
        job.workDir = record.value(u"WorkDir");
        job.stdOut = record.value(u"StdOut");
        job.stdErr = record.value(u"StdErr");
        job.dependency = noNull(record.value(u"Dependency"));
        job.exitCode = record.value(u"ExitCode");
        jobs << job;
    }
    return jobs;
}

// --- nodes ----------------------------------------------------------------------------------------------

qint64 NodeDetails::gpus() const
{
    const qint64 fromGres = gpuCount(gres);
    return fromGres > 0 ? fromGres : tresGpuCount(configuredTres);
}

qint64 NodeDetails::gpusAllocated() const
{
    if (raw.contains(u"GresUsed"))
        return gpuCount(gresUsed);
    return tresGpuCount(allocatedTres);
}

bool NodeDetails::gpuUseKnown() const
{
    if (raw.contains(u"GresUsed") || state.base == u"idle")
        return true;
    for (auto it = configuredTres.cbegin(); it != configuredTres.cend(); ++it) {
        if (it.key() == u"gres/gpu" || it.key().startsWith(u"gres/gpu:"))
            return true;
    }
    return false;
}

qint64 NodeDetails::freeGpus() const
{
    if (!state.usable() || !gpuUseKnown())
        return 0;
    return std::max<qint64>(0, gpus() - gpusAllocated());
}

Result<QList<NodeDetails>> parseScontrolNodes(QStringView text)
{
    auto records = parseScontrolRecords(text, u"NodeName");
    if (!records)
        return records.error();
    QList<NodeDetails> nodes;
    for (const ScontrolRecord &record : records.value()) {
        NodeDetails node;
        node.raw = record;
        node.name = record.value(u"NodeName");
        if (node.name.isEmpty())
            return unexpectedOutput(SlurmTr::tr("scontrol printed a node without a name."));
        node.state = parseNodeState(record.value(u"State"));
        for (const QString &partition : record.value(u"Partitions").split(u',', Qt::SkipEmptyParts))
            node.partitions << partition.trimmed();
        auto gres = parseGres(record.value(u"Gres"));
        if (!gres)
            return gres.error();
        node.gres = gres.value();
        auto gresUsed = parseGres(record.value(u"GresUsed"));
        if (!gresUsed)
            return gresUsed.error();
        node.gresUsed = gresUsed.value();
        node.cpusAllocated = leadingInt(record.contains(u"CPUAlloc") ? record.value(u"CPUAlloc")
                                                                     : record.value(u"AllocCPUs"));
        node.cpusTotal
            = leadingInt(record.contains(u"CPUTot") ? record.value(u"CPUTot") : record.value(u"CPUs"));
        node.realMemoryMb = leadingInt(record.value(u"RealMemory"));
        node.allocatedMemoryMb = leadingInt(record.value(u"AllocMem"));
        node.configuredTres = tresOf(record.value(u"CfgTRES"));
        node.allocatedTres = tresOf(record.value(u"AllocTRES"));
        node.reason = noNull(record.value(u"Reason"));
        nodes << node;
    }
    return nodes;
}

// --- partitions -------------------------------------------------------------------------------------------

qint64 PartitionDetails::gpus() const
{
    return tresGpuCount(tres);
}

Result<QList<PartitionDetails>> parseScontrolPartitions(QStringView text)
{
    auto records = parseScontrolRecords(text, u"PartitionName");
    if (!records)
        return records.error();
    QList<PartitionDetails> partitions;
    for (const ScontrolRecord &record : records.value()) {
        PartitionDetails partition;
        partition.raw = record;
        partition.name = record.value(u"PartitionName");
        if (partition.name.isEmpty())
            return unexpectedOutput(SlurmTr::tr("scontrol printed a partition without a name."));
        partition.isDefault = record.value(u"Default") == u"YES";
        partition.hidden = record.value(u"Hidden") == u"YES";
        partition.state = record.value(u"State");
        partition.maxTime = durationOf(record.value(u"MaxTime"));
        partition.defaultTime = durationOf(record.value(u"DefaultTime"));
        partition.maxNodes = leadingInt(record.value(u"MaxNodes"));
        partition.nodes = noNull(record.value(u"Nodes"));
        partition.totalNodes = leadingInt(record.value(u"TotalNodes"));
        partition.totalCpus = leadingInt(record.value(u"TotalCPUs"));
        partition.allowAccounts = record.value(u"AllowAccounts");
        partition.allowGroups = record.value(u"AllowGroups");
        partition.allowQos = record.value(u"AllowQos");
        partition.tres = tresOf(record.value(u"TRES"));
        partitions << partition;
    }
    return partitions;
}

} // namespace onramp::cluster
