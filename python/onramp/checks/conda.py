"""conda: the Python pin, where packages and environments go, the quota, and the channels."""
from __future__ import annotations

import re

from onramp import facts
from onramp.checks import check, fail, not_collected, passed, skip, warn
from onramp.i18n import T

NEARLY_FULL = 0.95
FILLING = 0.85
LAST_PYTORCH_CHANNEL_RELEASE = (2, 5)  # pytorch's own conda channel published nothing newer
DEFAULTS = {"defaults", "main", "pkgs/main", "pkgs/r", "r", "anaconda"}


@check("python.pin", T("Python matches the pinned version", "Python 与指定的版本一致"))
def python_pin(ev):
    pin = facts.get(ev, "options", "python", default="") or ""
    actual = facts.python_version(ev)
    if not pin:
        return skip(T("No Python version was pinned; conda chose {}.", "没有指定 Python 版本；conda 选择了 {}。")
                    .format(actual or "?"))
    if not actual:
        return not_collected("the probe's python (verify)", "packages")
    if facts.version_tuple(actual)[:len(facts.version_tuple(pin))] == facts.version_tuple(pin):
        return passed(T("Python {} matches the pin {}.", "Python {} 与指定的 {} 一致。").format(actual, pin))
    env = facts.env_name(ev) or "ENV"
    return fail(T("The environment has Python {}, but {} was pinned.", "环境里是 Python {}，但指定的是 {}。")
                .format(actual, pin),
                T("Create the environment again with the pin: `onramp-cli setup --host {} --env {} --python {}` "
                  "(or `conda create -n {} python={} pytorch`).",
                  "按指定版本重新创建环境：`onramp-cli setup --host {} --env {} --python {}`"
                  "（或 `conda create -n {} python={} pytorch`）。")
                .format(facts.get(ev, "host", default="HOST"), env, pin, env, pin))


def _is_default_dir(path: str, base: str, home: str, kind: str) -> bool:
    return path in ("%s/%s" % (base, kind), "%s/.conda/%s" % (home, kind))


def _space_of(ev, path):
    for entry in facts.fact(ev, "identify", "space") or ():
        if entry.get("path") == path:
            return entry
    return None


@check("conda.dirs", T("conda's package and environment folders have room",
                       "conda 的包缓存和环境目录有足够空间"))
def conda_dirs(ev):
    pkgs = facts.fact(ev, "identify", "pkgs_dirs")
    envs = facts.fact(ev, "identify", "envs_dirs")
    if not pkgs or not envs:
        return not_collected("identify.facts.pkgs_dirs", "identify.facts.envs_dirs")
    base = facts.fact(ev, "identify", "conda_base") or ""
    home = facts.fact(ev, "identify", "home") or ""
    moved = {kind: not _is_default_dir(dirs[0], base, home, kind) for kind, dirs in (("pkgs", pkgs),
                                                                                      ("envs", envs))}
    if moved["pkgs"] != moved["envs"]:
        where = pkgs[0] if moved["pkgs"] else envs[0]
        target = where.rsplit("/", 1)[0]
        return warn(T("Only one of conda's folders was moved: packages go to {}, environments to {}. "
                      "The one left in place fills your home folder.",
                      "conda 只移动了其中一个目录：包缓存在 {}，环境在 {}。留在原处的那个会占满你的主目录。")
                    .format(pkgs[0], envs[0]),
                    T("Move both to the same filesystem: `conda config --prepend pkgs_dirs {0}/pkgs` and "
                      "`conda config --prepend envs_dirs {0}/envs`.",
                      "把两个目录都放到同一个文件系统：`conda config --prepend pkgs_dirs {0}/pkgs` 和 "
                      "`conda config --prepend envs_dirs {0}/envs`。").format(target))
    seen = [(p, _space_of(ev, p)) for p in (pkgs[0], envs[0])]
    unknown = [p for p, s in seen if s is None or s.get("available_bytes", -1) < 0]
    if unknown:
        return not_collected("identify.facts.space (%s)" % ", ".join(unknown))
    fix = T("Free space with `conda clean --all -y`, or move conda's folders to a larger filesystem "
            "(scratch, project): `conda config --prepend pkgs_dirs /scratch/$USER/conda/pkgs` and "
            "`conda config --prepend envs_dirs /scratch/$USER/conda/envs`.",
            "用 `conda clean --all -y` 清理空间，或把 conda 的目录移到更大的文件系统（scratch、项目目录）："
            "`conda config --prepend pkgs_dirs /scratch/$USER/conda/pkgs` 和 "
            "`conda config --prepend envs_dirs /scratch/$USER/conda/envs`。")
    for path, s in seen:
        free = facts.human_bytes(s["available_bytes"])
        if s["available_bytes"] < facts.ENOUGH_FREE_BYTES:
            return fail(T("Only {1} free at {0} ({2}): PyTorch needs about 5 GB.",
                                        "{0}（{2}）只剩 {1} 可用：PyTorch 需要约 5 GB。")
                        .format(path, free, s.get("mounted_on", "")), fix)
        if _percent(s.get("capacity")) >= NEARLY_FULL * 100:
            return warn(T("The filesystem of {} is {} full ({} free).", "{} 所在的文件系统已用 {}（剩余 {}）。")
                        .format(path, s.get("capacity"), free), fix)
    return passed(T("Packages ({}) and environments ({}) have room: {} free.",
                    "包缓存（{}）和环境（{}）空间充足：剩余 {}。")
                  .format(pkgs[0], envs[0], facts.human_bytes(min(s["available_bytes"] for _, s in seen))))


def _percent(text) -> float:
    m = re.match(r"\s*(\d+(?:\.\d+)?)%", str(text or ""))
    return float(m.group(1)) if m else 0.0


@check("quota.room", T("The environment is not on a nearly full quota", "环境所在的配额没有快满"))
def quota_room(ev):
    if not facts.has_fact(ev, "identify", "quota"):
        return not_collected("identify.facts.quota")
    text = facts.fact(ev, "identify", "quota") or ""
    if not text.strip():
        return skip(T("The login node has no quota command (or it printed nothing): no quota to check.",
                      "登录节点上没有 quota 命令（或它没有输出）：没有可检查的配额。"))
    rows = [r for r in facts.parse_quota(text) if r["limit_bytes"] > 0]
    if not rows:
        if re.search(r"none|no limited resources", text, re.I):
            return passed(T("quota reports no limits for you.", "quota 显示你没有配额限制。"))
        return skip(T("quota's output was not understood: “{}”.", "无法理解 quota 的输出：“{}”。")
                    .format(text.strip().splitlines()[-1]))
    envs_fs = (_space_of(ev, (facts.fact(ev, "identify", "envs_dirs") or [""])[0]) or {}).get("filesystem")
    mine = [r for r in rows if r["filesystem"] == envs_fs] or rows
    worst = max(mine, key=lambda r: r["used_bytes"] / r["limit_bytes"])
    share = worst["used_bytes"] / worst["limit_bytes"]
    said = T("{}: {} of {} used ({:.0%}).", "{}：已用 {}，上限 {}（{:.0%}）。").format(
        worst["filesystem"], facts.human_bytes(worst["used_bytes"]), facts.human_bytes(worst["limit_bytes"]), share)
    fix = T("Find what is large with `du -sh ~/.conda ~/miniconda3/pkgs ~/.cache/pip`, free conda's cache with "
            "`conda clean --all -y`, or move environments off the quota: "
            "`conda config --prepend envs_dirs /scratch/$USER/conda/envs`.",
            "用 `du -sh ~/.conda ~/miniconda3/pkgs ~/.cache/pip` 找出占空间的目录，用 `conda clean --all -y` "
            "清理 conda 缓存，或把环境移出配额：`conda config --prepend envs_dirs /scratch/$USER/conda/envs`。")
    if worst["over"] or share >= NEARLY_FULL:
        return fail(T("The quota is nearly full — installs will fail with “Disk quota exceeded”. ",
                      "配额快满了——安装会因“Disk quota exceeded”失败。") + said, fix)
    if share >= FILLING:
        return warn(T("The quota is filling up. ", "配额即将用完。") + said, fix)
    return passed(T("The quota has room. ", "配额空间充足。") + said)


def _channel_name(channel: str) -> str:
    name = re.sub(r"^https?://[^/]+/", "", channel or "").strip("/")
    name = re.sub(r"/(linux-64|noarch|osx-arm64|osx-64|win-64|linux-aarch64)$", "", name)
    return "defaults" if name in DEFAULTS else name


def _channels_asked(ev):
    asked = []
    for step, c in facts.commands(ev):
        w = facts.words(c.get("command", ""))
        if "conda" not in " ".join(w) or not re.search(r"\b(create|install|update)\b", c.get("command", "")):
            continue
        for i, word in enumerate(w[:-1]):
            if word in ("-c", "--channel"):
                asked.append((w[i + 1], c.get("command", "")))
    return asked


@check("conda.channels", T("Channels are consistent", "channel 来源一致"))
def conda_channels(ev):
    asked = _channels_asked(ev)
    pkgs = facts.packages(ev)
    if not asked and not pkgs:
        return not_collected("packages", "install commands (install-torch.commands)")
    version = facts.torch_version(ev)
    env = facts.env_name(ev) or "ENV"
    with_pytorch = [cmd for ch, cmd in asked if _channel_name(ch) == "pytorch"]
    if with_pytorch and facts.version_tuple(version) >= (2, 6):
        return fail(T("`-c pytorch` was used for PyTorch {}: the pytorch channel stopped publishing conda "
                      "packages after 2.5, so it only mixes stale packages into the environment.",
                      "安装 PyTorch {} 时用了 `-c pytorch`：pytorch channel 在 2.5 之后就不再发布 conda 包，"
                      "它只会把过时的包混进环境。").format(version),
                    T("Use conda-forge alone: `conda install -n {} -c conda-forge --override-channels pytorch`, "
                      "and drop the channel from .condarc: `conda config --remove channels pytorch`.",
                      "只用 conda-forge：`conda install -n {} -c conda-forge --override-channels pytorch`，"
                      "并从 .condarc 中删除它：`conda config --remove channels pytorch`。").format(env))
    families = sorted({_channel_name(p.get("channel", "")) for p in pkgs} - {"", "pypi"})
    if "defaults" in families and "conda-forge" in families:
        return warn(T("The environment mixes packages from defaults and conda-forge ({}): their builds are not "
                      "made to work together, which breaks imports in odd ways.",
                      "环境里混用了 defaults 和 conda-forge 的包（{}）：两者的构建并不互相兼容，"
                      "会导致各种奇怪的导入错误。").format(", ".join(families)),
                    T("Prefer one channel: `conda config --add channels conda-forge` and "
                      "`conda config --set channel_priority strict`, then `conda update -n {} --all`.",
                      "只用一个 channel：`conda config --add channels conda-forge`、"
                      "`conda config --set channel_priority strict`，然后 `conda update -n {} --all`。")
                    .format(env))
    note = T(" `-c pytorch` was given; that channel has no PyTorch newer than 2.5.",
             "安装时用了 `-c pytorch`；该 channel 没有 2.5 之后的 PyTorch。") if with_pytorch else T("", "")
    return passed(T("Packages come from {}.", "包来自 {}。").format(", ".join(families) or "?") + note)
