// Options for every pipeline stage. Plain structs with documented defaults; the CLI's --help
// is generated from the same declarations (tools/flags.cc).
//
// Thread-safety: plain value types.
#pragma once

#include <cstddef>
#include <cstdint>

namespace parallax {

// Budgets for untrusted input. Exceeding one rejects the item, never the batch.
struct ReadOptions {
  // Largest input file read, bytes. Larger files are rejected. Default 256 MiB.
  size_t max_file_bytes = 256u << 20;
  // Largest single article (JSON line or text file), bytes. Default 4 MiB: 400x a long article.
  size_t max_article_bytes = 4u << 20;
  // Deepest JSON nesting accepted in a JSON Lines row. Default 32; rows are flat objects.
  int max_json_depth = 32;
  // Largest HTML page (a file, or a WARC response body after decompression), bytes. Default
  // 16 MiB: the largest of the 974 benchmark pages is ~3 MiB with its inline scripts.
  size_t max_page_bytes = 16u << 20;
  // Elements and text nodes in one HTML page. Default 2,000,000 (benchmark pages: < 60,000);
  // a page over it is rejected, not parsed further.
  size_t max_html_nodes = 2'000'000;
  // Element nesting depth in one HTML page. Default 512 (benchmark pages: < 100).
  int max_html_depth = 512;
  // Largest WARC record, bytes; a larger record is reported and skipped. Default 64 MiB.
  // WARC files themselves are streamed and exempt from max_file_bytes.
  size_t max_warc_record_bytes = 64u << 20;
  // Threads extracting HTML pages (HTML files, WARC records); 0 = all cores. Articles are
  // delivered in input order whatever the count; 1 reads on the calling thread only.
  int threads = 0;
};

struct CleanOptions {
  // Keep the byte ranges of removed lines and their reasons (for --explain). Default off.
  bool explain = false;
};

struct AnalyzeOptions {
  // Sentences analysed per article; the rest are ignored. Default 400 (a long feature is ~150).
  size_t max_sentences = 400;
  // Longest sentence kept, bytes; longer runs are cut at this length. Default 2,000.
  size_t max_sentence_bytes = 2000;
};

// Near-duplicate detection (src/dedup, `parallax dedup`): MinHash over word shingles, LSH
// banding for candidates, exact Jaccard of the shingle sets to verify. An index file records
// shingle, num_hashes, bands and threshold and refuses to open with different values.
struct DedupOptions {
  // Words per shingle. Default 5: long enough that the shared phrasing of two reports of one
  // event ("the talks were mediated by") does not make them look like copies, short enough that
  // one changed word only spoils 5 shingles.
  int shingle = 5;
  // 32-bit MinHash values per signature (one-permutation MinHash bins). Default 64. More values
  // = sharper LSH curve, more memory per indexed article (4 bytes per band kept).
  int num_hashes = 64;
  // LSH bands; num_hashes/bands rows each (must divide). Default 16 bands x 4 rows: a pair
  // becomes a candidate with probability 1-(1-J^4)^16: 0.89 at J=0.6, 0.98 at 0.7, 0.9999 at
  // 0.8. More bands find lower-J pairs at the cost of more candidates and memory.
  int bands = 16;
  // Shingle-set Jaccard at or above which an article is a copy. Default 0.6: syndicated copies
  // with a new headline, a cut paragraph and an inserted caption stay above; two outlets'
  // own reports of one event share almost no 5-word shingles (ECB+ same-event pairs: median
  // 0.001, 90th percentile 0.08; the 5% above 0.6 are one wire text run twice).
  double threshold = 0.6;
  // A near copy whose Jaccard to the text it matched is below this is indexed too, under its
  // original's group, so a later copy that drifted further (an updated wire story, a copy of a
  // trimmed copy) still finds the group. Default 0.8; 0 indexes originals only. Copies at or
  // above it add nothing (their text is already represented), so memory still grows with the
  // distinct texts, not the input.
  double bridge_below = 0.8;
  // Candidates verified by exact Jaccard per article, those sharing the most bands first.
  // Default 64; bounds the cost of boilerplate that lands many articles in one bucket.
  int max_candidates = 64;
};

struct ClusterOptions {
  // Probability (from the calibrated clustering model, src/cluster/cluster_model.txt) that an
  // article belongs to a story, needed to join it. Default 0.5; lower merges more, higher
  // splits stories.
  double threshold = 0.5;
  // A story stops accepting articles after this long without a new one, seconds of stream
  // time (article timestamps). Default 3 days. Retired stories leave the index.
  int64_t retire_after_seconds = int64_t{3} * 24 * 3600;
  // For undated input: a story retires after this many articles without a new one of its own.
  // Default 100,000.
  uint64_t retire_after_articles = 100000;
  // The odds that an article belongs to a story halve for every `half_life_seconds` between
  // it and the story's last article. Default 1 day.
  int64_t half_life_seconds = int64_t{24} * 3600;
  // Candidate stories scored per article (from the inverted index). Default 32.
  size_t max_candidates = 32;
  // Terms kept per story centroid (the rest are dropped). Default 200.
  size_t centroid_terms = 200;
  // A story of headlines merges into another live story when the model, reading the story as
  // if it were one article, gives at least this probability that it belongs there. Checked
  // when the story reaches 2, 3, 4, 6, 8, 12, 16... headlines. Negative: the calibrated value
  // from the model file (0.65); above 1: never.
  double headline_merge_threshold = -1;
  // At the end of the input, a fragment (a story of full articles too small to be an event
  // of its own: fewer than 4 articles, the least a split leaves) is read again as if it were
  // one article, and merges into its most probable other story at this probability. Its first
  // article came before its event's story had grown enough to be recognised (a different
  // angle, other words); the grown story now shows it. Negative: `threshold`, the story it
  // would join now; above 1: never (docs/benchmarks.md, "Fragments").
  double fragment_merge_threshold = -1;
  // A story of full articles is read again when it reaches 8, 12, 16, 24, 32 and 48 articles:
  // its members are grouped in two by average-link similarity, and when each group has at
  // least 4 articles and the mean similarity across the groups is below `split_ratio` times
  // the mean within the less cohesive group, the story is two events of one kind (two
  // earthquakes, two arrests) that an early article joined, and the smaller group leaves as a
  // story of its own. Default 0.8 (docs/benchmarks.md, "Splitting stories"); 0: never split.
  double split_ratio = 0.8;
};

struct DigestOptions {
  // Word budget of the digest. Default 100.
  size_t words = 100;
};

struct CompareOptions {
  // Conflicts below this confidence are not reported. Default 0.5.
  double min_confidence = 0.5;
};

struct PipelineOptions {
  ReadOptions read;
  CleanOptions clean;
  AnalyzeOptions analyze;
  DedupOptions dedup;
  ClusterOptions cluster;
  DigestOptions digest;
  CompareOptions compare;
  // Worker threads for the per-article stages; 0 = all cores.
  int threads = 0;
  // Build each story's digest and comparison in Finish(). False (parallax cluster): Finish()
  // only lists each story's articles, and the pipeline drops every article's text and
  // analysis as soon as it is filed, so memory grows by ~200 bytes per article, not its text.
  bool summarize = true;
  // Treat every article as part of one story: clustering is skipped (copies are still folded).
  // For a set the user already grouped, e.g. a DUC cluster. Default off.
  bool one_story = false;
};

}  // namespace parallax
