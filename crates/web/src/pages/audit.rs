//! The auditor's view of the trail: search, and verification of the hash chain.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::listing::{self, Columns, ListParams, Table, page_number};
use crate::view::Chrome;
use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use jisr_domain::access::Capability;
use jisr_domain::access::Scope;
use jisr_domain::audit::ChainBreak;
use jisr_domain::audit::checkpoint::{Anchoring, Signed, fingerprint};
use jisr_store::audit::{self, Search, checkpoint};
use jisr_store::entity::audit_log;
use jisr_store::listing::{Direction, Page};
use jisr_store::sessions::SessionUser;
use serde::Deserialize;

/// The trail covers the whole country: only national-scope readers see it.
pub fn may_read_trail(user: Option<&SessionUser>) -> bool {
    user.is_some_and(|u| {
        u.grants
            .scopes_for(Capability::ReadAuditTrail)
            .any(|s| *s == Scope::National)
    })
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    actor: Option<String>,
    entity: Option<String>,
    entity_id: Option<String>,
    action: Option<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(flatten)]
    list: ListParams,
}

/// The trail is sorted by its order (entry number, hence time): newest first by default.
const COLUMNS: Columns<()> = Columns {
    columns: &[("at", (), Direction::Descending)],
    default: ("at", Direction::Descending),
};

/// Entries shown on one page.
pub const PAGE_SIZE: u64 = 50;

/// Verification outcome shown on the page.
pub struct Outcome {
    pub ok: bool,
    pub message: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    chrome: Chrome,
    outcome: Option<Outcome>,
    /// The newest signed checkpoint, described.
    checkpoint: String,
    region: String,
}

/// The newest checkpoint the database recorded, in a sentence.
fn describe_checkpoint(chrome: &Chrome, c: Option<&Signed>) -> String {
    match c {
        None => chrome.t("audit-checkpoint-none"),
        Some(s) => chrome.targs(
            "audit-checkpoint",
            &[
                ("seq", s.checkpoint.seq.to_string()),
                // Left-to-right isolates: a date, a time and a key keep their order
                // inside Arabic.
                (
                    "at",
                    format!("\u{2066}{}\u{2069}", chrome.time(&s.checkpoint.at)),
                ),
                ("entries", s.checkpoint.entries.to_string()),
                (
                    "key",
                    format!("\u{2066}{}\u{2069}", fingerprint(&s.public_key)),
                ),
            ],
        ),
    }
}

/// The search form, count, table and pager: the part htmx replaces.
#[derive(Template)]
#[template(path = "audit_region.html")]
struct AuditRegion {
    chrome: Chrome,
    q: AuditQuery,
    entries: Vec<audit_log::Model>,
    usernames: std::collections::HashMap<String, String>,
    table: Table,
}

fn value(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

impl AuditRegion {
    fn count_label(&self) -> String {
        self.chrome.tn("audit-count", self.table.total as usize)
    }

    /// `2026-11-30T05:13:37.094329Z` as `30/11/2026 06:13:37` in Morocco's time.
    fn when(&self, at: &str) -> String {
        jisr_domain::time::in_morocco(at).map_or_else(
            || at.to_owned(),
            |t| t.format("%d/%m/%Y %H:%M:%S").to_string(),
        )
    }

    /// `user:8` as the account's username; other actors as they are.
    fn who<'a>(&'a self, actor: &'a str) -> &'a str {
        self.usernames.get(actor).map_or(actor, String::as_str)
    }

    /// A stored code (`login.failed`) as its translation key suffix (`login-failed`).
    fn code_key(&self, prefix: &str, code: &str) -> String {
        self.chrome.t2(prefix, &code.replace(['.', '_'], "-"))
    }

    /// Every action the trail records, offered in the filter.
    fn actions(&self) -> impl Iterator<Item = &'static str> {
        jisr_domain::audit::Action::ALL.iter().map(|a| a.as_str())
    }

    fn field<'a>(&'a self, name: &str) -> &'a str {
        match name {
            "actor" => value(&self.q.actor),
            "entity" => value(&self.q.entity),
            "entity_id" => value(&self.q.entity_id),
            "action" => value(&self.q.action),
            "from" => value(&self.q.from),
            "to" => value(&self.q.to),
            _ => "",
        }
    }
}

async fn show(ctx: Ctx, q: AuditQuery, outcome: Option<Outcome>) -> Result<Response, WebError> {
    if !may_read_trail(ctx.user.as_ref()) {
        return Err(WebError::NotFound);
    }
    let search = Search {
        actor: q.actor.clone(),
        entity: q.entity.clone(),
        entity_id: q.entity_id.clone(),
        action: q.action.clone(),
        from: q.from.clone(),
        to: q.to.clone(),
    };
    let sorting = COLUMNS.parse(&q.list);
    let store = &ctx.state.store;
    let mut page = Page::new(page_number(&q.list), PAGE_SIZE);
    let (mut entries, mut total) = audit::search_page(store, &search, sorting.dir, page).await?;
    if page.number > page.count(total) {
        page = Page::new(page.count(total), PAGE_SIZE);
        (entries, total) = audit::search_page(store, &search, sorting.dir, page).await?;
    }
    let usernames = jisr_store::accounts::accounts(ctx.state.store.conn())
        .await?
        .into_iter()
        .map(|a| (format!("user:{}", a.user.id), a.user.username))
        .collect();
    let chrome = ctx.chrome("audit-title");
    let table = Table::new(
        &chrome,
        "/audit",
        "audit-region",
        vec![
            ("action", value(&q.action).to_owned()),
            ("actor", value(&q.actor).to_owned()),
            ("entity", value(&q.entity).to_owned()),
            ("entity_id", value(&q.entity_id).to_owned()),
            ("from", value(&q.from).to_owned()),
            ("to", value(&q.to).to_owned()),
        ],
        &COLUMNS,
        &sorting,
        page,
        total,
    );
    let region = render(AuditRegion {
        chrome,
        q,
        entries,
        usernames,
        table,
    })?
    .0;
    let chrome = ctx.chrome("audit-title");
    let checkpoint = describe_checkpoint(&chrome, checkpoint::latest(store).await?.as_ref());
    listing::respond(ctx.fragment, region, |region| {
        render(AuditPage {
            chrome,
            outcome,
            checkpoint,
            region,
        })
    })
}

pub async fn page(ctx: Ctx, Query(q): Query<AuditQuery>) -> Result<Response, WebError> {
    show(ctx, q, None).await
}

pub async fn verify(mut ctx: Ctx) -> Result<Response, WebError> {
    // The outcome is part of the whole page.
    ctx.fragment = false;
    if !may_read_trail(ctx.user.as_ref()) {
        return Err(WebError::NotFound);
    }
    let v = audit::verify(&ctx.state.store).await?;
    let chrome = ctx.chrome("audit-title");
    let store = &ctx.state.store;
    let outcome = match v.first_break {
        None => anchored(&chrome, store, v.entries).await?,
        Some(ChainBreak::PrevMismatch { id } | ChainBreak::HashMismatch { id }) => Outcome {
            ok: false,
            message: chrome.t1("audit-verify-broken", "id", &id.to_string()),
        },
    };
    show(ctx, AuditQuery::default(), Some(outcome)).await
}

/// An intact chain, checked against the newest checkpoint the database recorded: a tail
/// cut after it, or a rewrite with every hash recomputed, shows here. (An older copy
/// restored over the database knows only its own checkpoints: `jisr audit verify` with
/// a checkpoint kept elsewhere catches that.)
async fn anchored(
    chrome: &Chrome,
    store: &jisr_store::Store,
    entries: u64,
) -> Result<Outcome, WebError> {
    let ok = |message| Outcome { ok: true, message };
    let Some(latest) = checkpoint::latest(store).await? else {
        return Ok(ok(chrome.t1(
            "audit-verify-ok",
            "entries",
            &entries.to_string(),
        )));
    };
    let seq = latest.checkpoint.seq.to_string();
    Ok(match checkpoint::check(store, &latest, None).await? {
        Err(_) => Outcome {
            ok: false,
            message: chrome.t1("audit-verify-bad-checkpoint", "seq", &seq),
        },
        Ok(Anchoring::Holds { .. }) => ok(chrome.targs(
            "audit-verify-ok-anchored",
            &[("entries", entries.to_string()), ("seq", seq)],
        )),
        Ok(Anchoring::Truncated { missing } | Anchoring::RolledBack { missing, .. }) => Outcome {
            ok: false,
            message: chrome.targs(
                "audit-verify-truncated",
                &[("missing", missing.to_string()), ("seq", seq)],
            ),
        },
        Ok(Anchoring::Rewritten { entry }) => Outcome {
            ok: false,
            message: chrome.targs(
                "audit-verify-rewritten",
                &[("id", entry.to_string()), ("seq", seq)],
            ),
        },
    })
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::{get, post};
    use jisr_domain::access::Capability;
    Routes::new()
        .add(
            Method::GET,
            "/audit",
            "/audit",
            Can(Capability::ReadAuditTrail),
            get(page),
        )
        .add(
            Method::POST,
            "/audit/verify",
            "/audit/verify",
            Can(Capability::ReadAuditTrail),
            post(verify),
        )
}

#[cfg(test)]
mod tests {
    use jisr_domain::audit::{Action, Entity};
    use jisr_i18n::{Catalog, Locale};

    /// Every action and entity the trail can record has a name of its own in Arabic and
    /// French: the filter never offers a raw key or two actions under one name.
    #[test]
    fn every_action_and_entity_is_named_once_in_each_language() {
        let catalog = Catalog::load().unwrap();
        for l in [Locale::Ar, Locale::Fr] {
            let mut seen = std::collections::HashMap::new();
            for a in Action::ALL {
                let key = format!("audit-action-{}", a.key());
                assert!(catalog.has(l, &key), "{key} missing in {l:?}");
                let label = catalog.t(l, &key);
                if let Some(other) = seen.insert(label.clone(), key.clone()) {
                    panic!("{key} and {other} both read {label:?} in {l:?}");
                }
            }
            for e in Entity::ALL {
                let key = format!("audit-entity-{}", e.key());
                assert!(catalog.has(l, &key), "{key} missing in {l:?}");
            }
        }
    }
}
