//! The staff posting log: from a phone, "posted N of piece X at place Y on date", or
//! removed, or damaged and replaced; and the facility's report (what is posted where,
//! in which languages, which approved version, when, by whom) as a page, CSV, JSON and
//! PDF, the same report `hotline-kit report` makes.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Chrome, error, html, html_status};
use crate::products::postings::{
    self, Action, FieldError, Known, NewPosting, Posting, Report, Standing,
};
use crate::web::app::{AppState, Me, Viewer};
use crate::web::store::audit::Change;

/// A design or language to choose: (value, label).
type Choice = (String, String);

/// The kit's designs and languages, with their titles and names.
fn choices(st: &AppState) -> Result<(Vec<Choice>, Vec<Choice>), crate::base::diag::Diagnostics> {
    let project = st.engine.project()?;
    let (_, sel) = st.engine.selection(vec![], vec![])?;
    let (designs, locales, _) = sel.resolve(&project);
    let designs = designs
        .into_iter()
        .map(|d| {
            let title = project
                .designs
                .get(&d)
                .map_or_else(|| d.clone(), |x| format!("{} ({d})", x.title));
            (d, title)
        })
        .collect();
    let locales = locales
        .into_iter()
        .map(|l| {
            let name = project
                .catalog(&l)
                .map_or_else(|_| l.clone(), |c| format!("{} ({l})", c.info.name));
            (l, name)
        })
        .collect();
    Ok((designs, locales))
}

/// One field's problem, for the template.
struct Problem {
    field: &'static str,
    text: String,
}

#[derive(Template)]
#[template(path = "web/templates/postings_log.html")]
struct LogPage {
    chrome: Chrome,
    designs: Vec<Choice>,
    locales: Vec<Choice>,
    form: NewPosting,
    count_text: String,
    problems: Vec<Problem>,
    done: String,
    recent: Vec<Posting>,
    standing: Vec<Standing>,
    max_date: String,
}

impl LogPage {
    fn problem(&self, field: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.text.as_str())
    }

    fn action_is(&self, a: &str) -> bool {
        self.form.action.as_str() == a
    }
}

/// `?done=` after a record.
#[derive(Debug, Deserialize)]
pub struct Done {
    done: Option<String>,
}

fn today_text() -> String {
    crate::checks::check::format_date(crate::checks::check::today())
}

fn log_page(
    st: &AppState,
    viewer: &Viewer,
    form: NewPosting,
    count_text: String,
    problems: Vec<FieldError>,
    done: String,
    status: StatusCode,
) -> Response {
    let (Ok((designs, locales)), Ok(log)) = (choices(st), st.store.postings()) else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, Some(viewer));
    };
    let recent = postings::chronological(&log)
        .into_iter()
        .rev()
        .take(20)
        .cloned()
        .collect();
    html_status(
        status,
        &LogPage {
            chrome: Chrome::new("Posting log", Some(viewer), "/postings"),
            designs,
            locales,
            form,
            count_text,
            problems: problems
                .into_iter()
                .map(|p| Problem {
                    field: p.field,
                    text: format!("{} ({})", p.message, p.hint),
                })
                .collect(),
            done,
            recent,
            standing: postings::standing(&log),
            max_date: today_text(),
        },
    )
}

/// The form and what is up where.
pub async fn log(State(st): State<AppState>, viewer: Viewer, Query(q): Query<Done>) -> Response {
    let form = NewPosting {
        count: 1,
        date: today_text(),
        ..NewPosting::default()
    };
    log_page(
        &st,
        &viewer,
        form,
        "1".into(),
        vec![],
        q.done.unwrap_or_default(),
        StatusCode::OK,
    )
}

/// The form's fields.
#[derive(Debug, Deserialize)]
pub struct RecordForm {
    #[serde(default)]
    design: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    count: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
}

/// Record a posting, after every check; the piece's content hash and review state are
/// recorded with it (which version went up).
pub async fn record(
    State(st): State<AppState>,
    viewer: Viewer,
    Me(me, addr): Me,
    Form(f): Form<RecordForm>,
) -> Response {
    let mut problems = Vec::new();
    let count = match postings::parse_count(&f.count) {
        Ok(n) => n,
        Err(e) => {
            problems.push(e);
            0
        }
    };
    let action = Action::parse(&f.action).unwrap_or_default();
    let new = NewPosting {
        design: f.design,
        locale: f.locale,
        place: f.place,
        count,
        date: f.date,
        action,
        by: me.user.shown(),
        note: f.note,
    };
    let (Ok((designs, locales)), Ok(log)) = (choices(&st), st.store.postings()) else {
        return error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer));
    };
    let names = |v: &[Choice]| v.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
    let (dn, ln) = (names(&designs), names(&locales));
    let known = Known {
        designs: &dn,
        locales: &ln,
    };
    if let Err(mut e) = postings::validate(&new, &known, crate::checks::check::today(), &log) {
        // The count's own parse error already says what is wrong with it.
        if !problems.is_empty() {
            e.retain(|p| p.field != "count");
        }
        problems.extend(e);
    }
    if !problems.is_empty() {
        return log_page(
            &st,
            &viewer,
            new,
            f.count,
            problems,
            String::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let st2 = st.clone();
    let (d, l) = (new.design.clone(), new.locale.clone());
    let scene = tokio::task::spawn_blocking(move || st2.engine.scene(&d, &l)).await;
    let (hash, state) = match scene {
        Ok(Ok(s)) => (s.hash.clone(), s.approval.word().to_string()),
        _ => (String::new(), "draft".to_string()),
    };
    match st.store.add_posting(
        &new,
        me.user.id,
        &hash,
        &state,
        &crate::web::store::now_text(),
    ) {
        Ok(p) => {
            let _ = st.store.audit(&Change {
                actor: &me.user.name,
                address: &addr,
                action: "posting.add",
                target: &format!("{} {} at {}", p.design, p.locale, p.place),
                before: "",
                after: &format!(
                    "{} {} on {} ({})",
                    p.action.as_str(),
                    p.count,
                    p.date,
                    postings::version_text(&p.state, &p.hash)
                ),
            });
            let msg = format!(
                "Recorded: {} {} of {} in {} at {}.",
                p.action.label(),
                p.count,
                p.design,
                p.locale,
                p.place
            );
            Redirect::to(&format!(
                "/postings?done={}",
                crate::web::app::urlencode(&msg)
            ))
            .into_response()
        }
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    }
}

/// `?from=&to=` of the report.
#[derive(Debug, Deserialize)]
pub struct Range {
    from: Option<String>,
    to: Option<String>,
}

fn make_report(st: &AppState, r: &Range) -> Result<Report, crate::base::diag::Diagnostics> {
    let facility = st
        .engine
        .kit()?
        .file
        .map(|k| k.facility.name)
        .unwrap_or_default();
    let events = st.store.postings()?;
    let day = |s: &Option<String>| {
        s.as_deref()
            .filter(|x| !x.is_empty())
            .and_then(crate::checks::check::parse_date)
            .map(crate::checks::check::format_date)
    };
    Ok(postings::report(
        &facility,
        &events,
        day(&r.from).as_deref(),
        day(&r.to).as_deref(),
        &today_text(),
    ))
}

#[derive(Template)]
#[template(path = "web/templates/postings_report.html")]
struct ReportPage {
    chrome: Chrome,
    r: Report,
    query: String,
}

/// The report as a page.
pub async fn report(
    State(st): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Range>,
) -> Response {
    match make_report(&st, &q) {
        Ok(r) => {
            let query = serde_urlencoded::to_string([
                ("from", r.from.clone().unwrap_or_default()),
                ("to", r.to.clone().unwrap_or_default()),
            ])
            .unwrap_or_default();
            html(&ReportPage {
                chrome: Chrome::new("Posting report", Some(&viewer), "/postings/report"),
                r,
                query,
            })
        }
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    }
}

fn attachment(kind: &'static str, name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The report as a file: the standing as CSV (formula-safe cells), JSON, or the PDF for
/// grant reports and audits (the same bytes as `hotline-kit report`).
async fn report_file(st: AppState, viewer: Viewer, q: Range, ext: &'static str) -> Response {
    let made = tokio::task::spawn_blocking(move || {
        let r = make_report(&st, &q)?;
        Ok::<_, crate::base::diag::Diagnostics>(match ext {
            "csv" => postings::standing_csv(&r.standing).into_bytes(),
            "json" => postings::to_json(&r).into_bytes(),
            _ => postings::to_pdf(st.engine.project()?.as_ref(), &r)?,
        })
    })
    .await;
    let kind = match ext {
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        _ => "application/pdf",
    };
    match made {
        Ok(Ok(bytes)) => attachment(kind, &format!("posting-report.{ext}"), bytes),
        _ => error(StatusCode::INTERNAL_SERVER_ERROR, Some(&viewer)),
    }
}

/// The report's standing as CSV.
pub async fn report_csv(
    State(st): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Range>,
) -> Response {
    report_file(st, viewer, q, "csv").await
}

/// The report as JSON.
pub async fn report_json(
    State(st): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Range>,
) -> Response {
    report_file(st, viewer, q, "json").await
}

/// The report as PDF.
pub async fn report_pdf(
    State(st): State<AppState>,
    viewer: Viewer,
    Query(q): Query<Range>,
) -> Response {
    report_file(st, viewer, q, "pdf").await
}
