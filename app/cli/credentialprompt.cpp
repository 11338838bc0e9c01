#include "cli/credentialprompt.h"

#include "cli/clitr.h"

#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <cstdio>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace onramp::cli {

namespace {

// How long an SSH_ASKPASS helper may take (it may wait for a person too).
constexpr int kAskPassTimeoutMs = 120'000;

// The terminal, opened directly like ssh(1) does, so a secret never travels through a pipe that
// stdin may be redirected from.
class Tty {
public:
    Tty() : m_fd(::open("/dev/tty", O_RDWR | O_CLOEXEC)) { }
    ~Tty()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Tty(const Tty &) = delete;
    Tty &operator=(const Tty &) = delete;

    bool isOpen() const { return m_fd >= 0; }

    void write(const QString &text)
    {
        const QByteArray bytes = text.toLocal8Bit();
        [[maybe_unused]] const ssize_t n
            = ::write(m_fd, bytes.constData(), static_cast<size_t>(bytes.size()));
    }

    // One line, without echo when `echo` is false; nullopt on end of input.
    std::optional<QString> readLine(bool echo)
    {
        termios saved {};
        const bool haveTermios = tcgetattr(m_fd, &saved) == 0;
        if (haveTermios && !echo) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            quiet.c_lflag |= ECHONL;
            tcsetattr(m_fd, TCSAFLUSH, &quiet);
        }
        QByteArray line;
        char c = 0;
        bool ended = false;
        for (;;) {
            const ssize_t n = ::read(m_fd, &c, 1);
            if (n <= 0) {
                ended = line.isEmpty();
                break;
            }
            if (c == '\n' || c == '\r')
                break;
            line.append(c);
        }
        if (haveTermios && !echo)
            tcsetattr(m_fd, TCSAFLUSH, &saved);
        QString text = QString::fromLocal8Bit(line);
        line.fill('\0');
        if (ended)
            return std::nullopt;
        return text;
    }

private:
    int m_fd;
};

std::optional<QString> askPass(const QString &program, const QString &prompt)
{
    QProcess helper;
    helper.setProcessChannelMode(QProcess::SeparateChannels);
    helper.start(program, {prompt});
    if (!helper.waitForFinished(kAskPassTimeoutMs) || helper.exitStatus() != QProcess::NormalExit
        || helper.exitCode() != 0)
        return std::nullopt;
    QByteArray output = helper.readAllStandardOutput();
    QString answer = QString::fromLocal8Bit(output).section(QLatin1Char('\n'), 0, 0);
    output.fill('\0');
    return answer;
}

QString header(const remote::AuthRequest &request)
{
    QString text;
    if (!request.previousError.isEmpty())
        text += request.previousError + QLatin1Char('\n');
    if (!request.name.isEmpty())
        text += request.name + QLatin1Char('\n');
    if (!request.instruction.isEmpty())
        text += request.instruction + QLatin1Char('\n');
    return text;
}

} // namespace

std::optional<QStringList> askCredentials(const remote::AuthRequest &request)
{
    QTextStream err(stderr);
    const QString askPassProgram = qEnvironmentVariable("SSH_ASKPASS");
    const bool forceAskPass = qEnvironmentVariable("SSH_ASKPASS_REQUIRE") == QLatin1String("force");
    Tty tty;
    QStringList answers;
    if (tty.isOpen() && !(forceAskPass && !askPassProgram.isEmpty())) {
        tty.write(header(request));
        for (const remote::AuthPrompt &prompt : request.prompts) {
            tty.write(prompt.text.endsWith(QLatin1Char(' ')) ? prompt.text : prompt.text + QLatin1Char(' '));
            std::optional<QString> answer = tty.readLine(prompt.echo);
            if (!answer)
                return std::nullopt;
            answers << *answer;
        }
        return answers;
    }
    if (askPassProgram.isEmpty()) {
        err << header(request)
            << Tr::tr("onramp-cli: %1 asks “%2”, but there is no terminal to ask you. Run onramp-cli in a "
                      "terminal, set SSH_ASKPASS, or use a key.\n")
                   .arg(request.host, request.prompts.value(0).text.trimmed());
        return std::nullopt;
    }
    for (const remote::AuthPrompt &prompt : request.prompts) {
        std::optional<QString> answer = askPass(askPassProgram, header(request) + prompt.text);
        if (!answer)
            return std::nullopt;
        answers << *answer;
    }
    return answers;
}

void answerCredentialsFromTerminal(remote::Transport *transport)
{
    QObject::connect(transport, &remote::Transport::credentialsRequested, transport,
                     [transport](const remote::AuthRequest &request) {
                         if (std::optional<QStringList> answers = askCredentials(request))
                             transport->answerCredentials(*answers);
                         else
                             transport->cancelCredentials();
                     });
}

} // namespace onramp::cli
