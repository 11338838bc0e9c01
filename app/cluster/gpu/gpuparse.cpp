#include "cluster/gpu/gpuparse_p.h"

#include <QRegularExpression>

namespace onramp::cluster::gpu_detail {

QList<QStringView> splitLines(QStringView text)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        QStringView line = text.mid(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        lines.append(line);
        start = end + 1;
    }
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

bool isUnavailable(QStringView cell)
{
    const QStringView c = cell.trimmed();
    if (c.isEmpty())
        return true;
    if (c.startsWith(u'[') && c.endsWith(u']'))
        return true; // [N/A], [Not Supported], [Unknown Error], [Insufficient Permissions], [GPU is lost]
    static const QStringList words {QStringLiteral("N/A"),
                                    QStringLiteral("ERR!"),
                                    QStringLiteral("Unknown"),
                                    QStringLiteral("Unknown Error"),
                                    QStringLiteral("Not Supported"),
                                    QStringLiteral("Not Available"),
                                    QStringLiteral("-")};
    for (const QString &w : words) {
        if (c.compare(w, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

std::optional<Measure> parseMeasure(QStringView cell)
{
    static const QRegularExpression re(QStringLiteral(R"(^([-+]?\d+(?:\.\d+)?)\s*([A-Za-z%]{0,4})$)"));
    const auto m = re.match(cell.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double v = m.capturedView(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return Measure {v, m.captured(2)};
}

QString excerpt(QStringView text, qsizetype maxChars)
{
    QString out;
    const QStringView head = text.left(maxChars);
    out.reserve(head.size() + 3);
    for (QChar c : head) {
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > maxChars)
        out += QStringLiteral("...");
    return out;
}

bool looksBinary(QStringView text)
{
    return text.contains(QChar(u'\0'));
}

Error unexpectedOutput(const QString &message, const QString &detail)
{
    return Error {ErrorKind::UnexpectedOutput, message, detail};
}

} // namespace onramp::cluster::gpu_detail
