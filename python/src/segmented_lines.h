// python/src/segmented_lines.h — what `zhpolicy segment` writes, built in
// C++: the words of each line separated by single spaces, one output line
// per input line, from a string or straight from a file to a descriptor.
#ifndef ZHPOLICY_PYTHON_SEGMENTED_LINES_H_
#define ZHPOLICY_PYTHON_SEGMENTED_LINES_H_

#include <string>
#include <string_view>
#include <system_error>

#include "zhpolicy/segmenter.h"

namespace zhpolicy {
namespace python {

// Writing the output failed (the input was read).
struct OutputError : std::system_error {
  using std::system_error::system_error;
};

// The words of each line of `utf8` (lines split at \n, a \r before it
// dropped, no line after a final \n; white space dropped).
std::string segmented_lines(const Segmenter& seg, std::string_view utf8, SegmentMode mode, unsigned n_threads);

// segmented_lines() of the file at `path`, written to descriptor `fd` in
// pieces of at most a few MB of input (memory does not grow with the file):
// a regular file is mapped, not read into a buffer (anything else, a pipe,
// is read whole). A file truncated by another process while it is read
// ends the process with SIGBUS, as any mapped read does. Returns the byte offset of
// the first ill-formed UTF-8 sequence, having written nothing, or -1 when
// the file is UTF-8 and was written. Throws std::system_error when the file
// cannot be read, OutputError when the output cannot be written.
long long segment_file_to(const Segmenter& seg, const std::string& path, int fd, SegmentMode mode,
                          unsigned n_threads);

}  // namespace python
}  // namespace zhpolicy

#endif  // ZHPOLICY_PYTHON_SEGMENTED_LINES_H_
