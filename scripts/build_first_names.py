#!/usr/bin/env python3
"""Rebuild store/lexicon/first-names-world.txt: first names of other countries, so that a
name like "Ruxandra Dragomir" or "Kubilay Turkyilmaz" is known as one. Run on demand, never
at extraction time; it needs three MIT-licensed packages that byline does not depend on:

    pip install faker english-words names==0.3.0
    python scripts/build_first_names.py

From Faker's person providers (the locales below, Latin script only) it keeps the first
names that are not already in first-names.txt, not US census first names that list left
out on purpose (places, months, days, common words), not among the 10,000 commonest US census
surnames ("Wells", "Hampton"), not a common English word in lower case (english-words'
web2 and gcide lists) and not a word byline's other lists claim (places, titles, role nouns,
organisation words). Gender: the one list a name is in, else "?".
"""
from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from store.lexicon import entries  # noqa: E402
from store.lexicon.names import DEMONYMS, ORG_WORDS, PLACES, ROLE_NOUNS, STOP, TITLES  # noqa: E402

LOCALES = """en en_GB en_IE en_IN en_NZ en_US en_KE en_NG en_PK de_DE de_AT de_CH fr_FR fr_CA fr_QC fr_BE es
es_ES es_MX es_AR es_CO es_CL it_IT pt_BR pt_PT nl_NL nl_BE pl_PL sv_SE no_NO da_DK fi_FI cs_CZ sk_SK hu_HU
ro_RO hr_HR sl_SI lt_LT lv_LV et_EE tr_TR id_ID ga_IE sw yo_NG ig_NG ha_NG zu_ZA tw_GH""".split()
OUT = ROOT / "store" / "lexicon" / "first-names-world.txt"
_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’-]{1,15}")


def faker_first_names() -> dict[str, set[str]]:
    """Name -> the genders of the Faker lists it is in ("m", "f", "?")."""
    root = Path(importlib.util.find_spec("faker").origin).parent / "providers" / "person"
    names: dict[str, set[str]] = {}
    for locale in LOCALES:
        tree = ast.parse((root / locale / "__init__.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id.startswith("first_names")):
                continue
            target = node.targets[0].id
            gender = "f" if "female" in target else "m" if "male" in target else "?"
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue                 # a list built from other lists: its parts are read too
            for name in value.keys() if isinstance(value, dict) else value:
                if isinstance(name, str):
                    names.setdefault(name, set()).add(gender)
    return names


def census(kind: str) -> list[str]:
    """A census list of the `names` package, commonest first."""
    root = Path(importlib.util.find_spec("names").origin).parent
    return [line.split()[0].title() for line in (root / f"dist.{kind}").read_text().splitlines() if line.strip()]


def main() -> None:
    from english_words import get_english_words_set
    common = {w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower()}
    have = {line.split()[0] for line in entries("first-names")}
    left_out = set(census("male.first") + census("female.first")) - have
    surnames = set(census("all.last")[:10000])
    kept = {}
    for name, genders in faker_first_names().items():
        if not _NAME.fullmatch(name) or name in have or name in left_out or name in surnames or \
                name.lower() in common or name in PLACES or name in STOP or name in TITLES or name in DEMONYMS or \
                name in ORG_WORDS or name.lower() in ROLE_NOUNS:
            continue
        one = genders - {"?"}
        kept[name] = one.pop() if len(one) == 1 else "?"
    head = OUT.read_text(encoding="utf-8").splitlines()
    head = [line for line in head if line.startswith("#")]
    OUT.write_text("\n".join(head + [f"{n} {g}" for n, g in sorted(kept.items())]) + "\n", encoding="utf-8")
    print(f"{len(kept)} names written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
