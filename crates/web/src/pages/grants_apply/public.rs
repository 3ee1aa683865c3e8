//! The public side: the published calls and the register of awarded grants.

use super::{CallView, call_view, mad};
use crate::WebError;
use crate::ctx::Ctx;
use crate::pages::render;
use crate::view::Chrome;
use crate::views::grants_apply as giving;
use askama::Template;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use jisr_store::grants;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "grants_apply/calls.html")]
struct CallsPage {
    chrome: Chrome,
    calls: Vec<CallView>,
}

/// The published calls, newest first.
pub async fn calls(ctx: Ctx) -> Result<Response, WebError> {
    let chrome = ctx.chrome("grants-apply-calls-title");
    let store = &ctx.state.store;
    let provinces = giving::province_names(store).await?;
    let categories = jisr_store::transparency::categories(store).await?;
    let calls = grants::published_calls(store)
        .await?
        .iter()
        .map(|c| call_view(&chrome, c, &provinces, &categories))
        .collect();
    render(CallsPage { chrome, calls }).map(IntoResponse::into_response)
}

#[derive(Template)]
#[template(path = "grants_apply/call.html")]
struct CallPage {
    chrome: Chrome,
    call: CallView,
    can_apply: bool,
}

/// One published call: who may apply, the money, the dates, the documents asked and the
/// scoring grid.
pub async fn call(ctx: Ctx, Path(id): Path<String>) -> Result<Response, WebError> {
    let id: i64 = id.parse().map_err(|_| WebError::NotFound)?;
    let store = &ctx.state.store;
    let c = grants::published_call(store, id).await?;
    let chrome = ctx.chrome("grants-apply-calls-title");
    let provinces = giving::province_names(store).await?;
    let categories = jisr_store::transparency::categories(store).await?;
    let call = call_view(&chrome, &c, &provinces, &categories);
    let chrome = chrome.with_title(call.title.clone());
    render(CallPage {
        can_apply: ctx.can(jisr_domain::access::Capability::ApplyForGrants),
        chrome,
        call,
    })
    .map(IntoResponse::into_response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegisterQuery {
    year: String,
    province: String,
    fund: String,
    format: String,
}

struct Row {
    association: String,
    project: String,
    amount: String,
    date: String,
    fund: String,
    province: String,
    paid: String,
}

struct Pick {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "grants_apply/register.html")]
struct RegisterPage {
    chrome: Chrome,
    rows: Vec<Row>,
    years: Vec<Pick>,
    provinces: Vec<Pick>,
    funds: Vec<Pick>,
    /// The filter as a query, for the download links.
    query: String,
    total: String,
    error: bool,
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Every grant awarded, filterable by year, province and fund; `?format=csv` and
/// `?format=json` give the same rows after the 360Giving Data Standard.
pub async fn register(ctx: Ctx, Query(q): Query<RegisterQuery>) -> Result<Response, WebError> {
    let store = &ctx.state.store;
    let filter = giving::checked_filter(Some(&q.year), Some(&q.province), Some(&q.fund));
    let error = filter.is_err();
    let filter = filter.unwrap_or_default();
    let rows = if error {
        Vec::new()
    } else {
        grants::register(store, &filter).await?
    };
    let names = giving::province_names(store).await?;
    match q.format.as_str() {
        "csv" | "json" if error => return Err(WebError::BadRequest("grants-apply-register-bad")),
        "csv" => {
            let records: Vec<_> = rows
                .iter()
                .map(|r| giving::giving_grant(r, &names))
                .collect();
            let body =
                giving::giving_csv(&records).map_err(|e| WebError::Internal(e.to_string()))?;
            return Ok((
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"jisr-grants-360giving.csv\"",
                    ),
                ],
                body,
            )
                .into_response());
        }
        "json" => {
            let package = giving::GivingPackage {
                grants: rows
                    .iter()
                    .map(|r| giving::giving_grant(r, &names))
                    .collect(),
            };
            let body =
                serde_json::to_string(&package).map_err(|e| WebError::Internal(e.to_string()))?;
            return Ok((
                [
                    (header::CONTENT_TYPE, "application/json"),
                    (
                        header::CONTENT_DISPOSITION,
                        "inline; filename=\"jisr-grants-360giving.json\"",
                    ),
                ],
                body,
            )
                .into_response());
        }
        "" | "html" => {}
        _ => return Err(WebError::NotFound),
    }
    let chrome = ctx.chrome("grants-register-title");
    // The choices come from every awarded grant, whatever the filter.
    let all = grants::register(store, &Default::default()).await?;
    let mut years: Vec<String> = all
        .iter()
        .filter_map(|r| r.award_date.get(0..4).map(str::to_owned))
        .collect();
    years.sort();
    years.dedup();
    years.reverse();
    let mut funds: Vec<String> = all.iter().map(|r| r.fund.clone()).collect();
    funds.sort();
    funds.dedup();
    let mut province_codes: Vec<String> = all.iter().map(|r| r.province_code.clone()).collect();
    province_codes.sort();
    province_codes.dedup();
    let province_name = |code: &str| {
        names
            .get(code)
            .map(|(ar, fr)| chrome.name(ar, fr).to_owned())
            .unwrap_or_else(|| code.to_owned())
    };
    let total: i64 = rows.iter().map(|r| r.amount).sum();
    let view_rows = rows
        .iter()
        .map(|r| Row {
            association: chrome
                .name(&r.association_name_ar, &r.association_name_fr)
                .to_owned(),
            project: r.project_title.clone(),
            amount: mad(&chrome, r.amount),
            date: chrome.date(&r.award_date),
            fund: r.fund.clone(),
            province: province_name(&r.province_code),
            paid: mad(&chrome, r.tranches_paid),
        })
        .collect();
    let query = [
        ("year", &filter.year),
        ("province", &filter.province),
        ("fund", &filter.fund),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={}&", encode(v)))
    .collect::<String>();
    let pick = |values: &[String], current: &str, label: &dyn Fn(&str) -> String| {
        values
            .iter()
            .map(|v| Pick {
                value: v.clone(),
                label: label(v),
                selected: v == current,
            })
            .collect::<Vec<_>>()
    };
    let page = RegisterPage {
        years: pick(&years, &filter.year, &|v| v.to_owned()),
        provinces: pick(&province_codes, &filter.province, &province_name),
        funds: pick(&funds, &filter.fund, &|v| v.to_owned()),
        rows: view_rows,
        query,
        total: mad(&chrome, total),
        error,
        chrome,
    };
    let html = render(page)?;
    if error {
        Ok((axum::http::StatusCode::BAD_REQUEST, html).into_response())
    } else {
        Ok(html.into_response())
    }
}
