//! Checks on the pictures of laid-out pieces: the context rules of
//! `designs/imagery/rules.toml` on every page, one framing (one scale) per row of
//! pictures, and no person drawn smaller than the design's `min_figure`.

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::image_rules::{self, Topic};
use crate::load::imagery::ImageEntry;
use crate::load::project::Project;
use crate::load::spec::{Content, Design, Medium};
use crate::scene::{Item, Rect, Scene};

/// The pictures of one page, with where they are drawn.
fn pictures<'a>(p: &'a Project, items: &[Item]) -> Vec<(Rect, &'a ImageEntry)> {
    items
        .iter()
        .filter_map(|it| match it {
            Item::Image { rect, image } => p.images.get(&image.id).map(|e| (*rect, e)),
            _ => None,
        })
        .collect()
}

/// The span of the design's picture slot, for a diagnostic.
fn image_slot(design: &Design) -> Option<std::ops::Range<usize>> {
    design
        .slots
        .iter()
        .find(|s| matches!(s.content, Content::Images(_) | Content::ImagePick(_)))
        .map(|s| s.span.clone())
}

fn page_words(s: &Scene, page: usize) -> String {
    if s.pages.len() > 1 {
        format!(", slide {}", page + 1)
    } else {
        String::new()
    }
}

/// Every check on the pictures of these pieces.
pub fn pieces(p: &Project, scenes: &[Scene]) -> Diagnostics {
    let mut d = Diagnostics::default();
    for s in scenes {
        let Ok(design) = p.design(&s.design) else {
            continue;
        };
        d.extend(context(p, design, s).0);
        d.extend(scale(p, design, s).0);
        d.extend(gave_way(p, design, s).0);
    }
    d
}

/// A piece laid out without the pictures that give way to its text (`gives_way`): a
/// warning, so the board sees it in `check`, never a silent change.
pub fn gave_way(p: &Project, design: &Design, s: &Scene) -> Diagnostics {
    let mut d = Diagnostics::default();
    let Some(slot) = design.slots.iter().find(|sl| sl.gives_way) else {
        return d;
    };
    for (i, page) in s.pages.iter().enumerate() {
        if design.shows(i, &slot.name) && pictures(p, &page.items).is_empty() {
            d.push(
                Diagnostic::warning(format!(
                    "`{}` ({}{}) is laid out without its pictures: its text needs their room (the local programs, or a long language), and people drawn smaller than {} cannot be read",
                    s.design,
                    s.locale,
                    page_words(s, i),
                    design.min_figure
                ))
                .at(&design.source, Some(slot.span.clone()))
                .hint("this is how the design is meant to give way; to keep the pictures, shorten the text or list fewer local programs")
                .code("pictures-dropped"),
            );
        }
    }
    d
}

/// The context rules, page by page.
pub fn context(p: &Project, design: &Design, s: &Scene) -> Diagnostics {
    let mut d = Diagnostics::default();
    let messages: Vec<Vec<String>> = (0..s.pages.len())
        .map(|i| crate::layout::diversity::page_messages(p, design, i))
        .collect();
    let pages: Vec<(Vec<Topic>, Vec<&ImageEntry>)> = s
        .pages
        .iter()
        .zip(&messages)
        .map(|(page, m)| {
            (
                image_rules::topics(&p.flags, m),
                pictures(p, &page.items)
                    .into_iter()
                    .map(|(_, e)| e)
                    .collect(),
            )
        })
        .collect();
    for (i, msgs) in messages.iter().enumerate() {
        for b in p.image_rules.broken(&pages, i) {
            let beside = match image_rules::trigger(&p.flags, msgs, b.rule.topic) {
                Some(m) if b.rule.topic != Topic::Any => {
                    format!(" beside `{m}`, {}", b.rule.topic.words())
                }
                _ => String::new(),
            };
            let limit = match b.allowed {
                0 => "none is allowed there".to_string(),
                n if b.rule.spread => format!("at most {n}, and no more than on the other slides"),
                n => format!("at most {n}"),
            };
            let mut diag = Diagnostic::error(format!(
                "`{}` ({}{}) shows {}{beside}: rule `{}` ({limit}): {}",
                s.design,
                s.locale,
                page_words(s, i),
                b.images
                    .iter()
                    .map(|x| format!("`{x}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                b.rule.id,
                b.rule.why
            ));
            diag = diag.at(&design.source, image_slot(design));
            d.push(
                diag.hint("choose other pictures (`hotline-kit imagery sheet` shows the library with its tags), or move this one to a piece or slide without that message")
                    .hint("the rules are designs/imagery/rules.toml: change them only with the survivor advisory board")
                    .code("image-context"),
            );
        }
    }
    d
}

/// One framing per row of pictures, and every person at least `min_figure` tall.
pub fn scale(p: &Project, design: &Design, s: &Scene) -> Diagnostics {
    let mut d = Diagnostics::default();
    let px = design.px_pt();
    let min = design.min_figure.to_pt(px, 0.0);
    let (unit, factor) = match design.medium {
        Medium::Print => ("in", 1.0 / 72.0),
        Medium::Screen => ("px", 1.0 / px),
    };
    for (i, page) in s.pages.iter().enumerate() {
        let pics = pictures(p, &page.items);
        // Rows: pictures whose boxes overlap in height.
        let mut rows: Vec<Vec<&(Rect, &ImageEntry)>> = Vec::new();
        for pic in &pics {
            let (r, _) = pic;
            match rows.iter_mut().find(|row| {
                row.iter()
                    .any(|(o, _)| r.y < o.bottom() - 1e-3 && o.y < r.bottom() - 1e-3)
            }) {
                Some(row) => row.push(pic),
                None => rows.push(vec![pic]),
            }
        }
        for row in &rows {
            let mut framings: Vec<&str> = row.iter().map(|(_, e)| e.framing()).collect();
            framings.sort_unstable();
            framings.dedup();
            if framings.len() > 1 {
                let ids: Vec<String> = row
                    .iter()
                    .map(|(_, e)| format!("`{}` ({})", e.id, e.framing()))
                    .collect();
                d.push(
                    Diagnostic::error(format!(
                        "`{}` ({}{}) puts pictures of different scale side by side: {}",
                        s.design,
                        s.locale,
                        page_words(s, i),
                        ids.join(", ")
                    ))
                    .at(&design.source, image_slot(design))
                    .hint("a row of pictures shows people at one scale: all heads, all head and shoulders, or all full figures (`framing` in the catalog; `image_pick` may ask for one with `framing = [\"bust\"]`)")
                    .code("image-scale"),
                );
            }
        }
        let small: Vec<&(Rect, &ImageEntry)> = pics
            .iter()
            .filter(|(r, e)| e.kind == "person" && r.h + 1e-3 < min)
            .collect();
        if let Some(least) = small.iter().map(|(r, _)| r.h).reduce(f32::min) {
            let ids: Vec<String> = small.iter().map(|(_, e)| format!("`{}`", e.id)).collect();
            d.push(
                Diagnostic::error(format!(
                    "`{}` ({}{}) draws people {:.2}{unit} tall ({}); a person's picture needs at least {:.2}{unit} to be read (`min_figure`)",
                    s.design,
                    s.locale,
                    page_words(s, i),
                    least * factor,
                    ids.join(", "),
                    min * factor
                ))
                .at(&design.source, image_slot(design))
                .hint("give the pictures a larger area, show fewer of them, or leave them off a piece this small")
                .code("image-size"),
            );
        }
    }
    d
}
