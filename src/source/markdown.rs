//! Markdown with YAML front matter (Hexo, Jekyll): `title` and `date` are read from the
//! front matter; the body may hold raw HTML and is stripped like HTML.

use std::ops::Range;

/// Front matter found at the top of a file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    /// Where the body starts (just past the closing `---` line).
    pub body_start: usize,
}

/// A front matter block that opens and never closes.
#[derive(Debug, PartialEq, Eq)]
pub struct Unterminated {
    pub open: Range<usize>,
}

/// Whether `text` opens with a front matter fence (after blank lines).
pub fn opens_front_matter(text: &str) -> Option<usize> {
    let skipped = text.len() - text.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    let line_start = text[..skipped].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[line_start..];
    let first_line = rest.split('\n').next().unwrap_or("").trim_end_matches('\r');
    (first_line == "---").then_some(line_start)
}

/// Parses the front matter at the top of `text`, if any.
pub fn front_matter(text: &str) -> Result<Option<FrontMatter>, Unterminated> {
    let Some(open) = opens_front_matter(text) else { return Ok(None) };
    let after_open = open + text[open..].find('\n').map_or(text.len() - open, |i| i + 1);
    let mut fm = FrontMatter::default();
    let mut pos = after_open;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end_matches('\r');
        if line == "---" || line == "..." {
            fm.body_start = (line_end + 1).min(text.len());
            return Ok(Some(fm));
        }
        if let Some((key, value)) = line.split_once(':') {
            if !key.starts_with([' ', '\t', '-']) {
                let value = unquote(value.trim());
                match key.trim() {
                    "title" if !value.is_empty() => fm.title = Some(value),
                    "date" if !value.is_empty() => fm.date = Some(value),
                    _ => {}
                }
            }
        }
        pos = line_end + 1;
    }
    Err(Unterminated { open: open..open + 3 })
}

fn unquote(v: &str) -> String {
    let inner = if v.len() >= 2 && (v.starts_with('\'') && v.ends_with('\'') || v.starts_with('"') && v.ends_with('"'))
    {
        &v[1..v.len() - 1]
    } else {
        v
    };
    if v.starts_with('\'') {
        inner.replace("''", "'")
    } else {
        inner.replace("\\\"", "\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hexo_and_jekyll() {
        let hexo = "\n---\ntitle: '我国累计投入1.4万亿元'\ncategories: \n - 金融\ndate: Tue, 24 May 2022 11:59:07 GMT\n---\n\n<div>正文</div>";
        let fm = front_matter(hexo).unwrap().unwrap();
        assert_eq!(fm.title.as_deref(), Some("我国累计投入1.4万亿元"));
        assert_eq!(fm.date.as_deref(), Some("Tue, 24 May 2022 11:59:07 GMT"));
        assert!(hexo[fm.body_start..].starts_with("\n<div>"));
        let jekyll = "---\nlayout: post\ntitle: \"标题\"\ndate: 2022-05-24 20:50:09 +0800\n---\n正文";
        let fm = front_matter(jekyll).unwrap().unwrap();
        assert_eq!((fm.title.as_deref(), fm.date.as_deref()), (Some("标题"), Some("2022-05-24 20:50:09 +0800")));
    }

    #[test]
    fn none_and_unterminated() {
        assert_eq!(front_matter("正文 --- 不是").unwrap(), None);
        assert_eq!(front_matter("---\ntitle: x\n正文").unwrap_err(), Unterminated { open: 0..3 });
    }
}
