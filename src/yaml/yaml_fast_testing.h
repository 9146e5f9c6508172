// For tests and the fuzz_yaml_fast harness: the events of a text as read by
// FastYamlReader and by yaml-cpp's parser, in one printable form, so the two
// can be compared.
#ifndef JIXIAO_YAML_YAML_FAST_TESTING_H_
#define JIXIAO_YAML_YAML_FAST_TESTING_H_

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string>
#include <vector>

#include "yaml/yaml_fast.h"

namespace jixiao::testing {

inline std::string EventLine(const char* what, size_t pos, int line, const std::string& rest = "") {
  return std::string(what) + " @" + std::to_string(pos) + ":" + std::to_string(line) + rest;
}

// The documents FastYamlReader reads before it ends or declines, each a list
// of event lines; *declined tells which of the two stopped it.
inline std::vector<std::vector<std::string>> FastEvents(std::string_view text, bool* declined) {
  using Kind = FastYamlEvent::Kind;
  std::vector<std::vector<std::string>> docs;
  FastYamlReader reader(text);
  std::vector<FastYamlEvent> events;
  size_t pos = 0;
  int line = 0;
  FastYamlReader::Result r;
  while ((r = reader.Next(&events, &pos, &line)) == FastYamlReader::Result::kDocument) {
    std::vector<std::string>& d = docs.emplace_back();
    d.push_back(EventLine("DOC", pos, line));
    for (const FastYamlEvent& e : events) {
      switch (e.kind) {
        case Kind::kMapStart:
          d.push_back(EventLine("MAP", e.pos, e.line, e.flow ? " flow" : ""));
          break;
        case Kind::kMapEnd: d.push_back("ENDMAP"); break;
        case Kind::kSeqStart:
          d.push_back(EventLine("SEQ", e.pos, e.line, e.flow ? " flow" : ""));
          break;
        case Kind::kSeqEnd: d.push_back("ENDSEQ"); break;
        case Kind::kNull: d.push_back(EventLine("NULL", e.pos, e.line)); break;
        case Kind::kPlain:
        case Kind::kQuoted:
          d.push_back(EventLine("SCALAR", e.pos, e.line,
                                (e.kind == Kind::kPlain ? " ? [" : " ! [") + std::string(e.value) +
                                    "]"));
          break;
      }
    }
    d.push_back("ENDDOC");
  }
  *declined = r == FastYamlReader::Result::kDecline;
  return docs;
}

// Records yaml-cpp's events in the form of FastEvents.
class EventRecorder : public YAML::EventHandler {
 public:
  std::vector<std::vector<std::string>> docs;

  void OnDocumentStart(const YAML::Mark& m) override {
    docs.emplace_back().push_back(Line("DOC", m));
  }
  void OnDocumentEnd() override { docs.back().push_back("ENDDOC"); }
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { docs.back().push_back(Line("NULL", m)); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
    docs.back().push_back(Line("ALIAS", m));
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    std::string t = tag == "?" || tag == "!" ? tag : "<" + tag + ">";
    if (anchor != YAML::NullAnchor) t += "&";
    docs.back().push_back(Line("SCALAR", m, " " + t + " [" + value + "]"));
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    docs.back().push_back(Line("SEQ", m, Extra(tag, anchor, style)));
  }
  void OnSequenceEnd() override { docs.back().push_back("ENDSEQ"); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    docs.back().push_back(Line("MAP", m, Extra(tag, anchor, style)));
  }
  void OnMapEnd() override { docs.back().push_back("ENDMAP"); }

 private:
  static std::string Line(const char* what, const YAML::Mark& m, const std::string& rest = "") {
    return EventLine(what, static_cast<size_t>(m.pos), m.line, rest);
  }
  // Nothing for an untagged block collection without an anchor.
  static std::string Extra(const std::string& tag, YAML::anchor_t anchor,
                           YAML::EmitterStyle::value style) {
    std::string s;
    if (tag != "?") s += " <" + tag + ">";
    if (anchor != YAML::NullAnchor) s += " &";
    if (style == YAML::EmitterStyle::Flow) s += " flow";
    return s;
  }
};

// yaml-cpp's events for the first `max_documents` documents of `text`; a
// syntax error is recorded as a last line "ERROR ...".
inline std::vector<std::vector<std::string>> YamlCppEvents(std::string_view text,
                                                           size_t max_documents,
                                                           bool* more = nullptr) {
  std::istringstream in{std::string(text)};
  EventRecorder rec;
  bool has_more = false;
  try {
    YAML::Parser parser(in);
    while (rec.docs.size() < max_documents && parser.HandleNextDocument(rec)) {
    }
    if (more != nullptr && rec.docs.size() >= max_documents) {
      // Is there another document? (Bounded: a stray ',' repeats forever.)
      EventRecorder next;
      has_more = parser.HandleNextDocument(next);
    }
  } catch (const YAML::Exception& e) {
    if (rec.docs.empty()) rec.docs.emplace_back();
    rec.docs.back().push_back("ERROR " + e.msg);
  }
  if (more != nullptr) *more = has_more;
  return rec.docs;
}

// "" when FastYamlReader reads `text` as yaml-cpp does (the same events for
// every document it reads; no document more when it reads to the end), else
// what differs.
inline std::string CompareWithYamlCpp(std::string_view text) {
  bool declined = false;
  std::vector<std::vector<std::string>> fast = FastEvents(text, &declined);
  bool more = false;
  std::vector<std::vector<std::string>> slow =
      YamlCppEvents(text, fast.size(), declined ? nullptr : &more);
  if (more) return "yaml-cpp reads a document more";
  for (size_t d = 0; d < fast.size(); ++d) {
    if (d >= slow.size()) return "yaml-cpp reads " + std::to_string(slow.size()) + " documents";
    for (size_t i = 0; i < fast[d].size() || i < slow[d].size(); ++i) {
      std::string f = i < fast[d].size() ? fast[d][i] : "(none)";
      std::string s = i < slow[d].size() ? slow[d][i] : "(none)";
      if (f != s) {
        return "document " + std::to_string(d) + ", event " + std::to_string(i) + ": fast " + f +
               ", yaml-cpp " + s;
      }
    }
  }
  return "";
}

}  // namespace jixiao::testing

#endif  // JIXIAO_YAML_YAML_FAST_TESTING_H_
