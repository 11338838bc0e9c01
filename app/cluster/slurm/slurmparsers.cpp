#include "cluster/slurm/slurmparsers.h"

#include "cluster/slurm/slurmdetail.h"
#include "cluster/slurm/slurmvalidate.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace onramp::cluster {

using namespace slurm_detail;

// --- shared text helpers ----------------------------------------------------------------------------

namespace slurm_detail {

Status checkReadableText(QStringView text, const QString &tool)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool control = (c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c == 0x7f;
        if (control || c == 0xfffd) {
            // Count lines for the log; never copy binary into the sentence.
            const int line = int(text.left(i).count(u'\n')) + 1;
            return unexpectedOutput(
                SlurmTr::tr("The output of %1 could not be read: it contains binary data (line %2).")
                    .arg(tool)
                    .arg(line),
                QStringLiteral("character U+%1 at offset %2").arg(int(c), 4, 16, QLatin1Char('0')).arg(i));
        }
    }
    return success();
}

QList<TextLine> nonBlankLines(QStringView text)
{
    QList<TextLine> lines;
    int number = 0;
    for (QStringView line : text.split(u'\n')) {
        ++number;
        // Trailing whitespace (CR included) never carries meaning in Slurm's tables.
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
        if (!line.trimmed().isEmpty())
            lines << TextLine {number, line};
    }
    return lines;
}

Error unreadableLine(const QString &tool, const TextLine &line, const QString &why)
{
    QString shown = line.text.trimmed().toString();
    if (shown.size() > 120)
        shown = shown.left(117) + QStringLiteral("…");
    const QString message = why.isEmpty()
        ? SlurmTr::tr("The output of %1 could not be read: line %2 is “%3”.")
              .arg(tool)
              .arg(line.number)
              .arg(shown)
        : SlurmTr::tr("The output of %1 could not be read: line %2 is “%3” (%4).")
              .arg(tool)
              .arg(line.number)
              .arg(shown, why);
    return unexpectedOutput(message, line.text.toString());
}

} // namespace slurm_detail

namespace {

// --- tables ---------------------------------------------------------------------------------------------

struct Row {
    TextLine line;
    QList<QStringView> cells;
};

struct Table {
    QStringList columns; // upper case, as in the header (or as the command asked)
    QList<Row> rows;

    int column(std::initializer_list<QStringView> names) const
    {
        for (QStringView name : names) {
            const qsizetype at = columns.indexOf(name);
            if (at >= 0)
                return int(at);
        }
        return -1;
    }
};

QStringView cell(const Row &row, int column)
{
    if (column < 0 || column >= row.cells.size())
        return {};
    return row.cells.at(column).trimmed();
}

bool looksLikeHeaderWord(QStringView token)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Z][A-Z0-9_()/:%.\-]*$)"));
    return re.match(token).hasMatch();
}

// Splits into at most `count` cells, the last one taking the rest of the line (it may hold the
// separator: a job name with '|', a reason with spaces).
QList<QStringView> splitCells(QStringView line, bool delimited, qsizetype count)
{
    QList<QStringView> cells;
    if (delimited) {
        if (line.endsWith(u'|'))
            line.chop(1); // -O fields end with their '|' suffix
        qsizetype start = 0;
        while (cells.size() + 1 < count) {
            const qsizetype bar = line.indexOf(u'|', start);
            if (bar < 0)
                break;
            cells << line.mid(start, bar - start);
            start = bar + 1;
        }
        cells << line.mid(start);
        return cells;
    }
    line = line.trimmed();
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && line.at(i).isSpace())
            ++i;
        if (i >= line.size())
            break;
        if (cells.size() + 1 == count) {
            cells << line.mid(i);
            break;
        }
        const qsizetype start = i;
        while (i < line.size() && !line.at(i).isSpace())
            ++i;
        cells << line.mid(start, i - start);
    }
    return cells;
}

// Whitespace-separated words with their positions in the line.
struct Word {
    qsizetype start;
    qsizetype end;
};
QList<Word> wordsOf(QStringView line)
{
    QList<Word> words;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && line.at(i).isSpace())
            ++i;
        if (i >= line.size())
            break;
        const qsizetype start = i;
        while (i < line.size() && !line.at(i).isSpace())
            ++i;
        words << Word {start, i};
    }
    return words;
}

// A whitespace-aligned row (squeue's and sinfo's default formats) whose values hold spaces
// ("my job|with pipe" cut to "my job|w"): the header's word ends mark where right-aligned columns
// end; a word belongs to the first column whose header ends at or after the word's end, and the
// last column takes the rest of the line.
QList<QStringView> cellsByPosition(QStringView line, const QList<Word> &words,
                                   const QList<qsizetype> &headerEnds)
{
    const qsizetype count = headerEnds.size();
    QList<QStringView> cells(count);
    QList<qsizetype> firstWord(count, -1);
    QList<qsizetype> lastWord(count, -1);
    qsizetype column = 0;
    for (qsizetype w = 0; w < words.size(); ++w) {
        while (column < count - 1 && words.at(w).end > headerEnds.at(column))
            ++column;
        if (firstWord.at(column) < 0)
            firstWord[column] = w;
        lastWord[column] = w;
    }
    for (qsizetype c = 0; c < count; ++c) {
        if (firstWord.at(c) < 0)
            continue;
        const qsizetype start = words.at(firstWord.at(c)).start;
        const qsizetype end = c == count - 1 ? line.size() : words.at(lastWord.at(c)).end;
        cells[c] = line.mid(start, end - start);
    }
    return cells;
}

struct Header {
    QStringList columns;
    QList<qsizetype> ends; // where each header word ends (whitespace tables)
};

std::optional<Header> headerOf(QStringView line, bool delimited, const QStringList &known)
{
    Header header;
    bool anyKnown = false;
    QList<QStringView> tokens;
    if (delimited) {
        tokens = splitCells(line, true, 1000);
    } else {
        for (const Word &word : wordsOf(line)) {
            tokens << line.mid(word.start, word.end - word.start);
            header.ends << word.end;
        }
    }
    for (QStringView token : tokens) {
        token = token.trimmed();
        if (!looksLikeHeaderWord(token))
            return std::nullopt;
        anyKnown = anyKnown || known.contains(token);
        header.columns << token.toString();
    }
    if (!anyKnown)
        return std::nullopt;
    return header;
}

// Reads a sinfo/squeue table; see slurmparsers.h for the rules.
Result<Table> readTable(QStringView text, const QStringList &expected, const QStringList &known,
                        const QString &tool)
{
    if (const Status readable = checkReadableText(text, tool); !readable)
        return readable.error();
    const QList<TextLine> lines = nonBlankLines(text);
    Table table;
    if (lines.isEmpty()) {
        table.columns = expected;
        return table;
    }
    qsizetype first = 0;
    bool delimited = false;
    QList<qsizetype> headerEnds;
    const QStringView top = lines.first().text;
    if (top.contains(u'|')) {
        if (auto header = headerOf(top, true, known)) {
            table.columns = header->columns;
            delimited = true;
            first = 1;
        }
    }
    if (first == 0) {
        if (auto header = headerOf(top, false, known)) {
            table.columns = header->columns;
            headerEnds = header->ends;
            first = 1;
        }
    }
    if (first == 0) {
        table.columns = expected;
        delimited = top.count(u'|') >= std::max<qsizetype>(1, expected.size() - 1);
    }
    const qsizetype count = table.columns.size();
    for (qsizetype i = first; i < lines.size(); ++i) {
        const TextLine &line = lines.at(i);
        Row row {line, {}};
        if (delimited) {
            row.cells = splitCells(line.text, true, count);
        } else {
            const QList<Word> words = wordsOf(line.text);
            if (words.size() > count && headerEnds.size() == count)
                row.cells = cellsByPosition(line.text, words, headerEnds);
            else
                row.cells = splitCells(line.text, false, count);
            // Aligned tables leave the last column blank when there is nothing to show
            // (squeue's NODELIST(REASON) of a cancelled job).
            if (row.cells.size() == count - 1)
                row.cells << QStringView();
        }
        if (row.cells.size() < count)
            return unreadableLine(tool, line,
                                  SlurmTr::tr("%1 of %2 columns").arg(row.cells.size()).arg(count));
        table.rows << row;
    }
    return table;
}

std::optional<qint64> parseNumber(QStringView text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

bool isNone(QStringView text)
{
    return text.isEmpty() || text.compare(u"none", Qt::CaseInsensitive) == 0 || text == u"(null)"
        || text == u"N/A";
}

// --- column names -------------------------------------------------------------------------------------

const QStringList &sinfoKnownColumns()
{
    static const QStringList names {
        QStringLiteral("PARTITION"),      QStringLiteral("AVAIL"),    QStringLiteral("TIMELIMIT"),
        QStringLiteral("NODES"),          QStringLiteral("STATE"),    QStringLiteral("GRES"),
        QStringLiteral("GRES_USED"),      QStringLiteral("NODELIST"), QStringLiteral("HOSTNAMES"),
        QStringLiteral("CPUS(A/I/O/T)"),  QStringLiteral("MEMORY"),   QStringLiteral("ALLOCMEM"),
        QStringLiteral("REASON"),         QStringLiteral("CPUS"),     QStringLiteral("S:C:T"),
        QStringLiteral("NODES(A/I/O/T)"), QStringLiteral("FREE_MEM"), QStringLiteral("AVAIL_FEATURES"),
    };
    return names;
}

const QStringList &squeueKnownColumns()
{
    static const QStringList names {
        QStringLiteral("JOBID"),        QStringLiteral("PARTITION"),
        QStringLiteral("NAME"),         QStringLiteral("USER"),
        QStringLiteral("ST"),           QStringLiteral("STATE"),
        QStringLiteral("TIME"),         QStringLiteral("TIME_LIMIT"),
        QStringLiteral("TIMELIMIT"),    QStringLiteral("NODES"),
        QStringLiteral("NODELIST"),     QStringLiteral("NODELIST(REASON)"),
        QStringLiteral("REASON"),       QStringLiteral("TRES_PER_NODE"),
        QStringLiteral("START_TIME"),   QStringLiteral("SUBMIT_TIME"),
        QStringLiteral("ACCOUNT"),      QStringLiteral("CPUS"),
        QStringLiteral("PRIORITY"),     QStringLiteral("QOS"),
        QStringLiteral("ARRAY_JOB_ID"),
    };
    return names;
}

Result<SlurmDuration> durationCell(const Row &row, int column, const QString &tool)
{
    if (column < 0)
        return SlurmDuration {};
    if (auto duration = parseSlurmDuration(cell(row, column)))
        return *duration;
    return unreadableLine(tool, row.line,
                          SlurmTr::tr("“%1” is not a duration").arg(cell(row, column).toString()));
}

Result<QList<GresEntry>> gresCell(const Row &row, int column, const QString &tool)
{
    if (column < 0)
        return QList<GresEntry> {};
    auto gres = parseGres(cell(row, column));
    if (!gres)
        return unreadableLine(
            tool, row.line,
            SlurmTr::tr("“%1” is not a generic resource (GRES) list").arg(cell(row, column).toString()));
    return gres;
}

} // namespace

// --- sinfo: partitions -------------------------------------------------------------------------------

qint64 PartitionInfo::gpus() const
{
    qint64 total = 0;
    for (const PartitionNodeGroup &group : groups)
        total += qint64(group.nodes) * gpuCount(group.gres);
    return total;
}

int PartitionInfo::usableNodes() const
{
    int total = 0;
    for (const PartitionNodeGroup &group : groups)
        total += group.state.usable() ? group.nodes : 0;
    return total;
}

QStringList sinfoPartitionColumns()
{
    return {QStringLiteral("PARTITION"), QStringLiteral("AVAIL"),   QStringLiteral("TIMELIMIT"),
            QStringLiteral("NODES"),     QStringLiteral("STATE"),   QStringLiteral("GRES"),
            QStringLiteral("GRES_USED"), QStringLiteral("NODELIST")};
}

Result<QList<PartitionInfo>> parseSinfoPartitions(QStringView text, const QStringList &columns)
{
    const QString tool = QStringLiteral("sinfo");
    auto read = readTable(text, columns, sinfoKnownColumns(), tool);
    if (!read)
        return read.error();
    const Table &table = read.value();
    const int cPartition = table.column({u"PARTITION"});
    if (cPartition < 0)
        return unexpectedOutput(SlurmTr::tr("The output of sinfo has no partition column."),
                                table.columns.join(u' '));
    if (table.rows.isEmpty())
        return unexpectedOutput(
            SlurmTr::tr("sinfo listed no partitions: this account may not be allowed to use any."));
    const int cAvail = table.column({u"AVAIL"});
    const int cTime = table.column({u"TIMELIMIT", u"TIME_LIMIT"});
    const int cNodes = table.column({u"NODES"});
    const int cState = table.column({u"STATE"});
    const int cGres = table.column({u"GRES"});
    const int cGresUsed = table.column({u"GRES_USED"});
    const int cNodeList = table.column({u"NODELIST", u"HOSTNAMES"});

    QList<PartitionInfo> partitions;
    QHash<QString, qsizetype> index;
    for (const Row &row : table.rows) {
        QStringView name = cell(row, cPartition);
        const bool isDefault = name.endsWith(u'*');
        if (isDefault)
            name.chop(1);
        if (!isValidPartitionName(name))
            return unreadableLine(tool, row.line,
                                  SlurmTr::tr("“%1” is not a partition name").arg(name.toString()));
        auto limit = durationCell(row, cTime, tool);
        if (!limit)
            return limit.error();
        PartitionNodeGroup group;
        if (cNodes >= 0) {
            const auto nodes = parseNumber(cell(row, cNodes));
            if (!nodes || *nodes > 1000000)
                return unreadableLine(
                    tool, row.line,
                    SlurmTr::tr("“%1” is not a node count").arg(cell(row, cNodes).toString()));
            group.nodes = int(*nodes);
        }
        group.state = parseNodeState(cell(row, cState));
        auto gres = gresCell(row, cGres, tool);
        if (!gres)
            return gres.error();
        auto gresUsed = gresCell(row, cGresUsed, tool);
        if (!gresUsed)
            return gresUsed.error();
        group.gres = gres.value();
        group.gresUsed = gresUsed.value();
        group.nodeList = cell(row, cNodeList).toString();
        if (!group.nodeList.isEmpty() && !isNone(group.nodeList) && !isValidNodeList(group.nodeList))
            return unreadableLine(tool, row.line, SlurmTr::tr("“%1” is not a node list").arg(group.nodeList));

        const QString key = name.toString();
        if (!index.contains(key)) {
            index.insert(key, partitions.size());
            PartitionInfo partition;
            partition.name = key;
            partition.availability = cell(row, cAvail).toString().toLower();
            partition.up = partition.availability == u"up";
            partition.timeLimit = limit.value();
            partitions << partition;
        }
        PartitionInfo &partition = partitions[index.value(key)];
        partition.isDefault = partition.isDefault || isDefault;
        partition.nodes += group.nodes;
        partition.groups << group;
    }
    return partitions;
}

// --- sinfo: nodes ---------------------------------------------------------------------------------------

qint64 NodeInfo::freeGpus() const
{
    if (!state.usable())
        return 0;
    return std::max<qint64>(0, gpus() - gpusUsed());
}

QStringList sinfoNodeColumns()
{
    return {QStringLiteral("NODELIST"), QStringLiteral("PARTITION"), QStringLiteral("STATE"),
            QStringLiteral("GRES"),     QStringLiteral("GRES_USED"), QStringLiteral("CPUS(A/I/O/T)"),
            QStringLiteral("MEMORY"),   QStringLiteral("ALLOCMEM"),  QStringLiteral("REASON")};
}

Result<QList<NodeInfo>> parseSinfoNodes(QStringView text, const QStringList &columns)
{
    const QString tool = QStringLiteral("sinfo");
    auto read = readTable(text, columns, sinfoKnownColumns(), tool);
    if (!read)
        return read.error();
    const Table &table = read.value();
    const int cName = table.column({u"NODELIST", u"HOSTNAMES"});
    if (cName < 0)
        return unexpectedOutput(SlurmTr::tr("The output of sinfo has no node name column."),
                                table.columns.join(u' '));
    if (table.rows.isEmpty())
        return unexpectedOutput(SlurmTr::tr("sinfo listed no nodes."));
    const int cPartition = table.column({u"PARTITION"});
    const int cState = table.column({u"STATE"});
    const int cGres = table.column({u"GRES"});
    const int cGresUsed = table.column({u"GRES_USED"});
    const int cCpus = table.column({u"CPUS(A/I/O/T)"});
    const int cMemory = table.column({u"MEMORY"});
    const int cAllocMem = table.column({u"ALLOCMEM"});
    const int cReason = table.column({u"REASON"});

    QList<NodeInfo> nodes;
    QHash<QString, qsizetype> index;
    for (const Row &row : table.rows) {
        const QStringView name = cell(row, cName);
        if (!isValidNodeList(name))
            return unreadableLine(tool, row.line,
                                  SlurmTr::tr("“%1” is not a node name").arg(name.toString()));
        QStringView partition = cell(row, cPartition);
        if (partition.endsWith(u'*'))
            partition.chop(1);
        const QString key = name.toString();
        if (index.contains(key)) {
            NodeInfo &node = nodes[index.value(key)];
            if (!partition.isEmpty() && !node.partitions.contains(partition))
                node.partitions << partition.toString();
            continue;
        }
        NodeInfo node;
        node.name = key;
        if (!partition.isEmpty())
            node.partitions << partition.toString();
        node.state = parseNodeState(cell(row, cState));
        auto gres = gresCell(row, cGres, tool);
        if (!gres)
            return gres.error();
        auto gresUsed = gresCell(row, cGresUsed, tool);
        if (!gresUsed)
            return gresUsed.error();
        node.gres = gres.value();
        node.gresUsed = gresUsed.value();
        if (cCpus >= 0) {
            const QList<QStringView> cpus = cell(row, cCpus).split(u'/');
            if (cpus.size() != 4)
                return unreadableLine(
                    tool, row.line, SlurmTr::tr("“%1” is not a CPU count").arg(cell(row, cCpus).toString()));
            const auto allocated = parseNumber(cpus.at(0));
            const auto idle = parseNumber(cpus.at(1));
            const auto total = parseNumber(cpus.at(3));
            if (!allocated || !idle || !total)
                return unreadableLine(
                    tool, row.line, SlurmTr::tr("“%1” is not a CPU count").arg(cell(row, cCpus).toString()));
            node.cpusAllocated = int(*allocated);
            node.cpusIdle = int(*idle);
            node.cpusTotal = int(*total);
        }
        // Memory of grouped nodes may print as "190000+": the minimum is what a job can count on.
        auto memory = [&](int column) -> std::optional<qint64> {
            QStringView value = cell(row, column);
            if (value.endsWith(u'+'))
                value.chop(1);
            return parseNumber(value);
        };
        if (cMemory >= 0)
            node.memoryMb = memory(cMemory);
        if (cAllocMem >= 0)
            node.allocatedMemoryMb = memory(cAllocMem);
        if (!isNone(cell(row, cReason)))
            node.reason = cell(row, cReason).toString();
        index.insert(key, nodes.size());
        nodes << node;
    }
    return nodes;
}

// --- squeue ---------------------------------------------------------------------------------------------

QStringList squeueColumns()
{
    return {QStringLiteral("JOBID"),      QStringLiteral("PARTITION"),   QStringLiteral("STATE"),
            QStringLiteral("TIME"),       QStringLiteral("TIME_LIMIT"),  QStringLiteral("NODES"),
            QStringLiteral("NODELIST"),   QStringLiteral("REASON"),      QStringLiteral("TRES_PER_NODE"),
            QStringLiteral("START_TIME"), QStringLiteral("SUBMIT_TIME"), QStringLiteral("USER"),
            QStringLiteral("NAME")};
}

Result<QList<Job>> parseSqueue(QStringView text, const QStringList &columns)
{
    const QString tool = QStringLiteral("squeue");
    auto read = readTable(text, columns, squeueKnownColumns(), tool);
    if (!read)
        return read.error();
    const Table &table = read.value();
    const int cId = table.column({u"JOBID"});
    const int cState = table.column({u"STATE", u"ST"});
    if (cId < 0 || cState < 0)
        return unexpectedOutput(SlurmTr::tr("The output of squeue has no job id or no state column."),
                                table.columns.join(u' '));
    const int cPartition = table.column({u"PARTITION"});
    const int cName = table.column({u"NAME"});
    const int cUser = table.column({u"USER"});
    const int cTime = table.column({u"TIME"});
    const int cLimit = table.column({u"TIME_LIMIT", u"TIMELIMIT"});
    const int cNodes = table.column({u"NODES"});
    const int cNodeList = table.column({u"NODELIST"});
    const int cNodeListReason = table.column({u"NODELIST(REASON)"});
    const int cReason = table.column({u"REASON"});
    const int cGres = table.column({u"TRES_PER_NODE"});
    const int cStart = table.column({u"START_TIME"});
    const int cSubmit = table.column({u"SUBMIT_TIME"});

    // Job ids as squeue prints them: arrays "1080_[5-1024%4]", het jobs "93+0", steps "12.0".
    static const QRegularExpression jobIdRe(QStringLiteral(
        R"(^\d{1,10}(?:_(?:\d{1,10}|\[[\d,\-%]+\]))?(?:\+\d{1,5})?(?:\.(?:\d+|batch|extern))?$)"));
    static const QRegularExpression stateRe(QStringLiteral(R"(^[A-Za-z_]+(?:[ +,(].*)?$)"));

    QList<Job> jobs;
    for (const Row &row : table.rows) {
        Job job;
        job.id = cell(row, cId).toString();
        if (!jobIdRe.match(job.id).hasMatch())
            return unreadableLine(tool, row.line, SlurmTr::tr("“%1” is not a job id").arg(job.id));
        job.stateText = cell(row, cState).toString();
        if (!stateRe.match(job.stateText).hasMatch())
            return unreadableLine(tool, row.line, SlurmTr::tr("“%1” is not a job state").arg(job.stateText));
        job.state = parseJobState(job.stateText);
        job.partition = cell(row, cPartition).toString();
        job.name = cell(row, cName).toString();
        job.user = cell(row, cUser).toString();
        auto elapsed = durationCell(row, cTime, tool);
        if (!elapsed)
            return elapsed.error();
        job.elapsed = elapsed.value();
        auto limit = durationCell(row, cLimit, tool);
        if (!limit)
            return limit.error();
        job.timeLimit = limit.value();
        if (cNodes >= 0 && !cell(row, cNodes).isEmpty()) {
            const auto nodes = parseNumber(cell(row, cNodes));
            if (!nodes || *nodes > 1000000)
                return unreadableLine(
                    tool, row.line,
                    SlurmTr::tr("“%1” is not a node count").arg(cell(row, cNodes).toString()));
            job.nodes = int(*nodes);
        }
        job.nodeList = cell(row, cNodeList).toString();
        if (!isNone(cell(row, cReason)))
            job.reason = cell(row, cReason).toString();
        if (cNodeListReason >= 0) { // default format: "(Resources)" while pending, nodes otherwise
            const QStringView value = cell(row, cNodeListReason);
            if (value.startsWith(u'(') && value.endsWith(u')')) {
                const QStringView reason = value.mid(1, value.size() - 2);
                if (job.reason.isEmpty() && !isNone(reason))
                    job.reason = reason.toString();
            } else if (job.nodeList.isEmpty()) {
                job.nodeList = value.toString();
            }
        }
        auto gres = gresCell(row, cGres, tool);
        if (!gres)
            return gres.error();
        job.gres = gres.value();
        job.startTime = parseSlurmDateTime(cell(row, cStart));
        job.submitTime = parseSlurmDateTime(cell(row, cSubmit));
        jobs << job;
    }
    return jobs;
}

// --- allocation progress --------------------------------------------------------------------------------

AllocationProgress parseAllocationProgress(QStringView stderrText)
{
    using Stage = AllocationProgress::Stage;
    struct Pattern {
        QRegularExpression re;
        Stage stage;
    };
    static const QList<Pattern> patterns {
        {QRegularExpression(QStringLiteral(R"(Pending job allocation (\d+))")), Stage::Pending},
        {QRegularExpression(QStringLiteral(R"(job (\d+) queued and waiting for resources)")), Stage::Pending},
        {QRegularExpression(QStringLiteral(R"(Granted job allocation (\d+))")), Stage::Granted},
        {QRegularExpression(QStringLiteral(R"(job (\d+) has been allocated resources)")), Stage::Granted},
        {QRegularExpression(QStringLiteral(R"([Jj]ob allocation (\d+) has been revoked)")), Stage::Ended},
        {QRegularExpression(QStringLiteral(R"(Relinquishing job allocation (\d+))")), Stage::Ended},
        {QRegularExpression(QStringLiteral(R"(Force Terminated (?:JobId=|job )(\d+))")), Stage::Ended},
        {QRegularExpression(QStringLiteral(R"(Job aborted due to signal())")), Stage::Ended},
        {QRegularExpression(QStringLiteral(R"(Job has been cancelled())")), Stage::Ended},
        {QRegularExpression(QStringLiteral(R"(Unable to allocate resources:())")), Stage::Ended},
        {QRegularExpression(QStringLiteral(R"(Job submit/allocate failed:())")), Stage::Ended},
    };
    AllocationProgress progress;
    for (QStringView line : stderrText.split(u'\n')) {
        for (const Pattern &pattern : patterns) {
            const auto match = pattern.re.match(line);
            if (!match.hasMatch())
                continue;
            progress.stage = pattern.stage;
            if (!match.capturedView(1).isEmpty())
                progress.jobId = match.captured(1);
            break;
        }
    }
    return progress;
}

// --- identify ---------------------------------------------------------------------------------------------

Result<ClusterIdentity> parseIdentifyOutput(QStringView text)
{
    const QString tool = QStringLiteral("hostname; sinfo");
    if (const Status readable = checkReadableText(text, tool); !readable)
        return readable.error();
    const QList<TextLine> lines = nonBlankLines(text);
    if (lines.isEmpty())
        return unexpectedOutput(
            SlurmTr::tr("The login node printed nothing: its host name and partitions are missing."));
    ClusterIdentity identity;
    identity.loginHost = lines.first().text.trimmed().toString();
    static const QRegularExpression hostRe(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9.\-_]*$)"));
    if (!hostRe.match(identity.loginHost).hasMatch())
        return unreadableLine(tool, lines.first(), SlurmTr::tr("not a host name"));
    const qsizetype rest = lines.first().text.size() + (lines.first().text.data() - text.data());
    auto partitions = parseSinfoPartitions(text.mid(rest));
    if (!partitions)
        return partitions.error();
    identity.partitions = partitions.value();
    return identity;
}

} // namespace onramp::cluster
