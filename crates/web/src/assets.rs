//! Static files compiled into the binary: the stylesheet, the fonts (SIL OFL 1.1, see
//! `assets/fonts/README.md`) and htmx (0BSD, see `assets/js/README.md`). No page depends
//! on a CDN.

use crate::auth::{Policy, Routes};
use axum::extract::Path;
use axum::http::{Method, header};
use axum::response::IntoResponse;
use axum::routing::get;

#[derive(rust_embed::RustEmbed)]
#[folder = "assets/"]
#[exclude = "*.md"]
#[exclude = "*.txt"]
struct Assets;

pub fn routes() -> Routes {
    Routes::new().add(
        Method::GET,
        "/static/{*path}",
        "/static/app.css",
        Policy::Public,
        get(serve),
    )
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("woff2") => "font/woff2",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

async fn serve(Path(path): Path<String>) -> Result<impl IntoResponse, crate::WebError> {
    let file = Assets::get(&path).ok_or(crate::WebError::NotFound)?;
    // Scripts carry their version in their name: a new version is a new address.
    let cache = if path.starts_with("js/") {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=86400"
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type(&path)),
            (header::CACHE_CONTROL, cache),
        ],
        file.data.into_owned(),
    ))
}
