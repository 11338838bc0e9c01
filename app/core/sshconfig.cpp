#include "core/sshconfig.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QUrl>

#include <algorithm>
#include <limits>

#include <glob.h>
#include <pwd.h>
#include <unistd.h>

namespace onramp {

namespace {

// OpenSSH gives up on deeper Include nesting (READCONF_MAX_DEPTH).
constexpr int kMaxIncludeDepth = 16;

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

// ssh_config patterns know only * and ?, compared without regard to case (match_pattern()).
bool wildcardMatches(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size()
            && (pattern[p] == QLatin1Char('?') || pattern[p].toLower() == text[t].toLower())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

// A Host line: whitespace- or comma-separated patterns; a matching negation vetoes the block.
bool patternsMatch(const QStringList &patterns, const QString &host)
{
    bool matched = false;
    for (const QString &word : patterns) {
        for (const QString &p : word.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (p.startsWith(QLatin1Char('!'))) {
                if (wildcardMatches(QStringView(p).mid(1), host))
                    return false;
            } else if (wildcardMatches(p, host)) {
                matched = true;
            }
        }
    }
    return matched;
}

std::optional<bool> parseFlag(const QString &value)
{
    const QString v = value.toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("true"))
        return true;
    if (v == QLatin1String("no") || v == QLatin1String("false"))
        return false;
    return std::nullopt;
}

// OpenSSH's convtime(): "90", "90s", "1m30s", "1h".
std::optional<int> parseSeconds(const QString &value)
{
    if (value.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    QString digits;
    for (QChar c : value.toLower()) {
        if (c.isDigit()) {
            digits += c;
            continue;
        }
        if (digits.isEmpty())
            return std::nullopt;
        qint64 unit = 0;
        switch (c.unicode()) {
        case 's':
            unit = 1;
            break;
        case 'm':
            unit = 60;
            break;
        case 'h':
            unit = 3600;
            break;
        case 'd':
            unit = 86400;
            break;
        case 'w':
            unit = 604800;
            break;
        default:
            return std::nullopt;
        }
        total += digits.toLongLong() * unit;
        digits.clear();
    }
    total += digits.toLongLong();
    if (total > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(total);
}

std::optional<int> parseCount(const QString &value)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n >= 0 ? std::optional<int>(n) : std::nullopt;
}

QString expandTilde(const QString &value)
{
    if (!value.startsWith(QLatin1Char('~')))
        return value;
    const qsizetype slash = value.indexOf(QLatin1Char('/'));
    const QString name = value.mid(1, slash < 0 ? -1 : slash - 1);
    const QString rest = slash < 0 ? QString() : value.mid(slash);
    if (name.isEmpty())
        return QDir::homePath() + rest;
    if (const passwd *pw = ::getpwnam(name.toLocal8Bit().constData()))
        return QString::fromLocal8Bit(pw->pw_dir) + rest;
    return value;
}

QStringList globFiles(const QString &pattern)
{
    QStringList files;
    glob_t matches {};
    if (::glob(QFile::encodeName(pattern).constData(), 0, nullptr, &matches) == 0) {
        for (size_t i = 0; i < matches.gl_pathc; ++i)
            files << QFile::decodeName(matches.gl_pathv[i]);
    }
    ::globfree(&matches);
    return files;
}

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

Error invalidJump(const QString &element, const QString &why)
{
    return Error {ErrorKind::InvalidInput,
                  QCoreApplication::translate("onramp::core",
                                              "The jump host “%1” is not valid. Write it as "
                                              "[user@]host[:port], several separated by commas.")
                      .arg(element),
                  QStringLiteral("ProxyJump element \"%1\": %2").arg(element, why)};
}

bool plausibleHost(const QString &host)
{
    if (host.isEmpty())
        return false;
    for (QChar c : host) {
        if (c.isSpace() || QStringLiteral("@[]/,'\"\\").contains(c))
            return false;
    }
    return true;
}

Result<JumpHost> parseJumpElement(const QString &element)
{
    JumpHost hop;
    QString rest = element;
    const bool uri = rest.startsWith(QLatin1String("ssh://"), Qt::CaseInsensitive);
    if (uri) {
        rest = rest.mid(6);
        // OpenSSH's parse_ssh_uri() refuses a path; a bare trailing slash is still a path.
        if (rest.contains(QLatin1Char('/')) || rest.contains(QLatin1Char('?'))
            || rest.contains(QLatin1Char('#')))
            return invalidJump(element, QStringLiteral("an ssh:// URI may not have a path"));
    }
    if (const qsizetype at = rest.lastIndexOf(QLatin1Char('@')); at >= 0) {
        hop.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (uri) {
            // ssh://user;fingerprint=...@host: the parameters are not part of the user name.
            hop.user = QUrl::fromPercentEncoding(hop.user.section(QLatin1Char(';'), 0, 0).toUtf8());
        }
        if (hop.user.isEmpty() || hop.user.contains(QLatin1Char(' ')))
            return invalidJump(element, QStringLiteral("empty or invalid user"));
    }
    QString portText;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return invalidJump(element, QStringLiteral("unclosed ["));
        hop.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return invalidJump(element, QStringLiteral("text after ]"));
            portText = after.mid(1);
            if (portText.isEmpty())
                return invalidJump(element, QStringLiteral("empty port"));
        }
    } else {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        hop.host = colon < 0 ? rest : rest.left(colon);
        if (colon >= 0) {
            portText = rest.mid(colon + 1);
            if (portText.isEmpty() || portText.contains(QLatin1Char(':')))
                return invalidJump(element, QStringLiteral("bad port (IPv6 addresses need brackets)"));
        }
    }
    if (!plausibleHost(hop.host))
        return invalidJump(element, QStringLiteral("empty or invalid host"));
    if (!portText.isEmpty()) {
        bool ok = false;
        hop.port = portText.toInt(&ok);
        if (!ok || hop.port < 1 || hop.port > 65535 || !portText.front().isDigit())
            return invalidJump(element, QStringLiteral("port out of range"));
    }
    return hop;
}

} // namespace

QString localUserName()
{
    if (const passwd *pw = ::getpwuid(::getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER");
}

QString JumpHost::toString() const
{
    QString out;
    if (!user.isEmpty())
        out += user + QLatin1Char('@');
    out += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port > 0)
        out += QLatin1Char(':') + QString::number(port);
    return out;
}

Result<QList<JumpHost>> parseProxyJump(const QString &spec)
{
    const QString trimmed = spec.trimmed();
    QList<JumpHost> hops;
    if (trimmed.isEmpty() || trimmed.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return hops;
    for (const QString &raw : trimmed.split(QLatin1Char(','))) {
        const QString element = raw.trimmed();
        if (element.isEmpty())
            return invalidJump(spec, QStringLiteral("empty element"));
        auto hop = parseJumpElement(element);
        if (!hop)
            return hop.error();
        hops << hop.value();
    }
    return hops;
}

QString expandSshTokens(const QString &value, const SshTokenContext &context)
{
    const QString in = expandTilde(value);
    if (!in.contains(QLatin1Char('%')))
        return in;
    const QString localHost = QSysInfo::machineHostName();
    QString out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] != QLatin1Char('%') || i + 1 >= in.size()) {
            out += in[i];
            continue;
        }
        const QChar token = in[++i];
        switch (token.unicode()) {
        case '%':
            out += QLatin1Char('%');
            break;
        case 'd':
            out += QDir::homePath();
            break;
        case 'h':
            out += context.hostName;
            break;
        case 'i':
            out += QString::number(::getuid());
            break;
        case 'j':
            out += context.proxyJump;
            break;
        case 'k': // HostKeyAlias is not supported, so the key is known under the host's name
        case 'n':
            out += context.originalHost;
            break;
        case 'L':
            out += localHost.section(QLatin1Char('.'), 0, 0);
            break;
        case 'l':
            out += localHost;
            break;
        case 'p':
            out += QString::number(context.port);
            break;
        case 'r':
            out += context.remoteUser;
            break;
        case 'u':
            out += localUserName();
            break;
        case 'C': {
            const QString key = localHost + context.hostName + QString::number(context.port)
                + context.remoteUser + context.proxyJump;
            out += QString::fromLatin1(
                QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex());
            break;
        }
        default: // unknown: left alone rather than guessed
            out += QLatin1Char('%');
            out += token;
        }
    }
    return out;
}

void SshConfigFile::parseInto(const QString &text, const QList<QStringList> &outer, const QString &includeDir,
                              int depth)
{
    // Options before the first Host line apply wherever the file itself applies.
    m_blocks << Block {outer, {}};
    QList<QStringList> current = outer;
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
            current = outer;
            current << words;
            m_blocks << Block {current, {}};
        } else if (key == QLatin1String("match")) {
            // Match blocks depend on run-time conditions; keep them out of the alias list.
            current = outer;
            current << QStringList {QStringLiteral("!*")};
            m_blocks << Block {current, {}};
        } else if (key == QLatin1String("include")) {
            if (depth >= kMaxIncludeDepth)
                continue;
            for (const QString &word : std::as_const(words)) {
                QString pattern = expandTilde(word);
                if (QDir::isRelativePath(pattern))
                    pattern = (includeDir.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh") : includeDir)
                        + QLatin1Char('/') + pattern;
                for (const QString &file : globFiles(pattern))
                    parseInto(readFile(file), current, includeDir, depth + 1);
            }
            // After the included text, this file's current Host block goes on.
            m_blocks << Block {current, {}};
        } else if (!words.isEmpty()) {
            m_blocks.last().options.append({key, words.join(QLatin1Char('\x1f'))});
        }
    }
}

SshConfigFile SshConfigFile::parse(const QString &text, const QString &includeDir)
{
    SshConfigFile file;
    file.parseInto(text, {}, includeDir, 0);
    return file;
}

SshConfigFile SshConfigFile::load(const QString &path, const QString &includeDir)
{
    return parse(readFile(path), includeDir);
}

QString SshConfigFile::systemSshConfigPath()
{
    return QStringLiteral("/etc/ssh/ssh_config");
}

SshConfigFile SshConfigFile::loadForConnection(const QString &explicitPath, const QString &systemPath)
{
    if (!explicitPath.isEmpty())
        return load(expandTilde(explicitPath));
    SshConfigFile file = load(defaultSshConfigPath());
    if (!systemPath.isEmpty())
        file.append(load(systemPath, QFileInfo(systemPath).absolutePath()));
    return file;
}

void SshConfigFile::append(const SshConfigFile &other)
{
    m_blocks << other.m_blocks;
}

QStringList SshConfigFile::aliases() const
{
    QStringList out;
    for (const Block &b : m_blocks) {
        for (const QStringList &patterns : b.conditions) {
            for (const QString &p : patterns) {
                if (p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?'))
                    || p.contains(QLatin1Char(',')) || p.startsWith(QLatin1Char('!')))
                    continue;
                if (!out.contains(p))
                    out << p;
            }
        }
    }
    return out;
}

SshHostEntry SshConfigFile::resolve(const QString &alias) const
{
    SshHostEntry entry;
    entry.alias = alias;
    bool proxySeen = false;
    for (const Block &b : m_blocks) {
        const bool applies
            = std::all_of(b.conditions.cbegin(), b.conditions.cend(),
                          [&](const QStringList &patterns) { return patternsMatch(patterns, alias); });
        if (!applies)
            continue;
        for (const auto &[key, joined] : b.options) {
            const QStringList words = joined.split(QLatin1Char('\x1f'));
            const QString &value = words.first();
            // ssh(1): for each parameter, the first obtained value is used (IdentityFile adds up).
            if (key == QLatin1String("hostname")) {
                if (entry.hostName.isEmpty()) {
                    entry.hostName = QString(value)
                                         .replace(QLatin1String("%%"), QStringLiteral("\x1e"))
                                         .replace(QLatin1String("%h"), alias)
                                         .replace(QLatin1Char('\x1e'), QLatin1Char('%'));
                }
            } else if (key == QLatin1String("user")) {
                if (entry.user.isEmpty())
                    entry.user = value;
            } else if (key == QLatin1String("port")) {
                if (entry.port == 0)
                    entry.port = value.toInt();
            } else if (key == QLatin1String("identityfile")) {
                if (entry.identityFile.isEmpty())
                    entry.identityFile = value;
                entry.identityFiles << value;
            } else if (key == QLatin1String("identitiesonly")) {
                if (!entry.identitiesOnly)
                    entry.identitiesOnly = parseFlag(value);
            } else if (key == QLatin1String("proxyjump") || key == QLatin1String("proxycommand")) {
                // Whichever of the two comes first stops the other (ssh_config(5), ProxyJump).
                if (!proxySeen) {
                    proxySeen = true;
                    if (key == QLatin1String("proxyjump"))
                        entry.proxyJump = value;
                    else
                        entry.proxyCommand = words.join(QLatin1Char(' '));
                }
            } else if (key == QLatin1String("serveraliveinterval")) {
                if (!entry.serverAliveIntervalSec)
                    entry.serverAliveIntervalSec = parseSeconds(value);
            } else if (key == QLatin1String("serveralivecountmax")) {
                if (!entry.serverAliveCountMax)
                    entry.serverAliveCountMax = parseCount(value);
            } else if (key == QLatin1String("connecttimeout")) {
                if (!entry.connectTimeoutSec)
                    entry.connectTimeoutSec = value.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0
                        ? std::optional<int>(0)
                        : parseSeconds(value);
            } else if (key == QLatin1String("userknownhostsfile")) {
                if (entry.userKnownHostsFile.isEmpty())
                    entry.userKnownHostsFile = value;
            } else if (key == QLatin1String("preferredauthentications")) {
                if (entry.preferredAuthentications.isEmpty()) {
                    for (const QString &method : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
                        entry.preferredAuthentications << method.trimmed();
                }
            } else if (key == QLatin1String("hashknownhosts")) {
                if (!entry.hashKnownHosts)
                    entry.hashKnownHosts = parseFlag(value);
            }
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
