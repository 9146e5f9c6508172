#include "report/form_grid.h"

#include <algorithm>
#include <map>

#include "base/text.h"

namespace jixiao {

const double FormGrid::kColumnWidths[FormGrid::kColumns] = {10, 12, 12, 24, 14, 14, 9, 10, 14, 14};

std::string FormCell::Shown() const {
  switch (kind) {
    case Kind::kBlank: return "";
    case Kind::kText: return text;
    case Kind::kNumber:
      return format == NumberFormat::kPercent2 ? (number * 100).FormatFixed(2) + "%"
                                               : number.FormatFixed(places);
  }
  return "";
}

const FormCell* FormGrid::At(int row, int col) const {
  for (const FormCell& c : cells) {
    if (row >= c.row && row <= c.last_row() && col >= c.col && col <= c.last_col()) return &c;
  }
  return nullptr;
}

std::string SupervisorText(const Project& p) {
  if (!p.supervisor_name.empty()) return p.supervisor_name;
  if (!p.supervisor_code.empty()) return p.supervisor_code;
  return ImplementerText(p);
}

std::string ImplementerText(const Project& p) {
  return p.department_name.empty() ? p.department_code : p.department_name;
}

namespace {

const Rules& DefaultRules() {
  static const Rules rules = Rules::Default();
  return rules;
}

// The level-1 groups of the taxonomy in the form's order: each group whose
// weight is its own, followed by the groups that score in its pool (the
// 2021 form's 成本指标 after 产出指标).
std::vector<const Level1Group*> Level1Order(const Rules& rules) {
  const std::vector<Level1Group>& tax =
      rules.taxonomy.empty() ? DefaultRules().taxonomy : rules.taxonomy;
  std::vector<const Level1Group*> order;
  auto placed = [&](const Level1Group* g) {
    return std::find(order.begin(), order.end(), g) != order.end();
  };
  for (const Level1Group& g : tax) {
    if (placed(&g)) continue;
    bool own_pool = g.pool == g.name ||
                    std::none_of(tax.begin(), tax.end(),
                                 [&](const Level1Group& h) { return h.name == g.pool; });
    if (!own_pool) continue;
    order.push_back(&g);
    for (const Level1Group& h : tax)
      if (&h != &g && h.pool == g.name && !placed(&h)) order.push_back(&h);
  }
  for (const Level1Group& g : tax)
    if (!placed(&g)) order.push_back(&g);
  return order;
}

// The most lines a row is given: Excel takes a row height up to 409 points,
// and a line is 15 (xlsx_workbook.cc: 15 × lines + 2).
constexpr uint16_t kMaxRowLines = 27;

// Lines a text takes in a cell `width` characters wide (not capped: the
// caller caps each row at kMaxRowLines).
size_t LinesOf(const std::string& text, double width) {
  size_t per_line = static_cast<size_t>(std::max(4.0, width - 1));
  size_t lines = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    size_t w = DisplayWidth(std::string_view(text).substr(start, end - start));
    lines += std::max<size_t>(1, (w + per_line - 1) / per_line);
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string NumberedLines(const std::vector<std::string>& lines) {
  if (lines.size() == 1) return lines[0];
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += "\n";
    out += std::to_string(i + 1) + ". " + lines[i];
  }
  return out;
}

GridBuilder::GridBuilder(std::vector<double> column_widths) {
  grid_.column_widths = std::move(column_widths);
}

FormCell& GridBuilder::Text(int row, int col, std::string text, uint8_t style, int rows, int cols) {
  FormCell& c = Add(row, col, rows, cols, style);
  c.kind = FormCell::Kind::kText;
  c.text = std::move(text);
  return c;
}

FormCell& GridBuilder::Number(int row, int col, const Rational& v, NumberFormat f, int rows,
                              int cols, uint8_t style) {
  FormCell& c = Add(row, col, rows, cols, style);
  c.kind = FormCell::Kind::kNumber;
  c.number = v;
  c.format = f;
  return c;
}

FormCell& GridBuilder::Blank(int row, int col, int rows, int cols, uint8_t style) {
  return Add(row, col, rows, cols, style);
}

void GridBuilder::MaybeNumber(int row, int col, const std::optional<Rational>& v, NumberFormat f,
                              int cols) {
  if (v) {
    Number(row, col, *v, f, 1, cols);
  } else {
    Blank(row, col, 1, cols);
  }
}

FormGrid GridBuilder::Finish(uint16_t rows) {
  std::stable_sort(grid_.cells.begin(), grid_.cells.end(), [](const FormCell& a, const FormCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  grid_.rows = rows;
  grid_.row_lines.assign(rows, 1);
  auto width_of = [&](const FormCell& c) {
    double width = 0;
    for (int k = c.col; k <= c.last_col(); ++k) width += grid_.column_widths[k];
    return width;
  };
  auto wrapped = [](const FormCell& c) {
    return c.kind == FormCell::Kind::kText && (c.style & kStyleWrap);
  };
  for (const FormCell& c : grid_.cells) {
    if (!wrapped(c) || c.rows != 1) continue;
    const size_t lines = std::min<size_t>(LinesOf(c.text, width_of(c)), kMaxRowLines);
    grid_.row_lines[c.row] = std::max<uint16_t>(grid_.row_lines[c.row], static_cast<uint16_t>(lines));
  }
  // A text merged over several rows (the monitor's 情况说明) gets the lines it
  // lacks spread over them, once the rows' own texts are sized.
  for (const FormCell& c : grid_.cells) {
    if (!wrapped(c) || c.rows <= 1 || c.last_row() >= rows) continue;
    size_t have = 0;
    for (int r = c.row; r <= c.last_row(); ++r) have += grid_.row_lines[r];
    const size_t need = LinesOf(c.text, width_of(c));
    for (int r = c.row; need > have && r <= c.last_row(); ++r) {
      const size_t left_rows = static_cast<size_t>(c.last_row() - r + 1);
      const size_t more = (need - have + left_rows - 1) / left_rows;
      const size_t lines = std::min<size_t>(grid_.row_lines[r] + more, kMaxRowLines);
      have += lines - grid_.row_lines[r];
      grid_.row_lines[r] = static_cast<uint16_t>(lines);
    }
  }
  return std::move(grid_);
}

FormCell& GridBuilder::Add(int row, int col, int rows, int cols, uint8_t style) {
  FormCell c;
  c.row = static_cast<uint16_t>(row);
  c.col = static_cast<uint16_t>(col);
  c.rows = static_cast<uint16_t>(rows);
  c.cols = static_cast<uint16_t>(cols);
  c.style = style;
  grid_.cells.push_back(std::move(c));
  return grid_.cells.back();
}

std::vector<size_t> TaxonomyOrder(const Project& p, const std::vector<size_t>& indexes,
                                  const Rules& rules) {
  const std::vector<const Level1Group*> groups = Level1Order(rules);
  // Ranks of level-1 and level-2 names; names the taxonomy lacks rank after,
  // in order of first appearance.
  std::map<std::string, size_t> level1_rank;
  for (size_t g = 0; g < groups.size(); ++g) level1_rank.emplace(groups[g]->name, g);
  std::map<std::pair<std::string, std::string>, size_t> level2_rank;
  for (const Level1Group* g : groups)
    for (size_t k = 0; k < g->level2.size(); ++k) level2_rank.emplace(std::pair{g->name, g->level2[k]}, k);
  size_t next1 = groups.size();
  size_t next2 = 1000;
  for (size_t index : indexes) {
    const Indicator& ind = p.indicators[index];
    if (level1_rank.emplace(ind.level1, next1).second) ++next1;
    if (level2_rank.emplace(std::pair{ind.level1, ind.level2}, next2).second) ++next2;
  }
  std::vector<size_t> order(indexes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Indicator& x = p.indicators[indexes[a]];
    const Indicator& y = p.indicators[indexes[b]];
    size_t x1 = level1_rank[x.level1], y1 = level1_rank[y.level1];
    if (x1 != y1) return x1 < y1;
    return level2_rank[{x.level1, x.level2}] < level2_rank[{y.level1, y.level2}];
  });
  return order;
}

namespace {

void WriteRational(const Rational& v, RecordWriter* w) {
  w->Str(v.num().ToString());
  w->Str(v.den().ToString());
}

Rational ReadRational(RecordReader* r) {
  std::optional<BigInt> num = BigInt::Parse(r->Str());
  std::optional<BigInt> den = BigInt::Parse(r->Str());
  if (!num || !den || den->sign() <= 0) return Rational();
  return Rational(*num, *den);
}

}  // namespace

void WriteGrid(const FormGrid& g, RecordWriter* w) {
  w->Int(g.rows);
  w->Int(g.form_rows);
  w->Int(g.header_rows);
  w->Int(g.first_indicator_row);
  w->Int(g.total_row);
  w->Int(g.landscape ? 1 : 0);
  w->Int(g.column_widths.size());
  for (double width : g.column_widths) w->Int(static_cast<uint64_t>(width * 100 + 0.5));
  for (uint16_t lines : g.row_lines) w->Int(lines);
  w->Int(g.cells.size());
  for (const FormCell& c : g.cells) {
    w->Int(c.row);
    w->Int(c.col);
    w->Int(c.rows);
    w->Int(c.cols);
    w->Int(static_cast<uint64_t>(c.kind));
    w->Int(c.style);
    if (c.kind == FormCell::Kind::kText) w->Str(c.text);
    if (c.kind == FormCell::Kind::kNumber) {
      w->Int(static_cast<uint64_t>(c.format));
      WriteRational(c.number, w);
    }
  }
}

FormGrid ReadGrid(RecordReader* r) {
  FormGrid g;
  g.rows = static_cast<uint16_t>(r->Int());
  g.form_rows = static_cast<uint16_t>(r->Int());
  g.header_rows = static_cast<uint16_t>(r->Int());
  g.first_indicator_row = static_cast<uint16_t>(r->Int());
  g.total_row = static_cast<uint16_t>(r->Int());
  g.landscape = r->Int() != 0;
  g.column_widths.resize(static_cast<size_t>(r->Int()));
  for (double& width : g.column_widths) width = static_cast<double>(r->Int()) / 100;
  g.row_lines.resize(g.rows);
  for (uint16_t& lines : g.row_lines) lines = static_cast<uint16_t>(r->Int());
  g.cells.resize(static_cast<size_t>(r->Int()));
  for (FormCell& c : g.cells) {
    c.row = static_cast<uint16_t>(r->Int());
    c.col = static_cast<uint16_t>(r->Int());
    c.rows = static_cast<uint16_t>(r->Int());
    c.cols = static_cast<uint16_t>(r->Int());
    c.kind = static_cast<FormCell::Kind>(r->Int());
    c.style = static_cast<uint8_t>(r->Int());
    if (c.kind == FormCell::Kind::kText) c.text = std::string(r->Str());
    if (c.kind == FormCell::Kind::kNumber) {
      c.format = static_cast<NumberFormat>(r->Int());
      c.number = ReadRational(r);
    }
  }
  return g;
}

}  // namespace jixiao
