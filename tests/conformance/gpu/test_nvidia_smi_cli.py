"""nvidia-smi stand-in: visible devices, -i, -L, --version, -q, errors, knobs, loops."""

import os
import re
import subprocess
import time
import unittest

import standin_support as S


def tearDownModule():
    S.cleanup()


NO_DRIVER = ("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. "
             "Make sure that the latest NVIDIA driver is installed and running.\n\n")
UUID0 = "GPU-4a3f9c2e-7d1b-5e60-8c21-0b6f1e3d9a58"
UUID1 = "GPU-b81d07f4-2c95-4e3a-91d6-5f2a8c4e7b13"


def listed(stdout):
    return re.findall(r"^GPU (\d+): (.*) \(UUID: (\S+)\)$", stdout, re.M)


class VisibleDevices(unittest.TestCase):
    """CUDA_VISIBLE_DEVICES plays the job's device cgroup: only those GPUs, renumbered from 0."""

    def test_no_visible_devices_means_no_driver(self):
        lab = S.lab()
        for label, cvd in (("unset (login node)", None), ("empty (job without --gres)", ""), ("blank", "  ")):
            for args in ([], ["-L"], ["--version"], ["-q"]):
                with self.subTest(cuda_visible_devices=label, args=args):
                    r = lab.smi(*args, cvd=cvd)
                    self.assertEqual((r.returncode, r.stdout, r.stderr), (9, NO_DRIVER, ""))

    def test_filtering_and_renumbering(self):
        lab = S.lab()
        cases = {
            "0": [("0", UUID0)],
            "1": [("0", UUID1)],
            "0,1": [("0", UUID0), ("1", UUID1)],
            "1,0": [("0", UUID1), ("1", UUID0)],
            UUID1: [("0", UUID1)],
            "GPU-b81d07f4": [("0", UUID1)],          # UUID prefixes work, as in CUDA
            "1,7": [("0", UUID1)],                   # the list stops at the first invalid entry
            "0,0": [("0", UUID0)],                   # ... or at a repeated one
        }
        for cvd, expected in cases.items():
            with self.subTest(cuda_visible_devices=cvd):
                r = lab.smi("-L", cvd=cvd)
                self.assertEqual(r.returncode, 0)
                self.assertEqual([(i, u) for i, _n, u in listed(r.stdout)], expected)

    def test_the_table_shows_the_physical_bus_id_under_the_job_index(self):
        r = S.lab().smi(cvd="1")
        rows = [l for l in r.stdout.splitlines() if S.TABLE_L1.match(l)]
        self.assertEqual(len(rows), 1)
        self.assertTrue(rows[0].startswith("|   0  NVIDIA H100 80GB HBM3"))
        self.assertIn("00000000:2A:00.0", rows[0])

    def test_devices_that_do_not_resolve(self):
        lab = S.lab()
        for cvd in ("7", "NoDevFiles", "MIG-1234"):
            with self.subTest(cuda_visible_devices=cvd):
                r = lab.smi(cvd=cvd)
                self.assertEqual((r.returncode, r.stdout), (6, "No devices were found\n"))

    def test_id_option(self):
        lab = S.lab()
        cases = [(["-i", "1"], [("1", UUID1)]), (["--id=1"], [("1", UUID1)]), (["-i1"], [("1", UUID1)]),
                 (["-i", "0,1"], [("0", UUID0), ("1", UUID1)]), (["-i", UUID1], [("1", UUID1)]),
                 (["-i", "00000000:2A:00.0"], [("1", UUID1)])]
        for args, expected in cases:
            with self.subTest(args=args):
                r = lab.smi("-L", *args, cvd="0,1")
                self.assertEqual([(i, u) for i, _n, u in listed(r.stdout)], expected)
        r = lab.smi("-i", "1", cvd="1")
        self.assertEqual((r.returncode, r.stdout), (6, "No devices were found\n"))
        r = lab.smi("-i", "1", "--query-gpu=index,pci.bus_id", "--format=csv,noheader", cvd="0,1")
        self.assertEqual(r.stdout, "1, 00000000:2A:00.0\n")


class ListAndVersion(unittest.TestCase):
    def test_list_format_matches_the_corpus(self):
        name = "list-L__linux-x86_64__nvidia-h100-mig__590.48.01.txt"
        first = S.fixture("nvidia-smi", name).split("\n")[0]
        m = re.match(r"^GPU 0: (.*) \(UUID: (\S+)\)$", first)
        data = {"driver_version": "590.48.01", "gpus": [S.gpu_stub(name=m.group(1), uuid=m.group(2))]}
        r = S.lab().smi("-L", cvd="0", data=data)
        self.assertEqual(r.stdout, first + "\n")    # MIG child lines are not modelled

    def test_version_is_byte_exact_for_each_corpus_driver(self):
        lab = S.lab()
        for name in S.fixtures("version__"):
            with self.subTest(corpus=name):
                text = S.fixture("nvidia-smi", name)
                driver = re.search(r"DRIVER version +: (\S+)", text).group(1)
                cuda = re.search(r"CUDA Version +: (\S+)", text).group(1)
                r = S.lab().smi("--version", cvd="0",
                                data={"driver_version": driver, "cuda_version": cuda, "gpus": [S.gpu_stub()]})
                self.assertEqual(r.stdout, text)

    def test_lab_version(self):
        r = S.lab().smi("--version", cvd="0")
        self.assertEqual(r.stdout, "NVIDIA-SMI version  : 565.57.01\nNVML version        : 565.57\n"
                                   "DRIVER version      : 565.57.01\nCUDA Version        : 12.7\n")

    def test_driver_and_cuda_knobs(self):
        lab = S.lab()
        r = lab.smi("--version", cvd="0", knobs={"gpu.driver": "470.82.01"})
        self.assertIn("CUDA Version        : 11.4\n", r.stdout)
        r = lab.smi("--version", cvd="0", knobs={"gpu.driver": "535.183.01", "gpu.cuda": "12.3"})
        self.assertIn("DRIVER version      : 535.183.01\n", r.stdout)
        self.assertIn("CUDA Version        : 12.3\n", r.stdout)

    def test_help_works_without_a_driver(self):
        r = S.lab().smi("-h")
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout.startswith("NVIDIA System Management Interface -- v565.57.01\n"))

    def test_query_q_layout(self):
        r = S.lab().smi("-q", cvd="1", knobs={"gpu.busy": "1"})
        self.assertEqual(r.returncode, 0)
        out = r.stdout.split("\n")
        self.assertEqual(out[:3], ["", "==============NVSMI LOG==============", ""])
        # "Key<pad>: value" with the colon in column 55 at every depth, as in the real -q output.
        for line in out:
            if " : " in line:
                self.assertEqual(line.index(" : ") + 1, 55, line)
        self.assertIn("Attached GPUs                                          : 1", r.stdout)
        self.assertIn("GPU 00000000:2A:00.0", out)
        self.assertIn("    Product Name                                       : NVIDIA H100 80GB HBM3", out)
        self.assertIn("        Process ID                                     : 48377", out)


class Errors(unittest.TestCase):
    def mismatch_line(self):
        text = S.fixture("nvidia-smi", "error__nvml-driver-library-version-mismatch__plus-squeue.txt")
        return [l for l in text.split("\n") if l.startswith("Failed to initialize NVML")][0]

    def test_mismatch_matches_the_corpus_line(self):
        lab = S.lab()
        line = self.mismatch_line()
        r = lab.smi(cvd="0", knobs={"gpu.fail": "mismatch", "gpu.driver": "470.82.01"})
        self.assertEqual((r.returncode, r.stdout, r.stderr), (18, line + "\n", ""))
        # Drivers from 535 on add the library version on a second line (gputil issue #55, 535.161).
        r = lab.smi("--query-gpu=name", "--format=csv", cvd="0", knobs={"gpu.fail": "mismatch"})
        self.assertEqual((r.returncode, r.stdout), (18, line + "\nNVML library version: 565.57\n"))
        r = lab.smi(cvd="0", knobs={"gpu.fail": "mismatch", "gpu.nvml": "none"})
        self.assertEqual(r.stdout, line + "\n")

    def test_nodriver_knob_on_a_gpu_job(self):
        r = S.lab().smi(cvd="0,1", knobs={"gpu.fail": "nodriver"})
        self.assertEqual((r.returncode, r.stdout), (9, NO_DRIVER))

    def test_nodevices_knob(self):
        r = S.lab().smi("-L", cvd="0", knobs={"gpu.fail": "nodevices"})
        self.assertEqual((r.returncode, r.stdout), (6, "No devices were found\n"))

    def test_unknown_option(self):
        lab = S.lab()
        for arg in ("--bogus", "and", "-z"):
            with self.subTest(arg=arg):
                r = lab.smi(arg, cvd="0")
                self.assertEqual((r.returncode, r.stdout),
                                 (2, "ERROR: Option %s is not recognized. Please run 'nvidia-smi -h'.\n\n" % arg))

    def test_bad_knob_is_loud(self):
        r = S.lab().smi(cvd="0", knobs={"gpu.fail": "sometimes"})
        self.assertEqual(r.returncode, 255)
        self.assertIn("gpu.fail=sometimes", r.stderr)

    def test_missing_knobs_file_is_fine(self):
        r = S.lab().smi("-L", cvd="0", extra={"ONRAMP_LAB_CONTROL": "/nonexistent/control"}, control=False)
        self.assertEqual(r.returncode, 0)


class LiveValues(unittest.TestCase):
    def query(self, now, knobs=None, cvd="0,1"):
        r = S.lab().smi("--query-gpu=utilization.gpu,temperature.gpu,power.draw,memory.used",
                        "--format=csv,noheader,nounits", cvd=cvd, now=now, knobs=knobs)
        return [tuple(float(x) for x in row) for row in S.csv_rows(r.stdout)]

    def test_same_second_same_values(self):
        self.assertEqual(self.query(1784016773.1), self.query(1784016773.9))

    def test_values_vary_over_time_within_plausible_ranges(self):
        idle = [self.query(1784016773 + k) for k in range(8)]
        busy = [self.query(1784016773 + k, {"gpu.busy": "1"}) for k in range(8)]
        self.assertGreater(len({row for sample in idle for row in sample}), 4)
        self.assertGreater(len({row for sample in busy for row in sample}), 4)
        for sample in idle:
            for util, temp, power, used in sample:
                self.assertEqual(util, 0)
                self.assertTrue(25 <= temp <= 40 and 60 <= power <= 100 and used < 100, sample)
        for sample in busy:
            for util, temp, power, used in sample:
                self.assertTrue(util >= 90 and 50 <= temp <= 70 and 500 <= power <= 700 and used > 20000, sample)

    def test_processes_knob_follows_the_job_view(self):
        lab = S.lab()
        knobs = {"gpu.processes": "1:4242:1234:python;0:999:100:/usr/bin/other"}
        r = lab.smi(cvd="1", knobs=knobs)
        procs = [l for l in r.stdout.splitlines() if S.TABLE_PROC.match(l)]
        self.assertEqual(len(procs), 1)
        self.assertRegex(procs[0], r"^\|    0   N/A  N/A +4242      C   python +1234MiB \|$")
        r = lab.smi("--query-compute-apps=pid", "--format=csv,noheader", cvd="0", knobs=knobs)
        self.assertEqual(r.stdout, "999\n")
        r = lab.smi("--query-gpu=utilization.gpu", "--format=csv,noheader", cvd="1", knobs=knobs)
        self.assertGreaterEqual(int(r.stdout.split()[0]), 90)


class LoopsPipesAndLaunchers(unittest.TestCase):
    def run_for(self, args, seconds):
        lab = S.lab()
        p = subprocess.Popen([lab.smi_path] + args, env=lab.env(cvd="0"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        time.sleep(seconds)
        p.terminate()
        out, err = p.communicate(timeout=10)
        return out, err

    def test_table_loop_repeats(self):
        out, _ = self.run_for(["-lms", "100"], 0.6)
        self.assertGreaterEqual(out.count("| Processes:"), 2)

    def test_query_loop_prints_the_header_once(self):
        out, _ = self.run_for(["--query-gpu=index,name", "--format=csv", "-lms", "100"], 0.6)
        lines = out.splitlines()
        self.assertEqual(lines[0], "index, name")
        self.assertGreaterEqual(len(lines), 3)
        self.assertEqual(out.count("index, name"), 1)

    def test_closed_pipe_is_quiet(self):
        lab = S.lab()
        r = subprocess.run("%s | head -n 1" % lab.smi_path, shell=True, env=lab.env(cvd="0,1"),
                           capture_output=True, text=True)
        self.assertEqual(r.stderr, "")
        self.assertEqual(len(r.stdout.splitlines()), 1)

    def test_source_tree_launcher_uses_the_source_data(self):
        r = S.lab().smi("-L", cvd="0", exe=os.path.join(S.SRC, "nvidia-smi"))
        self.assertEqual(listed(r.stdout), [("0", "NVIDIA H100 80GB HBM3", UUID0)])

    def test_control_file_falls_back_to_the_installed_lab_json(self):
        lab = S.lab()
        with open(lab.control_default, "w", encoding="utf-8") as fh:
            fh.write("gpu.fail=mismatch\n")
        try:
            r = lab.smi("-L", cvd="0", control=False)
            self.assertEqual(r.returncode, 18)
        finally:
            os.remove(lab.control_default)

    def test_pythonpath_of_an_activated_env_does_not_leak_in(self):
        r = S.lab().smi("-L", cvd="0", extra={"PYTHONPATH": "/nonexistent", "PYTHONHOME": "/nonexistent"})
        self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    unittest.main()
