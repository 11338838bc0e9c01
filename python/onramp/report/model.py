"""The report as data: sections of blocks, built once per language and drawn by each format."""
from __future__ import annotations

from typing import Any, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from onramp import checks, facts
from onramp.i18n import T, tr
from onramp.report import charts

TITLE = T("Onramp environment report", "Onramp 环境报告")
STEP_TITLES = {
    "identify": T("Connect and look at the login node", "连接并查看登录节点"),
    "compute-node": T("Reach a compute node", "进入计算节点"),
    "create-env": T("Create the environment", "创建环境"),
    "activation": T("Activate it without .bashrc", "不依赖 .bashrc 激活环境"),
    "install-torch": T("Install PyTorch", "安装 PyTorch"),
    "verify": T("Check PyTorch on a GPU node", "在 GPU 节点上检查 PyTorch"),
    "extra-packages": T("Install more packages", "安装其他包"),
    "evidence": T("Keep the evidence", "保存证据"),
}
STATES = {"pending": T("not started", "未开始"), "running": T("running", "进行中"),
          "waiting": T("waiting for you", "等待你的决定"), "done": T("done", "完成"),
          "reused": T("reused", "沿用已有"), "skipped": T("skipped", "已跳过"), "blocked": T("blocked", "被阻止"),
          "failed": T("failed", "失败"), "cancelled": T("cancelled", "已取消")}
STATUS = {"pass": T("pass", "通过"), "warn": T("warning", "警告"), "fail": T("fail", "失败"),
          "skip": T("skipped", "未检查")}
RESULTS = {"succeeded": T("ready (verified on a GPU node)", "就绪（已在 GPU 节点上验证）"),
           "plan-shown": T("plan shown, nothing changed", "只显示了计划，没有做任何改动"),
           "blocked": T("stopped at the plan review", "在计划审核时被阻止"), "failed": T("failed", "失败"),
           "cancelled": T("cancelled", "已取消")}
NOT_COLLECTED = T("not collected", "未收集")


class Code(NamedTuple):
    """A value shown verbatim in monospace (a path, a command)."""
    text: str


def code(text: Optional[str]) -> Optional[Code]:
    return Code(text) if text else None


class KV(NamedTuple):
    rows: List[Tuple[str, Any]]  # (label, str | Code)


class Table(NamedTuple):
    head: List[str]
    rows: List[List[Any]]
    numeric: Tuple[int, ...] = ()


class Pre(NamedTuple):
    text: str
    caption: str = ""
    collapsed: bool = False


class Chart(NamedTuple):
    name: str  # also the image name of the print variant
    caption: str
    svg: str


class Note(NamedTuple):
    text: str


class Findings(NamedTuple):
    rows: List[dict]  # checks.run_all's dicts


class Command(NamedTuple):
    command: str
    where: str
    exit_code: Any
    error: str
    started_at: str
    elapsed: str
    output: str


class StepBlock(NamedTuple):
    key: str
    title: str
    state: str
    own_checks: List[Tuple[bool, str]]  # the C++ setup's own checks (passed, message)
    diagnoses: List[Mapping]
    commands: List[Command]


class Section(NamedTuple):
    id: str
    title: str
    blocks: List[Any]


class Report(NamedTuple):
    lang: str
    title: str
    subtitle: str
    headline: str
    counts: Mapping[str, int]
    findings: List[dict]
    sections: List[Section]


def seconds(ms: Any) -> str:
    if not isinstance(ms, (int, float)) or ms < 0:
        return ""
    return "%.1f s" % (ms / 1000.0) if ms < 60000 else "%d min %02d s" % divmod(int(ms / 1000), 60)


def _value(v: Any, lang: str) -> Any:
    if v is None or v == "" or v == ():
        return tr(NOT_COLLECTED, lang)
    if isinstance(v, (list, tuple)):
        return Code("\n".join(str(x) for x in v))
    if isinstance(v, bool):
        return tr(T("yes", "是") if v else T("no", "否"), lang)
    return v


def _kv(lang: str, rows: Sequence[Tuple[T, Any]]) -> KV:
    return KV([(tr(label, lang), _value(v, lang)) for label, v in rows])


def _host_line(ev: Mapping) -> str:
    profile = facts.get(ev, "profile") or {}
    host = profile.get("host") or facts.get(ev, "host", default="")
    user = profile.get("user")
    port = profile.get("port")
    text = "%s@%s" % (user, host) if user else str(host)
    if port and int(port) != 22:
        text += ":%s" % port
    if profile.get("proxy_jump"):
        text += " (-J %s)" % profile["proxy_jump"]
    return text


def build(ev: Mapping, lang: str) -> Report:
    found = checks.evaluate(ev)
    # Problems first: a reader (or a helpdesk) looks at the top of the table.
    rows = [f.as_dict(lang) for f in sorted(found, key=lambda f: checks.ORDER.index(f.status))]
    counts = checks.summary(found)
    env = facts.env_name(ev) or "?"
    host = facts.get(ev, "profile", "name") or facts.get(ev, "host", default="") or "?"
    subtitle = tr(T("Environment “{}” on {}", "{1} 上的环境“{0}”"), lang).format(env, host)
    sections = [
        Section("summary", tr(T("Summary", "概要"), lang), [_summary(ev, lang, counts)]),
        Section("checks", tr(T("Checks", "检查结果"), lang), [Findings(rows)]),
        Section("versions", tr(T("Python, PyTorch and CUDA", "Python、PyTorch 与 CUDA"), lang), _versions(ev, lang)),
        Section("cluster", tr(T("Cluster and allocation", "集群与资源分配"), lang), _cluster(ev, lang)),
        Section("conda", tr(T("conda", "conda"), lang), _conda(ev, lang)),
        Section("storage", tr(T("Free space and quota", "剩余空间与配额"), lang), _storage(ev, lang)),
        Section("gpu", tr(T("GPU (nvidia-smi)", "GPU（nvidia-smi）"), lang), _gpu(ev, lang)),
        Section("plan", tr(T("The approved plan", "批准的安装计划"), lang), _plans(ev, lang)),
        Section("packages", tr(T("Packages in the environment", "环境中的包"), lang), _packages(ev, lang)),
        Section("commands", tr(T("What was run", "运行过的命令"), lang), _steps(ev, lang)),
    ]
    return Report(lang, tr(TITLE, lang), subtitle, _headline(ev, lang, counts), counts, rows, sections)


def _headline(ev: Mapping, lang: str, counts: Mapping[str, int]) -> str:
    text = tr(T("{} passed, {} warnings, {} failed, {} not checked.", "{} 项通过，{} 项警告，{} 项失败，{} 项未检查。"),
              lang).format(counts["pass"], counts["warn"], counts["fail"], counts["skip"])
    version, cuda = facts.torch_version(ev), facts.torch_cuda(ev)
    if version:
        build = "CUDA %s" % cuda if cuda else tr(T("CPU only", "仅 CPU"), lang)
        seen = facts.fact(ev, "verify", "device_count")
        node = facts.fact(ev, "verify", "gpu_node") or "?"
        text = tr(T("PyTorch {0} ({1}) sees {2} GPU(s) on {3}. ", "PyTorch {0}（{1}）在 {3} 上看到 {2} 块 GPU。"), lang) \
            .format(version, build, seen if seen is not None else "?", node) + text
    return text


def _summary(ev: Mapping, lang: str, counts: Mapping[str, int]) -> KV:
    result = facts.fact(ev, "evidence", "result")
    result = tr(RESULTS[result], lang) if result in RESULTS else result
    return _kv(lang, [
        (T("Environment", "环境"), facts.env_name(ev)),
        (T("Profile", "连接配置"), facts.get(ev, "profile", "name")),
        (T("Host", "主机"), _host_line(ev)),
        (T("Setup result", "配置结果"), result),
        (T("Finished at", "完成时间"), facts.fact(ev, "evidence", "finished_at")),
        (T("Collected at", "收集时间"), facts.get(ev, "collected_at")),
        (T("Onramp version", "Onramp 版本"), facts.get(ev, "onramp_version")),
    ])


def _versions(ev: Mapping, lang: str) -> List[Any]:
    probe = facts.probe(ev) or {}
    devices = ["%s: %s, %s, %s" % (d.get("index"), d.get("name", "?"), d.get("capability", "?"),
                                   facts.human_bytes(d.get("total_memory")))
               for d in probe.get("devices") or ()]
    info = facts.conda_info(ev) or {}
    cudnn = probe.get("cudnn")
    return [_kv(lang, [
        (T("Python", "Python"), facts.python_version(ev)),
        (T("Python executable", "Python 路径"), code(probe.get("executable"))),
        (T("PyTorch", "PyTorch"), facts.torch_version(ev)),
        (T("CUDA used to build PyTorch", "构建 PyTorch 的 CUDA"),
         tr(T("none (a CPU build)", "无（CPU 版本）"), lang) if facts.torch_cuda(ev) == "" else facts.torch_cuda(ev)),
        (T("PyTorch build", "PyTorch 构建"), facts.fact(ev, "install-torch", "torch_build")),
        (T("cuDNN", "cuDNN"), cudnn),
        (T("CUDA available", "CUDA 可用"), facts.fact(ev, "verify", "cuda_available")),
        (T("GPUs seen / requested", "看到 / 申请的 GPU"),
         "%s / %s" % (facts.fact(ev, "verify", "device_count", "?"), facts.gpus_requested(ev))),
        (T("GPU models", "GPU 型号"), devices or facts.fact(ev, "verify", "device_name")),
        (T("Architectures compiled in", "编译进的架构"), " ".join(probe.get("arch_list") or ())),
        (T("NVIDIA driver", "NVIDIA 驱动"), facts.fact(ev, "compute-node", "driver_version")),
        (T("CUDA the driver supports", "驱动支持的 CUDA"), facts.driver_cuda(ev)),
        (T("CUDA_VISIBLE_DEVICES in the job", "作业中的 CUDA_VISIBLE_DEVICES"), probe.get("cuda_visible_devices")),
        (T("Operating system (login node)", "操作系统（登录节点）"), info.get("user_agent")),
        (T("glibc (login node)", "glibc（登录节点）"),
         next((v[1] for v in info.get("virtual_pkgs") or () if len(v) > 1 and v[0] == "__glibc"), None)),
    ])]


def _cluster(ev: Mapping, lang: str) -> List[Any]:
    profile = facts.get(ev, "profile") or {}
    allocations = [c["command"] for key, c in facts.commands(ev)
                   if key in ("compute-node", "verify") and facts.on_compute_node(c)]
    return [_kv(lang, [
        (T("Profile", "连接配置"), profile.get("name")),
        (T("Host", "主机"), profile.get("host") or facts.get(ev, "host")),
        (T("User", "用户"), profile.get("user")),
        (T("Port", "端口"), profile.get("port")),
        (T("Jump hosts", "跳板机"), profile.get("proxy_jump") or ("-" if profile else None)),
        (T("Login node", "登录节点"), facts.fact(ev, "identify", "login_node")),
        (T("Home folder", "主目录"), facts.fact(ev, "identify", "home")),
        (T("Default partition", "默认分区"), facts.fact(ev, "identify", "default_partition")),
        (T("Partitions", "分区"), ", ".join(facts.fact(ev, "identify", "partitions") or ())),
        (T("Partition asked for", "申请的分区"), facts.get(ev, "options", "partition") or
         tr(T("the default", "默认"), lang)),
        (T("Compute node", "计算节点"), facts.fact(ev, "compute-node", "compute_node")),
        (T("GPU node (verification)", "GPU 节点（验证）"), facts.fact(ev, "verify", "gpu_node")),
        (T("GPU model (nvidia-smi)", "GPU 型号（nvidia-smi）"), facts.fact(ev, "compute-node", "gpu_name")),
        (T("Allocations", "资源申请"), code("\n".join(facts.first_line(c, 160) for c in allocations))),
    ])]


def _conda(ev: Mapping, lang: str) -> List[Any]:
    info = facts.conda_info(ev) or {}
    return [_kv(lang, [
        (T("conda", "conda"), code(facts.fact(ev, "identify", "conda"))),
        (T("conda version", "conda 版本"), facts.fact(ev, "identify", "conda_version")),
        (T("Base", "base 目录"), facts.fact(ev, "identify", "conda_base")),
        (T("pkgs_dirs", "pkgs_dirs"), facts.fact(ev, "identify", "pkgs_dirs")),
        (T("envs_dirs", "envs_dirs"), facts.fact(ev, "identify", "envs_dirs")),
        (T("Channels (.condarc)", "channel（.condarc）"), info.get("channels")),
        (T("Configuration files", "配置文件"), info.get("config_files")),
        (T("Platform", "平台"), info.get("platform")),
        (T("Environment", "环境"), facts.env_name(ev)),
        (T("Prefix", "路径"), facts.fact(ev, "create-env", "prefix")),
        (T("Created or reused", "新建或沿用"), facts.fact(ev, "create-env", "choice")),
        (T("Activation (no .bashrc needed)", "激活命令（不需要 .bashrc）"),
         code(facts.fact(ev, "activation", "activation"))),
    ])]


def _storage(ev: Mapping, lang: str) -> List[Any]:
    blocks: List[Any] = []
    space = facts.fact(ev, "identify", "space") or ()
    if space:
        blocks.append(Table([tr(x, lang) for x in (T("Folder", "目录"), T("Filesystem", "文件系统"),
                                                   T("Free", "可用"), T("Used", "已用"),
                                                   T("Mounted on", "挂载点"))],
                            [[Code(s.get("path", "")), s.get("filesystem", ""),
                              facts.human_bytes(s.get("available_bytes")), s.get("capacity", ""),
                              s.get("mounted_on", "")] for s in space], numeric=(2, 3)))
    else:
        blocks.append(Note(tr(T("Free space was not collected.", "没有收集剩余空间信息。"), lang)))
    quota = facts.fact(ev, "identify", "quota")
    if quota:
        blocks.append(Pre(quota, "quota -s"))
    else:
        blocks.append(Note(tr(T("quota: no quota command on the login node, or it printed nothing.",
                                "quota：登录节点上没有 quota 命令，或它没有输出。") if quota == "" else
                              T("quota was not collected.", "没有收集配额信息。"), lang)))
    return blocks


def _gpu(ev: Mapping, lang: str) -> List[Any]:
    blocks: List[Any] = []
    history = [h for h in facts.get(ev, "gpu_history", default=()) or () if facts.parse_time(h.get("t"))]
    if len(history) >= 2:
        blocks.extend(_history(history, lang))
    else:
        blocks.append(Note(tr(T("No GPU history was collected (Onramp records it while it watches your jobs).",
                                "没有收集 GPU 历史数据（Onramp 在监视作业时记录）。"), lang)))
    smi = facts.fact(ev, "verify", "nvidia_smi")
    if smi:
        blocks.append(Pre(smi, tr(T("nvidia-smi on {}", "{} 上的 nvidia-smi"), lang)
                          .format(facts.fact(ev, "verify", "gpu_node") or "?")))
    else:
        blocks.append(Note(tr(T("nvidia-smi on the GPU node was not collected.", "没有收集 GPU 节点上的 nvidia-smi 输出。"),
                              lang)))
    return blocks


def _history(history: List[Mapping], lang: str) -> List[Any]:
    start = facts.parse_time(history[0]["t"])
    per_gpu: dict = {}
    for h in history:
        x = (facts.parse_time(h["t"]) - start).total_seconds()
        for g in h.get("gpus") or ():
            per_gpu.setdefault((g.get("index"), g.get("name", "")), []).append((x, g))
    times = (history[0]["t"][11:16], history[-1]["t"][11:16])
    util = [("GPU %s" % i, [(x, g.get("util_percent", 0) or 0) for x, g in pts]) for (i, _), pts in per_gpu.items()]
    mem = [("GPU %s" % i, [(x, (g.get("memory_used_mib", 0) or 0) / 1024.0) for x, g in pts])
           for (i, _), pts in per_gpu.items()]
    total = max([(g.get("memory_total_mib") or 0) / 1024.0 for pts in per_gpu.values() for _, g in pts] + [1])
    util_title = tr(T("GPU utilisation (%)", "GPU 利用率（%）"), lang)
    mem_title = tr(T("GPU memory used (GiB)", "GPU 显存占用（GiB）"), lang)
    rows = []
    for (i, name), pts in per_gpu.items():
        u = [g.get("util_percent", 0) or 0 for _, g in pts]
        m = [g.get("memory_used_mib", 0) or 0 for _, g in pts]
        rows.append([str(i), name, str(len(pts)), "%d%%" % max(u), "%.0f%%" % (sum(u) / len(u)),
                     "%s / %s" % (facts.human_bytes(max(m) * 1024 ** 2),
                                  facts.human_bytes((pts[0][1].get("memory_total_mib") or 0) * 1024 ** 2))])
    head = [tr(x, lang) for x in (T("GPU", "GPU"), T("Model", "型号"), T("Samples", "采样数"),
                                  T("Peak utilisation", "最高利用率"), T("Mean utilisation", "平均利用率"),
                                  T("Peak memory", "最高显存"))]
    return [Chart("gpu-utilisation.svg", util_title, charts.line_chart(util_title, util, 100, "%", times)),
            Chart("gpu-memory.svg", mem_title, charts.line_chart(mem_title, mem, total, "GiB", times)),
            Table(head, rows, numeric=(2, 3, 4))]


def _plans(ev: Mapping, lang: str) -> List[Any]:
    blocks: List[Any] = []
    for key in ("install-torch", "extra-packages"):
        for plan in facts.fact(ev, key, "plans") or ():
            torch = plan.get("torch") or {}
            in_plan = ("%s %s (%s, %s)" % (torch.get("version"), torch.get("variant"), torch.get("cuda") or "-",
                                           torch.get("build")) if torch.get("variant") not in (None, "absent")
                       else "-")
            blocks.append(_kv(lang, [
                (T("Plan", "计划"), plan.get("title")),
                (T("Specs", "包规格"), code(" ".join(plan.get("specs") or ()))),
                (T("Channels", "channel"), ", ".join(plan.get("channels") or ())),
                (T("PyTorch in the plan", "计划中的 PyTorch"), in_plan),
                (T("Solved with CONDA_OVERRIDE_CUDA", "求解时的 CONDA_OVERRIDE_CUDA"), plan.get("override_cuda") or "-"),
                (T("Download", "下载量"), facts.human_bytes(plan.get("download_bytes"))),
                (T("Blocked", "被阻止"), bool(plan.get("blocked"))),
            ]))
            entries = plan.get("entries") or ()
            blocks.append(Table([tr(x, lang) for x in (T("Change", "变更"), T("Package", "包"), T("Version", "版本"),
                                                       T("Build", "构建"), T("Channel", "channel"), T("Size", "大小"))],
                                [[e.get("change", ""), e.get("name", ""), e.get("version", ""), e.get("build", ""),
                                  e.get("channel", ""), facts.human_bytes(e.get("size"))] for e in entries],
                                numeric=(5,)))
    if not blocks:
        blocks.append(Note(tr(T("No install plan was recorded.", "没有记录安装计划。"), lang)))
    return blocks


def _packages(ev: Mapping, lang: str) -> List[Any]:
    pkgs = sorted(facts.packages(ev), key=lambda p: p.get("name", ""))
    if not pkgs:
        return [Note(tr(T("The environment's packages were not collected.", "没有收集环境中的包列表。"), lang))]
    blocks: List[Any] = []
    sized = sorted((p for p in pkgs if isinstance(p.get("size"), (int, float)) and p["size"] > 0),
                   key=lambda p: -p["size"])
    if sized:
        title = tr(T("Largest packages ({} in all)", "最大的包（共 {}）"), lang).format(
            facts.human_bytes(sum(p["size"] for p in sized)))
        items = [(p["name"], p["size"], facts.human_bytes(p["size"])) for p in sized[:12]]
        blocks.append(Chart("package-sizes.svg", title, charts.bar_chart(title, items)))
    head = [tr(x, lang) for x in (T("Package", "包"), T("Version", "版本"), T("Build", "构建"),
                                  T("Channel", "channel"), T("Size", "大小"))]
    blocks.append(Table(head, [[p.get("name", ""), p.get("version", ""), p.get("build", ""), p.get("channel", ""),
                                facts.human_bytes(p.get("size"))] for p in pkgs], numeric=(4,)))
    return blocks


def _steps(ev: Mapping, lang: str) -> List[Any]:
    blocks: List[Any] = []
    for s in facts.get(ev, "steps", default=()) or ():
        key = s.get("step", "")
        cmds = [Command(c.get("command", ""), c.get("where", ""), c.get("exit_code"), c.get("error", ""),
                        c.get("started_at", ""), seconds(c.get("elapsed_ms")), c.get("output", ""))
                for c in s.get("commands") or ()]
        blocks.append(StepBlock(key, tr(STEP_TITLES.get(key, T(key, key)), lang),
                                tr(STATES.get(s.get("state"), T(str(s.get("state")), str(s.get("state")))), lang),
                                [(bool(c.get("passed")), c.get("message", "")) for c in s.get("checks") or ()],
                                list(s.get("diagnoses") or ()), cmds))
    if not blocks:
        blocks.append(Note(tr(T("No steps were recorded.", "没有记录任何步骤。"), lang)))
    return blocks


def tail(text: str, lines: int) -> str:
    kept = (text or "").rstrip("\n").splitlines()
    return "\n".join(kept[-lines:])
