"""Work done once when a server process starts (decision_aid.wsgi and the load bench)."""

import gc


def settle() -> None:
    """Load the URL conf (and with it every view), then move everything loaded so far out of
    the garbage collector's sight (gc.freeze): its full passes no longer walk Django's and
    WeasyPrint's long-lived objects. Measured in one process (docs/benchmarks.md): a PDF's mean
    render time 140-149 -> 124-126 ms, for 5 MB more memory; raising the collection thresholds
    as well gained nothing more and cost up to 50 MB. Call again after importing more
    (scripts/bench_wsgi.py does, after WeasyPrint)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports the views now, not on the first request
    gc.collect()
    gc.freeze()
