// Binds zhpolicy/lexicon.h and zhpolicy/entity_type.h.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.h"
#include "zhpolicy/error.h"
#include "zhpolicy/lexicon.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

// Accepts "word", (word,), (word, freq), (word, freq, tag) or
// (word, freq, tag, entity_type) where freq may be None, or a UserWord.
UserWord to_user_word(const py::handle& item) {
  if (py::isinstance<UserWord>(item)) return item.cast<UserWord>();
  if (py::isinstance<py::str>(item)) return UserWord{item.cast<std::string>(), {}, "", {}};
  if (!py::isinstance<py::tuple>(item) && !py::isinstance<py::list>(item)) {
    throw Error(ErrorCode::kInvalidArgument,
                "a user word is a str or a tuple (word, freq, tag, entity_type)");
  }
  const py::sequence seq = py::reinterpret_borrow<py::sequence>(item);
  if (seq.size() < 1 || seq.size() > 4) {
    throw Error(ErrorCode::kInvalidArgument, "a user word tuple has 1 to 4 items");
  }
  UserWord w;
  w.word = seq[0].cast<std::string>();
  if (seq.size() > 1 && !seq[1].is_none()) {
    const long long f = seq[1].cast<long long>();
    if (f < 1 || f > 0xFFFFFFFFll) {
      throw Error(ErrorCode::kInvalidArgument, "user word '" + w.word + "': freq must be in [1, 2^32)");
    }
    w.freq = static_cast<uint32_t>(f);
  }
  if (seq.size() > 2 && !seq[2].is_none()) w.tag = seq[2].cast<std::string>();
  if (seq.size() > 3 && !seq[3].is_none()) {
    const std::string name = seq[3].cast<std::string>();
    const auto type = parse_entity_type(name);
    if (!type) throw Error(ErrorCode::kInvalidArgument, "unknown entity type '" + name + "'");
    w.entity = *type;
  }
  return w;
}

}  // namespace

void bind_lexicon(py::module_& m) {
  py::class_<UserWord>(m, "UserWord", R"doc(
A word to add to a lexicon (Lexicon.with_user_words takes these, str or tuples).

>>> import zhpolicy
>>> zhpolicy.UserWord("智融惠畅", 10, "nz").word
'智融惠畅'
)doc")
      .def(py::init([](std::string word, std::optional<uint32_t> freq, std::string tag) {
             return UserWord{std::move(word), freq, std::move(tag), EntityType::kNone};
           }),
           py::arg("word"), py::arg("freq") = py::none(), py::arg("tag") = "")
      .def_readonly("word", &UserWord::word)
      .def_readonly("freq", &UserWord::freq)
      .def_readonly("tag", &UserWord::tag)
      .def("__repr__", [](const UserWord& w) {
        return "UserWord(" + py::repr(py::str(w.word)).cast<std::string>() + ", freq=" +
               (w.freq ? std::to_string(*w.freq) : std::string("None")) + ", tag=" +
               py::repr(py::str(w.tag)).cast<std::string>() + ")";
      });

  py::class_<WordInfo>(m, "WordInfo", R"doc(
What a lexicon knows of one word: frequency, part-of-speech tag, entity type.

>>> import zhpolicy
>>> info = zhpolicy.default_lexicon().lookup("渝中区")
>>> info.tag, info.entity_type
('ns', 'place')
)doc")
      .def_readonly("freq", &WordInfo::freq)
      .def_readonly("tag", &WordInfo::tag)
      .def_property_readonly("entity_type", [](const WordInfo& w) -> py::object {
        if (w.entity == EntityType::kNone) return py::none();
        return py::str(std::string(to_string(w.entity)));
      })
      .def("__repr__", [](const WordInfo& w) {
        return "WordInfo(freq=" + std::to_string(w.freq) + ", tag='" + w.tag + "')";
      });

  py::class_<Lexicon>(m, "Lexicon", R"doc(
A compiled, immutable lexicon (.zpl). Copies share the data; safe across threads.

>>> import zhpolicy
>>> lex = zhpolicy.default_lexicon()
>>> lex.lookup("政府工作报告").freq > 0
True
)doc")
      .def_static("open", &Lexicon::open, py::arg("path"),
                  py::call_guard<py::gil_scoped_release>(),
                  R"doc(
Maps a compiled lexicon file; raises zhpolicy.Error if it is not one.

>>> import zhpolicy
>>> zhpolicy.Lexicon.open(zhpolicy.default_lexicon_path()).base_size > 300000
True
)doc")
      .def_static("from_bytes",
                  [](const py::bytes& b) { return Lexicon::from_bytes(std::string(b)); },
                  py::arg("data"), R"doc(
A lexicon from the bytes of a .zpl file.

>>> import zhpolicy
>>> lex = zhpolicy.Lexicon.from_bytes(zhpolicy.default_lexicon().base_bytes())
>>> lex.checksum == zhpolicy.default_lexicon().checksum
True
)doc")
      .def("with_user_words",
           [](const Lexicon& lex, const py::iterable& words) {
             std::vector<UserWord> v;
             for (const py::handle& item : words) v.push_back(to_user_word(item));
             py::gil_scoped_release release;
             return lex.with_user_words(v);
           },
           py::arg("words"), R"doc(
A NEW lexicon with `words` added; this one is unchanged. Each word is a str,
a tuple (word, freq, tag, entity_type) with trailing items optional, or a
UserWord. Without freq, a word gets the smallest frequency that keeps it whole.

>>> import zhpolicy
>>> lex = zhpolicy.default_lexicon().with_user_words([("渝中区委", None, "nt")])
>>> zhpolicy.Segmenter(lex).cut("民革渝中区委")
['民革', '渝中区委']
)doc")
      .def("with_user_dict", &Lexicon::with_user_dict, py::arg("path"),
           py::call_guard<py::gil_scoped_release>(),
           R"doc(
A NEW lexicon with the words of a jieba-format file (`word [freq] [tag]` per line).

>>> import zhpolicy, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "user.txt")
>>> _ = open(path, "w", encoding="utf-8").write("智融惠畅 10 nz\n")
>>> zhpolicy.Segmenter(zhpolicy.default_lexicon().with_user_dict(path)).cut("实施智融惠畅工程")
['实施', '智融惠畅', '工程']
)doc")
      .def("with_entity_dict", &Lexicon::with_entity_dict, py::arg("path"),
           py::call_guard<py::gil_scoped_release>(),
           R"doc(
A NEW lexicon with the entity terms of a file (`term type [freq]` per line).

>>> import zhpolicy, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "terms.txt")
>>> _ = open(path, "w", encoding="utf-8").write("渝事好商量 slogan\n")
>>> lex = zhpolicy.default_lexicon().with_entity_dict(path)
>>> [(e.text, e.type) for e in zhpolicy.EntityExtractor(lex).extract("打造渝事好商量品牌")]
[('渝事好商量', 'slogan')]
)doc")
      .def("lookup", &Lexicon::lookup, py::arg("word"),
           R"doc(
The WordInfo of `word`, or None if the lexicon does not have it.

>>> import zhpolicy
>>> zhpolicy.default_lexicon().lookup("不是一个词语吧") is None
True
)doc")
      .def_property_readonly("base_size", &Lexicon::base_size)
      .def_property_readonly("user_words", &Lexicon::user_words)
      .def_property_readonly("checksum", &Lexicon::checksum)
      .def_property_readonly("path", &Lexicon::path)
      .def("base_bytes",
           [](const Lexicon& lex) {
             const auto b = lex.base_bytes();
             return py::bytes(b.data(), b.size());
           },
           R"doc(
The compiled base lexicon's bytes (for pickling or saving).

>>> import zhpolicy
>>> zhpolicy.default_lexicon().base_bytes()[:4]
b'ZHPL'
)doc")
      // Pickle (for processes and Dask workers): a lexicon opened from a file
      // travels as (path, checksum) and is re-opened by path, refusing a file
      // whose checksum differs; one built from bytes travels as its bytes.
      // User words travel as tuples and are layered again.
      .def(py::pickle(
          [](const Lexicon& lex) {
            py::list words;
            for (const UserWord& w : lex.user_words()) {
              words.append(py::make_tuple(w.word, w.freq ? py::object(py::int_(*w.freq)) : py::object(py::none()),
                                          w.tag,
                                          w.entity == EntityType::kNone ? py::object(py::none())
                                                                        : py::object(py::str(std::string(to_string(w.entity))))));
            }
            py::object base = lex.path().empty()
                                  ? py::object(py::bytes(lex.base_bytes().data(), lex.base_bytes().size()))
                                  : py::object(py::make_tuple(lex.path(), lex.checksum()));
            return py::make_tuple(1, base, words);
          },
          [](const py::tuple& state) {
            if (state.size() != 3 || state[0].cast<int>() != 1) {
              throw Error(ErrorCode::kVersionMismatch, "unsupported pickled zhpolicy.Lexicon");
            }
            Lexicon lex = [&] {
              if (py::isinstance<py::bytes>(state[1])) return Lexicon::from_bytes(state[1].cast<std::string>());
              const auto where = state[1].cast<std::pair<std::string, uint64_t>>();
              Lexicon opened = Lexicon::open(where.first);
              if (opened.checksum() != where.second) {
                throw Error(ErrorCode::kVersionMismatch,
                            where.first + ": the lexicon file differs from the pickled one (checksum)");
              }
              return opened;
            }();
            std::vector<UserWord> words;
            for (const py::handle& w : state[2].cast<py::list>()) words.push_back(to_user_word(w));
            return words.empty() ? lex : lex.with_user_words(words);
          }))
      .def("__repr__", [](const Lexicon& lex) {
        return "<zhpolicy.Lexicon " + std::to_string(lex.base_size()) + " words" +
               (lex.user_words().empty() ? std::string()
                                         : " + " + std::to_string(lex.user_words().size()) +
                                               " user words") +
               (lex.path().empty() ? std::string() : " from " + lex.path()) + ">";
      });
}

}  // namespace python
}  // namespace zhpolicy
