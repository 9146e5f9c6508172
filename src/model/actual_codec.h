// A parsed value (an Actual: value.h) as bytes of an index record
// (record_codec.h), so that an entry read back from the actuals index
// (actuals.h) has its values and forecasts as they were parsed, without
// parsing their text again.
#ifndef JIXIAO_MODEL_ACTUAL_CODEC_H_
#define JIXIAO_MODEL_ACTUAL_CODEC_H_

#include <string_view>

#include "base/exact.h"
#include "model/value.h"

namespace jixiao {

class RecordReader;
class RecordWriter;

// Writes `a`, which is Actual{} or what ParseActual made of a text. Its text
// is not written: the caller keeps that text already.
void PackActual(const Actual& a, RecordWriter* w);
// Reads back what PackActual wrote: an Actual equal to the one written,
// given `text`, the text it was parsed from (Actual{} needs none).
Actual UnpackActual(RecordReader* r, std::string_view text);

// Writes any Rational exactly: small ones as three varints, others as the
// decimal digits of their numerator and denominator.
void PackRational(const Rational& v, RecordWriter* w);
Rational UnpackRational(RecordReader* r);

}  // namespace jixiao

#endif  // JIXIAO_MODEL_ACTUAL_CODEC_H_
