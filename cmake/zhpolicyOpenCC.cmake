# Finds OpenCC (Traditional -> Simplified) and sets zhpolicy_opencc_target.
# Debian's libopencc-dev ships opencc.pc only; its data (t2s.json and the
# dictionaries) is libopencc-data, which the library needs at run time.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ZHPOLICY_OPENCC IMPORTED_TARGET opencc)
if(NOT ZHPOLICY_OPENCC_FOUND)
  message(FATAL_ERROR "OpenCC not found: zhpolicy folds Traditional Chinese into Simplified with it. "
                      "Install it with 'apt-get install libopencc-dev libopencc-data'")
endif()
set(zhpolicy_opencc_target PkgConfig::ZHPOLICY_OPENCC)
