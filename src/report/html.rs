//! `-f html`: the story report, one self-contained page (style inlined, no script, no
//! network). A summary at the top; per story a table of each quantity across its
//! documents, agreeing cells plain and conflicts and magnitude slips marked, and the
//! discrepancies of its translations and reprints; then per document its findings and the
//! sentences the tables link to, each figure marked where it stands.

use super::align::{issue_name, pairs_of};
use super::json::Summary;
use crate::corpus::Corpus;
use crate::extract::Claim;
use crate::finding::{counted, Finding, Place, Severity};
use crate::story::{Analysis, ClaimRef, Status};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::ops::Range;

/// What the page shows.
pub struct Page<'a> {
    pub corpus: &'a Corpus,
    pub claims: &'a [Vec<Claim>],
    pub analysis: &'a Analysis,
    /// The findings of a `check` run and its summary; `None` for `align`.
    pub checked: Option<(&'a [Finding], Summary)>,
}

/// Characters a sentence shown around a figure keeps on each side at most.
const SENTENCE_REACH: usize = 160;

/// `&`, `<`, `>` and quotes escaped for text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The places the page links to, per document: span → the class its mark gets.
#[derive(Default)]
struct Marks {
    by_doc: BTreeMap<usize, BTreeMap<(usize, usize), &'static str>>,
}

impl Marks {
    /// A link to `span` of document `doc`, showing `shown`, with the mark class `class`.
    fn link(&mut self, doc: usize, span: &Range<usize>, class: &'static str, shown: &str) -> String {
        self.by_doc.entry(doc).or_default().entry((span.start, span.end)).or_insert(class);
        format!("<a href=\"#d{doc}-{}\">{}</a>", span.start, escape(shown))
    }
}

pub fn write(out: &mut dyn Write, page: &Page<'_>) -> io::Result<()> {
    let mut marks = Marks::default();
    let stories = stories_html(page, &mut marks);
    let documents = documents_html(page, &mut marks);
    writeln!(out, "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(out, "<title>factlint report</title>\n<style>\n{}</style>\n</head>\n<body>", include_str!("html.css"))?;
    writeln!(out, "<header>\n<h1>factlint report</h1>\n{}</header>\n<main>", summary_html(page))?;
    writeln!(out, "<h2 id=\"stories\">Stories</h2>\n{stories}")?;
    writeln!(out, "<h2 id=\"documents\">Documents</h2>\n{documents}</main>\n</body>\n</html>")
}

fn summary_html(page: &Page<'_>) -> String {
    let a = page.analysis;
    let facts = a.stories.iter().flat_map(|s| &s.facts);
    let disputed = facts.clone().filter(|f| f.status != Status::Agree).count();
    let mut items = vec![
        (page.corpus.documents.len().to_string(), "documents", false),
        (a.stories.len().to_string(), "stories", false),
        (facts.count().to_string(), "quantities compared", false),
        (disputed.to_string(), "in dispute", disputed > 0),
        (a.parallel.len().to_string(), "translations and reprints", false),
    ];
    let note = match page.checked {
        Some((findings, summary)) => {
            items.insert(0, (summary.files.to_string(), "files", false));
            items.push((summary.claims.to_string(), "claims", false));
            for (severity, name) in
                [(Severity::Error, "errors"), (Severity::Warning, "warnings"), (Severity::Info, "info")]
            {
                let n = findings.iter().filter(|f| f.severity == severity).count();
                items.push((n.to_string(), name, n > 0 && severity == Severity::Error));
            }
            String::new()
        }
        None => "<p class=\"note\">Stories only: run <code>factlint check -f html</code> for findings.</p>\n".into(),
    };
    let cells: String = items
        .iter()
        .map(|(n, what, bad)| format!("<li{}><b>{n}</b>{what}</li>", if *bad { " class=\"bad\"" } else { "" }))
        .collect();
    format!("<ul class=\"summary\">{cells}</ul>\n{note}")
}

/// The class of each claim's cell: its outlier status, or its fact's when the fact is in
/// dispute and no statement of it stands out.
fn cell_classes(analysis: &Analysis) -> HashMap<ClaimRef, &'static str> {
    let mut classes = HashMap::new();
    for o in &analysis.outliers {
        classes.insert(o.claim, o.status.as_str());
    }
    for fact in analysis.stories.iter().flat_map(|s| &s.facts) {
        if fact.status != Status::Agree && !fact.claims.iter().any(|c| classes.contains_key(c)) {
            classes.extend(fact.claims.iter().map(|&c| (c, fact.status.as_str())));
        }
    }
    classes
}

fn stories_html(page: &Page<'_>, marks: &mut Marks) -> String {
    let (corpus, claims, analysis) = (page.corpus, page.claims, page.analysis);
    if analysis.stories.is_empty() {
        return "<p class=\"note\">No stories: no two documents share enough distinctive figures.</p>\n".into();
    }
    let classes = cell_classes(analysis);
    let mut html = String::new();
    for (i, story) in analysis.stories.iter().enumerate() {
        let disputed = story.facts.iter().filter(|f| f.status != Status::Agree).count();
        html.push_str(&format!(
            "<section class=\"story\" id=\"s{n}\">\n<h3>Story s{n} · {} · {} · {disputed} in dispute</h3>\n",
            counted(story.documents.len(), "document", "documents"),
            counted(story.facts.len(), "quantity", "quantities"),
            n = i + 1,
        ));
        html.push_str("<table>\n<thead><tr><th>quantity</th>");
        for &d in &story.documents {
            let name = escape(&corpus.documents[d].name);
            html.push_str(&format!("<th><a href=\"#d{d}\">{name}</a></th>"));
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for fact in &story.facts {
            let first = &claims[fact.claims[0].0][fact.claims[0].1];
            let subject = if first.subject.is_empty() { String::new() } else { format!(" · {}", first.subject) };
            let label = format!("{} {}{subject}", first.dimension.as_str(), first.unit);
            html.push_str(&format!("<tr class=\"{}\"><th>{}</th>", fact.status.as_str(), escape(&label)));
            for &d in &story.documents {
                let here: Vec<ClaimRef> = fact.claims.iter().copied().filter(|&(doc, _)| doc == d).collect();
                if here.is_empty() {
                    html.push_str("<td class=\"cell none\">—</td>");
                    continue;
                }
                let class = here.iter().find_map(|c| classes.get(c)).copied().unwrap_or("agree");
                let links: Vec<String> = here
                    .iter()
                    .map(|&(doc, c)| {
                        let claim = &claims[doc][c];
                        let span = claim.start..claim.end;
                        marks.link(doc, &span, class, &corpus.documents[doc].text[span.clone()])
                    })
                    .collect();
                html.push_str(&format!("<td class=\"cell {class}\">{}</td>", links.join(" ")));
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table>\n");
        for r in pairs_of(analysis, story) {
            let (src, tgt) = (r.pair.source, r.pair.target);
            html.push_str(&format!(
                "<h3>{} {} → {}</h3>\n",
                escape(r.pair.kind.as_str()),
                escape(&corpus.documents[src].name),
                escape(&corpus.documents[tgt].name)
            ));
            if r.discrepancies.is_empty() {
                html.push_str("<p class=\"note\">Every figure of the aligned segments agrees.</p>\n");
                continue;
            }
            html.push_str(
                "<table>\n<thead><tr><th>issue</th><th>source</th><th>rendering</th></tr></thead>\n<tbody>\n",
            );
            for f in &r.discrepancies {
                let issue = issue_name(f.issue);
                let said = |doc: usize, span: &Range<usize>| corpus.documents[doc].text[span.clone()].to_string();
                let source = marks.link(src, &f.source, "conflict", &said(src, &f.source));
                let target = if f.target_is_figure {
                    let link = marks.link(tgt, &f.target, "conflict", &said(tgt, &f.target));
                    format!("{link} <span class=\"note\">({})</span>", escape(&f.target_reads))
                } else {
                    marks.link(tgt, &f.target, "missing", "nothing in this segment")
                };
                html.push_str(&format!(
                    "<tr><td><span class=\"tag {issue}\">{issue}</span></td><td>{source} <span class=\"note\">({})</span></td><td>{target}</td></tr>\n",
                    escape(&f.source_reads)
                ));
            }
            html.push_str("</tbody>\n</table>\n");
        }
        html.push_str("</section>\n");
    }
    html
}

fn documents_html(page: &Page<'_>, marks: &mut Marks) -> String {
    let corpus = page.corpus;
    let mut by_doc: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut elsewhere = Vec::new();
    for f in page.checked.map(|(f, _)| f).unwrap_or_default() {
        let tag = format!("<span class=\"tag {0}\">{0}</span> <code>{1}</code>", f.severity.as_str(), f.rule);
        let message = escape(&f.message);
        let help = f.help.as_deref().map(|h| format!(" <span class=\"note\">{}</span>", escape(h))).unwrap_or_default();
        match &f.place {
            Place::Text { doc, span } => {
                let at = corpus.documents[*doc].locate(span.clone());
                let place = format!("{}:{}", at.start.line, at.start.column);
                let link = marks.link(*doc, span, f.severity.as_str(), &place);
                by_doc
                    .entry(*doc)
                    .or_default()
                    .push(format!("<li>{tag} <span class=\"place\">{link}</span> {message}{help}</li>"));
            }
            Place::File { path, line, column, .. } => {
                let place = escape(&format!("{path}:{line}:{column}"));
                elsewhere.push(format!("<li>{tag} <span class=\"place\">{place}</span> {message}{help}</li>"));
            }
        }
    }
    let mut html = String::new();
    if !elsewhere.is_empty() {
        html.push_str(&format!(
            "<article class=\"document\">\n<h3>Unreadable input</h3>\n<ol class=\"findings\">{}</ol>\n</article>\n",
            elsewhere.join("")
        ));
    }
    let shown: std::collections::BTreeSet<usize> = by_doc.keys().chain(marks.by_doc.keys()).copied().collect();
    for d in shown {
        let document = &corpus.documents[d];
        let mut meta = vec![escape(&document.file.path)];
        meta.extend(document.title.iter().map(|t| escape(t)));
        meta.extend(document.date.iter().map(|t| escape(t)));
        html.push_str(&format!(
            "<article class=\"document\" id=\"d{d}\">\n<h3>{}</h3>\n<p class=\"note\">{}</p>\n",
            escape(&document.name),
            meta.join(" · ")
        ));
        if let Some(items) = by_doc.get(&d) {
            html.push_str(&format!("<ol class=\"findings\">{}</ol>\n", items.join("")));
        }
        html.push_str(&sentences_html(d, &document.text, marks.by_doc.get(&d)));
        html.push_str("</article>\n");
    }
    html
}

/// A marked span (start, end) and its class.
type Marked = (usize, usize, &'static str);

/// The sentences holding the marked spans of one document, each span marked and anchored.
fn sentences_html(doc: usize, text: &str, marks: Option<&BTreeMap<(usize, usize), &'static str>>) -> String {
    let Some(marks) = marks else { return String::new() };
    let mut sentences: Vec<(Range<usize>, Vec<Marked>)> = Vec::new();
    for (&(start, end), &class) in marks {
        let sentence = sentence_around(text, start..end);
        match sentences.last_mut() {
            Some((last, inside)) if sentence.start < last.end => {
                last.end = last.end.max(sentence.end);
                inside.push((start, end, class));
            }
            _ => sentences.push((sentence, vec![(start, end, class)])),
        }
    }
    let mut html = String::new();
    for (sentence, inside) in sentences {
        let mut at = sentence.start;
        html.push_str("<p class=\"sentence\">");
        for &(start, end, class) in &inside {
            // A span that overlaps the mark before it, or holds figures marked on their own
            // (a repeated paragraph), is an anchor only: the figures keep their marks.
            let holds_others = inside.iter().any(|&(s, e, _)| (s, e) != (start, end) && start <= s && e <= end);
            if start < at || holds_others {
                html.push_str(&escape(&text[at..start.max(at)]));
                at = at.max(start);
                html.push_str(&format!("<a id=\"d{doc}-{start}\"></a>"));
                continue;
            }
            html.push_str(&escape(&text[at..start]));
            html.push_str(&format!(
                "<mark id=\"d{doc}-{start}\" class=\"{class}\">{}</mark>",
                escape(&text[start..end])
            ));
            at = end;
        }
        html.push_str(&escape(&text[at..sentence.end]));
        html.push_str("</p>\n");
    }
    html
}

/// The sentence around `span`: from the end of the sentence before to the end of its
/// own, at most [`SENTENCE_REACH`] characters each way.
fn sentence_around(text: &str, span: Range<usize>) -> Range<usize> {
    let ends = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '；');
    let mut start = span.start;
    for (taken, (i, c)) in text[..span.start].char_indices().rev().enumerate() {
        if ends(c) || taken == SENTENCE_REACH {
            break;
        }
        start = i;
    }
    let mut end = span.end;
    for (taken, (i, c)) in text[span.end..].char_indices().enumerate() {
        end = span.end + i + c.len_utf8();
        if ends(c) || taken == SENTENCE_REACH {
            break;
        }
    }
    let trimmed = text[start..end].trim();
    let lead = text[start..end].len() - text[start..end].trim_start().len();
    start + lead..start + lead + trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_escapes() {
        let text = "第一句。全国共有1007家医院参与，累计投入1.4万亿元。\n第三句 <b>";
        let at = |s: &str| text.find(s).unwrap()..text.find(s).unwrap() + s.len();
        assert_eq!(&text[sentence_around(text, at("1007家"))], "全国共有1007家医院参与，累计投入1.4万亿元。");
        assert_eq!(&text[sentence_around(text, at("<b>"))], "第三句 <b>");
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
