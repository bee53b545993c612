//! Suppression directives written as lines of plain text, where no markup comment exists:
//! a line holding only `factlint-disable …`, `factlint-enable …` or
//! `factlint-disable-next-line …`, bare or wrapped as `<!-- … -->`, `# …` or `// …`.
//! Such a line is an instruction to factlint, not part of the article: it is kept out of
//! the plain text (so no rule reads it) and handed to suppression as a comment.

/// The directive a line of plain text holds (`factlint-disable boilerplate`), if any.
pub fn directive_line(line: &str) -> Option<&str> {
    let body = line.trim();
    let body = if let Some(inner) = body.strip_prefix("<!--").and_then(|b| b.strip_suffix("-->")) {
        inner
    } else if let Some(inner) = body.strip_prefix("//").or_else(|| body.strip_prefix('#')) {
        inner
    } else {
        body
    };
    let body = body.trim();
    let word = body.split(char::is_whitespace).next().unwrap_or("");
    matches!(word, "factlint-disable" | "factlint-enable" | "factlint-disable-next-line").then_some(body)
}

#[cfg(test)]
mod tests {
    use super::directive_line;

    #[test]
    fn directive_lines() {
        let table = [
            ("factlint-disable boilerplate", Some("factlint-disable boilerplate")),
            ("  # factlint-enable", Some("factlint-enable")),
            (
                "// factlint-disable-next-line repeated-punctuation",
                Some("factlint-disable-next-line repeated-punctuation"),
            ),
            ("<!-- factlint-disable markup-residue -->", Some("factlint-disable markup-residue")),
            ("factlint-disabled", None),
            ("the factlint-disable line form", None),
            ("# 标题", None),
            ("<!-- more -->", None),
        ];
        for (line, want) in table {
            assert_eq!(directive_line(line), want, "{line}");
        }
    }
}
