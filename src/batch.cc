#include "batch.h"

#include <thread>

#include <fmt/format.h>

#include "diagnostic_format.h"
#include "text.h"

namespace jixiao {

void ReadTargetsInOrder(const std::vector<std::string>& files, const Rules& rules,
                        const YamlLimits& limits, int jobs, const ProjectWork& work,
                        const std::function<void(LoadedItem&&)>& consume) {
  auto produce = [&](size_t t, const std::function<void(LoadedItem&&)>& emit) {
    Diagnostics diags;
    TargetLoader loader(rules, limits, &diags);
    const Source* current = nullptr;
    auto declared = [&](LoadedItem* item, const std::string& id, const std::string& name,
                        const Location& loc) {
      item->id = id;
      item->name = name;
      item->id_loc = loc;
      if (current && loc.line > 0) item->id_line = std::string(LineOf(current->text, loc.line));
    };
    loader.LoadFile(
        files[t],
        [&](Project&& p, const Source& src) {
          current = &src;
          LoadedItem item;
          item.kind = LoadedItem::Kind::kProject;
          declared(&item, p.id, p.project, p.id_loc);
          item.indicators = p.indicators.size();
          work(std::move(p), &item, &diags);
          item.diags = diags.Take();
          emit(std::move(item));
        },
        [&](const std::string& id, const std::string& name) {
          LoadedItem item;
          item.kind = LoadedItem::Kind::kRejected;
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
  auto [it, inserted] = ids_.emplace(item.id, item.id_loc);
  if (inserted) return true;
  diags->Error(item.id_loc,
               fmt::format("project id '{}' is used twice in this run (first at {}): give each "
                           "project a unique 'id'",
                           item.id, FormatLocation(it->second)),
               item.id_line);
  return false;
}

int ResolveJobs(int jobs) {
  if (jobs > 0) return jobs;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace jixiao
