//! Static files (stylesheet, fonts) compiled into the binary: no page depends on a CDN.

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
    Ok((
        [
            (header::CONTENT_TYPE, content_type(&path)),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        file.data.into_owned(),
    ))
}
