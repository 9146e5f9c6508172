// Implementation notes.
//
// BigInt keeps the invariant documented in exact.h: a value that fits in
// int64_t is stored in small_ with big_ empty and negative_ false; any other
// value is stored as sign (negative_) and magnitude (big_, base 2^32, least
// significant limb first, no leading zero limbs). Every operation has an
// int64 fast path that never allocates; it falls back to magnitude
// arithmetic on overflow, and every result of the slow path is passed
// through BigIntAccess::Make, which restores the canonical form.
//
// Rational likewise computes with int64 numerators and denominators when it
// can (checked with __builtin_*_overflow, __int128 for cross products) and
// falls back to BigInt arithmetic followed by gcd reduction otherwise.
#include "base/exact.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <utility>

namespace jixiao {

namespace {

using Mag = std::vector<uint32_t>;

constexpr uint64_t kBase = uint64_t{1} << 32;

// 10^0 .. 10^18, every power of ten that fits in int64_t.
constexpr int64_t kPow10[] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};
constexpr int kMaxPow10 = 18;

// |v| as an unsigned value; exact for INT64_MIN.
inline uint64_t UnsignedAbs(int64_t v) {
  return v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

// Greatest common divisor by the binary method; Gcd(0, 0) == 0.
inline uint64_t GcdU64(uint64_t a, uint64_t b) {
  if (a > b) std::swap(a, b);
  if (a == 0) return b;
  // One division when the sizes differ a lot (a numerator and a small
  // denominator): each subtraction step below only halves b.
  if ((b >> 8) > a) {
    b %= a;
    if (b == 0) return a;
  }
  const int za = __builtin_ctzll(a), zb = __builtin_ctzll(b);
  a >>= za;
  b >>= zb;
  // Both odd: their difference is even and nonzero until they meet.
  while (a != b) {
    if (a > b) {
      a -= b;
      a >>= __builtin_ctzll(a);
    } else {
      b -= a;
      b >>= __builtin_ctzll(b);
    }
  }
  return a << std::min(za, zb);
}

// True when v fits in int64_t; then stores it in *out.
inline bool FitsInt64(__int128 v, int64_t* out) {
  if (v < INT64_MIN || v > INT64_MAX) return false;
  *out = static_cast<int64_t>(v);
  return true;
}

// ---------------------------------------------------------------------------
// Magnitudes: unsigned integers, base 2^32, least significant limb first.
// Inputs are trimmed (no leading zero limbs; zero is the empty vector) and
// so are outputs.

void Trim(Mag* m) {
  while (!m->empty() && m->back() == 0) m->pop_back();
}

Mag MagFromU64(uint64_t v) {
  Mag m;
  m.reserve(2);
  while (v != 0) {
    m.push_back(static_cast<uint32_t>(v));
    v >>= 32;
  }
  return m;
}

Mag MagFromU128(unsigned __int128 v) {
  Mag m;
  m.reserve(4);
  while (v != 0) {
    m.push_back(static_cast<uint32_t>(v));
    v >>= 32;
  }
  return m;
}

// -1, 0 or 1 as a <, ==, > b.
int MagCompare(const Mag& a, const Mag& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Mag MagAdd(const Mag& a, const Mag& b) {
  const Mag& longer = a.size() >= b.size() ? a : b;
  const Mag& shorter = a.size() >= b.size() ? b : a;
  Mag r(longer.size() + 1);
  uint64_t carry = 0;
  for (size_t i = 0; i < longer.size(); ++i) {
    uint64_t t = uint64_t{longer[i]} + carry;
    if (i < shorter.size()) t += shorter[i];
    r[i] = static_cast<uint32_t>(t);
    carry = t >> 32;
  }
  r[longer.size()] = static_cast<uint32_t>(carry);
  Trim(&r);
  return r;
}

// a - b; requires a >= b.
Mag MagSub(const Mag& a, const Mag& b) {
  assert(MagCompare(a, b) >= 0);
  Mag r(a.size());
  uint64_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t sub = uint64_t{a[i]} - borrow;
    if (i < b.size()) sub -= b[i];
    r[i] = static_cast<uint32_t>(sub);
    borrow = sub >> 63;  // a wrapped difference has its top bit set
  }
  assert(borrow == 0);
  Trim(&r);
  return r;
}

// Schoolbook multiplication.
Mag MagMul(const Mag& a, const Mag& b) {
  if (a.empty() || b.empty()) return Mag();
  Mag r(a.size() + b.size(), 0);
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < b.size(); ++j) {
      // At most (2^32-1)^2 + 2 (2^32-1) = 2^64 - 1: no overflow.
      const uint64_t t = uint64_t{a[i]} * b[j] + r[i + j] + carry;
      r[i + j] = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
    r[i + b.size()] = static_cast<uint32_t>(carry);
  }
  Trim(&r);
  return r;
}

// *m = *m * mul + add.
void MagMulAddSmall(Mag* m, uint32_t mul, uint32_t add) {
  uint64_t carry = add;
  for (uint32_t& limb : *m) {
    const uint64_t t = uint64_t{limb} * mul + carry;
    limb = static_cast<uint32_t>(t);
    carry = t >> 32;
  }
  if (carry != 0) m->push_back(static_cast<uint32_t>(carry));
}

// *m = *m / d; returns *m % d. d != 0.
uint32_t MagDivSmall(Mag* m, uint32_t d) {
  assert(d != 0);
  uint64_t rem = 0;
  for (size_t i = m->size(); i-- > 0;) {
    const uint64_t cur = (rem << 32) | (*m)[i];
    (*m)[i] = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
  Trim(m);
  return static_cast<uint32_t>(rem);
}

// Knuth, TAOCP vol. 2, 4.3.1, Algorithm D, for u >= v with v of at least two
// limbs: *q = u / v, *r = u % v.
void MagDivKnuth(const Mag& u, const Mag& v, Mag* q, Mag* r) {
  const size_t n = v.size();
  const size_t m = u.size() - n;
  assert(n >= 2 && u.size() >= n);
  // D1: normalise so that the top limb of the divisor has its high bit set.
  const int s = __builtin_clz(v.back());
  Mag vn(n), un(u.size() + 1);
  for (size_t i = n; i-- > 0;) {
    const uint64_t lower = i > 0 ? uint64_t{v[i - 1]} : 0;
    vn[i] = static_cast<uint32_t>((uint64_t{v[i]} << s) | (lower >> (32 - s)));
  }
  un[u.size()] = static_cast<uint32_t>(uint64_t{u.back()} >> (32 - s));
  for (size_t i = u.size(); i-- > 0;) {
    const uint64_t lower = i > 0 ? uint64_t{u[i - 1]} : 0;
    un[i] = static_cast<uint32_t>((uint64_t{u[i]} << s) | (lower >> (32 - s)));
  }
  q->assign(m + 1, 0);
  const uint64_t vtop = vn[n - 1], vnext = vn[n - 2];
  for (size_t j = m + 1; j-- > 0;) {
    // D3: estimate the quotient limb; it is at most 2 too large.
    const uint64_t num = (uint64_t{un[j + n]} << 32) | un[j + n - 1];
    uint64_t qhat = num / vtop;
    uint64_t rhat = num % vtop;
    while (qhat >= kBase || qhat * vnext > ((rhat << 32) | un[j + n - 2])) {
      --qhat;
      rhat += vtop;
      if (rhat >= kBase) break;
    }
    // D4: un[j..j+n] -= qhat * vn.
    uint64_t carry = 0, borrow = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint64_t p = qhat * vn[i] + carry;
      carry = p >> 32;
      const uint64_t sub = uint64_t{un[i + j]} - static_cast<uint32_t>(p) - borrow;
      un[i + j] = static_cast<uint32_t>(sub);
      borrow = sub >> 63;
    }
    const uint64_t top = uint64_t{un[j + n]} - carry - borrow;
    un[j + n] = static_cast<uint32_t>(top);
    // D5, D6: if the subtraction went negative, qhat was one too large.
    if ((top >> 63) != 0) {
      --qhat;
      uint64_t c = 0;
      for (size_t i = 0; i < n; ++i) {
        const uint64_t t = uint64_t{un[i + j]} + vn[i] + c;
        un[i + j] = static_cast<uint32_t>(t);
        c = t >> 32;
      }
      un[j + n] = static_cast<uint32_t>(un[j + n] + c);  // wraps back to 0
    }
    (*q)[j] = static_cast<uint32_t>(qhat);
  }
  // D8: the remainder is un[0..n-1] shifted back.
  r->assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t upper = uint64_t{un[i + 1]} << 32;
    (*r)[i] = static_cast<uint32_t>(((upper | un[i]) >> s));
  }
  Trim(q);
  Trim(r);
}

// *q = u / v, *r = u % v; v != 0.
void MagDivMod(const Mag& u, const Mag& v, Mag* q, Mag* r) {
  assert(!v.empty());
  if (MagCompare(u, v) < 0) {
    *r = u;
    q->clear();
    return;
  }
  if (v.size() == 1) {
    *q = u;
    const uint32_t rem = MagDivSmall(q, v[0]);
    *r = rem == 0 ? Mag() : Mag{rem};
    return;
  }
  MagDivKnuth(u, v, q, r);
}

// 10^k for k >= 0.
BigInt Pow10(int k) {
  assert(k >= 0);
  if (k <= kMaxPow10) return BigInt(kPow10[k]);
  BigInt r(1);
  for (; k > kMaxPow10; k -= kMaxPow10) r = r * BigInt(kPow10[kMaxPow10]);
  return r * BigInt(kPow10[k]);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// Private access for the helpers of this file.
struct BigIntAccess {
  // Sets *x to v without allocating.
  static void SetSmall(BigInt* x, int64_t v) {
    x->small_ = v;
    x->negative_ = false;
    x->big_.clear();
  }

  static bool IsNegative(const BigInt& x) { return x.big_.empty() ? x.small_ < 0 : x.negative_; }

  // |x|.
  static Mag Magnitude(const BigInt& x) {
    return x.big_.empty() ? MagFromU64(UnsignedAbs(x.small_)) : x.big_;
  }

  // The value (negative ? -1 : 1) * mag in canonical form.
  static BigInt Make(bool negative, Mag mag) {
    Trim(&mag);
    BigInt r;
    if (mag.size() <= 2) {
      uint64_t u = 0;
      for (size_t i = mag.size(); i-- > 0;) u = (u << 32) | mag[i];
      const uint64_t kMinMagnitude = uint64_t{1} << 63;
      if (!negative && u < kMinMagnitude) {
        r.small_ = static_cast<int64_t>(u);
        return r;
      }
      if (negative && u <= kMinMagnitude) {
        // -u wraps to the intended value; u == 2^63 gives INT64_MIN.
        r.small_ = static_cast<int64_t>(uint64_t{0} - u);
        return r;
      }
    }
    r.negative_ = negative;
    r.big_ = std::move(mag);
    return r;
  }

  static BigInt FromI128(__int128 v) {
    int64_t small;
    if (FitsInt64(v, &small)) return BigInt(small);
    const unsigned __int128 mag =
        v < 0 ? static_cast<unsigned __int128>(0) - static_cast<unsigned __int128>(v)
              : static_cast<unsigned __int128>(v);
    return Make(v < 0, MagFromU128(mag));
  }

  // a + (negate_b ? -b : b) on the slow path.
  static BigInt AddSlow(const BigInt& a, const BigInt& b, bool negate_b) {
    const bool na = IsNegative(a);
    const bool nb = IsNegative(b) != negate_b;
    const Mag ma = Magnitude(a), mb = Magnitude(b);
    if (na == nb) return Make(na, MagAdd(ma, mb));
    const int c = MagCompare(ma, mb);
    if (c == 0) return BigInt();
    return c > 0 ? Make(na, MagSub(ma, mb)) : Make(nb, MagSub(mb, ma));
  }
};

// ---------------------------------------------------------------------------
// BigInt

BigInt::BigInt(int64_t v) : small_(v) {}

std::optional<BigInt> BigInt::Parse(std::string_view digits) {
  bool negative = false;
  if (!digits.empty() && digits[0] == '-') {
    negative = true;
    digits.remove_prefix(1);
  }
  if (digits.empty()) return std::nullopt;
  for (char c : digits) {
    if (!IsDigit(c)) return std::nullopt;
  }
  if (digits.size() <= static_cast<size_t>(kMaxPow10)) {
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return BigInt(negative ? -v : v);
  }
  Mag mag;
  size_t pos = 0;
  while (pos < digits.size()) {
    const size_t len = std::min<size_t>(9, digits.size() - pos);
    uint32_t chunk = 0;
    for (size_t i = 0; i < len; ++i)
      chunk = chunk * 10 + static_cast<uint32_t>(digits[pos + i] - '0');
    MagMulAddSmall(&mag, static_cast<uint32_t>(kPow10[len]), chunk);
    pos += len;
  }
  return BigIntAccess::Make(negative, std::move(mag));
}

bool BigInt::is_zero() const { return big_.empty() && small_ == 0; }

bool BigInt::is_negative() const { return BigIntAccess::IsNegative(*this); }

int BigInt::sign() const {
  if (big_.empty()) return (small_ > 0) - (small_ < 0);
  return negative_ ? -1 : 1;
}

bool BigInt::ToInt64(int64_t* out) const {
  if (!big_.empty()) return false;
  *out = small_;
  return true;
}

std::string BigInt::ToString() const {
  if (big_.empty()) return std::to_string(small_);
  // Peel off base-10^9 chunks, least significant first.
  Mag mag = big_;
  std::vector<uint32_t> chunks;
  while (!mag.empty()) chunks.push_back(MagDivSmall(&mag, 1000000000u));
  std::string out = negative_ ? "-" : "";
  out += std::to_string(chunks.back());
  for (size_t i = chunks.size() - 1; i-- > 0;) {
    const std::string part = std::to_string(chunks[i]);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

double BigInt::ToDouble() const {
  if (big_.empty()) return static_cast<double>(small_);
  // The top three limbs carry at least 65 significant bits.
  const size_t n = big_.size();
  const size_t lowest = n > 3 ? n - 3 : 0;
  double d = 0;
  for (size_t i = n; i-- > lowest;) d = d * static_cast<double>(kBase) + big_[i];
  d = std::ldexp(d, static_cast<int>(32 * lowest));
  return negative_ ? -d : d;
}

size_t BigInt::BitLength() const {
  if (big_.empty()) {
    const uint64_t u = static_cast<uint64_t>(small_);
    const uint64_t m = small_ < 0 ? 0 - u : u;
    return m == 0 ? 0 : 64 - static_cast<size_t>(__builtin_clzll(m));
  }
  return 32 * big_.size() - static_cast<size_t>(__builtin_clz(big_.back()));
}

BigInt operator+(const BigInt& a, const BigInt& b) {
  if (a.big_.empty() && b.big_.empty()) {
    int64_t r;
    if (!__builtin_add_overflow(a.small_, b.small_, &r)) return BigInt(r);
    return BigIntAccess::FromI128(static_cast<__int128>(a.small_) + b.small_);
  }
  return BigIntAccess::AddSlow(a, b, false);
}

BigInt operator-(const BigInt& a, const BigInt& b) {
  if (a.big_.empty() && b.big_.empty()) {
    int64_t r;
    if (!__builtin_sub_overflow(a.small_, b.small_, &r)) return BigInt(r);
    return BigIntAccess::FromI128(static_cast<__int128>(a.small_) - b.small_);
  }
  return BigIntAccess::AddSlow(a, b, true);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
  if (a.big_.empty() && b.big_.empty()) {
    int64_t r;
    if (!__builtin_mul_overflow(a.small_, b.small_, &r)) return BigInt(r);
    return BigIntAccess::FromI128(static_cast<__int128>(a.small_) * b.small_);
  }
  const bool negative = BigIntAccess::IsNegative(a) != BigIntAccess::IsNegative(b);
  return BigIntAccess::Make(negative,
                            MagMul(BigIntAccess::Magnitude(a), BigIntAccess::Magnitude(b)));
}

BigInt BigInt::operator-() const {
  if (big_.empty() && small_ != INT64_MIN) return BigInt(-small_);
  return BigIntAccess::Make(!is_negative(), BigIntAccess::Magnitude(*this));
}

BigInt BigInt::Abs() const { return is_negative() ? -*this : *this; }

void BigInt::DivMod(const BigInt& a, const BigInt& b, BigInt* quot, BigInt* rem) {
  assert(!b.is_zero() && "BigInt::DivMod: division by zero");
  BigInt q, r;
  if (a.big_.empty() && b.big_.empty()) {
    if (b.small_ == -1) {
      q = -a;  // INT64_MIN / -1 overflows int64_t; negation does not.
    } else {
      q = BigInt(a.small_ / b.small_);
      r = BigInt(a.small_ % b.small_);
    }
  } else {
    Mag mq, mr;
    MagDivMod(BigIntAccess::Magnitude(a), BigIntAccess::Magnitude(b), &mq, &mr);
    const bool na = a.is_negative(), nb = b.is_negative();
    q = BigIntAccess::Make(na != nb, std::move(mq));
    r = BigIntAccess::Make(na, std::move(mr));
  }
  // Assign last: quot or rem may alias a or b.
  if (quot != nullptr) *quot = std::move(q);
  if (rem != nullptr) *rem = std::move(r);
}

BigInt BigInt::Gcd(const BigInt& a, const BigInt& b) {
  if (a.big_.empty() && b.big_.empty()) {
    const uint64_t g = GcdU64(UnsignedAbs(a.small_), UnsignedAbs(b.small_));
    if (g <= static_cast<uint64_t>(INT64_MAX)) return BigInt(static_cast<int64_t>(g));
    return BigIntAccess::Make(false, MagFromU64(g));  // 2^63, from INT64_MIN
  }
  // Euclid; the operands become small after a step or two, and DivMod and
  // the branch above take over.
  BigInt x = a.Abs(), y = b.Abs();
  while (!y.is_zero()) {
    if (x.big_.empty() && y.big_.empty()) return Gcd(x, y);
    BigInt r;
    DivMod(x, y, nullptr, &r);
    x = std::move(y);
    y = std::move(r);
  }
  return x;
}

int Compare(const BigInt& a, const BigInt& b) {
  const bool a_small = a.big_.empty(), b_small = b.big_.empty();
  if (a_small && b_small) return (a.small_ > b.small_) - (a.small_ < b.small_);
  // A big value lies outside the int64_t range, so its sign decides.
  if (a_small) return b.negative_ ? 1 : -1;
  if (b_small) return a.negative_ ? -1 : 1;
  if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
  const int c = MagCompare(a.big_, b.big_);
  return a.negative_ ? -c : c;
}

// ---------------------------------------------------------------------------
// Rational

namespace {

// The small-value kernels below return false when an intermediate or the
// result does not fit in int64_t; the caller then redoes the operation with
// BigInt. Inputs are in lowest terms with positive denominators, and so are
// the outputs.

// x / g for g >= 1, without a division in the common case g == 1.
inline int64_t DivBy(int64_t x, int64_t g) { return g == 1 ? x : x / g; }

// gcd(|x|, d) for d >= 1; at least 1 and at most d.
inline int64_t GcdWithDen(int64_t x, int64_t d) {
  return static_cast<int64_t>(GcdU64(UnsignedAbs(x), static_cast<uint64_t>(d)));
}

// an/ad + bn/bd (Knuth, TAOCP vol. 2, 4.5.1), the cheap cases first.
bool AddSmall(int64_t an, int64_t ad, int64_t bn, int64_t bd, int64_t* n, int64_t* d) {
  int64_t t;
  if (ad == bd) {
    if (__builtin_add_overflow(an, bn, &t)) return false;
    const int64_t g = ad == 1 ? 1 : GcdWithDen(t, ad);  // t == 0 gives g == ad
    *n = DivBy(t, g);
    *d = DivBy(ad, g);
    return true;
  }
  // An integer plus a fraction needs no reduction: gcd(an + bn ad, ad) ==
  // gcd(an, ad) == 1.
  if (bd == 1) {
    *d = ad;
    return !__builtin_mul_overflow(bn, ad, &t) && !__builtin_add_overflow(an, t, n);
  }
  if (ad == 1) {
    *d = bd;
    return !__builtin_mul_overflow(an, bd, &t) && !__builtin_add_overflow(t, bn, n);
  }
  const int64_t g = GcdWithDen(ad, bd);
  const int64_t sa = DivBy(ad, g), sb = DivBy(bd, g);
  int64_t x, y;
  if (__builtin_mul_overflow(an, sb, &x) || __builtin_mul_overflow(bn, sa, &y) ||
      __builtin_add_overflow(x, y, &t)) {
    return false;
  }
  // Only factors of g can be common to t and sa * bd; t != 0 since the
  // denominators differ.
  const int64_t g2 = g == 1 ? 1 : GcdWithDen(t, g);
  *n = DivBy(t, g2);
  return !__builtin_mul_overflow(sa, DivBy(bd, g2), d);
}

// (an/ad) * (bn/bd), cross-cancelling first.
bool MulSmall(int64_t an, int64_t ad, int64_t bn, int64_t bd, int64_t* n, int64_t* d) {
  if (ad == 1 && bd == 1) {
    *d = 1;
    return !__builtin_mul_overflow(an, bn, n);
  }
  const int64_t g1 = bd == 1 ? 1 : GcdWithDen(an, bd);
  const int64_t g2 = ad == 1 ? 1 : GcdWithDen(bn, ad);
  return !__builtin_mul_overflow(DivBy(an, g1), DivBy(bn, g2), n) &&
         !__builtin_mul_overflow(DivBy(ad, g2), DivBy(bd, g1), d);
}

// round(n / d) with halves away from zero; d > 0.
BigInt DivRoundHalfAway(const BigInt& n, const BigInt& d) {
  BigInt q, r;
  BigInt::DivMod(n, d, &q, &r);
  const BigInt twice = r.Abs() + r.Abs();
  if (Compare(twice, d) >= 0) q = n.is_negative() ? q - 1 : q + 1;
  return q;
}

// round(x * 10^places) with halves away from zero, as an integer.
BigInt ScaledRound(const BigInt& num, const BigInt& den, int places) {
  int64_t n, d;
  if (places >= 0 && places <= kMaxPow10 && num.ToInt64(&n) && den.ToInt64(&d)) {
    const __int128 scaled = static_cast<__int128>(n) * kPow10[places];
    __int128 q = scaled / d;
    const __int128 r = scaled % d;
    const __int128 twice_r = r < 0 ? -2 * r : 2 * r;
    if (twice_r >= d) q += scaled < 0 ? -1 : 1;
    int64_t small;
    if (FitsInt64(q, &small)) return BigInt(small);
    return BigIntAccess::FromI128(q);
  }
  if (places >= 0) return DivRoundHalfAway(num * Pow10(places), den);
  const BigInt unit = Pow10(-places);
  return DivRoundHalfAway(num, den * unit) * unit;
}

// Number of decimal digits of |v|.
size_t DigitCount(const BigInt& v) {
  const std::string s = v.ToString();
  return s.size() - (v.is_negative() ? 1 : 0);
}

}  // namespace

Rational::Rational(BigInt num, BigInt den) {
  assert(!den.is_zero() && "Rational: zero denominator");
  int64_t n, d;
  if (num.ToInt64(&n) && den.ToInt64(&d) && d != INT64_MIN && !(d < 0 && n == INT64_MIN)) {
    if (d < 0) {
      n = -n;
      d = -d;
    }
    const int64_t g = static_cast<int64_t>(GcdU64(UnsignedAbs(n), static_cast<uint64_t>(d)));
    BigIntAccess::SetSmall(&num_, DivBy(n, g));
    BigIntAccess::SetSmall(&den_, DivBy(d, g));
    return;
  }
  const BigInt g = BigInt::Gcd(num, den);
  if (g != 1) {
    BigInt::DivMod(num, g, &num, nullptr);
    BigInt::DivMod(den, g, &den, nullptr);
  }
  if (den.is_negative()) {
    num = -num;
    den = -den;
  }
  num_ = std::move(num);
  den_ = std::move(den);
}

std::optional<Rational> Rational::ParseDecimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() && frac.empty()) return std::nullopt;
  if (whole.size() + frac.size() > kMaxDecimalDigits) return std::nullopt;
  for (char c : whole) {
    if (!IsDigit(c)) return std::nullopt;
  }
  for (char c : frac) {
    if (!IsDigit(c)) return std::nullopt;  // also rejects a second '.'
  }
  if (whole.size() + frac.size() <= static_cast<size_t>(kMaxPow10)) {
    int64_t v = 0;
    for (char c : whole) v = v * 10 + (c - '0');
    for (char c : frac) v = v * 10 + (c - '0');
    return Rational(negative ? -v : v, kPow10[frac.size()]);
  }
  if (frac.size() > static_cast<size_t>(INT32_MAX)) return std::nullopt;
  std::string digits = negative ? "-" : "";
  digits.append(whole);
  digits.append(frac);
  std::optional<BigInt> n = BigInt::Parse(digits);
  assert(n.has_value());
  return Rational(std::move(*n), Pow10(static_cast<int>(frac.size())));
}

bool Rational::is_integer() const { return den_ == 1; }

Rational operator+(const Rational& a, const Rational& b) {
  int64_t an, ad, bn, bd, n, d;
  if (a.num_.ToInt64(&an) && a.den_.ToInt64(&ad) && b.num_.ToInt64(&bn) && b.den_.ToInt64(&bd) &&
      AddSmall(an, ad, bn, bd, &n, &d)) {
    Rational r;
    BigIntAccess::SetSmall(&r.num_, n);
    BigIntAccess::SetSmall(&r.den_, d);
    return r;
  }
  return Rational(a.num_ * b.den_ + b.num_ * a.den_, a.den_ * b.den_);
}

Rational operator-(const Rational& a, const Rational& b) {
  int64_t an, ad, bn, bd, n, d;
  if (a.num_.ToInt64(&an) && a.den_.ToInt64(&ad) && b.num_.ToInt64(&bn) && b.den_.ToInt64(&bd) &&
      bn != INT64_MIN && AddSmall(an, ad, -bn, bd, &n, &d)) {
    Rational r;
    BigIntAccess::SetSmall(&r.num_, n);
    BigIntAccess::SetSmall(&r.den_, d);
    return r;
  }
  return Rational(a.num_ * b.den_ - b.num_ * a.den_, a.den_ * b.den_);
}

Rational operator*(const Rational& a, const Rational& b) {
  int64_t an, ad, bn, bd, n, d;
  if (a.num_.ToInt64(&an) && a.den_.ToInt64(&ad) && b.num_.ToInt64(&bn) && b.den_.ToInt64(&bd) &&
      MulSmall(an, ad, bn, bd, &n, &d)) {
    Rational r;
    BigIntAccess::SetSmall(&r.num_, n);
    BigIntAccess::SetSmall(&r.den_, d);
    return r;
  }
  return Rational(a.num_ * b.num_, a.den_ * b.den_);
}

Rational operator/(const Rational& a, const Rational& b) {
  assert(!b.is_zero() && "Rational: division by zero");
  int64_t an, ad, bn, bd, n, d;
  if (a.num_.ToInt64(&an) && a.den_.ToInt64(&ad) && b.num_.ToInt64(&bn) && b.den_.ToInt64(&bd) &&
      bn != INT64_MIN) {
    // Multiply by the reciprocal bd/bn, with its sign moved to the top.
    const int64_t rn = bn < 0 ? -bd : bd, rd = bn < 0 ? -bn : bn;
    if (MulSmall(an, ad, rn, rd, &n, &d)) {
      Rational r;
      BigIntAccess::SetSmall(&r.num_, n);
      BigIntAccess::SetSmall(&r.den_, d);
      return r;
    }
  }
  return Rational(a.num_ * b.den_, a.den_ * b.num_);
}

Rational Rational::operator-() const {
  Rational r;
  r.num_ = -num_;
  r.den_ = den_;
  return r;
}

int Compare(const Rational& a, const Rational& b) {
  int64_t an, ad, bn, bd;
  if (a.num_.ToInt64(&an) && a.den_.ToInt64(&ad) && b.num_.ToInt64(&bn) && b.den_.ToInt64(&bd)) {
    // |an * bd| < 2^126 since bd <= INT64_MAX: no overflow.
    const __int128 l = static_cast<__int128>(an) * bd, r = static_cast<__int128>(bn) * ad;
    return (l > r) - (l < r);
  }
  return Compare(a.num_ * b.den_, b.num_ * a.den_);
}

Rational Rational::Round(int places) const {
  const BigInt scaled = ScaledRound(num_, den_, places);
  if (places >= 0) return Rational(scaled, Pow10(places));
  return Rational(scaled, 1);
}

namespace {

// FormatFixed of n/d (d > 0) in 64-bit arithmetic, for 0 <= places <= 18:
// false when |n| * 10^places does not fit in 64 bits. Most figures a report
// prints take this path; its text is the BigInt path's, byte for byte.
bool FormatFixedSmall(int64_t n, int64_t d, int places, std::string* out) {
  uint64_t scaled;
  if (__builtin_mul_overflow(UnsignedAbs(n), static_cast<uint64_t>(kPow10[places]), &scaled)) {
    return false;
  }
  const uint64_t ud = static_cast<uint64_t>(d);
  uint64_t q = scaled;
  if (ud != 1) {  // an integer (most amounts) needs no division
    q = scaled / ud;
    const uint64_t r = scaled % ud;
    if (r >= ud - r) ++q;  // half away from zero (2r >= d); no overflow, since r > 0 means d >= 2
  }
  const bool negative = n < 0 && q != 0;  // a value that rounds to zero has no sign
  // Digits from the right: at most 20 and the point.
  char buf[24];
  char* const end = buf + sizeof buf;
  char* p = end;
  for (int i = 0; i < places; ++i, q /= 10) *--p = static_cast<char>('0' + q % 10);
  if (places > 0) *--p = '.';
  do {
    *--p = static_cast<char>('0' + q % 10);
    q /= 10;
  } while (q != 0);
  if (negative) *--p = '-';
  out->assign(p, end);
  return true;
}

}  // namespace

std::string Rational::FormatFixedApart(const Rational& bound, int places) const {
  std::string text = FormatFixed(places);
  if (*this == bound) return text;
  for (int more = places + 1; more <= places + 8 && text == bound.FormatFixed(more - 1); ++more)
    text = FormatFixed(more);
  return text;
}

std::string Rational::FormatFixed(int places) const {
  int64_t n, d;
  if (places >= 0 && places <= kMaxPow10 && num_.ToInt64(&n) && den_.ToInt64(&d)) {
    std::string out;
    if (FormatFixedSmall(n, d, places, &out)) return out;
  }
  const BigInt scaled = ScaledRound(num_, den_, places);
  if (places <= 0) return scaled.ToString();
  std::string digits = scaled.Abs().ToString();
  const size_t p = static_cast<size_t>(places);
  if (digits.size() <= p) digits.insert(0, p + 1 - digits.size(), '0');
  digits.insert(digits.size() - p, 1, '.');
  // A value that rounds to zero prints without a sign.
  return scaled.is_negative() ? "-" + digits : digits;
}

std::string Rational::FormatShort(int places) const {
  std::string s = FormatFixed(places);
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string Rational::ToDecimalString(int max_places) const {
  // den == 2^twos * 5^fives exactly when the value is a finite decimal with
  // max(twos, fives) places.
  int twos = 0, fives = 0;
  int64_t d, n;
  if (den_.ToInt64(&d)) {
    if (d == 1 && num_.ToInt64(&n)) return std::to_string(n);  // an integer, as most are
    twos = __builtin_ctzll(static_cast<uint64_t>(d));
    d >>= twos;
    while (d % 5 == 0) {
      d /= 5;
      ++fives;
    }
    if (d != 1) return FormatShort(max_places);
  } else {
    BigInt rest = den_, q, r;
    for (const int64_t p : {2, 5}) {
      int& count = p == 2 ? twos : fives;
      for (;;) {
        BigInt::DivMod(rest, p, &q, &r);
        if (!r.is_zero()) break;
        rest = std::move(q);
        ++count;
      }
    }
    if (rest != 1) return FormatShort(max_places);
  }
  return FormatShort(std::max(twos, fives));
}

double Rational::ToDouble() const {
  int64_t n, d;
  if (num_.ToInt64(&n) && den_.ToInt64(&d)) return static_cast<double>(n) / static_cast<double>(d);
  // Scale so that the integer quotient has about 20 significant digits; the
  // parts alone may be too large for a double even when the value is not.
  const int shift = 20 - (static_cast<int>(DigitCount(num_)) - static_cast<int>(DigitCount(den_)));
  BigInt q;
  if (shift >= 0) {
    BigInt::DivMod(num_ * Pow10(shift), den_, &q, nullptr);
  } else {
    BigInt::DivMod(num_, den_ * Pow10(-shift), &q, nullptr);
  }
  return q.ToDouble() * std::pow(10.0, -shift);
}

}  // namespace jixiao
