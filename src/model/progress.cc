// Progress files: the pure pieces (progress.h).
#include "model/progress.h"

#include <utility>

#include "base/lang.h"
#include "base/record_codec.h"
#include "base/text.h"
#include "model/actual_codec.h"
#include "model/actuals.h"

namespace jixiao {

namespace {

struct LikelihoodNames {
  Likelihood value;
  const char* word;
  const char* key;
};
constexpr LikelihoodNames kLikelihoods[] = {
    {Likelihood::kCertain, "确定能", "certain"},
    {Likelihood::kLikely, "有可能", "likely"},
    {Likelihood::kImpossible, "完全不可能", "impossible"},
};

struct ReasonNames {
  Reason value;
  const char* word;
  const char* key;
};
constexpr ReasonNames kReasonNames[] = {
    {kReasonFunding, "经费保障", "funding"},  {kReasonPolicy, "制度保障", "policy"},
    {kReasonStaff, "人员保障", "staff"},      {kReasonHardware, "硬件条件保障", "hardware"},
    {kReasonOther, "其他", "other"},
};

}  // namespace

std::optional<Likelihood> ParseLikelihood(std::string_view text) {
  text = Trim(text);
  for (const LikelihoodNames& n : kLikelihoods) {
    if (text == n.word || EqualsIgnoringCase(text, n.key)) return n.value;
  }
  return std::nullopt;
}

const char* LikelihoodWord(Likelihood l) { return kLikelihoods[static_cast<int>(l)].word; }
const char* LikelihoodKey(Likelihood l) { return kLikelihoods[static_cast<int>(l)].key; }

std::string LikelihoodText(Likelihood l) {
  return English() ? LikelihoodKey(l) : LikelihoodWord(l);
}

unsigned ParseReason(std::string_view text) {
  text = Trim(text);
  for (const ReasonNames& n : kReasonNames) {
    if (text == n.word || EqualsIgnoringCase(text, n.key)) return n.value;
  }
  return 0;
}

const char* ReasonWord(Reason r) {
  for (const ReasonNames& n : kReasonNames)
    if (n.value == r) return n.word;
  return "";
}

const char* ReasonKey(Reason r) {
  for (const ReasonNames& n : kReasonNames)
    if (n.value == r) return n.key;
  return "";
}

unsigned ParseReasonList(std::string_view text, std::string* bad) {
  unsigned set = 0;
  size_t pos = 0, start = 0;
  auto item = [&](size_t end) {
    std::string_view word = Trim(text.substr(start, end - start));
    if (word.empty() || !bad->empty()) return;
    unsigned r = ParseReason(word);
    if (r == 0) {
      *bad = std::string(word);
    } else {
      set |= r;
    }
  };
  bad->clear();
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t cp = DecodeUtf8(text, &pos);
    if (cp == U'、' || cp == U';' || cp == U'；' || cp == U',' || cp == U'，') {
      item(at);
      start = pos;
    }
  }
  item(text.size());
  return bad->empty() ? set : 0;
}

std::optional<Message> ParseForecastInto(std::string_view text, const Location& loc,
                                         IndicatorActual* a) {
  IndicatorProgress& p = a->progress;
  p.forecast = std::string(Trim(text));
  p.forecast_line = loc.line;
  p.forecast_column = loc.column;
  if (p.forecast.empty()) return Msg(MsgId::kForecastEmpty, a->key);
  Parsed<Actual> parsed = ParseActual(p.forecast);
  if (!parsed) {
    return Msg(MsgId::kBadForecast, TruncateToWidth(p.forecast, 40), a->key, parsed.error());
  }
  if (parsed->kind == ActualKind::kNotApplicable) {
    return Msg(MsgId::kForecastNotApplicable, a->key);
  }
  p.forecast_value = std::move(parsed.value());
  if (p.forecast_value.kind == ActualKind::kText) {
    p.forecast_grade = GradeOf(p.forecast);
  }
  return std::nullopt;
}

std::optional<Message> ParseAsOf(std::string_view text, Date* out) {
  std::string written(Trim(text));
  Parsed<Actual> parsed = ParseActual(written);
  // 2023-02-29: a date in form, not on the calendar; said so.
  if (!parsed && parsed.message().code == CodeOf(MsgId::kValNoSuchDay)) {
    return Msg(MsgId::kAsOfNotCalendarDate, parsed.error());
  }
  if (!parsed || parsed->kind != ActualKind::kDate) {
    // 45504: the date a spreadsheet cell holds, shown as a number.
    if (std::optional<Date> d = parsed ? SerialDateOf(*parsed) : std::nullopt) {
      return Msg(MsgId::kAsOfExcelSerial, written, FormatDate(*d));
    }
    return Msg(MsgId::kBadAsOf, TruncateToWidth(written, 40));
  }
  *out = parsed->date;
  return std::nullopt;
}

std::optional<Message> ParseAsOfOption(std::string_view text, Date* out) {
  if (!ParseAsOf(text, out)) return std::nullopt;
  const std::string written(Trim(text));
  Parsed<Actual> parsed = ParseActual(written);
  if (!parsed && parsed.message().code == CodeOf(MsgId::kValNoSuchDay)) {
    return Msg(MsgId::kAsOfOptionNotCalendarDate, parsed.error());
  }
  if (std::optional<Date> d = parsed ? SerialDateOf(*parsed) : std::nullopt) {
    return Msg(MsgId::kAsOfOptionExcelSerial, written, FormatDate(*d));
  }
  return Msg(MsgId::kBadAsOfOption, written);
}

// The record: a flag word (1: as_of, 2: forecast_spent, 4: indicators' progress), then
// each part given; a forecast with its value as parsed (actual_codec.h).
void PackProgress(const ProjectActuals& e, RecordWriter* w) {
  bool indicators = false;
  for (const IndicatorActual& a : e.indicators) indicators = indicators || !a.progress.empty();
  const unsigned flags = (e.as_of ? 1 : 0) | (e.forecast_spent ? 2 : 0) | (indicators ? 4 : 0);
  if (flags == 0) return;
  w->Int(flags);
  if (e.as_of) {
    const AsOf& d = *e.as_of;
    w->Int(static_cast<uint64_t>(d.date.year));
    w->Int(static_cast<uint64_t>(d.date.month));
    w->Int(static_cast<uint64_t>(d.date.day));
    w->Int(static_cast<uint64_t>(d.loc.line));
    w->Int(static_cast<uint64_t>(d.loc.column));
  }
  if (e.forecast_spent) {
    const Amount& a = *e.forecast_spent;
    w->Str(a.value.ToDecimalString(30));
    w->Str(a.unit.name);
    w->Str(a.text);
    w->Int(static_cast<uint64_t>(a.loc.line));
    w->Int(static_cast<uint64_t>(a.loc.column));
  }
  if (!indicators) return;
  for (const IndicatorActual& a : e.indicators) {
    const IndicatorProgress& p = a.progress;
    w->Str(p.forecast);
    if (!p.forecast.empty()) {
      w->Int(static_cast<uint64_t>(p.forecast_line));
      w->Int(static_cast<uint64_t>(p.forecast_column));
      PackActual(p.forecast_value, w);
      w->Int(p.forecast_grade ? static_cast<uint64_t>(*p.forecast_grade) + 1 : 0);
    }
    w->Int(p.likelihood ? static_cast<uint64_t>(*p.likelihood) + 1 : 0);
    if (p.likelihood) {
      w->Int(static_cast<uint64_t>(p.likelihood_line));
      w->Int(static_cast<uint64_t>(p.likelihood_column));
    }
    w->Int(p.reasons);
  }
}

void UnpackProgress(RecordReader* r, const std::string& file, ProjectActuals* e) {
  const uint64_t flags = r->Int();
  if (flags == 0) return;
  auto loc = [&]() {
    Location l;
    l.line = static_cast<int>(r->Int());
    l.column = static_cast<int>(r->Int());
    if (l.line > 0) l.file = file;
    return l;
  };
  if (flags & 1) {
    AsOf d;
    d.date.year = static_cast<int>(r->Int());
    d.date.month = static_cast<int>(r->Int());
    d.date.day = static_cast<int>(r->Int());
    d.loc = loc();
    d.loc.file = file;
    e->as_of = d;
  }
  if (flags & 2) {
    Amount a;
    a.value = Rational::ParseDecimal(r->Str()).value_or(Rational());
    a.unit = LookupUnit(r->Str());
    a.text = std::string(r->Str());
    a.loc = loc();
    e->forecast_spent = std::move(a);
  }
  if (!(flags & 4)) return;
  for (IndicatorActual& a : e->indicators) {
    IndicatorProgress& p = a.progress;
    p.forecast = std::string(r->Str());
    if (!p.forecast.empty()) {
      p.forecast_line = static_cast<int>(r->Int());
      p.forecast_column = static_cast<int>(r->Int());
      p.forecast_value = UnpackActual(r, p.forecast);
      if (uint64_t g = r->Int()) p.forecast_grade = static_cast<Grade>(g - 1);
    }
    if (uint64_t l = r->Int()) {
      p.likelihood = static_cast<Likelihood>(l - 1);
      p.likelihood_line = static_cast<int>(r->Int());
      p.likelihood_column = static_cast<int>(r->Int());
    }
    p.reasons = static_cast<unsigned>(r->Int());
  }
}

}  // namespace jixiao
