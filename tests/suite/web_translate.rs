//! The translator's pages: only their own locales, and an edit is saved only after the
//! checks of `hotline-kit locale import` (placeables kept, no typed phone numbers).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use hotline_kit::web::app::{AppState, Config, router};
use hotline_kit::web::store::Store;
use hotline_kit::web::store::users::{NewUser, Role};
use tower::ServiceExt as _;

use crate::common;

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    store: Store,
    app: axum::Router,
    cookie: String,
    csrf: String,
}

fn fixture() -> Fixture {
    let d = tempfile::tempdir().unwrap();
    assert!(common::hk(d.path(), &["init", "clinic"]).status.success());
    let root = d.path().join("clinic");
    let store = Store::open(&root).unwrap();
    let u = store
        .add_user(&NewUser {
            name: "Lucía".into(),
            role: Role::Translator,
            board_role: String::new(),
            locales: vec!["es".into()],
            password: "a long enough password".into(),
        })
        .unwrap();
    let s = store.start_session(u.id, 600).unwrap();
    let app = router(AppState::new(&root, store.clone(), Config::default()));
    Fixture {
        _dir: d,
        root,
        store,
        app,
        cookie: format!("hk_session={}", s.token),
        csrf: s.csrf,
    }
}

impl Fixture {
    fn get(&self, path: &str) -> (StatusCode, String) {
        let req = Request::get(path)
            .header(header::COOKIE, &self.cookie)
            .body(Body::empty())
            .unwrap();
        self.run(req)
    }

    fn post(&self, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let req = Request::post(path)
            .header(header::COOKIE, &self.cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(serde_urlencoded::to_string(&all).unwrap()))
            .unwrap();
        self.run(req)
    }

    fn run(&self, req: Request<Body>) -> (StatusCode, String) {
        rt().block_on(async {
            let res = self.app.clone().oneshot(req).await.unwrap();
            let status = res.status();
            let b = axum::body::to_bytes(res.into_body(), 1 << 24)
                .await
                .unwrap();
            (status, String::from_utf8_lossy(&b).into_owned())
        })
    }

    /// The Spanish catalog as the project reads it (the facility's own copy once edited).
    fn es(&self) -> String {
        let own = self.root.join("locales/es.ftl");
        std::fs::read_to_string(&own).unwrap_or_else(|_| {
            std::fs::read_to_string(common::root().join("locales/es.ftl")).unwrap()
        })
    }
}

#[test]
fn a_translator_sees_and_edits_only_their_own_locales() {
    let f = fixture();
    let (s, page) = f.get("/translate/es");
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("rf-debt") && page.contains("nunca puede terminar de pagar"));
    assert_eq!(f.get("/translate/vi").0, StatusCode::FORBIDDEN);
    assert_eq!(f.get("/translate/vi/rf-debt").0, StatusCode::FORBIDDEN);
    let (s, _) = f.post("/translate/vi/rf-debt", &[("text", "x"), ("gloss", "")]);
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert!(!f.root.join("locales/vi.ftl").exists());
}

#[test]
fn an_edit_that_fails_the_import_checks_is_not_saved_and_says_why() {
    let f = fixture();
    let before = f.es();
    // A typed phone number instead of the hotline's placeable.
    let (s, page) = f.post(
        "/translate/es/text-line",
        &[
            ("text", "O envíe un mensaje de texto al 233733"),
            ("gloss", ""),
        ],
    );
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert!(page.contains("Nothing was saved"), "{page}");
    assert!(
        page.contains("{ $sms }"),
        "the placeable to keep is named: {page}"
    );
    assert_eq!(f.es(), before, "nothing written");
    // Markup in an edit is shown as text in the error page, never as markup.
    let (s, page) = f.post(
        "/translate/es/text-line",
        &[("text", "<script>alert(1)</script>"), ("gloss", "")],
    );
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert")
    );
    assert_eq!(f.es(), before);
}

#[test]
fn a_good_edit_is_saved_with_its_gloss_and_recorded() {
    let f = fixture();
    let text = "¿Tiene una deuda con su jefe que nunca podrá pagar?";
    let (s, page) = f.post(
        "/translate/es/rf-debt",
        &[
            ("text", text),
            (
                "gloss",
                "Do you have a debt with your boss you can never pay?",
            ),
            ("reviewed", "1"),
        ],
    );
    assert_eq!(s, StatusCode::SEE_OTHER, "{page}");
    assert!(f.es().contains(text), "{}", f.es());
    let review = std::fs::read_to_string(f.root.join("locales/review/es.toml")).unwrap();
    assert!(review.contains("translator-reviewed"), "{review}");
    let log = f.store.audit_log(10).unwrap();
    let e = log.iter().find(|e| e.action == "translation.edit").unwrap();
    assert!(
        e.before.contains("nunca puede terminar") && e.after == text,
        "{e:?}"
    );
    // The edited catalog is what the project now reads.
    let (_, page) = f.get("/translate/es");
    assert!(page.contains("nunca podrá pagar"));
}
