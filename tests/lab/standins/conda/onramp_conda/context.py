"""Configuration: base prefix, condarc, envs/pkgs dirs, lab knobs, virtual packages."""

import json
import os
import platform
import re
import shutil
import subprocess
import sys

CONDA_VERSIONS = {"23": "23.7.4", "25": "25.5.1"}
PLATFORM = "linux-64"
SUBDIRS = ("linux-64", "noarch")
PYDIR = "python%d.%d" % sys.version_info[:2]
SITE_REL = "lib/%s/site-packages" % PYDIR

def parse_control_file(path):
    knobs = {}
    if not path:
        return knobs
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#") or "=" not in line:
                    continue
                k, v = line.split("=", 1)
                knobs[k.strip()] = v.strip()
    except OSError:
        pass
    return knobs


def read_condarc(path):
    """A small YAML subset: ``key: value`` and ``key:`` followed by ``  - item`` lists."""
    data = {}
    try:
        with open(path) as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    key = None
    for raw in lines:
        line = raw.split(" #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^([A-Za-z_][\w.-]*)\s*:\s*(.*)$", line)
        if m and not raw.startswith((" ", "\t")):
            key, val = m.group(1), m.group(2).strip()
            if val == "":
                data[key] = []
            elif val.startswith("[") and val.endswith("]"):
                data[key] = [x.strip().strip("'\"") for x in val[1:-1].split(",") if x.strip()]
            else:
                data[key] = _scalar(val)
            continue
        m = re.match(r"^\s+-\s*(.*)$", line)
        if m and key is not None:
            if not isinstance(data.get(key), list):
                data[key] = []
            data[key].append(m.group(1).strip().strip("'\""))
    return data


def _scalar(val):
    v = val.strip().strip("'\"")
    low = v.lower()
    if low in ("true", "yes", "on"):
        return True
    if low in ("false", "no", "off"):
        return False
    if low in ("null", "~", "none"):
        return None
    return v


def write_condarc(path, data):
    lines = []
    for k, v in data.items():
        if isinstance(v, list):
            lines.append("%s:" % k)
            lines.extend("  - %s" % x for x in v)
        elif isinstance(v, bool):
            lines.append("%s: %s" % (k, "true" if v else "false"))
        elif v is None:
            lines.append("%s: null" % k)
        else:
            lines.append("%s: %s" % (k, v))
    with open(path, "w") as f:
        f.write("\n".join(lines) + ("\n" if lines else ""))


class Context:
    def __init__(self, environ=None):
        self.environ = os.environ if environ is None else environ
        self.root_prefix = os.path.normpath(sys.prefix)
        self.settings = self._load_settings()
        control = self.environ.get("ONRAMP_LAB_CONTROL") or self.settings.get("control_file")
        self.control_file = control
        self.knobs = parse_control_file(control)
        major = str(self.knobs.get("conda.version", "23")).split(".")[0]
        self.major = "25" if major == "25" else "23"
        self.conda_version = CONDA_VERSIONS[self.major]
        self.home = os.path.expanduser("~")
        self.sys_rc_path = os.path.join(self.root_prefix, ".condarc")
        self.user_rc_path = os.path.join(self.home, ".condarc")
        self.config_files = []
        self.rc = {}
        rcs = [self.sys_rc_path, self.user_rc_path]
        if self.environ.get("CONDARC"):
            rcs.append(self.environ["CONDARC"])
        for p in rcs:
            data = read_condarc(p)
            if data is not None:
                self.config_files.append(p)
                for k, v in data.items():
                    self.rc[k] = v
        # command-line state, filled in by the CLI
        self.json = False
        self.quiet = False
        self.always_yes = bool(self.rc.get("always_yes") or False)
        self.dry_run = False
        self.verbosity = 0
        self._virtual = None

    # -- settings written by the install script -----------------------------------------
    def _load_settings(self):
        try:
            with open(os.path.join(self.root_prefix, "etc", "onramp-standin.json")) as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    # -- knobs --------------------------------------------------------------------------
    def knob(self, key, default=None):
        return self.knobs.get(key, default)

    def knob_float(self, key, default):
        try:
            return float(self.knobs[key])
        except (KeyError, ValueError):
            return default

    @property
    def time_scale(self):
        return self.knob_float("conda.time_scale", 1.0)

    @property
    def fail(self):
        return (self.knobs.get("conda.fail") or "").strip().lower()

    @property
    def is25(self):
        return self.major == "25"

    # -- directories ----------------------------------------------------------------------
    @property
    def root_writable(self):
        return os.access(self.root_prefix, os.W_OK) and os.access(
            os.path.join(self.root_prefix, "conda-meta"), os.W_OK)

    def _dirs(self, envvar, rckey, leaf):
        if self.environ.get(envvar):
            return [os.path.expanduser(p) for p in self.environ[envvar].split(os.pathsep) if p]
        if isinstance(self.rc.get(rckey), list) and self.rc[rckey]:
            return [os.path.expanduser(p) for p in self.rc[rckey]]
        root = os.path.join(self.root_prefix, leaf)
        user = os.path.join(self.home, ".conda", leaf)
        return [root, user] if self.root_writable else [user, root]

    @property
    def envs_dirs(self):
        return self._dirs("CONDA_ENVS_PATH", "envs_dirs", "envs")

    @property
    def pkgs_dirs(self):
        return self._dirs("CONDA_PKGS_DIRS", "pkgs_dirs", "pkgs")

    def writable_pkgs_dir(self):
        for d in self.pkgs_dirs:
            try:
                os.makedirs(d, exist_ok=True)
            except OSError:
                continue
            if os.access(d, os.W_OK):
                return d
        return self.pkgs_dirs[0]

    def writable_envs_dir(self):
        for d in self.envs_dirs:
            if os.path.isdir(d) and os.access(d, os.W_OK):
                return d
            parent = d
            while not os.path.exists(parent):
                parent = os.path.dirname(parent)
            if os.access(parent, os.W_OK):
                return d
        return self.envs_dirs[0]

    @property
    def conda_exe(self):
        return os.path.join(self.root_prefix, "bin", "conda")

    @property
    def python_exe(self):
        return os.path.join(self.root_prefix, "bin", "python")

    # -- channels from config -------------------------------------------------------------
    @property
    def channels(self):
        ch = self.rc.get("channels")
        if isinstance(ch, list) and ch:
            return list(ch)
        return ["defaults"]

    @property
    def add_pip_as_python_dependency(self):
        v = self.rc.get("add_pip_as_python_dependency")
        return True if v is None else bool(v)

    @property
    def changeps1(self):
        v = self.rc.get("changeps1")
        return True if v is None else bool(v)

    @property
    def auto_activate_base(self):
        v = self.rc.get("auto_activate_base")
        return True if v is None else bool(v)

    @property
    def show_channel_urls(self):
        v = self.rc.get("show_channel_urls")
        return v if isinstance(v, bool) else None

    # -- active environment -----------------------------------------------------------
    @property
    def active_prefix(self):
        return self.environ.get("CONDA_PREFIX") or None

    @property
    def shlvl(self):
        try:
            return int(self.environ.get("CONDA_SHLVL", "-1"))
        except ValueError:
            return -1

    def prefix_name(self, prefix):
        if prefix is None:
            return None
        if os.path.normpath(prefix) == self.root_prefix:
            return "base"
        for d in self.envs_dirs:
            if os.path.normpath(os.path.dirname(prefix)) == os.path.normpath(d):
                return os.path.basename(prefix)
        return prefix

    # -- virtual packages -------------------------------------------------------------------
    def cuda_version(self):
        """CONDA_OVERRIDE_CUDA, then the lab knob, then `nvidia-smi` (stand-in for libcuda)."""
        if "CONDA_OVERRIDE_CUDA" in self.environ:
            v = self.environ["CONDA_OVERRIDE_CUDA"].strip()
            return v or None
        if self.knobs.get("conda.override_cuda") is not None:
            return self.knobs["conda.override_cuda"].strip() or None
        exe = shutil.which("nvidia-smi", path=self.environ.get("PATH"))
        if not exe:
            return None
        # Real conda pops CUDA_VISIBLE_DEVICES before calling cuInit(). In the lab that variable
        # *is* the device cgroup (the gpu stand-in's nvidia-smi fails without it), so it is kept:
        # no GPU allocated -> nvidia-smi fails -> no __cuda, as on a node without a driver.
        env = dict(self.environ)
        try:
            p = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL, env=env, timeout=20)
        except (OSError, subprocess.SubprocessError):
            return None
        if p.returncode != 0:
            return None
        m = re.search(r"CUDA Version:\s*([0-9]+(?:\.[0-9]+)?)", p.stdout.decode("utf-8", "replace"))
        return m.group(1) if m else None

    def virtual_packages(self):
        """List of (name, version, build), sorted by name, as in ``conda info``."""
        if self._virtual is not None:
            return self._virtual
        env = self.environ
        vp = []
        arch = env.get("CONDA_OVERRIDE_ARCHSPEC") or platform.machine() or "x86_64"
        vp.append(("__archspec", "1", arch))
        cuda = self.cuda_version()
        if cuda:
            vp.append(("__cuda", cuda, "0"))
        glibc = env.get("CONDA_OVERRIDE_GLIBC")
        if glibc is None:
            try:
                glibc = os.confstr("CS_GNU_LIBC_VERSION").split()[-1]
            except (ValueError, OSError, AttributeError):
                glibc = "2.17"
        if glibc:
            vp.append(("__glibc", glibc, "0"))
        linux = env.get("CONDA_OVERRIDE_LINUX")
        if linux is None:
            m = re.match(r"[0-9.]+", platform.release())
            linux = m.group(0).rstrip(".") if m else "0"
        if linux:
            vp.append(("__linux", linux, "0"))
        vp.append(("__unix", "0", "0"))
        self._virtual = sorted(vp)
        return self._virtual

    def user_agent(self):
        rel = platform.release()
        glibc = "2.36"
        try:
            glibc = os.confstr("CS_GNU_LIBC_VERSION").split()[-1]
        except (ValueError, OSError, AttributeError):
            pass
        distro = "debian/12"
        try:
            with open("/etc/os-release") as f:
                osr = dict(line.rstrip().split("=", 1) for line in f if "=" in line)
            distro = "%s/%s" % (osr.get("ID", "linux").strip('"'), osr.get("VERSION_ID", "").strip('"'))
        except OSError:
            pass
        return "conda/%s requests/2.28.1 CPython/%s Linux/%s %s glibc/%s" % (
            self.conda_version, platform.python_version(), rel, distro, glibc)
