<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Launch</name>
    <message>
        <source>Onramp helps you connect to a Slurm GPU cluster over SSH and set up PyTorch there.</source>
        <translation>Onramp 帮你通过 SSH 连接 Slurm GPU 集群，并在集群上配置 PyTorch 环境。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示本帮助并退出。</translation>
    </message>
    <message>
        <source>Show version information and exit.</source>
        <translation>显示版本信息并退出。</translation>
    </message>
    <message>
        <source>Login node to connect to (host name, address or SSH config alias).</source>
        <translation>要连接的登录节点（主机名、地址或 SSH 配置中的别名）。</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>SSH port (default: from SSH config, else 22).</source>
        <translation>SSH 端口（默认：取自 SSH 配置，否则为 22）。</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>User name on the cluster.</source>
        <translation>集群上的用户名。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Private key file to sign in with.</source>
        <translation>用于登录的私钥文件。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Known hosts file (default: ~/.ssh/known_hosts).</source>
        <translation>已知主机文件（默认：~/.ssh/known_hosts）。</translation>
    </message>
    <message>
        <source>SSH config file (default: ~/.ssh/config).</source>
        <translation>SSH 配置文件（默认：~/.ssh/config）。</translation>
    </message>
    <message>
        <source>Connect right after starting.</source>
        <translation>启动后立即连接。</translation>
    </message>
    <message>
        <source>Once connected and the first command has finished (or the connection failed), save the window as a PNG image and exit.</source>
        <translation>连接成功且第一条命令运行结束后（或连接失败时），把窗口保存为 PNG 图片并退出。</translation>
    </message>
    <message>
        <source>file.png</source>
        <translation>文件.png</translation>
    </message>
    <message>
        <source>Wait this long after the window settles before the screenshot.</source>
        <translation>窗口状态稳定后，再等待这么久才截图。</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Take the screenshot after this long even if the window has not settled.</source>
        <translation>即使窗口状态尚未稳定，到了这个时间也会截图。</translation>
    </message>
    <message>
        <source>Language of the interface: en or zh_CN (default: the system&apos;s).</source>
        <translation>界面语言：en 或 zh_CN（默认跟随系统）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>无法识别的参数：%1</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535, not “%1”.</source>
        <translation>--port 必须是 1 到 65535 之间的数字，而不是“%1”。</translation>
    </message>
    <message>
        <source>--screenshot-after-ms must be a number of milliseconds, not “%1”.</source>
        <translation>--screenshot-after-ms 必须是毫秒数，而不是“%1”。</translation>
    </message>
    <message>
        <source>--screenshot-timeout-ms must be a number of milliseconds, not “%1”.</source>
        <translation>--screenshot-timeout-ms 必须是毫秒数，而不是“%1”。</translation>
    </message>
    <message>
        <source>Unknown language “%1”: use en or zh_CN.</source>
        <translation>未知语言“%1”：请使用 en 或 zh_CN。</translation>
    </message>
</context>
<context>
    <name>onramp::cli</name>
    <message>
        <source>onramp-cli: the remote command was killed by signal %1.
</source>
        <translation>onramp-cli：远程命令被信号 %1 终止。
</translation>
    </message>
    <message>
        <source>onramp-cli: %1
</source>
        <translation>onramp-cli：%1
</translation>
    </message>
    <message>
        <source>The authenticity of host %1 can&apos;t be established.
%2 key fingerprint is %3.
</source>
        <translation>无法确认主机 %1 的真实性。
%2 密钥指纹为 %3。
</translation>
    </message>
    <message>
        <source>Accepting it as asked (--accept-new-host-key) and adding it to %1.
</source>
        <translation>已按要求（--accept-new-host-key）接受该密钥，并将其添加到 %1。
</translation>
    </message>
    <message>
        <source>There is no terminal to ask whether to trust it. Compare the fingerprint with the one your cluster publishes, then run again with --accept-new-host-key.
</source>
        <translation>没有可用的终端来询问是否信任它。请把指纹与集群公布的指纹核对一致后，加上 --accept-new-host-key 重新运行。
</translation>
    </message>
    <message>
        <source>Do you trust this host and want to continue connecting (yes/no)? </source>
        <translation>你信任这台主机并要继续连接吗 (yes/no)？</translation>
    </message>
    <message>
        <source>onramp-cli: %1
Run “onramp-cli --help” for the options.
</source>
        <translation>onramp-cli：%1
运行“onramp-cli --help”查看可用选项。
</translation>
    </message>
    <message>
        <source>Onramp on the command line.

exec: connects to the login node over SSH and runs one command. Its output streams to this program&apos;s stdout and stderr as it arrives, and onramp-cli exits with the command&apos;s exit status (128+N when a signal N ended it, 255 when the connection, the server&apos;s identity or signing in failed, 2 for a mistake on this command line).
After “--”, a single word is a shell command line run as typed (quote it: -- &apos;ls ~ | head&apos;); several words are quoted one by one and run as exactly those arguments.</source>
        <translation>命令行版的 Onramp。

exec：通过 SSH 连接登录节点并运行一条命令。命令的输出会实时转到本程序的标准输出和标准错误；onramp-cli 的退出状态就是该命令的退出状态（命令被信号 N 终止时为 128+N；连接、服务器身份核对或登录失败时为 255；本命令行有误时为 2）。
“--”之后如果只有一个词，它会被当作 shell 命令行原样运行（请加引号：-- &apos;ls ~ | head&apos;）；如果有多个词，则逐个加引号，作为这些参数原样运行。</translation>
    </message>
    <message>
        <source>Show the versions of Onramp, Qt, libssh and Python.</source>
        <translation>显示 Onramp、Qt、libssh 和 Python 的版本。</translation>
    </message>
    <message>
        <source>Login node: a host name, an address or a ~/.ssh/config alias.</source>
        <translation>登录节点：主机名、地址或 ~/.ssh/config 中的别名。</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>SSH port (default: from the SSH config, else 22).</source>
        <translation>SSH 端口（默认：取自 SSH 配置，否则为 22）。</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>User name on the cluster.</source>
        <translation>集群上的用户名。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Private key file (default: ssh-agent, then ~/.ssh/id_*).</source>
        <translation>私钥文件（默认：先用 ssh-agent，再用 ~/.ssh/id_*）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>known_hosts file (default: ~/.ssh/known_hosts).</source>
        <translation>known_hosts 文件（默认：~/.ssh/known_hosts）。</translation>
    </message>
    <message>
        <source>SSH config file (default: ~/.ssh/config).</source>
        <translation>SSH 配置文件（默认：~/.ssh/config）。</translation>
    </message>
    <message>
        <source>Trust a server that is not in known_hosts yet without asking (a changed key is still refused).</source>
        <translation>不经询问，直接信任尚未记录在 known_hosts 中的服务器（密钥发生变化时仍会拒绝连接）。</translation>
    </message>
    <message>
        <source>Stop the command after this many seconds.</source>
        <translation>命令运行超过这么多秒后将其停止。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Log technical details of the connection to stderr.</source>
        <translation>把连接的技术细节输出到标准错误。</translation>
    </message>
    <message>
        <source>Run a command on the cluster.</source>
        <translation>在集群上运行一条命令。</translation>
    </message>
    <message>
        <source>say what to do, for example: onramp-cli exec --host aha -- hostname</source>
        <translation>请说明要做什么，例如：onramp-cli exec --host aha -- hostname</translation>
    </message>
    <message>
        <source>unknown command “%1”; the command is “exec”.</source>
        <translation>未知命令“%1”；可用的命令是“exec”。</translation>
    </message>
    <message>
        <source>--host is required.</source>
        <translation>必须提供 --host。</translation>
    </message>
    <message>
        <source>give the command to run after “--”.</source>
        <translation>请在“--”之后给出要运行的命令。</translation>
    </message>
    <message>
        <source>--port needs a number from 1 to 65535.</source>
        <translation>--port 需要 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>--timeout needs a positive number of seconds.</source>
        <translation>--timeout 需要一个大于 0 的秒数。</translation>
    </message>
    <message>
        <source>onramp-cli %1</source>
        <translation>onramp-cli %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（编译时版本 %2）</translation>
    </message>
    <message>
        <source>libssh %1</source>
        <translation>libssh %1</translation>
    </message>
    <message>
        <source>Python %1 (embedded, isolated, %2)</source>
        <translation>Python %1（内嵌，隔离模式，%2）</translation>
    </message>
    <message>
        <source>Python %1 (embedded, not isolated, %2)</source>
        <translation>Python %1（内嵌，非隔离模式，%2）</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示本帮助并退出。</translation>
    </message>
    <message>
        <source>Language of the messages: en or zh_CN (default: the system&apos;s).</source>
        <translation>输出信息的语言：en 或 zh_CN（默认跟随系统）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>unknown language “%1”; use en or zh_CN.</source>
        <translation>未知语言“%1”；请使用 en 或 zh_CN。</translation>
    </message>
</context>
<context>
    <name>onramp::cluster</name>
    <message>
        <source>There is no command to run on the compute node.</source>
        <translation>没有要在计算节点上运行的命令。</translation>
    </message>
    <message>
        <source>“%1” is not a valid partition name.</source>
        <translation>“%1”不是有效的分区名。</translation>
    </message>
    <message>
        <source>The number of GPUs must be between 0 and 64.</source>
        <translation>GPU 数量必须在 0 到 64 之间。</translation>
    </message>
    <message>
        <source>“%1” is not a time limit Slurm understands (use HH:MM:SS).</source>
        <translation>Slurm 无法识别时间限制“%1”（请使用 HH:MM:SS 格式）。</translation>
    </message>
</context>
<context>
    <name>onramp::remote</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Checking the server&apos;s identity…</source>
        <translation>正在核对服务器身份…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>连接失败</translation>
    </message>
</context>
<context>
    <name>onramp::ssh</name>
    <message>
        <source>public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <source>keyboard-interactive</source>
        <translation>键盘交互</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Kerberos (GSSAPI)</source>
        <translation>Kerberos（GSSAPI）</translation>
    </message>
    <message>
        <source>host-based</source>
        <translation>基于主机</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The connection broke while signing in.</source>
        <translation>登录过程中连接断开了。</translation>
    </message>
    <message>
        <source>The key file %1 could not be read. It may be missing, not a private key, or protected by a passphrase.</source>
        <translation>无法读取密钥文件 %1。它可能不存在、不是私钥，或者设置了密码短语。</translation>
    </message>
    <message>
        <source>the keys in ssh-agent and ~/.ssh</source>
        <translation>ssh-agent 和 ~/.ssh 中的密钥</translation>
    </message>
    <message>
        <source>the key %1</source>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <source>The server refused to let %1 sign in. Onramp tried: public key (%2). The server offers: %3.</source>
        <translation>服务器拒绝了 %1 的登录。Onramp 尝试了：公钥（%2）。服务器支持：%3。</translation>
    </message>
    <message>
        <source>The server did not let %1 sign in with a method Onramp can use yet. Onramp tried: none. The server offers: %2.</source>
        <translation>服务器没有提供 Onramp 目前能用的登录方式，%1 无法登录。Onramp 尝试了：无。服务器支持：%2。</translation>
    </message>
    <message>
        <source>A new command could not be started on this connection.</source>
        <translation>无法在此连接上启动新命令。</translation>
    </message>
    <message>
        <source>The server refused to start one more command on this connection.</source>
        <translation>服务器拒绝在此连接上再启动一条命令。</translation>
    </message>
    <message>
        <source>The server refused to run the command.</source>
        <translation>服务器拒绝运行该命令。</translation>
    </message>
    <message>
        <source>The command ended without reporting an exit status.</source>
        <translation>命令已结束，但没有报告退出状态。</translation>
    </message>
    <message>
        <source>The server %1 presented a %2 key (%3), but %4 lists a different kind of key for it. This can mean someone is intercepting the connection, so Onramp will not connect. If the cluster&apos;s administrators confirm that the server&apos;s keys changed, remove the old entry with:
%5</source>
        <translation>服务器 %1 出示了 %2 密钥（%3），但 %4 中为它记录的是另一种类型的密钥。这可能意味着有人在拦截连接，因此 Onramp 不会连接。如果集群管理员确认服务器的密钥确实更换了，请用以下命令删除旧记录：
%5</translation>
    </message>
    <message>
        <source>The identity of the server %1 has changed: it presented the %2 key %3, which does not match the one recorded in %4. This can mean someone is intercepting the connection, so Onramp will not connect. If the cluster&apos;s administrators confirm that the key changed, remove the old entry with:
%5</source>
        <translation>服务器 %1 的身份发生了变化：它出示的 %2 密钥 %3 与 %4 中记录的不一致。这可能意味着有人在拦截连接，因此 Onramp 不会连接。如果集群管理员确认密钥确实更换了，请用以下命令删除旧记录：
%5</translation>
    </message>
    <message>
        <source>The server did not present a host key.</source>
        <translation>服务器没有出示主机密钥。</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be checked against %1.</source>
        <translation>无法对照 %1 核对服务器的身份。</translation>
    </message>
    <message>
        <source>The folder %1 could not be created to remember the server&apos;s identity.</source>
        <translation>无法创建文件夹 %1 来记住服务器的身份。</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be saved in %1.</source>
        <translation>无法把服务器的身份保存到 %1。</translation>
    </message>
    <message>
        <source>The connection setting “%1” has a value libssh does not accept: %2</source>
        <translation>连接设置“%1”的值不被 libssh 接受：%2</translation>
    </message>
    <message>
        <source>Enter the name of the computer to connect to.</source>
        <translation>请输入要连接的计算机名称。</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>The SSH configuration file %1 could not be read.</source>
        <translation>无法读取 SSH 配置文件 %1。</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>known hosts file</source>
        <translation>已知主机文件</translation>
    </message>
    <message>
        <source>connection timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>The command was not started because there is no connection.</source>
        <translation>当前没有连接，命令未启动。</translation>
    </message>
    <message>
        <source>The SSH library could not start a session.</source>
        <translation>SSH 库无法启动会话。</translation>
    </message>
    <message>
        <source>Onramp could not connect to %1. Check the host name, the port and your network connection.</source>
        <translation>Onramp 无法连接到 %1。请检查主机名、端口和网络连接。</translation>
    </message>
    <message>
        <source>The identity of %1 was not confirmed, so Onramp did not connect.</source>
        <translation>%1 的身份未获确认，因此 Onramp 没有连接。</translation>
    </message>
    <message>
        <source>The connection was closed before the command finished.</source>
        <translation>命令结束前连接就关闭了。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>The command was cancelled.</source>
        <translation>命令已取消。</translation>
    </message>
    <message numerus="yes">
        <source>The command did not finish within %n second(s) and was stopped.</source>
        <translation>
            <numerusform>命令未能在 %n 秒内完成，已被停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>The SSH library could not watch the connection.</source>
        <translation>SSH 库无法监视该连接。</translation>
    </message>
</context>
<context>
    <name>onramp::ui::ConnectionForm</name>
    <message>
        <source>e.g. aha or login.example.edu</source>
        <translation>例如 aha 或 login.example.edu</translation>
    </message>
    <message>
        <source>The cluster&apos;s login node: a host name, an address, or a Host alias from your SSH config.</source>
        <translation>集群的登录节点：主机名、地址，或 SSH 配置中的 Host 别名。</translation>
    </message>
    <message>
        <source>From SSH config, or your local user name</source>
        <translation>取自 SSH 配置，或使用本机用户名</translation>
    </message>
    <message>
        <source>Default (22 or from SSH config)</source>
        <translation>默认（22 或取自 SSH 配置）</translation>
    </message>
    <message>
        <source>Leave at Default to use the port from your SSH config, or 22.</source>
        <translation>保持“默认”即使用 SSH 配置中的端口，没有配置时为 22。</translation>
    </message>
    <message>
        <source>ssh-agent or ~/.ssh/id_* keys</source>
        <translation>ssh-agent 或 ~/.ssh/id_* 密钥</translation>
    </message>
    <message>
        <source>Choose a private key file</source>
        <translation>选择私钥文件</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级选项</translation>
    </message>
    <message>
        <source>Where the keys of servers you trust are kept. Shared with OpenSSH.</source>
        <translation>保存你所信任服务器密钥的文件，与 OpenSSH 共用。</translation>
    </message>
    <message>
        <source>Choose a known hosts file</source>
        <translation>选择已知主机文件</translation>
    </message>
    <message>
        <source>The SSH config file whose Host aliases are offered above.</source>
        <translation>上方主机列表中的别名取自这个 SSH 配置文件。</translation>
    </message>
    <message>
        <source>Choose an SSH config file</source>
        <translation>选择 SSH 配置文件</translation>
    </message>
    <message>
        <source>Known hosts file</source>
        <translation>已知主机文件</translation>
    </message>
    <message>
        <source>SSH config file</source>
        <translation>SSH 配置文件</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>主机(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>端口(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Identity file</source>
        <translation>私钥文件(&amp;I)</translation>
    </message>
    <message>
        <source>Choose a Private Key</source>
        <translation>选择私钥</translation>
    </message>
    <message>
        <source>Choose a Known Hosts File</source>
        <translation>选择已知主机文件</translation>
    </message>
    <message>
        <source>Choose an SSH Config File</source>
        <translation>选择 SSH 配置文件</translation>
    </message>
    <message>
        <source>Enter the cluster&apos;s login node in Host, for example aha or login.example.edu.</source>
        <translation>请在“主机”中填写集群的登录节点，例如 aha 或 login.example.edu。</translation>
    </message>
    <message>
        <source>The host “%1” names the user %2, but the User field says %3. Keep only one.</source>
        <translation>主机“%1”中指定了用户 %2，但“用户名”一栏填的是 %3。请只保留一个。</translation>
    </message>
    <message>
        <source>“%1” is not a host name Onramp can use. Use letters, digits, dots and dashes (for example login.example.edu), an IP address, or an alias from your SSH config.</source>
        <translation>“%1”不是 Onramp 能使用的主机名。请使用由字母、数字、点和短横线组成的主机名（例如 login.example.edu）、IP 地址，或 SSH 配置中的别名。</translation>
    </message>
    <message>
        <source>“%1” is not a valid user name: it may contain letters, digits, dots, dashes and underscores, and must not start with a dash.</source>
        <translation>“%1”不是有效的用户名：用户名只能包含字母、数字、点、短横线和下划线，且不能以短横线开头。</translation>
    </message>
    <message>
        <source>The identity file “%1” does not exist. Choose your private key (for example ~/.ssh/id_ed25519), or leave the field empty to use ssh-agent and your default keys.</source>
        <translation>私钥文件“%1”不存在。请选择你的私钥（例如 ~/.ssh/id_ed25519），或者留空以使用 ssh-agent 和默认密钥。</translation>
    </message>
    <message>
        <source>The identity file “%1” is not a file Onramp can read.</source>
        <translation>私钥文件“%1”不是 Onramp 能读取的文件。</translation>
    </message>
    <message>
        <source>The known hosts file “%1” is a folder. Choose a file, for example ~/.ssh/known_hosts.</source>
        <translation>已知主机文件“%1”是一个文件夹。请选择一个文件，例如 ~/.ssh/known_hosts。</translation>
    </message>
    <message>
        <source>The folder of the known hosts file “%1” does not exist.</source>
        <translation>已知主机文件“%1”所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>The SSH config file “%1” does not exist.</source>
        <translation>SSH 配置文件“%1”不存在。</translation>
    </message>
    <message>
        <source>From your SSH config: %1</source>
        <translation>来自你的 SSH 配置：%1</translation>
    </message>
    <message>
        <source>From your SSH config: %1, through %2</source>
        <translation>来自你的 SSH 配置：%1，经由 %2</translation>
    </message>
    <message>
        <source>Identity file from your SSH config: %1</source>
        <translation>SSH 配置中的私钥文件：%1</translation>
    </message>
    <message>
        <source>%1 (from SSH config)</source>
        <translation>%1（来自 SSH 配置）</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
</context>
<context>
    <name>onramp::ui::ErrorBanner</name>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>Copy the message and the technical details, e.g. for your cluster&apos;s helpdesk</source>
        <translation>复制错误信息和技术细节，例如用于向集群的技术支持求助</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Technical details: %1</source>
        <translation>技术细节：%1</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详情</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详情</translation>
    </message>
</context>
<context>
    <name>onramp::ui::HostKeyDialog</name>
    <message>
        <source>Check the Server&apos;s Identity</source>
        <translation>核对服务器身份</translation>
    </message>
    <message>
        <source>Your known hosts file has a different type of key for %1.</source>
        <translation>你的已知主机文件中为 %1 记录的是另一种类型的密钥。</translation>
    </message>
    <message>
        <source>This is the first time this computer connects to %1.</source>
        <translation>这台电脑是第一次连接 %1。</translation>
    </message>
    <message>
        <source>Every SSH server has a key that proves which machine it is. Onramp has no record of this server&apos;s key yet, so it cannot tell whether you reached your cluster or a machine pretending to be it.

Compare the fingerprint below with the one your cluster&apos;s administrators publish, or send it to them and ask. If it matches, choose “Trust and connect”: Onramp saves the key in %1 and will warn you if it ever changes. If you are not sure, choose Cancel.</source>
        <translation>每台 SSH 服务器都有一个密钥，用来证明它是哪台机器。Onramp 还没有这台服务器密钥的记录，所以无法判断你连上的是自己的集群，还是一台冒充它的机器。

请把下面的指纹与集群管理员公布的指纹进行比对，或者把指纹发给管理员确认。如果一致，请选择“信任并连接”：Onramp 会把密钥保存到 %1，以后密钥一旦发生变化就会提醒你。如果不确定，请选择“取消”。</translation>
    </message>
    <message>
        <source>Copy the fingerprint</source>
        <translation>复制指纹</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>密钥类型</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>信任并连接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>onramp::ui::LogPane</name>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Follow new output (scroll to the end as it arrives)</source>
        <translation>跟随最新输出（有新输出时自动滚动到末尾）</translation>
    </message>
    <message>
        <source>Copy the output (or the selected part) to the clipboard</source>
        <translation>把输出（或选中的部分）复制到剪贴板</translation>
    </message>
    <message>
        <source>Save the output to a text file</source>
        <translation>把输出保存为文本文件</translation>
    </message>
    <message>
        <source>Clear the output shown here</source>
        <translation>清空这里显示的输出</translation>
    </message>
    <message>
        <source>Output from the cluster appears here once you connect.</source>
        <translation>连接后，集群的输出会显示在这里。</translation>
    </message>
    <message>
        <source>The output below comes from %1.</source>
        <translation>下方的输出来自 %1。</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier line(s) skipped to keep up with the output.</source>
        <translation>
            <numerusform>… 为跟上输出速度，跳过了之前的 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open “%1” for writing: %2</source>
        <translation>无法打开“%1”进行写入：%2</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation>无法保存“%1”：%2</translation>
    </message>
    <message>
        <source>Save Output</source>
        <translation>保存输出</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>onramp::ui::MainWindow</name>
    <message>
        <source>PyTorch on your GPU cluster</source>
        <translation>在 GPU 集群上配置 PyTorch</translation>
    </message>
    <message>
        <source>Connect to your cluster</source>
        <translation>连接到你的集群</translation>
    </message>
    <message>
        <source>Sign in to the cluster&apos;s login node over SSH. Onramp then shows which machine you reached and the Slurm partitions it offers.</source>
        <translation>通过 SSH 登录集群的登录节点。连接后，Onramp 会显示你登录到了哪台机器，以及它提供的 Slurm 分区。</translation>
    </message>
    <message>
        <source>This build of Onramp cannot open SSH connections.</source>
        <translation>这个版本的 Onramp 无法建立 SSH 连接。</translation>
    </message>
    <message>
        <source>Onramp could not prepare an SSH connection.</source>
        <translation>Onramp 无法准备 SSH 连接。</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>未连接到 %1</translation>
    </message>
    <message>
        <source>You did not trust the server&apos;s key, so Onramp did not connect. Check the fingerprint with your cluster&apos;s administrators, then connect again.</source>
        <translation>你没有信任该服务器的密钥，所以 Onramp 没有连接。请先向集群管理员核对指纹，再重新连接。</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <source>The command did not finish: %1</source>
        <translation>命令没有正常结束：%1</translation>
    </message>
    <message>
        <source>Did not finish</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>The command was stopped by signal %1 after %2 s.</source>
        <translation>命令运行 %2 秒后被信号 %1 终止。</translation>
    </message>
    <message>
        <source>Stopped by signal %1</source>
        <translation>被信号 %1 终止</translation>
    </message>
    <message>
        <source>Exit status %1, finished in %2 s.</source>
        <translation>退出状态 %1，用时 %2 秒。</translation>
    </message>
    <message>
        <source>Exit status %1</source>
        <translation>退出状态 %1</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Warning: the identity of %1 has changed. Onramp did not connect.</source>
        <translation>警告：%1 的身份发生了变化，Onramp 没有连接。</translation>
    </message>
    <message>
        <source>Could not sign in to %1</source>
        <translation>无法登录 %1</translation>
    </message>
    <message>
        <source>The connection to %1 was lost</source>
        <translation>与 %1 的连接已断开</translation>
    </message>
    <message>
        <source>Could not connect to %1</source>
        <translation>无法连接到 %1</translation>
    </message>
    <message>
        <source>Connection lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation>已断开与 %1 的连接。</translation>
    </message>
</context>
</TS>
