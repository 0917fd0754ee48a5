// libFuzzer target for the dedup index file (`parallax dedup --index FILE`): the input is
// written as an index file and opened (DedupIndex::Open: header, version and parameter checks,
// tables, arenas). An index that opens must then be usable: a lookup, an insertion and a save
// that opens again. Any crash, hang, sanitizer report or runaway allocation is a bug.
// See fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "dedup/dedup_index.h"
#include "dedup/minhash.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = parallax::fuzz::TempPath("parallax-index-fuzz", ".idx");
  static const std::string saved = parallax::fuzz::TempPath("parallax-index-fuzz", ".saved");
  parallax::fuzz::WriteFile(path, data, size);
  const parallax::DedupOptions options;
  parallax::Result<std::unique_ptr<parallax::DedupIndex>> index =
      parallax::DedupIndex::Open(path, options);
  if (!index.ok()) return 0;
  const parallax::Signature sig = parallax::ComputeSignature(
      "The harbour ferry of Port Emsworth resumed its crossings on Tuesday after a week of "
      "repairs, the operator said.",
      options);
  (void)(*index)->FindOrAdd("fuzz-probe", sig);
  for (uint32_t slot = 0; slot < (*index)->size() && slot < 64; ++slot) (void)(*index)->Id(slot);
  if ((*index)->Save(saved).ok()) {
    parallax::Result<std::unique_ptr<parallax::DedupIndex>> again =
        parallax::DedupIndex::Open(saved, options);
    if (!again.ok()) __builtin_trap();  // what Save wrote must open
  }
  std::remove(saved.c_str());
  return 0;
}
