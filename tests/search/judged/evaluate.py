"""nDCG@10 and recall@10 over the judged queries, per class and overall.

nDCG (Järvelin & Kekäläinen, "Cumulated gain-based evaluation of IR techniques", ACM TOIS
20(4), 2002), in its common exponential-gain form: gain 2^rel - 1, discount log2(rank + 1),
normalised by the ideal ranking of the query's own judgments (all grades, not only those
retrieved). Recall@10 counts reports of grade >= 1; when a query has more than ten
relevant reports no ranking can reach 1.0 on plain recall, so it is capped (denominator
min(10, |relevant|), as BEIR's "capped recall", Thakur et al. 2021).
"""

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.search.judged.queries import CLASSES, QUERIES, Judged, judgments

K = 10


def dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades[:K]))


def ndcg(ranked: list[str], judged: dict[str, int]) -> float:
    ideal = dcg(sorted(judged.values(), reverse=True))
    return dcg([judged.get(key, 0) for key in ranked]) / ideal if ideal else 0.0


def recall(ranked: list[str], judged: dict[str, int]) -> float:
    relevant = {key for key, grade in judged.items() if grade >= 1}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:K])) / min(K, len(relevant))


@dataclass
class QueryResult:
    query: Judged
    ranked: list[str]
    ndcg: float
    recall: float
    seconds: float


@dataclass
class Evaluation:
    results: list[QueryResult]

    def by_class(self) -> dict[str, tuple[float, float]]:
        """Class -> (mean nDCG@10, mean recall@10); "overall" is the mean over all queries."""
        table = {}
        for cls in CLASSES:
            rows = [r for r in self.results if r.query.cls == cls]
            table[cls] = (_mean(r.ndcg for r in rows), _mean(r.recall for r in rows))
        table["overall"] = (
            _mean(r.ndcg for r in self.results),
            _mean(r.recall for r in self.results),
        )
        return table

    def median_ms(self) -> float:
        return statistics.median(r.seconds for r in self.results) * 1000

    def worst(self, n: int = 5, cls: str | None = None) -> list[QueryResult]:
        rows = [r for r in self.results if cls is None or r.query.cls == cls]
        return sorted(rows, key=lambda r: r.ndcg)[:n]


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def evaluate(search: Callable[[str], list[str]], queries: list[Judged] = QUERIES) -> Evaluation:
    """Run each query (its text as typed, NFD when marked) through `search`, which returns
    report keys of the corpus in rank order."""
    results = []
    for query in queries:
        judged = judgments(query)
        started = time.perf_counter()
        ranked = search(query.query)[:K]
        seconds = time.perf_counter() - started
        results.append(
            QueryResult(query, ranked, ndcg(ranked, judged), recall(ranked, judged), seconds)
        )
    return Evaluation(results)


def table(columns: dict[str, Evaluation]) -> str:
    """A Markdown table: one row per class, nDCG@10 and recall@10 for each system."""
    names = list(columns)
    header = "| class | queries | " + " | ".join(f"{n} nDCG@10 | {n} R@10" for n in names) + " |"
    lines = [header, "|" + "---|" * (2 + 2 * len(names))]
    any_eval = next(iter(columns.values()))
    counts = {cls: sum(r.query.cls == cls for r in any_eval.results) for cls in CLASSES}
    counts["overall"] = len(any_eval.results)
    tables = {n: e.by_class() for n, e in columns.items()}
    for cls in [*CLASSES, "overall"]:
        cells = " | ".join(f"{tables[n][cls][0]:.3f} | {tables[n][cls][1]:.3f}" for n in names)
        name = f"**{cls}**" if cls == "overall" else cls
        lines.append(f"| {name} | {counts[cls]} | {cells} |")
    return "\n".join(lines)
