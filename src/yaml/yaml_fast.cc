#include "yaml/yaml_fast.h"

#include <cstring>

namespace jixiao {

namespace {

// Thrown where the text leaves the subset; caught in Next(), never outside.
struct Decline {};

// Deeper nesting is left to yaml-cpp (which has its own limit); the
// recursion here stays shallow.
constexpr int kMaxDepth = 100;

// yaml-cpp takes a scalar as a map key (a "simple key") only when its ':'
// is at most this many bytes after the key's first byte (its quote, if
// quoted): VerifySimpleKey in yaml-cpp's simplekey.cpp. A longer key is a
// syntax error there ("illegal map value" in a block map, "end of map flow
// not found" in a flow map), so it is declined here.
constexpr size_t kMaxSimpleKeyLength = 1024;

// Characters that cannot start a plain scalar (yaml-cpp's
// PlainScalarTerminators); quotes are read as quoted scalars before this.
bool NotPlainStart(char c) { return std::strchr(",[]{}#&*!|>%@`", c) != nullptr; }

}  // namespace

struct FastYamlReader::Scalar {
  size_t start = 0;   // where the scalar starts (its quote, if quoted)
  size_t begin = 0;   // its value: [begin, end_value)
  size_t end_value = 0;
  size_t end = 0;     // where reading goes on: the ':' of a key, else after the scalar
  bool quoted = false;
  bool colon = false;  // followed by ':' and a blank: a map key
};

FastYamlReader::FastYamlReader(std::string_view text, size_t max_nodes)
    : t_(text), eligible_(Eligible(text)), max_nodes_(max_nodes) {}

bool FastYamlReader::Eligible(std::string_view text) {
  const char* b = text.data();
  const size_t n = text.size();
  if (std::memchr(b, '\t', n) != nullptr) return false;
  // A carriage return only as part of a CRLF line end (ParseYamlStream
  // rejects a lone one before reading).
  for (const char* p = b; (p = static_cast<const char*>(std::memchr(p, '\r', n - (p - b))));
       ++p) {
    if (p + 1 >= b + n || p[1] != '\n') return false;
  }
  // A byte order mark after the start, and C1 controls (U+0080..U+009F, lead
  // byte C2), which yaml-cpp treats specially in places.
  for (const char* p = b; (p = static_cast<const char*>(std::memchr(p, '\xEF', n - (p - b))));
       ++p) {
    if (p + 2 < b + n && p[1] == '\xBB' && p[2] == '\xBF') return false;
  }
  for (const char* p = b; (p = static_cast<const char*>(std::memchr(p, '\xC2', n - (p - b))));
       ++p) {
    if (p + 1 < b + n && static_cast<unsigned char>(p[1]) <= 0x9F) return false;
  }
  return true;
}

// (A '\r' is always the start of a CRLF here: see Eligible.)
bool FastYamlReader::BlankOrEnd(size_t i) const {
  return i >= t_.size() || t_[i] == ' ' || t_[i] == '\n' || t_[i] == '\r';
}

bool FastYamlReader::LineEnd(size_t i) const {
  return i >= t_.size() || t_[i] == '\n' || t_[i] == '\r';
}

bool FastYamlReader::AtSeqEntry() const {
  return at_ == At::kContent && t_[p_] == '-' && BlankOrEnd(p_ + 1);
}

void FastYamlReader::Emit(FastYamlEvent::Kind kind, size_t pos, std::string_view value) {
  if (kind != FastYamlEvent::Kind::kMapEnd && kind != FastYamlEvent::Kind::kSeqEnd &&
      ++nodes_ > max_nodes_) {
    throw Decline{};
  }
  events_->push_back(FastYamlEvent{kind, false, line_, pos, value});
}

// yaml-cpp reports the plain scalars "~", "null", "Null" and "NULL" as
// empty values (its IsNullString).
void FastYamlReader::EmitScalar(const Scalar& s) {
  std::string_view v = t_.substr(s.begin, s.end_value - s.begin);
  if (s.quoted) {
    Emit(FastYamlEvent::Kind::kQuoted, s.start, v);
  } else if (v == "~" || v == "null" || v == "Null" || v == "NULL") {
    Emit(FastYamlEvent::Kind::kNull, s.start);
  } else {
    Emit(FastYamlEvent::Kind::kPlain, s.start, v);
  }
}

// yaml-cpp marks an empty value at the next token: the content or "---" the
// cursor is at, or the end of the text.
void FastYamlReader::EmitNullHere() {
  Emit(FastYamlEvent::Kind::kNull, at_ == At::kEof ? t_.size() : p_);
}

// The rest of a line after a scalar, key or "---": blanks and a comment.
void FastYamlReader::FinishLine() {
  bool blank_before = p_ == line_start_ || t_[p_ - 1] == ' ';
  while (p_ < t_.size() && t_[p_] == ' ') ++p_, blank_before = true;
  if (p_ < t_.size() && t_[p_] == '#') {
    if (!blank_before) throw Decline{};
    const void* nl = std::memchr(t_.data() + p_, '\n', t_.size() - p_);
    p_ = nl ? static_cast<const char*>(nl) - t_.data() : t_.size();
  }
  if (p_ < t_.size() && t_[p_] == '\r') ++p_;
  if (p_ < t_.size() && t_[p_] != '\n') throw Decline{};
}

// From the start of a line: stops at its content or "---" (at_ says which),
// or at the end of the text; leaves a blank or comment line at its '\n'
// with at_ == kEof only when the text ends there.
void FastYamlReader::NextLine() {
  const size_t n = t_.size();
  const size_t start = p_;
  while (p_ < n && t_[p_] == ' ') ++p_;
  if (p_ < n && t_[p_] == '#') {
    const void* nl = std::memchr(t_.data() + p_, '\n', n - p_);
    p_ = nl ? static_cast<const char*>(nl) - t_.data() : n;
  }
  if (p_ < n && t_[p_] == '\r') ++p_;
  if (p_ >= n) {
    at_ = At::kEof;
    return;
  }
  if (t_[p_] == '\n') {
    at_ = At::kContent;
    indent_ = -1;  // a blank line: FindContent goes on
    return;
  }
  indent_ = static_cast<int>(p_ - start);
  if (indent_ == 0 && p_ + 3 <= n && BlankOrEnd(p_ + 3)) {
    if (t_.compare(p_, 3, "---") == 0) {
      at_ = At::kDocStart;
      return;
    }
    if (t_.compare(p_, 3, "...") == 0) throw Decline{};
  }
  at_ = At::kContent;
}

// From a '\n' or the end of the text: to the next line with content.
void FastYamlReader::FindContent() {
  for (;;) {
    if (p_ >= t_.size()) {
      at_ = At::kEof;
      return;
    }
    ++p_;
    ++line_;
    line_start_ = p_;
    NextLine();
    if (at_ != At::kContent || indent_ >= 0) return;
  }
}

FastYamlReader::Scalar FastYamlReader::ScanScalar(size_t at) const {
  const size_t n = t_.size();
  Scalar s;
  s.start = at;
  const char q = t_[at];
  if (q == '\'' || q == '"') {
    size_t close = at + 1;
    for (;; ++close) {
      if (LineEnd(close)) throw Decline{};  // multi-line
      if (t_[close] == q) break;
      if (t_[close] == '\\' && q == '"') throw Decline{};  // an escape
    }
    if (q == '\'' && close + 1 < n && t_[close + 1] == '\'') throw Decline{};  // ''
    s.quoted = true;
    s.begin = at + 1;
    s.end_value = close;
    size_t i = close + 1;
    while (i < n && t_[i] == ' ') ++i;
    s.colon = i < n && t_[i] == ':' && BlankOrEnd(i + 1);
    s.end = s.colon ? i : close + 1;
    return s;
  }
  CheckPlainStart(at);
  size_t i = at;
  bool colon = false;
  for (; i < n; ++i) {
    const char c = t_[i];
    if (c == '\n' || c == '\r') break;
    if (c == ':' && BlankOrEnd(i + 1)) {
      colon = true;
      break;
    }
    if (c == ' ' && i + 1 < n && t_[i + 1] == '#') break;
  }
  return PlainScalar(at, i, colon);
}

// Declines at a character that may not start a plain scalar (and at '?' and
// ':', which may, to keep away from '?' keys and such).
void FastYamlReader::CheckPlainStart(size_t at) const {
  const char c = t_[at];
  if (NotPlainStart(c) || c == '?' || c == ':' || (c == '-' && BlankOrEnd(at + 1))) {
    throw Decline{};
  }
}

// The plain scalar from `at` to `stop`, where reading it stopped (at a ':'
// when `colon`), without its trailing blanks.
FastYamlReader::Scalar FastYamlReader::PlainScalar(size_t at, size_t stop, bool colon) const {
  Scalar s;
  s.start = at;
  s.begin = at;
  s.end_value = stop;
  while (s.end_value > at && t_[s.end_value - 1] == ' ') --s.end_value;
  s.end = stop;
  s.colon = colon;
  return s;
}

// Declines a map key whose ':' (at key.end) is further from its start than
// yaml-cpp allows.
void FastYamlReader::CheckKeyLength(const Scalar& key) const {
  if (key.end - key.start > kMaxSimpleKeyLength) throw Decline{};
}

// A node whose first line is the cursor's, more indented than its parent.
void FastYamlReader::ParseNode(int parent_indent) {
  if (AtSeqEntry()) {
    ParseSeq(indent_, false);
    return;
  }
  ParseLineValue(indent_);
  if (at_ == At::kContent && indent_ > parent_indent) throw Decline{};  // multi-line
}

// After "key:" or "-": true when the value is not on this line (the rest of
// it is blank or a comment); the cursor is then at the next content.
bool FastYamlReader::ValueOnNextLines() {
  SkipSpaces();
  if (!LineEnd(p_) && t_[p_] != '#') return false;
  FinishLine();
  FindContent();
  return true;
}

// A block map whose first key, `key`, is at the cursor, in column `col`.
void FastYamlReader::ParseMap(int col, Scalar key) {
  if (++depth_ > kMaxDepth) throw Decline{};
  Emit(FastYamlEvent::Kind::kMapStart, p_);
  for (;;) {
    CheckKeyLength(key);
    EmitScalar(key);
    p_ = key.end + 1;
    if (ValueOnNextLines()) {
      if (at_ == At::kContent && indent_ > col) {
        ParseNode(col);
      } else if (at_ == At::kContent && indent_ == col && AtSeqEntry()) {
        ParseSeq(col, true);
      } else {
        EmitNullHere();
      }
    } else {
      ParseLineValue(-1);
    }
    if (at_ != At::kContent || indent_ < col) break;
    if (indent_ > col) throw Decline{};
    key = ScanScalar(p_);
    if (!key.colon) throw Decline{};
  }
  Emit(FastYamlEvent::Kind::kMapEnd, p_);
  --depth_;
}

// A block list whose first '-' is at the cursor, in column `col`; an
// indentless one (the value of a key in the same column) ends at the next
// line of that column that is not an item.
void FastYamlReader::ParseSeq(int col, bool indentless) {
  if (++depth_ > kMaxDepth) throw Decline{};
  Emit(FastYamlEvent::Kind::kSeqStart, p_);
  for (;;) {
    ++p_;  // the '-'
    if (ValueOnNextLines()) {
      if (at_ == At::kContent && indent_ > col) {
        ParseNode(col);
      } else {
        EmitNullHere();
      }
    } else {
      ParseLineValue(static_cast<int>(p_ - line_start_));  // "- a: 1" starts a map
    }
    if (at_ != At::kContent || indent_ < col) break;
    if (indent_ > col) throw Decline{};
    if (!AtSeqEntry()) {
      if (indentless) break;
      throw Decline{};
    }
  }
  Emit(FastYamlEvent::Kind::kSeqEnd, p_);
  --depth_;
}

// The value after "key: " or "- ", or a node on a line of its own: a block
// map whose first key is at the cursor, in column `map_col` (-1: no map may
// start here, as in "a: b: c"), or a scalar or flow collection that ends its
// line. ("- - x" and "a: - x" decline in ScanScalar.) Leaves the cursor at
// the next content.
void FastYamlReader::ParseLineValue(int map_col) {
  if (t_[p_] == '{' || t_[p_] == '[') {
    ParseFlow();
  } else {
    Scalar s = ScanScalar(p_);
    if (s.colon) {
      if (map_col < 0) throw Decline{};
      ParseMap(map_col, s);
      return;
    }
    EmitScalar(s);
    p_ = s.end;
  }
  FinishLine();
  FindContent();
}

void FastYamlReader::SkipSpaces() {
  while (p_ < t_.size() && t_[p_] == ' ') ++p_;
}

// A flow collection ("{a: 1, b: x}", "[1, 2]", nested) within one line, at
// the cursor. Empty values, a trailing comma and a single pair in a list
// ("[a: 1]") decline.
void FastYamlReader::ParseFlow() {
  if (++depth_ > kMaxDepth) throw Decline{};
  const bool map = t_[p_] == '{';
  const char close = map ? '}' : ']';
  Emit(map ? FastYamlEvent::Kind::kMapStart : FastYamlEvent::Kind::kSeqStart, p_);
  events_->back().flow = true;
  ++p_;
  SkipSpaces();
  if (p_ < t_.size() && t_[p_] == close) {
    ++p_;
  } else {
    for (;;) {
      if (map) {
        Scalar key = ScanFlowScalar(p_);
        if (!key.colon) throw Decline{};
        CheckKeyLength(key);
        EmitScalar(key);
        p_ = key.end + 1;
        SkipSpaces();
      }
      if (p_ < t_.size() && (t_[p_] == '{' || t_[p_] == '[')) {
        ParseFlow();
      } else {
        Scalar s = ScanFlowScalar(p_);
        if (s.colon) throw Decline{};
        EmitScalar(s);
        p_ = s.end;
      }
      SkipSpaces();
      if (p_ < t_.size() && t_[p_] == close) {
        ++p_;
        break;
      }
      if (p_ >= t_.size() || t_[p_] != ',') throw Decline{};
      ++p_;
      SkipSpaces();
      if (p_ < t_.size() && t_[p_] == close) throw Decline{};  // a trailing comma
    }
  }
  Emit(map ? FastYamlEvent::Kind::kMapEnd : FastYamlEvent::Kind::kSeqEnd, p_);
  --depth_;
}

// A scalar inside a flow collection, on one line: it ends at ',', ']', '}'
// or a ':' with a blank or one of those after it.
FastYamlReader::Scalar FastYamlReader::ScanFlowScalar(size_t at) const {
  const size_t n = t_.size();
  auto flow_end = [&](size_t i) {
    return BlankOrEnd(i) || t_[i] == ',' || t_[i] == ']' || t_[i] == '}';
  };
  if (LineEnd(at)) throw Decline{};
  const char q = t_[at];
  if (q == '\'' || q == '"') {
    Scalar s = ScanScalar(at);  // the quoted text; its ':' is looked at here
    size_t i = s.end_value + 1;
    if (i < n && t_[i] == ':') {  // JSON: "key":value, a ':' right after the quote
      s.colon = true;
      s.end = i;
      return s;
    }
    while (i < n && t_[i] == ' ') ++i;
    s.colon = i < n && t_[i] == ':';
    if (s.colon && !flow_end(i + 1)) throw Decline{};
    s.end = s.colon ? i : s.end_value + 1;
    return s;
  }
  CheckPlainStart(at);
  size_t i = at;
  bool colon = false;
  for (;; ++i) {
    if (LineEnd(i)) throw Decline{};  // a flow collection over several lines
    const char c = t_[i];
    if (c == ',' || c == ']' || c == '}') break;
    if (c == ':' && flow_end(i + 1)) {
      colon = true;
      break;
    }
    if (c == '[' || c == '{' || c == '?') throw Decline{};  // yaml-cpp ends a scalar there
    if (c == ' ' && i + 1 < n && t_[i + 1] == '#') throw Decline{};  // a comment
  }
  return PlainScalar(at, i, colon);
}

bool FastYamlReader::MarkerAt(std::string_view text, size_t at, std::string_view m) {
  return text.compare(at, 3, m) == 0 &&
         (at + 3 >= text.size() || text[at + 3] == ' ' || text[at + 3] == '\n' ||
          text[at + 3] == '\r' || text[at + 3] == '\t');
}

size_t FastYamlReader::DocumentEnd(std::string_view text, size_t from) {
  auto marker = [&](size_t at, std::string_view m) { return MarkerAt(text, at, m); };
  bool opened = false;  // by its "---" or its first content
  for (size_t line = from; line < text.size();) {
    if (text[line] == '%' || marker(line, "...")) return std::string_view::npos;
    if (marker(line, "---")) {
      if (opened) return line;
      opened = true;
    } else {
      size_t first = text.find_first_not_of(" \t\r", line);
      if (first != std::string_view::npos && text[first] != '\n' && text[first] != '#') {
        opened = true;
      }
    }
    size_t nl = text.find('\n', line);
    if (nl == std::string_view::npos) break;
    line = nl + 1;
  }
  return text.size();
}

void FastYamlReader::ResumeAt(size_t pos, int line) {
  p_ = pos;
  line_ = line;
  line_start_ = pos;
  at_ = At::kDocStart;
  started_ = true;
  done_ = Result::kDocument;
}

FastYamlReader::Result FastYamlReader::Next(std::vector<FastYamlEvent>* events, size_t* pos,
                                            int* line) {
  if (done_ != Result::kDocument) return done_;
  events->clear();
  events_ = events;
  if (!eligible_) {
    done_ = Result::kDecline;
    return done_;
  }
  const bool first = !started_;
  try {
    if (first) {
      started_ = true;
      NextLine();
      if (at_ == At::kContent && indent_ < 0) FindContent();
    }
    resume_pos_ = first ? 0 : p_;
    resume_line_ = first ? 0 : line_;
    if (at_ == At::kEof) {
      done_ = Result::kEnd;
      return done_;
    }
    *pos = p_;
    *line = line_;
    if (at_ == At::kDocStart) {
      p_ += 3;
      FinishLine();
      FindContent();
      if (at_ != At::kContent) throw Decline{};  // an empty document
    }
    depth_ = 0;
    nodes_ = 0;
    ParseNode(-1);
    if (at_ == At::kContent) throw Decline{};
  } catch (const Decline&) {
    events->clear();
    done_ = Result::kDecline;
    return done_;
  }
  return Result::kDocument;
}

}  // namespace jixiao
