"""Write (or check) the JSON Schemas of Harbinger's outputs in harbinger/data/schemas/.

    python scripts/export_schemas.py          # exit 1 and name the files that are out of date
    python scripts/export_schemas.py --write  # rewrite them
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from harbinger.schemas import output_schemas

FOLDER = Path(__file__).resolve().parent.parent / "harbinger" / "data" / "schemas"


def rendered() -> dict[Path, str]:
    return {FOLDER / f"{name}.schema.json": json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in output_schemas().items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the files instead of checking them")
    args = parser.parse_args()
    stale = [path for path, text in rendered().items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if args.write:
        FOLDER.mkdir(parents=True, exist_ok=True)
        for path, text in rendered().items():
            path.write_text(text, encoding="utf-8")
        print(f"wrote {len(rendered())} schemas to {FOLDER}")
        return 0
    for path in stale:
        print(f"out of date: {path} (run scripts/export_schemas.py --write)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
