// src/util/cpu.h — which vector instructions the CPU running us has, for the
// few loops built twice: for the baseline the library is compiled for
// (x86-64: SSE2) and, where the CPU has it, AVX2, chosen at run time.
#ifndef ZHPOLICY_SRC_UTIL_CPU_H_
#define ZHPOLICY_SRC_UTIL_CPU_H_

// Whether this build has the AVX2 variants (x86-64 with GCC or Clang).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ZHPOLICY_AVX2_VARIANTS 1
#define ZHPOLICY_TARGET_AVX2 __attribute__((target("avx2")))
#else
#define ZHPOLICY_AVX2_VARIANTS 0
#endif

namespace zhpolicy {
namespace internal {

// Whether the CPU has AVX2 (asked once; false where there are no variants).
inline bool cpu_has_avx2() {
#if ZHPOLICY_AVX2_VARIANTS
  // (__builtin_cpu_init first: this may run before libgcc's constructor.)
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
#else
  return false;
#endif
}

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_UTIL_CPU_H_
