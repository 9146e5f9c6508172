#include "report/markdown_projects.h"

#include <algorithm>

namespace jixiao {

void MarkdownProjects::Add(std::string_view row, std::string_view details, uint8_t rank) {
  rows_.Append(row);
  details_.Append(details);
  ranks_.push_back(rank);
  detail_sizes_.push_back(
      static_cast<uint32_t>(std::min<size_t>(details.size(), UINT32_MAX)));
}

void MarkdownProjects::WriteRows(std::ostream& out) const {
  for (size_t i = 0; i < rows_.size(); ++i) out << rows_.Read(i);
}

size_t MarkdownProjects::WriteDetails(size_t budget, std::ostream& out) const {
  std::vector<bool> shown(ranks_.size(), false);
  size_t used = 0;
  const uint8_t last = ranks_.empty() ? 0 : *std::max_element(ranks_.begin(), ranks_.end());
  for (unsigned rank = 0; rank <= last; ++rank) {
    for (size_t i = 0; i < ranks_.size(); ++i) {
      if (ranks_[i] != rank || used + detail_sizes_[i] > budget) continue;
      shown[i] = true;
      used += detail_sizes_[i];
    }
  }
  size_t left_out = 0;
  for (size_t i = 0; i < ranks_.size(); ++i) {
    if (shown[i]) {
      out << details_.Read(i);
    } else {
      ++left_out;
    }
  }
  return left_out;
}

}  // namespace jixiao
