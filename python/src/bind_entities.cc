// Binds zhpolicy/entity.h and zhpolicy/entities.h with character offsets.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.h"
#include "offsets.h"
#include "zhpolicy/entities.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

struct PyEntity {
  py::str text;
  uint32_t start, end;
  EntityType type;
  float score;
  EntitySource source;
};


Entities extract_nogil(const EntityExtractor& ex, std::string_view utf8) {
  py::gil_scoped_release release;
  return ex.extract(utf8);
}

}  // namespace

py::object to_py_entity(const py::str& text, uint32_t start, uint32_t end, const Entity& entity) {
  PyObject* sub = substring(text.ptr(), start, end);
  if (!sub) throw py::error_already_set();
  return py::cast(PyEntity{py::reinterpret_steal<py::str>(sub), start, end, entity.type, entity.score,
                           entity.source});
}

py::list to_py_entities(const py::str& text, const CharOffsets& chars, const std::vector<Entity>& entities) {
  py::list out(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    out[i] = to_py_entity(text, chars(entities[i].span.begin), chars(entities[i].span.end), entities[i]);
  }
  return out;
}

void bind_entities(py::module_& m) {
  py::class_<PyEntity>(m, "Entity", R"doc(
An entity mention: text == source[start:end], type is a gold type name.

>>> import zhpolicy
>>> e = zhpolicy.entities("走进解放碑")[0]
>>> e.text, e.start, e.end, e.type
('解放碑', 2, 5, 'place')
>>> e.source, 0 < e.score <= 1
('lexicon', True)

score (0-1) is how sure the extractor is: for persons, places, bodies,
organizations, companies and positions the learned model's probability of
this span and type; for meetings, documents and slogans the precision their
rules had on the training data. source is "rule" (a composition rule),
"lexicon" (a typed term) or "model" (found by the model alone).
)doc")
      .def_readonly("text", &PyEntity::text)
      .def_readonly("start", &PyEntity::start)
      .def_readonly("end", &PyEntity::end)
      .def_property_readonly("type", [](const PyEntity& e) { return std::string(to_string(e.type)); })
      .def_readonly("score", &PyEntity::score)
      .def_property_readonly("source", [](const PyEntity& e) { return std::string(to_string(e.source)); })
      .def("to_dict",
           [](const PyEntity& e) {
             py::dict d;
             d["text"] = e.text;
             d["start"] = e.start;
             d["end"] = e.end;
             d["type"] = std::string(to_string(e.type));
             d["score"] = e.score;
             d["source"] = std::string(to_string(e.source));
             return d;
           },
           R"doc(
The entity in the gold schema, plus its score and source, as a plain dict.

>>> import zhpolicy
>>> d = zhpolicy.entities("区政协")[0].to_dict()
>>> d["text"], d["start"], d["end"], d["type"], d["source"]
('区政协', 0, 3, 'government', 'lexicon')
)doc")
      .def("__repr__", [](const PyEntity& e) {
        return "Entity(" + py::repr(e.text).cast<std::string>() + ", " + std::string(to_string(e.type)) + ")";
      })
      // Equal when every field is (so a pickled Document compares equal to
      // the original); hashed by span, text and type.
      .def("__eq__",
           [](const PyEntity& a, const py::object& other) -> py::object {
             if (!py::isinstance<PyEntity>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             const PyEntity& b = other.cast<const PyEntity&>();
             return py::bool_(a.text.equal(b.text) && a.start == b.start && a.end == b.end && a.type == b.type &&
                              a.score == b.score && a.source == b.source);
           })
      .def("__hash__",
           [](const PyEntity& e) {
             return py::hash(py::make_tuple(e.text, e.start, e.end, static_cast<int>(e.type)));
           })
      .def(py::pickle(
          [](const PyEntity& e) {
            return py::make_tuple(e.text, e.start, e.end, static_cast<int>(e.type), e.score,
                                  static_cast<int>(e.source));
          },
          [](const py::tuple& t) {
            if (t.size() != 6) throw std::runtime_error("Entity: bad pickled state");
            return PyEntity{t[0].cast<py::str>(), t[1].cast<uint32_t>(), t[2].cast<uint32_t>(),
                            static_cast<EntityType>(t[3].cast<int>()), t[4].cast<float>(),
                            static_cast<EntitySource>(t[5].cast<int>())};
          }));

  py::class_<EntityExtractor>(m, "EntityExtractor", R"doc(
Finds policy entities. Immutable and safe to share between threads.

>>> import zhpolicy
>>> ex = zhpolicy.EntityExtractor(zhpolicy.default_lexicon())
>>> [(e.text, e.type) for e in ex.extract("民革渝中区委、区政协提案委")]
[('民革渝中区委', 'government'), ('区政协提案委', 'government')]
)doc")
      .def(py::init([](const py::object& lexicon, bool model) {
             return EntityExtractor(lexicon_or_default(lexicon), EntityOptions{model});
           }),
           py::arg("lexicon") = py::none(), py::arg("model") = true,
           "model=False: the rules and typed terms alone, without the lexicon's learned entity model (faster).")
      .def("extract",
           [](const EntityExtractor& ex, const py::str& text) {
             const std::string_view utf8 = utf8_view(text);
             const Entities r = extract_nogil(ex, utf8);
             return to_py_entities(text, CharOffsets(utf8), r.entities);
           },
           py::arg("text"), R"doc(
The entities of `text` (list of Entity), in order, not overlapping.

>>> import zhpolicy
>>> ex = zhpolicy.EntityExtractor(zhpolicy.default_lexicon())
>>> [e.type for e in ex.extract("区委书记赵世庆")]
['position', 'person']
)doc")
      .def("extract_links",
           [](const EntityExtractor& ex, const py::str& text) {
             const std::string_view utf8 = utf8_view(text);
             const Entities r = extract_nogil(ex, utf8);
             py::list entities = to_py_entities(text, CharOffsets(utf8), r.entities);
             py::list links;
             for (const Relation& rel : r.relations) {
               links.append(py::make_tuple(entities[rel.head], std::string(to_string(rel.type)), entities[rel.tail]));
             }
             return py::make_tuple(entities, links);
           },
           py::arg("text"), R"doc(
(entities, links): links are (person, "holds_position", position) tuples.

>>> import zhpolicy
>>> ents, links = zhpolicy.EntityExtractor(zhpolicy.default_lexicon()).extract_links("区委书记赵世庆出席")
>>> [(p.text, rel, t.text) for p, rel, t in links]
[('赵世庆', 'holds_position', '区委书记')]
)doc")
      .def("extract_many",
           [](const EntityExtractor& ex, const py::iterable& texts, unsigned n_threads) {
             const PyTexts in(texts);
             std::vector<Entities> results;
             {
               py::gil_scoped_release release;
               results = ex.extract_many(in.views, n_threads);
             }
             py::list out(results.size());
             for (size_t i = 0; i < results.size(); ++i) {
               out[i] = to_py_entities(in.strs[i], CharOffsets(in.views[i]), results[i].entities);
             }
             return out;
           },
           py::arg("texts"), py::arg("n_threads") = 0, R"doc(
extract() of each text on n_threads threads (0: all cores), GIL released.

>>> import zhpolicy
>>> ex = zhpolicy.EntityExtractor(zhpolicy.default_lexicon())
>>> [[e.text for e in es] for es in ex.extract_many(["区政协", "重庆"], n_threads=2)]
[['区政协'], ['重庆']]
)doc")
      .def_property_readonly("lexicon", &EntityExtractor::lexicon)
      .def(py::pickle([](const EntityExtractor& e) { return py::make_tuple(e.lexicon()); },
                      [](const py::tuple& t) { return EntityExtractor(t[0].cast<Lexicon>()); }));
}

}  // namespace python
}  // namespace zhpolicy
