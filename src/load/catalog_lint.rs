//! Checks on a Fluent catalog's own text, before anything is laid out: hotline numbers
//! typed instead of placeables (in any script's digits or spelling), numbers one digit
//! away from the hotline's, invisible direction controls, messages that show nothing,
//! and syntax errors told by message and line with nothing invisible printed raw.
//!
//! Every error names the catalog file, the line and the message id.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;

use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::base::numbers::{self, Finding, Problem, Rules};
use crate::load::hotline::Hotline;

/// The span of a message's (or term's) first line in a catalog.
pub fn message_line(src: &Source, id: &str) -> Option<Range<usize>> {
    src.find_line(|l| {
        l.trim_start_matches('\u{feff}')
            .strip_prefix(id)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    })
}

/// The message id an entry starting at `offset` defines, if the text there starts one.
fn id_at(text: &str, offset: usize) -> Option<String> {
    let rest = text.get(offset..)?.trim_start_matches('\u{feff}');
    let id: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let after = rest[id.len()..].trim_start_matches([' ', '\t']);
    (!id.is_empty() && after.starts_with('=')).then_some(id)
}

/// Parser errors as diagnostics: each names the message it is in and where that
/// message starts, and shows invisible characters as `U+XXXX`.
pub fn syntax_errors(
    code: &str,
    src: &Arc<Source>,
    base: usize,
    errs: &[ParserError],
) -> Diagnostics {
    let mut d = Diagnostics::default();
    for e in errs {
        let pos = e.pos.start + base..e.pos.end + base;
        let entry = e.slice.as_ref().map(|s| s.start + base);
        let id = entry.and_then(|at| id_at(&src.text, at));
        let what = numbers::escape_invisible(&e.kind.to_string());
        let msg = match (&id, entry) {
            (Some(id), Some(at)) => {
                let line = src.line_col(at).0;
                format!(
                    "catalog syntax error in message `{id}` (locale `{code}`, line {line}): {what}"
                )
            }
            _ => format!("catalog syntax error (locale `{code}`): {what}"),
        };
        // An error found past the message's own lines (an unfinished `{ $x -> ...`
        // reaches the end of the file) points at the message itself.
        let span = match (entry, e.slice.as_ref()) {
            (Some(at), Some(s)) if pos.start > s.end + base || pos.start >= src.text.len() => {
                let end = src.text[at..].find('\n').map_or(src.text.len(), |n| at + n);
                at..end
            }
            _ => pos,
        };
        let mut diag = Diagnostic::error(msg)
            .at(src, Some(span))
            .hint("Fluent messages look like `message-id = Text with { $phone }`");
        if e.kind.to_string().contains('}')
            || src
                .text
                .get(entry.unwrap_or(0)..)
                .is_some_and(|t| t.contains("->"))
        {
            diag = diag.hint("a choice `{ $x -> [one] ... *[other] ... }` must end with `}` and have a default variant marked with `*`");
        }
        d.push(diag);
    }
    d
}

/// A piece of a message's own text, and where it is in the catalog.
struct Piece<'a> {
    text: &'a str,
    at: Option<usize>,
}

fn pieces<'a>(p: &'a ast::Pattern<&'a str>, out: &mut Vec<&'a str>) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => out.push(value),
            ast::PatternElement::Placeable { expression } => expression_pieces(expression, out),
        }
    }
}

fn expression_pieces<'a>(e: &'a ast::Expression<&'a str>, out: &mut Vec<&'a str>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_pieces(selector, out);
            for v in variants {
                pieces(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_pieces(i, out),
    }
}

fn inline_pieces<'a>(e: &'a ast::InlineExpression<&'a str>, out: &mut Vec<&'a str>) {
    use ast::InlineExpression as I;
    match e {
        I::StringLiteral { value } | I::NumberLiteral { value } => out.push(value),
        I::FunctionReference { arguments, .. } => args_pieces(arguments, out),
        I::TermReference {
            arguments: Some(a), ..
        } => args_pieces(a, out),
        I::Placeable { expression } => expression_pieces(expression, out),
        _ => {}
    }
}

fn args_pieces<'a>(a: &'a ast::CallArguments<&'a str>, out: &mut Vec<&'a str>) {
    for p in &a.positional {
        inline_pieces(p, out);
    }
    for n in &a.named {
        inline_pieces(&n.value, out);
    }
}

/// The variables (`$sms`, `$phone`...) each message's value uses, read from the Fluent
/// source, not from the resolved text: every variant of every choice, function and term
/// arguments, and through message and term references (followed to any depth).
pub fn variables(res: &FluentResource) -> BTreeMap<String, BTreeSet<String>> {
    // Each entry's own variables and the entries it refers to (terms as `-name`).
    let mut own: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    let mut messages = Vec::new();
    for entry in res.entries() {
        // Attributes are entries of their own (`id.attr`, `-term.attr`).
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => {
                if m.value.is_some() {
                    messages.push(m.id.name.to_string());
                }
                (m.id.name.to_string(), m.value.as_ref(), &m.attributes)
            }
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let parts = value.map(|v| (id.clone(), v)).into_iter().chain(
            attributes
                .iter()
                .map(|a| (format!("{id}.{}", a.id.name), &a.value)),
        );
        for (key, p) in parts {
            let slot = own.entry(key).or_default();
            refs_in_pattern(p, &mut slot.0, &mut slot.1);
        }
    }
    let mut out = BTreeMap::new();
    for id in messages {
        let mut vars = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut todo = vec![id.clone()];
        while let Some(e) = todo.pop() {
            if !seen.insert(e.clone()) {
                continue;
            }
            if let Some((v, r)) = own.get(&e) {
                vars.extend(v.iter().cloned());
                todo.extend(r.iter().cloned());
            }
        }
        out.insert(id, vars);
    }
    out
}

fn refs_in_pattern(
    p: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            refs_in_expression(expression, vars, refs);
        }
    }
}

fn refs_in_expression(
    e: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match e {
        ast::Expression::Select { selector, variants } => {
            refs_in_inline(selector, vars, refs);
            for v in variants {
                refs_in_pattern(&v.value, vars, refs);
            }
        }
        ast::Expression::Inline(i) => refs_in_inline(i, vars, refs),
    }
}

fn refs_in_inline(
    e: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    use ast::InlineExpression as I;
    let args =
        |a: &ast::CallArguments<&str>, vars: &mut BTreeSet<String>, refs: &mut BTreeSet<String>| {
            for p in &a.positional {
                refs_in_inline(p, vars, refs);
            }
            for n in &a.named {
                refs_in_inline(&n.value, vars, refs);
            }
        };
    match e {
        I::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        I::MessageReference { id, attribute } => {
            refs.insert(match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_string(),
            });
        }
        I::TermReference {
            id,
            attribute,
            arguments,
        } => {
            refs.insert(match attribute {
                Some(a) => format!("-{}.{}", id.name, a.name),
                None => format!("-{}", id.name),
            });
            if let Some(a) = arguments {
                args(a, vars, refs);
            }
        }
        I::FunctionReference { arguments, .. } => args(arguments, vars, refs),
        I::Placeable { expression } => refs_in_expression(expression, vars, refs),
        I::StringLiteral { .. } | I::NumberLiteral { .. } => {}
    }
}

/// What a catalog's text must not hold, checked on the text as written (every variant
/// of every choice, every string literal, terms too). Returns the diagnostics and the
/// ids of the messages that already have one.
pub fn written(
    code: &str,
    src: &Arc<Source>,
    res: &FluentResource,
    base: usize,
    hotline: &Hotline,
) -> (Diagnostics, Vec<String>) {
    let mut d = Diagnostics::default();
    let mut flagged = Vec::new();
    let rules = Rules {
        placeable_only: true,
        ..hotline.number_rules()
    };
    let origin = res.source().as_ptr() as usize;
    for entry in res.entries() {
        let Some((id, patterns)) = entry_patterns(entry) else {
            continue;
        };
        let mut texts = Vec::new();
        for p in patterns {
            pieces(p, &mut texts);
        }
        let line = message_line(src, &id);
        let found: Vec<Piece> = texts
            .into_iter()
            .map(|t| {
                let at = (t.as_ptr() as usize).checked_sub(origin).map(|o| o + base);
                let at = at.filter(|&o| src.text.get(o..o + t.len()) == Some(t));
                Piece { text: t, at }
            })
            .collect();
        let before = d.0.len();
        for piece in &found {
            let span = |r: Range<usize>| piece.at.map(|o| o + r.start..o + r.end).or(line.clone());
            for (i, c) in piece.text.char_indices() {
                if numbers::is_bidi_control(c) {
                    d.push(bidi_error(code, &id, c).at(src, span(i..i + c.len_utf8())));
                }
            }
            for f in rules.check(piece.text) {
                d.push(
                    number_error(code, &id, piece.text, &f, hotline).at(src, span(f.span.clone())),
                );
            }
        }
        if d.0.len() > before {
            flagged.push(id);
        }
    }
    (d, flagged)
}

/// What a message must not show once its placeables are filled in: a number made by
/// text beside a placeable (`{ $phone }8`), a direction control from an escape, or
/// nothing visible at all.
pub fn resolved(
    code: &str,
    src: &Arc<Source>,
    id: &str,
    text: &str,
    hotline: &Hotline,
) -> Diagnostics {
    let mut d = Diagnostics::default();
    let line = message_line(src, id);
    if numbers::is_blank(text) {
        d.push(
            Diagnostic::error(format!(
                "message `{id}` in locale `{code}` shows nothing visible"
            ))
            .at(src, line.clone())
            .hint("write the message's text; an empty string, spaces or invisible characters print as a blank slot")
            .hint("to leave a message out, delete its line (building with --fallback shows the source language there)"),
        );
        return d;
    }
    if let Some(c) = text.chars().find(|c| numbers::is_bidi_control(*c)) {
        d.push(bidi_error(code, id, c).at(src, line.clone()));
    }
    for f in hotline.number_rules().check(text) {
        d.push(number_error(code, id, text, &f, hotline).at(src, line.clone()));
    }
    d
}

fn bidi_error(code: &str, id: &str, c: char) -> Diagnostic {
    Diagnostic::error(format!(
        "message `{id}` in locale `{code}` contains an invisible direction control, U+{:04X} {}",
        c as u32,
        numbers::bidi_name(c)
    ))
    .hint("delete it: such a character can reorder the words and digits around a number, so a reader sees a number that was never checked")
    .hint("the layout sets each language's direction itself and keeps every number in order")
}

fn number_error(code: &str, id: &str, text: &str, f: &Finding, hotline: &Hotline) -> Diagnostic {
    let shown = numbers::escape_invisible(&text[f.span.clone()]);
    let placeable = |digits: &str| {
        let d = numbers::digits;
        if digits == d(&hotline.sms.display) {
            "{ $sms }"
        } else if digits == d(&hotline.tty.display) {
            "{ $tty }"
        } else {
            "{ $phone }"
        }
    };
    let head = format!("message `{id}` in locale `{code}`");
    match &f.problem {
        Problem::Typed(native) => Diagnostic::error(format!(
            "{head} types the hotline number `{shown}`{}: use {} instead",
            if *native { " in another script's digits" } else { "" },
            placeable(&f.digits)
        ))
        .hint("a number typed in a translation is drawn as typed, in an order nobody checked; the placeable prints the checked number from hotline.toml"),
        Problem::Native => Diagnostic::error(format!(
            "{head} shows the hotline number `{shown}` in another script's digits: use {} instead",
            placeable(&f.digits)
        )),
        Problem::LookAlike(of) => Diagnostic::error(format!(
            "{head} shows `{shown}`, a look-alike of the hotline number {of}: one digit differs"
        ))
        .hint(format!("a caller would dial a stranger: use {} for the hotline's number", placeable(&numbers::digits(of)))),
        Problem::Unknown => Diagnostic::error(format!(
            "{head} shows the number `{shown}`, which is not a hotline number in hotline.toml"
        ))
        .hint("translations use { $phone }, { $sms } and { $tty } instead of typing numbers; a local number belongs in kit.toml [[resource]]"),
    }
}

fn string_literals<'a>(p: &'a ast::Pattern<&'a str>, out: &mut Vec<&'a str>) {
    fn inline<'a>(e: &'a ast::InlineExpression<&'a str>, out: &mut Vec<&'a str>) {
        use ast::InlineExpression as I;
        match e {
            I::StringLiteral { value } => out.push(value),
            I::FunctionReference { arguments, .. }
            | I::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                for a in arguments
                    .positional
                    .iter()
                    .chain(arguments.named.iter().map(|n| &n.value))
                {
                    inline(a, out);
                }
            }
            I::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr<'a>(e: &'a ast::Expression<&'a str>, out: &mut Vec<&'a str>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    string_literals(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline(i, out),
        }
    }
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

/// In a locale that prints ordinary numbers in its own digits, digits inside a string
/// literal (`{ "24" }`) are not converted (Fluent hands literals through as they are):
/// a warning naming the message, so the number is written as plain text instead.
pub fn literal_digits(
    code: &str,
    src: &Arc<Source>,
    style: crate::base::digit_style::DigitStyle,
) -> Diagnostics {
    let mut d = Diagnostics::default();
    if style == crate::base::digit_style::DigitStyle::Latn {
        return d;
    }
    let text = src.text.strip_prefix('\u{feff}').unwrap_or(&src.text);
    let res = match FluentResource::try_new(text.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    for entry in res.entries() {
        let Some((id, patterns)) = entry_patterns(entry) else {
            continue;
        };
        let mut lits = Vec::new();
        for p in patterns {
            string_literals(p, &mut lits);
        }
        if let Some(lit) = lits
            .iter()
            .find(|l| l.chars().any(|c| numbers::digit_value(c).is_some()))
        {
            d.push(
                Diagnostic::warning(format!(
                    "message `{id}` in locale `{code}` has digits in a string literal, {{ \"{}\" }}, which stay as typed while the locale prints numbers in `{}` digits",
                    numbers::escape_invisible(lit),
                    style.as_str()
                ))
                .at(src, message_line(src, &id))
                .hint("write the number as plain text (`24`, not `{ \"24\" }`): the catalog's own text takes the locale's digits")
                .code("digits-literal"),
            );
        }
    }
    d
}

/// A message's or term's id (terms with their leading `-`) and every pattern it has:
/// its value and each attribute's. Other entries (comments, junk) have none.
fn entry_patterns<'a>(
    entry: &'a ast::Entry<&'a str>,
) -> Option<(String, Vec<&'a ast::Pattern<&'a str>>)> {
    match entry {
        ast::Entry::Message(m) => Some((
            m.id.name.to_string(),
            m.value
                .iter()
                .chain(m.attributes.iter().map(|a| &a.value))
                .collect(),
        )),
        ast::Entry::Term(t) => Some((
            format!("-{}", t.id.name),
            std::iter::once(&t.value)
                .chain(t.attributes.iter().map(|a| &a.value))
                .collect(),
        )),
        _ => None,
    }
}
