// A fast reader for the plain block YAML that target and actuals files are
// written in, giving exactly the events yaml-cpp's parser gives.
//
// yaml-cpp's scanner spends about 1,600 instructions on each byte of a
// seed-like file (it matches a small regular-expression tree per byte), which
// is most of the time of a batch run. The files people write (and `jixiao
// import` and `jixiao template` produce) use a small part of YAML: block maps
// and lists, one-line plain or quoted scalars, one-line flow collections
// ("{total: 10}", "[a, b]"), comments. This reader handles
// that part and declines everything else, a document at a time: the caller
// then gives the rest of the file to yaml-cpp, which reports what it reports
// today. So a file's tree and diagnostics are the same whichever reader read
// it; yaml_fast_test.cc and the fuzz_yaml_fast harness compare the two.
//
// Declined (read by yaml-cpp): flow collections over several lines or with
// empty values, anchors, aliases, tags, block scalars (| >), multi-line
// scalars, '?' keys, escapes in quoted scalars ('' and backslashes),
// directives and '...', an empty document, a compact nested list ("- - x"),
// a map key whose ':' is more than 1024 bytes after its start (yaml-cpp's
// limit on a simple key), and any file with a tab, a carriage return outside
// a CRLF line end, a byte order mark after its start or a C1 control
// character. Any syntax error is also declined, so yaml-cpp's message is the
// one reported.
#ifndef JIXIAO_YAML_YAML_FAST_H_
#define JIXIAO_YAML_YAML_FAST_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace jixiao {

// One parser event, as yaml-cpp's EventHandler would receive it. Positions are
// yaml-cpp's marks: 0-based byte offset and 0-based line in the text given.
struct FastYamlEvent {
  enum class Kind : uint8_t {
    kMapStart,
    kMapEnd,
    kSeqStart,
    kSeqEnd,
    kPlain,   // a plain scalar (yaml-cpp's tag "?")
    kQuoted,  // a single- or double-quoted scalar (tag "!")
    kNull,    // an empty value (OnNull)
  };
  Kind kind;
  bool flow;  // kMapStart, kSeqStart: in flow style ("{...}", "[...]")
  int line;
  size_t pos;
  std::string_view value;  // scalars: the value, a view into the text
};

// Reads the documents of one YAML stream in order, until the first it
// declines. The text must stay alive and unchanged while the reader is used.
class FastYamlReader {
 public:
  enum class Result {
    kDocument,  // *events holds the next document's events
    kEnd,       // no document is left
    kDecline,   // the next document is not in the subset: see resume_pos()
  };

  // A document of more than `max_nodes` nodes (collections, scalars, empty
  // values) is declined: yaml-cpp, whose events are built into a tree as they
  // come, then stops it at the node limit (YamlLimits::max_nodes) before a
  // hostile document's events fill memory here.
  explicit FastYamlReader(std::string_view text, size_t max_nodes = SIZE_MAX);

  // Whether the file may be read here at all (a cheap scan for the
  // characters that always decline). When false, Next() declines at once.
  static bool Eligible(std::string_view text);

  // Reads the next document: its events (without the document start and
  // end) into *events, replacing what was there, and where the document
  // starts (yaml-cpp's OnDocumentStart mark) into *pos and *line. After
  // kDecline or kEnd, later calls return the same.
  Result Next(std::vector<FastYamlEvent>* events, size_t* pos, int* line);

  // After kDecline: where yaml-cpp must start reading (the start of the
  // text, or the "---" line that starts the declined document), and the
  // 0-based line of that place.
  size_t resume_pos() const { return resume_pos_; }
  int resume_line() const { return resume_line_; }

  // Whether the text is Eligible: if not, every document is declined.
  bool eligible() const { return eligible_; }

  // Where the document that starts at `from` (a line start: its "---", or
  // comments before its "---" or its content) ends: at the next "---" line,
  // or at the end of the text; npos when a "..." or a directive line comes
  // first (the documents after it depend on it).
  static size_t DocumentEnd(std::string_view text, size_t from);

  // Whether the document marker `m` ("---" or "...") starts at byte `at` of
  // `text`: the three characters, then a space, a tab, a line end or the end.
  static bool MarkerAt(std::string_view text, size_t at, std::string_view m);

  // Reads on from `pos`, the start of a "---" line on 0-based line `line`
  // (a DocumentEnd), after yaml-cpp has read the document before it.
  void ResumeAt(size_t pos, int line);

 private:
  enum class At { kContent, kDocStart, kEof };
  struct Scalar;

  void ParseNode(int parent_indent);
  void ParseMap(int col, Scalar key);
  void ParseSeq(int col, bool indentless);
  bool ValueOnNextLines();
  void ParseLineValue(int map_col);
  void ParseFlow();
  void SkipSpaces();
  Scalar ScanScalar(size_t at) const;
  Scalar ScanFlowScalar(size_t at) const;
  void CheckPlainStart(size_t at) const;
  void CheckKeyLength(const Scalar& key) const;
  Scalar PlainScalar(size_t at, size_t stop, bool colon) const;
  void Emit(FastYamlEvent::Kind kind, size_t pos, std::string_view value = {});
  void EmitScalar(const Scalar& s);
  void EmitNullHere();
  void FinishLine();
  void NextLine();
  void FindContent();
  bool AtSeqEntry() const;
  bool BlankOrEnd(size_t i) const;
  bool LineEnd(size_t i) const;

  std::string_view t_;
  bool eligible_;
  size_t p_ = 0;           // the cursor
  int line_ = 0;           // its 0-based line
  size_t line_start_ = 0;  // where that line starts
  At at_ = At::kEof;       // what the cursor is at, after FindContent
  int indent_ = 0;         // kContent: the column of the cursor (-1: a blank line)
  int depth_ = 0;
  bool started_ = false;
  Result done_ = Result::kDocument;  // kEnd or kDecline once reached
  size_t resume_pos_ = 0;
  int resume_line_ = 0;
  std::vector<FastYamlEvent>* events_ = nullptr;
  size_t max_nodes_;
  size_t nodes_ = 0;  // in the current document
};

}  // namespace jixiao

#endif  // JIXIAO_YAML_YAML_FAST_H_
