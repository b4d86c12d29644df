"""PDF rendering benchmark: `make bench-pdf`.

Per document kind: median and p95 render time warm (in one process, after warm-up) and cold
(a fresh process each time: lazy WeasyPrint import, fonts, first layout), with a 5-page PDF
and a 4 MB phone photo attached, and the peak memory (max RSS) of a cold process. The time
includes building the context, merging and stamping the attachments, as the PDF view does.

In the same run: a bare one-page WeasyPrint render (plain text, the same font and stylesheet)
as the yardstick, made in turns with each kind's renders (so the load of a shared machine falls
on both), each kind's warm CPU as a multiple of the bare renders made beside it (goal: within
3x), and the time of the editable .docx copy of each letter.

    python scripts/bench_pdf.py [--warm 20] [--cold 5] [--markdown]
    python scripts/bench_pdf.py --profile "expert_opinion (employee)"   # where the CPU goes
    python scripts/bench_pdf.py --sandbox-only --warm 10   # only the render worker's cost

The tables measure renders in this process (RENDER_WORKER_ISOLATED=0); the last table what the
limited render worker of the web process (documents.sandbox) adds per PDF and .docx.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decision_aid.settings")

from tests.documents.cases import BASE  # noqa: E402 - after sys.path is set

# label -> (role, situation changes, document slug prefix)
KINDS: dict[str, tuple[str, dict[str, Any], str]] = {
    "talk": ("employee", {"talked": False, "disputes": ["suitable_work"]}, "talk"),
    "mediation": (
        "employee",
        {"relationship": "broken", "disputes": ["relationship"]},
        "mediation",
    ),
    "expert_opinion (employee)": (
        "employee",
        {"disputes": ["fitness_own_work"], "wage": "stopped"},
        "expert_opinion",
    ),
    "expert_opinion (employer)": ("employer", {"disputes": ["employee_efforts"]}, "expert_opinion"),
    "expert_opinion (cao)": (
        "employee",
        {"disputes": ["suitable_work"], "cao_expert": True},
        "expert_opinion",
    ),
    "second_opinion": ("advisor", {"disputes": ["medical_advice_doubt"]}, "second_opinion"),
    "legal_advice": (
        "employee",
        {"disputes": ["suitable_work"], "wage": "stopped", "mediation": "failed"},
        "legal_advice",
    ),
    "court": (
        "employee",
        {"disputes": ["fitness_own_work"], "wage": "stopped", "expert_opinion": "for_requester"},
        "court",
    ),
    "complaint": ("employee", {"disputes": ["doctor_conduct"]}, "complaint"),
}

BARE_TEXT = " ".join(["Dit is een gewone regel tekst in het lettertype van de brieven."] * 40)


def bare_page_once() -> tuple[float, float]:
    """Wall-clock and CPU seconds of a bare one-page WeasyPrint render: plain text, the same
    (already loaded) font and stylesheet, no tagging, no template, no merge."""
    from weasyprint import HTML

    from decision_aid.documents.render import _print_style

    css, font_config = _print_style()
    start, cpu = time.perf_counter(), time.process_time()
    HTML(string=f"<html lang='nl'><body><p>{BARE_TEXT}</p></body></html>").write_pdf(
        stylesheets=[css], font_config=font_config
    )
    return time.perf_counter() - start, time.process_time() - cpu


def docx_once(label: str) -> float:
    """CPU seconds of the editable .docx copy of this kind's letter (context included)."""
    from decision_aid.documents.docx import render_docx
    from decision_aid.documents.presenter import build_document_context, documents_for

    data = case_file(label)
    cpu = time.process_time()
    doc = next(d for d in documents_for(data) if d.kind == KINDS[label][2])
    render_docx(build_document_context(data, doc, []))
    return time.process_time() - cpu


def case_file(label: str) -> dict[str, Any]:
    role, changes, _ = KINDS[label]
    data = copy.deepcopy(BASE)
    data["role"] = role
    data["situation"].update(changes)
    if role == "advisor":
        data["parties"]["advisor"] = {"name": "Jan Vakbond"}
    return data


def _setup() -> None:
    import django

    # The tables measure the render itself, in this process; what the limited render worker
    # (documents.sandbox) adds is measured apart, by sandbox_cost().
    os.environ.setdefault("RENDER_WORKER_ISOLATED", "0")
    django.setup()


def five_page_pdf() -> bytes:
    from weasyprint import HTML

    body = "".join(
        f'<h1>Advies bedrijfsarts</h1><p style="page-break-after: always">{"Tekst. " * 300}'
        f" pagina {n}</p>"
        for n in range(1, 6)
    )
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def phone_photo(target: int = 4 * 1024 * 1024) -> bytes:
    """A 12-megapixel JPEG of about 4 MB with EXIF orientation 6, like a phone's."""
    import random

    from PIL import Image

    rng = random.Random(42)
    width, height = 4032, 3024
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height)).convert("RGB")
    paper = Image.new("RGB", (width, height), (235, 232, 225))
    best = b""
    for alpha in (0.05, 0.08, 0.12, 0.16, 0.2, 0.25, 0.3, 0.4):
        image = Image.blend(paper, noise, alpha)
        exif = Image.Exif()
        exif[0x0112] = 6
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=88, exif=exif.tobytes())
        best = buf.getvalue()
        if len(best) >= target:
            break
    return best


class _SavedCase:
    """What presenter.document_context reads of a saved case: its case file and attachments."""

    def __init__(self, data: dict[str, Any], attachments: list[tuple[str, int, bytes]]) -> None:
        from types import SimpleNamespace

        self.case_file = data
        rows = [
            SimpleNamespace(kind=k, page_count=n, role="first_opinion") for k, n, _ in attachments
        ]
        self.attachments = SimpleNamespace(all=lambda: rows)


def render_once(label: str, attachments: list[tuple[str, int, bytes]]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one render as the PDF view makes it (the document found by
    its slug and its context through presenter.document_context, HTML, PDF, merge)."""
    from decision_aid.documents.presenter import document_context, documents_for
    from decision_aid.documents.render import render_pdf

    data = case_file(label)
    slug = next(d for d in documents_for(data) if d.kind == KINDS[label][2]).slug
    case = _SavedCase(data, attachments)
    start, cpu = time.perf_counter(), time.process_time()
    context = document_context(case, slug)
    render_pdf(context, [pdf for _, _, pdf in attachments])
    return time.perf_counter() - start, time.process_time() - cpu


def sandbox_cost(attachments: list[tuple[str, int, bytes]], runs: int) -> None:
    """Per kind: the warm wall time of the PDF made in this process and made in the limited
    render worker (a forked child with CPU and memory limits, as the web process does), in
    turns, and the .docx likewise; the medians and what the worker adds."""
    from django.test import override_settings

    from decision_aid.documents.docx import render_docx
    from decision_aid.documents.presenter import build_document_context, documents_for

    def docx_wall(label: str) -> float:
        data = case_file(label)
        doc = next(d for d in documents_for(data) if d.kind == KINDS[label][2])
        start = time.perf_counter()
        render_docx(build_document_context(data, doc, []))
        return time.perf_counter() - start

    print()
    print(f"Render worker cost (warm wall ms, median of {runs}, in turns):")
    print(
        "| document | PDF in process | PDF in worker | added | .docx in process "
        "| .docx in worker | added |"
    )
    print("|" + "---|" * 7)
    added_pdf, added_docx = [], []
    for label in KINDS:
        times: dict[tuple[str, bool], list[float]] = {}
        for i in range(runs + 2):
            for isolated in (False, True):
                with override_settings(RENDER_WORKER_ISOLATED=isolated):
                    pdf_wall = render_once(label, attachments)[0]
                    docx = docx_wall(label)
                if i >= 2:  # the first two of each: warm-up (the worker's helper starts)
                    times.setdefault(("pdf", isolated), []).append(pdf_wall)
                    times.setdefault(("docx", isolated), []).append(docx)
        med = {key: statistics.median(values) * 1000 for key, values in times.items()}
        added_pdf.append(med[("pdf", True)] - med[("pdf", False)])
        added_docx.append(med[("docx", True)] - med[("docx", False)])
        print(
            f"| {label} | {med[('pdf', False)]:.0f} | {med[('pdf', True)]:.0f} "
            f"| {added_pdf[-1]:+.0f} | {med[('docx', False)]:.0f} | {med[('docx', True)]:.0f} "
            f"| {added_docx[-1]:+.0f} |"
        )
    print(
        f"The worker adds {statistics.median(added_pdf):.0f} ms per PDF and "
        f"{statistics.median(added_docx):.0f} ms per .docx (median over the kinds)"
    )


def profile(label: str, runs: int = 10, top: int = 30) -> None:
    """cProfile of `runs` warm renders of one kind (no attachments), hottest functions first."""
    import cProfile
    import pstats

    from django.utils import translation

    translation.activate("nl")
    for _ in range(3):
        render_once(label, [])
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        render_once(label, [])
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _load(folder: Path) -> list[tuple[str, int, bytes]]:
    meta = json.loads((folder / "attachments.json").read_text())
    return [(m["kind"], m["pages"], (folder / m["file"]).read_bytes()) for m in meta]


def cold_child(label: str, folder: Path) -> None:
    """One cold render in this (fresh) process; prints seconds and max RSS as JSON."""
    _setup()
    attachments = _load(folder)
    seconds, _cpu = render_once(label, attachments)
    print(json.dumps({"seconds": seconds, "rss_mb": _peak_rss_mb()}))


def _peak_rss_mb() -> float:
    """Peak resident memory of this process. VmHWM, because ru_maxrss survives exec() on
    Linux and would report the parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--cold", type=int, default=5)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--cold-child", nargs=2, metavar=("KIND", "DIR"))
    parser.add_argument("--profile", choices=list(KINDS), metavar="KIND")
    parser.add_argument("--sandbox-only", action="store_true", help="only the render worker's cost")
    args = parser.parse_args()
    if args.profile:
        _setup()
        profile(args.profile)
        return
    if args.cold_child:
        cold_child(args.cold_child[0], Path(args.cold_child[1]))
        return

    _setup()
    from django.utils import translation

    print(f"Load average at the start: {os.getloadavg()[0]:.2f}")
    from decision_aid.documents.attachments import normalize_upload

    translation.activate("nl")
    pdf5 = five_page_pdf()
    photo = phone_photo()
    start = time.perf_counter()
    photo_page = normalize_upload(photo, name="IMG_0001.jpg")
    photo_seconds = time.perf_counter() - start
    pdf_item = normalize_upload(pdf5, name="advies.pdf")
    attachments = [("pdf", pdf_item.page_count, pdf_item.pdf), ("image", 1, photo_page.pdf)]
    if args.sandbox_only:
        sandbox_cost(attachments, args.warm)
        print(f"Load average at the end: {os.getloadavg()[0]:.2f}")
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        meta = []
        for n, (kind, pages, pdf) in enumerate(attachments):
            (folder / f"{n}.pdf").write_bytes(pdf)
            meta.append({"kind": kind, "pages": pages, "file": f"{n}.pdf"})
        (folder / "attachments.json").write_text(json.dumps(meta))

        for _ in range(3):
            bare_page_once()
        bare_runs = []
        results = {}
        for label in KINDS:
            for _ in range(3):
                render_once(label, attachments)
            # The bare page in turns with the letter, so that the load of this shared machine
            # at the time falls on both: the ratio is read from these pairs.
            runs, bares = [], []
            for _ in range(args.warm):
                bares.append(bare_page_once())
                runs.append(render_once(label, attachments))
            bare_runs += bares
            warm = [wall for wall, _ in runs]
            warm_cpu = [cpu for _, cpu in runs]
            cold, rss = [], []
            for _ in range(args.cold):
                out = subprocess.run(  # noqa: S603 - our own script, fixed arguments
                    [sys.executable, __file__, "--cold-child", label, str(folder)],
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=ROOT,
                )
                row = json.loads(out.stdout.strip().splitlines()[-1])
                cold.append(row["seconds"])
                rss.append(row["rss_mb"])
            for _ in range(2):
                docx_once(label)
            docx_cpu = statistics.median(docx_once(label) for _ in range(args.warm))
            results[label] = {
                "bare_cpu": statistics.median(cpu for _, cpu in bares),
                "docx_cpu": docx_cpu,
                "warm_median": statistics.median(warm),
                "warm_p95": _p95(warm),
                "cpu_median": statistics.median(warm_cpu),
                "cpu_p95": _p95(warm_cpu),
                "cold_median": statistics.median(cold),
                "cold_p95": _p95(cold),
                "peak_mb": max(rss),
            }
    bare_cpu = statistics.median(cpu for _, cpu in bare_runs)
    bare_wall = statistics.median(wall for wall, _ in bare_runs)
    warm_rss = _peak_rss_mb()
    plainest = min(r["warm_median"] for r in results.values())
    machine = (
        f"{platform.node()} · {os.cpu_count()} cores · {platform.machine()} · "
        f"Python {platform.python_version()} · {platform.platform(terse=True)}"
    )
    print(f"Date: {time.strftime('%Y-%m-%d %H:%M')}  Machine: {machine}")
    print(
        f"Attachments: 5-page PDF ({len(pdf5) // 1024} KB) + phone photo "
        f"({len(photo) / 1024 / 1024:.1f} MB JPEG, 4032x3024, normalised once in "
        f"{photo_seconds * 1000:.0f} ms to a {len(photo_page.pdf) // 1024} KB A4 page)"
    )
    print(f"Warm runs: {args.warm} per kind; cold runs: {args.cold} per kind (fresh process)")
    print(f"Load average at the end (other work on the machine): {os.getloadavg()[0]:.2f}")
    print(
        f"Bare one-page WeasyPrint render (plain text, same font): warm median "
        f"{bare_wall * 1000:.0f} ms wall, {bare_cpu * 1000:.0f} ms CPU over the run (each kind's "
        f"ratio uses the bare renders made in turns with it)"
    )
    header = (
        "| document | warm median ms | warm p95 ms | warm CPU median ms | warm CPU p95 ms "
        "| bare page CPU ms (in turns) | × bare page (warm CPU) | .docx CPU ms | cold median ms "
        "| cold p95 ms | peak RSS cold MB | × plainest (warm median) |"
    )
    print(header)
    print("|" + "---|" * 12)
    for label, r in results.items():
        print(
            f"| {label} | {r['warm_median'] * 1000:.0f} | {r['warm_p95'] * 1000:.0f} "
            f"| {r['cpu_median'] * 1000:.0f} | {r['cpu_p95'] * 1000:.0f} "
            f"| {r['bare_cpu'] * 1000:.0f} | {r['cpu_median'] / r['bare_cpu']:.2f} "
            f"| {r['docx_cpu'] * 1000:.0f} "
            f"| {r['cold_median'] * 1000:.0f} | {r['cold_p95'] * 1000:.0f} "
            f"| {r['peak_mb']:.0f} | {r['warm_median'] / plainest:.2f} |"
        )
    worst_bare = max(r["cpu_median"] / r["bare_cpu"] for r in results.values())
    print(
        f"Goal every kind within 3x the bare page (warm CPU): "
        f"{'met' if worst_bare <= 3 else 'NOT met'} (worst {worst_bare:.2f}x)"
    )
    print(
        f"Peak RSS of the warm process (all kinds, including making the 12-megapixel test "
        f"photo): {warm_rss:.0f} MB"
    )
    worst = max(r["warm_p95"] for r in results.values())
    ratio = max(r["warm_median"] for r in results.values()) / plainest
    ok = worst <= 0.5 and ratio <= 3
    print(
        f"Goal warm p95 <= 500 ms: {'met' if worst <= 0.5 else 'NOT met'} "
        f"(worst {worst * 1000:.0f} ms); slowest/plainest {ratio:.2f}x "
        f"({'met' if ratio <= 3 else 'NOT met'}, goal <= 3x)"
    )
    if not ok:
        print("(goal not met on this run; see docs/benchmarks.md)")
    sandbox_cost(attachments, max(args.warm // 2, 5))


if __name__ == "__main__":
    main()
