"""Scale-out on Dask distributed: the same read → annotate → stage code, on many processes or machines.

The driver (the process that runs ``harbinger run --workers N`` or ``--scheduler
ADDRESS``) splits the input into partitions (:mod:`.partitions`), the workers
annotate them with a pipeline each loads once (:mod:`.worker`) and write one
Parquet part per partition (:mod:`.parts`), and the driver merges the parts into
the DuckDB store in input order, deciding duplicates exactly as one process would
(:mod:`.driver`). The store is the same, row for row, as a single-process run's.
"""
