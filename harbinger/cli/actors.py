"""``actors update`` and ``actors status``: install a newer office-holder table into the user's data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from harbinger.cli.options import err

app = typer.Typer(help="The actor dictionaries: install a newer office-holder table, see which one is in use.", no_args_is_help=True)

DataDirOption = Annotated[
    Optional[Path], typer.Option("--data-dir", help="The user's data folder (default: $HARBINGER_HOME or ~/.local/share/harbinger).")
]


@app.command()
def update(
    file: Annotated[Path, typer.Argument(help="Office holders as CSV or JSON (a list of rows or a Wikidata SPARQL result); see docs/actors-update.md.")],
    data_dir: DataDirOption = None,
) -> None:
    """Check a newer office-holder table row by row and install its good rows over the packaged one (atomically, versioned)."""
    from harbinger.actors.lexicon import igo_codes, shipped_lexicon
    from harbinger.actors.officeholders import install, user_data_dir

    result = install(file, shipped_lexicon().country_codes, igo_codes(), data_dir)
    for problem in result.problems[:20]:
        err.print(f"{problem.code} {problem.where}: {problem.message}", markup=False, highlight=False)
    if len(result.problems) > 20:
        err.print(f"… and {len(result.problems) - 20:,} more rows skipped", highlight=False)
    manifest = result.manifest
    folder = user_data_dir(data_dir) / "actors"
    if result.unchanged:
        err.print(f"already installed: version {manifest['version']} ({manifest['people']:,} people) in {folder}; nothing changed", markup=False)
        return
    err.print(
        f"installed version {manifest['version']}: {manifest['people']:,} people, {manifest['spells']:,} spells → {folder}\n"
        f"changes against the table in use before: +{len(result.people_added):,} people, -{len(result.people_removed):,} people, "
        f"+{result.spells_added:,} spells, -{result.spells_removed:,} spells; {len(result.problems):,} rows skipped",
        markup=False,
        highlight=False,
    )
    if result.people_added:
        shown = ", ".join(name.title() for name in result.people_added[:10])
        err.print(f"new people: {shown}{' …' if len(result.people_added) > 10 else ''}", markup=False, highlight=False)
    err.print("stories coded before keep their old codes: run them again to use the new table", highlight=False)


@app.command()
def status(data_dir: DataDirOption = None) -> None:
    """Which office-holder table the actors stage uses: the packaged one alone, or a user's installed over it."""
    from harbinger.actors.officeholders import installed_manifest, merged_records, packaged_records, user_data_dir

    manifest = installed_manifest(data_dir)
    packaged = len(packaged_records())
    if manifest is None:
        typer.echo(f"office holders: packaged table only ({packaged:,} people); no user table in {user_data_dir(data_dir) / 'actors'}")
        return
    typer.echo(
        f"office holders: packaged ({packaged:,} people) with user table version {manifest['version']} over it "
        f"({manifest['people']:,} people from {manifest['source']}, installed {manifest['installed_at']}, sha256 {manifest['sha256'][:12]}); "
        f"{len(merged_records(data_dir)):,} people in use"
    )
