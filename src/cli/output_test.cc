#include "cli/output.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "base/lang.h"

namespace jixiao {

namespace {

// A streambuf that keeps what it is given and counts the hand-overs; it
// takes at most `limit` bytes in all.
class CountingBuf : public std::streambuf {
 public:
  explicit CountingBuf(size_t limit = SIZE_MAX) : limit_(limit) {}
  std::string text;
  size_t puts = 0;

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    ++puts;
    size_t k = std::min(static_cast<size_t>(n), limit_ - text.size());
    text.append(s, k);
    return static_cast<std::streamsize>(k);
  }
  int_type overflow(int_type c) override {
    char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }

 private:
  size_t limit_;
};

}  // namespace

TEST_CASE("BlockBuf: hands on whole blocks, in order, and everything on flush") {
  CountingBuf target;
  BlockBuf buf(&target, 1000);
  std::ostream out(&buf);
  std::string expected;
  for (int i = 0; i < 300; ++i) {
    std::string piece(i % 2 == 0 ? 1500 : 7, static_cast<char>('a' + i % 26));
    out << piece << 'x';
    expected += piece + "x";
  }
  CHECK(target.text.size() < expected.size());  // the last part is still held
  out.flush();
  CHECK(target.text == expected);
  // 300 pieces of 1 KiB and more would each be a write without it.
  CHECK(target.puts <= expected.size() / 1000 + 1);
  CHECK_FALSE(buf.failed());
}

TEST_CASE("OutputSink: standard output gets the report on Commit, or on destruction") {
  std::ostringstream out;
  Message why;
  {
    auto sink = OutputSink::Open({"text", ""}, out, &why);
    REQUIRE(sink);
    sink->stream() << std::string(100000, 'r') << "end\n";
    CHECK_FALSE(sink->Commit());
  }
  CHECK(out.str() == std::string(100000, 'r') + "end\n");
  std::ostringstream out2;
  {
    auto sink = OutputSink::Open({"text", ""}, out2, &why);
    sink->stream() << "partial";
  }
  CHECK(out2.str() == "partial");
}

TEST_CASE("OutputSink: a file is written whole on Commit; a short write is an error") {
  std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") +
                     "/jixiao-output-test.txt";
  std::ostringstream unused;
  Message why;
  {
    auto sink = OutputSink::Open({"json", path}, unused, &why);
    REQUIRE(sink);
    for (int i = 0; i < 5000; ++i) sink->stream() << "line " << i << "\n";
    CHECK_FALSE(sink->Commit());
  }
  std::ifstream in(path);
  std::stringstream got;
  got << in.rdbuf();
  std::string expected;
  for (int i = 0; i < 5000; ++i) expected += "line " + std::to_string(i) + "\n";
  CHECK(got.str() == expected);
  std::remove(path.c_str());

  CountingBuf full(10);  // standard output that takes 10 bytes, then no more
  std::ostream short_out(&full);
  auto sink = OutputSink::Open({"text", ""}, short_out, &why);
  sink->stream() << std::string(100, 'z');
  std::optional<Message> failed = sink->Commit();
  REQUIRE(failed);
  CHECK(failed->code == 718);
  CHECK(failed->text == "cannot write to standard output");
}

TEST_CASE("OutputSink: a file is replaced whole with its mode kept, and no temporary left") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("jixiao-sink-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "r.json").string();
  std::ofstream(path) << "old";
  chmod(path.c_str(), 0600);
  std::ostringstream unused;
  Message why;
  {
    auto sink = OutputSink::Open({"json", path}, unused, &why);
    REQUIRE(sink);
    sink->stream() << "new";
    // Until Commit the old file is there, and one temporary beside it.
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);
    CHECK_FALSE(sink->Commit());
  }
  std::ifstream in(path);
  std::string got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(got == "new");
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  // Not committed: the old file stays, the temporary goes.
  {
    auto sink = OutputSink::Open({"json", path}, unused, &why);
    REQUIRE(sink);
    sink->stream() << "half";
  }
  std::ifstream again(path);
  std::string kept((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>());
  CHECK(kept == "new");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  // A directory is refused.
  CHECK(OutputSink::Open({"json", dir.string()}, unused, &why) == nullptr);
  CHECK(why.code == 716);
  CHECK(why.text == "is a directory: give the report a file name");
  {
    ScopedLang zh(Lang::kZh);
    CHECK(OutputSink::Open({"json", dir.string()}, unused, &why) == nullptr);
    CHECK(why.text == "是一个目录：请给报告一个文件名");
    CHECK(WriteErrorLine({"json", dir.string()}, why) ==
          dir.string() + ": 错误[JX0716]: 无法写入 json 报告：是一个目录：请给报告一个文件名\n");
  }
  fs::remove_all(dir);
}

TEST_CASE("FormatOfName: -o's extension, in any case, among the command's formats") {
  const std::vector<std::string> eval = {"text", "json", "jsonl", "csv", "markdown",
                                         "junit", "github", "xlsx", "html"};
  CHECK(FormatOfName("自评表.xlsx", eval) == "xlsx");
  CHECK(FormatOfName("OUT.XLSX", eval) == "xlsx");
  CHECK(FormatOfName("page.htm", eval) == "html");
  CHECK(FormatOfName("r.json", eval) == "json");
  CHECK(FormatOfName("r.jsonl", eval) == "jsonl");  // not json: the longer name
  CHECK(FormatOfName("r.md", eval) == "markdown");
  CHECK(FormatOfName("ci.xml", eval) == "junit");
  CHECK(FormatOfName("report.txt", eval) == "");
  CHECK(FormatOfName("dir/", eval) == "");
  CHECK(FormatOfName("a.yaml", eval) == "");  // not one of eval's
  CHECK(FormatOfName("a.yaml", {"yaml", "csv"}) == "yaml");
  CHECK(FormatOfName("a.CSV", {"yaml", "csv"}) == "csv");
}

TEST_CASE("ParseOutputSpecs: -o alone takes its format from its name; a workbook's name on another "
          "format is an error") {
  const std::vector<std::string> eval = {"text", "json", "xlsx", "html"};
  Options o;
  o.output = "自评表.xlsx";
  Diagnostics d;
  std::vector<OutputSpec> specs = ParseOutputSpecs(o, eval, &d);
  CHECK(d.empty());
  REQUIRE(specs.size() == 1);
  CHECK(specs[0].format == "xlsx");
  CHECK(specs[0].path == "自评表.xlsx");
  o.output = "report.txt";
  specs = ParseOutputSpecs(o, eval, &d);
  CHECK(specs[0].format == "text");
  o.formats = {"json"};
  o.output = "x.xlsx";
  ParseOutputSpecs(o, eval, &d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].code == 727);
  // Any name that says another format than the report's: a workbook named
  // .json, a text report named .xml where the command writes no junit.
  Diagnostics other;
  o.formats = {"xlsx"};
  o.output = "r.JSON";
  ParseOutputSpecs(o, eval, &other);
  Options check;
  check.output = "c.xml";
  ParseOutputSpecs(check, {"text", "json"}, &other);
  REQUIRE(other.error_count() == 2);
  CHECK(other.all()[0].message.find("-o r.JSON is a json report's name, but the report is xlsx") == 0);
  CHECK(other.all()[1].message ==
        "-o c.xml is a junit report's name, but this command does not write junit (it writes "
        "text, json): choose a name that fits the text report");
  // import's -o (no formats): a directory or FILE.yaml, never said.
  Diagnostics none;
  Options import;
  import.output = "out.json";
  ParseOutputSpecs(import, {}, &none);
  CHECK(none.empty());
}

TEST_CASE("ParseOutputSpecs: a spreadsheet's, a document's or a PDF's name is JX0727, with a name "
          "that fits") {
  ScopedLang lang(Lang::kEn);
  const std::vector<std::string> eval = {"text", "json", "csv", "github", "xlsx", "html"};
  // -o alone: the text report over the officer's monitoring sheet.
  Options o;
  o.output = "6月监控表.xls";
  Diagnostics d;
  ParseOutputSpecs(o, eval, &d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].code == 727);
  CHECK(d.all()[0].message ==
        "-o 6月监控表.xls is the name of an Excel 97-2003 workbook (.xls), a kind of file jixiao "
        "does not write: the text report written under it would replace such a file, and would "
        "not open as one; choose a name ending in .txt, such as -o 6月监控表.txt");
  // Every such extension, in any case, for every format, -o after -f too.
  const std::pair<const char*, const char*> kNames[] = {
      {"a.XLSM", "a macro-enabled Excel workbook (.xlsm)"},
      {"dir/a.et", "a WPS Spreadsheets workbook (.et)"},
      {"a.ods", "an OpenDocument spreadsheet (.ods)"},
      {"a.Docx", "a Word document (.docx)"},
      {"a.doc", "a Word 97-2003 document (.doc)"},
      {"a.docm", "a macro-enabled Word document (.docm)"},
      {"a.wps", "a WPS Writer document (.wps)"},
      {"a.rtf", "an RTF document (.rtf)"},
      {"a.odt", "an OpenDocument text (.odt)"},
      {"a.pdf", "a PDF file (.pdf)"},
  };
  for (const auto& [name, what] : kNames) {
    CAPTURE(name);
    Options f;
    f.formats = {"json"};
    f.output = name;
    Diagnostics e;
    ParseOutputSpecs(f, eval, &e);
    REQUIRE(e.error_count() == 1);
    CHECK(e.all()[0].message.find(std::string("-o ") + name + " is the name of " + what) == 0);
    CHECK(e.all()[0].message.find("choose a name ending in .json, such as -o " +
                                  std::string(name).substr(0, std::string(name).rfind('.')) +
                                  ".json") != std::string::npos);
  }
  // -f FORMAT=FILE: kept for CheckOutputsAgainstInputs, which says it when
  // nothing says more; the workbook too is written as .xlsx only.
  Options f;
  f.formats = {"xlsx=汇总.xls", "github=注释.pdf"};
  Diagnostics e;
  std::vector<OutputSpec> specs = ParseOutputSpecs(f, eval, &e);
  CHECK(e.empty());
  REQUIRE(specs.size() == 2);
  REQUIRE(specs[0].misnamed);
  CHECK(specs[0].misnamed->code == 727);
  CHECK(specs[0].misnamed->text ==
        "-f xlsx=汇总.xls: 汇总.xls is the name of an Excel 97-2003 workbook (.xls), a kind of file "
        "jixiao does not write: the xlsx report written under it would replace such a file, and "
        "would not open as one; choose a name ending in .xlsx, such as -f xlsx=汇总.xlsx");
  REQUIRE(specs[1].misnamed);
  CHECK(specs[1].misnamed->text.find("such as -f github=注释.txt") != std::string::npos);
  // The other commands' reports (check's, template's, rules'), and no
  // other name: an extension is read from the file's name, not the path.
  Options check;
  check.output = "检查.pdf";
  Diagnostics c;
  ParseOutputSpecs(check, {"text", "json"}, &c);
  ParseOutputSpecs(check, {"yaml", "csv"}, &c);
  REQUIRE(c.error_count() == 2);
  CHECK(c.all()[1].message.find("choose a name ending in .yaml, such as -o 检查.yaml") !=
        std::string::npos);
  for (const char* fine : {"a.xls.txt", "报告.xls/r.txt", ".pdf", "a.xlsb.json", "a.pdfs"}) {
    CAPTURE(fine);
    Options ok;
    ok.output = fine;
    Diagnostics none;
    ParseOutputSpecs(ok, eval, &none);
    CHECK(none.empty());
  }
  // import's -o (no formats) is a directory or FILE.yaml: never said.
  Options import;
  import.output = "a.docx";
  Diagnostics none;
  ParseOutputSpecs(import, {}, &none);
  CHECK(none.empty());
}

TEST_CASE("IsStandardOutput: nothing, '-', /dev/stdout and descriptor 1") {
  for (const char* p : {"", "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"}) {
    CHECK(IsStandardOutput(p));
  }
  for (const char* p : {"/dev/stderr", "/dev/fd/10", "stdout", "/dev/fd/1x"}) {
    CHECK_FALSE(IsStandardOutput(p));
  }
}

}  // namespace jixiao
