//! Amazigh (Tifinagh, `zgh`) on the public pages: every message those pages use exists
//! in the Tifinagh files (found by reading the templates and the public handlers), and
//! the pages, browsed and submitted in zgh, show no French fallback.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use jisr_i18n::{Catalog, Locale, message_ids};
use jisr_store::Store;
use jisr_store::audit::Actor;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_web::{AppState, WebConfig, router};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tower::ServiceExt;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The templates of the public pages: home, the shared frame, errors, the directory and
/// every e-services template.
fn public_templates() -> Vec<PathBuf> {
    let t = crate_dir().join("templates");
    let mut out = vec![
        t.join("home.html"),
        t.join("base.html"),
        t.join("error.html"),
        t.join("establishments/directory.html"),
    ];
    let mut eservices: Vec<PathBuf> = std::fs::read_dir(t.join("eservices"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    eservices.sort();
    assert!(eservices.len() >= 6, "{eservices:?}");
    out.extend(eservices);
    out
}

/// The first argument of every `chrome.<method>("…"` call in a template.
fn calls(text: &str, method: &str) -> Vec<String> {
    let needle = format!("chrome.{method}(\"");
    text.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &text[i + needle.len()..];
            rest.split('"').next().map(str::to_owned)
        })
        .collect()
}

/// Every string literal of Rust source that is a French message id.
fn literal_keys(source: &str, french: &BTreeSet<String>) -> BTreeSet<String> {
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| french.contains(*s))
        .map(str::to_owned)
        .collect()
}

/// The body of `pub async fn <name>(` in a Rust file, up to the function's closing brace.
fn function_body<'a>(source: &'a str, name: &str) -> &'a str {
    let start = source
        .find(&format!("pub async fn {name}("))
        .unwrap_or_else(|| panic!("fn {name}"));
    let rest = &source[start..];
    let end = rest.find("\n}\n").expect("closing brace");
    &rest[..end]
}

/// The message ids the public pages use.
fn public_keys() -> BTreeSet<String> {
    let french = message_ids(Locale::Fr);
    let mut keys = BTreeSet::new();
    for path in public_templates() {
        let text = read(&path);
        for method in ["t", "t1", "tn", "targs"] {
            keys.extend(calls(&text, method));
        }
        // `chrome.t2("prefix", value)` reads `prefix-<value>`: the whole family.
        for prefix in calls(&text, "t2") {
            let family: Vec<_> = french
                .iter()
                .filter(|k| k.starts_with(&format!("{prefix}-")))
                .cloned()
                .collect();
            assert!(!family.is_empty(), "no message starts with {prefix}-");
            keys.extend(family);
        }
    }
    let src = crate_dir().join("src");
    // The public e-services handlers (titles, plurals, upload errors, notices), the
    // error pages and the home page build their keys in Rust.
    keys.extend(literal_keys(
        &read(&src.join("pages/eservices.rs")),
        &french,
    ));
    keys.extend(literal_keys(&read(&src.join("error.rs")), &french));
    keys.extend(literal_keys(&read(&src.join("pages/home.rs")), &french));
    let establishments = read(&src.join("pages/establishments.rs"));
    keys.extend(literal_keys(
        function_body(&establishments, "directory"),
        &french,
    ));
    // The field errors of an application come from the store.
    let store = read(&crate_dir().join("../store/src/applications/mod.rs"));
    keys.extend(
        literal_keys(&store, &french)
            .into_iter()
            .filter(|k| k.starts_with("app-error-")),
    );
    keys
}

#[test]
fn every_message_of_the_public_pages_is_in_tifinagh() {
    let keys = public_keys();
    // The scan found the pages' messages (a broken scan must not pass silently).
    for known in [
        "svc-lead",
        "svc-need-disability",
        "svc-deadline-days",
        "app-relation-guardian",
        "app-status-in_review",
        "app-next-refused",
        "app-error-consent",
        "doc-error-type",
        "notice-rights-text",
        "track-not-found",
        "track-appeal-sent",
        "dir-capacity",
        "error-not-found-title",
        "home-lead",
        "footer-credit",
    ] {
        assert!(keys.contains(known), "{known} not found by the scan");
    }
    assert!(keys.len() > 150, "{}", keys.len());
    let french = message_ids(Locale::Fr);
    let unknown: Vec<_> = keys.iter().filter(|k| !french.contains(*k)).collect();
    assert!(unknown.is_empty(), "used but not in French: {unknown:?}");
    let catalog = Catalog::load().unwrap();
    let missing: Vec<_> = keys
        .iter()
        .filter(|k| !catalog.has(Locale::Zgh, k))
        .collect();
    assert!(missing.is_empty(), "missing in zgh: {missing:?}");
}

/// French texts of the public pages' messages (those without placeables, which are
/// checked whole), except where the Tifinagh text is the same.
fn french_texts() -> Vec<(String, String)> {
    let catalog = Catalog::load().unwrap();
    public_keys()
        .into_iter()
        .map(|k| {
            let fr = catalog.t(Locale::Fr, &k);
            (k, fr)
        })
        .filter(|(k, fr)| {
            // A missing message falls back to French and must count; one written the
            // same in both (« API ») does not.
            let same_in_tifinagh = catalog.has(Locale::Zgh, k) && *fr == catalog.t(Locale::Zgh, k);
            !fr.contains('{') && !same_in_tifinagh
        })
        .collect()
}

fn unescape(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Asserts that a page is in zgh, left to right, and shows none of the French texts.
fn assert_no_french(what: &str, body: &str, french: &[(String, String)]) {
    assert!(
        body.contains("<html lang=\"zgh\" dir=\"ltr\">"),
        "{what}: {body}"
    );
    let text = unescape(body);
    for (key, fr) in french {
        // A message fills an element or an attribute: the French text counts where it
        // stands alone (data such as a service's description may contain its words).
        let found = text.match_indices(fr.as_str()).any(|(i, _)| {
            let before = text[..i].trim_end_matches(' ');
            let after = text[i + fr.len()..].trim_start_matches(' ');
            (before.ends_with('>') || before.ends_with('"'))
                && (after.starts_with('<') || after.starts_with('"') || after.starts_with('·'))
        });
        assert!(!found, "{what}: French fallback for {key} ({fr})");
    }
}

struct Reply {
    status: StatusCode,
    body: String,
}

async fn app(store: &Store) -> axum::Router {
    geo::import(
        store,
        &GeoSource::embedded(),
        &Actor::system("test"),
        &Silent,
    )
    .await
    .unwrap();
    router(AppState::new(
        store.clone(),
        Catalog::load().unwrap(),
        WebConfig::default(),
    ))
}

async fn call(app: &axum::Router, req: Request<Body>) -> Reply {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(app: &axum::Router, uri: &str) -> Reply {
    let req = Request::get(uri)
        .header(header::COOKIE, "jisr_lang=zgh")
        .body(Body::empty())
        .unwrap();
    call(app, req).await
}

async fn post_form(app: &axum::Router, uri: &str, form: &str) -> Reply {
    let req = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::COOKIE, "jisr_lang=zgh")
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .unwrap();
    call(app, req).await
}

async fn post_multipart(app: &axum::Router, uri: &str, parts: &[(&str, &[u8])]) -> Reply {
    let boundary = "jisr-zgh-boundary";
    let mut body = Vec::new();
    for (field, bytes) in parts {
        let disposition = match field.strip_prefix("file-") {
            Some(_) => format!(
                "form-data; name=\"{field}\"; filename=\"acte.pdf\"\r\nContent-Type: application/pdf"
            ),
            None => format!("form-data; name=\"{field}\""),
        };
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let req = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::COOKIE, "jisr_lang=zgh")
        .header("sec-fetch-site", "same-origin")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    call(app, req).await
}

#[tokio::test]
async fn a_person_browses_applies_and_tracks_in_tifinagh() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let french = french_texts();
        assert!(french.len() > 100, "{}", french.len());
        for uri in [
            "/",
            "/services",
            "/services?need=disability&province=07.427",
            "/services/disability-centre",
            "/services/disability-centre?province=07.427",
            "/services/disability-centre/apply",
            "/services/disability-centre/apply?province=07.427",
            "/track",
            "/directory",
            "/directory?province=07.427",
            "/no-such-page",
        ] {
            let page = get(&app, uri).await;
            let want = if uri == "/no-such-page" {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::OK
            };
            assert_eq!(page.status, want, "{uri}");
            assert_no_french(uri, &page.body, &french);
        }
        let services = get(&app, "/services").await;
        assert!(services.body.contains("ⵜⵉⵏⴰⴼⵓⵜⵉⵏ"));

        // Sent empty: every error at its field, in Tifinagh.
        let empty = post_multipart(
            &app,
            "/services/disability-centre/apply",
            &[("submission_key", b"zgh-key-1"), ("province", b"07.427")],
        )
        .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("class=\"field-error\""));
        assert!(empty.body.contains("ⴼⵔⵏ ⵜⴰⵖⵉⵡⴰⵏⵜ."), "{}", empty.body);
        assert_no_french("empty application", &empty.body, &french);

        // Filed: the receipt, then the status page with the tracking code.
        let parts: Vec<(&str, &[u8])> = vec![
            ("submission_key", b"zgh-key-2"),
            ("province", b"07.427"),
            ("applicant_relation", b"parent"),
            ("applicant_name_fr", b"Fatima Alaoui"),
            ("applicant_phone", b"06 12 34 56 78"),
            ("beneficiary_name_fr", b"Amine Alaoui"),
            ("beneficiary_birth_date", b"2017-02-03"),
            ("beneficiary_sex", b"male"),
            ("commune", b"07.427.01.01"),
            ("consent", b"yes"),
            ("file-birth_certificate", b"%PDF-1.4 acte de naissance"),
        ];
        let receipt = post_multipart(&app, "/services/disability-centre/apply", &parts).await;
        assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.body);
        assert!(receipt.body.contains("ⴰⵡⵚⵍ ⵏ ⵓⵙⵔⵙ"));
        assert_no_french("receipt", &receipt.body, &french);
        let start = receipt
            .body
            .find("<strong class=\"code\" dir=\"ltr\">")
            .expect("tracking code")
            + 31;
        let code = receipt.body[start..start + 12].to_owned();

        let wrong = post_form(&app, "/track", &format!("code={code}&secret=2017-02-04")).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("ⵓⵍⴰ ⵜⴰⵙⵓⵜⵔⴰ ⵉⵎⵙⴰⵙⴰⵏ"));
        assert_no_french("track not found", &wrong.body, &french);
        let status = post_form(&app, "/track", &format!("code={code}&secret=2017-02-03")).await;
        assert_eq!(status.status, StatusCode::OK, "{}", status.body);
        assert!(status.body.contains("ⵜⵜⵓⵟⵟⴼ"));
        assert_no_french("status", &status.body, &french);
    })
    .await;
}
