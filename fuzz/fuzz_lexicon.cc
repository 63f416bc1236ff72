// Lexicon::from_bytes on corrupted lexicons: a small compiled lexicon with the
// shipped entity model and a small part-of-speech HMM, changed where the input says (bytes flipped, cut
// short, the checksum re-sealed or not), loads with a clear Error or gives a
// lexicon whose segmenter and extractors still keep their invariants.
//
// Input: a flags byte (1: re-seal the checksum so the sections are parsed;
// 2: cut the file at the first offset), then (offset: 4 bytes, xor: 1 byte)
// records.
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "entities/posseg_hmm.h"
#include "invariants.h"
#include "lexicon/builder.h"
#include "lexicon/format.h"

using namespace zhpolicy;

namespace {

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::string& base_bytes() {
  static const std::string bytes = [] {
    internal::LexiconSource source;
    source.entries = {{"政协", 800, "nt", 0},         {"区政协", 300, "nt", 1},  {"重庆", 900, "ns", 6},
                      {"渝中区", 200, "ns", 6},       {"委员", 500, "n", 0},     {"会议", 700, "n", 0},
                      {"万元", 100, "m", 0},          {"政府工作报告", 50, "nz", 8}};
    source.hmm.start = {-0.3f, -3.0f, -3.0f, -1.2f};
    source.hmm.trans.fill(-1.0f);
    source.hmm.emit = {{U'政', {-5, -5, -5, -5}}, {U'协', {-6, -6, -6, -6}}};
    source.units_tsv = read_file(ZHPOLICY_FUZZ_UNITS);
    source.surnames = "王 李 张\n";
    // A name's first and last character and a verb (王伟表示 of the text below).
    internal::PossegTables posseg;
    posseg.states = {{'B', "nr"}, {'E', "nr"}, {'S', "v"}};
    posseg.start = {-0.5, -3.14e100, -1.0};
    posseg.trans = {{{1, 0.0}}, {{2, -0.1}}, {{0, -0.7}, {2, -0.7}}};
    posseg.emit = {{{U'王', -0.1}}, {{U'伟', -0.2}}, {{U'表', -0.1}}};
    posseg.allowed = {{U'王', {0}}, {U'伟', {1}}, {U'表', {2}}};
    const std::string with_model =
        internal::with_entity_model(internal::build_lexicon(source), read_file(ZHPOLICY_FUZZ_MODEL));
    return internal::with_section(with_model, internal::format::SectionId::kPossegHmm,
                                  internal::build_posseg_hmm(posseg));
  }();
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string bytes = base_bytes();
  const uint8_t flags = data[0];
  for (size_t at = 1; at + 5 <= size; at += 5) {
    uint32_t offset;
    std::memcpy(&offset, data + at, 4);
    offset %= static_cast<uint32_t>(bytes.size());
    if ((flags & 2) && at == 1) {
      bytes.resize(offset);
      if (bytes.empty()) break;
      continue;
    }
    bytes[offset] = static_cast<char>(bytes[offset] ^ data[at + 4]);
  }
  namespace fmt = internal::format;
  if ((flags & 1) && bytes.size() >= sizeof(fmt::FileHeader)) fmt::reseal(bytes);
  try {
    const Lexicon lex = Lexicon::from_bytes(bytes);
    const std::string text = "重庆市渝中区政协委员在区政协十五届二次会议上,建议投入5000万元。王伟表示赞同。";
    zhpolicy_fuzz::check_tiles(text, Segmenter(lex).segment(text));
    const Document doc = Analyzer(lex).analyze(text);
    zhpolicy_fuzz::check_numbers(text, doc.numbers());
    zhpolicy_fuzz::check_entities(text, Entities{doc.entities(), doc.relations()});
    lex.lookup("政协");
  } catch (const Error& e) {
    zhpolicy_fuzz::require(e.code() == ErrorCode::kBadFormat || e.code() == ErrorCode::kVersionMismatch,
                           "a broken lexicon is kBadFormat or kVersionMismatch");
  }
  return 0;
}
