// Reading YAML actuals: a document's `year` and `projects` list, each entry
// in its short or long form. See actuals.h.
#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "base/text.h"
#include "model/actuals.h"
#include "model/actuals_read.h"
#include "model/progress_read.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace actuals_read {

namespace {

const std::vector<std::string> kDocumentKeys = {"year", "projects"};
const std::vector<std::string> kEntryKeys = {"project", "id",   "spent",     "budget",
                                             "achieved", "note", "indicators"};
const std::vector<std::string> kFundingKeys = {"total", "fiscal", "carryover", "other"};
const std::vector<std::string> kLongFormKeys = {"value", "grade", "score", "note"};


// Reads the documents of one YAML actuals file.
class DocumentReader {
 public:
  DocumentReader(const Source& src, const EntrySink& add, Diagnostics* diags,
                 const ProgressReading* progress)
      : add_(add), src_(src), r_(src, diags), progress_(progress) {
    if (progress_) {  // a progress file's keys too (progress.h)
      document_keys_ = progress_read::DocumentKeys(kDocumentKeys);
      entry_keys_ = progress_read::EntryKeys(kEntryKeys);
      long_form_keys_ = progress_read::IndicatorKeys(kLongFormKeys);
    }
  }

  // False when some of the document could not become entries.
  bool Read(const YamlDocument& doc) {
    const YamlNode* root = doc.root();
    if (root == nullptr || root->is_null()) {
      placeholder_.offset = doc.offset();
      placeholder_.line = doc.line();
      r_.Error(root ? *root : placeholder_, MsgId::kActEmptyDocument);
      return false;
    }
    if (!root->is_map()) {
      r_.Error(*root, IsTabSeparatedSheet(doc) ? Msg(MsgId::kActTabSeparatedSheet)
                                               : Msg(MsgId::kActNotAMap, Describe(*root)));
      return false;
    }
    if (root->Find("project") != nullptr && root->Find("projects") == nullptr) {
      r_.Error(*root, MsgId::kActIsTargetProject);
      return false;
    }
    r_.CheckKeys(*root, document_keys_, Text(MsgId::kActWhatFile));
    std::optional<int> year;
    if (const YamlNode* y = r_.Get(*root, "year", false, Text(MsgId::kActWhatFile))) {
      if (auto v = r_.Integer(*y, "year", 1950, 2100)) year = static_cast<int>(*v);
    }
    if (progress_) as_of_ = progress_read::ReadAsOf(*root, year, *progress_, &r_);
    const YamlNode* list = r_.Get(*root, "projects", true, Text(MsgId::kActWhatFile));
    // A problem outside the entries (a bad year, a duplicate key anywhere)
    // may concern any of them.
    const bool document_errors = r_.errors() > 0 || doc.has_errors();
    if (list == nullptr) return false;
    if (!list->is_sequence()) {
      r_.Error(*list, MsgId::kActProjectsNotList, Describe(*list));
      return false;
    }
    if (list->items.empty()) {
      r_.Error(*list, MsgId::kActProjectsEmpty);
      return false;
    }
    bool complete = true;
    for (const YamlNode* item : list->items) {
      complete = ReadEntry(*item, year, document_errors) && complete;
    }
    return complete;
  }

 private:
  // False when the entry could not be added (its project is not known).
  bool ReadEntry(const YamlNode& n, std::optional<int> year, bool document_errors) {
    if (!n.is_map()) {
      r_.Error(n, MsgId::kActEntryNotMap, Describe(n));
      return false;
    }
    const size_t errors_before = r_.errors();
    ProjectActuals e;
    e.loc = r_.Loc(n);
    e.year = year;
    r_.CheckKeys(n, entry_keys_, Text(MsgId::kActWhatEntry));
    const bool key_known = ReadKey(n, &e);
    ReadSpent(n, &e);
    if (const YamlNode* b = r_.Get(n, "budget", false, Text(MsgId::kActWhatEntry))) {
      Funding budget;
      if (ReadFunding(*b, "budget", "全年预算数", &budget)) {
        if (budget.total.value.sign() == 0) {
          r_.Error(budget.map ? *b->Find("total") : *b, MsgId::kValAdjustedBudgetZero);
        } else {
          e.budget = std::move(budget);
        }
      }
    }
    if (const YamlNode* achieved = r_.Get(n, "achieved", false, Text(MsgId::kActWhatEntry))) {
      if (auto t = r_.Text(*achieved, "achieved")) e.achieved = std::string(Trim(*t));
    }
    if (const YamlNode* note = r_.Get(n, "note", false, Text(MsgId::kActWhatEntry))) {
      if (auto t = r_.Text(*note, "note")) e.note = std::string(Trim(*t));
    }
    if (progress_) {  // 全年预计执行数, and the document's as_of
      if (const YamlNode* f = r_.Get(n, "forecast_spent", false, Text(MsgId::kActWhatEntry))) {
        Amount a;
        if (ReadAmount(*f, "forecast_spent", "全年预计执行数", &a)) e.forecast_spent = std::move(a);
      }
      e.as_of = as_of_;
    }
    if (const YamlNode* inds = r_.Get(n, "indicators", false, Text(MsgId::kActWhatEntry))) {
      if (!inds->is_map()) {
        r_.Error(*inds, MsgId::kActIndicatorsNotMap, Describe(*inds));
      } else {
        e.indicators.reserve(inds->entries.size());
        for (const auto& [key, value] : inds->entries) ReadIndicator(*key, *value, &e);
      }
    }
    e.has_errors = document_errors || r_.errors() > errors_before;
    if (key_known) add_(std::move(e));
    return key_known;
  }

  // Reads `project:` or `id:`; true when the entry's key is known.
  bool ReadKey(const YamlNode& n, ProjectActuals* e) {
    const YamlNode* name = n.Find("project");
    const YamlNode* id = n.Find("id");
    if (name == nullptr && id == nullptr) {
      r_.Error(n, MsgId::kActEntryWithoutKey);
      return false;
    }
    if (name != nullptr && id != nullptr) {
      r_.Error(*id, MsgId::kActEntryBothKeys);
    }
    const YamlNode& key = id != nullptr ? *id : *name;
    const char* field = id != nullptr ? "id" : "project";
    e->by_id = id != nullptr;
    if (key.is_null()) {
      r_.Error(key, e->by_id ? MsgId::kActIdEmpty : MsgId::kActProjectEmpty);
      return false;
    }
    std::optional<std::string> text = r_.Text(key, field);
    if (!text) return false;
    e->key = std::string(Trim(*text));
    if (e->key.empty()) {
      r_.Error(key, MsgId::kTgtBlank, field);
      return false;
    }
    return true;
  }

  // Whether the document is a sheet saved as tab-separated text (Excel's
  // "Text (Tab delimited)", often a .txt): its first line has tabs between
  // headers, one of them a column's (项目, 指标, 实际值...).
  bool IsTabSeparatedSheet(const YamlDocument& doc) const {
    const std::string_view text = src_.text;
    if (doc.offset() >= text.size()) return false;
    std::string_view line = text.substr(doc.offset());
    line = line.substr(0, line.find_first_of("\r\n"));
    if (line.find('\t') == std::string_view::npos) return false;
    for (size_t start = 0; start <= line.size();) {
      const size_t tab = std::min(line.find('\t', start), line.size());
      const std::string_view header = Trim(line.substr(start, tab - start));
      if (!ActualsCsvColumn(header).empty() ||
          (progress_ && !progress_read::CsvColumn(header).empty())) {
        return true;
      }
      start = tab + 1;
    }
    return false;
  }

  // A value typed at the end of the comment the template writes after a
  // key ("满意度:    # 指标值 ≥90%（…）—— 带单位的数值 93%"): what is after # is
  // no value. When the last word of the comment on `at`'s line reads as a
  // figure (a number with or without its unit, a percentage, a date), the
  // message `m` about the missing value says so and where to write it.
  void AddValueInComment(const YamlNode& at, std::string_view key, Message* m) const {
    const std::string_view text = src_.text;
    if (at.offset >= text.size()) return;
    const size_t eol = text.find_first_of("\r\n", at.offset);
    const std::string_view line =
        text.substr(at.offset, (eol == std::string_view::npos ? text.size() : eol) - at.offset);
    const size_t hash = line.find(" #");
    if (hash == std::string_view::npos) return;
    const std::string_view comment = Trim(line.substr(hash + 2));
    // The template's own example date ("日期，如 2024-11-20") is no value typed.
    for (Lang lang : {Lang::kZh, Lang::kEn}) {
      if (EndsWith(comment, Text(MsgId::kTemplateHintDate, lang))) return;
    }
    const size_t space = comment.find_last_of(" \t");
    const std::string_view last =
        Trim(space == std::string_view::npos ? comment : comment.substr(space + 1));
    if (last.empty()) return;
    Parsed<Actual> value = ParseActual(last);
    if (!value || (value->kind != ActualKind::kQuantity && value->kind != ActualKind::kDate)) return;
    m->text += Tr(MsgId::kValueInComment, last, fmt::format("{}: {}", key, last));
  }

  void ReadSpent(const YamlNode& n, ProjectActuals* e) {
    const YamlNode* s = n.Find("spent");
    if (s == nullptr || s->is_null()) {
      const bool empty = s != nullptr;
      Message m = Msg(progress_ ? (empty ? MsgId::kProgSpentEmpty : MsgId::kProgSpentMissing)
                                : (empty ? MsgId::kActSpentEmpty : MsgId::kActSpentMissing));
      if (empty) AddValueInComment(*s, "spent", &m);
      r_.Error(empty ? *s : n, std::move(m));
      return;
    }
    e->has_spent = ReadFunding(*s, "spent", progress_ ? "执行数" : "全年执行数", &e->spent);
  }

  // `spent` or `budget`: an amount, or a map of total and its parts.
  // `label` is the form's name of the amount (全年执行数), for messages in
  // either language.
  bool ReadFunding(const YamlNode& n, const char* key, const char* label, Funding* f) {
    if (n.is_sequence()) {
      r_.Error(n, MsgId::kActFundingList, key, label);
      return false;
    }
    if (!n.is_map()) return ReadAmount(n, key, label, &f->total);
    f->map = true;
    const size_t errors_before = r_.errors();
    r_.CheckKeys(n, kFundingKeys, key);
    const YamlNode* total = r_.Get(n, "total", true, key);
    bool ok = r_.errors() == errors_before;
    if (total) ok = ReadAmount(*total, key, label, &f->total) && ok;
    std::optional<Amount>* parts[3] = {&f->fiscal, &f->carryover, &f->other};
    const char* names[3] = {"fiscal", "carryover", "other"};
    for (int i = 0; i < 3; ++i) {
      const YamlNode* part = r_.Get(n, names[i], false, key);
      if (part == nullptr) continue;
      Amount a;
      std::string what = std::string(key) + " " + names[i];
      if (ReadAmount(*part, what, label, &a)) {
        *parts[i] = std::move(a);
      } else {
        ok = false;
      }
    }
    return ok && total != nullptr;
  }

  // One amount: a YAML number (in the project's unit) or text with a unit.
  bool ReadAmount(const YamlNode& n, std::string_view key, const char* label, Amount* a) {
    a->loc = r_.Loc(n);
    if (n.is_null()) {
      r_.Error(n, MsgId::kActAmountEmpty, key, label);
      return false;
    }
    if (!n.is_scalar()) {
      r_.Error(n, MsgId::kActAmountNotScalar, key, label, Describe(n));
      return false;
    }
    a->text = n.value;
    if (n.type() == YamlNode::Type::kInt || n.type() == YamlNode::Type::kFloat) {
      std::optional<Rational> v = r_.Decimal(n, key);
      if (!v) return false;
      if (v->sign() < 0) {
        r_.Error(n, MsgId::kActNegativeNumber, key, label, n.value);
        return false;
      }
      a->value = *v;
      return true;
    }
    if (std::optional<Message> problem =
            ParseAmountInto(n.value, Tr(MsgId::kValAmountField, key, label), a)) {
      r_.Error(n, std::move(*problem));
      return false;
    }
    return true;
  }

  void ReadIndicator(const YamlNode& key, const YamlNode& v, ProjectActuals* e) {
    // A non-scalar key is reported by the YAML layer; x- keys are ignored
    // here as everywhere.
    if (!key.is_scalar() || StartsWith(key.value, "x-")) return;
    IndicatorActual a;
    a.key = std::string(Trim(key.value));
    a.loc = r_.Loc(key);
    if (a.key.empty()) {
      r_.Error(key, MsgId::kActIndicatorNameBlank);
      return;
    }
    if (v.is_null()) {
      // `购置设备数量：4台` (a full-width colon, or none but ':'): one key.
      if (r_.ReportKeySlip(key)) return;
      Message m = progress_ ? Msg(MsgId::kNoValueNorForecast, a.key)  // a forecast alone will do
                            : Msg(MsgId::kValActualMissing, a.key, Tr(MsgId::kValValueHint));
      AddValueInComment(key, a.key, &m);
      r_.Error(key, std::move(m));
    } else if (v.is_sequence()) {
      r_.Error(v, MsgId::kActActualIsList, a.key);
    } else if (v.is_scalar()) {
      SetValueAt(key, v, &a);
      if (std::optional<Message> problem = ParseValueInto(v.value, &a)) {
        r_.Error(v, std::move(*problem));
      }
    } else {
      ReadLongForm(key, v, &a);
    }
    e->indicators.push_back(std::move(a));
  }

  // Where the value of `a` is written: `at`, after the key `key` (at a->loc).
  void SetValueAt(const YamlNode& key, const YamlNode& at, IndicatorActual* a) const {
    std::tie(a->value_line, a->value_column) = r_.LineColumnAfter(at, key, a->loc);
  }

  // {value: …, note: …} or {grade: …, score: …, note: …}.
  void ReadLongForm(const YamlNode& key, const YamlNode& map, IndicatorActual* a) {
    const size_t errors_before = r_.errors();
    const std::string_view what = Text(MsgId::kActWhatIndicatorActual);
    r_.CheckKeys(map, long_form_keys_, what);
    const bool unknown_keys = r_.errors() > errors_before;
    // A progress file's forecast may stand without a value.
    const bool forecast = progress_ && progress_read::ReadIndicator(map, &r_, a);
    if (const YamlNode* note = r_.Get(map, "note", false, what)) {
      if (auto t = r_.Text(*note, "note")) a->note = std::string(Trim(*t));
    }
    const YamlNode* value = map.Find("value");
    const YamlNode* grade = map.Find("grade");
    const YamlNode* score = map.Find("score");
    if (value != nullptr && grade != nullptr) {
      r_.Error(*grade, MsgId::kActValueAndGrade, a->key);
      return;
    }
    if (value == nullptr && grade == nullptr) {
      if (unknown_keys || forecast) return;  // most likely a misspelt 'value' or 'grade'
      if (progress_) return progress_read::ReportNoValue(map, &r_, *a);
      r_.Error(map, MsgId::kActNeitherValueNorGrade, a->key);
      return;
    }
    if (value != nullptr) {
      SetValueAt(key, *value, a);
      if (value->is_null()) {
        r_.Error(*value, MsgId::kValLongFormValueEmpty, a->key, Tr(MsgId::kValValueHint));
      } else if (auto t = r_.Text(*value, "value")) {
        if (std::optional<Message> problem = ParseValueInto(*t, a)) {
          r_.Error(*value, std::move(*problem));
        }
      }
      if (score != nullptr) r_.Error(*score, MsgId::kActScoreWithoutGrade, a->key);
      return;
    }
    SetValueAt(key, *grade, a);
    if (grade->is_null()) {
      r_.Error(*grade, MsgId::kActGradeEmpty, a->key);
      return;
    }
    std::optional<std::string> g = r_.Text(*grade, "grade");
    if (!g) return;
    Parsed<Grade> parsed = ParseGrade(*g);
    if (!parsed) {
      if (Trim(*g) == "不适用") {
        r_.Error(*grade, MsgId::kValNotApplicableGrade, a->key);
      } else {
        r_.Error(*grade, Message{parsed.message().code,
                                 Tr(MsgId::kValBadGradeWrap, a->key, parsed.error())});
      }
      return;
    }
    a->grade = parsed.value();
    if (score == nullptr) return;
    std::optional<Rational> s = r_.Decimal(*score, "score");
    if (!s) return;
    if (std::optional<Message> problem = CheckScore(*s, score->value)) {
      r_.Error(*score,
               Message{problem->code, Tr(MsgId::kValIndicatorWrap, a->key, problem->text)});
      return;
    }
    a->score = *s;
    Location at = r_.Loc(*score);
    a->score_line = at.line;
    a->score_column = at.column;
  }

  const EntrySink& add_;
  const Source& src_;
  FieldReader r_;
  YamlNode placeholder_;
  const ProgressReading* progress_;  // a progress file (progress.h), or nullptr
  std::vector<std::string> document_keys_ = kDocumentKeys;
  std::vector<std::string> entry_keys_ = kEntryKeys;
  std::vector<std::string> long_form_keys_ = kLongFormKeys;
  std::optional<AsOf> as_of_;  // the document's, in a progress file
};

}  // namespace

bool ReadYamlEntries(const Source& src, const YamlDocument& doc, const EntrySink& add,
                     Diagnostics* diags, const ProgressReading* progress) {
  return DocumentReader(src, add, diags, progress).Read(doc);
}

}  // namespace actuals_read

void ReadActualsDocument(const Source& src, const YamlDocument& doc, ActualsIndex* index,
                         Diagnostics* diags) {
  actuals_read::EntrySink add = [&](ProjectActuals&& e) { index->Add(std::move(e), diags); };
  actuals_read::ReadYamlEntries(src, doc, add, diags);
}

}  // namespace jixiao
