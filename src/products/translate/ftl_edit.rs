//! Replacing a message's value in a Fluent catalog's text, leaving every other byte
//! (comments, blank lines, order, other messages, line endings) as it was.

use super::{Pattern, Seg};

/// Text written so Fluent reads it back as the same text: braces as string literals,
/// and a continuation line that would start with `[`, `*` or `.` escaped the same way.
fn text(t: &str, line_start: bool) -> String {
    let mut o = String::new();
    for (i, c) in t.chars().enumerate() {
        match c {
            '{' => o.push_str("{ \"{\" }"),
            '}' => o.push_str("{ \"}\" }"),
            '[' | '*' | '.' if line_start && i == 0 => o.push_str(&format!("{{ \"{c}\" }}")),
            c => o.push(c),
        }
    }
    o
}

/// The value of `id = ...` for a pattern: one line, or indented lines when the text has
/// line breaks (blank lines dropped: the layout shows none).
pub fn value(p: &Pattern, nl: &str) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for s in &p.0 {
        match s {
            Seg::Ph(ph) => lines.last_mut().map(|l| l.push_str(ph)).unwrap_or(()),
            Seg::Text(t) => {
                for (i, part) in t.split('\n').enumerate() {
                    if i > 0 {
                        lines.push(String::new());
                    }
                    let l = lines.last_mut().expect("one line at least");
                    let first = l.is_empty();
                    let part = if first { part.trim_start() } else { part };
                    l.push_str(&text(part, first));
                }
            }
        }
    }
    let lines: Vec<String> = lines
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    match lines.as_slice() {
        [one] => format!(" {one}"),
        many => many
            .iter()
            .map(|l| format!("{nl}    {l}"))
            .collect::<String>(),
    }
}

/// Byte range of message `id`'s entry: its first line through its last indented
/// continuation line (attributes included), without the final line break.
pub fn entry_range(text: &str, id: &str) -> Option<std::ops::Range<usize>> {
    let mut start = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let here = pos;
        pos += line.len();
        match start {
            None => {
                let b = body.trim_start_matches('\u{feff}');
                if let Some(rest) = b.strip_prefix(id)
                    && rest.trim_start_matches([' ', '\t']).starts_with('=')
                {
                    let bom = body.len() - b.len();
                    start = Some(here + bom);
                    end = here + body.len();
                }
            }
            Some(_) => {
                if body.starts_with([' ', '\t']) && !body.trim().is_empty() {
                    end = here + body.len();
                } else if !body.trim().is_empty() {
                    break;
                }
                // A blank line may sit inside a multi-line value; only an indented line
                // after it extends the entry.
            }
        }
    }
    start.map(|s| s..end)
}

/// The catalog with message `id` set to `p` (added at the end if it is not there).
pub fn set(text: &str, id: &str, p: &Pattern) -> String {
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let entry = format!("{id} ={}", value(p, nl));
    match entry_range(text, id) {
        Some(r) => {
            // Keep attributes (`.attr = ...` lines) if the message has any.
            let old = &text[r.clone()];
            let attrs: String = old
                .split_inclusive('\n')
                .skip(1)
                .skip_while(|l| !l.trim_start().starts_with('.'))
                .collect();
            let attrs = if attrs.is_empty() {
                String::new()
            } else {
                format!("{nl}{}", attrs.trim_end_matches(['\n', '\r']))
            };
            format!("{}{entry}{attrs}{}", &text[..r.start], &text[r.end..])
        }
        None => {
            let sep = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                nl
            };
            format!("{text}{sep}{entry}{nl}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::products::translate::raw_messages;
    use proptest::prelude::*;

    const CATALOG: &str = "# Catalog.\n\n## Group\n\nfirst = One\n# About it.\nid = Old text\n    on two lines\n\nlast = { $sms } last\n";

    #[test]
    fn only_the_message_changes_comments_and_order_stay() {
        let p = Pattern(vec![Seg::Text("New ".into()), Seg::Ph("{ $sms }".into())]);
        let out = set(CATALOG, "id", &p);
        assert_eq!(
            out,
            "# Catalog.\n\n## Group\n\nfirst = One\n# About it.\nid = New { $sms }\n\nlast = { $sms } last\n"
        );
        assert_eq!(raw_messages(&out)["id"].pattern, p);
        assert_eq!(
            raw_messages(&out)["id"].comment.as_deref(),
            Some("About it.")
        );
        // A message the catalog lacks is added at the end; CRLF files stay CRLF.
        let crlf = CATALOG.replace('\n', "\r\n");
        let added = set(&crlf, "new-one", &p);
        assert!(added.ends_with("last = { $sms } last\r\nnew-one = New { $sms }\r\n"));
        assert!(added.starts_with(&crlf));
    }

    proptest! {
        /// Whatever a translator writes (braces, brackets, dots, stars, quotes,
        /// backslashes, other scripts, several lines), the catalog reads it back as
        /// written, and the other messages are untouched.
        #[test]
        fn any_text_reads_back_as_written(
            lines in proptest::collection::vec("[a-z {}\\[\\]*.#\"\\\\=áé؟中-]{1,12}", 1..4),
        ) {
            let lines: Vec<String> = lines.iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
            prop_assume!(!lines.is_empty());
            let text = lines.join("\n");
            let p = Pattern(vec![Seg::Text(format!("{text} ")), Seg::Ph("{ $sms }".into())]).normalized();
            let out = set(CATALOG, "id", &p);
            let back = raw_messages(&out);
            prop_assert_eq!(&back["id"].pattern, &p, "{}", out);
            prop_assert_eq!(&back["first"], &raw_messages(CATALOG)["first"]);
            prop_assert_eq!(&back["last"], &raw_messages(CATALOG)["last"]);
        }
    }
}
