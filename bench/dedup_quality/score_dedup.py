#!/usr/bin/env python3
"""Scores `parallax dedup` output against the labels of make_dedup_benchmark.py.

  score_dedup.py GOLD.jsonl PRED.jsonl [--min-jaccard 0.8] [--precision 0.99 --recall 0.95]

Recall (the issue's figure): of the variants whose reference Jaccard to their source is at
least --min-jaccard, the fraction put in the same group as their source. Precision: of the
copy links parallax made (an article whose group is another article), the fraction joining
two texts of one family (a source, its variants, and sources that are near-duplicates of it).
Also: recall per Jaccard band, pairwise precision over every pair in a predicted group, and
the hard negatives (two different sources on one ECB+ event or DUC cluster) put together.
Exits 1 when precision or recall is under the given floors.
"""
import argparse
import collections
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--min-jaccard", type=float, default=0.8)
    ap.add_argument("--precision", type=float, default=0.99)
    ap.add_argument("--recall", type=float, default=0.95)
    args = ap.parse_args()
    gold = {g["id"]: g for g in load(args.gold)}
    group = {p["id"]: p["group"] for p in load(args.pred)}
    missing = [i for i in gold if i not in group]

    # Recall on variants, overall at --min-jaccard and per band.
    bands = collections.defaultdict(lambda: [0, 0])
    hit = total = 0
    for g in gold.values():
        if g["kind"] != "variant" or g["id"] not in group:
            continue
        same = group.get(g["source"]) == group[g["id"]]
        band = min(int(g["jaccard"] * 10), 9) / 10
        bands[band][0] += same
        bands[band][1] += 1
        if g["jaccard"] >= args.min_jaccard:
            hit += same
            total += 1
    recall = hit / total if total else 0.0

    # Precision of copy links, and pairwise over predicted groups.
    links = good = 0
    wrong = []
    members = collections.defaultdict(list)
    for i, grp in group.items():
        members[grp].append(i)
        if i != grp and i in gold and grp in gold:
            links += 1
            if gold[i]["family"] == gold[grp]["family"]:
                good += 1
            else:
                wrong.append((i, grp))
    precision = good / links if links else 1.0
    pairs = good_pairs = hard = 0
    for ids in members.values():
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                ga, gb = gold.get(ids[a]), gold.get(ids[b])
                if not ga or not gb:
                    continue
                pairs += 1
                good_pairs += ga["family"] == gb["family"]
                if (ga["kind"] == gb["kind"] == "source" and ga["family"] != gb["family"]
                        and ga["event"] and ga["event"] == gb["event"]):
                    hard += 1
    by_event = collections.defaultdict(collections.Counter)  # event -> family -> sources
    for g in gold.values():
        if g["kind"] == "source" and g["event"]:
            by_event[g["event"]][g["family"]] += 1
    hard_pairs = 0
    for fams in by_event.values():
        n = sum(fams.values())
        hard_pairs += n * (n - 1) // 2 - sum(k * (k - 1) // 2 for k in fams.values())

    print("articles %d (scored %d, missing from output %d)" % (len(gold), len(gold) - len(missing), len(missing)))
    print("recall at reference Jaccard >= %.2f: %.4f (%d of %d variants grouped with their source)"
          % (args.min_jaccard, recall, hit, total))
    print("precision of copy links: %.4f (%d of %d links within one family)" % (precision, good, links))
    print("pairwise precision within predicted groups: %.4f (%d pairs)"
          % (good_pairs / pairs if pairs else 1.0, pairs))
    print("hard negatives (different articles on one event) grouped: %d of %d pairs" % (hard, hard_pairs))
    print("recall by reference Jaccard band:")
    for band in sorted(bands):
        h, n = bands[band]
        print("  %.1f-%.1f: %.4f (%d/%d)" % (band, band + 0.1, h / n if n else 0, h, n))
    for i, grp in wrong[:10]:
        print("  wrong link: %s -> %s" % (i, grp))
    ok = precision >= args.precision and recall >= args.recall and not missing
    print("PASS" if ok else "FAIL: precision >= %.2f and recall >= %.2f required" % (args.precision, args.recall))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
