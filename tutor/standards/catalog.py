"""The standards catalogue: Common Core math standards as a hierarchy with coherence edges.

Hierarchy (``level`` values, as in Achieve the Core): ``Grade`` → (``HS Category`` for high
school) → ``Domain`` → ``Cluster`` → ``Standard`` → ``Sub-standard``. Edges come from the
coherence map: ``progress_from`` (prerequisites), ``progress_to`` (what builds on it) and
``related`` (non-directional links).

Two sources, same codes:

* the built-in catalogue written in the project's own words (``data/standards/catalog.jsonl``,
  one object a line: ``code``, ``level``, ``grade``, ``domain``, ``cluster``, ``parent``,
  ``description``, ``progress_from``);
* an Achieve the Core ``standards.jsonl`` the school provides (``id``, ``description``,
  ``level``, ``parent``, ``children``, ``connections``), plus, when a ``coherence_map.json``
  lies next to it, that map's edges.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from tutor.config import PROJECT_ROOT
from tutor.errors import TutorConfigError
from tutor.jsonl import parse_jsonl
from tutor.schema import GRADES

log = logging.getLogger(__name__)

LEVELS = ("Grade", "HS Category", "Domain", "Cluster", "Standard", "Sub-standard")
BUILTIN_PATH = PROJECT_ROOT / "data" / "standards" / "catalog.jsonl"


@dataclass
class Standard:
    """One node of the catalogue (any level, not only ``Standard``).

    Attributes:
        code: e.g. ``"5.NF.A.1"``, ``"F-IF.B.4"``, ``"5.NF"``, ``"HS"``.
        level: one of :data:`LEVELS`.
        description: text of the node.
        parent: code of the parent node, ``""`` for a grade.
        grade: ``"K"``, ``"1"`` … ``"8"`` or ``"HS"``.
        domain: domain code (``"5.NF"``), ``""`` above domain level.
        cluster: cluster code (``"5.NF.A"``), ``""`` above cluster level.
        children: codes of the child nodes.
        progress_from: prerequisite codes (coherence map arrows into this node).
        progress_to: codes this node leads to.
        related: codes linked without direction.
    """

    code: str
    level: str
    description: str
    parent: str = ""
    grade: str = ""
    domain: str = ""
    cluster: str = ""
    children: list[str] = field(default_factory=list)
    progress_from: list[str] = field(default_factory=list)
    progress_to: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


class Catalog:
    """Standards by code, with the hierarchy and the coherence edges resolved.

    Args:
        nodes: every node; parents must be present (checked), codes unique (checked).
        source: label for logs and reports (``"builtin"`` or ``"atc"``).

    Raises:
        TutorConfigError: duplicate codes, unknown levels or a broken parent chain.
    """

    def __init__(self, nodes: list[Standard], source: str = "") -> None:
        self.source = source
        self.nodes: dict[str, Standard] = {}
        for n in nodes:
            if n.code in self.nodes:
                raise TutorConfigError(f"standards catalogue {source}: code {n.code} appears twice")
            if n.level not in LEVELS:
                raise TutorConfigError(f"standards catalogue {source}: {n.code} has level {n.level!r}")
            self.nodes[n.code] = n
        for n in self.nodes.values():
            if n.parent and n.parent not in self.nodes:
                raise TutorConfigError(
                    f"standards catalogue {source}: parent {n.parent} of {n.code} is missing")
        self._link_children()
        self._fill_hierarchy_fields()

    # -- structure
    def _link_children(self) -> None:
        for n in self.nodes.values():
            if n.parent:
                kids = self.nodes[n.parent].children
                if n.code not in kids:
                    kids.append(n.code)
        for n in self.nodes.values():
            n.children = [c for c in n.children if c in self.nodes]

    def _fill_hierarchy_fields(self) -> None:
        for n in self.nodes.values():
            for a in [n, *self.ancestors(n.code)]:
                if a.level == "Grade" and not n.grade:
                    n.grade = a.code
                elif a.level == "Domain" and not n.domain:
                    n.domain = a.code
                elif a.level == "Cluster" and not n.cluster:
                    n.cluster = a.code

    def ancestors(self, code: str) -> list[Standard]:
        """Parent, grandparent, … up to the grade (nearest first).

        Raises:
            KeyError: unknown code. TutorConfigError: a cycle in the parent links.
        """
        out: list[Standard] = []
        seen = {code}
        cur = self.nodes[code].parent
        while cur:
            if cur in seen:
                raise TutorConfigError(f"standards catalogue {self.source}: cycle at {cur}")
            seen.add(cur)
            node = self.nodes[cur]
            out.append(node)
            cur = node.parent
        return out

    def __contains__(self, code: object) -> bool:
        return code in self.nodes

    def __getitem__(self, code: str) -> Standard:
        return self.nodes[code]

    def __len__(self) -> int:
        return len(self.nodes)

    def standards(self) -> list[Standard]:
        """Nodes of level ``Standard`` (the unit retrieval ranks), in catalogue order."""
        return [n for n in self.nodes.values() if n.level == "Standard"]

    def standard_of(self, code: str) -> str:
        """The ``Standard`` a code counts for: a sub-standard's parent, else the code itself."""
        n = self.nodes.get(code)
        if n is not None and n.level == "Sub-standard" and n.parent:
            return n.parent
        return code

    def edges_from(self, code: str) -> list[str]:
        """Prerequisites of ``code`` and of its sub-standards (a standard's own first)."""
        n = self.nodes[code]
        out: list[str] = []
        for m in [n, *(self.nodes[c] for c in n.children if self.nodes[c].level == "Sub-standard")]:
            out += [p for p in m.progress_from if p not in out and p in self.nodes]
        return out

    def add_edge(self, src: str, dst: str, directed: bool = True) -> None:
        """Add a coherence edge ``src`` → ``dst`` (``src`` is a prerequisite of ``dst``), or a
        ``related`` link both ways when ``directed`` is false. Unknown codes are ignored."""
        if src not in self.nodes or dst not in self.nodes or src == dst:
            return
        a, b = self.nodes[src], self.nodes[dst]
        if directed:
            if src not in b.progress_from:
                b.progress_from.append(src)
            if dst not in a.progress_to:
                a.progress_to.append(dst)
        else:
            if dst not in a.related:
                a.related.append(dst)
            if src not in b.related:
                b.related.append(src)


# --------------------------------------------------------------------------- loaders
def _read_jsonl(path: Path) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TutorConfigError(f"cannot read standards catalogue {path}: {exc}") from exc
    try:
        return parse_jsonl(text)
    except json.JSONDecodeError as exc:
        raise TutorConfigError(f"standards catalogue {path} is not JSON lines: {exc}") from exc


def load_builtin(path: str | Path = BUILTIN_PATH) -> Catalog:
    """Load the project's own catalogue (see the module docstring for the format).

    Raises:
        TutorConfigError: file missing or malformed.
    """
    rows = _read_jsonl(Path(path))
    nodes = []
    for r in rows:
        try:
            nodes.append(Standard(code=r["code"], level=r["level"], description=r["description"],
                                  parent=r.get("parent") or "", grade=str(r.get("grade") or ""),
                                  domain=r.get("domain") or "", cluster=r.get("cluster") or "",
                                  progress_from=list(r.get("progress_from") or [])))
        except KeyError as exc:
            raise TutorConfigError(f"standards catalogue {path}: a row lacks {exc}") from exc
    cat = Catalog(nodes, source="builtin")
    for n in list(cat.nodes.values()):
        for p in n.progress_from:
            cat.add_edge(p, n.code)
    return cat


def load_atc(path: str | Path, coherence_path: str | Path | None = None) -> Catalog:
    """Load an Achieve the Core ``standards.jsonl`` and, if found, its coherence map.

    Args:
        path: the ``standards.jsonl`` file.
        coherence_path: a ``coherence_map.json``; default: the one next to ``path``, if any.

    Raises:
        TutorConfigError: file missing or malformed.
    """
    path = Path(path)
    rows = _read_jsonl(path)
    nodes = []
    for r in rows:
        try:
            nodes.append(Standard(code=r["id"], level=r["level"], description=r["description"],
                                  parent=r.get("parent") or "", children=list(r.get("children") or [])))
        except KeyError as exc:
            raise TutorConfigError(f"standards catalogue {path}: a row lacks {exc}") from exc
    cat = Catalog(nodes, source="atc")
    for r in rows:
        conn = r.get("connections") or {}
        if not isinstance(conn, dict):
            continue
        for p in conn.get("progress from", []):
            cat.add_edge(p, r["id"])
        for t in conn.get("progress to", []):
            cat.add_edge(r["id"], t)
        for o in conn.get("related", []):
            cat.add_edge(r["id"], o, directed=False)
    cpath = Path(coherence_path) if coherence_path else path.with_name("coherence_map.json")
    if cpath.exists():
        add_coherence_map(cat, cpath)
    return cat


def _short_key(node: Standard) -> str | None:
    """The coherence map's short code of a K–8 (sub-)standard: ``K.CC.B.4a`` → ``0.CC.4.a``."""
    m = re.fullmatch(r"(K|[1-8])\.([A-Z]+)\.[A-Z]\.(\d+)([a-z]?)", node.code)
    if not m:
        return None
    grade = "0" if m.group(1) == "K" else m.group(1)
    key = f"{grade}.{m.group(2)}.{m.group(3)}"
    return key + (f".{m.group(4)}" if m.group(4) else "")


def add_coherence_map(cat: Catalog, path: str | Path) -> int:
    """Add the edges of an Achieve the Core ``coherence_map.json`` (``coherence_edges``:
    ``{"type": "Arrow"|"Nondirectional link", "from", "to"}`` with short codes like
    ``4.NF.1`` or ``7.EE.4.b||note``). Returns the number of edges resolved.

    Raises:
        TutorConfigError: unreadable file.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TutorConfigError(f"cannot read coherence map {path}: {exc}") from exc
    short = {k: n.code for n in cat.nodes.values() if (k := _short_key(n))}
    added = 0
    for e in data.get("coherence_edges", []):
        src = short.get(str(e.get("from", "")).split("||")[0])
        dst = short.get(str(e.get("to", "")).split("||")[0])
        if src and dst:
            cat.add_edge(src, dst, directed=e.get("type") == "Arrow")
            added += 1
    log.info("coherence map %s: %d edges resolved", path, added)
    return added


def load_catalog(catalog: str, atc_path: str | Path = "") -> Catalog:
    """The catalogue the settings name: ``"builtin"`` or ``"atc"`` (needs ``atc_path``).

    Raises:
        TutorConfigError: unknown name, missing ``atc_path`` or unreadable files.
    """
    if catalog == "builtin":
        return load_builtin()
    if catalog == "atc":
        if not atc_path:
            raise TutorConfigError("catalog 'atc' needs atc_path (TUTOR_ATC_PATH): the "
                                   "Achieve the Core standards.jsonl")
        return load_atc(atc_path)
    raise TutorConfigError(f"catalog must be 'builtin' or 'atc', not {catalog!r}")
