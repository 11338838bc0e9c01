#include "setup/status/hostlist.h"

#include <optional>

namespace onramp::setup::status {

namespace {

// "01-03,07" -> {"01", "02", "03", "07"}; std::nullopt when it is not a range list.
std::optional<QStringList> expandRanges(QStringView ranges, int limit)
{
    QStringList out;
    for (QStringView part : ranges.split(QLatin1Char(','))) {
        const qsizetype dash = part.indexOf(QLatin1Char('-'));
        const QStringView first = dash < 0 ? part : part.left(dash);
        const QStringView last = dash < 0 ? part : part.mid(dash + 1);
        bool okFirst = false;
        bool okLast = false;
        const qint64 from = first.toLongLong(&okFirst);
        const qint64 to = last.toLongLong(&okLast);
        if (!okFirst || !okLast || first.isEmpty() || from > to || first.startsWith(QLatin1Char('+')))
            return std::nullopt;
        for (qint64 n = from; n <= to; ++n) {
            if (out.size() >= limit)
                return out;
            out << QStringLiteral("%1").arg(n, int(first.size()), 10, QLatin1Char('0'));
        }
    }
    return out;
}

// One name with bracket groups: every combination, left to right.
QStringList expandName(QStringView name, int limit)
{
    const qsizetype open = name.indexOf(QLatin1Char('['));
    if (open < 0)
        return {name.toString()};
    const qsizetype close = name.indexOf(QLatin1Char(']'), open);
    if (close < 0)
        return {name.toString()};
    const std::optional<QStringList> numbers = expandRanges(name.mid(open + 1, close - open - 1), limit);
    if (!numbers)
        return {name.toString()};
    const QStringList tails = expandName(name.mid(close + 1), limit);
    QStringList out;
    for (const QString &number : *numbers) {
        for (const QString &tail : tails) {
            if (out.size() >= limit)
                return out;
            out << name.left(open).toString() + number + tail;
        }
    }
    return out;
}

} // namespace

QStringList expandHostList(QStringView list, int limit)
{
    QStringList out;
    int depth = 0;
    qsizetype start = 0;
    const auto take = [&](qsizetype end) {
        const QStringView item = list.mid(start, end - start).trimmed();
        if (!item.isEmpty() && out.size() < limit)
            out << expandName(item, limit - int(out.size()));
    };
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QChar c = list.at(i);
        if (c == QLatin1Char('['))
            ++depth;
        else if (c == QLatin1Char(']'))
            depth = qMax(0, depth - 1);
        else if (c == QLatin1Char(',') && depth == 0) {
            take(i);
            start = i + 1;
        }
    }
    take(list.size());
    return out;
}

} // namespace onramp::setup::status
