//! A readable page of the API, built from the same OpenAPI document the API serves, so
//! the two never disagree. Summaries are translated by operation id.

use super::render;
use crate::WebError;
use crate::ctx::Ctx;
use crate::view::Chrome;
use askama::Template;
use axum::response::Html;

pub struct Operation {
    pub method: &'static str,
    pub path: String,
    pub summary_key: String,
    pub params: Vec<String>,
}

#[derive(Template)]
#[template(path = "api.html")]
struct ApiPage {
    chrome: Chrome,
    operations: Vec<Operation>,
}

/// The documented operations, in path order.
pub fn operations() -> Vec<Operation> {
    let doc = crate::api::openapi();
    let mut out = Vec::new();
    for (path, item) in &doc.paths.paths {
        let ops = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
        ];
        for (method, op) in ops {
            let Some(op) = op else { continue };
            out.push(Operation {
                method,
                path: path.clone(),
                summary_key: format!("api-op-{}", op.operation_id.clone().unwrap_or_default()),
                params: op
                    .parameters
                    .iter()
                    .flatten()
                    .map(|p| p.name.clone())
                    .collect(),
            });
        }
    }
    out
}

pub async fn page(ctx: Ctx) -> Result<Html<String>, WebError> {
    render(ApiPage {
        chrome: ctx.chrome("api-title"),
        operations: operations(),
    })
}

/// The pages of this context, each with its policy and example paths.
pub(super) fn routes() -> crate::auth::Routes {
    use crate::auth::{Policy::*, Routes};
    use axum::http::Method;
    use axum::routing::get;
    Routes::new().add(Method::GET, "/api", "/api", Public, get(page))
}
