#include "core/sshconfig.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace onramp {

namespace {
QStringList splitWords(const QString &line)
{
    QStringList words;
    QString current;
    bool inQuotes = false;
    bool any = false;
    for (QChar c : line) {
        if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
            any = true;
        } else if (!inQuotes && (c.isSpace() || c == QLatin1Char('='))) {
            if (any)
                words << current;
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (any)
        words << current;
    return words;
}

bool patternMatches(const QString &pattern, const QString &host)
{
    const auto re = QRegularExpression::fromWildcard(pattern, Qt::CaseInsensitive,
                                                     QRegularExpression::UnanchoredWildcardConversion);
    return QRegularExpression(QRegularExpression::anchoredPattern(re.pattern()),
                              QRegularExpression::CaseInsensitiveOption)
        .match(host)
        .hasMatch();
}

bool blockMatches(const QStringList &patterns, const QString &host)
{
    bool matched = false;
    for (const QString &p : patterns) {
        if (p.startsWith(QLatin1Char('!'))) {
            if (patternMatches(p.mid(1), host))
                return false;
        } else if (patternMatches(p, host)) {
            matched = true;
        }
    }
    return matched;
}
} // namespace

SshConfigFile SshConfigFile::parse(const QString &text)
{
    SshConfigFile file;
    Block global; // options before the first Host apply to every host
    global.patterns << QStringLiteral("*");
    file.m_blocks << global;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QStringList words = splitWords(line);
        if (words.isEmpty())
            continue;
        const QString key = words.takeFirst().toLower();
        if (key == QLatin1String("host")) {
            file.m_blocks << Block {words, {}};
        } else if (key == QLatin1String("match")) {
            // Match blocks depend on run-time conditions; keep them out of the alias list.
            file.m_blocks << Block {{QStringLiteral("!*")}, {}};
        } else if (!words.isEmpty()) {
            file.m_blocks.last().options.append({key, words.join(QLatin1Char(' '))});
        }
    }
    return file;
}

SshConfigFile SshConfigFile::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return parse(QString());
    return parse(QString::fromUtf8(f.readAll()));
}

QStringList SshConfigFile::aliases() const
{
    QStringList out;
    for (const Block &b : m_blocks) {
        for (const QString &p : b.patterns) {
            if (p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?'))
                || p.startsWith(QLatin1Char('!')))
                continue;
            if (!out.contains(p))
                out << p;
        }
    }
    return out;
}

SshHostEntry SshConfigFile::resolve(const QString &alias) const
{
    SshHostEntry entry;
    entry.alias = alias;
    for (const Block &b : m_blocks) {
        if (!blockMatches(b.patterns, alias))
            continue;
        for (const auto &[key, value] : b.options) {
            // ssh(1): for each parameter, the first obtained value is used.
            if (key == QLatin1String("hostname") && entry.hostName.isEmpty())
                entry.hostName = QString(value).replace(QLatin1String("%h"), alias);
            else if (key == QLatin1String("user") && entry.user.isEmpty())
                entry.user = value;
            else if (key == QLatin1String("port") && entry.port == 0)
                entry.port = value.toInt();
            else if (key == QLatin1String("identityfile") && entry.identityFile.isEmpty())
                entry.identityFile = value;
            else if (key == QLatin1String("proxyjump") && entry.proxyJump.isEmpty())
                entry.proxyJump = value;
        }
    }
    if (entry.hostName.isEmpty())
        entry.hostName = alias;
    return entry;
}

QString defaultSshConfigPath()
{
    return QDir::homePath() + QStringLiteral("/.ssh/config");
}
QString defaultKnownHostsPath()
{
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

} // namespace onramp
