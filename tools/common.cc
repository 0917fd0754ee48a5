#include "common.h"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "parallax/reader.h"

namespace parallax::cli {

int ExitCodeFor(uint64_t accepted, size_t rejected) {
  if (accepted == 0) return kExitNothingUsable;
  return rejected > 0 ? kExitSomeRejected : kExitOk;
}

bool WriteOutput(const std::string& path, const std::string& data) {
  if (path.empty() || path == "-") {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) {
    std::cerr << "parallax: cannot write " << path << "\n";
    return false;
  }
  return true;
}

void PrintRejections(const std::vector<Rejection>& rejected) {
  for (const Rejection& r : rejected) std::cerr << "parallax: " << r.input << ": " << r.error << "\n";
}

int RunPerArticle(const std::vector<std::string>& inputs, const ReadOptions& read,
                  const std::string& output,
                  const std::function<void(const Article&, std::string*)>& render) {
  std::string out;
  uint64_t accepted = 0;
  std::vector<Rejection> rejected;
  ReadInputs(
      inputs, read,
      [&](Article a) {
        ++accepted;
        render(a, &out);
      },
      [&](Rejection r) { rejected.push_back(std::move(r)); });
  PrintRejections(rejected);
  if (!WriteOutput(output, out)) return kExitFailure;
  return ExitCodeFor(accepted, rejected.size());
}

}  // namespace parallax::cli
