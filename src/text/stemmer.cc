// Snowball stemmers via libstemmer, one instance per thread and language.
// Tested by stemmer_test.cc.
#include "text/stemmer.h"

#include <libstemmer.h>

#include <map>
#include <memory>
#include <vector>

#include "util/hash.h"

namespace parallax {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

sb_stemmer* StemmerFor(std::string_view lang) {
  thread_local std::map<std::string, StemmerPtr, std::less<>> stemmers;
  std::string key(lang.empty() ? "en" : lang);
  auto it = stemmers.find(key);
  if (it != stemmers.end()) return it->second.get();
  sb_stemmer* s = sb_stemmer_new(key.c_str(), "UTF_8");
  if (s == nullptr && key != "en") return StemmerFor("en");
  return stemmers.emplace(key, StemmerPtr(s)).first->second.get();
}

}  // namespace

bool HasStemmer(std::string_view lang) {
  std::string key(lang);
  sb_stemmer* s = sb_stemmer_new(key.c_str(), "UTF_8");
  if (s == nullptr) return false;
  sb_stemmer_delete(s);
  return true;
}

// Stems are cached per thread: news vocabulary repeats heavily (measured: stemming was 10% of
// the whole pipeline without the cache). The cache is direct-mapped, kCacheSlots slots indexed
// by the word's hash, a new word taking its slot's place: memory is bounded without ever
// clearing, and a hit costs one hash and one slot. Hand-written rather than a
// std::unordered_map (its node per entry: at 64 K entries a lookup missed the CPU caches,
// ~6% of the server's ingest CPU in `perf`); no LRU order is kept, since a miss only costs one
// libstemmer call. Transparent: a word's stem is the same hit or miss.
constexpr size_t kCacheSlots = 1 << 14;

std::string StemUncached(std::string_view word, std::string_view lang) {
  sb_stemmer* s = StemmerFor(lang);
  if (s == nullptr) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);  // out of memory inside libstemmer
  return {reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s))};
}

namespace {

struct CacheSlot {
  uint64_t hash = 0;
  bool used = false;
  std::string word, stem;
};

}  // namespace

std::string Stem(std::string_view word, std::string_view lang) {
  if (word.size() < 3) return std::string(word);
  thread_local std::vector<CacheSlot> cache(kCacheSlots);
  thread_local std::string cache_lang;
  if (lang != cache_lang) {
    for (CacheSlot& c : cache) c.used = false;
    cache_lang.assign(lang);
  }
  const uint64_t h = Hash64(word);
  CacheSlot& slot = cache[h & (kCacheSlots - 1)];
  if (slot.used && slot.hash == h && slot.word == word) return slot.stem;
  slot.stem = StemUncached(word, lang);
  slot.word.assign(word);
  slot.hash = h;
  slot.used = true;
  return slot.stem;
}

}  // namespace parallax
