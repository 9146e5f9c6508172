// The actuals index: every entry of a run as a compact record, found by key
// and claimed by target projects. See actuals.h.
#include "model/actuals.h"

#include <algorithm>
#include <cstdint>

#include "base/record_codec.h"
#include "base/text.h"
#include "model/actual_codec.h"

namespace jixiao {

namespace {

void PackAmount(const Amount& a, RecordWriter* p) {
  p->Str(a.value.ToDecimalString(30));
  p->Str(a.unit.name);
  p->Str(a.text);
  p->Int(static_cast<uint64_t>(a.loc.line));
  p->Int(static_cast<uint64_t>(a.loc.column));
}

Amount UnpackAmount(RecordReader* u, const std::string& file) {
  Amount a;
  a.value = Rational::ParseDecimal(u->Str()).value_or(Rational());
  a.unit = LookupUnit(u->Str());
  a.text = std::string(u->Str());
  a.loc.line = static_cast<int>(u->Int());
  a.loc.column = static_cast<int>(u->Int());
  if (a.loc.line > 0) a.loc.file = file;
  return a;
}

void PackFunding(const Funding& f, RecordWriter* p) {
  p->Int((f.fiscal ? 1 : 0) | (f.carryover ? 2 : 0) | (f.other ? 4 : 0) | (f.map ? 8 : 0));
  PackAmount(f.total, p);
  for (const std::optional<Amount>* part : {&f.fiscal, &f.carryover, &f.other}) {
    if (*part) PackAmount(**part, p);
  }
}

Funding UnpackFunding(RecordReader* u, const std::string& file) {
  Funding f;
  uint64_t flags = u->Int();
  f.map = flags & 8;
  f.total = UnpackAmount(u, file);
  if (flags & 1) f.fiscal = UnpackAmount(u, file);
  if (flags & 2) f.carryover = UnpackAmount(u, file);
  if (flags & 4) f.other = UnpackAmount(u, file);
  return f;
}

}  // namespace

// The fields of an entry's record (its key is the record's key): its
// location first (read alone by LocationOf: the file's number, which Add
// writes, then what this writes), then the rest. Amounts and scores are
// written as exact decimals; each value as written and as parsed
// (actual_codec.h), so that Get need not parse it again.
std::string ActualsIndex::PackFields(const ProjectActuals& e) {
  RecordWriter p;
  p.Int(static_cast<uint64_t>(e.loc.line));
  p.Int(static_cast<uint64_t>(e.loc.column));
  p.Int((e.has_spent ? 1 : 0) | (e.year ? 2 : 0) | (e.budget ? 4 : 0) | (e.budget_shown ? 8 : 0) |
        (e.rows_unread ? 16 : 0) | (e.goals_shown.empty() ? 0 : 32));
  if (e.year) p.Int(static_cast<uint64_t>(*e.year));
  PackFunding(e.spent, &p);
  if (e.budget) PackFunding(*e.budget, &p);
  if (e.budget_shown) PackAmount(*e.budget_shown, &p);
  p.Str(e.achieved);
  p.Str(e.note);
  if (!e.goals_shown.empty()) {
    p.Str(e.goals_shown);
    p.Int(static_cast<uint64_t>(e.goals_shown_loc.line));
    p.Int(static_cast<uint64_t>(e.goals_shown_loc.column));
  }
  p.Int(e.indicators.size());
  for (const IndicatorActual& a : e.indicators) {
    p.Str(a.key);
    p.Str(a.text);
    PackActual(a.value, &p);
    p.Int(a.grade ? static_cast<uint64_t>(*a.grade) + 1 : 0);
    p.Str(a.score ? a.score->ToDecimalString(30) : "");
    if (a.score) {
      p.Int(static_cast<uint64_t>(a.score_line));
      p.Int(static_cast<uint64_t>(a.score_column));
    }
    p.Str(a.note);
    p.Int(static_cast<uint64_t>(a.loc.line));
    p.Int(static_cast<uint64_t>(a.loc.column));
    // The value's place, by its line after the key's (0: none), in a byte
    // or two.
    const bool value_at = a.value_line > 0 && a.value_line >= a.loc.line;
    p.Int(value_at ? static_cast<uint64_t>(a.value_line - a.loc.line + 1) : 0);
    if (value_at) p.Int(static_cast<uint64_t>(a.value_column));
    p.Str(a.target_text);
    if (!a.target_text.empty()) {
      p.Int(static_cast<uint64_t>(a.target_line));
      p.Int(static_cast<uint64_t>(a.target_column));
    }
  }
  PackProgress(e, &p);  // a progress file's fields, if any
  return p.bytes();
}

std::string ActualsIndex::KeyOf(uint32_t i) const { return entries_.Key(i); }

Location ActualsIndex::LocationOf(uint32_t i) const {
  const std::string fields = entries_.Fields(i);
  RecordReader r(fields);
  Location loc;
  loc.file = files_[static_cast<size_t>(r.Int())];
  loc.line = static_cast<int>(r.Int());
  loc.column = static_cast<int>(r.Int());
  return loc;
}

size_t ActualsIndex::Find(const std::string& key) const {
  uint32_t i = entries_.Find(key);
  return i == KeyedStore::kNone ? kNone : i;
}

ActualsIndex::Packed ActualsIndex::Pack(const ProjectActuals& entry) {
  return {entry.key, entry.loc, entry.by_id, entry.has_errors, PackFields(entry)};
}

void ActualsIndex::Add(const ProjectActuals& entry, Diagnostics* diags) {
  Add(Pack(entry), diags);
}

void ActualsIndex::Add(const Packed& entry, Diagnostics* diags) {
  if (size_t first = Find(entry.key); first != kNone) {
    flags_[first] |= kHasErrors;
    diags->Error(entry.loc, Say(MsgId::kMatchSecondEntry), entry.key,
                 FormatLocation(LocationOf(static_cast<uint32_t>(first))));
    return;
  }
  auto file = file_index_.find(entry.loc.file);
  if (file == file_index_.end()) {
    file = file_index_.emplace(entry.loc.file, static_cast<uint32_t>(files_.size())).first;
    files_.push_back(entry.loc.file);
  }
  RecordWriter record;
  record.Int(file->second);
  entries_.Add(entry.key, record.bytes(), entry.fields);
  flags_.push_back(static_cast<uint8_t>((entry.by_id ? kById : 0) |
                                        (entry.has_errors ? kHasErrors : 0)));
  claimed_.push_back(false);
  touched_.push_back(0);
}

std::shared_ptr<const ProjectActuals> ActualsIndex::Get(size_t index) const {
  auto out = std::make_shared<ProjectActuals>();
  const std::string fields = entries_.Fields(static_cast<uint32_t>(index), &out->key);
  RecordReader u(fields);
  out->loc.file = files_[static_cast<size_t>(u.Int())];
  out->loc.line = static_cast<int>(u.Int());
  out->loc.column = static_cast<int>(u.Int());
  out->by_id = flags_[index] & kById;
  out->has_errors = flags_[index] & kHasErrors;
  uint64_t flags = u.Int();
  out->has_spent = flags & 1;
  out->rows_unread = flags & 16;
  if (flags & 2) out->year = static_cast<int>(u.Int());
  out->spent = UnpackFunding(&u, out->loc.file);
  if (flags & 4) out->budget = UnpackFunding(&u, out->loc.file);
  if (flags & 8) out->budget_shown = UnpackAmount(&u, out->loc.file);
  out->achieved = std::string(u.Str());
  out->note = std::string(u.Str());
  if (flags & 32) {
    out->goals_shown = std::string(u.Str());
    out->goals_shown_loc.file = out->loc.file;
    out->goals_shown_loc.line = static_cast<int>(u.Int());
    out->goals_shown_loc.column = static_cast<int>(u.Int());
  }
  size_t n = static_cast<size_t>(u.Int());
  out->indicators.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    IndicatorActual& a = out->indicators.emplace_back();  // filled in place: it is large
    a.key = std::string(u.Str());
    a.text = std::string(u.Str());
    a.value = UnpackActual(&u, a.text);
    if (uint64_t g = u.Int()) a.grade = static_cast<Grade>(g - 1);
    std::string_view score = u.Str();
    if (!score.empty()) {
      a.score = Rational::ParseDecimal(score);
      a.score_line = static_cast<int>(u.Int());
      a.score_column = static_cast<int>(u.Int());
    }
    a.note = std::string(u.Str());
    a.loc.file = out->loc.file;
    a.loc.line = static_cast<int>(u.Int());
    a.loc.column = static_cast<int>(u.Int());
    if (uint64_t after = u.Int()) {
      a.value_line = a.loc.line + static_cast<int>(after) - 1;
      a.value_column = static_cast<int>(u.Int());
    }
    a.target_text = std::string(u.Str());
    if (!a.target_text.empty()) {
      a.target_line = static_cast<int>(u.Int());
      a.target_column = static_cast<int>(u.Int());
    }
  }
  UnpackProgress(&u, out->loc.file, out.get());
  return out;
}

ActualsIndex::Match ActualsIndex::Locate(const std::string& id,
                                        const std::string& project) const {
  Match m;
  m.by_id = Find(id);
  if (project != id) m.by_name = Find(project);
  return m;
}

size_t ActualsIndex::Lookup(const Match& m) const {
  if (m.by_id != kNone) return m.by_id;
  if (m.by_name != kNone && !(flags_[m.by_name] & kById)) return m.by_name;
  return kNone;
}

size_t ActualsIndex::ClaimIndex(const std::string& id, const std::string& project,
                                const Match& m, bool* ambiguous) {
  // An entry matched by one project's id and another's name could be for
  // either: which one was meant cannot be told. (One project's id and name
  // never match the same entry: Locate looks up a name only when it differs
  // from the id.) The first project to match it took it; the second is not
  // scored.
  auto touch = [&](size_t i, Touch how) {
    touched_[i] |= how;
    if (touched_[i] != (kTouchedById | kTouchedByName)) return;
    touched_[i] |= kAmbiguous;
    const std::string key = KeyOf(static_cast<uint32_t>(i));
    const std::string self = Tr(MsgId::kMatchProjectWithId, project, id);
    ambiguous_.emplace_back(
        static_cast<uint32_t>(i),
        Msg(Say(MsgId::kMatchAmbiguous), key,
            how == kTouchedById ? self : Tr(MsgId::kMatchTheProjectWithId, key),
            how == kTouchedByName ? self : Tr(MsgId::kMatchTheProjectNamed, key)));
    if (ambiguous != nullptr) *ambiguous = true;
  };
  if (ambiguous != nullptr) *ambiguous = false;
  if (m.by_id != kNone && !(touched_[m.by_id] & kAmbiguous)) touch(m.by_id, kTouchedById);
  if (m.by_name != kNone && !(flags_[m.by_name] & kById) && !(touched_[m.by_name] & kAmbiguous)) {
    touch(m.by_name, kTouchedByName);
  }
  size_t found = m.by_id;
  bool by_id = found != kNone && !claimed_[found];
  if (!by_id) {
    found = kNone;
    size_t i = m.by_name;
    if (i != kNone && !claimed_[i] && !(flags_[i] & kById)) found = i;
  }
  if (found == kNone) {
    unmatched_.emplace_back(id, project);
    return kNone;
  }
  claimed_[found] = true;
  if (by_id) {
    // An entry for this target's name is a second entry for it (a `project:`
    // entry), or an `id:` entry that names it where its id was meant.
    size_t other = m.by_name;
    if (other != kNone && other != found && !claimed_[other]) {
      auto o = static_cast<uint32_t>(other);
      if (!(flags_[other] & kById)) {
        shadowed_by_.emplace(o, static_cast<uint32_t>(found));
      } else if (flags_[found] & kById) {
        named_.emplace(o, id);
      }
    }
  }
  return found;
}

std::shared_ptr<const ProjectActuals> ActualsIndex::Claim(const std::string& id,
                                                          const std::string& project) {
  size_t i = ClaimIndex(id, project);
  return i == kNone ? nullptr : Get(i);
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether `key` is a number as Excel's General format shows a long one:
// "3.62303E+14" (a digit, maybe a point and digits, E+ and the exponent).
bool LooksLikeExcelScientific(std::string_view key) {
  size_t i = 0;
  if (key.empty() || !IsDigit(key[i++])) return false;
  if (i < key.size() && key[i] == '.') {
    const size_t digits = ++i;
    while (i < key.size() && IsDigit(key[i])) ++i;
    if (i == digits) return false;
  }
  if (i + 2 >= key.size() || (key[i] != 'E' && key[i] != 'e') || key[i + 1] != '+') return false;
  i += 2;
  return std::all_of(key.begin() + static_cast<std::ptrdiff_t>(i), key.end(), IsDigit);
}

// Among `ids`, the numeric id that is `key` (all digits) with the leading
// zeros Excel drops ("007" for "7"); nullptr when none is.
const std::string* ZeroPaddedId(const std::string& key, const std::vector<std::string>& ids) {
  if (key.empty() || !std::all_of(key.begin(), key.end(), IsDigit)) return nullptr;
  for (const std::string& id : ids) {
    if (id.size() <= key.size() || id[0] != '0' || !std::all_of(id.begin(), id.end(), IsDigit)) {
      continue;
    }
    const size_t zeros = id.size() - key.size();
    if (id.compare(zeros, key.size(), key) == 0 && id.find_first_not_of('0') >= zeros) return &id;
  }
  return nullptr;
}

}  // namespace

void ActualsIndex::ReportUnclaimed(Diagnostics* diags) const {
  for (const auto& [entry, message] : ambiguous_) diags->Error(LocationOf(entry), message);
  // An unmatched entry is most likely meant for a target left without one.
  // Suggestions compare every pair, so they are only offered when few
  // targets are left without actuals.
  constexpr size_t kMaxSuggestionCandidates = 2000;
  std::vector<std::string> ids, ids_and_names;
  std::unordered_map<std::string, std::string> unmatched_by_name;  // name -> id
  for (const auto& [id, project] : unmatched_) {
    ids.push_back(id);
    ids_and_names.push_back(id);
    if (project != id) ids_and_names.push_back(project);
    unmatched_by_name.emplace(project, id);
  }
  bool suggest = ids_and_names.size() <= kMaxSuggestionCandidates;
  // Entries that match nothing while a target input was not read in full.
  constexpr size_t kNamed = 3;
  std::vector<std::string> stray_keys;
  size_t strays = 0;
  uint32_t first_stray = 0;
  for (uint32_t i = 0; i < flags_.size(); ++i) {
    if (claimed_[i]) continue;
    const bool by_id = flags_[i] & kById;
    const std::string key = KeyOf(i);
    Message message;
    const std::string* named = nullptr;  // a target without actuals whose name is this id
    if (by_id) {
      if (auto it = unmatched_by_name.find(key); it != unmatched_by_name.end()) {
        named = &it->second;
      } else if (auto nt = named_.find(i); nt != named_.end()) {
        named = &nt->second;
      }
    }
    auto st = shadowed_by_.find(i);
    // Shadowed by an entry that could be another project's: the error at
    // that entry says what to do, and this one may well be right.
    if (st != shadowed_by_.end() && (touched_[st->second] & kAmbiguous)) continue;
    if (st != shadowed_by_.end()) {
      message = Msg(Say(MsgId::kMatchSecondEntryShadowed), KeyOf(st->second),
                    FormatLocation(LocationOf(st->second)));
    } else if (named != nullptr) {
      message = Msg(Say(MsgId::kMatchIdIsName), key, *named);
    } else if (!targets_incomplete_.empty()) {
      if (strays++ == 0) first_stray = i;
      if (stray_keys.size() < kNamed) stray_keys.push_back(key);
      continue;
    } else if (LooksLikeExcelScientific(key)) {
      message = Msg(Say(MsgId::kMatchExcelScientific), key);
    } else if (const std::string* padded = suggest ? ZeroPaddedId(key, ids) : nullptr) {
      message = Msg(Say(MsgId::kMatchExcelZeros), key, *padded);
    } else {
      std::string hint = suggest ? ClosestMatch(key, by_id ? ids : ids_and_names) : "";
      if (hint.empty()) {
        message = Msg(Say(by_id ? MsgId::kMatchUnknownId : MsgId::kMatchUnknownProject), key);
      } else {
        message = Msg(Say(by_id ? MsgId::kMatchUnknownIdDidYouMean
                                : MsgId::kMatchUnknownProjectDidYouMean),
                      key, hint);
      }
    }
    diags->Error(LocationOf(i), std::move(message));
  }
  if (strays == 0) return;
  const size_t files = targets_incomplete_.size();
  const std::string files_named = NameFirst(targets_incomplete_, kNamed);
  Message m =
      strays == 1
          ? Msg(Say(files == 1 ? MsgId::kMatchUnknownUnreadTarget
                               : MsgId::kMatchUnknownUnreadTargets),
                NameSome(stray_keys, strays), files_named)
          : Msg(Say(files == 1 ? MsgId::kMatchUnknownManyUnreadTarget
                               : MsgId::kMatchUnknownManyUnreadTargets),
                strays, NameSome(stray_keys, strays), files_named);
  diags->Error(LocationOf(first_stray), std::move(m));
}

namespace {

void AddOnce(std::vector<std::string>* paths, const std::string& path) {
  if (std::find(paths->begin(), paths->end(), path) == paths->end()) paths->push_back(path);
}

}  // namespace

void ActualsIndex::MarkIncomplete(const std::string& path) { AddOnce(&incomplete_, path); }

void ActualsIndex::MarkTargetsIncomplete(const std::string& path) {
  AddOnce(&targets_incomplete_, path);
}

}  // namespace jixiao
