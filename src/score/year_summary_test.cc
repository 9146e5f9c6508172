#include "score/year_summary.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/exact_sum.h"

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

TEST_CASE("year summary: level-1 sums add exact values, rounded once where shown") {
  // Three projects' 满意度指标 of weight 125/12 = 10.41666… each (shown
  // 10.42): exactly 31.25 together, where the rounded rows add up to 31.26.
  // Two score in full, one at 0.9823: 125/12 x 0.9823 = 10.2322916… (shown
  // 10.23). Exact: (125/12) x 2.9823 / 31.25 = 0.9941 -> 99.41%; from the
  // rounded rows (10.42 + 10.42 + 10.23) / 31.26 = 31.07 / 31.26 = 0.99392
  // -> 99.39%.
  const Rational w = Rational(125) / 12;
  YearSummary y;
  for (const Rational& ratio : {Rational(1), Rational(1), *Rational::ParseDecimal("0.9823")}) {
    ProjectScore s;
    s.project.indicators.resize(1);
    s.project.indicators[0].level1 = "满意度指标";
    IndicatorScore is;
    is.weight = w;
    is.score = w * ratio;
    is.status = ratio == 1 ? Status::kMet : Status::kUnmet;
    s.indicators.push_back(is);
    s.total_rounded = 99;
    y.Add(ProjectDigest::Of(s, true));
  }
  REQUIRE(y.level1().size() == 1);
  const Level1Summary& g = y.level1()[0];
  CHECK(g.weight == *Rational::ParseDecimal("31.25"));
  CHECK(g.weight.FormatShort(2) == "31.25");
  CHECK(g.Attainment() == *Rational::ParseDecimal("0.9941"));
  CHECK((g.Attainment() * 100).FormatFixed(2) == "99.41");
  CHECK(g.met == 2);
  CHECK(g.unmet == 1);
}

TEST_CASE("year summary: sums are exact over thousands of bits, bounded beyond") {
  // 1/p for the primes below `limit`, each a project's one indicator; *exact
  // is their sum, over the product of the primes: (sum of P/p) / P.
  auto sum_of_inverse_primes = [](int limit, Rational* exact) {
    YearSummary y;
    std::vector<int> primes;
    for (int p = 2; p < limit; ++p) {
      bool prime = true;
      for (int q = 2; q * q <= p; ++q) prime = prime && p % q != 0;
      if (!prime) continue;
      primes.push_back(p);
      ProjectDigest d = Digest("A", "90");
      d.indicators.push_back({"产出指标", "met", Rational(1) / p, Rational(1) / p});
      y.Add(d);
    }
    BigInt product(1), numerator(0), quot, rem;
    for (int p : primes) product = product * BigInt(p);
    for (int p : primes) {
      BigInt::DivMod(product, BigInt(p), &quot, &rem);
      numerator = numerator + quot;
    }
    *exact = Rational(numerator, product);
    return y.level1()[0];
  };
  // Below 2000: a denominator of about 2,900 bits (860 digits), summed exactly.
  Rational exact;
  Level1Summary g = sum_of_inverse_primes(2000, &exact);
  CHECK(exact.den().ToString().size() > 800);
  CHECK(g.weight == exact);
  CHECK(g.Attainment() == 1);
  // Below 25000: about 36,000 bits, beyond ExactSum::kExactBits: rounded to 40
  // decimals, it stays small, and its 2 decimals are those of the exact sum.
  g = sum_of_inverse_primes(25000, &exact);
  CHECK(exact.den().BitLength() > ExactSum::kExactBits);
  CHECK(g.weight.FormatFixed(2) == exact.FormatFixed(2));
  CHECK(g.weight.den().ToDouble() < 1e60);
  CHECK(g.Attainment() == 1);
}

}  // namespace jixiao
