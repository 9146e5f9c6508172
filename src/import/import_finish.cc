// Finishing an imported project: the fields of a draft read, checked and
// guessed at, then the project checked as \`jixiao check\` would. See
// importer.h.
#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "base/exact.h"
#include "base/text.h"
#include "import/importer.h"
#include "model/target_loader.h"
#include "model/value.h"
#include "yaml/yaml_doc.h"

namespace jixiao::importer {

void Importer::Finish() {
  if (!draft_) return;
  Draft d = std::move(*draft_);
  draft_.reset();
  ++number_;
  d.p.number = number_;
  d.p.file = doc_.file;
  if (d.rows == 0) {
    if (d.heading) {
      Error(&d, d.heading->at, Msg(MsgId::kImportHeadingNoTable, Quote(d.heading->text)));
      reported_not_table_ = true;
    }
    --number_;
    return;
  }
  if (d.columns.empty()) {
    Error(&d, d.p.at, Msg(MsgId::kImportNoIndicatorTable));
    reported_not_table_ = true;
  } else if (d.p.indicators.empty() && d.p.ok) {
    Error(&d, d.header_at, Msg(MsgId::kImportNoIndicators));
  }
  ReadName(&d);
  ReadYear(&d);
  ReadDepartment(&d);
  ReadSupervisor(&d);
  ReadBudget(&d);
  d.p.purpose = std::string(Trim(d.purpose.text));
  // The goals of the form are the year's: a 总体目标 (of several years)
  // beside a 年度目标 is kept as a comment.
  if (d.goal_cells.empty()) {
    d.goal_cells = std::move(d.overall_goal_cells);
  } else {
    for (const DocCell& c : d.overall_goal_cells) Unread(&d, c, MsgId::kUnreadOverallGoal);
  }
  for (const DocCell& c : d.goal_cells) {
    for (std::string& g : SplitGoals(c.text)) d.p.goals.push_back(std::move(g));
  }
  if (d.p.indicators.size() > opts_.max_indicators) {
    // At the first indicator past the limit, in the document (the YAML is
    // never written).
    Error(&d, d.p.indicators[opts_.max_indicators].at,
          Msg(MsgId::kTgtTooManyIndicators, opts_.max_indicators, d.p.indicators.size()));
  }
  CheckWeights(&d);
  TellApartNames(&d);
  if (d.p.ok) SelfCheck(&d);
  projects_.push_back(std::move(d.p));
}

void Importer::ReadName(Draft* d) {
  std::string row = OneLine(d->name_row.text);
  std::string heading = d->heading ? d->heading->text : std::string();
  if (d->name_row.given && !row.empty()) {
    d->p.project = row;
    if (!heading.empty() && Squeeze(heading) != Squeeze(row)) {
      Guess(d, d->name_row.at, "project",
            fmt::format("标题为“{}”，与项目名称栏不同，采用项目名称栏 / the heading differs "
                        "from the 项目名称 row; the row is used",
                        Quote(heading)),
            Msg(MsgId::kImportHeadingDiffers, Quote(heading), Quote(row)));
    }
  } else if (!heading.empty()) {
    d->p.project = heading;
  } else {
    Error(d, d->name_row.given ? d->name_row.at : d->p.at,
          Msg(d->name_row.given ? MsgId::kImportNameRowEmpty : MsgId::kImportNoName));
  }
  if (d->p.project.size() > opts_.max_cell_bytes) {
    Error(d, d->p.at, Msg(MsgId::kImportNameTooLong, opts_.max_cell_bytes));
  }
}

void Importer::ReadYear(Draft* d) {
  std::vector<int> years = YearsIn(d->p.project);
  if (years.empty() && d->heading) years = YearsIn(d->heading->text);
  DocPlace at = d->name_row.given ? d->name_row.at : d->heading ? d->heading->at : d->p.at;
  if (!years.empty()) {
    d->p.year = years.front();
    if (years.size() > 1) {
      Guess(d, at, "year",
            fmt::format("猜测 / guessed: 名称中有多个年份，取第一个 {} / the name has several "
                        "years, the first is used",
                        years.front()),
            Msg(MsgId::kImportSeveralYears, years.front()));
    }
  } else if (d->title_year) {
    d->p.year = d->title_year;
  } else if (opts_.year) {
    d->p.year = opts_.year;
    d->p.field_notes["year"].push_back(
        "年度取自 --year / the year is from --year (the name has none)");
    return;
  } else {
    Error(d, at, Msg(MsgId::kImportNoYear, Quote(d->p.project)));
    return;
  }
  if (opts_.year && opts_.year != d->p.year) {
    Guess(d, at, "year",
          fmt::format("--year {} 与文档中的年度 {} 不同，采用文档 / differs from the document's "
                      "year; the document's is used",
                      opts_.year, d->p.year),
          Msg(MsgId::kImportYearDiffers, opts_.year, d->p.year));
  }
}

void Importer::ReadDepartment(Draft* d) {
  if (!d->department.given) return;
  std::string text = OneLine(d->department.text);
  std::string code, name;
  if (DepartmentCell(text, &code, &name)) {
    d->p.department_code = code;
    d->p.department_name = name;
  } else {
    d->p.department_name = text;
  }
}

void Importer::ReadSupervisor(Draft* d) {
  if (!d->supervisor.given) return;
  std::string text = OneLine(d->supervisor.text);
  std::string code, name;
  if (DepartmentCell(text, &code, &name)) {
    d->p.supervisor_code = code;
    d->p.supervisor_name = name;
  } else {
    d->p.supervisor_name = text;
  }
  if (!d->department.given) {
    d->p.department_code = d->p.supervisor_code;
    d->p.department_name = d->p.supervisor_name;
  }
}

void Importer::ReadBudget(Draft* d) {
  ImportedProject& p = d->p;
  if (d->other_unit) {
    // 单位：元 above the table and 项目资金（万元） in it: one of them is wrong,
    // and taking either silently may put the budget 10,000 times off.
    if (opts_.unit.empty()) {
      Error(d, d->other_unit->at,
            Msg(MsgId::kImportUnitsDisagree, DescribePlace(d->unit.at), d->unit.text,
                DescribePlace(d->other_unit->at), d->other_unit->text));
      return;
    }
    p.unit = LookupUnit(opts_.unit).name;
    Guess(d, d->other_unit->at, "unit",
          fmt::format("文档写了两种单位（{} {}，{} {}），按 --unit 采用 {} / the document gives "
                      "two units ({} at {}, {} at {}); --unit {} is used",
                      DescribePlace(d->unit.at, Lang::kZh), d->unit.text,
                      DescribePlace(d->other_unit->at, Lang::kZh), d->other_unit->text,
                      opts_.unit, d->unit.text, DescribePlace(d->unit.at, Lang::kEn),
                      d->other_unit->text, DescribePlace(d->other_unit->at, Lang::kEn),
                      opts_.unit),
          Msg(MsgId::kImportUnitsChosen, DescribePlace(d->unit.at), d->unit.text,
              DescribePlace(d->other_unit->at), d->other_unit->text, opts_.unit));
  } else if (d->unit.given) {
    Unit u = LookupUnit(d->unit.text);
    if (u.dim != Dimension::kMoney) {
      Error(d, d->unit.at, Msg(MsgId::kImportNotMoney, Quote(d->unit.text)));
      return;
    }
    p.unit = u.name;
    if (!opts_.unit.empty() && opts_.unit != p.unit) {
      Guess(d, d->unit.at, "unit",
            fmt::format("--unit {} 与文档中的单位 {} 不同，采用文档 / differs from the "
                        "document's unit; the document's is used",
                        opts_.unit, p.unit),
            Msg(MsgId::kImportUnitDiffers, opts_.unit, p.unit));
    }
  } else if (!opts_.unit.empty()) {
    p.unit = opts_.unit;
    d->p.field_notes["unit"].push_back(
        fmt::format("单位由 --unit 给出 / the unit is from --unit: {}", opts_.unit));
  } else if (d->total.given || d->fiscal.given) {
    // Amounts without their unit: 10,000,000.00 read as 万元 is a budget ten
    // thousand times too large. Never assumed.
    Error(d, d->total.given ? d->total.at : d->fiscal.at, Msg(MsgId::kImportNoUnit));
  }
  auto amount = [&](Field& f, std::string* out, const char* label) {
    if (!f.given) return;
    Parsed<std::string> a = ParseAmount(f.text, p.unit);
    if (!a) {
      Error(d, f.at, Msg(MsgId::kImportBadAmount, label, Quote(f.text), a.error()));
      return;
    }
    *out = *a;
  };
  amount(d->total, &p.total, "预算数");
  amount(d->fiscal, &p.fiscal, "财政资金");
  amount(d->carryover, &p.carryover, "上年结转资金");
  amount(d->other, &p.other, "其他资金");
  ReadFiscalParts(d);
  if (!p.ok) return;
  if (d->other.given && p.other.empty()) {
    p.field_notes["budget.other"].push_back(
        "其他资金：原表该单元格为空，故不填 / \"other\" is empty in the document, so it is "
        "omitted.");
  }
  std::optional<Rational> total, fiscal, carryover, other;
  if (!p.total.empty()) total = Rational::ParseDecimal(p.total);
  if (!p.fiscal.empty()) fiscal = Rational::ParseDecimal(p.fiscal);
  if (!p.carryover.empty()) carryover = Rational::ParseDecimal(p.carryover);
  if (!p.other.empty()) other = Rational::ParseDecimal(p.other);
  if (!total) {
    if (fiscal && !carryover) {
      Rational sum = *fiscal + (other ? *other : Rational(0));
      p.total = other ? sum.ToDecimalString() : p.fiscal;
      total = sum;
      Guess(d, d->total.given ? d->total.at : d->fiscal.at, "budget.total",
            fmt::format("猜测 / guessed: 预算数为空，取财政资金{} = {} / 预算数 is empty: "
                        "fiscal{} is used",
                        other ? "+其他资金" : "", p.total, other ? " + other" : ""),
            Msg(other ? MsgId::kImportTotalFromParts : MsgId::kImportTotalFromFiscal, p.total));
    } else {
      Error(d, d->total.given ? d->total.at : d->p.at,
            Msg(d->total.given ? MsgId::kImportTotalEmpty : MsgId::kImportNoTotal));
      return;
    }
  }
  if (total->sign() <= 0) {
    Error(d, d->total.at, Msg(MsgId::kImportTotalNotPositive, p.total));
    return;
  }
  // As check (targets.md §3.2): two or three parts add up to the total (an
  // absent one counts as 0); one alone is not above it.
  int parts = (fiscal ? 1 : 0) + (carryover ? 1 : 0) + (other ? 1 : 0);
  Rational sum = (fiscal ? *fiscal : Rational(0)) + (carryover ? *carryover : Rational(0)) +
                 (other ? *other : Rational(0));
  if (parts >= 2 && sum != *total) {
    if (!carryover) {
      Error(d, d->total.at, Msg(MsgId::kImportPartsSum, p.fiscal, p.other,
                                sum.ToDecimalString(), p.total));
    } else {
      std::vector<std::string> terms;
      if (fiscal) terms.push_back(Tr(MsgId::kImportBudgetTerm, "财政资金", p.fiscal));
      terms.push_back(Tr(MsgId::kImportBudgetTerm, "上年结转资金", p.carryover));
      if (other) terms.push_back(Tr(MsgId::kImportBudgetTerm, "其他资金", p.other));
      Error(d, d->total.at,
            Msg(MsgId::kImportAllPartsSum, fmt::format("{}", fmt::join(terms, " + ")),
                sum.ToDecimalString(), p.total));
    }
  } else if (fiscal && *fiscal > *total) {
    Error(d, d->fiscal.at, Msg(MsgId::kImportFiscalOver, p.fiscal, p.total));
  } else if (carryover && *carryover > *total) {
    Error(d, d->carryover.at, Msg(MsgId::kImportCarryoverOver, p.carryover, p.total));
  } else if (other && *other > *total) {
    Error(d, d->other.at, Msg(MsgId::kImportOtherOver, p.other, p.total));
  }
}

void Importer::ReadFiscalParts(Draft* d) {
  ImportedProject& p = d->p;
  if (d->fiscal_parts.empty()) return;
  if (d->fiscal.given) {
    // 其中：财政资金 given as a whole: the parts are its breakdown.
    for (const Draft::FiscalPart& part : d->fiscal_parts) {
      if (Trim(part.value.text).empty()) continue;
      Unread(d, DocCell{part.value.text, part.value.at, false}, MsgId::kUnreadFiscalPartOfWhole,
             Quote(part.label.text));
    }
    return;
  }
  // 中央财政资金 4.00 and 地方财政资金 6.00: the fiscal funds are 10.00.
  Rational sum;
  int places = 0;
  bool any = false;
  std::vector<std::string> terms;
  for (const Draft::FiscalPart& part : d->fiscal_parts) {
    Parsed<std::string> a = ParseAmount(part.value.text, p.unit);
    std::string label = OneLine(part.label.text);
    if (!a) {
      Error(d, part.value.at, Msg(MsgId::kImportBadAmount, label, Quote(part.value.text), a.error()));
      continue;
    }
    if (a->empty()) continue;
    size_t dot = a->find('.');
    if (dot != std::string::npos) places = std::max(places, static_cast<int>(a->size() - dot - 1));
    if (auto r = Rational::ParseDecimal(*a)) sum += *r;
    terms.push_back(fmt::format("{} {}", label, *a));
    if (!any) {
      d->fiscal = Field{*a, part.value.at, true};
      any = true;
    }
  }
  if (!any || !p.ok) return;
  p.fiscal = sum.FormatFixed(places);
  d->fiscal.text = p.fiscal;
  p.field_notes["budget.fiscal"].push_back(
      fmt::format("财政资金 = {} / fiscal: the sum of the document's parts", fmt::join(terms, " + ")));
}

void Importer::CheckWeights(Draft* d) {
  ImportedProject& p = d->p;
  size_t with = 0;
  Rational sum;
  for (const ImportedIndicator& ind : p.indicators) {
    if (ind.weight.empty()) continue;
    ++with;
    if (auto w = Rational::ParseDecimal(ind.weight)) sum += *w;
  }
  if (with == 0) return;
  Rational expected = rules_.IndicatorWeight();
  bool all = with == p.indicators.size();
  bool positive = true;
  for (const ImportedIndicator& ind : p.indicators) {
    if (auto w = Rational::ParseDecimal(ind.weight); w && w->sign() <= 0) positive = false;
  }
  // Within 0.01 of the total, as a targets file's weights may be.
  const Rational diff = sum - expected;
  const bool adds_up = diff <= Rational(1) / 100 && -diff <= Rational(1) / 100;
  if (all && adds_up && positive) return;
  // The reason twice: in the YAML comment (both languages) and in the warning.
  auto reason = [&](Lang lang) {
    if (!all) {
      return fmt::format(fmt::runtime(Text(MsgId::kWeightsSomeMissing, lang)), with,
                         p.indicators.size());
    }
    if (!adds_up) {
      return fmt::format(fmt::runtime(Text(MsgId::kWeightsBadSum, lang)), sum.ToDecimalString(),
                         expected.ToDecimalString());
    }
    return std::string(Text(MsgId::kWeightsNotPositive, lang));
  };
  std::vector<std::string> listed;
  for (ImportedIndicator& ind : p.indicators) {
    listed.push_back(fmt::format("{}={}", ind.name, ind.weight.empty() ? "-" : ind.weight));
    ind.weight.clear();
  }
  Guess(d, d->header_at, "indicators",
        fmt::format("分值未导入（{}）/ weights not imported ({}): {}", reason(Lang::kZh),
                    reason(Lang::kEn), Quote(fmt::format("{}", fmt::join(listed, ", ")))),
        Msg(MsgId::kImportWeightsDropped, reason(CurrentLang())));
}

void Importer::TellApartNames(Draft* d) {
  std::set<std::string> keys;
  for (const ImportedIndicator& ind : d->p.indicators) keys.insert(ind.name);
  std::unordered_map<std::string, int> seen;
  for (ImportedIndicator& ind : d->p.indicators) {
    int n = ++seen[ind.name];
    if (n == 1) continue;
    std::string id;
    for (int k = n;; ++k) {
      id = fmt::format("{}-{}", ind.name, k);
      if (keys.insert(id).second) break;
    }
    ind.id = id;
    ind.notes.push_back(fmt::format("三级指标“{}”在表中重复，加 id 区分 / the name is repeated "
                                    "in the table, so this one has an id",
                                    ind.name));
    Warn(d, ind.at, Msg(MsgId::kImportNameRepeated, Quote(ind.name), id));
  }
}

void Importer::SelfCheck(Draft* d) {
  ImportedProject copy = d->p;
  if (copy.id.empty()) copy.id = "import-check";
  ProjectYamlLines lines;
  Source src{doc_.file + " (imported)", ProjectYaml(copy, &lines)};
  Diagnostics found;
  YamlLimits limits;
  limits.max_scalar_bytes = std::max(limits.max_scalar_bytes, opts_.max_cell_bytes + 64);
  limits.max_file_bytes = std::max(limits.max_file_bytes, src.text.size() + 1);
  ParseYamlStream(src, limits, &found, [&](const YamlDocument& ydoc) {
    ReadTargetDocument(src, ydoc, rules_, &found, nullptr, opts_.max_indicators);
  });
  // Where in the document a line of the YAML came from: the indicator it
  // is part of (its 指标值 cell for its target), else the project.
  auto place_of = [&](size_t line) -> DocPlace {
    const std::vector<size_t>& starts = lines.indicator;
    auto after = std::upper_bound(starts.begin(), starts.end(), line);
    if (after == starts.begin()) return d->p.at;
    size_t k = static_cast<size_t>(after - starts.begin()) - 1;
    const ImportedIndicator& ind = d->p.indicators[k];
    return line == lines.target[k] ? ind.target_at : ind.at;
  };
  for (const Diagnostic& x : found.all()) {
    if (x.severity == Severity::kError) {
      Error(d, d->p.at, Message{x.code, Tr(MsgId::kImportSelfCheck, x.message, x.loc.line)});
      continue;
    }
    if (x.severity != Severity::kWarning) continue;
    // A warning check gives (JX0247, JX0306, …): the same, at its place in
    // the document; the split of the 分值 at the header's 分值 cell.
    DocPlace at = place_of(static_cast<size_t>(x.loc.line));
    if (x.code == CodeOf(MsgId::kTgtWeightPools)) {
      at = d->weight_at.line > 0 || d->weight_at.table > 0 ? d->weight_at : d->header_at;
    }
    Warn(d, at, Message{x.code, x.message});
  }
}

}  // namespace jixiao::importer
