#include "cluster/slurm/slurmcommands.h"

#include "cluster/slurm/slurmdetail.h"
#include "cluster/slurm/slurmvalidate.h"
#include "core/shellquote.h"

namespace onramp::cluster {

using slurm_detail::invalidInput;

namespace {

// -O fields with size 0 and a '|' suffix: printed in full, never padded or cut.
QString formatOption(std::initializer_list<const char *> fields)
{
    QStringList parts;
    for (const char *field : fields)
        parts << QLatin1String(field) + QStringLiteral(":|");
    return QStringLiteral("--Format=") + parts.join(QLatin1Char(','));
}

// Validates and appends the options every allocating command shares.
Status appendAllocationOptions(QStringList &argv, const AllocationRequest &request)
{
    if (!request.partition.isEmpty()) {
        if (Status ok = checkPartitionName(request.partition); !ok)
            return ok;
        argv << QStringLiteral("--partition=") + request.partition;
    }
    if (request.gpus != 0 || !request.gpuType.isEmpty()) {
        if (Status ok = checkGpuCount(request.gpus); !ok)
            return ok;
        QString gres = QStringLiteral("--gres=gpu:");
        if (!request.gpuType.isEmpty()) {
            if (Status ok = checkGresType(request.gpuType); !ok)
                return ok;
            gres += request.gpuType + QLatin1Char(':');
        }
        argv << gres + QString::number(request.gpus);
    }
    if (!request.timeLimit.isEmpty()) {
        if (Status ok = checkTimeLimit(request.timeLimit); !ok)
            return ok;
        argv << QStringLiteral("--time=") + request.timeLimit;
    }
    if (!request.jobName.isEmpty()) {
        if (Status ok = checkJobName(request.jobName); !ok)
            return ok;
        argv << QStringLiteral("--job-name=") + request.jobName;
    }
    if (request.immediateSeconds < 0 || request.immediateSeconds > 3600)
        return invalidInput(
            SlurmTr::tr("The waiting time for an allocation must be between 0 and 3600 seconds."));
    if (request.immediateSeconds > 0)
        argv << QStringLiteral("--immediate=%1").arg(request.immediateSeconds);
    return success();
}

Status checkCommand(const QStringList &command)
{
    if (command.isEmpty() || command.first().isEmpty())
        return invalidInput(SlurmTr::tr("There is no command to run on the compute node."));
    return success();
}

} // namespace

QString sinfoPartitionsCommand(bool header)
{
    QStringList argv {QStringLiteral("sinfo")};
    if (!header)
        argv << QStringLiteral("--noheader");
    argv << formatOption(
        {"Partition", "Available", "Time", "Nodes", "StateLong", "Gres", "GresUsed", "NodeList"});
    return shellJoin(argv);
}

QString sinfoNodesCommand()
{
    return shellJoin({QStringLiteral("sinfo"), QStringLiteral("--noheader"), QStringLiteral("--Node"),
                      formatOption({"NodeList", "Partition", "StateLong", "Gres", "GresUsed", "CPUsState",
                                    "Memory", "AllocMem", "Reason"})});
}

Result<QString> scontrolShowNodeCommand(const QString &node)
{
    QStringList argv {QStringLiteral("scontrol"), QStringLiteral("--details"), QStringLiteral("show"),
                      QStringLiteral("node")};
    if (!node.isEmpty()) {
        if (Status ok = checkNodeList(node); !ok)
            return ok.error();
        argv << node;
    }
    return shellJoin(argv);
}

QString identifyCommand()
{
    return QStringLiteral("hostname; ") + sinfoPartitionsCommand(true);
}

Result<QString> squeueCommand(const SqueueRequest &request)
{
    QStringList argv {QStringLiteral("squeue")};
    if (request.user.isEmpty()) {
        argv << QStringLiteral("--me");
    } else {
        if (Status ok = checkUserName(request.user); !ok)
            return ok.error();
        argv << QStringLiteral("--user=") + request.user;
    }
    argv << QStringLiteral("--noheader");
    if (request.includeFinished)
        argv << QStringLiteral("--states=all");
    argv << formatOption({"JobID", "Partition", "State", "TimeUsed", "TimeLimit", "NumNodes", "NodeList",
                          "Reason", "tres-per-node", "StartTime", "SubmitTime", "UserName", "Name"});
    return shellJoin(argv);
}

Result<QString> scontrolShowJobCommand(const QString &jobId)
{
    if (Status ok = checkJobId(jobId); !ok)
        return ok.error();
    return shellJoin({QStringLiteral("scontrol"), QStringLiteral("show"), QStringLiteral("job"), jobId});
}

Result<QString> scancelCommand(const QString &jobId)
{
    if (Status ok = checkJobId(jobId); !ok)
        return ok.error();
    return shellJoin({QStringLiteral("scancel"), jobId});
}

Result<QString> interactiveShellCommand(const AllocationRequest &request)
{
    QStringList argv {QStringLiteral("srun")};
    if (Status ok = appendAllocationOptions(argv, request); !ok)
        return ok.error();
    argv << QStringLiteral("--pty") << QStringLiteral("bash") << QStringLiteral("-i");
    return shellJoin(argv);
}

Result<QString> sallocCommand(const AllocationRequest &request)
{
    QStringList argv {QStringLiteral("salloc"), QStringLiteral("--no-shell")};
    if (Status ok = appendAllocationOptions(argv, request); !ok)
        return ok.error();
    return shellJoin(argv);
}

Result<QString> srunCommand(const AllocationRequest &request, const QStringList &command)
{
    if (Status ok = checkCommand(command); !ok)
        return ok.error();
    QStringList argv {QStringLiteral("srun")};
    if (Status ok = appendAllocationOptions(argv, request); !ok)
        return ok.error();
    argv << QStringLiteral("--") << command;
    return shellJoin(argv);
}

Result<QString> stepCommand(const StepRequest &request)
{
    if (Status ok = checkJobId(request.jobId); !ok)
        return ok.error();
    if (Status ok = checkCommand(request.command); !ok)
        return ok.error();
    QStringList argv {QStringLiteral("srun"), QStringLiteral("--jobid=") + request.jobId,
                      QStringLiteral("--overlap"), QStringLiteral("--nodes=1"), QStringLiteral("--ntasks=1")};
    if (!request.node.isEmpty()) {
        if (Status ok = checkNodeList(request.node); !ok)
            return ok.error();
        argv << QStringLiteral("--nodelist=") + request.node;
    }
    if (request.pty)
        argv << QStringLiteral("--pty");
    argv << QStringLiteral("--") << request.command;
    return shellJoin(argv);
}

} // namespace onramp::cluster
