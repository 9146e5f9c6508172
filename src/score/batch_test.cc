#include "score/batch.h"

#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

namespace jixiao {

namespace {

LoadedItem Item(const std::string& id, const std::string& file, int line) {
  LoadedItem item;
  item.kind = LoadedItem::Kind::kProject;
  item.id = id;
  item.id_loc = {file, line, 5};
  return item;
}

}  // namespace

TEST_CASE("ProjectIdRegistry: a second use of an id names the first, in memory or spilled") {
  for (size_t budget : {size_t{2} << 20, size_t{0}}) {
    CAPTURE(budget);
    RecordStoreOptions options;
    options.memory_budget = budget;
    ProjectIdRegistry ids(options);
    Diagnostics d;
    for (int i = 0; i < 5000; ++i) {
      REQUIRE(ids.Register(Item(fmt::format("TJ-2024-{:04}", i), fmt::format("d{}/t.yaml", i % 7),
                                i + 1),
                           &d));
    }
    CHECK(d.empty());
    CHECK_FALSE(ids.Register(Item("TJ-2024-4321", "late.yaml", 9), &d));
    REQUIRE(d.error_count() == 1);
    const Diagnostic& e = d.all()[0];
    CHECK(e.loc.file == "late.yaml");
    CHECK(e.loc.line == 9);
    CHECK(e.code == 441);
    CHECK(e.message ==
          "project id 'TJ-2024-4321' is used twice in this run (first at d2/t.yaml:4322:5): give "
          "each project a unique 'id'");
    // Ids that differ only in a character are different ids.
    CHECK(ids.Register(Item("TJ-2024-4321 ", "late.yaml", 10), &d));
    CHECK(ids.Register(Item("", "late.yaml", 11), &d));
    CHECK_FALSE(ids.Register(Item("", "late.yaml", 12), &d));
  }
}

TEST_CASE("ProjectIdRegistry: the message in Chinese") {
  ScopedLang zh(Lang::kZh);
  ProjectIdRegistry ids;
  Diagnostics d;
  REQUIRE(ids.Register(Item("P-1", "a.yaml", 2), &d));
  CHECK_FALSE(ids.Register(Item("P-1", "b.yaml", 7), &d));
  REQUIRE(d.size() == 1);
  CHECK(d.all()[0].code == 441);
  CHECK(d.all()[0].message ==
        "项目编号“P-1”在本次运行中用了两次（第一次在 a.yaml:2:5）：请给每个项目一个唯一的 id");
}

}  // namespace jixiao
