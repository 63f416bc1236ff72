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
  py::class_<PieceContext>(m, "PieceContext", R"doc(
What the pieces of a text analyzed so far tell the next piece: a report's
sections (title line, numbered headings, the section the last piece ended
in), which give targets their modality. Start each text with PieceContext();
Analyzer.analyze_parts(piece, context) updates it, Analyzer.skip_piece
updates it without analyzing (to analyze pieces in parallel, each from a
copy of the context it starts in).

>>> import zhpolicy
>>> a, context = zhpolicy.Analyzer(), zhpolicy.PieceContext()
>>> parts = a.analyze_parts("渝中区2025年政府工作要点\n", context)
>>> later = a.analyze_parts("一、全年地区生产总值增长6%\n", context)
>>> [t.modality for t in later[4]]
['target']
>>> context == zhpolicy.PieceContext(), context.copy() == context
(False, True)
)doc")
      .def(py::init<>())
      .def("copy", [](const PieceContext& c) { return c; }, R"doc(
An independent copy (the context a piece starts in, kept while the original
moves on).

>>> import zhpolicy
>>> start = zhpolicy.PieceContext()
>>> moved = start.copy()
>>> zhpolicy.Analyzer().skip_piece("渝中区2025年政府工作要点\n", moved)
>>> start == zhpolicy.PieceContext(), moved == start
(True, False)
)doc")
      .def("__copy__", [](const PieceContext& c) { return c; })
      .def("__eq__", [](const PieceContext& a, const PieceContext& b) { return a == b; })
      .def("__repr__", [](const PieceContext& c) {
        return c == PieceContext() ? std::string("PieceContext(start of a text)") : std::string("PieceContext(...)");
      });

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
           [](const Analyzer& a, const py::str& text, PieceContext* context) {
             const std::string_view utf8 = utf8_view(text);
             Document doc;
             {
               py::gil_scoped_release release;
               doc = context ? a.analyze_piece(utf8, *context) : a.analyze(utf8);
             }
             return to_py_parts(text, utf8, doc);
           },
           py::arg("text"), py::arg("context") = nullptr, R"doc(
(tokens, numbers, entities, links, targets) of `text`; with a PieceContext,
`text` is the next piece of a longer text and the context is updated.

>>> import zhpolicy
>>> parts = zhpolicy.Analyzer(zhpolicy.default_lexicon()).analyze_parts("区委书记赵世庆")
>>> [(p.text, rel, t.text) for p, rel, t in parts[3]]
[('赵世庆', 'holds_position', '区委书记')]
)doc")
      .def("analyze_parts_many",
           [](const Analyzer& a, const py::iterable& texts, unsigned n_threads, const py::object& contexts) {
             const PyTexts in(texts);
             const bool pieces = !contexts.is_none();
             std::vector<PieceContext> starts;
             if (pieces) starts = contexts.cast<std::vector<PieceContext>>();
             std::vector<Document> docs;
             {
               py::gil_scoped_release release;
               docs = pieces ? a.analyze_pieces(in.views, starts, n_threads) : a.analyze_many(in.views, n_threads);
             }
             py::list out(docs.size());
             for (size_t i = 0; i < docs.size(); ++i) out[i] = to_py_parts(in.strs[i], in.views[i], docs[i]);
             return out;
           },
           py::arg("texts"), py::arg("n_threads") = 0, py::arg("contexts") = py::none(), R"doc(
analyze_parts() of each text on n_threads threads (0: all cores), GIL released.
With `contexts` (a PieceContext per text, not changed), each text is a piece
analyzed from its context (skip_piece gives the context a piece starts in).

>>> import zhpolicy
>>> many = zhpolicy.Analyzer(zhpolicy.default_lexicon()).analyze_parts_many(["区政协", "新增5家"], n_threads=2)
>>> [len(parts[2]) for parts in many], [len(parts[1]) for parts in many]
([1, 0], [0, 1])
)doc")
      .def("skip_piece",
           [](const Analyzer& a, const py::str& text, PieceContext& context) {
             const std::string_view utf8 = utf8_view(text);
             py::gil_scoped_release release;
             a.skip_piece(utf8, context);
           },
           py::arg("text"), py::arg("context"), R"doc(
Updates `context` as analyze_parts(text, context) would, without analyzing
(the piece's lines are read for headings): the context the next piece
starts in.

>>> import zhpolicy
>>> a, context = zhpolicy.Analyzer(), zhpolicy.PieceContext()
>>> a.skip_piece("渝中区2025年政府工作要点\n", context)
>>> [t.modality for t in a.analyze_parts_many(["一、全年增长6%\n"], contexts=[context])[0][4]]
['target']
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
