// zhpolicy/error.h — the one exception type thrown by loading and building.
//
// Loading a lexicon, a user dictionary or a rule file can fail and throws
// zhpolicy::Error. Analysis (segment, numbers, entities, analyze) is total: it
// accepts any byte string and never throws zhpolicy::Error, except for the
// explicit strict-UTF-8 option and inputs of 4 GiB or more (offsets are 32-bit).
#ifndef ZHPOLICY_ERROR_H_
#define ZHPOLICY_ERROR_H_

#include <stdexcept>
#include <string>

namespace zhpolicy {

enum class ErrorCode {
  kNotFound,         // a file does not exist or cannot be opened
  kBadFormat,        // a file exists but its content is malformed
  kVersionMismatch,  // a compiled lexicon from another format version
  kInvalidArgument,  // an argument that the function cannot accept
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_ERROR_H_
