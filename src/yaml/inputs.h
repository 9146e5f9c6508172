// Finding and reading input files.
#ifndef JIXIAO_YAML_INPUTS_H_
#define JIXIAO_YAML_INPUTS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/path_list.h"

namespace jixiao {

// `files` without each repeat of a file met before it, in the order given.
// Two paths are one file when stat gives them one device and inode, as for
// outputs: "a.yaml" and "./a.yaml", an absolute path, a symbolic or hard
// link, a directory's file named again. A path stat cannot follow (it is
// reported where it is read) repeats only its own text. Costs a stat a file.
PathList WithoutRepeats(const PathList& files);

// Expands command-line paths into the files to read, in order: a file is
// taken as given (whatever its extension); a directory contributes every
// file below it, recursively, whose extension is in `extensions` (".yaml",
// ".yml", ...), in sorted path order, following symbolic links (a directory
// reached twice is read once). A missing path, a directory with no such file,
// and anything below a directory that would be read but cannot be — an
// unreadable directory, a symbolic link to nothing or back to a directory
// above it, a FIFO or device with such an extension — is an error in
// `diags`, at its path: nothing is skipped in silence. A file reached twice
// is read once, where it is first met: two paths are one file when they have
// one device and inode ("a.yaml" and "./a.yaml", a link, a directory named
// twice under two names).
// For runs too large for a command line, "@LIST" stands for the paths listed
// in the file LIST, and "-" for those read from standard input, one per line
// (blank lines and lines starting with '#' are skipped).
//
// A regular file below a directory with another extension is passed over,
// unless `not_read` names it: then it is a warning at its path, with the
// message `not_read` gives for its name (code 0: passed over in silence). The
// lock files Office and WPS keep beside an open file ("~$名单.xlsx",
// ".~名单.xlsx") are never named. Without `not_read`, a spreadsheet among
// files that include ".csv" (actuals, progress) is named (SkippedSheet,
// JX0138).
using NotReadRule = std::function<Message(std::string_view file_name)>;
PathList ExpandInputs(const std::vector<std::string>& paths,
                      const std::vector<std::string>& extensions, Diagnostics* diags,
                      const NotReadRule& not_read = nullptr);

// The documents jixiao knows by the extension of their name (the one list:
// inputs, import and the names of reports ask it).
enum class DocumentKind {
  kWorkbook,      // an Excel or WPS workbook: .xlsx, .xlsm, .xls, .et
  kSpreadsheet,   // another spreadsheet: .ods
  kWordDocument,  // .docx (which import reads), .doc, .docm, .wps, .rtf, .odt
  kPdf,           // .pdf
};
struct DocumentType {
  std::string_view extension;  // ".xls", in lower case
  DocumentKind kind;
  MsgId what;  // what it is, for a person: "an Excel 97-2003 workbook (.xls)"
};
// The document a file named `name` (a file name, not a path) is by its
// extension, in any case, read as std::filesystem reads it (from its last
// ".", unless that is its first character); nullptr for another name.
const DocumentType* DocumentTypeOfName(std::string_view name);

// Whether `name` is an Excel workbook's (.xlsx, .xlsm, .xls, WPS's .et),
// other than the lock file Excel or WPS keeps beside an open one
// ("~$名单.xlsx", ".~名单.xlsx").
bool IsWorkbookName(std::string_view name);

// The warning that names a spreadsheet found among actuals or progress and
// not read, by its file name: an Excel or WPS workbook (IsWorkbookName), an
// OpenDocument spreadsheet (.ods), a tab-separated sheet (.tsv); code 0 for
// any other name.
Message SkippedSheet(std::string_view name);

// Whether the file at `path` is macOS's AppleDouble file beside a document
// ("._报告.docx", "._目标.yaml": its metadata), by its name and its first
// bytes, so that a file that merely has such a name is read as any other.
// A directory's listing passes over it, as over an Office lock file.
bool IsAppleDoubleFile(const std::string& path);

// Whether the file at `path` is the lock file Excel or WPS leaves beside a
// file open in it ("~$进度.csv", ".~进度.csv"): a name IsOfficeLockFile
// gives, and at most 4 KiB holding a NUL byte (its owner's name, padded),
// which no text input holds, and no ZIP archive (which a small .docx is).
// A directory's listing passes over it; a file that merely has such a name
// is read as any other.
bool IsOfficeLockFileOnDisk(const std::string& path);

// Reads a whole file as a Source (BOM removed) after checking its size is at
// most `max_bytes`. Problems go to `diags`.
std::optional<Source> ReadSource(const std::string& path, size_t max_bytes, Diagnostics* diags);

}  // namespace jixiao

#endif  // JIXIAO_YAML_INPUTS_H_
