# cmake -DINPUT=file -DOUTPUT=file.inc -DNAME=kName -P zhpolicyEmbed.cmake
# Writes `constexpr std::string_view NAME = R"zpl(...)zpl";` with the bytes of
# INPUT: small data files of the source tree compiled into the library.
file(READ ${INPUT} _content)
string(FIND "${_content}" ")zpl\"" _clash)
if(NOT _clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} holds the raw-string delimiter )zpl\" and cannot be embedded")
endif()
file(WRITE ${OUTPUT}.tmp "// Generated from ${INPUT} by cmake/zhpolicyEmbed.cmake; do not edit.\n"
  "constexpr std::string_view ${NAME} = R\"zpl(${_content})zpl\";\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
