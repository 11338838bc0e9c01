"""Reading the evidence: the steps' facts, and what can be recovered from the commands' own output.

Everything here tolerates missing keys (an interrupted setup, an older journal) and returns None or an
empty value rather than raising.
"""
from __future__ import annotations

import json
import re
import shlex
from datetime import datetime
from typing import Any, Iterator, List, Mapping, Optional, Tuple

import onramp

STEPS = ("identify", "compute-node", "create-env", "activation", "install-torch", "verify",
         "extra-packages", "evidence")
GIB = 1024 ** 3
ENOUGH_FREE_BYTES = 5 * 1000 ** 3  # what the setup engine asks for PyTorch (kEnoughFreeBytes)
_MISSING = object()


def current(ev: Optional[Mapping]) -> Mapping:
    return onramp.evidence() if ev is None else (ev if isinstance(ev, Mapping) else {})


def get(mapping: Any, *path: Any, default: Any = None) -> Any:
    """mapping[path[0]][path[1]]...; `default` where any part is missing or of the wrong kind."""
    value = mapping
    for key in path:
        if isinstance(key, int) and isinstance(value, (list, tuple)) and -len(value) <= key < len(value):
            value = value[key]
        elif isinstance(value, Mapping) and key in value:
            value = value[key]
        else:
            return default
    return value


def step(ev: Mapping, key: str) -> Mapping:
    for s in get(ev, "steps", default=()) or ():
        if get(s, "step") == key:
            return s
    return {}


def fact(ev: Mapping, step_key: str, name: str, default: Any = None) -> Any:
    return get(step(ev, step_key), "facts", name, default=default)


def has_fact(ev: Mapping, step_key: str, name: str) -> bool:
    return get(step(ev, step_key), "facts", name, default=_MISSING) is not _MISSING


def commands(ev: Mapping) -> Iterator[Tuple[str, Mapping]]:
    for s in get(ev, "steps", default=()) or ():
        for c in get(s, "commands", default=()) or ():
            yield get(s, "step", default=""), c


def last_output(ev: Mapping, pattern: str, steps: Tuple[str, ...] = STEPS) -> Optional[str]:
    """The output of the last successful command matching `pattern` in those steps."""
    found = None
    for key, c in commands(ev):
        if key in steps and re.search(pattern, get(c, "command", default="")) and get(c, "exit_code") == 0:
            found = get(c, "output", default="")
    return found


def _json_in(text: Optional[str], marker: str = "") -> Optional[dict]:
    """The last JSON object in a command's output (conda and the probe may print other lines around it)."""
    if not text:
        return None
    try:
        value = json.loads(text)
        return value if isinstance(value, dict) else None
    except ValueError:
        pass
    for line in reversed(text.splitlines()):
        line = line.strip()
        if line.startswith("{") and marker in line:
            try:
                return json.loads(line)
            except ValueError:
                continue
    return None


def probe(ev: Mapping) -> Optional[dict]:
    """The PyTorch probe's JSON line, printed by the verification job."""
    return _json_in(last_output(ev, r"onramp_probe|@@onramp:probe@@", ("verify",)), '"onramp_probe"')


def conda_info(ev: Mapping) -> Optional[dict]:
    return _json_in(last_output(ev, r"\bconda info --json\b", ("identify",)))


def torch_version(ev: Mapping) -> str:
    return (fact(ev, "verify", "torch_version") or get(probe(ev), "torch") or plan_torch(ev).get("version")
            or "")


def torch_cuda(ev: Mapping) -> Optional[str]:
    """torch.version.cuda: "11.8", "" for a CPU build, None when nothing says."""
    if has_fact(ev, "verify", "torch_version"):
        return fact(ev, "verify", "torch_cuda") or ""
    build = fact(ev, "install-torch", "torch_build")
    if build:
        m = re.search(r"cuda(\d+)(\d)\b|cuda(\d+)\.(\d+)", build)
        if m:
            major, minor = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            return "%s.%s" % (major, minor)
        return "" if "cpu" in build else None
    return None


def plan_torch(ev: Mapping) -> dict:
    plans = fact(ev, "install-torch", "plans") or ()
    return dict(get(plans, -1, "torch", default={}) or {})


def python_version(ev: Mapping) -> str:
    version = get(probe(ev), "python") or package_version(ev, "python")
    if version:
        return version
    return get(fact(ev, "install-torch", "plans"), -1, "python", default="") or ""


def driver_cuda(ev: Mapping) -> str:
    return fact(ev, "compute-node", "driver_cuda") or get(parse_smi(fact(ev, "verify", "nvidia_smi")),
                                                           "cuda_version", default="")


def gpus_requested(ev: Mapping) -> int:
    """What the verification job asked for; the options' when it did not run (the engine's default is 1)."""
    n = fact(ev, "verify", "gpus_requested")
    return int(n if n is not None else get(ev, "options", "gpus", default=1))


def env_name(ev: Mapping) -> str:
    return get(ev, "options", "env", default="") or fact(ev, "create-env", "env") or ""


def packages(ev: Mapping) -> List[dict]:
    """The environment's packages: the C++ side's conda-meta list, else the last `conda list --json`."""
    listed = get(ev, "packages")
    if listed:
        return [dict(p) for p in listed]
    text = last_output(ev, r"\bconda list\b.*--json")
    try:
        rows = json.loads(text) if text else []
    except ValueError:
        rows = []
    return [{"name": p.get("name", ""), "version": p.get("version", ""),
             "build": p.get("build_string", p.get("build", "")), "channel": p.get("channel", ""),
             "size": p.get("size")} for p in rows if isinstance(p, dict)]


def package_version(ev: Mapping, name: str) -> str:
    return next((p.get("version", "") for p in packages(ev) if p.get("name") == name), "")


def version_tuple(text: Any) -> Tuple[int, ...]:
    """"12.7" -> (12, 7); "2.6.0+cu124" -> (2, 6, 0); anything else -> ()."""
    m = re.match(r"\s*(\d+(?:\.\d+)*)", str(text or ""))
    return tuple(int(p) for p in m.group(1).split(".")) if m else ()


# --- placement: where a command ran ---------------------------------------------------------------------

_ALLOC = ("srun", "sbatch", "salloc")


def words(command: str) -> List[str]:
    try:
        return shlex.split(command)
    except ValueError:
        return command.split()


def on_compute_node(command: Mapping) -> bool:
    """Ran inside a Slurm allocation: `where` is "job", or the command itself is srun/sbatch/salloc."""
    if get(command, "where") == "job":
        return True
    w = words(get(command, "command", default=""))
    while w and (w[0] == "env" or re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", w[0])):
        w = w[1:]
    return bool(w) and w[0].rsplit("/", 1)[-1] in _ALLOC


# --- nvidia-smi ---------------------------------------------------------------------------------------

SMI_FAILURES = (r"NVIDIA-SMI has failed[^\n]*", r"Failed to initialize NVML[^\n]*", r"No devices were found",
                r"nvidia-smi: command not found", r"Unable to determine the device handle[^\n]*")
_SMI_GPU = re.compile(r"^\|\s+(\d+)\s+(.+?)\s+(?:On|Off)\s+\|.*\n\|.*?(\d+)MiB\s*/\s*(\d+)MiB\s*\|\s*(\d+)%",
                      re.M)


def smi_failure(text: Optional[str]) -> Optional[str]:
    for pattern in SMI_FAILURES:
        m = re.search(pattern, text or "")
        if m:
            return m.group(0).strip()
    return None


def parse_smi(text: Optional[str]) -> Optional[dict]:
    """The nvidia-smi table: driver, CUDA, and per GPU the name, memory and utilisation."""
    m = re.search(r"Driver Version:\s*([\d.]+)\s+CUDA Version:\s*([\d.]+)", text or "")
    if not m:
        return None
    gpus = [{"index": int(g[0]), "name": g[1].strip(), "memory_used_mib": int(g[2]),
             "memory_total_mib": int(g[3]), "util_percent": int(g[4])} for g in _SMI_GPU.findall(text)]
    return {"driver_version": m.group(1), "cuda_version": m.group(2), "gpus": gpus}


# --- quota -s -----------------------------------------------------------------------------------------

_UNITS = {"": 1024, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3, "T": 1024 ** 4, "P": 1024 ** 5}


def _quota_bytes(text: str) -> Optional[int]:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMGTP]?)\*?", text)
    return int(float(m.group(1)) * _UNITS[m.group(2)]) if m else None


def parse_quota(text: Optional[str]) -> List[dict]:
    """The block lines of `quota -s` (space in 1 KiB blocks or with K/M/G/T units; `*` when over)."""
    rows, pending = [], ""
    for line in (text or "").splitlines():
        parts = line.split()
        if len(parts) == 1 and parts[0].startswith("/"):
            pending = parts[0]  # quota puts a long filesystem name on a line of its own
            continue
        if pending:
            parts, pending = [pending] + parts, ""
        if len(parts) < 4 or not parts[0].startswith("/"):
            continue
        used, soft, hard = (_quota_bytes(p) for p in parts[1:4])
        if used is None or soft is None or hard is None:
            continue
        limit = min(x for x in (soft, hard) if x) if (soft or hard) else 0
        rows.append({"filesystem": parts[0], "used_bytes": used, "limit_bytes": limit,
                     "over": parts[1].endswith("*")})
    return rows


# --- presentation helpers shared by the checks and the report ----------------------------------------------

def human_bytes(n: Any) -> str:
    if not isinstance(n, (int, float)) or n < 0:
        return ""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return ("%d %s" if unit == "B" else "%.1f %s") % (n, unit)
        n /= 1024.0
    return ""


def first_line(command: str, width: int = 120) -> str:
    """A command's first line, shortened: enough to recognise it in a sentence or a summary."""
    line = command.strip().splitlines()[0] if command and command.strip() else ""
    return line if len(line) <= width else line[:width - 3] + "..."


def parse_time(text: Any) -> Optional[datetime]:
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
