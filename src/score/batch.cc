#include "score/batch.h"

#include <thread>

#include "base/record_codec.h"
#include "base/text.h"

namespace jixiao {

void ReadTargetsInOrder(const PathList& files, const Rules& rules,
                        const YamlLimits& limits, int jobs, const ProjectWork& work,
                        const std::function<void(LoadedItem&&)>& consume) {
  auto produce = [&](size_t t, const std::function<void(LoadedItem&&)>& emit) {
    Diagnostics diags;
    TargetLoader loader(rules, limits, &diags);
    // The text of the line of each project's id, found by walking forward
    // from the previous one: documents come in file order.
    const Source* current = nullptr;
    size_t line_start = 0;
    int line_no = 1;
    auto line_text = [&](int line) -> std::string {
      if (line < line_no) line_start = 0, line_no = 1;
      std::string_view text = current->text;
      while (line_no < line && line_start < text.size()) {
        size_t nl = text.find('\n', line_start);
        if (nl == std::string_view::npos) return "";
        line_start = nl + 1;
        ++line_no;
      }
      return std::string(current->LineAt(line_start));
    };
    auto declared = [&](LoadedItem* item, const std::string& id, const std::string& name,
                        const Location& loc) {
      item->id = id;
      item->name = name;
      item->id_loc = loc;
      if (current && loc.line > 0) item->id_line = line_text(loc.line);
    };
    size_t lost = 0;  // loader.stats().lost_documents, as last handed on
    auto note_lost = [&](LoadedItem* item) {
      if (loader.stats().lost_documents == lost) return;
      lost = loader.stats().lost_documents;
      item->lost_before = files[t];
    };
    loader.LoadFile(
        files[t],
        [&](Project&& p, const Source& src) {
          current = &src;
          LoadedItem item;
          item.kind = LoadedItem::Kind::kProject;
          note_lost(&item);
          declared(&item, p.id, p.project, p.id_loc);
          item.indicators = p.indicators.size();
          work(std::move(p), &item, &diags);
          item.diags = diags.Take();
          emit(std::move(item));
        },
        [&](const std::string& id, const std::string& name) {
          LoadedItem item;
          item.kind = LoadedItem::Kind::kRejected;
          note_lost(&item);
          item.id = id;
          item.name = name;
          item.diags = diags.Take();
          emit(std::move(item));
        });
    LoadedItem end;
    end.kind = LoadedItem::Kind::kFileEnd;
    end.stats = loader.stats();
    end.diags = diags.Take();
    emit(std::move(end));
  };
  RunOrdered<LoadedItem>(files.size(), jobs, PipelineLimits{}, produce, consume);
}

bool ProjectIdRegistry::Register(const LoadedItem& item, Diagnostics* diags) {
  uint32_t first = ids_.Find(item.id);
  if (first == KeyedStore::kNone) {
    RecordWriter w;
    w.Str(item.id_loc.file);
    w.Int(static_cast<uint64_t>(item.id_loc.line));
    w.Int(static_cast<uint64_t>(item.id_loc.column));
    ids_.Add(item.id, w.bytes());
    return true;
  }
  const std::string fields = ids_.Fields(first);
  RecordReader r(fields);
  Location at;
  at.file = std::string(r.Str());
  at.line = static_cast<int>(r.Int());
  at.column = static_cast<int>(r.Int());
  diags->Error(item.id_loc, Msg(MsgId::kDuplicateProjectId, item.id, FormatLocation(at)),
               item.id_line);
  return false;
}

int ResolveJobs(int jobs) {
  if (jobs > 0) return jobs;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace jixiao
