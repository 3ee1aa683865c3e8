//! The request context a page handler needs: state, language, the signed-in person, and
//! the actor to record in the audit trail.

use crate::AppState;
use crate::auth::{actor, session_token};
use crate::locale::negotiate;
use crate::view::Chrome;
use axum::extract::FromRequestParts;
use axum::http::Uri;
use axum::http::request::Parts;
use jisr_domain::access::{Capability, Grants};
use jisr_i18n::Locale;
use jisr_store::access::Access;
use jisr_store::audit::Actor;
use jisr_store::sessions::SessionUser;

pub struct Ctx {
    pub state: AppState,
    pub locale: Locale,
    pub uri: Uri,
    pub user: Option<SessionUser>,
    pub token: Option<String>,
    pub actor: Actor,
    /// The request comes from htmx updating part of a page (`HX-Request`), not restoring
    /// a page from history: a list answers with its table region only.
    pub fragment: bool,
}

impl Ctx {
    /// The signed-in person's grants (none when signed out); shared, not copied.
    pub fn grants(&self) -> Grants {
        self.user
            .as_ref()
            .map(|u| u.grants.clone())
            .unwrap_or_default()
    }

    /// Whether the signed-in person's role holds `capability` (over some scope).
    pub fn can(&self, capability: Capability) -> bool {
        self.user.as_ref().is_some_and(|u| u.grants.can(capability))
    }

    /// The person's reach into the store, from which every context's scoped handle is
    /// built (`jisr_store::establishments::Scoped::from(ctx.access())`).
    pub fn access(&self) -> Access<'_> {
        Access::new(&self.state.store, self.grants())
    }

    /// The page frame with a translated title.
    pub fn chrome(&self, title_key: &str) -> Chrome {
        Chrome::new(
            self.state.catalog.clone(),
            self.locale,
            &self.uri,
            title_key,
        )
        .with_user(self.user.as_ref())
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let user = parts.extensions.get::<SessionUser>().cloned();
        let actor = actor(user.as_ref(), &parts.extensions, &parts.headers);
        let fragment = parts.headers.get("hx-request").is_some()
            && parts.headers.get("hx-history-restore-request").is_none();
        Ok(Ctx {
            state: state.clone(),
            locale: negotiate(parts),
            uri: parts.uri.clone(),
            token: session_token(parts),
            user,
            actor,
            fragment,
        })
    }
}
