<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GuidedTr</name>
    <message>
        <source>Your ~/.bashrc prints text even in shells nobody types into, such as the ones scp, sftp, rsync and Onramp use; that text can break file copies.</source>
        <translation>你的 ~/.bashrc 在无人输入的 shell 中也会输出文字，例如 scp、sftp、rsync 和 Onramp 使用的 shell；这些文字可能导致文件复制失败。</translation>
    </message>
    <message>
        <source>Move the lines that print below the line in ~/.bashrc that returns early for non-interactive shells (case $- in *i*) ;; *) return;; esac).</source>
        <translation>把输出文字的那些行移到 ~/.bashrc 中让非交互式 shell 提前返回的那一行之后（case $- in *i*) ;; *) return;; esac）。</translation>
    </message>
    <message>
        <source>The conda initialize block in ~/.bashrc runs before the check for interactive shells, so every non-interactive shell starts conda too (slower, and an error there breaks scp and sftp).</source>
        <translation>~/.bashrc 中的 conda initialize 代码块在交互式 shell 检查之前运行，因此每个非交互式 shell 也会启动 conda（更慢，而且那里一旦出错，scp 和 sftp 就会失败）。</translation>
    </message>
    <message>
        <source>Onramp does not need it: it sources conda's conda.sh itself. Move the block below the interactive check, or keep it if your terminal sessions rely on it.</source>
        <translation>Onramp 不需要它：Onramp 会自己 source conda 的 conda.sh。请把这段代码移到交互式检查之后；如果你的终端会话依赖它，也可以保留。</translation>
    </message>
</context>
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
        <source>Language of the interface: en or zh_CN (default: the system's).</source>
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
    <message>
        <source>tab</source>
        <translation>标签页</translation>
    </message>
    <message>
        <source>moment</source>
        <translation>时机</translation>
    </message>
    <message>
        <source>With --screenshot: take the picture when the session is settled (default), when a sign-in question is shown (credentials), when the connection is lost (lost), or in the terminal after typing --terminal-input (terminal).</source>
        <translation>配合 --screenshot 使用：在会话稳定时截图（默认），或在显示登录问题时（credentials）、连接断开时（lost）、在终端中输入 --terminal-input 的内容后（terminal）截图。</translation>
    </message>
    <message>
        <source>With --screenshot-at terminal: a line to type into the terminal (repeatable; default: srun --pty bash -i, then hostname).</source>
        <translation>配合 --screenshot-at terminal 使用：要在终端中输入的一行（可重复；默认：srun --pty bash -i，然后 hostname）。</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>With --screenshot-at setup-plan or setup-done: the environment the guided setup makes.</source>
        <translation>配合 --screenshot-at setup-plan 或 setup-done 使用：引导式配置所创建的环境。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unknown moment “%1”: use settled, credentials, lost, terminal, setup-plan or setup-done.</source>
        <translation>未知的时机“%1”：请使用 settled、credentials、lost、terminal、setup-plan 或 setup-done。</translation>
    </message>
    <message>
        <source>Show the welcome page (shown by itself at the first start without a host).</source>
        <translation>显示欢迎页（首次启动且未指定主机时会自动显示）。</translation>
    </message>
    <message>
        <source>Print when the window was first painted and quit (benchmarks).</source>
        <translation>打印窗口首次绘制完成的时间后退出（用于基准测试）。</translation>
    </message>
    <message>
        <source>Open this tab: setup, gpus, jobs, checks or report (output: the Output dock). With --screenshot, the picture waits for the tab's first answer from the cluster.</source>
        <translation>打开这个标签页：setup、gpus、jobs、checks 或 report（output：输出停靠窗口）。配合 --screenshot 时，截图会等到该标签页第一次收到集群的回答。</translation>
    </message>
    <message>
        <source>Unknown tab “%1”: use setup, output, gpus, jobs, checks or report.</source>
        <translation>未知的标签页“%1”：请使用 setup、output、gpus、jobs、checks 或 report。</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Give the profile a name.</source>
        <translation>请给这个配置档案起个名字。</translation>
    </message>
    <message numerus="yes">
        <source>A profile name has at most %n characters.</source>
        <translation>
            <numerusform>配置档案名称最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>A profile name cannot contain control characters.</source>
        <translation>配置档案名称不能包含控制字符。</translation>
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
        <source>The authenticity of host %1 can't be established.
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
        <source>Language of the messages: en or zh_CN (default: the system's).</source>
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
    <message>
        <source>--%1 belongs to “gpus” or “jobs”, not to “exec”.</source>
        <translation>--%1 属于“gpus”或“jobs”，不能用于“exec”。</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>gpus: only the GPUs of this running job (default: all your running jobs with GPUs).</source>
        <translation>gpus：只看这个正在运行的作业的 GPU（默认：你所有正在运行且带 GPU 的作业）。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>作业号</translation>
    </message>
    <message>
        <source>gpus: the node of the job to look at (default: its first node).</source>
        <translation>gpus：要查看的作业节点（默认：作业的第一个节点）。</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>gpus, jobs: print a JSON document instead of a table.</source>
        <translation>gpus、jobs：输出 JSON 文档而不是表格。</translation>
    </message>
    <message>
        <source>gpus, jobs: keep polling over the same connection until interrupted (or --count polls); with --json, one document per line.</source>
        <translation>gpus、jobs：在同一连接上持续轮询，直到被中断（或达到 --count 次）；配合 --json 时每行输出一个文档。</translation>
    </message>
    <message>
        <source>gpus, jobs: with --watch, stop after this many polls.</source>
        <translation>gpus、jobs：配合 --watch，轮询这么多次后停止。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>gpus, jobs: seconds between polls with --watch (default 2).</source>
        <translation>gpus、jobs：使用 --watch 时两次轮询之间的秒数（默认 2）。</translation>
    </message>
    <message>
        <source>jobs: cancel this job (scancel) instead of listing.</source>
        <translation>jobs：取消这个作业（scancel），而不是列出作业。</translation>
    </message>
    <message>
        <source>“%1” takes no arguments, but got “%2”.</source>
        <translation>“%1”不接受参数，但收到了“%2”。</translation>
    </message>
    <message>
        <source>--%1 belongs to “gpus”.</source>
        <translation>--%1 属于“gpus”。</translation>
    </message>
    <message>
        <source>--cancel belongs to “jobs”.</source>
        <translation>--cancel 属于“jobs”。</translation>
    </message>
    <message>
        <source>--node needs --job: GPUs are looked at from inside one of your jobs.</source>
        <translation>--node 需要配合 --job：GPU 要在你的某个作业内部查看。</translation>
    </message>
    <message>
        <source>--cancel and --watch do not go together.</source>
        <translation>--cancel 和 --watch 不能同时使用。</translation>
    </message>
    <message>
        <source>--count needs a whole number of polls, 1 or more.</source>
        <translation>--count 需要一个不小于 1 的整数轮询次数。</translation>
    </message>
    <message>
        <source>--count goes with --watch.</source>
        <translation>--count 需要配合 --watch 使用。</translation>
    </message>
    <message>
        <source>--interval needs a number of seconds from 0 to 3600.</source>
        <translation>--interval 需要 0 到 3600 之间的秒数。</translation>
    </message>
    <message>
        <source>onramp-cli: the connection is not usable.
</source>
        <translation>onramp-cli：连接不可用。
</translation>
    </message>
    <message>
        <source>Your jobs at %1:
</source>
        <translation>你在 %1 上的作业：
</translation>
    </message>
    <message>
        <source>You have no jobs on the cluster right now.
</source>
        <translation>你目前在集群上没有作业。
</translation>
    </message>
    <message>
        <source>JOB</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>PARTITION</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ELAPSED</source>
        <translation>已运行</translation>
    </message>
    <message>
        <source>GPUS</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>NODES</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Job %1: %2
</source>
        <translation>作业 %1：%2
</translation>
    </message>
    <message>
        <source>You have no running job with GPUs. Start one (for example: salloc --no-shell --partition=gpu --gres=gpu:1 --time=1:00:00), or use the GPU view of Onramp.</source>
        <translation>你没有正在运行且带 GPU 的作业。请先启动一个（例如：salloc --no-shell --partition=gpu --gres=gpu:1 --time=1:00:00），或使用 Onramp 的 GPU 视图。</translation>
    </message>
    <message>
        <source>GPUs at %1:
</source>
        <translation>%1 上的 GPU：
</translation>
    </message>
    <message>
        <source>Job %1 (polled in %2 s)
</source>
        <translation>作业 %1（轮询耗时 %2 秒）
</translation>
    </message>
    <message>
        <source>Job %1 on %2 (polled in %3 s)
</source>
        <translation>作业 %1，节点 %2（轮询耗时 %3 秒）
</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>UTIL</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>TEMP</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>POWER</source>
        <translation>功耗</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>PROCESS</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>%1 W / %2 W</source>
        <translation>%1 W / %2 W</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>No processes are using these GPUs.
</source>
        <translation>没有进程在使用这些 GPU。
</translation>
    </message>
    <message>
        <source>Cancelled job %1.
</source>
        <translation>已取消作业 %1。
</translation>
    </message>
    <message>
        <source>onramp-cli: %1 asks “%2”, but there is no terminal to ask you. Run onramp-cli in a terminal, set SSH_ASKPASS, or use a key.
</source>
        <translation>onramp-cli：%1 需要回答“%2”，但没有可用来询问你的终端。请在终端中运行 onramp-cli，设置 SSH_ASKPASS，或改用 SSH 密钥。
</translation>
    </message>
    <message>
        <source>Go through these gateways first, like ssh -J: [user@]host[:port] or config aliases, comma-separated (default: ProxyJump from the SSH config; “none” connects directly).</source>
        <translation>先经过这些网关，类似 ssh -J：[user@]host[:port] 或配置中的别名，用逗号分隔（默认：使用 SSH 配置中的 ProxyJump；“none”表示直接连接）。</translation>
    </message>
    <message>
        <source>hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>    Onramp can fix this: %1 (--fix %2)
</source>
        <translation>    Onramp 可以修复此问题：%1（--fix %2）
</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>waiting for you</source>
        <translation>等你处理</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>already done, reused</source>
        <translation>此前已完成，直接沿用</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>已阻止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>setup: the environment's name (default: cola).</source>
        <translation>setup：环境名称（默认：cola）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>setup: the Python version, e.g. 3.11 (default: conda's choice).</source>
        <translation>setup：Python 版本，例如 3.11（默认：由 conda 选择）。</translation>
    </message>
    <message>
        <source>X.Y</source>
        <translation>X.Y</translation>
    </message>
    <message>
        <source>setup: guide (the cluster guide's pytorch torchvision cudatoolkit -c conda-forge -c pytorch) or modern (conda-forge pytorch with a cuda-version matching the driver).</source>
        <translation>setup：guide（集群指南中的 pytorch torchvision cudatoolkit -c conda-forge -c pytorch）或 modern（conda-forge 的 pytorch，配上与驱动匹配的 cuda-version）。</translation>
    </message>
    <message>
        <source>recipe</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>setup: show the plan and change nothing.</source>
        <translation>setup：只显示安装计划，不做任何更改。</translation>
    </message>
    <message>
        <source>setup: approve every plan Onramp does not block, and reuse an existing environment.</source>
        <translation>setup：批准所有未被 Onramp 阻止的安装计划，并沿用已有的环境。</translation>
    </message>
    <message>
        <source>setup: also install this package (repeatable; matplotlib, pillow and numpy always).</source>
        <translation>setup：额外安装此包（可重复；matplotlib、pillow 和 numpy 总会安装）。</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>包规格</translation>
    </message>
    <message>
        <source>setup: the Slurm partition (default: the cluster's).</source>
        <translation>setup：Slurm 分区（默认：集群的默认分区）。</translation>
    </message>
    <message>
        <source>setup: apply this fix when a failure offers it (conda.clean, partition:NAME; repeatable).</source>
        <translation>setup：当失败提供此修复时应用它（conda.clean、partition:NAME；可重复）。</translation>
    </message>
    <message>
        <source>“setup” takes no arguments, only options.</source>
        <translation>“setup”不接受参数，只接受选项。</translation>
    </message>
    <message>
        <source>--python needs a version like 3.11.</source>
        <translation>--python 需要类似 3.11 的版本号。</translation>
    </message>
    <message>
        <source>--recipe is “guide” or “modern”.</source>
        <translation>--recipe 只能是“guide”或“modern”。</translation>
    </message>
    <message>
        <source>%1. %2: %3
</source>
        <translation>%1. %2：%3
</translation>
    </message>
    <message>
        <source>%1. %2 …
</source>
        <translation>%1. %2 ……
</translation>
    </message>
    <message>
        <source>Following run %1 again, started before Onramp stopped; its log so far:
</source>
        <translation>继续跟踪运行 %1（它在 Onramp 停止前已启动）；目前的日志：
</translation>
    </message>
    <message numerus="yes">
        <source>   job %1 waits in the queue (%2) for %n second(s) …</source>
        <translation>
            <numerusform>   作业 %1 正在排队（%2），已等待 %n 秒……</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying the fix: %1
</source>
        <translation>正在应用修复：%1
</translation>
    </message>
    <message>
        <source>
The plan for %1:
</source>
        <translation>
%1 的安装计划：
</translation>
    </message>
    <message>
        <source>Proceed ([y]/n/e to edit)? </source>
        <translation>是否继续（[y]/n，输入 e 可修改）？ </translation>
    </message>
    <message>
        <source>onramp-cli: nobody answered; nothing was installed (use --yes to approve).
</source>
        <translation>onramp-cli：无人应答；未安装任何内容（使用 --yes 表示批准）。
</translation>
    </message>
    <message>
        <source>Change the plan (Enter keeps a value):
</source>
        <translation>修改安装计划（按 Enter 保留原值）：
</translation>
    </message>
    <message>
        <source>Environment name</source>
        <translation>环境名称</translation>
    </message>
    <message>
        <source>Python version (X.Y, “-” for conda's choice)</source>
        <translation>Python 版本（X.Y，“-”表示由 conda 选择）</translation>
    </message>
    <message>
        <source>Recipe (guide or modern)</source>
        <translation>安装方案（guide 或 modern）</translation>
    </message>
    <message>
        <source>Extra packages (separated by spaces)</source>
        <translation>额外的包（以空格分隔）</translation>
    </message>
    <message>
        <source>onramp-cli: --python needs a version like 3.11.
</source>
        <translation>onramp-cli：--python 需要类似 3.11 的版本号。
</translation>
    </message>
    <message>
        <source>onramp-cli: --recipe is “guide” or “modern”.
</source>
        <translation>onramp-cli：--recipe 只能是“guide”或“modern”。
</translation>
    </message>
    <message>
        <source>Waiting for Slurm (--yes); Ctrl+C cancels the job.
</source>
        <translation>正在等待 Slurm（--yes）；按 Ctrl+C 可取消作业。
</translation>
    </message>
    <message>
        <source>Apply a fix (%1), or Enter for none? </source>
        <translation>要应用修复（%1）吗？直接按 Enter 表示不应用： </translation>
    </message>
    <message>
        <source>Problem %1 of %2: %3
</source>
        <translation>第 %1 个问题（共 %2 个）：%3
</translation>
    </message>
    <message>
        <source>  What to do: %1
</source>
        <translation>  解决办法：%1
</translation>
    </message>
    <message>
        <source>  Recognised from these lines of the log:
</source>
        <translation>  依据日志中的以下几行识别：
</translation>
    </message>
    <message>
        <source>“diagnose” reads one log, but got “%1” and “%2”.</source>
        <translation>“diagnose”只读取一个日志，但收到了“%1”和“%2”。</translation>
    </message>
    <message>
        <source>--%1 belongs to “gpus” or “jobs”, not to “diagnose”.</source>
        <translation>--%1 属于“gpus”或“jobs”，不属于“diagnose”。</translation>
    </message>
    <message>
        <source>there is no file “%1”.</source>
        <translation>文件“%1”不存在。</translation>
    </message>
    <message>
        <source>“%1” is a folder; give the log file.</source>
        <translation>“%1”是一个文件夹；请提供日志文件。</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <source>onramp-cli: cannot read %1: %2
</source>
        <translation>onramp-cli：无法读取 %1：%2
</translation>
    </message>
    <message>
        <source>Onramp recognised no known problem in this log.
If something did go wrong, send the whole log to your cluster's helpdesk: people can read what Onramp cannot yet.
</source>
        <translation>Onramp 没有在此日志中识别出已知问题。
如果确实出了问题，请把完整日志发给集群的技术支持：Onramp 暂时读不懂的内容，人可以读懂。
</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>SKIP</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>check, report: read the evidence from this JSON file instead of the setup journal of --host and --env.</source>
        <translation>check、report：从这个 JSON 文件读取证据，而不是读取 --host 和 --env 的配置记录。</translation>
    </message>
    <message>
        <source>report: html, md, pdf, json or yml (default: html).</source>
        <translation>report：html、md、pdf、json 或 yml（默认 html）。</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>report: write to this file (default: stdout; a PDF goes to onramp-report.pdf).</source>
        <translation>report：写入这个文件（默认输出到 stdout；PDF 写入 onramp-report.pdf）。</translation>
    </message>
    <message>
        <source>check: run the snippets of this folder (default: Onramp’s snippets folder).</source>
        <translation>check：运行这个文件夹里的代码片段（默认：Onramp 的代码片段文件夹）。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>“%1” takes no further words (got “%2”).</source>
        <translation>“%1”后面不能再跟其他参数（收到了“%2”）。</translation>
    </message>
    <message>
        <source>say whose evidence to use: --host HOST [--env NAME] (the setup journal) or --evidence FILE.</source>
        <translation>请说明使用谁的证据：--host 主机 [--env 名称]（配置记录）或 --evidence 文件。</translation>
    </message>
    <message>
        <source>--%1 belongs to “report”, not to “check”.</source>
        <translation>--%1 属于“report”，不属于“check”。</translation>
    </message>
    <message>
        <source>--snippets belongs to “check”, not to “report”.</source>
        <translation>--snippets 属于“check”，不属于“report”。</translation>
    </message>
    <message>
        <source>unknown report format “%1”; use html, md, pdf, json or yml.</source>
        <translation>未知的报告格式“%1”；请使用 html、md、pdf、json 或 yml。</translation>
    </message>
    <message>
        <source>Onramp could not read the evidence file %1: %2</source>
        <translation>Onramp 无法读取证据文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an evidence file (a JSON object was expected).</source>
        <translation>%1 不是证据文件（应当是一个 JSON 对象）。</translation>
    </message>
    <message>
        <source>Onramp has no setup of “%1” on %2 yet (looked for %3). Run “onramp-cli setup” first, or give --evidence FILE.</source>
        <translation>Onramp 在 %2 上还没有“%1”的配置记录（查找了 %3）。请先运行“onramp-cli setup”，或者用 --evidence 指定文件。</translation>
    </message>
    <message>
        <source>      Fix: %1
</source>
        <translation>      修复：%1
</translation>
    </message>
    <message>
        <source>
Your snippets (%1):
</source>
        <translation>
你的代码片段（%1）：
</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed.</source>
        <translation>
            <numerusform>%n 项检查未通过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing failed (%n check(s) and snippet(s) run).</source>
        <translation>
            <numerusform>没有失败项（共运行了 %n 项检查和代码片段）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Onramp could not write %1: %2</source>
        <translation>Onramp 无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Onramp report: %1 on %2</source>
        <translation>Onramp 报告：%2 上的 %1</translation>
    </message>
    <message>
        <source>The report is in %1.
</source>
        <translation>报告已保存到 %1。
</translation>
    </message>
    <message>
        <source>Onramp on the command line.

exec: connects to the login node over SSH and runs one command. Its output streams to this program's stdout and stderr as it arrives, and onramp-cli exits with the command's exit status (128+N when a signal N ended it, 255 when the connection, the server's identity or signing in failed, 2 for a mistake on this command line).
After “--”, a single word is a shell command line run as typed (quote it: -- 'ls ~ | head'); several words are quoted one by one and run as exactly those arguments.

gpus: shows the GPUs of your running Slurm jobs (utilisation, memory, temperature, power, processes), asked from inside each job with nvidia-smi.
jobs: lists your Slurm jobs with their state and why a waiting job waits; “jobs --cancel ID” cancels one.
Both print an aligned table, or JSON with --json; with --watch they keep polling over the same connection. They exit with 0 when the cluster answered, 1 when a Slurm or nvidia-smi command failed (the problem is explained), 255 when the connection failed.

diagnose [FILE|-]: explains a log from the cluster (conda, srun, sbatch, squeue, nvidia-smi or PyTorch output) read from FILE or, with “-” or nothing, from stdin; it needs no connection. --json prints the diagnoses as JSON. It exits with 0 when it recognised a problem, 1 when it recognised none, 2 when the log could not be read.

check: runs Onramp's checks and your own snippets (Python files in the snippets folder) over what the setup of --host and --env found (or --evidence FILE); it needs no connection. It exits with 0 when nothing failed, 1 when a check or a snippet failed, 2 when there was nothing to check.
report: writes the environment report for a teaching assistant or a helpdesk ticket (--format html, md, pdf, json or yml; -o FILE) from the same evidence.</source>
        <translation>命令行版 Onramp。

exec：通过 SSH 连接到登录节点并运行一条命令。命令的输出一到达就会转发到本程序的 stdout 和 stderr，onramp-cli 以该命令的退出码退出（命令被信号 N 终止时为 128+N；连接、服务器身份验证或登录失败时为 255；本命令行有误时为 2）。
在“--”之后，单个词会作为 shell 命令行按原样运行（请加引号：-- 'ls ~ | head'）；多个词会逐个加引号，并严格作为这些参数运行。

gpus：显示你正在运行的 Slurm 作业所用的 GPU（利用率、显存、温度、功耗、进程），在每个作业内部通过 nvidia-smi 获取。
jobs：列出你的 Slurm 作业及其状态，以及等待中的作业为何等待；“jobs --cancel ID”可取消一个作业。
两者都会输出对齐的表格，加 --json 则输出 JSON；加 --watch 会通过同一连接持续轮询。集群有应答时退出码为 0，Slurm 或 nvidia-smi 命令失败时为 1（会说明问题），连接失败时为 255。

diagnose [FILE|-]：解释来自集群的日志（conda、srun、sbatch、squeue、nvidia-smi 或 PyTorch 的输出），从 FILE 读取；若为“-”或不指定，则从 stdin 读取；无需连接。--json 以 JSON 格式输出诊断结果。识别出问题时退出码为 0，未识别出任何问题时为 1，无法读取日志时为 2。

check：用 --host 和 --env 的配置所找到的信息（或 --evidence 文件）运行 Onramp 的检查和你自己的代码片段（代码片段文件夹里的 Python 文件）；无需连接。没有任何失败时退出码为 0，有检查或代码片段失败时为 1，没有可检查的内容时为 2。
report：根据同样的证据生成环境报告，可交给助教或附在求助工单里（--format html、md、pdf、json 或 yml；-o 文件）。</translation>
    </message>
    <message>
        <source>unknown command “%1”; the commands are “exec”, “gpus”, “jobs”, “setup”, “diagnose”, “check” and “report”.</source>
        <translation>未知命令“%1”；可用的命令有“exec”、“gpus”、“jobs”、“setup”、“diagnose”、“check”和“report”。</translation>
    </message>
    <message>
        <source>Python: the embedded interpreter did not start</source>
        <translation>Python：内嵌解释器没有启动</translation>
    </message>
</context>
<context>
    <name>onramp::cluster</name>
    <message>
        <source>There is no command to run on the compute node.</source>
        <translation>没有要在计算节点上运行的命令。</translation>
    </message>
    <message>
        <source>There is no package to install.</source>
        <translation>没有要安装的软件包。</translation>
    </message>
    <message>
        <source>Removing the whole environment cannot be combined with package names.</source>
        <translation>删除整个环境时不能同时指定软件包名称。</translation>
    </message>
    <message>
        <source>There is no package to remove.</source>
        <translation>没有要删除的软件包。</translation>
    </message>
    <message>
        <source>Channels do not apply when packages are removed.</source>
        <translation>删除软件包时不适用频道设置。</translation>
    </message>
    <message>
        <source>The base environment cannot be removed.</source>
        <translation>base 环境不能删除。</translation>
    </message>
    <message>
        <source>--override-channels needs at least one channel.</source>
        <translation>--override-channels 至少需要一个频道。</translation>
    </message>
    <message>
        <source>“%1” is not a conda program Onramp can run: give a name such as conda or an absolute path.</source>
        <translation>“%1”不是 Onramp 可以运行的 conda 程序：请给出 conda 之类的名称或绝对路径。</translation>
    </message>
    <message>
        <source>The environment name is empty.</source>
        <translation>环境名称为空。</translation>
    </message>
    <message>
        <source>The environment name “%1” is longer than 64 characters.</source>
        <translation>环境名称“%1”超过了 64 个字符。</translation>
    </message>
    <message>
        <source>“%1” is not a valid environment name: use only letters, digits and _ . - + (no spaces, no / : # ;), starting with a letter, a digit or _.</source>
        <translation>“%1”不是有效的环境名称：只能使用字母、数字和 _ . - +（不能有空格，也不能有 / : # ;），并且须以字母、数字或 _ 开头。</translation>
    </message>
    <message>
        <source>“%1” is the name of conda's own base environment; choose another name for a new environment.</source>
        <translation>“%1”是 conda 自带的 base 环境的名称；新环境请换一个名称。</translation>
    </message>
    <message>
        <source>“%1” is not a usable path for an environment.</source>
        <translation>“%1”不是可用作环境的路径。</translation>
    </message>
    <message>
        <source>conda cannot create an environment at “%1”: the path must not contain spaces, ':' or '#'.</source>
        <translation>conda 无法在“%1”创建环境：路径中不能包含空格、':' 或 '#'。</translation>
    </message>
    <message>
        <source>A package spec is empty.</source>
        <translation>有一个软件包说明为空。</translation>
    </message>
    <message>
        <source>“%1” is not a package spec Onramp can pass to conda: write name, name=1.2, name&gt;=1.2 or channel::name, without spaces or quotes.</source>
        <translation>“%1”不是 Onramp 能传给 conda 的软件包说明：请写成 name、name=1.2、name&gt;=1.2 或 channel::name，不要带空格或引号。</translation>
    </message>
    <message>
        <source>A channel name is empty.</source>
        <translation>有一个频道名称为空。</translation>
    </message>
    <message>
        <source>“%1” is not a channel Onramp can pass to conda: give a name such as conda-forge or an https:// or file:// address without spaces or quotes.</source>
        <translation>“%1”不是 Onramp 能传给 conda 的频道：请给出 conda-forge 之类的名称，或不含空格和引号的 https:// 或 file:// 地址。</translation>
    </message>
    <message>
        <source>“%1” is not a CUDA version for CONDA_OVERRIDE_CUDA (write it like 12.2).</source>
        <translation>“%1”不是可用于 CONDA_OVERRIDE_CUDA 的 CUDA 版本（请写成 12.2 这样的形式）。</translation>
    </message>
    <message>
        <source>There is no command to run in the environment.</source>
        <translation>没有要在环境中运行的命令。</translation>
    </message>
    <message>
        <source>“%1” is not the absolute path of a conda installation.</source>
        <translation>“%1”不是 conda 安装的绝对路径。</translation>
    </message>
    <message>
        <source>The CUDA build needs a newer NVIDIA driver than this machine has (its driver supports CUDA %1).</source>
        <translation>该 CUDA 版本需要比这台机器上更新的 NVIDIA 驱动（这台机器的驱动支持 CUDA %1）。</translation>
    </message>
    <message>
        <source>The CUDA build needs a driver for CUDA %1, but this machine's driver supports only CUDA %2.</source>
        <translation>该 CUDA 版本需要支持 CUDA %1 的驱动，但这台机器的驱动只支持 CUDA %2。</translation>
    </message>
    <message>
        <source>Choose a build for CUDA %1 or older (for example pytorch-cuda=%1 or an older cudatoolkit), or run on a node with a newer driver.</source>
        <translation>请选择适用于 CUDA %1 或更早版本的构建（例如 pytorch-cuda=%1 或更早的 cudatoolkit），或者在驱动更新的节点上运行。</translation>
    </message>
    <message>
        <source>The CUDA build needs an NVIDIA driver, but conda sees no GPU driver on this machine.</source>
        <translation>该 CUDA 版本需要 NVIDIA 驱动，但 conda 在这台机器上没有检测到 GPU 驱动。</translation>
    </message>
    <message>
        <source>The CUDA build needs an NVIDIA driver for CUDA %1 (__cuda), but conda sees no GPU driver on this machine.</source>
        <translation>该 CUDA 版本需要支持 CUDA %1 的 NVIDIA 驱动（__cuda），但 conda 在这台机器上没有检测到 GPU 驱动。</translation>
    </message>
    <message>
        <source>This job should see a GPU: check that it was started with --gres=gpu:1 and that nvidia-smi works in it. If it does, CONDA_OVERRIDE_CUDA=%1 lets conda plan the CUDA build.</source>
        <translation>这个作业应该能看到 GPU：请检查它是否用 --gres=gpu:1 启动，以及 nvidia-smi 在其中能否正常运行。如果都没问题，可以设置 CONDA_OVERRIDE_CUDA=%1，让 conda 按 CUDA 版本来规划安装。</translation>
    </message>
    <message>
        <source>A login node has no GPU, so conda cannot see a driver there. Run the command with CONDA_OVERRIDE_CUDA=%1 (the CUDA version the GPU nodes' driver supports) so that conda plans the CUDA build anyway, or run it on a GPU node (srun --gres=gpu:1).</source>
        <translation>登录节点没有 GPU，所以 conda 在那里检测不到驱动。请加上 CONDA_OVERRIDE_CUDA=%1（GPU 节点驱动所支持的 CUDA 版本）运行该命令，让 conda 照样按 CUDA 版本规划安装；或者在 GPU 节点上运行（srun --gres=gpu:1）。</translation>
    </message>
    <message>
        <source>The CUDA build needs an NVIDIA driver, and conda sees none on this machine, or only an older one.</source>
        <translation>该 CUDA 版本需要 NVIDIA 驱动，但 conda 在这台机器上没有检测到驱动，或者只检测到较旧的驱动。</translation>
    </message>
    <message>
        <source>The CUDA build needs an NVIDIA driver for CUDA %1 (__cuda), and conda sees none on this machine, or only an older one.</source>
        <translation>该 CUDA 版本需要支持 CUDA %1 的 NVIDIA 驱动（__cuda），但 conda 在这台机器上没有检测到驱动，或者只检测到较旧的驱动。</translation>
    </message>
    <message>
        <source>On a login node without GPU, run the command with CONDA_OVERRIDE_CUDA=%1 (the CUDA version the GPU nodes' driver supports), or run it on a GPU node (srun --gres=gpu:1). If that driver is older, choose an older CUDA build (for example pytorch-cuda=11.8).</source>
        <translation>在没有 GPU 的登录节点上，请加上 CONDA_OVERRIDE_CUDA=%1（GPU 节点驱动所支持的 CUDA 版本）运行该命令，或者在 GPU 节点上运行（srun --gres=gpu:1）。如果那里的驱动较旧，请选择更早的 CUDA 构建（例如 pytorch-cuda=11.8）。</translation>
    </message>
    <message>
        <source>These packages are not installed in the environment: %1.</source>
        <translation>以下软件包没有安装在该环境中：%1。</translation>
    </message>
    <message>
        <source>Check the names with “conda list -n ENV”; only installed packages can be removed.</source>
        <translation>请用“conda list -n ENV”核对名称；只有已安装的软件包才能删除。</translation>
    </message>
    <message>
        <source>conda cannot find these packages in its channels: %1.</source>
        <translation>conda 在它的频道中找不到以下软件包：%1。</translation>
    </message>
    <message>
        <source>conda cannot find these packages: %1. It searched these channels: %2.</source>
        <translation>conda 找不到以下软件包：%1。已搜索的频道：%2。</translation>
    </message>
    <message>
        <source>Check the spelling and the version. If the package comes from another channel, add that channel with -c (for PyTorch: -c pytorch -c nvidia, or -c conda-forge); “conda search NAME -c CHANNEL” shows which versions exist.</source>
        <translation>请检查拼写和版本。如果软件包来自其他频道，请用 -c 添加该频道（PyTorch 用 -c pytorch -c nvidia，或 -c conda-forge）；“conda search NAME -c CHANNEL”可查看有哪些版本。</translation>
    </message>
    <message>
        <source>The packages need something this machine does not provide: %1.</source>
        <translation>这些软件包需要这台机器没有提供的东西：%1。</translation>
    </message>
    <message>
        <source>Choose versions built for this system, or run conda on a node that has what they need.</source>
        <translation>请选择为这个系统构建的版本，或者在满足其需求的节点上运行 conda。</translation>
    </message>
    <message>
        <source>The requested packages cannot be installed together: %1.</source>
        <translation>所请求的软件包无法同时安装：%1。</translation>
    </message>
    <message>
        <source>The requested packages cannot be installed together: they need different versions of %1.</source>
        <translation>所请求的软件包无法同时安装：它们需要不同版本的 %1。</translation>
    </message>
    <message>
        <source>Pick a Python version that all the packages support (or leave out the python= pin and let conda choose), or put the package that needs another Python in a separate environment.</source>
        <translation>请选一个所有软件包都支持的 Python 版本（或去掉 python= 版本限定，让 conda 自己选择），或者把需要其他 Python 版本的软件包放到单独的环境中。</translation>
    </message>
    <message>
        <source>Loosen or remove a version pin, take the packages from one channel (for example only conda-forge), or install the conflicting package in a separate environment.</source>
        <translation>请放宽或去掉某个版本限定，从同一个频道获取软件包（例如只用 conda-forge），或者把有冲突的软件包安装到单独的环境中。</translation>
    </message>
    <message>
        <source>The solver found no set of packages that fits together.</source>
        <translation>求解器找不到一组相互兼容的软件包。</translation>
    </message>
    <message>
        <source>The solver found no set of packages that fits together: %1.</source>
        <translation>求解器找不到一组相互兼容的软件包：%1。</translation>
    </message>
    <message>
        <source>The PyTorch packages ask for different CUDA versions (pytorch-cuda %1). Request one pytorch-cuda version that pytorch, torchvision and torchaudio all support, or leave out their version pins so that conda picks matching builds.</source>
        <translation>这些 PyTorch 软件包要求的 CUDA 版本不一致（pytorch-cuda %1）。请指定一个 pytorch、torchvision 和 torchaudio 都支持的 pytorch-cuda 版本，或者去掉它们的版本限定，让 conda 挑选相互匹配的构建。</translation>
    </message>
    <message>
        <source>Loosen or remove a version pin, take the packages from fewer channels, or install the package that does not fit in a separate environment.</source>
        <translation>请放宽或去掉某个版本限定，减少软件包来源的频道数量，或者把不兼容的软件包安装到单独的环境中。</translation>
    </message>
    <message>
        <source>conda cannot reach its channels: the connection through the network's proxy or its TLS check failed.</source>
        <translation>conda 无法访问它的频道：通过网络代理的连接或 TLS 校验失败了。</translation>
    </message>
    <message>
        <source>Check the proxy settings (proxy_servers in .condarc, https_proxy) and the certificate settings (ssl_verify) with the cluster's staff.</source>
        <translation>请和集群管理员一起检查代理设置（.condarc 中的 proxy_servers、https_proxy）和证书设置（ssl_verify）。</translation>
    </message>
    <message>
        <source>conda could not connect to %1 (%2).</source>
        <translation>conda 无法连接到 %1（%2）。</translation>
    </message>
    <message>
        <source>This machine cannot reach the channel's server. Compute nodes often have no internet access: run conda on the login node, or ask the cluster's staff for a proxy or a mirror of the channels. If it works again later, the network was briefly down.</source>
        <translation>这台机器无法访问频道的服务器。计算节点通常不能上网：请在登录节点上运行 conda，或向集群管理员询问代理或频道镜像。如果稍后又能用了，说明只是网络暂时中断。</translation>
    </message>
    <message>
        <source>The server refused access to %1 (HTTP %2 %3).</source>
        <translation>服务器拒绝访问 %1（HTTP %2 %3）。</translation>
    </message>
    <message>
        <source>Check the channel's name and any access token in .condarc; some channels need a licence or a login.</source>
        <translation>请检查频道名称以及 .condarc 中的访问令牌；有些频道需要许可证或登录。</translation>
    </message>
    <message>
        <source>The address %1 does not exist (HTTP 404).</source>
        <translation>地址 %1 不存在（HTTP 404）。</translation>
    </message>
    <message>
        <source>Check the channel's name or address for typing errors.</source>
        <translation>请检查频道名称或地址是否有拼写错误。</translation>
    </message>
    <message>
        <source>Downloading %1 failed (HTTP %2 %3).</source>
        <translation>下载 %1 失败（HTTP %2 %3）。</translation>
    </message>
    <message>
        <source>The server had a problem. Try again in a few minutes.</source>
        <translation>服务器出了问题，请过几分钟再试。</translation>
    </message>
    <message>
        <source>A channel does not exist or cannot be read.</source>
        <translation>某个频道不存在或无法读取。</translation>
    </message>
    <message>
        <source>The channel %1 does not exist or cannot be read.</source>
        <translation>频道 %1 不存在或无法读取。</translation>
    </message>
    <message>
        <source>Check the channel's spelling (conda-forge, pytorch, nvidia) or its address. A local channel must contain noarch/repodata.json.</source>
        <translation>请检查频道的拼写（conda-forge、pytorch、nvidia）或地址。本地频道必须包含 noarch/repodata.json。</translation>
    </message>
    <message>
        <source>Your disk quota is used up: conda could not write its files.</source>
        <translation>你的磁盘配额已用完：conda 无法写入它的文件。</translation>
    </message>
    <message>
        <source>Your disk quota is used up: conda could not write %1.</source>
        <translation>你的磁盘配额已用完：conda 无法写入 %1。</translation>
    </message>
    <message>
        <source>Check your quota (quota -s, or the cluster's own command), remove cached downloads with “conda clean --all”, and keep environments and the package cache where you have more quota (conda config --add envs_dirs DIR and --add pkgs_dirs DIR, for example in a project or scratch space).</source>
        <translation>请查看你的配额（quota -s，或集群自己的命令），用“conda clean --all”清除缓存的下载文件，并把环境和软件包缓存放到配额更充足的地方（conda config --add envs_dirs DIR 和 --add pkgs_dirs DIR，例如放在项目空间或 scratch 空间中）。</translation>
    </message>
    <message>
        <source>The disk is full: conda could not write its files.</source>
        <translation>磁盘已满：conda 无法写入它的文件。</translation>
    </message>
    <message>
        <source>The disk is full: conda could not write %1.</source>
        <translation>磁盘已满：conda 无法写入 %1。</translation>
    </message>
    <message>
        <source>Free space: “conda clean --all” removes cached downloads. If the file system is small (often the home directory), put the package cache and environments on a larger one (conda config --add pkgs_dirs DIR and --add envs_dirs DIR).</source>
        <translation>释放空间：“conda clean --all”会清除缓存的下载文件。如果文件系统较小（通常是家目录），请把软件包缓存和环境放到更大的文件系统上（conda config --add pkgs_dirs DIR 和 --add envs_dirs DIR）。</translation>
    </message>
    <message>
        <source>An environment with this name already exists.</source>
        <translation>已存在同名环境。</translation>
    </message>
    <message>
        <source>An environment already exists at %1.</source>
        <translation>%1 处已存在一个环境。</translation>
    </message>
    <message>
        <source>Install into it instead (conda install -n NAME ...), choose another name, or remove it first (conda env remove -n NAME) to start over.</source>
        <translation>可以改为安装到这个环境中（conda install -n NAME ...），换一个名称，或者先删除它（conda env remove -n NAME）再重新开始。</translation>
    </message>
    <message>
        <source>There is no conda environment %1.</source>
        <translation>不存在 conda 环境 %1。</translation>
    </message>
    <message>
        <source>Check the name with “conda env list”, or create the environment first.</source>
        <translation>请用“conda env list”核对名称，或者先创建该环境。</translation>
    </message>
    <message>
        <source>conda does not understand the package spec “%1”.</source>
        <translation>conda 无法理解软件包说明“%1”。</translation>
    </message>
    <message>
        <source>conda does not understand the package spec “%1” (%2).</source>
        <translation>conda 无法理解软件包说明“%1”（%2）。</translation>
    </message>
    <message>
        <source>Write package specs as name, name=1.2, name&gt;=1.2,&lt;2 or channel::name.</source>
        <translation>软件包说明请写成 name、name=1.2、name&gt;=1.2,&lt;2 或 channel::name。</translation>
    </message>
    <message>
        <source>“conda activate” does not work in this shell: conda's shell functions are not loaded (conda init has not set up this shell).</source>
        <translation>“conda activate”在这个 shell 中不可用：conda 的 shell 函数没有加载（conda init 尚未配置这个 shell）。</translation>
    </message>
    <message>
        <source>Load them first with “. BASE/etc/profile.d/conda.sh” (BASE is conda's base environment; Onramp does this for its own commands), or run programs with “conda run -n ENV ...”. “conda init bash” sets up your interactive shells for good.</source>
        <translation>请先用“. BASE/etc/profile.d/conda.sh”加载它们（BASE 是 conda 的 base 环境；Onramp 运行自己的命令时会这样做），或者用“conda run -n ENV ...”运行程序。“conda init bash”会永久配置你的交互式 shell。</translation>
    </message>
    <message>
        <source>“%1” is not installed in this environment (command not found).</source>
        <translation>“%1”没有安装在这个环境中（command not found）。</translation>
    </message>
    <message>
        <source>Install the package that provides it into the environment (conda install -n ENV PACKAGE), or check the spelling.</source>
        <translation>请把提供它的软件包安装到该环境中（conda install -n ENV PACKAGE），或者检查拼写。</translation>
    </message>
    <message>
        <source>The command “%1” failed inside the environment.</source>
        <translation>命令“%1”在环境中运行失败。</translation>
    </message>
    <message>
        <source>Its own error messages come just before conda's line; they tell what went wrong.</source>
        <translation>它自己的错误信息就在 conda 那一行之前，说明了出错的原因。</translation>
    </message>
    <message>
        <source>conda stopped with an error (%1).</source>
        <translation>conda 因错误而停止（%1）。</translation>
    </message>
    <message>
        <source>conda stopped with an error (%1): %2</source>
        <translation>conda 因错误而停止（%1）：%2</translation>
    </message>
    <message>
        <source>Read conda's message below. If it does not tell what to do, send it to the cluster's helpdesk.</source>
        <translation>请阅读下方 conda 的信息。如果其中没有说明该怎么做，请把它发给集群的技术支持。</translation>
    </message>
    <message>
        <source>conda crashed with an internal error.</source>
        <translation>conda 因内部错误而崩溃。</translation>
    </message>
    <message>
        <source>conda crashed with an internal error: %1</source>
        <translation>conda 因内部错误而崩溃：%1</translation>
    </message>
    <message>
        <source>Run the same command again without --json to see conda's own message; if it crashes again, send the output to the cluster's helpdesk.</source>
        <translation>请去掉 --json 再运行一次同样的命令，查看 conda 自己的信息；如果仍然崩溃，请把输出发给集群的技术支持。</translation>
    </message>
    <message>
        <source>The output of “conda info --json” does not look like conda's information.</source>
        <translation>“conda info --json”的输出看起来不像 conda 的信息。</translation>
    </message>
    <message>
        <source>The output of “conda env list --json” has no list of environments.</source>
        <translation>“conda env list --json”的输出中没有环境列表。</translation>
    </message>
    <message>
        <source>The output of “conda env list --json” lists something that is not an environment path.</source>
        <translation>“conda env list --json”的输出中列出了不是环境路径的内容。</translation>
    </message>
    <message>
        <source>A line of “conda env list” could not be read.</source>
        <translation>无法读取“conda env list”的某一行。</translation>
    </message>
    <message>
        <source>The output of “conda env list” has no table of environments.</source>
        <translation>“conda env list”的输出中没有环境表格。</translation>
    </message>
    <message>
        <source>The output of “conda list --json” is not a list of packages.</source>
        <translation>“conda list --json”的输出不是软件包列表。</translation>
    </message>
    <message>
        <source>The output of “conda list --json” has an entry without a package name or version.</source>
        <translation>“conda list --json”的输出中有一项缺少软件包名称或版本。</translation>
    </message>
    <message>
        <source>The table of “conda list” has columns Onramp does not know.</source>
        <translation>“conda list”的表格中有 Onramp 不认识的列。</translation>
    </message>
    <message>
        <source>A line of “conda list” could not be read.</source>
        <translation>无法读取“conda list”的某一行。</translation>
    </message>
    <message>
        <source>The output of “conda list” has no table of packages.</source>
        <translation>“conda list”的输出中没有软件包表格。</translation>
    </message>
    <message>
        <source>conda printed nothing where Onramp expected JSON.</source>
        <translation>在 Onramp 期望得到 JSON 的地方，conda 什么也没有输出。</translation>
    </message>
    <message>
        <source>conda's answer could not be read as JSON.</source>
        <translation>无法把 conda 的回应解析为 JSON。</translation>
    </message>
    <message>
        <source>conda's plan contains an action Onramp does not know (%1), so it cannot be shown completely.</source>
        <translation>conda 的计划中包含 Onramp 不认识的操作（%1），因此无法完整显示。</translation>
    </message>
    <message>
        <source>conda's plan could not be read: a list of packages has an unexpected form.</source>
        <translation>无法读取 conda 的计划：某个软件包列表的格式不符合预期。</translation>
    </message>
    <message>
        <source>conda's plan could not be read: a package in it has no name or version.</source>
        <translation>无法读取 conda 的计划：其中有个软件包缺少名称或版本。</translation>
    </message>
    <message>
        <source>conda's answer is not a package plan.</source>
        <translation>conda 的回应不是软件包安装计划。</translation>
    </message>
    <message>
        <source>conda stopped with an error instead of making a plan (%1).</source>
        <translation>conda 因错误而停止，没有生成计划（%1）。</translation>
    </message>
    <message>
        <source>A line of conda's package plan could not be read.</source>
        <translation>无法读取 conda 软件包计划中的一行。</translation>
    </message>
    <message>
        <source>conda's package plan has a section Onramp does not know (“%1”), so it cannot be shown completely.</source>
        <translation>conda 的软件包计划中有一个 Onramp 不认识的部分（“%1”），因此无法完整显示。</translation>
    </message>
    <message>
        <source>There is no package plan in conda's output.</source>
        <translation>conda 的输出中没有软件包计划。</translation>
    </message>
    <message>
        <source>Starting conda</source>
        <translation>正在启动 conda</translation>
    </message>
    <message>
        <source>Collecting package metadata</source>
        <translation>正在收集软件包元数据</translation>
    </message>
    <message>
        <source>Solving the environment</source>
        <translation>正在求解环境</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>正在等待确认</translation>
    </message>
    <message>
        <source>Downloading and extracting packages</source>
        <translation>正在下载并解压软件包</translation>
    </message>
    <message>
        <source>Preparing the transaction</source>
        <translation>正在准备事务</translation>
    </message>
    <message>
        <source>Verifying the transaction</source>
        <translation>正在验证事务</translation>
    </message>
    <message>
        <source>Installing the packages</source>
        <translation>正在安装软件包</translation>
    </message>
    <message>
        <source>Rolling back the transaction</source>
        <translation>正在回滚事务</translation>
    </message>
    <message>
        <source>This is a problem of the node, not of your setup: ask Slurm for another node and tell the cluster's admins.</source>
        <translation>这是节点的问题，不是你的配置有误：请向 Slurm 申请另一个节点，并告知集群管理员。</translation>
    </message>
    <message>
        <source>This is a problem of node %1, not of your setup: ask Slurm for another node (srun --exclude=%1 ...) and tell the cluster's admins.</source>
        <translation>这是节点 %1 的问题，不是你的配置有误：请向 Slurm 申请另一个节点（srun --exclude=%1 ...），并告知集群管理员。</translation>
    </message>
    <message>
        <source>PyTorch found no NVIDIA driver because this ran on the login node, which has no GPU.</source>
        <translation>PyTorch 没有找到 NVIDIA 驱动，因为这是在登录节点上运行的，而登录节点没有 GPU。</translation>
    </message>
    <message>
        <source>nvidia-smi found no NVIDIA driver because this ran on the login node, which has no GPU.</source>
        <translation>nvidia-smi 没有找到 NVIDIA 驱动，因为这是在登录节点上运行的，而登录节点没有 GPU。</translation>
    </message>
    <message>
        <source>You are on the login node: GPUs are only visible inside a job with --gres=gpu:1. Run the check inside one, for example srun --gres=gpu:1 nvidia-smi.</source>
        <translation>你现在在登录节点上：只有在带 --gres=gpu:1 的作业中才能看到 GPU。请在这样的作业中运行检查，例如 srun --gres=gpu:1 nvidia-smi。</translation>
    </message>
    <message>
        <source>PyTorch found no NVIDIA driver because this job asked for no GPU.</source>
        <translation>PyTorch 没有找到 NVIDIA 驱动，因为这个作业没有申请 GPU。</translation>
    </message>
    <message>
        <source>nvidia-smi found no NVIDIA driver because this job asked for no GPU.</source>
        <translation>nvidia-smi 没有找到 NVIDIA 驱动，因为这个作业没有申请 GPU。</translation>
    </message>
    <message>
        <source>A job only sees the GPUs it asks for: add --gres=gpu:1 (and the GPU partition, if the cluster has one) to srun or sbatch.</source>
        <translation>作业只能看到它申请的 GPU：请在 srun 或 sbatch 中加上 --gres=gpu:1（如果集群有 GPU 分区，也要指定该分区）。</translation>
    </message>
    <message>
        <source>PyTorch cannot reach the NVIDIA driver although this job has a GPU.</source>
        <translation>这个作业虽然分配到了 GPU，但 PyTorch 无法访问 NVIDIA 驱动。</translation>
    </message>
    <message>
        <source>nvidia-smi cannot reach the NVIDIA driver although this job has a GPU.</source>
        <translation>这个作业虽然分配到了 GPU，但 nvidia-smi 无法访问 NVIDIA 驱动。</translation>
    </message>
    <message>
        <source>PyTorch found no NVIDIA driver. This is normal on a login node.</source>
        <translation>PyTorch 没有找到 NVIDIA 驱动。在登录节点上这是正常的。</translation>
    </message>
    <message>
        <source>nvidia-smi found no NVIDIA driver. This is normal on a login node.</source>
        <translation>nvidia-smi 没有找到 NVIDIA 驱动。在登录节点上这是正常的。</translation>
    </message>
    <message>
        <source>GPUs are only visible inside a job with --gres=gpu:1: run the check inside one, for example srun --gres=gpu:1 nvidia-smi. If it already ran in such a job, the node's driver is broken: tell the cluster's admins.</source>
        <translation>只有在带 --gres=gpu:1 的作业中才能看到 GPU：请在这样的作业中运行检查，例如 srun --gres=gpu:1 nvidia-smi。如果它已经是在这样的作业中运行的，说明该节点的驱动出了问题：请告知集群管理员。</translation>
    </message>
    <message>
        <source>The NVIDIA driver on this node was updated, but the old version is still loaded (driver/library version mismatch); no program can use its GPUs until the node is rebooted.</source>
        <translation>该节点上的 NVIDIA 驱动已经更新，但加载的仍是旧版本（driver/library version mismatch）；在节点重启之前，任何程序都无法使用它的 GPU。</translation>
    </message>
    <message>
        <source>PyTorch found the NVIDIA driver but no GPU it may use.</source>
        <translation>PyTorch 找到了 NVIDIA 驱动，但没有可供它使用的 GPU。</translation>
    </message>
    <message>
        <source>The NVIDIA driver works, but no GPU is visible to this process.</source>
        <translation>NVIDIA 驱动工作正常，但这个进程看不到任何 GPU。</translation>
    </message>
    <message>
        <source>The job has a GPU, so something hides it: check that your script or .bashrc does not change CUDA_VISIBLE_DEVICES.</source>
        <translation>作业分配到了 GPU，说明有东西把它隐藏了：请检查你的脚本或 .bashrc 是否修改了 CUDA_VISIBLE_DEVICES。</translation>
    </message>
    <message>
        <source>Ask Slurm for a GPU with --gres=gpu:1, and check that your script or .bashrc does not change CUDA_VISIBLE_DEVICES.</source>
        <translation>请用 --gres=gpu:1 向 Slurm 申请 GPU，并检查你的脚本或 .bashrc 是否修改了 CUDA_VISIBLE_DEVICES。</translation>
    </message>
    <message>
        <source>A GPU of this node has stopped responding (nvidia-smi cannot reach it).</source>
        <translation>该节点的一块 GPU 已停止响应（nvidia-smi 无法访问它）。</translation>
    </message>
    <message>
        <source>nvidia-smi could not start NVML, the driver's management library: %1.</source>
        <translation>nvidia-smi 无法启动 NVML（驱动的管理库）：%1。</translation>
    </message>
    <message>
        <source>This is usually a problem of the node or of a container, not of your setup: try another node, and tell the cluster's admins if it persists.</source>
        <translation>这通常是节点或容器的问题，不是你的配置有误：请换一个节点试试，如果问题仍然存在，请告知集群管理员。</translation>
    </message>
    <message>
        <source>nvidia-smi is not installed on this compute node, so it most likely has no NVIDIA GPU.</source>
        <translation>这个计算节点上没有安装 nvidia-smi，所以它很可能没有 NVIDIA GPU。</translation>
    </message>
    <message>
        <source>Run the job on the GPU partition (srun -p with its name) and ask for a GPU with --gres=gpu:1.</source>
        <translation>请在 GPU 分区上运行作业（用 srun -p 加分区名），并用 --gres=gpu:1 申请 GPU。</translation>
    </message>
    <message>
        <source>nvidia-smi is not installed here. Login nodes often have no GPU driver at all.</source>
        <translation>这里没有安装 nvidia-smi。登录节点通常根本没有 GPU 驱动。</translation>
    </message>
    <message>
        <source>You are probably on the login node: GPUs are only visible inside a job with --gres=gpu:1. Run the check inside one, for example srun --gres=gpu:1 nvidia-smi.</source>
        <translation>你可能在登录节点上：只有在带 --gres=gpu:1 的作业中才能看到 GPU。请在这样的作业中运行检查，例如 srun --gres=gpu:1 nvidia-smi。</translation>
    </message>
    <message>
        <source>This node's nvidia-smi does not know the field “%1”: its driver is older than Onramp expected.</source>
        <translation>该节点的 nvidia-smi 不认识字段“%1”：它的驱动比 Onramp 预期的要旧。</translation>
    </message>
    <message>
        <source>Onramp can ask for fewer fields. If you see this often, tell the Onramp developers which driver the node has (nvidia-smi shows it).</source>
        <translation>Onramp 可以少查询一些字段。如果你经常看到这条信息，请告诉 Onramp 开发者该节点的驱动版本（nvidia-smi 会显示）。</translation>
    </message>
    <message>
        <source>The GPU driver on this node supports CUDA up to %1, which is too old for this PyTorch build.</source>
        <translation>该节点上的 GPU 驱动最高只支持 CUDA %1，对这个 PyTorch 版本来说太旧了。</translation>
    </message>
    <message>
        <source>The GPU driver on this node supports CUDA up to %1, but this PyTorch was built for CUDA %2, which needs a newer driver.</source>
        <translation>该节点上的 GPU 驱动最高只支持 CUDA %1，但这个 PyTorch 是为 CUDA %2 编译的，需要更新的驱动。</translation>
    </message>
    <message>
        <source>Install a PyTorch build for CUDA %1 or older, for example by adding "cuda-version&lt;=%1" to the conda install command (or choose an older pytorch-cuda), or ask the cluster's admins for nodes with a newer driver.</source>
        <translation>请安装适用于 CUDA %1 或更低版本的 PyTorch，例如在 conda install 命令中加上 "cuda-version&lt;=%1"（或选择较旧的 pytorch-cuda），也可以请集群管理员提供驱动更新的节点。</translation>
    </message>
    <message>
        <source>PyTorch could not start the CUDA driver: no usable GPU is assigned to this process.</source>
        <translation>PyTorch 无法启动 CUDA 驱动：没有为这个进程分配可用的 GPU。</translation>
    </message>
    <message>
        <source>The job has a GPU, so it may be in a bad state or hidden: check that your script does not change CUDA_VISIBLE_DEVICES, and if it does not, ask Slurm for another node and tell the cluster's admins.</source>
        <translation>作业分配到了 GPU，所以它可能处于异常状态或被隐藏了：请检查你的脚本是否修改了 CUDA_VISIBLE_DEVICES；如果没有，请向 Slurm 申请另一个节点，并告知集群管理员。</translation>
    </message>
    <message>
        <source>Run it inside a job that asks for a GPU (srun --gres=gpu:1 ...), and check that your script does not change CUDA_VISIBLE_DEVICES.</source>
        <translation>请在申请了 GPU 的作业中运行（srun --gres=gpu:1 ...），并检查你的脚本是否修改了 CUDA_VISIBLE_DEVICES。</translation>
    </message>
    <message>
        <source>This PyTorch build has no code for this node's GPU model.</source>
        <translation>这个 PyTorch 版本不包含适用于该节点 GPU 型号的代码。</translation>
    </message>
    <message>
        <source>Install a newer PyTorch build (one made for a newer CUDA); the installed one is older than this GPU.</source>
        <translation>请安装更新的 PyTorch 版本（为更新的 CUDA 编译的版本）；已安装的版本比这块 GPU 旧。</translation>
    </message>
    <message>
        <source>A CPU-only build of PyTorch is installed (torch.version.cuda is None), so it cannot use any GPU.</source>
        <translation>安装的是仅支持 CPU 的 PyTorch（torch.version.cuda 为 None），因此无法使用任何 GPU。</translation>
    </message>
    <message>
        <source>This happens when conda solves the environment on a node without a GPU driver, such as the login node. Reinstall PyTorch with CONDA_OVERRIDE_CUDA set to the CUDA version nvidia-smi shows on a GPU node, or run the installation inside a GPU job.</source>
        <translation>当 conda 在没有 GPU 驱动的节点（例如登录节点）上求解环境时，就会出现这种情况。请重新安装 PyTorch，并把 CONDA_OVERRIDE_CUDA 设为在 GPU 节点上 nvidia-smi 显示的 CUDA 版本，或者在 GPU 作业中进行安装。</translation>
    </message>
    <message>
        <source>This happens when conda solves the environment on a node without a GPU driver, such as the login node. Reinstall PyTorch with CONDA_OVERRIDE_CUDA=%1 set before the conda command, or run the installation inside a GPU job.</source>
        <translation>当 conda 在没有 GPU 驱动的节点（例如登录节点）上求解环境时，就会出现这种情况。请在 conda 命令前设置 CONDA_OVERRIDE_CUDA=%1 后重新安装 PyTorch，或者在 GPU 作业中进行安装。</translation>
    </message>
    <message>
        <source>PyTorch is not installed in this Python environment.</source>
        <translation>这个 Python 环境中没有安装 PyTorch。</translation>
    </message>
    <message>
        <source>Install it in this environment (Onramp's install step does this), or check that the right environment is activated.</source>
        <translation>请在这个环境中安装它（Onramp 的安装步骤会完成这一步），或检查激活的环境是否正确。</translation>
    </message>
    <message>
        <source>The environment's Python was not found: the environment does not exist, or not where Onramp looked for it.</source>
        <translation>找不到该环境的 Python：环境不存在，或者不在 Onramp 查找的位置。</translation>
    </message>
    <message>
        <source>Check the environment's name with conda env list, and create it if it is missing (Onramp's setup does this).</source>
        <translation>请用 conda env list 核对环境名称，如果环境不存在就创建它（Onramp 的配置步骤会完成这一步）。</translation>
    </message>
    <message>
        <source>conda was not found where Onramp looked for it.</source>
        <translation>Onramp 在查找的位置没有找到 conda。</translation>
    </message>
    <message>
        <source>Check where conda is installed on the cluster (for example with ls ~/miniconda3/bin/conda) and set that path in Onramp's profile.</source>
        <translation>请确认 conda 在集群上的安装位置（例如用 ls ~/miniconda3/bin/conda），并在 Onramp 的配置文件中设置该路径。</translation>
    </message>
    <message>
        <source>nvidia-smi's output contains binary data, not text.</source>
        <translation>nvidia-smi 的输出包含二进制数据，而不是文本。</translation>
    </message>
    <message>
        <source>Onramp cannot tell the columns of nvidia-smi's output apart: it has no header line.</source>
        <translation>Onramp 无法区分 nvidia-smi 输出中的各列：输出中没有表头行。</translation>
    </message>
    <message>
        <source>Line %1 of nvidia-smi's output has %2 values, but %3 were expected. The output may be cut off or from an nvidia-smi Onramp does not know.</source>
        <translation>nvidia-smi 输出的第 %1 行有 %2 个值，但预期为 %3 个。输出可能被截断，或者来自 Onramp 不认识的 nvidia-smi 版本。</translation>
    </message>
    <message>
        <source>nvidia-smi printed “%1” for %2, which is not a value Onramp understands.</source>
        <translation>nvidia-smi 为 %2 输出了“%1”，Onramp 无法理解这个值。</translation>
    </message>
    <message>
        <source>Onramp could not read a GPU row of the nvidia-smi table.</source>
        <translation>Onramp 无法读取 nvidia-smi 表格中的一行 GPU 信息。</translation>
    </message>
    <message>
        <source>Onramp asked nvidia-smi for no field at all.</source>
        <translation>Onramp 没有向 nvidia-smi 查询任何字段。</translation>
    </message>
    <message>
        <source>“%1” is not an nvidia-smi query field.</source>
        <translation>“%1”不是 nvidia-smi 的查询字段。</translation>
    </message>
    <message>
        <source>nvidia-smi printed the column names but no GPU.</source>
        <translation>nvidia-smi 输出了列名，但没有列出任何 GPU。</translation>
    </message>
    <message>
        <source>nvidia-smi printed nothing.</source>
        <translation>nvidia-smi 没有任何输出。</translation>
    </message>
    <message>
        <source>This is not an nvidia-smi table: the line with the driver version is missing.</source>
        <translation>这不是 nvidia-smi 表格：缺少显示驱动版本的那一行。</translation>
    </message>
    <message>
        <source>The nvidia-smi table ends in the middle; Onramp did not get all of it.</source>
        <translation>nvidia-smi 表格在中途结束了；Onramp 没有收到完整内容。</translation>
    </message>
    <message>
        <source>Onramp could not read a process row of the nvidia-smi table.</source>
        <translation>Onramp 无法读取 nvidia-smi 表格中的一行进程信息。</translation>
    </message>
    <message>
        <source>The nvidia-smi table lists no GPU.</source>
        <translation>nvidia-smi 表格中没有列出任何 GPU。</translation>
    </message>
    <message>
        <source>Onramp could not read line %1 of nvidia-smi's GPU list.</source>
        <translation>Onramp 无法读取 nvidia-smi GPU 列表的第 %1 行。</translation>
    </message>
    <message>
        <source>nvidia-smi did not print its driver version.</source>
        <translation>nvidia-smi 没有输出驱动版本。</translation>
    </message>
    <message>
        <source>The PyTorch check did not finish in time: starting CUDA hung.</source>
        <translation>PyTorch 检查没有按时完成：启动 CUDA 时卡住了。</translation>
    </message>
    <message>
        <source>A hanging GPU start is usually a problem of the node: ask Slurm for another node, and tell the cluster's admins if it happens again.</source>
        <translation>GPU 启动卡住通常是节点的问题：请向 Slurm 申请另一个节点，如果再次出现，请告知集群管理员。</translation>
    </message>
    <message>
        <source>Onramp's PyTorch check is missing from this build.</source>
        <translation>这个 Onramp 版本中缺少 PyTorch 检查。</translation>
    </message>
    <message>
        <source>The time limit of the PyTorch check must be between 0 and 3600 seconds.</source>
        <translation>PyTorch 检查的时间限制必须在 0 到 3600 秒之间。</translation>
    </message>
    <message>
        <source>“%1” is not a usable path for the environment's Python.</source>
        <translation>“%1”不是可用的环境 Python 路径。</translation>
    </message>
    <message>
        <source>“%1” is not a usable path for conda.</source>
        <translation>“%1”不是可用的 conda 路径。</translation>
    </message>
    <message>
        <source>Onramp needs either the name or the folder of the environment to check, not both.</source>
        <translation>要检查的环境，Onramp 只需要名称或文件夹其中之一，不能同时提供。</translation>
    </message>
    <message>
        <source>“%1” is not a valid conda environment name.</source>
        <translation>“%1”不是有效的 conda 环境名称。</translation>
    </message>
    <message>
        <source>“%1” is not a usable path for the environment's folder.</source>
        <translation>“%1”不是可用的环境文件夹路径。</translation>
    </message>
    <message>
        <source>The PyTorch check printed nothing.</source>
        <translation>PyTorch 检查没有任何输出。</translation>
    </message>
    <message>
        <source>The PyTorch check did not print its result; it may not have run in the environment's Python.</source>
        <translation>PyTorch 检查没有输出结果；它可能没有在该环境的 Python 中运行。</translation>
    </message>
    <message>
        <source>Onramp's PyTorch check failed with an unexpected error.</source>
        <translation>Onramp 的 PyTorch 检查因意外错误而失败。</translation>
    </message>
    <message>
        <source>Please report this to the Onramp developers with the error text.</source>
        <translation>请将此问题连同错误信息一起报告给 Onramp 开发者。</translation>
    </message>
    <message>
        <source>PyTorch is not installed in this environment (Python %1 at %2).</source>
        <translation>这个环境中没有安装 PyTorch（Python %1，位于 %2）。</translation>
    </message>
    <message>
        <source>Install it in this environment (Onramp's install step does this), or check that the right environment is used.</source>
        <translation>请在这个环境中安装它（Onramp 的安装步骤会完成这一步），或检查使用的环境是否正确。</translation>
    </message>
    <message>
        <source>PyTorch is installed in this environment but cannot be imported.</source>
        <translation>这个环境中已安装 PyTorch，但无法导入。</translation>
    </message>
    <message>
        <source>The installation is probably broken or mixes pip and conda packages: reinstall PyTorch in this environment.</source>
        <translation>安装可能已损坏，或混用了 pip 和 conda 的软件包：请在这个环境中重新安装 PyTorch。</translation>
    </message>
    <message>
        <source>This PyTorch was built for CUDA %1 but cannot use a GPU here.</source>
        <translation>这个 PyTorch 是为 CUDA %1 编译的，但在这里无法使用 GPU。</translation>
    </message>
    <message>
        <source>Run it inside a job that asks for a GPU (srun --gres=gpu:1 ...). If it already does, the node's driver may be broken: tell the cluster's admins.</source>
        <translation>请在申请了 GPU 的作业中运行（srun --gres=gpu:1 ...）。如果已经是这样，可能是该节点的驱动出了问题：请告知集群管理员。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message numerus="yes">
        <source>The job asked Slurm for %n GPU(s), but PyTorch sees %1.</source>
        <translation>
            <numerusform>作业向 Slurm 申请了 %n 块 GPU，但 PyTorch 只看到 %1 块。</numerusform>
        </translation>
    </message>
    <message>
        <source>Check CUDA_VISIBLE_DEVICES (now: %1): your script or .bashrc may change it. If it is right, one of the job's GPUs is not working: tell the cluster's admins.</source>
        <translation>请检查 CUDA_VISIBLE_DEVICES（当前值：%1）：你的脚本或 .bashrc 可能修改了它。如果它是正确的，说明作业的某块 GPU 无法正常工作：请告知集群管理员。</translation>
    </message>
    <message>
        <source>This node does not keep jobs to their own GPUs: use only the GPUs in CUDA_VISIBLE_DEVICES (now: %1), other people's jobs may be running on the others.</source>
        <translation>该节点不会把作业限制在分配给它的 GPU 上：请只使用 CUDA_VISIBLE_DEVICES（当前值：%1）中的 GPU，其他 GPU 上可能正在运行别人的作业。</translation>
    </message>
    <message>
        <source>This PyTorch build has no code for the %1 (compute capability %2).</source>
        <translation>这个 PyTorch 版本不包含适用于 %1（计算能力 %2）的代码。</translation>
    </message>
    <message>
        <source>PyTorch reports the GPU as available, but a first computation on it failed.</source>
        <translation>PyTorch 报告 GPU 可用，但在上面进行的第一次计算失败了。</translation>
    </message>
    <message>
        <source>Read the error below. If it mentions memory or a busy device, another process may be using the GPU; otherwise tell the cluster's admins.</source>
        <translation>请阅读下面的错误信息。如果提到内存或设备忙，可能有其他进程正在使用该 GPU；否则请告知集群管理员。</translation>
    </message>
    <message>
        <source>expected Key=Value pairs</source>
        <translation>应为 Key=Value 形式的键值对</translation>
    </message>
    <message>
        <source>expected a record starting with %1=</source>
        <translation>应为以 %1= 开头的记录</translation>
    </message>
    <message>
        <source>scontrol printed a job whose id Onramp cannot read: “%1”.</source>
        <translation>scontrol 输出了一个 Onramp 无法读取其 ID 的作业：“%1”。</translation>
    </message>
    <message>
        <source>scontrol printed a node without a name.</source>
        <translation>scontrol 输出了一个没有名称的节点。</translation>
    </message>
    <message>
        <source>scontrol printed a partition without a name.</source>
        <translation>scontrol 输出了一个没有名称的分区。</translation>
    </message>
    <message>
        <source>The waiting time for an allocation must be between 0 and 3600 seconds.</source>
        <translation>等待资源分配的时间必须在 0 到 3600 秒之间。</translation>
    </message>
    <message>
        <source>Your job is waiting in the queue: jobs with a higher priority go first.</source>
        <translation>你的作业正在队列中排队等待：优先级更高的作业会先运行。</translation>
    </message>
    <message>
        <source>Wait: it starts when its turn comes. Smaller and shorter requests often start sooner.</source>
        <translation>请耐心等待：轮到它时就会开始运行。申请的资源越少、时间越短，通常越早开始。</translation>
    </message>
    <message>
        <source>Your job is waiting for resources: the GPUs, CPUs or memory it asks for are in use by other jobs right now.</source>
        <translation>你的作业正在等待资源：它申请的 GPU、CPU 或内存目前正被其他作业占用。</translation>
    </message>
    <message>
        <source>Wait, or ask for fewer GPUs or a shorter time, or try another partition that has free GPUs.</source>
        <translation>请等待，或者减少申请的 GPU 数量、缩短时间，也可以换一个有空闲 GPU 的分区试试。</translation>
    </message>
    <message>
        <source>Your job waits for another job it depends on to finish.</source>
        <translation>你的作业正在等待它所依赖的另一个作业完成。</translation>
    </message>
    <message>
        <source>Wait for that job. If it fails, this job will never start: then cancel this one and submit it again.</source>
        <translation>请等待那个作业。如果它失败了，这个作业将永远不会开始：届时请取消这个作业并重新提交。</translation>
    </message>
    <message>
        <source>Your job can never start: the job it depends on did not end the way it required.</source>
        <translation>你的作业永远无法开始：它所依赖的作业没有按要求的方式结束。</translation>
    </message>
    <message>
        <source>Cancel this job and submit it again without the dependency.</source>
        <translation>请取消这个作业，去掉依赖关系后重新提交。</translation>
    </message>
    <message>
        <source>Your job was asked to start later, and that time has not come yet.</source>
        <translation>你的作业被设定为稍后开始，而开始时间还没到。</translation>
    </message>
    <message>
        <source>Wait until its start time, or cancel it and submit it again without a start time.</source>
        <translation>请等到它的开始时间，或者取消它并在不指定开始时间的情况下重新提交。</translation>
    </message>
    <message>
        <source>Your job is on hold: you, or a tool acting for you, held it.</source>
        <translation>你的作业处于挂起（hold）状态：是你自己或代你操作的工具挂起了它。</translation>
    </message>
    <message>
        <source>Release it with “scontrol release” and the job id, or cancel it if you no longer need it.</source>
        <translation>请用“scontrol release”加作业 ID 释放它；如果不再需要，也可以取消它。</translation>
    </message>
    <message>
        <source>An administrator put your job on hold.</source>
        <translation>管理员挂起了你的作业。</translation>
    </message>
    <message>
        <source>You cannot release it yourself: ask the cluster administrators why it is held.</source>
        <translation>你无法自行释放它：请询问集群管理员它为什么被挂起。</translation>
    </message>
    <message>
        <source>Your job asks for more time than its partition allows, so it will never start.</source>
        <translation>你的作业申请的时间超过了其分区允许的上限，因此永远不会开始。</translation>
    </message>
    <message>
        <source>Cancel it and ask for a shorter time (the partition list shows each limit), or choose a partition with a longer limit.</source>
        <translation>请取消它并申请更短的时间（分区列表中显示了各分区的上限），或者选择时间上限更长的分区。</translation>
    </message>
    <message>
        <source>Your job asks for more nodes than its partition allows or has, so it will not start as it is.</source>
        <translation>你的作业申请的节点数超过了其分区允许或拥有的数量，按当前设置不会开始。</translation>
    </message>
    <message>
        <source>Cancel it and ask for fewer nodes (one is enough for most GPU work), or choose a partition with more nodes.</source>
        <translation>请取消它并减少申请的节点数（大多数 GPU 任务一个节点就够了），或者选择节点更多的分区。</translation>
    </message>
    <message>
        <source>The partition of your job is down: it starts no jobs now.</source>
        <translation>你的作业所在的分区已停用（down）：目前不会启动任何作业。</translation>
    </message>
    <message>
        <source>Wait until the administrators bring it back, or cancel and use another partition.</source>
        <translation>请等待管理员恢复该分区，或者取消作业并改用其他分区。</translation>
    </message>
    <message>
        <source>The partition of your job is inactive: it starts no jobs now.</source>
        <translation>你的作业所在的分区处于非活动（inactive）状态：目前不会启动任何作业。</translation>
    </message>
    <message>
        <source>Wait until the administrators activate it, or cancel and use another partition.</source>
        <translation>请等待管理员激活该分区，或者取消作业并改用其他分区。</translation>
    </message>
    <message>
        <source>Your job does not fit the configuration of its partition.</source>
        <translation>你的作业不符合其分区的配置。</translation>
    </message>
    <message>
        <source>Cancel it and check the partition's limits (time, nodes, GPUs), or choose another partition.</source>
        <translation>请取消它并检查该分区的限制（时间、节点、GPU），或者选择其他分区。</translation>
    </message>
    <message>
        <source>You already use as many GPUs as your quality of service (QOS) allows one person at a time; this job waits until some of yours are free.</source>
        <translation>你正在使用的 GPU 数量已达到你的服务质量（QOS）允许单人同时使用的上限；这个作业会一直等到你的某些 GPU 空出来。</translation>
    </message>
    <message>
        <source>Wait for your other GPU jobs to finish, or cancel one you no longer need.</source>
        <translation>请等待你的其他 GPU 作业结束，或者取消不再需要的作业。</translation>
    </message>
    <message>
        <source>You already have as many running jobs as your quality of service (QOS) allows one person; this job waits for one of them to end.</source>
        <translation>你正在运行的作业数量已达到你的服务质量（QOS）允许单人运行的上限；这个作业会等到其中一个结束。</translation>
    </message>
    <message>
        <source>Wait, or cancel a job you no longer need.</source>
        <translation>请等待，或者取消不再需要的作业。</translation>
    </message>
    <message>
        <source>Your group (Slurm account) already uses all the GPUs it may use at once; this job waits until the group's other jobs free some.</source>
        <translation>你的课题组（Slurm 账户）已用完了它可以同时使用的全部 GPU；这个作业会等到组内其他作业释放一些 GPU。</translation>
    </message>
    <message>
        <source>Wait, ask for fewer GPUs, or ask your group who is using its GPUs.</source>
        <translation>请等待、减少申请的 GPU 数量，或者问问组里是谁在使用这些 GPU。</translation>
    </message>
    <message>
        <source>Nodes your job needs are down, drained or reserved, so it cannot start now.</source>
        <translation>你的作业所需的节点处于停用（down）、排空（drained）或预留状态，因此现在无法开始。</translation>
    </message>
    <message>
        <source>If you asked for particular nodes, drop that request; otherwise wait or choose another partition. Before a maintenance, a shorter time limit lets a job finish in time.</source>
        <translation>如果你指定了特定节点，请去掉这个要求；否则请等待或选择其他分区。在维护开始前，设置更短的时间限制可以让作业及时完成。</translation>
    </message>
    <message>
        <source>Your job waits for its reservation to begin.</source>
        <translation>你的作业正在等待其预留（reservation）开始。</translation>
    </message>
    <message>
        <source>Wait for the reservation's start, or cancel and submit without the reservation.</source>
        <translation>请等待预留开始，或者取消作业并在不使用预留的情况下重新提交。</translation>
    </message>
    <message>
        <source>The reservation your job asked for was deleted.</source>
        <translation>你的作业申请的预留已被删除。</translation>
    </message>
    <message>
        <source>Cancel the job and submit it again without the reservation.</source>
        <translation>请取消作业，并在不使用预留的情况下重新提交。</translation>
    </message>
    <message>
        <source>Your job waits for software licenses that are in use.</source>
        <translation>你的作业正在等待被占用的软件许可证。</translation>
    </message>
    <message>
        <source>Wait until licenses are free, or ask for fewer.</source>
        <translation>请等待许可证空闲，或者减少申请的数量。</translation>
    </message>
    <message>
        <source>No node can give your job what it asks for (GPU type or count, features, memory).</source>
        <translation>没有任何节点能满足你的作业的要求（GPU 型号或数量、特性、内存）。</translation>
    </message>
    <message>
        <source>Cancel it and ask for something the nodes have (see the node list), or choose another partition.</source>
        <translation>请取消它并申请节点实际具备的资源（见节点列表），或者选择其他分区。</translation>
    </message>
    <message>
        <source>A node your job needs is down.</source>
        <translation>你的作业所需的一个节点已停用（down）。</translation>
    </message>
    <message>
        <source>Wait, or cancel and submit again so that Slurm picks other nodes.</source>
        <translation>请等待，或者取消后重新提交，让 Slurm 选择其他节点。</translation>
    </message>
    <message>
        <source>The Slurm account of your job is not valid, so it will never start.</source>
        <translation>你的作业的 Slurm 账户无效，因此永远不会开始。</translation>
    </message>
    <message>
        <source>Cancel it and submit with an account you belong to; the administrators can tell you which.</source>
        <translation>请取消它，并使用你所属的账户重新提交；管理员可以告诉你该用哪个账户。</translation>
    </message>
    <message>
        <source>The quality of service (QOS) of your job is not valid, so it will never start.</source>
        <translation>你的作业的服务质量（QOS）无效，因此永远不会开始。</translation>
    </message>
    <message>
        <source>Cancel it and submit with a QOS you may use, or with none.</source>
        <translation>请取消它，并使用你有权使用的 QOS 重新提交，或者不指定 QOS。</translation>
    </message>
    <message>
        <source>Your job's quality of service (QOS) may not be used in its partition or by your account.</source>
        <translation>你的作业的服务质量（QOS）不能在其分区中使用，或者你的账户无权使用。</translation>
    </message>
    <message>
        <source>Cancel it and submit with another QOS or partition.</source>
        <translation>请取消它，并换用其他 QOS 或分区重新提交。</translation>
    </message>
    <message>
        <source>Your Slurm account may not use the partition of this job.</source>
        <translation>你的 Slurm 账户无权使用这个作业的分区。</translation>
    </message>
    <message>
        <source>Cancel it and use a partition open to your account, or ask the administrators for access.</source>
        <translation>请取消它并使用对你的账户开放的分区，或者向管理员申请访问权限。</translation>
    </message>
    <message>
        <source>Your job waits because of a usage limit of your account or QOS.</source>
        <translation>你的作业在等待，因为你的账户或 QOS 达到了使用限额。</translation>
    </message>
    <message>
        <source>Wait for your other jobs to finish, or ask for less (GPUs, time, nodes).</source>
        <translation>请等待你的其他作业结束，或减少申请的资源（GPU、时间、节点）。</translation>
    </message>
    <message>
        <source>Your account has used up the share its QOS allows for now.</source>
        <translation>你的账户已用完其 QOS 当前允许的份额。</translation>
    </message>
    <message>
        <source>Wait until the usage decays, or ask the administrators.</source>
        <translation>请等待使用量随时间衰减，或联系管理员。</translation>
    </message>
    <message>
        <source>Your job asks for more memory per CPU or per node than allowed.</source>
        <translation>你的作业申请的每 CPU 或每节点内存超出了允许的上限。</translation>
    </message>
    <message>
        <source>Cancel it and ask for less memory, or for more CPUs.</source>
        <translation>请取消作业，改为申请更少的内存，或申请更多 CPU。</translation>
    </message>
    <message>
        <source>This array task waits: the array may only run so many tasks at once.</source>
        <translation>这个数组任务在等待：该作业数组同时运行的任务数有上限。</translation>
    </message>
    <message>
        <source>Wait for other tasks of the array to finish.</source>
        <translation>请等待该数组中的其他任务结束。</translation>
    </message>
    <message>
        <source>Slurm is preparing the node for your job.</source>
        <translation>Slurm 正在为你的作业准备节点。</translation>
    </message>
    <message>
        <source>Wait a moment: the job starts when the preparation is done.</source>
        <translation>请稍等：准备完成后作业就会开始运行。</translation>
    </message>
    <message>
        <source>Slurm is cleaning up after an earlier run of this job.</source>
        <translation>Slurm 正在清理这个作业上一次运行留下的内容。</translation>
    </message>
    <message>
        <source>Wait a moment: it is queued again afterwards.</source>
        <translation>请稍等：清理完成后作业会重新排队。</translation>
    </message>
    <message>
        <source>Slurm put off scheduling your job for a short while.</source>
        <translation>Slurm 暂时推迟了对你的作业的调度。</translation>
    </message>
    <message>
        <source>Wait: it is considered again in the next scheduling cycle.</source>
        <translation>请等待：下一个调度周期会再次考虑它。</translation>
    </message>
    <message>
        <source>The cluster's front end node is down.</source>
        <translation>集群的前端节点已宕机。</translation>
    </message>
    <message>
        <source>Wait, and tell the administrators if it lasts.</source>
        <translation>请等待；如果持续很久，请告知管理员。</translation>
    </message>
    <message>
        <source>The cluster has no power budget for your job right now.</source>
        <translation>集群当前没有足够的电力配额来运行你的作业。</translation>
    </message>
    <message>
        <source>Wait, or ask for fewer nodes.</source>
        <translation>请等待，或申请更少的节点。</translation>
    </message>
    <message>
        <source>Your job failed to start too many times and was put on hold.</source>
        <translation>你的作业启动失败次数过多，已被挂起。</translation>
    </message>
    <message>
        <source>Cancel it, check its program and files, and tell the administrators if nodes keep failing.</source>
        <translation>请取消作业，检查它的程序和文件；如果节点持续出错，请告知管理员。</translation>
    </message>
    <message>
        <source>Slurm could not start your job on its node, put it back in the queue and held it.</source>
        <translation>Slurm 无法在分配的节点上启动你的作业，已将其放回队列并挂起。</translation>
    </message>
    <message>
        <source>Cancel it and submit again; if it happens again, tell the administrators (the node may be broken).</source>
        <translation>请取消作业后重新提交；如果再次出现，请告知管理员（节点可能有故障）。</translation>
    </message>
    <message>
        <source>The program of your job ended with an error (a non-zero exit status).</source>
        <translation>你的作业程序以错误结束（退出状态非零）。</translation>
    </message>
    <message>
        <source>Read the job's output file for the program's own error message.</source>
        <translation>请查看作业的输出文件，找到程序自身给出的错误信息。</translation>
    </message>
    <message>
        <source>The program of your job was ended by a signal.</source>
        <translation>你的作业程序被信号终止。</translation>
    </message>
    <message>
        <source>Read the job's output file; the program may have crashed.</source>
        <translation>请查看作业的输出文件；程序可能崩溃了。</translation>
    </message>
    <message>
        <source>Your job was stopped because it reached its time limit.</source>
        <translation>你的作业因达到时间上限而被终止。</translation>
    </message>
    <message>
        <source>Ask for more time next time (up to the partition's limit), or save progress so a new job can continue.</source>
        <translation>下次请申请更长的时间（不超过分区的上限），或在程序中保存进度，以便新作业接着运行。</translation>
    </message>
    <message>
        <source>Your job was stopped because it used more memory than it asked for.</source>
        <translation>你的作业因使用的内存超过申请量而被终止。</translation>
    </message>
    <message>
        <source>Ask for more memory (--mem), or make the program use less.</source>
        <translation>请申请更多内存（--mem），或让程序少用一些内存。</translation>
    </message>
    <message>
        <source>Your job was ended by a failure of the cluster, not of your program.</source>
        <translation>你的作业因集群故障而终止，并非你的程序出了问题。</translation>
    </message>
    <message>
        <source>Submit it again; tell the administrators if it happens again.</source>
        <translation>请重新提交；如果再次出现，请告知管理员。</translation>
    </message>
    <message>
        <source>Slurm could not start the program of your job on its node.</source>
        <translation>Slurm 无法在分配的节点上启动你的作业程序。</translation>
    </message>
    <message>
        <source>Check that the program and its working directory exist on the compute nodes; tell the administrators if it keeps failing.</source>
        <translation>请确认程序及其工作目录在计算节点上存在；如果一直失败，请告知管理员。</translation>
    </message>
    <message>
        <source>Your job was ended because its srun or salloc stopped responding.</source>
        <translation>你的作业已终止，因为它的 srun 或 salloc 停止了响应。</translation>
    </message>
    <message>
        <source>Keep the connection open while an interactive job runs.</source>
        <translation>交互式作业运行期间，请保持连接不要断开。</translation>
    </message>
    <message>
        <source>Your job could not finish before its deadline.</source>
        <translation>你的作业无法在截止时间前完成。</translation>
    </message>
    <message>
        <source>Submit it again with a later deadline or a shorter time.</source>
        <translation>请设置更晚的截止时间或更短的运行时间，然后重新提交。</translation>
    </message>
    <message>
        <source>GPUs (or other generic resources)</source>
        <translation>GPU（或其他通用资源）</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>running jobs</source>
        <translation>运行中的作业</translation>
    </message>
    <message>
        <source>queued jobs</source>
        <translation>排队中的作业</translation>
    </message>
    <message>
        <source>run time</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>licenses</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>billing units</source>
        <translation>计费单位</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>burst buffer space</source>
        <translation>突发缓冲区空间</translation>
    </message>
    <message>
        <source>resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Your job asks for less than the minimum of %1 its quality of service (QOS) requires, so it will not start as it is.</source>
        <translation>你的作业申请的%1少于其服务质量（QOS）要求的最低值，因此按当前设置无法启动。</translation>
    </message>
    <message>
        <source>Cancel it and ask for at least the minimum, or submit with another QOS.</source>
        <translation>请取消作业并至少申请最低要求的数量，或改用其他 QOS 提交。</translation>
    </message>
    <message>
        <source>Your quality of service (QOS) has used up its allowance of time on %1.</source>
        <translation>你的服务质量（QOS）在%1上的可用时长已用完。</translation>
    </message>
    <message>
        <source>Your group (Slurm account) has used up its allowance of time on %1.</source>
        <translation>你的课题组（Slurm 账户）在%1上的可用时长已用完。</translation>
    </message>
    <message>
        <source>Waiting does not help until the allowance is renewed: ask the administrators or your group's coordinator.</source>
        <translation>在额度重新发放之前，等待也没有用：请联系管理员或课题组的负责人。</translation>
    </message>
    <message>
        <source>The running jobs of your group or QOS already reserve as much time on %1 as allowed; this job waits until some of that time is used up.</source>
        <translation>你的课题组或 QOS 中正在运行的作业已占满允许预留的%1时长；这个作业会等到其中部分时长用掉之后再运行。</translation>
    </message>
    <message>
        <source>Wait, or ask for a shorter time limit so the job fits sooner.</source>
        <translation>请等待，或申请更短的时间上限，让作业能更早排上。</translation>
    </message>
    <message>
        <source>All jobs of your quality of service (QOS) together already use the most %1 it allows at once; this job waits until some are free.</source>
        <translation>你的服务质量（QOS）下所有作业合计已占用其同时允许的%1上限；这个作业会等到有资源释放后再运行。</translation>
    </message>
    <message>
        <source>Your group (Slurm account) already uses the most %1 it may use at once; this job waits until the group's other jobs free some.</source>
        <translation>你的课题组（Slurm 账户）已占用其同时可用的%1上限；这个作业会等到课题组的其他作业释放一部分后再运行。</translation>
    </message>
    <message>
        <source>Wait for other jobs to finish, or ask for less.</source>
        <translation>请等待其他作业结束，或少申请一些资源。</translation>
    </message>
    <message>
        <source>Your job asks for more %1 than one job may use under your account's or QOS's limits, so it will not start as it is.</source>
        <translation>你的作业申请的%1超出了账户或 QOS 对单个作业的限制，因此按当前设置无法启动。</translation>
    </message>
    <message>
        <source>Your job asks for more %1 per node than your account's or QOS's limits allow, so it will not start as it is.</source>
        <translation>你的作业每个节点申请的%1超出了账户或 QOS 的限制，因此按当前设置无法启动。</translation>
    </message>
    <message>
        <source>Cancel it and ask for less, or ask the administrators whether another QOS or partition allows more.</source>
        <translation>请取消作业并少申请一些，或询问管理员是否有其他 QOS 或分区允许更多。</translation>
    </message>
    <message>
        <source>Your account already uses the most %1 its quality of service (QOS) allows one account at a time; this job waits until some are free.</source>
        <translation>你的账户已占用其服务质量（QOS）允许单个账户同时使用的%1上限；这个作业会等到有资源释放后再运行。</translation>
    </message>
    <message>
        <source>Wait for other jobs of your account to finish.</source>
        <translation>请等待你账户下的其他作业结束。</translation>
    </message>
    <message>
        <source>You are already at the limit of %1 your account or QOS allows one person at a time; this job waits until your other jobs end or free some.</source>
        <translation>你已达到账户或 QOS 允许每人同时使用的%1上限；这个作业会等到你的其他作业结束或释放一部分后再运行。</translation>
    </message>
    <message>
        <source>Wait for your other jobs to finish, or cancel one you no longer need.</source>
        <translation>请等待你的其他作业结束，或取消一个不再需要的作业。</translation>
    </message>
    <message>
        <source>The nodes are reserved for a maintenance that begins before your job would end.</source>
        <translation>这些节点已预留用于维护，维护开始时间早于你的作业预计结束时间。</translation>
    </message>
    <message>
        <source>Ask for a shorter time so the job ends before the maintenance, or wait until the maintenance is over.</source>
        <translation>请申请更短的时间，让作业在维护前结束，或等维护结束后再运行。</translation>
    </message>
    <message>
        <source>Nodes your job could run on (%1) are down, drained or reserved, so it cannot start now.</source>
        <translation>你的作业可用的节点（%1）处于宕机、排空或预留状态，因此现在无法启动。</translation>
    </message>
    <message>
        <source>Your job is waiting; Slurm gives the reason “%1”.</source>
        <translation>你的作业正在等待；Slurm 给出的原因是“%1”。</translation>
    </message>
    <message>
        <source>Wait a little. If the job does not start, ask the cluster administrators what this reason means.</source>
        <translation>请稍等。如果作业一直没有开始，请询问集群管理员这个原因是什么意思。</translation>
    </message>
    <message>
        <source>No node in this partition has what you asked for, for example that many GPUs on one node, that GPU type, or that much memory.</source>
        <translation>这个分区中没有节点能满足你的申请，例如单个节点上没有那么多 GPU、没有该型号的 GPU，或没有那么多内存。</translation>
    </message>
    <message>
        <source>Ask for fewer GPUs or less memory per node, drop the GPU type, or choose a partition whose nodes have more (see the node list).</source>
        <translation>请减少每个节点的 GPU 数量或内存，去掉 GPU 型号，或选择节点配置更高的分区（见节点列表）。</translation>
    </message>
    <message>
        <source>Slurm does not understand the GPU request (GRES) as written, or this cluster has no such resource.</source>
        <translation>Slurm 无法理解当前写法的 GPU 申请（GRES），或者这个集群没有这种资源。</translation>
    </message>
    <message>
        <source>Ask for GPUs as gpu:N (for example gpu:1), with a GPU type only if the node list shows it, and in a partition that has GPUs.</source>
        <translation>请按 gpu:N 的格式申请 GPU（例如 gpu:1），只有节点列表中出现的 GPU 型号才写上型号，并选择有 GPU 的分区。</translation>
    </message>
    <message>
        <source>There is no partition of that name on this cluster.</source>
        <translation>这个集群上没有这个名称的分区。</translation>
    </message>
    <message>
        <source>Choose one of the partitions in the partition list (names are case-sensitive).</source>
        <translation>请从分区列表中选择一个分区（名称区分大小写）。</translation>
    </message>
    <message>
        <source>The time you asked for is longer than this partition or your account allows.</source>
        <translation>你申请的时间超过了这个分区或你的账户允许的上限。</translation>
    </message>
    <message>
        <source>Ask for less time: at most the partition's time limit shown in the partition list.</source>
        <translation>请申请更短的时间：不超过分区列表中显示的该分区时间上限。</translation>
    </message>
    <message>
        <source>Slurm cannot read the time limit as written.</source>
        <translation>Slurm 无法识别当前写法的时间上限。</translation>
    </message>
    <message>
        <source>Write it as minutes, HH:MM:SS or D-HH:MM:SS, for example 30, 02:00:00 or 1-00:00:00.</source>
        <translation>请写成分钟数、HH:MM:SS 或 D-HH:MM:SS，例如 30、02:00:00 或 1-00:00:00。</translation>
    </message>
    <message>
        <source>The request breaks a limit of your account or quality of service (QOS): too many jobs, GPUs, nodes or too much time.</source>
        <translation>该申请超出了你的账户或服务质量（QOS）的限制：作业、GPU 或节点过多，或时间过长。</translation>
    </message>
    <message>
        <source>Ask for less (fewer GPUs, a shorter time), or wait until your other jobs have finished.</source>
        <translation>请少申请一些（更少的 GPU、更短的时间），或等你的其他作业结束。</translation>
    </message>
    <message>
        <source>The allocation is busy: Slurm starts this step once resources inside it are free.</source>
        <translation>资源分配正忙：其中的资源空出来后，Slurm 就会启动这个作业步。</translation>
    </message>
    <message>
        <source>Wait, or end other steps that use the allocation's GPUs or CPUs.</source>
        <translation>请等待，或结束其他占用该资源分配中 GPU 或 CPU 的作业步。</translation>
    </message>
    <message>
        <source>The resources you asked for are all in use, and the request was not allowed to wait.</source>
        <translation>你申请的资源都在使用中，而该申请不允许排队等待。</translation>
    </message>
    <message>
        <source>Try again later, ask for fewer GPUs, or let the request wait in the queue.</source>
        <translation>请稍后重试、申请更少的 GPU，或允许该申请在队列中等待。</translation>
    </message>
    <message>
        <source>Your Slurm account may not use this partition, or the account is not valid.</source>
        <translation>你的 Slurm 账户无权使用这个分区，或该账户无效。</translation>
    </message>
    <message>
        <source>Choose a partition open to your account, or ask the administrators which account and partition to use.</source>
        <translation>请选择对你的账户开放的分区，或询问管理员应使用哪个账户和分区。</translation>
    </message>
    <message>
        <source>Your user group may not use this partition.</source>
        <translation>你所在的用户组无权使用这个分区。</translation>
    </message>
    <message>
        <source>Choose another partition, or ask the administrators for access.</source>
        <translation>请选择其他分区，或向管理员申请访问权限。</translation>
    </message>
    <message>
        <source>srun was started without a terminal, so the interactive shell cannot work properly.</source>
        <translation>srun 启动时没有终端，因此交互式 shell 无法正常工作。</translation>
    </message>
    <message>
        <source>Open the interactive shell in Onramp's terminal pane; in a terminal of your own, use ssh -t.</source>
        <translation>请在 Onramp 的终端面板中打开交互式 shell；如果使用你自己的终端，请用 ssh -t。</translation>
    </message>
    <message>
        <source>The request does not fit this partition's limits (time, number of nodes or size), so it cannot start as it is.</source>
        <translation>该申请不符合这个分区的限制（时间、节点数或规模），因此按当前设置无法启动。</translation>
    </message>
    <message>
        <source>Ask for less time or fewer nodes (see the partition list), or choose another partition.</source>
        <translation>请申请更短的时间或更少的节点（见分区列表），或选择其他分区。</translation>
    </message>
    <message>
        <source>The partition is inactive or drained: it takes no new jobs now.</source>
        <translation>该分区处于停用或排空状态：目前不接受新作业。</translation>
    </message>
    <message>
        <source>Choose another partition, or wait until it is back.</source>
        <translation>请选择其他分区，或等它恢复。</translation>
    </message>
    <message>
        <source>A node you asked for is down, drained or reserved.</source>
        <translation>你指定的某个节点处于宕机、排空或预留状态。</translation>
    </message>
    <message>
        <source>Drop the request for that node, or wait until it is back.</source>
        <translation>请去掉对该节点的指定，或等它恢复。</translation>
    </message>
    <message>
        <source>This cluster has no default partition, and none was given.</source>
        <translation>这个集群没有默认分区，而你也没有指定分区。</translation>
    </message>
    <message>
        <source>Choose a partition from the partition list.</source>
        <translation>请从分区列表中选择一个分区。</translation>
    </message>
    <message>
        <source>The quality of service (QOS) asked for does not exist or is not yours.</source>
        <translation>申请的服务质量（QOS）不存在，或不属于你。</translation>
    </message>
    <message>
        <source>Leave the QOS out, or ask the administrators which one to use.</source>
        <translation>请不要指定 QOS，或询问管理员应使用哪一个。</translation>
    </message>
    <message>
        <source>No node has as much memory as the request needs.</source>
        <translation>没有任何节点的内存能满足这个申请。</translation>
    </message>
    <message>
        <source>Ask for less memory, or choose a partition with larger nodes.</source>
        <translation>请申请更少的内存，或选择节点内存更大的分区。</translation>
    </message>
    <message>
        <source>The number of nodes asked for is not possible here.</source>
        <translation>这里无法提供所申请的节点数。</translation>
    </message>
    <message>
        <source>Ask for one node, or as many as the partition has.</source>
        <translation>请申请 1 个节点，或不超过该分区的节点总数。</translation>
    </message>
    <message>
        <source>The request asks for more CPUs than permitted.</source>
        <translation>该申请的 CPU 数量超过了允许的上限。</translation>
    </message>
    <message>
        <source>Ask for fewer CPUs or tasks.</source>
        <translation>请申请更少的 CPU 或任务数。</translation>
    </message>
    <message>
        <source>No node has the feature (constraint) asked for.</source>
        <translation>没有任何节点具备所申请的特性（约束）。</translation>
    </message>
    <message>
        <source>Drop the constraint, or use one the node list shows.</source>
        <translation>请去掉该约束，或使用节点列表中显示的特性。</translation>
    </message>
    <message>
        <source>Slurm does not know this job: the id is wrong, or the job ended some time ago.</source>
        <translation>Slurm 找不到这个作业：作业 ID 有误，或作业已结束一段时间了。</translation>
    </message>
    <message>
        <source>Refresh the job list; there is nothing left to do for this job.</source>
        <translation>请刷新作业列表；这个作业已无需任何操作。</translation>
    </message>
    <message>
        <source>The allocation has ended (time limit or cancelled), so nothing more can run in it.</source>
        <translation>该资源分配已结束（达到时间上限或已被取消），无法再在其中运行任何内容。</translation>
    </message>
    <message>
        <source>Start a new allocation.</source>
        <translation>请重新申请一个资源分配。</translation>
    </message>
    <message>
        <source>The job has already ended or is ending.</source>
        <translation>该作业已经结束或正在结束。</translation>
    </message>
    <message>
        <source>Nothing to do: refresh the job list.</source>
        <translation>无需操作：请刷新作业列表。</translation>
    </message>
    <message>
        <source>Slurm refused: this is not allowed for your user (is it your job?).</source>
        <translation>Slurm 拒绝了请求：你的用户无权执行此操作（这是你的作业吗？）。</translation>
    </message>
    <message>
        <source>You can only change or cancel your own jobs.</source>
        <translation>你只能修改或取消自己的作业。</translation>
    </message>
    <message>
        <source>The cluster has disabled this operation for now.</source>
        <translation>集群暂时禁用了此操作。</translation>
    </message>
    <message>
        <source>Try again later, or ask the administrators.</source>
        <translation>请稍后重试，或联系管理员。</translation>
    </message>
    <message>
        <source>Slurm's controller is asking clients to slow down.</source>
        <translation>Slurm 控制器要求客户端降低请求频率。</translation>
    </message>
    <message>
        <source>Wait a few seconds and try again.</source>
        <translation>请等几秒后重试。</translation>
    </message>
    <message>
        <source>Slurm's controller did not answer.</source>
        <translation>Slurm 控制器没有响应。</translation>
    </message>
    <message>
        <source>Try again in a minute; if it lasts, the scheduler is down: tell the administrators.</source>
        <translation>请过一分钟再试；如果一直如此，说明调度器已宕机：请告知管理员。</translation>
    </message>
    <message>
        <source>The job used more memory than it asked for and was stopped.</source>
        <translation>该作业使用的内存超过了申请量，已被终止。</translation>
    </message>
    <message>
        <source>The job was stopped because it reached its time limit.</source>
        <translation>该作业因达到时间上限而被终止。</translation>
    </message>
    <message>
        <source>The job was stopped to make room for a job with precedence.</source>
        <translation>该作业被终止，以便为优先级更高的作业腾出资源。</translation>
    </message>
    <message>
        <source>Submit it again, or use a partition without preemption.</source>
        <translation>请重新提交，或使用不会抢占作业的分区。</translation>
    </message>
    <message>
        <source>The node running the job failed.</source>
        <translation>运行该作业的节点出现故障。</translation>
    </message>
    <message>
        <source>Submit it again; tell the administrators if it repeats.</source>
        <translation>请重新提交；如果反复出现，请告知管理员。</translation>
    </message>
    <message>
        <source>Slurm allocated the resources but could not start the program on the compute node.</source>
        <translation>Slurm 已分配资源，但无法在计算节点上启动程序。</translation>
    </message>
    <message>
        <source>Check that the program exists on the compute node and the working directory is reachable there; try again, and tell the administrators if it keeps failing.</source>
        <translation>请确认程序在计算节点上存在、工作目录在那里可以访问；然后重试，如果一直失败，请告知管理员。</translation>
    </message>
    <message>
        <source>The job or its step was cancelled before it finished (by you, by Onramp or by an administrator).</source>
        <translation>该作业或其作业步在完成前被取消了（由你、Onramp 或管理员取消）。</translation>
    </message>
    <message>
        <source>Start it again if you still need it.</source>
        <translation>如果仍然需要，请重新启动它。</translation>
    </message>
    <message>
        <source>The program ended with an error on the compute node.</source>
        <translation>程序在计算节点上以错误结束。</translation>
    </message>
    <message>
        <source>Read the program's own messages above this line.</source>
        <translation>请查看这一行上方程序自身输出的信息。</translation>
    </message>
    <message>
        <source>This cluster's Slurm is older than an option or output field Onramp used.</source>
        <translation>这个集群的 Slurm 版本过旧，不支持 Onramp 使用的某个选项或输出字段。</translation>
    </message>
    <message>
        <source>Tell the Onramp developers which Slurm version this is (sinfo --version).</source>
        <translation>请告诉 Onramp 开发者这是哪个 Slurm 版本（sinfo --version）。</translation>
    </message>
    <message>
        <source>Slurm's commands are not available on this machine.</source>
        <translation>这台机器上没有可用的 Slurm 命令。</translation>
    </message>
    <message>
        <source>Check that this is the cluster's login node; some sites need “module load slurm” first.</source>
        <translation>请确认这是集群的登录节点；有些集群需要先运行“module load slurm”。</translation>
    </message>
    <message>
        <source>There is no partition named “%1” on this cluster.</source>
        <translation>这个集群上没有名为“%1”的分区。</translation>
    </message>
    <message>
        <source>Slurm reported an error Onramp does not know yet.</source>
        <translation>Slurm 报告了一个 Onramp 尚不认识的错误。</translation>
    </message>
    <message>
        <source>Read Slurm's words below; if they do not help, send them to the cluster administrators.</source>
        <translation>请阅读下方 Slurm 的原始信息；如果看不明白，请把它发给集群管理员。</translation>
    </message>
    <message>
        <source>The job failed.</source>
        <translation>该作业失败了。</translation>
    </message>
    <message>
        <source>The job was cancelled (by you, by Onramp or by an administrator).</source>
        <translation>该作业已被取消（由你、Onramp 或管理员取消）。</translation>
    </message>
    <message>
        <source>The job was put back in the queue and held.</source>
        <translation>该作业已被放回队列并挂起。</translation>
    </message>
    <message>
        <source>Release it with “scontrol release” and the job id, or cancel it.</source>
        <translation>请用“scontrol release”加作业 ID 释放它，或将其取消。</translation>
    </message>
    <message>
        <source>The job is paused.</source>
        <translation>该作业已暂停。</translation>
    </message>
    <message>
        <source>It continues when it is resumed; ask the administrators if it stays paused.</source>
        <translation>恢复后它会继续运行；如果一直处于暂停状态，请询问管理员。</translation>
    </message>
    <message>
        <source>The output of %1 could not be read: it contains binary data (line %2).</source>
        <translation>无法读取 %1 的输出：其中含有二进制数据（第 %2 行）。</translation>
    </message>
    <message>
        <source>The output of %1 could not be read: line %2 is “%3”.</source>
        <translation>无法读取 %1 的输出：第 %2 行是“%3”。</translation>
    </message>
    <message>
        <source>The output of %1 could not be read: line %2 is “%3” (%4).</source>
        <translation>无法读取 %1 的输出：第 %2 行是“%3”（%4）。</translation>
    </message>
    <message>
        <source>%1 of %2 columns</source>
        <translation>%1/%2 列</translation>
    </message>
    <message>
        <source>“%1” is not a duration</source>
        <translation>“%1”不是有效的时长</translation>
    </message>
    <message>
        <source>“%1” is not a generic resource (GRES) list</source>
        <translation>“%1”不是通用资源（GRES）列表</translation>
    </message>
    <message>
        <source>The output of sinfo has no partition column.</source>
        <translation>sinfo 的输出中没有分区这一列。</translation>
    </message>
    <message>
        <source>sinfo listed no partitions: this account may not be allowed to use any.</source>
        <translation>sinfo 没有列出任何分区：这个账号可能无权使用任何分区。</translation>
    </message>
    <message>
        <source>“%1” is not a partition name</source>
        <translation>“%1”不是分区名</translation>
    </message>
    <message>
        <source>“%1” is not a node count</source>
        <translation>“%1”不是节点数</translation>
    </message>
    <message>
        <source>“%1” is not a node list</source>
        <translation>“%1”不是节点列表</translation>
    </message>
    <message>
        <source>The output of sinfo has no node name column.</source>
        <translation>sinfo 的输出中没有节点名这一列。</translation>
    </message>
    <message>
        <source>sinfo listed no nodes.</source>
        <translation>sinfo 没有列出任何节点。</translation>
    </message>
    <message>
        <source>“%1” is not a node name</source>
        <translation>“%1”不是节点名</translation>
    </message>
    <message>
        <source>“%1” is not a CPU count</source>
        <translation>“%1”不是 CPU 数</translation>
    </message>
    <message>
        <source>The output of squeue has no job id or no state column.</source>
        <translation>squeue 的输出中缺少作业 ID 列或状态列。</translation>
    </message>
    <message>
        <source>“%1” is not a job id</source>
        <translation>“%1”不是作业 ID</translation>
    </message>
    <message>
        <source>“%1” is not a job state</source>
        <translation>“%1”不是作业状态</translation>
    </message>
    <message>
        <source>The login node printed nothing: its host name and partitions are missing.</source>
        <translation>登录节点没有输出任何内容：缺少它的主机名和分区信息。</translation>
    </message>
    <message>
        <source>not a host name</source>
        <translation>不是主机名</translation>
    </message>
    <message>
        <source>“%1” is not a valid partition name: use letters, digits, “_”, “-” and “.”.</source>
        <translation>“%1”不是有效的分区名：只能使用字母、数字、“_”、“-”和“.”。</translation>
    </message>
    <message>
        <source>“%1” is not a Slurm job id (expected a number such as 1234, 1234_5 or 1234+1).</source>
        <translation>“%1”不是 Slurm 作业 ID（应为数字，例如 1234、1234_5 或 1234+1）。</translation>
    </message>
    <message>
        <source>“%1” is not a time limit Slurm understands: use minutes, HH:MM:SS or D-HH:MM:SS, for example 30, 02:00:00 or 1-00:00:00.</source>
        <translation>“%1”不是 Slurm 能识别的时间限制：请使用分钟数、HH:MM:SS 或 D-HH:MM:SS，例如 30、02:00:00 或 1-00:00:00。</translation>
    </message>
    <message>
        <source>The number of GPUs must be between 1 and 64, not %1.</source>
        <translation>GPU 数量必须在 1 到 64 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>“%1” is not a valid GPU type: use the name the cluster lists, such as a100.</source>
        <translation>“%1”不是有效的 GPU 型号：请使用集群列出的名称，例如 a100。</translation>
    </message>
    <message>
        <source>“%1” is not a valid job name: use up to 64 letters, digits, “_”, “-”, “.” and “+”.</source>
        <translation>“%1”不是有效的作业名：最多 64 个字符，只能使用字母、数字、“_”、“-”、“.”和“+”。</translation>
    </message>
    <message>
        <source>“%1” is not a valid user name.</source>
        <translation>“%1”不是有效的用户名。</translation>
    </message>
    <message>
        <source>“%1” is not a node name or node list Slurm understands.</source>
        <translation>“%1”不是 Slurm 能识别的节点名或节点列表。</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>排队等待</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>正在结束</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Time limit reached</source>
        <translation>已达时间限制</translation>
    </message>
    <message>
        <source>Preempted</source>
        <translation>已被抢占</translation>
    </message>
    <message>
        <source>Node failed</source>
        <translation>节点故障</translation>
    </message>
    <message>
        <source>Node failed to boot</source>
        <translation>节点启动失败</translation>
    </message>
    <message>
        <source>Deadline missed</source>
        <translation>已错过截止时间</translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>Requeued</source>
        <translation>已重新排队</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已暂缓</translation>
    </message>
    <message>
        <source>Resizing</source>
        <translation>正在调整规模</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Being signalled</source>
        <translation>正在接收信号</translation>
    </message>
    <message>
        <source>Special exit</source>
        <translation>特殊退出</translation>
    </message>
    <message>
        <source>Staging out</source>
        <translation>正在传出数据</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Unknown state</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <source>Slurm printed a generic resource (GRES) that Onramp cannot read: “%1”.</source>
        <translation>Slurm 输出了 Onramp 无法解析的通用资源（GRES）：“%1”。</translation>
    </message>
    <message>
        <source>Slurm printed a resource list (TRES) that Onramp cannot read: “%1”.</source>
        <translation>Slurm 输出了 Onramp 无法解析的资源列表（TRES）：“%1”。</translation>
    </message>
    <message>
        <source>The disk is full: a program could not write its files.</source>
        <translation>磁盘已满：某个程序无法写入文件。</translation>
    </message>
    <message>
        <source>Free space where it was writing (see the path in the message): delete files you no longer need, clean conda's package cache with “conda clean --all”, or write to a roomier file system such as the cluster's work or scratch space.</source>
        <translation>请在它写入的位置释放空间（路径见消息）：删除不再需要的文件，用“conda clean --all”清理 conda 的包缓存，或改为写入空间更宽裕的文件系统，例如集群的 work 或 scratch 空间。</translation>
    </message>
    <message>
        <source>Your disk quota is used up: a program could not write its files.</source>
        <translation>你的磁盘配额已用完：某个程序无法写入文件。</translation>
    </message>
    <message>
        <source>Check your quota (quota -s, or the cluster's own command), delete files you no longer need, clean conda's package cache with “conda clean --all”, or move conda's pkgs_dirs and envs_dirs to a roomier place.</source>
        <translation>请查看你的配额（quota -s，或集群自己的命令），删除不再需要的文件，用“conda clean --all”清理 conda 的包缓存，或把 conda 的 pkgs_dirs 和 envs_dirs 移到空间更宽裕的位置。</translation>
    </message>
    <message>
        <source>The SSH connection to the cluster was lost.</source>
        <translation>与集群的 SSH 连接已断开。</translation>
    </message>
    <message>
        <source>Connect again. What ran in that session (including srun --pty) was probably stopped with it: run long work with sbatch, or inside tmux or screen on the login node, so that it survives a lost connection (Onramp runs its long steps that way).</source>
        <translation>请重新连接。该会话中运行的内容（包括 srun --pty）很可能已随之停止：耗时较长的任务请用 sbatch 运行，或在登录节点上的 tmux 或 screen 中运行，这样断线后它仍能继续（Onramp 的耗时步骤就是这样运行的）。</translation>
    </message>
    <message>
        <source>PyTorch says CUDA is not available: it cannot use a GPU here.</source>
        <translation>PyTorch 报告 CUDA 不可用：它在这里无法使用 GPU。</translation>
    </message>
    <message>
        <source>Run it inside a job that asks for a GPU (srun --gres=gpu:1 ...) and check that PyTorch is a CUDA build (torch.version.cuda is not None). If both are right, run nvidia-smi in that job: its message tells what is wrong with the node's driver.</source>
        <translation>请在申请了 GPU 的作业中运行它（srun --gres=gpu:1 ...），并确认 PyTorch 是 CUDA 构建（torch.version.cuda 不为 None）。如果两者都没问题，请在该作业中运行 nvidia-smi：它的消息会说明该节点的驱动出了什么问题。</translation>
    </message>
</context>
<context>
    <name>onramp::core</name>
    <message>
        <source>The jump host “%1” is not valid. Write it as [user@]host[:port], several separated by commas.</source>
        <translation>跳板机“%1”无效。请写成 [user@]host[:port] 的形式，多个之间用逗号分隔。</translation>
    </message>
</context>
<context>
    <name>onramp::python</name>
    <message>
        <source>A PDF needs Onramp’s graphics support, which is not running.</source>
        <translation>生成 PDF 需要 Onramp 的图形支持，但它没有运行。</translation>
    </message>
    <message>
        <source>Onramp could not set up the PDF page.</source>
        <translation>Onramp 无法设置 PDF 页面。</translation>
    </message>
    <message>
        <source>Onramp could not write the PDF to %1.</source>
        <translation>Onramp 无法把 PDF 写入 %1。</translation>
    </message>
    <message>
        <source>%1 did not finish and was stopped after %2 s.</source>
        <translation>%1 没有结束，已在 %2 秒后被停止。</translation>
    </message>
    <message>
        <source>%1 is unavailable: Onramp’s Python package was not found in %2.</source>
        <translation>%1 不可用：在 %2 中找不到 Onramp 的 Python 包。</translation>
    </message>
    <message>
        <source>%1 failed in Python: %2</source>
        <translation>%1 在 Python 中失败：%2</translation>
    </message>
    <message>
        <source>%1 gave an answer Onramp could not read.</source>
        <translation>%1 给出的回答 Onramp 无法读取。</translation>
    </message>
    <message>
        <source>Stopped after %1 s: the snippet ran past its deadline.</source>
        <translation>已在 %1 秒后停止：代码片段超过了时限。</translation>
    </message>
    <message>
        <source>Look for an endless loop, or do less work in one snippet.</source>
        <translation>检查是否有死循环，或者让一个代码片段少做一些工作。</translation>
    </message>
    <message>
        <source>The snippet raised an exception: %1</source>
        <translation>代码片段抛出了异常：%1</translation>
    </message>
    <message>
        <source>The traceback shows the line that failed.</source>
        <translation>回溯信息中标出了出错的那一行。</translation>
    </message>
    <message>
        <source>The snippet ran to the end without reporting a result.</source>
        <translation>代码片段运行结束，但没有报告结果。</translation>
    </message>
    <message>
        <source>The snippet reported “%1”, which is not pass, warn, fail or skip: %2</source>
        <translation>代码片段报告的“%1”不是 pass、warn、fail 或 skip 之一：%2</translation>
    </message>
    <message>
        <source>Onramp could not create the snippets folder %1.</source>
        <translation>Onramp 无法创建代码片段文件夹 %1。</translation>
    </message>
    <message>
        <source>The checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Onramp could not read the snippet %1: %2</source>
        <translation>Onramp 无法读取代码片段 %1：%2</translation>
    </message>
    <message>
        <source>Finding the snippets</source>
        <translation>查找代码片段</translation>
    </message>
    <message>
        <source>The report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>The printable report</source>
        <translation>可打印的报告</translation>
    </message>
    <message>
        <source>Python is already running in this program; it cannot be started twice.</source>
        <translation>本程序中的 Python 已在运行，不能启动两次。</translation>
    </message>
    <message>
        <source>Python could not start; the checks and the report are unavailable.</source>
        <translation>Python 无法启动；检查和报告暂不可用。</translation>
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
        <source>Checking the server's identity…</source>
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
    <message>
        <source>Connection dropped, reconnecting…</source>
        <translation>连接中断，正在重新连接…</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>连接已断开</translation>
    </message>
</context>
<context>
    <name>onramp::setup::guided</name>
    <message>
        <source>Onramp cannot create its folder %1.</source>
        <translation>Onramp 无法创建它的文件夹 %1。</translation>
    </message>
    <message>
        <source>Onramp cannot write %1.</source>
        <translation>Onramp 无法写入 %1。</translation>
    </message>
    <message>
        <source>There is no connection to run this on.</source>
        <translation>没有可用于运行此操作的连接。</translation>
    </message>
    <message>
        <source>Choose a name of letters, digits, “_”, “.”, “-” and “+”.</source>
        <translation>请使用由字母、数字、“_”、“.”、“-”和“+”组成的名称。</translation>
    </message>
    <message>
        <source>conda could not remove the environment.</source>
        <translation>conda 无法删除该环境。</translation>
    </message>
    <message>
        <source>Setup cancelled.</source>
        <translation>配置已取消。</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>连接已断开。</translation>
    </message>
    <message>
        <source>conda was not found on the login node.</source>
        <translation>在登录节点上未找到 conda。</translation>
    </message>
    <message>
        <source>conda is %1.</source>
        <translation>conda 为 %1。</translation>
    </message>
    <message>
        <source>Slurm's commands were not found on the login node.</source>
        <translation>在登录节点上未找到 Slurm 的命令。</translation>
    </message>
    <message>
        <source>Slurm is there; the default partition is “%1”.</source>
        <translation>Slurm 可用；默认分区为“%1”。</translation>
    </message>
    <message>
        <source>Onramp found no conda: not on PATH, not in $CONDA_EXE, not in ~/miniconda3, ~/anaconda3, ~/miniforge3 or /opt/conda.</source>
        <translation>Onramp 没有找到 conda：PATH 中没有，$CONDA_EXE 中没有，~/miniconda3、~/anaconda3、~/miniforge3 和 /opt/conda 中也没有。</translation>
    </message>
    <message>
        <source>Ask the cluster's admins where conda is (a module to load?), or install Miniconda in your home folder.</source>
        <translation>请询问集群管理员 conda 在哪里（是否需要加载某个 module？），或在你的主目录中安装 Miniconda。</translation>
    </message>
    <message>
        <source>Slurm was not found on the login node.</source>
        <translation>在登录节点上未找到 Slurm。</translation>
    </message>
    <message>
        <source>sinfo and srun are not on the login node's PATH.</source>
        <translation>sinfo 和 srun 不在登录节点的 PATH 中。</translation>
    </message>
    <message>
        <source>Check that this is the cluster's login node (aha).</source>
        <translation>请确认这是集群的登录节点（aha）。</translation>
    </message>
    <message>
        <source>conda info did not work.</source>
        <translation>conda info 运行失败。</translation>
    </message>
    <message>
        <source>%1 free where conda keeps packages and environments (PyTorch needs about 5 GB).</source>
        <translation>conda 存放包和环境的位置还有 %1 可用空间（PyTorch 约需 5 GB）。</translation>
    </message>
    <message>
        <source>Slurm did not give Onramp a compute node.</source>
        <translation>Slurm 没有为 Onramp 分配计算节点。</translation>
    </message>
    <message>
        <source>A job on the default partition ran on %1.</source>
        <translation>在默认分区上提交的作业运行在 %1 上。</translation>
    </message>
    <message>
        <source>The GPU nodes' driver %1 supports CUDA %2.</source>
        <translation>GPU 节点的驱动 %1 支持 CUDA %2。</translation>
    </message>
    <message>
        <source>Onramp could not read the GPU driver with nvidia-smi.</source>
        <translation>Onramp 无法通过 nvidia-smi 读取 GPU 驱动信息。</translation>
    </message>
    <message>
        <source>conda could not list the environments.</source>
        <translation>conda 无法列出环境。</translation>
    </message>
    <message>
        <source>conda could not list the environment's packages.</source>
        <translation>conda 无法列出该环境中的包。</translation>
    </message>
    <message>
        <source>There is no environment “%1” yet; it is created with PyTorch after you approve the plan.</source>
        <translation>环境“%1”尚不存在；在你批准安装计划后，会创建该环境并安装 PyTorch。</translation>
    </message>
    <message>
        <source>“%1” already has PyTorch %2 (%3): reused.</source>
        <translation>“%1”中已有 PyTorch %2（%3）：直接沿用。</translation>
    </message>
    <message>
        <source>An environment “%1” already exists at %2. Use it as it is, or remove it and create it again?</source>
        <translation>环境“%1”已存在于 %2。要直接使用它，还是删除后重新创建？</translation>
    </message>
    <message>
        <source>Use it as it is</source>
        <translation>直接使用</translation>
    </message>
    <message>
        <source>Remove it and create it again</source>
        <translation>删除并重新创建</translation>
    </message>
    <message>
        <source>Cancel the setup</source>
        <translation>取消配置</translation>
    </message>
    <message>
        <source>Setup cancelled; the environment was left as it was.</source>
        <translation>配置已取消；环境保持原样。</translation>
    </message>
    <message>
        <source>Remove the environment</source>
        <translation>删除环境</translation>
    </message>
    <message>
        <source>Non-interactive shells print nothing of their own.</source>
        <translation>非交互式 shell 自身不输出任何内容。</translation>
    </message>
    <message>
        <source>Non-interactive shells print text of their own (see the explanation).</source>
        <translation>非交互式 shell 自身会输出文字（见说明）。</translation>
    </message>
    <message>
        <source>Sourcing conda.sh and “conda activate %1” work without .bashrc.</source>
        <translation>不依赖 .bashrc，source conda.sh 和“conda activate %1”均可正常工作。</translation>
    </message>
    <message>
        <source>Activating “%1” through conda.sh failed.</source>
        <translation>通过 conda.sh 激活“%1”失败。</translation>
    </message>
    <message>
        <source>Activation does not work.</source>
        <translation>激活无法正常工作。</translation>
    </message>
    <message>
        <source>PyTorch %1 (%2) is already installed.</source>
        <translation>PyTorch %1（%2）已安装。</translation>
    </message>
    <message>
        <source>Check the package names and versions.</source>
        <translation>请检查包名和版本。</translation>
    </message>
    <message>
        <source>conda could not make a plan.</source>
        <translation>conda 无法生成安装计划。</translation>
    </message>
    <message>
        <source>The plan was stopped before anything changed.</source>
        <translation>安装计划在做出任何更改之前就被中止了。</translation>
    </message>
    <message>
        <source>The plan was shown; nothing was changed.</source>
        <translation>已显示安装计划；未做任何更改。</translation>
    </message>
    <message>
        <source>Cancelled at the plan review; no environment was created.</source>
        <translation>已在审阅安装计划时取消；未创建环境。</translation>
    </message>
    <message>
        <source>Cancelled at the plan review; the environment was not changed.</source>
        <translation>已在审阅安装计划时取消；环境未被更改。</translation>
    </message>
    <message>
        <source>conda did not finish the installation.</source>
        <translation>conda 未完成安装。</translation>
    </message>
    <message>
        <source>The environment now has PyTorch %1 (%2).</source>
        <translation>该环境现已安装 PyTorch %1（%2）。</translation>
    </message>
    <message>
        <source>conda finished, but the environment has no suitable PyTorch.</source>
        <translation>conda 已完成，但该环境中没有合适的 PyTorch。</translation>
    </message>
    <message>
        <source>Check PyTorch on a GPU node</source>
        <translation>在 GPU 节点上检查 PyTorch</translation>
    </message>
    <message>
        <source>The verification job did not run.</source>
        <translation>验证作业没有运行。</translation>
    </message>
    <message>
        <source>The PyTorch check gave no answer.</source>
        <translation>PyTorch 检查没有返回结果。</translation>
    </message>
    <message>
        <source>PyTorch does not see the GPU.</source>
        <translation>PyTorch 检测不到 GPU。</translation>
    </message>
    <message>
        <source>%1 are already installed.</source>
        <translation>%1 已安装。</translation>
    </message>
    <message>
        <source>All extra packages are installed.</source>
        <translation>所有额外的包都已安装。</translation>
    </message>
    <message>
        <source>Still missing: %1.</source>
        <translation>仍缺少：%1。</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is ready: PyTorch sees %n GPU(s) on %2.</source>
        <translation>
            <numerusform>“%1”已就绪：PyTorch 在 %2 上检测到 %n 个 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no plan to change now.</source>
        <translation>目前没有可修改的安装计划。</translation>
    </message>
    <message>
        <source>Clean conda's package cache</source>
        <translation>清理 conda 的包缓存</translation>
    </message>
    <message>
        <source>Use the partition “%1”</source>
        <translation>使用分区“%1”</translation>
    </message>
    <message>
        <source>The fix “%1” cannot be applied now.</source>
        <translation>当前无法应用修复“%1”。</translation>
    </message>
    <message>
        <source>conda could not clean its package cache.</source>
        <translation>conda 无法清理它的包缓存。</translation>
    </message>
    <message>
        <source>conda's package cache was cleaned.</source>
        <translation>已清理 conda 的包缓存。</translation>
    </message>
    <message>
        <source>Slurm has not said why the job waits.</source>
        <translation>Slurm 没有说明作业为何等待。</translation>
    </message>
    <message>
        <source>Wait, or try another partition.</source>
        <translation>请继续等待，或换一个分区试试。</translation>
    </message>
    <message numerus="yes">
        <source>Slurm has not started job %1 (it asks for %n GPU(s)) yet: %2</source>
        <translation>
            <numerusform>Slurm 尚未启动作业 %1（它申请了 %n 个 GPU）：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep waiting</source>
        <translation>继续等待</translation>
    </message>
    <message>
        <source>Cancel the job and the setup</source>
        <translation>取消作业并取消配置</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>other channel</source>
        <translation>更换频道</translation>
    </message>
    <message>
        <source>reinstall</source>
        <translation>重新安装</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>not in the plan</source>
        <translation>不在安装计划中</translation>
    </message>
    <message>
        <source>%1, CPU only (%2)</source>
        <translation>%1，仅 CPU（%2）</translation>
    </message>
    <message>
        <source>%1, CUDA build (%2)</source>
        <translation>%1，CUDA 构建（%2）</translation>
    </message>
    <message>
        <source>%1, CUDA %2 (%3)</source>
        <translation>%1，CUDA %2（%3）</translation>
    </message>
    <message>
        <source>%1, build not recognised (%2)</source>
        <translation>%1，无法识别的构建（%2）</translation>
    </message>
    <message>
        <source>The login node did not answer Onramp's first question as expected.</source>
        <translation>登录节点对 Onramp 的第一个询问的回应不符合预期。</translation>
    </message>
    <message>
        <source>Everything asked for is already installed.</source>
        <translation>所需的一切都已安装。</translation>
    </message>
    <message>
        <source>PyTorch in the plan: %1.</source>
        <translation>安装计划中的 PyTorch：%1。</translation>
    </message>
    <message>
        <source>conda solved on a machine where it saw no NVIDIA driver (the login node, or a job without a GPU), so it left out every CUDA build. Setting CONDA_OVERRIDE_CUDA to the GPU node's driver CUDA (%1) lets conda plan the CUDA build there; Onramp does that when it knows the driver.</source>
        <translation>conda 是在一台看不到 NVIDIA 驱动的机器上求解的（登录节点，或没有 GPU 的作业），因此排除了所有 CUDA 构建。将 CONDA_OVERRIDE_CUDA 设为 GPU 节点驱动支持的 CUDA 版本（%1），conda 就能在那里规划 CUDA 构建；Onramp 知道驱动版本时会自动这样做。</translation>
    </message>
    <message>
        <source>see nvidia-smi on a GPU node</source>
        <translation>请在 GPU 节点上查看 nvidia-smi</translation>
    </message>
    <message>
        <source>conda chose the CPU build even though it was told the driver supports CUDA %1 (CONDA_OVERRIDE_CUDA=%1): the channels offer no CUDA build that fits the other packages, or a pin (cpuonly, an old Python) rules it out.</source>
        <translation>尽管已告知 conda 驱动支持 CUDA %1（CONDA_OVERRIDE_CUDA=%1），它仍选择了 CPU 构建：可能是频道中没有与其他包兼容的 CUDA 构建，或某个版本固定（cpuonly、旧版 Python）排除了它。</translation>
    </message>
    <message numerus="yes">
        <source>conda planned a CPU-only PyTorch (%1), but you asked for %n GPU(s); it would install and then never use the GPU.</source>
        <translation>
            <numerusform>conda 计划安装仅 CPU 的 PyTorch（%1），但你申请了 %n 个 GPU；这样装好后永远不会用到 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>Try the other recipe, or ask for a CUDA build explicitly (e.g. pytorch=*=*cuda*), then review the plan again.</source>
        <translation>请尝试另一种安装方案，或明确要求 CUDA 构建（例如 pytorch=*=*cuda*），然后重新审阅安装计划。</translation>
    </message>
    <message>
        <source>The build needs CUDA %1; the GPU node's driver supports CUDA %2.</source>
        <translation>该构建需要 CUDA %1；GPU 节点的驱动支持 CUDA %2。</translation>
    </message>
    <message>
        <source>The planned PyTorch is built for CUDA %1, newer than the driver on the GPU nodes supports (CUDA %2).</source>
        <translation>计划安装的 PyTorch 是为 CUDA %1 构建的，比 GPU 节点上的驱动所支持的版本（CUDA %2）更新。</translation>
    </message>
    <message>
        <source>Pin an older CUDA: add cuda-version=%1 (conda-forge) or pytorch-cuda=%1.x (pytorch channel).</source>
        <translation>请固定一个更旧的 CUDA：添加 cuda-version=%1（conda-forge）或 pytorch-cuda=%1.x（pytorch 频道）。</translation>
    </message>
    <message>
        <source>Download %1; free space where conda writes: %2.</source>
        <translation>需下载 %1；conda 写入位置的可用空间：%2。</translation>
    </message>
    <message>
        <source>The download (%1) does not fit in the free space (%2).</source>
        <translation>下载内容（%1）超出了可用空间（%2）。</translation>
    </message>
    <message>
        <source>Clean conda's package cache (conda clean --all), or point pkgs_dirs and envs_dirs to a roomier place (conda config --add pkgs_dirs DIR).</source>
        <translation>请清理 conda 的包缓存（conda clean --all），或将 pkgs_dirs 和 envs_dirs 指向空间更宽裕的位置（conda config --add pkgs_dirs DIR）。</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>%1 (free: %2)</source>
        <translation>%1（可用：%2）</translation>
    </message>
    <message>
        <source>PyTorch %1 imports.</source>
        <translation>PyTorch %1 可以正常导入。</translation>
    </message>
    <message>
        <source>PyTorch does not import: %1</source>
        <translation>PyTorch 无法导入：%1</translation>
    </message>
    <message>
        <source>It is a CUDA %1 build.</source>
        <translation>这是 CUDA %1 构建。</translation>
    </message>
    <message>
        <source>It is a CPU-only build.</source>
        <translation>这是仅 CPU 的构建。</translation>
    </message>
    <message>
        <source>torch.cuda.is_available() is True.</source>
        <translation>torch.cuda.is_available() 为 True。</translation>
    </message>
    <message>
        <source>torch.cuda.is_available() is False.</source>
        <translation>torch.cuda.is_available() 为 False。</translation>
    </message>
    <message>
        <source>torch.cuda.device_count() is %1; %2 requested.</source>
        <translation>torch.cuda.device_count() 为 %1；申请了 %2 个。</translation>
    </message>
    <message>
        <source>Connect and look at the login node</source>
        <translation>连接并查看登录节点</translation>
    </message>
    <message>
        <source>Reach a compute node</source>
        <translation>进入计算节点</translation>
    </message>
    <message>
        <source>Create the environment</source>
        <translation>创建环境</translation>
    </message>
    <message>
        <source>Activate it without .bashrc</source>
        <translation>不依赖 .bashrc 激活环境</translation>
    </message>
    <message>
        <source>Install PyTorch</source>
        <translation>安装 PyTorch</translation>
    </message>
    <message>
        <source>Install more packages</source>
        <translation>安装更多包</translation>
    </message>
    <message>
        <source>Keep the evidence</source>
        <translation>保留记录</translation>
    </message>
    <message numerus="yes">
        <source>The environment’s %n package(s) were recorded.</source>
        <translation>
            <numerusform>已记录该环境的 %n 个软件包。</numerusform>
        </translation>
    </message>
    <message>
        <source>The environment’s folder “%1” is not an absolute path.</source>
        <translation>环境的文件夹“%1”不是绝对路径。</translation>
    </message>
    <message>
        <source>The environment’s package list could not be read.</source>
        <translation>无法读取该环境的软件包列表。</translation>
    </message>
</context>
<context>
    <name>onramp::setup::runs</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已丢失</translation>
    </message>
    <message>
        <source>Could not start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <source>Could not read the run journal %1.</source>
        <translation>无法读取运行记录 %1。</translation>
    </message>
    <message>
        <source>The run journal %1 is damaged.</source>
        <translation>运行记录 %1 已损坏。</translation>
    </message>
    <message>
        <source>Could not write the run journal %1.</source>
        <translation>无法写入运行记录 %1。</translation>
    </message>
    <message>
        <source>"%1" is not a valid run name: use 1 to 64 letters, digits, '_' or '-'.</source>
        <translation>“%1”不是有效的运行名称：请使用 1 到 64 个字母、数字、'_' 或 '-'。</translation>
    </message>
    <message>
        <source>The script of "%1" is too long to send (more than %2 KiB).</source>
        <translation>“%1”的脚本太大，无法发送（超过 %2 KiB）。</translation>
    </message>
    <message>
        <source>A run named "%1" already exists.</source>
        <translation>名为“%1”的运行已存在。</translation>
    </message>
    <message>
        <source>Could not create the local log %1.</source>
        <translation>无法创建本地日志 %1。</translation>
    </message>
    <message>
        <source>Could not open the local log %1.</source>
        <translation>无法打开本地日志 %1。</translation>
    </message>
    <message>
        <source>Could not create the folder of "%1" on the cluster (%2). Is the home folder full or over quota?</source>
        <translation>无法在集群上创建“%1”的文件夹（%2）。主目录是否已满或超出配额？</translation>
    </message>
    <message>
        <source>Could not write the script of "%1" on the cluster. Is the home folder full or over quota?</source>
        <translation>无法在集群上写入“%1”的脚本。主目录是否已满或超出配额？</translation>
    </message>
    <message>
        <source>Could not start "%1" on the cluster.</source>
        <translation>无法在集群上启动“%1”。</translation>
    </message>
    <message>
        <source>Could not write the local log %1; following "%2" stopped.</source>
        <translation>无法写入本地日志 %1；已停止跟踪“%2”。</translation>
    </message>
    <message>
        <source>Following the log of "%1" stopped unexpectedly; trying again.</source>
        <translation>跟踪“%1”的日志意外中断；正在重试。</translation>
    </message>
    <message>
        <source>Could not follow the log of "%1"; it keeps running on the cluster and is followed again after the next connect.</source>
        <translation>无法跟踪“%1”的日志；它仍在集群上运行，下次连接后会重新跟踪。</translation>
    </message>
    <message>
        <source>"%1" stopped on the cluster without an exit code: its processes are gone (the node restarted, or something killed them).</source>
        <translation>“%1”在集群上停止了，但没有退出码：它的进程已经消失（节点重启了，或有程序终止了它们）。</translation>
    </message>
    <message>
        <source>The folder of "%1" (%2) no longer exists on the cluster.</source>
        <translation>“%1”的文件夹（%2）在集群上已不存在。</translation>
    </message>
    <message>
        <source>"%1" had already ended (exit code %2) when the cancel arrived.</source>
        <translation>取消请求到达时，“%1”已经结束（退出码 %2）。</translation>
    </message>
    <message>
        <source>The folder of "%1" no longer exists on the cluster; nothing to stop.</source>
        <translation>“%1”的文件夹在集群上已不存在；没有需要停止的内容。</translation>
    </message>
    <message>
        <source>Cancelled "%1" on the cluster.</source>
        <translation>已在集群上取消“%1”。</translation>
    </message>
    <message>
        <source>Cancelled Slurm job %1 (it was %2).</source>
        <translation>已取消 Slurm 作业 %1（当时状态为 %2）。</translation>
    </message>
    <message>
        <source>Slurm job %1 had already ended.</source>
        <translation>Slurm 作业 %1 已经结束。</translation>
    </message>
    <message>
        <source>Stopped process %1.</source>
        <translation>已停止进程 %1。</translation>
    </message>
    <message>
        <source>Nothing of it was still running.</source>
        <translation>它已没有任何仍在运行的部分。</translation>
    </message>
    <message numerus="yes">
        <source>Some processes did not stop within %n second(s) and were killed.</source>
        <translation>
            <numerusform>部分进程未在 %n 秒内停止，已被强制终止。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onramp::setup::status</name>
    <message>
        <source>Onramp is already waiting for an allocation (job %1).</source>
        <translation>Onramp 已经在等待资源分配（作业 %1）。</translation>
    </message>
    <message>
        <source>Connect to the cluster first.</source>
        <translation>请先连接集群。</translation>
    </message>
    <message>
        <source>Slurm did not grant the allocation.</source>
        <translation>Slurm 没有批准这次资源分配。</translation>
    </message>
    <message>
        <source>The GPUs of job %1 did not answer in time: %2</source>
        <translation>作业 %1 的 GPU 没有及时响应：%2</translation>
    </message>
    <message>
        <source>Onramp could not look at the GPUs of job %1.</source>
        <translation>Onramp 无法查看作业 %1 的 GPU。</translation>
    </message>
    <message>
        <source>nvidia-smi failed with exit status %1 in job %2.</source>
        <translation>nvidia-smi 在作业 %2 中运行失败，退出状态为 %1。</translation>
    </message>
    <message>
        <source>Onramp could not list your jobs.</source>
        <translation>Onramp 无法列出你的作业。</translation>
    </message>
    <message>
        <source>Onramp could not cancel job %1.</source>
        <translation>Onramp 无法取消作业 %1。</translation>
    </message>
    <message>
        <source>The connection closed while Slurm had not granted the allocation yet.</source>
        <translation>Slurm 还没有批准资源分配，连接就已断开。</translation>
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
        <source>The server %1 presented a %2 key (%3), but %4 lists a different kind of key for it. This can mean someone is intercepting the connection, so Onramp will not connect. If the cluster's administrators confirm that the server's keys changed, remove the old entry with:
%5</source>
        <translation>服务器 %1 出示了 %2 密钥（%3），但 %4 中为它记录的是另一种类型的密钥。这可能意味着有人在拦截连接，因此 Onramp 不会连接。如果集群管理员确认服务器的密钥确实更换了，请用以下命令删除旧记录：
%5</translation>
    </message>
    <message>
        <source>The identity of the server %1 has changed: it presented the %2 key %3, which does not match the one recorded in %4. This can mean someone is intercepting the connection, so Onramp will not connect. If the cluster's administrators confirm that the key changed, remove the old entry with:
%5</source>
        <translation>服务器 %1 的身份发生了变化：它出示的 %2 密钥 %3 与 %4 中记录的不一致。这可能意味着有人在拦截连接，因此 Onramp 不会连接。如果集群管理员确认密钥确实更换了，请用以下命令删除旧记录：
%5</translation>
    </message>
    <message>
        <source>The server did not present a host key.</source>
        <translation>服务器没有出示主机密钥。</translation>
    </message>
    <message>
        <source>The server's identity could not be checked against %1.</source>
        <translation>无法对照 %1 核对服务器的身份。</translation>
    </message>
    <message>
        <source>The folder %1 could not be created to remember the server's identity.</source>
        <translation>无法创建文件夹 %1 来记住服务器的身份。</translation>
    </message>
    <message>
        <source>The server's identity could not be saved in %1.</source>
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
    <message>
        <source>The gateway %1 did not open a connection to %2:%3 in time.</source>
        <translation>网关 %1 未能及时打开到 %2:%3 的连接。</translation>
    </message>
    <message>
        <source>The connection to the gateway %1 was lost.</source>
        <translation>与网关 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>The gateway %1 does not allow forwarding to %2:%3.</source>
        <translation>网关 %1 不允许转发到 %2:%3。</translation>
    </message>
    <message>
        <source>The gateway %1 could not connect to %2:%3. Check the host name and the port.</source>
        <translation>网关 %1 无法连接到 %2:%3。请检查主机名和端口。</translation>
    </message>
    <message>
        <source>The gateway %1 refused to open a connection to %2:%3.</source>
        <translation>网关 %1 拒绝打开到 %2:%3 的连接。</translation>
    </message>
    <message>
        <source>Onramp could not set up the connection through %1.</source>
        <translation>Onramp 无法通过 %1 建立连接。</translation>
    </message>
    <message>
        <source>%1:%2 is not a valid destination behind the gateway %3.</source>
        <translation>%1:%2 不是网关 %3 后面的有效目标。</translation>
    </message>
    <message>
        <source>The server does not offer file transfer (SFTP) on this connection.</source>
        <translation>服务器在此连接上不提供文件传输（SFTP）。</translation>
    </message>
    <message>
        <source>It does not exist.</source>
        <translation>它不存在。</translation>
    </message>
    <message>
        <source>Permission denied.</source>
        <translation>权限被拒绝。</translation>
    </message>
    <message>
        <source>It already exists.</source>
        <translation>它已经存在。</translation>
    </message>
    <message>
        <source>The file system is read-only.</source>
        <translation>文件系统是只读的。</translation>
    </message>
    <message>
        <source>The server reported a failure (the disk or your quota may be full).</source>
        <translation>服务器报告操作失败（可能是磁盘或你的配额已满）。</translation>
    </message>
    <message>
        <source>The file %1 could not be opened.</source>
        <translation>无法打开文件 %1。</translation>
    </message>
    <message>
        <source>The file %1 is too large to open here (%2 bytes).</source>
        <translation>文件 %1 太大，无法在这里打开（%2 字节）。</translation>
    </message>
    <message>
        <source>The file %1 could not be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>The file %1 is too large to open here.</source>
        <translation>文件 %1 太大，无法在这里打开。</translation>
    </message>
    <message>
        <source>The file %1 could not be created.</source>
        <translation>无法创建文件 %1。</translation>
    </message>
    <message>
        <source>The file %1 could not be written.</source>
        <translation>无法写入文件 %1。</translation>
    </message>
    <message>
        <source>The file %1 could not be replaced.</source>
        <translation>无法替换文件 %1。</translation>
    </message>
    <message>
        <source>The file %1 could not be examined.</source>
        <translation>无法检查文件 %1。</translation>
    </message>
    <message>
        <source>The jump hosts for this connection lead back to each other (ProxyJump loop): %1</source>
        <translation>此连接的跳板机互相指向对方，形成了循环（ProxyJump loop）：%1</translation>
    </message>
    <message>
        <source>The port %1 is not valid: use a number from 1 to 65535.</source>
        <translation>端口 %1 无效：请使用 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>“%1” does not name exactly one jump host.</source>
        <translation>“%1”没有恰好指定一个跳板机。</translation>
    </message>
    <message>
        <source>An answer arrived when no question was open.</source>
        <translation>在没有待回答的问题时收到了回答。</translation>
    </message>
    <message>
        <source>The server did not accept this password.</source>
        <translation>服务器不接受这个密码。</translation>
    </message>
    <message>
        <source>%1 Signing in to %2 was stopped.</source>
        <translation>%1 登录 %2 的过程已中止。</translation>
    </message>
    <message>
        <source>Signing in to %1 was cancelled.</source>
        <translation>已取消登录 %1。</translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation>密钥文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The key file %1 could not be read.</source>
        <translation>无法读取密钥文件 %1。</translation>
    </message>
    <message>
        <source>Passphrase for %1:</source>
        <translation>%1 的密钥口令：</translation>
    </message>
    <message>
        <source>This passphrase does not unlock the key.</source>
        <translation>这个密钥口令无法解锁该密钥。</translation>
    </message>
    <message>
        <source>The key file %1 could not be read. It may not be a private key.</source>
        <translation>无法读取密钥文件 %1，它可能不是私钥。</translation>
    </message>
    <message>
        <source>The server did not accept this answer.</source>
        <translation>服务器不接受这个回答。</translation>
    </message>
    <message>
        <source>Password for %1@%2:</source>
        <translation>%1@%2 的密码：</translation>
    </message>
    <message>
        <source>The connection to %1 broke while signing in.</source>
        <translation>登录过程中与 %1 的连接中断了。</translation>
    </message>
    <message>
        <source>public key (ssh-agent)</source>
        <translation>公钥（ssh-agent）</translation>
    </message>
    <message>
        <source>public key (%1)</source>
        <translation>公钥（%1）</translation>
    </message>
    <message>
        <source>The server did not let %1 sign in with a method Onramp supports. The server offers: %2.</source>
        <translation>服务器不允许 %1 使用 Onramp 支持的方式登录。服务器提供的方式：%2。</translation>
    </message>
    <message>
        <source>The server refused to let %1 sign in. Onramp tried: %2. The server offers: %3.</source>
        <translation>服务器拒绝 %1 登录。Onramp 尝试过：%2。服务器提供的方式：%3。</translation>
    </message>
    <message numerus="yes">
        <source>No answer came within %n second(s), so Onramp stopped signing in. Connect again when you have your password or code ready.</source>
        <translation>
            <numerusform>%n 秒内没有收到回答，Onramp 已停止登录。准备好密码或验证码后请重新连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection was restarted.</source>
        <translation>连接已重新启动。</translation>
    </message>
    <message>
        <source>The SSH library could not use the tunnel.</source>
        <translation>SSH 库无法使用该隧道。</translation>
    </message>
    <message>
        <source> (through %1)</source>
        <translation>（经由 %1）</translation>
    </message>
    <message>
        <source>Onramp could not connect to %1%2. Check the host name, the port and your network connection.</source>
        <translation>Onramp 无法连接到 %1%2。请检查主机名、端口和你的网络连接。</translation>
    </message>
    <message>
        <source>The identity of %1 needs your confirmation.</source>
        <translation>%1 的身份需要你确认。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost. Reconnect when you are ready: %2</source>
        <translation>与 %1 的连接已断开。准备好后请重新连接：%2</translation>
    </message>
    <message>
        <source>signing in to %1 needs your answer.</source>
        <translation>登录 %1 需要你的回答。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost. Signing in again needs you: choose Reconnect.</source>
        <translation>与 %1 的连接已断开。重新登录需要你的操作：请选择“重新连接”。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost and could not be restored. Check your network, then choose Reconnect.</source>
        <translation>与 %1 的连接已断开，且无法恢复。请检查网络，然后选择“重新连接”。</translation>
    </message>
    <message>
        <source>The server refused to open a terminal.</source>
        <translation>服务器拒绝打开终端。</translation>
    </message>
</context>
<context>
    <name>onramp::ui::AllocationForm</name>
    <message>
        <source>HH:MM:SS</source>
        <translation>HH:MM:SS</translation>
    </message>
    <message>
        <source>How long the allocation may last, in Slurm's form: HH:MM:SS, or D-HH:MM:SS for days.</source>
        <translation>资源分配可持续的时长，使用 Slurm 的格式：HH:MM:SS；以天计时用 D-HH:MM:SS。</translation>
    </message>
    <message>
        <source>Start a GPU allocation</source>
        <translation>申请 GPU 资源分配</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <source>Withdraw the request: Slurm removes the waiting job.</source>
        <translation>撤回申请：Slurm 会删除这个排队等待的作业。</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 数</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <source>Slurm granted job %1. Its GPUs appear in the GPU view.</source>
        <translation>Slurm 已批准作业 %1，它的 GPU 会显示在 GPU 视图中。</translation>
    </message>
    <message numerus="yes">
        <source>Asking Slurm for %n GPU(s) on partition %1…</source>
        <translation>
            <numerusform>正在向 Slurm 申请分区 %1 上的 %n 块 GPU…</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1 is waiting in the queue. The jobs view explains why.</source>
        <translation>作业 %1 正在队列中排队等待，作业视图中会说明原因。</translation>
    </message>
</context>
<context>
    <name>onramp::ui::BackgroundPages</name>
    <message>
        <source>Background topics</source>
        <translation>背景主题</translation>
    </message>
    <message>
        <source>Background page</source>
        <translation>背景页面</translation>
    </message>
    <message>
        <source>Why Python</source>
        <translation>为什么用 Python</translation>
    </message>
    <message>
        <source>Why not Matlab</source>
        <translation>为什么不用 Matlab</translation>
    </message>
    <message>
        <source>PyTorch or TensorFlow</source>
        <translation>PyTorch 还是 TensorFlow</translation>
    </message>
    <message>
        <source>Why conda and Miniconda</source>
        <translation>为什么用 conda 和 Miniconda</translation>
    </message>
    <message>
        <source>Most of the machine learning and data science world works in Python: the examples, tutorials and code published with papers are nearly all written in it.</source>
        <translation>机器学习和数据科学领域大多使用 Python：示例、教程以及论文附带的代码几乎都用它编写。</translation>
    </message>
    <message>
        <source>The language is easy to pick up and to read, so your time goes into the idea you are testing rather than into the details of the code.</source>
        <translation>这门语言易学易读，你的时间花在要验证的想法上，而不是代码细节上。</translation>
    </message>
    <message>
        <source>A large open-source community keeps adding libraries, so for most problems a good, tested solution already exists.</source>
        <translation>庞大的开源社区不断贡献新的库，大多数问题都已经有成熟、经过检验的解决方案。</translation>
    </message>
    <message>
        <source>Python itself is not fast, but the heavy work (matrix maths, training on the GPU) runs in compiled libraries underneath, so this rarely matters in practice.</source>
        <translation>Python 本身不快，但繁重的计算（矩阵运算、在 GPU 上训练）都由底层的编译库完成，所以实际中很少成为问题。</translation>
    </message>
    <message>
        <source>Machine learning frameworks are built for Python first (and C++ or Java next); Matlab is rarely the language they target.</source>
        <translation>机器学习框架首先为 Python 而设计（其次是 C++ 或 Java），很少以 Matlab 为目标语言。</translation>
    </message>
    <message>
        <source>Matlab's early support for machine learning was thin, and as a closed, commercially licensed product it was hard to share and run everywhere.</source>
        <translation>早期的 Matlab 对机器学习支持有限，而且它是闭源的商业授权软件，不便于分享，也不能随处运行。</translation>
    </message>
    <message>
        <source>Its support is good today, but the community had already settled on Python, so that is where the code, help and new methods are.</source>
        <translation>如今它的支持已经很好，但社区早已选定了 Python，代码、帮助和新方法都在那里。</translation>
    </message>
    <message>
        <source>Most current machine learning research is done in PyTorch or TensorFlow; knowing at least one of them is part of the basic toolkit in the field.</source>
        <translation>当前大多数机器学习研究使用 PyTorch 或 TensorFlow；至少掌握其中一个，是这个领域的基本功。</translation>
    </message>
    <message>
        <source>Fewer and fewer new papers use other frameworks, and the code released with papers is overwhelmingly written for these two.</source>
        <translation>使用其他框架的新论文越来越少，论文附带发布的代码绝大多数是为这两个框架写的。</translation>
    </message>
    <message>
        <source>The guided setup installs PyTorch; TensorFlow can be added to the same environment later if a project needs it.</source>
        <translation>引导式安装会安装 PyTorch；如果项目需要，之后可以在同一个环境中再加上 TensorFlow。</translation>
    </message>
    <message>
        <source>Conda saves you from the hardest part of the work: getting Python, the framework and the CUDA libraries to fit together. It picks versions that work with each other.</source>
        <translation>conda 帮你省去最难的部分：让 Python、框架和 CUDA 库彼此匹配。它会挑选相互兼容的版本。</translation>
    </message>
    <message>
        <source>It does three jobs: it provides Python itself, it installs packages from online channels, and it keeps separate environments so one project's versions do not break another's.</source>
        <translation>它做三件事：提供 Python 本身，从在线频道安装软件包，并维护相互独立的环境，让一个项目的版本不会破坏另一个项目。</translation>
    </message>
    <message>
        <source>Anaconda is the large distribution that comes with hundreds of packages. Miniconda is its small, free core: just conda and Python, and you add only what you need.</source>
        <translation>Anaconda 是附带数百个软件包的大型发行版。Miniconda 是它小巧、免费的核心：只有 conda 和 Python，需要什么再加什么。</translation>
    </message>
    <message>
        <source>Miniconda is a quick way to get a clean Python on your own computer. On a cluster, conda is often already there; the setup looks for it first and only creates your environment with it.</source>
        <translation>Miniconda 是在自己电脑上快速获得干净 Python 的方法。在集群上，conda 往往已经装好；安装向导会先找到它，然后只用它创建你的环境。</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
</context>
<context>
    <name>onramp::ui::ChecksPage</name>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <source>Copy the fix</source>
        <translation>复制修复方法</translation>
    </message>
    <message>
        <source>Copy the fix for “%1”</source>
        <translation>复制“%1”的修复方法</translation>
    </message>
    <message>
        <source>Nothing to check yet. Onramp checks what the guided setup found on your cluster: run the setup first, then come back here.</source>
        <translation>还没有可检查的内容。Onramp 检查的是引导配置在你的集群上发现的情况：请先运行配置，再回到这里。</translation>
    </message>
    <message>
        <source>Go to Setup</source>
        <translation>前往配置</translation>
    </message>
    <message>
        <source>Go to the Setup tab</source>
        <translation>前往“配置”标签页</translation>
    </message>
    <message>
        <source>Onramp’s checks</source>
        <translation>Onramp 的检查</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Run Onramp’s checks again</source>
        <translation>再次运行 Onramp 的检查</translation>
    </message>
    <message>
        <source>Your snippets</source>
        <translation>你的代码片段</translation>
    </message>
    <message>
        <source>Python files in %1</source>
        <translation>%1 中的 Python 文件</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New snippet</source>
        <translation>新建代码片段</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open the snippets folder</source>
        <translation>打开代码片段文件夹</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected snippet</source>
        <translation>删除所选代码片段</translation>
    </message>
    <message>
        <source>Snippet editor</source>
        <translation>代码片段编辑器</translation>
    </message>
    <message>
        <source>Choose a snippet on the left, or press New.</source>
        <translation>在左侧选择一个代码片段，或点击“新建”。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the snippet</source>
        <translation>保存代码片段</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run this snippet</source>
        <translation>运行这个代码片段</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <source>Run all snippets</source>
        <translation>运行所有代码片段</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the running snippet</source>
        <translation>停止正在运行的代码片段</translation>
    </message>
    <message>
        <source>Snippet output</source>
        <translation>代码片段输出</translation>
    </message>
    <message>
        <source>What the snippet prints appears here.</source>
        <translation>代码片段打印的内容会显示在这里。</translation>
    </message>
    <message>
        <source>The checks could not run: %1</source>
        <translation>检查无法运行：%1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>%1 passed, %2 with a warning, %3 failed, %4 skipped.</source>
        <translation>%1 项通过，%2 项有警告，%3 项失败，%4 项跳过。</translation>
    </message>
    <message>
        <source>Onramp could not create %1: %2</source>
        <translation>Onramp 无法创建 %1：%2</translation>
    </message>
    <message>
        <source>Onramp could not save %1: %2</source>
        <translation>Onramp 无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Delete snippet</source>
        <translation>删除代码片段</translation>
    </message>
    <message>
        <source>Delete %1? The file is removed from the snippets folder.</source>
        <translation>删除 %1？该文件会从代码片段文件夹中移除。</translation>
    </message>
    <message>
        <source>Onramp could not delete %1.</source>
        <translation>Onramp 无法删除 %1。</translation>
    </message>
    <message>
        <source>this snippet</source>
        <translation>这个代码片段</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>There are no snippets in %1.</source>
        <translation>%1 中没有代码片段。</translation>
    </message>
    <message>
        <source>
[more output than Onramp keeps; the start is shown]
</source>
        <translation>
[输出超出了 Onramp 保留的上限；只显示开头部分]
</translation>
    </message>
    <message>
        <source>
%1 was stopped: it ran past its deadline (%2 s).
</source>
        <translation>
%1 已被停止：运行超过了时限（%2 秒）。
</translation>
    </message>
    <message>
        <source>%1 was stopped by its deadline.</source>
        <translation>%1 已被时限停止。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>onramp::ui::ConnectionForm</name>
    <message>
        <source>e.g. aha or login.example.edu</source>
        <translation>例如 aha 或 login.example.edu</translation>
    </message>
    <message>
        <source>The cluster's login node: a host name, an address, or a Host alias from your SSH config.</source>
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
        <source>Enter the cluster's login node in Host, for example aha or login.example.edu.</source>
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
    <message>
        <source>End this session instead of reconnecting, to change where to connect.</source>
        <translation>结束此会话而不重新连接，以便更改连接目标。</translation>
    </message>
    <message>
        <source>Stop Reconnecting</source>
        <translation>停止重新连接</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>P&amp;rofile</source>
        <translation>配置档案(&amp;R)</translation>
    </message>
    <message>
        <source>Saved places to connect to. Choose one to fill in the fields below.</source>
        <translation>已保存的连接位置。选择一个即可填好下面的各项。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置档案</translation>
    </message>
    <message>
        <source>Save these fields as a profile</source>
        <translation>把这些字段保存为配置档案</translation>
    </message>
    <message>
        <source>Save as profile</source>
        <translation>另存为配置档案</translation>
    </message>
    <message>
        <source>Delete the chosen profile</source>
        <translation>删除所选的配置档案</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除配置档案</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新连接</translation>
    </message>
    <message>
        <source>Save Profile</source>
        <translation>保存配置档案</translation>
    </message>
    <message>
        <source>Name of this profile:</source>
        <translation>配置档案名称：</translation>
    </message>
</context>
<context>
    <name>onramp::ui::CredentialDialog</name>
    <message>
        <source>Unlock Your Key</source>
        <translation>解锁你的密钥</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>登录 %1</translation>
    </message>
    <message>
        <source>Unlock your key to sign in to %1</source>
        <translation>解锁你的密钥以登录 %1</translation>
    </message>
    <message>
        <source>%1 asks you to sign in</source>
        <translation>%1 要求你登录</translation>
    </message>
    <message>
        <source>Your private key is protected by a passphrase. Onramp needs it to use the key; it is not sent to the server.</source>
        <translation>你的私钥受密钥口令保护。Onramp 需要它才能使用该密钥；它不会被发送到服务器。</translation>
    </message>
    <message>
        <source>Key file: %1</source>
        <translation>密钥文件：%1</translation>
    </message>
    <message>
        <source>Not accepted: %1</source>
        <translation>未被接受：%1</translation>
    </message>
    <message>
        <source>Answer %1</source>
        <translation>回答 %1</translation>
    </message>
    <message>
        <source>Remember this password</source>
        <translation>记住此密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking whether your system keychain can keep it…</source>
        <translation>正在检查系统钥匙串能否保存它…</translation>
    </message>
    <message>
        <source>Onramp keeps it in your system keychain.</source>
        <translation>Onramp 会把它保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No system keychain is available, so Onramp keeps it for this session only, in memory.</source>
        <translation>没有可用的系统钥匙串，Onramp 只会在本次会话的内存中保存它。</translation>
    </message>
    <message>
        <source>Onramp sends it to this server only, over the encrypted connection.</source>
        <translation>Onramp 只会通过加密连接将它发送给此服务器。</translation>
    </message>
</context>
<context>
    <name>onramp::ui::DiagnosisView</name>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>Copy what happened, the explanation and the output, e.g. for your cluster's admins</source>
        <translation>复制发生的情况、解释和输出，例如用于发给集群管理员</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>解决办法：%1</translation>
    </message>
    <message>
        <source>What the tool printed (the last lines)</source>
        <translation>工具输出的内容（最后几行）</translation>
    </message>
</context>
<context>
    <name>onramp::ui::ErrorBanner</name>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>Copy the message and the technical details, e.g. for your cluster's helpdesk</source>
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
    <name>onramp::ui::GpuCard</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功耗</translation>
    </message>
    <message>
        <source>GPU %1 · %2</source>
        <translation>GPU %1 · %2</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>未知型号</translation>
    </message>
    <message>
        <source>Bus %1</source>
        <translation>总线 %1</translation>
    </message>
    <message>
        <source>Performance state %1</source>
        <translation>性能状态 %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>%1 W of %2 W</source>
        <translation>%1 W / %2 W</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>PID %1 · %2 · %3</source>
        <translation>PID %1 · %2 · %3</translation>
    </message>
    <message>
        <source>PID %1: %2</source>
        <translation>PID %1：%2</translation>
    </message>
    <message>
        <source>No processes are using this GPU.</source>
        <translation>没有进程在使用这块 GPU。</translation>
    </message>
</context>
<context>
    <name>onramp::ui::GpuDashboard</name>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>The allocation whose GPUs are shown</source>
        <translation>要显示其 GPU 的资源分配</translation>
    </message>
    <message>
        <source>Start a GPU allocation</source>
        <translation>申请 GPU 资源分配</translation>
    </message>
    <message numerus="yes">
        <source>Job %1 (%2) on %3 · %n GPU(s)</source>
        <translation>
            <numerusform>作业 %1（%2），位于 %3 · %n 块 GPU</numerusform>
        </translation>
    </message>
    <message>
        <source>Job %1 (%2) on %3 · no GPU</source>
        <translation>作业 %1（%2），位于 %3 · 无 GPU</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>作业 %1</translation>
    </message>
    <message>
        <source>Connect to the cluster to see your GPUs.</source>
        <translation>连接集群后即可查看你的 GPU。</translation>
    </message>
    <message>
        <source>Once connected, Onramp shows the GPUs of your running allocations here, updated every few seconds over the same connection.</source>
        <translation>连接后，Onramp 会在这里显示你正在运行的资源分配中的 GPU，并通过同一连接每隔几秒更新一次。</translation>
    </message>
    <message>
        <source>Looking for your allocations…</source>
        <translation>正在查找你的资源分配…</translation>
    </message>
    <message>
        <source>Your GPU job %1 is waiting to start.</source>
        <translation>你的 GPU 作业 %1 正在排队等待启动。</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Slurm has not given it a node yet.</source>
        <translation>Slurm 还没有为它分配节点。</translation>
    </message>
    <message>
        <source>You have no running GPU allocation.</source>
        <translation>你当前没有正在运行的 GPU 资源分配。</translation>
    </message>
    <message>
        <source>GPU status needs a running Slurm job that holds GPUs: Onramp looks at them from inside the job. Start an allocation below and its GPUs appear here as soon as Slurm grants it.</source>
        <translation>查看 GPU 状态需要一个持有 GPU 且正在运行的 Slurm 作业：Onramp 会在作业内部查看这些 GPU。请在下方申请资源分配，Slurm 一旦批准，它的 GPU 就会显示在这里。</translation>
    </message>
    <message>
        <source>Paused: updates resume when this view is open and Onramp is connected.</source>
        <translation>已暂停：打开此视图且 Onramp 已连接时会恢复更新。</translation>
    </message>
    <message numerus="yes">
        <source>Updated at %1 · every %n second(s)</source>
        <translation>
            <numerusform>更新于 %1 · 每 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the GPUs of job %1…</source>
        <translation>正在查询作业 %1 的 GPU…</translation>
    </message>
    <message>
        <source>The node of the allocation whose GPUs are shown</source>
        <translation>当前显示其 GPU 的资源分配节点</translation>
    </message>
</context>
<context>
    <name>onramp::ui::GpuHistoryChart</name>
    <message>
        <source>GPU utilisation (%)</source>
        <translation>GPU 利用率（%）</translation>
    </message>
    <message>
        <source>GPU memory in use (%)</source>
        <translation>GPU 显存占用（%）</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>Seconds ago</source>
        <translation>秒前</translation>
    </message>
</context>
<context>
    <name>onramp::ui::HostKeyDialog</name>
    <message>
        <source>Check the Server's Identity</source>
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
        <source>Every SSH server has a key that proves which machine it is. Onramp has no record of this server's key yet, so it cannot tell whether you reached your cluster or a machine pretending to be it.

Compare the fingerprint below with the one your cluster's administrators publish, or send it to them and ask. If it matches, choose “Trust and connect”: Onramp saves the key in %1 and will warn you if it ever changes. If you are not sure, choose Cancel.</source>
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
    <name>onramp::ui::JobsTableModel</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>onramp::ui::JobsView</name>
    <message>
        <source>Your jobs</source>
        <translation>你的作业</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Start a GPU allocation</source>
        <translation>申请 GPU 资源分配</translation>
    </message>
    <message>
        <source>Slurm reserves GPUs on a compute node for you until the time limit. While the allocation lasts, Onramp shows its GPUs live, and cancelling it gives them back.</source>
        <translation>Slurm 会在计算节点上为你保留 GPU，直到时间限制为止。资源分配期间，Onramp 会实时显示它的 GPU；取消资源分配即可归还这些 GPU。</translation>
    </message>
    <message>
        <source>Job %1 was cancelled.</source>
        <translation>作业 %1 已取消。</translation>
    </message>
    <message>
        <source>Cancel job %1?</source>
        <translation>要取消作业 %1 吗？</translation>
    </message>
    <message>
        <source>Cancel job %1 (%2)?</source>
        <translation>要取消作业 %1（%2）吗？</translation>
    </message>
    <message>
        <source>Slurm stops everything running in it and gives its resources back. Unsaved work in the job is lost.</source>
        <translation>Slurm 会停止其中正在运行的所有程序并归还资源。作业中未保存的工作将会丢失。</translation>
    </message>
    <message>
        <source>The job leaves the queue and does not start.</source>
        <translation>该作业将离开队列，不会启动。</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>取消作业</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Cancelling job %1…</source>
        <translation>正在取消作业 %1…</translation>
    </message>
    <message>
        <source>You have no jobs on the cluster right now.</source>
        <translation>你目前在集群上没有作业。</translation>
    </message>
    <message>
        <source>Nothing of yours is running or waiting in Slurm's queue. To work on a GPU, start an allocation below; it appears here while Slurm finds room for it, then runs until its time limit or until you cancel it.</source>
        <translation>Slurm 队列中没有你正在运行或排队等待的作业。要使用 GPU，请在下方申请资源分配；在 Slurm 为它寻找资源期间，它会显示在这里，之后一直运行到时间限制，或直到你取消它。</translation>
    </message>
    <message>
        <source>Your jobs appear here once Onramp is connected.</source>
        <translation>Onramp 连接后，你的作业会显示在这里。</translation>
    </message>
    <message>
        <source>Connect to the cluster's login node: Onramp then lists your Slurm jobs every few seconds over the same connection.</source>
        <translation>请连接集群的登录节点：之后 Onramp 会通过同一连接每隔几秒列出你的 Slurm 作业。</translation>
    </message>
    <message>
        <source>Paused: updates resume when this view is open and Onramp is connected.</source>
        <translation>已暂停：打开此视图且 Onramp 已连接时会恢复更新。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message numerus="yes">
        <source>Updated at %1 · every %n second(s)</source>
        <translation>
            <numerusform>更新于 %1 · 每 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking Slurm for your jobs…</source>
        <translation>正在向 Slurm 查询你的作业…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel job %1</source>
        <translation>取消作业 %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>作业 %1：%2</translation>
    </message>
    <message>
        <source>Job %1 is running on %2.</source>
        <translation>作业 %1 正在 %2 上运行。</translation>
    </message>
    <message numerus="yes">
        <source>Its %n GPU(s) are shown live in the GPU view.</source>
        <translation>
            <numerusform>它的 %n 块 GPU 会实时显示在 GPU 视图中。</numerusform>
        </translation>
    </message>
    <message>
        <source>It has no GPU.</source>
        <translation>它没有 GPU。</translation>
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
    <message>
        <source>Follow new output</source>
        <translation>跟随新输出</translation>
    </message>
    <message>
        <source>Show the time each line arrived</source>
        <translation>显示每行到达的时间</translation>
    </message>
    <message>
        <source>Show times</source>
        <translation>显示时间</translation>
    </message>
    <message>
        <source>Find in the output (Ctrl+F)</source>
        <translation>在输出中查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Find in output</source>
        <translation>在输出中查找</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>要查找的文本</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>Close find</source>
        <translation>关闭查找</translation>
    </message>
    <message>
        <source>Output from %1</source>
        <translation>来自 %1 的输出</translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) removed</source>
        <translation>
            <numerusform>已移除 %n 行较早的内容</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This pane keeps the last %n line(s); older ones are removed to keep it fast. Save the output to keep everything shown so far.</source>
        <translation>
            <numerusform>此窗格只保留最后 %n 行；更早的行会被移除以保持流畅。保存输出即可保留目前显示过的全部内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
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
        <source>Sign in to the cluster's login node over SSH. Onramp then shows which machine you reached and the Slurm partitions it offers.</source>
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
        <source>You did not trust the server's key, so Onramp did not connect. Check the fingerprint with your cluster's administrators, then connect again.</source>
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
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Round trip to the server, measured with the last keepalive</source>
        <translation>到服务器的往返时间，由最近一次保活（keepalive）测得</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Show or hide the terminal on the cluster</source>
        <translation>显示或隐藏集群上的终端</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>正在重新连接到 %1…</translation>
    </message>
    <message>
        <source>Reconnected to %1.</source>
        <translation>已重新连接到 %1。</translation>
    </message>
    <message>
        <source>The server did not accept the remembered password; Onramp forgot it.</source>
        <translation>服务器不接受记住的密码，Onramp 已将其删除。</translation>
    </message>
    <message>
        <source>Signing in with the remembered password.</source>
        <translation>正在使用记住的密码登录。</translation>
    </message>
    <message>
        <source>Connect to the cluster first, then open a terminal.</source>
        <translation>请先连接到集群，然后再打开终端。</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>The connection to %1 dropped.</source>
        <translation>与 %1 的连接中断了。</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language, profiles, polling interval and setup defaults</source>
        <translation>语言、配置档案、轮询间隔和配置默认值</translation>
    </message>
    <message>
        <source>Your PyTorch environment is ready</source>
        <translation>你的 PyTorch 环境已就绪</translation>
    </message>
    <message>
        <source>The setup on %1 needs you</source>
        <translation>%1 上的配置需要你处理</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Show or hide what the session printed (sign-in, the login node, partitions)</source>
        <translation>显示或隐藏本次会话的输出（登录过程、登录节点、分区）</translation>
    </message>
</context>
<context>
    <name>onramp::ui::PlanReviewView</name>
    <message>
        <source>conda shows a plan and asks “Proceed ([y]/n)?” before it changes anything. Onramp made the same plan with a dry run and checked it for you: read it, then approve it, edit what to install, or cancel.</source>
        <translation>conda 在做任何更改之前会显示安装计划并询问“Proceed ([y]/n)?”。Onramp 已通过试运行（dry run）生成了同样的安装计划并替你检查过：请先阅读，然后批准、修改要安装的内容，或取消。</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python：</translation>
    </message>
    <message>
        <source>PyTorch:</source>
        <translation>PyTorch：</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>频道：</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>下载：</translation>
    </message>
    <message>
        <source>Packages in the plan</source>
        <translation>安装计划中的包</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Approve and install</source>
        <translation>批准并安装</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Go back to the options: other packages, another Python version</source>
        <translation>返回选项：换用其他包或其他 Python 版本</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Install nothing and stop the setup</source>
        <translation>不安装任何内容并停止配置</translation>
    </message>
    <message>
        <source>The plan for %1</source>
        <translation>%1 的安装计划</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>%1, a CUDA build (uses the GPU)</source>
        <translation>%1，CUDA 构建（使用 GPU）</translation>
    </message>
    <message>
        <source>%1, a CUDA %2 build (uses the GPU)</source>
        <translation>%1，CUDA %2 构建（使用 GPU）</translation>
    </message>
    <message>
        <source>%1, a CPU-only build (cannot use the GPU)</source>
        <translation>%1，仅 CPU 构建（无法使用 GPU）</translation>
    </message>
    <message>
        <source>%1, build %2 (CPU or CUDA is not clear)</source>
        <translation>%1，构建 %2（无法确定是 CPU 还是 CUDA）</translation>
    </message>
    <message>
        <source>not part of this plan</source>
        <translation>不在此安装计划中</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 to download, %2 free</source>
        <translation>需下载 %1，可用空间 %2</translation>
    </message>
    <message>
        <source>Blocked: Onramp stopped this plan before anything was installed.</source>
        <translation>已阻止：Onramp 在安装任何内容之前中止了此安装计划。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>update from %1</source>
        <translation>从 %1 更新</translation>
    </message>
    <message>
        <source>downgrade from %1</source>
        <translation>从 %1 降级</translation>
    </message>
    <message>
        <source>replaces %1's</source>
        <translation>替换 %1 的包</translation>
    </message>
    <message>
        <source>reinstall</source>
        <translation>重新安装</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Already in conda's package cache: nothing to download</source>
        <translation>已在 conda 的包缓存中：无需下载</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>What conda downloads; — when the package is already in conda's package cache</source>
        <translation>conda 需要下载的大小；“—”表示该包已在 conda 的包缓存中</translation>
    </message>
    <message>
        <source>CUDA %1 · %2</source>
        <translation>CUDA %1 · %2</translation>
    </message>
    <message>
        <source>CPU only · %1</source>
        <translation>仅 CPU · %1</translation>
    </message>
</context>
<context>
    <name>onramp::ui::ReportPage</name>
    <message>
        <source>Export the report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML 网页 (*.html)</translation>
    </message>
    <message>
        <source>Markdown for a ticket (*.md)</source>
        <translation>用于工单的 Markdown (*.md)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>JSON data (*.json)</source>
        <translation>JSON 数据 (*.json)</translation>
    </message>
    <message>
        <source>Conda environment file (*.yml)</source>
        <translation>Conda 环境文件 (*.yml)</translation>
    </message>
    <message>
        <source>Nothing to report yet. The report describes what the guided setup found and did on your cluster: run the setup first, then come back here.</source>
        <translation>还没有可报告的内容。报告描述的是引导配置在你的集群上发现和完成的事情：请先运行配置，再回到这里。</translation>
    </message>
    <message>
        <source>Go to Setup</source>
        <translation>前往配置</translation>
    </message>
    <message>
        <source>Go to the Setup tab</source>
        <translation>前往“配置”标签页</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>报告语言：</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Render the report again</source>
        <translation>重新生成报告</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the report to a file</source>
        <translation>把报告导出到文件</translation>
    </message>
    <message>
        <source>HTML, Markdown, PDF, JSON or a conda environment file</source>
        <translation>HTML、Markdown、PDF、JSON 或 conda 环境文件</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>报告预览</translation>
    </message>
    <message>
        <source>Rendering the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Onramp report: %1 on %2</source>
        <translation>Onramp 报告：%2 上的 %1</translation>
    </message>
    <message>
        <source>Onramp could not render the report: %1</source>
        <translation>Onramp 无法生成报告：%1</translation>
    </message>
    <message>
        <source>Exporting the report to %1…</source>
        <translation>正在把报告导出到 %1…</translation>
    </message>
    <message>
        <source>Onramp could not write %1: %2</source>
        <translation>Onramp 无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The report was not exported: %1</source>
        <translation>报告没有导出：%1</translation>
    </message>
    <message>
        <source>The report is in %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>onramp::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Polling interval</source>
        <translation>刷新间隔</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often the GPU and jobs views ask the cluster for news</source>
        <translation>GPU 和作业视图多久向集群查询一次最新状态</translation>
    </message>
    <message>
        <source>Default environment name</source>
        <translation>默认环境名</translation>
    </message>
    <message>
        <source>The conda environment the guided setup proposes to create</source>
        <translation>引导配置默认建议创建的 conda 环境</translation>
    </message>
    <message>
        <source>Environment name problem</source>
        <translation>环境名有问题</translation>
    </message>
    <message>
        <source>Default recipe</source>
        <translation>默认安装方案</translation>
    </message>
    <message>
        <source>Cluster guide (pytorch, cudatoolkit)</source>
        <translation>集群指南中的方案（pytorch、cudatoolkit）</translation>
    </message>
    <message>
        <source>Modern (conda-forge pytorch, cuda-version)</source>
        <translation>现代方案（conda-forge 的 pytorch、cuda-version）</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>English</source>
        <extracomment>Each language is named in itself, so that it can be found whatever the current one is.</extracomment>
        <translation>English</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>&amp;Polling interval:</source>
        <translation>刷新间隔(&amp;P)：</translation>
    </message>
    <message>
        <source>Default &amp;environment:</source>
        <translation>默认环境(&amp;E)：</translation>
    </message>
    <message>
        <source>Default &amp;recipe:</source>
        <translation>默认方案(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show &amp;Welcome Page</source>
        <translation>显示欢迎页(&amp;W)</translation>
    </message>
    <message>
        <source>What Onramp does, the language, and where to start</source>
        <translation>Onramp 能做什么、界面语言，以及从哪里开始</translation>
    </message>
</context>
<context>
    <name>onramp::ui::SetupPage</name>
    <message numerus="yes">
        <source>%1 … (%n more line(s))</source>
        <translation>
            <numerusform>%1 ……（还有 %n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Setup steps</source>
        <translation>配置步骤</translation>
    </message>
    <message>
        <source>Start setup</source>
        <translation>开始配置</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop what runs now, on the cluster too</source>
        <translation>停止当前正在运行的内容，包括集群上的</translation>
    </message>
    <message>
        <source>Progress of the current step</source>
        <translation>当前步骤的进度</translation>
    </message>
    <message>
        <source>Onramp does your cluster's PyTorch guide with you, step by step: it runs the commands, checks what they print, and explains what went wrong. Nothing is installed before you approve conda's plan. Connect on the left, check the options of steps 3, 5 and 7 if you like, then press Start setup.</source>
        <translation>Onramp 会陪你一步步完成集群的 PyTorch 指南：它替你运行命令，检查输出，并解释哪里出了问题。在你批准 conda 的安装计划之前，不会安装任何东西。请先在左侧连接，如有需要可查看第 3、5、7 步的选项，然后点击“开始配置”。</translation>
    </message>
    <message>
        <source>Environment name</source>
        <translation>环境名称</translation>
    </message>
    <message>
        <source>Python version</source>
        <translation>Python 版本</translation>
    </message>
    <message>
        <source>Let conda choose</source>
        <translation>由 conda 选择</translation>
    </message>
    <message>
        <source>Environment name:</source>
        <translation>环境名称：</translation>
    </message>
    <message>
        <source>Python version:</source>
        <translation>Python 版本：</translation>
    </message>
    <message>
        <source>The guide lets conda choose; pick one when your code needs it.</source>
        <translation>指南让 conda 自行选择；如果你的代码需要特定版本，请选择一个。</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>安装方案</translation>
    </message>
    <message>
        <source>The guide's: pytorch torchvision cudatoolkit from conda-forge and pytorch</source>
        <translation>指南中的方案：从 conda-forge 和 pytorch 安装 pytorch torchvision cudatoolkit</translation>
    </message>
    <message>
        <source>Modern: pytorch from conda-forge for the driver's CUDA</source>
        <translation>现代方案：从 conda-forge 安装适配驱动 CUDA 版本的 pytorch</translation>
    </message>
    <message>
        <source>Packages to install</source>
        <translation>要安装的包</translation>
    </message>
    <message>
        <source>the recipe's packages</source>
        <translation>安装方案中的包</translation>
    </message>
    <message>
        <source>Make a new plan</source>
        <translation>生成新的安装计划</translation>
    </message>
    <message>
        <source>Recipe:</source>
        <translation>安装方案：</translation>
    </message>
    <message>
        <source>Packages:</source>
        <translation>包：</translation>
    </message>
    <message>
        <source>Leave the packages empty to use the recipe's. For another Python, add e.g. python=3.10.</source>
        <translation>包留空则使用安装方案中的包。如需其他 Python 版本，可添加例如 python=3.10。</translation>
    </message>
    <message>
        <source>Extra packages</source>
        <translation>额外的包</translation>
    </message>
    <message>
        <source>Extra packages:</source>
        <translation>额外的包：</translation>
    </message>
    <message>
        <source>The connection ended while the setup ran. Connect again and press Resume: what is done is kept.</source>
        <translation>配置运行期间连接断开了。请重新连接并点击“继续”：已完成的部分会保留。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Worth knowing</source>
        <translation>值得了解</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <source>Did not finish after %1 s: %2</source>
        <translation>%1 秒后仍未完成：%2</translation>
    </message>
    <message>
        <source>Exit status %1, %2 s.</source>
        <translation>退出码 %1，耗时 %2 秒。</translation>
    </message>
    <message>
        <source>The plan for %1 is blocked: see why below.</source>
        <translation>%1 的安装计划已被阻止：原因见下文。</translation>
    </message>
    <message>
        <source>Read the plan for %1, then approve, edit or cancel.</source>
        <translation>请阅读 %1 的安装计划，然后批准、修改或取消。</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>正在安装 %1…</translation>
    </message>
    <message>
        <source>Change the packages, then press Make a new plan.</source>
        <translation>修改要安装的包，然后点击“生成新的安装计划”。</translation>
    </message>
    <message>
        <source>Change the options, then press Start setup again.</source>
        <translation>修改选项，然后再次点击“开始配置”。</translation>
    </message>
    <message>
        <source>Making a new plan…</source>
        <translation>正在生成新的安装计划…</translation>
    </message>
    <message>
        <source>Use it as it is</source>
        <translation>直接使用</translation>
    </message>
    <message>
        <source>Remove it and start over</source>
        <translation>删除并重新开始</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <source>Go on from where the setup stopped: what is done is reused</source>
        <translation>从配置中断的地方继续：已完成的部分会被沿用</translation>
    </message>
    <message>
        <source>Connect to your cluster first (on the left).</source>
        <translation>请先连接到你的集群（在左侧）。</translation>
    </message>
    <message>
        <source>Ready. Press Start setup.</source>
        <translation>准备就绪。请点击“开始配置”。</translation>
    </message>
    <message>
        <source>Time this step has been running</source>
        <translation>此步骤已运行的时间</translation>
    </message>
    <message>
        <source>%1: %p%</source>
        <translation>%1：%p%</translation>
    </message>
    <message>
        <source>%1 (Slurm job)</source>
        <translation>%1（Slurm 作业）</translation>
    </message>
    <message>
        <source>a Slurm job from %1</source>
        <translation>来自 %1 的 Slurm 作业</translation>
    </message>
    <message>
        <source>Slurm job %1 waits in the queue (%2) for %3:%4.</source>
        <translation>Slurm 作业 %1 正在队列中等待（%2），已等待 %3:%4。</translation>
    </message>
    <message>
        <source>Following run %1 again: it kept going on the cluster while Onramp was away.</source>
        <translation>重新跟进运行 %1：Onramp 不在时，它一直在集群上继续运行。</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <source>Applying the fix…</source>
        <translation>正在应用修复……</translation>
    </message>
    <message>
        <source>Onramp needs your answer in step %1.</source>
        <translation>Onramp 需要你在第 %1 步中作答。</translation>
    </message>
    <message>
        <source>Background…</source>
        <translation>背景知识…</translation>
    </message>
    <message>
        <source>Why Python, PyTorch and conda: short background pages</source>
        <translation>为什么用 Python、PyTorch 和 conda：简短的背景介绍</translation>
    </message>
</context>
<context>
    <name>onramp::ui::SetupStepModel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3, %4</source>
        <translation>第 %1 步（共 %2 步）：%3，%4</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Needs you</source>
        <translation>需要你处理</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Already done, reused</source>
        <translation>此前已完成，直接沿用</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已阻止</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>onramp::ui::SetupStepPage</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Output of step %1</source>
        <translation>第 %1 步的输出</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Everything starts on the login node (aha): the shared machine you sign in to. It is only a door to the cluster: it has no GPU and is not meant for computing. Onramp looks around there: which conda you have, whether Slurm's commands are there, and how much space is left in your home folder and where conda keeps packages and environments (PyTorch needs a few gigabytes).</source>
        <translation>一切都从登录节点（aha）开始：这是你登录的那台共享机器。它只是进入集群的大门：没有 GPU，也不是用来计算的。Onramp 会在那里查看：你用的是哪个 conda、Slurm 的命令是否可用，以及你的主目录和 conda 存放包和环境的位置还剩多少空间（PyTorch 需要几 GB）。</translation>
    </message>
    <message>
        <source>Work runs on compute nodes, which you reach through Slurm. The guide types “srun --pty bash -i”, and the prompt changes from “you@aha” to “(base) you@node”: you are now on that node. Onramp asks Slurm for a short job to check that this works, and reads the GPU driver's CUDA version with nvidia-smi on a GPU node, which the install plan needs. All nodes share your home folder and conda, so the environment is set up once for all of them.</source>
        <translation>计算任务在计算节点上运行，你需要通过 Slurm 进入计算节点。指南中输入“srun --pty bash -i”后，提示符会从“you@aha”变为“(base) you@node”：这时你已经在那个节点上了。Onramp 会向 Slurm 申请一个短作业来确认这一步可行，并在 GPU 节点上用 nvidia-smi 读取 GPU 驱动支持的 CUDA 版本，安装计划需要用到它。所有节点共享你的主目录和 conda，所以环境只需配置一次，所有节点都能使用。</translation>
    </message>
    <message>
        <source>A conda environment is a folder with its own Python and packages, so this project cannot break another one. The guide calls it “cola”. If an environment of that name already has a PyTorch that uses the GPU, Onramp reuses it; if it has none, you choose to keep it or to start over. A new environment is created together with PyTorch in step 5, from the plan you approve, so cancelling there leaves nothing behind.</source>
        <translation>conda 环境是一个拥有独立 Python 和包的文件夹，这样这个项目就不会破坏其他项目。指南中将它命名为“cola”。如果同名环境中已有使用 GPU 的 PyTorch，Onramp 会直接沿用；如果没有，你可以选择保留它或重新开始。新环境会在第 5 步根据你批准的安装计划与 PyTorch 一起创建，所以在那里取消不会留下任何东西。</translation>
    </message>
    <message>
        <source>“conda activate” switches a shell to the environment. It relies on conda's shell functions, which “conda init” puts into ~/.bashrc, but batch jobs and Onramp's own commands do not run ~/.bashrc the way an interactive login does. Onramp activates the environment the reliable way, by loading conda.sh from conda's base folder, and explains a conda block in ~/.bashrc that prints text or runs in every non-interactive shell.</source>
        <translation>“conda activate”会把 shell 切换到该环境。它依赖 conda 的 shell 函数，这些函数由“conda init”写入 ~/.bashrc；但批处理作业和 Onramp 自己的命令不会像交互式登录那样运行 ~/.bashrc。Onramp 用可靠的方式激活环境：从 conda 的 base 文件夹加载 conda.sh；如果 ~/.bashrc 中的 conda 代码块会输出文字，或在每个非交互式 shell 中都会运行，Onramp 也会加以说明。</translation>
    </message>
    <message>
        <source>PyTorch comes from conda. The guide's recipe is “pytorch torchvision cudatoolkit -c conda-forge -c pytorch”; the modern recipe takes PyTorch from conda-forge with a CUDA version that matches the GPU nodes' driver. Before conda installs anything it shows a plan and asks “Proceed ([y]/n)?”: check the Python version and that PyTorch is a CUDA build. Onramp checks this too, and stops a CPU-only build, which would never use the GPU. The download can take minutes; it keeps running on the cluster even if your laptop sleeps.</source>
        <translation>PyTorch 通过 conda 安装。指南的方案是“pytorch torchvision cudatoolkit -c conda-forge -c pytorch”；现代方案则从 conda-forge 获取 PyTorch，并使用与 GPU 节点驱动匹配的 CUDA 版本。conda 在安装任何东西之前都会显示安装计划并询问“Proceed ([y]/n)?”：请检查 Python 版本，并确认 PyTorch 是 CUDA 构建。Onramp 也会检查这一点，并阻止仅 CPU 的构建，因为它永远不会使用 GPU。下载可能需要几分钟；即使你的笔记本电脑休眠，它也会在集群上继续运行。</translation>
    </message>
    <message>
        <source>The real test happens on a GPU node. Onramp asks Slurm for one GPU (“srun --gres=gpu:1”), shows the node's name and nvidia-smi's table, then asks PyTorch in your environment how many GPUs it sees. “torch.cuda.device_count()” must print 1, the number of GPUs asked for: then your environment can compute on the GPU.</source>
        <translation>真正的测试在 GPU 节点上进行。Onramp 向 Slurm 申请一个 GPU（“srun --gres=gpu:1”），显示节点名称和 nvidia-smi 的表格，然后询问你环境中的 PyTorch 能看到几个 GPU。“torch.cuda.device_count()”必须输出 1，即申请的 GPU 数量：这样你的环境就能在 GPU 上计算了。</translation>
    </message>
    <message>
        <source>Most projects need more than PyTorch. Onramp installs the packages below that the environment does not have yet (matplotlib, pillow and numpy, like the guide), each with its own plan to review, from conda-forge. This step is optional: empty the list to skip it.</source>
        <translation>大多数项目需要的不只是 PyTorch。Onramp 会从 conda-forge 安装下列包中环境尚未安装的那些（和指南一样：matplotlib、pillow 和 numpy），每个包都有各自的安装计划供你审阅。此步骤是可选的：清空列表即可跳过。</translation>
    </message>
    <message>
        <source>Onramp keeps what every step ran, printed and checked: the nodes, the plan you approved, nvidia-smi's table and PyTorch's answer. It stays on this computer, so a later run can pick up where this one stopped, and you can show it when you ask for help.</source>
        <translation>Onramp 会保存每一步运行的命令、输出和检查结果：所用节点、你批准的安装计划、nvidia-smi 的表格以及 PyTorch 的回答。这些记录保存在这台电脑上，以后再运行时可以从这次中断的地方继续，你向别人求助时也可以出示它们。</translation>
    </message>
    <message>
        <source>What this step runs and what the cluster prints appears here.</source>
        <translation>这一步运行的命令和集群的输出会显示在这里。</translation>
    </message>
</context>
<context>
    <name>onramp::ui::TerminalCard</name>
    <message>
        <source>Example from the guide</source>
        <translation>指南中的示例</translation>
    </message>
    <message>
        <source>%1 free where conda keeps packages and environments</source>
        <translation>conda 存放包和环境的位置还有 %1 可用空间</translation>
    </message>
    <message>
        <source>The GPU nodes' driver %1 supports CUDA %2</source>
        <translation>GPU 节点的驱动 %1 支持 CUDA %2</translation>
    </message>
    <message>
        <source>Without .bashrc, as Onramp does it: %1</source>
        <translation>不依赖 .bashrc，Onramp 的做法：%1</translation>
    </message>
    <message>
        <source>PyTorch is already there (%1): nothing to install</source>
        <translation>PyTorch 已存在（%1）：无需安装</translation>
    </message>
    <message>
        <source>the GPU's table: driver, CUDA version, memory and use</source>
        <translation>GPU 的表格：驱动、CUDA 版本、显存和使用情况</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Example terminal: %1</source>
        <translation>示例终端：%1</translation>
    </message>
    <message>
        <source>Terminal snapshot of your session on %1</source>
        <translation>你在 %1 上的会话的终端快照</translation>
    </message>
</context>
<context>
    <name>onramp::ui::TerminalPane</name>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Smaller text (Ctrl+-)</source>
        <translation>缩小文字（Ctrl+-）</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Larger text (Ctrl+=)</source>
        <translation>放大文字（Ctrl+=）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected text (Ctrl+Shift+C)</source>
        <translation>复制选中的文本（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste the clipboard into the terminal (Ctrl+Shift+V)</source>
        <translation>将剪贴板内容粘贴到终端（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <source>Clear scrollback</source>
        <translation>清除回滚内容</translation>
    </message>
    <message>
        <source>Forget the lines that scrolled off the top</source>
        <translation>清除已滚出顶部的历史行</translation>
    </message>
    <message>
        <source>Opens a shell on the login node. Type &lt;code&gt;%1&lt;/code&gt; to reach a compute node, as in the guide.</source>
        <translation>在登录节点上打开一个 shell。输入 &lt;code&gt;%1&lt;/code&gt; 即可进入计算节点，与指南中一样。</translation>
    </message>
    <message>
        <source>Open terminal</source>
        <translation>打开终端</translation>
    </message>
    <message>
        <source>Terminal — %1</source>
        <translation>终端 — %1</translation>
    </message>
</context>
<context>
    <name>onramp::ui::TerminalView</name>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Reset Zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Clear Scrollback</source>
        <translation>清除回滚内容</translation>
    </message>
    <message>
        <source>[connection ended: %1]</source>
        <translation>[连接已结束：%1]</translation>
    </message>
    <message>
        <source>[process ended: signal %1]</source>
        <translation>[进程已结束：信号 %1]</translation>
    </message>
    <message>
        <source>[process ended: exit %1]</source>
        <translation>[进程已结束：退出码 %1]</translation>
    </message>
</context>
<context>
    <name>onramp::ui::WelcomePage</name>
    <message>
        <source>Welcome to Onramp</source>
        <translation>欢迎使用 Onramp</translation>
    </message>
    <message>
        <source>Onramp sets up PyTorch on your university's GPU cluster for you, with clicks instead of a terminal, and shows you every line the cluster prints.</source>
        <translation>Onramp 帮你在学校的 GPU 集群上配置好 PyTorch：点几下鼠标即可，不用敲命令，集群输出的每一行你都能看到。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>English</source>
        <extracomment>Each language is named in itself, so that it can be found whatever the current one is.</extracomment>
        <translation>English</translation>
    </message>
    <message>
        <source>简体中文</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>接下来会发生什么</translation>
    </message>
    <message>
        <source>You sign in to the cluster's login node over SSH, with your key, password or one-time code.</source>
        <translation>你通过 SSH 登录集群的登录节点，可以用密钥、密码或一次性验证码。</translation>
    </message>
    <message>
        <source>Onramp finds conda and Slurm there and checks your free space.</source>
        <translation>Onramp 在那里找到 conda 和 Slurm，并检查你的剩余空间。</translation>
    </message>
    <message>
        <source>It reaches a compute node and creates a conda environment for you (&lt;b&gt;cola&lt;/b&gt; unless you choose another name).</source>
        <translation>它进入一个计算节点，为你创建 conda 环境（默认名为 &lt;b&gt;cola&lt;/b&gt;，也可以另取名字）。</translation>
    </message>
    <message>
        <source>You read the PyTorch install plan (Python version, CUDA or CPU build, download size) and approve it before anything is downloaded.</source>
        <translation>你先阅读 PyTorch 的安装计划（Python 版本、CUDA 版还是 CPU 版、下载大小），确认后才开始下载。</translation>
    </message>
    <message>
        <source>On a GPU node it checks that PyTorch sees the GPU: &lt;code&gt;torch.cuda.device_count()&lt;/code&gt; prints 1.</source>
        <translation>它在 GPU 节点上检查 PyTorch 能否看到 GPU：&lt;code&gt;torch.cuda.device_count()&lt;/code&gt; 输出 1。</translation>
    </message>
    <message>
        <source>Nothing on the cluster changes without your say. Long downloads keep running on the cluster when your laptop sleeps or the Wi-Fi drops; Onramp picks them up again.</source>
        <translation>未经你同意，集群上什么都不会改变。笔记本休眠或 Wi-Fi 断开时，耗时的下载会在集群上继续进行；Onramp 会重新接上。</translation>
    </message>
    <message>
        <source>Where is your cluster?</source>
        <translation>你的集群在哪里？</translation>
    </message>
    <message>
        <source>&amp;Hosts from your SSH config (~/.ssh/config):</source>
        <translation>SSH 配置（~/.ssh/config）中的主机(&amp;H)：</translation>
    </message>
    <message>
        <source>No hosts in your SSH config (~/.ssh/config) yet: start a new profile.</source>
        <translation>你的 SSH 配置（~/.ssh/config）中还没有主机：请新建一个配置档案。</translation>
    </message>
    <message>
        <source>Hosts from your SSH config</source>
        <translation>SSH 配置中的主机</translation>
    </message>
    <message>
        <source>&amp;Use This Host</source>
        <translation>使用这台主机(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;New Profile…</source>
        <translation>新建配置档案(&amp;N)…</translation>
    </message>
    <message>
        <source>Type the login node's address, your user name and key in the form</source>
        <translation>在表单中填写登录节点的地址、你的用户名和密钥</translation>
    </message>
    <message>
        <source>Try the &amp;Local Lab Cluster</source>
        <translation>试用本机实验集群(&amp;L)</translation>
    </message>
    <message>
        <source>A small Slurm cluster with two GPUs running on this computer, for trying Onramp out</source>
        <translation>在这台电脑上运行的一个带两块 GPU 的小型 Slurm 集群，用来试用 Onramp</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>跳过(&amp;S)</translation>
    </message>
    <message>
        <source>Close this page; the connection form stays in the sidebar</source>
        <translation>关闭此页；连接表单仍在侧边栏中</translation>
    </message>
</context>
</TS>
