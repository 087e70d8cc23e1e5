#!/usr/bin/env python3
"""Reference implementation of the OrgGraph rule catalog, in Python with networkx.

Reads an organization file in the format of SPEC §1 (YAML or JSON), loads it into a
networkx MultiDiGraph (node attributes `kind`, `level`, ...; edge attributes `type`,
`period`, `basis`) and runs the 6 structural rules and the 15 Regulation 125-QD/TW
rules of SPEC §3, exactly as docs/SEMANTICS.md reads them. It is a second opinion on
the Swift implementation's findings and the baseline of its performance comparison.

    python3 Scripts/bench/networkx_audit.py FILE [--json] [--time]

Prints one "rule node" line per finding and a final "N findings" line, or with --json
an array of {"rule", "node"} sorted by (rule, node). Suppressions in the file remove
matching findings; one that removes nothing is itself a finding, `unused-suppression`, on
its node. --time prints the seconds spent loading and auditing to stderr.
Exit status: 0 no findings, 1 findings, 2 the file could not be loaded.

Counting readings shared with the Swift code: "exactly one X" counts distinct nodes
(the same relation written twice is duplicate-relation's finding, not a second X), and
a rule reports each subject node at most once, except relation-endpoints and
no-self-relation (one finding per relation), duplicate-relation (one per repeated
(type, from, to), however many copies), part-of-required (a kind that stands alone gets
one per body it is written part of) and acyclic-leadership (one per strongly connected
component).
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

# --- Vocabulary (SPEC §2) ---------------------------------------------------------

TERRITORIAL = {  # territorial committee kind -> its level
    "provincial-party-committee": "provincial",
    "district-party-committee": "district",
    "commune-party-committee": "commune",
}
COMMITTEE_OF_LEVEL = {level: kind for kind, level in TERRITORIAL.items()}
ABOVE = set(TERRITORIAL) | {"superior-party-committee"}   # above-grassroots committees
STANDING = {"standing-committee", "standing-board"}        # standing bodies
UPO = {"unit-party-committee", "grassroots-cell"}           # unit party organizations
LEADER = {"unit-head", "board-chair"}
BOARD = {"management-board", "school-council"}
PSU = "public-service-unit"
COMPETENT = ABOVE | STANDING | {"peoples-committee", "managing-agency"}
KINDS = ABOVE | STANDING | UPO | LEADER | BOARD | {
    "advisory-agency", "party-cadres-committee", "peoples-committee", "managing-agency",
    PSU, "partial-party-committee", "subordinate-cell", "party-secretary"}
LEVELS = {"provincial", "district", "commune"}
PERIODS = {"6-months", "1-year", "congress", "regular", "extraordinary", "ad-hoc"}
BASES = {"location", "residence"}

# relation type -> allowed (from kinds, to kinds) pairs; part-of is part-of-required's.
ENDPOINTS = {
    "leads": [(ABOVE, ABOVE | UPO),
              ({"unit-party-committee"}, {"partial-party-committee", "subordinate-cell"}),
              ({"partial-party-committee"}, {"subordinate-cell"})],
    "superior-of": [(ABOVE, UPO)],
    "sends-documents": [(ABOVE | STANDING | {"advisory-agency", "peoples-committee",
                                             "party-cadres-committee", "managing-agency"}, UPO)],
    "invites": [(STANDING, {"party-secretary", "unit-head"})],
    "reports-to": [(UPO, STANDING | ABOVE), (LEADER, UPO),
                   ({"partial-party-committee", "subordinate-cell"},
                    {"unit-party-committee", "partial-party-committee"})],
    "manages": [({"peoples-committee", "managing-agency"}, {PSU})],
    "coordinates-with": [(UPO, LEADER)],
    "informs": [(UPO, LEADER)],
    "escalates-to": [(UPO | LEADER | {"managing-agency"}, COMPETENT)],
    "accountable-to": [(LEADER | {"party-secretary"}, UPO)],
    "liaises-with": [(UPO, {"commune-party-committee", "peoples-committee"})],
}
RELATION_TYPES = set(ENDPOINTS) | {"part-of"}

# kind -> kinds it must be part of, exactly once; kinds not listed are part of nothing.
CONTAINER = {
    "standing-committee": ABOVE, "standing-board": ABOVE, "advisory-agency": ABOVE,
    "party-cadres-committee": {"peoples-committee"}, "managing-agency": {"peoples-committee"},
    "unit-party-committee": {PSU}, "grassroots-cell": {PSU}, "unit-head": {PSU},
    "management-board": {PSU}, "school-council": {PSU},
    "partial-party-committee": {"unit-party-committee"},
    "subordinate-cell": {"unit-party-committee", "partial-party-committee"},
    "party-secretary": UPO | {"partial-party-committee", "subordinate-cell"},
    "board-chair": BOARD,
}

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
    """Reads and checks an organization file; returns a MultiDiGraph and the suppressions."""
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
        graph.add_node(node["id"], order=i, **{k: v for k, v in node.items() if k != "id"})

    def known(node_id, where):
        if node_id not in graph:
            raise LoadError(f"{where}: no node with id '{node_id}'")
        return node_id

    for i, node in enumerate(nodes):
        if "part-of" in node:
            graph.add_edge(node["id"], known(node["part-of"], f"nodes[{i}]"),
                           type="part-of", period=frozenset(), shorthand=True)
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
        graph.add_edge(known(rel["from"], where), known(rel["to"], where), type=rel["type"],
                       period=frozenset(rel.get("period", ())), basis=rel.get("basis"))
    for i, sup in enumerate(suppressions):
        _record(sup, f"suppressions[{i}]", SUPPRESSION_FIELDS, ("rule", "node", "reason"))
        known(sup["node"], f"suppressions[{i}]")
    return graph, {(s["rule"], s["node"]) for s in suppressions}


# --- The audit (SPEC §3, docs/SEMANTICS.md) ----------------------------------------

class Audit:
    """The rule catalog over one graph; each rule method yields the subject node ids."""

    def __init__(self, graph):
        self.g = graph
        self.kind = dict(graph.nodes(data="kind"))
        self.parts = defaultdict(list)        # whole -> parts (part-of, both notations)
        self.wholes = defaultdict(set)        # part -> wholes
        for part, whole, etype in graph.edges(data="type"):
            if etype == "part-of":
                self.parts[whole].append(part)
                self.wholes[part].add(whole)

    # helpers
    def of_kind(self, kinds):
        return [n for n, k in self.kind.items() if k in kinds]

    def sources(self, node, etype):
        return {u for u, _, t in self.g.in_edges(node, data="type") if t == etype}

    def targets(self, node, etype):
        return {v for _, v, t in self.g.out_edges(node, data="type") if t == etype}

    def periods(self, node, etype, to):
        """Union of `period` over the `etype` relations from node to any node in `to`."""
        return set().union(*(d["period"] for _, v, d in self.g.out_edges(node, data=True)
                             if d["type"] == etype and v in to))

    def parts_of_kind(self, whole, kinds):
        return {p for p in self.parts.get(whole, ()) if self.kind[p] in kinds}

    def unit_of(self, node):
        units = [w for w in self.wholes.get(node, ()) if self.kind[w] == PSU]
        return units[0] if len(units) == 1 else None

    def leaders(self, unit):
        heads = self.parts_of_kind(unit, {"unit-head"})
        chairs = {c for b in self.parts_of_kind(unit, BOARD)
                  for c in self.parts_of_kind(b, {"board-chair"})}
        return heads, chairs

    def standing_bodies_of_leaders(self, upo):
        committees = self.sources(upo, "leads")
        return committees, {s for c in committees for s in self.parts_of_kind(c, STANDING)}

    # structural rules
    def relation_endpoints(self):
        for u, v, d in self.g.edges(data=True):
            etype = d["type"]
            if etype == "part-of":
                continue
            ku, kv = self.kind[u], self.kind[v]
            ok = any(ku in a and kv in b for a, b in ENDPOINTS[etype])
            if etype == "liaises-with" and kv == "peoples-committee":
                ok = ok and self.g.nodes[v].get("level") == "commune"
            if not ok:
                yield u

    def no_self_relation(self):
        for u, _ in nx.selfloop_edges(self.g):
            yield u

    def duplicate_relation(self):
        counts = Counter(self.g.edges(data="type"))
        for (u, _, _), count in counts.items():
            if count > 1:
                yield u

    def part_of_required(self):
        for n, k in self.kind.items():
            wholes = self.wholes.get(n, set())
            allowed = CONTAINER.get(k)
            if allowed is None:
                yield from [n] * len(wholes)  # stands alone: one finding per part-of to remove
            elif len(wholes) != 1 or self.kind[next(iter(wholes))] not in allowed:
                yield n

    def acyclic_leadership(self):
        top_down = nx.DiGraph()
        for u, v, etype in self.g.edges(data="type"):
            if u != v and etype in ("leads", "superior-of"):
                top_down.add_edge(u, v)
            elif u != v and etype == "part-of":
                top_down.add_edge(v, u)
        order = self.g.nodes(data="order")
        for component in nx.strongly_connected_components(top_down):
            if len(component) > 1:
                yield min(component, key=lambda n: order[n])

    def level_required(self):
        for n, d in self.g.nodes(data=True):
            k, level = d["kind"], d.get("level")
            if k in ("public-service-unit", "peoples-committee", "party-cadres-committee"):
                bad = level not in LEVELS
            elif k == "superior-party-committee":
                bad = level not in ("provincial", "district")
            else:
                bad = k in TERRITORIAL and level is not None and level != TERRITORIAL[k]
            if bad:
                yield n

    # Regulation 125-QD/TW
    def single_immediate_superior(self):
        for upo in self.of_kind(UPO):
            if len(self.sources(upo, "superior-of")) != 1:
                yield upo

    def leadership_at_unit_level(self):
        for upo in self.of_kind(UPO):
            unit = self.unit_of(upo)
            level = unit and self.g.nodes[unit].get("level")
            if level not in LEVELS:
                continue  # no unit, or a unit without a level: other rules report it
            leading = {self.kind[c] for c in self.sources(upo, "leads")}
            own = COMMITTEE_OF_LEVEL[level]
            if own not in leading or (leading & set(TERRITORIAL)) - {own}:
                yield upo

    def reports_to_standing_body(self):
        for upo in self.of_kind(UPO):
            committees, standing = self.standing_bodies_of_leaders(upo)
            if committees and not {"regular", "extraordinary"} <= self.periods(
                    upo, "reports-to", standing):
                yield upo

    def periodic_report_to_superior(self):
        for upo in self.of_kind(UPO):
            superiors = self.sources(upo, "superior-of")
            if superiors and not {"6-months", "1-year"} <= self.periods(
                    upo, "reports-to", superiors):
                yield upo

    def leaders_report_to_party(self):
        for unit in self.of_kind({PSU}):
            upos = self.parts_of_kind(unit, UPO)
            if not upos:
                continue
            heads, chairs = self.leaders(unit)
            for leader in sorted(heads | chairs):
                if not {"6-months", "1-year", "congress"} <= self.periods(
                        leader, "reports-to", upos):
                    yield leader

    def _reaches_leaders(self, etype):
        for upo in self.of_kind(UPO):
            unit = self.unit_of(upo)
            if unit:
                heads, chairs = self.leaders(unit)
                if not (heads | chairs) <= self.targets(upo, etype):
                    yield upo

    def coordination_with_leaders(self):
        return self._reaches_leaders("coordinates-with")

    def party_informs_leaders(self):
        return self._reaches_leaders("informs")

    def documents_reach_unit(self):
        """One sender among those of ANY manager is enough: the union over the managers."""
        for upo in self.of_kind(UPO):
            unit = self.unit_of(upo)
            if not unit:
                continue
            managers = self.sources(unit, "manages")
            if not managers:
                continue
            allowed = set()
            for manager in managers:
                if self.kind[manager] == "peoples-committee":
                    committees = {manager}
                else:
                    committees = {w for w in self.wholes.get(manager, ())
                                  if self.kind[w] == "peoples-committee"}
                allowed |= {manager} | committees | {
                    c for p in committees
                    for c in self.parts_of_kind(p, {"party-cadres-committee"})}
            if not self.sources(upo, "sends-documents") & allowed:
                yield upo

    def meeting_invitations(self):
        for upo in self.of_kind(UPO):
            committees, standing = self.standing_bodies_of_leaders(upo)
            if not committees:
                continue
            unit = self.unit_of(upo)
            invitees = self.parts_of_kind(upo, {"party-secretary"}) | (
                self.parts_of_kind(unit, {"unit-head"}) if unit else set())
            if any(not self.sources(x, "invites") & standing for x in invitees):
                yield upo

    def escalation_path(self):
        escalation = nx.DiGraph((u, v) for u, v, t in self.g.edges(data="type")
                                if t == "escalates-to")
        for n in self.of_kind(UPO | {"unit-head"}):
            if n not in escalation or not any(
                    self.kind[m] in COMPETENT
                    for m in nx.dfs_preorder_nodes(escalation, n) if m != n):
                yield n

    def local_liaison(self):
        for upo in self.of_kind(UPO):
            partners = self.targets(upo, "liaises-with")
            committee = any(self.kind[p] == "commune-party-committee" for p in partners)
            authority = any(self.kind[p] == "peoples-committee"
                            and self.g.nodes[p].get("level") == "commune" for p in partners)
            if not (committee and authority):
                yield upo

    def _exactly_one(self, wholes, part_kinds):
        for whole in self.of_kind(wholes):
            if len(self.parts_of_kind(whole, part_kinds)) != 1:
                yield whole

    def unit_has_one_head(self):
        return self._exactly_one({PSU}, {"unit-head"})

    def unit_party_organization(self):
        return self._exactly_one({PSU}, UPO)

    def board_has_one_chair(self):
        return self._exactly_one(BOARD, {"board-chair"})

    def territorial_nesting(self):
        leaders_by_kind = {"district-party-committee": {"provincial-party-committee"},
                           "commune-party-committee": {"district-party-committee",
                                                       "provincial-party-committee"}}
        for committee in self.of_kind(set(leaders_by_kind)):
            allowed = leaders_by_kind[self.kind[committee]]
            if len([c for c in self.sources(committee, "leads") if self.kind[c] in allowed]) != 1:
                yield committee

    RULES = ["relation-endpoints", "no-self-relation", "duplicate-relation", "part-of-required",
             "acyclic-leadership", "level-required",
             "single-immediate-superior", "leadership-at-unit-level", "reports-to-standing-body",
             "periodic-report-to-superior", "leaders-report-to-party", "coordination-with-leaders",
             "party-informs-leaders", "documents-reach-unit", "meeting-invitations",
             "escalation-path", "local-liaison", "unit-has-one-head", "unit-party-organization",
             "board-has-one-chair", "territorial-nesting"]

    def run(self):
        """All findings, as (rule id, node id) pairs sorted by rule then node."""
        findings = []
        for rule in self.RULES:
            check = getattr(self, rule.replace("-", "_"))
            findings.extend((rule, node) for node in check())
        return sorted(findings)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="organization file (.yaml, .yml or .json)")
    parser.add_argument("--json", action="store_true", help="print findings as a JSON array")
    parser.add_argument("--time", action="store_true",
                        help="print load and audit seconds to stderr")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        graph, suppressed = load(args.file)
    except LoadError as error:
        print(f"{args.file}: error: {error}", file=sys.stderr)
        return 2
    loaded = time.perf_counter()
    found = Audit(graph).run()
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
