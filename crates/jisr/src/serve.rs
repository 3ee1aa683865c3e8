//! Running the web server with graceful shutdown.

use crate::config::Config;
use anyhow::{Result, anyhow};
use jisr_i18n::Catalog;
use jisr_store::Store;
use jisr_web::{AppState, WebConfig};
use tokio::net::TcpListener;

/// Called once with the bound address, before serving.
pub type OnReady = Box<dyn FnOnce(&str) + Send>;

/// Binds, then serves until SIGTERM or Ctrl-C; requests in flight finish first.
/// `on_ready` is called with the bound address before serving.
pub async fn run(cfg: &Config, store: Store, on_ready: Option<OnReady>) -> Result<()> {
    let catalog = Catalog::load().map_err(|e| anyhow!("translations: {e}"))?;
    let limits = cfg.limits()?;
    let state = AppState::new(
        store.clone(),
        catalog,
        WebConfig {
            secure_cookies: cfg.secure_cookies,
            documents_dir: cfg.documents_dir(),
            max_upload_bytes: cfg.max_upload_bytes,
            data_protection_reference: cfg.data_protection_reference.clone(),
            limits,
        },
    );
    let listener = TcpListener::bind(&cfg.bind)
        .await
        .map_err(|e| anyhow!("JISR_BIND: cannot listen on {}: {e}", cfg.bind))?;
    let key = crate::checkpoints::signing_key(cfg)?;
    crate::checkpoints::spawn_periodic(
        store.clone(),
        key,
        crate::checkpoints::dir(cfg),
        cfg.audit_checkpoint_minutes,
    );
    let addr = listener.local_addr()?.to_string();
    tracing::info!(%addr, database = store.backend().as_str(), "listening");
    if let Some(f) = on_ready {
        f(&addr);
    }
    let app = jisr_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("stopped");
    store.close().await.ok();
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
