#!/usr/bin/env python3
"""Would a learned chooser between the <h1> and the declared title beat the title rules?

usage: title_chooser_study.py DATA_DIR PRED.jsonl
  DATA_DIR: ../shared/data/extraction/wcxb-dev (html/NNNN.html.gz, ground-truth/NNNN.json)
  PRED.jsonl: extract_bench --meta output of the rules in src/web/metadata.cc

An analysis, not a model we ship (docs/benchmarks.md says why). On the pages where the first
<h1> outside page furniture and the first declared title (JSON-LD headline, og:title, <title>;
site suffix cut) disagree and the gold equals exactly one of them, it fits a logistic
regression on ten features of the pair and scores it by 5 folds grouped by host (no site in
both a fit and its test), against always-<h1> and against the rules' own output. Python's
standard library only (the machine has no numpy or liblinear bindings): html.parser for the
pages, plain gradient descent for the regression (160 pages, 10 features: exact enough).
"""
import gzip, json, math, os, re, sys, zlib
from html.parser import HTMLParser
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_metadata import norm  # the scorer's normalisation

SEPS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' » ', ': ']
VOID = {'br', 'img', 'meta', 'link', 'input', 'hr', 'area', 'base', 'col', 'embed', 'source',
        'track', 'wbr', 'param'}
FURNITURE = ('header', 'nav', 'footer', 'aside')


class Page(HTMLParser):
    """<h1>s (text, class, ancestors, words before), <title>, meta tags, JSON-LD headlines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.open, self.h1, self.meta, self.ld = [], [], [], {}, []
        self.title, self.in_title, self.script, self.buf, self.words = '', False, None, '', 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'meta':
            for k in ('property', 'name'):
                if a.get(k) and a.get('content'):
                    self.meta.setdefault(a[k].lower(), a['content'])
        if tag in VOID:
            for o in self.open:
                o['text'] += ' '
            return
        if tag == 'script':
            self.script, self.buf = a.get('type') or '', ''
        if tag == 'title' and not self.title and 'body' not in [s[0] for s in self.stack]:
            self.in_title = True
        self.stack.append((tag, ((a.get('class') or '') + ' ' + (a.get('id') or '')).lower()))
        if tag == 'h1':
            self.open.append({'text': '', 'cls': self.stack[-1][1], 'depth': len(self.stack),
                              'anc': [s[0] for s in self.stack[:-1]], 'words': self.words})

    def handle_endtag(self, tag):
        if tag == 'script' and self.script is not None:
            if 'ld+json' in self.script:
                self.ld.append(self.buf)
            self.script = None
        if tag == 'title':
            self.in_title = False
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] != tag:
                continue
            while len(self.stack) > i:
                self.stack.pop()
                for o in [o for o in self.open if o['depth'] == len(self.stack) + 1]:
                    self.open.remove(o)
                    o['text'] = ' '.join(o['text'].split())
                    if o['text']:
                        self.h1.append(o)
            break

    def handle_data(self, data):
        if self.script is not None:
            self.buf += data
            return
        if self.in_title:
            self.title += data
        for o in self.open:
            o['text'] += data
        self.words += len(data.split())


def ld_headline(blocks):
    def walk(j, depth=0):
        if depth > 6:
            return None
        if isinstance(j, list):
            for x in j:
                if (h := walk(x, depth + 1)):
                    return h
        elif isinstance(j, dict):
            if isinstance(j.get('headline'), str):
                return j['headline']
            for v in j.values():
                if isinstance(v, (list, dict)) and (h := walk(v, depth + 1)):
                    return h
        return None
    for b in blocks:
        try:
            if (h := walk(json.loads(b))):
                return h
        except ValueError:
            pass
    return ''


def parts(title):
    """Every run of consecutive parts of `title` at its separators, normalised."""
    cuts = [m.span() for m in re.finditer('|'.join(map(re.escape, SEPS)), title)]
    starts, ends = [0] + [b for _, b in cuts], [a for a, _ in cuts] + [len(title)]
    return {norm(title[starts[i]:ends[j]]) for i in range(len(starts)) for j in range(i, len(ends))}


def strip_site(title):
    for sep in SEPS[:-1]:
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            if len(tail.split()) <= 4 and len(tail) < len(head):
                return head
    return title


def words(s):
    return set(norm(s).split())


def jaccard(a, b):
    a, b = words(a), words(b)
    return len(a & b) / max(1, len(a | b))


NAMES = ['slug overlap', 'length ratio', 'several h1', 'og:title = <title>', 'h1 class title',
         'h1 in article/main', 'h1 in first 100 words', 'first-paragraph overlap',
         'year only in title', 'declared titles agree']


def examples(data_dir, text_dir):
    out = []
    gt_dir = os.path.join(data_dir, 'ground-truth')
    for f in sorted(os.listdir(gt_dir)):
        key = f[:-5]
        gj = json.load(open(os.path.join(gt_dir, f), encoding='utf-8'))
        gold = norm(gj['ground_truth']['title'])
        raw = gzip.open(os.path.join(data_dir, 'html', key + '.html.gz')).read()
        p = Page()
        p.feed(raw.decode('utf-8', 'replace'))
        og, ld, title = p.meta.get('og:title', ''), ld_headline(p.ld), ' '.join(p.title.split())
        declared = [x for x in (ld, og, title) if x]
        if not p.h1 or not declared:
            continue
        h1 = ([h for h in p.h1 if not any(a in FURNITURE for a in h['anc'])] or p.h1)[0]
        dt = strip_site(declared[0])
        if any(norm(x).startswith(norm(h1['text'])) for x in declared):
            continue  # a declared title agrees with the <h1>: no choice to make
        y_h1, y_dt = norm(h1['text']) == gold, norm(dt) == gold
        if y_h1 == y_dt:
            continue
        url = gj.get('url', '')
        slug = re.sub(r'\.\w+$', '', url.rstrip('/').rsplit('/', 1)[-1])
        slug = slug.replace('-', ' ').replace('_', ' ')
        try:
            first = ' '.join(open(os.path.join(text_dir, key + '.txt')).read().split()[:80])
        except OSError:
            first = ''
        year = r'\b20\d\d\b'
        x = [jaccard(h1['text'], slug) - jaccard(dt, slug),
             math.log((len(words(h1['text'])) + 1) / (len(words(dt)) + 1)),
             float(len(p.h1) > 1), float(norm(og) == norm(title)),
             float(bool(re.search('title|headline', h1['cls']))),
             float('article' in h1['anc'] or 'main' in h1['anc']), float(h1['words'] < 100),
             jaccard(h1['text'], first) - jaccard(dt, first),
             float(bool(re.search(year, dt)) and not re.search(year, h1['text'])),
             float(len({norm(strip_site(d)) for d in declared}) == 1 and len(set(declared)) > 1)]
        out.append((urlparse(url).netloc, x, int(y_h1), key, gold))
    return out


def fit(xs, ys, c=1.0, iterations=400, rate=0.1):
    w = [0.0] * (len(xs[0]) + 1)
    for _ in range(iterations):
        g = [0.0] * len(w)
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-(w[-1] + sum(a * b for a, b in zip(w, x)))))
            for i, a in enumerate(x):
                g[i] += (p - y) * a
            g[-1] += p - y
        for i in range(len(w)):
            w[i] -= rate * (g[i] / len(xs) + (w[i] / c / len(xs) if i < len(w) - 1 else 0))
    return w


def main(data_dir, pred_path, text_dir, folds=5):
    rules = {json.loads(l)['key']: json.loads(l)['title'] for l in open(pred_path, encoding='utf-8')}
    data = examples(data_dir, text_dir)
    fold = lambda d: zlib.crc32(d[0].encode()) % folds
    print(f'{len(data)} pages where the <h1> and the declared title disagree and the gold is one '
          f'of them; gold = <h1> on {sum(d[2] for d in data)}')
    for mask in (list(range(len(NAMES))), [0], [i for i in range(len(NAMES)) if i != 0]):
        print('features:', ', '.join(NAMES[i] for i in mask))
        tot = [0, 0, 0]
        for f in range(folds):
            train = [d for d in data if fold(d) != f]
            test = [d for d in data if fold(d) == f]
            w = fit([[d[1][i] for i in mask] for d in train], [d[2] for d in train])
            model = sum((w[-1] + sum(w[j] * d[1][i] for j, i in enumerate(mask)) > 0) == bool(d[2])
                        for d in test)
            always_h1 = sum(d[2] for d in test)
            ours = sum(norm(rules.get(d[3], '')) == d[4] for d in test)
            tot = [tot[0] + model, tot[1] + always_h1, tot[2] + ours]
            print(f'  fold {f}: {len(test)} pages: model {model}, always <h1> {always_h1}, '
                  f'the rules {ours}')
        print(f'  total: model {tot[0]}, always <h1> {tot[1]}, the rules {tot[2]}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else '')
