"""Continuous ingestion: a watched folder (:mod:`.watch`) and RSS/Atom feeds (:mod:`.feeds`).

Both hand what they find to :func:`harbinger.runner.run_items`, the same
deduplicate → annotate → store path as ``harbinger run``, and remember what they
took in (the store's ``ingested`` table), so a restart resumes where the last one
stopped and nothing is coded twice.
"""
