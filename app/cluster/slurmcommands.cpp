#include "cluster/slurmcommands.h"

#include "core/shellquote.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace onramp::cluster {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("onramp::cluster", text);
}

bool isValidTimeLimit(const QString &value)
{
    // Slurm accepts M, M:S, H:M:S, D-H, D-H:M, D-H:M:S; Onramp builds only these shapes.
    static const QRegularExpression re(QStringLiteral(R"(^(\d{1,3}-)?\d{1,3}(:\d{2}){0,2}$)"));
    return re.match(value).hasMatch();
}
} // namespace

bool isValidPartitionName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}$)"));
    return re.match(name).hasMatch();
}

QString sinfoOverviewCommand()
{
    return shellJoin({QStringLiteral("sinfo"), QStringLiteral("--format=%P|%a|%l|%D|%t|%G|%N")});
}

QString identifyCommand()
{
    return QStringLiteral("hostname; ") + sinfoOverviewCommand();
}

Result<QString> srunCommand(const SrunRequest &request)
{
    if (request.command.isEmpty() || request.command.first().isEmpty())
        return Error {ErrorKind::InvalidInput, tr("There is no command to run on the compute node."), {}};
    QStringList argv {QStringLiteral("srun")};
    if (!request.partition.isEmpty()) {
        if (!isValidPartitionName(request.partition))
            return Error {ErrorKind::InvalidInput,
                          tr("“%1” is not a valid partition name.").arg(request.partition),
                          {}};
        argv << QStringLiteral("--partition=") + request.partition;
    }
    if (request.gpus < 0 || request.gpus > 64)
        return Error {ErrorKind::InvalidInput, tr("The number of GPUs must be between 0 and 64."), {}};
    if (request.gpus > 0)
        argv << QStringLiteral("--gres=gpu:%1").arg(request.gpus);
    if (!request.timeLimit.isEmpty()) {
        if (!isValidTimeLimit(request.timeLimit))
            return Error {
                ErrorKind::InvalidInput,
                tr("“%1” is not a time limit Slurm understands (use HH:MM:SS).").arg(request.timeLimit),
                {}};
        argv << QStringLiteral("--time=") + request.timeLimit;
    }
    argv << QStringLiteral("--");
    argv << request.command;
    return shellJoin(argv);
}

} // namespace onramp::cluster
