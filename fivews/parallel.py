"""Mapping ``extract`` over many articles: in this process, a process pool, or Dask.

Nothing here knows what extraction does; it only maps it over batches and keeps the
input order. One failing document is reported and skipped; the rest go on.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from fivews.models import Article, Event
from fivews.pipeline import Pipeline, PipelineOptions, load_pipeline

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    article: Article
    reason: str


Result = tuple[Article, list[Event]] | Failure

_WORKER: Pipeline | None = None


def _init_worker(options: PipelineOptions) -> None:
    global _WORKER
    _WORKER = Pipeline(options)


def extract_batch(pipeline: Pipeline, batch: list[Article]) -> list[Result]:
    """Extract a batch; when it fails, retry one by one so only the bad document is lost."""
    try:
        return list(pipeline.extract_many(batch))
    except Exception:  # noqa: BLE001 - isolate the document that broke the batch
        results: list[Result] = []
        for article in batch:
            try:
                results.extend(pipeline.extract_many([article]))
            except Exception as exc:  # noqa: BLE001
                LOGGER.debug("extraction failed", exc_info=True)
                results.append(Failure(article, f"extraction failed ({type(exc).__name__}: {exc})"))
        return results


def _worker_batch(batch: list[Article]) -> list[Result]:
    assert _WORKER is not None
    return extract_batch(_WORKER, batch)


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_extract(
    articles: Iterable[Article],
    options: PipelineOptions,
    workers: int = 1,
    batch_size: int = 8,
    pipeline: Pipeline | None = None,
) -> Iterator[Result]:
    """Results in input order, from ``workers`` processes (1 = this process)."""
    if workers <= 1:
        pipeline = pipeline or load_pipeline(options)
        for batch in batched(articles, batch_size):
            yield from extract_batch(pipeline, batch)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(options,)) as pool:
        pending = []
        for batch in batched(articles, batch_size):
            pending.append(pool.submit(_worker_batch, batch))
            while len(pending) > workers * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def map_extract_dask(articles: list[Article], options: PipelineOptions, batch_size: int = 16) -> Iterator[Result]:
    """The same map on a Dask cluster (``pip install 'fivews[dask]'``): one pipeline per worker."""
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - optional dependency
        raise RuntimeError("Dask is not installed: pip install 'fivews[dask]'") from exc

    def run_partition(batch: list[Article]) -> list[Result]:
        global _WORKER
        if _WORKER is None:
            _WORKER = Pipeline(options)
        return extract_batch(_WORKER, list(batch))

    bag = db.from_sequence(articles, partition_size=batch_size)
    yield from bag.map_partitions(run_partition).compute()
