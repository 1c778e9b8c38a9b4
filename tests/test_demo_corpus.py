"""Generated corpora for benchmarks (`seed-demo --reports N`); the demo people read is
hand-written and checked in tests/test_demo_realism.py."""

from forum.demo import corpus


def test_benchmark_corpora_keep_every_sentence():
    """Tens of thousands of reports cannot all differ: only the demo is deduplicated."""
    plain = list(corpus.generate_reports(30, seed=7))
    assert sum(len(corpus.sentences(r["context"])) for r in plain) > 30
