"""Behaviour of the conda stand-in beyond the capture replay.

* the PyTorch plans Onramp reviews: CUDA vs CPU build from __cuda (CONDA_OVERRIDE_CUDA or the
  nvidia-smi rule), channel priority, the python pin, spec spellings;
* the failure knobs of the lab control file, checked against the structure of the real
  captures of the same error classes;
* the conda 25.x layouts (conda.version=25) the corpus README lists;
* the torch contract (site-packages/torch/_onramp_build.json), the install script, shell
  activation through etc/profile.d/conda.sh, and output streaming while "downloading".
"""

import json
import os
import re
import shutil
import stat
import subprocess
import time
import unittest

from conda_lab import GPU_INSTALL, INSTALL, Lab, fixture, shape_diff, whoami

HERE = os.path.dirname(os.path.abspath(__file__))
GUIDE = ["pytorch", "torchvision", "cudatoolkit", "-c", "conda-forge", "-c", "pytorch"]


def link(res, name):
    for r in res.json()["actions"]["LINK"]:
        if r["name"] == name:
            return r
    raise AssertionError("%s not in LINK" % name)


def fetch(res, name):
    for r in res.json()["actions"]["FETCH"]:
        if r["name"] == name:
            return r
    raise AssertionError("%s not in FETCH" % name)


class LabCase(unittest.TestCase):
    condarc = None

    @classmethod
    def setUpClass(cls):
        cls.lab = Lab(condarc=cls.condarc)

    @classmethod
    def tearDownClass(cls):
        cls.lab.close()

    def ok(self, res):
        self.assertEqual(res.rc, 0, repr(res))
        return res


class PytorchPlans(LabCase):
    """Dry-run JSON plans, as Onramp's plan review reads them."""

    def plan(self, args, cuda=None, **kw):
        return self.ok(self.lab.run(["create", "-n", "t"] + args + ["--dry-run", "--json"],
                                    env={"CONDA_OVERRIDE_CUDA": cuda or ""}, **kw))

    def test_guide_command_cuda_build_with_cuda_12_2(self):
        res = self.plan(GUIDE, cuda="12.2")
        pt = link(res, "pytorch")
        self.assertEqual(pt["channel"], "conda-forge")
        self.assertIn("cuda", pt["build_string"])
        self.assertIn("cuda", link(res, "torchvision")["build_string"])
        self.assertTrue(link(res, "cudatoolkit")["version"].startswith("11."))
        self.assertGreater(fetch(res, "pytorch")["size"], 1.3 * 1024 ** 3)
        self.assertTrue(res.json()["dry_run"])

    def test_guide_command_cpu_build_without_cuda(self):
        res = self.plan(GUIDE, cuda="")
        pt = link(res, "pytorch")
        self.assertTrue(pt["build_string"].startswith("cpu_"), pt)
        self.assertNotIn("cuda", link(res, "torchvision")["build_string"])
        self.assertLess(fetch(res, "pytorch")["size"], 95 * 1024 ** 2)
        self.assertGreater(fetch(res, "pytorch")["size"], 55 * 1024 ** 2)

    def test_nvidia_smi_rule(self):
        bindir = os.path.join(self.lab.tmp, "fake-smi")
        os.makedirs(bindir, exist_ok=True)
        smi = os.path.join(bindir, "nvidia-smi")
        path = bindir + ":" + self.lab.env()["PATH"]
        with open(smi, "w") as f:
            f.write("#!/bin/sh\necho '| NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA Version: 12.2     |'\n")
        os.chmod(smi, 0o755)
        res = self.ok(self.lab.run(["create", "-n", "t"] + GUIDE + ["--dry-run", "--json"],
                                   env={"CONDA_OVERRIDE_CUDA": None, "PATH": path}))
        self.assertIn("cuda", link(res, "pytorch")["build_string"])
        info = self.ok(self.lab.run(["info", "--json"], env={"CONDA_OVERRIDE_CUDA": None, "PATH": path}))
        self.assertIn(["__cuda", "12.2", "0"], info.json()["virtual_pkgs"])
        with open(smi, "w") as f:
            f.write("#!/bin/sh\necho \"NVIDIA-SMI has failed because it couldn't communicate with the "
                    "NVIDIA driver.\"\nexit 9\n")
        res = self.ok(self.lab.run(["create", "-n", "t"] + GUIDE + ["--dry-run", "--json"],
                                   env={"CONDA_OVERRIDE_CUDA": None, "PATH": path}))
        self.assertTrue(link(res, "pytorch")["build_string"].startswith("cpu_"))

    def test_pytorch_channel_builds(self):
        res = self.plan(["pytorch", "torchvision", "pytorch-cuda=12.1", "-c", "pytorch", "-c", "nvidia"],
                        cuda="12.4")
        pt = link(res, "pytorch")
        self.assertEqual(pt["channel"], "pytorch")
        self.assertRegex(pt["build_string"], r"^py3\.\d+_cuda12\.1_cudnn8\.9\.2_0$")
        self.assertRegex(link(res, "torchvision")["build_string"], r"_cu121$")
        self.assertEqual(link(res, "cuda-runtime")["channel"], "nvidia")
        res = self.plan(["pytorch", "pytorch-cuda=11.8", "-c", "pytorch", "-c", "nvidia"], cuda="11.8")
        self.assertRegex(link(res, "pytorch")["build_string"], r"_cuda11\.8_cudnn8\.7\.0_0$")
        res = self.plan(["pytorch", "cpuonly", "-c", "pytorch"], cuda="12.4")
        self.assertRegex(link(res, "pytorch")["build_string"], r"^py3\.\d+_cpu_0$")

    def test_requested_cuda_needs_a_driver(self):
        res = self.lab.run(["create", "-n", "t", "pytorch", "pytorch-cuda=12.1", "-c", "pytorch", "-c",
                            "nvidia", "--dry-run"])
        self.assertEqual(res.rc, 1)
        self.assertIn("Found conflicts! Looking for incompatible packages.", res.out)
        self.assertIn("UnsatisfiableError: The following specifications were found to be incompatible "
                      "with your system:\n\n  - pytorch-cuda=12.1 -> __cuda[version='>=12.1']\n\n"
                      "Your installed version is: not available", res.err)
        res = self.lab.run(["create", "-n", "t", "pytorch-cuda=12.1", "-c", "pytorch", "-c", "nvidia",
                            "--dry-run", "--json"], env={"CONDA_OVERRIDE_CUDA": "11.8"})
        self.assertEqual(res.rc, 1)
        # one requested package with one candidate: PackagesNotFoundError, as capture 41c
        self.assertEqual(res.json()["packages"], ["__cuda[version='>=12.1']"])

    def test_python_pin_and_frozen_install(self):
        self.ok(self.lab.run(["create", "-n", "py310", "python=3.10", "-y"]))
        res = self.ok(self.lab.run(["install", "-n", "py310", "pytorch", "-c", "pytorch", "--dry-run",
                                    "--json"]))
        self.assertRegex(link(res, "pytorch")["build_string"], r"^py3\.10_")
        self.assertNotIn("UNLINK", res.json()["actions"])
        listed = self.ok(self.lab.run(["list", "-n", "py310", "--json"])).json()
        self.assertIn("python", {r["name"] for r in listed})
        self.assertTrue(any(r["name"] == "python" and r["version"].startswith("3.10.") for r in listed))

    def test_spec_spellings_and_channel_priority(self):
        res = self.plan(["numpy", "python=3.9"])
        self.assertEqual(link(res, "numpy")["channel"], "pkgs/main")
        self.assertEqual(link(res, "python")["version"], "3.9.18")
        res = self.plan(["numpy", "-c", "conda-forge"])
        self.assertEqual(link(res, "numpy")["channel"], "conda-forge")
        res = self.plan(["numpy<1.26", "python>=3.8,<3.9"])
        self.assertEqual(link(res, "numpy")["version"], "1.24.3")
        res = self.plan(["pytorch::pytorch=2.1.2=py3.11_cpu_0"])
        pt = link(res, "pytorch")
        self.assertEqual((pt["channel"], pt["version"], pt["build_string"]), ("pytorch", "2.1.2", "py3.11_cpu_0"))
        res = self.plan(["PyTorch", "-c", "PyTorch"], cuda="12.4")   # the guide's capitalisation
        self.assertEqual(link(res, "pytorch")["channel"], "pytorch")

    def test_download_table_layout_matches_conda_4x_plan(self):
        """Rows of 'The following packages will be downloaded' line up as in the real conda 4.x plan."""
        with open(os.path.join(HERE, "fixtures", "conda",
                               "conda-create-plan__pytorch-cudatoolkit__conda4.x-excerpt.txt")) as f:
            real = f.read()
        res = self.lab.run(["create", "-n", "t"] + GUIDE + ["--dry-run"], env={"CONDA_OVERRIDE_CUDA": "11.8"})
        self.assertEqual(res.rc, 0, repr(res))
        for text in (real, res.out):
            self.assertIn("    package                    |            build\n"
                          "    ---------------------------|-----------------\n", text)
        row = re.compile(r"^    (\S.{26})\|(.+?)( +[\d.]+ (?:B|KB|MB|GB))(  \S+)?$")

        def rows(text):
            return [l for l in text.splitlines() if "|" in l and "---" not in l and " package " not in l
                    and "%" not in l]
        real_rows, our_rows = rows(real), rows(res.out)
        self.assertTrue(real_rows and our_rows)
        for line in real_rows + our_rows:
            m = row.match(line)
            self.assertIsNotNone(m, "row layout: %r" % line)
            if len(m.group(2).strip()) <= 17:   # longer build strings push the columns right
                self.assertEqual((len(m.group(2)), len(m.group(3))), (17, 15), "columns: %r" % line)
        self.assertIn("\n    cudatoolkit-11.8.0         |      h4ba93d1_13       715.9 MB  conda-forge\n", res.out)
        self.assertRegex(res.out, r"\n {43}Total: +[\d.]+ GB\n")


class Knobs(LabCase):
    """conda.fail=..., conda.plan=cpu, conda.download_seconds: shapes of the real errors."""

    def test_unsatisfiable(self):
        res = self.lab.run(["create", "-n", "k", "pytorch", "-c", "pytorch", "-y"],
                           knobs="conda.fail=unsatisfiable\n")
        self.assertEqual(res.rc, 1)
        self.assertRegex(res.out, r"Solving environment: \.\.\.working\.\.\. \nFound conflicts! Looking for "
                                  r"incompatible packages\.\nThis can take several minutes\.  Press CTRL-C "
                                  r"to abort\.\nfailed\n$")
        self.assertIn("\rBuilding graph of deps:", res.err)
        self.assertRegex(res.err, r"\nUnsatisfiableError: The following specifications were found to be "
                                  r"incompatible with each other:\n\nOutput in format: Requested package -> "
                                  r"Available versions\n\nPackage python conflicts for:\npytorch -> "
                                  r"python\[version='[^']+'\]\n")
        self.assertFalse(os.path.exists(os.path.join(self.lab.root, "envs", "k")))
        js = self.lab.run(["create", "-n", "k", "pytorch", "-c", "pytorch", "--json", "--dry-run"],
                          knobs="conda.fail=unsatisfiable\n")
        self.assertEqual(js.rc, 1)
        real = json.loads(fixture("38-unsatisfiable-json", "stdout"))
        self.assertIsNone(shape_diff(real, js.json()))
        self.assertEqual(js.err, "")
        # anything without pytorch is not affected
        self.ok(self.lab.run(["create", "-n", "k", "numpy", "--dry-run", "--json"],
                             knobs="conda.fail=unsatisfiable\n"))

    def test_packages_not_found(self):
        res = self.lab.run(["create", "-n", "k", "pytorch", "-c", "pytorch", "-y"],
                           knobs="conda.fail=packages_not_found\n")
        self.assertEqual(res.rc, 1)
        real = fixture("33-packages-not-found", "stderr")
        lines = res.err.split("\n")
        self.assertEqual(lines[:5], ["", "PackagesNotFoundError: The following packages are not available "
                                         "from current channels:", "", "  - pytorch", ""])
        self.assertIn("  - https://conda.anaconda.org/pytorch/linux-64\n  - https://conda.anaconda.org/pytorch"
                      "/noarch\n  - https://repo.anaconda.com/pkgs/main/linux-64\n", res.err)
        self.assertTrue(res.err.endswith(real[real.index("To search for"):]))
        js = self.lab.run(["install", "-n", "base", "pytorch", "--json"], knobs="conda.fail=packages_not_found\n")
        self.assertIsNone(shape_diff(json.loads(fixture("34-packages-not-found-json", "stdout")), js.json()))

    def test_http(self):
        res = self.lab.run(["create", "-n", "k", "pytorch", "-c", "pytorch", "-y"], knobs="conda.fail=http\n")
        self.assertEqual(res.rc, 1)
        self.assertEqual(res.out, "Collecting package metadata (current_repodata.json): ...working... failed\n")
        self.assertEqual(res.err, "\nCondaHTTPError: HTTP 000 CONNECTION FAILED for url "
                                  "<https://conda.anaconda.org/pytorch/linux-64/current_repodata.json>\n"
                                  "Elapsed: -\n\nAn HTTP error occurred when trying to retrieve this URL.\n"
                                  "HTTP errors are often intermittent, and a simple retry will get you on your"
                                  " way.\n'https://conda.anaconda.org/pytorch/linux-64'\n\n\n")
        js = self.lab.run(["install", "-n", "base", "numpy", "--json"], knobs="conda.fail=http\n").json()
        self.assertEqual(js["exception_name"], "CondaHTTPError")
        self.assertIn("repo.anaconda.com/pkgs/main/linux-64/current_repodata.json", js["url"])
        self.assertIn("Temporary failure in name resolution", js["caused_by"])
        self.assertIn("If your current network has https://www.anaconda.com blocked", js["message"])

    def test_no_space(self):
        pkgs = os.path.join(self.lab.tmp, "full-pkgs")   # an empty cache: pytorch has to be downloaded
        res = self.lab.run(["create", "-n", "k", "pytorch", "-c", "pytorch", "-y"], knobs="conda.fail=no_space\n",
                           env={"CONDA_PKGS_DIRS": pkgs})
        self.assertEqual(res.rc, 1)
        self.assertIn("\nDownloading and Extracting Packages\n", res.out)
        self.assertNotIn("Preparing transaction", res.out)
        self.assertEqual(res.err, "\nCondaError: Failed to write to %s/pytorch-2.2.2-py3.12_cpu_0.tar.bz2\n"
                                  "  errno: 28\n\n" % pkgs)
        self.assertFalse(os.path.exists(os.path.join(self.lab.root, "envs", "k")))
        res = self.lab.run(["create", "-n", "k2", "pytorch", "-c", "pytorch", "-y"],
                           knobs="conda.fail=no_space_prefix\n")
        self.assertEqual(res.rc, 1)
        self.assertIn("Executing transaction: ...working... failed\nRolling back transaction: ...working... done\n",
                      res.out)
        self.assertRegex(res.err, r"^ERROR conda\.core\.link:_execute\(\d+\): An error occurred while installing "
                                  r"package 'pytorch::pytorch-2\.2\.2-py3\.12_cpu_0'\.\n\n\[Errno 28\] No space "
                                  r"left on device: '\S+/envs/k2/lib/python3\.\d+/site-packages/torch/lib/"
                                  r"libtorch_cpu\.so'\n\(\)\n\n$")

    def test_plan_cpu(self):
        res = self.ok(self.lab.run(["create", "-n", "k"] + GUIDE + ["--dry-run", "--json"],
                                   env={"CONDA_OVERRIDE_CUDA": "12.2"}, knobs="conda.plan=cpu\n"))
        self.assertTrue(link(res, "pytorch")["build_string"].startswith("cpu_"))
        # cudatoolkit is still installed: the classic "GPU requested, CPU build planned" trap
        self.assertEqual(link(res, "cudatoolkit")["version"], "11.8.0")

    def test_download_streams_over_time(self):
        knobs = "conda.time_scale=1\nconda.metadata_seconds=0\nconda.solve_seconds=0\nconda.download_seconds=1.5\n"
        self.lab.base_knobs = ""
        self.lab.set_knobs(knobs)
        try:
            p = subprocess.Popen([self.lab.conda, "create", "-n", "stream", "numpy", "-y"],
                                 env=self.lab.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            t0 = time.time()
            seen = []
            while True:
                chunk = os.read(p.stdout.fileno(), 4096)
                if not chunk:
                    break
                seen.append((time.time() - t0, chunk.decode("utf-8", "replace")))
            p.wait()
            p.stdout.close()
            p.stderr.close()
        finally:
            self.lab.base_knobs = "conda.time_scale=0\n"
            self.lab.set_knobs("")
        self.assertEqual(p.returncode, 0)
        text = "".join(c for _, c in seen)
        t_dl = next(t for t, c in seen if "Downloading and Extracting" in c)
        t_prep = next(t for t, c in seen if "Preparing transaction" in c)
        self.assertGreater(t_prep - t_dl, 1.2, "the download should take ~1.5 s")
        progress = [t for t, c in seen if "%" in c and t_dl < t < t_prep]
        self.assertGreater(len(progress), 5, "bars should be updated while downloading")
        self.assertGreater(max(progress) - min(progress), 0.8)
        self.assertIn("| 100% ", text)

    def test_default_timing_is_short(self):
        self.lab.base_knobs = ""
        try:
            res = self.ok(self.lab.run(["create", "-n", "timing", "pytorch", "-c", "pytorch", "-y"]))
        finally:
            self.lab.base_knobs = "conda.time_scale=0\n"
        self.assertGreater(res.seconds, 1.0)
        self.assertLess(res.seconds, 5.0)


class Conda25(LabCase):
    """conda.version=25: the 23.x -> 25.x differences listed in the corpus README."""

    K = "conda.version=25\n"

    def test_version(self):
        self.assertEqual(self.lab.run(["--version"], knobs=self.K).out, "conda 25.5.1\n")

    def test_env_list_json_is_the_info_object(self):
        res = self.ok(self.lab.run(["env", "list", "--json"], knobs=self.K))
        real_info = json.loads(fixture("02-conda-info-json", "stdout"))
        ours = res.json()
        self.assertEqual(set(real_info), set(ours))
        self.assertEqual(ours["envs"][0], self.lab.root)
        self.assertEqual(ours["conda_version"], "25.5.1")
        self.assertEqual(set(self.ok(self.lab.run(["env", "list", "--json"])).json()), {"envs"})

    def test_activate_without_init(self):
        res = self.lab.run(["activate", "base"], knobs=self.K)
        self.assertEqual((res.rc, res.out, res.err),
                         (1, "", "\nCondaError: Run 'conda init' before 'conda activate'\n\n"))
        res23 = self.lab.run(["activate", "base"])
        self.assertEqual(res23.rc, 2)
        self.assertEqual(res23.err, fixture("32-activate-without-init", "stderr"))

    def test_spinners_and_download_line(self):
        res = self.ok(self.lab.run(["create", "-n", "s25", "tinytool", "-c", "file:///srv/conda-channel",
                                    "--override-channels", "-y"], knobs=self.K))
        self.assertTrue(res.out.startswith("Channels:\n - file:///srv/conda-channel\nPlatform: linux-64\n"))
        self.assertRegex(res.out, r"Collecting package metadata \(repodata\.json\): (?:[-\\|/] \x08\x08)+done\n")
        self.assertRegex(res.out, r"Solving environment: (?:[-\\|/] \x08\x08)+done\n")
        self.assertIn("\nDownloading and Extracting Packages: ...working... done\n", res.out)
        self.assertNotIn("\r", res.out)
        self.assertRegex(res.out, r"Executing transaction: (?:[-\\|/] \x08\x08)+done\n")
        res23 = self.ok(self.lab.run(["create", "-n", "s23", "tinytool", "-c", "file:///srv/conda-channel",
                                      "--override-channels", "-y"]))
        self.assertIn("Solving environment: ...working... done\n", res23.out)
        self.assertIn("\nDownloading and Extracting Packages\n\r\n", res23.out)   # cached: no bars

    def test_env_exists_prompt(self):
        self.ok(self.lab.run(["create", "-n", "ex", "-y"]))
        res = self.lab.run(["create", "-n", "ex", "tinytool", "-c", "file:///srv/conda-channel"], knobs=self.K)
        self.assertEqual(res.rc, 0)
        self.assertEqual(res.out, "WARNING: A conda environment already exists at '%s'\n\n"
                                  "Remove existing environment?\nThis will remove ALL directories contained "
                                  "within this specified prefix directory, including any other conda "
                                  "environments.\n\n (y/[n])? \n" % os.path.join(self.lab.root, "envs", "ex"))
        self.assertEqual(res.err, "\nCondaSystemExit: Exiting.\n\n")

    def test_env_list_text(self):
        res = self.ok(self.lab.run(["env", "list"], knobs=self.K, env={"CONDA_PREFIX": self.lab.root}))
        self.assertTrue(res.out.startswith("\n# conda environments:\n#\n# * -> active\n# + -> frozen\n"
                                           "base                 *   %s\n" % self.lab.root), res.out)


class TorchContract(LabCase):
    """Linking pytorch writes site-packages/torch/_onramp_build.json (the torch stand-in's input)."""

    def site(self, env):
        lib = os.path.join(self.lab.root, "envs", env, "lib")
        py = [d for d in os.listdir(lib) if d.startswith("python3")][0]
        return os.path.join(lib, py, "site-packages")

    def marker(self, env):
        with open(os.path.join(self.site(env), "torch", "_onramp_build.json")) as f:
            return json.load(f)

    def test_cuda_and_cpu_markers(self):
        self.ok(self.lab.run(["create", "-n", "g", "pytorch", "torchvision", "pytorch-cuda=12.1", "-c",
                              "pytorch", "-c", "nvidia", "-y"], env={"CONDA_OVERRIDE_CUDA": "12.4"}))
        m = self.marker("g")
        self.assertEqual(m, {"version": "2.2.2", "cuda": "12.1", "build": "py3.12_cuda12.1_cudnn8.9.2_0"})
        py = os.path.join(self.lab.root, "envs", "g", "bin", "python")
        out = subprocess.run([py, "-c", "import torchvision, sys; print(torchvision.__version__, sys.prefix)"],
                             stdout=subprocess.PIPE, text=True, env=self.lab.env())
        self.assertEqual(out.stdout.split(), ["0.17.2", os.path.join(self.lab.root, "envs", "g")])
        self.ok(self.lab.run(["create", "-n", "c", "pytorch", "-c", "pytorch", "-y"]))
        self.assertEqual(self.marker("c")["cuda"], None)
        self.ok(self.lab.run(["create", "-n", "f"] + GUIDE + ["-y"], env={"CONDA_OVERRIDE_CUDA": "12.2"}))
        self.assertEqual(self.marker("f")["cuda"], "11.8")
        self.assertTrue(self.marker("f")["build"].startswith("cuda118_"))
        # the stand-in package directory was copied in (source tree or the gpu installer's copy)
        src = os.path.join(self.lab.root, "share", "onramp-standins", "torch")
        if os.path.isdir(src):
            for name in os.listdir(src):
                if not name.startswith("__pycache__"):
                    self.assertTrue(os.path.exists(os.path.join(self.site("f"), "torch", name)), name)
        # removing pytorch removes the package again (and what depends on it)
        res = self.ok(self.lab.run(["remove", "-n", "f", "pytorch", "-y"]))
        self.assertIn("The following packages will be REMOVED:", res.out)
        self.assertIn("  torchvision-0.16.1-", res.out)
        self.assertFalse(os.path.exists(os.path.join(self.site("f"), "torch")))

    @unittest.skipUnless(os.path.exists(GPU_INSTALL), "tests/lab/standins/gpu/install not there")
    def test_import_torch_with_the_gpu_standin(self):
        gpu = os.path.join(self.lab.tmp, "gpu-prefix")
        p = subprocess.run([GPU_INSTALL, "--home", self.lab.home, "--user", whoami(), "--lab-dir",
                            self.lab.labdir, "--prefix", gpu], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        self.assertEqual(p.returncode, 0, p.stdout)
        self.ok(self.lab.run(["create", "-n", "it", "pytorch", "pytorch-cuda=12.1", "-c", "pytorch", "-c",
                              "nvidia", "-y"], env={"CONDA_OVERRIDE_CUDA": "12.4"}))
        res = self.lab.run(["run", "-n", "it", "python", "-c",
                            "import torch; print(torch.__version__, torch.version.cuda)"])
        self.assertEqual((res.rc, res.out), (0, "2.2.2 12.1\n\n"), repr(res))


class InstallScript(unittest.TestCase):
    def setUp(self):
        self.lab = Lab()

    def tearDown(self):
        self.lab.close()

    def test_layout(self):
        root = self.lab.root
        for rel in ("bin/conda", "condabin/conda", "bin/python", "bin/activate", "etc/profile.d/conda.sh",
                    "conda-meta/history", "envs", "pkgs", ".condarc"):
            self.assertTrue(os.path.exists(os.path.join(root, rel)), rel)
        self.assertTrue(os.stat(os.path.join(root, "bin", "conda")).st_mode & stat.S_IXUSR)
        with open(os.path.join(root, "etc", "profile.d", "conda.sh")) as f:
            sh = f.read()
        self.assertTrue(sh.startswith("export CONDA_EXE='%s/bin/conda'\n" % root))
        hook = self.lab.run(["shell.bash", "hook"]).out
        self.assertEqual(hook, sh + "\nconda activate base\n")
        self.assertEqual(self.lab.run(["info", "--base"]).out, root + "\n")
        listed = {r["name"] for r in self.lab.run(["list", "-n", "base", "--json"]).json()}
        self.assertTrue({"python", "conda", "pip"} <= listed)
        with open(os.path.join(root, "etc", "onramp-standin.json")) as f:
            settings = json.load(f)
        self.assertEqual(settings["control_file"], self.lab.control)

    def test_rerun_upgrades_code_keeps_envs(self):
        self.assertEqual(self.lab.run(["create", "-n", "keep", "-y"]).rc, 0)
        pkg = [os.path.join(dp, "onramp_conda") for dp, dn, fn in os.walk(os.path.join(self.lab.root, "lib"))
               if "onramp_conda" in dn][0]
        stale = os.path.join(pkg, "stale_marker.py")
        open(stale, "w").close()
        p = subprocess.run([INSTALL, "--home", self.lab.home, "--user", whoami(), "--lab-dir", self.lab.labdir],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(p.returncode, 0, p.stdout)
        self.assertFalse(os.path.exists(stale))
        envs = self.lab.run(["env", "list", "--json"]).json()["envs"]
        self.assertIn(os.path.join(self.lab.root, "envs", "keep"), envs)

    def test_control_file_fallback(self):
        """Without ONRAMP_LAB_CONTROL the knobs come from LAB_DIR/shared/control (recorded at install)."""
        with open(self.lab.control, "w") as f:
            f.write("conda.version=25\n")
        p = subprocess.run([self.lab.conda, "--version"], env=self.lab.env({"ONRAMP_LAB_CONTROL": None}),
                           stdout=subprocess.PIPE, text=True)
        self.assertEqual(p.stdout, "conda 25.5.1\n")


class ShellAndRun(LabCase):
    def bash(self, script):
        # a non-interactive bash unsets PS1: set it in the script, as a login shell's rc would
        p = subprocess.run(["/bin/bash", "-c", "PS1='$ '; " + script], env=self.lab.env(), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        return p

    def test_activate_deactivate_via_conda_sh(self):
        self.ok(self.lab.run(["create", "-n", "sh", "python=3.11", "-y"]))
        root = self.lab.root
        p = self.bash('. "%s/etc/profile.d/conda.sh"; conda activate sh; '
                      'echo "$CONDA_PREFIX|$CONDA_DEFAULT_ENV|$CONDA_SHLVL|$PS1"; command -v python; '
                      'python -c "import sys; print(sys.prefix)"; conda deactivate; echo "${CONDA_SHLVL}|$PS1"; '
                      'conda activate nosuch; echo "rc=$?"' % root)
        env = os.path.join(root, "envs", "sh")
        self.assertEqual(p.stdout.split("\n")[:5], ["%s|sh|1|(sh) $ " % env, os.path.join(env, "bin", "python"),
                                                    env, "0|$ ", "rc=1"])
        self.assertEqual(p.stderr, "\nEnvironmentNameNotFound: Could not find conda environment: nosuch\n"
                                   "You can list all discoverable environments with `conda info --envs`.\n\n")

    def test_hook_activates_base_and_stacks(self):
        self.ok(self.lab.run(["create", "-n", "st", "-y"]))
        p = self.bash('eval "$(conda shell.bash hook)"; echo "$CONDA_SHLVL|$PS1"; conda activate st; '
                      'echo "$CONDA_SHLVL|$CONDA_PREFIX_1|$PS1"; conda deactivate; echo "$CONDA_SHLVL|$PS1"')
        self.assertEqual(p.stdout.split("\n")[:3], ["1|(base) $ ", "2|%s|(st) $ " % self.lab.root, "1|(base) $ "])

    def test_run_exit_codes_and_streams(self):
        self.ok(self.lab.run(["create", "-n", "rn", "python=3.11", "-y"]))
        res = self.lab.run(["run", "--no-capture-output", "-n", "rn", "python", "-c",
                            "import sys; print('o'); print('e', file=sys.stderr); sys.exit(5)"])
        self.assertEqual((res.rc, res.out), (5, "o\n"))
        self.assertEqual(res.err, "e\nERROR conda.cli.main_run:execute(49): `conda run python -c import sys; "
                                  "print('o'); print('e', file=sys.stderr); sys.exit(5)` failed. "
                                  "(See above for error)\n")
        res = self.lab.run(["run", "-n", "rn", "python", "-c", "import os; print(os.environ['CONDA_PREFIX'])"])
        self.assertEqual((res.rc, res.out), (0, os.path.join(self.lab.root, "envs", "rn") + "\n\n"))

    def test_list_shows_pip_packages(self):
        self.ok(self.lab.run(["create", "-n", "pp", "python=3.11", "-y"]))
        site = [os.path.join(dp) for dp, dn, fn in os.walk(os.path.join(self.lab.root, "envs", "pp"))
                if dp.endswith("site-packages")][0]
        os.makedirs(os.path.join(site, "requests-2.31.0.dist-info"))
        with open(os.path.join(site, "requests-2.31.0.dist-info", "METADATA"), "w") as f:
            f.write("Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n\n")
        out = self.ok(self.lab.run(["list", "-n", "pp"])).out
        self.assertRegex(out, r"\nrequests {18}2\.31\.0 {19}pypi_0    pypi\n")
        js = self.ok(self.lab.run(["list", "-n", "pp", "--json"])).json()
        self.assertIn({"base_url": "https://pypi.org/simple", "build_number": 0, "build_string": "pypi_0",
                       "channel": "pypi", "dist_name": "requests-2.31.0-pypi_0", "name": "requests",
                       "platform": "pypi", "version": "2.31.0"}, js)


if __name__ == "__main__":
    unittest.main()
