#include "cluster/gpu/nvidiasmi.h"

#include "cluster/gpu/gpudiagnosis.h"
#include "cluster/gpu/gpuparse_p.h"
#include "cluster/gpu/gputr.h"
#include "core/shellquote.h"

#include <QHash>
#include <QRegularExpression>

#include <cmath>
#include <functional>
#include <type_traits>

namespace onramp::cluster {

using namespace gpu_detail;

namespace {

// --- CSV --------------------------------------------------------------------------------------------

struct Column {
    QString field; // canonical name
    QString unit; // from the header ("MiB"), empty when none
};

struct Cell {
    qsizetype start = 0; // span in the line, for re-joining cells of an unquoted name with commas
    qsizetype end = 0;
    QString text;
};

// nvidia-smi separates cells with ", " and never quotes; a quoted cell ("a, b") is still read as one.
QList<Cell> splitCsvLine(QStringView line)
{
    QList<Cell> cells;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (true) {
        while (i < n && line[i] == u' ')
            ++i;
        Cell cell;
        cell.start = i;
        if (i < n && line[i] == u'"') {
            ++i;
            while (i < n) {
                if (line[i] == u'"') {
                    if (i + 1 < n && line[i + 1] == u'"') {
                        cell.text += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell.text += line[i++];
            }
            while (i < n && line[i] != u',')
                ++i;
            cell.end = i;
        } else {
            const qsizetype comma = line.indexOf(u',', i);
            cell.end = comma < 0 ? n : comma;
            cell.text = line.mid(i, cell.end - i).trimmed().toString();
            i = cell.end;
        }
        cells.append(cell);
        if (i >= n)
            break;
        ++i; // the comma
    }
    return cells;
}

// "memory.total [MiB]" -> {"memory.total", "MiB"}; nullopt for a cell that is no field name.
std::optional<Column> headerCell(QStringView cell)
{
    static const QRegularExpression re(QStringLiteral(R"(^([A-Za-z_][A-Za-z0-9_.]*)(?:\s*\[([^\]]*)\])?$)"));
    const auto m = re.match(cell.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return Column {m.captured(1), m.captured(2)};
}

using Canonicalizer = QString (*)(const QString &);

QString canonicalGpuField(const QString &name)
{
    static const QHash<QString, QString> aliases {
        {QStringLiteral("gpu_name"), QStringLiteral("name")},
        {QStringLiteral("gpu_uuid"), QStringLiteral("uuid")},
        {QStringLiteral("gpu_bus_id"), QStringLiteral("pci.bus_id")},
        {QStringLiteral("gpu_serial"), QStringLiteral("serial")},
        {QStringLiteral("clocks.gr"), QStringLiteral("clocks.current.graphics")},
        {QStringLiteral("clocks.sm"), QStringLiteral("clocks.current.sm")},
        {QStringLiteral("clocks.mem"), QStringLiteral("clocks.current.memory")},
        {QStringLiteral("clocks.video"), QStringLiteral("clocks.current.video")},
        {QStringLiteral("clocks.max.gr"), QStringLiteral("clocks.max.graphics")},
        {QStringLiteral("clocks.max.mem"), QStringLiteral("clocks.max.memory")},
    };
    const QString lower = name.toLower();
    // Renamed in driver 535; the old name is still accepted (and printed) by older drivers.
    static const QString throttle = QStringLiteral("clocks_throttle_reasons.");
    if (lower.startsWith(throttle))
        return QStringLiteral("clocks_event_reasons.") + lower.mid(throttle.size());
    return aliases.value(lower, lower);
}

QString canonicalAppsField(const QString &name)
{
    static const QHash<QString, QString> aliases {
        {QStringLiteral("name"), QStringLiteral("process_name")},
        {QStringLiteral("used_memory"), QStringLiteral("used_gpu_memory")},
        {QStringLiteral("uuid"), QStringLiteral("gpu_uuid")},
    };
    const QString lower = name.toLower();
    return aliases.value(lower, lower);
}

struct CsvRows {
    QList<Column> columns;
    bool hadHeader = false;
    QList<QList<Cell>> rows;
    QList<int> lineNumbers; // 1-based, for error details
};

struct CsvSpec {
    Canonicalizer canonical;
    QStringList knownFields; // a header must name at least one of these
    QString freeTextField; // the one column whose unquoted text may contain commas
    const char *command; // for error details
};

// An nvidia-smi failure message instead of the expected output: the parse error is its explanation.
std::optional<Error> knownFailure(QStringView output)
{
    if (const auto d = diagnoseNvidiaSmi(output))
        return unexpectedOutput(d->summary, d->code + QStringLiteral(": ") + d->evidence);
    return std::nullopt;
}

Result<CsvRows> readCsv(QStringView output, const QStringList &requested, const CsvSpec &spec)
{
    if (looksBinary(output))
        return unexpectedOutput(
            GpuTr::tr("nvidia-smi's output contains binary data, not text."),
            QStringLiteral("%1: NUL in output: %2").arg(QLatin1String(spec.command), excerpt(output)));
    if (auto failure = knownFailure(output))
        return *failure;

    CsvRows csv;
    const QList<QStringView> lines = splitLines(output);
    int lineNo = 0;
    for (QStringView line : lines) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        const QList<Cell> cells = splitCsvLine(line);
        if (csv.columns.isEmpty() && !csv.hadHeader && csv.rows.isEmpty()) {
            // The first line: a header if every cell is a field name and one of them is known.
            QList<Column> header;
            bool allNames = true;
            bool anyKnown = false;
            for (const Cell &c : cells) {
                auto col = headerCell(c.text);
                if (!col) {
                    allNames = false;
                    break;
                }
                col->field = spec.canonical(col->field);
                anyKnown = anyKnown || spec.knownFields.contains(col->field);
                header.append(*col);
            }
            if (allNames && anyKnown) {
                csv.columns = header;
                csv.hadHeader = true;
                continue;
            }
            if (requested.isEmpty())
                return unexpectedOutput(
                    GpuTr::tr("Onramp cannot tell the columns of nvidia-smi's output apart: it has no "
                              "header line."),
                    QStringLiteral("%1: no header and no field list; first line: %2")
                        .arg(QLatin1String(spec.command), excerpt(line)));
            for (const QString &f : requested)
                csv.columns.append(Column {spec.canonical(f.trimmed()), {}});
        }
        QList<Cell> row = cells;
        const qsizetype want = csv.columns.size();
        if (row.size() > want) {
            // An unquoted name with commas in it ("python train.py, eval" as a process name).
            qsizetype free = -1;
            for (qsizetype i = 0; i < want; ++i) {
                if (csv.columns[i].field == spec.freeTextField)
                    free = i;
            }
            if (free >= 0) {
                const qsizetype extra = row.size() - want;
                Cell merged;
                merged.start = row[free].start;
                merged.end = row[free + extra].end;
                merged.text = line.mid(merged.start, merged.end - merged.start).trimmed().toString();
                row.remove(free, extra + 1);
                row.insert(free, merged);
            }
        }
        if (row.size() != want)
            return unexpectedOutput(GpuTr::tr("Line %1 of nvidia-smi's output has %2 values, but %3 "
                                              "were expected. The output may be cut off or from an "
                                              "nvidia-smi Onramp does not know.")
                                        .arg(lineNo)
                                        .arg(cells.size())
                                        .arg(want),
                                    QStringLiteral("%1: line %2: %3 cells, %4 columns: %5")
                                        .arg(QLatin1String(spec.command))
                                        .arg(lineNo)
                                        .arg(cells.size())
                                        .arg(want)
                                        .arg(excerpt(line)));
        csv.rows.append(row);
        csv.lineNumbers.append(lineNo);
    }
    return csv;
}

// A numeric cell in the unit Onramp stores. False: the cell is no number in an expected unit.
template<typename T>
bool readNumber(QStringView cell, const QString &headerUnit, const QStringList &units,
                const QList<double> &factors, std::optional<T> &out)
{
    if (isUnavailable(cell)) {
        out.reset();
        return true;
    }
    const auto m = parseMeasure(cell);
    if (!m)
        return false;
    const QString unit = m->unit.isEmpty() ? headerUnit : m->unit;
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (unit.compare(units[i], Qt::CaseInsensitive) == 0) {
            const double v = m->value * factors.value(i, 1.0);
            if constexpr (std::is_integral_v<T>)
                out = static_cast<T>(std::llround(v));
            else
                out = v;
            return true;
        }
    }
    return false;
}

template<typename T> bool readMiB(QStringView cell, const QString &headerUnit, std::optional<T> &out)
{
    return readNumber(cell, headerUnit,
                      {QString(), QStringLiteral("MiB"), QStringLiteral("GiB"), QStringLiteral("KiB")},
                      {1.0, 1.0, 1024.0, 1.0 / 1024.0}, out);
}

bool readPercent(QStringView cell, const QString &headerUnit, std::optional<int> &out)
{
    return readNumber(cell, headerUnit, {QString(), QStringLiteral("%")}, {1.0, 1.0}, out);
}

QString textOrEmpty(QStringView cell)
{
    return isUnavailable(cell) ? QString() : cell.trimmed().toString();
}

using GpuSetter = std::function<bool(GpuStatus &, QStringView, const QString &)>;

const QHash<QString, GpuSetter> &gpuSetters()
{
    static const QHash<QString, GpuSetter> setters {
        {QStringLiteral("index"),
         [](GpuStatus &g, QStringView c, const QString &u) {
             return readNumber(c, u, {QString()}, {1.0}, g.index);
         }},
        {QStringLiteral("uuid"),
         [](GpuStatus &g, QStringView c, const QString &) {
             g.uuid = textOrEmpty(c);
             return true;
         }},
        {QStringLiteral("name"),
         [](GpuStatus &g, QStringView c, const QString &) {
             g.name = textOrEmpty(c);
             return true;
         }},
        {QStringLiteral("pci.bus_id"),
         [](GpuStatus &g, QStringView c, const QString &) {
             g.pciBusId = textOrEmpty(c);
             return true;
         }},
        {QStringLiteral("driver_version"),
         [](GpuStatus &g, QStringView c, const QString &) {
             g.driverVersion = textOrEmpty(c);
             return true;
         }},
        {QStringLiteral("memory.total"),
         [](GpuStatus &g, QStringView c, const QString &u) { return readMiB(c, u, g.memoryTotalMiB); }},
        {QStringLiteral("memory.used"),
         [](GpuStatus &g, QStringView c, const QString &u) { return readMiB(c, u, g.memoryUsedMiB); }},
        {QStringLiteral("memory.free"),
         [](GpuStatus &g, QStringView c, const QString &u) { return readMiB(c, u, g.memoryFreeMiB); }},
        {QStringLiteral("utilization.gpu"),
         [](GpuStatus &g, QStringView c, const QString &u) {
             return readPercent(c, u, g.utilizationGpuPercent);
         }},
        {QStringLiteral("utilization.memory"),
         [](GpuStatus &g, QStringView c, const QString &u) {
             return readPercent(c, u, g.utilizationMemoryPercent);
         }},
        {QStringLiteral("temperature.gpu"),
         [](GpuStatus &g, QStringView c, const QString &u) {
             return readNumber(c, u, {QString(), QStringLiteral("C")}, {1.0, 1.0}, g.temperatureC);
         }},
        {QStringLiteral("power.draw"),
         [](GpuStatus &g, QStringView c, const QString &u) {
             std::optional<double> v;
             if (!readNumber(c, u, {QString(), QStringLiteral("W")}, {1.0, 1.0}, v))
                 return false;
             if (v) // power.draw wins over the .instant/.average fallbacks whatever the column order
                 g.powerDrawW = v;
             return true;
         }},
        {QStringLiteral("power.limit"),
         [](GpuStatus &g, QStringView c, const QString &u) {
             std::optional<double> v;
             if (!readNumber(c, u, {QString(), QStringLiteral("W")}, {1.0, 1.0}, v))
                 return false;
             if (v)
                 g.powerLimitW = v;
             return true;
         }},
        {QStringLiteral("fan.speed"),
         [](GpuStatus &g, QStringView c, const QString &u) { return readPercent(c, u, g.fanSpeedPercent); }},
        {QStringLiteral("pstate"),
         [](GpuStatus &g, QStringView c, const QString &) {
             g.pstate = textOrEmpty(c);
             return true;
         }},
        {QStringLiteral("compute_mode"),
         [](GpuStatus &g, QStringView c, const QString &) {
             g.computeMode = textOrEmpty(c);
             return true;
         }},
        {QStringLiteral("mig.mode.current"),
         [](GpuStatus &g, QStringView c, const QString &) {
             g.migMode = textOrEmpty(c);
             return true;
         }},
    };
    return setters;
}

// Fields that fill a typed member only when its own field gave nothing (newer/older names).
void applyFallbacks(GpuStatus &g)
{
    auto fill = [&g](std::optional<double> &slot, const QString &field) {
        if (slot || !g.otherFields.contains(field))
            return;
        std::optional<double> v;
        if (readNumber(QStringView(g.otherFields[field]), QString(), {QString(), QStringLiteral("W")},
                       {1.0, 1.0}, v))
            slot = v;
    };
    fill(g.powerDrawW, QStringLiteral("power.draw.instant"));
    fill(g.powerDrawW, QStringLiteral("power.draw.average"));
    fill(g.powerLimitW, QStringLiteral("enforced.power.limit"));
}

Error badValue(const char *command, int lineNo, const QString &field, QStringView cell)
{
    return unexpectedOutput(GpuTr::tr("nvidia-smi printed “%1” for %2, which is not a value Onramp "
                                      "understands.")
                                .arg(excerpt(cell, 40), field),
                            QStringLiteral("%1: line %2: field %3: %4")
                                .arg(QLatin1String(command))
                                .arg(lineNo)
                                .arg(field, excerpt(cell)));
}

// --- table ------------------------------------------------------------------------------------------

// The cells between the '|' borders of a table line.
QList<QStringView> tableCells(QStringView line)
{
    QStringView inner = line.trimmed();
    if (inner.startsWith(u'|'))
        inner = inner.mid(1);
    if (inner.endsWith(u'|'))
        inner.chop(1);
    QList<QStringView> cells;
    for (QStringView c : inner.split(u'|'))
        cells.append(c);
    return cells;
}

bool isBorder(QStringView line)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*[+|][-+|]*-[-+|]*\s*$)"));
    return re.match(line).hasMatch();
}

bool isUnderline(QStringView line)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*\|[=+|]*=[=+|]*\s*$)"));
    return re.match(line).hasMatch();
}

bool isBoxLine(QStringView line)
{
    const QStringView t = line.trimmed();
    return t.startsWith(u'|') || t.startsWith(u'+');
}

// "11125MiB / 81559MiB"
bool readUsage(QStringView cell, std::optional<qint64> &used, std::optional<qint64> &total)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\S+)\s*/\s*(\S+)\s*$)"));
    const auto m = re.match(cell);
    if (!m.hasMatch())
        return false;
    return readMiB(m.capturedView(1), QString(), used) && readMiB(m.capturedView(2), QString(), total);
}

struct TableError {
    QString message;
    QString detail;
};

std::optional<TableError> parseGpuGroup(const QList<QStringView> &group, GpuStatus &g)
{
    auto fail = [&group](const QString &why) {
        QStringList lines;
        for (QStringView l : group)
            lines << excerpt(l.trimmed(), 100);
        return TableError {
            GpuTr::tr("Onramp could not read a GPU row of the nvidia-smi table."),
            QStringLiteral("table: GPU row: %1: %2").arg(why, lines.join(QLatin1String(" / ")))};
    };
    if (group.size() < 2)
        return fail(QStringLiteral("fewer than 2 lines"));
    const QList<QStringView> l0 = tableCells(group[0]);
    const QList<QStringView> l1 = tableCells(group[1]);
    if (l0.size() < 3 || l1.size() < 3)
        return fail(QStringLiteral("fewer than 3 cells"));

    static const QRegularExpression nameRe(
        QStringLiteral(R"(^\s*(\d+)\s+(.+?)(?:\s+(On|Off|WDDM|TCC|N/A))?\s*$)"));
    const auto nm = nameRe.match(l0[0]);
    if (!nm.hasMatch())
        return fail(QStringLiteral("index/name/persistence"));
    g.index = nm.capturedView(1).toInt();
    QString name = nm.captured(2).trimmed();
    if (name.endsWith(QLatin1String("..."))) {
        name.chop(3);
        name = name.trimmed();
        g.nameTruncated = true;
    }
    g.name = name;
    if (nm.hasCaptured(3) && !nm.capturedView(3).isEmpty())
        g.otherFields.insert(QStringLiteral("persistence_mode"), nm.captured(3));

    static const QRegularExpression busRe(
        QStringLiteral(R"(^\s*([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-9A-Fa-f])\s*(\S*)\s*$)"));
    const auto bm = busRe.match(l0[1]);
    if (!bm.hasMatch())
        return fail(QStringLiteral("bus id"));
    g.pciBusId = bm.captured(1);
    if (!bm.capturedView(2).isEmpty())
        g.otherFields.insert(QStringLiteral("display_active"), bm.captured(2));
    if (!isUnavailable(l0[2]))
        g.otherFields.insert(QStringLiteral("ecc.errors.uncorrected.volatile.total"),
                             l0[2].trimmed().toString());

    // Fan  Temp  Perf  Pwr:Usage/Cap
    static const QRegularExpression stateRe(
        QStringLiteral(R"(^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+?)\s*/\s*(\S+)\s*$)"));
    const auto sm = stateRe.match(l1[0]);
    if (!sm.hasMatch())
        return fail(QStringLiteral("fan/temp/perf/power"));
    if (!readPercent(sm.capturedView(1), QString(), g.fanSpeedPercent)
        || !readNumber(sm.capturedView(2), QString(), {QString(), QStringLiteral("C")}, {1.0, 1.0},
                       g.temperatureC)
        || !readNumber(sm.capturedView(4), QString(), {QString(), QStringLiteral("W")}, {1.0, 1.0},
                       g.powerDrawW)
        || !readNumber(sm.capturedView(5), QString(), {QString(), QStringLiteral("W")}, {1.0, 1.0},
                       g.powerLimitW))
        return fail(QStringLiteral("fan/temp/power value"));
    g.pstate = textOrEmpty(sm.capturedView(3));

    if (!readUsage(l1[1], g.memoryUsedMiB, g.memoryTotalMiB))
        return fail(QStringLiteral("memory usage"));

    static const QRegularExpression utilRe(QStringLiteral(R"(^\s*(\S+)\s+(.+?)\s*$)"));
    const auto um = utilRe.match(l1[2]);
    if (!um.hasMatch() || !readPercent(um.capturedView(1), QString(), g.utilizationGpuPercent))
        return fail(QStringLiteral("utilization/compute mode"));
    g.computeMode = textOrEmpty(um.capturedView(2));

    if (group.size() >= 3) {
        const QList<QStringView> l2 = tableCells(group[2]);
        if (l2.size() >= 3)
            g.migMode = textOrEmpty(l2[2]);
    }
    return std::nullopt;
}

bool parseMigGroup(const QList<QStringView> &group, MigDevice &d)
{
    if (group.isEmpty())
        return false;
    const QList<QStringView> l0 = tableCells(group[0]);
    if (l0.size() < 2)
        return false;
    static const QRegularExpression idRe(QStringLiteral(R"(^\s*(\d+)\s+(\d+|N/A)\s+(\d+|N/A)\s+(\d+)\s*$)"));
    const auto m = idRe.match(l0[0]);
    if (!m.hasMatch())
        return false;
    d.gpuIndex = m.capturedView(1).toInt();
    if (m.capturedView(2) != u"N/A")
        d.gpuInstance = m.capturedView(2).toInt();
    if (m.capturedView(3) != u"N/A")
        d.computeInstance = m.capturedView(3).toInt();
    d.migDevice = m.capturedView(4).toInt();
    readUsage(l0[1], d.memoryUsedMiB, d.memoryTotalMiB);
    return true;
}

std::optional<GpuProcess> parseProcessLine(QStringView line)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*\|\s*(\d+|N/A)\s+(?:(\d+|N/A)\s+(\d+|N/A)\s+)?(\d+)\s+(C\+G|M\+C|C|G|M)\s+(.*?)\s+(\S+MiB|N/A)\s*\|\s*$)"));
    const auto m = re.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    GpuProcess p;
    if (m.capturedView(1) != u"N/A")
        p.gpuIndex = m.capturedView(1).toInt();
    if (m.hasCaptured(2) && m.capturedView(2) != u"N/A" && !m.capturedView(2).isEmpty())
        p.gpuInstance = m.capturedView(2).toInt();
    if (m.hasCaptured(3) && m.capturedView(3) != u"N/A" && !m.capturedView(3).isEmpty())
        p.computeInstance = m.capturedView(3).toInt();
    p.pid = m.capturedView(4).toLongLong();
    p.type = m.captured(5);
    QString name = m.captured(6);
    if (name.startsWith(QLatin1String("..."))) {
        name = name.mid(3);
        p.nameTruncated = true;
    } else if (name.endsWith(QLatin1String("..."))) {
        name.chop(3);
        p.nameTruncated = true;
    }
    p.name = name;
    readMiB(m.capturedView(7), QString(), p.usedMemoryMiB);
    return p;
}

} // namespace

// --- builders ---------------------------------------------------------------------------------------

QStringList gpuStatusFields()
{
    return {QStringLiteral("index"),
            QStringLiteral("uuid"),
            QStringLiteral("name"),
            QStringLiteral("pci.bus_id"),
            QStringLiteral("driver_version"),
            QStringLiteral("memory.total"),
            QStringLiteral("memory.used"),
            QStringLiteral("memory.free"),
            QStringLiteral("utilization.gpu"),
            QStringLiteral("utilization.memory"),
            QStringLiteral("temperature.gpu"),
            QStringLiteral("power.draw"),
            QStringLiteral("power.limit"),
            QStringLiteral("fan.speed"),
            QStringLiteral("pstate"),
            QStringLiteral("compute_mode")};
}

QStringList computeAppsFields()
{
    return {QStringLiteral("gpu_uuid"), QStringLiteral("pid"), QStringLiteral("process_name"),
            QStringLiteral("used_memory")};
}

bool isValidQueryField(const QString &field)
{
    static const QRegularExpression re(QStringLiteral(R"(^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$)"));
    return field.size() <= 64 && re.match(field).hasMatch();
}

namespace {
Result<QString> queryCommand(const QString &option, const QStringList &fields, CsvFormat format)
{
    if (fields.isEmpty())
        return Error {ErrorKind::InvalidInput, GpuTr::tr("Onramp asked nvidia-smi for no field at all."), {}};
    for (const QString &f : fields) {
        if (!isValidQueryField(f))
            return Error {ErrorKind::InvalidInput, GpuTr::tr("“%1” is not an nvidia-smi query field.").arg(f),
                          QStringLiteral("%1: rejected field %2").arg(option, excerpt(f))};
    }
    QString csv = QStringLiteral("csv");
    if (!format.header)
        csv += QStringLiteral(",noheader");
    if (!format.units)
        csv += QStringLiteral(",nounits");
    return shellJoin({QStringLiteral("nvidia-smi"), option + QLatin1Char('=') + fields.join(QLatin1Char(',')),
                      QStringLiteral("--format=") + csv});
}
} // namespace

Result<QString> queryGpuCommand(const QStringList &fields, CsvFormat format)
{
    return queryCommand(QStringLiteral("--query-gpu"), fields, format);
}

Result<QString> queryComputeAppsCommand(const QStringList &fields, CsvFormat format)
{
    return queryCommand(QStringLiteral("--query-compute-apps"), fields, format);
}

QString nvidiaSmiTableCommand()
{
    return QStringLiteral("nvidia-smi");
}

QString nvidiaSmiListCommand()
{
    return shellJoin({QStringLiteral("nvidia-smi"), QStringLiteral("-L")});
}

QString nvidiaSmiVersionCommand()
{
    return shellJoin({QStringLiteral("nvidia-smi"), QStringLiteral("--version")});
}

// --- CSV parsers ------------------------------------------------------------------------------------

Result<QList<GpuStatus>> parseGpuQueryCsv(QStringView output, const QStringList &requestedFields)
{
    static const QStringList known = [] {
        QStringList k = gpuSetters().keys();
        k << QStringLiteral("serial") << QStringLiteral("timestamp") << QStringLiteral("count")
          << QStringLiteral("power.draw.instant") << QStringLiteral("power.draw.average")
          << QStringLiteral("enforced.power.limit");
        return k;
    }();
    const CsvSpec spec {&canonicalGpuField, known, QStringLiteral("name"), "query-gpu"};
    auto csv = readCsv(output, requestedFields, spec);
    if (!csv)
        return csv.error();
    const CsvRows &rows = csv.value();
    if (rows.rows.isEmpty()) {
        if (rows.hadHeader)
            return unexpectedOutput(GpuTr::tr("nvidia-smi printed the column names but no GPU."),
                                    QStringLiteral("query-gpu: header only"));
        return unexpectedOutput(GpuTr::tr("nvidia-smi printed nothing."), QStringLiteral("query-gpu: empty"));
    }
    QList<GpuStatus> gpus;
    for (qsizetype r = 0; r < rows.rows.size(); ++r) {
        GpuStatus g;
        for (qsizetype c = 0; c < rows.columns.size(); ++c) {
            const Column &col = rows.columns[c];
            const QString &cell = rows.rows[r][c].text;
            const auto setter = gpuSetters().constFind(col.field);
            if (setter == gpuSetters().constEnd()) {
                g.otherFields.insert(col.field, cell);
                continue;
            }
            if (!(*setter)(g, cell, col.unit))
                return badValue("query-gpu", rows.lineNumbers[r], col.field, cell);
        }
        applyFallbacks(g);
        gpus.append(g);
    }
    return gpus;
}

Result<QList<GpuProcess>> parseComputeAppsCsv(QStringView output, const QStringList &requestedFields)
{
    static const QStringList known {
        QStringLiteral("gpu_uuid"),     QStringLiteral("gpu_bus_id"),      QStringLiteral("pid"),
        QStringLiteral("process_name"), QStringLiteral("used_gpu_memory"), QStringLiteral("gpu_name"),
        QStringLiteral("gpu_serial"),   QStringLiteral("timestamp")};
    const CsvSpec spec {&canonicalAppsField, known, QStringLiteral("process_name"), "query-compute-apps"};
    auto csv = readCsv(output, requestedFields, spec);
    if (!csv)
        return csv.error();
    const CsvRows &rows = csv.value();
    QList<GpuProcess> processes;
    for (qsizetype r = 0; r < rows.rows.size(); ++r) {
        GpuProcess p;
        for (qsizetype c = 0; c < rows.columns.size(); ++c) {
            const Column &col = rows.columns[c];
            const QString &cell = rows.rows[r][c].text;
            bool ok = true;
            if (col.field == u"gpu_uuid")
                p.gpuUuid = textOrEmpty(cell);
            else if (col.field == u"gpu_bus_id")
                p.gpuBusId = textOrEmpty(cell);
            else if (col.field == u"pid")
                ok = readNumber(cell, col.unit, {QString()}, {1.0}, p.pid);
            else if (col.field == u"process_name")
                p.name = textOrEmpty(cell);
            else if (col.field == u"used_gpu_memory")
                ok = readMiB(cell, col.unit, p.usedMemoryMiB);
            else
                p.otherFields.insert(col.field, cell);
            if (!ok)
                return badValue("query-compute-apps", rows.lineNumbers[r], col.field, cell);
        }
        processes.append(p);
    }
    return processes;
}

// --- table ------------------------------------------------------------------------------------------

Result<NvidiaSmiTable> parseNvidiaSmiTable(QStringView output)
{
    if (looksBinary(output))
        return unexpectedOutput(GpuTr::tr("nvidia-smi's output contains binary data, not text."),
                                QStringLiteral("table: NUL in output: %1").arg(excerpt(output)));
    if (auto failure = knownFailure(output))
        return *failure;

    static const QRegularExpression headerRe(
        QStringLiteral(R"(NVIDIA-SMI\s+(\S+)\s+Driver Version:\s*(\S+)(?:\s+CUDA Version:\s*([^\s|]+))?)"));
    NvidiaSmiTable table;
    const QList<QStringView> lines = splitLines(output);
    qsizetype i = 0;
    // Anything before the box (the timestamp line, a prompt) is skipped; the first line is kept.
    for (; i < lines.size(); ++i) {
        const auto m = headerRe.match(lines[i]);
        if (m.hasMatch()) {
            table.driver.smiVersion = m.captured(1);
            table.driver.driverVersion = m.captured(2);
            if (m.hasCaptured(3) && !isUnavailable(m.capturedView(3)))
                table.driver.cudaVersion = QVersionNumber::fromString(m.capturedView(3));
            break;
        }
    }
    if (i == lines.size()) {
        if (output.trimmed().isEmpty())
            return unexpectedOutput(GpuTr::tr("nvidia-smi printed nothing."), QStringLiteral("table: empty"));
        return unexpectedOutput(GpuTr::tr("This is not an nvidia-smi table: the line with the driver "
                                          "version is missing."),
                                QStringLiteral("table: no 'NVIDIA-SMI ... Driver Version:' line; starts: %1")
                                    .arg(excerpt(output)));
    }
    for (qsizetype t = 0; t < i; ++t) {
        if (!lines[t].trimmed().isEmpty() && !isBoxLine(lines[t])) {
            table.timestamp = lines[t].trimmed().toString();
            break;
        }
    }
    ++i;

    enum class Section { None, Gpus, Mig, Processes };
    Section titled = Section::Gpus; // the first underlined box after the header lists the GPUs
    Section body = Section::None;
    bool gpusDone = false;
    bool processesDone = false;
    bool inBody = false;
    QList<QStringView> group;
    auto cut = [](const QString &where) {
        return unexpectedOutput(GpuTr::tr("The nvidia-smi table ends in the middle; Onramp did not get all "
                                          "of it."),
                                QStringLiteral("table: cut off in %1").arg(where));
    };

    for (; i < lines.size(); ++i) {
        const QStringView line = lines[i];
        if (!inBody) {
            if (line.contains(u"MIG devices:"))
                titled = Section::Mig;
            else if (line.contains(u"Processes:"))
                titled = Section::Processes;
            else if (isUnderline(line)) {
                body = titled;
                inBody = true;
                group.clear();
            }
            continue;
        }
        // Inside a section's body.
        if (!isBoxLine(line)) {
            // A blank line ends the section; for GPUs and MIG every row must have been closed.
            if (!group.isEmpty() && body != Section::Processes)
                return cut(QStringLiteral("a row before line %1").arg(i + 1));
            inBody = false;
            if (body == Section::Gpus)
                gpusDone = true;
            if (body == Section::Processes)
                processesDone = true;
            titled = Section::None;
            continue;
        }
        if (body == Section::Processes) {
            if (isBorder(line)) {
                inBody = false;
                processesDone = true;
                titled = Section::None;
                continue;
            }
            if (line.contains(u"No running processes found"))
                continue;
            if (auto p = parseProcessLine(line))
                table.processes.append(*p);
            else
                return unexpectedOutput(
                    GpuTr::tr("Onramp could not read a process row of the nvidia-smi "
                              "table."),
                    QStringLiteral("table: process line %1: %2").arg(i + 1).arg(excerpt(line)));
            continue;
        }
        if (isBorder(line)) {
            if (group.isEmpty())
                continue;
            if (body == Section::Gpus) {
                GpuStatus g;
                if (const auto err = parseGpuGroup(group, g))
                    return unexpectedOutput(err->message, err->detail);
                table.gpus.append(g);
            } else if (body == Section::Mig) {
                MigDevice d;
                if (parseMigGroup(group, d))
                    table.migDevices.append(d);
            }
            group.clear();
            continue;
        }
        group.append(line);
    }
    // Real output always ends a box with its border and the GPU box with a blank line: text that stops
    // inside a section, or after a section's title, was cut off.
    if (inBody)
        return cut(body == Section::Processes ? QStringLiteral("the process list")
                                              : QStringLiteral("the GPU or MIG rows"));
    if (titled == Section::Mig || titled == Section::Processes)
        return cut(QStringLiteral("a section title"));
    if (table.gpus.isEmpty()) {
        if (!gpusDone)
            return cut(QStringLiteral("the GPU list"));
        return unexpectedOutput(GpuTr::tr("The nvidia-smi table lists no GPU."),
                                QStringLiteral("table: no GPU rows"));
    }
    table.processesListed = processesDone;
    return table;
}

// --- -L and --version ------------------------------------------------------------------------------

Result<QList<ListedGpu>> parseNvidiaSmiList(QStringView output)
{
    if (looksBinary(output))
        return unexpectedOutput(GpuTr::tr("nvidia-smi's output contains binary data, not text."),
                                QStringLiteral("-L: NUL in output: %1").arg(excerpt(output)));
    if (auto failure = knownFailure(output))
        return *failure;
    static const QRegularExpression gpuRe(QStringLiteral(R"(^GPU (\d+): (.*?)\s*\(UUID: ([^)\s]+)\)\s*$)"));
    static const QRegularExpression migRe(
        QStringLiteral(R"(^\s+MIG\s+(\S+)\s+Device\s+(\d+):\s*\(UUID: ([^)\s]+)\)\s*$)"));
    QList<ListedGpu> gpus;
    int lineNo = 0;
    for (QStringView line : splitLines(output)) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        if (const auto m = gpuRe.match(line); m.hasMatch()) {
            gpus.append(ListedGpu {m.capturedView(1).toInt(), m.captured(2), m.captured(3), {}});
            continue;
        }
        if (const auto m = migRe.match(line); m.hasMatch() && !gpus.isEmpty()) {
            gpus.last().migDevices.append(
                ListedMigDevice {m.captured(1), m.capturedView(2).toInt(), m.captured(3)});
            continue;
        }
        return unexpectedOutput(
            GpuTr::tr("Onramp could not read line %1 of nvidia-smi's GPU list.").arg(lineNo),
            QStringLiteral("-L: line %1: %2").arg(lineNo).arg(excerpt(line)));
    }
    if (gpus.isEmpty())
        return unexpectedOutput(GpuTr::tr("nvidia-smi printed nothing."), QStringLiteral("-L: empty"));
    return gpus;
}

Result<DriverInfo> parseNvidiaSmiVersion(QStringView output)
{
    if (looksBinary(output))
        return unexpectedOutput(GpuTr::tr("nvidia-smi's output contains binary data, not text."),
                                QStringLiteral("--version: NUL in output: %1").arg(excerpt(output)));
    if (auto failure = knownFailure(output))
        return *failure;
    static const QRegularExpression re(QStringLiteral(R"(^\s*([A-Za-z-]+)\s+[Vv]ersion\s*:\s*(\S+)\s*$)"));
    DriverInfo info;
    for (QStringView line : splitLines(output)) {
        const auto m = re.match(line);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1).toUpper();
        if (key == u"NVIDIA-SMI")
            info.smiVersion = m.captured(2);
        else if (key == u"NVML")
            info.nvmlVersion = m.captured(2);
        else if (key == u"DRIVER")
            info.driverVersion = m.captured(2);
        else if (key == u"CUDA" && !isUnavailable(m.capturedView(2)))
            info.cudaVersion = QVersionNumber::fromString(m.capturedView(2));
    }
    if (info.driverVersion.isEmpty())
        return unexpectedOutput(
            GpuTr::tr("nvidia-smi did not print its driver version."),
            QStringLiteral("--version: no 'DRIVER version' line: %1").arg(excerpt(output)));
    return info;
}

QVersionNumber cudaVersionFromDriverInt(qint64 version)
{
    if (version <= 0)
        return {};
    return QVersionNumber(int(version / 1000), int((version % 1000) / 10));
}

} // namespace onramp::cluster
