#!/usr/bin/env python3
"""Reference implementation of the OrgGraph rule catalog, in Python with networkx.

Reads an organization file in the format of SPEC §1 (YAML or JSON) with the vocabulary v2
of SPEC §2, loads it into a networkx MultiDiGraph (node attributes `kind`, `level`, ...;
edge attributes `type`, `period`, `basis`) and runs the 6 structural rules and the rules of
one of the two built-in rulebooks of SPEC §3, `125-QD/TW` (20 rules) or `125-QD/TW-2025`
(22 rules), exactly as docs/SEMANTICS.md reads them. It is a second opinion on the Swift
implementation's findings and the baseline of its performance comparison.

    python3 Scripts/bench/networkx_audit.py FILE [--rulebook ID] [--json] [--time]

The rulebook is --rulebook's, else the file's `rulebook:` field when it names one of the two
built-in rulebooks, else `125-QD/TW`. Prints one "rule node" line per finding and a final
"N findings" line, or with --json an array of {"rule", "node"} sorted by (rule, node).
Suppressions in the file remove matching findings; one that removes nothing is itself a
finding, `unused-suppression`, on its node. --time prints the seconds spent loading and
auditing to stderr. Exit status: 0 no findings, 1 findings, 2 the file could not be loaded.

Counting readings shared with the Swift code: "exactly one X" counts distinct nodes (the
same relation written twice is duplicate-relation's finding, not a second X), and a rule
reports each subject node at most once, except relation-endpoints and no-self-relation
(one finding per relation), duplicate-relation (one per repeated (type, from, to), however
many copies), part-of-required (a kind that stands alone gets one per body it is written
part of) and acyclic-leadership (one per strongly connected component).

Every index the rules read (nodes per kind, relations per type and end, part-of both ways,
pooled periods per (from, to)) is built once, so the audit is linear in the file.
"""

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict

import networkx as nx
import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# --- Vocabulary v2 (SPEC §2) ------------------------------------------------------

TERRITORIAL = {  # territorial committee kind -> its level
    "provincial-party-committee": "provincial",
    "district-party-committee": "district",
    "commune-party-committee": "commune",
}
COMMITTEE_OF_LEVEL = {level: kind for kind, level in TERRITORIAL.items()}
ABOVE = set(TERRITORIAL) | {  # above-grassroots committees
    "bloc-party-committee", "authority-party-committee", "party-agencies-committee",
    "superior-party-committee"}
PARTY_COMMITTEE = ABOVE | {"unit-party-committee", "partial-party-committee"}
STANDING = {"standing-committee", "standing-board"}         # standing bodies
UPO = {"unit-party-committee", "grassroots-cell"}            # unit party organizations
LEADER = {"unit-head", "board-chair"}
BOARD = {"management-board", "school-council"}
PSU = "public-service-unit"
PC = "peoples-committee"
CADRES = "party-cadres-committee"
AUTHORITY = "authority-party-committee"
KINDS = PARTY_COMMITTEE | STANDING | UPO | LEADER | BOARD | {
    "advisory-agency", CADRES, PC, "managing-agency", PSU, "subordinate-cell",
    "party-secretary"}
LEVELS = {"central", "provincial", "district", "commune"}
PERIODS = {"6-months", "1-year", "congress", "regular", "extraordinary", "ad-hoc"}
BASES = {"location", "residence"}

# relation type -> allowed (from kinds, to kinds, level condition) rows; part-of is
# part-of-required's. A condition "same" asks the People's Committee's level to be the
# committee's own; a set asks the `to` node's level to be one of it.
ENDPOINTS = {
    "leads": [(ABOVE, ABOVE | UPO, None),
              (set(TERRITORIAL), {PC}, "same"),
              ({"provincial-party-committee", "standing-committee"}, {CADRES}, None),
              ({CADRES, AUTHORITY}, {PC}, None),
              (PARTY_COMMITTEE, {"subordinate-cell"}, None),
              ({"unit-party-committee"}, {"partial-party-committee"}, None)],
    "superior-of": [(ABOVE, UPO, None)],
    "directs": [({CADRES, AUTHORITY, PC}, UPO, None)],
    "sends-documents": [(ABOVE | STANDING | {"advisory-agency", PC, CADRES, "managing-agency"},
                         UPO, None)],
    "invites": [(STANDING, {"party-secretary", "unit-head"}, None)],
    "reports-to": [(UPO, STANDING | ABOVE, None), (LEADER, UPO, None),
                   ({"partial-party-committee"}, {"unit-party-committee",
                                                  "partial-party-committee"}, None),
                   ({"subordinate-cell"}, PARTY_COMMITTEE, None)],
    "manages": [({PC, "managing-agency"}, {PSU}, None)],
    "coordinates-with": [(UPO, LEADER, None)],
    "informs": [(UPO, LEADER, None)],
    "escalates-to": [(UPO | LEADER | {"managing-agency"},
                      ABOVE | STANDING | {PC, "managing-agency"}, None)],
    "accountable-to": [(LEADER | {"party-secretary"}, UPO, None)],
    "liaises-with": [(UPO, {"commune-party-committee", "district-party-committee"}, None),
                     (UPO, {PC}, {"commune", "district"})],
}
RELATION_TYPES = set(ENDPOINTS) | {"part-of"}

# kind -> kinds it must be part of, exactly once; kinds not listed are part of nothing, and
# so is a managing-agency of level central (a ministry).
CONTAINER = {
    "standing-committee": ABOVE, "standing-board": ABOVE, "advisory-agency": ABOVE,
    "managing-agency": {PC},
    "unit-party-committee": {PSU}, "grassroots-cell": {PSU}, "unit-head": {PSU},
    "management-board": {PSU}, "school-council": {PSU},
    "partial-party-committee": {"unit-party-committee"},
    "subordinate-cell": {"unit-party-committee", "partial-party-committee", PSU},
    "party-secretary": UPO | {"partial-party-committee", "subordinate-cell"},
    "board-chair": BOARD,
}

# kind -> the levels it must carry (level-required); territorial committees are checked apart.
REQUIRED_LEVELS = {
    PSU: LEVELS,
    PC: {"provincial", "district", "commune"},
    "superior-party-committee": {"central", "provincial", "district"},
    "bloc-party-committee": {"central", "provincial"},
    AUTHORITY: {"central", "provincial"},
    "party-agencies-committee": {"central", "provincial"},
    CADRES: {"central", "provincial"},
}

# --- Rulebooks (SPEC §3) ----------------------------------------------------------

STRUCTURAL = ["relation-endpoints", "no-self-relation", "duplicate-relation", "part-of-required",
              "acyclic-leadership", "level-required"]
RULES_2023 = ["leadership-at-unit-level", "documents-from-party-committee", "meeting-invitations",
              "reports-to-standing-body", "directed-by-authority", "documents-reach-unit",
              "single-immediate-superior", "commune-not-superior", "periodic-report-to-superior",
              "coordination-with-leaders", "party-informs-leaders", "leaders-report-to-party",
              "leaders-accountable", "escalation-path", "local-liaison", "unit-has-one-head",
              "unit-party-organization", "attached-cell-led", "board-has-one-chair",
              "territorial-nesting"]
RULES_2025 = [r for r in RULES_2023 if r != "commune-not-superior"] + [
    "no-district-level", "no-ended-bodies", "superior-at-unit-level"]


class Rulebook:
    """What the two built-in rulebooks read differently."""

    def __init__(self, rulebook_id):
        self.id = rulebook_id
        two_tier = rulebook_id == "125-QD/TW-2025"
        self.rules = STRUCTURAL + (RULES_2025 if two_tier else RULES_2023)
        # the unit levels whose leading committee the §1 rules name
        self.unit_levels = {"provincial", "commune"} if two_tier else {"provincial", "district"}
        # directed-by-authority: who directs at the provincial level, and the lower level
        # whose People's Committee directs itself
        self.provincial_director = AUTHORITY if two_tier else CADRES
        self.lower_level = "commune" if two_tier else "district"
        # documents-reach-unit: committees that lead a People's Committee and send for it
        self.pc_leaders = {CADRES, AUTHORITY} if two_tier else {CADRES}
        # territorial-nesting: committee kind -> kinds that may lead it
        self.nesting = ({"commune-party-committee": {"provincial-party-committee"}} if two_tier
                        else {"district-party-committee": {"provincial-party-committee"},
                              "commune-party-committee": {"district-party-committee",
                                                          "provincial-party-committee"}})


RULEBOOKS = ("125-QD/TW", "125-QD/TW-2025")

# --- Loading (SPEC §1) ------------------------------------------------------------

TOP_FIELDS = {"orggraph", "title", "rulebook", "nodes", "relations", "suppressions"}
NODE_FIELDS = {"id", "kind", "name", "level", "sector", "part-of", "note", "attributes"}
RELATION_FIELDS = {"type", "from", "to", "period", "basis", "note", "attributes"}
SUPPRESSION_FIELDS = {"rule", "node", "reason"}
ID_PATTERN = re.compile(r"[\w.:-]+")


class LoadError(Exception):
    pass


def _record(item, where, fields, required):
    if not isinstance(item, dict):
        raise LoadError(f"{where}: expected a mapping")
    for key in item:
        if key not in fields:
            raise LoadError(f"{where}: unknown field '{key}'")
    for key in required:
        if key not in item:
            raise LoadError(f"{where}: missing required field '{key}'")
    for key, value in item.items():
        if key == "attributes":
            if not (isinstance(value, dict) and all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items())):
                raise LoadError(f"{where}: 'attributes' must be a map of strings")
        elif key == "period":
            if not (isinstance(value, list) and all(isinstance(p, str) for p in value)):
                raise LoadError(f"{where}: 'period' must be a list of strings")
        elif not isinstance(value, str):
            raise LoadError(f"{where}: '{key}' must be a string")
    return item


def load(path):
    """Reads and checks an organization file.

    Returns the MultiDiGraph, its relations as (from, to, type, periods, basis) in file order
    (the shorthand part-of ones first), the suppressions and the file's `rulebook:` field."""
    try:
        with open(path, "rb") as f:
            data = json.load(f) if path.endswith(".json") else yaml.load(f, Loader=YAML_LOADER)
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise LoadError(f"cannot read: {error}") from None
    if not isinstance(data, dict):
        raise LoadError("expected a mapping at the top level")
    for key in data:
        if key not in TOP_FIELDS:
            raise LoadError(f"unknown field '{key}'")
    if type(data.get("orggraph")) is not int or data["orggraph"] != 1:
        raise LoadError("'orggraph: 1' is required (unsupported format version)")
    if "rulebook" in data and not isinstance(data["rulebook"], str):
        raise LoadError("'rulebook' must be a string")
    nodes, relations = data.get("nodes") or [], data.get("relations") or []
    suppressions = data.get("suppressions") or []
    if not all(isinstance(x, list) for x in (nodes, relations, suppressions)):
        raise LoadError("'nodes', 'relations' and 'suppressions' must be lists")

    graph = nx.MultiDiGraph(title=data.get("title"))
    for i, node in enumerate(nodes):
        node = _record(node, f"nodes[{i}]", NODE_FIELDS, ("id", "kind"))
        if not ID_PATTERN.fullmatch(node["id"]):
            raise LoadError(f"nodes[{i}]: invalid id '{node['id']}'")
        if node["id"] in graph:
            raise LoadError(f"nodes[{i}]: duplicate id '{node['id']}'")
        if node["kind"] not in KINDS:
            raise LoadError(f"nodes[{i}]: unknown kind '{node['kind']}'")
        if "level" in node and node["level"] not in LEVELS:
            raise LoadError(f"nodes[{i}]: unknown level '{node['level']}'")
        graph.add_node(node["id"], order=i, **{k: v for k, v in node.items() if k != "id"})

    def known(node_id, where):
        if node_id not in graph:
            raise LoadError(f"{where}: no node with id '{node_id}'")
        return node_id

    edges = []
    empty = frozenset()
    for i, node in enumerate(nodes):
        if "part-of" in node:
            edges.append((node["id"], known(node["part-of"], f"nodes[{i}]"), "part-of", empty,
                          None))
    for i, rel in enumerate(relations):
        where = f"relations[{i}]"
        rel = _record(rel, where, RELATION_FIELDS, ("type", "from", "to"))
        if rel["type"] not in RELATION_TYPES:
            raise LoadError(f"{where}: unknown relation type '{rel['type']}'")
        if "period" in rel and rel["type"] != "reports-to":
            raise LoadError(f"{where}: 'period' is only allowed on reports-to")
        if "basis" in rel and rel["type"] != "liaises-with":
            raise LoadError(f"{where}: 'basis' is only allowed on liaises-with")
        for p in rel.get("period", ()):
            if p not in PERIODS:
                raise LoadError(f"{where}: unknown period '{p}'")
        if "basis" in rel and rel["basis"] not in BASES:
            raise LoadError(f"{where}: unknown basis '{rel['basis']}'")
        edges.append((known(rel["from"], where), known(rel["to"], where), rel["type"],
                      frozenset(rel["period"]) if "period" in rel else empty, rel.get("basis")))
    graph.add_edges_from((u, v, {"type": t, "period": p, "basis": b}) for u, v, t, p, b in edges)
    for i, sup in enumerate(suppressions):
        _record(sup, f"suppressions[{i}]", SUPPRESSION_FIELDS, ("rule", "node", "reason"))
        known(sup["node"], f"suppressions[{i}]")
    return (graph, edges, {(s["rule"], s["node"]) for s in suppressions},
            data.get("rulebook"))


# --- The audit (SPEC §3, docs/SEMANTICS.md) ----------------------------------------

NOBODY = frozenset()


class Audit:
    """The rule catalog over one graph; each rule method yields the subject node ids."""

    def __init__(self, graph, edges, rulebook):
        self.g = graph
        self.edges = edges
        self.book = rulebook
        self.kind = dict(graph.nodes(data="kind"))
        self.level = dict(graph.nodes(data="level"))       # the written level, or None
        self.order = dict(graph.nodes(data="order"))
        self.by_kind = defaultdict(list)                    # kind -> nodes, in file order
        for n, k in self.kind.items():
            self.by_kind[k].append(n)
        # type -> from -> distinct to, and type -> to -> distinct from; part-of is part -> whole
        self.out = {t: defaultdict(set) for t in RELATION_TYPES}
        self.inn = {t: defaultdict(set) for t in RELATION_TYPES}
        self.reported = defaultdict(set)     # (from, to) -> pooled periods of reports-to
        self.located = defaultdict(set)      # UPO -> the nodes it liaises with by location
        for u, v, t, periods, basis in edges:
            self.out[t][u].add(v)
            self.inn[t][v].add(u)
            if t == "reports-to":
                self.reported[u, v] |= periods
            elif t == "liaises-with" and basis == "location":
                self.located[u].add(v)
        self.wholes, self.parts = self.out["part-of"], self.inn["part-of"]
        self._unit = {}
        self._pcs = {}

    # --- helpers (the terms of docs/SEMANTICS.md) ---------------------------------

    def of_kind(self, kinds):
        return [n for k in kinds for n in self.by_kind.get(k, ())]

    def node_level(self, n):
        """The written level; a territorial committee without one has its kind's."""
        return self.level[n] or TERRITORIAL.get(self.kind[n])

    def sources(self, node, etype):
        return self.inn[etype].get(node, NOBODY)

    def targets(self, node, etype):
        return self.out[etype].get(node, NOBODY)

    def parts_of_kind(self, whole, kinds):
        return {p for p in self.parts.get(whole, ()) if self.kind[p] in kinds}

    def wholes_of_kind(self, part, kinds):
        return {w for w in self.wholes.get(part, ()) if self.kind[w] in kinds}

    def pooled(self, node, to):
        """The periods of the reports-to relations from node to the nodes of `to`, pooled."""
        periods = set()
        for v in to:
            periods |= self.reported.get((node, v), NOBODY)
        return periods

    def unit_of(self, node):
        """The public service unit the node is part of, when there is exactly one."""
        if node not in self._unit:
            units = self.wholes_of_kind(node, {PSU})
            self._unit[node] = next(iter(units)) if len(units) == 1 else None
        return self._unit[node]

    def unit_of_leader(self, leader):
        if self.kind[leader] == "unit-head":
            return self.unit_of(leader)
        boards = self.wholes_of_kind(leader, BOARD)
        return self.unit_of(next(iter(boards))) if len(boards) == 1 else None

    def unit_level(self, upo):
        """The written level of the UPO's unit, or None when it has no unit."""
        unit = self.unit_of(upo)
        return unit and self.level[unit]

    def leaders(self, unit):
        """The unit-heads and board-chairs of a unit."""
        chairs = {c for b in self.parts_of_kind(unit, BOARD)
                  for c in self.parts_of_kind(b, {"board-chair"})}
        return self.parts_of_kind(unit, {"unit-head"}) | chairs

    def upos(self, unit):
        return self.parts_of_kind(unit, UPO)

    def peoples_committees(self, unit):
        """Each manager that is a People's Committee, and the People's Committee each other
        manager is part of."""
        if unit not in self._pcs:
            pcs = set()
            for manager in self.sources(unit, "manages"):
                if self.kind[manager] == PC:
                    pcs.add(manager)
                else:
                    pcs |= self.wholes_of_kind(manager, {PC})
            self._pcs[unit] = pcs
        return self._pcs[unit]

    def leading(self, upo):
        """L: the territorial committees of the unit's level that lead the UPO, for a unit at
        a level whose leading committee the rulebook names; else empty."""
        level = self.unit_level(upo)
        if level not in self.book.unit_levels:
            return NOBODY
        own = COMMITTEE_OF_LEVEL[level]
        return {c for c in self.sources(upo, "leads") if self.kind[c] == own}

    def parts_of_leading(self, committees, kinds):
        return {p for c in committees for p in self.parts_of_kind(c, kinds)}

    def superior(self, upo):
        """The UPO's immediate superior when it has exactly one, else None."""
        superiors = self.sources(upo, "superior-of")
        return next(iter(superiors)) if len(superiors) == 1 else None

    def reaching(self, goal_kinds):
        """The nodes from which a path of one or more escalates-to reaches a node of one of
        `goal_kinds`: one backward search from all the goals at once."""
        before = self.inn["escalates-to"]
        found = set()
        stack = [u for g in self.of_kind(goal_kinds) for u in before.get(g, ())]
        while stack:
            n = stack.pop()
            if n not in found:
                found.add(n)
                stack.extend(before.get(n, ()))
        return found

    def asked_leaders(self):
        """The unit-heads and board-chairs of units that have a UPO, with that unit."""
        for leader in self.of_kind(LEADER):
            unit = self.unit_of_leader(leader)
            if unit is not None and self.upos(unit):
                yield leader, unit

    # --- structural rules ---------------------------------------------------------

    def relation_endpoints(self):
        for u, v, t, _, _ in self.edges:
            if t == "part-of":
                continue
            ku, kv = self.kind[u], self.kind[v]
            for froms, tos, condition in ENDPOINTS[t]:
                if ku in froms and kv in tos:
                    if condition is None:
                        break
                    if condition == "same":
                        if self.level[v] is not None and self.level[v] == self.node_level(u):
                            break
                    elif self.level[v] in condition:
                        break
            else:
                yield u

    def no_self_relation(self):
        for u, v, _, _, _ in self.edges:
            if u == v:
                yield u

    def duplicate_relation(self):
        counts = Counter((u, v, t) for u, v, t, _, _ in self.edges)
        for (u, _, _), count in counts.items():
            if count > 1:
                yield u

    def part_of_required(self):
        for n, k in self.kind.items():
            wholes = self.wholes.get(n, NOBODY)
            allowed = CONTAINER.get(k)
            if k == "managing-agency" and self.level[n] == "central":
                allowed = None
            if allowed is None:
                yield from [n] * len(wholes)  # stands alone: one finding per part-of to remove
            elif len(wholes) != 1 or self.kind[next(iter(wholes))] not in allowed:
                yield n

    def acyclic_leadership(self):
        top_down = nx.DiGraph()
        for u, v, t, _, _ in self.edges:
            if u == v:
                continue
            if t in ("leads", "superior-of"):
                top_down.add_edge(u, v)
            elif t == "part-of":
                top_down.add_edge(v, u)
        for component in nx.strongly_connected_components(top_down):
            if len(component) > 1:
                yield min(component, key=self.order.__getitem__)

    def level_required(self):
        for n, k in self.kind.items():
            level = self.level[n]
            if k in REQUIRED_LEVELS:
                if level not in REQUIRED_LEVELS[k]:
                    yield n
            elif k in TERRITORIAL and level is not None and level != TERRITORIAL[k]:
                yield n

    # --- 125-QD/TW §1 ---------------------------------------------------------------

    def leadership_at_unit_level(self):
        for upo in self.of_kind(UPO):
            level = self.unit_level(upo)
            if level not in self.book.unit_levels:
                continue  # central or other-level unit, no unit, or no level: silent
            own = COMMITTEE_OF_LEVEL[level]
            committees = self.sources(upo, "leads")
            leading = {c for c in committees if self.kind[c] == own}
            if len(leading) != 1 or any(self.kind[c] in TERRITORIAL and self.kind[c] != own
                                        for c in committees):
                yield upo
                continue
            # the People's Committee tie: territorial committees only
            tied = {c for pc in self.peoples_committees(self.unit_of(upo))
                    for c in self.sources(pc, "leads") if self.kind[c] == own}
            if tied and not leading & tied:
                yield upo

    def documents_from_party_committee(self):
        for upo in self.of_kind(UPO):
            leading = self.leading(upo)
            if leading:
                senders = leading | self.parts_of_leading(leading, STANDING | {"advisory-agency"})
                if not self.sources(upo, "sends-documents") & senders:
                    yield upo

    def meeting_invitations(self):
        for upo in self.of_kind(UPO):
            leading = self.leading(upo)
            if not leading:
                continue
            standing = self.parts_of_leading(leading, STANDING)
            invitees = self.parts_of_kind(upo, {"party-secretary"}) | self.parts_of_kind(
                self.unit_of(upo), {"unit-head"})
            if any(not self.sources(x, "invites") & standing for x in invitees):
                yield upo

    def reports_to_standing_body(self):
        for upo in self.of_kind(UPO):
            leading = self.leading(upo)
            if leading and not {"regular", "extraordinary"} <= self.pooled(
                    upo, self.parts_of_leading(leading, STANDING)):
                yield upo

    # --- §2 --------------------------------------------------------------------------

    def directed_by_authority(self):
        book = self.book
        for upo in self.of_kind(UPO):
            unit = self.unit_of(upo)
            pcs = self.peoples_committees(unit) if unit else NOBODY
            if not pcs:
                continue
            directors = self.sources(upo, "directs")
            if any(self.level[p] == "provincial" for p in pcs) and not any(
                    self.kind[d] == book.provincial_director and self.level[d] == "provincial"
                    for d in directors):
                yield upo
                continue
            lower = {p for p in pcs if self.level[p] == book.lower_level}
            if lower and not directors & lower:
                yield upo

    def documents_reach_unit(self):
        for upo in self.of_kind(UPO):
            unit = self.unit_of(upo)
            managers = self.sources(unit, "manages") if unit else NOBODY
            if not managers:
                continue
            pcs = self.peoples_committees(unit)
            senders = managers | pcs | {c for p in pcs for c in self.sources(p, "leads")
                                        if self.kind[c] in self.book.pc_leaders}
            if not self.sources(upo, "sends-documents") & senders:
                yield upo

    # --- §3 --------------------------------------------------------------------------

    def single_immediate_superior(self):
        for upo in self.of_kind(UPO):
            if len(self.sources(upo, "superior-of")) != 1:
                yield upo

    def commune_not_superior(self):
        for upo in self.of_kind(UPO):
            superior = self.superior(upo)
            if superior is not None and self.kind[superior] == "commune-party-committee":
                yield upo

    def periodic_report_to_superior(self):
        for upo in self.of_kind(UPO):
            superior = self.superior(upo)
            if superior is not None and not {"6-months", "1-year"} <= self.reported.get(
                    (upo, superior), NOBODY):
                yield upo

    def superior_at_unit_level(self):
        provincial_kinds = {AUTHORITY, "party-agencies-committee", "superior-party-committee"}
        for upo in self.of_kind(UPO):
            level = self.unit_level(upo)
            superior = self.superior(upo) if level in ("provincial", "commune") else None
            if superior is None:
                continue
            kind = self.kind[superior]
            if level == "provincial":
                ok = kind in ("provincial-party-committee", "commune-party-committee") or (
                    kind in provincial_kinds and self.level[superior] == "provincial")
            else:
                ok = kind == "commune-party-committee" and superior in self.sources(upo, "leads")
            if not ok:
                yield upo

    # --- §4 --------------------------------------------------------------------------

    def coordination_with_leaders(self):
        for upo in self.of_kind(UPO):
            unit = self.unit_of(upo)
            if unit:
                joined = self.targets(upo, "coordinates-with") | self.sources(
                    upo, "coordinates-with")
                if not self.leaders(unit) <= joined:
                    yield upo

    def party_informs_leaders(self):
        for upo in self.of_kind(UPO):
            unit = self.unit_of(upo)
            if unit and not self.leaders(unit) <= self.targets(upo, "informs"):
                yield upo

    def leaders_report_to_party(self):
        for leader, unit in self.asked_leaders():
            if not {"6-months", "1-year", "congress"} <= self.pooled(leader, self.upos(unit)):
                yield leader

    def leaders_accountable(self):
        for secretary in self.by_kind.get("party-secretary", ()):
            upos = self.wholes_of_kind(secretary, UPO)
            if upos and not self.targets(secretary, "accountable-to") & upos:
                yield secretary
        for leader, unit in self.asked_leaders():
            if not self.targets(leader, "accountable-to") & self.upos(unit):
                yield leader

    def escalation_path(self):
        party = self.reaching(ABOVE | STANDING)
        for upo in self.of_kind(UPO):
            if upo not in party:
                yield upo
        state = self.reaching({"managing-agency", PC})
        for leader, _ in self.asked_leaders():
            if leader not in state:
                yield leader

    # --- §5 --------------------------------------------------------------------------

    def local_liaison(self):
        for upo in self.of_kind(UPO):
            located = self.located.get(upo, NOBODY)
            committees = {n for n in located if self.kind[n] in TERRITORIAL}
            authorities = {n for n in located if self.kind[n] == PC}
            if not committees or not authorities:
                yield upo
                continue
            theirs = {pc for c in committees for pc in self.targets(c, "leads")
                      if self.kind[pc] == PC}
            if theirs and not authorities & theirs:
                yield upo

    # --- structure ---------------------------------------------------------------------

    def _exactly_one(self, wholes, part_kinds):
        for whole in self.of_kind(wholes):
            if len(self.parts_of_kind(whole, part_kinds)) != 1:
                yield whole

    def unit_has_one_head(self):
        return self._exactly_one({PSU}, {"unit-head"})

    def unit_party_organization(self):
        return self._exactly_one({PSU}, UPO | {"subordinate-cell"})

    def board_has_one_chair(self):
        return self._exactly_one(BOARD, {"board-chair"})

    def inside(self, node, units):
        """Whether node is part of one of `units` at any depth."""
        seen, stack = set(), [node]
        while stack:
            n = stack.pop()
            for w in self.wholes.get(n, ()):
                if w in units:
                    return True
                if w not in seen:
                    seen.add(w)
                    stack.append(w)
        return False

    def attached_cell_led(self):
        for cell in self.by_kind.get("subordinate-cell", ()):
            units = self.wholes_of_kind(cell, {PSU})
            if not units:
                continue  # not an attached cell
            outside = {c for c in self.sources(cell, "leads")
                       if self.kind[c] in PARTY_COMMITTEE and not self.inside(c, units)}
            if len(outside) != 1:
                yield cell

    def territorial_nesting(self):
        for kind, allowed in self.book.nesting.items():
            for committee in self.by_kind.get(kind, ()):
                if sum(self.kind[c] in allowed for c in self.sources(committee, "leads")) != 1:
                    yield committee

    # --- 125-QD/TW-2025 ---------------------------------------------------------------

    def no_district_level(self):
        yield from self.by_kind.get("district-party-committee", ())
        for n in self.of_kind({PC, PSU, "superior-party-committee"}):
            if self.level[n] == "district":
                yield n
        for n in self.by_kind.get("managing-agency", ()):
            if any(self.level[w] == "district" for w in self.wholes_of_kind(n, {PC})):
                yield n

    def no_ended_bodies(self):
        yield from self.by_kind.get("bloc-party-committee", ())
        for n in self.by_kind.get(CADRES, ()):
            if self.level[n] == "provincial":
                yield n

    def run(self):
        """All findings, as (rule id, node id) pairs sorted by rule then node."""
        findings = []
        for rule in self.book.rules:
            check = getattr(self, rule.replace("-", "_"))
            findings.extend((rule, node) for node in check())
        return sorted(findings)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="organization file (.yaml, .yml or .json)")
    parser.add_argument("--rulebook", choices=RULEBOOKS,
                        help="the built-in rulebook; default: the file's, else 125-QD/TW")
    parser.add_argument("--json", action="store_true", help="print findings as a JSON array")
    parser.add_argument("--time", action="store_true",
                        help="print load and audit seconds to stderr")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        graph, edges, suppressed, named = load(args.file)
    except LoadError as error:
        print(f"{args.file}: error: {error}", file=sys.stderr)
        return 2
    loaded = time.perf_counter()
    rulebook_id = args.rulebook or (named if named in RULEBOOKS else RULEBOOKS[0])
    found = Audit(graph, edges, Rulebook(rulebook_id)).run()
    findings = [f for f in found if f not in suppressed]
    hidden = set(found) & suppressed
    findings = sorted(findings + [("unused-suppression", node) for rule, node in suppressed
                                  if (rule, node) not in hidden])
    audited = time.perf_counter()
    if args.time:
        print(f"load {loaded - started:.3f}s\naudit {audited - loaded:.3f}s", file=sys.stderr)

    if args.json:
        print(json.dumps([{"rule": rule, "node": node} for rule, node in findings],
                         ensure_ascii=False))
    else:
        for rule, node in findings:
            print(rule, node)
        print(f"{len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
