#include "yaml/yaml_doc.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <istream>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "base/encoding.h"
#include "base/text.h"
#include "yaml/yaml_fast.h"
#include "yaml/yaml_slips.h"

namespace jixiao {

namespace {

const char kStrTag[] = "tag:yaml.org,2002:str";

// A read-only streambuf over memory, so the parser reads the text in place.
class MemoryBuf : public std::streambuf {
 public:
  explicit MemoryBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

bool AllDigits(std::string_view s, int (*pred)(int)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(static_cast<unsigned char>(c))) return false;
  return true;
}

int IsOctal(int c) { return c >= '0' && c <= '7'; }

bool IsCoreInt(std::string_view v) {
  if (StartsWith(v, "0o")) return AllDigits(v.substr(2), IsOctal);
  if (StartsWith(v, "0x")) return AllDigits(v.substr(2), isxdigit);
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  return AllDigits(v, isdigit);
}

bool IsCoreFloat(std::string_view v) {
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) v.remove_prefix(1);
  if (v == ".inf" || v == ".Inf" || v == ".INF") return true;
  if (v == ".nan" || v == ".NaN" || v == ".NAN") return true;
  size_t i = 0, int_digits = 0, frac_digits = 0;
  while (i < v.size() && isdigit(static_cast<unsigned char>(v[i]))) ++i, ++int_digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && isdigit(static_cast<unsigned char>(v[i]))) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
    size_t exp_start = i;
    while (i < v.size() && isdigit(static_cast<unsigned char>(v[i]))) ++i;
    if (i == exp_start) return false;
  }
  return i == v.size();
}

// Thrown from inside the event handler to stop the parser at a limit; caught
// in ParseYamlStream, never outside this file.
struct StopParsing {
  size_t offset;
  int line;
  Message message;
};

// Thrown from inside the event handler when yaml-cpp starts a document where
// the fast reader takes over again (DocumentBuilder::StopAt).
struct ReachedStop {};

}  // namespace

YamlNode::Type YamlNode::type() const {
  switch (kind) {
    case Kind::kNull:
      return Type::kNull;
    case Kind::kScalar:
      break;
    default:
      return Type::kString;  // not meaningful for collections
  }
  if (!plain) return Type::kString;
  if (value == "true" || value == "True" || value == "TRUE" || value == "false" ||
      value == "False" || value == "FALSE")
    return Type::kBool;
  if (IsCoreInt(value)) return Type::kInt;
  if (IsCoreFloat(value)) return Type::kFloat;
  return Type::kString;
}

const YamlNode* YamlNode::Find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k->is_scalar() && k->value == key) return v;
  return nullptr;
}

// Builds a YamlDocument from parser events, enforcing the limits.
class DocumentBuilder : public YAML::EventHandler {
 public:
  // `base`: bytes of src.text before what the reader reads (see ParseYamlStream).
  DocumentBuilder(const Source& src, size_t base, const YamlLimits& limits, Diagnostics* diags)
      : src_(src),
        base_(base),
        limits_(limits),
        diags_(diags),
        escapes_(src.text.find('\\') != std::string::npos) {}

  void Reset(YamlDocument* doc, size_t index) {
    doc_ = doc;
    doc_->index_ = index;
    started_at_ = std::string::npos;
    stack_.clear();
    anchors_.clear();
    total_weight_ = 0;
    only_null_ = true;
  }
  bool only_null() const { return only_null_; }
  // Where the document being built starts (its "---" or its first token),
  // in src.text; npos before yaml-cpp starts it.
  size_t started_at() const { return started_at_; }

  // Marks from now on count from byte `base` and 0-based line `line_base`
  // of src.text (yaml-cpp reading on after the fast reader).
  void SetBase(size_t base, int line_base) {
    base_ = base;
    line_base_ = line_base;
  }

  // Builds the document from the fast reader's events, as from yaml-cpp's.
  void Replay(const std::vector<FastYamlEvent>& events, size_t doc_pos, int doc_line) {
    using Kind = FastYamlEvent::Kind;
    static const std::string kUntagged = "?";
    OnDocumentStart(MarkAt(doc_pos, doc_line));
    for (const FastYamlEvent& e : events) {
      const YAML::EmitterStyle::value style =
          e.flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
      switch (e.kind) {
        case Kind::kMapStart:
          OnMapStart(MarkAt(e.pos, e.line), kUntagged, YAML::NullAnchor, style);
          break;
        case Kind::kMapEnd:
          OnMapEnd();
          break;
        case Kind::kSeqStart:
          OnSequenceStart(MarkAt(e.pos, e.line), kUntagged, YAML::NullAnchor, style);
          break;
        case Kind::kSeqEnd:
          OnSequenceEnd();
          break;
        case Kind::kPlain:
        case Kind::kQuoted:
          AddScalar(MarkAt(e.pos, e.line), e.kind == Kind::kPlain, e.value);
          break;
        case Kind::kNull:
          OnNull(MarkAt(e.pos, e.line), YAML::NullAnchor);
          break;
      }
    }
  }

  // yaml-cpp is stopped (ReachedStop) at a document that starts at byte
  // `offset` of src.text or later.
  void StopAt(size_t offset) { stop_at_ = offset; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (At(mark) >= stop_at_) throw ReachedStop{};
    doc_->offset_ = At(mark);
    started_at_ = At(mark);
    doc_->line_ = Line(mark);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode* n = NewNode(mark, YamlNode::Kind::kNull);
    // A key with nothing after it (`spent:` at the end of its line) gets a
    // null whose mark is the next token, on a later line (the next key):
    // such a null stands where its key is, so that "empty 'spent'" is
    // reported on the line of `spent:`. The fast reader's events take the
    // same way, so both readers agree.
    if (!stack_.empty()) {
      const Frame& f = stack_.back();
      if (f.node->kind == YamlNode::Kind::kMap && f.key != nullptr && f.key->line < n->line) {
        n->offset = f.key->offset;
        n->line = f.key->line;
      }
    } else if (n->offset > doc_->offset_ && IsDocumentBoundary(n->offset)) {
      // So too an empty document (a `---` with nothing after it): its null is
      // marked at the next document or past the end of the file, on a line
      // that may not exist; it stands where the document starts.
      n->offset = doc_->offset_;
      n->line = doc_->line_;
    }
    Attach(n, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    only_null_ = false;
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw StopParsing{At(mark), Line(mark), Msg(MsgId::kYamlUnknownAnchor)};
    }
    for (const Frame& f : stack_) {
      if (f.node == it->second) {
        throw StopParsing{At(mark), Line(mark), Msg(MsgId::kYamlAliasCycle)};
      }
    }
    AddWeight(it->second->weight, mark);
    AttachNode(it->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    CheckTag(tag, mark);
    AddScalar(mark, IsPlainTag(tag), value, anchor);
  }

  // A scalar of the given style (plain, or quoted or !!str).
  void AddScalar(const YAML::Mark& mark, bool plain, std::string_view value,
                 YAML::anchor_t anchor = YAML::NullAnchor) {
    only_null_ = false;
    if (value.size() > limits_.max_scalar_bytes) {
      throw StopParsing{At(mark), Line(mark),
                        Msg(MsgId::kValueTooLong, value.size(), limits_.max_scalar_bytes)};
    }
    if (!plain) CheckQuoteClosed(mark);
    YamlNode* n = NewNode(mark, YamlNode::Kind::kScalar);
    n->plain = plain;
    n->value = value;
    // yaml-cpp writes the escapes \N and \_ (U+0085, U+00A0) as the single
    // bytes 0x85 and 0xA0, which are not UTF-8; the input is valid UTF-8, so
    // any invalid byte in a value is such a code point: encode it. (Only a
    // text with a backslash can have one.)
    if (escapes_ && FindInvalidUtf8(n->value) != std::string_view::npos) {
      std::string utf8;
      for (size_t pos = 0; pos < value.size();) {
        size_t start = pos;
        char32_t cp = DecodeUtf8(value, &pos);
        if (cp == 0xFFFD && pos == start + 1) {  // an invalid byte
          AppendUtf8(static_cast<unsigned char>(value[start]), &utf8);
        } else {
          utf8.append(value, start, pos - start);
        }
      }
      n->value = std::move(utf8);
    }
    Attach(n, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    only_null_ = false;
    CheckTag(tag, mark);
    YamlNode* n = NewNode(mark, YamlNode::Kind::kSequence);
    Attach(n, anchor);
    Push(n, mark);
  }
  void OnSequenceEnd() override { Pop(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    only_null_ = false;
    CheckTag(tag, mark);
    YamlNode* n = NewNode(mark, YamlNode::Kind::kMap);
    Attach(n, anchor);
    Push(n, mark);
  }
  void OnMapEnd() override { Pop(); }

 private:
  struct Frame {
    YamlNode* node;
    const YamlNode* key = nullptr;  // maps: a key waiting for its value
    std::unordered_set<std::string_view> keys;  // maps with many entries
  };

  YamlNode* NewNode(const YAML::Mark& mark, YamlNode::Kind kind) {
    AddWeight(1, mark);
    YamlNode& n = doc_->nodes_.emplace_back();
    n.kind = kind;
    n.offset = At(mark);
    n.line = Line(mark);
    return &n;
  }

  void AddWeight(size_t w, const YAML::Mark& mark) {
    total_weight_ += w;
    if (total_weight_ > limits_.max_nodes) {
      throw StopParsing{At(mark), Line(mark), Msg(MsgId::kTooManyValues, limits_.max_nodes)};
    }
    for (Frame& f : stack_) f.node->weight += w;
  }

  // yaml-cpp's tag of an untagged plain scalar or collection.
  static bool IsPlainTag(const std::string& tag) { return tag.size() == 1 && tag[0] == '?'; }

  void CheckTag(const std::string& tag, const YAML::Mark& mark) {
    if (tag.empty() || IsPlainTag(tag) || tag == "!" || tag == kStrTag) return;
    Error(mark, Msg(MsgId::kYamlTag, tag));
  }

  void Error(const YAML::Mark& mark, Message message) {
    diags_->Add(MakeDiagnostic(Severity::kError, src_, At(mark),
                               std::move(message), Line(mark)));
    doc_->has_errors_ = true;
  }

  void Push(YamlNode* n, const YAML::Mark& mark) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw StopParsing{At(mark), Line(mark), Msg(MsgId::kTooDeep, limits_.max_depth)};
    }
    stack_.push_back(Frame{n, nullptr, {}});
  }

  void Pop() {
    if (!stack_.empty()) stack_.pop_back();
  }

  void Attach(YamlNode* n, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = n;
    AttachNode(n);
  }

  void AttachNode(const YamlNode* n) {
    if (stack_.empty()) {
      if (doc_->root_ == nullptr) doc_->root_ = n;
      return;
    }
    Frame& f = stack_.back();
    // Weight of this node was already added to the frames when it was created.
    if (f.node->kind == YamlNode::Kind::kSequence) {
      f.node->items.push_back(n);
      return;
    }
    if (f.key == nullptr) {
      f.key = n;
      return;
    }
    const YamlNode* key = f.key;
    f.key = nullptr;
    if (!key->is_scalar()) {
      diags_->Add(MakeDiagnostic(Severity::kError, src_, key->offset,
                                 Msg(key->is_null() ? MsgId::kKeyEmpty : MsgId::kKeyNotText),
                                 key->line));
      doc_->has_errors_ = true;
    } else if (IsDuplicate(f, key)) {
      const YamlNode* first = f.node->Find(key->value);
      diags_->Add(MakeDiagnostic(Severity::kError, src_, key->offset,
                                 Msg(MsgId::kDuplicateKey, TruncateToWidth(key->value, 40),
                                     first ? first->line : 0),
                                 key->line));
      doc_->has_errors_ = true;
      return;  // keep the first value, report the second
    }
    f.node->entries.emplace_back(key, n);
  }

  // True when `key` is already in the map of frame `f`; records it otherwise.
  bool IsDuplicate(Frame& f, const YamlNode* key) {
    constexpr size_t kLinearLimit = 16;
    if (f.node->entries.size() < kLinearLimit) return f.node->Find(key->value) != nullptr;
    if (f.keys.empty()) {
      for (const auto& e : f.node->entries)
        if (e.first->is_scalar()) f.keys.insert(e.first->value);
    }
    return !f.keys.insert(key->value).second;
  }

  static YAML::Mark MarkAt(size_t pos, int line) {
    YAML::Mark m;
    m.pos = static_cast<int>(pos);
    m.line = line;
    return m;
  }

  // The offset in src.text of a mark.
  size_t At(const YAML::Mark& mark) const { return base_ + static_cast<size_t>(mark.pos); }

  // yaml-cpp 0.7.0 (and so the fast reader) takes a quoted scalar left open
  // on the last line of a file, before its final newline, as closed there:
  // `target: "显著提升` then reads every line after the quote into the
  // value. The quote of a scalar at `mark` must close before the end of the
  // text; else the error yaml-cpp gives without that newline, at the end of
  // the last line.
  void CheckQuoteClosed(const YAML::Mark& mark) const {
    const std::string_view text = src_.text;
    size_t i = At(mark);
    if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return;  // !!str, or a tag first
    const char quote = text[i];
    for (++i; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;  // '' is a quote inside a single-quoted scalar
          continue;
        }
        return;
      }
    }
    size_t end = text.size();
    while (end > At(mark) && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
    throw StopParsing{end, static_cast<int>(std::count(text.begin(), text.begin() + end, '\n')) + 1,
                      Msg(MsgId::kYamlUnclosedQuote)};
  }
  // True when byte `offset` of src.text is the end of the text or the start
  // of a document marker (`---` or `...`): nothing written stands there.
  bool IsDocumentBoundary(size_t offset) const {
    const std::string_view text = src_.text;
    const std::string_view rest = text.substr(std::min(offset, text.size()));
    return rest.empty() || rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...";
  }
  // The 1-based line in src.text of a mark.
  int Line(const YAML::Mark& mark) const { return mark.line + 1 + line_base_; }

  const Source& src_;
  size_t base_;
  int line_base_ = 0;
  size_t stop_at_ = std::string::npos;
  size_t started_at_ = std::string::npos;
  const YamlLimits& limits_;
  Diagnostics* diags_;
  const bool escapes_;  // the text has a backslash: a double-quoted escape may be in it
  YamlDocument* doc_ = nullptr;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, const YamlNode*> anchors_;
  size_t total_weight_ = 0;
  bool only_null_ = true;
};

namespace {

// "0F" for the byte 0x0F.
std::string HexByte(char c) { return fmt::format("{:02X}", static_cast<unsigned char>(c)); }

// Why `text`, invalid UTF-8 at byte `bad`, is not UTF-8: UTF-16 (its byte
// order mark says so: ReadSource removed none), GB18030 (it decodes as
// such, what Chinese Windows saves), or just not. Runs only on such a file.
Message NotUtf8Message(std::string_view text, size_t bad) {
  if (StartsWith(text, "\xFF\xFE") || StartsWith(text, "\xFE\xFF")) return Msg(MsgId::kUtf16);
  if (DecodeGb18030(text)) return Msg(MsgId::kInvalidUtf8Gb, HexByte(text[bad]));
  return Msg(MsgId::kInvalidUtf8, HexByte(text[bad]));
}

}  // namespace

// Both .xlsx and .docx are ZIP files, told apart by the names of their
// parts (xl/..., word/...), which a ZIP file holds as plain text.
std::optional<Message> OfficeFileMessage(std::string_view text) {
  if (StartsWith(text, "PK\x03\x04")) {
    if (text.find("xl/workbook") != std::string_view::npos) return Msg(MsgId::kOfficeWorkbook);
    if (text.find("word/document") != std::string_view::npos) {
      return Msg(MsgId::kOfficeDocument);
    }
    return Msg(MsgId::kZipArchive);
  }
  if (StartsWith(text, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Msg(MsgId::kOfficeOldFormat);
  return std::nullopt;
}

std::string_view StripBom(std::string_view text) {
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

bool CheckInputText(const Source& src, size_t max_bytes, Diagnostics* diags) {
  if (src.text.size() > max_bytes) {
    diags->Error({src.path, 0, 0}, MsgId::kFileTooLarge, src.text.size(), max_bytes);
    return false;
  }
  // One pass for both checks (this runs over every byte of a year); invalid
  // UTF-8 is reported before a control character, wherever each is.
  size_t bad = std::string_view::npos;
  size_t control = std::string_view::npos;
  const std::string_view text = src.text;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) &&
          control == std::string_view::npos) {
        control = i;
      }
      ++i;
      continue;
    }
    int len = ValidUtf8Length(text, i);
    if (len == 0) {
      bad = i;
      break;
    }
    i += static_cast<size_t>(len);
  }
  if (bad == std::string_view::npos && control == std::string_view::npos) return true;
  // A workbook or a document: said for the whole file, without its bytes.
  if (std::optional<Message> office = OfficeFileMessage(src.text)) {
    diags->Error({src.path, 0, 0}, std::move(*office));
    return false;
  }
  if (bad != std::string_view::npos) {
    diags->Add(MakeDiagnostic(Severity::kError, src, bad, NotUtf8Message(src.text, bad)));
    return false;
  }
  if (control != std::string_view::npos) {
    diags->Add(MakeDiagnostic(Severity::kError, src, control,
                              Msg(MsgId::kControlCharacter, HexByte(src.text[control]))));
    return false;
  }
  return true;
}

namespace {

// The code point of `text` at byte `at`, as UTF-8 ("" past the end).
std::string CodePointAt(std::string_view text, size_t at) {
  if (at >= text.size()) return "";
  size_t end = at;
  DecodeUtf8(text, &end);
  return std::string(text.substr(at, end - at));
}

// The longest map key yaml-cpp reads: its ':' at most this many bytes after
// its start (see yaml_fast.cc).
constexpr size_t kMaxYamlKeyBytes = 1024;

// A yaml-cpp error message for people, in the run's language: the errors a
// person's file gives have texts of their own, saying what to do; any other
// is yaml-cpp's words inside kYamlSyntax. (yaml-cpp quotes one byte of the
// character it stopped at, which cuts a multi-byte character in two.)
// `*at` is where the error is; it may move to a better place.
Message SyntaxMessage(const Source& src, const YAML::Exception& e, size_t* at) {
  namespace msg = YAML::ErrorMsg;
  std::string message = e.msg;
  if (message == msg::BAD_FILE || message.empty()) return Msg(MsgId::kYamlTooDeep);
  // yaml-cpp stops one byte after the backslash of an unknown escape.
  if (StartsWith(message, msg::INVALID_ESCAPE) && *at >= 2 && *at <= src.text.size() &&
      src.text[*at - 2] == '\\') {
    *at -= 2;
    return Msg(MsgId::kYamlUnknownEscape, CodePointAt(src.text, *at + 1));
  }
  // yaml-cpp takes a scalar as a map key only when its ':' (where it
  // stops) is at most 1024 bytes after the key's start: say so, at the key.
  if (message == msg::MAP_VALUE && *at < src.text.size()) {
    size_t line_start = src.text.rfind('\n', *at);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    size_t key = line_start;
    for (;;) {  // past the indentation and any "- " of list items
      while (key < *at && src.text[key] == ' ') ++key;
      if (key + 1 < *at && src.text[key] == '-' && src.text[key + 1] == ' ') {
        ++key;
        continue;
      }
      break;
    }
    if (*at - key > kMaxYamlKeyBytes) {
      Message what = Msg(MsgId::kYamlKeyTooLong, *at - key, kMaxYamlKeyBytes);
      *at = key;
      return what;
    }
  }
  static const struct {
    const char* text;  // yaml-cpp's message, or its start
    MsgId id;
  } kKnown[] = {
      {msg::MAP_VALUE, MsgId::kYamlMapValue},
      {msg::MAP_KEY, MsgId::kYamlMapKey},
      {msg::BLOCK_ENTRY, MsgId::kYamlBlockEntry},
      {msg::END_OF_MAP, MsgId::kYamlEndOfMap},
      {msg::END_OF_SEQ, MsgId::kYamlEndOfSeq},
      {msg::END_OF_MAP_FLOW, MsgId::kYamlUnclosedFlowMap},
      {msg::END_OF_SEQ_FLOW, MsgId::kYamlUnclosedFlowSeq},
      {msg::FLOW_END, MsgId::kYamlFlowEnd},
      {msg::EOF_IN_SCALAR, MsgId::kYamlUnclosedQuote},
      {msg::DOC_IN_SCALAR, MsgId::kYamlQuoteAcrossDocument},
      {msg::INVALID_HEX, MsgId::kYamlBadEscapeNumber},
      {msg::INVALID_UNICODE, MsgId::kYamlBadEscapeNumber},
      {msg::TAB_IN_INDENTATION, MsgId::kYamlTab},
      {msg::UNKNOWN_TOKEN, MsgId::kYamlUnknownToken},
      {msg::UNKNOWN_ANCHOR, MsgId::kYamlUndefinedAnchor},
      {msg::ALIAS_NOT_FOUND, MsgId::kYamlNoAliasName},
      {msg::ANCHOR_NOT_FOUND, MsgId::kYamlNoAnchorName},
  };
  for (const auto& k : kKnown) {
    // INVALID_UNICODE is followed by the code point; the others are whole.
    if (k.id == MsgId::kYamlBadEscapeNumber ? StartsWith(message, k.text) : message == k.text) {
      return Msg(k.id);
    }
  }
  if (FindInvalidUtf8(message) != std::string::npos) {
    std::string clean;
    for (size_t pos = 0; pos < message.size();) AppendUtf8(DecodeUtf8(message, &pos), &clean);
    message = clean;
  }
  return Msg(MsgId::kYamlSyntax, message);
}

// The first byte order mark (U+FEFF) in text[from, to), or npos: one inside
// a file (files joined with `cat`) is no YAML, and yaml-cpp's error about it
// is a puzzle.
size_t FindBom(std::string_view text, size_t from, size_t to) {
  to = std::min(to, text.size());
  if (from >= to) return std::string_view::npos;
  size_t at = text.substr(0, to).find("\xEF\xBB\xBF", from);
  return at;
}

// Where reading goes on after a syntax error at byte `at` of `text`, read
// from `from`, in a document that starts at `start` (npos: the error came
// before its first token): the first "---" line after the document's
// start, where YAML ends it whatever came before (yaml-cpp may read a
// bracket left open on across it and fail further on; a quote left open
// fails at it). Without a start, the "---" line the error is at, or else
// the first after the error's line. npos when a "..." or a directive line
// comes first (the documents after it may depend on it) or no "---" line
// follows.
size_t ResumeAfterError(std::string_view text, size_t at, size_t start, size_t from) {
  if (at >= text.size()) return std::string_view::npos;
  size_t line = 0;
  if (start != std::string_view::npos && start < text.size()) {
    at = start;
  } else {
    line = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    line = line == std::string_view::npos ? 0 : line + 1;
    if (line == at && line > from && FastYamlReader::MarkerAt(text, line, "---")) return line;
  }
  for (size_t nl = text.find('\n', at); nl != std::string_view::npos;
       nl = text.find('\n', line)) {
    line = nl + 1;
    if (line >= text.size()) break;
    if (text[line] == '%' || FastYamlReader::MarkerAt(text, line, "...")) {
      return std::string_view::npos;
    }
    if (FastYamlReader::MarkerAt(text, line, "---")) return line;
  }
  return std::string_view::npos;
}

}  // namespace

size_t ParseYamlStream(const Source& src, const YamlLimits& limits, Diagnostics* diags,
                       const std::function<void(const YamlDocument&)>& on_document) {
  // yaml-cpp counts lines at LF only and reads a lone CR (an old Mac line
  // ending) as part of the text, so such a file would be misread and every
  // location in it wrong: reject it before parsing.
  for (size_t cr = src.text.find('\r'); cr != std::string::npos; cr = src.text.find('\r', cr + 1)) {
    if (cr + 1 < src.text.size() && src.text[cr + 1] == '\n') continue;
    diags->Add(MakeDiagnostic(Severity::kError, src, cr, Msg(MsgId::kLoneCr)));
    return 0;
  }
  // yaml-cpp takes a leading byte order mark as one and counts positions
  // after it. ReadSource removes a file's BOM, but a file may start with more:
  // give yaml-cpp the text after them, and count its positions from there.
  size_t base = 0;
  while (StartsWith(std::string_view(src.text).substr(base), "\xEF\xBB\xBF")) base += 3;
  const std::string_view text = std::string_view(src.text).substr(base);
  // A line indented with a full-width or no-break space is read by YAML as
  // a key with that space in it, or fails lines below: name it before.
  if (std::optional<YamlSlip> slip = FindWideIndentation(text)) {
    diags->Add(MakeDiagnostic(Severity::kError, src, base + slip->offset, std::move(slip->message),
                              slip->line));
    return 0;
  }
  DocumentBuilder builder(src, base, limits, diags);
  size_t delivered = 0;
  size_t failed = 0;  // documents a syntax error left unread (they keep their index)
  // Gives a complete document to the caller; false at the document limit
  // (which counts the documents lost to a syntax error too).
  auto deliver = [&](const YamlDocument& doc) {
    if (delivered + failed >= limits.max_documents) {
      diags->Add(MakeDiagnostic(Severity::kError, src, doc.offset(),
                                Msg(MsgId::kTooManyDocuments, limits.max_documents), doc.line()));
      return false;
    }
    on_document(doc);
    ++delivered;
    return true;
  };
  // yaml-cpp reads text from `from`, on 0-based line `from_line`, up to the
  // document that starts at `to` (npos: to the end); true when it read that
  // far, false when it stopped (a syntax error, a limit). After a syntax
  // error `*resume` is where the next document starts (ResumeAfterError),
  // if reading may go on there; npos otherwise.
  auto read_with_yaml_cpp = [&](size_t from, int from_line, size_t to, size_t* resume) {
    *resume = std::string_view::npos;
    const size_t yaml_base = base + from;
    builder.SetBase(yaml_base, from_line);
    builder.StopAt(to == std::string_view::npos ? to : base + to);
    MemoryBuf buf(text.substr(from));
    std::istream in(&buf);
    size_t previous_offset = 0;
    bool previous_only_null = false;
    try {
      YAML::Parser parser(in);
      for (;;) {
        YamlDocument doc;
        builder.Reset(&doc, delivered + failed);
        if (!parser.HandleNextDocument(builder)) return true;
        // yaml-cpp 0.7.0 can return the same empty document forever at a stray
        // token such as ',' (the reason LoadAll hangs): an empty document at a
        // flow indicator, or one that makes no progress, is an error.
        size_t null_at = doc.root() ? doc.root()->offset : doc.offset();
        bool stray = builder.only_null() && null_at < src.text.size() &&
                     std::strchr(",]}", src.text[null_at]) != nullptr;
        if (stray || (builder.only_null() && previous_only_null &&
                      doc.offset() <= previous_offset)) {
          size_t at = null_at;
          std::string what = at < src.text.size() ? CodePointAt(src.text, at)
                                                  : std::string(Text(MsgId::kEndOfFile));
          diags->Add(MakeDiagnostic(Severity::kError, src, at, Msg(MsgId::kYamlStray, what)));
          return false;
        }
        previous_offset = doc.offset();
        previous_only_null = builder.only_null();
        if (!deliver(doc)) return false;
      }
    } catch (const ReachedStop&) {
      return true;
    } catch (const StopParsing& stop) {
      diags->Add(MakeDiagnostic(Severity::kError, src, stop.offset, stop.message, stop.line));
    } catch (const YAML::Exception& e) {
      size_t at = e.mark.is_null() ? 0 : yaml_base + static_cast<size_t>(e.mark.pos);
      Message message = SyntaxMessage(src, e, &at);
      // yaml-cpp counts bytes and may stop inside a character ("\x" followed
      // by '个'): point at the start of that character.
      while (at > 0 && at < src.text.size() &&
             (static_cast<unsigned char>(src.text[at]) & 0xC0) == 0x80)
        --at;
      if (e.mark.is_null()) {
        diags->Error({src.path, 0, 0}, std::move(message));
        return false;
      }
      const int line = e.mark.line + 1 + from_line;
      const size_t start = builder.started_at();
      if (at >= base) {
        *resume = ResumeAfterError(
            text, at - base,
            start != std::string::npos && start >= base ? start - base : std::string_view::npos,
            from);
      }
      if (*resume != std::string_view::npos && *resume <= from) *resume = std::string_view::npos;
      // Past the "---" that ends its document: a bracket left open ran on
      // across it (yaml-cpp fails in the next document's lines). Said at
      // that "---", which the next document is read from.
      if (*resume != std::string_view::npos && base + *resume < at) {
        diags->Add(MakeDiagnostic(Severity::kError, src, base + *resume,
                                  Msg(MsgId::kYamlFlowAcrossDocument)));
        return false;
      }
      const size_t line_end = src.text.find('\n', at);
      // A slip of the hand (a full-width colon, a tab, ...) on this line or
      // the one above is named where it is, instead of the parser's words;
      // so is a byte order mark inside the file, before the error.
      if (size_t bom = FindBom(src.text, yaml_base, line_end); bom != std::string_view::npos) {
        diags->Add(MakeDiagnostic(Severity::kError, src, bom, Msg(MsgId::kBomInside)));
      } else if (std::optional<YamlSlip> slip =
                     FindYamlSlip(src.text, yaml_base, from_line + 1, line)) {
        diags->Add(MakeDiagnostic(Severity::kError, src, slip->offset, std::move(slip->message),
                                  slip->line));
      } else if (std::optional<YamlSlip> flow = FlowIndicatorSlip(src.text, at, line)) {
        diags->Add(MakeDiagnostic(Severity::kError, src, flow->offset, std::move(flow->message),
                                  flow->line));
      } else if (const bool map = e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW;
                 map || e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) {
        // "{" or "[" left open: said where it opens, not on the line after,
        // where yaml-cpp gives up.
        const size_t open =
            UnclosedBracketBefore(src.text, at, map ? '{' : '[', map ? '}' : ']');
        diags->Add(open == std::string_view::npos
                       ? MakeDiagnostic(Severity::kError, src, at, std::move(message), line)
                       : MakeDiagnostic(Severity::kError, src, open, std::move(message)));
      } else {
        diags->Add(MakeDiagnostic(Severity::kError, src, at, std::move(message), line));
      }
    }
    return false;
  };

  // The fast reader reads what it can; a document it declines goes to
  // yaml-cpp alone when it ends at a "---" line, and the fast reader goes on
  // after it; otherwise yaml-cpp reads the rest of the file.
  try {
    FastYamlReader fast(text, limits.max_nodes);
    std::vector<FastYamlEvent> events;
    for (;;) {
      size_t doc_pos = 0;
      int doc_line = 0;
      FastYamlReader::Result r = fast.Next(&events, &doc_pos, &doc_line);
      if (r == FastYamlReader::Result::kEnd) return delivered;
      if (r == FastYamlReader::Result::kDecline) {
        const size_t from = fast.resume_pos();
        const int from_line = fast.resume_line();
        const size_t to = fast.eligible() ? FastYamlReader::DocumentEnd(text, from)
                                          : std::string_view::npos;
        // yaml-cpp reads the declined document as it would in the whole file
        // (the rest of the text is its input, lookahead and all; it may see
        // more than one document there) up to the "---" after it, where the
        // fast reader goes on; after a "..." or a directive, or from the
        // last "---", yaml-cpp reads the rest.
        // After a syntax error, reading goes on at the next document (each
        // document's problems are reported) where ResumeAfterError says so.
        // `pos`'s 0-based line, counted on from `from` (or the last `pos`).
        size_t counted = from;
        int counted_line = from_line;
        auto line_of = [&](size_t pos) {
          counted_line += static_cast<int>(std::count(text.begin() + static_cast<long>(counted),
                                                      text.begin() + static_cast<long>(pos), '\n'));
          counted = pos;
          return counted_line;
        };
        size_t resume = std::string_view::npos;
        // After a document lost at `resume`: false when there is no reading
        // on (the end, a "...", or the document limit reached: the document
        // at `resume` would be one too many, said there).
        auto lost_one = [&]() {
          if (resume == std::string_view::npos) return false;
          ++failed;
          if (delivered + failed < limits.max_documents) return true;
          diags->Add(MakeDiagnostic(Severity::kError, src, base + resume,
                                    Msg(MsgId::kTooManyDocuments, limits.max_documents)));
          return false;
        };
        if (to == std::string_view::npos || to == text.size()) {
          for (size_t at = from; !read_with_yaml_cpp(at, line_of(at), std::string_view::npos,
                                                     &resume);
               at = resume) {
            if (!lost_one()) break;
          }
          return delivered;
        }
        size_t next = to;
        if (!read_with_yaml_cpp(from, from_line, to, &resume)) {
          if (!lost_one()) return delivered;
          next = resume;
        }
        builder.SetBase(base, 0);  // the fast reader's marks count from the start
        builder.StopAt(std::string_view::npos);
        fast.ResumeAt(next, line_of(next));
        continue;
      }
      YamlDocument doc;
      builder.Reset(&doc, delivered + failed);
      builder.Replay(events, doc_pos, doc_line);
      if (!deliver(doc)) return delivered;
    }
  } catch (const StopParsing& stop) {
    diags->Add(MakeDiagnostic(Severity::kError, src, stop.offset, stop.message, stop.line));
  }
  return delivered;
}

}  // namespace jixiao
