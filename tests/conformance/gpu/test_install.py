"""tests/lab/standins/gpu/install: layout, idempotence, refusals (with --prefix, no root)."""

import json
import os
import shutil
import stat
import subprocess
import tempfile
import unittest

import standin_support as S

INSTALL = os.path.join(S.SRC, "install")


class Install(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="onramp-gpu-install-")
        self.args = ["--prefix", os.path.join(self.root, "usr"), "--home", os.path.join(self.root, "home"),
                     "--user", S.CURRENT_USER, "--lab-dir", os.path.join(self.root, "lab")]

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def run_install(self, *extra):
        return subprocess.run([S.PYTHON, INSTALL] + self.args + list(extra), capture_output=True, text=True)

    def snapshot(self):
        out = {}
        for base, dirs, files in os.walk(self.root):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for f in files:
                p = os.path.join(base, f)
                with open(p, "rb") as fh:
                    out[os.path.relpath(p, self.root)] = (fh.read(), stat.S_IMODE(os.stat(p).st_mode))
        return out

    def test_layout(self):
        r = self.run_install()
        self.assertEqual(r.returncode, 0, r.stderr)
        files = set(self.snapshot())
        torch_dir = "home/miniconda3/share/onramp-standins/torch/"
        for f in ("usr/bin/nvidia-smi", "usr/share/onramp-lab/gpus.json", "usr/share/onramp-lab/gpulab.py",
                  "usr/share/onramp-lab/nvsmi.py", "usr/share/onramp-lab/lab.json",
                  torch_dir + "__init__.py", torch_dir + "version.py", torch_dir + "_C.py",
                  torch_dir + "cuda/__init__.py", torch_dir + "backends/cudnn/__init__.py",
                  torch_dir + "_onramp_gpulab.py", torch_dir + "_onramp_lab.json"):
            with self.subTest(file=f):
                self.assertIn(f, files)
        self.assertNotIn(torch_dir + "_onramp_build.json", files)   # written per env by the conda stand-in
        self.assertTrue(os.access(os.path.join(self.root, "usr/bin/nvidia-smi"), os.X_OK))
        self.assertTrue(os.path.isdir(os.path.join(self.root, "usr/share/onramp-lab/__pycache__")))
        with open(os.path.join(self.root, torch_dir, "_onramp_lab.json"), encoding="utf-8") as fh:
            lab = json.load(fh)
        self.assertEqual(lab, {"gpus_file": os.path.join(self.root, "usr/share/onramp-lab/gpus.json"),
                               "control_file": os.path.join(self.root, "lab/shared/control")})

    def test_idempotent(self):
        self.assertEqual(self.run_install().returncode, 0)
        first = self.snapshot()
        self.assertEqual(self.run_install().returncode, 0)
        self.assertEqual(self.snapshot(), first)

    def test_custom_data_and_control(self):
        data = os.path.join(self.root, "one-gpu.json")
        d = S.lab_data()
        d["gpus"] = d["gpus"][:1]
        with open(data, "w", encoding="utf-8") as fh:
            json.dump(d, fh)
        r = self.run_install("--data", data, "--control", os.path.join(self.root, "knobs"))
        self.assertEqual(r.returncode, 0, r.stderr)
        env = {"PATH": "/usr/bin:/bin", "CUDA_VISIBLE_DEVICES": "0,1"}
        out = subprocess.run([os.path.join(self.root, "usr/bin/nvidia-smi"), "-L"], env=env,
                             capture_output=True, text=True).stdout
        self.assertEqual(len(out.splitlines()), 1)     # "1" is past the only GPU: the list stops there

    def test_broken_data_file_is_refused(self):
        bad = os.path.join(self.root, "bad.json")
        with open(bad, "w", encoding="utf-8") as fh:
            fh.write("{not json")
        self.assertNotEqual(self.run_install("--data", bad).returncode, 0)
        self.assertFalse(os.path.exists(os.path.join(self.root, "usr/bin/nvidia-smi")))

    @unittest.skipIf(os.geteuid() == 0, "root may install to /usr/local; the refusal is for normal users")
    def test_refuses_system_install_without_root(self):
        r = subprocess.run([S.PYTHON, INSTALL, "--home", self.root, "--user", S.CURRENT_USER, "--lab-dir", self.root],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--prefix", r.stderr)


if __name__ == "__main__":
    unittest.main()
