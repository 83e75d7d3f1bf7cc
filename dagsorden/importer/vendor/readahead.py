"""Reading exports ahead of the loader in a worker process.

Reading an export (JSON/XML, HTML to Markdown, bilag text) is about a fifth of an
import's CPU; the loader waits on the database for much of the rest. A batch of many
exports therefore reads them in one worker process, a bounded window ahead, while the
main process loads: the two overlap on a machine with a second core. The worker only
parses (no database); its results are the same `Export` objects read inline.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import Export, exports_in

MIN_FILES = 20  # below this, starting a worker costs more than it saves
AHEAD = 64  # exports read ahead at most: bounds the memory held for bilag files


def read_file(path: str) -> list[Export] | None:
    """In the worker: the exports one file holds, or None for a document."""
    file = Path(path)
    return exports_in(file.read_bytes(), source=path, folder=file.parent)


class ReadAhead:
    """Futures of `read_file` for the export files of a batch, in the batch's order."""

    def __init__(self, paths: list[Path], suffixes: set[str]):
        self.waiting = deque(p for p in paths if p.suffix.lower() in suffixes)
        self.futures: dict[Path, Future] = {}
        self.pool = None
        if len(self.waiting) >= MIN_FILES:
            context = multiprocessing.get_context("fork")  # the worker needs no set-up
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            self._fill()

    def exports(self, path: Path) -> tuple[bool, list[Export] | None]:
        """(True, result) when the file was read ahead; (False, None) to read it inline.
        Raises what reading raised (ExportError, OSError)."""
        future = self.futures.pop(path, None)
        self._fill()
        if future is None:
            return False, None
        try:
            return True, future.result()
        except BrokenProcessPool:
            self.close()  # the worker died (memory?): read the rest inline
            return False, None

    def _fill(self) -> None:
        while self.pool is not None and self.waiting and len(self.futures) < AHEAD:
            path = self.waiting.popleft()
            self.futures[path] = self.pool.submit(read_file, str(path))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
        self.futures.clear()
