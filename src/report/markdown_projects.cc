#include "report/markdown_projects.h"

#include <algorithm>

#include "base/text.h"

namespace jixiao {

namespace {

uint32_t Size(std::string_view text) {
  return static_cast<uint32_t>(std::min<size_t>(CodePointCount(text), UINT32_MAX));
}

}  // namespace

size_t MarkdownRoomLeft(std::initializer_list<std::string_view> fixed) {
  constexpr size_t kLeftOutRoom = 400;  // for the lines saying what is left out
  size_t used = kLeftOutRoom;
  for (std::string_view part : fixed) used += CodePointCount(part);
  return used < kMarkdownCommentBudget ? kMarkdownCommentBudget - used : 0;
}

void MarkdownProjects::Add(std::string_view row, std::string_view details, uint8_t rank) {
  rows_.Append(row);
  details_.Append(details);
  ranks_.push_back(rank);
  row_sizes_.push_back(Size(row));
  detail_sizes_.push_back(Size(details));
}

std::vector<bool> MarkdownProjects::Choose(const std::vector<uint32_t>& sizes, size_t budget,
                                           size_t* used) const {
  std::vector<bool> shown(ranks_.size(), false);
  size_t taken = 0;
  const uint8_t last = ranks_.empty() ? 0 : *std::max_element(ranks_.begin(), ranks_.end());
  for (unsigned rank = 0; rank <= last; ++rank) {
    for (size_t i = 0; i < ranks_.size(); ++i) {
      if (ranks_[i] != rank || taken + sizes[i] > budget) continue;
      shown[i] = true;
      taken += sizes[i];
    }
  }
  *used = taken;
  return shown;
}

size_t MarkdownProjects::Write(const RecordStore& store, const std::vector<bool>& shown,
                               std::ostream& out) {
  size_t left_out = 0;
  for (size_t i = 0; i < shown.size(); ++i) {
    if (shown[i]) {
      out << store.Read(i);
    } else {
      ++left_out;
    }
  }
  return left_out;
}

size_t MarkdownProjects::WriteRows(size_t budget, std::ostream& out, size_t* used) const {
  size_t taken = 0;
  const std::vector<bool> shown = Choose(row_sizes_, budget, &taken);
  *used += taken;
  return Write(rows_, shown, out);
}

size_t MarkdownProjects::WriteDetails(size_t budget, std::ostream& out) const {
  size_t taken = 0;
  return Write(details_, Choose(detail_sizes_, budget, &taken), out);
}

}  // namespace jixiao
