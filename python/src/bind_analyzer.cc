// Binds zhpolicy/analyzer.h: one pass, results as Python lists; the
// pure-Python zhpolicy.Document wraps them.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.h"
#include "offsets.h"
#include "zhpolicy/analyzer.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

py::tuple to_py_parts(const py::str& text, std::string_view utf8, const Document& doc) {
  const CharOffsets chars(utf8);  // one byte-to-character map for all four lists
  py::object entities = to_py_entity_list(text, chars, doc.entities());
  py::list links;
  for (const Relation& rel : doc.relations()) {
    links.append(py::make_tuple(entities[py::int_(rel.head)], std::string(to_string(rel.type)),
                                entities[py::int_(rel.tail)]));
  }
  py::object numbers = to_py_number_list(text, chars, doc.numbers());
  return py::make_tuple(to_py_token_list(text, chars, doc.tokens()), numbers, entities, links,
                        to_py_targets(text, chars, doc.targets(), numbers));
}

}  // namespace

void bind_analyzer(py::module_& m) {
  py::class_<Analyzer>(m, "Analyzer", R"doc(
Tokens, numbers, entities and targets in one pass (one segmentation). Immutable and
safe to share between threads. zhpolicy.analyze() wraps the parts in a Document.

>>> import zhpolicy
>>> analyzer = zhpolicy.Analyzer(zhpolicy.default_lexicon(), entity_tokens=True)
>>> tokens, numbers, entities, links, targets = analyzer.analyze_parts("民革渝中区委建议新增5家")
>>> [t.text for t in tokens][:2], [n.text for n in numbers]
(['民革渝中区委', '建议'], ['5家'])
)doc")
      .def(py::init([](const py::object& lexicon, bool hmm, bool entity_tokens, bool entity_model, bool targets) {
             AnalyzerOptions o;
             o.segmenter.hmm = hmm;
             o.entity_tokens = entity_tokens;
             o.entities.model = entity_model;
             o.targets = targets;
             return Analyzer(lexicon_or_default(lexicon), o);
           }),
           py::arg("lexicon") = py::none(), py::arg("hmm") = true, py::arg("entity_tokens") = false,
           py::arg("entity_model") = true, py::arg("targets") = true,
           "entity_model=False: entities from the rules and typed terms alone, without the learned model (faster); "
           "targets=False: no targets (Document.targets empty).")
      .def("analyze_parts",
           [](const Analyzer& a, const py::str& text) {
             const std::string_view utf8 = utf8_view(text);
             Document doc;
             {
               py::gil_scoped_release release;
               doc = a.analyze(utf8);
             }
             return to_py_parts(text, utf8, doc);
           },
           py::arg("text"), R"doc(
(tokens, numbers, entities, links, targets) of `text`.

>>> import zhpolicy
>>> parts = zhpolicy.Analyzer(zhpolicy.default_lexicon()).analyze_parts("区委书记赵世庆")
>>> [(p.text, rel, t.text) for p, rel, t in parts[3]]
[('赵世庆', 'holds_position', '区委书记')]
)doc")
      .def("analyze_parts_many",
           [](const Analyzer& a, const py::iterable& texts, unsigned n_threads) {
             const PyTexts in(texts);
             std::vector<Document> docs;
             {
               py::gil_scoped_release release;
               docs = a.analyze_many(in.views, n_threads);
             }
             py::list out(docs.size());
             for (size_t i = 0; i < docs.size(); ++i) out[i] = to_py_parts(in.strs[i], in.views[i], docs[i]);
             return out;
           },
           py::arg("texts"), py::arg("n_threads") = 0, R"doc(
analyze_parts() of each text on n_threads threads (0: all cores), GIL released.

>>> import zhpolicy
>>> many = zhpolicy.Analyzer(zhpolicy.default_lexicon()).analyze_parts_many(["区政协", "新增5家"], n_threads=2)
>>> [len(parts[2]) for parts in many], [len(parts[1]) for parts in many]
([1, 0], [0, 1])
)doc")
      .def_property_readonly("lexicon", &Analyzer::lexicon)
      .def(py::pickle(
          [](const Analyzer& a) {
            return py::make_tuple(a.lexicon(), a.options().segmenter.hmm, a.options().entity_tokens,
                                  a.options().entities.model, a.options().targets);
          },
          [](const py::tuple& t) {
            AnalyzerOptions o;
            o.segmenter.hmm = t[1].cast<bool>();
            o.entity_tokens = t[2].cast<bool>();
            o.entities.model = t.size() > 3 ? t[3].cast<bool>() : true;
            o.targets = t.size() > 4 ? t[4].cast<bool>() : true;
            return Analyzer(t[0].cast<Lexicon>(), o);
          }));
}

}  // namespace python
}  // namespace zhpolicy
