#!/usr/bin/env python3
"""Generates a large, realistic, clean organization in the file format of SPEC §1.

    python3 Scripts/bench/make_org.py --provinces 34 --districts 20 --communes 15 \\
        --provincial-units 300 --district-units 40 --seed 1 -o nationwide.json

A stand-in for `orggraph generate` in benchmarks, in the vocabulary v2 of SPEC §2 and the
three-tier years of rulebook `125-QD/TW`. Each province gets its party committee (standing
committee, standing board, organization board), a bloc party committee, the provincial
People's Committee with its departments, and the party cadres committee that the standing
committee leads and that leads the People's Committee; each district its party committee,
standing committee, People's Committee and offices; each commune its party committee and
People's Committee; each territorial committee leads the People's Committee of its place.
Every public service unit carries its party organization, secretary, head, sometimes a board
and its chair, cells, and every working relationship Regulation 125-QD/TW asks for, so the
reference audit (networkx_audit.py) finds nothing. The output depends only on the arguments.
Writes JSON or YAML by the extension of -o (`-` for JSON on standard output), one node or
relation per line; prints a one-line summary to stderr.
"""

import argparse
import json
import os
import random
import re
import sys
import time

SYLLABLES = ("Hà Tĩnh Quảng Bình Nam Định Thái Phú Yên Long An Giang Sơn Lâm Đồng Hưng Hải "
             "Ninh Thanh Hóa Tuyên Quang Lạng Cao Bằng Kiên Vĩnh Bắc Gia Lai Trà Vinh Sóc "
             "Trăng Bạc Liêu Tây Đông Hòa Xuân Lộc Phước Thạnh Mỹ Hiệp Tân Thuận Hương Cẩm "
             "Đức Trung Kỳ Diễn Nghĩa Lương Thiệu Triệu Thọ Hậu Lạc Văn Vũ Kim Châu Hội "
             "Điện Tiên Hoài Đại Cát Thắng Lợi Hồng Quế Khánh Phong Thủy Nhơn Mai Sa").split()
PEOPLE = ["Lê Quý Đôn", "Nguyễn Du", "Trần Phú", "Phan Bội Châu", "Nguyễn Trãi", "Lê Lợi",
          "Quang Trung", "Chu Văn An", "Trần Hưng Đạo", "Lý Thường Kiệt", "Hai Bà Trưng",
          "Phan Châu Trinh", "Huỳnh Thúc Kháng", "Võ Thị Sáu", "Nguyễn Thị Minh Khai",
          "Lê Hồng Phong", "Ngô Quyền", "Đinh Tiên Hoàng", "Hàm Nghi", "Tôn Đức Thắng",
          "Nguyễn Đình Chiểu", "Phan Đình Phùng", "Hoàng Hoa Thám", "Bùi Thị Xuân",
          "Mạc Đĩnh Chi", "Nguyễn Bỉnh Khiêm", "Lương Thế Vinh", "Nguyễn Khuyến", "Kim Đồng"]

# Province-wide departments: code -> (name, sector).
DEPARTMENTS = {"syt": ("Sở Y tế", "health"), "sgd": ("Sở Giáo dục và Đào tạo", "education"),
               "svh": ("Sở Văn hóa, Thể thao và Du lịch", "culture"),
               "skh": ("Sở Khoa học và Công nghệ", "science"),
               "snn": ("Sở Nông nghiệp và Phát triển nông thôn", "agriculture"),
               "sld": ("Sở Lao động - Thương binh và Xã hội", "labour")}
OFFICES = {"pgd": ("Phòng Giáo dục và Đào tạo", "education"), "pyt": ("Phòng Y tế", "health"),
           "pvh": ("Phòng Văn hóa và Thông tin", "culture")}
# Unit templates: (name pattern, sector, head title, manager code, board kind, big).
# {P} province, {D} district name, {N} a person, {d} "huyện X", {c} "xã Y", {C} commune name.
# Manager codes are departments/offices; "ubnd" is the People's Committee itself.
HB, SC = "management-board", "school-council"
PROVINCIAL_ONCE = [
    ("Bệnh viện Đa khoa tỉnh {P}", "health", "Giám đốc", "syt", HB, True),
    ("Bệnh viện Y học cổ truyền tỉnh {P}", "health", "Giám đốc", "syt", None, True),
    ("Bệnh viện Sản - Nhi tỉnh {P}", "health", "Giám đốc", "syt", HB, True),
    ("Bệnh viện Phổi tỉnh {P}", "health", "Giám đốc", "syt", None, True),
    ("Bệnh viện Tâm thần tỉnh {P}", "health", "Giám đốc", "syt", None, False),
    ("Trung tâm Kiểm soát bệnh tật tỉnh {P}", "health", "Giám đốc", "syt", None, True),
    ("Trung tâm Pháp y tỉnh {P}", "health", "Giám đốc", "syt", None, False),
    ("Trường Cao đẳng Y tế {P}", "education", "Hiệu trưởng", "syt", SC, True),
    ("Trường THPT Chuyên {P}", "education", "Hiệu trưởng", "sgd", SC, False),
    ("Trường Cao đẳng Kỹ thuật {P}", "education", "Hiệu trưởng", "sld", SC, True),
    ("Bảo tàng tỉnh {P}", "culture", "Giám đốc", "svh", None, False),
    ("Thư viện tỉnh {P}", "culture", "Giám đốc", "svh", None, False),
    ("Nhà hát Nghệ thuật truyền thống {P}", "culture", "Giám đốc", "svh", None, False),
    ("Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh {P}", "culture", "Giám đốc", "svh", None, False),
    ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh {P}", "science", "Giám đốc", "skh", None, False),
    ("Trung tâm Khuyến nông tỉnh {P}", "agriculture", "Giám đốc", "snn", None, True),
    ("Trung tâm Dịch vụ việc làm tỉnh {P}", "labour", "Giám đốc", "sld", None, False),
    ("Đài Phát thanh và Truyền hình {P}", "media", "Giám đốc", "ubnd", None, True),
]
PROVINCIAL_MANY = [  # (template, weight)
    (("Trường THPT {N}", "education", "Hiệu trưởng", "sgd", SC, True), 6),
    (("Trường THPT {D}", "education", "Hiệu trưởng", "sgd", SC, True), 4),
    (("Trường THPT Dân tộc nội trú {D}", "education", "Hiệu trưởng", "sgd", SC, False), 1),
    (("Trung tâm Giáo dục thường xuyên {D}", "education", "Giám đốc", "sgd", None, False), 1),
    (("Trung tâm Y tế {d}", "health", "Giám đốc", "syt", None, True), 2),
    (("Bệnh viện Đa khoa khu vực {D}", "health", "Giám đốc", "syt", HB, True), 1),
    (("Trung tâm Bảo trợ xã hội {D}", "labour", "Giám đốc", "sld", None, False), 1),
    (("Ban Quản lý rừng phòng hộ {D}", "agriculture", "Trưởng ban", "snn", None, False), 1),
]
DISTRICT_ONCE = [
    ("Trung tâm Văn hóa - Thể thao và Truyền thông {d}", "culture", "Giám đốc", "ubnd", None, False),
    ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {d}", "education", "Giám đốc", "pgd", None, False),
    ("Ban Quản lý dự án đầu tư xây dựng {d}", "construction", "Giám đốc", "ubnd", None, False),
    ("Trung tâm Dịch vụ nông nghiệp {d}", "agriculture", "Giám đốc", "ubnd", None, False),
    ("Phòng khám Đa khoa khu vực {C}", "health", "Trưởng phòng khám", "pyt", None, True),
]
DISTRICT_MANY = [
    (("Trường Mầm non {C}", "education", "Hiệu trưởng", "pgd", SC, False), 4),
    (("Trường Tiểu học {C}", "education", "Hiệu trưởng", "pgd", SC, False), 4),
    (("Trường THCS {C}", "education", "Hiệu trưởng", "pgd", SC, True), 3),
    (("Trường THCS {N}", "education", "Hiệu trưởng", "pgd", SC, True), 1),
    (("Trường Tiểu học và THCS {C}", "education", "Hiệu trưởng", "pgd", SC, False), 1),
]
CELLS = {"health": ["Khoa Nội", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi", "Khoa Cấp cứu",
                    "Khoa Dược", "Phòng Kế hoạch tổng hợp", "Phòng Hành chính quản trị"],
         "education": ["Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Khoa học tự nhiên",
                       "Tổ Khoa học xã hội", "Khoa Điều dưỡng", "Văn phòng"]}
GENERIC_CELLS = ["Phòng Tổ chức - Hành chính", "Phòng Nghiệp vụ", "Phòng Kế hoạch - Tài chính",
                 "Trạm Nghiệp vụ 1", "Trạm Nghiệp vụ 2"]

PLAIN = re.compile(r"[^\W\d_](?:[\w .\-]*[\w.])?|\d+-[a-z]+")
YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def yaml_scalar(value):
    if isinstance(value, list):
        return "[" + ", ".join(map(yaml_scalar, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{yaml_scalar(k)}: {yaml_scalar(v)}" for k, v in value.items()) + "}"
    if PLAIN.fullmatch(value) and value.lower() not in YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


class Org:
    """Collects nodes and relations as encoded lines, in order."""

    def __init__(self, yaml_out):
        self.yaml_out = yaml_out
        self.encode = json.JSONEncoder(ensure_ascii=False).encode
        self.nodes, self.relations = [], []

    def line(self, record):
        return yaml_scalar(record) if self.yaml_out else self.encode(record)

    def node(self, nid, kind, name, level=None, sector=None, part_of=None, **attributes):
        record = {"id": nid, "kind": kind, "name": name}
        for key, value in (("level", level), ("sector", sector), ("part-of", part_of)):
            if value is not None:
                record[key] = value
        if attributes:
            record["attributes"] = {k.replace("_", "-"): str(v) for k, v in attributes.items()}
        self.nodes.append(self.line(record))
        return nid

    def rel(self, rtype, source, target, period=None, basis=None):
        record = {"type": rtype, "from": source, "to": target}
        if period:
            record["period"] = period
        if basis:
            record["basis"] = basis
        self.relations.append(self.line(record))


def place_names(rng, count, used):
    """`count` distinct two-syllable place names not in `used` (which grows)."""
    names = []
    while len(names) < count:
        name = " ".join(rng.sample(SYLLABLES, 2))
        if name not in used:
            used.add(name)
            names.append(name)
    return names


def unique(name, seen):
    """The name, or the name with " số N" when it was already given in this scope."""
    seen[name] = seen.get(name, 0) + 1
    return name if seen[name] == 1 else f"{name} số {seen[name]}"


def make_unit(org, rng, uid, template, name, level, ctx, cell_odds):
    """One public service unit with its party organization and all its relationships.

    ctx: leader (territorial committee), standing (its standing bodies), superior and
    superior_standing (the immediate superior and the standing body escalated to),
    senders (extra document senders), managers (code -> (id, escalation target)),
    director (who `directs` the party organization: the provincial party cadres committee,
    or the district People's Committee), liaison ([(commune committee, commune People's
    Committee, basis)])."""
    _, sector, head_title, manager_code, board_kind, big = template
    has_cells = rng.random() < (cell_odds * (1.6 if big else 0.6))
    staff = rng.randint(80, 1200) if has_cells else rng.randint(12, 90)
    org.node(uid, "public-service-unit", name, level=level, sector=sector, staff=staff)
    kind, title = ("unit-party-committee", "Đảng ủy") if has_cells else ("grassroots-cell", "Chi bộ")
    upo = org.node(f"{uid}-upo", kind, f"{title} {name}", part_of=uid,
                   party_members=max(3, int(staff * rng.uniform(0.2, 0.6))))
    secretary = org.node(f"{uid}-sec", "party-secretary", f"Bí thư {title} {name}", part_of=upo)
    head = org.node(f"{uid}-head", "unit-head", f"{head_title} {name}", part_of=uid)
    leaders = [head]
    if board_kind and rng.random() < 0.5:
        board_name = "Hội đồng quản lý" if board_kind == HB else "Hội đồng trường"
        board = org.node(f"{uid}-board", board_kind, f"{board_name} {name}", part_of=uid)
        leaders.append(org.node(f"{uid}-chair", "board-chair", f"Chủ tịch {board_name}",
                                part_of=board))
    if has_cells:
        parents = [upo]
        if big and rng.random() < 0.15:  # a partial party committee with cells of its own
            part = org.node(f"{uid}-part1", "partial-party-committee", "Đảng ủy bộ phận Khối Chuyên môn",
                            part_of=upo)
            org.rel("leads", upo, part)
            org.rel("reports-to", part, upo, period=["6-months", "1-year"])
            parents.append(part)
        names = CELLS.get(sector, GENERIC_CELLS)
        for i, cell_name in enumerate(rng.sample(names, rng.randint(2, min(5, len(names)))), 1):
            parent = parents[i % len(parents)]
            cell = org.node(f"{uid}-cell{i}", "subordinate-cell", f"Chi bộ {cell_name}", part_of=parent)
            org.node(f"{cell}-sec", "party-secretary", f"Bí thư Chi bộ {cell_name}", part_of=cell)
            org.rel("leads", parent, cell)
            org.rel("reports-to", cell, parent, period=["6-months", "1-year"])

    manager, manager_escalation = ctx["managers"][manager_code]
    org.rel("manages", manager, uid)
    org.rel("leads", ctx["leader"], upo)
    org.rel("superior-of", ctx["superior"], upo)
    org.rel("directs", ctx["director"], upo)
    org.rel("reports-to", upo, ctx["standing"][0], period=["regular", "extraordinary"])
    org.rel("reports-to", upo, ctx["superior"],
            period=["6-months", "1-year"] + (["ad-hoc"] if rng.random() < 0.1 else []))
    for sender in dict.fromkeys([ctx["leader"], ctx["superior"], *ctx["senders"], manager]):
        org.rel("sends-documents", sender, upo)
    org.rel("invites", ctx["standing"][0], secretary)
    org.rel("invites", rng.choice(ctx["standing"]), head)
    for leader in leaders:
        org.rel("coordinates-with", upo, leader)
        org.rel("informs", upo, leader)
        org.rel("reports-to", leader, upo, period=["6-months", "1-year", "congress"])
        org.rel("accountable-to", leader, upo)
    org.rel("accountable-to", secretary, upo)
    org.rel("escalates-to", head, manager if rng.random() < 0.8 else manager_escalation)
    for chair in leaders[1:]:
        org.rel("escalates-to", chair, manager)
    org.rel("escalates-to", upo, ctx["superior_standing"])
    for committee, authority, basis in ctx["liaison"]:
        org.rel("liaises-with", upo, committee, basis=basis)
        org.rel("liaises-with", upo, authority, basis=basis)


def pick_template(rng, weighted):
    return rng.choices([t for t, _ in weighted], weights=[w for _, w in weighted])[0]


def liaison(rng, communes, home=None):
    """Location liaison with `home` (or a random commune), sometimes a residence one too."""
    first = home or rng.choice(communes)
    pairs = [(*first, "location")]
    if len(communes) > 1 and rng.random() < 0.25:
        other = rng.choice([c for c in communes if c != first])
        pairs.append((*other, "residence"))
    return pairs


def province(org, rng, args, p, pname, used_names):
    pid = f"p{p:02d}"
    org.node(pid, "provincial-party-committee", f"Tỉnh ủy {pname}", level="provincial")
    btv = org.node(f"{pid}-btv", "standing-committee", f"Ban Thường vụ Tỉnh ủy {pname}", part_of=pid)
    tt = org.node(f"{pid}-tt", "standing-board", f"Thường trực Tỉnh ủy {pname}", part_of=pid)
    btc = org.node(f"{pid}-btc", "advisory-agency", f"Ban Tổ chức Tỉnh ủy {pname}", part_of=pid)
    khoi = org.node(f"{pid}-khoi", "bloc-party-committee",
                    f"Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh {pname}", level="provincial")
    khoi_btv = org.node(f"{khoi}-btv", "standing-committee",
                        f"Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh {pname}", part_of=khoi)
    org.rel("leads", pid, khoi)
    ubnd = org.node(f"{pid}-ubnd", "peoples-committee", f"Ủy ban nhân dân tỉnh {pname}", level="provincial")
    org.rel("leads", pid, ubnd)
    bcs = org.node(f"{pid}-bcs", "party-cadres-committee", f"Ban cán sự đảng Ủy ban nhân dân tỉnh {pname}",
                   level="provincial")
    org.rel("leads", btv, bcs)
    org.rel("leads", bcs, ubnd)
    managers = {"ubnd": (ubnd, ubnd)}
    for code, (dname, sector) in DEPARTMENTS.items():
        managers[code] = (org.node(f"{pid}-{code}", "managing-agency", f"{dname} tỉnh {pname}",
                                   sector=sector, part_of=ubnd), ubnd)
        org.rel("escalates-to", f"{pid}-{code}", ubnd)

    districts = []  # (district name, "huyện X", [(committee, authority), ...])
    for d, dname in enumerate(place_names(rng, args.districts, {pname}), 1):
        did = f"{pid}-d{d:02d}"
        city = d == 1
        kind_name, committee_name, commune_word = (
            ("thành phố", "Thành ủy", "phường") if city else ("huyện", "Huyện ủy", "xã"))
        org.node(did, "district-party-committee", f"{committee_name} {dname}")
        org.rel("leads", pid, did)
        dbtv = org.node(f"{did}-btv", "standing-committee", f"Ban Thường vụ {committee_name} {dname}",
                        part_of=did)
        dubnd = org.node(f"{did}-ubnd", "peoples-committee", f"Ủy ban nhân dân {kind_name} {dname}",
                         level="district")
        org.rel("leads", did, dubnd)
        dmanagers = {"ubnd": (dubnd, dubnd)}
        for code, (oname, sector) in OFFICES.items():
            dmanagers[code] = (org.node(f"{did}-{code}", "managing-agency", f"{oname} {kind_name} {dname}",
                                        sector=sector, part_of=dubnd), dubnd)
        communes = []
        for c, cname in enumerate(place_names(rng, args.communes, {dname}), 1):
            cid = f"{did}-c{c:02d}"
            word = "thị trấn" if (c == 1 and not city) else commune_word
            cname = dname if word == "thị trấn" else cname
            org.node(cid, "commune-party-committee", f"Đảng ủy {word} {cname}")
            org.rel("leads", did, cid)
            cubnd = org.node(f"{cid}-ubnd", "peoples-committee", f"Ủy ban nhân dân {word} {cname}",
                             level="commune")
            org.rel("leads", cid, cubnd)
            communes.append((cid, cubnd, cname, f"{word} {cname}"))
        districts.append((dname, f"{kind_name} {dname}", communes))
        ctx = {"leader": did, "standing": [dbtv], "superior": did, "superior_standing": dbtv,
               "senders": [], "managers": dmanagers, "director": dubnd}
        seen = {}
        for u in range(1, args.district_units + 1):
            once = u <= len(DISTRICT_ONCE)
            template = DISTRICT_ONCE[u - 1] if once else pick_template(rng, DISTRICT_MANY)
            home = communes[0] if once else rng.choice(communes)
            name = unique(template[0].format(d=f"{kind_name} {dname}", C=home[2],
                                             N=rng.choice(PEOPLE)), seen)
            ctx["liaison"] = liaison(rng, [x[:2] for x in communes], home[:2])
            make_unit(org, rng, f"{did}-u{u:03d}", template, name, "district", ctx, cell_odds=0.15)

    capital = [x[:2] for x in districts[0][2]]
    seen = {}
    for u in range(1, args.provincial_units + 1):
        once = u <= len(PROVINCIAL_ONCE)
        template = PROVINCIAL_ONCE[u - 1] if once else pick_template(rng, PROVINCIAL_MANY)
        dname, dfull, _ = rng.choice(districts)
        name = unique(template[0].format(P=pname, D=dname, d=dfull, N=rng.choice(PEOPLE)), seen)
        bloc = rng.random() < 0.4
        ctx = {"leader": pid, "standing": [btv, tt], "superior": khoi if bloc else pid,
               "superior_standing": khoi_btv if bloc else btv, "senders": [btc], "managers": managers,
               "director": bcs, "liaison": liaison(rng, capital)}
        make_unit(org, rng, f"{pid}-u{u:04d}", template, name, "provincial", ctx, cell_odds=0.55)


def write(org, path, title):
    if org.yaml_out:
        parts = [f"orggraph: 1\ntitle: {yaml_scalar(title)}\nrulebook: 125-QD/TW\nnodes:\n",
                 "".join(f"  - {line}\n" for line in org.nodes), "relations:\n",
                 "".join(f"  - {line}\n" for line in org.relations)]
    else:
        parts = [f'{{"orggraph": 1, "title": {json.dumps(title, ensure_ascii=False)}, '
                 f'"rulebook": "125-QD/TW",\n"nodes": [\n', ",\n".join(org.nodes),
                 '\n],\n"relations": [\n', ",\n".join(org.relations), "\n]}\n"]
    data = "".join(parts).encode("utf-8")
    if path == "-":
        sys.stdout.buffer.write(data)
    else:
        temporary = f"{path}.tmp{os.getpid()}"
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)  # never a half-written file under the real name
    return len(data)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for option, default in (("provinces", 34), ("districts", 20), ("communes", 15),
                            ("provincial-units", 300), ("district-units", 40), ("seed", 1)):
        parser.add_argument(f"--{option}", type=int, default=default, metavar="N",
                            help=f"default {default}")
    parser.add_argument("-o", "--output", required=True, help=".json, .yaml or .yml; - for JSON on stdout")
    args = parser.parse_args(argv)
    if min(args.provinces, args.districts, args.communes) < 1 or \
            min(args.provincial_units, args.district_units) < 0:
        parser.error("--provinces, --districts and --communes must be at least 1; units at least 0")
    yaml_out = args.output.endswith((".yaml", ".yml"))
    if not yaml_out and args.output != "-" and not args.output.endswith(".json"):
        parser.error("the output must end in .json, .yaml or .yml")

    started = time.perf_counter()
    rng = random.Random(args.seed)
    org, used = Org(yaml_out), set()
    for p, pname in enumerate(place_names(rng, args.provinces, used), 1):
        province(org, rng, args, p, pname, used)
    title = f"Synthetic organization: {args.provinces} provinces (make_org.py, seed {args.seed})"
    size = write(org, args.output, title)
    print(f"make_org: {len(org.nodes)} nodes, {len(org.relations)} relations, {size} bytes "
          f"-> {args.output} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
