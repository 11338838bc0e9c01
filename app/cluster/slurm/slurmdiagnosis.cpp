#include "cluster/slurm/slurmdiagnosis.h"

#include "cluster/slurm/scontrol.h"
#include "cluster/slurm/slurmdetail.h"
#include "cluster/slurm/slurmparsers.h"

#include <QRegularExpression>

namespace onramp::cluster {

namespace {

// A sentence pair kept untranslated in the tables below and translated when a Diagnosis is made.
struct Text {
    const char *summary;
    const char *suggestion;
};

Diagnosis make(const QString &code, const Text &text, QStringView evidence)
{
    return Diagnosis {code, SlurmTr::tr(text.summary), SlurmTr::tr(text.suggestion), evidence.toString()};
}

// --- pending reasons ----------------------------------------------------------------------------------

struct ReasonText {
    QStringView reason;
    Text text;
};

// job_state_reason.c names, the ones a student meets; the limit families are composed below.
const ReasonText kReasons[] {
    {u"Priority",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Your job is waiting in the queue: jobs with a higher priority go first."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Wait: it starts when its turn comes. Smaller and shorter requests often start sooner.")}},
    {u"Resources",
     {QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Your job is waiting for resources: the GPUs, CPUs or memory it asks for are in use by "
          "other jobs right now."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Wait, or ask for fewer GPUs or a shorter time, or try another partition that has free "
          "GPUs.")}},
    {u"Dependency",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job waits for another job it depends on to finish."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Wait for that job. If it fails, this job will never start: then cancel this one and "
                        "submit it again.")}},
    {u"DependencyNeverSatisfied",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Your job can never start: the job it depends on did not end the way it required."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Cancel this job and submit it again without the dependency.")}},
    {u"BeginTime",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Your job was asked to start later, and that time has not come yet."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Wait until its start time, or cancel it and submit it again without a start time.")}},
    {u"JobHeldUser",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job is on hold: you, or a tool acting for you, held it."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Release it with “scontrol release” and the job id, or cancel it if you no longer need "
          "it.")}},
    {u"JobHeldAdmin",
     {QT_TRANSLATE_NOOP("onramp::cluster", "An administrator put your job on hold."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "You cannot release it yourself: ask the cluster administrators why it is held.")}},
    {u"PartitionTimeLimit",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Your job asks for more time than its partition allows, so it will never start."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Cancel it and ask for a shorter time (the partition list shows each limit), or choose a "
          "partition with a longer limit.")}},
    {u"PartitionNodeLimit",
     {QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Your job asks for more nodes than its partition allows or has, so it will not start as "
          "it is."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Cancel it and ask for fewer nodes (one is enough for most GPU work), or choose a "
                        "partition with more nodes.")}},
    {u"PartitionDown",
     {QT_TRANSLATE_NOOP("onramp::cluster", "The partition of your job is down: it starts no jobs now."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Wait until the administrators bring it back, or cancel and use another partition.")}},
    {u"PartitionInactive",
     {QT_TRANSLATE_NOOP("onramp::cluster", "The partition of your job is inactive: it starts no jobs now."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Wait until the administrators activate it, or cancel and use another partition.")}},
    {u"PartitionConfig",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job does not fit the configuration of its partition."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Cancel it and check the partition's limits (time, nodes, GPUs), or choose another "
                        "partition.")}},
    {u"QOSMaxGRESPerUser",
     {QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "You already use as many GPUs as your quality of service (QOS) allows one person at a "
          "time; this job waits until some of yours are free."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Wait for your other GPU jobs to finish, or cancel one you no longer need.")}},
    {u"QOSMaxJobsPerUserLimit",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "You already have as many running jobs as your quality of service (QOS) allows one "
                        "person; this job waits for one of them to end."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait, or cancel a job you no longer need.")}},
    {u"AssocGrpGRES",
     {QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Your group (Slurm account) already uses all the GPUs it may use at once; this job waits "
          "until the group's other jobs free some."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Wait, ask for fewer GPUs, or ask your group who is using its GPUs.")}},
    {u"ReqNodeNotAvail",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Nodes your job needs are down, drained or reserved, so it cannot start now."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "If you asked for particular nodes, drop that request; otherwise wait or choose another "
          "partition. Before a maintenance, a shorter time limit lets a job finish in time.")}},
    {u"Reservation",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job waits for its reservation to begin."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Wait for the reservation's start, or cancel and submit without the reservation.")}},
    {u"ReservationDeleted",
     {QT_TRANSLATE_NOOP("onramp::cluster", "The reservation your job asked for was deleted."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Cancel the job and submit it again without the reservation.")}},
    {u"Licenses",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job waits for software licenses that are in use."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait until licenses are free, or ask for fewer.")}},
    {u"BadConstraints",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "No node can give your job what it asks for (GPU type or count, features, memory)."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Cancel it and ask for something the nodes have (see the node list), or choose another "
          "partition.")}},
    {u"Constraints",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "No node can give your job what it asks for (GPU type or count, features, memory)."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Cancel it and ask for something the nodes have (see the node list), or choose another "
          "partition.")}},
    {u"NodeDown",
     {QT_TRANSLATE_NOOP("onramp::cluster", "A node your job needs is down."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Wait, or cancel and submit again so that Slurm picks other nodes.")}},
    {u"InvalidAccount",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "The Slurm account of your job is not valid, so it will never start."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Cancel it and submit with an account you belong to; the administrators can tell you "
                        "which.")}},
    {u"InvalidQOS",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "The quality of service (QOS) of your job is not valid, so it will never start."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Cancel it and submit with a QOS you may use, or with none.")}},
    {u"QOSNotAllowed",
     {QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Your job's quality of service (QOS) may not be used in its partition or by your account."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Cancel it and submit with another QOS or partition.")}},
    {u"AccountNotAllowed",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your Slurm account may not use the partition of this job."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Cancel it and use a partition open to your account, or ask the administrators for "
                        "access.")}},
    {u"AccountingPolicy",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job waits because of a usage limit of your account or QOS."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Wait for your other jobs to finish, or ask for less (GPUs, time, nodes).")}},
    {u"QOSUsageThreshold",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your account has used up the share its QOS allows for now."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait until the usage decays, or ask the administrators.")}},
    {u"MaxMemPerLimit",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job asks for more memory per CPU or per node than allowed."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Cancel it and ask for less memory, or for more CPUs.")}},
    {u"JobArrayTaskLimit",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "This array task waits: the array may only run so many tasks at once."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait for other tasks of the array to finish.")}},
    {u"Prolog",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Slurm is preparing the node for your job."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait a moment: the job starts when the preparation is done.")}},
    {u"Cleaning",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Slurm is cleaning up after an earlier run of this job."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait a moment: it is queued again afterwards.")}},
    {u"SchedDefer",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Slurm put off scheduling your job for a short while."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait: it is considered again in the next scheduling cycle.")}},
    {u"FrontEndDown",
     {QT_TRANSLATE_NOOP("onramp::cluster", "The cluster's front end node is down."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait, and tell the administrators if it lasts.")}},
    {u"PowerNotAvail",
     {QT_TRANSLATE_NOOP("onramp::cluster", "The cluster has no power budget for your job right now."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Wait, or ask for fewer nodes.")}},
    {u"JobHoldMaxRequeue",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job failed to start too many times and was put on hold."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Cancel it, check its program and files, and tell the administrators if nodes keep "
                        "failing.")}},
    {u"LaunchFailedRequeuedHeld",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Slurm could not start your job on its node, put it back in the queue and held it."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Cancel it and submit again; if it happens again, tell the administrators (the node may "
          "be broken).")}},
    // Reasons of jobs that ended (squeue --states=all, scontrol show job).
    {u"NonZeroExitCode",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "The program of your job ended with an error (a non-zero exit status)."),
      QT_TRANSLATE_NOOP("onramp::cluster",
                        "Read the job's output file for the program's own error message.")}},
    {u"RaisedSignal",
     {QT_TRANSLATE_NOOP("onramp::cluster", "The program of your job was ended by a signal."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Read the job's output file; the program may have crashed.")}},
    {u"TimeLimit",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job was stopped because it reached its time limit."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Ask for more time next time (up to the partition's limit), or save progress so a new "
          "job can continue.")}},
    {u"OutOfMemory",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Your job was stopped because it used more memory than it asked for."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Ask for more memory (--mem), or make the program use less.")}},
    {u"SystemFailure",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Your job was ended by a failure of the cluster, not of your program."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Submit it again; tell the administrators if it happens again.")}},
    {u"JobLaunchFailure",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Slurm could not start the program of your job on its node."),
      QT_TRANSLATE_NOOP(
          "onramp::cluster",
          "Check that the program and its working directory exist on the compute nodes; tell the "
          "administrators if it keeps failing.")}},
    {u"InactiveLimit",
     {QT_TRANSLATE_NOOP("onramp::cluster",
                        "Your job was ended because its srun or salloc stopped responding."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Keep the connection open while an interactive job runs.")}},
    {u"DeadLine",
     {QT_TRANSLATE_NOOP("onramp::cluster", "Your job could not finish before its deadline."),
      QT_TRANSLATE_NOOP("onramp::cluster", "Submit it again with a later deadline or a shorter time.")}},
};

// The limit families: (Assoc|QOS|-)(Grp|Max|Min)<resource>[Minutes|RunMinutes][Per...][Limit].
struct LimitParts {
    QString owner; // "Assoc", "QOS", ""
    QString kind; // "Grp", "Max", "Min"
    QString resource; // "GRES", "Cpu", "Mem", "Jobs", ...
    QString budget; // "", "Minutes", "RunMinutes"
    QString scope; // "", "PerJob", "PerNode", "PerUser", "PerAccount"
};

std::optional<LimitParts> limitParts(QStringView reason)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(Assoc|QOS)?(Grp|Max|Min)(Cpu|CPU|Memory|Mem|Node|Energy|GRES|License|BB|Billing|Unknown|Jobs|)"
        R"(SubmitJobs|SubmitJob|WallDuration|Wall)(RunMinutes|Minutes)?(PerJob|PerNode|PerUser|PerAccount)?)"
        R"((Limit|NotSatisfied)?$)"));
    const auto match = re.match(reason);
    if (!match.hasMatch())
        return std::nullopt;
    return LimitParts {match.captured(1), match.captured(2), match.captured(3), match.captured(4),
                       match.captured(5)};
}

QString resourceNoun(const QString &resource)
{
    if (resource == u"GRES")
        return SlurmTr::tr("GPUs (or other generic resources)");
    if (resource.compare(u"cpu", Qt::CaseInsensitive) == 0)
        return SlurmTr::tr("CPUs");
    if (resource.startsWith(u"Mem"))
        return SlurmTr::tr("memory");
    if (resource == u"Node")
        return SlurmTr::tr("nodes");
    if (resource == u"Jobs")
        return SlurmTr::tr("running jobs");
    if (resource.startsWith(u"SubmitJob"))
        return SlurmTr::tr("queued jobs");
    if (resource.startsWith(u"Wall"))
        return SlurmTr::tr("run time");
    if (resource == u"License")
        return SlurmTr::tr("licenses");
    if (resource == u"Billing")
        return SlurmTr::tr("billing units");
    if (resource == u"Energy")
        return SlurmTr::tr("energy");
    if (resource == u"BB")
        return SlurmTr::tr("burst buffer space");
    return SlurmTr::tr("resources");
}

Diagnosis explainLimit(QStringView reason, const LimitParts &parts, QStringView evidence)
{
    const QString noun = resourceNoun(parts.resource);
    const QString code = QStringLiteral("slurm.pending.") + reason.toString();
    auto diagnosis = [&](const QString &summary, const QString &suggestion) {
        return Diagnosis {code, summary, suggestion, evidence.toString()};
    };
    if (parts.kind == u"Min")
        return diagnosis(
            SlurmTr::tr(
                "Your job asks for less than the minimum of %1 its quality of service (QOS) requires, so "
                "it will not start as it is.")
                .arg(noun),
            SlurmTr::tr("Cancel it and ask for at least the minimum, or submit with another QOS."));
    if (parts.budget == u"Minutes")
        return diagnosis(
            parts.owner == u"QOS"
                ? SlurmTr::tr("Your quality of service (QOS) has used up its allowance of time on %1.")
                      .arg(noun)
                : SlurmTr::tr("Your group (Slurm account) has used up its allowance of time on %1.")
                      .arg(noun),
            SlurmTr::tr(
                "Waiting does not help until the allowance is renewed: ask the administrators or your "
                "group's coordinator."));
    if (parts.budget == u"RunMinutes")
        return diagnosis(
            SlurmTr::tr(
                "The running jobs of your group or QOS already reserve as much time on %1 as allowed; this "
                "job waits until some of that time is used up.")
                .arg(noun),
            SlurmTr::tr("Wait, or ask for a shorter time limit so the job fits sooner."));
    if (parts.kind == u"Grp")
        return diagnosis(
            parts.owner == u"QOS"
                ? SlurmTr::tr("All jobs of your quality of service (QOS) together already use the most %1 it "
                              "allows at once; this job waits until some are free.")
                      .arg(noun)
                : SlurmTr::tr(
                      "Your group (Slurm account) already uses the most %1 it may use at once; this job "
                      "waits until the group's other jobs free some.")
                      .arg(noun),
            SlurmTr::tr("Wait for other jobs to finish, or ask for less."));
    if (parts.scope == u"PerJob" || parts.scope == u"PerNode")
        return diagnosis(
            parts.scope == u"PerJob"
                ? SlurmTr::tr("Your job asks for more %1 than one job may use under your account's or QOS's "
                              "limits, so it will not start as it is.")
                      .arg(noun)
                : SlurmTr::tr(
                      "Your job asks for more %1 per node than your account's or QOS's limits allow, so "
                      "it will not start as it is.")
                      .arg(noun),
            SlurmTr::tr(
                "Cancel it and ask for less, or ask the administrators whether another QOS or partition "
                "allows more."));
    if (parts.scope == u"PerAccount")
        return diagnosis(
            SlurmTr::tr("Your account already uses the most %1 its quality of service (QOS) allows "
                        "one account at a time; this job waits until some are free.")
                .arg(noun),
            SlurmTr::tr("Wait for other jobs of your account to finish."));
    return diagnosis(
        SlurmTr::tr("You are already at the limit of %1 your account or QOS allows one person at a time; "
                    "this job waits until your other jobs end or free some.")
            .arg(noun),
        SlurmTr::tr("Wait for your other jobs to finish, or cancel one you no longer need."));
}

} // namespace

std::optional<Diagnosis> explainPendingReason(QStringView reason)
{
    const QStringView evidence = reason;
    QStringView text = reason.trimmed();
    if (text == u"(null)")
        return std::nullopt;
    if (text.startsWith(u'(') && text.endsWith(u')'))
        text = text.mid(1, text.size() - 2).trimmed();
    if (text.isEmpty() || text == u"None" || text == u"(null)")
        return std::nullopt;

    // scontrol writes spaces as '_' ("ReqNodeNotAvail,_UnavailableNodes:vm",
    // "Job's_account_not_permitted_to_use_this_partition_(...)").
    QString spaced = text.toString();
    if (!spaced.contains(u' ') && spaced.contains(u'_')
        && (spaced.contains(u",_") || spaced.contains(u"'s_")))
        spaced.replace(u'_', u' ');
    if (spaced.startsWith(u"Job's account not permitted to use this partition"))
        return make(QStringLiteral("slurm.pending.AccountNotAllowed"),
                    {QT_TRANSLATE_NOOP("onramp::cluster",
                                       "Your Slurm account may not use the partition of this job."),
                     QT_TRANSLATE_NOOP("onramp::cluster",
                                       "Cancel it and use a partition open to your account, or ask the "
                                       "administrators for access.")},
                    evidence);
    if (spaced.startsWith(u"launch failed requeued held", Qt::CaseInsensitive))
        text = u"LaunchFailedRequeuedHeld";

    // The keyword is the part before ',' or ' ': "ReqNodeNotAvail, UnavailableNodes:gpu[01-02]".
    QStringView keyword = text;
    for (QChar stop : {QChar(u','), QChar(u' '), QChar(u'(')}) {
        const qsizetype at = keyword.indexOf(stop);
        if (at > 0)
            keyword = keyword.left(at);
    }
    if (keyword == u"ReqNodeNotAvail") {
        static const QRegularExpression nodesRe(QStringLiteral(R"(UnavailableNodes:(\S+))"));
        const QString nodes = nodesRe.match(text).captured(1);
        const QString code = QStringLiteral("slurm.pending.ReqNodeNotAvail");
        if (spaced.contains(u"Reserved for maintenance", Qt::CaseInsensitive))
            return make(
                code,
                {QT_TRANSLATE_NOOP("onramp::cluster",
                                   "The nodes are reserved for a maintenance that begins before your job "
                                   "would end."),
                 QT_TRANSLATE_NOOP("onramp::cluster",
                                   "Ask for a shorter time so the job ends before the maintenance, or wait "
                                   "until the maintenance is over.")},
                evidence);
        if (!nodes.isEmpty())
            return Diagnosis {
                code,
                SlurmTr::tr("Nodes your job could run on (%1) are down, drained or reserved, so it "
                            "cannot start now.")
                    .arg(nodes),
                SlurmTr::tr("If you asked for particular nodes, drop that request; otherwise wait "
                            "or choose another partition. Before a maintenance, a shorter time "
                            "limit lets a job finish in time."),
                evidence.toString()};
    }
    for (const ReasonText &entry : kReasons) {
        if (keyword == entry.reason)
            return make(QStringLiteral("slurm.pending.") + entry.reason.toString(), entry.text, evidence);
    }
    if (const auto parts = limitParts(keyword))
        return explainLimit(keyword, *parts, evidence);
    return Diagnosis {
        QStringLiteral("slurm.pending.unknown"),
        SlurmTr::tr("Your job is waiting; Slurm gives the reason “%1”.").arg(text.toString()),
        SlurmTr::tr("Wait a little. If the job does not start, ask the cluster administrators what "
                    "this reason means."),
        evidence.toString()};
}

// --- errors in command output ---------------------------------------------------------------------------

namespace {

struct ErrorRule {
    QStringView code; // after "slurm.error."
    QRegularExpression pattern;
    Text text;
};

QRegularExpression literal(QStringView text)
{
    return QRegularExpression(QRegularExpression::escape(text));
}

// In order: the first matching rule explains a line. Slurm's errno texts (slurm_errno.c) come before
// the wrappers they appear in ("Unable to create step for job 12: <errno text>").
const QList<ErrorRule> &errorRules()
{
    static const QList<ErrorRule> rules {
        {u"NodeConfigUnavailable",
         literal(u"Requested node configuration is not available"),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "No node in this partition has what you asked for, for example that many GPUs on one "
              "node, that GPU type, or that much memory."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Ask for fewer GPUs or less memory per node, drop the GPU type, or choose a partition "
              "whose nodes have more (see the node list).")}},
        {u"InvalidGres",
         literal(u"Invalid generic resource (gres) specification"),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Slurm does not understand the GPU request (GRES) as written, or this cluster has no "
              "such resource."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Ask for GPUs as gpu:N (for example gpu:1), with a GPU type only if the node list shows "
              "it, and in a partition that has GPUs.")}},
        {u"InvalidPartition",
         QRegularExpression(
             QStringLiteral(R"(Invalid partition name specified|invalid partition specified)")),
         {QT_TRANSLATE_NOOP("onramp::cluster", "There is no partition of that name on this cluster."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Choose one of the partitions in the partition list (names are case-sensitive).")}},
        {u"InvalidTimeLimit",
         literal(u"Requested time limit is invalid (missing or exceeds some limit)"),
         {QT_TRANSLATE_NOOP("onramp::cluster",
                            "The time you asked for is longer than this partition or your account allows."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Ask for less time: at most the partition's time limit shown in the partition list.")}},
        {u"TimeSyntax",
         literal(u"Invalid --time specification"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "Slurm cannot read the time limit as written."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Write it as minutes, HH:MM:SS or D-HH:MM:SS, for example 30, 02:00:00 or "
                            "1-00:00:00.")}},
        {u"AccountingPolicy",
         literal(u"Job violates accounting/QOS policy"),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "The request breaks a limit of your account or quality of service (QOS): too many "
              "jobs, GPUs, nodes or too much time."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Ask for less (fewer GPUs, a shorter time), or wait until your other jobs have "
                            "finished.")}},
        {u"StepCreationDelayed",
         QRegularExpression(
             QStringLiteral(R"(Job step creation temporarily disabled|step creation temporarily disabled)")),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "The allocation is busy: Slurm starts this step once resources inside it are free."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Wait, or end other steps that use the allocation's GPUs or CPUs.")}},
        {u"NodesBusy",
         QRegularExpression(QStringLiteral(
             R"(Requested nodes are busy|Immediate execution impossible|Job can not start immediately)")),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "The resources you asked for are all in use, and the request was not allowed to wait."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Try again later, ask for fewer GPUs, or let the request wait in the queue.")}},
        {u"AccountNotPermitted",
         QRegularExpression(QStringLiteral(
             R"(Job's account not permitted to use this partition|Invalid account or account/partition combination specified)")),
         {QT_TRANSLATE_NOOP("onramp::cluster",
                            "Your Slurm account may not use this partition, or the account is not valid."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Choose a partition open to your account, or ask the administrators which account and "
              "partition to use.")}},
        {u"GroupNotPermitted",
         literal(u"User's group not permitted to use this partition"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "Your user group may not use this partition."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Choose another partition, or ask the administrators for access.")}},
        {u"NoPty",
         QRegularExpression(QStringLiteral(
             R"(Not using a pseudo-terminal, disregarding --pty option|ioctl\(TIOCGWINSZ\): Inappropriate ioctl for device)")),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "srun was started without a terminal, so the interactive shell cannot work properly."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Open the interactive shell in Onramp's terminal pane; in a terminal of your own, use "
              "ssh -t.")}},
        {u"PartitionConfigUnavailable",
         literal(u"Requested partition configuration not available now"),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "The request does not fit this partition's limits (time, number of nodes or size), so "
              "it cannot start as it is."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Ask for less time or fewer nodes (see the partition list), or choose another "
                            "partition.")}},
        {u"PartitionNotAvailable",
         literal(u"Required partition not available (inactive or drain)"),
         {QT_TRANSLATE_NOOP("onramp::cluster",
                            "The partition is inactive or drained: it takes no new jobs now."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Choose another partition, or wait until it is back.")}},
        {u"NodeNotAvailable",
         literal(u"Required node not available (down, drained or reserved)"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "A node you asked for is down, drained or reserved."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Drop the request for that node, or wait until it is back.")}},
        {u"NoDefaultPartition",
         literal(u"No partition specified or system default partition"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "This cluster has no default partition, and none was given."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Choose a partition from the partition list.")}},
        {u"InvalidQos",
         literal(u"Invalid qos specification"),
         {QT_TRANSLATE_NOOP("onramp::cluster",
                            "The quality of service (QOS) asked for does not exist or is not yours."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Leave the QOS out, or ask the administrators which one to use.")}},
        {u"TaskMemory",
         literal(u"Memory required by task is not available"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "No node has as much memory as the request needs."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Ask for less memory, or choose a partition with larger nodes.")}},
        {u"NodeCount",
         literal(u"Node count specification invalid"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The number of nodes asked for is not possible here."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Ask for one node, or as many as the partition has.")}},
        {u"TooManyCpus",
         literal(u"More processors requested than permitted"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The request asks for more CPUs than permitted."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Ask for fewer CPUs or tasks.")}},
        {u"InvalidFeature",
         literal(u"Invalid feature specification"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "No node has the feature (constraint) asked for."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Drop the constraint, or use one the node list shows.")}},
        {u"InvalidJobId",
         literal(u"Invalid job id specified"),
         {QT_TRANSLATE_NOOP("onramp::cluster",
                            "Slurm does not know this job: the id is wrong, or the job ended some time ago."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Refresh the job list; there is nothing left to do for this job.")}},
        {u"AllocationExpired",
         QRegularExpression(QStringLiteral(R"(Slurm job \d+ has expired)")),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "The allocation has ended (time limit or cancelled), so nothing more can run in it."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Start a new allocation.")}},
        {u"AlreadyDone",
         literal(u"Job/step already completing or completed"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The job has already ended or is ending."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Nothing to do: refresh the job list.")}},
        {u"AccessDenied",
         literal(u"Access/permission denied"),
         {QT_TRANSLATE_NOOP("onramp::cluster",
                            "Slurm refused: this is not allowed for your user (is it your job?)."),
          QT_TRANSLATE_NOOP("onramp::cluster", "You can only change or cancel your own jobs.")}},
        {u"Disabled",
         literal(u"Requested operation is presently disabled"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The cluster has disabled this operation for now."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Try again later, or ask the administrators.")}},
        {u"RateLimited",
         literal(u"Rate limit exceeded"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "Slurm's controller is asking clients to slow down."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Wait a few seconds and try again.")}},
        {u"ControllerUnreachable",
         QRegularExpression(
             QStringLiteral(R"(Unable to contact slurm controller|Socket timed out on send/recv operation|)"
                            R"(Zero Bytes were transmitted or received|Communication connection failure)")),
         {QT_TRANSLATE_NOOP("onramp::cluster", "Slurm's controller did not answer."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Try again in a minute; if it lasts, the scheduler is down: tell the administrators.")}},
        {u"OutOfMemory",
         QRegularExpression(
             QStringLiteral(R"(Exceeded job memory limit|oom-kill event|Out Of Memory|OUT_OF_MEMORY)")),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The job used more memory than it asked for and was stopped."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Ask for more memory (--mem), or make the program use less.")}},
        {u"TimeLimitReached",
         literal(u"DUE TO TIME LIMIT"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The job was stopped because it reached its time limit."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Ask for more time next time (up to the partition's limit), or save progress so a new "
              "job can continue.")}},
        {u"Preempted",
         literal(u"DUE TO PREEMPTION"),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The job was stopped to make room for a job with precedence."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Submit it again, or use a partition without preemption.")}},
        {u"NodeFailure",
         QRegularExpression(QStringLiteral(R"(DUE TO NODE FAILURE|Node failure on)")),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The node running the job failed."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Submit it again; tell the administrators if it repeats.")}},
        {u"LaunchFailed",
         QRegularExpression(QStringLiteral(
             R"(Task launch for \S+ failed on node|Application launch failed|Unable to create step for job|)"
             R"(launch failed requeued held|execve\(\): .*: No such file or directory)")),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Slurm allocated the resources but could not start the program on the compute node."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Check that the program exists on the compute node and the working directory is "
                            "reachable there; try again, and tell the administrators if it keeps failing.")}},
        {u"Cancelled",
         QRegularExpression(QStringLiteral(
             R"(\*\*\* (?:JOB|STEP) \S+ ON \S+ CANCELLED AT|Job has been cancelled|has been revoked|)"
             R"(Force Terminated|Job aborted due to signal|: task \d+: Terminated)")),
         {QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "The job or its step was cancelled before it finished (by you, by Onramp or by an "
              "administrator)."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Start it again if you still need it.")}},
        {u"TaskExitCode",
         QRegularExpression(QStringLiteral(R"(: tasks? [\d\-,]+: Exited with exit code \d+)")),
         {QT_TRANSLATE_NOOP("onramp::cluster", "The program ended with an error on the compute node."),
          QT_TRANSLATE_NOOP("onramp::cluster", "Read the program's own messages above this line.")}},
        {u"UnknownOption",
         QRegularExpression(QStringLiteral(
             R"(unrecognized option|invalid option --|Invalid (?:job|node|partition) format specification)")),
         {QT_TRANSLATE_NOOP("onramp::cluster",
                            "This cluster's Slurm is older than an option or output field Onramp used."),
          QT_TRANSLATE_NOOP("onramp::cluster",
                            "Tell the Onramp developers which Slurm version this is (sinfo --version).")}},
        {u"NotInstalled",
         QRegularExpression(QStringLiteral(
             R"(\b(?:srun|sbatch|salloc|squeue|sinfo|scontrol|scancel)\b.*command not found)")),
         {QT_TRANSLATE_NOOP("onramp::cluster", "Slurm's commands are not available on this machine."),
          QT_TRANSLATE_NOOP(
              "onramp::cluster",
              "Check that this is the cluster's login node; some sites need “module load slurm” "
              "first.")}},
    };
    return rules;
}

} // namespace

Diagnoses explainSlurmOutput(QStringView output)
{
    Diagnoses diagnoses;
    auto add = [&diagnoses](Diagnosis diagnosis) {
        for (Diagnosis &existing : diagnoses) {
            if (existing.code == diagnosis.code) {
                if (!existing.evidence.split(u'\n').contains(diagnosis.evidence))
                    existing.evidence += QLatin1Char('\n') + diagnosis.evidence;
                return;
            }
        }
        diagnoses << std::move(diagnosis);
    };
    static const QRegularExpression errorWord(QStringLiteral(R"(\berror:|\bfatal:)"));
    for (QStringView line : output.split(u'\n')) {
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        bool known = false;
        for (const ErrorRule &rule : errorRules()) {
            if (!rule.pattern.match(line).hasMatch())
                continue;
            Diagnosis diagnosis
                = make(QStringLiteral("slurm.error.") + rule.code.toString(), rule.text, line);
            // Name the partition when Slurm does: "invalid partition specified: nosuch".
            if (rule.code == u"InvalidPartition") {
                static const QRegularExpression nameRe(
                    QStringLiteral(R"(invalid partition specified: (\S+))"));
                const QString name = nameRe.match(line).captured(1);
                if (!name.isEmpty())
                    diagnosis.summary
                        = SlurmTr::tr("There is no partition named “%1” on this cluster.").arg(name);
            }
            add(std::move(diagnosis));
            known = true;
            break;
        }
        if (!known && errorWord.match(line).hasMatch())
            add(Diagnosis {
                QStringLiteral("slurm.error.unknown"),
                SlurmTr::tr("Slurm reported an error Onramp does not know yet."),
                SlurmTr::tr("Read Slurm's words below; if they do not help, send them to the cluster "
                            "administrators."),
                line.toString()});
    }
    return diagnoses;
}

// --- jobs -------------------------------------------------------------------------------------------------

namespace {

std::optional<Diagnosis> explainState(JobState state, const QString &stateText, const QString &reason)
{
    const QString code = QStringLiteral("slurm.state.") + jobStateName(state);
    const QString evidence = reason.isEmpty() ? stateText : stateText + QStringLiteral(" (") + reason + u')';
    auto withText = [&](const Text &text) { return make(code, text, evidence); };
    switch (state) {
    case JobState::Pending:
        return explainPendingReason(reason);
    case JobState::Failed: {
        // The reason says why: NonZeroExitCode, BadConstraints, JobLaunchFailure, ...
        if (auto byReason = explainPendingReason(reason); byReason && !byReason->code.endsWith(u".unknown"))
            return Diagnosis {code, byReason->summary, byReason->suggestion, evidence};
        return withText(
            {QT_TRANSLATE_NOOP("onramp::cluster", "The job failed."),
             QT_TRANSLATE_NOOP("onramp::cluster",
                               "Read the job's output file for the program's own error message.")});
    }
    case JobState::Timeout:
        return withText(
            {QT_TRANSLATE_NOOP("onramp::cluster", "The job was stopped because it reached its time limit."),
             QT_TRANSLATE_NOOP("onramp::cluster",
                               "Ask for more time next time (up to the partition's limit), or save "
                               "progress so a new job can continue.")});
    case JobState::OutOfMemory:
        return withText({QT_TRANSLATE_NOOP("onramp::cluster",
                                           "The job used more memory than it asked for and was stopped."),
                         QT_TRANSLATE_NOOP("onramp::cluster",
                                           "Ask for more memory (--mem), or make the program use less.")});
    case JobState::NodeFail:
    case JobState::BootFail:
        return withText({QT_TRANSLATE_NOOP("onramp::cluster", "The node running the job failed."),
                         QT_TRANSLATE_NOOP("onramp::cluster",
                                           "Submit it again; tell the administrators if it repeats.")});
    case JobState::Cancelled:
        return withText(
            {QT_TRANSLATE_NOOP("onramp::cluster",
                               "The job was cancelled (by you, by Onramp or by an administrator)."),
             QT_TRANSLATE_NOOP("onramp::cluster", "Start it again if you still need it.")});
    case JobState::Preempted:
        return withText({QT_TRANSLATE_NOOP("onramp::cluster",
                                           "The job was stopped to make room for a job with precedence."),
                         QT_TRANSLATE_NOOP("onramp::cluster",
                                           "Submit it again, or use a partition without preemption.")});
    case JobState::Deadline:
        return withText(
            {QT_TRANSLATE_NOOP("onramp::cluster", "Your job could not finish before its deadline."),
             QT_TRANSLATE_NOOP("onramp::cluster",
                               "Submit it again with a later deadline or a shorter time.")});
    case JobState::RequeueHold:
    case JobState::ResvDelHold:
        if (auto byReason = explainPendingReason(reason))
            return byReason;
        return withText(
            {QT_TRANSLATE_NOOP("onramp::cluster", "The job was put back in the queue and held."),
             QT_TRANSLATE_NOOP("onramp::cluster",
                               "Release it with “scontrol release” and the job id, or cancel it.")});
    case JobState::Suspended:
    case JobState::Stopped:
        return withText(
            {QT_TRANSLATE_NOOP("onramp::cluster", "The job is paused."),
             QT_TRANSLATE_NOOP("onramp::cluster",
                               "It continues when it is resumed; ask the administrators if it stays "
                               "paused.")});
    default:
        return std::nullopt;
    }
}

} // namespace

std::optional<Diagnosis> explainJob(const Job &job)
{
    return explainState(job.state, job.stateText, job.reason);
}

std::optional<Diagnosis> explainJob(const JobDetails &job)
{
    return explainState(job.state, job.stateText, job.reason);
}

} // namespace onramp::cluster
