# Finds re2 and sets zhpolicy_re2_target. Upstream re2 ships a CMake package;
# Debian's libre2-dev ships only re2.pc, so fall back to pkg-config.
find_package(re2 CONFIG QUIET)
if(TARGET re2::re2)
  set(zhpolicy_re2_target re2::re2)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(ZHPOLICY_RE2 REQUIRED IMPORTED_TARGET re2)
  set(zhpolicy_re2_target PkgConfig::ZHPOLICY_RE2)
endif()
