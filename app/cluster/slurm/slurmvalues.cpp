#include "cluster/slurm/slurmvalues.h"

#include "cluster/slurm/slurmdetail.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace onramp::cluster {

using slurm_detail::unexpectedOutput;

namespace {

bool isNoValue(QStringView text)
{
    static constexpr std::array words {u"",        u"N/A",    u"NONE",    u"INVALID",
                                       u"NOT_SET", u"(null)", u"Unknown", u"n/a"};
    for (QStringView word : words) {
        if (text.compare(word, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Splits on commas that are not inside parentheses: "gpu:a100:3(S:2,4,7),nvme:1".
QList<QStringView> splitTopLevel(QStringView text, QChar separator)
{
    QList<QStringView> parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'(')
            ++depth;
        else if (c == u')' && depth > 0)
            --depth;
        else if (c == separator && depth == 0) {
            parts << text.mid(start, i - start);
            start = i + 1;
        }
    }
    parts << text.mid(start);
    return parts;
}

// "3600", "4G", "1K" -> count; std::nullopt when not a count.
std::optional<qint64> parseCount(QStringView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 factor = 1;
    static constexpr QStringView suffixes = u"KMGTP";
    const qsizetype suffix = suffixes.indexOf(text.back().toUpper());
    if (suffix >= 0) {
        for (qsizetype i = 0; i <= suffix; ++i)
            factor *= 1024;
        text.chop(1);
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0 || text.startsWith(u'+') || text.startsWith(u'-'))
        return std::nullopt;
    return value * factor;
}

// "0-1,3" -> {0, 1, 3}; empty on anything odd (the indexes are informative only).
QList<int> parseIndexList(QStringView text)
{
    QList<int> indexes;
    for (QStringView range : text.split(u',')) {
        const qsizetype dash = range.indexOf(u'-');
        bool okFirst = false;
        bool okLast = false;
        const int first = (dash < 0 ? range : range.left(dash)).toInt(&okFirst);
        const int last = dash < 0 ? first : range.mid(dash + 1).toInt(&okLast);
        if (!okFirst || (dash >= 0 && !okLast) || last < first || last - first > 1024)
            return {};
        for (int i = first; i <= last; ++i)
            indexes << i;
    }
    return indexes;
}

} // namespace

std::optional<SlurmDuration> parseSlurmDuration(QStringView text)
{
    text = text.trimmed();
    if (text.compare(u"UNLIMITED", Qt::CaseInsensitive) == 0
        || text.compare(u"INFINITE", Qt::CaseInsensitive) == 0)
        return SlurmDuration::unlimited();
    if (isNoValue(text))
        return SlurmDuration {};
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:(\d{1,5})-)?(\d{1,9})(?::(\d{1,2}))?(?::(\d{1,2}))?$)"));
    const auto match = re.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 days = match.hasCaptured(1) ? match.capturedView(1).toLongLong() : 0;
    const qint64 first = match.capturedView(2).toLongLong();
    const bool second = match.hasCaptured(3);
    const bool third = match.hasCaptured(4);
    if (!second && third)
        return std::nullopt;
    const qint64 b = second ? match.capturedView(3).toLongLong() : 0;
    const qint64 c = third ? match.capturedView(4).toLongLong() : 0;
    if (b > 59 || c > 59)
        return std::nullopt;
    qint64 seconds = 0;
    if (match.hasCaptured(1)) // D-H, D-H:M, D-H:M:S
        seconds = days * 86400 + first * 3600 + b * 60 + c;
    else if (third) // H:M:S
        seconds = first * 3600 + b * 60 + c;
    else if (second) // M:S
        seconds = first * 60 + b;
    else // M
        seconds = first * 60;
    return SlurmDuration::finite(seconds);
}

QString formatSlurmDuration(const SlurmDuration &duration)
{
    switch (duration.kind) {
    case SlurmDuration::Kind::Unlimited:
        return QStringLiteral("UNLIMITED");
    case SlurmDuration::Kind::Unset:
        return {};
    case SlurmDuration::Kind::Finite:
        break;
    }
    const qint64 s = duration.seconds;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((s / 3600) % 24, 2, 10, QLatin1Char('0'))
                              .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s >= 86400)
        return QString::number(s / 86400) + QLatin1Char('-') + clock;
    return clock;
}

std::optional<QDateTime> parseSlurmDateTime(QStringView text)
{
    text = text.trimmed();
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$)"));
    const auto match = re.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.capturedView(1).toInt(), match.capturedView(2).toInt(),
                     match.capturedView(3).toInt());
    const QTime time(match.capturedView(4).toInt(), match.capturedView(5).toInt(),
                     match.hasCaptured(6) ? match.capturedView(6).toInt() : 0);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time);
}

namespace {
struct StateName {
    JobState state;
    QStringView longName;
    QStringView shortName;
};
// squeue(1) "JOB STATE CODES", Slurm 22.05.
constexpr std::array kJobStates {
    StateName {JobState::BootFail, u"BOOT_FAIL", u"BF"},
    StateName {JobState::Cancelled, u"CANCELLED", u"CA"},
    StateName {JobState::Completed, u"COMPLETED", u"CD"},
    StateName {JobState::Configuring, u"CONFIGURING", u"CF"},
    StateName {JobState::Completing, u"COMPLETING", u"CG"},
    StateName {JobState::Deadline, u"DEADLINE", u"DL"},
    StateName {JobState::Failed, u"FAILED", u"F"},
    StateName {JobState::NodeFail, u"NODE_FAIL", u"NF"},
    StateName {JobState::OutOfMemory, u"OUT_OF_MEMORY", u"OOM"},
    StateName {JobState::Pending, u"PENDING", u"PD"},
    StateName {JobState::Preempted, u"PREEMPTED", u"PR"},
    StateName {JobState::Running, u"RUNNING", u"R"},
    StateName {JobState::ResvDelHold, u"RESV_DEL_HOLD", u"RD"},
    StateName {JobState::RequeueFed, u"REQUEUE_FED", u"RF"},
    StateName {JobState::RequeueHold, u"REQUEUE_HOLD", u"RH"},
    StateName {JobState::Requeued, u"REQUEUED", u"RQ"},
    StateName {JobState::Resizing, u"RESIZING", u"RS"},
    StateName {JobState::Revoked, u"REVOKED", u"RV"},
    StateName {JobState::Signaling, u"SIGNALING", u"SI"},
    StateName {JobState::SpecialExit, u"SPECIAL_EXIT", u"SE"},
    StateName {JobState::StageOut, u"STAGE_OUT", u"SO"},
    StateName {JobState::Stopped, u"STOPPED", u"ST"},
    StateName {JobState::Suspended, u"SUSPENDED", u"S"},
    StateName {JobState::Timeout, u"TIMEOUT", u"TO"},
};
} // namespace

JobState parseJobState(QStringView text)
{
    text = text.trimmed();
    // "CANCELLED by 1000" (sacct), "PENDING+..." / "RUNNING,..." flags in some versions.
    for (QChar stop : {QChar(u' '), QChar(u'+'), QChar(u','), QChar(u'(')}) {
        const qsizetype at = text.indexOf(stop);
        if (at > 0)
            text = text.left(at);
    }
    for (const StateName &entry : kJobStates) {
        if (text.compare(entry.longName, Qt::CaseInsensitive) == 0
            || text.compare(entry.shortName, Qt::CaseInsensitive) == 0)
            return entry.state;
    }
    return JobState::Unknown;
}

QString jobStateName(JobState state)
{
    for (const StateName &entry : kJobStates) {
        if (entry.state == state)
            return entry.longName.toString();
    }
    return QStringLiteral("UNKNOWN");
}

QString jobStateLabel(JobState state)
{
    switch (state) {
    case JobState::Pending:
        return SlurmTr::tr("Waiting");
    case JobState::Running:
        return SlurmTr::tr("Running");
    case JobState::Suspended:
        return SlurmTr::tr("Suspended");
    case JobState::Completing:
        return SlurmTr::tr("Finishing");
    case JobState::Completed:
        return SlurmTr::tr("Completed");
    case JobState::Configuring:
        return SlurmTr::tr("Starting");
    case JobState::Cancelled:
        return SlurmTr::tr("Cancelled");
    case JobState::Failed:
        return SlurmTr::tr("Failed");
    case JobState::Timeout:
        return SlurmTr::tr("Time limit reached");
    case JobState::Preempted:
        return SlurmTr::tr("Preempted");
    case JobState::NodeFail:
        return SlurmTr::tr("Node failed");
    case JobState::BootFail:
        return SlurmTr::tr("Node failed to boot");
    case JobState::Deadline:
        return SlurmTr::tr("Deadline missed");
    case JobState::OutOfMemory:
        return SlurmTr::tr("Out of memory");
    case JobState::Requeued:
    case JobState::RequeueFed:
        return SlurmTr::tr("Requeued");
    case JobState::RequeueHold:
    case JobState::ResvDelHold:
        return SlurmTr::tr("Held");
    case JobState::Resizing:
        return SlurmTr::tr("Resizing");
    case JobState::Revoked:
        return SlurmTr::tr("Revoked");
    case JobState::Signaling:
        return SlurmTr::tr("Being signalled");
    case JobState::SpecialExit:
        return SlurmTr::tr("Special exit");
    case JobState::StageOut:
        return SlurmTr::tr("Staging out");
    case JobState::Stopped:
        return SlurmTr::tr("Stopped");
    case JobState::Unknown:
        break;
    }
    return SlurmTr::tr("Unknown state");
}

bool isActive(JobState state)
{
    switch (state) {
    case JobState::Pending:
    case JobState::Running:
    case JobState::Suspended:
    case JobState::Completing:
    case JobState::Configuring:
    case JobState::Requeued:
    case JobState::RequeueFed:
    case JobState::RequeueHold:
    case JobState::ResvDelHold:
    case JobState::Resizing:
    case JobState::Signaling:
    case JobState::StageOut:
    case JobState::Stopped:
        return true;
    default:
        return false;
    }
}

bool isFinished(JobState state)
{
    return state != JobState::Unknown && !isActive(state);
}

namespace {
// sinfo's compact names -> long names.
constexpr std::pair<QStringView, QStringView> kCompactNodeStates[] {
    {u"alloc", u"allocated"},     {u"comp", u"completing"},    {u"drain", u"drained"},
    {u"drng", u"draining"},       {u"failg", u"failing"},      {u"futr", u"future"},
    {u"mix", u"mixed"},           {u"npc", u"perfctrs"},       {u"plnd", u"planned"},
    {u"pow_dn", u"powered_down"}, {u"pow_up", u"powering_up"}, {u"resv", u"reserved"},
    {u"unk", u"unknown"},         {u"inval", u"invalid"},
};
// sinfo's one-character suffixes -> flags.
constexpr std::pair<char16_t, QStringView> kNodeSuffixes[] {
    {u'*', u"NOT_RESPONDING"},   {u'~', u"POWERED_DOWN"},  {u'#', u"POWERING_UP"},
    {u'!', u"POWER_DOWN"},       {u'%', u"POWERING_DOWN"}, {u'$', u"MAINT"},
    {u'@', u"REBOOT_REQUESTED"}, {u'^', u"REBOOT_ISSUED"}, {u'-', u"PLANNED"},
};
} // namespace

NodeState parseNodeState(QStringView text)
{
    NodeState state;
    text = text.trimmed();
    state.text = text.toString();
    const QList<QStringView> parts = text.split(u'+');
    QStringView base = parts.value(0);
    // Suffix characters on the base (sinfo) or on flags (scontrol prints "DOWN*").
    auto takeSuffixes = [&state](QStringView word) {
        while (!word.isEmpty()) {
            bool found = false;
            for (const auto &[c, flag] : kNodeSuffixes) {
                if (word.back() == QChar(c)) {
                    state.flags << flag.toString();
                    word.chop(1);
                    found = true;
                    break;
                }
            }
            if (!found)
                break;
        }
        return word;
    };
    base = takeSuffixes(base);
    QString lower = base.toString().toLower();
    for (const auto &[compact, full] : kCompactNodeStates) {
        if (lower == compact) {
            lower = full.toString();
            break;
        }
    }
    state.base = lower;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QStringView flag = takeSuffixes(parts.at(i));
        if (!flag.isEmpty())
            state.flags << flag.toString().toUpper();
    }
    // sinfo folds "idle+drain" into "drained"/"draining": keep both views consistent.
    if (state.base == u"drained" || state.base == u"draining")
        state.flags << QStringLiteral("DRAIN");
    state.flags.removeDuplicates();
    return state;
}

bool NodeState::usable() const
{
    static const QStringList usableBases {QStringLiteral("idle"), QStringLiteral("mixed"),
                                          QStringLiteral("allocated"), QStringLiteral("completing"),
                                          QStringLiteral("planned")};
    static const QStringList blockers {
        QStringLiteral("DRAIN"),          QStringLiteral("DRAINED"),       QStringLiteral("DRAINING"),
        QStringLiteral("DOWN"),           QStringLiteral("FAIL"),          QStringLiteral("FAILING"),
        QStringLiteral("NOT_RESPONDING"), QStringLiteral("NO_RESPOND"),    QStringLiteral("POWERED_DOWN"),
        QStringLiteral("POWERING_DOWN"),  QStringLiteral("POWER_DOWN"),    QStringLiteral("POWERING_UP"),
        QStringLiteral("MAINT"),          QStringLiteral("REBOOT_ISSUED"), QStringLiteral("REBOOT_REQUESTED"),
        QStringLiteral("INVALID_REG")};
    if (!usableBases.contains(base))
        return false;
    for (const QString &flag : flags) {
        if (blockers.contains(flag))
            return false;
    }
    return true;
}

Result<QList<GresEntry>> parseGres(QStringView text)
{
    text = text.trimmed();
    QList<GresEntry> entries;
    if (isNoValue(text))
        return entries;
    for (QStringView part : splitTopLevel(text, u',')) {
        part = part.trimmed();
        if (part.isEmpty() || isNoValue(part))
            continue;
        auto garbage = [&] {
            return unexpectedOutput(
                SlurmTr::tr("Slurm printed a generic resource (GRES) that Onramp cannot read: “%1”.")
                    .arg(part.toString()),
                text.toString());
        };
        if (part.startsWith(u"gres:") || part.startsWith(u"gres/"))
            part = part.mid(5);
        GresEntry entry;
        // A trailing "(...)" is the detail ("S:0-1", "IDX:0,3"); "(null)" after a ':' is an empty type.
        if (part.endsWith(u')')) {
            const qsizetype open = part.lastIndexOf(u'(');
            const bool nullType = open > 0 && part.at(open - 1) == u':' && part.mid(open) == u"(null)";
            if (open <= 0)
                return garbage();
            if (!nullType) {
                entry.detail = part.mid(open + 1, part.size() - open - 2).toString();
                part = part.left(open);
                if (entry.detail.startsWith(u"IDX:"))
                    entry.indexes = parseIndexList(QStringView(entry.detail).mid(4));
            }
        }
        QList<QStringView> fields = part.split(u':');
        if (fields.first().isEmpty())
            return garbage();
        entry.name = fields.takeFirst().toString();
        // The count is last when it is a number; "gpu" alone, or "gpu:a100", means one.
        entry.count = 1;
        if (!fields.isEmpty()) {
            if (const auto count = parseCount(fields.last())) {
                entry.count = *count;
                fields.removeLast();
            }
        }
        for (QStringView field : fields) {
            if (field == u"no_consume")
                entry.noConsume = true;
            else if (field == u"(null)" || field.isEmpty())
                continue;
            else if (entry.type.isEmpty())
                entry.type = field.toString();
            else
                return garbage();
        }
        static const QRegularExpression word(QStringLiteral(R"(^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$)"));
        if (!word.match(entry.name).hasMatch()
            || (!entry.type.isEmpty() && !word.match(entry.type).hasMatch()))
            return garbage();
        entries << entry;
    }
    return entries;
}

qint64 gpuCount(const QList<GresEntry> &gres)
{
    qint64 total = 0;
    for (const GresEntry &entry : gres) {
        if (entry.name == u"gpu")
            total += entry.count;
    }
    return total;
}

Result<QMap<QString, QString>> parseTres(QStringView text)
{
    text = text.trimmed();
    QMap<QString, QString> tres;
    if (isNoValue(text))
        return tres;
    for (QStringView part : text.split(u',')) {
        part = part.trimmed();
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf(u'=');
        if (eq <= 0)
            return unexpectedOutput(
                SlurmTr::tr("Slurm printed a resource list (TRES) that Onramp cannot read: “%1”.")
                    .arg(text.toString()),
                text.toString());
        tres.insert(part.left(eq).toString(), part.mid(eq + 1).toString());
    }
    return tres;
}

qint64 tresGpuCount(const QMap<QString, QString> &tres)
{
    auto count = [](const QString &value) { return parseCount(value).value_or(0); };
    if (tres.contains(QStringLiteral("gres/gpu")))
        return count(tres.value(QStringLiteral("gres/gpu")));
    qint64 total = 0;
    for (auto it = tres.cbegin(); it != tres.cend(); ++it) {
        if (it.key().startsWith(u"gres/gpu:"))
            total += count(it.value());
    }
    return total;
}

} // namespace onramp::cluster
