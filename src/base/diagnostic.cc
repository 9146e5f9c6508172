#include "base/diagnostic.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <vector>

#include "base/encoding.h"
#include "base/ordered_pipeline.h"
#include "base/record_codec.h"
#include "base/record_store.h"
#include "base/text.h"

namespace jixiao {

namespace {

// Diagnostics held in memory before a spilling list writes them out.
constexpr size_t kSpillBatch = 64;

void Encode(const Diagnostic& d, RecordWriter* w) {
  w->Int(d.severity == Severity::kError ? 0 : 1);
  w->Str(d.loc.file);
  w->Int(static_cast<uint64_t>(std::max(d.loc.line, 0)));
  w->Int(static_cast<uint64_t>(std::max(d.loc.column, 0)));
  w->Str(d.message);
  w->Str(d.source_line);
  w->Int(d.code);
}

Diagnostic Decode(const std::string& record) {
  RecordReader r(record);
  Diagnostic d;
  d.severity = r.Int() == 0 ? Severity::kError : Severity::kWarning;
  d.loc.file = std::string(r.Str());
  d.loc.line = static_cast<int>(r.Int());
  d.loc.column = static_cast<int>(r.Int());
  d.message = std::string(r.Str());
  d.source_line = std::string(r.Str());
  d.code = static_cast<uint16_t>(r.Int());
  return d;
}

// A store for a spilled list's diagnostics or their source lines.
std::unique_ptr<RecordStore> NewStore() {
  RecordStoreOptions options;
  options.memory_budget = 64 * 1024;
  return std::make_unique<RecordStore>(options);
}

bool WantsSourceLine(const Diagnostic& d) {
  return d.loc.line > 0 && d.source_line.empty() && !d.loc.file.empty();
}

// Reads `file` into `*text` without a leading BOM ("" when it cannot be
// read), in one piece of the file's size, reusing the string's memory: files
// of different sizes read one after another would otherwise leave the heap
// holes the size of each.
void ReadForLines(const std::string& file, std::string* text) {
  text->clear();
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return;
  std::streamoff size = in.tellg();
  if (size <= 0) return;
  text->resize(static_cast<size_t>(size));
  in.seekg(0);
  in.read(text->data(), size);
  text->resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  if (StartsWith(*text, "\xEF\xBB\xBF")) text->erase(0, 3);
  // A file that is not UTF-8 but clean GB18030 was read as GB18030 (a CSV
  // file from Excel): its lines are shown as read. Only a CSV file is ever
  // read so (CheckActualsCsvText); any other input was UTF-8 when read, or
  // was rejected with its line already in the error, and is not checked
  // again here (a year's progress files: 15 MB).
  if (EndsWithIgnoringCase(file, ".csv") && FindInvalidUtf8(*text) != std::string::npos) {
    if (std::optional<std::string> decoded = DecodeGb18030(*text)) *text = std::move(*decoded);
  }
}

}  // namespace

Diagnostics::Diagnostics() = default;
Diagnostics::~Diagnostics() = default;
Diagnostics::Diagnostics(Diagnostics&& other) noexcept = default;
Diagnostics& Diagnostics::operator=(Diagnostics&& other) noexcept = default;

void Diagnostics::Add(Diagnostic d) {
  ShowInvisibleIn(&d);
  Keep(std::move(d));
}

void Diagnostics::Keep(Diagnostic&& d) {
  if (d.severity == Severity::kError) ++errors_;
  list_.push_back(std::move(d));
  if (store_ && list_.size() >= kSpillBatch) Spill();
}

void Diagnostics::ShowInvisibleIn(Diagnostic* dp) {
  Diagnostic& d = *dp;
  // A zero-width space or a byte order mark in a name quoted by the message
  // would make it say "“合格率”不是…：是不是“合格率”？": show it, and say so.
  if (HasInvisible(d.message)) {
    std::vector<std::string> invisible;
    std::string shown = ShowInvisible(d.message, &invisible);
    std::string list;
    for (const std::string& s : invisible) {
      if (!list.empty()) list += Text(MsgId::kListComma);
      list += s;
    }
    d.message = std::move(shown) + Tr(MsgId::kInvisibleHint, list);
  }
}

void Diagnostics::Error(Location loc, Message message, std::string source_line) {
  Add({Severity::kError, std::move(loc), std::move(message.text), std::move(source_line),
       message.code});
}

void Diagnostics::Warning(Location loc, Message message, std::string source_line) {
  Add({Severity::kWarning, std::move(loc), std::move(message.text), std::move(source_line),
       message.code});
}

// Another list's diagnostics went through Add there: they are kept as they are.
void Diagnostics::Append(const Diagnostics& other) {
  for (Diagnostic d : other.all()) Keep(std::move(d));
}

void Diagnostics::Append(Diagnostics&& other) {
  if (!store_ && list_.empty()) {
    *this = std::move(other);
  } else if (!other.store_) {
    for (Diagnostic& d : other.list_) Keep(std::move(d));
  } else {
    for (Diagnostic d : other.all()) Keep(std::move(d));
  }
  other = Diagnostics();
}

bool Diagnostics::AnyCode(bool (*pred)(uint16_t code)) const {
  for (const Diagnostic& d : list_)
    if (pred(d.code)) return true;
  if (store_) {
    for (size_t i = 0; i < store_->size(); ++i)
      if (pred(Decode(store_->Read(i)).code)) return true;
  }
  return false;
}

Diagnostics Diagnostics::Take() {
  Diagnostics out = std::move(*this);
  *this = Diagnostics();
  return out;
}

void Diagnostics::SpillToDisk() {
  if (store_) return;
  store_ = NewStore();
  Spill();
}

void Diagnostics::Spill() {
  for (const Diagnostic& d : list_) {
    RecordWriter w;
    Encode(d, &w);
    store_->Append(w.bytes());
    if (!filled_.empty()) filled_.push_back(UINT32_MAX);
  }
  list_.clear();
}

size_t Diagnostics::size() const { return (store_ ? store_->size() : 0) + list_.size(); }

Diagnostic Diagnostics::At(size_t i) const {
  const size_t stored = store_ ? store_->size() : 0;
  if (i >= stored) return list_[i - stored];
  Diagnostic d = Decode(store_->Read(i));
  if (promoted_) d.severity = Severity::kError;
  if (i < filled_.size() && filled_[i] != UINT32_MAX) d.source_line = lines_->Read(filled_[i]);
  return d;
}

void Diagnostics::PromoteWarnings() {
  for (Diagnostic& d : list_) d.severity = Severity::kError;
  if (store_) promoted_ = true;
  errors_ = size();
}

namespace {

// Diagnostics that want a source line, found before any file is read.
class WantedLines {
 public:
  void Add(const std::string& file, int line, uint32_t i) {
    // Found first: most diagnostics are in a file already seen, and
    // emplace would build (and drop) a node for each.
    auto it = files_.find(file);
    if (it == files_.end()) it = files_.emplace(file, static_cast<uint32_t>(files_.size())).first;
    wanted_.push_back({it->second, line, i});
  }
  bool empty() const { return wanted_.empty(); }

  // Calls fill(i, text) with each one's line, on the calling thread, in
  // the order of the files' first diagnostics. Each file is read once and
  // its lines indexed once (a run with an error on every line of a large
  // file must not rescan it for each), on `jobs` threads, and only a file a
  // thread is held at a time (a year's warnings may be spread over
  // thousands).
  template <typename Fill>
  void Read(const Fill& fill, int jobs) {
    std::stable_sort(wanted_.begin(), wanted_.end(),
                     [](const Want& a, const Want& b) { return a.file < b.file; });
    std::vector<const std::string*> names(files_.size());
    for (const auto& [name, id] : files_) names[id] = &name;
    std::vector<size_t> starts;  // where each file's wants start in wanted_
    for (size_t k = 0; k < wanted_.size(); ++k) {
      if (k == 0 || wanted_[k].file != wanted_[k - 1].file) starts.push_back(k);
    }
    using Line = std::pair<uint32_t, std::string>;
    RunOrdered<Line>(
        starts.size(), jobs, PipelineLimits{},
        [&](size_t t, const std::function<void(Line&&)>& emit) {
          std::string text;
          LineIndex lines;
          const size_t end = t + 1 < starts.size() ? starts[t + 1] : wanted_.size();
          ReadForLines(*names[wanted_[starts[t]].file], &text);
          lines.Assign(text);
          for (size_t k = starts[t]; k < end; ++k) {
            emit({wanted_[k].i, std::string(lines.Line(wanted_[k].line))});
          }
        },
        [&](Line&& line) { fill(line.first, line.second); });
  }

 private:
  struct Want {
    uint32_t file;  // in files_
    int line;
    uint32_t i;  // the diagnostic
  };
  std::map<std::string, uint32_t> files_;
  std::vector<Want> wanted_;
};

}  // namespace

void Diagnostics::FillSourceLines(int jobs) {
  if (store_) {
    FillSpilledSourceLines(jobs);
    return;
  }
  WantedLines wanted;
  for (size_t i = 0; i < list_.size(); ++i) {
    const Diagnostic& d = list_[i];
    if (WantsSourceLine(d)) wanted.Add(d.loc.file, d.loc.line, static_cast<uint32_t>(i));
  }
  wanted.Read([this](uint32_t i, std::string_view line) { list_[i].source_line = line; }, jobs);
}

void Diagnostics::FillSpilledSourceLines(int jobs) {
  // The lines found go to a second store, and each diagnostic's is found by
  // its number (4 bytes a diagnostic).
  Spill();
  WantedLines wanted;
  for (size_t i = 0; i < store_->size(); ++i) {
    if (i < filled_.size() && filled_[i] != UINT32_MAX) continue;
    Diagnostic d = Decode(store_->Read(i));
    if (WantsSourceLine(d)) wanted.Add(d.loc.file, d.loc.line, static_cast<uint32_t>(i));
  }
  if (wanted.empty()) return;
  if (!lines_) lines_ = NewStore();
  filled_.resize(store_->size(), UINT32_MAX);
  wanted.Read(
      [this](uint32_t i, std::string_view line) {
        filled_[i] = static_cast<uint32_t>(lines_->Append(line));
      },
      jobs);
}

std::string FormatLocation(const Location& loc) {
  std::string out;
  AppendLocation(loc, &out);
  return out;
}

void AppendLocation(const Location& loc, std::string* out) {
  if (loc.file.empty()) return;
  out->append(loc.file);
  if (loc.line <= 0) return;
  out->push_back(':');
  out->append(std::to_string(loc.line));
  if (loc.column <= 0) return;
  out->push_back(':');
  out->append(std::to_string(loc.column));
}

Location Source::At(size_t offset, int line) const {
  offset = std::min(offset, text.size());
  if (line <= 0) {
    // Lines end at LF, CRLF or a lone CR, as LineOf and ColumnOfOffset count them.
    line = 1;
    for (size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
        ++line;
    }
  }
  return {path, line, ColumnOfOffset(text, offset)};
}

std::string_view Source::LineAt(size_t offset) const {
  std::string_view t = text;
  offset = std::min(offset, t.size());
  size_t start = offset == 0 ? 0 : t.find_last_of("\r\n", offset - 1);
  start = (offset == 0 || start == std::string_view::npos) ? 0 : start + 1;
  size_t end = t.find_first_of("\r\n", offset);
  if (end == std::string_view::npos) end = t.size();
  return t.substr(start, end - start);
}

Diagnostic MakeDiagnostic(Severity severity, const Source& src, size_t offset,
                          Message message, int line) {
  return {severity, src.At(offset, line), std::move(message.text),
          std::string(src.LineAt(offset)), message.code};
}

}  // namespace jixiao
