// The projects of a markdown report, kept until its end in bounded memory.
//
// A markdown report puts its summary first and then every project's table
// row and a <details> block for some of them (within a byte budget), so it
// holds every project until the run ends. They go to RecordStores (a
// temporary file past 512 KiB each, base/record_store.h); what stays in
// memory is 9 bytes a project, so a year of 100,000 projects costs about
// the same as 10,000. Sizes and budgets are in characters (code points),
// as a merge-request comment's limit is (GitHub: 65,536).
#ifndef JIXIAO_REPORT_MARKDOWN_PROJECTS_H_
#define JIXIAO_REPORT_MARKDOWN_PROJECTS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string_view>
#include <vector>

#include "base/record_store.h"

namespace jixiao {

// The characters a markdown report (eval's, monitor's) may hold in all, to
// fit a merge-request comment (GitHub takes 65,536).
inline constexpr size_t kMarkdownCommentBudget = 60000;

// What is left of kMarkdownCommentBudget for the table's rows and the
// details blocks once `fixed` (the rest of the report) and room for the
// lines saying what is left out are counted; 0 when nothing is.
size_t MarkdownRoomLeft(std::initializer_list<std::string_view> fixed);

class MarkdownProjects {
 public:
  // Adds a project: its table row, its details block, and the rank by which
  // its details are chosen (0 first: a project that does not comply, a red
  // light).
  void Add(std::string_view row, std::string_view details, uint8_t rank);

  size_t size() const { return ranks_.size(); }
  bool empty() const { return ranks_.empty(); }

  // Chooses the table rows to show within `budget` characters as
  // WriteDetails chooses blocks, and writes them in input order; adds the
  // characters written to *used and returns how many rows were left out.
  size_t WriteRows(size_t budget, std::ostream& out, size_t* used) const;

  // Chooses the details blocks to show within `budget` characters: rank by
  // rank, each rank in input order, a block that does not fit in what is
  // left passed over (a smaller one after it may still fit). Writes the
  // chosen in input order; returns how many were left out.
  size_t WriteDetails(size_t budget, std::ostream& out) const;

 private:
  // Chooses within `budget` as WriteDetails says; *used gets their size.
  std::vector<bool> Choose(const std::vector<uint32_t>& sizes, size_t budget, size_t* used) const;
  static size_t Write(const RecordStore& store, const std::vector<bool>& shown, std::ostream& out);

  RecordStore rows_;
  RecordStore details_;
  std::vector<uint8_t> ranks_;
  std::vector<uint32_t> row_sizes_;
  std::vector<uint32_t> detail_sizes_;
};

}  // namespace jixiao

#endif  // JIXIAO_REPORT_MARKDOWN_PROJECTS_H_
