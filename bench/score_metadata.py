#!/usr/bin/env python3
"""Metadata accuracy against WCXB gold: title, author, publish_date.

usage: score_metadata.py GROUND_TRUTH_DIR PRED.jsonl
PRED.jsonl: one {"key", "title", "author", "published"} per page (extract_bench --meta, or
`parallax extract` output with "id" as the key).
Title and author match after normalisation (Unicode NFKC, case folded, quotes and dashes
unified, punctuation and whitespace runs collapsed to one space); the date matches when the
first 10 characters (YYYY-MM-DD) are equal. A page whose gold value is empty counts only when
the prediction is empty too; accuracy is over the pages with a non-empty gold value, and the
empty-gold pages are reported separately.
"""
import json, os, re, sys, unicodedata

def norm(s):
    s = unicodedata.normalize('NFKC', s or '').casefold()
    s = re.sub(r'[\u2018\u2019\u201c\u201d"\'`]', '', s)
    s = re.sub(r'[\W_]+', ' ', s)
    return s.strip()

def main(gold_dir, pred_path):
    pred = {}
    for line in open(pred_path, encoding='utf-8'):
        if line.strip():
            j = json.loads(line)
            pred[str(j.get('key', j.get('id')))] = j
    stats = {f: [0, 0, 0, 0] for f in ('title', 'author', 'publish_date')}  # hit, n, empty-gold hit, n
    for f in sorted(os.listdir(gold_dir)):
        if not f.endswith('.json'):
            continue
        key = f[:-5]
        g = json.load(open(os.path.join(gold_dir, f), encoding='utf-8'))['ground_truth']
        p = pred.get(key, {})
        for field, ours in (('title', p.get('title', '')), ('author', p.get('author', '')),
                            ('publish_date', p.get('published', ''))):
            gold = g.get(field) or ''
            if field == 'publish_date':
                hit = (gold[:10] == (ours or '')[:10])
            else:
                hit = norm(gold) == norm(ours)
            st = stats[field]
            if gold:
                st[0] += hit; st[1] += 1
            else:
                st[2] += hit; st[3] += 1
    for field, (h, n, eh, en) in stats.items():
        print(f'{field}: accuracy={h / max(n, 1):.3f} ({h}/{n} pages with a gold value); '
              f'empty gold: {eh}/{en} left empty')

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
