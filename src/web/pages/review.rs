//! The survivor advisory board's pages: the review queue, one piece with its preview,
//! strings, illustrations, comments and decisions, and the forms that leave a comment
//! or record a decision (bound to the content hash the reviewer saw, as `approve` is).
//! The preview images themselves come from [`super::review_preview`].

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::review_diff::{Area, changed_areas};
use super::{Chrome, error, html, html_status};
use crate::load::project::Project;
use crate::products::approvals::{QueueEntry, review_queue};
use crate::products::approved_images;
use crate::products::proof::{ProofImage, ProofString};
use crate::web::app::{AppState, Viewer, urlencode};

/// Width of the large preview on the piece page (and of the kept approved images).
pub const PAGE_WIDTH: u32 = approved_images::WIDTH;
/// Width of a thumbnail in the queue (drawn at twice its shown size; smaller, a QR
/// code may be too small for the preview's QR check).
pub const THUMB_WIDTH: u32 = 480;

/// Whether `design` and `locale` name a design and a locale of the project (path
/// parameters are only ever compared with these, never joined to a path).
pub fn known(project: &Project, design: &str, locale: &str) -> bool {
    let Some(d) = project.designs.get(design) else {
        return false;
    };
    let codes = crate::load::spec::bilingual::locales_of(locale);
    let each = codes.iter().all(|c| project.catalogs.contains_key(*c));
    match codes.as_slice() {
        [_] => each,
        // A pair (`en+es`): two different languages, on a design that holds two.
        [a, b] => each && a != b && d.bilingual.is_some(),
        _ => false,
    }
}

/// The URL of a preview image (`page` from 1).
pub fn preview_url(design: &str, locale: &str, page: usize, width: u32, hash: &str) -> String {
    let mut u = format!(
        "/preview/{}/{}/{page}.png?w={width}",
        urlencode(design),
        urlencode(locale)
    );
    if !hash.is_empty() {
        u.push_str(&format!("&h={}", urlencode(hash)));
    }
    u
}

/// `sha256:` and the first 12 hex digits.
pub fn short(hash: &str) -> String {
    let h = hash.strip_prefix("sha256:").unwrap_or(hash);
    format!("sha256:{}", &h[..h.len().min(12)])
}

/// The errors of a failed build, each in plain words with its hints.
pub use super::errors_said as words;

/// A piece's state in words: a label and the lines that say why.
fn state_words(e: &QueueEntry) -> (String, Vec<String>) {
    let p = &e.piece;
    match p.status.as_str() {
        "approved" => (
            "Approved".into(),
            match (&p.approved_by, &p.approved_on) {
                (Some(b), Some(d)) => vec![format!("approved by {b} on {d}")],
                _ => Vec::new(),
            },
        ),
        "changed" => (
            "Changed since approval".into(),
            std::iter::once(format!(
                "approved by {} on {}; since then changed: {}",
                p.approved_by.as_deref().unwrap_or("someone"),
                p.approved_on.as_deref().unwrap_or("an earlier day"),
                p.changes.join(", ")
            ))
            .collect(),
        ),
        "requested" => ("Changes requested".into(), p.waiting_for.clone()),
        "pending" => {
            let mut v = p.waiting_for.clone();
            if !p.changes.is_empty() {
                v.push(format!(
                    "changed since the last approval: {}",
                    p.changes.join(", ")
                ));
            }
            ("Waiting for more approvals".into(), v)
        }
        "error" => (
            "Cannot be made".into(),
            vec![format!(
                "this piece does not build: {}",
                p.error.as_deref().unwrap_or("unknown error")
            )],
        ),
        _ => ("Draft".into(), vec!["not approved yet".into()]),
    }
}

/// The badge class of a state word.
fn badge(status: &str) -> &'static str {
    match status {
        "approved" => "approved",
        "changed" => "changed",
        "requested" => "changes-requested",
        "error" => "changes-requested",
        _ => "draft",
    }
}

/// One row of the queue.
struct Row {
    href: String,
    title: String,
    locale_name: String,
    design: String,
    locale: String,
    label: String,
    class: &'static str,
    detail: Vec<String>,
    thumb: Option<String>,
    alt: String,
}

#[derive(Template)]
#[template(path = "web/templates/review_queue.html")]
struct QueuePage {
    chrome: Chrome,
    waiting: Vec<Row>,
    approved: Vec<Row>,
    problem: Vec<String>,
}

fn title_of(project: &Project, design: &str) -> String {
    project
        .designs
        .get(design)
        .map_or_else(|| design.to_string(), |d| d.title.clone())
}

fn locale_name(project: &Project, locale: &str) -> String {
    project
        .catalogs
        .get(locale)
        .map_or_else(|| locale.to_string(), |c| c.info.name.clone())
}

/// Alt text of a preview: "Preview of poster in Spanish, page 1".
fn alt(design: &str, locale_name: &str, page: usize) -> String {
    format!("Preview of {design} in {locale_name}, page {page}")
}

/// The review queue: every piece of the kit not approved under the board's rule, then
/// the approved ones.
pub async fn queue(State(st): State<AppState>, viewer: Viewer) -> Response {
    let s2 = st.clone();
    let made = tokio::task::spawn_blocking(move || {
        let project = s2.engine.project()?;
        let (kit, sel) = s2.engine.selection(vec![], vec![])?;
        let q = review_queue(&project, &sel, &kit.ledger())?;
        Ok::<_, crate::base::diag::Diagnostics>((project, q))
    })
    .await;
    let chrome = Chrome::new("Review queue", Some(&viewer), "/review");
    let (project, entries) = match made {
        Ok(Ok(v)) => v,
        Ok(Err(d)) => {
            return html(&QueuePage {
                chrome,
                waiting: Vec::new(),
                approved: Vec::new(),
                problem: words(&d),
            });
        }
        Err(_) => return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    };
    let (mut waiting, mut approved) = (Vec::new(), Vec::new());
    for e in &entries {
        let p = &e.piece;
        let (label, detail) = state_words(e);
        let name = locale_name(&project, &p.locale);
        let row = Row {
            href: format!("/review/{}/{}", urlencode(&p.design), urlencode(&p.locale)),
            title: title_of(&project, &p.design),
            alt: alt(&p.design, &name, 1),
            locale_name: name,
            design: p.design.clone(),
            locale: p.locale.clone(),
            class: badge(&p.status),
            label,
            detail,
            thumb: (!p.hash.is_empty())
                .then(|| preview_url(&p.design, &p.locale, 1, THUMB_WIDTH, &p.hash)),
        };
        if p.status == "approved" {
            approved.push(row);
        } else {
            waiting.push(row);
        }
    }
    html(&QueuePage {
        chrome,
        waiting,
        approved,
        problem: Vec::new(),
    })
}

/// A page of the large preview.
struct PageView {
    n: usize,
    src: String,
    full: String,
    alt: String,
}

/// A comment as shown.
struct CommentView {
    n: usize,
    id: i64,
    by: String,
    body: String,
    created: String,
    on: String,
    current: bool,
    pin: Option<(String, String)>,
}

/// An approval or a request for changes from the ledger.
struct Decision {
    kind: &'static str,
    by: String,
    role: String,
    date: String,
    text: String,
    on: String,
    current: bool,
}

/// One page of the side-by-side comparison.
struct ComparePage {
    n: usize,
    before: Option<String>,
    after: String,
    before_alt: String,
    after_alt: String,
    areas: Vec<(Area, String)>,
}

/// The comparison with the version last approved.
struct Compare {
    by: String,
    date: String,
    on: String,
    changes: Vec<String>,
    pages: Vec<ComparePage>,
    kept: bool,
    problem: String,
}

#[derive(Template)]
#[template(path = "web/templates/review_piece.html")]
struct PiecePage {
    chrome: Chrome,
    design: String,
    locale: String,
    base: String,
    hash: String,
    label: String,
    class: &'static str,
    detail: Vec<String>,
    errors: Vec<String>,
    pages: Vec<PageView>,
    strings: Vec<ProofString>,
    images: Vec<ProofImage>,
    decisions: Vec<Decision>,
    comments: Vec<CommentView>,
    compare: Option<Compare>,
    problem: String,
    done: String,
}

impl PiecePage {
    fn pinned(&self) -> Vec<&CommentView> {
        self.comments.iter().filter(|c| c.pin.is_some()).collect()
    }
}

/// `?done=` after a change.
#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// A piece for the board: its preview, strings, illustrations, comments and decisions.
pub async fn piece(
    State(st): State<AppState>,
    viewer: Viewer,
    Path((design, locale)): Path<(String, String)>,
    Query(q): Query<Done>,
) -> Response {
    let done = q.done.unwrap_or_default();
    let v2 = viewer.clone();
    tokio::task::spawn_blocking(move || {
        render(
            &st,
            &v2,
            &design,
            &locale,
            String::new(),
            done,
            StatusCode::OK,
        )
    })
    .await
    .unwrap_or_else(|_| error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)))
}

/// The piece page with a message (blocking: lays the piece out).
pub fn render(
    st: &AppState,
    viewer: &Viewer,
    design: &str,
    locale: &str,
    problem: String,
    done: String,
    status: StatusCode,
) -> Response {
    let project = match st.engine.project() {
        Ok(p) => p,
        Err(_) => return error(StatusCode::INTERNAL_SERVER_ERROR, Some(viewer)),
    };
    if !known(&project, design, locale) {
        return error(StatusCode::NOT_FOUND, Some(viewer));
    }
    let name = locale_name(&project, locale);
    let title = format!("{} in {name}", title_of(&project, design));
    let mut page = PiecePage {
        chrome: Chrome::new(title, Some(viewer), ""),
        design: design.to_string(),
        locale: locale.to_string(),
        base: format!("/review/{}/{}", urlencode(design), urlencode(locale)),
        hash: String::new(),
        label: String::new(),
        class: "draft",
        detail: Vec::new(),
        errors: Vec::new(),
        pages: Vec::new(),
        strings: Vec::new(),
        images: Vec::new(),
        decisions: Vec::new(),
        comments: Vec::new(),
        compare: None,
        problem,
        done,
    };
    let entry = st
        .engine
        .selection(vec![design.into()], vec![locale.into()])
        .and_then(|(kit, sel)| Ok((review_queue(&project, &sel, &kit.ledger())?, kit)));
    let (entry, kit) = match entry {
        Ok((mut q, kit)) if q.len() == 1 => (q.remove(0), kit),
        Ok(_) => return error(StatusCode::NOT_FOUND, Some(viewer)),
        Err(d) => {
            page.errors = words(&d);
            return html_status(status, &page);
        }
    };
    (page.label, page.detail) = state_words(&entry);
    page.class = badge(&entry.piece.status);
    match st.engine.scene(design, locale) {
        Ok(scene) => {
            page.hash = scene.hash.clone();
            page.strings = crate::products::proof::strings(&project, &scene);
            page.images = crate::products::proof::images(&project, &scene);
            page.pages = (1..=scene.pages.len())
                .map(|n| PageView {
                    n,
                    src: preview_url(design, locale, n, PAGE_WIDTH, &scene.hash),
                    full: preview_url(
                        design,
                        locale,
                        n,
                        crate::web::engine::PREVIEW_MAX_WIDTH,
                        &scene.hash,
                    ),
                    alt: alt(design, &name, n),
                })
                .collect();
        }
        Err(d) => {
            page.errors = words(&d);
        }
    }
    let ledger = crate::review::Ledger::load(&kit.ledger()).unwrap_or_default();
    for a in ledger
        .approval
        .iter()
        .filter(|a| a.design == design && a.locale == locale)
    {
        page.decisions.push(Decision {
            kind: "Approved",
            by: a.by.clone(),
            role: a.role.clone(),
            date: a.date.clone(),
            text: a.note.clone(),
            on: short(&a.hash),
            current: a.hash == page.hash,
        });
    }
    for r in ledger
        .request
        .iter()
        .filter(|r| r.design == design && r.locale == locale)
    {
        page.decisions.push(Decision {
            kind: "Changes requested",
            by: r.by.clone(),
            role: r.role.clone(),
            date: r.date.clone(),
            text: r.reason.clone(),
            on: short(&r.hash),
            current: r.hash == page.hash,
        });
    }
    page.decisions.sort_by(|a, b| a.date.cmp(&b.date));
    match st.store.comments(design, locale) {
        Ok(cs) => {
            page.comments =
                cs.into_iter()
                    .enumerate()
                    .map(|(i, c)| CommentView {
                        n: i + 1,
                        id: c.id,
                        by: c.by,
                        body: c.body,
                        created: c.created,
                        on: short(&c.hash),
                        current: c.hash == page.hash,
                        pin: c.x.zip(c.y).map(|(x, y)| {
                            (format!("{:.2}", x * 100.0), format!("{:.2}", y * 100.0))
                        }),
                    })
                    .collect();
        }
        Err(_) => return error(StatusCode::INTERNAL_SERVER_ERROR, Some(viewer)),
    }
    if entry.piece.status != "approved" && !page.hash.is_empty() {
        page.compare = compare(st, &ledger, design, locale, &name, &page, &entry);
    }
    html_status(status, &page)
}

/// The comparison with the version last approved, when the piece was approved before
/// in another version.
fn compare(
    st: &AppState,
    ledger: &crate::review::Ledger,
    design: &str,
    locale: &str,
    name: &str,
    page: &PiecePage,
    entry: &QueueEntry,
) -> Option<Compare> {
    let last = ledger
        .approval
        .iter()
        .rev()
        .find(|a| a.design == design && a.locale == locale && a.hash != page.hash)?;
    let mut c = Compare {
        by: last.by.clone(),
        date: last.date.clone(),
        on: short(&last.hash),
        changes: entry.piece.changes.clone(),
        pages: Vec::new(),
        kept: false,
        problem: String::new(),
    };
    for (i, p) in page.pages.iter().enumerate() {
        let Some(before) = approved_images::load(st.engine.dir(), &last.hash, i) else {
            continue;
        };
        c.kept = true;
        let areas = match st
            .engine
            .preview(design, locale, i, PAGE_WIDTH, Some(&page.hash))
            .map_err(|d| words(&d).join("; "))
            .and_then(|now| changed_areas(&before, &now.png))
        {
            Ok(a) => a,
            Err(m) => {
                c.problem = m;
                Vec::new()
            }
        };
        c.pages.push(ComparePage {
            n: p.n,
            before: Some(format!(
                "{}&a={}",
                preview_url(design, locale, p.n, PAGE_WIDTH, ""),
                urlencode(&last.hash)
            )),
            after: p.src.clone(),
            before_alt: format!(
                "Approved version of {design} in {name}, page {}, approved by {} on {}",
                p.n, last.by, last.date
            ),
            after_alt: format!("Current version of {design} in {name}, page {}", p.n),
            areas: areas.into_iter().map(|a| (a, a.place())).collect(),
        });
    }
    Some(c)
}
