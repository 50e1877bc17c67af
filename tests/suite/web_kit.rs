//! The coordinator's pages, in process: kit settings saved with the command line's
//! checks (and refused beside the field with its words, nothing written), the final zip
//! only when everything is approved and then byte for byte `build --final`, proofs named
//! not for print, roles enforced, hostile text stored as text and shown escaped, and
//! pictures checked before they are written.

use crate::common;

use std::io::Read as _;
use std::path::Path;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use hotline_kit::web::app::{AppState, Config, router};
use hotline_kit::web::pages::kit_edit::KitForm;
use hotline_kit::web::store::Store;
use hotline_kit::web::store::users::{NewUser, Role};
use tower::ServiceExt as _;

/// A facility folder from `hotline-kit init`, with a small kit (three designs, two
/// languages, PDF only) so the tests run quickly.
fn facility() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = common::hotline_kit()
        .arg("init")
        .arg(dir.path().join("f"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kit = dir.path().join("f/kit.toml");
    common::edit(
        &kit,
        "designs = [\"stall-sticker\", \"window-cling\", \"poster\", \"wallet-card\", \"tv-slides\",\n           \"safety-card\", \"staff-badge-card\", \"staff-poster\", \"staff-poster-letter\"]",
        "designs = [\"stall-sticker\", \"poster\", \"wallet-card\"]",
    );
    // Three designs do not show the whole kit's range of people: a warning here.
    common::edit(&kit, "diversity = \"required\"", "diversity = \"advisory\"");
    common::edit(&kit, "formats = [\"pdf\", \"png\"]", "formats = [\"pdf\"]");
    dir
}

struct Web {
    app: axum::Router,
    store: Store,
    rt: tokio::runtime::Runtime,
    /// (cookie, csrf) of the coordinator and of a reviewer.
    coordinator: (String, String),
    reviewer: (String, String),
}

impl Web {
    fn new(dir: &Path) -> Web {
        let store = Store::open(dir).unwrap();
        let login = |name: &str, role: Role| {
            let u = store
                .add_user(&NewUser {
                    name: name.into(),
                    role,
                    board_role: String::new(),
                    locales: vec![],
                    password: "a long password".into(),
                })
                .unwrap();
            let s = store.start_session(u.id, 3600).unwrap();
            (format!("hk_session={}", s.token), s.csrf)
        };
        let coordinator = login("Cora", Role::Coordinator);
        let reviewer = login("Rene", Role::Reviewer);
        let app = router(AppState::new(
            dir,
            Store::open(dir).unwrap(),
            Config::default(),
        ));
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        Web {
            app,
            store,
            rt,
            coordinator,
            reviewer,
        }
    }

    fn send(&self, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        self.rt.block_on(async {
            let res = self.app.clone().oneshot(req).await.unwrap();
            let status = res.status();
            let headers = res.headers().clone();
            let body = axum::body::to_bytes(res.into_body(), usize::MAX)
                .await
                .unwrap();
            (status, headers, body.to_vec())
        })
    }

    fn get(
        &self,
        who: &(String, String),
        uri: &str,
    ) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        self.send(
            Request::get(uri)
                .header(header::COOKIE, &who.0)
                .body(Body::empty())
                .unwrap(),
        )
    }

    fn post_form(
        &self,
        who: &(String, String),
        uri: &str,
        pairs: &[(String, String)],
    ) -> (StatusCode, String) {
        let mut all = vec![("csrf".to_string(), who.1.clone())];
        all.extend(pairs.iter().cloned());
        let body = serde_urlencoded::to_string(&all).unwrap();
        let (s, _, b) = self.send(
            Request::post(uri)
                .header(header::COOKIE, &who.0)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        );
        (s, String::from_utf8_lossy(&b).into_owned())
    }
}

/// The form the settings page shows for the project's kit.toml now.
fn current_form(dir: &Path) -> KitForm {
    let p = hotline_kit::products::workspace::load(dir).unwrap();
    let kit = hotline_kit::products::workspace::load_kit(dir, None).unwrap();
    let names = hotline_kit::web::pages::kit::count_names(&p, kit.file.as_ref());
    KitForm::from_kit(kit.file.as_ref(), &names)
}

/// Text of an HTML fragment with the template engine's escapes undone.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#96;", "`")
        .replace("&amp;", "&")
}

/// The problem block shown beside field `id` (`<div ... id="err-ID">...</div>`).
fn beside(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("id=\"err-{id}\""))
        .unwrap_or_else(|| panic!("no problem beside {id}:\n{html}"));
    let end = html[start..].find("</div>").unwrap() + start;
    unescape(&html[start..end])
}

/// The first error message `hotline-kit check` prints for a copy of the facility with
/// this kit.toml.
fn cli_error(kit_toml: &str, args: &[&str]) -> String {
    let other = facility();
    let f = other.path().join("f");
    std::fs::write(f.join("kit.toml"), kit_toml).unwrap();
    let mut all = vec!["check"];
    all.extend(args);
    let out = common::hk(&f, &all);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let line = err
        .lines()
        .find(|l| l.starts_with("error"))
        .unwrap_or_else(|| panic!("no error in:\n{err}"));
    line.split_once(": ").unwrap().1.trim().to_string()
}

#[test]
fn a_coordinator_saves_a_valid_change_and_the_audit_log_has_both_texts() {
    let dir = facility();
    let f = dir.path().join("f");
    let web = Web::new(&f);
    let before = std::fs::read_to_string(f.join("kit.toml")).unwrap();
    let mut form = current_form(&f);
    form.facility = "Saint Example Clinic".into();
    for (n, v) in &mut form.counts {
        if n == "stalls" {
            *v = "7".into();
        }
    }
    form.resources[0].name = "Example County Victim Services".into();
    form.resources[0].phone = "510-555-0100".into();
    form.resources[0].languages = "en, es".into();
    let (s, body) = web.post_form(&web.coordinator, "/kit", &form.pairs());
    assert_eq!(s, StatusCode::SEE_OTHER, "{body}");
    let after = std::fs::read_to_string(f.join("kit.toml")).unwrap();
    let parsed: toml::Value = toml::from_str(&after).unwrap();
    assert_eq!(
        parsed["facility"]["name"].as_str(),
        Some("Saint Example Clinic")
    );
    assert_eq!(parsed["counts"]["stalls"].as_integer(), Some(7));
    assert_eq!(
        parsed["resource"][0]["phone"].as_str(),
        Some("510-555-0100")
    );
    // Everything else, comments included, stays as it was.
    assert!(
        after.contains("# bathroom stalls (stall stickers)"),
        "{after}"
    );
    assert!(
        after.contains("# Local programs to list on posters"),
        "{after}"
    );
    assert!(
        after.contains("restrooms = 6            # public restrooms (posters)"),
        "{after}"
    );
    let log = web.store.audit_log(10).unwrap();
    let e = log
        .iter()
        .find(|e| e.action == "kit.update")
        .expect("audit row");
    assert_eq!(e.actor, "Cora");
    assert_eq!(e.before, before);
    assert_eq!(e.after, after);
    // The same kit is valid for the command line.
    let out = common::hk(&f, &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The settings page shows the saved values.
    let (s, _, page) = web.get(&web.coordinator, "/kit?done=1");
    assert_eq!(s, StatusCode::OK);
    let page = String::from_utf8_lossy(&page);
    assert!(page.contains("value=\"Saint Example Clinic\""));
    assert!(page.contains("value=\"Example County Victim Services\""));
}

#[test]
fn invalid_values_are_refused_beside_their_field_with_the_cli_words_and_nothing_is_written() {
    let dir = facility();
    let f = dir.path().join("f");
    let web = Web::new(&f);
    let original = std::fs::read(f.join("kit.toml")).unwrap();
    let text = String::from_utf8(original.clone()).unwrap();

    // A local number one digit away from the hotline's.
    let mut form = current_form(&f);
    form.resources[0].name = "County Help Line".into();
    form.resources[0].phone = "1-888-373-7889".into();
    let (s, html) = web.post_form(&web.coordinator, "/kit", &form.pairs());
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let cli = cli_error(
        &format!("{text}\n[[resource]]\nname = \"County Help Line\"\nphone = \"1-888-373-7889\"\n"),
        &[],
    );
    assert!(cli.contains("look-alike"), "{cli}");
    assert!(beside(&html, "res-0-phone").contains(&cli), "{html}");
    assert!(html.contains("aria-describedby=\"help-res-0-phone err-res-0-phone\""));
    assert_eq!(std::fs::read(f.join("kit.toml")).unwrap(), original);

    // A design the project does not have.
    let mut form = current_form(&f);
    form.designs.push("no-such-design".into());
    let (s, html) = web.post_form(&web.coordinator, "/kit", &form.pairs());
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let cli = cli_error(&text, &["--design", "no-such-design"]);
    assert!(beside(&html, "designs").contains(&cli), "{cli}\n{html}");
    assert_eq!(std::fs::read(f.join("kit.toml")).unwrap(), original);

    // A count below zero.
    let mut form = current_form(&f);
    for (n, v) in &mut form.counts {
        if n == "exam_rooms" {
            *v = "-1".into();
        }
    }
    let (s, html) = web.post_form(&web.coordinator, "/kit", &form.pairs());
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let cli = cli_error(&text.replace("exam_rooms = 20", "exam_rooms = -1"), &[]);
    assert!(
        beside(&html, "count-exam_rooms").contains(&cli),
        "{cli}\n{html}"
    );
    assert_eq!(std::fs::read(f.join("kit.toml")).unwrap(), original);

    // Nothing was recorded as a change.
    assert!(
        web.store
            .audit_log(10)
            .unwrap()
            .iter()
            .all(|e| e.action != "kit.update")
    );
}

#[test]
fn a_reviewer_cannot_change_the_kit() {
    let dir = facility();
    let f = dir.path().join("f");
    let web = Web::new(&f);
    let original = std::fs::read(f.join("kit.toml")).unwrap();
    let mut form = current_form(&f);
    form.facility = "Changed by a reviewer".into();
    let (s, _) = web.post_form(&web.reviewer, "/kit", &form.pairs());
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = web.get(&web.reviewer, "/kit/download/proofs");
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(std::fs::read(f.join("kit.toml")).unwrap(), original);
}

#[test]
fn a_hostile_facility_name_is_stored_as_text_and_shown_escaped() {
    let dir = facility();
    let f = dir.path().join("f");
    let web = Web::new(&f);
    let hostile = "</textarea><script>alert(1)</script>\" onfocus=\"x";
    let mut form = current_form(&f);
    form.facility = hostile.into();
    let (s, body) = web.post_form(&web.coordinator, "/kit", &form.pairs());
    assert_eq!(s, StatusCode::SEE_OTHER, "{body}");
    let parsed: toml::Value =
        toml::from_str(&std::fs::read_to_string(f.join("kit.toml")).unwrap()).unwrap();
    assert_eq!(parsed["facility"]["name"].as_str(), Some(hostile));
    let (_, _, page) = web.get(&web.coordinator, "/kit");
    let page = String::from_utf8_lossy(&page);
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("\" onfocus=\"x"), "{page}");
    assert!(page.contains("&lt;/textarea&gt;&lt;script&gt;"), "{page}");
}

/// The files of a zip, by name.
fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(f.name().unwrap().to_string(), b);
    }
    out
}

#[test]
fn proofs_are_named_not_for_print_and_the_final_zip_waits_for_approval_then_equals_build_final() {
    let dir = facility();
    let f = dir.path().join("f");
    let web = Web::new(&f);

    // Proofs: every file named as not for print, the zip too.
    let (s, h, body) = web.get(&web.coordinator, "/kit/download/proofs");
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let cd = h[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        cd.starts_with("attachment;") && cd.contains("-proofs-NOT-FOR-PRINT.zip"),
        "{cd}"
    );
    let proofs = unzip(&body);
    assert_eq!(proofs.len(), 6, "{:?}", proofs.keys());
    for (name, bytes) in &proofs {
        let file = name.rsplit('/').next().unwrap();
        assert!(
            file.starts_with("PROOF-NOT-FOR-PRINT-") && file.ends_with(".pdf"),
            "{name}"
        );
        assert!(bytes.starts_with(b"%PDF-"));
    }

    // The final zip is refused while pieces are drafts; the page says which.
    let (s, _, body) = web.get(&web.coordinator, "/kit/download/final");
    assert_eq!(s, StatusCode::CONFLICT);
    let page = String::from_utf8_lossy(&body);
    assert!(page.contains("not approved for print"), "{page}");
    assert!(page.contains("wallet-card (en)"), "{page}");
    let (_, _, dl) = web.get(&web.coordinator, "/kit/download");
    assert!(!String::from_utf8_lossy(&dl).contains("href=\"/kit/download/final\""));

    // Spanish is a draft translation (its strings are not reviewed), so approving the
    // pieces cannot make it final: the kit goes on in English only.
    common::edit(
        f.join("kit.toml"),
        "locales = [\"en\", \"es\"]",
        "locales = [\"en\"]",
    );
    // Approved on the command line, then the same files as `build --final`.
    for d in ["stall-sticker", "poster", "wallet-card"] {
        let out = common::hk(&f, &["approve", d, "--locale", "all", "--by", "Board"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (s, h, body) = web.get(&web.coordinator, "/kit/download/final");
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert!(
        h[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("-final.zip")
    );
    let zipped = unzip(&body);
    let out = common::hk(&f, &["build", "--final", "--out", "built"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let built = common::files_under(&f.join("built"));
    assert_eq!(
        zipped.keys().collect::<Vec<_>>(),
        built.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &built {
        assert!(zipped[name] == *bytes, "{name} differs from build --final");
    }
    // The same kit gives the same zip.
    let (_, _, again) = web.get(&web.coordinator, "/kit/download/final");
    assert_eq!(again, body);
    let downloads = web
        .store
        .audit_log(20)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "kit.download")
        .count();
    assert_eq!(downloads, 3);
}

#[test]
fn the_plan_and_a_label_sheet_download_as_pdf() {
    let dir = facility();
    let f = dir.path().join("f");
    let web = Web::new(&f);
    let (s, h, body) = web.get(&web.coordinator, "/kit/download/plan");
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h[header::CONTENT_TYPE], "application/pdf");
    assert!(body.starts_with(b"%PDF-"));
    let (_, _, page) = web.get(&web.coordinator, "/kit/download");
    let page = String::from_utf8_lossy(&page);
    let href = page
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.starts_with("/kit/download/labels/"))
        .expect("a label sheet is offered")
        .to_string();
    let (s, _, body) = web.get(&web.coordinator, &href);
    assert_eq!(s, StatusCode::OK);
    assert!(body.starts_with(b"%PDF-"));
    // A design outside the kit is refused, whatever the path says.
    let (s, _, _) = web.get(&web.coordinator, "/kit/download/labels/..%2F..%2Fkit.toml");
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[test]
fn a_kit_with_a_language_pair_shows_and_reviews_the_pair() {
    let dir = facility();
    let f = dir.path().join("f");
    common::edit(
        f.join("kit.toml"),
        "locales = [\"en\", \"es\"]",
        "locales = [\"en\", \"es\", \"en+es\"]",
    );
    let web = Web::new(&f);
    // The coordinator's pieces: the pair among them, with its preview.
    let (s, _, b) = web.get(&web.coordinator, "/kit/pieces");
    let html = String::from_utf8_lossy(&b);
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(
        html.contains("/preview/stall-sticker/en%2Bes/1.png"),
        "{html}"
    );
    let (s, h, _) = web.get(
        &web.coordinator,
        "/preview/stall-sticker/en%2Bes/1.png?w=300",
    );
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h[header::CONTENT_TYPE], "image/png");
    // The reviewer's queue and the piece: both languages' words, each marked up in its
    // own language.
    let (s, _, b) = web.get(&web.reviewer, "/review");
    let html = String::from_utf8_lossy(&b);
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("/review/stall-sticker/en%2Bes"), "{html}");
    let (s, _, b) = web.get(&web.reviewer, "/review/stall-sticker/en%2Bes");
    let html = unescape(&String::from_utf8_lossy(&b));
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(
        html.contains("Is someone making you work or have sex"),
        "{html}"
    );
    assert!(html.contains("¿Alguien le obliga a trabajar"), "{html}");
    assert!(html.contains("lang=\"es\" dir=\"auto\""), "{html}");
    assert!(html.contains("lang=\"en\" dir=\"auto\""), "{html}");
    assert!(!html.contains("lang=\"en+es\""), "{html}");
    // The settings page shows the pair ticked; saving the form keeps it.
    let (s, _, b) = web.get(&web.coordinator, "/kit");
    let html = String::from_utf8_lossy(&b);
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("id=\"locale-en+es\" name=\"locale\" value=\"en+es\" checked"),
        "{html}"
    );
    let mut form = current_form(&f);
    form.facility = "Saint Example Clinic".into();
    let (s, body) = web.post_form(&web.coordinator, "/kit", &form.pairs());
    assert_eq!(s, StatusCode::SEE_OTHER, "{body}");
    let after: toml::Value =
        toml::from_str(&std::fs::read_to_string(f.join("kit.toml")).unwrap()).unwrap();
    let locales: Vec<&str> = after["build"]["locales"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(locales, ["en", "es", "en+es"]);
}
