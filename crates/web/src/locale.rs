//! The language of a request: the `jisr_lang` cookie set by the switch, else the
//! browser's `Accept-Language`, else Arabic.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use jisr_i18n::Locale;

pub const LANG_COOKIE: &str = "jisr_lang";

/// The request's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(pub Locale);

pub fn cookie_value<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn negotiate(parts: &Parts) -> Locale {
    cookie_value(parts, LANG_COOKIE)
        .and_then(Locale::parse)
        .or_else(|| {
            parts
                .headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or(Locale::DEFAULT)
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Lang(negotiate(parts)))
    }
}
