"""The login shell (.bashrc) and where the work ran."""
from __future__ import annotations

import re

from onramp import facts
from onramp.checks import check, fail, not_collected, passed, warn
from onramp.i18n import T

_INSTALL = re.compile(r"\b(?:conda|mamba|micromamba)\s+(?:env\s+)?(?:create|install|update|upgrade)\b"
                      r"|\bpip3?\s+install\b")
# Running programs, not asking a version: a script, a compiler, a distributed launcher, importing torch.
_HEAVY = re.compile(r"\bpython[\d.]*\s+(?:-u\s+)?[\w./-]+\.py\b|\b(?:torchrun|nvcc|deepspeed|accelerate\s+launch)\b"
                    r"|\bmake\s+-j|import torch")


@check("bashrc.quiet", T(".bashrc prints nothing in non-interactive shells", ".bashrc 在非交互式 shell 中不输出内容"))
def bashrc_quiet(ev):
    if not facts.has_fact(ev, "identify", "shell_noise"):
        return not_collected("identify.facts.shell_noise")
    noise = (facts.fact(ev, "identify", "shell_noise") or "").strip()
    if not noise:
        return passed(T("Non-interactive shells print nothing of their own.", "非交互式 shell 没有额外输出。"))
    first = noise.splitlines()[0]
    return fail(T("Every non-interactive shell prints “{}”: scp, sftp, rsync and tools like Onramp break or "
                  "misread their output.",
                  "每个非交互式 shell 都会输出“{}”：scp、sftp、rsync 以及 Onramp 这类工具会因此出错或误读输出。")
                .format(first),
                T("Move the lines that print below the guard at the top of ~/.bashrc: `[[ $- == *i* ]] || return`, "
                  "or wrap them: `if [[ $- == *i* ]]; then ...; fi`. Test with `ssh HOST true` (it must print "
                  "nothing).",
                  "把会输出内容的行移到 ~/.bashrc 开头的判断之后：`[[ $- == *i* ]] || return`，"
                  "或者用 `if [[ $- == *i* ]]; then ...; fi` 包起来。用 `ssh HOST true` 测试（应当没有任何输出）。"))


@check("bashrc.conda-init", T("The conda init block is guarded", "conda init 代码块受保护"))
def bashrc_conda_init(ev):
    if not facts.has_fact(ev, "activation", "bashrc_conda_init"):
        return not_collected("activation.facts.bashrc_conda_init")
    if not facts.fact(ev, "activation", "bashrc_conda_init"):
        return passed(T(".bashrc has no `conda init` block; the environment is activated with "
                        "`. BASE/etc/profile.d/conda.sh`, which does not depend on it.",
                        ".bashrc 里没有 `conda init` 代码块；环境通过 `. BASE/etc/profile.d/conda.sh` 激活，"
                        "不依赖它。"))
    if not facts.fact(ev, "activation", "bashrc_conda_init_noninteractive"):
        return passed(T("The `conda init` block runs only in interactive shells.",
                        "`conda init` 代码块只在交互式 shell 中运行。"))
    guard = facts.fact(ev, "activation", "bashrc_interactive_guard")
    return warn(T("The `conda init` block runs in every shell, also non-interactive ones{}: each scp, sftp and "
                  "batch job starts conda first, which is slow and can print.",
                  "`conda init` 代码块在所有 shell 中都会运行，包括非交互式 shell{}：每次 scp、sftp 和批处理作业"
                  "都要先启动 conda，既慢又可能产生输出。")
                .format(*((" (it comes before the interactive guard)", "（它位于交互式判断之前）") if guard
                          else ("", ""))),
                T("Move the whole `# >>> conda initialize >>>` … `# <<< conda initialize <<<` block below "
                  "`[[ $- == *i* ]] || return` in ~/.bashrc (add that line if it is missing). Jobs activate with "
                  "`. $(conda info --base)/etc/profile.d/conda.sh && conda activate ENV`.",
                  "把整个 `# >>> conda initialize >>>` … `# <<< conda initialize <<<` 代码块移到 ~/.bashrc 中 "
                  "`[[ $- == *i* ]] || return` 之后（没有这一行就加上）。作业中用 "
                  "`. $(conda info --base)/etc/profile.d/conda.sh && conda activate ENV` 激活。"))


@check("login.heavy-work", T("Heavy work was not done on the login node", "没有在登录节点上做繁重的工作"))
def login_heavy_work(ev):
    ran = [c for _, c in facts.commands(ev)]
    if not ran:
        return not_collected("steps[].commands")
    login = [c for c in ran if not facts.on_compute_node(c) and c.get("exit_code") is not None]
    heavy = [c["command"] for c in login if _HEAVY.search(c.get("command", ""))]
    installs = [c["command"] for c in login
                if _INSTALL.search(c.get("command", "")) and "--dry-run" not in c.get("command", "")]
    node = facts.fact(ev, "identify", "login_node") or "?"
    interactive = "srun -p %s --time=60 --pty bash -i" % (facts.fact(ev, "identify", "default_partition") or "cpu")
    if heavy:
        return fail(T("Programs ran on the login node {}: `{}`. The login node is shared by everyone and has no "
                      "GPU; admins stop such processes.",
                      "在登录节点 {} 上运行了程序：`{}`。登录节点是所有人共用的，也没有 GPU，"
                      "管理员会终止这类进程。").format(node, facts.first_line(heavy[0])),
                    T("Run it in a job: `srun --gres=gpu:1 --pty bash -i`, or `sbatch job.sh` for long runs.",
                      "请在作业中运行：`srun --gres=gpu:1 --pty bash -i`，长时间任务用 `sbatch job.sh`。"))
    if installs:
        return warn(T("{} install(s) ran on the login node {} (e.g. `{}`). The cluster's guide asks to set up "
                      "environments from a compute node: solving and unpacking slow the login node down for "
                      "everyone.",
                      "有 {} 次安装在登录节点 {} 上运行（例如 `{}`）。集群指南要求在计算节点上配置环境："
                      "求解依赖和解压会拖慢所有人使用的登录节点。").format(len(installs), node,
                                                                  facts.first_line(installs[0])),
                    T("Open a shell on a compute node first, then install there: `{}`, then "
                      "`conda activate ENV` and `conda install ...`.",
                      "先进入计算节点的 shell，再在那里安装：`{}`，然后 `conda activate ENV` 和 "
                      "`conda install ...`。").format(interactive))
    return passed(T("{} command(s) ran on the login node; none of them installed packages or ran programs.",
                    "登录节点上运行了 {} 条命令，其中没有安装包，也没有运行程序。")
                  .format(len(login)))
