#include "cluster/slurm/slurmvalidate.h"

#include "cluster/slurm/slurmdetail.h"

#include <QRegularExpression>

namespace onramp::cluster {

using slurm_detail::invalidInput;

namespace {

bool matches(const QRegularExpression &re, QStringView text)
{
    return re.match(text).hasMatch();
}

// Slurm's job ids are 32-bit; NO_VAL (0xfffffffe) and above are not jobs.
bool isJobNumber(QStringView digits)
{
    if (digits.isEmpty() || digits.size() > 10)
        return false;
    bool ok = false;
    const qulonglong value = digits.toULongLong(&ok);
    return ok && value > 0 && value < 0xfffffffeULL;
}

} // namespace

bool isValidPartitionName(QStringView name)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}$)"));
    return matches(re, name);
}

bool isValidJobId(QStringView id)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{1,10})(?:_(?:\d{1,10}|\[\d{1,10}(?:-\d{1,10})?(?:,\d{1,10}(?:-\d{1,10})?)*\])|\+\d{1,5})?$)"));
    const auto match = re.match(id);
    return match.hasMatch() && isJobNumber(match.capturedView(1));
}

bool isValidTimeLimit(QStringView limit)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:(\d{1,3})-)?(\d{1,6})(?::(\d{1,2}))?(?::(\d{1,2}))?$)"));
    const auto match = re.match(limit);
    if (!match.hasMatch())
        return false;
    const bool hasDays = match.hasCaptured(1);
    const int fields = 1 + int(match.hasCaptured(3)) + int(match.hasCaptured(4));
    if (hasDays && match.capturedView(1).toInt() > 365)
        return false;
    // With days the first field is hours; without, a lone field is minutes and M:S or H:M:S follow.
    if (hasDays && match.capturedView(2).toInt() > 23)
        return false;
    if (!hasDays && fields == 3 && match.capturedView(2).size() > 4)
        return false;
    for (int i = 3; i <= 4; ++i) {
        if (match.hasCaptured(i) && match.capturedView(i).toInt() > 59)
            return false;
    }
    // A limit of zero means "no time" to Slurm's parser: refuse it.
    bool anyNonZero = false;
    for (int i = 1; i <= 4; ++i)
        anyNonZero = anyNonZero || (match.hasCaptured(i) && match.capturedView(i).toInt() > 0);
    return anyNonZero;
}

bool isValidGpuCount(int count)
{
    return count >= 1 && count <= 64;
}

bool isValidGresType(QStringView type)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,31}$)"));
    return matches(re, type);
}

bool isValidJobName(QStringView name)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.+\-]{0,63}$)"));
    return matches(re, name);
}

bool isValidUserName(QStringView name)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}$)"));
    return matches(re, name);
}

bool isValidNodeList(QStringView nodes)
{
    // name, name[01-04,07], several of them separated by commas
    static const QRegularExpression re(QStringLiteral(
        R"(^[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:\[\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*\][A-Za-z0-9_.\-]*)?)"
        R"((?:,[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:\[\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*\][A-Za-z0-9_.\-]*)?)*$)"));
    return nodes.size() <= 1024 && matches(re, nodes);
}

Status checkPartitionName(QStringView name)
{
    if (isValidPartitionName(name))
        return success();
    return invalidInput(
        SlurmTr::tr("“%1” is not a valid partition name: use letters, digits, “_”, “-” and “.”.")
            .arg(name.toString()));
}

Status checkJobId(QStringView id)
{
    if (isValidJobId(id))
        return success();
    return invalidInput(
        SlurmTr::tr("“%1” is not a Slurm job id (expected a number such as 1234, 1234_5 or 1234+1).")
            .arg(id.toString()));
}

Status checkTimeLimit(QStringView limit)
{
    if (isValidTimeLimit(limit))
        return success();
    return invalidInput(SlurmTr::tr("“%1” is not a time limit Slurm understands: use minutes, HH:MM:SS or "
                                    "D-HH:MM:SS, for example 30, 02:00:00 or 1-00:00:00.")
                            .arg(limit.toString()));
}

Status checkGpuCount(int count)
{
    if (isValidGpuCount(count))
        return success();
    return invalidInput(SlurmTr::tr("The number of GPUs must be between 1 and 64, not %1.").arg(count));
}

Status checkGresType(QStringView type)
{
    if (isValidGresType(type))
        return success();
    return invalidInput(
        SlurmTr::tr("“%1” is not a valid GPU type: use the name the cluster lists, such as a100.")
            .arg(type.toString()));
}

Status checkJobName(QStringView name)
{
    if (isValidJobName(name))
        return success();
    return invalidInput(
        SlurmTr::tr("“%1” is not a valid job name: use up to 64 letters, digits, “_”, “-”, “.” "
                    "and “+”.")
            .arg(name.toString()));
}

Status checkUserName(QStringView name)
{
    if (isValidUserName(name))
        return success();
    return invalidInput(SlurmTr::tr("“%1” is not a valid user name.").arg(name.toString()));
}

Status checkNodeList(QStringView nodes)
{
    if (isValidNodeList(nodes))
        return success();
    return invalidInput(
        SlurmTr::tr("“%1” is not a node name or node list Slurm understands.").arg(nodes.toString()));
}

} // namespace onramp::cluster
