import json
import re
import unittest
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import onramp
from onramp import report
import evidence_variants as variants

LANGS = ("en", "zh")
REPORT_VARIANTS = ("complete", "cpu-build", "no-gpu-history", "two-gpu-history", "missing-steps",
                   "nvidia-smi-failing")
# What any report of the complete run must show as text, whatever the format.
KEY_FACTS = ("zz_report_fixture", "2.1.2", "11.8", "565.57.01", "12.7", "NVIDIA H100 80GB HBM3", "vm",
             "/home/student/miniconda3/envs", "23.7.4", "conda create -n zz_report_fixture",
             "login.heavy-work", "3.11.2", "127.0.0.1")


class Html(HTMLParser):
    """The tags, text and <img> sources of a page, and whether it nests correctly."""

    VOID = {"meta", "br", "img", "hr", "input", "link", "rect", "line", "polyline"}

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.imgs, self.stack, self.errors = [], [], [], [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "img":
            self.imgs.append(dict(attrs).get("src"))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("unexpected </%s> (open: %s)" % (tag, self.stack[-3:]))
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def count(self, tag):
        return sum(1 for t, _ in self.tags if t == tag)

    def all_text(self):
        return "".join(self.text)


def variant_cases():
    for name in REPORT_VARIANTS:
        for lang in LANGS:
            yield name, lang, variants.load(name)


class HtmlReportTest(unittest.TestCase):
    def test_structure(self):
        for name, lang, ev in variant_cases():
            with self.subTest(variant=name, lang=lang):
                page = Html(report.render(ev, "html", lang))
                self.assertEqual(page.errors, [])
                self.assertEqual(page.stack, [])
                self.assertEqual(page.tags[0][0], "html")
                self.assertEqual(page.tags[0][1]["lang"], "zh-CN" if lang == "zh" else "en")
                self.assertEqual(page.count("script"), 0)
                self.assertEqual(page.count("link"), 0, "self-contained: no external stylesheet")
                self.assertEqual(page.count("style"), 1)
                self.assertGreaterEqual(page.count("table"), 5)
                self.assertGreaterEqual(page.count("h2"), 8)
                self.assertGreaterEqual(page.count("details"), 1 if name != "missing-steps" else 0)
                self.assertIn("prefers-color-scheme:dark", report.render(ev, "html", lang))

    def test_charts(self):
        expected = {"complete": 3, "no-gpu-history": 1, "two-gpu-history": 3, "missing-steps": 0}
        for name, charts in expected.items():
            with self.subTest(name):
                page = Html(report.render(variants.load(name), "html", "en"))
                self.assertEqual(page.count("svg"), charts)
        page = Html(report.render(variants.load("two-gpu-history"), "html", "en"))
        self.assertEqual(page.count("polyline"), 4, "one line per GPU in both history charts")

    def test_commands_with_exit_codes_and_times(self):
        ev = variants.load("complete")
        text = Html(report.render(ev, "html", "en")).all_text()
        for _, c in _commands(ev):
            with self.subTest(c["command"][:60]):
                self.assertIn(c["command"], text)
        self.assertIn("exit 0 · 1.8 s · run", text)
        self.assertIn("退出码 0", Html(report.render(ev, "html", "zh")).all_text())

    def test_key_facts(self):
        for lang in LANGS:
            text = Html(report.render(variants.load("complete"), "html", lang)).all_text()
            for fact in KEY_FACTS:
                with self.subTest(lang=lang, fact=fact):
                    self.assertIn(fact, text)

    def test_language(self):
        en = Html(report.render(variants.load("complete"), "html", "en")).all_text()
        zh = Html(report.render(variants.load("complete"), "html", "zh")).all_text()
        self.assertIn("Onramp environment report", en)
        self.assertIn("Onramp 环境报告", zh)
        self.assertNotRegex(en, r"[\u4e00-\u9fff]")
        self.assertIn("PyTorch 可见的 GPU", zh)

    def test_everything_is_escaped(self):
        ev = variants.load("complete")
        ev["host"] = "<script>alert(1)</script>"
        ev["profile"]["name"] = "a&b<i>"
        ev["steps"][0]["commands"][0]["output"] = "</pre><img src=x onerror=alert(1)>"
        ev["steps"][0]["facts"]["login_node"] = '"><b>node'
        for fmt in ("html",):
            page = report.render(ev, fmt, "en")
            parsed = Html(page)
            self.assertEqual(parsed.count("script"), 0)
            self.assertEqual(parsed.count("img"), 0)
            self.assertEqual(parsed.count("i"), 0)
            self.assertIn("a&amp;b&lt;i&gt;", page)
        printed = report.render_print(ev)
        self.assertEqual(Html(printed["html"]).count("script"), 0)
        self.assertEqual(set(Html(printed["html"]).imgs), set(printed["images"]))


class PrintReportTest(unittest.TestCase):
    def test_qt_subset_and_images(self):
        for name, lang, ev in variant_cases():
            with self.subTest(variant=name, lang=lang):
                printed = report.render_print(ev, lang)
                self.assertEqual(set(printed), {"html", "images"})
                page = Html(printed["html"])
                self.assertEqual(page.errors, [])
                for tag in ("svg", "script", "style", "details", "div", "figure", "nav"):
                    self.assertEqual(page.count(tag), 0, tag)
                self.assertNotRegex(printed["html"], r"display:\s*flex|var\(--|<svg")
                self.assertEqual(sorted(page.imgs), sorted(printed["images"]))
                for image, svg in printed["images"].items():
                    self.assertTrue(image.endswith(".svg"))
                    root = ET.fromstring(svg)
                    self.assertEqual(root.tag, "{http://www.w3.org/2000/svg}svg")
                    self.assertNotIn("<style", svg)

    def test_key_facts_are_text(self):
        for lang in LANGS:
            text = Html(report.render_print(variants.load("complete"), lang)["html"]).all_text()
            for fact in KEY_FACTS:
                with self.subTest(lang=lang, fact=fact):
                    self.assertIn(fact, text)

    def test_chart_names(self):
        self.assertEqual(sorted(report.render_print(variants.load("complete"))["images"]),
                         ["gpu-memory.svg", "gpu-utilisation.svg", "package-sizes.svg"])
        self.assertEqual(list(report.render_print(variants.load("no-gpu-history"))["images"]), ["package-sizes.svg"])


class MarkdownReportTest(unittest.TestCase):
    def test_structure(self):
        for name, lang, ev in variant_cases():
            with self.subTest(variant=name, lang=lang):
                md = report.render(ev, "md", lang)
                lines = md.splitlines()
                self.assertTrue(lines[0].startswith("# "))
                self.assertGreaterEqual(sum(1 for x in lines if x.startswith("## ")), 8)
                fences = [x for x in lines if re.match(r"^```", x)]
                self.assertEqual(len(fences) % 2, 0, "every fence is closed")
                self.assertNotIn("<script", md)
                for i, line in enumerate(lines):
                    if re.match(r"^\|(---\|)+$", line):
                        width = line.count("|")
                        self.assertEqual(lines[i - 1].count("|") - lines[i - 1].count("\\|"), width)

    def test_commands_fenced_with_exit_codes(self):
        ev = variants.load("complete")
        md = report.render(ev, "md", "en")
        self.assertIn("```sh\n/home/student/miniconda3/bin/conda info --json\n```", md)
        self.assertRegex(md, r"exit 0 · 0\.3 s · login · 2026-11-27T09:26:55\.092Z")
        for fact in KEY_FACTS:
            with self.subTest(fact):
                self.assertIn(fact, md)

    def test_fence_survives_backticks(self):
        ev = variants.load("complete")
        ev["steps"][0]["commands"][0]["output"] = "```\nnot the end\n```"
        md = report.render(ev, "md", "en")
        self.assertIn("````text\n```\nnot the end\n```\n````", md)


class JsonReportTest(unittest.TestCase):
    def test_keys_and_stability(self):
        for name, lang, ev in variant_cases():
            with self.subTest(variant=name, lang=lang):
                text = report.render(ev, "json", lang)
                self.assertEqual(text, report.render(ev, "json", lang))
                doc = json.loads(text)
                self.assertEqual(doc["schema"], "onramp.report/1")
                self.assertEqual(set(doc) >= {"checks", "summary", "facts", "commands", "evidence"}, True)
                self.assertEqual(len(doc["checks"]), 11)
                self.assertEqual(sum(doc["summary"].values()), 11)
                self.assertEqual(doc["evidence"], ev)
        statuses = [c["status"] for c in json.loads(report.render(variants.load("cpu-build"), "json", "en"))["checks"]]
        self.assertEqual(statuses, sorted(statuses, key=("fail", "warn", "pass", "skip").index), "problems first")
        doc = json.loads(report.render(variants.load("complete"), "json", "en"))
        self.assertEqual(doc["facts"]["torch"], "2.1.2")
        self.assertEqual(doc["facts"]["driver_cuda"], "12.7")
        self.assertEqual(doc["commands"][1], {"step": "identify",
                                              "command": "/home/student/miniconda3/bin/conda info --json",
                                              "where": "login", "exit_code": 0, "error": "",
                                              "started_at": "2026-11-27T09:26:55.092Z", "elapsed_ms": 304})


class YmlReportTest(unittest.TestCase):
    def test_environment_yml(self):
        for name, lang, ev in variant_cases():
            with self.subTest(variant=name, lang=lang):
                body = [x for x in report.render(ev, "yml", lang).splitlines() if not x.startswith("#")]
                self.assertEqual(body[0], "name: zz_report_fixture")
                keys = [x.split(":")[0] for x in body if not x.startswith(" ")]
                self.assertEqual(keys, ["name", "channels", "dependencies"])
                for line in body[1:]:
                    self.assertRegex(line, r"^(channels:|dependencies:|  - \S+)( \[\])?$")
        yml = report.render(variants.load("complete"), "yml", "en")
        self.assertIn("  - conda-forge\n", yml)
        self.assertIn("  - pytorch=2.1.2=cuda118_py312h8e7ea7a_300\n", yml)
        comments = "\n".join(x for x in yml.splitlines() if x.startswith("#"))
        for fact in ("[warn] login.heavy-work", "$ /home/student/miniconda3/bin/conda info --json",
                     "exit 0, 0.3 s, login", "NVIDIA-SMI 565.57.01", "quota", "71.7 GiB"):
            with self.subTest(fact):
                self.assertIn(fact, comments)

    def test_pip_packages(self):
        ev = variants.load("complete")
        ev["packages"].append({"name": "wandb", "version": "0.18.1", "build": "pypi_0", "channel": "pypi", "size": 1})
        yml = report.render(ev, "yml", "en")
        self.assertIn("  - pip:\n    - wandb==0.18.1\n", yml)
        self.assertNotIn("  - pypi\n", yml)


class ApiTest(unittest.TestCase):
    def test_formats_and_defaults(self):
        onramp.set_evidence(variants.load("complete"))
        try:
            self.assertIn("zz_report_fixture", report.render())
            self.assertIn("gpu-memory.svg", report.render_print()["images"])
        finally:
            onramp.set_evidence({})
        with self.assertRaises(ValueError):
            report.render({}, "pdf")
        for fmt in report.FORMATS:
            with self.subTest(fmt):
                self.assertTrue(report.render({}, fmt, "zh"))

    def test_packages_fall_back_to_conda_list(self):
        ev = variants.load("complete")
        del ev["packages"]
        html = report.render(ev, "html", "en")
        self.assertIn("cuda118_py312h8e7ea7a_300", html)
        self.assertEqual(Html(html).count("svg"), 2, "no sizes without conda-meta: no size chart")


def _commands(ev):
    for s in ev["steps"]:
        for c in s["commands"]:
            yield s["step"], c


if __name__ == "__main__":
    unittest.main()
