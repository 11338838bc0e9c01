#include "cluster/conda/condaoutput.h"

#include "cluster/conda/condatr.h"

#include <QJsonParseError>
#include <QRegularExpression>

namespace onramp::cluster::condaoutput {

namespace {
bool isDigitsOnly(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}
} // namespace

QStringList renderLines(QStringView text)
{
    QStringList lines;
    QString line;
    qsizetype col = 0;
    enum class Esc { None, Start, Csi } esc = Esc::None;
    auto endLine = [&] {
        while (!line.isEmpty() && line.back() == u' ')
            line.chop(1);
        lines << line;
        line.clear();
        col = 0;
    };
    for (QChar c : text) {
        if (esc == Esc::Start) {
            esc = c == u'[' ? Esc::Csi : Esc::None;
            continue;
        }
        if (esc == Esc::Csi) {
            // parameters and intermediates until a final byte in @..~
            if (c.unicode() >= 0x40 && c.unicode() <= 0x7e)
                esc = Esc::None;
            continue;
        }
        switch (c.unicode()) {
        case u'\n':
        case 0:
            endLine();
            break;
        case u'\r':
            col = 0;
            break;
        case u'\b':
            if (col > 0)
                --col;
            break;
        case 0x1b:
            esc = Esc::Start;
            break;
        default:
            if (c.unicode() < 0x20 && c != u'\t')
                break; // other control characters (bell, ...) print nothing
            if (col < line.size())
                line[col] = c;
            else
                line += c;
            ++col;
        }
    }
    if (!line.isEmpty())
        endLine();
    return lines;
}

Result<QJsonDocument> parseJson(QStringView text, QStringView what)
{
    QStringView record = text;
    const qsizetype nul = text.lastIndexOf(QChar(0));
    if (nul >= 0)
        record = text.mid(nul + 1);
    record = record.trimmed();
    if (record.isEmpty()) {
        return Error {ErrorKind::UnexpectedOutput,
                      CondaTr::tr("conda printed nothing where Onramp expected JSON."),
                      what.toString() + u": empty output"};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(record.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {ErrorKind::UnexpectedOutput, CondaTr::tr("conda's answer could not be read as JSON."),
                      QStringLiteral("%1: %2 at offset %3; output starts with \"%4\"")
                          .arg(what, parseError.errorString())
                          .arg(parseError.offset)
                          .arg(excerpt(record))};
    }
    return doc;
}

qint64 parseHumanSize(QStringView text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)\s*$)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    const double number = m.capturedView(1).toDouble();
    const QStringView unit = m.capturedView(2);
    double factor = 1;
    if (unit == u"KB")
        factor = 1024.0;
    else if (unit == u"MB")
        factor = 1024.0 * 1024;
    else if (unit == u"GB")
        factor = 1024.0 * 1024 * 1024;
    else if (unit == u"TB")
        factor = 1024.0 * 1024 * 1024 * 1024;
    return qint64(number * factor + 0.5);
}

bool parseDist(QStringView text, Dist *dist)
{
    QStringView s = text.trimmed();
    // conda 4.2 wrote "channel::dist N" (N: a link type); drop a trailing number word
    const qsizetype space = s.indexOf(u' ');
    if (space >= 0) {
        if (!isDigitsOnly(s.mid(space + 1).trimmed()))
            return false;
        s = s.left(space);
    }
    Dist d;
    const qsizetype sep = s.indexOf(u"::");
    if (sep >= 0) {
        QStringView channel = s.left(sep);
        s = s.mid(sep + 2);
        static const QStringList subdirs {QStringLiteral("noarch"),        QStringLiteral("linux-64"),
                                          QStringLiteral("linux-aarch64"), QStringLiteral("linux-ppc64le"),
                                          QStringLiteral("osx-64"),        QStringLiteral("osx-arm64"),
                                          QStringLiteral("win-64")};
        const qsizetype slash = channel.lastIndexOf(u'/');
        if (slash >= 0 && subdirs.contains(channel.mid(slash + 1).toString())) {
            d.subdir = channel.mid(slash + 1).toString();
            channel = channel.left(slash);
        }
        d.channel = channel.toString();
    }
    const qsizetype lastDash = s.lastIndexOf(u'-');
    if (lastDash <= 0)
        return false;
    const qsizetype versionDash = s.left(lastDash).lastIndexOf(u'-');
    if (versionDash <= 0)
        return false;
    d.name = s.left(versionDash).toString();
    d.version = s.mid(versionDash + 1, lastDash - versionDash - 1).toString();
    d.build = s.mid(lastDash + 1).toString();
    if (d.name.isEmpty() || d.version.isEmpty() || d.build.isEmpty())
        return false;
    for (const QString &part : {d.name, d.version, d.build}) {
        for (QChar c : part) {
            if (c.isSpace() || c == u'|' || c == u'>' || c == u'<')
                return false;
        }
    }
    *dist = d;
    return true;
}

QString shortChannel(QStringView channel)
{
    QString c = channel.toString();
    if (!c.contains(u"://"))
        return c;
    while (c.endsWith(u'/'))
        c.chop(1);
    static const QRegularExpression subdir(
        QStringLiteral(R"(/(noarch|linux-64|linux-aarch64|linux-ppc64le|osx-64|osx-arm64|win-64)$)"));
    c.remove(subdir);
    for (const QString &base :
         {QStringLiteral("https://conda.anaconda.org/"), QStringLiteral("https://repo.anaconda.com/")}) {
        if (c.startsWith(base) && c.size() > base.size())
            return c.mid(base.size());
    }
    return c;
}

QString recordChannel(QStringView channel, QStringView baseUrl)
{
    QStringView base = baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    if (base.isEmpty() || channel == u"pypi") // pip's packages: base_url https://pypi.org/simple
        return shortChannel(channel);
    if (!channel.isEmpty() && base.endsWith(QString(u'/' + channel.toString())))
        return shortChannel(channel);
    return shortChannel(base);
}

int compareVersions(QStringView a, QStringView b)
{
    static const QRegularExpression split(QStringLiteral(R"([._\-+])"));
    const QStringList pa = a.toString().split(split);
    const QStringList pb = b.toString().split(split);
    for (qsizetype i = 0; i < qMax(pa.size(), pb.size()); ++i) {
        const QString sa = i < pa.size() ? pa[i] : QStringLiteral("0");
        const QString sb = i < pb.size() ? pb[i] : QStringLiteral("0");
        bool okA = false;
        bool okB = false;
        const qulonglong na = sa.toULongLong(&okA);
        const qulonglong nb = sb.toULongLong(&okB);
        if (okA && okB) {
            if (na != nb)
                return na < nb ? -1 : 1;
        } else if (okA != okB) {
            return okA ? 1 : -1; // 1.0 > 1.0rc: a number sorts after text
        } else if (const int c = sa.compare(sb); c != 0) {
            return c < 0 ? -1 : 1;
        }
    }
    return 0;
}

QString excerpt(QStringView text, int max)
{
    QString out;
    for (QChar c : text.left(max)) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > max)
        out += QStringLiteral("...");
    return out;
}

} // namespace onramp::cluster::condaoutput
