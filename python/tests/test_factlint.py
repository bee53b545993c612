"""The Python package as its users call it: claims of a text, findings on records held in
memory, bad records, configuration, and calls from several threads at once."""

import datetime
import json
import sys
import threading

import pytest

import factlint
from factlint import engine

REPORT = (
    "市卫健委通报，五年来财政累计投入资金1.4万亿元，扶持1172家县级医院，"
    "并组织1007家城市三级医院开展对口帮扶，覆盖832个县。"
)
REWRITE = REPORT.replace("市卫健委通报", "据市卫健委通报").replace("1007家", "1070家")
PARAGRAPH = "有关方面表示，下一步将继续完善配套措施，推动各项政策尽快落到实处。"


def brief(i):
    return f"第{i}号简报：当日最高气温{10 + i % 20}摄氏度，空气质量良，东南风{i % 5 + 1}级。"


def test_extract_gives_claims_with_values_units_and_record_positions():
    claims = factlint.extract(REPORT)
    assert [c["text"] for c in claims] == ["五年", "1.4万亿元", "1172家", "1007家", "832个"]
    money = claims[1]
    assert money["value"] == 1.4e12
    assert money["dimension"] == "currency"
    assert money["unit"] == "CNY"
    assert money["within"] == "record"
    assert money["doc"] == "<text>"
    text = REPORT.encode()[money["byte_start"] : money["byte_end"]].decode()
    assert text == "1.4万亿元"
    assert factlint.extract("no figures here") == []


def test_check_finds_a_changed_figure_between_records():
    linter = factlint.Linter()
    records = [
        {"id": "a", "date": "2024-05-20", "text": REPORT},
        {"id": "b", "date": datetime.date(2024, 5, 21), "text": REWRITE},
    ]
    findings = linter.check(records, name="batch")
    contradictions = [f for f in findings if f["rule"] == "numeric-contradiction"]
    assert len(contradictions) == 1, findings
    found = contradictions[0]
    assert found["doc"] == "batch#b"
    assert found["severity"] == "error"
    assert REWRITE.encode()[found["byte_start"] : found["byte_end"]].decode() == "1070家"
    assert found["related"][0]["doc"] == "batch#a"


def test_records_may_come_from_any_iterable_and_ids_may_be_integers():
    linter = factlint.Linter(select=["duplicate-paragraph"])
    rows = ({"id": n, "text": f"{brief(n)}\n\n{PARAGRAPH}\n\n{PARAGRAPH}"} for n in (7, 8))
    findings = linter.check(rows)
    assert [f["doc"] for f in findings] == ["<records>#7", "<records>#8"]
    assert all(f["rule"] == "duplicate-paragraph" for f in findings)


def test_a_bad_record_is_a_finding_and_the_rest_is_checked():
    linter = factlint.Linter(select=["duplicate-paragraph", "unreadable-input"])
    records = [
        "just a string",
        {"id": "t", "title": "no text"},
        {"id": "u", "text": 42},
        {"id": "ok", "text": f"{PARAGRAPH}\n\n{PARAGRAPH}"},
    ]
    findings = linter.check(records, name="feed")
    said = [(f["rule"], f["doc"], f["line"], f["message"]) for f in findings]
    assert said == [
        ("unreadable-input", "feed#1", 1, "record 1: not a record but a Python `str`"),
        (
            "unreadable-input",
            "feed#2",
            2,
            "record 2: no text field (text, content, body) holding a string (and 1 more records like it)",
        ),
        ("duplicate-paragraph", "feed#ok", 3, "paragraph repeated"),
    ]


def test_a_record_can_turn_rules_off():
    linter = factlint.Linter(select=["duplicate-paragraph"])
    text = f"{PARAGRAPH}\n\n{PARAGRAPH}"
    assert linter.check([{"text": text, "factlint_disable": True}]) == []
    assert linter.check([{"text": text, "factlint_disable": ["duplicate-paragraph"]}]) == []
    assert len(linter.check([{"text": text, "factlint_disable": "boilerplate"}])) == 1


def test_configuration_text_fields_and_refusals(tmp_path):
    config = tmp_path / "factlint.toml"
    config.write_text('text-fields = ["article"]\nselect = ["duplicate-paragraph"]\n')
    linter = factlint.Linter(config)
    findings = linter.check([{"article": f"{PARAGRAPH}\n\n{PARAGRAPH}"}])
    assert [f["rule"] for f in findings] == ["duplicate-paragraph"]

    with pytest.raises(ValueError, match="did you mean `numeric-contradiction`"):
        factlint.Linter(select=["numeric-contradictoin"])
    with pytest.raises(OSError, match="missing.toml"):
        factlint.Linter(tmp_path / "missing.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("selekt = []\n")
    with pytest.raises(OSError, match="selekt"):
        factlint.Linter(broken)


def batch(stories):
    """Two reports of each of `stories` events, the second with one figure changed."""
    records = []
    for i in range(stories):
        report = (
            f"第{i}号通报：全年投入资金{i + 2}.{i % 7}亿元，扶持{1000 + i}家企业，"
            f"新增岗位{20000 + 37 * i}个，覆盖{300 + i}个村。"
        )
        rewrite = report.replace(f"{1000 + i}家", f"{1000 + i + 90}家")
        records.append({"id": f"{i}a", "date": "2024-05-20", "text": report})
        records.append({"id": f"{i}b", "date": "2024-05-20", "text": rewrite})
    return records


def test_threads_calling_at_once_get_what_one_thread_gets():
    linter = factlint.Linter()
    records = batch(100)
    expected = linter.check(records)
    assert any(f["rule"] == "numeric-contradiction" for f in expected)
    results = [None] * 4

    def work(k):
        results[k] = linter.check(records)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_the_gil_is_released_while_rust_works():
    # With a long switch interval, a thread that holds the GIL keeps it until it lets go
    # of its own accord. `start()` returns once the new thread lets go of the GIL: while
    # it checks, if the GIL is released in Rust; only after it has finished, if not.
    linter = factlint.Linter()
    records = batch(2000)
    result = []
    old = sys.getswitchinterval()
    sys.setswitchinterval(30)
    try:
        worker = threading.Thread(target=lambda: result.append(linter.check(records)))
        worker.start()
        still_working = not result
        worker.join()
    finally:
        sys.setswitchinterval(old)
    assert still_working, "the main thread ran only after the check was over"
    assert result and any(f["rule"] == "numeric-contradiction" for f in result[0])


def test_the_engine_pieces_map_and_reduce_a_corpus(tmp_path):
    # Two reports of one event in two files: the map gives their rows, the link functions
    # link them, and the reduce over the two finds the changed figure.
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REWRITE, encoding="utf-8")
    linter = factlint.Linter(select=["numeric-contradiction"])
    pieces, unreadable = linter.plan([str(tmp_path)])
    assert len(pieces) == 2 and unreadable == []
    rows = []
    for piece in pieces:
        docs, findings = linter.map_piece(piece)
        assert findings == []
        rows.extend(docs)
    (a, b) = rows
    cap = engine.key_cap(len(rows))
    shared = sorted(set(a[1]) & set(b[1]))
    assert len(shared) >= 3
    df = [(k, 2) for k in shared]
    sides = []
    for row in rows:
        capable, distinctive = engine.document_link([(k, 2 if k in shared else 1) for k in row[1]], cap)
        assert capable
        sides.append((row[2], row[3], distinctive))
    weight = engine.pair_link(sides[0], sides[1], df, cap)
    assert weight is not None and weight >= 2
    found = linter.reduce("stories", [(a[0], a[8]), (b[0], b[8])], [(a[0], b[0], weight)], [])
    assert [json.loads(f[5])["rule"] for f in found] == ["numeric-contradiction"]
    assert found[0][0].endswith("b.txt")
    sarif = json.loads(linter.sarif([f[5] for f in found]))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "numeric-contradiction"
    assert linter.reduce("copies", [(a[0], a[8]), (b[0], b[8])], [], []) == []
    with pytest.raises(ValueError):
        linter.reduce("stories", [(1, b"not a body")], [], [])
