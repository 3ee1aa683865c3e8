//! Per-address limits on the public doors that cost the most or could be guessed at:
//! tracking look-ups and filings. The client's address is read once per request (behind
//! a trusted proxy, from `X-Forwarded-For`: `domain::limits::client_address`) and is also
//! the address the audit trail and the sign-in throttle use. A refused request answers
//! 429 with `Retry-After`, as a translated page or as problem details under `/api`.
//!
//! The counters live in memory: one server's view. Each bucket is forgotten once full
//! again, so the table holds only the addresses that were busy lately.

use crate::WebError;
use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::MethodRouter;
use jisr_domain::limits::{Bucket, Cidr, Rate, client_address};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The doors with a limit of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Looking an application or a complaint up by its code, and acting on it from there.
    Tracking,
    /// Filing without an account (applications, complaints).
    Filing,
}

/// The limits' settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitSettings {
    /// Proxies whose `X-Forwarded-For` is believed; none by default (the socket's peer is
    /// the client).
    pub trusted_proxies: Vec<Cidr>,
    /// Tracking look-ups per address; `None`: no limit.
    pub tracking: Option<Rate>,
    /// Filings per address; `None`: no limit.
    pub filings: Option<Rate>,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            trusted_proxies: Vec::new(),
            tracking: Some(Rate {
                count: 60,
                per_seconds: 3_600,
            }),
            filings: Some(Rate {
                count: 20,
                per_seconds: 3_600,
            }),
        }
    }
}

/// The address a request comes from, as the limits, the audit trail and the sign-in
/// throttle see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// The counters of every address, shared by the server's requests.
pub struct Limiter {
    settings: LimitSettings,
    started: Instant,
    buckets: Mutex<HashMap<(Limit, IpAddr), Bucket>>,
}

/// Beyond this many busy addresses, full buckets are swept out before adding one.
const SWEEP_AT: usize = 10_000;

impl Limiter {
    pub fn new(settings: LimitSettings) -> Self {
        Self {
            settings,
            started: Instant::now(),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn rate(&self, limit: Limit) -> Option<Rate> {
        match limit {
            Limit::Tracking => self.settings.tracking,
            Limit::Filing => self.settings.filings,
        }
    }

    /// Takes one request of `limit` for `addr`; refused with the seconds to wait.
    pub fn take(&self, limit: Limit, addr: IpAddr) -> Result<(), u64> {
        let Some(rate) = self.rate(limit) else {
            return Ok(());
        };
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= SWEEP_AT && !buckets.contains_key(&(limit, addr)) {
            buckets.retain(|(l, _), b| self.rate(*l).is_some_and(|r| !b.is_full(r, now)));
        }
        buckets
            .entry((limit, addr))
            .or_insert_with(|| Bucket::full(rate, now))
            .take(rate, now)
    }

    /// The client of a request whose socket peer is `peer`.
    pub fn client(&self, peer: IpAddr, headers: &axum::http::HeaderMap) -> ClientAddress {
        let forwarded: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        ClientAddress(client_address(
            peer,
            &forwarded,
            &self.settings.trusted_proxies,
        ))
    }
}

/// Reads the client's address once and leaves it, with the limiter, in the request's
/// extensions for the layers and handlers below.
pub async fn read_client(
    axum::extract::State(limiter): axum::extract::State<Arc<Limiter>>,
    mut req: Request,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(peer) = peer {
        let client = limiter.client(peer, req.headers());
        req.extensions_mut().insert(client);
    }
    req.extensions_mut().insert(limiter);
    next.run(req).await
}

/// `route` counted against `limit` for the client's address.
pub fn limited(
    limit: Limit,
    route: MethodRouter<crate::AppState>,
) -> MethodRouter<crate::AppState> {
    route.route_layer(axum::middleware::from_fn(
        move |req: Request, next: Next| enforce(limit, req, next),
    ))
}

/// An API operation counted against `limit`, its 429 answer documented.
pub fn limited_api(limit: Limit, route: crate::auth::ApiRoute) -> crate::auth::ApiRoute {
    let (schemas, mut paths, router) = route;
    for item in paths.paths.values_mut() {
        for op in [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
        {
            crate::api::problem::document_too_many(op);
        }
    }
    (schemas, paths, limited(limit, router))
}

async fn enforce(limit: Limit, req: Request, next: Next) -> Response {
    let limiter = req.extensions().get::<Arc<Limiter>>().cloned();
    let client = req.extensions().get::<ClientAddress>().copied();
    if let (Some(limiter), Some(ClientAddress(addr))) = (limiter, client)
        && let Err(wait) = limiter.take(limit, addr)
    {
        tracing::warn!(?limit, "rate limit reached");
        return axum::response::IntoResponse::into_response(WebError::TooManyRequests(wait));
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_and_door_has_its_own_count() {
        let limiter = Limiter::new(LimitSettings {
            trusted_proxies: Vec::new(),
            tracking: Some(Rate {
                count: 2,
                per_seconds: 3600,
            }),
            filings: None,
        });
        let a: IpAddr = "203.0.113.1".parse().unwrap();
        let b: IpAddr = "203.0.113.2".parse().unwrap();
        assert!(limiter.take(Limit::Tracking, a).is_ok());
        assert!(limiter.take(Limit::Tracking, a).is_ok());
        let wait = limiter.take(Limit::Tracking, a).unwrap_err();
        assert!((1..=1800).contains(&wait), "{wait}");
        assert!(limiter.take(Limit::Tracking, b).is_ok());
        for _ in 0..100 {
            assert!(limiter.take(Limit::Filing, a).is_ok(), "filings are off");
        }
    }

    #[test]
    fn the_forwarded_address_counts_only_behind_a_trusted_proxy() {
        let limiter = Limiter::new(LimitSettings {
            trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
            ..LimitSettings::default()
        });
        let mut headers = axum::http::HeaderMap::new();
        headers.insert("x-forwarded-for", "198.51.100.7".parse().unwrap());
        assert_eq!(
            limiter.client("127.0.0.1".parse().unwrap(), &headers).0,
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            limiter.client("192.0.2.1".parse().unwrap(), &headers).0,
            "192.0.2.1".parse::<IpAddr>().unwrap()
        );
    }
}
