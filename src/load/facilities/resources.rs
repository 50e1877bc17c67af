//! A sheet's local resource columns (`resource_name`, `resource_phone`, `resource_note`
//! and the numbered groups) read into kit.toml's [`Resource`], checked by the same
//! functions as kit.toml's `[[resource]]`.

use crate::load::resource::{Resource, ResourceField};

use super::columns::ResField;
use super::rows::{RowCheck, Value};

/// Local resource group `g` (name, phone, note columns): none when all its cells are
/// empty; checked as kit.toml's `[[resource]]` is.
pub(super) fn resource(r: &mut RowCheck, g: u8, cols: [Option<usize>; 3]) -> Option<Resource> {
    let mut vals: [Option<(usize, Value)>; 3] = [None, None, None];
    let mut usable = true;
    for (f, c) in cols.iter().enumerate() {
        if let Some(i) = *c {
            match r.clean(i) {
                Some(v) => vals[f] = Some((i, v)),
                None => usable = false,
            }
        }
    }
    let filled = |f: ResField| {
        vals[f as usize]
            .as_ref()
            .filter(|(_, v)| !v.text.is_empty())
    };
    let any = [ResField::Name, ResField::Phone, ResField::Note]
        .iter()
        .any(|f| filled(*f).is_some());
    if !usable || !any {
        return None;
    }
    let (name, phone) = (filled(ResField::Name), filled(ResField::Phone));
    if name.is_none() || phone.is_none() {
        let (lacks, want) = if name.is_none() {
            ("name", ResField::Name)
        } else {
            ("phone number", ResField::Phone)
        };
        let (first, text, first_span) = [ResField::Name, ResField::Phone, ResField::Note]
            .iter()
            .find_map(|f| filled(*f))
            .map(|(i, v)| (*i, v.text.to_string(), v.span.clone()))?;
        let (i, span) = match &vals[want as usize] {
            Some((i, v)) => (*i, v.span.clone()),
            None => (first, first_span),
        };
        let e = r
            .err(i, &span, format!("local resource {g} (`{text}`) has no {lacks}"))
            .hint("a local resource needs a name and a phone number (the note is optional); fill both, or empty the resource's cells");
        r.push(e);
        return None;
    }
    let res = Resource {
        name: name.map(|(_, v)| v.text.to_string()).unwrap_or_default(),
        phone: phone.map(|(_, v)| v.text.to_string()).unwrap_or_default(),
        hours: filled(ResField::Note).map(|(_, v)| v.text.to_string()),
        languages: Vec::new(),
    };
    let mut problems = res.problems();
    problems.extend(res.hotline_problems(&r.ctx.project.hotline));
    let bad = !problems.is_empty();
    for (field, p) in problems {
        let f = match field {
            ResourceField::Name => ResField::Name,
            ResourceField::Phone => ResField::Phone,
            ResourceField::Hours => ResField::Note,
        };
        let Some((i, v)) = &vals[f as usize] else {
            continue;
        };
        let mut message = p.message.clone();
        if !message.contains(v.text) {
            message = format!("{message} (`{}`)", v.text);
        }
        let mut e = r.err(*i, &v.span, message);
        e.hints = p.hints;
        r.push(e);
    }
    (!bad).then_some(res)
}
