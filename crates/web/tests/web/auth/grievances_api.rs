//! The complaints API: filing retried once files one complaint, every error at once,
//! the complainant's status, the officer's handling, other provinces and confidential
//! complaints out of reach.

use super::*;

/// A bearer token of the named demo account.
async fn bearer(store: &Store, user: &str) -> String {
    let u = accounts::find_user(store.conn(), user).await.unwrap();
    let (_, token) = jisr_store::tokens::create(store, &Actor::system("test"), u.id, "api")
        .await
        .unwrap();
    token
}

/// Posts JSON without an account, with extra headers.
async fn post_public(app: &axum::Router, uri: &str, body: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::HOST, "jisr.test")
        .header(header::ACCEPT_LANGUAGE, "fr")
        .header(header::CONTENT_TYPE, "application/json");
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::from(body.to_owned())).unwrap())
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

fn json(r: &Reply) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|_| panic!("{} {}", r.status, r.body))
}

/// The fields a refusal names, in its order.
fn refused_fields(r: &Reply) -> Vec<String> {
    json(r)["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect()
}

async fn get_json(app: &axum::Router, uri: &str, token: &str) -> Reply {
    send(
        app,
        Method::GET,
        uri,
        None,
        None,
        &[("authorization", &format!("Bearer {token}"))],
    )
    .await
}

async fn complaint_reads(store: &Store, id: i64) -> usize {
    jisr_store::audit::search(
        store,
        &jisr_store::audit::Search {
            entity: Some("grievance".into()),
            entity_id: Some(id.to_string()),
            action: Some("read".into()),
            ..Default::default()
        },
        100,
    )
    .await
    .unwrap()
    .len()
}

/// The id of the complaint with this tracking code in the caller's queue, if there.
async fn id_in_queue(app: &axum::Router, token: &str, code: &str) -> Option<i64> {
    let r = get_json(app, "/api/v1/complaints", token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    json(&r)["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["tracking_code"] == code)
        .map(|g| g["id"].as_i64().unwrap())
}

const QUALITY: &str = r#"{"category": "care_quality", "establishment_id": 1,
    "name": "Khadija Bennani", "phone": "06 61 22 33 44", "answer_by": "sms",
    "facts": "Les repas arrivent froids depuis deux semaines.", "consent": true}"#;

#[tokio::test]
async fn a_complaint_filed_twice_through_the_api_is_filed_once_with_every_error_reported() {
    each_backend(|store| async move {
        let app = app(&store).await;
        // No retry key and a complaint full of mistakes: every error in one answer.
        let bad = r#"{"category": "parking", "answer_by": "sms", "phone": "123",
            "facts": "court", "consent": false}"#;
        // Nothing here breaks the schema (the key may come from the header or the body):
        // the platform's rules refuse it.
        let r = post_public(&app, "/api/v1/complaints", bad, &[]).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        let fields = refused_fields(&r);
        for f in [
            "submission_key",
            "category",
            "phone",
            "name",
            "facts",
            "commune_code",
            "consent",
        ] {
            assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
        }
        assert!(r.body.contains("Décrivez ce qui s'est passé"), "{}", r.body);
        // With a key, the same mistakes are the platform's rules: 409, all at once.
        let r = post_public(
            &app,
            "/api/v1/complaints",
            bad,
            &[("idempotency-key", "k-bad")],
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        let fields = refused_fields(&r);
        assert!(!fields.iter().any(|x| x == "submission_key"));
        assert!(fields.len() >= 5, "{fields:?}");
        // Filed, then retried with the same key: one complaint, the same receipt.
        let first = post_public(
            &app,
            "/api/v1/complaints",
            QUALITY,
            &[("idempotency-key", "retry-1")],
        )
        .await;
        assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
        let again = post_public(
            &app,
            "/api/v1/complaints",
            QUALITY,
            &[("idempotency-key", "retry-1")],
        )
        .await;
        assert_eq!(again.status, StatusCode::OK, "{}", again.body);
        let (a, b) = (json(&first), json(&again));
        assert_eq!(a["tracking_code"], b["tracking_code"]);
        assert_eq!(a["answer_due"], b["answer_due"]);
        assert_eq!(
            (a["already_filed"].as_bool(), b["already_filed"].as_bool()),
            (Some(false), Some(true))
        );
        {
            use jisr_store::entity::grievance;
            use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
            let n = grievance::Entity::find()
                .filter(grievance::Column::SubmissionKey.eq("retry-1"))
                .count(store.conn())
                .await
                .unwrap();
            assert_eq!(n, 1);
        }
        // The key may come in the body too.
        let body = QUALITY.replacen('{', r#"{"submission_key": "retry-2","#, 1);
        let other = post_public(&app, "/api/v1/complaints", &body, &[]).await;
        assert_eq!(other.status, StatusCode::CREATED, "{}", other.body);
        assert_ne!(json(&other)["tracking_code"], a["tracking_code"]);
        // The complainant follows it with the code and the phone; a wrong phone: 404.
        let code = a["tracking_code"].as_str().unwrap().to_owned();
        let status =
            |secret: &str| format!(r#"{{"tracking_code": "{code}", "secret": "{secret}"}}"#);
        let seen = post_public(
            &app,
            "/api/v1/complaints/status",
            &status("0661223344"),
            &[],
        )
        .await;
        assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
        let v = json(&seen);
        assert_eq!(
            (v["status"].as_str(), v["category"].as_str()),
            (Some("received"), Some("care_quality"))
        );
        assert_eq!(v["events"][0]["status"], "received");
        let wrong = post_public(
            &app,
            "/api/v1/complaints/status",
            &status("0600000000"),
            &[],
        )
        .await;
        assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn the_officer_handles_a_complaint_through_the_api_and_another_province_is_not_found() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let filed = post_public(
            &app,
            "/api/v1/complaints",
            QUALITY,
            &[("idempotency-key", "handled-1")],
        )
        .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
        let code = json(&filed)["tracking_code"].as_str().unwrap().to_owned();
        let officer = bearer(&store, "provincial_officer").await;
        let id = id_in_queue(&app, &officer, &code)
            .await
            .expect("in Rehamna's queue");
        // Reading it is audited, as on the page.
        let before = complaint_reads(&store, id).await;
        let one = get_json(&app, &format!("/api/v1/complaints/{id}"), &officer).await;
        assert_eq!(one.status, StatusCode::OK, "{}", one.body);
        let v = json(&one);
        assert_eq!(
            v["facts"],
            "Les repas arrivent froids depuis deux semaines."
        );
        assert_eq!(v["province_code"], "07.427");
        assert_eq!(v["can_handle"], true);
        assert_eq!(complaint_reads(&store, id).await, before + 1);
        let post = |path: String, body: &'static str| {
            let app = app.clone();
            let officer = officer.clone();
            async move { send_json(&app, Method::POST, &path, &officer, body).await }
        };
        // Assigned to the officer, a note never shown to the complainant, acknowledged.
        let me = accounts::find_user(store.conn(), "provincial_officer")
            .await
            .unwrap();
        let r = send_json(
            &app,
            Method::POST,
            &format!("/api/v1/complaints/{id}/assignment"),
            &officer,
            &format!(r#"{{"user_id": {}}}"#, me.id),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(json(&r)["assigned_to"], me.id);
        let r = post(
            format!("/api/v1/complaints/{id}/assignment"),
            r#"{"user_id": 999999}"#,
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        assert_eq!(refused_fields(&r), ["user_id"]);
        let r = post(
            format!("/api/v1/complaints/{id}/notes"),
            r#"{"text": "Appel au directeur."}"#,
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let events = json(&r)["events"].as_array().unwrap().clone();
        assert!(
            events
                .iter()
                .any(|e| e["text"] == "Appel au directeur." && e["public"] == false)
        );
        let r = post(
            format!("/api/v1/complaints/{id}/steps"),
            r#"{"step": "acknowledge"}"#,
        )
        .await;
        assert_eq!(json(&r)["status"], "acknowledged", "{}", r.body);
        // Answering needs reasons; closing before the answer does not follow.
        let r = post(
            format!("/api/v1/complaints/{id}/steps"),
            r#"{"step": "close"}"#,
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
        assert_eq!(refused_fields(&r), ["step"]);
        let r = post(
            format!("/api/v1/complaints/{id}/steps"),
            r#"{"step": "answer"}"#,
        )
        .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert_eq!(refused_fields(&r), ["reasons"]);
        let r = post(
            format!("/api/v1/complaints/{id}/steps"),
            r#"{"step": "answer", "reasons": "Le traiteur a été changé."}"#,
        )
        .await;
        assert_eq!(json(&r)["status"], "answered", "{}", r.body);
        let r = post(
            format!("/api/v1/complaints/{id}/steps"),
            r#"{"step": "close"}"#,
        )
        .await;
        assert_eq!(json(&r)["status"], "closed", "{}", r.body);
        // The complainant reads the answer, not the note.
        let seen = post_public(
            &app,
            "/api/v1/complaints/status",
            &format!(r#"{{"tracking_code": "{code}", "secret": "0661223344"}}"#),
            &[],
        )
        .await;
        let v = json(&seen);
        assert_eq!(v["answer"], "Le traiteur a été changé.");
        assert!(!seen.body.contains("Appel au directeur"));
        // Filters: the closed one is not among the unanswered past their deadline.
        let r = get_json(&app, "/api/v1/complaints?status=closed", &officer).await;
        assert!(
            json(&r)["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|g| g["status"] == "closed")
        );
        assert!(r.body.contains(&code));
        let r = get_json(&app, "/api/v1/complaints?escalated=true", &officer).await;
        assert!(!r.body.contains(&code));
        let r = get_json(&app, "/api/v1/complaints?status=lost", &officer).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        // Casablanca's complaint 2 does not exist for Rehamna's officer, in any operation.
        let list = get_json(&app, "/api/v1/complaints", &officer).await;
        assert!(
            json(&list)["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|g| g["province_code"] == "07.427")
        );
        assert_eq!(
            get_json(&app, "/api/v1/complaints/2", &officer)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        for (path, body) in [
            ("steps", r#"{"step": "acknowledge"}"#),
            ("notes", r#"{"text": "Vu."}"#),
            ("assignment", r#"{"user_id": 1}"#),
        ] {
            let r = post(format!("/api/v1/complaints/2/{path}"), body).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        }
        // The inspector reads but does not handle.
        let inspector = bearer(&store, "inspector").await;
        let r = send_json(
            &app,
            Method::POST,
            &format!("/api/v1/complaints/{id}/notes"),
            &inspector,
            r#"{"text": "Vu."}"#,
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_danger_report_filed_through_the_api_is_hidden_from_the_manager_and_social_workers() {
    each_backend(|store| async move {
        let app = app(&store).await;
        let report = r#"{"category": "abuse_danger", "establishment_id": 1, "anonymous": true,
            "answer_by": "none", "facts": "Une fille a été frappée hier soir.", "consent": true}"#;
        let filed = post_public(
            &app,
            "/api/v1/complaints",
            report,
            &[("idempotency-key", "danger-1")],
        )
        .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.body);
        let code = json(&filed)["tracking_code"].as_str().unwrap().to_owned();
        // Anonymous: followed with the code alone.
        let seen = post_public(
            &app,
            "/api/v1/complaints/status",
            &format!(r#"{{"tracking_code": "{code}"}}"#),
            &[],
        )
        .await;
        assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
        let officer = bearer(&store, "provincial_officer").await;
        let id = id_in_queue(&app, &officer, &code)
            .await
            .expect("the officer sees it");
        for (who, sees) in [
            ("provincial_officer", true),
            ("inspector", true),
            ("regional_coordinator", true),
            ("social_worker", false),
            ("establishment_manager", false),
        ] {
            let token = bearer(&store, who).await;
            let r = get_json(&app, &format!("/api/v1/complaints/{id}"), &token).await;
            let expected = if sees {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(r.status, expected, "{who}");
            assert_eq!(
                id_in_queue(&app, &token, &code).await.is_some(),
                sees,
                "{who}"
            );
        }
        // The social worker cannot handle it either.
        let worker = bearer(&store, "social_worker").await;
        let r = send_json(
            &app,
            Method::POST,
            &format!("/api/v1/complaints/{id}/steps"),
            &worker,
            r#"{"step": "acknowledge"}"#,
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // The manager still reads the quality complaint about their establishment.
        let manager = bearer(&store, "establishment_manager").await;
        let r = get_json(&app, "/api/v1/complaints/1", &manager).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(json(&r)["can_handle"], false);
    })
    .await;
}

#[tokio::test]
async fn complaint_figures_are_published_by_period_with_small_counts_withheld() {
    each_backend(|store| async move {
        set_lang("fr");
        let app = app(&store).await;
        let actor = Actor::system("test");
        let files = jisr_store::files::FileStore::new(WebConfig::default().documents_dir);
        // Rehamna: the fixture's complaint 1 and six more about its establishment, five of
        // them answered; one danger report (confidential).
        let system = jisr_store::grievances::Scoped::unscoped_for_system_jobs(&store);
        for i in 0..7 {
            let danger = i == 6;
            let filed = jisr_store::grievances::file(
                &store,
                &actor,
                &files,
                "2026-11/test",
                &jisr_store::grievances::GrievanceInput {
                    submission_key: format!("figures-{i}"),
                    category: if danger {
                        "abuse_danger"
                    } else {
                        "care_quality"
                    }
                    .into(),
                    establishment: "1".into(),
                    anonymous: danger,
                    name: if danger { "" } else { "Fatima Alaoui" }.into(),
                    phone: if danger { "" } else { "0612345678" }.into(),
                    answer_by: if danger { "none" } else { "sms" }.into(),
                    facts: "Les repas ne sont pas servis à l'heure.".into(),
                    consent: true,
                    locale: "fr".into(),
                    ..Default::default()
                },
                vec![],
                1 << 20,
            )
            .await
            .unwrap();
            if i < 5 {
                system
                    .step(
                        &actor,
                        filed.id,
                        jisr_domain::grievances::Step::Answer,
                        "Vu et corrigé.",
                    )
                    .await
                    .unwrap();
            }
        }
        let year = chrono::Utc::now()
            .with_timezone(&jisr_domain::time::ZONE)
            .format("%Y")
            .to_string();
        let page = send(&app, Method::GET, "/open-data/complaints", None, None, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Réclamations : chiffres publics"));
        let volumes = page.body.split("id=\"grv-od-volumes\"").nth(1).unwrap();
        let volumes = volumes.split("</table>").next().unwrap();
        let row = |name: &str| {
            let start = volumes
                .find(&format!("<th scope=\"row\">{name}</th>"))
                .unwrap_or_else(|| panic!("{name} in {volumes}"));
            volumes[start..].split("</tr>").next().unwrap().to_owned()
        };
        // The one danger report only in the pooled column, withheld; Casablanca's single
        // complaint withheld; no figure from 1 to 4 shown anywhere, and each withheld one
        // with a second in its row (so that the totals do not give it away).
        let rehamna = row("Rehamna");
        let cells = |r: &str| -> Vec<String> {
            r.split("<bdi dir=\"ltr\">")
                .skip(1)
                .map(|c| c.split("</bdi>").next().unwrap().to_owned())
                .collect()
        };
        let pooled = cells(&rehamna);
        assert_eq!(pooled[pooled.len() - 2], "&#60; 5", "{rehamna}");
        for r in [rehamna.clone(), row("Casablanca")] {
            let withheld = cells(&r)
                .iter()
                .filter(|c| *c == "&#60; 5" || *c == "s")
                .count();
            assert!(withheld >= 2, "{r}");
        }
        for c in cells(volumes) {
            assert!(!matches!(c.as_str(), "1" | "2" | "3" | "4"), "{volumes}");
        }
        assert!(
            cells(volumes).iter().any(|c| c == "0"),
            "structural zeros are shown"
        );
        assert!(volumes.contains("Signalements confidentiels"));
        assert!(
            !volumes.contains("Une maltraitance ou un danger"),
            "never a column of its own"
        );
        // Five answered in Rehamna, all within the deadline the same day.
        let timeliness = page.body.split("id=\"grv-od-timeliness\"").nth(1).unwrap();
        let line = timeliness
            .split("Rehamna</th>")
            .nth(1)
            .unwrap()
            .split("</tr>")
            .next()
            .unwrap();
        assert!(
            line.contains("100 %") && line.contains("<bdi dir=\"ltr\">0</bdi>"),
            "{line}"
        );
        let line = timeliness
            .split("Casablanca</th>")
            .nth(1)
            .unwrap()
            .split("</tr>")
            .next()
            .unwrap();
        assert!(line.contains("—"), "nothing answered in Casablanca: {line}");
        // The file: the same figures, one record each.
        let csv = send(
            &app,
            Method::GET,
            &format!("/open-data/complaints?year={year}&format=csv"),
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        assert!(
            csv.body
                .contains(&format!("{year}-01-01,{year}-12-31,07.427,")),
            "{}",
            csv.body
        );
        assert!(csv.body.contains(",care_quality,") && csv.body.contains(",confidential,"));
        assert!(!csv.body.contains("abuse_danger"));
        assert!(csv.body.contains("answered_in_time_pct") && csv.body.contains(",100\n"));
        // Another period: nothing filed then.
        let before = send(
            &app,
            Method::GET,
            "/open-data/complaints?from=2001-01-01&to=2001-12-31",
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(before.status, StatusCode::OK);
        assert!(!before.body.contains("Rehamna</th>"));
        // A wrong period: the errors at their fields, what was typed kept.
        let wrong = send(
            &app,
            Method::GET,
            "/open-data/complaints?from=2026-13-01&to=hier",
            None,
            None,
            &[],
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            wrong.body.matches("Une date au format AAAA-MM-JJ.").count(),
            2,
            "{}",
            wrong.body
        );
        assert!(wrong.body.contains("value=\"2026-13-01\""));
        // In Arabic.
        set_lang("ar");
        let page = send(&app, Method::GET, "/open-data/complaints", None, None, &[]).await;
        set_lang("fr");
        assert!(page.body.contains("الشكايات: أرقام عمومية") && page.body.contains("تبليغات سرية"));
        // The staff figures by period: this year counts them, an old year none.
        let officer = token_for(&app, "provincial_officer").await;
        let figures = send(
            &app,
            Method::GET,
            &format!("/grievances/figures?year={year}"),
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(figures.status, StatusCode::OK);
        let total = figures.body.split("<dt>Réclamations</dt>").nth(1).unwrap();
        assert!(
            total.starts_with(r#"<dd class="num"><bdi>8</bdi>"#),
            "{}",
            figures.body
        );
        let old = send(
            &app,
            Method::GET,
            "/grievances/figures?year=2001",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(old.status, StatusCode::OK);
        assert!(!old.body.contains("<dt>Réclamations</dt>"));
        let wrong = send(
            &app,
            Method::GET,
            "/grievances/figures?to=demain",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn a_complaint_past_its_deadline_is_escalated_once_to_the_regional_coordinator() {
    each_backend(|store| async move {
        use jisr_store::entity::{grievance, outbox_message};
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
        let app = app(&store).await;
        let g = grievance::Entity::find_by_id(1)
            .one(store.conn())
            .await
            .unwrap()
            .unwrap();
        let mut am: grievance::ActiveModel = g.into();
        am.answer_due = Set("2026-01-02".into());
        am.update(store.conn()).await.unwrap();
        let coordinator = bearer(&store, "regional_coordinator").await;
        for _ in 0..2 {
            let r = get_json(&app, "/api/v1/complaints?escalated=true", &coordinator).await;
            let items = json(&r)["items"].as_array().unwrap().clone();
            assert_eq!(items.len(), 1, "{}", r.body);
            assert_eq!(
                (items[0]["id"].as_i64(), items[0]["level"].as_str()),
                (Some(1), Some("regional"))
            );
        }
        let sent = outbox_message::Entity::find()
            .filter(outbox_message::Column::Message.eq("grievance-escalated"))
            .all(store.conn())
            .await
            .unwrap();
        assert_eq!(sent.len(), 1, "once per complaint and level");
        assert_eq!(sent[0].recipient, "regional_coordinator@07");
        let one = get_json(&app, "/api/v1/complaints/1", &coordinator).await;
        let events = json(&one)["events"].as_array().unwrap().clone();
        assert_eq!(
            events
                .iter()
                .filter(|e| e["kind"] == "escalated-region")
                .count(),
            1
        );
        // On the record's page, in words; on the dashboard, counted until answered.
        let officer = token_for(&app, "provincial_officer").await;
        let page = send(
            &app,
            Method::GET,
            "/grievances/1",
            Some(&officer),
            None,
            &[],
        )
        .await;
        assert!(
            page.body
                .contains("Délai dépassé : transmise au coordinateur régional"),
            "{}",
            page.body
        );
        let coordinator_session = token_for(&app, "regional_coordinator").await;
        let dashboard = send(
            &app,
            Method::GET,
            "/dashboard",
            Some(&coordinator_session),
            None,
            &[],
        )
        .await;
        assert!(dashboard.body.contains("/grievances?escalated=1"));
        // The complainant's status does not show the internal line.
        let code = json(&one)["tracking_code"].as_str().unwrap().to_owned();
        let seen = post_public(
            &app,
            "/api/v1/complaints/status",
            &format!(r#"{{"tracking_code": "{code}", "secret": "0612345678"}}"#),
            &[],
        )
        .await;
        assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
        assert!(!seen.body.contains("escalated-region"));
    })
    .await;
}
