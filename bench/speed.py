"""Speed and memory of fivews against its spaCy model alone.

Usage::

    python bench/speed.py                                   # 200 articles, 3 runs, 1 and 2 workers
    python bench/speed.py --articles 100 --runs 3 --workers 1 2 --json out.json

The corpus is our own sample articles (``tests/resources/articles/*.txt`` and
``fivews/data/samples/*.txt``) read with fivews's reader and repeated, each copy under a
new id, until it holds ``--articles`` articles.

Every measurement runs in a fresh Python process (this script with ``--child``), so model
loading and peak memory are real; runs of fivews and of the baseline alternate, and the
table shows medians because the machine may be busy. fivews is imported from a copy of
``fivews/`` taken at the start (``--live`` to import the working tree), so edits made
while the benchmark runs do not mix versions; a run that had to build the gazetteer
index (its sources changed) is discarded and done again.

What is compared, for each worker count:

* fivews: ``Pipeline(PipelineOptions())`` with ``extract_many`` for 1 worker, and
  ``fivews.parallel.map_extract`` (a process pool, one Pipeline per worker) for more.
* baseline: ``spacy.load`` of the same model and ``nlp.pipe`` over the same texts with the
  same batch size. For more than one worker, by default, a process pool built like
  ``map_extract`` (same task size, same window of pending tasks, one model per worker);
  ``--baseline-parallel n_process`` uses ``nlp.pipe(..., n_process=N)`` instead.

Start-up is the wall time from spawning the measuring process to the first extracted
article: for 1 worker, loading the model and extracting one article; for more workers,
the first result of the parallel map (pool start, model load in each worker, first task).
With more than one worker, worker start-up is part of the timed run; the "excl. start-up"
rate counts only the articles that came after the first result.

Peak memory is ``ru_maxrss``: of the process itself for 1 worker and, for pools, of the
largest worker (``RUSAGE_CHILDREN``). Workers are forked, so pages they share with the
parent count in each of them.
"""
from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
ARTICLE_GLOBS = (("tests/resources/articles", "*.txt"), ("fivews/data/samples", "*.txt"))
RESULT_PREFIX = "BENCH-RESULT "
TOOLS = ("fivews", "baseline")
GAZETTEER_PROBE = "Tripoli"
CHILD_TIMEOUT_S = 3600
WARMUP_ARTICLES = 16

Record = dict[str, Any]


# ---------------------------------------------------------------- corpus


def sample_paths() -> list[Path]:
    """Our sample articles, in a stable order."""
    paths: list[Path] = []
    for folder, pattern in ARTICLE_GLOBS:
        paths.extend(sorted((REPO / folder).glob(pattern)))
    return paths


def read_samples(paths: Sequence[Path]):
    """Articles from the sample files, read by fivews's own reader."""
    from fivews.ingest.sources import IngestError, read_path

    articles = []
    for path in paths:
        for item in read_path(path):
            if isinstance(item, IngestError):
                raise SystemExit(f"cannot read sample article {path}: {item}")
            articles.append(item)
    if not articles:
        raise SystemExit("no sample articles found")
    return articles


def build_corpus(size: int) -> list:
    """``size`` articles: the samples over and over, each copy with its own id."""
    samples = read_samples(sample_paths())
    corpus = []
    for i in range(size):
        article = samples[i % len(samples)]
        copy = i // len(samples)
        corpus.append(dataclasses.replace(article, id=f"{article.id}-{copy}"))
    return corpus


def count_words(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)


def write_corpus(corpus: Sequence, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for article in corpus:
            fh.write(json.dumps(article.as_dict()) + "\n")


def load_corpus(path: Path) -> list:
    from fivews.models import Article

    with path.open(encoding="utf-8") as fh:
        return [Article.from_dict(json.loads(line)) for line in fh if line.strip()]


# ---------------------------------------------------------------- measuring (child side)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (``ru_maxrss`` is KB on Linux, bytes on macOS)."""
    value = resource.getrusage(who).ru_maxrss
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def current_rss_mb() -> float | None:
    """Resident set size now, from /proc (None where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def batched(items: Sequence, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def pooled(pool: ProcessPoolExecutor, fn: Callable, batches: Iterable[list], workers: int) -> Iterator[Any]:
    """Results in order, with at most ``2 * workers`` tasks waiting: as ``map_extract`` does."""
    pending: list[Future] = []
    for batch in batches:
        pending.append(pool.submit(fn, batch))
        while len(pending) > workers * 2:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


def timed_stream(results: Iterator[int], spawned_at: float) -> Record:
    """Drain a stream of article counts (per task, or per doc); time to the first and to the end."""
    started = time.perf_counter()
    first = next(results)
    first_wall, first_perf = time.time(), time.perf_counter()
    rest = sum(results)
    ended = time.perf_counter()
    return {
        "startup_s": first_wall - spawned_at,
        "total_s": ended - started,
        "articles": first + rest,
        "after_first_articles": rest,
        "after_first_s": ended - first_perf,
    }


def cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def usage_record(workers: int, spawned_at: float) -> Record:
    """Peak memory and CPU time of this process and of its (reaped) pool workers.

    ``cpus_used`` is CPU seconds over wall seconds since spawn: about 1 for one worker and
    near the worker count for a pool, unless other work on the machine took the CPUs.
    """
    main = peak_rss_mb()
    children = peak_rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else None
    main_cpu, children_cpu = cpu_s(resource.RUSAGE_SELF), cpu_s(resource.RUSAGE_CHILDREN)
    return {"main_rss_mb": main, "children_max_rss_mb": children,
            "rss_per_worker_mb": children if workers > 1 and children else main,
            "main_cpu_s": main_cpu, "children_cpu_s": children_cpu,
            "cpus_used": (main_cpu + children_cpu) / (time.time() - spawned_at)}


def fivews_child(corpus: list, workers: int, task_size: int, spawned_at: float) -> Record:
    from fivews.pipeline import Pipeline, PipelineOptions

    options = PipelineOptions()
    imported = time.time()
    if workers == 1:
        pipeline = Pipeline(options)
        loaded = time.time()
        pipeline.extract(corpus[0])
        first = time.time()
        started = time.perf_counter()
        events = sum(len(found) for _, found in pipeline.extract_many(corpus))
        total = time.perf_counter() - started
        record = {"startup_s": first - spawned_at, "load_s": loaded - imported, "first_extract_s": first - loaded,
                  "total_s": total, "articles": len(corpus), "events": events, "model": pipeline.model_name,
                  "method": f"Pipeline.extract_many (nlp.pipe batch_size={options.batch_size})"}
    else:
        from fivews.parallel import Failure, map_extract

        failures = 0

        def counts() -> Iterator[int]:
            """Articles done, one count per pool task (a task's results arrive together)."""
            nonlocal failures
            done = 0
            for result in map_extract(corpus, options, workers=workers, batch_size=task_size):
                failures += isinstance(result, Failure)
                done += 1
                if done == task_size:
                    yield done
                    done = 0
            if done:
                yield done

        record = timed_stream(counts(), spawned_at)
        record.update(failures=failures, method=f"fivews.parallel.map_extract (workers={workers}, "
                      f"batch_size={task_size}, nlp.pipe batch_size={options.batch_size})")
    record["import_s"] = imported - spawned_at
    return record | usage_record(workers, spawned_at)


_NLP = None


def _baseline_init(model: str) -> None:
    global _NLP
    import spacy

    _NLP = spacy.load(model)


def _baseline_task(texts: list[str], batch_size: int) -> int:
    assert _NLP is not None
    for _ in _NLP.pipe(texts, batch_size=batch_size):
        pass
    return len(texts)


def model_label(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def baseline_single(texts: list[str], model: str, batch_size: int, spawned_at: float, imported: float) -> Record:
    import spacy

    nlp = spacy.load(model)
    loaded = time.time()
    nlp(texts[0])
    first = time.time()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {"startup_s": first - spawned_at, "load_s": loaded - imported, "first_extract_s": first - loaded,
            "total_s": time.perf_counter() - started, "articles": len(texts), "model": model_label(nlp),
            "method": f"nlp.pipe (batch_size={batch_size})"}


def baseline_n_process(texts: list[str], model: str, batch_size: int, workers: int, spawned_at: float) -> Record:
    import multiprocessing

    import spacy

    nlp = spacy.load(model)
    docs = (1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers))
    record = timed_stream(docs, spawned_at)
    multiprocessing.active_children()  # reap the workers so RUSAGE_CHILDREN counts them
    return record | {"model": model_label(nlp),
                     "method": f"nlp.pipe (batch_size={batch_size}, n_process={workers}; model loaded in parent, "
                               "workers forked, Docs sent back in chunks, so 'excl.start' means little)"}


def baseline_pool(texts: list[str], model: str, batch_size: int, workers: int, task_size: int,
                  spawned_at: float) -> Record:
    import functools

    task = functools.partial(_baseline_task, batch_size=batch_size)
    with ProcessPoolExecutor(max_workers=workers, initializer=_baseline_init, initargs=(model,)) as pool:
        record = timed_stream(pooled(pool, task, batched(texts, task_size), workers), spawned_at)
    return record | {"model": model,
                     "method": f"process pool like map_extract (workers={workers}, batch_size={task_size}, "
                               f"spacy.load per worker, nlp.pipe batch_size={batch_size})"}


def baseline_child(corpus: list, workers: int, task_size: int, spawned_at: float, parallel: str) -> Record:
    import importlib

    importlib.import_module("spacy")  # counted in import_s, as fivews's import of spaCy is
    from fivews.nlp import choose_model
    from fivews.pipeline import PipelineOptions

    options = PipelineOptions()
    model = choose_model(options.model)
    texts = [article.text for article in corpus]
    imported = time.time()
    if workers == 1:
        record = baseline_single(texts, model, options.batch_size, spawned_at, imported)
    elif parallel == "n_process":
        record = baseline_n_process(texts, model, options.batch_size, workers, spawned_at)
    else:
        record = baseline_pool(texts, model, options.batch_size, workers, task_size, spawned_at)
    record["import_s"] = imported - spawned_at
    return record | usage_record(workers, spawned_at)


def gazetteer_child(spawned_at: float) -> Record:
    before = current_rss_mb()
    from fivews.places.gazetteer import Gazetteer

    imported_wall, imported = time.time(), time.perf_counter()
    gazetteer = Gazetteer.open_default()
    opened = time.perf_counter()
    found = gazetteer.lookup(GAZETTEER_PROBE)
    looked = time.perf_counter()
    after = current_rss_mb()
    return {
        "import_s": imported_wall - spawned_at,
        "open_s": opened - imported,
        "first_lookup_s": looked - opened,
        "probe": GAZETTEER_PROBE,
        "probe_hits": len(found),
        "index": str(gazetteer.path),
        "index_mb": gazetteer.path.stat().st_size / (1024 * 1024),
        "rss_delta_mb": (after - before) if after is not None and before is not None else None,
        "peak_rss_mb": peak_rss_mb(),
    }


def run_child(args: argparse.Namespace) -> None:
    if args.child == "gazetteer":
        record = gazetteer_child(args.spawned_at)
    else:
        corpus = load_corpus(args.corpus)
        worker_count = args.workers[0]
        if args.child == "fivews":
            record = fivews_child(corpus, worker_count, args.task_size, args.spawned_at)
        else:
            record = baseline_child(corpus, worker_count, args.task_size, args.spawned_at, args.baseline_parallel)
    print(RESULT_PREFIX + json.dumps(record), flush=True)


# ---------------------------------------------------------------- orchestration (parent side)


def spawn(mode: str, extra: Sequence[str] = ()) -> Record:
    """Run this script as a child in a fresh interpreter and return its result record."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, *extra]
    spawned_at = time.time()
    proc = subprocess.run([*command, "--spawned-at", repr(spawned_at)], capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT_S, cwd=REPO)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"child {mode} {' '.join(extra)} failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    record = json.loads(lines[-1][len(RESULT_PREFIX):])
    if "building the gazetteer index" in proc.stderr:
        record["built_gazetteer"] = True
    return record


def snapshot_package(dest: Path) -> Path:
    """A copy of fivews/, so that every run measures the tree as it was at the start."""
    shutil.copytree(REPO / "fivews", dest / "fivews", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


def use_snapshot(path: Path) -> None:
    """Import fivews from ``path`` here and in every child (ahead of the editable install)."""
    sys.path.insert(0, str(path))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(path), os.environ.get("PYTHONPATH")]))


def gazetteer_ready() -> bool:
    from fivews.places.gazetteer import default_index_path

    return default_index_path().exists()


def ensure_gazetteer() -> None:
    """Build the gazetteer index now (untimed) if fivews's sources changed since the last build."""
    if not gazetteer_ready():
        print("gazetteer index missing: building it once before measuring ...", flush=True)
        spawn("gazetteer")


def measure(tool: str, workers: int, corpus_file: Path, args: argparse.Namespace, attempts: int = 3) -> Record:
    """One fresh-process run; a run that had to build the gazetteer index is done again."""
    for _ in range(attempts):
        ensure_gazetteer()
        record = spawn(tool, ["--corpus", str(corpus_file), "--workers", str(workers),
                              "--task-size", str(args.task_size), "--baseline-parallel", args.baseline_parallel])
        if not record.get("built_gazetteer"):
            break
        print(f"  ({tool} x{workers} built the gazetteer index: run discarded, measuring again)", flush=True)
    record["workers"] = workers
    record["tool"] = tool
    return record


def with_rates(record: Record, words: int) -> Record:
    total = record["total_s"]
    record["articles_per_s"] = record["articles"] / total
    record["words_per_s"] = words / total
    if "after_first_s" in record and record["after_first_s"] > 0:
        record["steady_articles_per_s"] = record["after_first_articles"] / record["after_first_s"]
    else:
        record["steady_articles_per_s"] = record["articles_per_s"]
    return record


SUMMARY_KEYS = ("articles_per_s", "words_per_s", "steady_articles_per_s", "startup_s", "total_s",
                "rss_per_worker_mb", "main_rss_mb", "cpus_used")


def medians(records: Sequence[Record], keys: Sequence[str]) -> Record:
    out: Record = {}
    for key in keys:
        values = [r[key] for r in records if r.get(key) is not None]
        out[key] = statistics.median(values) if values else None
    return out


def summarise(runs: Sequence[Record], workers: Sequence[int]) -> dict[str, Record]:
    summary: dict[str, Record] = {}
    for count in workers:
        row: Record = {}
        for tool in TOOLS:
            row[tool] = medians([r for r in runs if r["tool"] == tool and r["workers"] == count], SUMMARY_KEYS)
        f, b = row["fivews"], row["baseline"]
        row["overhead"] = f["total_s"] / b["total_s"]
        row["overhead_steady"] = b["steady_articles_per_s"] / f["steady_articles_per_s"]
        summary[str(count)] = row
    return summary


def git_output(*command: str) -> str | None:
    try:
        out = subprocess.run(["git", *command], capture_output=True, text=True, cwd=REPO, check=False)
    except OSError:
        return None
    return out.stdout.rstrip() or None


def machine_info() -> Record:
    from importlib import metadata

    import spacy

    import fivews
    from fivews.nlp import choose_model

    model = choose_model()
    commit = git_output("rev-parse", "--short", "HEAD")
    dirty = git_output("status", "--porcelain", "--untracked-files=no", "--", "fivews")
    try:
        model_version = metadata.version(model.replace("_", "-"))
    except metadata.PackageNotFoundError:
        model_version = None
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": model,
        "model_version": model_version,
        "fivews": metadata.version("fivews"),
        "fivews_imported_from": str(Path(fivews.__file__).parent),
        "git_commit": commit,
        "git_modified_fivews_files": [line[3:] for line in (dirty or "").splitlines()],
        "load_average_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


# ---------------------------------------------------------------- report


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def table(summary: dict[str, Record], runs: Sequence[Record], report: Record) -> str:
    n, words = report["corpus"]["articles"], report["corpus"]["words"]
    lines = [f"corpus: {n} articles, {words:,} words ({report['corpus']['distinct']} distinct samples); "
             f"{report['runs']} runs each, medians; model {report['machine']['model']}",
             f"fivews at git {report['machine']['git_commit']}, {len(report['machine']['git_modified_fivews_files'])} "
             f"modified file(s) under fivews/{' (copied at start)' if report['fivews_snapshot'] else ''}; "
             f"{report['machine']['cpus_usable']} CPUs"]
    header = f"{'workers':>7}  {'':9}{'articles/s':>11}{'words/s':>10}{'excl.start':>11}{'start-up s':>11}" \
             f"{'total s':>9}{'RSS MB/worker':>14}{'main RSS MB':>12}{'CPUs':>6}"
    lines += [header, "-" * len(header)]
    for count, row in summary.items():
        for tool in TOOLS:
            m = row[tool]
            main = m["main_rss_mb"] if int(count) > 1 else None
            lines.append(f"{count:>7}  {tool:9}{fmt(m['articles_per_s']):>11}{fmt(m['words_per_s'], 0):>10}"
                         f"{fmt(m['steady_articles_per_s']):>11}{fmt(m['startup_s'], 2):>11}{fmt(m['total_s'], 2):>9}"
                         f"{fmt(m['rss_per_worker_mb'], 0):>14}{fmt(main, 0):>12}{fmt(m['cpus_used'], 2):>6}")
        verdict = "ok" if row["overhead"] <= 1.25 else "OVER TARGET"
        steady = f", excl. start-up {row['overhead_steady']:.2f}" if int(count) > 1 else ""
        lines.append(f"{'':7}  overhead fivews/baseline time: {row['overhead']:.2f} "
                     f"(target <= 1.25: {verdict}){steady}")
        lines.append("")
    methods = sorted({f"{r['tool']} x{r['workers']}: {r['method']}" for r in runs})
    lines += ["methods:", *(f"  {m}" for m in methods)]
    lines += ["notes:",
              "  start-up = spawn of a fresh process -> first extracted article; with >1 worker that is the first",
              "  result of the pool (pool start + model load in each worker + first task), and worker start-up",
              "  is inside 'total s' and 'articles/s'; 'excl.start' counts only articles after the first result.",
              "  RSS MB/worker: ru_maxrss of the process (1 worker) or of the largest pool worker (>1);",
              "  'main RSS MB' is the parent of the pool. CPUs = CPU s / wall s of the measuring process and its",
              "  workers; well below the worker count means the machine was busy with other work."]
    failed = [r for r in runs if r.get("failures")]
    if failed:
        where = ", ".join(f"run {r['run'] + 1} {r['tool']} x{r['workers']}: {r['failures']}" for r in failed)
        lines.append(f"WARNING: failed extractions ({where}); they count as done articles")
    gaz = report.get("gazetteer")
    if gaz:
        lines += ["", f"gazetteer ({gaz['median']['index_mb']:.0f} MB index, fresh process, median of "
                      f"{len(gaz['runs'])}): open {gaz['median']['open_s'] * 1000:.1f} ms, first lookup "
                      f"{gaz['median']['first_lookup_s'] * 1000:.1f} ms ({GAZETTEER_PROBE!r}), RSS +"
                      f"{fmt(gaz['median']['rss_delta_mb'])} MB (peak {fmt(gaz['median']['peak_rss_mb'])} MB)"]
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="corpus size (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="fresh-process runs per setting (default 3)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--json", type=Path, help="write raw runs, medians and machine info here")
    parser.add_argument("--baseline-parallel", choices=("pool", "n_process"), default="pool",
                        help="how the baseline uses >1 worker (default: a pool like map_extract)")
    parser.add_argument("--task-size", type=int,
                        help="articles per pool task (default: map_extract's own batch_size default)")
    parser.add_argument("--no-gazetteer", action="store_true", help="skip the gazetteer open/lookup timing")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed warm-up run")
    parser.add_argument("--live", action="store_true",
                        help="import fivews from the working tree in every run, not from a copy taken at the start")
    parser.add_argument("--child", choices=("fivews", "baseline", "gazetteer"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--spawned-at", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.runs < 1 or min(args.workers) < 1:
        parser.error("--articles, --runs and --workers must be >= 1")
    return args


def map_extract_task_size() -> int:
    from fivews.parallel import map_extract

    return inspect.signature(map_extract).parameters["batch_size"].default


def benchmark(args: argparse.Namespace, tmp: Path) -> Record:
    if not args.live:
        use_snapshot(snapshot_package(tmp / "snapshot"))
    args.task_size = args.task_size or map_extract_task_size()
    corpus = build_corpus(args.articles)
    words = count_words(a.text for a in corpus)
    report: Record = {"machine": machine_info(), "runs": args.runs, "workers": args.workers,
                      "fivews_snapshot": not args.live,
                      "baseline_parallel": args.baseline_parallel, "task_size": args.task_size,
                      "corpus": {"articles": len(corpus), "words": words, "distinct": len(sample_paths()),
                                 "files": [str(p.relative_to(REPO)) for p in sample_paths()]}}
    corpus_file, warmup_file = tmp / "corpus.jsonl", tmp / "warmup.jsonl"
    write_corpus(corpus, corpus_file)
    write_corpus(corpus[:WARMUP_ARTICLES], warmup_file)
    if not args.no_warmup:
        print("warm-up (untimed) ...", flush=True)
        for tool in TOOLS:
            measure(tool, 1, warmup_file, args)
    runs: list[Record] = []
    for run in range(args.runs):
        for count in args.workers:
            for tool in TOOLS:  # alternate, so drift on a busy machine hits both alike
                record = with_rates(measure(tool, count, corpus_file, args), words)
                record["run"] = run
                runs.append(record)
                print(f"  run {run + 1}/{args.runs} workers={count} {tool:8} {record['articles_per_s']:7.1f} "
                      f"articles/s, start-up {record['startup_s']:.2f} s, "
                      f"{record['rss_per_worker_mb']:.0f} MB/worker", flush=True)
    report["raw"] = runs
    report["summary"] = summarise(runs, args.workers)
    if not args.no_gazetteer:
        gaz_runs = [spawn("gazetteer") for _ in range(args.runs)]
        report["gazetteer"] = {"runs": gaz_runs, "median": medians(
            gaz_runs, ("open_s", "first_lookup_s", "import_s", "rss_delta_mb", "peak_rss_mb", "index_mb"))}
    report["machine"]["load_average_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    return report


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        run_child(args)
        return
    with tempfile.TemporaryDirectory(prefix="fivews-bench-") as tmp:
        report = benchmark(args, Path(tmp))
    print()
    print(table(report["summary"], report["raw"], report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
