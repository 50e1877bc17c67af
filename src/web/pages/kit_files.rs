//! The coordinator's pieces and downloads: every piece of the kit with its preview and
//! approval state (`GET /kit/pieces`), and the files of the kit (`GET /kit/download...`),
//! each made in memory by the same code as the command line:
//!
//! - the proofs zip: every print file (PDF) as `build` makes it, DRAFT marks included,
//!   every name starting `PROOF-NOT-FOR-PRINT-`;
//! - the final zip: exactly the folder `build --final` writes (the same files and
//!   `manifest.json`, byte for byte), refused while any piece is not approved;
//! - the placement plan (`plan`), label sheets (`sheet DESIGN --template` on the
//!   design's recommended template) and waiting-room loops (`video`, MP4).
//!
//! Zips are made with fixed timestamps and permissions, so the same kit gives the same
//! bytes. Every download is recorded in the audit log.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::kit::Problem;
use super::{Chrome, error, html_status};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::project::Project;
use crate::products::approvals::PieceStatus;
use crate::products::kit::{Format, Selection};
use crate::products::workspace::Kit;
use crate::web::app::{AppState, Me, Viewer, urlencode};
use crate::web::store::audit::Change;

/// What every proof file's name starts with.
pub const PROOF_PREFIX: &str = "PROOF-NOT-FOR-PRINT-";

/// Width of the previews on the pieces page, in pixels.
const PREVIEW_WIDTH: u32 = 480;

/// One piece as the pages show it.
#[derive(Debug, Clone)]
pub struct PieceView {
    /// Design name.
    pub design: String,
    /// Design title.
    pub title: String,
    /// Locale code.
    pub locale: String,
    /// Language name.
    pub language: String,
    /// `approved`, `draft`, `changed` or `error`.
    pub state: String,
    /// Why it is a draft, what changed, or why it cannot be made.
    pub notes: Vec<String>,
    /// Preview image address (with the content hash, so an unchanged one is cached).
    pub preview: String,
}

impl PieceView {
    fn of(project: &Project, s: &PieceStatus) -> PieceView {
        let mut notes = Vec::new();
        if let Some(e) = &s.error {
            notes.push(e.clone());
        }
        if let (Some(by), Some(on)) = (&s.approved_by, &s.approved_on) {
            notes.push(if s.status == "changed" {
                format!("approved by {by} on {on}, then changed")
            } else {
                format!("approved by {by} on {on}")
            });
        }
        notes.extend(s.changes.iter().map(|c| format!("changed: {c}")));
        if let Some(d) = &s.draft {
            notes.push(format!("draft: {d}"));
        }
        PieceView {
            design: s.design.clone(),
            title: project
                .designs
                .get(&s.design)
                .map_or_else(|| s.design.clone(), |d| d.title.clone()),
            locale: s.locale.clone(),
            language: project
                .catalogs
                .get(&s.locale)
                .map_or_else(|| s.locale.clone(), |c| c.info.name.clone()),
            state: if s.status == "approved" && !s.printable {
                "draft".into()
            } else {
                s.status.clone()
            },
            notes,
            preview: if s.hash.is_empty() {
                String::new()
            } else {
                format!(
                    "/preview/{}/{}/1.png?w={PREVIEW_WIDTH}&h={}",
                    urlencode(&s.design),
                    urlencode(&s.locale),
                    urlencode(&s.hash)
                )
            },
        }
    }

    /// Ready for print.
    pub fn printable(&self) -> bool {
        self.state == "approved"
    }
}

/// The kit, its selection and every piece's state, as `status` reports it.
struct Loaded {
    project: std::sync::Arc<Project>,
    sel: Selection,
    pieces: Vec<PieceView>,
}

fn load(st: &AppState) -> Result<Loaded, Diagnostics> {
    let project = st.engine.project()?;
    let (_, sel) = st.engine.selection(vec![], vec![])?;
    let status = crate::products::approvals::status(&project, &sel);
    let pieces = status
        .pieces
        .iter()
        .map(|s| PieceView::of(&project, s))
        .collect();
    Ok(Loaded {
        project,
        sel,
        pieces,
    })
}

async fn blocking<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce(AppState) -> Result<T, Diagnostics> + Send + 'static,
) -> Result<T, Diagnostics> {
    let st2 = st.clone();
    tokio::task::spawn_blocking(move || f(st2))
        .await
        .unwrap_or_else(|_| Err(Diagnostic::error("the server stopped making this file").into()))
}

#[derive(Template)]
#[template(path = "web/templates/kit_pieces.html")]
struct PiecesPage {
    chrome: Chrome,
    pieces: Vec<PieceView>,
    drafts: usize,
    problems: Vec<Problem>,
}

/// Every piece of the kit with its preview and state.
pub async fn pieces(State(st): State<AppState>, viewer: Viewer) -> Response {
    let chrome = Chrome::new("Pieces", Some(&viewer), "/kit/pieces");
    match blocking(&st, |st| load(&st)).await {
        Ok(l) => html_status(
            StatusCode::OK,
            &PiecesPage {
                chrome,
                drafts: l.pieces.iter().filter(|p| !p.printable()).count(),
                pieces: l.pieces,
                problems: vec![],
            },
        ),
        Err(d) => html_status(
            StatusCode::INTERNAL_SERVER_ERROR,
            &PiecesPage {
                chrome,
                pieces: vec![],
                drafts: 0,
                problems: problems(&d),
            },
        ),
    }
}

/// The errors of `d`, as a page lists them.
pub fn problems(d: &Diagnostics) -> Vec<Problem> {
    d.0.iter()
        .filter(|x| x.is_error())
        .map(|x| Problem {
            message: x.message.clone(),
            hints: x.hints.clone(),
            place: x.location().unwrap_or_default(),
        })
        .collect()
}

/// A file the downloads page offers.
#[derive(Debug, Clone)]
pub struct Offer {
    /// Address.
    pub href: String,
    /// What it is.
    pub label: String,
}

#[derive(Template)]
#[template(path = "web/templates/kit_downloads.html")]
struct DownloadsPage {
    chrome: Chrome,
    problems: Vec<Problem>,
    drafts: Vec<PieceView>,
    total: usize,
    labels: Vec<Offer>,
    loops: Vec<Offer>,
}

/// The downloads page: proofs, the final files (only when everything is approved), the
/// placement plan, label sheets and loops.
pub async fn downloads(State(st): State<AppState>, viewer: Viewer) -> Response {
    downloads_page(&st, &viewer, Vec::new(), StatusCode::OK).await
}

async fn downloads_page(
    st: &AppState,
    viewer: &Viewer,
    mut extra: Vec<Problem>,
    status: StatusCode,
) -> Response {
    let chrome = Chrome::new("Downloads", Some(viewer), "/kit/download");
    let loaded = blocking(st, |st| load(&st)).await;
    let l = match loaded {
        Ok(l) => l,
        Err(d) => {
            extra.extend(problems(&d));
            return html_status(
                StatusCode::INTERNAL_SERVER_ERROR,
                &DownloadsPage {
                    chrome,
                    problems: extra,
                    drafts: vec![],
                    total: 0,
                    labels: vec![],
                    loops: vec![],
                },
            );
        }
    };
    let (designs, locales, _) = l.sel.resolve(&l.project);
    let labels = designs
        .iter()
        .filter_map(|d| l.project.designs.get(d))
        .filter_map(|d| {
            Some(Offer {
                href: format!("/kit/download/labels/{}", urlencode(&d.name)),
                label: format!("{} on {}", d.title, d.label_template.as_ref()?),
            })
        })
        .collect();
    let loops = designs
        .iter()
        .filter_map(|d| l.project.designs.get(d))
        .filter(|d| d.medium == crate::load::spec::Medium::Screen)
        .flat_map(|d| {
            locales.iter().map(move |loc| Offer {
                href: format!(
                    "/kit/download/loop/{}/{}",
                    urlencode(&d.name),
                    urlencode(loc)
                ),
                label: format!("{} loop, {loc} (MP4)", d.title),
            })
        })
        .collect();
    html_status(
        status,
        &DownloadsPage {
            chrome,
            problems: extra,
            total: l.pieces.len(),
            drafts: l.pieces.into_iter().filter(|p| !p.printable()).collect(),
            labels,
            loops,
        },
    )
}

pub use crate::products::bundle::zip;

/// A file name safe in a `Content-Disposition` header and on every file system:
/// ASCII letters, digits, `.`, `-` and `_` only.
pub fn safe_name(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_matches(['-', '.']).chars().take(60).collect();
    if out.is_empty() { "kit".into() } else { out }
}

/// The facility's name as a file name part.
fn facility_slug(kit: &Kit) -> String {
    safe_name(
        &kit.file
            .as_ref()
            .map(|k| k.facility.name.to_ascii_lowercase())
            .unwrap_or_default(),
    )
}

/// A download: the bytes as an attachment named `name`.
fn attachment(name: &str, mime: &'static str, bytes: Vec<u8>) -> Response {
    let name = safe_name(name);
    (
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// A file made for download: its name, type and bytes, and what the audit log records.
struct Made {
    name: String,
    mime: &'static str,
    bytes: Vec<u8>,
    what: String,
}

/// Make a file in the background, record the download, and send it; the downloads
/// page with the problems when it cannot be made.
async fn deliver(
    st: AppState,
    viewer: Viewer,
    me: Me,
    refused: StatusCode,
    make: impl FnOnce(AppState) -> Result<Made, Diagnostics> + Send + 'static,
) -> Response {
    let Me(me, addr) = me;
    match blocking(&st, make).await {
        Ok(m) => {
            let after = format!(
                "{} ({} bytes, sha256 {})",
                m.what,
                m.bytes.len(),
                crate::base::hash::digest(&m.bytes)
            );
            if st
                .store
                .audit(&Change {
                    actor: &me.user.name,
                    address: &addr,
                    action: "kit.download",
                    target: &m.name,
                    before: "",
                    after: &after,
                })
                .is_err()
            {
                return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer));
            }
            attachment(&m.name, m.mime, m.bytes)
        }
        Err(d) => downloads_page(&st, &viewer, problems(&d), refused).await,
    }
}

/// The proofs zip: every print file (PDF) of the kit as `build` makes it, DRAFT marks
/// included, each named `PROOF-NOT-FOR-PRINT-...`.
pub async fn proofs(State(st): State<AppState>, viewer: Viewer, me: Me) -> Response {
    deliver(st, viewer, me, StatusCode::UNPROCESSABLE_ENTITY, |st| {
        let project = st.engine.project()?;
        let (kit, mut sel) = st.engine.selection(vec![], vec![])?;
        sel.formats = vec![Format::Pdf];
        sel.loops = None;
        let (files, _) = crate::products::kit::make(&project, &sel, &|_| {})?;
        let named: Vec<(String, &[u8])> = files
            .iter()
            .map(|f| (proof_name(&f.entry.path), f.bytes.as_slice()))
            .collect();
        Ok(Made {
            name: format!("{}-proofs-NOT-FOR-PRINT.zip", facility_slug(&kit)),
            mime: "application/zip",
            bytes: zip(&named)?,
            what: format!("proofs zip, {} files", named.len()),
        })
    })
    .await
}

/// `poster/en/poster-en.pdf` as a proof: `poster/en/PROOF-NOT-FOR-PRINT-poster-en.pdf`.
pub fn proof_name(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/{PROOF_PREFIX}{file}"),
        None => format!("{PROOF_PREFIX}{path}"),
    }
}

/// The final zip: exactly what `build --final` writes (every file and manifest.json),
/// made by the same code; refused, naming the drafts, while any piece is not approved.
pub async fn final_zip(State(st): State<AppState>, viewer: Viewer, me: Me) -> Response {
    deliver(st, viewer, me, StatusCode::CONFLICT, |st| {
        let project = st.engine.project()?;
        let (kit, mut sel) = st.engine.selection(vec![], vec![])?;
        sel.final_only = true;
        let (files, _) = crate::products::kit::make(&project, &sel, &|_| {})?;
        let manifest = crate::products::kit::manifest_json(&files);
        let mut entries: Vec<(String, &[u8])> = files
            .iter()
            .map(|f| (f.entry.path.clone(), f.bytes.as_slice()))
            .collect();
        entries.push((
            crate::base::output::MANIFEST.to_string(),
            manifest.as_slice(),
        ));
        Ok(Made {
            name: format!("{}-final.zip", facility_slug(&kit)),
            mime: "application/zip",
            bytes: zip(&entries)?,
            what: format!("final zip, {} files", entries.len()),
        })
    })
    .await
}

/// The placement plan as PDF, as `hotline-kit plan` makes it.
pub async fn plan(State(st): State<AppState>, viewer: Viewer, me: Me) -> Response {
    deliver(st, viewer, me, StatusCode::UNPROCESSABLE_ENTITY, |st| {
        let project = st.engine.project()?;
        let (kit, sel) = st.engine.selection(vec![], vec![])?;
        let date = crate::checks::check::format_date(crate::checks::check::today());
        let refs = crate::products::plan::KitRef {
            file: kit.file.as_ref(),
            path: kit.path.as_deref(),
            explicit: false,
        };
        let (plan, _) = crate::products::plan::make(&project, &sel, refs, &date)?;
        Ok(Made {
            name: format!("{}-plan.pdf", facility_slug(&kit)),
            mime: "application/pdf",
            bytes: crate::products::plan::pdf(&project, &plan)?,
            what: "placement plan".into(),
        })
    })
    .await
}

/// A label sheet of one of the kit's designs on its recommended template, the kit's
/// locales taking turns, as `hotline-kit sheet DESIGN --template T` makes it.
pub async fn labels(
    State(st): State<AppState>,
    viewer: Viewer,
    me: Me,
    Path(design): Path<String>,
) -> Response {
    deliver(st, viewer, me, StatusCode::NOT_FOUND, move |st| {
        let project = st.engine.project()?;
        let (kit, sel) = st.engine.selection(vec![], vec![])?;
        let d = kit_design(&project, &sel, &design)?;
        let Some(name) = d.label_template.clone() else {
            return Err(
                Diagnostic::error(format!("{} has no recommended label template", d.name)).into(),
            );
        };
        let all = crate::products::labels::templates(&project)?;
        let t = all
            .get(&name)
            .ok_or_else(|| Diagnostic::error(format!("unknown sheet template `{name}`")))?;
        let one = crate::products::workspace::selection(
            &kit,
            vec![d.name.clone()],
            vec![],
            vec![],
            None,
        )?;
        let (pieces, _) = crate::products::kit::prepare(&project, &one)?;
        let scene = crate::products::labels::impose(&project, &name, t, &pieces, (0.0, 0.0), 1)?;
        let stem = format!("{}-{name}", d.name);
        let files = crate::products::kit::export(&scene, Format::Pdf, &stem)?;
        let bytes = files
            .into_iter()
            .next()
            .map(|f| f.bytes)
            .ok_or_else(|| Diagnostic::error("the label sheet is empty"))?;
        Ok(Made {
            name: format!("{stem}.pdf"),
            mime: "application/pdf",
            bytes,
            what: format!("label sheet {} on {name}", d.name),
        })
    })
    .await
}

/// A design of the kit's selection (anything else is refused, whatever the path says).
fn kit_design<'a>(
    project: &'a Project,
    sel: &Selection,
    name: &str,
) -> Result<&'a crate::load::spec::Design, Diagnostics> {
    let (designs, _, _) = sel.resolve(project);
    if !designs.iter().any(|d| d == name) {
        return Err(Diagnostic::error("that design is not part of this kit")
            .hint("the downloads page lists the kit's files")
            .into());
    }
    Ok(project.design(name)?)
}

/// A waiting-room loop of one screen design of the kit in one of its locales, as
/// `hotline-kit video DESIGN --locale L -o FILE.mp4` makes it with the kit's `[video]`
/// timing and crawl.
pub async fn video_loop(
    State(st): State<AppState>,
    viewer: Viewer,
    me: Me,
    Path((design, locale)): Path<(String, String)>,
) -> Response {
    deliver(st, viewer, me, StatusCode::NOT_FOUND, move |st| {
        let project = st.engine.project()?;
        let (kit, sel) = st.engine.selection(vec![], vec![])?;
        let d = kit_design(&project, &sel, &design)?;
        let (_, locales, _) = sel.resolve(&project);
        if d.medium != crate::load::spec::Medium::Screen || !locales.contains(&locale) {
            return Err(Diagnostic::error("there is no such loop in this kit")
                .hint("the downloads page lists the kit's loops")
                .into());
        }
        let one = crate::products::workspace::selection(
            &kit,
            vec![d.name.clone()],
            vec![locale.clone()],
            vec![],
            None,
        )?;
        let ls = kit
            .file
            .as_ref()
            .and_then(|k| k.video.as_ref())
            .map(|v| v.settings());
        let timing = ls.as_ref().map(|l| l.timing).unwrap_or_default();
        let crawl = ls.as_ref().is_some_and(|l| l.crawl);
        let stem = format!("{}-{locale}-loop", d.name);
        let (files, _) = crate::products::loops::make(
            &project,
            &one,
            &timing,
            crate::products::loops::LoopFormat::Mp4,
            false,
            crawl,
            std::path::Path::new(&format!("{stem}.mp4")),
        )?;
        let bytes = files
            .into_iter()
            .next()
            .map(|f| f.bytes)
            .ok_or_else(|| Diagnostic::error("the loop is empty"))?;
        Ok(Made {
            name: format!("{stem}.mp4"),
            mime: "video/mp4",
            bytes,
            what: format!("loop {} {locale}", d.name),
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe() {
        assert_eq!(safe_name("</textarea><script>"), "textarea-script");
        assert_eq!(safe_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_name("Clínica \"A\"\r\n"), "Cl-nica-A");
        assert_eq!(safe_name(""), "kit");
    }

    #[test]
    fn the_same_entries_make_the_same_zip() {
        let a = zip(&[("a.pdf".into(), b"x".as_slice()), ("m.json".into(), b"{}")]).unwrap();
        let b = zip(&[("a.pdf".into(), b"x".as_slice()), ("m.json".into(), b"{}")]).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn proof_names_say_not_for_print() {
        assert_eq!(
            proof_name("poster/en/poster-en.pdf"),
            "poster/en/PROOF-NOT-FOR-PRINT-poster-en.pdf"
        );
    }
}
