#include "zhpolicy/decimal.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace zhpolicy {

std::optional<Decimal> Decimal::make(bool negative, std::string digits, int64_t exponent) {
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  if (digits.empty() || digits == "0") return Decimal();
  size_t trail = 0;
  while (trail + 1 < digits.size() && digits[digits.size() - 1 - trail] == '0') ++trail;
  digits.resize(digits.size() - trail);
  exponent += static_cast<int64_t>(trail);
  if (digits.size() > kMaxDigits || exponent > kMaxDigits || exponent < -kMaxDigits) {
    return std::nullopt;
  }
  Decimal d;
  d.negative_ = negative;
  d.digits_ = std::move(digits);
  d.exponent_ = static_cast<int32_t>(exponent);
  return d;
}

Decimal Decimal::from_int(int64_t value) {
  const bool negative = value < 0;
  // Through unsigned so that INT64_MIN negates without overflow.
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  return *make(negative, std::to_string(magnitude), 0);
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  std::string digits;
  int64_t exponent = 0;
  bool seen_point = false, seen_digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      seen_digit = true;
      if (seen_point) --exponent;
      if (digits.size() > 2 * static_cast<size_t>(kMaxDigits)) return std::nullopt;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c == ',' && !seen_point) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit) return std::nullopt;
  return make(negative, std::move(digits), exponent);
}

std::string Decimal::to_string() const {
  std::string out = negative_ ? "-" : "";
  const auto n = static_cast<int64_t>(digits_.size());
  if (exponent_ >= 0) {
    out += digits_;
    out.append(static_cast<size_t>(exponent_), '0');
  } else if (-exponent_ < n) {
    out += digits_.substr(0, static_cast<size_t>(n + exponent_));
    out += '.';
    out += digits_.substr(static_cast<size_t>(n + exponent_));
  } else {
    out += "0.";
    out.append(static_cast<size_t>(-exponent_ - n), '0');
    out += digits_;
  }
  return out;
}

double Decimal::to_double() const { return std::strtod(to_string().c_str(), nullptr); }

std::optional<int64_t> Decimal::to_int64() const {
  if (!is_integer() || digits_.size() + static_cast<size_t>(exponent_) > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : digits_) v = v * 10 + (c - '0');
  for (int32_t i = 0; i < exponent_; ++i) v *= 10;
  return negative_ ? -v : v;
}

std::optional<Decimal> Decimal::times_pow10(int32_t power) const {
  if (is_zero()) return *this;
  return make(negative_, digits_, int64_t(exponent_) + power);
}

std::optional<Decimal> Decimal::plus(const Decimal& other) const {
  if (is_zero()) return other;
  if (other.is_zero()) return *this;
  // Align both to the smaller exponent, then add digit strings.
  const int32_t e = std::min(exponent_, other.exponent_);
  std::string a = digits_ + std::string(static_cast<size_t>(exponent_ - e), '0');
  std::string b = other.digits_ + std::string(static_cast<size_t>(other.exponent_ - e), '0');
  if (a.size() < b.size()) std::swap(a, b);
  b.insert(0, a.size() - b.size(), '0');
  std::string sum(a.size() + 1, '0');
  int carry = 0;
  for (size_t i = a.size(); i-- > 0;) {
    const int s = (a[i] - '0') + (b[i] - '0') + carry;
    sum[i + 1] = static_cast<char>('0' + s % 10);
    carry = s / 10;
  }
  sum[0] = static_cast<char>('0' + carry);
  return make(negative_, std::move(sum), e);
}

Decimal Decimal::negated() const {
  Decimal d = *this;
  if (!is_zero()) d.negative_ = !negative_;
  return d;
}

}  // namespace zhpolicy
