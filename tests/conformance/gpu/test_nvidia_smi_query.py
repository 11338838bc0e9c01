"""nvidia-smi stand-in: --query-gpu and --query-compute-apps CSV against fixtures/nvidia-smi."""

import re
import unittest

import standin_support as S


def tearDownModule():
    S.cleanup()


BRIEF = S.fixtures("query-gpu-brief__")
APPS = S.fixtures("query-compute-apps__")
BRIEF_FIELDS = "index,uuid,name,driver_version,memory.total,memory.used,utilization.gpu,temperature.gpu,power.draw"

# Cell shapes of the brief field list, checked against every corpus row before the stand-in's.
BRIEF_CELLS = [r"^\d+$", r"^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", r"^NVIDIA \S.*$",
               r"^\d+\.\d+(\.\d+)?$", r"^\d+ MiB$", r"^\d+ MiB$", r"^(\d+ %|\[N/A\])$", r"^\d+$",
               r"^\d+\.\d\d W$"]
APPS_CELLS = [r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{3}$", r"^NVIDIA \S.*$",
              r"^[0-9A-F]{8}:[0-9A-F]{2}:[0-9A-F]{2}\.\d$", r"^(\d{13}|\[N/A\])$",
              r"^GPU-[0-9a-f-]{36}$", r"^\d+$", r"^\S.*$", r"^\d+ MiB$"]
APPS_FIELDS = "timestamp,gpu_name,gpu_bus_id,gpu_serial,gpu_uuid,pid,process_name,used_gpu_memory"


def brief_row_to_data(header, row):
    cells = dict(zip(header, row))
    util = cells["utilization.gpu [%]"]
    gpu = S.gpu_stub(name=cells["name"], uuid=cells["uuid"],
                     memory_total_mib=int(cells["memory.total [MiB]"].split()[0]))
    gpu["state"] = {"temp_c": int(cells["temperature.gpu"]), "pstate": "P0",
                    "power_w": float(cells["power.draw [W]"].split()[0]),
                    "memory_used_mib": int(cells["memory.used [MiB]"].split()[0]),
                    "util_gpu": None if util == "[N/A]" else int(util.split()[0])}
    return {"driver_version": cells["driver_version"], "gpus": [gpu]}


class BriefFieldList(unittest.TestCase):
    """The field list the app queries: index,uuid,name,driver_version,memory.*,utilization,temp,power."""

    def test_header_is_the_corpus_header(self):
        lab = S.lab()
        r = lab.smi("--query-gpu=" + BRIEF_FIELDS, "--format=csv", cvd="0,1")
        self.assertEqual(r.returncode, 0)
        for name in BRIEF:
            with self.subTest(corpus=name):
                self.assertEqual(r.stdout.split("\n")[0], S.fixture("nvidia-smi", name).split("\n")[0])

    def test_rows_are_byte_exact_for_the_corpus_values(self):
        lab = S.lab()
        for name in BRIEF:
            with self.subTest(corpus=name):
                text = S.fixture("nvidia-smi", name)
                rows = S.csv_rows(text)
                data = brief_row_to_data(rows[0], rows[1])
                r = lab.smi("--query-gpu=" + BRIEF_FIELDS, "--format=csv", cvd="0", data=data)
                self.assertEqual(r.stdout, text)

    def test_cell_shapes_of_the_lab_gpus(self):
        lab = S.lab()
        for name in BRIEF:
            for row in S.csv_rows(S.fixture("nvidia-smi", name))[1:]:
                for pattern, value in zip(BRIEF_CELLS, row):
                    self.assertRegex(value, pattern, "corpus cell does not fit (%s)" % name)
        for knobs in ({}, {"gpu.busy": "1"}):
            r = lab.smi("--query-gpu=" + BRIEF_FIELDS, "--format=csv,noheader", cvd="0,1", knobs=knobs)
            rows = S.csv_rows(r.stdout)
            self.assertEqual([row[0] for row in rows], ["0", "1"])
            for row in rows:
                for pattern, value in zip(BRIEF_CELLS, row):
                    with self.subTest(knobs=knobs, cell=value):
                        self.assertRegex(value, pattern)

    def test_noheader_and_nounits_shapes(self):
        lab = S.lab()
        full = lab.smi("--query-gpu=" + BRIEF_FIELDS, "--format=csv", cvd="1", now=1784016773).stdout.splitlines()
        cases = {
            "csv,noheader": [full[1]],
            "csv,nounits": [full[0], re.sub(r" (MiB|%|W)(?=,|$)", "", full[1])],
            "csv,noheader,nounits": [re.sub(r" (MiB|%|W)(?=,|$)", "", full[1])],
            "nounits,csv,noheader": [re.sub(r" (MiB|%|W)(?=,|$)", "", full[1])],
        }
        for fmt, expected in cases.items():
            with self.subTest(format=fmt):
                r = lab.smi("--query-gpu=" + BRIEF_FIELDS, "--format=" + fmt, cvd="1", now=1784016773)
                self.assertEqual(r.stdout.splitlines(), expected)
        self.assertIn("memory.total [MiB]", full[0])  # nounits keeps the header's units (corpus p100 file)


class NounitsCorpus(unittest.TestCase):
    NAME = "query-gpu__tesla-p100__netdata__csv-nounits.csv"
    FIELDS = ("name,uuid,fan.speed,pstate,memory.reserved,memory.used,memory.free,utilization.gpu,"
              "utilization.memory,temperature.gpu,power.draw,clocks.current.graphics,clocks.current.sm,"
              "clocks.current.memory,clocks.current.video")

    def test_p100_nounits_capture_is_reproduced_byte_exact(self):
        text = S.fixture("nvidia-smi", self.NAME)
        header, row = S.csv_rows(text)
        cells = dict(zip(header, row))
        gpu = S.gpu_stub(name=cells["name"], uuid=cells["uuid"],
                         memory_total_mib=int(cells["memory.reserved [MiB]"]) + int(cells["memory.free [MiB]"])
                         + int(cells["memory.used [MiB]"]),
                         memory_reserved_mib=int(cells["memory.reserved [MiB]"]))
        gpu["state"] = {"temp_c": int(cells["temperature.gpu"]), "pstate": cells["pstate"],
                        "power_w": float(cells["power.draw [W]"]), "memory_used_mib": int(cells["memory.used [MiB]"]),
                        "util_gpu": int(cells["utilization.gpu [%]"]), "util_mem": int(cells["utilization.memory [%]"]),
                        "clocks": {"graphics": int(cells["clocks.current.graphics [MHz]"]),
                                   "sm": int(cells["clocks.current.sm [MHz]"]),
                                   "memory": int(cells["clocks.current.memory [MHz]"]),
                                   "video": int(cells["clocks.current.video [MHz]"])}}
        data = {"driver_version": "525.85.12", "gpus": [gpu]}
        r = S.lab().smi("--query-gpu=" + self.FIELDS, "--format=csv,nounits", cvd="0", data=data)
        self.assertEqual(r.stdout, text + "\n")   # the corpus file lost its final newline


class FieldCatalogue(unittest.TestCase):
    # header token (real: corpus files above, or the utkuozdemir H100 590 full-field capture), cell shape
    FIELDS = {
        "index": ("index", r"^0$"),
        "uuid": ("uuid", r"^GPU-b81d07f4-2c95-4e3a-91d6-5f2a8c4e7b13$"),
        "gpu_uuid": ("uuid", r"^GPU-b81d07f4-"),
        "name": ("name", r"^NVIDIA H100 80GB HBM3$"),
        "gpu_name": ("name", r"^NVIDIA H100 80GB HBM3$"),
        "driver_version": ("driver_version", r"^565\.57\.01$"),
        "count": ("count", r"^1$"),
        "pci.bus_id": ("pci.bus_id", r"^00000000:2A:00\.0$"),
        "gpu_bus_id": ("pci.bus_id", r"^00000000:2A:00\.0$"),
        "pci.domain": ("pci.domain", r"^0x0000$"),
        "pci.bus": ("pci.bus", r"^0x2A$"),
        "pci.device_id": ("pci.device_id", r"^0x233010DE$"),
        "serial": ("serial", r"^\d{13}$"),
        "vbios_version": ("vbios_version", r"^96\.00\.\w\w\.00\.\w\w$"),
        "persistence_mode": ("persistence_mode", r"^Enabled$"),
        "memory.total": ("memory.total [MiB]", r"^81559 MiB$"),
        "memory.reserved": ("memory.reserved [MiB]", r"^479 MiB$"),
        "memory.used": ("memory.used [MiB]", r"^\d+ MiB$"),
        "memory.free": ("memory.free [MiB]", r"^\d+ MiB$"),
        "utilization.gpu": ("utilization.gpu [%]", r"^\d{1,3} %$"),
        "utilization.memory": ("utilization.memory [%]", r"^\d{1,3} %$"),
        "temperature.gpu": ("temperature.gpu", r"^\d{2}$"),
        "temperature.memory": ("temperature.memory", r"^\d{2}$"),
        "power.draw": ("power.draw [W]", r"^\d+\.\d\d W$"),
        "power.limit": ("power.limit [W]", r"^700\.00 W$"),
        "enforced.power.limit": ("enforced.power.limit [W]", r"^700\.00 W$"),
        "power.min_limit": ("power.min_limit [W]", r"^200\.00 W$"),
        "fan.speed": ("fan.speed [%]", r"^\[N/A\]$"),
        "pstate": ("pstate", r"^P0$"),
        "clocks.current.sm": ("clocks.current.sm [MHz]", r"^\d+ MHz$"),
        "clocks.sm": ("clocks.current.sm [MHz]", r"^\d+ MHz$"),
        "clocks.mem": ("clocks.current.memory [MHz]", r"^2619 MHz$"),
        "clocks.gr": ("clocks.current.graphics [MHz]", r"^\d+ MHz$"),
        "clocks.max.sm": ("clocks.max.sm [MHz]", r"^1980 MHz$"),
        "compute_mode": ("compute_mode", r"^Default$"),
        "compute_cap": ("compute_cap", r"^9\.0$"),
        "ecc.mode.current": ("ecc.mode.current", r"^Enabled$"),
        "mig.mode.current": ("mig.mode.current", r"^Disabled$"),
        "timestamp": ("timestamp", r"^2026/07/14 08:12:53\.000$"),
        "clocks_throttle_reasons.active": ("clocks_event_reasons.active", r"^0x[0-9A-F]{16}$"),
    }

    def test_header_tokens_units_and_cells(self):
        lab = S.lab()
        names = list(self.FIELDS)
        r = lab.smi("--query-gpu=" + ",".join(names), "--format=csv", cvd="1",
                    now=S.epoch_utc("2026/07/14 08:12:53", "%Y/%m/%d %H:%M:%S"))
        self.assertEqual(r.returncode, 0, r.stdout)
        header, row = S.csv_rows(r.stdout)
        for name, head, value in zip(names, header, row):
            with self.subTest(field=name):
                self.assertEqual(head, self.FIELDS[name][0])
                self.assertRegex(value, self.FIELDS[name][1])

    def test_throttle_reasons_keep_their_old_name_before_535(self):
        lab = S.lab()
        r = lab.smi("--query-gpu=clocks_throttle_reasons.active", "--format=csv", cvd="0",
                    knobs={"gpu.driver": "470.82.01"})
        self.assertEqual(r.stdout.splitlines()[0], "clocks_throttle_reasons.active")
        r = lab.smi("--query-gpu=clocks_event_reasons.active", "--format=csv", cvd="0",
                    knobs={"gpu.driver": "470.82.01"})
        self.assertEqual((r.returncode, r.stdout), (2, 'Field "clocks_event_reasons.active" is not a valid field to query.\n\n'))

    def test_compute_cap_does_not_exist_on_470(self):
        # Real: candle issue #733, driver 470.182.03 rejects compute_cap.
        r = S.lab().smi("--query-gpu=compute_cap", "--format=csv", cvd="0", knobs={"gpu.driver": "470.182.03"})
        self.assertEqual((r.returncode, r.stdout), (2, 'Field "compute_cap" is not a valid field to query.\n\n'))


class QueryErrors(unittest.TestCase):
    def test_unknown_field(self):
        lab = S.lab()
        cases = [("--query-gpu=xyz", "xyz"), ("--query-gpu=index,xyz,name", "xyz"),
                 ("--query-gpu=cuda_version", "cuda_version"), ("--query-compute-apps=pid,bogus", "bogus")]
        for arg, bad in cases:
            with self.subTest(arg=arg):
                r = lab.smi(arg, "--format=csv", cvd="0")
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stdout, 'Field "%s" is not a valid field to query.\n\n' % bad)
                self.assertEqual(r.stderr, "")

    def test_field_check_comes_before_the_driver_check(self):
        r = S.lab().smi("--query-gpu=xyz", "--format=csv")      # login node: no driver
        self.assertEqual((r.returncode, r.stdout), (2, 'Field "xyz" is not a valid field to query.\n\n'))

    def test_query_without_driver_fails_like_the_table(self):
        lab = S.lab()
        for args in (["--query-gpu=name", "--format=csv"], ["--query-compute-apps=pid", "--format=csv"]):
            with self.subTest(args=args):
                r = lab.smi(*args)
                self.assertEqual(r.returncode, 9)
                self.assertTrue(r.stdout.startswith("NVIDIA-SMI has failed because it couldn't communicate"))

    def test_missing_or_bad_format(self):
        lab = S.lab()
        self.assertEqual(lab.smi("--query-gpu=name", cvd="0").returncode, 2)
        self.assertEqual(lab.smi("--query-gpu=name", "--format=json", cvd="0").returncode, 2)


class ComputeApps(unittest.TestCase):
    def test_header_is_the_corpus_header_and_idle_body_is_empty(self):
        r = S.lab().smi("--query-compute-apps=" + APPS_FIELDS, "--format=csv", cvd="0,1")
        self.assertEqual(r.returncode, 0)
        for name in APPS:
            with self.subTest(corpus=name):
                self.assertEqual(r.stdout, S.fixture("nvidia-smi", name).split("\n")[0] + "\n")
        r = S.lab().smi("--query-compute-apps=" + APPS_FIELDS, "--format=csv,noheader", cvd="0,1")
        self.assertEqual(r.stdout, "")

    def test_rows_are_byte_exact_for_the_corpus_processes(self):
        lab = S.lab()
        for name in APPS:
            with self.subTest(corpus=name):
                text = S.fixture("nvidia-smi", name)
                rows = S.csv_rows(text)[1:]
                ts, gname, bus, serial, uuid = rows[0][:5]
                gpu = S.gpu_stub(name=gname, uuid=uuid, bus=bus)
                gpu["serial"] = None if serial == "[N/A]" else serial
                procs = [{"gpu": 0, "pid": int(r[5]), "name": r[6], "used_mib": int(r[7].split()[0]),
                          "type": "C"} for r in rows]
                now = S.epoch_utc(ts[:19], "%Y/%m/%d %H:%M:%S") + int(ts[20:]) / 1000.0
                r = lab.smi("--query-compute-apps=" + APPS_FIELDS, "--format=csv", cvd="0",
                            data={"driver_version": S.driver_in_name(name), "gpus": [gpu], "processes": procs},
                            now=now)
                self.assertEqual(r.stdout, text)

    def test_graphics_only_processes_are_not_compute_apps(self):
        # 4080 corpus: the table lists G processes, the compute-apps CSV only C and C+G ones.
        data, now = S.table_to_data(S.fixture("nvidia-smi",
                                              "table__linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05__load.txt"))
        r = S.lab().smi("--query-compute-apps=pid", "--format=csv,noheader", cvd="0", data=data, now=now)
        self.assertEqual(sorted(r.stdout.split()), ["2165", "5021", "5022"])

    def test_busy_lab_rows_have_the_corpus_shapes(self):
        lab = S.lab()
        for name in APPS:
            for row in S.csv_rows(S.fixture("nvidia-smi", name))[1:]:
                for pattern, value in zip(APPS_CELLS, row):
                    self.assertRegex(value, pattern, "corpus cell does not fit (%s)" % name)
        r = lab.smi("--query-compute-apps=" + APPS_FIELDS, "--format=csv,noheader", cvd="1", knobs={"gpu.busy": "1"})
        rows = S.csv_rows(r.stdout)
        self.assertEqual(len(rows), 1)
        for pattern, value in zip(APPS_CELLS, rows[0]):
            with self.subTest(cell=value):
                self.assertRegex(value, pattern)
        self.assertEqual(rows[0][2], "00000000:2A:00.0")   # the physical GPU 1, seen as the job's GPU 0

    def test_aliases_and_nounits(self):
        r = S.lab().smi("--query-compute-apps=pid,name,used_memory", "--format=csv,nounits", cvd="0",
                        knobs={"gpu.processes": "0:4242:1234:python"})
        self.assertEqual(r.stdout, "pid, process_name, used_gpu_memory [MiB]\n4242, python, 1234\n")


if __name__ == "__main__":
    unittest.main()
