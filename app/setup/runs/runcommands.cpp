#include "setup/runs/runcommands.h"

#include "core/shellquote.h"

namespace onramp::setup::runs {

QString remoteDirWord(const QString &dir)
{
    if (dir.startsWith(QLatin1String("~/")))
        return QStringLiteral("\"$HOME\"/") + shellQuote(QStringView(dir).mid(2));
    return shellQuote(dir);
}

QString defaultRemoteDir(const QString &id)
{
    return QStringLiteral("~/.onramp/runs/") + id;
}

QString scriptPreamble()
{
    // Job ids go to a file the cancel reads; only digits and '_' (array jobs) are accepted, and
    // sbatch --parsable's ";cluster" suffix is dropped.
    return QStringLiteral(
        "# Written by Onramp. onramp_job_started JOBID: cancelling this run also cancels that job.\n"
        "onramp_job_started() {\n"
        "    set -- \"${1%%;*}\"\n"
        "    case $1 in\n"
        "    '' | *[!0-9_]*) echo \"onramp_job_started: not a Slurm job id: $1\" >&2; return 1 ;;\n"
        "    esac\n"
        "    printf '%s\\n' \"$1\" >> \"$ONRAMP_RUN_DIR/jobs\"\n"
        "}\n");
}

QString startCommand(const QString &id, const QString &script)
{
    // The detached part: its own session (so its process group is the whole run), the exit code
    // written atomically once the script has ended. $1 is the run directory.
    const QString detached = QStringLiteral("d=$1\n"
                                            "echo $$ > \"$d/pgid.tmp\" && mv -f \"$d/pgid.tmp\" \"$d/pgid\"\n"
                                            "export ONRAMP_RUN_DIR=\"$d\"\n"
                                            "cd || cd /\n"
                                            "bash \"$d/script\" >> \"$d/log\" 2>&1 < /dev/null\n"
                                            "echo $? > \"$d/rc.tmp\" && mv -f \"$d/rc.tmp\" \"$d/rc\"\n");
    QString body = scriptPreamble() + QLatin1Char('\n') + script;
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    return QStringLiteral("umask 077\n"
                          "d=%1\n"
                          "mkdir -p \"$d\" && cd \"$d\" || exit 90\n"
                          "if [ ! -e pgid ]; then\n"
                          "  printf %s %2 > script.tmp && mv -f script.tmp script || exit 91\n"
                          "  date -u +%Y-%m-%dT%H:%M:%SZ > started_at\n"
                          "  : >> log\n"
                          "  setsid nohup bash -c %3 onramp-run \"$PWD\" > /dev/null 2>&1 < /dev/null &\n"
                          "  i=0\n"
                          "  while [ ! -e pgid ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done\n"
                          "fi\n"
                          "[ -e pgid ] || exit 92\n"
                          "printf 'onramp-run %s %s\\n' \"$(cat pgid)\" \"$PWD\"\n")
        .arg(remoteDirWord(defaultRemoteDir(id)), shellQuote(body), shellQuote(detached));
}

std::optional<StartReply> parseStartReply(const QString &stdoutText)
{
    for (const QString &line : stdoutText.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("onramp-run ")))
            continue;
        const QString rest = line.mid(11);
        const qsizetype space = rest.indexOf(QLatin1Char(' '));
        if (space <= 0)
            return std::nullopt;
        bool ok = false;
        StartReply reply;
        reply.pgid = rest.left(space).toLongLong(&ok);
        reply.dir = rest.mid(space + 1);
        if (!ok || reply.pgid <= 1 || reply.dir.isEmpty())
            return std::nullopt;
        return reply;
    }
    return std::nullopt;
}

QString tailCommand(const QString &dir, qint64 offset, int pollMs, qint64 maxBytes)
{
    // The end is decided before the log's size is read: whatever the run wrote before rc (or
    // cancelled) appeared is below that size, so the last chunk completes the log. A dead process
    // group without rc is a lost run, unless a cancel is killing it right now; so is a run whose
    // start never got as far as its process group (the app died during the start).
    // clang-format off
    return QStringLiteral(
        "d=%1; off=%2; budget=%5; pp=$PPID; nopg=0\n"
        "cd \"$d\" 2>/dev/null || { echo 'onramp-run-end missing' >&2; exit 0; }\n"
        "while :; do\n"
        "  end=\n"
        "  if [ -e rc ]; then end=\"finished $(cat rc)\"\n"
        "  elif [ -e cancelled ]; then end=cancelled\n"
        "  elif [ ! -e cancelling ] && [ -e pgid ] && ! kill -0 -- \"-$(cat pgid)\" 2>/dev/null; then\n"
        "    if [ -e rc ]; then end=\"finished $(cat rc)\"; else end=lost; fi\n"
        "  elif [ ! -e pgid ]; then\n"
        "    nopg=$((nopg + 1)); if [ \"$nopg\" -gt %4 ]; then end=lost; fi\n"
        "  fi\n"
        "  size=$(wc -c < log 2>/dev/null) || size=0\n"
        "  size=$((size + 0)); n=$((size - off))\n"
        "  if [ \"$n\" -gt \"$budget\" ]; then n=$budget; fi\n"
        "  if [ \"$n\" -gt 0 ]; then\n"
        "    tail -c +$((off + 1)) log | head -c \"$n\" || exit 1\n"
        "    off=$((off + n)); budget=$((budget - n))\n"
        "  fi\n"
        "  if [ \"$off\" -lt \"$size\" ]; then echo 'onramp-run-more' >&2; exit 0; fi\n"
        "  if [ -n \"$end\" ]; then echo \"onramp-run-end $end\" >&2; exit 0; fi\n"
        "  kill -0 \"$pp\" 2>/dev/null || exit 1\n"
        "  sleep %3\n"
        "done\n")
        // clang-format on
        .arg(remoteDirWord(dir), QString::number(offset),
             shellQuote(QString::number(qMax(50, pollMs) / 1000.0, 'f', 3)),
             QString::number(kNoStartWaitMs / qMax(50, pollMs)), QString::number(qMax<qint64>(1, maxBytes)));
}

std::optional<TailEnd> parseTailEnd(const QString &stderrText)
{
    const QStringList lines = stderrText.split(QLatin1Char('\n'));
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        QStringList words;
        if (*it == QLatin1String("onramp-run-more"))
            words << QStringLiteral("more");
        else if (it->startsWith(QLatin1String("onramp-run-end ")))
            words = it->mid(15).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        else
            continue;
        if (words.isEmpty())
            return std::nullopt;
        TailEnd end;
        if (words[0] == QLatin1String("more")) {
            end.kind = TailEnd::Kind::More;
        } else if (words[0] == QLatin1String("finished") && words.size() == 2) {
            bool ok = false;
            end.exitCode = words[1].toInt(&ok);
            if (!ok)
                return std::nullopt;
            end.kind = TailEnd::Kind::Finished;
        } else if (words[0] == QLatin1String("cancelled")) {
            end.kind = TailEnd::Kind::Cancelled;
        } else if (words[0] == QLatin1String("lost")) {
            end.kind = TailEnd::Kind::Lost;
        } else if (words[0] == QLatin1String("missing")) {
            end.kind = TailEnd::Kind::Missing;
        } else {
            return std::nullopt;
        }
        return end;
    }
    return std::nullopt;
}

QString cancelCommand(const QString &dir, int graceSeconds)
{
    return QStringLiteral("d=%1; grace=%2\n"
                          "cd \"$d\" 2>/dev/null || { echo 'onramp-cancel missing'; exit 0; }\n"
                          "if [ -e rc ]; then echo \"onramp-cancel finished $(cat rc)\"; exit 0; fi\n"
                          ": > cancelling\n"
                          "pg=$(cat pgid 2>/dev/null)\n"
                          "if [ -n \"$pg\" ]; then pgrep -a -g \"$pg\" | sed 's/^/process /'; fi\n"
                          "if [ -e jobs ]; then\n"
                          "  while read -r j; do\n"
                          "    case $j in '' | *[!0-9_]*) continue ;; esac\n"
                          "    echo \"job $j $(squeue -h -j \"$j\" -o '%T %j' 2>/dev/null)\"\n"
                          "    scancel \"$j\" 2>/dev/null\n"
                          "  done < jobs\n"
                          "fi\n"
                          "if [ -n \"$pg\" ]; then\n"
                          "  kill -TERM -- \"-$pg\" 2>/dev/null\n"
                          "  i=0\n"
                          "  while kill -0 -- \"-$pg\" 2>/dev/null && [ $i -lt $((grace * 10)) ]; do sleep "
                          "0.1; i=$((i + 1)); done\n"
                          "  if kill -0 -- \"-$pg\" 2>/dev/null; then\n"
                          "    kill -KILL -- \"-$pg\" 2>/dev/null; echo killed\n"
                          "    i=0\n"
                          "    while kill -0 -- \"-$pg\" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i "
                          "+ 1)); done\n"
                          "  fi\n"
                          "fi\n"
                          "if [ -e rc ]; then echo \"onramp-cancel finished $(cat rc)\"; exit 0; fi\n"
                          "date -u +%Y-%m-%dT%H:%M:%SZ > cancelled\n"
                          "echo 'onramp-cancel done'\n")
        .arg(remoteDirWord(dir), QString::number(qMax(0, graceSeconds)));
}

CancelReply parseCancelReply(const QString &stdoutText)
{
    CancelReply reply;
    for (const QString &line : stdoutText.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("process "))) {
            // The detached wrapper (setsid bash -c) is Onramp's own; the person's work is below it.
            if (!line.contains(QLatin1String(" bash -c d=$1")))
                reply.processes << line.mid(8).left(300);
        } else if (line.startsWith(QLatin1String("job ")))
            reply.jobs << line.mid(4).trimmed();
        else if (line == QLatin1String("killed"))
            reply.killed = true;
        else if (line == QLatin1String("onramp-cancel missing"))
            reply.missing = reply.done = true;
        else if (line == QLatin1String("onramp-cancel done"))
            reply.done = true;
        else if (line.startsWith(QLatin1String("onramp-cancel finished "))) {
            reply.alreadyFinished = reply.done = true;
            reply.exitCode = line.mid(23).trimmed().toInt();
        }
    }
    return reply;
}

} // namespace onramp::setup::runs
