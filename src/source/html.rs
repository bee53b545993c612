//! HTML to plain text: tags, comments, `<script>`, `<style>` and page furniture dropped,
//! entities decoded, block tags ending paragraphs. Every output byte keeps its source
//! offset (see [`TextBuilder`]).

use super::offsets::TextBuilder;
use std::ops::Range;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "header", "aside", "form", "button",
    "select", "object", "canvas", "math",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "main",
    "body",
    "html",
    "title",
    "tbody",
    "thead",
];

/// Output of stripping one HTML fragment.
#[derive(Debug, Default)]
pub struct Stripped {
    pub title: Option<String>,
    /// Comments, with their source span and inner text (for suppression comments).
    pub comments: Vec<(Range<usize>, String)>,
}

/// Appends the text of `html` (which starts at `base` in the source) to `out`.
/// `markdown`: also drop link targets `](...)`.
pub fn strip(html: &str, base: usize, out: &mut TextBuilder, markdown: bool) -> Stripped {
    let mut result = Stripped::default();
    let bytes = html.as_bytes();
    let mut i = 0usize;
    let mut run_start = 0usize;
    let flush = |out: &mut TextBuilder, from: usize, to: usize| {
        if to > from {
            out.verbatim(&html[from..to], base + from);
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let Some((end, action)) = tag(html, i) else {
                    i += 1;
                    continue;
                };
                flush(out, run_start, i);
                match action {
                    Tag::Comment(inner) => result.comments.push((base + i..base + end, inner.to_string())),
                    Tag::Open(name) if SKIPPED.contains(&name.as_str()) => {
                        let close = find_close(html, end, &name).unwrap_or(html.len());
                        if name != "svg" && name != "math" {
                            paragraph_break(out, base + i..base + close);
                        }
                        i = close;
                        run_start = i;
                        continue;
                    }
                    Tag::Open(name) if name == "title" => {
                        let close = find_close(html, end, "title").unwrap_or(html.len());
                        let inner_end = html[end..close].rfind("</").map_or(close, |k| end + k);
                        let title = decode_entities_plain(html[end..inner_end].trim());
                        if !title.is_empty() {
                            result.title.get_or_insert(title);
                        }
                        paragraph_break(out, base + i..base + close);
                        i = close;
                        run_start = i;
                        continue;
                    }
                    Tag::Open(name) | Tag::Close(name) => {
                        if name == "br" {
                            if !out.ends_with("\n") {
                                out.replace("\n", base + i..base + end);
                            }
                        } else if BLOCKS.contains(&name.as_str()) {
                            paragraph_break(out, base + i..base + end);
                        }
                    }
                    Tag::Other => {}
                }
                i = end;
                run_start = i;
            }
            b'&' => {
                if let Some((len, decoded)) = entity(&html[i..]) {
                    flush(out, run_start, i);
                    out.replace(&decoded, base + i..base + i + len);
                    i += len;
                    run_start = i;
                } else {
                    i += 1;
                }
            }
            b']' if markdown && bytes.get(i + 1) == Some(&b'(') => {
                // [text](target): keep the text, drop the target.
                if let Some(close) = html[i + 2..].find(')').filter(|&k| !html[i + 2..i + 2 + k].contains('\n')) {
                    flush(out, run_start, i + 1);
                    i = i + 2 + close + 1;
                    run_start = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    flush(out, run_start, bytes.len());
    result
}

fn paragraph_break(out: &mut TextBuilder, src: Range<usize>) {
    if out.text.is_empty() || out.ends_with("\n\n") {
        return;
    }
    let s = if out.ends_with("\n") { "\n" } else { "\n\n" };
    out.replace(s, src);
}

enum Tag<'a> {
    Comment(&'a str),
    Open(String),
    Close(String),
    Other,
}

/// The markup at `i` (which holds `<`): where it ends and what it is.
fn tag(html: &str, i: usize) -> Option<(usize, Tag<'_>)> {
    let rest = &html[i..];
    if let Some(body) = rest.strip_prefix("<!--") {
        // An unclosed comment runs to the end of the text.
        return Some(match body.find("-->") {
            Some(k) => (i + 4 + k + 3, Tag::Comment(&body[..k])),
            None => (html.len(), Tag::Comment(body)),
        });
    }
    let b = rest.as_bytes();
    let (closing, name_start) = match b.get(1) {
        Some(b'/') => (true, 2),
        Some(c) if c.is_ascii_alphabetic() => (false, 1),
        Some(b'!') | Some(b'?') => return Some((i + rest.find('>')? + 1, Tag::Other)),
        _ => return None,
    };
    if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_len =
        b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':').count();
    let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
    // Find the closing '>' outside quotes.
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(name_start + name_len) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return Some((i + k + 1, if closing { Tag::Close(name) } else { Tag::Open(name) })),
            (None, b'<') => return None,
            _ => {}
        }
    }
    None
}

/// End of the element `name` whose content starts at `from`: just past `</name ...>`.
fn find_close(html: &str, from: usize, name: &str) -> Option<usize> {
    let lower_needle = format!("</{name}");
    let mut k = from;
    while let Some(pos) = find_ascii_ci(&html[k..], &lower_needle) {
        let at = k + pos;
        let after = &html[at + lower_needle.len()..];
        if after.starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            return Some(at + lower_needle.len() + after.find('>').map_or(after.len(), |g| g + 1));
        }
        k = at + 1;
    }
    None
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// An entity at the start of `s`: (its length, the decoded text).
pub fn entity(s: &str) -> Option<(usize, String)> {
    let semi = super::head(s, 40).find(';')?;
    let body = &s[1..semi];
    let decoded = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?.to_string()
    } else {
        named_entity(body)?.to_string()
    };
    Some((semi + 1, decoded))
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "ldquo" => "“",
        "rdquo" => "”",
        "lsquo" => "‘",
        "rsquo" => "’",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "middot" => "·",
        "bull" => "•",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "times" => "×",
        "divide" => "÷",
        "deg" => "°",
        "plusmn" => "±",
        "yen" => "¥",
        "euro" => "€",
        "pound" => "£",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "laquo" => "«",
        "raquo" => "»",
        "permil" => "‰",
        "percnt" => "%",
        "lbrace" => "{",
        "rbrace" => "}",
        _ => return None,
    })
}

/// Decodes entities in a short string with no need for offsets (titles).
pub fn decode_entities_plain(s: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(k) = s[i..].find('&') {
        out.push_str(&s[i..i + k]);
        match entity(&s[i + k..]) {
            Some((len, d)) => {
                out.push_str(&d);
                i += k + len;
            }
            None => {
                out.push('&');
                i += k + 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> (String, Stripped) {
        let mut b = TextBuilder::new();
        let s = strip(html, 0, &mut b, false);
        (b.finish().0, s)
    }

    #[test]
    fn table() {
        let cases = [
            ("<p>共有1007家</p><p>第二段</p>", "共有1007家\n\n第二段\n\n"),
            ("<div>a<br>b</div>", "a\nb\n\n"),
            ("x<script>var a = 1 < 2;</script>y", "x\n\ny"),
            ("<style>.a&#123;width:74px;&#125;</style>正文", "正文"),
            ("a &amp; b &#20013; &#x4e2d; &bogus; &", "a & b 中 中 &bogus; &"),
            ("<!-- 注释 100 -->正文", "正文"),
            ("1 < 2 and <b>bold</b>", "1 < 2 and bold"),
            ("<a href=\"x>y\">link</a>", "link"),
        ];
        for (html, want) in cases {
            assert_eq!(text_of(html).0, want, "{html}");
        }
    }

    #[test]
    fn title_and_comments_are_kept_aside() {
        let (text, s) = text_of(
            "<html><head><title>标题 &amp; 副题</title></head><body><!-- factlint-disable -->正文</body></html>",
        );
        assert_eq!(s.title.as_deref(), Some("标题 & 副题"));
        assert_eq!(s.comments.len(), 1);
        assert_eq!(s.comments[0].1.trim(), "factlint-disable");
        assert_eq!(text.trim(), "正文");
    }

    #[test]
    fn offsets_point_into_the_source() {
        let html = "<p>资金&nbsp;1.4万亿元</p>";
        let mut b = TextBuilder::new();
        strip(html, 100, &mut b, false);
        let (text, map) = b.finish();
        let at = text.find("1.4").unwrap();
        let span = map.span(at..at + "1.4万亿元".len());
        assert_eq!(&html[span.start - 100..span.end - 100], "1.4万亿元");
        let nb = text.find(' ').unwrap();
        assert_eq!(map.span(nb..nb + 1), 109..115);
    }

    #[test]
    fn markdown_link_targets_are_dropped() {
        let mut b = TextBuilder::new();
        strip("[返回首页](//example.com/2022/05/24/1.html)｜正文", 0, &mut b, true);
        assert_eq!(b.finish().0, "[返回首页]｜正文");
    }
}
