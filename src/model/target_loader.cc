#include "model/target_loader.h"

#include <algorithm>
#include <unordered_map>


#include "model/actuals.h"
#include "model/rules_file.h"
#include "model/actuals_read.h"
#include "model/progress.h"
#include "yaml/inputs.h"
#include "base/text.h"
#include "model/value_scan.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace {

// `items` joined with " + " or another separator written in both languages.
std::string JoinWith(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

using value_scan::JoinList;

const std::vector<std::string> kProjectKeys = {"project", "id",      "year",    "department",
                                               "supervisor", "unit", "budget", "purpose",
                                               "goals",   "indicators"};
const std::vector<std::string> kDepartmentKeys = {"code", "name"};
const std::vector<std::string> kBudgetKeys = {"total", "fiscal", "carryover", "other"};
constexpr const char* kPartNames[3] = {"fiscal", "carryover", "other"};
const std::vector<std::string> kIndicatorKeys = {"level1", "level2", "name", "description",
                                                 "target", "weight", "id"};

// Accumulates one project's problems; the project is valid when none is an error.
class ProjectReader {
 public:
  ProjectReader(const Source& src, const Rules& rules, Diagnostics* diags,
                size_t max_indicators)
      : rules_(rules), r_(src, diags), max_indicators_(max_indicators) {}

  std::optional<Project> Read(const YamlDocument& doc,
                              std::pair<std::string, std::string>* rejected) {
    const YamlNode* root = doc.root();
    if (root == nullptr || root->is_null()) {
      r_.Error(root ? *root : Placeholder(doc), MsgId::kTgtEmptyDocument);
      return std::nullopt;
    }
    if (!root->is_map()) {
      r_.Error(*root, MsgId::kTgtNotAMap, Describe(*root));
      return std::nullopt;
    }
    Project p;
    p.loc = r_.Loc(*root);
    p.id_loc = p.loc;
    r_.CheckKeys(*root, kProjectKeys, Text(MsgId::kTgtWhatProject));
    ReadHeader(*root, &p);
    ReadBudget(*root, &p);
    ReadIndicators(*root, &p);
    if (r_.errors() > 0 || doc.has_errors()) {
      if (rejected) *rejected = {p.id, p.project};
      return std::nullopt;
    }
    return p;
  }

 private:
  const YamlNode& Placeholder(const YamlDocument& doc) {
    placeholder_.offset = doc.offset();
    placeholder_.line = doc.line();
    return placeholder_;
  }

  std::string TextField(const YamlNode& map, std::string_view key, bool required,
                        std::string_view what, const YamlNode** at = nullptr) {
    const YamlNode* n = r_.Get(map, key, required, what);
    if (at) *at = n;
    if (n == nullptr) return {};
    std::optional<std::string> t = r_.Text(*n, key);
    if (!t) return {};
    if (required && Trim(*t).empty()) r_.Error(*n, MsgId::kTgtBlank, key);
    return std::string(Trim(*t));
  }

  void ReadHeader(const YamlNode& root, Project* p) {
    const YamlNode* name_node = nullptr;
    p->project = TextField(root, "project", true, Text(MsgId::kTgtWhatProject), &name_node);
    if (name_node) p->id_loc = r_.Loc(*name_node);
    const YamlNode* id_node = nullptr;
    p->id = TextField(root, "id", false, Text(MsgId::kTgtWhatProject), &id_node);
    if (id_node) {
      p->id_loc = r_.Loc(*id_node);
      if (p->id.empty()) r_.Error(*id_node, MsgId::kTgtBlank, "id");
    }
    if (p->id.empty()) p->id = p->project;
    if (const YamlNode* y = r_.Get(root, "year", true, Text(MsgId::kTgtWhatProject))) {
      if (auto v = r_.Integer(*y, "year", 1950, 2100)) p->year = static_cast<int>(*v);
    }
    ReadOrganisation(root, "department", &p->department_code, &p->department_name);
    ReadOrganisation(root, "supervisor", &p->supervisor_code, &p->supervisor_name);
    const YamlNode* unit_node = nullptr;
    std::string unit = TextField(root, "unit", false, Text(MsgId::kTgtWhatProject), &unit_node);
    if (unit_node) {
      Unit u = LookupUnit(unit);
      if (!IsBudgetUnit(u)) {
        r_.Error(*unit_node, MsgId::kValBudgetUnit, TruncateToWidth(unit, 60));
      } else {
        p->unit = u.name;
      }
    }
    p->purpose = TextField(root, "purpose", false, Text(MsgId::kTgtWhatProject));
    if (const YamlNode* g = r_.Get(root, "goals", false, Text(MsgId::kTgtWhatProject))) {
      if (auto goals = r_.TextList(*g, "goals")) p->goals = *goals;
    }
  }

  // `department` or `supervisor`: {code, name}, both optional.
  void ReadOrganisation(const YamlNode& root, std::string_view key, std::string* code,
                        std::string* name) {
    const YamlNode* d = r_.Get(root, key, false, Text(MsgId::kTgtWhatProject));
    if (d == nullptr) return;
    if (!d->is_map()) {
      r_.Error(*d, MsgId::kTgtOrganisationNotMap, key, Describe(*d));
      return;
    }
    r_.CheckKeys(*d, kDepartmentKeys, key);
    *code = TextField(*d, "code", false, key);
    *name = TextField(*d, "name", false, key);
  }

  void ReadBudget(const YamlNode& root, Project* p) {
    const YamlNode* b = r_.Get(root, "budget", true, Text(MsgId::kTgtWhatProject));
    if (b == nullptr) return;
    if (!b->is_map()) {
      r_.Error(*b, MsgId::kTgtBudgetNotMap, Describe(*b));
      return;
    }
    r_.CheckKeys(*b, kBudgetKeys, "budget");
    const YamlNode* total = r_.Get(*b, "total", true, "budget");
    if (total) {
      if (auto v = r_.Decimal(*total, "total")) {
        if (v->sign() <= 0) {
          r_.Error(*total, MsgId::kValBudgetTotalNotPositive, total->value);
        }
        p->total = *v;
      }
    }
    const YamlNode* parts[3] = {r_.Get(*b, "fiscal", false, "budget"),
                                r_.Get(*b, "carryover", false, "budget"),
                                r_.Get(*b, "other", false, "budget")};
    std::optional<Rational>* values[3] = {&p->fiscal, &p->carryover, &p->other};
    for (int i = 0; i < 3; ++i) {
      if (parts[i]) *values[i] = NonNegative(*parts[i], kPartNames[i]);
    }
    if (total && p->total.sign() > 0) CheckParts(parts, values, p->total, total->value);
  }

  // fiscal, carryover and other: when two or more are given they add up to
  // the total (an absent one is 0); one alone may not exceed it.
  void CheckParts(const YamlNode* const (&nodes)[3], std::optional<Rational>* const (&values)[3],
                  const Rational& total, const std::string& total_text) {
    int given = 0;
    Rational sum;
    std::vector<std::string> terms;
    const YamlNode* first = nullptr;
    for (int i = 0; i < 3; ++i) {
      if (!*values[i]) continue;
      ++given;
      sum += **values[i];
      terms.push_back(Tr(MsgId::kTgtPartTerm, kPartNames[i], nodes[i]->value));
      if (first == nullptr) first = nodes[i];
    }
    if (given >= 2 && sum != total) {
      r_.Error(*first, MsgId::kTgtPartsSum, JoinWith(terms, " + "), sum.ToDecimalString(),
               total_text);
    } else if (given == 1 && sum > total) {
      r_.Error(*first, MsgId::kTgtPartOverTotal, terms[0], total_text);
    }
  }

  std::optional<Rational> NonNegative(const YamlNode& n, std::string_view key) {
    std::optional<Rational> v = r_.Decimal(n, key);
    if (v && v->sign() < 0) {
      r_.Error(n, MsgId::kValNegativeBudgetPart, key);
      return std::nullopt;
    }
    return v;
  }

  void ReadIndicators(const YamlNode& root, Project* p) {
    const YamlNode* list = r_.Get(root, "indicators", true, Text(MsgId::kTgtWhatProject));
    if (list == nullptr) return;
    if (!list->is_sequence()) {
      r_.Error(*list, MsgId::kTgtIndicatorsNotList, Describe(*list));
      return;
    }
    if (list->items.empty()) {
      r_.Error(*list, MsgId::kTgtIndicatorsEmpty);
      return;
    }
    if (list->items.size() > max_indicators_) {
      r_.Error(*list->items[max_indicators_], MsgId::kTgtTooManyIndicators, max_indicators_,
               list->items.size());
      return;
    }
    p->indicators.reserve(list->items.size());
    nodes_.reserve(nodes_.size() + list->items.size());
    for (const YamlNode* item : list->items) ReadIndicator(*item, p);
    CheckUnique(*list, *p);
    CheckWeights(*list, *p);
  }

  void ReadIndicator(const YamlNode& n, Project* p) {
    if (!n.is_map()) {
      r_.Error(n, MsgId::kTgtIndicatorNotMap, Describe(n));
      return;
    }
    r_.CheckKeys(n, kIndicatorKeys, Text(MsgId::kTgtWhatIndicator));
    Indicator ind;
    ind.loc = r_.Loc(n);
    const YamlNode* l1 = nullptr;
    const YamlNode* l2 = nullptr;
    ind.level1 = TextField(n, "level1", true, Text(MsgId::kTgtWhatIndicator), &l1);
    ind.level2 = TextField(n, "level2", true, Text(MsgId::kTgtWhatIndicator), &l2);
    ind.name = TextField(n, "name", true, Text(MsgId::kTgtWhatIndicator));
    ind.description = TextField(n, "description", false, Text(MsgId::kTgtWhatIndicator));
    const YamlNode* id_node = nullptr;
    ind.id = TextField(n, "id", false, Text(MsgId::kTgtWhatIndicator), &id_node);
    if (id_node && ind.id.empty()) r_.Error(*id_node, MsgId::kTgtIndicatorIdBlank);
    if (l1 && !ind.level1.empty()) CheckTaxonomy(*l1, l2, &ind);
    if (const YamlNode* w = r_.Get(n, "weight", false, Text(MsgId::kTgtWhatIndicator))) {
      if (auto v = r_.Decimal(*w, "weight")) {
        if (v->sign() <= 0 || *v > rules_.IndicatorWeight()) {
          r_.Error(*w, MsgId::kTgtWeightRange, rules_.IndicatorWeight().ToDecimalString(),
                   w->value);
        }
        ind.weight = *v;
      }
    }
    const YamlNode* t = nullptr;
    ind.target_text = TextField(n, "target", true, Text(MsgId::kTgtWhatIndicator), &t);
    if (t && t->is_scalar() && t->type() == YamlNode::Type::kFloat &&
        ind.target_text.find_first_of("nNiI") != std::string::npos) {
      r_.Error(*t, MsgId::kValTargetNaN, ind.target_text);
    } else if (t && t->is_scalar() && !ind.target_text.empty()) {
      ind.target_loc = r_.Loc(*t);
      Parsed<Target> parsed = ParseTarget(ind.target_text, p->year);
      if (!parsed) {
        // The code is the reason's: it says what is wrong with the target.
        r_.Error(*t, Message{parsed.message().code,
                             Tr(MsgId::kValBadTargetWrap, TruncateToWidth(ind.target_text, 60),
                                parsed.error())});
      } else {
        ind.target = parsed.value();
        WarnOnLikelyMistakes(*t, ind);
      }
    }
    p->indicators.push_back(std::move(ind));
    nodes_.push_back(&n);
  }

  void CheckTaxonomy(const YamlNode& l1, const YamlNode* l2, Indicator* ind) {
    const Level1Group* group = rules_.FindLevel1(ind->level1);
    if (group == nullptr) {
      std::vector<std::string> names;
      for (const Level1Group& g : rules_.taxonomy) names.push_back(g.name);
      std::string hint = ClosestMatch(ind->level1, names);
      if (hint.empty()) {
        r_.Error(l1, MsgId::kTgtUnknownLevel1, ind->level1, JoinList(names));
      } else {
        r_.Error(l1, MsgId::kTgtUnknownLevel1DidYouMean, ind->level1, hint);
      }
      return;
    }
    if (l2 == nullptr || ind->level2.empty()) return;
    if (const std::string* canonical = rules_.FindLevel2(*group, ind->level2)) {
      (void)canonical;
      return;
    }
    for (const Level1Group& g : rules_.taxonomy) {
      if (rules_.FindLevel2(g, ind->level2)) {
        r_.Error(*l2, MsgId::kTgtLevel2ElsewhereLevel1, ind->level2, g.name, ind->level1);
        return;
      }
    }
    std::string hint = ClosestMatch(ind->level2, group->level2);
    if (hint.empty()) {
      r_.Error(*l2, MsgId::kTgtUnknownLevel2, ind->level2, ind->level1, JoinList(group->level2));
    } else {
      r_.Error(*l2, MsgId::kTgtUnknownLevel2DidYouMean, ind->level2, ind->level1, hint);
    }
  }

  void WarnOnLikelyMistakes(const YamlNode& t, const Indicator& ind) {
    bool cost = IsCostIndicator(ind.level1, ind.level2);
    bool time = ind.level2 == "时效指标";
    if (ind.target.kind == TargetKind::kQualitative) {
      WarnOnFigures(t, ind, cost);
      return;
    }
    if (cost && ind.target.kind == TargetKind::kQuantity &&
        ind.target.value.unit.dim == Dimension::kNumber) {
      r_.Warning(t, MsgId::kTgtCostWithoutUnit, ind.target_text, ind.name,
                 DescribeUnit(ind.target.value.unit),
                 ind.target.explicit_comparator ? ComparatorSymbol(ind.target.cmp) : "",
                 ind.target.value.value.ToDecimalString(), ind.target.value.unit.name);
    }
    if ((cost || time) && ind.target.kind == TargetKind::kQuantity &&
        !ind.target.explicit_comparator) {
      r_.Warning(t, MsgId::kTgtWithoutComparator, ind.target_text, cost ? "成本指标" : "时效指标",
                 ind.name);
    }
  }

  // A qualitative target that holds a figure and a unit ("控制在850万元以内")
  // will want a grade: say how to have it scored against the figure.
  void WarnOnFigures(const YamlNode& t, const Indicator& ind, bool cost) {
    FigureHint h = FindFigures(ind.target_text, cost);
    if (h.figures == 0) return;
    std::string how = h.figures == 1 && !h.rewrite.empty()
                          ? Tr(MsgId::kTgtFigureRewrite, h.rewrite)
                          : Tr(MsgId::kTgtFigureComparator, h.figure);
    r_.Warning(t, MsgId::kTgtFigureInQualitative, TruncateToWidth(ind.target_text, 60),
               ind.level2, ind.name, h.figure, how);
  }

  // Names must be unique within a project unless ids tell them apart.
  void CheckUnique(const YamlNode&, const Project& p) {
    std::unordered_map<std::string, size_t> seen;
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      const Indicator& ind = p.indicators[i];
      if (ind.key().empty()) continue;
      auto [it, inserted] = seen.emplace(ind.key(), i);
      if (inserted) continue;
      const Indicator& first = p.indicators[it->second];
      r_.Error(*nodes_[i], ind.id.empty() ? MsgId::kTgtDuplicateName : MsgId::kTgtDuplicateId,
               ind.key(), first.loc.line);
    }
    // An id that is another indicator's name reads, in actuals, as the
    // indicator of that name to anyone but jixiao (which goes by the id).
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      if (const Indicator* named = IndicatorNamedById(p, p.indicators[i])) {
        r_.Warning(*nodes_[i], MsgId::kTgtIdIsAnotherName, p.indicators[i].id, named->loc.line);
      }
    }
  }

  void CheckWeights(const YamlNode& list, const Project& p) {
    size_t with = 0;
    Rational sum;
    for (const Indicator& ind : p.indicators) {
      if (ind.weight) {
        ++with;
        sum += *ind.weight;
      }
    }
    if (with == 0) return;
    if (with != p.indicators.size()) {
      for (size_t i = 0; i < p.indicators.size(); ++i) {
        if (!p.indicators[i].weight) {
          r_.Error(*nodes_[i], MsgId::kTgtWeightMissing, p.indicators[i].name);
        }
      }
      return;
    }
    Rational expected = rules_.IndicatorWeight();
    Rational tolerance = Rational(1) / 100;
    Rational diff = sum - expected;
    if (diff > tolerance || -diff > tolerance) {
      r_.Error(list, MsgId::kTgtWeightsSum, sum.ToDecimalString(), expected.ToDecimalString(),
               (expected + rules_.execution_weight).ToDecimalString(),
               rules_.execution_weight.ToDecimalString());
      return;
    }
    WarnOnPools(list, p);
  }

  // Explicit weights whose level-1 sums differ from the rules' pools (产出 50,
  // 效益 30, 满意度 10 under mof-2020; the pools of the groups present, when
  // one is empty, in proportion as for an equal split).
  void WarnOnPools(const YamlNode& list, const Project& p) {
    std::vector<std::string> order;
    std::unordered_map<std::string, Rational> given;
    for (const Indicator& ind : p.indicators) {
      const Level1Group* g = rules_.FindLevel1(ind.level1);
      if (g == nullptr || rules_.FindPool(g->pool) == nullptr) return;
      if (given.emplace(g->pool, 0).second) order.push_back(g->pool);
      given[g->pool] += *ind.weight;
    }
    Rational used;
    for (const std::string& pool : order) used += rules_.FindPool(pool)->weight;
    if (used.is_zero()) return;
    const Rational scale = rules_.IndicatorWeight() / used;
    std::vector<std::string> got, want;
    bool differ = false;
    for (const Pool& pool : rules_.pools) {
      auto it = given.find(pool.name);
      if (it == given.end()) continue;
      Rational expected = pool.weight * scale;
      Rational diff = it->second - expected;
      if (diff > Rational(1) / 100 || -diff > Rational(1) / 100) differ = true;
      got.push_back(pool.name + " " + it->second.ToDecimalString(2));
      want.push_back(pool.name + " " + expected.ToDecimalString(2));
    }
    if (!differ) return;
    r_.Warning(list, MsgId::kTgtWeightPools, JoinList(got), JoinList(want));
  }

  const Rules& rules_;
  FieldReader r_;
  std::vector<const YamlNode*> nodes_;  // the map of each indicator read
  YamlNode placeholder_;
  size_t max_indicators_;
};

}  // namespace

std::optional<Project> ReadTargetDocument(const Source& src, const YamlDocument& doc,
                                          const Rules& rules, Diagnostics* diags,
                                          std::pair<std::string, std::string>* rejected,
                                          size_t max_indicators) {
  return ProjectReader(src, rules, diags, max_indicators).Read(doc, rejected);
}

bool IsActualsDocument(const YamlDocument& doc) {
  const YamlNode* root = doc.root();
  return root != nullptr && root->is_map() && root->Find("projects") != nullptr &&
         root->Find("project") == nullptr;
}

bool IsRulesDocument(const YamlDocument& doc) {
  const YamlNode* root = doc.root();
  if (root == nullptr || !root->is_map()) return false;
  bool rules_key = false;
  for (const auto& [k, v] : root->entries) {
    (void)v;
    if (!k->is_scalar()) continue;
    if (k->value == "projects" ||
        std::find(kProjectKeys.begin(), kProjectKeys.end(), k->value) != kProjectKeys.end())
      return false;
    rules_key = rules_key || IsRulesOnlyKey(k->value);
  }
  return rules_key;
}

void TargetLoader::LoadFile(const std::string& path, const ProjectCallback& on_project,
                            const RejectedCallback& on_rejected) {
  ++stats_.files;
  std::optional<Source> src = ReadSource(path, limits_.max_file_bytes, diags_);
  if (src) LoadSource(*src, on_project, on_rejected);
}

void TargetLoader::LoadSource(const Source& src, const ProjectCallback& on_project,
                              const RejectedCallback& on_rejected) {
  // `check actuals.csv`: said as what it is, not as YAML that is no target.
  if (std::optional<CsvGivenAsTargets> csv = CsvSheetAsTargets(src)) {
    diags_->Error(csv->loc, std::move(csv->message), std::move(csv->line));
    return;
  }
  if (!CheckInputText(src, limits_.max_file_bytes, diags_)) return;
  size_t errors_before = diags_->error_count();
  size_t next_index = 0;  // a document's index past it: some were lost
  size_t documents = ParseYamlStream(src, limits_, diags_, [&](const YamlDocument& doc) {
    ++stats_.documents;
    stats_.lost_documents += doc.index() - next_index;
    next_index = doc.index() + 1;
    if (IsActualsDocument(doc)) {
      // An actuals file beside the targets (check examples/): validated as
      // actuals, not scored; one with an as_of is a progress file (monitor's),
      // validated with its progress fields.
      ++stats_.actuals_documents;
      ActualsIndex scratch;
      if (doc.root()->Find("as_of") != nullptr) {
        static const ProgressReading kProgress;
        actuals_read::EntrySink add = [&](ProjectActuals&& e) { scratch.Add(std::move(e), diags_); };
        actuals_read::ReadYamlEntries(src, doc, add, diags_, &kProgress);
      } else {
        ReadActualsDocument(src, doc, &scratch, diags_);
      }
      return;
    }
    if (IsRulesDocument(doc)) {
      // A rules file beside the targets (check examples/, which holds
      // examples/rules/): validated as a rules file, not scored.
      ++stats_.rules_documents;
      ReadRulesDocument(src, *doc.root(), rules_, diags_);
      return;
    }
    std::pair<std::string, std::string> rejected;
    std::optional<Project> p =
        ReadTargetDocument(src, doc, rules_, diags_, &rejected, limits_.max_indicators);
    if (!p) {
      if (on_rejected) on_rejected(rejected.first, rejected.second);
      return;
    }
    stats_.projects++;
    stats_.indicators += p->indicators.size();
    on_project(std::move(*p), src);
  });
  if (documents == 0 && diags_->error_count() == errors_before) {
    diags_->Error({src.path, 0, 0}, MsgId::kTgtNoDocument);
  }
}

}  // namespace jixiao
