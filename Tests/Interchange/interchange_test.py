#!/usr/bin/env python3
"""The exports read back by the tools they are for.

For each organization (every example that loads, a generated organization of each structure,
and the hostile-names fixture), `orggraph convert --to json` says what the file holds; then

- networkx reads the GraphML (plain and with yEd's graphics) and the node-link JSON back,
- igraph reads the GraphML (plain and with yEd's graphics) back,

node for node and edge for edge with the same attributes; and the Mermaid flowchart (plain and
fenced for Markdown) passes a checker that reads every statement against the few shapes the
writer makes, proves that no label leaves its quotes or holds a character outside the safe set,
and that every label, decoded, is the name (or the relation) it stands for.

Prints one line per check and `interchange: N passed, N failed`; exits 1 when a check failed.
"""

import argparse
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
import unicodedata
import warnings

import igraph
import networkx
from networkx.readwrite import json_graph

# networkx adds these to a node whose GraphML data holds yEd's ShapeNode; nothing else.
YED_NODE_EXTRAS = {"label", "shape_type", "x", "y"}
# networkx's own graph attributes after read_graphml.
NETWORKX_GRAPH_DEFAULTS = {"node_default", "edge_default"}

NODE_FIELDS = ["kind", "name", "level", "sector", "part-of", "note"]
EDGE_FIELDS = ["type", "period", "basis", "note"]


class Organization:
    """What `orggraph convert --to json` says a file holds, with the edges the exports make."""

    def __init__(self, data):
        self.data = data
        self.nodes = data["nodes"]
        self.edges = []  # (key, source, target, fields)
        for index, relation in enumerate(data["relations"]):
            fields = {k: v for k, v in relation.items() if k not in ("from", "to")}
            self.edges.append((f"r{index}", relation["from"], relation["to"], fields))
        for index, node in enumerate(self.nodes):
            if "part-of" in node:
                self.edges.append((f"p{index}", node["id"], node["part-of"], {"type": "part-of"}))

    def graph_attributes(self):
        return {k: self.data[k] for k in ("title", "rulebook") if k in self.data}


# MARK: GraphML


def xml_text(text):
    """A string as the GraphML export writes it: XML 1.0's forbidden characters replaced."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 and ch not in "\t\n\r":
            out.append(chr(0x2400 + code))
        elif code in (0xFFFE, 0xFFFF):
            out.append("\uFFFD")
        else:
            out.append(ch)
    return "".join(out)


def flat_node(node):
    """A node's fields as GraphML keys: `attr:KEY` for each attribute."""
    result = {f: xml_text(node[f]) for f in NODE_FIELDS if f in node}
    for key, value in node.get("attributes", {}).items():
        result[xml_text("attr:" + key)] = xml_text(value)
    return result


def flat_edge(fields):
    result = {}
    for f in EDGE_FIELDS:
        if f in fields:
            value = fields[f]
            result[f] = xml_text("|".join(value) if isinstance(value, list) else value)
    for key, value in fields.get("attributes", {}).items():
        result[xml_text("attr:" + key)] = xml_text(value)
    return result


def check_networkx_graphml(org, path, yed):
    graph = networkx.read_graphml(path, force_multigraph=True)
    problems = []
    if not graph.is_directed() or not graph.is_multigraph():
        problems.append("not a directed multigraph")
    graph_attributes = {k: v for k, v in graph.graph.items() if k not in NETWORKX_GRAPH_DEFAULTS}
    expected_graph = {k: xml_text(v) for k, v in org.graph_attributes().items()}
    if graph_attributes != expected_graph:
        problems.append(f"graph attributes {graph_attributes!r} != {expected_graph!r}")
    ids = [xml_text(n["id"]) for n in org.nodes]
    if list(graph.nodes) != ids:
        problems.append(f"nodes {list(graph.nodes)[:5]}... != {ids[:5]}...")
    for node in org.nodes:
        nid = xml_text(node["id"])
        if nid not in graph.nodes:
            continue
        got = dict(graph.nodes[nid])
        if yed:
            extras = set(got) - set(flat_node(node))
            if not extras <= YED_NODE_EXTRAS:
                problems.append(f"node {nid!r}: unexpected yEd attributes {extras - YED_NODE_EXTRAS}")
            got = {k: v for k, v in got.items() if k not in YED_NODE_EXTRAS or k in flat_node(node)}
        if got != flat_node(node):
            problems.append(f"node {nid!r}: {got!r} != {flat_node(node)!r}")
    got_edges = sorted(
        (k, u, v, tuple(sorted(d.items()))) for u, v, k, d in graph.edges(keys=True, data=True)
    )
    expected_edges = sorted(
        (k, xml_text(u), xml_text(v), tuple(sorted(flat_edge(f).items()))) for k, u, v, f in org.edges
    )
    if got_edges != expected_edges:
        missing = [e for e in expected_edges if e not in got_edges][:3]
        extra = [e for e in got_edges if e not in expected_edges][:3]
        problems.append(f"edges differ: missing {missing!r}, extra {extra!r}")
    return problems


def igraph_key(name):
    """An attribute name as igraph reads it from `attr.name`: libxml2's SAX reader, which igraph
    uses, hands over an `&` in an XML attribute as `&#38;` (every other character as written)."""
    return name.replace("&", "&#38;")


def check_igraph_graphml(org, path):
    graph = igraph.Graph.Read_GraphML(path)
    problems = []
    if not graph.is_directed():
        problems.append("not directed")
    expected_graph = {k: xml_text(v) for k, v in org.graph_attributes().items()}
    got_graph = {k: graph[k] for k in graph.attributes() if graph[k] not in (None, "")}
    if got_graph != expected_graph:
        problems.append(f"graph attributes {got_graph!r} != {expected_graph!r}")
    ids = [xml_text(n["id"]) for n in org.nodes]
    if graph.vcount() != len(ids) or graph.vs["id"] != ids:
        problems.append(f"{graph.vcount()} vertices, ids differ from the file's")
        return problems
    # igraph keeps every key of the file for every vertex, "" where a node has no value.
    vertex_keys = set(graph.vs.attributes()) - {"id"}
    for vertex, node in zip(graph.vs, org.nodes):
        expected = {igraph_key(k): v for k, v in flat_node(node).items()}
        got = {k: vertex[k] for k in vertex_keys if vertex[k] not in (None, "") or k in expected}
        if got != expected:
            problems.append(f"vertex {node['id']!r}: {got!r} != {expected!r}")
    if graph.ecount() != len(org.edges):
        problems.append(f"{graph.ecount()} edges != {len(org.edges)}")
        return problems
    # The order of the file; igraph's own edge "id" attribute is not read (igraph 1.0 fills it
    # with vertex ids), the ends and the attributes are.
    edge_keys = set(graph.es.attributes()) - {"id"}
    for edge, (key, source, target, fields) in zip(graph.es, org.edges):
        ends = (graph.vs[edge.source]["id"], graph.vs[edge.target]["id"])
        if ends != (xml_text(source), xml_text(target)):
            problems.append(f"edge {key}: ends {ends!r} != {(source, target)!r}")
        expected = {igraph_key(k): v for k, v in flat_edge(fields).items()}
        got = {k: edge[k] for k in edge_keys if edge[k] not in (None, "") or k in expected}
        if got != expected:
            problems.append(f"edge {key}: {got!r} != {expected!r}")
    return problems


# MARK: node-link


def node_link_graph(data):
    """networkx's reader, told the list is named `links` (3.4 and later default to `edges`)."""
    parameters = inspect.signature(json_graph.node_link_graph).parameters
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        if "edges" in parameters:
            return json_graph.node_link_graph(data, edges="links")
        return json_graph.node_link_graph(data)


def check_node_link(org, path):
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    problems = []
    if set(data) != {"directed", "multigraph", "graph", "nodes", "links"}:
        problems.append(f"top-level keys {sorted(data)}")
    graph = node_link_graph(data)
    if not graph.is_directed() or not graph.is_multigraph():
        problems.append("not a directed multigraph")
    if graph.graph != org.graph_attributes():
        problems.append(f"graph {graph.graph!r} != {org.graph_attributes()!r}")
    if list(graph.nodes) != [n["id"] for n in org.nodes]:
        problems.append("node ids differ")
    for node in org.nodes:
        expected = {k: v for k, v in node.items() if k != "id"}
        if node["id"] in graph.nodes and dict(graph.nodes[node["id"]]) != expected:
            problems.append(f"node {node['id']!r}: {dict(graph.nodes[node['id']])!r} != {expected!r}")
    got = sorted((k, u, v, json.dumps(d, sort_keys=True)) for u, v, k, d in graph.edges(keys=True, data=True))
    expected = sorted((k, u, v, json.dumps(f, sort_keys=True)) for k, u, v, f in org.edges)
    if got != expected:
        missing = [e for e in expected if e not in got][:3]
        extra = [e for e in got if e not in expected][:3]
        problems.append(f"edges differ: missing {missing!r}, extra {extra!r}")
    # d3 reads the same ids: every link's ends are node ids.
    ids = {n["id"] for n in data["nodes"]}
    if any(link["source"] not in ids or link["target"] not in ids for link in data["links"]):
        problems.append("a link names a node that is not in nodes")
    return problems


# MARK: Mermaid

SAFE_PUNCTUATION = set(" -.,_()")
SAFE_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd"}
LABEL = r'"((?:[^"#]|#quot;|#\d+;)*)"'
ID = r"n(\d+)"
STYLE = r"[A-Za-z0-9#:,.\- ]+"
ARROWS = {"-->", "==>", "-.->", "-.-", "--o"}
STATEMENTS = [
    ("header", re.compile(r"flowchart TB")),
    ("classDef", re.compile(r"classDef ([a-z_]+) (" + STYLE + ")")),
    ("node", re.compile(ID + r'(\(|\[|\(\[)' + LABEL + r'(\)|\]|\]\))')),
    ("subgraph", re.compile(r"subgraph " + ID + r" \[" + LABEL + r"\]")),
    ("end", re.compile(r"end")),
    ("link", re.compile(ID + r" (-->|==>|-\.->|-\.-|--o)\|" + LABEL + r"\| " + ID)),
    ("linkStyle", re.compile(r"linkStyle (\d+(?:,\d+)*) (" + STYLE + ")")),
    ("class", re.compile(r"class (n\d+(?:,n\d+)*) ([a-z_]+)")),
    ("style", re.compile(r"style " + ID + " (" + STYLE + ")")),
]
SHAPES = {("(", ")"), ("[", "]"), ("([", "])")}


def decode(label):
    """A label's text as Mermaid draws it, after checking every raw character is safe."""
    out = []
    position = 0
    while position < len(label):
        ch = label[position]
        if ch == "#":
            match = re.compile(r"#(quot|\d+);").match(label, position)
            if not match:
                raise ValueError(f"a # that is no entity code in {label!r}")
            out.append('"' if match.group(1) == "quot" else chr(int(match.group(1))))
            position = match.end()
            continue
        if ch not in SAFE_PUNCTUATION and unicodedata.category(ch) not in SAFE_CATEGORIES:
            raise ValueError(f"unsafe character {ch!r} left in {label!r}")
        out.append(ch)
        position += 1
    text = "".join(out)
    if label.startswith(" ") or label.endswith(" "):
        raise ValueError(f"a space at the end of {label!r} that Mermaid would trim")
    return text


def link_label(fields):
    details = list(fields.get("period", []))
    if "basis" in fields:
        details.append(fields["basis"])
    return fields["type"] + (" (" + ", ".join(details) + ")" if details else "")


def check_mermaid(org, text):
    problems = []
    declared = {}  # node index -> label
    subgraphs = {}  # unit index -> member indices
    current = None
    links = []
    for number, line in enumerate(text.split("\n"), 1):
        if line == "":
            if number != len(text.split("\n")):
                problems.append(f"line {number}: empty line")
            continue
        statement = line.strip()
        for kind, pattern in STATEMENTS:
            match = pattern.fullmatch(statement)
            if match:
                break
        else:
            problems.append(f"line {number}: not a statement the writer makes: {line!r}")
            continue
        try:
            if kind == "node":
                index, shape, label = int(match.group(1)), (match.group(2), match.group(4)), match.group(3)
                if shape not in SHAPES:
                    problems.append(f"line {number}: mismatched brackets {shape}")
                if index in declared:
                    problems.append(f"line {number}: n{index} declared twice")
                declared[index] = decode(label)
                if current is not None:
                    subgraphs[current].append(index)
            elif kind == "subgraph":
                if current is not None:
                    problems.append(f"line {number}: a subgraph inside a subgraph")
                current = int(match.group(1))
                declared[current] = decode(match.group(2))
                subgraphs[current] = []
            elif kind == "end":
                current = None
            elif kind == "link":
                links.append((int(match.group(1)), match.group(2), decode(match.group(3)), int(match.group(4))))
        except ValueError as error:
            problems.append(f"line {number}: {error}")
    if current is not None:
        problems.append("a subgraph is not closed")
    # Every node once, with its name (its id when the name is missing or empty).
    for index, node in enumerate(org.nodes):
        expected = node.get("name") or node["id"]
        if declared.get(index) != expected:
            problems.append(f"n{index} ({node['id']!r}): label {declared.get(index)!r} != {expected!r}")
    if set(declared) != set(range(len(org.nodes))):
        problems.append("declared nodes are not exactly the file's nodes")
    # Every edge once, but a part-of to the unit whose subgraph holds the node.
    position = {node["id"]: index for index, node in enumerate(org.nodes)}
    frame = {member: unit for unit, members in subgraphs.items() for member in members}
    expected_links = []
    for _, source, target, fields in org.edges:
        a, b = position[source], position[target]
        if fields["type"] == "part-of" and frame.get(a) == b:
            continue
        expected_links.append((a, b, link_label(fields)))
    got_links = [(a, b, label) for a, _, label, b in links]
    if sorted(got_links) != sorted(expected_links):
        problems.append(f"links differ: {sorted(set(got_links) ^ set(expected_links))[:3]!r}")
    return problems


# MARK: Running


def run(orggraph, arguments):
    result = subprocess.run([orggraph] + arguments, capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"orggraph {' '.join(arguments)} exited {result.returncode}: {result.stderr.decode()}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--orggraph", required=True)
    parser.add_argument("--out", default=".build/interchange-test")
    options = parser.parse_args()
    os.makedirs(options.out, exist_ok=True)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    cases = []
    for folder, _, names in sorted(os.walk(os.path.join(root, "Examples"))):
        for name in sorted(names):
            if name.endswith(".yaml"):
                path = os.path.join(folder, name)
                if subprocess.run([options.orggraph, "convert", path, "--to", "json"], capture_output=True).returncode == 0:
                    cases.append((os.path.relpath(path, root), path))
    for structure in ("three-tier", "two-tier"):
        path = os.path.join(options.out, f"generated-{structure}.yaml")
        run(options.orggraph, [
            "generate", "--provinces", "1", "--structure", structure, "--districts", "2", "--communes", "3",
            "--provincial-units", "3", "--district-units", "2", "--seed", "7", "-o", path,
        ])
        cases.append((f"generated {structure}", path))
    cases.append(("hostile names", os.path.join(root, "Tests", "Interchange", "hostile-names.yaml")))

    passed = failed = 0
    for name, path in cases:
        stem = os.path.join(options.out, re.sub(r"[^A-Za-z0-9]+", "-", name))
        checks = []
        try:
            org = Organization(json.loads(run(options.orggraph, ["convert", path, "--to", "json"])))
            graphml, yed, node_link = stem + ".graphml", stem + "-yed.graphml", stem + "-node-link.json"
            run(options.orggraph, ["convert", path, "--to", "graphml", "-o", graphml])
            run(options.orggraph, ["convert", path, "--to", "graphml", "--yed", "-o", yed])
            run(options.orggraph, ["convert", path, "--to", "node-link", "-o", node_link])
            mermaid = run(options.orggraph, ["convert", path, "--to", "mermaid"]).decode("utf-8")
            run(options.orggraph, ["convert", path, "-o", stem + ".md"])
            with open(stem + ".md", encoding="utf-8") as file:
                markdown = file.read()
            checks = [
                ("networkx reads the GraphML", lambda: check_networkx_graphml(org, graphml, yed=False)),
                ("networkx reads the yEd GraphML", lambda: check_networkx_graphml(org, yed, yed=True)),
                ("igraph reads the GraphML", lambda: check_igraph_graphml(org, graphml)),
                ("igraph reads the yEd GraphML", lambda: check_igraph_graphml(org, yed)),
                ("networkx reads the node-link JSON", lambda: check_node_link(org, node_link)),
                ("the Mermaid labels stay in their quotes", lambda: check_mermaid(org, mermaid)),
                ("the Markdown holds the same flowchart",
                 lambda: [] if markdown == "```mermaid\n" + mermaid + "```\n" else ["the fenced block differs"]),
            ]
        except Exception as error:  # a command that failed is a failed case
            print(f"FAIL {name}: {error}")
            failed += 1
            continue
        for title, check in checks:
            try:
                problems = check()
            except Exception:
                problems = [traceback.format_exc()]
            if problems:
                failed += 1
                print(f"FAIL {name}: {title}")
                for problem in problems[:10]:
                    print(f"     {problem}")
            else:
                passed += 1
                print(f"ok   {name}: {title}")
    print(f"interchange: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
