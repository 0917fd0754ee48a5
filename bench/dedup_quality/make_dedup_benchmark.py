#!/usr/bin/env python3
"""Builds the labelled near-duplicate benchmark of `parallax dedup` from the real texts in
../shared/data (ECB+ articles, DUC 2004 newswire, WCXB gold main text). Nothing is copied
into the project: the output goes to --out (a /tmp or build folder).

For each source text, --variants variants are made by the edits syndication makes: a new
headline (always), and one to three of: sentences cut, sentences added (from another
source), photo captions and credits inserted, promos inserted, byline/dateline added, small
word changes (said/says, spellings, typos, dropped articles), truncation with a "read more"
tail. Hard negatives are the different articles on one event that the data already holds
(ECB+ events, DUC clusters). Every variant comes after its source in the stream, as a
republished copy comes after the wire original.

Labels are computed here, independently of parallax: words are runs of letters/digits
(NFKC + casefold), shingles are 5-word tuples, Jaccard is exact over the tuple sets.
Two source texts that are themselves near-duplicates (reference Jaccard >= 0.5) are merged
into one family, and listed.

Output: articles.jsonl (id, title, text, outlet), gold.jsonl (id, family, source, kind,
edits, jaccard to its source, event), summary.json. Deterministic for a given --seed.
"""
import argparse
import collections
import glob
import gzip
import json
import os
import random
import re
import unicodedata

SEED = 20261121  # the benchmark's seed (docs/benchmarks.md)
WORD = re.compile(r"[^\W_]+")
SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘A-Z0-9])")


def words(text):
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text, k=5):
    w = words(text)
    if not w:
        return frozenset()
    if len(w) < k:
        return frozenset([tuple(w)])
    return frozenset(tuple(w[i:i + k]) for i in range(len(w) - k + 1))


def jaccard(a, b):
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def split_sentences(text):
    out = []
    for para in text.split("\n"):
        para = para.strip()
        if para:
            out.extend(s.strip() for s in SENTENCE.split(para) if s.strip())
    return out


# ---------- sources ----------

def load_sources(data, min_words):
    sources = []
    with open(os.path.join(data, "ecbplus/dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            sources.append({"id": "ecb-" + d["id"], "title": d.get("title", ""),
                            "text": d["text"], "event": "ecb:" + str(d["event"])})
    for path in sorted(glob.glob(os.path.join(data, "duc2004/docs/*/*"))):
        cluster = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [l.strip() for l in f if l.strip()]
        if lines:
            sources.append({"id": "duc-" + cluster + "-" + os.path.basename(path),
                            "title": lines[0][:120], "text": "\n".join(lines),
                            "event": "duc:" + cluster})
    for path in sorted(glob.glob(os.path.join(data, "extraction/wcxb-dev/ground-truth/*.json"))):
        with open(path, encoding="utf-8") as f:
            gt = json.load(f).get("ground_truth", {})
        text = gt.get("main_content") or ""
        if text:
            sources.append({"id": "wcxb-" + os.path.basename(path)[:-5],
                            "title": gt.get("title") or "", "text": text, "event": None})
    kept = [s for s in sources if len(words(s["text"])) >= min_words]
    return kept, len(sources) - len(kept)


# ---------- syndication edits (generated wording, no real text) ----------

AGENCIES = ["Staff photographer", "Agency pool", "Handout", "File photo", "Wire photo"]
PROMOS = ["Sign up for our morning newsletter to get the day's top stories.",
          "Follow us on social media for breaking news.",
          "Share this article", "Download our app for live updates.",
          "Advertisement", "Subscribe now for unlimited access."]
SWAPS = {"said": "says", "says": "said", "told": "said to", "percent": "per cent",
         "per": "a", "color": "colour", "center": "centre", "organization": "organisation",
         "the": "", "a": "the", "on": "on", "Mr.": "Mr", "U.S.": "US", "and": "&",
         "but": "yet", "about": "around", "also": "as well", "before": "prior to"}


def headline(rng, title, other_title):
    kind = rng.random()
    if kind < 0.4:
        return other_title or title
    if kind < 0.7:
        return "UPDATE: " + title
    w = title.split()
    rng.shuffle(w)
    return " ".join(w)


def cut(rng, sents, others):
    n = max(1, int(len(sents) * rng.uniform(0.05, 0.3)))
    if len(sents) <= 2:
        return sents
    drop = set(rng.sample(range(len(sents)), min(n, len(sents) - 1)))
    return [s for i, s in enumerate(sents) if i not in drop]


def add(rng, sents, others):
    donor = split_sentences(rng.choice(others)["text"]) or ["Further details were not released."]
    out = list(sents)
    for _ in range(rng.randint(1, 3)):
        out.insert(rng.randint(0, len(out)), rng.choice(donor))
    return out


def caption(rng, sents, others):
    caps = [w for s in sents for w in s.split() if w[:1].isupper()][:40] or ["Scene"]
    out = list(sents)
    for _ in range(rng.randint(1, 2)):
        text = " ".join(rng.sample(caps, min(len(caps), rng.randint(3, 8))))
        line = text + " (Photo: " + rng.choice(AGENCIES) + ")"
        pos = rng.randint(0, len(out))
        out.insert(pos, line)
        if rng.random() < 0.5:  # printed twice, as scrapes often do
            out.insert(pos, text)
    return out


def promo(rng, sents, others):
    out = list(sents)
    for _ in range(rng.randint(1, 3)):
        line = (rng.choice(PROMOS) if rng.random() < 0.5
                else "READ MORE: " + (rng.choice(others)["title"] or "More news"))
        out.insert(rng.randint(0, len(out)), line)
    return out


def byline(rng, sents, others):
    lines = ["By Staff Writer", "By our correspondent, with wire reports", "CITY (Wire) -"]
    return [rng.choice(lines)] + list(sents)


def word_changes(rng, sents, others):
    out = []
    rate = rng.uniform(0.005, 0.03)
    for s in sents:
        w = s.split(" ")
        for i, x in enumerate(w):
            if rng.random() >= rate:
                continue
            if x in SWAPS:
                w[i] = SWAPS[x]
            elif len(x) > 4 and x.isalpha():
                j = rng.randint(1, len(x) - 2)
                w[i] = x[:j] + x[j + 1] + x[j] + x[j + 2:]  # typo: two letters swapped
        out.append(" ".join(t for t in w if t))
    return out


def truncate(rng, sents, others):
    keep = max(1, int(len(sents) * rng.uniform(0.5, 0.9)))
    return sents[:keep] + ["Read the full story on our website."]


EDITS = {"cut": cut, "add": add, "caption": caption, "promo": promo, "byline": byline,
         "words": word_changes, "truncate": truncate}


def make_variant(rng, src, others):
    names = rng.sample(sorted(EDITS), rng.randint(1, 3))
    sents = split_sentences(src["text"])
    for n in names:
        sents = EDITS[n](rng, sents, others)
    sep = "\n\n" if rng.random() < 0.5 else "\n"
    title = headline(rng, src["title"], rng.choice(others)["title"])
    return title, sep.join(sents), ["headline"] + names


# ---------- families ----------

def families(sources, sets, threshold=0.5):
    """Union of source texts that are near-duplicates of each other (reference Jaccard)."""
    parent = list(range(len(sources)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings = collections.defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            postings[sh].append(i)
    pairs = set()
    for ids in postings.values():
        if 1 < len(ids) < 200:
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    pairs.add((ids[a], ids[b]))
    merged = []
    for a, b in sorted(pairs):
        j = jaccard(sets[a], sets[b])
        if j >= threshold:
            merged.append((sources[a]["id"], sources[b]["id"], round(j, 4)))
            parent[find(a)] = find(b)
    return [sources[find(i)]["id"] for i in range(len(sources))], merged


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--variants", type=int, default=3)
    ap.add_argument("--min-words", type=int, default=40)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    sources, dropped = load_sources(args.data, args.min_words)
    sets = [shingles(s["text"]) for s in sources]
    family, merged = families(sources, sets)
    rows = []  # (time, article, gold)
    for i, src in enumerate(sources):
        t = rng.random()
        rows.append((t, {"id": src["id"], "title": src["title"], "text": src["text"],
                         "outlet": "source"},
                     {"id": src["id"], "family": family[i], "source": src["id"], "kind": "source",
                      "edits": [], "jaccard": 1.0, "event": src["event"]}))
        for v in range(args.variants):
            title, text, edits = make_variant(rng, src, sources)
            vid = "%s~v%d" % (src["id"], v + 1)
            rows.append((t + rng.uniform(1e-6, 0.2),
                         {"id": vid, "title": title, "text": text, "outlet": "syndicator-%d" % (v + 1)},
                         {"id": vid, "family": family[i], "source": src["id"], "kind": "variant",
                          "edits": edits, "jaccard": round(jaccard(shingles(text), sets[i]), 6),
                          "event": src["event"]}))
    rows.sort(key=lambda r: r[0])
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "articles.jsonl"), "w", encoding="utf-8") as fa, \
            open(os.path.join(args.out, "gold.jsonl"), "w", encoding="utf-8") as fg:
        for _, article, gold in rows:
            fa.write(json.dumps(article, ensure_ascii=False) + "\n")
            fg.write(json.dumps(gold, ensure_ascii=False) + "\n")
    summary = {"seed": args.seed, "sources": len(sources), "dropped_short_sources": dropped,
               "variants": len(rows) - len(sources), "articles": len(rows),
               "source_near_duplicates": merged}
    with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
    print("wrote %d articles (%d sources, %d variants; %d short sources dropped; %d source pairs "
          "merged as near-duplicates) to %s" % (len(rows), len(sources), len(rows) - len(sources),
                                               dropped, len(merged), args.out))


if __name__ == "__main__":
    main()
