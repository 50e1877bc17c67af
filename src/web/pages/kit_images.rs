//! A facility's own pictures (`GET /kit/images`, `POST /kit/images`): the README's
//! "A facility's own pictures" from the browser. An upload becomes `images/ID.EXT` and
//! `images/ID.toml` in the project folder only after the same checks as the command
//! line: the type is sniffed from the bytes (PNG, JPEG or SVG; never from the upload's
//! name or stated type), the sidecar's licence, credit and tags are checked
//! ([`crate::load::imagery::parse_sidecar`], [`crate::load::imagery::validate_catalog`]),
//! the picture is read by [`crate::load::imagery::load_svg`] (SVG safety) or
//! [`crate::load::imagery::load_raster`] (40-megapixel limit from the header), and the
//! project must still load with it. The server makes the file name from the title.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::kit::Problem;
use super::{Chrome, error, html_status};
use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::load::imagery::{self, ImageEntry};
use crate::web::app::{AppState, Me, Viewer};
use crate::web::store::audit::Change;

/// The sidecar's text fields, as the form names them.
const TEXT_FIELDS: &[(&str, &str, &str)] = &[
    (
        "title",
        "Title",
        "what the picture shows, in plain words (also its alt text)",
    ),
    (
        "license",
        "Licence",
        "SPDX id, e.g. CC-BY-4.0, or \"own work, all rights reserved by the facility\"",
    ),
    (
        "source",
        "Source",
        "where it comes from (photographer, package and version)",
    ),
    (
        "credit",
        "Credit",
        "the credit line printed in the kit's credits",
    ),
];

/// Largest upload read, in bytes (a little under the server's body limit).
const MAX_UPLOAD: usize = 10 << 20;

/// A select of the form.
#[derive(Debug, Clone)]
pub struct Select {
    /// Name and id.
    pub name: String,
    /// Label.
    pub label: String,
    /// Options.
    pub options: Vec<String>,
    /// Chosen.
    pub chosen: String,
}

/// A text input of the form.
#[derive(Debug, Clone)]
pub struct Text {
    /// Name and id.
    pub name: String,
    /// Label.
    pub label: String,
    /// Help.
    pub help: String,
    /// Value.
    pub value: String,
}

#[derive(Template)]
#[template(path = "web/templates/kit_images.html")]
struct Page {
    chrome: Chrome,
    done: String,
    problems: Vec<Problem>,
    own: Vec<ImageEntry>,
    texts: Vec<Text>,
    tags: Vec<Select>,
}

fn form(values: &[(String, String)]) -> (Vec<Text>, Vec<Select>) {
    let get = |k: &str| {
        values
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let texts = TEXT_FIELDS
        .iter()
        .map(|(n, l, h)| Text {
            name: n.to_string(),
            label: l.to_string(),
            help: h.to_string(),
            value: get(n),
        })
        .collect();
    let tags = imagery::TAGS
        .iter()
        .map(|(f, _)| Select {
            name: f.to_string(),
            label: f.replace('_', " "),
            options: imagery::allowed_values(f)
                .iter()
                .map(|s| s.to_string())
                .collect(),
            chosen: get(f),
        })
        .collect();
    (texts, tags)
}

fn render(
    st: &AppState,
    viewer: &Viewer,
    values: &[(String, String)],
    problems: Vec<Problem>,
    done: String,
    status: StatusCode,
) -> Response {
    let own = st
        .engine
        .project()
        .map(|p| {
            p.images
                .values()
                .filter(|e| e.dir == "images")
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let (texts, tags) = form(values);
    html_status(
        status,
        &Page {
            chrome: Chrome::new("Pictures", Some(viewer), "/kit/images"),
            done,
            problems,
            own,
            texts,
            tags,
        },
    )
}

/// `?done=` after an upload.
#[derive(Debug, serde::Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// The facility's own pictures and the upload form.
pub async fn page(
    State(st): State<AppState>,
    viewer: Viewer,
    axum::extract::Query(q): axum::extract::Query<Done>,
) -> Response {
    let st2 = st.clone();
    let v2 = viewer.clone();
    let done = q
        .done
        .map(|d| format!("Added the picture {d}."))
        .unwrap_or_default();
    tokio::task::spawn_blocking(move || render(&st2, &v2, &[], vec![], done, StatusCode::OK))
        .await
        .unwrap_or_else(|_| error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)))
}

/// What a picture's bytes are, sniffed from their start: its file extension.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("png");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("jpg");
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let t = text.trim_start_matches('\u{feff}').trim_start();
    (t.starts_with('<') && t.contains("<svg")).then_some("svg")
}

/// The picture's id, made from its title: lower-case letters, digits and hyphens, not
/// used by the library or another picture of the facility.
fn make_id(title: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let mut base = String::from("own-");
    for c in crate::load::content::fold(title).chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c.to_ascii_lowercase());
        } else if !base.ends_with('-') {
            base.push('-');
        }
        if base.len() >= 40 {
            break;
        }
    }
    let base = base.trim_end_matches('-').to_string();
    let base = if base == "own" {
        "own-picture".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The sidecar text for the form's values (every value a TOML string).
fn sidecar(values: &[(String, String)]) -> String {
    let mut t = toml_edit::DocumentMut::new();
    for name in TEXT_FIELDS
        .iter()
        .map(|(n, ..)| *n)
        .chain(imagery::TAGS.iter().map(|(f, _)| *f))
    {
        if let Some((_, v)) = values.iter().find(|(n, _)| n == name) {
            let v = v.trim();
            if !v.is_empty() {
                t.insert(name, toml_edit::value(v));
            }
        }
    }
    t.to_string()
}

/// Every check the command line makes on a facility picture, on the upload: its
/// sidecar, tags and licence, then the picture itself. Returns the id, extension and
/// sidecar text.
fn check_upload(
    project: &crate::load::project::Project,
    dir: &std::path::Path,
    values: &[(String, String)],
    bytes: &[u8],
) -> Result<(String, &'static str, String), Diagnostics> {
    if bytes.is_empty() {
        return Err(Diagnostic::error("choose a picture file to upload").into());
    }
    let Some(ext) = sniff(bytes) else {
        return Err(
            Diagnostic::error("the file is neither a PNG, a JPEG nor an SVG picture")
                .hint("pictures are recognised from their content, not their name")
                .into(),
        );
    };
    let title = values
        .iter()
        .find(|(n, _)| n == "title")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    let taken = |id: &str| {
        project.images.contains_key(id)
            || ["svg", "png", "jpg", "jpeg", "toml"]
                .iter()
                .any(|e| std::fs::symlink_metadata(dir.join(format!("images/{id}.{e}"))).is_ok())
    };
    let id = make_id(title, &taken);
    let file = format!("{id}.{ext}");
    let text = sidecar(values);
    let src = Source::new(format!("images/{id}.toml"), text.clone());
    let entry = imagery::parse_sidecar(&file, &src)?;
    let one = std::collections::BTreeMap::from([(entry.id.clone(), entry.clone())]);
    let bad = imagery::validate_catalog(&one, &src);
    if !bad.is_empty() {
        return Err(Diagnostics(bad));
    }
    let path = format!("images/{file}");
    match ext {
        "svg" => imagery::load_svg(&entry, bytes.to_vec(), &path).map(|_| ())?,
        _ => imagery::load_raster(&entry, bytes.to_vec(), &path).map(|_| ())?,
    }
    Ok((id, ext, text))
}

/// Add a picture: checked as the command line checks it, then written with its sidecar
/// (the sidecar first, so the project never holds a picture without one); if the
/// project does not load with it, both files are removed again.
pub async fn upload(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, addr): Me,
    mut mp: Multipart,
) -> Response {
    let mut values: Vec<(String, String)> = Vec::new();
    let mut bytes: Vec<u8> = Vec::new();
    let mut too_big = false;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return error(StatusCode::BAD_REQUEST, Some(&viewer)),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "picture" {
            let mut field = field;
            while let Ok(Some(chunk)) = field.chunk().await {
                if bytes.len() + chunk.len() > MAX_UPLOAD {
                    too_big = true;
                    break;
                }
                bytes.extend_from_slice(&chunk);
            }
        } else if values.len() < 40 {
            let v = field.text().await.unwrap_or_default();
            values.push((name, v.chars().take(500).collect()));
        }
    }
    if too_big {
        let p = vec![Problem {
            message: format!("the picture is larger than {} MB", MAX_UPLOAD >> 20),
            hints: vec![
                "make it smaller (a PNG or JPEG of at most 40 megapixels, an SVG of at most 2 MB)"
                    .into(),
            ],
            place: String::new(),
        }];
        return render(
            &st,
            &viewer,
            &values,
            p,
            String::new(),
            StatusCode::PAYLOAD_TOO_LARGE,
        );
    }
    let _writing = st.writing.lock().await;
    let st2 = st.clone();
    let v2 = values.clone();
    let done = tokio::task::spawn_blocking(move || add(&st2, &v2, &bytes)).await;
    match done {
        Ok(Ok((file, sidecar_text, digest))) => {
            let _ = st.store.audit(&Change {
                actor: &me.user.name,
                address: &addr,
                action: "image.add",
                target: &format!("images/{file}"),
                before: "",
                after: &format!("sha256 {digest}\n{sidecar_text}"),
            });
            Redirect::to(&format!(
                "/kit/images?done={}",
                crate::web::app::urlencode(&file)
            ))
            .into_response()
        }
        Ok(Err(d)) => {
            let p = super::kit_files::problems(&d);
            render(
                &st,
                &viewer,
                &values,
                p,
                String::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    }
}

fn add(
    st: &AppState,
    values: &[(String, String)],
    bytes: &[u8],
) -> Result<(String, String, String), Diagnostics> {
    let project = st.engine.project()?;
    let dir = st.engine.dir().to_path_buf();
    let (id, ext, text) = check_upload(&project, &dir, values, bytes)?;
    let fail = |e: std::io::Error| {
        Diagnostics::from(Diagnostic::error(format!("cannot write images/: {e}")))
    };
    std::fs::create_dir_all(dir.join("images")).map_err(fail)?;
    // The folder must not lead outside the project through a link.
    crate::base::assets::confined(&dir, "images").map_err(fail)?;
    let side = dir.join(format!("images/{id}.toml"));
    let pic = dir.join(format!("images/{id}.{ext}"));
    crate::products::kit::write_atomic(&side, text.as_bytes())?;
    if let Err(e) = crate::products::kit::write_atomic(&pic, bytes) {
        let _ = std::fs::remove_file(&side);
        return Err(e.into());
    }
    st.engine.invalidate();
    if let Err(d) = st.engine.project() {
        let _ = std::fs::remove_file(&pic);
        let _ = std::fs::remove_file(&side);
        st.engine.invalidate();
        return Err(d);
    }
    Ok((
        format!("{id}.{ext}"),
        text,
        crate::base::hash::digest(bytes),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("jpg"));
        assert_eq!(sniff(b"  <?xml version=\"1.0\"?><svg/>"), Some("svg"));
        assert_eq!(sniff(b"GIF89a"), None);
        assert_eq!(sniff(b"<html><script>"), None);
    }

    #[test]
    fn ids_are_made_by_the_server() {
        let none = |_: &str| false;
        assert_eq!(make_id("../../etc/passwd", &none), "own-etc-passwd");
        assert_eq!(make_id("", &none), "own-picture");
        let one = |s: &str| s == "own-nurse";
        assert_eq!(make_id("Nurse", &one), "own-nurse-2");
    }
}
