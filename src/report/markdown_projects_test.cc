#include "report/markdown_projects.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <sstream>
#include <string>

namespace jixiao {

TEST_CASE("MarkdownProjects: rows in input order, details chosen rank by rank within the budget") {
  MarkdownProjects p;
  // Details of 40, 30, 20 and 10 bytes; ranks 1, 0, 1, 0.
  p.Add("| a |\n", std::string(40, 'a'), 1);
  p.Add("| b |\n", std::string(30, 'b'), 0);
  p.Add("| c |\n", std::string(20, 'c'), 1);
  p.Add("| d |\n", std::string(10, 'd'), 0);
  CHECK(p.size() == 4);
  std::ostringstream rows;
  size_t used = 0;
  CHECK(p.WriteRows(1000, rows, &used) == 0);
  CHECK(rows.str() == "| a |\n| b |\n| c |\n| d |\n");
  CHECK(used == 24);
  // Budget 65: rank 0 first, b (30) and d (10) = 40; then rank 1: a (40)
  // does not fit in the 25 left, c (20) does. Written in input order.
  std::ostringstream details;
  CHECK(p.WriteDetails(65, details) == 1);  // a left out
  CHECK(details.str() == std::string(30, 'b') + std::string(20, 'c') + std::string(10, 'd'));
  // A budget for all, and for none.
  std::ostringstream all, none;
  CHECK(p.WriteDetails(100, all) == 0);
  CHECK(all.str().size() == 100);
  CHECK(p.WriteDetails(5, none) == 4);
  CHECK(none.str().empty());
}

TEST_CASE("MarkdownProjects: a year of projects, read back past the memory budget") {
  MarkdownProjects p;
  for (int i = 0; i < 20000; ++i) {
    p.Add("| " + std::to_string(i) + " |\n", std::string(100, static_cast<char>('a' + i % 26)),
          static_cast<uint8_t>(i % 3));
  }
  std::ostringstream rows;
  size_t used = 0;
  CHECK(p.WriteRows(SIZE_MAX, rows, &used) == 0);
  CHECK(rows.str().rfind("| 19999 |\n") == rows.str().size() - 10);
  CHECK(used == rows.str().size());
  // 1,000 bytes: the first ten rank-0 projects (0, 3, ..., 27).
  std::ostringstream details;
  CHECK(p.WriteDetails(1000, details) == 19990);
  CHECK(details.str().substr(0, 100) == std::string(100, 'a'));
  CHECK(details.str().substr(900, 100) == std::string(100, 'b'));  // project 27: 'a' + 1
}

TEST_CASE("MarkdownProjects: rows chosen rank by rank within the budget, counted in characters") {
  MarkdownProjects p;
  // Rows of 8, 8, 7 and 8 characters (项 is one character, three bytes).
  p.Add("| 项目a |\n", "", 1);
  p.Add("| 项目b |\n", "", 0);
  p.Add("| 项c |\n", "", 1);
  p.Add("| 项目d |\n", "", 0);
  // Budget 24: rank 0 first, b and d = 16; then rank 1: a (8) fits in the 8
  // left, c (7) no longer does. Written in input order; in bytes b and d
  // alone would be 24.
  std::ostringstream rows;
  size_t used = 3;
  CHECK(p.WriteRows(24, rows, &used) == 1);
  CHECK(rows.str() == "| 项目a |\n| 项目b |\n| 项目d |\n");
  CHECK(used == 3 + 24);
  std::ostringstream none;
  used = 0;
  CHECK(p.WriteRows(7, none, &used) == 3);  // only c fits
  CHECK(none.str() == "| 项c |\n");
  CHECK(used == 7);
}

TEST_CASE("MarkdownRoomLeft: the comment's 60,000 characters less the rest and 400 for left-out lines") {
  CHECK(MarkdownRoomLeft({}) == 60000 - 400);
  // Characters, not bytes: 项目 is 2 (6 bytes), "| a |" 5.
  CHECK(MarkdownRoomLeft({"项目", "| a |"}) == 60000 - 400 - 7);
  const std::string big(59600, 'x');
  CHECK(MarkdownRoomLeft({big}) == 0);
  CHECK(MarkdownRoomLeft({big, "x"}) == 0);
}

}  // namespace jixiao
