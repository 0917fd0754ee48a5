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

struct DedupOptions {
  // Word shingle length for MinHash. Default 5: long enough that shared phrasing of one
  // event ("the talks were mediated by") does not make two reports look like copies.
  int shingle = 5;
  // MinHash functions (32-bit values). Default 64 = 16 bands x 4 rows.
  int num_hashes = 64;
  int bands = 16;
  // Jaccard similarity of shingle sets at or above which an article is a copy. Default 0.6:
  // syndicated copies with a new headline, a cut paragraph and an inserted caption stay above.
  double threshold = 0.6;
};

struct ClusterOptions {
  // Cosine similarity to a story's centroid needed to join it. Default 0.22 (TF-IDF over stems
  // and entities); lower merges more, higher splits stories.
  double threshold = 0.22;
  // A story stops accepting articles after this long without a new one, seconds of stream
  // time (article timestamps). Default 3 days. Retired stories leave the index.
  int64_t retire_after_seconds = 3 * 24 * 3600;
  // Similarity decays by half for every `half_life_seconds` between the article and the story's
  // last article. Default 2 days.
  int64_t half_life_seconds = 2 * 24 * 3600;
  // Candidate stories scored per article (from the inverted index). Default 32.
  size_t max_candidates = 32;
  // Terms kept per story centroid (the rest are dropped). Default 200.
  size_t centroid_terms = 200;
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
};

}  // namespace parallax
