"""nvidia-smi stand-in: the default table against the real tables in fixtures/nvidia-smi."""

import re
import unittest

import standin_support as S


def tearDownModule():
    S.cleanup()


CORPUS_TABLES = S.fixtures("table__")
MIG_TABLES = [f for f in CORPUS_TABLES if "-mig__" in f]
PLAIN_TABLES = [f for f in CORPUS_TABLES if f not in MIG_TABLES]

# Which layout the stand-in must pick for each corpus driver (driver -> width, line-4 style).
EXPECTED_WIDTH = {"450": 79, "530": 89, "555": 91, "565": 91, "590": 91, "595": 91}

# Per-line regexes of the 91-column layout (545+), checked against every such corpus table first.
MODERN_RES = {
    "header": re.compile(r"^\| NVIDIA-SMI \S+ +Driver Version: \S+ +CUDA Version: \d+\.\d+ +\|$"),
    "gpu1": re.compile(r"^\| +\d+  \S.{0,26}? +(On |Off) \| +[0-9A-F]{8}:[0-9A-F]{2}:[0-9A-F]{2}\.\d(  On| Off) \|"
                       r" +\S+ \|$"),
    "gpu2": re.compile(r"^\| (N/A|[ \d]\d%|100%) {3}[ \d]\dC {4}P\d{1,2} +\d+W / +\d+W \| +\d+MiB / +\d+MiB \|"
                       r" +(\d+%|N/A) +(Default|Exclusive_Process|Prohibited) \|$"),
    "gpu3": re.compile(r"^\| {41}\| {24}\| +\S+ \|$"),
    "proc": re.compile(r"^\| +\d+ +N/A +N/A +\d+ +(C|G|C\+G) +\S.* +\d+MiB \|$"),
}
OLD_RES = {
    "header": re.compile(r"^\| NVIDIA-SMI \S+ +Driver Version: \S+ +CUDA Version: \d+\.\d+ +\|$"),
    "gpu1": re.compile(r"^\| +\d+  \S.{0,17}? +(On |Off)  \| [0-9A-F]{8}:[0-9A-F]{2}:[0-9A-F]{2}\.\d(  On| Off) \|"
                       r" +\S+ \|$"),
    "gpu2": re.compile(r"^\| (N/A|[ \d]\d%|100%) {3}[ \d]\dC {4}P\d{1,2} +\d+W / +\d+W \| +\d+MiB / +\d+MiB \|"
                       r" +(\d+%|N/A) +(Default|Exclusive_Process|Prohibited) \|$"),
    "gpu3": re.compile(r"^\| {31}\| {22}\| +\S+ \|$"),
}


def sections(text):
    """Split a table into (kind, line) pairs: header, static, gpu1/2/3, proc, other."""
    out = []
    lines = text.rstrip("\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "NVIDIA-SMI" in line and "Driver Version" in line:
            out.append(("header", line))
        elif S.TABLE_L1.match(line):
            out += [("gpu1", line), ("gpu2", lines[i + 1]), ("gpu3", lines[i + 2])]
            i += 2
        elif S.TABLE_PROC.match(line):
            out.append(("proc", line))
        elif S.TIMESTAMP_LINE.match(line):
            out.append(("timestamp", line))
        else:
            out.append(("static", line))
        i += 1
    return out


class CorpusTablesByteExact(unittest.TestCase):
    """Feed each real table's own values to the stand-in; its output must be the same bytes."""

    def test_plain_tables_render_identically(self):
        lab = S.lab()
        self.assertEqual(len(PLAIN_TABLES), 14)
        for name in PLAIN_TABLES:
            with self.subTest(corpus=name):
                text = S.fixture("nvidia-smi", name)
                data, now = S.table_to_data(text)
                cvd = ",".join(str(i) for i in range(len(data["gpus"])))
                r = lab.smi(cvd=cvd, data=data, now=now or 0)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                out = r.stdout if now is not None else r.stdout.split("\n", 1)[1]
                self.assertEqual(out, text)

    def test_mig_tables_match_up_to_the_mig_section(self):
        # MIG device listings are not modelled; everything before them must still match.
        lab = S.lab()
        self.assertTrue(MIG_TABLES)
        for name in MIG_TABLES:
            with self.subTest(corpus=name):
                text = S.fixture("nvidia-smi", name)
                data, now = S.table_to_data(text)
                r = lab.smi(cvd="0", data=data, now=now)
                cut = text.index("| MIG devices:")
                self.assertEqual(r.stdout[:cut], text[:cut])

    def test_layout_width_follows_the_corpus_driver(self):
        for name in PLAIN_TABLES:
            with self.subTest(corpus=name):
                text = S.fixture("nvidia-smi", name)
                driver = S.TABLE_HEAD.search(text).group(2)
                widths = {len(l) for l in text.split("\n") if l.startswith(("|", "+"))}
                self.assertEqual(widths, {EXPECTED_WIDTH[driver.split(".")[0]]})


class LayoutByDriver(unittest.TestCase):
    CASES = [
        # driver, width, 4th line starts with, blank line between GPU box and Processes box
        ("450.191.01", 79, "|", ""),
        ("470.82.01", 79, "|", ""),
        ("525.147.05", 79, "|", ""),
        ("530.41.03", 89, "|", ""),
        ("535.183.01", 89, "|", " " * 89),
        ("550.54.15", 91, "|", " " * 89),
        ("565.57.01", 91, "|", " " * 89),
        ("570.133.07", 91, "|", " " * 89),
        ("580.82.07", 91, "+", ""),
        ("590.48.01", 91, "+", ""),
    ]

    def test_each_driver_generation_gets_its_layout(self):
        lab = S.lab()
        for driver, width, fourth, blank in self.CASES:
            with self.subTest(driver=driver, width=width):
                r = lab.smi(cvd="0", knobs={"gpu.driver": driver}, now=1784016773)
                self.assertEqual(r.returncode, 0, r.stderr)
                lines = r.stdout.split("\n")
                self.assertEqual({len(l) for l in lines[1:] if l.startswith(("|", "+"))}, {width})
                self.assertTrue(lines[3].startswith(fourth), lines[3])
                i = lines.index("+" + "-" * (width - 2) + "+", 4)
                self.assertEqual(lines[i - 1], blank)

    def test_layout_knob_overrides_the_driver(self):
        lab = S.lab()
        for knob, width in (("old", 79), ("r530", 89), ("r535", 89), ("r545", 91), ("r580", 91), ("modern", 91)):
            with self.subTest(layout=knob):
                r = lab.smi(cvd="0", knobs={"gpu.layout": knob})
                self.assertEqual(len(r.stdout.split("\n")[1]), width)


class LabTableStructure(unittest.TestCase):
    """The lab's own (live, varying) table keeps the real line structure."""

    def check_against(self, corpus_name, out, res):
        corpus = sections(S.fixture("nvidia-smi", corpus_name))
        mine = sections(out)
        # Every line kind of the corpus validates against the regexes (they are corpus-derived) ...
        for kind, line in corpus:
            if kind in res:
                self.assertRegex(line, res[kind], "corpus line does not fit: %s" % kind)
        for kind, line in mine:
            if kind in res:
                with self.subTest(kind=kind):
                    self.assertRegex(line, res[kind])
        # ... borders and column separators sit at the same columns ...
        by_kind = {}
        for kind, line in corpus:
            by_kind.setdefault(kind, line)
        for kind, line in mine:
            if kind in ("gpu1", "gpu2", "gpu3", "proc"):
                self.assertEqual(S.bar_positions(line), S.bar_positions(by_kind.get(kind, line)), line)
            if kind == "gpu2":
                slashes = [m.start() for m in re.finditer(" / ", line)]
                self.assertEqual(slashes, [m.start() for m in re.finditer(" / ", by_kind["gpu2"])], line)
            if kind == "header":
                for label in ("Driver Version:", "CUDA Version:"):
                    self.assertEqual(line.index(label), by_kind["header"].index(label))
        # ... and the static lines (borders, column titles, section titles) are identical.
        static_corpus = [l for k, l in corpus if k == "static" and "No running" not in l]
        static_mine = [l for k, l in mine if k == "static" and "No running" not in l]
        self.assertEqual(sorted(set(static_mine)), sorted(set(static_corpus)))
        if mine[0][0] == "timestamp":
            self.assertRegex(mine[0][1], r"^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} {7}$")

    def test_default_lab_table_matches_the_565_h100_table(self):
        lab = S.lab()
        for now in (1784016700, 1784016701, 1784016999):
            with self.subTest(now=now):
                r = lab.smi(cvd="0,1", now=now)
                self.assertEqual(r.returncode, 0)
                self.check_against("table__H100-SXMx8__565.57.01__no-processes.txt", r.stdout, MODERN_RES)
                self.assertIn("|  No running processes found", r.stdout)

    def test_busy_lab_table_matches_the_590_h100_load_table(self):
        lab = S.lab()
        r = lab.smi(cvd="0,1", knobs={"gpu.busy": "1", "gpu.driver": "590.48.01"}, now=1784016773)
        self.check_against("table__linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01__load.txt", r.stdout, MODERN_RES)
        self.assertEqual(len([k for k, _ in sections(r.stdout) if k == "proc"]), 2)

    def test_busy_lab_table_matches_the_565_layout_process_rows(self):
        lab = S.lab()
        r = lab.smi(cvd="1", knobs={"gpu.busy": "1"}, now=1784016773)
        procs = [l for k, l in sections(r.stdout) if k == "proc"]
        self.assertEqual(len(procs), 1)
        self.assertRegex(procs[0], MODERN_RES["proc"])
        self.assertRegex(procs[0], r"^\|    0   N/A  N/A +\d+      C   \.\.\.\S{35} +\d+MiB \|$")

    def test_old_layout_knob_matches_the_450_table(self):
        lab = S.lab()
        r = lab.smi(cvd="0,1", knobs={"gpu.layout": "old"}, now=1784016773)
        self.check_against("table__GTX1080Tix3__450.191.01__no-processes.txt", r.stdout, OLD_RES)

    def test_old_driver_knob_gives_the_old_header(self):
        lab = S.lab()
        r = lab.smi(cvd="0", knobs={"gpu.driver": "470.82.01"})
        self.assertIn("| NVIDIA-SMI 470.82.01    Driver Version: 470.82.01    CUDA Version: 11.4     |", r.stdout)


if __name__ == "__main__":
    unittest.main()
