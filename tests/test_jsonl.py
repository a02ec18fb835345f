"""JSON Lines splitting: records holding Unicode line separators stay whole."""

import json

from tutor.eval.common import read_records
from tutor.jsonl import jsonl_lines


def test_unicode_separators_inside_a_record_do_not_split_it(tmp_path):
    rows = [{"text": "first\u2028second\u0085third"}, {"text": "plain"}]
    text = "\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    assert [json.loads(line) for line in jsonl_lines(text) if line.strip()] == rows
    path = tmp_path / "rows.jsonl"
    path.write_text(text, encoding="utf-8")
    assert read_records(path) == rows
