// zhpolicy_lexc — compiles jieba's dictionary and HMM tables plus zhpolicy's
// policy lexicon into one .zpl file.
//
//   zhpolicy_lexc --jieba-dict dict.txt --finalseg DIR --units units.tsv [--surnames FILE] [--posseg DIR]
//                 [--words FILE]... [--entities TYPE=FILE]... [--entity-phrases TYPE=FILE]... -o OUT.zpl
//   zhpolicy_lexc --base LEXICON.zpl --entity-model MODEL -o OUT.zpl
//
// --posseg: jieba's part-of-speech HMM folder, stored whole (kPossegHmm).
// --words files use jieba's `word [freq] [tag]` format; --entities files too,
// and every word of them is typed TYPE (government, place, ...). Later files
// override earlier ones for a word listed twice. --entity-phrases files are
// typed the same way but their names, unless already words, stay out of the
// segmentation (entity-only, like slogans): a list too large to vet every
// name against running text (the townships: 化龙桥街道 stays 化龙桥/街道).
//
// The second form copies a compiled lexicon and adds (or replaces) its entity
// model, written by zhpolicy_train_entities from that same lexicon. Words without a frequency get
// the one that keeps them whole against jieba's dictionary (suggest_freq).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "entities/model/entity_model.h"
#include "entities/model/person_name_trainer.h"
#include "entities/person_names.h"
#include "entities/posseg_hmm.h"
#include "lexicon/builder.h"
#include "lexicon/jieba_source.h"
#include "lexicon/lexicon_data.h"
#include "lexicon/word_list.h"
#include "targets/boundary_model.h"
#include "zhpolicy/analyzer.h"
#include "zhpolicy/entities.h"
#include "zhpolicy/error.h"
#include "zhpolicy/lexicon.h"

namespace {

using namespace zhpolicy;
using namespace zhpolicy::internal;

// Writes through a temporary file, so that a failed run leaves no partial lexicon.
void write_lexicon(const std::string& bytes, const std::string& output) {
  const std::string tmp = output + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(ErrorCode::kNotFound, tmp + ": cannot write");
  }
  if (std::rename(tmp.c_str(), output.c_str()) != 0) {
    throw Error(ErrorCode::kNotFound, output + ": cannot rename " + tmp);
  }
}

int usage() {
  std::cerr << "usage: zhpolicy_lexc --jieba-dict FILE --finalseg DIR --units FILE [--surnames FILE] [--posseg DIR]\n"
               "                     [--words FILE]... [--entities TYPE=FILE]... [--entity-phrases TYPE=FILE]... -o OUT\n"
               "       zhpolicy_lexc --base LEXICON.zpl [--entity-model MODEL] [--target-model MODEL] -o OUT\n";
  return 2;
}

int run(int argc, char** argv) {
  std::string jieba_dict, finalseg, posseg, units, surnames, base, entity_model, target_model, output;
  struct WordListArg {
    EntityType type;  // kNone: plain words
    std::string path;
    bool phrases;     // --entity-phrases: entity-only unless already words
  };
  std::vector<WordListArg> lists;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (arg == "--jieba-dict") jieba_dict = value;
    else if (arg == "--finalseg") finalseg = value;
    else if (arg == "--posseg") posseg = value;
    else if (arg == "--units") units = value;
    else if (arg == "--surnames") surnames = value;
    else if (arg == "-o") output = value;
    else if (arg == "--entity-model") entity_model = value;
    else if (arg == "--target-model") target_model = value;
    else if (arg == "--base") base = value;
    else if (arg == "--words") lists.push_back({EntityType::kNone, value, false});
    else if (arg == "--entities" || arg == "--entity-phrases") {
      const size_t eq = value.find('=');
      const auto type = parse_entity_type(value.substr(0, eq == std::string::npos ? 0 : eq));
      if (!type) {
        std::cerr << "zhpolicy_lexc: " << arg << " expects TYPE=FILE with a gold entity type, got '" << value
                  << "'\n";
        return 2;
      }
      lists.push_back({*type, value.substr(eq + 1), arg == "--entity-phrases"});
    } else {
      return usage();
    }
  }
  if (!base.empty() || !entity_model.empty() || !target_model.empty()) {
    if (base.empty() || (entity_model.empty() && target_model.empty()) || output.empty()) return usage();
    std::string bytes(Lexicon::open(base).base_bytes());
    if (!entity_model.empty()) {
      const std::string model = read_file(entity_model);
      EntityModel check(model);  // a clear error for a file that is not a model
      bytes = with_entity_model(bytes, model);
    }
    if (!target_model.empty()) {
      const std::string model = read_file(target_model);
      BoundaryModel check(model);
      bytes = with_section(bytes, format::SectionId::kTargetModel, model);
    }
    write_lexicon(bytes, output);
    const Lexicon lexicon = Lexicon::from_bytes(bytes);
    EntityExtractor validate(lexicon);
    Analyzer validate_targets(lexicon);
    std::cout << "zhpolicy_lexc: wrote " << output << " (" << bytes.size() << " bytes: " << base;
    if (!entity_model.empty()) std::cout << " with the entity model " << entity_model;
    if (!target_model.empty()) std::cout << " with the target model " << target_model;
    std::cout << ")\n";
    return 0;
  }
  if (jieba_dict.empty() || finalseg.empty() || units.empty() || output.empty()) return usage();

  LexiconSource source;
  for (const UserWord& w : parse_word_list(read_file(jieba_dict), jieba_dict)) {
    if (!w.freq) {
      throw Error(ErrorCode::kBadFormat, jieba_dict + ": word '" + w.word + "' has no frequency");
    }
    source.entries.push_back({w.word, *w.freq, w.tag, 0});
  }
  source.hmm = read_finalseg(finalseg);
  source.units_tsv = read_file(units);
  if (!surnames.empty()) {
    // Comment lines are dropped; the rest is white-space separated.
    const std::string text = read_file(surnames);
    size_t pos = 0;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string::npos) eol = text.size();
      if (text[pos] != '#') source.surnames += text.substr(pos, eol - pos) + "\n";
      pos = eol + 1;
    }
  }
  source.sources = "jieba dict: " + jieba_dict + "\njieba finalseg: " + finalseg + "\n";
  if (!posseg.empty()) source.sources += "jieba posseg: " + posseg + "\n";

  // Person names are learned from jieba's words and tags alone (the policy
  // lists type few names).
  std::vector<std::pair<std::string, std::string>> jieba_tags;
  jieba_tags.reserve(source.entries.size());
  for (const LexiconEntry& e : source.entries) jieba_tags.emplace_back(e.word, e.tag);
  PersonNameReport names;
  const std::string person_names = train_person_names(jieba_tags, source.surnames, &names);

  // Frequencies for policy words are suggested against jieba's lexicon alone.
  const Lexicon jieba = Lexicon::from_bytes(build_lexicon(source));
  std::vector<UserWord> policy;
  std::vector<bool> from_phrase_list;  // per policy entry
  for (const auto& [type, path, phrases] : lists) {
    for (UserWord w : parse_word_list(read_file(path), path)) {
      w.entity = type;
      policy.push_back(std::move(w));
      from_phrase_list.push_back(phrases);
    }
    source.sources += "policy list: " + path + "\n";
  }
  const Lexicon layered = jieba.with_user_words(policy);
  // Names (places, bodies, people, titles ...) are words of the segmentation
  // lexicon too, with their type; slogans and meetings that are not already
  // words (党的二十大, 碳达峰碳中和) are entity-only phrases: segmentation
  // keeps to words there. So are the names of --entity-phrases lists that no
  // other list makes a word.
  auto phrase = [&](size_t k) {
    const EntityType type = policy[k].entity;
    return from_phrase_list[k] || type == EntityType::kSlogan || type == EntityType::kMeeting;
  };
  std::unordered_set<std::string> words;
  for (const auto& e : source.entries) words.insert(e.word);
  for (size_t k = 0; k < policy.size(); ++k) {
    if (!phrase(k)) words.insert(policy[k].word);
  }
  for (size_t k = 0; k < policy.size(); ++k) {
    const UserWord& w = policy[k];
    const auto info = layered.lookup(w.word);
    LexiconEntry entry{w.word, info->freq, w.tag.empty() ? info->tag : w.tag,
                       static_cast<uint8_t>(w.entity), false};
    entry.entity_only = phrase(k) && !words.count(w.word);
    source.entries.push_back(std::move(entry));
  }
  std::string bytes = build_lexicon(source);
  if (!person_names.empty()) bytes = with_section(bytes, format::SectionId::kPersonNames, person_names);
  const std::string posseg_hmm = posseg.empty() ? std::string() : build_posseg_hmm(read_posseg_hmm(posseg));
  if (!posseg_hmm.empty()) bytes = with_section(bytes, format::SectionId::kPossegHmm, posseg_hmm);
  const Lexicon written = Lexicon::from_bytes(bytes);  // validate what we are about to write
  if (!person_names.empty()) PersonNameModel check_names(written.data().base.person_names());
  if (!posseg.empty()) PossegHmm check_posseg(written.data().base.posseg_hmm());
  write_lexicon(bytes, output);
  std::cout << "zhpolicy_lexc: wrote " << output << " (" << bytes.size() << " bytes, "
            << written.base_size() << " words, " << policy.size()
            << " policy entries; ";
  if (person_names.empty()) {
    std::cout << "no person names learned: no surnames or no tagged names)\n";
  } else {
    std::cout << "person names learned from " << names.names << " names and " << names.other_words
              << " other words)\n";
  }
  if (!posseg_hmm.empty()) {
    std::cout << "zhpolicy_lexc: jieba's part-of-speech HMM from " << posseg << ": " << posseg_hmm.size()
              << " bytes\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "zhpolicy_lexc: " << e.what() << "\n";
    return 1;
  }
}
