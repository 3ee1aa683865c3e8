//! Web tests: the real router on a real database (SQLite, and PostgreSQL when
//! `JISR_TEST_DATABASE_URL` is set), driven in-process.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use jisr_i18n::{Catalog, Locale};
use jisr_store::Store;
use jisr_store::audit::Actor;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_web::{AppState, WebConfig, router};
use serde_json::Value;
use tower::ServiceExt;

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
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

async fn get(app: &axum::Router, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

#[tokio::test]
async fn pages_speak_arabic_by_default_and_french_on_request() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let ar = get(&app, "/", &[]).await;
        assert_eq!(ar.status, StatusCode::OK);
        assert!(ar.body.contains(r#"<html lang="ar" dir="rtl">"#));
        assert!(ar.body.contains("خدمات اجتماعية أقرب إلى المواطن"));

        let fr = get(&app, "/", &[("accept-language", "fr-MA,fr;q=0.9")]).await;
        assert!(fr.body.contains(r#"<html lang="fr" dir="ltr">"#));
        assert!(
            fr.body
                .contains("Des services sociaux plus proches des citoyens")
        );

        // The switch's cookie wins over the browser's preference.
        let cookie = get(
            &app,
            "/",
            &[("accept-language", "ar"), ("cookie", "jisr_lang=fr")],
        )
        .await;
        assert!(cookie.body.contains(r#"lang="fr""#));
    })
    .await;
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_and_returns_to_the_page() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let r = get(&app, "/lang/fr?next=/territories/regions/07", &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(r.headers[header::LOCATION], "/territories/regions/07");
        let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
        assert!(
            cookie.starts_with("jisr_lang=fr;") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );

        let evil = get(&app, "/lang/ar?next=//evil.example/", &[]).await;
        assert_eq!(evil.headers[header::LOCATION], "/");
        assert_eq!(
            get(&app, "/lang/en", &[]).await.status,
            StatusCode::NOT_FOUND
        );
    })
    .await;
}

#[tokio::test]
async fn a_person_browses_region_province_commune() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let regions = get(&app, "/territories", &[("cookie", "jisr_lang=fr")]).await;
        assert_eq!(regions.body.matches("/territories/regions/").count(), 12);
        let region = get(
            &app,
            "/territories/regions/07",
            &[("cookie", "jisr_lang=fr")],
        )
        .await;
        assert!(region.body.contains("Marrakech-Safi"));
        assert!(region.body.contains("/territories/provinces/07.427"));
        let rehamna = get(
            &app,
            "/territories/provinces/07.427",
            &[("cookie", "jisr_lang=fr")],
        )
        .await;
        assert_eq!(rehamna.status, StatusCode::OK);
        assert!(rehamna.body.contains("25 communes"));
        assert_eq!(
            rehamna.body.matches(r#"<td class="code">07.427."#).count(),
            25
        );
        let ar = get(&app, "/territories/provinces/07.427", &[]).await;
        assert!(ar.body.contains("25 جماعة"), "Arabic count");
        assert!(
            ar.body.contains("ابن جرير") && ar.body.contains("Ben Guerir"),
            "both scripts"
        );
    })
    .await;
}

#[tokio::test]
async fn unknown_and_malformed_territories_are_translated_not_found_pages() {
    each_backend(|store| async move {
        let app = app(&store).await;
        for uri in [
            "/territories/provinces/99.999",
            "/territories/provinces/abc",
            "/territories/regions/77",
            "/nowhere",
        ] {
            let r = get(&app, uri, &[("cookie", "jisr_lang=fr")]).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
            assert!(r.body.contains("Page introuvable"), "{uri}: {}", r.body);
        }
        let ar = get(&app, "/nowhere", &[]).await;
        assert!(ar.body.contains("الصفحة غير موجودة"));
    })
    .await;
}

#[tokio::test]
async fn opening_a_form_s_target_directly_explains_itself() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let fr = get(&app, "/logout", &[("cookie", "jisr_lang=fr")]).await;
        assert_eq!(fr.status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(
            fr.body.contains("ne s&#39;ouvre pas directement"),
            "{}",
            fr.body
        );
        let ar = get(&app, "/logout", &[]).await;
        assert!(ar.body.contains("لا يفتح مباشرة"), "{}", ar.body);
    })
    .await;
}

#[tokio::test]
async fn the_api_lists_communes_of_a_province_and_explains_bad_codes() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let r = get(&app, "/api/v1/communes?province=07.427", &[]).await;
        assert_eq!(r.status, StatusCode::OK);
        let list = r.json();
        let list = list.as_array().unwrap();
        assert_eq!(list.len(), 25);
        for c in list {
            assert!(c["code"].as_str().unwrap().starts_with("07.427."));
            assert!(!c["name_ar"].as_str().unwrap().is_empty());
            assert!(!c["name_fr"].as_str().unwrap().is_empty());
            assert!(c["population"].as_i64().unwrap() > 0);
        }

        let bad = get(
            &app,
            "/api/v1/communes?province=07-427",
            &[("accept-language", "fr")],
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let e = bad.json();
        assert_eq!(e["code"], "malformed-query");
        assert_eq!(
            e["detail"],
            "Un paramètre de la requête n'est pas valide ou sort des limites permises."
        );
        assert_eq!(
            get(&app, "/api/v1/communes", &[]).await.status,
            StatusCode::BAD_REQUEST
        );
        let unknown = get(&app, "/api/v1/communes?province=07.999", &[]).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert_eq!(unknown.json()["code"], "not-found");

        let provinces = get(&app, "/api/v1/provinces?region=07", &[]).await.json();
        assert_eq!(provinces.as_array().unwrap().len(), 8);
        assert_eq!(
            get(&app, "/api/v1/regions", &[])
                .await
                .json()
                .as_array()
                .unwrap()
                .len(),
            12
        );
    })
    .await;
}

#[tokio::test]
async fn every_response_carries_security_headers_and_a_request_id() {
    each_backend(|store| async move {
        let app = app(&store).await;
        for uri in [
            "/",
            "/territories",
            "/api/v1/regions",
            "/nowhere",
            "/static/app.css",
            "/healthz",
        ] {
            let r = get(&app, uri, &[]).await;
            let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
            assert!(
                csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
                "{uri}"
            );
            assert_eq!(
                r.headers[header::X_CONTENT_TYPE_OPTIONS],
                "nosniff",
                "{uri}"
            );
            assert!(r.headers.contains_key(header::REFERRER_POLICY), "{uri}");
            assert!(r.headers.contains_key("x-request-id"), "{uri}");
        }
    })
    .await;
}

#[tokio::test]
async fn health_and_readiness_answer_json() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let h = get(&app, "/healthz", &[]).await;
        assert_eq!(
            (h.status, h.json()["status"].clone()),
            (StatusCode::OK, "ok".into())
        );
        let r = get(&app, "/readyz", &[]).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.json()["status"], "ready");
        assert_eq!(r.json()["database"], store.backend().as_str());
    })
    .await;
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    let db = jisr_store::testing::TestDb::sqlite().await;
    let app = router(AppState::new(
        db.store.clone(),
        Catalog::load().unwrap(),
        WebConfig::default(),
    ));
    db.store.clone().close().await.unwrap();
    let r = get(&app, "/readyz", &[]).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.json()["status"], "unavailable");
    db.finish().await;
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route_and_each_is_translated() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let doc = get(&app, "/api/v1/openapi.json", &[]).await.json();
        let paths = doc["paths"].as_object().unwrap();
        for p in [
            "/api/v1/regions",
            "/api/v1/provinces",
            "/api/v1/communes",
            "/api/v1/units",
            "/api/v1/openapi.json",
        ] {
            assert!(paths.contains_key(p), "{p} missing from OpenAPI");
        }
        let catalog = Catalog::load().unwrap();
        for (_, item) in paths {
            for (_, op) in item.as_object().unwrap() {
                let id = op["operationId"].as_str().unwrap();
                for l in [Locale::Ar, Locale::Fr] {
                    assert!(
                        catalog.has(l, &format!("api-op-{id}")),
                        "api-op-{id} missing in {l:?}"
                    );
                }
            }
        }
        let page = get(&app, "/api", &[("cookie", "jisr_lang=fr")]).await;
        assert!(
            page.body.contains("/api/v1/communes")
                && page
                    .body
                    .contains("Communes d&#39;une préfecture ou province")
        );
    })
    .await;
}

#[tokio::test]
async fn assets_are_served_locally() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let css = get(&app, "/static/app.css", &[]).await;
        assert_eq!(css.status, StatusCode::OK);
        assert!(
            css.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/css")
        );
        for font in [
            "/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2",
            "/static/fonts/noto-sans-tifinagh-tifinagh-400-normal.woff2",
        ] {
            assert_eq!(get(&app, font, &[]).await.status, StatusCode::OK, "{font}");
        }
        assert!(
            !css.body.contains("http://") && !css.body.contains("https://"),
            "no external assets"
        );
        assert_eq!(
            get(&app, "/static/README.md", &[]).await.status,
            StatusCode::NOT_FOUND
        );
        let home = get(&app, "/", &[]).await;
        assert!(
            !home.body.contains("http://") && !home.body.contains("https://"),
            "no external links in pages"
        );
    })
    .await;
}

/// The router with the given limits, on a migrated database with the geography.
async fn limited_app(store: &Store, limits: jisr_web::limits::LimitSettings) -> axum::Router {
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
        WebConfig {
            limits,
            ..WebConfig::default()
        },
    ))
}

/// A request from the socket peer `peer`, as the server sees it.
async fn from_peer(
    app: &axum::Router,
    peer: &str,
    req: axum::http::request::Builder,
    body: &str,
) -> Reply {
    let peer: std::net::SocketAddr = format!("{peer}:40000").parse().unwrap();
    let res = app
        .clone()
        .oneshot(
            req.extension(axum::extract::ConnectInfo(peer))
                .body(Body::from(body.to_owned()))
                .unwrap(),
        )
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn rate(count: u32) -> Option<jisr_domain::limits::Rate> {
    Some(jisr_domain::limits::Rate {
        count,
        per_seconds: 3600,
    })
}

#[tokio::test]
async fn filings_and_look_ups_past_their_limit_answer_429_translated_with_retry_after() {
    each_backend(|store| async move {
        let app = limited_app(
            &store,
            jisr_web::limits::LimitSettings {
                trusted_proxies: Vec::new(),
                tracking: rate(2),
                filings: rate(2),
            },
        )
        .await;
        let filing = || {
            Request::post("/api/v1/applications")
                .header(header::CONTENT_TYPE, "application/json")
                .header("accept-language", "fr")
        };
        // Refused bodies count too: the limit is on what an address asks.
        for _ in 0..2 {
            let r = from_peer(&app, "203.0.113.5", filing(), "{}").await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        }
        let r = from_peer(&app, "203.0.113.5", filing(), "{}").await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
        let wait: u64 = r.headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=1800).contains(&wait), "{wait} {:?}", r.headers);
        let problem = r.json();
        assert_eq!(problem["code"], "too-many-requests");
        assert_eq!(problem["title"], "Trop de demandes");
        // Another address is not held back.
        let r = from_peer(&app, "203.0.113.6", filing(), "{}").await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

        // The tracking page: a translated page, in Arabic by default.
        let track = || {
            Request::post("/track")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
        };
        for _ in 0..2 {
            let r = from_peer(&app, "203.0.113.5", track(), "code=X&birth_date=").await;
            assert_ne!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
        }
        let r = from_peer(&app, "203.0.113.5", track(), "code=X&birth_date=").await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(r.headers.contains_key(header::RETRY_AFTER));
        assert!(r.body.contains("طلبات كثيرة جدا"), "{}", r.body);
        assert!(r.body.contains("lang=\"ar\""));
        // Filings and look-ups are counted apart; the look-up form itself is not limited.
        let r = from_peer(&app, "203.0.113.5", Request::get("/track"), "").await;
        assert_eq!(r.status, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_address_is_the_client() {
    each_backend(|store| async move {
        let settings = |trusted: &str| jisr_web::limits::LimitSettings {
            trusted_proxies: vec![trusted.parse().unwrap()],
            tracking: rate(1),
            filings: None,
        };
        let status = |forwarded: &'static str| {
            Request::post("/api/v1/applications/status")
                .header(header::CONTENT_TYPE, "application/json")
                .header("x-forwarded-for", forwarded)
        };
        let app = limited_app(&store, settings("127.0.0.1")).await;
        let a = from_peer(&app, "127.0.0.1", status("198.51.100.1"), "{}").await;
        let b = from_peer(&app, "127.0.0.1", status("198.51.100.2"), "{}").await;
        assert_ne!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", a.body);
        assert_ne!(
            b.status,
            StatusCode::TOO_MANY_REQUESTS,
            "two clients behind one proxy"
        );
        let again = from_peer(&app, "127.0.0.1", status("198.51.100.1"), "{}").await;
        assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS);

        // A peer that is not trusted cannot choose its address by sending the header.
        let app = limited_app(&store, settings("10.0.0.1")).await;
        let a = from_peer(&app, "192.0.2.9", status("198.51.100.1"), "{}").await;
        let b = from_peer(&app, "192.0.2.9", status("198.51.100.2"), "{}").await;
        assert_ne!(a.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(b.status, StatusCode::TOO_MANY_REQUESTS);

        // The audit trail records the forwarded client of a failed sign-in.
        let pw = jisr_store::accounts::Password::parse("a-long-enough-password").unwrap();
        jisr_store::accounts::create_user(
            &store,
            &Actor::system("test"),
            "someone",
            "Someone",
            &pw,
            false,
        )
        .await
        .unwrap();
        let app = limited_app(&store, settings("127.0.0.1")).await;
        let r = from_peer(
            &app,
            "127.0.0.1",
            Request::post("/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
                .header("x-forwarded-for", "198.51.100.77"),
            "username=someone&password=wrong-password-123",
        )
        .await;
        assert!(r.status.is_success() || r.status.is_redirection() || r.status.is_client_error());
        use sea_orm::{EntityTrait, QueryOrder};
        let last = jisr_store::entity::audit_log::Entity::find()
            .order_by_desc(jisr_store::entity::audit_log::Column::Id)
            .one(store.conn())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(last.address, "198.51.100.77");
    })
    .await;
}
