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
            let sep = if text.is_empty() || text.ends_with('\n') { "" } else { nl };
            format!("{text}{sep}{entry}{nl}")
        }
    }
}
