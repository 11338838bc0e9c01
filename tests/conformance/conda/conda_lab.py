"""Helpers for the conda stand-in conformance tests: a throw-away install, runs, normalisers."""

import json
import os
import pty
import re
import select
import shutil
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
INSTALL = os.path.join(REPO, "tests", "lab", "standins", "conda", "install")
GPU_INSTALL = os.path.join(REPO, "tests", "lab", "standins", "gpu", "install")
FIXTURES = os.path.join(HERE, "fixtures", "conda-real-23.7.4")

# the capture machine's paths, and the interpreter line of capture 24
CAPTURE_ROOT = "/opt/conda"
CAPTURE_HOME = "/home/student"
CAPTURE_SYS_VERSION = "3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]"

# what the capture machine's /opt/conda/.condarc held (see 53-config-show-json)
CAPTURE_CONDARC = "channels:\n  - file:///srv/conda-channel\nadd_pip_as_python_dependency: false\n"


def whoami():
    import pwd
    return pwd.getpwuid(os.geteuid()).pw_name


class Result:
    def __init__(self, rc, out, err, seconds=0.0):
        self.rc = rc
        self.out = out
        self.err = err
        self.seconds = seconds

    def json(self):
        return json.loads(self.out.split("\0")[-1])

    def __repr__(self):
        return "Result(rc=%r)\n--- stdout\n%s\n--- stderr\n%s" % (self.rc, self.out[-3000:], self.err[-3000:])


class Lab:
    """A conda stand-in installed into a temporary HOME, driven like a user would."""

    def __init__(self, condarc=None, knobs="conda.time_scale=0\n"):
        self.tmp = tempfile.mkdtemp(prefix="onramp-conda-test-")
        self.home = os.path.join(self.tmp, "home")
        os.makedirs(self.home)
        self.labdir = os.path.join(self.tmp, "lab")
        os.makedirs(os.path.join(self.labdir, "shared"))
        self.control = os.path.join(self.labdir, "shared", "control")
        self.base_knobs = knobs
        self.set_knobs("")
        p = subprocess.run([INSTALL, "--home", self.home, "--user", whoami(), "--lab-dir", self.labdir],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            raise RuntimeError("install failed:\n" + p.stdout)
        self.root = os.path.join(self.home, "miniconda3")
        self.conda = os.path.join(self.root, "bin", "conda")
        if condarc is not None:
            with open(os.path.join(self.root, ".condarc"), "w") as f:
                f.write(condarc)

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def set_knobs(self, extra):
        with open(self.control, "w") as f:
            f.write(self.base_knobs + extra)

    def env(self, extra=None):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("CONDA", "PYTHON", "_CE_", "ONRAMP_")) and k not in (
                   "PS1", "VIRTUAL_ENV", "CUDA_VISIBLE_DEVICES")}
        env.update({
            "HOME": self.home,
            "PATH": os.path.join(self.root, "bin") + ":/usr/local/bin:/usr/bin:/bin",
            "ONRAMP_LAB_CONTROL": self.control,
            "CONDA_OVERRIDE_CUDA": "",
            "LANG": "C.UTF-8",
        })
        for k, v in (extra or {}).items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = v
        return env

    def run(self, args, env=None, stdin=None, knobs="", timeout=120, cwd=None):
        self.set_knobs(knobs)
        t0 = time.time()
        p = subprocess.run([self.conda] + list(args), env=self.env(env), cwd=cwd or self.tmp,
                           input=stdin.encode() if isinstance(stdin, str) else None,
                           stdin=None if isinstance(stdin, str) else subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        self.set_knobs("")
        return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
                      time.time() - t0)

    def run_pty(self, args, answer, env=None, timeout=60):
        """Run under a pseudo-terminal and type ``answer`` after ``Proceed ([y]/n)? ``."""
        master, slave = pty.openpty()
        p = subprocess.Popen([self.conda] + list(args), env=self.env(env), cwd=self.tmp,
                             stdin=slave, stdout=slave, stderr=slave, close_fds=True)
        os.close(slave)
        buf = b""
        typed = False
        deadline = time.time() + timeout
        while time.time() < deadline:
            r, _, _ = select.select([master], [], [], 0.1)
            if r:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    break
                buf += chunk
                if not typed and b"? " in buf.rsplit(b"\n", 1)[-1]:
                    os.write(master, answer.encode() + b"\n")
                    typed = True
            elif p.poll() is not None:
                try:
                    while True:
                        r, _, _ = select.select([master], [], [], 0.05)
                        if not r:
                            break
                        chunk = os.read(master, 65536)
                        if not chunk:
                            break
                        buf += chunk
                except OSError:
                    pass
                break
        p.wait(timeout=10)
        os.close(master)
        return Result(p.returncode, buf.decode("utf-8", "replace"), "")

    def py_sys_version(self):
        return subprocess.run(["/usr/bin/python3", "-c", "import sys; print(sys.version)"],
                              stdout=subprocess.PIPE, text=True).stdout.strip()


# ----------------------------------------------------------------------------------------------
# normalisation and structure
# ----------------------------------------------------------------------------------------------
def normalize(text, lab=None, sys_version=None):
    if lab is not None:
        text = text.replace(lab.root, CAPTURE_ROOT).replace(lab.home, CAPTURE_HOME)
        text = text.replace(os.path.join(lab.tmp, "tinyfs"), "/mnt/tinyfs")
    if sys_version:
        text = text.replace(sys_version, "<sys.version>")
    text = text.replace(CAPTURE_SYS_VERSION, "<sys.version>")
    text = re.sub(r"Linux/\S+", "Linux/<release>", text)
    text = re.sub(r"glibc/[\d.]+", "glibc/<v>", text)
    text = re.sub(r"CPython/[\d.]+", "CPython/<v>", text)
    text = re.sub(r"__linux=[\d.]+=0", "__linux=<v>=0", text)
    text = re.sub(r"__glibc=[\d.]+=0", "__glibc=<v>=0", text)
    text = re.sub(r"python version : \S+", "python version : <v>", text)
    text = re.sub(r"UID:GID : \d+:\d+", "UID:GID : <uid>:<gid>", text)
    text = re.sub(r"\S*/tmp\w{8}: line", "<script>: line", text)
    return text


def shape(v, skip=()):
    """Recursive type structure: dict key sets, list element shapes (as a set), leaf types."""
    if isinstance(v, dict):
        return ("dict", tuple(sorted((k, "<skipped>" if k in skip else shape(x, skip)) for k, x in v.items())))
    if isinstance(v, list):
        return ("list", tuple(sorted({shape(x, skip) for x in v}, key=repr)))
    if isinstance(v, bool):
        return "bool"
    if v is None:
        return "null"
    return type(v).__name__


def shape_diff(a, b, path="$"):
    """A readable first difference between shape(a) and shape(b), or None."""
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return "%s: keys differ: only real %s, only stand-in %s" % (
                path, sorted(set(a) - set(b)), sorted(set(b) - set(a)))
        for k in a:
            d = shape_diff(a[k], b[k], "%s.%s" % (path, k))
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        sa, sb = {shape(x) for x in a}, {shape(x) for x in b}
        if sa != sb:
            if a and b:
                return shape_diff(a[0], b[0], path + "[0]") or "%s: element shapes differ" % path
            return "%s: one list is empty (real %d, stand-in %d)" % (path, len(a), len(b))
        return None
    if shape(a) != shape(b):
        return "%s: real %s vs stand-in %s" % (path, shape(a), shape(b))
    return None


def canon(v):
    """Values with lists made order-free (conda's set-ordered output)."""
    if isinstance(v, dict):
        return {k: canon(x) for k, x in v.items()}
    if isinstance(v, list):
        return sorted((canon(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
    if isinstance(v, str) and "\n" in v:
        return sorted(v.split("\n"))
    return v


TQDM_DESC = re.compile(r"\r([^\r\n\x1b|]+?) +\| (.{9}) \| (.{10}) \| +(\d+)% ")


def split_download_block(text):
    """(before, block, after) around the 23.x tqdm bars of 'Downloading and Extracting Packages'."""
    start = text.find("Downloading and Extracting Packages\n")
    if start < 0:
        return text, "", ""
    start += len("Downloading and Extracting Packages\n")
    end = text.find("Preparing transaction", start)
    if end < 0:
        end = len(text)
    return text[:start], text[start:end], text[end:]


def bars(block):
    """{desc: (size, max percent)} from a tqdm block, and the widths of the bar lines."""
    out = {}
    for m in TQDM_DESC.finditer(block):
        desc, size, _bar, pct = m.group(1).strip(), m.group(2).strip(), m.group(3), int(m.group(4))
        out[desc] = (size, max(pct, out.get(desc, ("", 0))[1]))
    return out


def load_commands():
    rows = []
    with open(os.path.join(FIXTURES, "commands.tsv")) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            name, rc, cmd = line.split("\t", 2)
            rows.append((name, int(rc), cmd))
    return rows


def fixture(name, stream):
    fn = "%s.txt" % name if stream == "stdout" else "%s.stderr.txt" % name
    path = os.path.join(FIXTURES, fn)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return f.read()
