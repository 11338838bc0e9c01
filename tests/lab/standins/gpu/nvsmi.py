"""Implementation of the nvidia-smi stand-in (the nvidia-smi script is a thin launcher).

Reproduces the real tool's output formats and failures from ../shared/corpus/nvidia-smi:
the default table (79-column 450-era layout up to the 91-column 580+ layout, chosen by the
driver version), --query-gpu / --query-compute-apps CSV (header, units, noheader, nounits),
-L, --version, a short -q, and the errors (no driver: exit 9, NVML mismatch: exit 18, bad
field: exit 2, no devices: exit 6). The GPUs a process sees are those in CUDA_VISIBLE_DEVICES,
renumbered from 0 (like a Slurm job's device cgroup); unset or empty means no usable driver.
"""

import os
import sys
import time

import gpulab

MODDIR = os.path.dirname(os.path.abspath(__file__))   # source tree, or PREFIX/share/onramp-lab

NO_DRIVER = ("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. "
             "Make sure that the latest NVIDIA driver is installed and running.\n\n")
MISMATCH = "Failed to initialize NVML: Driver/library version mismatch\n"
NO_DEVICES = "No devices were found\n"

EXIT_BAD_ARG = 2
EXIT_NOT_FOUND = 6
EXIT_NO_DRIVER = 9
EXIT_MISMATCH = 18


class SmiExit(Exception):
    def __init__(self, text, code):
        Exception.__init__(self, text)
        self.text = text
        self.code = code


def bad_option(opt):
    return SmiExit("ERROR: Option %s is not recognized. Please run 'nvidia-smi -h'.\n\n" % opt, EXIT_BAD_ARG)


def bad_combination():
    return SmiExit("Invalid combination of input arguments. Please run 'nvidia-smi -h' for help.\n\n",
                   EXIT_BAD_ARG)


# --------------------------------------------------------------------------------------------
# Default table layouts
# --------------------------------------------------------------------------------------------

def truncate_name(name, limit):
    return name if len(name) <= limit else name[:limit - 3] + "..."


def truncate_process(name, limit):
    return name if len(name) <= limit else "..." + name[-(limit - 3):]


class Layout:
    """Column geometry of one generation of the default table."""

    def __init__(self, key):
        self.key = key
        if key == "old":                      # drivers <= 525 (corpus: 450.191.01)
            self.width = 79
            self.cols = (31, 22, 22)
            self.header_fmt = "| NVIDIA-SMI {smi:<13}Driver Version: {drv:<13}CUDA Version: {cuda:<9}|"
            self.rows = [
                "| GPU  Name        Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |",
                "| Fan  Temp  Perf  Pwr:Usage/Cap|         Memory-Usage | GPU-Util  Compute M. |",
                "|                               |                      |               MIG M. |",
            ]
            self.sep_right = "+"
            self.blank = ""
            self.proc_rows = [
                "|  GPU   GI   CI        PID   Type   Process name                  GPU Memory |",
                "|        ID   ID                                                   Usage      |",
            ]
            self.pid_width, self.name_start, self.name_max = 10, 37, 28
        elif key in ("r530", "r535"):          # 530.x (corpus: 530.41.03) and 535-544 (89 columns)
            self.width = 89
            self.cols = (41, 22, 22)
            self.header_fmt = "| NVIDIA-SMI {smi:<23}Driver Version: {drv:<13}CUDA Version: {cuda:<9}|"
            if key == "r530":
                self.rows = [
                    "| GPU  Name                  Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |",
                    "| Fan  Temp  Perf            Pwr:Usage/Cap|         Memory-Usage | GPU-Util  Compute M. |",
                ]
                self.blank = ""
            else:
                self.rows = [
                    "| GPU  Name                 Persistence-M | Bus-Id        Disp.A | Volatile Uncorr. ECC |",
                    "| Fan  Temp   Perf          Pwr:Usage/Cap |         Memory-Usage | GPU-Util  Compute M. |",
                ]
                self.blank = " " * 89
            self.rows.append("|                                         |                      |               MIG M. |")
            self.sep_right = "+"
            self.proc_rows = [
                "|  GPU   GI   CI        PID   Type   Process name                            GPU Memory |",
                "|        ID   ID                                                             Usage      |",
            ]
            self.pid_width, self.name_start, self.name_max = 10, 37, 38
        else:                                 # r545 (545-579: 555, 565 corpus) and r580 (580+: 590, 595)
            self.width = 91
            self.cols = (41, 24, 22)
            self.header_fmt = "| NVIDIA-SMI {smi:<23}Driver Version: {drv:<15}CUDA Version: {cuda:<9}|"
            self.rows = [
                "| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |",
                "| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |",
                "|                                         |                        |               MIG M. |",
            ]
            if key == "r580":
                self.blank = ""
                self.proc_rows = [
                    "|  GPU   GI   CI              PID   Type   Process name                        GPU Memory |",
                    "|        ID   ID                                                               Usage      |",
                ]
                self.pid_width, self.name_start, self.name_max = 16, 43, 32
            else:
                self.blank = " " * 89
                self.proc_rows = [
                    "|  GPU   GI   CI        PID   Type   Process name                              GPU Memory |",
                    "|        ID   ID                                                               Usage      |",
                ]
                self.pid_width, self.name_start, self.name_max = 10, 37, 38
            self.sep_right = "+"

    # -- pieces ---------------------------------------------------------------------------------
    def line(self, char, left="+", mid="+", right="+"):
        a, b, c = self.cols
        return left + char * a + mid + char * b + mid + char * c + right

    def full(self, char="-", left="+", right="+"):
        return left + char * (self.width - 2) + right

    def boxed(self, text):
        return "|" + text.ljust(self.width - 2) + "|"

    def header_sep(self):
        # Line under the version header: '|---+---+---+' before 580, '+---+---+---+' from 580 on.
        left = "+" if self.key == "r580" else "|"
        return self.line("-", left, "+", self.sep_right)

    def gpu_lines(self, vindex, gpu, s):
        name = gpu["name"]
        pm = "On" if gpu.get("persistence_mode") else "Off"
        disp = "On" if gpu.get("display_active") else "Off"
        ecc = str(gpu.get("ecc", "N/A"))
        fan = "N/A" if gpu.get("fan") is None else "%d%%" % int(gpu["fan"])
        temp = "%dC" % int(s["temp_c"])
        perf = s.get("pstate", "P0")
        usage = int(round(float(s["power_w"])))
        cap = int(round(float(gpu.get("power_limit_w", 0))))
        used = int(s["memory_used_mib"])
        total = int(gpu["memory_total_mib"])
        util = "N/A" if s.get("util_gpu") is None else "%d%%" % int(s["util_gpu"])
        cmode = gpu.get("compute_mode", "Default")
        mig = gpu.get("mig_mode", "N/A")
        bus = gpu["pci_bus_id"]
        if self.key == "old":
            c1 = " %3d  %-18s  %-3s  " % (vindex, truncate_name(name, 18), pm)
            c2 = " %s%4s " % (bus, disp)
            l2 = " %3s   %3s    %-2s%14s " % (fan, temp, perf, "%dW / %dW" % (usage, cap))
            m = "%7dMiB / %5dMiB " % (used, total)
        elif self.key == "r530":
            c1 = " %3d  %-32s%3s" % (vindex, truncate_name(name, 32), pm)
            c2 = " %s%4s " % (bus, disp)
            l2 = " %3s   %3s    %-2s%25s" % (fan, temp, perf, "%dW / %3dW" % (usage, cap))
            m = "%7dMiB / %5dMiB " % (used, total)
        elif self.key == "r535":
            c1 = " %3d  %-31s%-3s " % (vindex, truncate_name(name, 27), pm)
            c2 = " %s%4s " % (bus, disp)
            l2 = " %3s   %3s    %-2s%24s " % (fan, temp, perf, "%dW / %3dW" % (usage, cap))
            m = "%7dMiB / %5dMiB " % (used, total)
        else:
            c1 = " %3d  %-31s%-3s " % (vindex, truncate_name(name, 27), pm)
            c2 = "%19s%4s " % (bus, disp)
            l2 = " %3s   %3s    %-2s%24s " % (fan, temp, perf, "%dW / %4dW" % (usage, cap))
            m = "%8dMiB / %6dMiB " % (used, total)
        u = "%8s%13s " % (util, cmode)
        a, b, c = self.cols
        return [
            "|" + c1 + "|" + c2 + "|" + "%21s " % ecc + "|",
            "|" + l2 + "|" + m + "|" + u + "|",
            "|" + " " * a + "|" + " " * b + "|" + "%21s " % mig + "|",
        ]

    def process_line(self, p):
        mem = "%dMiB" % int(p["used_mib"])
        head = "|%5d   %3s  %3s%*d%7s   " % (p["vindex"], "N/A", "N/A", self.pid_width, int(p["pid"]), p.get("type", "C"))
        name = truncate_process(p["name"], self.name_max)
        room = self.width - 2 - len(head) - len(mem)
        return head + name.ljust(room) + mem + " |"


def render_table(node, indices):
    lay = Layout(node.layout)
    out = [node.timestamp_table() + "       "]
    out.append(lay.full("-"))
    out.append(lay.header_fmt.format(smi=node.smi_version, drv=node.driver_version, cuda=node.cuda_version))
    out.append(lay.header_sep())
    out.extend(lay.rows)
    out.append(lay.line("=", "|", "+", "|"))
    for n, (vindex, pindex) in enumerate(indices):
        if n:
            out.append(lay.line("-"))
        out.extend(lay.gpu_lines(vindex, node.gpus[pindex], node.sample(pindex)))
    out.append(lay.line("-"))
    out.append(lay.blank)
    out.append(lay.full("-"))
    out.append(lay.boxed(" Processes:"))
    out.extend(lay.proc_rows)
    out.append(lay.full("=", "|", "|"))
    shown = [v for v, _ in indices]
    procs = sorted((p for p in node.visible_processes() if p["vindex"] in shown),
                   key=lambda p: (p["vindex"], int(p["pid"])))
    if procs:
        out.extend(lay.process_line(p) for p in procs)
    else:
        out.append(lay.boxed("  No running processes found"))
    out.append(lay.full("-"))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# --query-gpu fields: canonical name -> (unit, getter). Aliases map to canonical names; the CSV
# header prints the canonical name followed by " [unit]".
# --------------------------------------------------------------------------------------------

NA = "[N/A]"


def _bus_part(gpu, part):
    dom, bus, devfn = gpu["pci_bus_id"].split(":")
    if part == "domain":
        return "0x" + dom[-4:]
    if part == "bus":
        return "0x" + bus
    return "0x" + devfn.split(".")[0]


def _reason_active(ctx):
    return "0x0000000000000000" if ctx["s"].get("util_gpu") else "0x0000000000000001"


def _mib(v):
    return (v, "MiB")


QUERY_FIELDS = {}
QUERY_ALIASES = {}


def field(name, unit=None, aliases=(), min_driver=0):
    def deco(fn):
        QUERY_FIELDS[name] = (unit, fn, min_driver)
        for a in aliases:
            QUERY_ALIASES[a] = name
        return fn
    return deco


def simple(name, getter, unit=None, aliases=(), min_driver=0):
    field(name, unit, aliases, min_driver)(getter)


simple("timestamp", lambda c: c["node"].timestamp_query())
simple("driver_version", lambda c: c["node"].driver_version)
simple("count", lambda c: str(c["count"]))
simple("name", lambda c: c["g"]["name"], aliases=("gpu_name",))
simple("serial", lambda c: c["g"].get("serial") or NA, aliases=("gpu_serial",))
simple("uuid", lambda c: c["g"]["uuid"], aliases=("gpu_uuid",))
simple("pci.bus_id", lambda c: c["g"]["pci_bus_id"], aliases=("gpu_bus_id",))
simple("pci.domain", lambda c: _bus_part(c["g"], "domain"))
simple("pci.bus", lambda c: _bus_part(c["g"], "bus"))
simple("pci.device", lambda c: _bus_part(c["g"], "device"))
simple("pci.device_id", lambda c: c["g"].get("pci_device_id", NA))
simple("pci.sub_device_id", lambda c: c["g"].get("pci_sub_device_id", NA))
simple("pcie.link.gen.current", lambda c: str(c["g"].get("pcie", {}).get("gen_current", NA)))
simple("pcie.link.gen.max", lambda c: str(c["g"].get("pcie", {}).get("gen_max", NA)))
simple("pcie.link.width.current", lambda c: str(c["g"].get("pcie", {}).get("width_current", NA)))
simple("pcie.link.width.max", lambda c: str(c["g"].get("pcie", {}).get("width_max", NA)))
simple("index", lambda c: str(c["vindex"]))
simple("display_mode", lambda c: "Enabled" if c["g"].get("display_active") else "Disabled")
simple("display_active", lambda c: "Enabled" if c["g"].get("display_active") else "Disabled")
simple("persistence_mode", lambda c: "Enabled" if c["g"].get("persistence_mode") else "Disabled")
simple("accounting.mode", lambda c: "Disabled")
simple("accounting.buffer_size", lambda c: "4000")
simple("driver_model.current", lambda c: NA)
simple("driver_model.pending", lambda c: NA)
simple("vbios_version", lambda c: c["g"].get("vbios_version", NA))
simple("fan.speed", lambda c: NA if c["g"].get("fan") is None else (int(c["g"]["fan"]), "%"), unit="%")
simple("pstate", lambda c: c["s"].get("pstate", "P0"))
simple("memory.total", lambda c: _mib(int(c["g"]["memory_total_mib"])), unit="MiB")
simple("memory.reserved", lambda c: _mib(int(c["g"].get("memory_reserved_mib", 0))), unit="MiB", min_driver=510)
simple("memory.used", lambda c: _mib(int(c["s"]["memory_used_mib"])), unit="MiB")
simple("memory.free", lambda c: _mib(int(c["g"]["memory_total_mib"]) - int(c["g"].get("memory_reserved_mib", 0))
                                     - int(c["s"]["memory_used_mib"])), unit="MiB")
simple("compute_mode", lambda c: c["g"].get("compute_mode", "Default"))
simple("compute_cap", lambda c: c["g"].get("compute_cap", NA), min_driver=510)
simple("utilization.gpu", lambda c: NA if c["s"].get("util_gpu") is None else (int(c["s"]["util_gpu"]), "%"), unit="%")
simple("utilization.memory", lambda c: NA if c["s"].get("util_mem") is None else (int(c["s"]["util_mem"]), "%"), unit="%")
simple("utilization.encoder", lambda c: (0, "%"), unit="%")
simple("utilization.decoder", lambda c: (0, "%"), unit="%")
simple("ecc.mode.current", lambda c: c["g"].get("ecc_mode", NA))
simple("ecc.mode.pending", lambda c: c["g"].get("ecc_mode", NA))
for _kind in ("corrected", "uncorrected"):
    for _scope in ("volatile", "aggregate"):
        simple("ecc.errors.%s.%s.total" % (_kind, _scope),
               lambda c: "0" if c["g"].get("ecc_mode") == "Enabled" else NA)
simple("temperature.gpu", lambda c: str(int(c["s"]["temp_c"])))
simple("temperature.memory", lambda c: str(int(c["s"].get("memory_temp_c", c["s"]["temp_c"]))))
simple("power.management", lambda c: "Enabled")
simple("power.draw", lambda c: ("%.2f" % float(c["s"]["power_w"]), "W"), unit="W")
simple("power.draw.average", lambda c: ("%.2f" % float(c["s"]["power_w"]), "W"), unit="W", min_driver=535)
simple("power.draw.instant", lambda c: ("%.2f" % (float(c["s"]["power_w"]) * 0.997), "W"), unit="W", min_driver=535)
for _f, _k in (("power.limit", "power_limit_w"), ("enforced.power.limit", "power_limit_w"),
               ("power.default_limit", "power_limit_w"), ("power.min_limit", "power_min_limit_w"),
               ("power.max_limit", "power_max_limit_w")):
    simple(_f, (lambda k: lambda c: ("%.2f" % float(c["g"].get(k, c["g"].get("power_limit_w", 0))), "W"))(_k), unit="W")
for _clk, _alias in (("graphics", "gr"), ("sm", "sm"), ("memory", "mem"), ("video", "video")):
    simple("clocks.current." + _clk,
           (lambda k: lambda c: (int(c["s"].get("clocks", {}).get(k, 0)), "MHz"))(_clk),
           unit="MHz", aliases=("clocks." + _alias,))
for _clk, _alias in (("graphics", "gr"), ("sm", "sm"), ("memory", "mem")):
    simple("clocks.max." + _clk,
           (lambda k: lambda c: (int(c["g"].get("clocks_max", {}).get(k, 0)), "MHz"))(_clk),
           unit="MHz", aliases=("clocks.max." + _alias,))
for _clk in ("graphics", "memory"):
    for _pre in ("clocks.applications.", "clocks.default_applications."):
        simple(_pre + _clk, (lambda k: lambda c: (int(c["g"].get("clocks_max", {}).get(k, 0)), "MHz"))(_clk), unit="MHz")
simple("mig.mode.current", lambda c: c["g"].get("mig_mode", NA))
simple("mig.mode.pending", lambda c: c["g"].get("mig_mode", NA))
for _r in ("supported", "active", "gpu_idle", "applications_clocks_setting", "sw_power_cap", "hw_slowdown",
           "hw_thermal_slowdown", "hw_power_brake_slowdown", "sw_thermal_slowdown", "sync_boost"):
    if _r == "supported":
        _get = (lambda c: "0x00000000000001FF")
    elif _r == "active":
        _get = _reason_active
    elif _r == "gpu_idle":
        _get = (lambda c: "Not Active" if c["s"].get("util_gpu") else "Active")
    else:
        _get = (lambda c: "Not Active")
    simple("clocks_event_reasons." + _r, _get, aliases=("clocks_throttle_reasons." + _r,))

COMPUTE_FIELDS = {
    "timestamp": (None, lambda c: c["node"].timestamp_query()),
    "gpu_name": (None, lambda c: c["g"]["name"]),
    "gpu_bus_id": (None, lambda c: c["g"]["pci_bus_id"]),
    "gpu_serial": (None, lambda c: c["g"].get("serial") or NA),
    "gpu_uuid": (None, lambda c: c["g"]["uuid"]),
    "pid": (None, lambda c: str(c["p"]["pid"])),
    "process_name": (None, lambda c: c["p"]["name"]),
    "used_gpu_memory": ("MiB", lambda c: _mib(int(c["p"]["used_mib"]))),
}
COMPUTE_ALIASES = {"name": "process_name", "used_memory": "used_gpu_memory"}


def canonical_query_field(name, node_driver):
    """Canonical field name for a requested one (the header shows the canonical name)."""
    canon = QUERY_ALIASES.get(name, name)
    if canon not in QUERY_FIELDS:
        return None
    unit, fn, min_driver = QUERY_FIELDS[canon]
    if gpulab.driver_major(node_driver) < min_driver:
        return None
    if canon.startswith("clocks_event_reasons.") and gpulab.driver_major(node_driver) < 535:
        if name.startswith("clocks_event_reasons."):
            return None                     # the new name does not exist before 535
        return ("clocks_throttle_reasons." + canon.split(".", 1)[1], canon)
    return (canon, canon)


def cell(value, nounits):
    if isinstance(value, tuple):
        num, unit = value
        return str(num) if nounits else "%s %s" % (num, unit)
    return value


def parse_format(fmt):
    if fmt is None:
        raise bad_combination()
    opts = [o.strip() for o in fmt.split(",") if o.strip()]
    if "csv" not in opts or any(o not in ("csv", "noheader", "nounits") for o in opts):
        raise SmiExit('"%s" is not a valid format.\n\n' % fmt, EXIT_BAD_ARG)
    return "noheader" in opts, "nounits" in opts


def render_query_gpu(node, indices, fields, noheader, nounits, header_done):
    out = []
    resolved = []
    for f in fields:
        r = canonical_query_field(f, node.driver_version)
        resolved.append(r)
    if not header_done and not noheader:
        heads = []
        for shown, canon in resolved:
            unit = QUERY_FIELDS[canon][0]
            heads.append(shown + (" [%s]" % unit if unit else ""))
        out.append(", ".join(heads))
    for vindex, pindex in indices:
        ctx = {"node": node, "vindex": vindex, "g": node.gpus[pindex], "s": node.sample(pindex),
               "count": len(node.visible)}
        out.append(", ".join(cell(QUERY_FIELDS[canon][1](ctx), nounits) for _, canon in resolved))
    return "".join(line + "\n" for line in out)


def render_query_apps(node, indices, fields, noheader, nounits, header_done):
    out = []
    canon = [COMPUTE_ALIASES.get(f, f) for f in fields]
    if not header_done and not noheader:
        out.append(", ".join(c + (" [%s]" % COMPUTE_FIELDS[c][0] if COMPUTE_FIELDS[c][0] else "") for c in canon))
    shown = {v: p for v, p in indices}
    for p in node.visible_processes():
        if p["vindex"] not in shown or p.get("type", "C") not in ("C", "C+G"):
            continue
        ctx = {"node": node, "g": node.gpus[p["gpu"]], "p": p}
        out.append(", ".join(cell(COMPUTE_FIELDS[c][1](ctx), nounits) for c in canon))
    return "".join(line + "\n" for line in out)


# --------------------------------------------------------------------------------------------
# -L, --version, -q, -h
# --------------------------------------------------------------------------------------------

def render_list(node, indices):
    return "".join("GPU %d: %s (UUID: %s)\n" % (v, node.gpus[p]["name"], node.gpus[p]["uuid"]) for v, p in indices)


def render_version(node):
    return ("NVIDIA-SMI version  : %s\nNVML version        : %s\nDRIVER version      : %s\nCUDA Version        : %s\n"
            % (node.smi_version, node.nvml_version, node.driver_version, node.cuda_version))


def _q(lines, depth, key, value=None):
    indent = "    " * depth
    if value is None:
        lines.append(indent + key)
    else:
        lines.append("%s%s: %s" % (indent, key.ljust(55 - len(indent)), value))


def render_q(node, indices):
    lines = ["", "==============NVSMI LOG==============", ""]
    _q(lines, 0, "Timestamp", node.timestamp_table())
    _q(lines, 0, "Driver Version", node.driver_version)
    _q(lines, 0, "CUDA Version", node.cuda_version)
    lines.append("")
    _q(lines, 0, "Attached GPUs", str(len(node.visible)))
    for n, (vindex, pindex) in enumerate(indices):
        g = node.gpus[pindex]
        s = node.sample(pindex)
        if n:
            lines.append("")
        lines.append("GPU " + g["pci_bus_id"])
        _q(lines, 1, "Product Name", g["name"])
        _q(lines, 1, "Product Brand", g.get("brand", "NVIDIA"))
        _q(lines, 1, "Product Architecture", g.get("architecture", "N/A"))
        _q(lines, 1, "Persistence Mode", "Enabled" if g.get("persistence_mode") else "Disabled")
        _q(lines, 1, "MIG Mode")
        _q(lines, 2, "Current", g.get("mig_mode", "N/A"))
        _q(lines, 2, "Pending", g.get("mig_mode", "N/A"))
        _q(lines, 1, "Serial Number", g.get("serial", "N/A"))
        _q(lines, 1, "GPU UUID", g["uuid"])
        _q(lines, 1, "Minor Number", str(g.get("minor_number", pindex)))
        _q(lines, 1, "VBIOS Version", g.get("vbios_version", "N/A"))
        _q(lines, 1, "PCI")
        _q(lines, 2, "Bus", _bus_part(g, "bus"))
        _q(lines, 2, "Device", _bus_part(g, "device"))
        _q(lines, 2, "Domain", _bus_part(g, "domain"))
        _q(lines, 2, "Device Id", g.get("pci_device_id", "N/A"))
        _q(lines, 2, "Bus Id", g["pci_bus_id"])
        _q(lines, 2, "Sub System Id", g.get("pci_sub_device_id", "N/A"))
        _q(lines, 1, "Fan Speed", "N/A" if g.get("fan") is None else "%d %%" % int(g["fan"]))
        _q(lines, 1, "Performance State", s.get("pstate", "P0"))
        total = int(g["memory_total_mib"])
        reserved = int(g.get("memory_reserved_mib", 0))
        used = int(s["memory_used_mib"])
        _q(lines, 1, "FB Memory Usage")
        _q(lines, 2, "Total", "%d MiB" % total)
        _q(lines, 2, "Reserved", "%d MiB" % reserved)
        _q(lines, 2, "Used", "%d MiB" % used)
        _q(lines, 2, "Free", "%d MiB" % (total - reserved - used))
        _q(lines, 1, "Compute Mode", g.get("compute_mode", "Default"))
        _q(lines, 1, "Utilization")
        _q(lines, 2, "GPU", "N/A" if s.get("util_gpu") is None else "%d %%" % int(s["util_gpu"]))
        _q(lines, 2, "Memory", "%d %%" % int(s.get("util_mem", 0)))
        _q(lines, 1, "ECC Mode")
        _q(lines, 2, "Current", g.get("ecc_mode", "N/A"))
        _q(lines, 2, "Pending", g.get("ecc_mode", "N/A"))
        _q(lines, 1, "Temperature")
        _q(lines, 2, "GPU Current Temp", "%d C" % int(s["temp_c"]))
        _q(lines, 1, "GPU Power Readings")
        _q(lines, 2, "Average Power Draw", "%.2f W" % float(s["power_w"]))
        _q(lines, 2, "Current Power Limit", "%.2f W" % float(g.get("power_limit_w", 0)))
        _q(lines, 1, "Clocks")
        for k, label in (("graphics", "Graphics"), ("sm", "SM"), ("memory", "Memory"), ("video", "Video")):
            _q(lines, 2, label, "%d MHz" % int(s.get("clocks", {}).get(k, 0)))
        _q(lines, 1, "Max Clocks")
        for k, label in (("graphics", "Graphics"), ("sm", "SM"), ("memory", "Memory"), ("video", "Video")):
            _q(lines, 2, label, "%d MHz" % int(g.get("clocks_max", {}).get(k, 0)))
        procs = [p for p in node.visible_processes() if p["vindex"] == vindex]
        if not procs:
            _q(lines, 1, "Processes", "None")
        else:
            _q(lines, 1, "Processes")
            for p in procs:
                _q(lines, 2, "GPU instance ID", "N/A")
                _q(lines, 2, "Compute instance ID", "N/A")
                _q(lines, 2, "Process ID", str(p["pid"]))
                _q(lines, 2, "Type", p.get("type", "C"))
                _q(lines, 2, "Name", p["name"])
                _q(lines, 2, "Used GPU Memory", "%d MiB" % int(p["used_mib"]))
    lines.append("")
    return "\n".join(lines) + "\n"


def render_help(node_version):
    return """NVIDIA System Management Interface -- v%s

NVSMI provides monitoring information for Tesla and select Quadro devices.
The data is presented in either a plain text or an XML format, via stdout or a file.
NVSMI also provides several management operations for changing the device state.

(Onramp lab stand-in: only the options below are implemented.)

nvidia-smi [OPTION1 [ARG1]] [OPTION2 [ARG2]] ...

    -h,   --help                Print usage information and exit.

          --version             Print version information and exit.

  LIST OPTIONS:

    -L,   --list-gpus           Display a list of GPUs connected to the system.

  SUMMARY OPTIONS:

    <no arguments>              Show a summary of GPUs connected to the system.

    [plus any of]

    -i,   --id=                 Target a specific GPU.
    -l,   --loop=               Probe until Ctrl+C at specified second interval.

  QUERY OPTIONS:

    -q,   --query               Display GPU or Unit info.

  SELECTIVE QUERY OPTIONS:

    --query-gpu                 Information about GPU.
                                Call --help-query-gpu for more info.
    --query-compute-apps        List of currently active compute processes.
                                Call --help-query-compute-apps for more info.

    [mandatory]

    --format=                   Comma separated list of format options:
                                  csv - comma separated values (MANDATORY)
                                  noheader - skip the first line with column headers
                                  nounits - don't print units for numerical
                                             values

    [plus any of]

    -i,   --id=                 Target a specific GPU or Unit.
    -l,   --loop=               Probe until Ctrl+C at specified second interval.
    -lms, --loop-ms=            Probe until Ctrl+C at specified millisecond interval.

Please see the nvidia-smi(1) manual page for more detailed information.
""" % node_version


def render_help_fields(kind):
    if kind == "gpu":
        names = sorted(QUERY_FIELDS)
        alias_of = {}
        for a, c in QUERY_ALIASES.items():
            alias_of.setdefault(c, []).append(a)
        out = ['List of valid properties to query for the switch "--query-gpu":', ""]
        for n in names:
            out.append(" or ".join('"%s"' % x for x in [n] + sorted(alias_of.get(n, []))))
            out.append("")
    else:
        out = ['List of valid properties to query for the switch "--query-compute-apps":', ""]
        for n in COMPUTE_FIELDS:
            al = [a for a, c in COMPUTE_ALIASES.items() if c == n]
            out.append(" or ".join('"%s"' % x for x in [n] + al))
            out.append("")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

VALUE_OPTS = {"-i": "id", "--id": "id", "-l": "loop", "--loop": "loop", "-lms": "loop_ms",
              "--loop-ms": "loop_ms", "--format": "format", "--query-gpu": "query_gpu",
              "--query-compute-apps": "query_apps", "-f": "filename", "--filename": "filename",
              "-d": "display", "--display": "display"}
FLAG_OPTS = {"-h": "help", "--help": "help", "--version": "version", "-L": "list", "--list-gpus": "list",
             "-q": "query", "--query": "query", "-x": "xml", "--xml-format": "xml",
             "--help-query-gpu": "help_query_gpu", "--help-query-compute-apps": "help_query_apps",
             "-u": "unit", "--unit": "unit"}


def parse_args(argv):
    opts = {}
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, eq, value = arg.partition("=")
        if name in VALUE_OPTS:
            if not eq:
                if i + 1 >= len(argv):
                    raise bad_combination()
                i += 1
                value = argv[i]
            opts[VALUE_OPTS[name]] = value
        elif arg in FLAG_OPTS:
            opts[FLAG_OPTS[arg]] = True
        elif len(arg) > 2 and arg[:2] in ("-i", "-l", "-f", "-d") and not arg.startswith("-lms") \
                and arg[1] != "-":
            opts[VALUE_OPTS[arg[:2]]] = arg[2:]
        else:
            raise bad_option(arg)
        i += 1
    return opts


def select(node, id_spec):
    """[(visible index, physical index)] for -i (indices, UUIDs or bus ids, comma separated)."""
    vis = node.visible
    all_pairs = list(enumerate(vis))
    if id_spec is None:
        return all_pairs
    chosen = []
    for token in id_spec.split(","):
        token = token.strip()
        hit = None
        for v, p in all_pairs:
            g = node.gpus[p]
            if token.isdigit() and int(token) == v:
                hit = (v, p)
            elif token.lower() == g["uuid"].lower() or token.upper() in (g["pci_bus_id"], g["pci_bus_id"][4:]):
                hit = (v, p)
        if hit is None:
            raise SmiExit(NO_DEVICES, EXIT_NOT_FOUND)
        if hit not in chosen:
            chosen.append(hit)
    return chosen


def check_driver(node):
    st = node.status()
    if st == "nodriver":
        raise SmiExit(NO_DRIVER, EXIT_NO_DRIVER)
    if st == "mismatch":
        text = MISMATCH
        nvml = node.knobs.get("gpu.nvml")
        if nvml != "none" and (nvml or gpulab.driver_major(node.driver_version) >= 535):
            text += "NVML library version: %s\n" % node.nvml_version
        raise SmiExit(text, EXIT_MISMATCH)
    if st == "nodevices":
        raise SmiExit(NO_DEVICES, EXIT_NOT_FOUND)


def load_node():
    data = gpulab.find_data_file([os.path.join(MODDIR, "gpus.json")])
    control = None
    lab_json = os.path.join(os.path.dirname(data), "lab.json")
    if os.path.isfile(lab_json):
        import json
        with open(lab_json, encoding="utf-8") as fh:
            control = json.load(fh).get("control_file")
    return gpulab.Node(data, control_file=control)


def run_once(opts, first):
    node = load_node()
    if opts.get("query_gpu") is not None or opts.get("query_apps") is not None:
        noheader, nounits = parse_format(opts.get("format"))
        kind = "gpu" if opts.get("query_gpu") is not None else "apps"
        fields = [f.strip() for f in (opts.get("query_gpu") if kind == "gpu" else opts["query_apps"]).split(",")]
        for f in fields:
            ok = (canonical_query_field(f, node.driver_version) is not None) if kind == "gpu" \
                else (COMPUTE_ALIASES.get(f, f) in COMPUTE_FIELDS)
            if not ok:
                raise SmiExit('Field "%s" is not a valid field to query.\n\n' % f, EXIT_BAD_ARG)
        check_driver(node)
        indices = select(node, opts.get("id"))
        render = render_query_gpu if kind == "gpu" else render_query_apps
        return render(node, indices, fields, noheader, nounits, header_done=not first)
    check_driver(node)
    indices = select(node, opts.get("id"))
    if opts.get("list"):
        return render_list(node, indices)
    if opts.get("version"):
        return render_version(node)
    if opts.get("query"):
        return render_q(node, indices)
    return render_table(node, indices)


def main(argv):
    try:
        opts = parse_args(argv)
        if opts.get("help"):
            node_version = "?"
            try:
                node_version = load_node().smi_version
            except Exception:
                pass
            sys.stdout.write(render_help(node_version))
            return 0
        if opts.get("help_query_gpu"):
            sys.stdout.write(render_help_fields("gpu"))
            return 0
        if opts.get("help_query_apps"):
            sys.stdout.write(render_help_fields("apps"))
            return 0
        if opts.get("xml") or opts.get("unit"):
            sys.stderr.write("nvidia-smi (Onramp lab stand-in): -x/--xml-format and -u are not implemented\n")
            return EXIT_BAD_ARG
        if opts.get("query_gpu") is not None and opts.get("query_apps") is not None:
            raise bad_combination()
        if (opts.get("query_gpu") is not None or opts.get("query_apps") is not None) and \
                (opts.get("list") or opts.get("query") or opts.get("version")):
            raise bad_combination()
        interval = None
        if opts.get("loop") is not None:
            interval = float(opts["loop"]) if opts["loop"] else 5.0
        if opts.get("loop_ms") is not None:
            interval = float(opts["loop_ms"]) / 1000.0
        out = sys.stdout
        if opts.get("filename"):
            out = open(opts["filename"], "w", encoding="utf-8")
        first = True
        while True:
            out.write(run_once(opts, first))
            out.flush()
            first = False
            if interval is None:
                return 0
            time.sleep(max(interval, 0.01))
    except SmiExit as e:
        sys.stdout.write(e.text)
        sys.stdout.flush()
        return e.code
    except gpulab.LabError as e:
        sys.stderr.write("nvidia-smi (Onramp lab stand-in): %s\n" % e)
        return 255
    except KeyboardInterrupt:
        return 0
    except BrokenPipeError:
        # Reader went away (nvidia-smi | head): exit quietly like a C program killed by SIGPIPE.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except ValueError:
        e = bad_combination()
        sys.stdout.write(e.text)
        return e.code


