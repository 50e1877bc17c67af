//! The coordinator's kit settings (`GET /kit`, `POST /kit`): a form for the facility's
//! kit.toml. A saved form is checked exactly as the command line checks a kit file
//! (the file is read by [`crate::products::workspace::load_kit`], then every piece of
//! the kit is laid out and checked by [`crate::products::kit::prepare`]); each problem is
//! shown beside the field whose setting it is about, with the command line's words and
//! hints. Nothing is written unless everything passes; then kit.toml is replaced as a
//! whole, the change recorded in the audit log with the text before and after.

use std::path::Path;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::kit_edit::{self, KitForm};
use super::{Chrome, error, html_status};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::project::Project;
use crate::web::app::{AppState, Me, Viewer};
use crate::web::store::audit::Change;

/// One problem as the page shows it: the command line's message, its hints, and where
/// it is (`kit.toml line 12`, `locales/es.ftl:3:1`).
#[derive(Debug, Clone)]
pub struct Problem {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hints: Vec<String>,
    /// Where.
    pub place: String,
}

impl Problem {
    fn say(message: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            hints: Vec::new(),
            place: String::new(),
        }
    }

    fn of(d: &Diagnostic, kit_tmp: Option<&Path>) -> Problem {
        let place = match (&d.file, &d.source, &d.span) {
            (Some(f), Some(src), Some(span)) if Some(f.as_path()) == kit_tmp => {
                format!("kit.toml line {}", src.line_col(span.start).0)
            }
            (Some(f), ..) if Some(f.as_path()) == kit_tmp => "kit.toml".into(),
            _ => d.location().unwrap_or_default(),
        };
        Problem {
            message: d.message.clone(),
            hints: d.hints.clone(),
            place,
        }
    }
}

/// Problems by form field (its HTML id), and those that belong to no field.
#[derive(Debug, Default)]
pub struct Problems {
    /// By field id.
    pub fields: Vec<(String, Problem)>,
    /// Not about one field.
    pub top: Vec<Problem>,
}

impl Problems {
    fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.top.is_empty()
    }

    fn of(&self, field: &str) -> Vec<Problem> {
        self.fields
            .iter()
            .filter(|(f, _)| f == field)
            .map(|(_, p)| p.clone())
            .collect()
    }

    fn add(&mut self, field: Option<String>, p: Problem) {
        match field {
            Some(f) => self.fields.push((f, p)),
            None => self.top.push(p),
        }
    }
}

/// A form input.
#[derive(Debug, Clone)]
pub struct Input {
    /// HTML id (also the field id problems are filed under).
    pub id: String,
    /// Form name.
    pub name: String,
    /// Label.
    pub label: String,
    /// Value.
    pub value: String,
    /// Help text under the label.
    pub help: String,
    /// Problems.
    pub errors: Vec<Problem>,
}

/// A checkbox or an option of a select.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Value.
    pub value: String,
    /// What people read.
    pub label: String,
    /// Ticked / selected.
    pub on: bool,
}

/// A local resource row.
#[derive(Debug, Clone)]
pub struct Row {
    /// Row number from 0.
    pub index: usize,
    /// Its fields: name, phone, hours, languages.
    pub inputs: Vec<Input>,
    /// Problems about the whole row.
    pub errors: Vec<Problem>,
    /// It is one of the kit's resources (offered for removal).
    pub existing: bool,
    /// Ticked for removal.
    pub remove: bool,
}

#[derive(Template)]
#[template(path = "web/templates/kit_settings.html")]
struct Page {
    chrome: Chrome,
    done: bool,
    top: Vec<Problem>,
    facility: Input,
    designs: Vec<Choice>,
    designs_errors: Vec<Problem>,
    locales: Vec<Choice>,
    locales_errors: Vec<Problem>,
    counts: Vec<Input>,
    rows: Vec<Row>,
    qr: Vec<Choice>,
    qr_errors: Vec<Problem>,
    jurisdictions: Vec<Choice>,
    jurisdiction_errors: Vec<Problem>,
    county: Vec<Choice>,
    county_errors: Vec<Problem>,
}

/// `?done=1` after a save.
#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// The kit settings form, filled from kit.toml.
pub async fn settings(
    State(st): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Done>,
) -> Response {
    let st2 = st.clone();
    let loaded = tokio::task::spawn_blocking(move || {
        let project = st2.engine.project()?;
        let kit = st2.engine.kit()?;
        Ok::<_, Diagnostics>((project, kit))
    })
    .await;
    let (project, kit) = match loaded {
        Ok(Ok(x)) => x,
        Ok(Err(d)) => return broken(&viewer, &d),
        Err(_) => return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    };
    let names = count_names(&project, kit.file.as_ref());
    let form = KitForm::from_kit(kit.file.as_ref(), &names);
    let mut ok_rows = kit.file.as_ref().map_or(0, |k| k.resource.len());
    ok_rows = ok_rows.min(form.resources.len());
    page(
        &viewer,
        &project,
        &form,
        ok_rows,
        &Problems::default(),
        q.done.is_some(),
        StatusCode::OK,
    )
}

/// The page when the project or kit.toml cannot be read at all: the problems, at the
/// top, with what to do.
fn broken(viewer: &Viewer, d: &Diagnostics) -> Response {
    let mut p = Problems::default();
    for x in d.0.iter().filter(|x| x.is_error()) {
        p.top.push(Problem::of(x, None));
    }
    p.top.push(Problem::say(
        "The kit settings cannot be shown until this is fixed in the project folder (`hotline-kit check` says the same).",
    ));
    html_status(
        StatusCode::INTERNAL_SERVER_ERROR,
        &Page {
            chrome: Chrome::new("Kit settings", Some(viewer), "/kit"),
            done: false,
            top: p.top,
            facility: input(
                "facility",
                "facility",
                "Facility name",
                String::new(),
                "",
                vec![],
            ),
            designs: vec![],
            designs_errors: vec![],
            locales: vec![],
            locales_errors: vec![],
            counts: vec![],
            rows: vec![],
            qr: vec![],
            qr_errors: vec![],
            jurisdictions: vec![],
            jurisdiction_errors: vec![],
            county: vec![],
            county_errors: vec![],
        },
    )
}

fn input(
    id: &str,
    name: &str,
    label: &str,
    value: String,
    help: &str,
    errors: Vec<Problem>,
) -> Input {
    Input {
        id: id.into(),
        name: name.into(),
        label: label.into(),
        value,
        help: help.into(),
        errors,
    }
}

/// The count names the form offers: those kit.toml has and those the project's designs
/// go by (`per`), sorted.
pub fn count_names(project: &Project, kit: Option<&crate::load::kitfile::KitFile>) -> Vec<String> {
    let mut v: Vec<String> = project
        .designs
        .values()
        .filter_map(|d| d.per.clone())
        .chain(kit.into_iter().flat_map(|k| k.counts.keys().cloned()))
        .collect();
    v.sort();
    v.dedup();
    v
}

#[allow(clippy::too_many_arguments)]
fn page(
    viewer: &Viewer,
    project: &Project,
    form: &KitForm,
    existing_rows: usize,
    problems: &Problems,
    done: bool,
    status: StatusCode,
) -> Response {
    let counts = form
        .counts
        .iter()
        .map(|(name, v)| {
            let users: Vec<&str> = project
                .designs
                .values()
                .filter(|d| d.per.as_ref() == Some(name))
                .map(|d| d.title.as_str())
                .collect();
            let help = if users.is_empty() {
                "not used by any design of this project".to_string()
            } else {
                format!("for: {}", users.join(", "))
            };
            let id = format!("count-{name}");
            input(
                &id,
                &id,
                &name.replace('_', " "),
                v.clone(),
                &help,
                problems.of(&id),
            )
        })
        .collect();
    let rows = form
        .resources
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let f = |k: &str, label: &str, v: &str, help: &str| {
                let id = format!("res-{i}-{k}");
                input(&id, &id, label, v.to_string(), help, problems.of(&id))
            };
            Row {
                index: i,
                inputs: vec![
                    f("name", "Program name", &r.name, "up to 60 characters"),
                    f(
                        "phone",
                        "Phone number",
                        &r.phone,
                        "US number as it should be printed, e.g. 510-555-0100",
                    ),
                    f("hours", "Hours (optional)", &r.hours, "e.g. Mon-Fri 9-5"),
                    f(
                        "languages",
                        "Languages (optional)",
                        &r.languages,
                        "locale codes, e.g. en, es",
                    ),
                ],
                errors: problems.of(&format!("res-{i}")),
                existing: i < existing_rows,
                remove: r.remove,
            }
        })
        .collect();
    let designs = project
        .designs
        .values()
        .map(|d| Choice {
            value: d.name.clone(),
            label: if d.on_request {
                format!("{} ({}, made on request)", d.title, d.name)
            } else {
                format!("{} ({})", d.title, d.name)
            },
            on: form.designs.contains(&d.name),
        })
        .collect();
    let mut locales: Vec<Choice> = project
        .catalogs
        .values()
        .map(|c| Choice {
            value: c.code.clone(),
            label: locale_label(c),
            on: form.locales.contains(&c.code) || form.locales.iter().any(|l| l == "all"),
        })
        .collect();
    locales.sort_by_key(|c| c.value != "en");
    // Two languages on one piece (`en+es`): English with Spanish is offered, and any
    // other pair the kit already names stays ticked, so saving keeps it.
    let mut pairs: Vec<String> = vec!["en+es".to_string()];
    for l in form.locales.iter().filter(|l| l.contains('+')) {
        if !pairs.contains(l) {
            pairs.push(l.clone());
        }
    }
    for pair in pairs {
        let names: Vec<String> = crate::load::spec::bilingual::locales_of(&pair)
            .iter()
            .map(|c| {
                project
                    .catalogs
                    .get(*c)
                    .map_or_else(|| c.to_string(), |cat| cat.info.name.clone())
            })
            .collect();
        locales.push(Choice {
            label: format!(
                "{} on one piece ({pair}; the designs that hold two languages)",
                names.join(" + ")
            ),
            on: form.locales.contains(&pair),
            value: pair,
        });
    }
    let qr = [
        ("", "Each design's own choice"),
        ("tel", "Call the hotline (tel)"),
        ("sms", "Text 233733 (sms)"),
        ("web", "Open humantraffickinghotline.org (web)"),
    ]
    .iter()
    .map(|(v, l)| Choice {
        value: v.to_string(),
        label: l.to_string(),
        on: form.qr == *v,
    })
    .collect();
    let mut jurisdictions = vec![Choice {
        value: String::new(),
        label: "None".into(),
        on: form.jurisdiction.is_empty(),
    }];
    jurisdictions.extend(project.jurisdictions.values().map(|j| Choice {
        value: j.id.clone(),
        label: format!("{} ({})", j.header.name, j.id),
        on: form.jurisdiction == j.id,
    }));
    let mut county = vec![Choice {
        value: String::new(),
        label: "None".into(),
        on: form.county_language.is_empty(),
    }];
    county.extend(project.catalogs.values().map(|c| Choice {
        value: c.code.clone(),
        label: locale_label(c),
        on: form.county_language == c.code,
    }));
    html_status(
        status,
        &Page {
            chrome: Chrome::new("Kit settings", Some(viewer), "/kit"),
            done,
            top: problems.top.clone(),
            facility: input(
                "facility",
                "facility",
                "Facility name",
                form.facility.clone(),
                "written into every PDF's metadata, and seeds the choice of pictures",
                problems.of("facility"),
            ),
            designs,
            designs_errors: problems.of("designs"),
            locales,
            locales_errors: problems.of("locales"),
            counts,
            rows,
            qr,
            qr_errors: problems.of("qr"),
            jurisdictions,
            jurisdiction_errors: problems.of("jurisdiction"),
            county,
            county_errors: problems.of("county_language"),
        },
    )
}

fn locale_label(c: &crate::load::locale::Catalog) -> String {
    if c.info.native.is_empty() || c.info.native == c.info.name {
        format!("{} ({})", c.info.name, c.code)
    } else {
        format!("{} / {} ({})", c.info.name, c.info.native, c.code)
    }
}

/// Save the kit settings: the new kit.toml is checked like the command line checks it
/// and written only if everything passes.
pub async fn save(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, addr): Me,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let _writing = st.writing.lock().await;
    let st2 = st.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let project = st2.engine.project()?;
        let dir = st2.engine.dir().to_path_buf();
        let path = dir.join("kit.toml");
        let old = match std::fs::symlink_metadata(&path) {
            Ok(_) => {
                crate::base::assets::confined(&dir, "kit.toml").map_err(|e| {
                    Diagnostics::from(Diagnostic::error(format!(
                        "cannot read kit file {}: {e}",
                        path.display()
                    )))
                })?;
                std::fs::read_to_string(&path).map_err(|e| {
                    Diagnostics::from(Diagnostic::error(format!(
                        "cannot read kit file {}: {e}",
                        path.display()
                    )))
                })?
            }
            Err(_) => String::new(),
        };
        let current = st2.engine.kit().ok();
        let names = count_names(&project, current.as_ref().and_then(|k| k.file.as_ref()));
        let form = KitForm::from_pairs(&pairs, &names);
        let existing = current
            .as_ref()
            .and_then(|k| k.file.as_ref())
            .map_or(0, |k| k.resource.len());
        let checked = check(&dir, &project, &old, &form);
        Ok::<_, Diagnostics>((project, form, existing, old, checked))
    })
    .await;
    let (project, form, existing, old, checked) = match outcome {
        Ok(Ok(x)) => x,
        Ok(Err(d)) => return broken(&viewer, &d),
        Err(_) => return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    };
    let new = match checked {
        Ok(new) => new,
        Err(problems) => {
            return page(
                &viewer,
                &project,
                &form,
                existing,
                &problems,
                false,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    if new != old {
        let path = st.engine.dir().join("kit.toml");
        if let Err(d) = crate::products::kit::write_atomic(&path, new.as_bytes()) {
            let mut p = Problems::default();
            p.top.push(Problem::of(&d, None));
            return page(
                &viewer,
                &project,
                &form,
                existing,
                &p,
                false,
                StatusCode::INTERNAL_SERVER_ERROR,
            );
        }
        st.engine.invalidate();
        if st
            .store
            .audit(&Change {
                actor: &me.user.name,
                address: &addr,
                action: "kit.update",
                target: "kit.toml",
                before: &old,
                after: &new,
            })
            .is_err()
        {
            return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer));
        }
    }
    Redirect::to("/kit?done=1").into_response()
}

/// The new kit.toml text for a posted form, or every problem with it, filed by field:
/// the kit file as the command line reads it (`load_kit`: the file's own checks and the
/// local resources against the hotline), the names it gives (designs, locales, the
/// jurisdiction, by the same look-ups as `build` and `check`), and then the whole kit
/// laid out and checked as `build` does (`prepare`).
pub fn check(dir: &Path, project: &Project, old: &str, form: &KitForm) -> Result<String, Problems> {
    let mut p = Problems::default();
    let new = kit_edit::apply(old, form).map_err(|e| {
        let mut p = Problems::default();
        p.top.push(Problem::say(e.0));
        p
    })?;
    if form.designs.is_empty() {
        p.add(
            Some("designs".into()),
            Problem::say("Choose at least one design."),
        );
    }
    if form.locales.is_empty() {
        p.add(
            Some("locales".into()),
            Problem::say("Choose at least one language."),
        );
    }
    if !p.is_empty() {
        return Err(p);
    }
    let map = kit_edit::field_map(&new);
    // The kit file as the command line reads it, from a private file beside the database
    // (outside the folders the server watches).
    let scratch = dir.join(".hotline-kit");
    let tmp = std::fs::create_dir_all(&scratch)
        .and_then(|_| {
            tempfile::Builder::new()
                .prefix("kit-check-")
                .suffix(".toml")
                .tempfile_in(&scratch)
        })
        .and_then(|mut t| {
            std::io::Write::write_all(&mut t, new.as_bytes())?;
            Ok(t)
        })
        .map_err(|e| {
            let mut p = Problems::default();
            p.top.push(Problem::say(format!(
                "cannot check the kit file: {e} (in {})",
                scratch.display()
            )));
            p
        })?;
    let tmp_path = tmp.path().to_path_buf();
    let file = match crate::products::workspace::load_kit(dir, Some(&tmp_path)) {
        Ok(k) => k.file,
        Err(d) => {
            for x in d.0.iter().filter(|x| x.is_error()) {
                let field = x
                    .span
                    .as_ref()
                    .filter(|_| x.file.as_deref() == Some(tmp_path.as_path()))
                    .and_then(|s| map.field_at(s.start))
                    .map(|f| {
                        if f.starts_with("res-") {
                            kit_edit::resource_part(f, &x.message)
                        } else {
                            f.to_string()
                        }
                    });
                p.add(field, Problem::of(x, Some(&tmp_path)));
            }
            return Err(p);
        }
    };
    drop(tmp);
    for d in &form.designs {
        if let Err(e) = project.design(d) {
            p.add(Some("designs".into()), Problem::of(&e, None));
        }
    }
    for l in form.locales.iter().filter(|l| *l != "all") {
        for code in crate::load::spec::bilingual::locales_of(l) {
            if let Err(e) = project.catalog(code) {
                p.add(Some("locales".into()), Problem::of(&e, None));
            }
        }
    }
    if !form.jurisdiction.is_empty()
        && let Err(e) = crate::products::compliance_report::profile(project, &form.jurisdiction)
    {
        p.add(Some("jurisdiction".into()), Problem::of(&e, None));
    }
    if !form.county_language.is_empty()
        && let Err(e) = project.catalog(&form.county_language)
    {
        p.add(Some("county_language".into()), Problem::of(&e, None));
    }
    if !p.is_empty() {
        return Err(p);
    }
    // The whole kit, laid out and checked as `build` does.
    let kit = crate::products::workspace::Kit {
        file,
        path: Some(dir.join("kit.toml")),
        dir: dir.to_path_buf(),
    };
    let built = crate::products::workspace::selection(&kit, vec![], vec![], vec![], None)
        .and_then(|sel| crate::products::kit::prepare(project, &sel));
    if let Err(d) = built {
        for x in d.0.iter().filter(|x| x.is_error()) {
            p.add(None, Problem::of(x, None));
        }
        return Err(p);
    }
    Ok(new)
}
