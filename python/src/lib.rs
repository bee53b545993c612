//! The Python module `factlint._factlint`: factlint's claims and findings for text and
//! records a Python program holds. Python objects become plain Rust values while the GIL is
//! held; the work itself runs with the GIL released, so that threads calling factlint run
//! at once; the results come back as dicts in the shape of factlint's JSON output.

use factlint::embedded::{self, LinterError};
use factlint::engine::{self, DocRow, FindingRow, LinkSide, Piece};
use factlint::source::LoadOptions;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::{Map, Value};
use std::path::PathBuf;

/// Checks batches of records with one configuration.
#[pyclass(frozen, module = "factlint._factlint")]
struct Linter {
    inner: embedded::Linter,
    fields: LoadOptions,
}

#[pymethods]
impl Linter {
    #[new]
    #[pyo3(signature = (config=None, *, select=None, ignore=None))]
    fn new(config: Option<PathBuf>, select: Option<Vec<String>>, ignore: Option<Vec<String>>) -> PyResult<Self> {
        let inner = embedded::Linter::new(config.as_deref(), &select.unwrap_or_default(), &ignore.unwrap_or_default())
            .map_err(linter_error)?;
        let fields = inner.load_options();
        Ok(Linter { inner, fields })
    }

    /// The findings on an iterable of records (mappings with a text field), as dicts.
    #[pyo3(signature = (documents, *, name="<records>"))]
    fn check<'py>(&self, py: Python<'py>, documents: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyList>> {
        let mut records = Vec::new();
        for item in documents.try_iter()? {
            records.push(record_fields(&item?, &self.fields)?);
        }
        let found = py.detach(|| self.inner.check(name, records));
        to_list(py, found)
    }

    /// The claims of one text, as dicts.
    #[pyo3(signature = (text, *, name="<text>"))]
    fn extract<'py>(&self, py: Python<'py>, text: &str, name: &str) -> PyResult<Bound<'py, PyList>> {
        let claims = py.detach(|| self.inner.extract(text, name));
        to_list(py, claims)
    }

    /// The engine's plan over files and folders: the pieces of work (opaque bytes), in
    /// the corpus's order, and the finding rows of paths that could not be walked.
    fn plan(&self, py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<(Vec<Vec<u8>>, Vec<Row>)> {
        let (pieces, found) =
            py.detach(|| engine::plan(self.inner.settings(), self.inner.selection(), &self.fields, &paths));
        let pieces = pieces.iter().map(|p| serde_json::to_vec(p).expect("a piece serializes")).collect();
        Ok((pieces, found.into_iter().map(row).collect()))
    }

    /// The engine's map over one piece: its documents' rows and its per-document finding rows.
    fn map_piece(&self, py: Python<'_>, piece: &[u8]) -> PyResult<(Vec<Doc>, Vec<Row>)> {
        let piece: Piece =
            serde_json::from_slice(piece).map_err(|e| PyValueError::new_err(format!("not a piece: {e}")))?;
        let (docs, found) =
            py.detach(|| engine::map_piece(self.inner.settings(), self.inner.selection(), &self.fields, &piece));
        Ok((docs.into_iter().map(doc).collect(), found.into_iter().map(row).collect()))
    }

    /// The near copies among one group of candidates given as (order, body): with `star`,
    /// the copies of one sketch, each against the first; otherwise the first texts of one
    /// band bucket, every two. Verified pairs as (order, order).
    fn near_copies(&self, py: Python<'_>, documents: Vec<(i64, Vec<u8>)>, star: bool) -> PyResult<Vec<(i64, i64)>> {
        let documents = documents.into_iter().map(|(o, b)| (o as u64, b)).collect();
        let pairs = py
            .detach(|| engine::near_copies(self.inner.settings(), documents, star))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(pairs.into_iter().map(|(a, b)| (a as i64, b as i64)).collect())
    }

    /// The engine's reduce over one component: `part` is "stories" (a component of figure
    /// links) or "copies" (a cluster of verified near copies); its documents as (order,
    /// body), its figure links as (order, order, weight), and the near-copy buckets crowded
    /// over the whole corpus as (band, hash). The finding rows of its corpus rules.
    fn reduce(
        &self,
        py: Python<'_>,
        part: &str,
        documents: Vec<(i64, Vec<u8>)>,
        links: Vec<(i64, i64, f64)>,
        crowded: Vec<(usize, i64)>,
    ) -> PyResult<Vec<Row>> {
        let part = match part {
            "stories" => engine::Part::Stories,
            "copies" => engine::Part::Copies,
            other => return Err(PyValueError::new_err(format!("part is \"stories\" or \"copies\", not {other:?}"))),
        };
        let documents = documents.into_iter().map(|(o, b)| (o as u64, b)).collect();
        let links: Vec<(u64, u64, f64)> = links.into_iter().map(|(a, b, w)| (a as u64, b as u64, w)).collect();
        let crowded = crowded.into_iter().map(|(b, h)| (b, h as u64)).collect();
        let (settings, selection) = (self.inner.settings(), self.inner.selection());
        let found = py
            .detach(|| engine::reduce(settings, selection, part, documents, (&links, crowded)))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(found.into_iter().map(row).collect())
    }

    /// The candidate pairs among the first texts of one near-copy bucket, given as (order,
    /// sketch bytes): every two whose sketches leave them possibly near.
    fn bucket_candidates(&self, py: Python<'_>, members: Vec<(i64, Vec<u8>)>) -> PyResult<Vec<(i64, i64)>> {
        let members = members.into_iter().map(|(o, b)| (o as u64, b)).collect();
        let pairs =
            py.detach(|| engine::bucket_candidates(self.inner.settings(), members)).map_err(PyValueError::new_err)?;
        Ok(pairs.into_iter().map(|(a, b)| (a as i64, b as i64)).collect())
    }

    /// A SARIF log of findings given as the JSON text of each, in order.
    fn sarif(&self, py: Python<'_>, findings: Vec<String>) -> PyResult<String> {
        py.detach(|| self.inner.sarif(&findings)).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

/// A finding row: (path, record, offset, rule, fingerprint, json).
type Row = (String, u64, u64, String, String, String);

fn row(r: FindingRow) -> Row {
    (r.path, r.record, r.offset, r.rule, r.fingerprint, r.json)
}

/// A document row: (order, keys, day, title, parallel, sketch, bands, sketch bytes, body).
/// Keys, sketch and bands are 64-bit hashes given as signed integers (what Spark's
/// LongType holds); the functions that take them back read them as such.
type Doc = (i64, Vec<i64>, Option<i64>, Option<String>, Option<String>, Option<i64>, Vec<i64>, Vec<u8>, Vec<u8>);

fn doc(d: DocRow) -> Doc {
    let signed = |v: Vec<u64>| v.into_iter().map(|k| k as i64).collect();
    let sketch = d.sketch.map(|s| s as i64);
    (d.order as i64, signed(d.keys), d.day, d.title, d.parallel, sketch, signed(d.bands), d.sketch_bins, d.body)
}

/// How many documents a figure may be in and still be distinctive, in a corpus of
/// `documents` documents.
#[pyfunction]
fn key_cap(documents: usize) -> usize {
    engine::key_cap(documents)
}

/// (capable, distinctive) of a document from its figure keys, each with the number of
/// documents that hold it.
#[pyfunction]
fn document_link(keys: Vec<(i64, u64)>, cap: usize) -> (bool, usize) {
    let mut keys: Vec<(u64, u64)> = keys.into_iter().map(|(k, df)| (k as u64, df)).collect();
    engine::document_link(&mut keys, cap)
}

/// The weight of the link between two capable documents, each given as (day, title,
/// distinctive), sharing the figures `shared` (key, documents holding it); `None` when they
/// do not report one story.
#[pyfunction]
fn pair_link(
    a: (Option<i64>, Option<String>, usize),
    b: (Option<i64>, Option<String>, usize),
    shared: Vec<(i64, u64)>,
    cap: usize,
) -> Option<f64> {
    let a = LinkSide { day: a.0, title: a.1.as_deref(), distinctive: a.2 };
    let b = LinkSide { day: b.0, title: b.1.as_deref(), distinctive: b.2 };
    let mut shared: Vec<(u64, u64)> = shared.into_iter().map(|(k, df)| (k as u64, df)).collect();
    engine::pair_link(&a, &b, &mut shared, cap)
}

/// Whether documents dated `a` and `b` (days since 1970) may be paired.
#[pyfunction]
fn close(a: Option<i64>, b: Option<i64>) -> bool {
    engine::close(a, b)
}

fn linter_error(e: LinterError) -> PyErr {
    match e {
        LinterError::Config(e) => PyOSError::new_err(e.to_string()),
        LinterError::UnknownRule(e) => PyValueError::new_err(e.to_string()),
    }
}

/// The fields factlint reads of one record, as JSON; `Err` inside, saying what it is, when
/// it is not a mapping (that becomes a finding, and the other records are still checked).
fn record_fields(item: &Bound<'_, PyAny>, fields: &LoadOptions) -> PyResult<Result<Map<String, Value>, String>> {
    let Ok(mapping) = item.cast::<PyMapping>() else {
        return Ok(Err(format!("a Python `{}`", item.get_type().name()?)));
    };
    let wanted = fields.text_fields.iter().chain(&fields.id_fields).map(String::as_str);
    let mut record = Map::new();
    for key in wanted.chain(["title", "date", "factlint_disable"]) {
        if mapping.contains(key)? {
            record.insert(key.to_string(), json_of(&mapping.get_item(key)?)?);
        }
    }
    Ok(Ok(record))
}

/// A Python value as JSON: what a JSON Lines record could hold, and dates as ISO text.
/// Anything else is null, which factlint reads as absent.
fn json_of(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    Ok(if value.is_none() {
        Value::Null
    } else if let Ok(s) = value.cast::<PyString>() {
        Value::String(s.to_cow()?.into_owned())
    } else if let Ok(b) = value.cast::<PyBool>() {
        Value::Bool(b.is_true())
    } else if value.is_instance_of::<PyInt>() {
        match value.extract::<i64>() {
            Ok(n) => Value::from(n),
            Err(_) => Value::String(value.str()?.to_cow()?.into_owned()),
        }
    } else if let Ok(f) = value.cast::<PyFloat>() {
        serde_json::Number::from_f64(f.value()).map_or(Value::Null, Value::Number)
    } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        Value::Array(value.try_iter()?.map(|v| json_of(&v?)).collect::<PyResult<_>>()?)
    } else if value.hasattr("isoformat")? {
        Value::String(value.call_method0("isoformat")?.extract()?)
    } else {
        Value::Null
    })
}

fn to_list<'py>(py: Python<'py>, values: Vec<Value>) -> PyResult<Bound<'py, PyList>> {
    let items: Vec<Bound<'py, PyAny>> = values.iter().map(|v| to_python(py, v)).collect::<PyResult<_>>()?;
    PyList::new(py, items)
}

fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => to_list(py, items.clone())?.into_any(),
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_python(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// The claims of one text with the default settings (or those of `config`).
#[pyfunction]
#[pyo3(signature = (text, *, config=None, name="<text>"))]
fn extract<'py>(py: Python<'py>, text: &str, config: Option<PathBuf>, name: &str) -> PyResult<Bound<'py, PyList>> {
    // The default settings are read once: `extract` is called once per text.
    static DEFAULT: std::sync::OnceLock<embedded::Linter> = std::sync::OnceLock::new();
    let configured;
    let linter = match config {
        None => DEFAULT.get_or_init(|| embedded::Linter::new(None, &[], &[]).expect("the defaults are valid")),
        Some(path) => {
            configured = embedded::Linter::new(Some(&path), &[], &[]).map_err(linter_error)?;
            &configured
        }
    };
    let claims = py.detach(|| linter.extract(text, name));
    to_list(py, claims)
}

#[pymodule]
fn _factlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Linter>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    for f in [wrap_pyfunction!(key_cap, m)?, wrap_pyfunction!(document_link, m)?] {
        m.add_function(f)?;
    }
    m.add_function(wrap_pyfunction!(pair_link, m)?)?;
    m.add_function(wrap_pyfunction!(close, m)?)?;
    m.add("MAX_BUCKET", factlint::dedup::MAX_BUCKET)?;
    m.add("BANDS", factlint::dedup::BANDS)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
