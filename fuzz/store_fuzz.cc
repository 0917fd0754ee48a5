// libFuzzer target for the serve store (`parallax serve --db FILE`): the input is written as
// the SQLite file and opened as the server opens it (Store::Open: schema version, migration),
// then replayed and listed as on start. SQLite's own handling of corrupt pages is its
// business (it answers SQLITE_CORRUPT); ours is that every answer becomes a Status, never a
// crash or a bad read. Any crash, hang, sanitizer report or runaway allocation is a bug.
// See fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "serve/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = parallax::fuzz::TempPath("parallax-store-fuzz", ".db");
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
  parallax::fuzz::WriteFile(path, data, size);
  parallax::StoreOptions options;
  options.full_sync = false;  // nothing here needs to survive a power loss
  parallax::Result<std::unique_ptr<parallax::Store>> store = parallax::Store::Open(path, options);
  if (!store.ok()) return 0;
  size_t rows = 0;
  (void)(*store)->Replay(16, [&rows](const std::vector<parallax::StoredArticle>& batch) {
    rows += batch.size();
    return rows < 10000 ? parallax::Status::Ok() : parallax::InvalidArgument("enough");
  });
  parallax::StoryQuery query;
  query.text = "harbour ferry";
  query.outlet = "Emsworth Gazette";
  (void)(*store)->ListStories(query);
  (void)(*store)->GetStory(0);
  (void)(*store)->GetArticle("a1");
  (void)(*store)->CountArticles();
  (void)(*store)->CountStories();
  return 0;
}
