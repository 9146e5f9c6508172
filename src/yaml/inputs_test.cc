#include "yaml/inputs.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "base/text.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> ToVector(const PathList& list) {
  std::vector<std::string> out;
  for (size_t i = 0; i < list.size(); ++i) out.push_back(list[i]);
  return out;
}

}  // namespace

TEST_CASE("ExpandInputs: a directory's files in sorted order of their whole paths") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-test-" + std::to_string(getpid()));
  fs::remove_all(root);
  // Names where sorting each directory by name alone would differ from
  // sorting the whole paths: '-' and '.' sort before '/', ' ' before both.
  std::vector<std::string> files = {"a/b.yaml", "a/b/c.yaml", "a-c/x.yaml", "a.yaml",   "ab.yaml",
                                    "a b.yaml", "a/z.YML",    "z/y/x.yml",  "a.b/c.yaml"};
  for (const std::string& f : files) {
    fs::create_directories((root / f).parent_path());
    std::ofstream(root / f) << "x: 1\n";
  }
  std::ofstream(root / "a" / "notes.txt") << "not yaml\n";
  fs::create_directory_symlink(root / "a", root / "link");  // followed: a/ again, read once
  Diagnostics d;
  std::vector<std::string> got = ToVector(ExpandInputs({root.string()}, {".yaml", ".yml"}, &d));
  CHECK(d.empty());
  std::vector<std::string> want;
  for (const std::string& f : files) want.push_back((root / f).string());
  std::sort(want.begin(), want.end());
  CHECK(got == want);

  // A file named twice, or again through its directory, is read once.
  std::string ab = (root / "ab.yaml").string();
  got = ToVector(ExpandInputs({ab, root.string(), ab}, {".yaml", ".yml"}, &d));
  CHECK(got.size() == files.size());
  CHECK(got[0] == ab);
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: which names are inputs, and how a directory's path is joined") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-names-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "d.yaml");  // a directory, whatever its name
  for (const char* f : {"UPPER.YAML", "x.Yml", ".yaml", "..yaml", "a.yaml.bak", "yaml", "b.yaml.",
                        "d.yaml/in.yaml"}) {
    std::ofstream(root / f) << "x: 1\n";
  }
  Diagnostics d;
  // Given with a trailing "/", or two: joined to each name as std::filesystem
  // joins them, with no "/" added after one.
  std::vector<std::string> got =
      ToVector(ExpandInputs({root.string() + "//"}, {".yaml", ".yml"}, &d));
  CHECK(d.empty());
  // ".yaml" has no extension (a name's first "." does not start one); "..yaml" has.
  const std::string r = root.string() + "//";
  std::vector<std::string> want = {r + "..yaml", r + "UPPER.YAML", r + "d.yaml/in.yaml",
                                   r + "x.Yml"};
  CHECK(got == want);
  fs::remove_all(root);
}

TEST_CASE("DocumentTypeOfName: the one list of documents by extension; IsWorkbookName its workbooks") {
  const std::pair<const char*, DocumentKind> kKnown[] = {
      {"进度.XLSX", DocumentKind::kWorkbook},     {"a.xlsm", DocumentKind::kWorkbook},
      {"6月监控表.xls", DocumentKind::kWorkbook}, {"a.et", DocumentKind::kWorkbook},
      {"a.ods", DocumentKind::kSpreadsheet},      {"表.docx", DocumentKind::kWordDocument},
      {"a.DOC", DocumentKind::kWordDocument},     {"a.docm", DocumentKind::kWordDocument},
      {"a.wps", DocumentKind::kWordDocument},
      {"a.rtf", DocumentKind::kWordDocument},     {"a.odt", DocumentKind::kWordDocument},
      {"a.b.pdf", DocumentKind::kPdf},
  };
  for (const auto& [name, kind] : kKnown) {
    CAPTURE(name);
    const DocumentType* d = DocumentTypeOfName(name);
    REQUIRE(d != nullptr);
    CHECK(d->kind == kind);
    CHECK(IsWorkbookName(name) == (kind == DocumentKind::kWorkbook));
  }
  CHECK(DocumentTypeOfName("6月监控表.xls")->what == MsgId::kFormatXls);
  // No extension (".xls" is a name without one), another one, a lock file.
  for (const char* name : {".xls", "xls", "a.xlsx.txt", "a.csv", "a.pdfx", ""}) {
    CAPTURE(name);
    CHECK(DocumentTypeOfName(name) == nullptr);
  }
  CHECK(DocumentTypeOfName("~$进度.xlsx") != nullptr);
  CHECK_FALSE(IsWorkbookName("~$进度.xlsx"));
  CHECK_FALSE(IsWorkbookName(".~进度.xls"));
}

TEST_CASE("ExpandInputs: a workbook among actuals is named in a warning, not read") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-books-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "sub");
  for (const char* f : {"a.csv", "进度.XLSX", "sub/旧.xls", "sub/b.yaml", "~$进度.xlsx", ".~进度.xlsx",
                        "c.et", "d.ods", "e.TSV", "~$d.ods", "notes.txt"}) {
    std::ofstream(root / f) << "x\n";
  }
  Diagnostics d;
  // Actuals (.csv among the extensions): each workbook a warning, in path
  // order; Excel's and WPS's lock files (~$, .~) are not workbooks.
  std::vector<std::string> got =
      ToVector(ExpandInputs({root.string()}, {".yaml", ".yml", ".csv"}, &d));
  CHECK(got == std::vector<std::string>{(root / "a.csv").string(), (root / "sub/b.yaml").string()});
  CHECK(d.error_count() == 0);
  REQUIRE(d.size() == 5);
  CHECK(d.all()[0].loc.file == (root / "c.et").string());
  // An OpenDocument spreadsheet and a tab-separated sheet are named too,
  // saying what each is; notes in a .txt are not.
  CHECK(d.all()[1].loc.file == (root / "d.ods").string());
  CHECK(d.all()[1].message.find("(.ods)") != std::string::npos);
  CHECK(d.all()[2].loc.file == (root / "e.TSV").string());
  CHECK(d.all()[2].message.find("tab-separated") != std::string::npos);
  CHECK(d.all()[3].loc.file == (root / "sub/旧.xls").string());
  CHECK(d.all()[4].loc.file == (root / "进度.XLSX").string());
  CHECK(d.all()[4].code == 138);
  CHECK(d.all()[4].severity == Severity::kWarning);
  // Targets (YAML only): a workbook beside them is not theirs to name.
  Diagnostics t;
  ExpandInputs({root.string()}, {".yaml", ".yml"}, &t);
  CHECK(t.empty());
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: macOS's AppleDouble files are passed over; a file merely so named is read") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-apple-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  const std::string apple("\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ", 24);
  for (const char* f : {"._目标.yaml", "._实际.csv", "._进度.xlsx"}) std::ofstream(root / f) << apple;
  std::ofstream(root / "目标.yaml") << "x: 1\n";
  std::ofstream(root / "._真的.yaml") << "x: 1\n";  // a YAML file, whatever its name
  Diagnostics d;
  std::vector<std::string> got =
      ToVector(ExpandInputs({root.string()}, {".yaml", ".yml", ".csv"}, &d));
  CHECK(got == std::vector<std::string>{(root / "._真的.yaml").string(), (root / "目标.yaml").string()});
  CHECK(d.empty());  // not even the workbook's warning (JX0138) for ._进度.xlsx
  CHECK(IsAppleDoubleFile((root / "._目标.yaml").string()));
  CHECK_FALSE(IsAppleDoubleFile((root / "._真的.yaml").string()));
  CHECK_FALSE(IsAppleDoubleFile((root / "目标.yaml").string()));
  CHECK_FALSE(IsAppleDoubleFile((root / "._none.yaml").string()));
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: Excel's and WPS's lock files are passed over; a file merely so named is read") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-lock-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  // Excel's owner file: the user's name, padded with spaces, then in UTF-16.
  std::string owner("\x04zhao", 5);
  owner.append(50, ' ');
  owner.append(std::string("\x04\x00z\x00h\x00a\x00o\x00", 10));
  owner.resize(165, '\0');
  for (const char* f : {"~$进度.csv", ".~进度.csv", "~$目标.yaml"}) std::ofstream(root / f) << owner;
  std::ofstream(root / "进度.csv") << "项目编号\n";
  std::ofstream(root / "~$真的.csv") << "项目编号\n";  // text, whatever its name
  std::ofstream(root / "~$大.csv") << owner << std::string(4096, 'x');  // too large for one
  // A small document so named: NUL bytes, but a ZIP archive, as a .docx is.
  std::ofstream(root / "~$小.csv") << std::string("PK\x03\x04\x14\x00\x00\x00", 8) << "word/";
  Diagnostics d;
  std::vector<std::string> got =
      ToVector(ExpandInputs({root.string()}, {".yaml", ".yml", ".csv"}, &d));
  CHECK(got == std::vector<std::string>{(root / "~$大.csv").string(), (root / "~$小.csv").string(),
                                        (root / "~$真的.csv").string(), (root / "进度.csv").string()});
  CHECK(d.empty());
  CHECK(IsOfficeLockFileOnDisk((root / "~$进度.csv").string()));
  CHECK(IsOfficeLockFileOnDisk((root / ".~进度.csv").string()));
  CHECK_FALSE(IsOfficeLockFileOnDisk((root / "~$真的.csv").string()));
  CHECK_FALSE(IsOfficeLockFileOnDisk((root / "~$大.csv").string()));
  CHECK_FALSE(IsOfficeLockFileOnDisk((root / "~$小.csv").string()));
  CHECK_FALSE(IsOfficeLockFileOnDisk((root / "进度.csv").string()));
  CHECK_FALSE(IsOfficeLockFileOnDisk((root / "~$none.csv").string()));
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: a rule names the files not read that the caller chooses") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-rule-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "sub");
  for (const char* f : {"x.docx", "y.doc", "sub/z.DOC", "~$x.doc", ".~y.doc", "notes.md",
                        "a.xlsx"}) {
    std::ofstream(root / f) << "x\n";
  }
  // The rule names .doc files; a lock file is never named, and a workbook
  // is the rule's to name (here it is not), even among CSV files.
  NotReadRule rule = [](std::string_view name) {
    return EndsWithIgnoringCase(name, ".doc") ? Message{641, "a .doc"} : Message{};
  };
  Diagnostics d;
  std::vector<std::string> got = ToVector(ExpandInputs({root.string()}, {".docx", ".csv"}, &d, rule));
  CHECK(got == std::vector<std::string>{(root / "x.docx").string()});
  CHECK(d.error_count() == 0);
  REQUIRE(d.size() == 2);
  CHECK(d.all()[0].loc.file == (root / "sub/z.DOC").string());
  CHECK(d.all()[1].loc.file == (root / "y.doc").string());
  CHECK(d.all()[1].code == 641);
  CHECK(d.all()[1].severity == Severity::kWarning);
  // A directory holding only a .doc: the warning, and the directory's error.
  Diagnostics only;
  ExpandInputs({(root / "sub").string()}, {".docx"}, &only, rule);
  CHECK(only.error_count() == 1);
  CHECK(only.warning_count() == 1);
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: a missing path and a directory without inputs are errors") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-empty-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "sub");
  std::ofstream(root / "sub" / "a.txt") << "x\n";
  Diagnostics d;
  PathList got = ExpandInputs({root.string(), (root / "nope.yaml").string()}, {".yaml", ".yml"}, &d);
  CHECK(got.empty());
  REQUIRE(d.error_count() == 2);
  CHECK(d.all()[0].message == "no .yaml or .yml files in this directory");
  CHECK(d.all()[1].message == "no such file or directory");
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: a path that cannot be looked up says why, not 'no such file'") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-why-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  fs::create_symlink(root / "self.yaml", root / "self.yaml");  // a loop of one link
  const std::string long_name = (root / (std::string(300, 'x') + ".yaml")).string();
  Diagnostics d;
  PathList got = ExpandInputs(
      {(root / "self.yaml").string(), long_name, (root / "nope.yaml").string()},
      {".yaml", ".yml"}, &d);
  CHECK(got.empty());
  REQUIRE(d.error_count() == 3);
  CHECK(d.all()[0].code == 107);
  CHECK(d.all()[0].message ==
        "a symbolic link that leads to itself through other links: point it at the file, or "
        "remove it");
  CHECK(d.all()[1].code == 103);
  CHECK(d.all()[1].message == "cannot open file: File name too long");
  CHECK(d.all()[2].code == 101);
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: a file reached by two paths is read once, the first kept") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-twice-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "d");
  std::ofstream(root / "d" / "t.yaml") << "x: 1\n";
  std::ofstream(root / "d" / "u.yaml") << "x: 1\n";
  fs::create_directory_symlink(root / "d", root / "dl");
  fs::create_hard_link(root / "d" / "t.yaml", root / "hard.yaml");
  const std::string t = (root / "d" / "t.yaml").string(), u = (root / "d" / "u.yaml").string();
  const std::vector<std::string> yaml = {".yaml", ".yml"};
  auto expand = [&](const std::vector<std::string>& given) {
    Diagnostics d;
    std::vector<std::string> got = ToVector(ExpandInputs(given, yaml, &d));
    CHECK(d.empty());
    return got;
  };
  // Another spelling of the path: with "./" and "..", and through a link.
  const std::string dotted = (root / "d" / "." / ".." / "d" / "t.yaml").string();
  CHECK(expand({t, dotted}) == std::vector<std::string>{t});
  CHECK(expand({dotted, t}) == std::vector<std::string>{dotted});
  CHECK(expand({(root / "dl" / "t.yaml").string(), t}) ==
        std::vector<std::string>{(root / "dl" / "t.yaml").string()});
  // A directory named twice, the second time through a link to it.
  CHECK(expand({(root / "d").string(), (root / "dl").string()}) == std::vector<std::string>{t, u});
  // A file inside a directory given before it, by another path.
  CHECK(expand({(root / "dl").string(), t}) ==
        std::vector<std::string>{(root / "dl" / "t.yaml").string(),
                                 (root / "dl" / "u.yaml").string()});
  // A hard link is the same file.
  CHECK(expand({(root / "hard.yaml").string(), (root / "d").string()}) ==
        std::vector<std::string>{(root / "hard.yaml").string(), u});
  // Two files stay two.
  CHECK(expand({u, t}) == std::vector<std::string>{u, t});
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: symbolic links are followed; what cannot be read is an error") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-links-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "t" / "sub");
  fs::create_directories(root / "elsewhere");
  std::ofstream(root / "t" / "a.yaml") << "x: 1\n";
  std::ofstream(root / "elsewhere" / "b.yaml") << "x: 1\n";
  std::ofstream(root / "elsewhere" / "c.yaml") << "x: 1\n";
  fs::create_directory_symlink(root / "elsewhere", root / "t" / "more");
  fs::create_symlink(root / "elsewhere" / "c.yaml", root / "t" / "sub" / "c-link.yaml");
  fs::create_symlink(root / "nothing.yaml", root / "t" / "dangling.yaml");
  fs::create_symlink(root / "nothing", root / "t" / "dangling-dir");  // no input's name: not one
  fs::create_directory_symlink(root / "t", root / "t" / "sub" / "up");
  Diagnostics d;
  std::vector<std::string> got =
      ToVector(ExpandInputs({(root / "t").string()}, {".yaml", ".yml"}, &d));
  // sub/c-link.yaml is more/c.yaml again, met first under that name: read once.
  std::vector<std::string> want = {(root / "t" / "a.yaml").string(),
                                   (root / "t" / "more" / "b.yaml").string(),
                                   (root / "t" / "more" / "c.yaml").string()};
  CHECK(got == want);
  REQUIRE(d.error_count() == 2);
  CHECK(d.all()[0].loc.file == (root / "t" / "dangling.yaml").string());
  CHECK(d.all()[0].message == "a symbolic link to '" + (root / "nothing.yaml").string() +
                                  "', which does not exist: point it at the file, or remove it");
  CHECK(d.all()[1].loc.file == (root / "t" / "sub" / "up").string());
  CHECK(d.all()[1].message == "a symbolic link back to the directory '" + (root / "t").string() +
                                  "' (a loop): it is not followed");
  fs::remove_all(root);
}

}  // namespace jixiao
