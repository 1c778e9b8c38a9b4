"""The search benchmarks' query set: 1–3-word queries with and without filters, the ones the
issues' « results page » targets are read on. A module of data alone, imported by
bench_search.py, bench_search_compare.py and bench_search_ab.py: importing it puts no
checkout's `forum` on sys.path (those two run other worktrees' code in subprocesses)."""

QUERIES = [
    ("financement", {}),
    ("mobilité", {}),
    ("porteurs", {}),
    ("isolement rural", {}),
    ("élus", {"tag": "relation-aux-elus"}),
    ("covoiturage", {"region": "76"}),
    ("plan de financement", {}),
    ("école parents", {}),
    ("enquête terrain marché", {}),
    ("financement", {"module": "modele-economique-financement", "department": "46"}),
    ("gouvernance", {"from": "2024-01-01", "to": "2025-12-31"}),
    ("animation", {"tag": "mobilite"}),
]
