//! `storyline serve`: a JSON API (`/api/v1/…`, described by a generated OpenAPI document)
//! and server-rendered pages over a store. Read-only; every handler calls the same
//! library functions as the CLI, on a store opened per request on the blocking pool.

mod api;
mod cache;
mod error;
mod html;
mod pages;
mod security;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use storyline::store::Store;

pub use error::ApiError;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store to read.
    pub db: PathBuf,
    /// Where to listen (loopback by default).
    pub addr: SocketAddr,
}

/// What every handler shares: where the store is.
#[derive(Debug, Clone)]
struct AppState {
    db: Arc<PathBuf>,
    stories: Arc<cache::StoryCache>,
}

impl AppState {
    /// Runs `f` on an open store, on the blocking pool (SQLite calls block).
    /// A story's body: from the cache while the story's rows are unchanged, else built.
    async fn story(&self, id: String) -> Result<Arc<api::StoryBody>, ApiError> {
        let cache = self.stories.clone();
        self.read(move |store| {
            let (row, event) = store
                .story(&id)?
                .ok_or_else(|| ApiError::not_found(format!("no storyline or event {id}")))?;
            let stamp = cache::StoryCache::stamp(&(&row, &event));
            if let Some(body) = cache.get(&id, stamp) {
                return Ok(body);
            }
            let story = storyline::run::Story::load(store, row, event)?;
            let body = Arc::new(api::story_body(&story));
            cache.put(&id, stamp, body.clone());
            Ok(body)
        })
        .await
    }

    async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || {
            let store = Store::open_existing(&db).map_err(ApiError::from)?;
            f(&store)
        })
        .await
        .map_err(|e| ApiError::internal(format!("a request handler failed: {e}")))?
    }
}

/// Largest request body accepted (the API is read-only: requests carry no body).
const MAX_BODY: usize = 64 * 1024;

/// Longest time a request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The whole application: API, pages and assets, with the security headers and limits.
pub fn router(db: PathBuf) -> Router {
    let state = AppState {
        db: Arc::new(db),
        stories: Arc::new(cache::StoryCache::default()),
    };
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .fallback(error::not_found)
        .with_state(state)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::from_fn(security::headers))
}

/// Serves until Ctrl-C. Refuses a missing store before listening.
pub async fn serve(opts: ServeOptions) -> anyhow::Result<()> {
    Store::open_existing(&opts.db)?;
    let listener = tokio::net::TcpListener::bind(opts.addr).await?;
    eprintln!(
        "storyline: serving {} at http://{} (Ctrl-C stops)",
        opts.db.display(),
        listener.local_addr()?
    );
    axum::serve(listener, router(opts.db))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
