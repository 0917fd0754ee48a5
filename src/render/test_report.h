// A small hand-made Report with fictional content, shared by the render tests.
#pragma once

#include <string>

#include "parallax/report.h"

namespace parallax::testing {

inline SourceRef Ref(std::string article, uint32_t sentence, uint32_t begin, uint32_t end) {
  return SourceRef{std::move(article), sentence, begin, end};
}

inline Statement Said(std::string text, std::vector<std::string> sources) {
  Statement s{std::move(text), std::move(sources), {}};
  for (size_t i = 0; i < s.sources.size(); ++i) {
    s.evidence.push_back(Ref(s.sources[i], static_cast<uint32_t>(i), 10 * i, 10 * i + 9));
  }
  return s;
}

// Story s1: three articles from three outlets, a3 a copy of a1; 10 agreements, 3 unique facts,
// a name conflict and a number conflict. Story s2: one undated article. One rejected input.
inline Report SampleReport() {
  Story s1;
  s1.id = "s1";
  s1.title = "Harbour talks resume in Port Alder";
  s1.articles = {
      {"a1",
       "Northwind Post",
       "Harbour talks resume",
       "https://northwind.example/talks",
       1772612100,
       "",
       {"a3"},
       {}},
      {"a2",
       "Coastal Ledger",
       "Port Alder talks restart",
       "http://ledger.example/a",
       1772615700,
       "",
       {},
       {}},
      {"a3",
       "Gullwing Wire",
       "Harbour talks resume",
       "https://gullwing.example/x",
       1772619300,
       "a1",
       {},
       {}},
  };
  s1.articles[0].removed = {{120, 168, "caption", "Delegates arrive at the port. Photo: staff"}};
  s1.digest = {Said("Talks on the harbour resumed on Tuesday.", {"a1", "a2"}),
               Said("Envoy Mara Lindqvist led the delegation.", {"a1"})};
  for (int i = 0; i < 10; ++i) {
    s1.agreements.push_back(Said("Shared fact number " + std::to_string(i) + ".", {"a1", "a2"}));
  }
  s1.unique = {{"The ferry was late.", "a1", Ref("a1", 4, 200, 219)},
               {"Fog closed the pier.", "a2", Ref("a2", 5, 300, 320)},
               {"A band played.", "a2", Ref("a2", 6, 321, 335)}};
  Conflict name{ConflictKind::kName,
                "spokesman",
                {{"Tobin Arkwright",
                  {"a1"},
                  "Spokesman Tobin Arkwright declined to comment.",
                  {Ref("a1", 7, 400, 446)}},
                 {"Tobin Arkright",
                  {"a2"},
                  "Spokesman Tobin Arkright said talks went well.",
                  {Ref("a2", 8, 500, 546)}}},
                0.9};
  Conflict number{ConflictKind::kNumber,
                  "delegates",
                  {{"12", {"a1"}, "Twelve delegates attended.", {Ref("a1", 9, 600, 626)}},
                   {"14", {"a2"}, "Some 14 delegates attended.", {Ref("a2", 10, 700, 727)}}},
                  0.75};
  s1.conflicts = {name, number};

  Story s2;
  s2.id = "s2";
  s2.title = "Lighthouse repainted";
  s2.articles = {{"a4", "Coastal Ledger", "Lighthouse repainted", "", std::nullopt, "", {}, {}}};
  s2.digest = {Said("The lighthouse was repainted white.", {"a4"})};

  Report report;
  report.stories = {s1, s2};
  report.rejected = {{"feeds/bad.jsonl:7", "invalid JSON: unexpected end of input"}};
  report.articles_read = 4;
  return report;
}

}  // namespace parallax::testing
