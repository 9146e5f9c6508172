#include "base/messages.h"

#include <algorithm>
#include <cctype>

namespace jixiao {

namespace {

constexpr MessageDef kDefs[] = {
#define JX_DIAG(id, code, zh, en) {#id, code, zh, en},
#define JX_TEXT(id, zh, en) {#id, 0, zh, en},
#include "base/catalog/all.inc"
#undef JX_DIAG
#undef JX_TEXT
};
static_assert(sizeof(kDefs) / sizeof(kDefs[0]) == kCatalogueSize);

}  // namespace

const MessageDef* Catalogue() { return kDefs; }

const MessageDef& Def(MsgId id) { return kDefs[static_cast<size_t>(id)]; }

std::string_view Text(MsgId id, Lang lang) {
  const MessageDef& d = Def(id);
  return lang == Lang::kEn ? d.en : d.zh;
}

std::string NameSome(const std::vector<std::string>& names, size_t total) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      out += Text(i + 1 == names.size() && total == names.size() ? MsgId::kListLast
                                                                 : MsgId::kCliListSeparator);
    }
    out += Tr(MsgId::kListQuoted, names[i]);
  }
  if (total > names.size()) out = Tr(MsgId::kListMore, out, total - names.size());
  return out;
}

std::string NameFirst(const std::vector<std::string>& all, size_t shown) {
  const std::vector<std::string> first(
      all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(shown, all.size())));
  return NameSome(first, all.size());
}

MsgId ProgressWording(MsgId id) {
  switch (id) {
    case MsgId::kNoActualsEntry: return MsgId::kNoActualsEntryProgress;
    case MsgId::kNoActualsEntryNameTaken: return MsgId::kNoActualsEntryNameTakenProgress;
    case MsgId::kNoEntryUnreadFile: return MsgId::kNoEntryUnreadFileProgress;
    case MsgId::kNoEntryUnreadFiles: return MsgId::kNoEntryUnreadFilesProgress;
    case MsgId::kNoEntriesUnreadFile: return MsgId::kNoEntriesUnreadFileProgress;
    case MsgId::kNoEntriesUnreadFiles: return MsgId::kNoEntriesUnreadFilesProgress;
    case MsgId::kMatchUnknownId: return MsgId::kMatchUnknownIdProgress;
    case MsgId::kMatchUnknownIdDidYouMean: return MsgId::kMatchUnknownIdDidYouMeanProgress;
    case MsgId::kMatchUnknownProject: return MsgId::kMatchUnknownProjectProgress;
    case MsgId::kMatchUnknownProjectDidYouMean: return MsgId::kMatchUnknownProjectDidYouMeanProgress;
    case MsgId::kMatchSecondEntry: return MsgId::kMatchSecondEntryProgress;
    case MsgId::kMatchSecondEntryShadowed: return MsgId::kMatchSecondEntryShadowedProgress;
    case MsgId::kMatchIdIsName: return MsgId::kMatchIdIsNameProgress;
    case MsgId::kMatchAmbiguous: return MsgId::kMatchAmbiguousProgress;
    case MsgId::kMatchExcelScientific: return MsgId::kMatchExcelScientificProgress;
    case MsgId::kMatchExcelZeros: return MsgId::kMatchExcelZerosProgress;
    case MsgId::kMatchUnknownUnreadTarget: return MsgId::kMatchUnknownUnreadTargetProgress;
    case MsgId::kMatchUnknownUnreadTargets: return MsgId::kMatchUnknownUnreadTargetsProgress;
    case MsgId::kMatchUnknownManyUnreadTarget:
      return MsgId::kMatchUnknownManyUnreadTargetProgress;
    case MsgId::kMatchUnknownManyUnreadTargets:
      return MsgId::kMatchUnknownManyUnreadTargetsProgress;
    case MsgId::kActualsYearMismatch: return MsgId::kActualsYearMismatchProgress;
    case MsgId::kNoActualForIndicator: return MsgId::kNoActualForIndicatorProgress;
    default: return id;
  }
}

MsgId ForecastWording(MsgId id) {
  switch (id) {
    case MsgId::kActualPlaceholder: return MsgId::kActualPlaceholderForecast;
    case MsgId::kNotApplicableWithText: return MsgId::kNotApplicableWithTextForecast;
    case MsgId::kQualitativeNeedsGrade: return MsgId::kQualitativeNeedsGradeForecast;
    case MsgId::kQuantitativeGotGrade: return MsgId::kQuantitativeGotGradeForecast;
    case MsgId::kDateNeedsDate: return MsgId::kDateNeedsDateForecast;
    case MsgId::kDateExcelSerial: return MsgId::kDateExcelSerialForecast;
    case MsgId::kDateNotDoneAtYearEnd: return MsgId::kDateNotDoneAtYearEndForecast;
    case MsgId::kTimeNotDoneAtYearEnd: return MsgId::kTimeNotDoneAtYearEndForecast;
    case MsgId::kNeedsNumber: return MsgId::kNeedsNumberForecast;
    case MsgId::kNeedsNumberScientific: return MsgId::kNeedsNumberScientificForecast;
    case MsgId::kNeedsNumberSpaced: return MsgId::kNeedsNumberSpacedForecast;
    case MsgId::kActualUnitMismatch: return MsgId::kActualUnitMismatchForecast;
    case MsgId::kPercentWithoutUnit: return MsgId::kPercentWithoutUnitForecast;
    case MsgId::kUnitlessAtTargetScale: return MsgId::kUnitlessAtTargetScaleForecast;
    case MsgId::kPercentFarOverTarget: return MsgId::kPercentFarOverTargetForecast;
    case MsgId::kQuantityFarOverTarget: return MsgId::kQuantityFarOverTargetForecast;
    case MsgId::kUnitlessBelowTargetScale: return MsgId::kUnitlessBelowTargetScaleForecast;
    default: return id;
  }
}

MsgId ValueToDateWording(MsgId id) {
  switch (id) {
    case MsgId::kActualPlaceholder: return MsgId::kActualPlaceholderValueToDate;
    case MsgId::kNotApplicableWithText: return MsgId::kNotApplicableWithTextValueToDate;
    case MsgId::kQualitativeNeedsGrade: return MsgId::kQualitativeNeedsGradeValueToDate;
    case MsgId::kQuantitativeGotGrade: return MsgId::kQuantitativeGotGradeValueToDate;
    case MsgId::kDateNeedsDate: return MsgId::kDateNeedsDateValueToDate;
    case MsgId::kDateExcelSerial: return MsgId::kDateExcelSerialValueToDate;
    case MsgId::kNeedsNumber: return MsgId::kNeedsNumberValueToDate;
    case MsgId::kNeedsNumberScientific: return MsgId::kNeedsNumberScientificValueToDate;
    case MsgId::kNeedsNumberSpaced: return MsgId::kNeedsNumberSpacedValueToDate;
    case MsgId::kActualUnitMismatch: return MsgId::kActualUnitMismatchValueToDate;
    case MsgId::kPercentWithoutUnit: return MsgId::kPercentWithoutUnitValueToDate;
    case MsgId::kUnitlessAtTargetScale: return MsgId::kUnitlessAtTargetScaleValueToDate;
    case MsgId::kPercentFarOverTarget: return MsgId::kPercentFarOverTargetValueToDate;
    case MsgId::kQuantityFarOverTarget: return MsgId::kQuantityFarOverTargetValueToDate;
    case MsgId::kUnitlessBelowTargetScale: return MsgId::kUnitlessBelowTargetScaleValueToDate;
    default: return id;
  }
}

std::string FormatCode(uint16_t code) {
  if (code == 0) return "";
  // "JX" and the code in at least four digits, as fmt's "JX{:04d}" writes it.
  const std::string digits = std::to_string(code);
  return "JX" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

std::optional<uint16_t> ParseCode(std::string_view s) {
  if (s.size() >= 2 && (s[0] == 'J' || s[0] == 'j') && (s[1] == 'X' || s[1] == 'x')) {
    s.remove_prefix(2);
  }
  if (s.empty() || s.size() > 4) return std::nullopt;
  unsigned v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v == 0) return std::nullopt;
  return static_cast<uint16_t>(v);
}

}  // namespace jixiao
