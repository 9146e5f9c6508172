#include "score/year_summary.h"

#include <doctest/doctest.h>

#include <string>

namespace jixiao {

namespace {

ProjectDigest Digest(const std::string& dept, const char* score) {
  ProjectDigest d;
  d.id = "P";
  d.project = "P";
  d.department_code = dept;
  d.department_name = dept;
  d.score = *Rational::ParseDecimal(score);
  d.grade = "优";
  return d;
}

}  // namespace

TEST_CASE("year summary: mean and median by department, exact in cents") {
  YearSummary y;
  for (const char* s : {"90.5", "80.25", "100", "0"}) y.Add(Digest("A", s));
  y.Add(Digest("B", "77.77"));
  REQUIRE(y.departments().size() == 2);
  const DepartmentSummary& a = y.departments()[0];
  CHECK(a.projects == 4);
  CHECK(a.Mean() == *Rational::ParseDecimal("67.6875"));
  CHECK(a.Median() == *Rational::ParseDecimal("85.375"));  // (80.25 + 90.5) / 2
  CHECK(y.departments()[1].Median() == *Rational::ParseDecimal("77.77"));
  CHECK(y.departments()[1].Mean() == *Rational::ParseDecimal("77.77"));
}

TEST_CASE("year summary: totals outside 0 to 655.35 (merged reports) count too") {
  // Scores beyond the 2-byte range come only from reports given to merge,
  // but must not be wrapped or lost.
  YearSummary y;
  for (const char* s : {"700", "-5", "655.35", "10", "655.36"}) y.Add(Digest("A", s));
  const DepartmentSummary& a = y.departments()[0];
  CHECK(a.projects == 5);
  CHECK(a.Mean() == *Rational::ParseDecimal("403.142"));  // 2015.71 / 5
  CHECK(a.Median() == *Rational::ParseDecimal("655.35"));
  YearSummary even;
  for (const char* s : {"-5", "1000"}) even.Add(Digest("B", s));
  CHECK(even.departments()[0].Median() == *Rational::ParseDecimal("497.5"));
}

}  // namespace jixiao
