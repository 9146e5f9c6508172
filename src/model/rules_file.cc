// Rules files (docs/reference.md §5). What a key given in a file does to the base rules:
//   name, execution_weight, reverse, the thresholds: replace;
//   pools, grades: replace the whole list, in the order written;
//   qualitative: replaces the ratios given, each within its grade's band;
//   qualitative_bands: replaces the lowest scores given (达成, 部分达成; 未达成
//     is 0), which must keep every default ratio within its band;
//   deviation_inclusive: replaces;
//   taxonomy: merges. A new 一级指标 scores in the pool named by `pool`, else
//     in a pool of its own name; an existing one gets its new 二级指标
//     appended (no repeats) and, if `pool` is given, that pool.
// Then: execution_weight + the pools add up to exactly 100; every 一级指标
// the file names scores in an existing pool; a base 一级指标 the file does
// not name is dropped when replaced pools no longer hold its pool; every
// pool has at least one 一级指标. Any error leaves the base rules unchanged.
#include "model/rules_file.h"

#include <cctype>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "yaml/inputs.h"
#include "base/key_index.h"
#include "base/text.h"
#include "model/value_scan.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace {

const std::vector<std::string> kRulesKeys = {
    "name", "execution_weight", "pools", "taxonomy", "grades", "reverse", "qualitative",
    "qualitative_bands", "deviation_threshold", "deviation_inclusive",
    "execution_threshold", "monitor"};  // in the order FormatRulesYaml prints
const std::vector<std::string> kTaxonomyEntryKeys = {"pool", "level2"};
const std::vector<std::string> kReverseNames = {"ratio", "linear"};

// A qualitative grade (docs/reference.md §3.4), the Rules field of its default ratio and
// the Rules field of the lowest score of its band (nullptr: 0). The band
// itself is Rules::BandOf.
struct QualitativeGrade {
  const char* name;
  Grade grade;
  Rational Rules::*ratio;
  Rational Rules::*band_min;
};
const QualitativeGrade kQualitativeGrades[] = {
    {"达成", Grade::kAchieved, &Rules::achieved_ratio, &Rules::achieved_min},
    {"部分达成", Grade::kPartial, &Rules::partial_ratio, &Rules::partial_min},
    {"未达成", Grade::kNotAchieved, &Rules::not_achieved_ratio, nullptr},
};

std::vector<std::string> QualitativeKeys() {
  std::vector<std::string> keys;
  for (const QualitativeGrade& g : kQualitativeGrades) keys.push_back(g.name);
  return keys;
}

bool HasControl(std::string_view s) {
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return true;
  }
  return false;
}

bool Contains(const std::vector<std::string>& list, std::string_view s) {
  for (const std::string& x : list)
    if (x == s) return true;
  return false;
}

// Reads the overrides of one rules document over a copy of the base rules.
// Every problem is reported through the FieldReader, located.
class RulesReader {
 public:
  RulesReader(const Source& src, const Rules& base, Diagnostics* diags)
      : r_(src, diags), src_(src), diags_(diags), rules_(base), base_(base) {}

  // The base rules with the overrides of `root` applied, or nullopt when
  // any error was reported.
  std::optional<Rules> Read(const YamlNode& root) {
    if (!root.is_map()) {
      r_.Error(root, MsgId::kRulesNotAMap, Describe(root));
      return std::nullopt;
    }
    root_ = &root;
    r_.CheckKeys(root, kRulesKeys, Text(MsgId::kRulesWhatFile));
    ReadName(root);
    size_t errors_before_weights = r_.errors();
    ReadExecutionWeight(root);
    ReadPools(root);
    weights_bad_ = r_.errors() > errors_before_weights;
    ReadTaxonomy(root);
    ReadGrades(root);
    ReadReverse(root);
    ReadQualitativeBands(root);
    ReadQualitative(root);
    ReadThreshold(root, "deviation_threshold", &Rules::deviation_threshold);
    ReadDeviationInclusive(root);
    ReadThreshold(root, "execution_threshold", &Rules::execution_threshold);
    if (const YamlNode* m = MapField(root, "monitor", "{time_progress: days, pace_green: 0.8}")) {
      ReadMonitorRules(*m, rules_, &r_, &rules_.monitor);  // model/monitor_rules.h
    }
    CheckTotal();
    CheckPoolsOfTaxonomy();
    if (r_.errors() > 0 || coded_errors_ > 0) return std::nullopt;
    // Reports name the rules they were scored under: rules that differ from
    // the base but were given no name of their own must not pass for it.
    if (KeyNode(root, "name") == nullptr && FormatRulesYaml(rules_) != FormatRulesYaml(base_)) {
      rules_.name = base_.name + "+custom";
    }
    return std::move(rules_);
  }

 private:
  // An entry whose key holds its value after a colon YAML did not take
  // (`满意度指标：10`, `差:0`), so that its value is empty: reported as the
  // slip it is (JX0125), not as an empty value. True when it is one.
  bool KeySlipped(const YamlNode& k, const YamlNode& v) {
    return v.is_null() && r_.ReportKeySlip(k);
  }

  // The key node of `key` in `map`, or nullptr.
  static const YamlNode* KeyNode(const YamlNode& map, std::string_view key) {
    for (const auto& [k, v] : map.entries) {
      (void)v;
      if (k->is_scalar() && k->value == key) return k;
    }
    return nullptr;
  }

  // The catalogue's error `id` at `at`.
  template <typename... Args>
  void CodedError(const YamlNode& at, MsgId id, const Args&... args) {
    diags_->Add(MakeDiagnostic(Severity::kError, src_, at.offset, Msg(id, args...), at.line));
    ++coded_errors_;
  }

  // A name (of the rules, a pool, a 一级/二级指标 or a grade): one line of
  // text, trimmed, not blank.
  // `what` names it in messages (a catalogue text).
  std::optional<std::string> Name(const YamlNode& n, MsgId what) {
    if (!n.is_scalar()) {
      r_.Error(n, MsgId::kRulesNameNotText, Tr(what), Describe(n));
      return std::nullopt;
    }
    std::string s(Trim(n.value));
    if (s.empty()) {
      r_.Error(n, MsgId::kRulesNameBlank, Tr(what));
      return std::nullopt;
    }
    if (HasControl(s)) {
      r_.Error(n, MsgId::kRulesNameControl, Tr(what));
      return std::nullopt;
    }
    return s;
  }

  // The value of `key` as a map, or nullptr when absent; reports other kinds.
  const YamlNode* MapField(const YamlNode& root, std::string_view key, std::string_view example) {
    const YamlNode* n = r_.Get(root, key, false, Text(MsgId::kRulesWhatFile));
    if (n == nullptr) return nullptr;
    if (!n->is_map()) {
      r_.Error(*n, MsgId::kRulesNotMap, key, example, Describe(*n));
      return nullptr;
    }
    return n;
  }

  void ReadName(const YamlNode& root) {
    const YamlNode* n = r_.Get(root, "name", false, Text(MsgId::kRulesWhatFile));
    if (n == nullptr) return;
    if (auto s = Name(*n, MsgId::kRulesWhatName)) rules_.name = *s;
  }

  void ReadExecutionWeight(const YamlNode& root) {
    const YamlNode* n = r_.Get(root, "execution_weight", false, Text(MsgId::kRulesWhatFile));
    if (n == nullptr) return;
    weight_given_ = KeyNode(root, "execution_weight");
    std::optional<Rational> v = r_.Decimal(*n, "execution_weight");
    if (!v) return;
    if (v->sign() <= 0) {
      r_.Error(*n, MsgId::kRulesExecutionWeight, n->value);
    } else {
      rules_.execution_weight = *v;
    }
  }

  void ReadPools(const YamlNode& root) {
    const YamlNode* map = MapField(root, "pools", "{产出指标: 50, 效益指标: 30, 满意度指标: 10}");
    if (map == nullptr) return;
    pools_given_ = KeyNode(root, "pools");
    if (map->entries.empty()) {
      r_.Error(*map, MsgId::kRulesPoolsEmpty);
      return;
    }
    std::vector<Pool> pools;
    for (const auto& [k, v] : map->entries) {
      if (KeySlipped(*k, *v)) continue;
      std::optional<std::string> name = Name(*k, MsgId::kRulesWhatPoolLevel1);
      std::optional<Rational> w = r_.Decimal(*v, k->value);
      if (w && w->sign() <= 0) {
        r_.Error(*v, MsgId::kRulesPoolWeight, name ? *name : k->value, v->value);
        w.reset();
      }
      if (!name || !w) continue;
      if (pool_nodes_.count(*name) == 0) {
        pool_nodes_.emplace(*name, k);
        pools.push_back({*name, *w});
      } else {
        r_.Error(*k, MsgId::kRulesPoolTwice, *name);
      }
    }
    rules_.pools = std::move(pools);
  }

  // The 二级指标 names of a taxonomy entry, trimmed and without repeats.
  std::optional<std::vector<std::string>> Level2List(const YamlNode& n, std::string_view level1) {
    if (!n.is_sequence() && !n.is_scalar()) {
      r_.Error(n, MsgId::kRulesLevel2NotList, level1, Describe(n));
      return std::nullopt;
    }
    std::vector<const YamlNode*> items = n.is_sequence() ? n.items
                                                         : std::vector<const YamlNode*>{&n};
    std::vector<std::string> out;
    bool ok = true;
    for (const YamlNode* item : items) {
      std::optional<std::string> s = Name(*item, MsgId::kRulesWhatLevel2);
      if (!s) {
        ok = false;
      } else if (!Contains(out, *s)) {
        out.push_back(*s);
      }
    }
    if (!ok) return std::nullopt;
    return out;
  }

  void ReadTaxonomy(const YamlNode& root) {
    const YamlNode* map = MapField(root, "taxonomy", "{产出指标: [数量指标, 质量指标]}");
    if (map == nullptr) return;
    for (const auto& [k, v] : map->entries) {
      if (KeySlipped(*k, *v)) continue;
      std::optional<std::string> level1 = Name(*k, MsgId::kRulesWhatLevel1);
      if (!level1) continue;
      std::optional<std::string> pool;
      const YamlNode* pool_node = nullptr;
      std::optional<std::vector<std::string>> level2;
      Level1Group* group = FindGroup(*level1);
      if (v->is_null()) {
        r_.Error(*v, MsgId::kRulesTaxonomyEntryEmpty, *level1);
        continue;
      }
      if (v->is_map()) {
        r_.CheckKeys(*v, kTaxonomyEntryKeys, Text(MsgId::kRulesWhatTaxonomyEntry));
        pool_node = r_.Get(*v, "pool", false, Text(MsgId::kRulesWhatTaxonomyEntry));
        if (pool_node) {
          pool = Name(*pool_node, MsgId::kRulesWhatPool);
          if (!pool) continue;
        }
        const YamlNode* l2 = r_.Get(*v, "level2", group == nullptr, Text(MsgId::kRulesWhatTaxonomyEntry));
        if (l2 == nullptr) {
          if (group == nullptr) continue;
          level2.emplace();
        } else {
          level2 = Level2List(*l2, *level1);
        }
      } else {
        level2 = Level2List(*v, *level1);
      }
      if (!level2) continue;
      if (group == nullptr) {
        if (level2->empty()) {
          r_.Error(*v, MsgId::kRulesNewLevel1WithoutLevel2, *level1);
          continue;
        }
        rules_.taxonomy.push_back({*level1, pool ? *pool : *level1, {}});
        group = &rules_.taxonomy.back();
      } else if (pool) {
        group->pool = *pool;
      }
      for (std::string& s : *level2)
        if (!Contains(group->level2, s)) group->level2.push_back(std::move(s));
      touched_.push_back({*level1, pool_node ? pool_node : k});
    }
  }

  Level1Group* FindGroup(std::string_view name) {
    for (Level1Group& g : rules_.taxonomy)
      if (g.name == name) return &g;
    return nullptr;
  }

  void ReadGrades(const YamlNode& root) {
    const YamlNode* map = MapField(root, "grades", "{优: 90, 良: 80, 中: 60, 差: 0}");
    if (map == nullptr) return;
    if (map->entries.empty()) {
      r_.Error(*map, MsgId::kRulesGradesEmpty);
      return;
    }
    std::vector<GradeBand> grades;
    bool ok = true;
    const YamlNode* last = nullptr;
    for (const auto& [k, v] : map->entries) {
      last = v;
      if (KeySlipped(*k, *v)) {
        ok = false;
        continue;
      }
      std::optional<std::string> name = Name(*k, MsgId::kRulesWhatGrade);
      std::optional<Rational> min = r_.Decimal(*v, k->value);
      if (!name || !min) {
        ok = false;
        continue;
      }
      if (*min < 0 || *min > 100) {
        r_.Error(*v, MsgId::kRulesGradeRange, *name, v->value);
        ok = false;
        continue;
      }
      if (ok && !grades.empty() && *min >= grades.back().min) {
        r_.Error(*v, MsgId::kRulesGradeOrder, *name, v->value, grades.back().name,
                 grades.back().min.ToDecimalString());
        ok = false;
        continue;
      }
      grades.push_back({*name, *min});
    }
    if (!ok) return;
    if (!grades.back().min.is_zero()) {
      r_.Error(*last, MsgId::kRulesLastGrade, grades.back().name, last->value);
      return;
    }
    rules_.grades = std::move(grades);
  }

  void ReadReverse(const YamlNode& root) {
    const YamlNode* n = r_.Get(root, "reverse", false, Text(MsgId::kRulesWhatFile));
    if (n == nullptr) return;
    std::optional<std::string> s = r_.Text(*n, "reverse");
    if (!s) return;
    if (*s == "ratio") {
      rules_.reverse = ReverseFormula::kRatio;
    } else if (*s == "linear") {
      rules_.reverse = ReverseFormula::kLinear;
    } else {
      std::string hint = ClosestMatch(*s, kReverseNames);
      if (hint.empty()) {
        r_.Error(*n, MsgId::kRulesReverse, Describe(*n));
      } else {
        r_.Error(*n, MsgId::kRulesReverseDidYouMean, Describe(*n), hint);
      }
    }
  }

  // The lowest score of 达成 and of 部分达成 (未达成's is 0): each in (0, 1],
  // 达成's above 部分达成's. Read before the ratios, which must fit them.
  void ReadQualitativeBands(const YamlNode& root) {
    const YamlNode* map =
        MapField(root, "qualitative_bands", "{达成: 0.8, 部分达成: 0.5, 未达成: 0}");
    if (map == nullptr) return;
    bands_given_ = KeyNode(root, "qualitative_bands");
    r_.CheckKeys(*map, QualitativeKeys(), "qualitative_bands");
    Rational achieved = rules_.achieved_min, partial = rules_.partial_min;
    const YamlNode* nodes[3] = {nullptr, nullptr, nullptr};
    bool ok = true;
    for (size_t i = 0; i < 3; ++i) {
      const QualitativeGrade& g = kQualitativeGrades[i];
      const YamlNode* n = r_.Get(*map, g.name, false, "qualitative_bands");
      if (n == nullptr) continue;
      nodes[i] = n;
      std::optional<Rational> v = r_.Decimal(*n, g.name);
      if (!v) {
        ok = false;
      } else if (g.band_min == nullptr) {
        if (!v->is_zero()) {
          CodedError(*n, MsgId::kBandOfNotAchieved, n->value);
          ok = false;
        }
      } else if (v->sign() <= 0 || *v > 1) {
        CodedError(*n, MsgId::kBandOutOfRange, g.name, n->value);
        ok = false;
      } else {
        (g.grade == Grade::kAchieved ? achieved : partial) = *v;
      }
    }
    if (!ok) return;
    if (partial >= achieved) {
      const YamlNode* at = nodes[0] ? nodes[0] : nodes[1] ? nodes[1] : map;
      CodedError(*at, MsgId::kBandsOutOfOrder, achieved.ToDecimalString(),
                 partial.ToDecimalString());
      return;
    }
    rules_.achieved_min = achieved;
    rules_.partial_min = partial;
  }

  void ReadQualitative(const YamlNode& root) {
    const YamlNode* map = MapField(root, "qualitative", "{达成: 1, 部分达成: 0.6, 未达成: 0}");
    std::vector<bool> given(3, false);
    if (map != nullptr) r_.CheckKeys(*map, QualitativeKeys(), "qualitative");
    for (size_t i = 0; i < 3 && map != nullptr; ++i) {
      const QualitativeGrade& g = kQualitativeGrades[i];
      const YamlNode* n = r_.Get(*map, g.name, false, "qualitative");
      if (n == nullptr) continue;
      given[i] = true;
      std::optional<Rational> v = r_.Decimal(*n, g.name);
      if (!v) continue;
      ScoreBand band = rules_.BandOf(g.grade);
      if (!band.Holds(*v)) {
        r_.Error(*n,
                 band.high_inclusive ? MsgId::kRulesQualitativeRatio
                                     : MsgId::kRulesQualitativeRatioOpen,
                 g.name, band.low.ToDecimalString(), band.high.ToDecimalString(), n->value);
        continue;
      }
      rules_.*g.ratio = *v;
    }
    // A ratio the file does not give must fit the bands the file gave.
    for (size_t i = 0; i < 3 && bands_given_ != nullptr; ++i) {
      const QualitativeGrade& g = kQualitativeGrades[i];
      ScoreBand band = rules_.BandOf(g.grade);
      if (given[i] || band.Holds(rules_.*g.ratio)) continue;
      CodedError(*bands_given_, MsgId::kRatioOutsideBand, g.name,
                 (rules_.*g.ratio).ToDecimalString(), band.low.ToDecimalString(),
                 band.high.ToDecimalString(), band.high_inclusive ? "]" : ")");
    }
  }

  void ReadDeviationInclusive(const YamlNode& root) {
    const YamlNode* n = r_.Get(root, "deviation_inclusive", false, Text(MsgId::kRulesWhatFile));
    if (n == nullptr) return;
    if (n->is_scalar() && n->type() == YamlNode::Type::kBool) {
      rules_.deviation_inclusive = n->value[0] == 't' || n->value[0] == 'T';
      return;
    }
    CodedError(*n, MsgId::kNotABoolean, "deviation_inclusive", TruncateToWidth(n->value, 40));
  }

  void ReadThreshold(const YamlNode& root, std::string_view key, Rational Rules::*field) {
    const YamlNode* n = r_.Get(root, key, false, Text(MsgId::kRulesWhatFile));
    if (n == nullptr) return;
    std::optional<Rational> v = r_.Decimal(*n, key);
    if (!v) return;
    if (*v < 0 || *v > 1) {
      r_.Error(*n, MsgId::kRulesThreshold, key, n->value);
      return;
    }
    rules_.*field = *v;
  }

  // execution_weight + the pool weights must be exactly 100.
  void CheckTotal() {
    if (weights_bad_ || (pools_given_ == nullptr && weight_given_ == nullptr)) return;
    Rational total = rules_.execution_weight + rules_.IndicatorWeight();
    if (total == 100) return;
    std::vector<std::string> parts;
    for (const Pool& p : rules_.pools) parts.push_back(p.weight.ToDecimalString());
    const YamlNode& at = pools_given_ ? *pools_given_ : *weight_given_;
    r_.Error(at, MsgId::kRulesTotal, rules_.execution_weight.ToDecimalString(),
             fmt::join(parts, " + "), rules_.IndicatorWeight().ToDecimalString(),
             total.ToDecimalString());
  }

  // Every 一级指标 scores in an existing pool, and every pool has a 一级指标.
  // A built-in 一级指标 that the file does not mention is dropped when its
  // pool is no longer among the pools (the file replaced them).
  void CheckPoolsOfTaxonomy() {
    std::vector<Level1Group> kept;
    for (Level1Group& g : rules_.taxonomy) {
      const YamlNode* mentioned = nullptr;
      for (const auto& [name, node] : touched_)
        if (name == g.name) mentioned = node;
      if (rules_.FindPool(g.pool) == nullptr) {
        if (mentioned == nullptr) continue;
        std::vector<std::string> names;
        for (const Pool& p : rules_.pools) names.push_back(p.name);
        std::string hint = ClosestMatch(g.pool, names);
        if (g.pool == g.name && hint.empty()) {
          r_.Error(*mentioned, MsgId::kRulesOwnPoolMissing, g.name, value_scan::JoinList(names),
                   names.empty() ? "产出指标" : names.front());
          continue;
        }
        if (hint.empty()) {
          r_.Error(*mentioned, MsgId::kRulesPoolMissing, g.name, g.pool,
                   value_scan::JoinList(names));
        } else {
          r_.Error(*mentioned, MsgId::kRulesPoolMissingDidYouMean, g.name, g.pool,
                   value_scan::JoinList(names), hint);
        }
      }
      kept.push_back(std::move(g));
    }
    rules_.taxonomy = std::move(kept);
    if (weights_bad_) return;
    for (const Pool& p : rules_.pools) {
      bool used = false;
      for (const Level1Group& g : rules_.taxonomy) used = used || g.pool == p.name;
      if (used) continue;
      auto it = pool_nodes_.find(p.name);
      const YamlNode* at = it != pool_nodes_.end() ? it->second : root_;
      if (const YamlNode* tax = KeyNode(*root_, "taxonomy"); it == pool_nodes_.end() && tax)
        at = tax;
      r_.Error(*at, MsgId::kRulesPoolUnused, p.name);
    }
  }

  FieldReader r_;
  const Source& src_;
  Diagnostics* diags_;
  size_t coded_errors_ = 0;  // errors reported through CodedError
  Rules rules_;
  const Rules base_;
  const YamlNode* root_ = nullptr;
  const YamlNode* weight_given_ = nullptr;  // key node of execution_weight
  const YamlNode* pools_given_ = nullptr;   // key node of pools
  const YamlNode* bands_given_ = nullptr;   // key node of qualitative_bands
  bool weights_bad_ = false;  // execution_weight or pools had errors
  std::map<std::string, const YamlNode*> pool_nodes_;  // pool name -> its key node
  // 一级指标 named in the file's taxonomy, with the node to blame for them.
  std::vector<std::pair<std::string, const YamlNode*>> touched_;
};

// ---- printing ----

bool IsReservedWord(std::string_view s) {
  static const char* const kWords[] = {"null", "Null", "NULL", "true",  "True",
                                       "TRUE", "false", "False", "FALSE"};
  for (const char* w : kWords)
    if (s == w) return true;
  return false;
}

// Whether `s` can be written as a plain scalar, in block and flow context
// alike, and read back as the same text. Conservative: anything unusual is
// quoted.
bool IsPlainSafe(std::string_view s) {
  if (s.empty() || IsReservedWord(s)) return false;
  unsigned char first = static_cast<unsigned char>(s[0]);
  if (first < 0x80 && !isalpha(first) && first != '_' && first != '(') return false;
  if (s.back() == ' ') return false;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = DecodeUtf8(s, &pos);
    if (cp < 0x80) {
      if (isalnum(static_cast<int>(cp))) continue;
      if (std::string_view("_-./()+ ").find(static_cast<char>(cp)) == std::string_view::npos)
        return false;
      continue;
    }
    if (cp < 0xA1 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0x3000 ||
        cp == 0xFFFD)
      return false;
  }
  return true;
}

// `s` as a YAML scalar that reads back as exactly `s`: plain when that is
// safe, else double-quoted with escapes.
std::string Scalar(std::string_view s) {
  if (IsPlainSafe(s)) return std::string(s);
  std::string out = "\"";
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(s, &pos);
    if (cp == '"' || cp == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(cp));
    } else if (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  out.push_back('"');
  return out;
}

// `line` followed by `# comment`, the comments aligned at column 28.
std::string FlowList(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& s : items) quoted.push_back(Scalar(s));
  return fmt::format("[{}]", fmt::join(quoted, ", "));
}

}  // namespace

Rules ParseRules(const Source& src, const Rules& base, const YamlLimits& limits,
                 Diagnostics* diags) {
  size_t errors_before = diags->error_count();
  if (!CheckInputText(src, limits.max_file_bytes, diags)) return base;
  std::optional<Rules> result;
  std::optional<std::pair<size_t, int>> empty_document;  // offset, line
  size_t documents = ParseYamlStream(src, limits, diags, [&](const YamlDocument& doc) {
    if (doc.index() > 0) {
      if (doc.index() == 1) {
        diags->Add(MakeDiagnostic(Severity::kError, src, doc.offset(),
                                  Msg(MsgId::kRulesSecondDocument), doc.line()));
      }
      return;
    }
    const YamlNode* root = doc.root();
    if (root == nullptr || root->is_null()) {
      // Reported only if the stream has nothing worse to say (a stray ','
      // parses as an empty document, then as a syntax error).
      empty_document = root ? std::make_pair(root->offset, root->line)
                            : std::make_pair(doc.offset(), doc.line());
      return;
    }
    result = RulesReader(src, base, diags).Read(*root);
    if (doc.has_errors()) result.reset();
  });
  if (diags->error_count() > errors_before) return base;
  if (documents == 0 || empty_document) {
    Message message = Msg(MsgId::kRulesEmpty);
    if (empty_document) {
      diags->Add(MakeDiagnostic(Severity::kError, src, empty_document->first, std::move(message),
                                empty_document->second));
    } else {
      diags->Error({src.path, 0, 0}, std::move(message));
    }
    return base;
  }
  return result ? *result : base;
}

Rules ReadRulesDocument(const Source& src, const YamlNode& root, const Rules& base,
                        Diagnostics* diags) {
  std::optional<Rules> r = RulesReader(src, base, diags).Read(root);
  return r ? *r : base;
}

bool IsRulesOnlyKey(std::string_view key) { return key != "name" && Contains(kRulesKeys, key); }

Rules LoadRules(const std::string& path, const YamlLimits& limits, Diagnostics* diags) {
  Rules base = Rules::Default();
  if (path.empty()) return base;
  std::optional<Source> src = ReadSource(path, limits.max_file_bytes, diags);
  if (!src) return base;
  return ParseRules(*src, base, limits, diags);
}

std::string FormatRulesYaml(const Rules& rules, RulesComments who) {
  auto Commented = [who](std::string_view line, MsgId reader, std::string_view digest) {
    return CommentedLine(line, who, reader, digest);
  };
  std::string out = who == RulesComments::kReader
                        ? "# " + Tr(MsgId::kRulesCommentTitle) + "\n"
                        : "# jixiao 评分规则 / scoring rules — 财预〔2020〕10号\n";
  out += fmt::format("name: {}\n", Scalar(rules.name));
  out += Commented(fmt::format("execution_weight: {}", rules.execution_weight.ToDecimalString()),
                   MsgId::kRulesCommentExecutionWeight, "预算执行率 budget execution");
  out += Commented("pools:",
                   MsgId::kRulesCommentPools, "一级指标分值 level-1 weights; with execution_weight they add up to 100");
  for (const Pool& p : rules.pools)
    out += fmt::format("  {}: {}\n", Scalar(p.name), p.weight.ToDecimalString());
  out += Commented("taxonomy:", MsgId::kRulesCommentTaxonomy, "一级指标 → 二级指标; entries are added to the built-in ones");
  // The short form `name: [二级指标...]`, for a 一级指标 scored in a pool of
  // its own name, reads back (over the built-in rules) as the pool the
  // built-in 一级指标 of that name has, or for a new one its own name: where
  // that is another pool, the pool is written out (成本指标 in a pool of its
  // own, as the 2021 form has it, is not 产出指标's built-in 成本指标).
  const Rules builtin = Rules::Default();
  auto short_form_pool = [&](const std::string& name) {
    for (const Level1Group& b : builtin.taxonomy)
      if (b.name == name) return b.pool;
    return name;
  };
  for (const Level1Group& g : rules.taxonomy) {
    if (g.pool == g.name && short_form_pool(g.name) == g.name) {
      out += fmt::format("  {}: {}\n", Scalar(g.name), FlowList(g.level2));
    } else {
      out += fmt::format("  {}: {{pool: {}, level2: {}}}\n", Scalar(g.name), Scalar(g.pool),
                         FlowList(g.level2));
    }
  }
  out += Commented("grades:", MsgId::kRulesCommentGrades, "等级 lowest rounded total, best first");
  for (const GradeBand& b : rules.grades)
    out += fmt::format("  {}: {}\n", Scalar(b.name), b.min.ToDecimalString());
  out += Commented(
      fmt::format("reverse: {}", rules.reverse == ReverseFormula::kLinear ? "linear" : "ratio"),
      MsgId::kRulesCommentReverse, "反向指标 unmet: ratio = A/B, or linear = 1-(B-A)/A (0 at B >= 2A)");
  out += Commented("qualitative:", MsgId::kRulesCommentQualitative, "定性指标 default ratio per grade");
  for (const QualitativeGrade& g : kQualitativeGrades)
    out += fmt::format("  {}: {}\n", g.name, (rules.*g.ratio).ToDecimalString());
  out += Commented("qualitative_bands:",
                   MsgId::kRulesCommentQualitativeBands, "定性指标 each grade's lowest score; 达成 up to 1");
  for (const QualitativeGrade& g : kQualitativeGrades) {
    out += fmt::format("  {}: {}\n", g.name,
                       g.band_min ? (rules.*g.band_min).ToDecimalString() : std::string("0"));
  }
  out += Commented(
      fmt::format("deviation_threshold: {}", rules.deviation_threshold.ToDecimalString()),
      MsgId::kRulesCommentDeviationThreshold, "偏差 over-achievement / cost under-run beyond this fraction");
  out += Commented(fmt::format("deviation_inclusive: {}", rules.deviation_inclusive),
                   MsgId::kRulesCommentDeviationInclusive, "true: an actual exactly at the threshold is a deviation too");
  out += Commented(
      fmt::format("execution_threshold: {}", rules.execution_threshold.ToDecimalString()),
      MsgId::kRulesCommentExecutionThreshold, "执行率 below this is a deviation");
  out += FormatMonitorRulesYaml(rules.monitor, who);
  return out;
}

std::string RulesDigest(const Rules& rules) {
  Rules scored = rules;
  scored.monitor = MonitorRules();
  return fmt::format("{:016x}", HashText(FormatRulesYaml(scored)));
}

}  // namespace jixiao
