"""Evidence fixtures: the real lab run (tests/fixtures/evidence/complete.json) and variants derived from it
by small edits, each with the check results it must give. One base file keeps the variants honest: they
differ from a real run only where their name says."""
from __future__ import annotations

import copy
import json
import os

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "evidence")

# What the real run gives; variants list only what they change. The lab's conda create runs on the login
# node (as the engine does today), hence the warning; the lab has no quota command and no Python pin.
BASE_EXPECTED = {
    "gpu.count": "pass", "torch.cuda-build": "pass", "driver.cuda": "pass", "nvidia-smi.works": "pass",
    "python.pin": "skip", "conda.dirs": "pass", "quota.room": "skip", "conda.channels": "pass",
    "bashrc.quiet": "pass", "bashrc.conda-init": "pass", "login.heavy-work": "warn",
}

QUOTA = """Disk quotas for user student (uid 1001):
     Filesystem   space   quota   limit   grace   files   quota   limit   grace
       /dev/vda  {used}   50000M  51200M            1523       0       0
"""
NVML_MISMATCH = "Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 565.57"


def base() -> dict:
    with open(os.path.join(FIXTURES, "complete.json"), encoding="utf-8") as f:
        return json.load(f)


def step(ev: dict, key: str) -> dict:
    return next(s for s in ev["steps"] if s["step"] == key)


def facts(ev: dict, key: str) -> dict:
    return step(ev, key)["facts"]


def _cpu_build(ev):
    facts(ev, "install-torch")["torch_build"] = "cpu_py312h1f3b5a3_0"
    next(p for p in ev["packages"] if p["name"] == "pytorch").update(build="cpu_py312h1f3b5a3_0", size=61402107)
    facts(ev, "verify").update(torch_cuda="", cuda_available=False, device_count=0)
    facts(ev, "verify").pop("device_name", None)


def _driver(cuda, torch_cuda):
    def edit(ev):
        facts(ev, "compute-node").update(driver_cuda=cuda, driver_version="470.82.01" if cuda < "12" else "535.54.03")
        facts(ev, "verify")["torch_cuda"] = torch_cuda
    return edit


def _count_mismatch(ev):
    ev["options"]["gpus"] = 2
    facts(ev, "verify")["gpus_requested"] = 2


def _quota(used):
    return lambda ev: facts(ev, "identify").update(quota=QUOTA.format(used=used))


def _new_torch_with_pytorch_channel(ev):
    facts(ev, "verify")["torch_version"] = "2.6.0"
    for p in ev["packages"]:
        if p["name"] == "pytorch":
            p.update(version="2.6.0", build="cuda118_py312h02e1f1c_300")


def _mixed_channels(ev):
    for p in ev["packages"]:
        if p["name"] in ("numpy", "libopenblas", "pillow"):
            p["channel"] = "pkgs/main"


def _installs_in_job(ev):
    for _, c in _all_commands(ev):
        if "conda create" in c["command"] or "conda install" in c["command"]:
            c["command"] = "srun -p cpu --time=60 -- " + c["command"]


def _training_on_login(ev):
    step(ev, "extra-packages")["commands"].append({
        "command": "cd ~/project && python train.py --epochs 10", "where": "login", "run_id": "",
        "exit_code": 0, "error": "", "started_at": "2026-11-27T09:40:00.000Z", "elapsed_ms": 1250000,
        "output": "epoch 1/10 loss 2.31\n"})


def _all_commands(ev):
    for s in ev["steps"]:
        for c in s["commands"]:
            yield s["step"], c


def _space(available, capacity):
    def edit(ev):
        for s in facts(ev, "identify")["space"]:
            s.update(available_bytes=available, capacity=capacity)
    return edit


def _half_moved(ev):
    facts(ev, "identify")["pkgs_dirs"] = ["/scratch/student/conda/pkgs", "/home/student/.conda/pkgs"]
    facts(ev, "identify")["space"].append({"path": "/scratch/student/conda/pkgs", "filesystem": "scratch:/lustre",
                                           "available_bytes": 4.1e13, "capacity": "61%", "mounted_on": "/scratch"})


def _missing_steps(ev):
    ev["steps"] = [s for s in ev["steps"] if s["step"] in ("identify", "compute-node")]
    for key in ("packages", "gpu_history", "profile", "collected_at", "onramp_version"):
        ev.pop(key)


def _second_gpu_history(ev):
    for sample in ev["gpu_history"]:
        g = dict(sample["gpus"][0], index=1)
        g["util_percent"] = max(0, g["util_percent"] - 20)
        sample["gpus"].append(g)


# name: (edit, changed expectations)
VARIANTS = {
    "complete": (None, {}),
    "python-pinned": (lambda ev: ev["options"].update(python="3.11"), {"python.pin": "pass"}),
    "python-mismatch": (lambda ev: ev["options"].update(python="3.10"), {"python.pin": "fail"}),
    "cpu-build": (_cpu_build, {"torch.cuda-build": "fail", "gpu.count": "fail", "driver.cuda": "skip"}),
    "driver-too-old": (_driver("11.4", "12.1"), {"driver.cuda": "fail"}),
    "driver-minor-behind": (_driver("12.2", "12.4"), {"driver.cuda": "warn"}),
    "count-mismatch": (_count_mismatch, {"gpu.count": "fail"}),
    "quota-roomy": (_quota("12000M"), {"quota.room": "pass"}),
    "quota-filling": (_quota("44000M"), {"quota.room": "warn"}),
    "quota-nearly-full": (_quota("49800M*"), {"quota.room": "fail"}),
    "noisy-bashrc": (lambda ev: facts(ev, "identify").update(shell_noise="Welcome to Aha! Jobs go through Slurm.\n"),
                     {"bashrc.quiet": "fail"}),
    "conda-init-unguarded": (lambda ev: facts(ev, "activation").update(
        bashrc_conda_init=True, bashrc_conda_init_noninteractive=True, bashrc_interactive_guard=False),
        {"bashrc.conda-init": "warn"}),
    "conda-init-guarded": (lambda ev: facts(ev, "activation").update(
        bashrc_conda_init=True, bashrc_conda_init_noninteractive=False, bashrc_interactive_guard=True),
        {"bashrc.conda-init": "pass"}),
    "pytorch-channel-new-torch": (_new_torch_with_pytorch_channel, {"conda.channels": "fail"}),
    "mixed-channels": (_mixed_channels, {"conda.channels": "warn"}),
    "nvidia-smi-failing": (lambda ev: facts(ev, "verify").update(nvidia_smi=NVML_MISMATCH, cuda_available=False,
                                                                 device_count=0),
                           {"nvidia-smi.works": "fail", "gpu.count": "fail"}),
    "installs-in-job": (_installs_in_job, {"login.heavy-work": "pass"}),
    "training-on-login": (_training_on_login, {"login.heavy-work": "fail"}),
    "disk-nearly-full": (_space(2_000_000_000, "99%"), {"conda.dirs": "fail"}),
    "disk-filling": (_space(60_000_000_000, "96%"), {"conda.dirs": "warn"}),
    "dirs-half-moved": (_half_moved, {"conda.dirs": "warn"}),
    "no-gpu-history": (lambda ev: ev.pop("gpu_history"), {}),
    "two-gpu-history": (_second_gpu_history, {}),
    "missing-steps": (_missing_steps, {"gpu.count": "skip", "torch.cuda-build": "skip", "driver.cuda": "skip",
                                       "nvidia-smi.works": "skip",
                                       "conda.channels": "skip", "bashrc.conda-init": "skip",
                                       "login.heavy-work": "pass"}),
}


def load(name: str) -> dict:
    edit, _ = VARIANTS[name]
    ev = copy.deepcopy(base())
    if edit:
        edit(ev)
    return ev


def expected(name: str) -> dict:
    return dict(BASE_EXPECTED, **VARIANTS[name][1])


if __name__ == "__main__":
    # A variant as a file, for tests outside Python (the C++ side's report and PDF tests):
    #   python3 tests/python/evidence_variants.py cpu-build > /tmp/cpu-build.json
    import sys
    if len(sys.argv) != 2 or sys.argv[1] not in VARIANTS:
        sys.exit("usage: evidence_variants.py VARIANT  (one of: %s)" % ", ".join(VARIANTS))
    json.dump(load(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
