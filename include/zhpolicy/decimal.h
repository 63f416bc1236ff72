// zhpolicy/decimal.h — exact decimal values (1450亿 is exactly 145000000000).
#ifndef ZHPOLICY_DECIMAL_H_
#define ZHPOLICY_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "zhpolicy/export.h"

namespace zhpolicy {

// value = (-1)^negative × digits × 10^exponent, exactly. `digits` has no
// leading or trailing zeros (zero is "0" with exponent 0 and no sign), so equal
// values have equal representations. Values are limited to kMaxDigits
// significant digits and |exponent| <= kMaxDigits; operations that would go
// beyond return nullopt.
class ZHPOLICY_API Decimal {
 public:
  static constexpr int kMaxDigits = 400;

  Decimal() = default;  // 0
  static Decimal from_int(int64_t value);
  // Plain decimal notation: "145000000000", "-12.5", "0.3333333"; ASCII digits
  // with optional ',' group separators. nullopt if malformed or too long.
  static std::optional<Decimal> parse(std::string_view text);

  bool negative() const { return negative_; }
  bool is_zero() const { return digits_ == "0"; }
  bool is_integer() const { return exponent_ >= 0; }
  const std::string& digits() const { return digits_; }
  int32_t exponent() const { return exponent_; }

  // Plain notation without exponent: "145000000000", "12.5", "-0.001".
  std::string to_string() const;
  double to_double() const;
  // The value as int64 if it is an integer that fits.
  std::optional<int64_t> to_int64() const;

  // Exact arithmetic; nullopt when the result would exceed the limits.
  std::optional<Decimal> times_pow10(int32_t power) const;
  std::optional<Decimal> plus(const Decimal& other) const;  // both non-negative
  Decimal negated() const;

  friend bool operator==(const Decimal& a, const Decimal& b) {
    return a.negative_ == b.negative_ && a.exponent_ == b.exponent_ && a.digits_ == b.digits_;
  }
  friend bool operator!=(const Decimal& a, const Decimal& b) { return !(a == b); }

 private:
  static std::optional<Decimal> make(bool negative, std::string digits, int64_t exponent);
  bool negative_ = false;
  std::string digits_ = "0";
  int32_t exponent_ = 0;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_DECIMAL_H_
